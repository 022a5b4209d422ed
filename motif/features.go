package motif

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/leitmotif-audio/leitmotif/internal/audio"
	"github.com/leitmotif-audio/leitmotif/internal/chroma"
)

// Kind names a chroma variant.
type Kind string

// The chroma variants.
const (
	// HPCP is the harmonic pitch class profile of Gómez (2006): spectral peaks, harmonic
	// weighting, 36 bins folded to 12. It is the default and the input of matching.
	HPCP Kind = "hpcp"
	// STFT is short-time Fourier transform chroma comparable to librosa's chroma_stft.
	STFT Kind = "stft"
	// CENS is the chroma energy normalised statistics of Müller, Kurth and Clausen (2005):
	// quantised, smoothed over about two seconds and downsampled; robust to tempo and timbre.
	CENS Kind = "cens"
)

// PitchClasses returns the names of the 12 chroma bins, bin 0 first (a fresh copy: callers may
// change it).
func PitchClasses() [12]string {
	return [12]string{"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"}
}

// MelodyMinFreq is the default lower edge of the analysed band, in Hz. Leaving out the bass
// register removes most of an accompaniment's roots, bass lines and low pads, while every melody
// note above it, and the second and higher harmonics of lower ones (which HPCP's harmonic
// weighting folds onto the right pitch class), still count. On the development set it raised
// MAP from about 0.86 (full band from 65 Hz) to 0.94; set MinFreq to 65.4 (C2) for the full band.
const MelodyMinFreq = 200

// ChromaOptions configures feature extraction. The zero value gives HPCP over the melody band
// (MelodyMinFreq to 5,000 Hz) at an analysis rate of 11,025 Hz, 2,048-sample frames and a hop of
// 1,024 (10.8 frames per second), with the tuning estimated from the audio. A value out of the
// ranges below makes the Analyze functions return an *OptionError naming the field.
type ChromaOptions struct {
	// Kind is the chroma variant: HPCP, STFT or CENS; "" means HPCP.
	Kind Kind
	// Base is the chroma a CENS sequence is computed from (HPCP or STFT); "" means HPCP.
	Base Kind
	// AnalysisRate, FrameSize and Hop override the analysis sample rate (Hz, at most 768,000)
	// and the STFT frame and hop sizes (samples at the analysis rate: FrameSize a power of two
	// from 64 to 2^20, Hop 1..FrameSize); 0 keeps the default.
	AnalysisRate, FrameSize, Hop int
	// MinFreq is the lowest analysed frequency in Hz (finite, >= 0); 0 means MelodyMinFreq.
	// Frequencies under two FFT bins (2·AnalysisRate/FrameSize) are never analysed.
	MinFreq float64
	// MaxFreq is the highest analysed frequency in Hz (finite, >= 0); 0 keeps the front end's
	// 5,000 Hz. It is limited to 0.9 of the Nyquist frequency of AnalysisRate, and the band
	// left above MinFreq must hold at least one FFT bin.
	MaxFreq float64
	// FixedTuning disables tuning estimation and uses TuningCents (deviation from A4 = 440 Hz).
	FixedTuning bool
	// TuningCents is the reference tuning when FixedTuning is set; it must be finite.
	TuningCents float64
}

// Features is a chroma sequence: one 12-bin frame per 1/FrameRate seconds, frame k centred at
// k/FrameRate seconds.
type Features struct {
	// File is the path the features were computed from, if any.
	File string
	// Kind is the chroma variant.
	Kind Kind
	// Duration of the audio in seconds.
	Duration float64
	// SampleRate of the source audio in Hz.
	SampleRate int
	// FrameRate is frames per second.
	FrameRate float64
	// TuningCents is the tuning the pitch classes were referred to, in cents from A4 = 440 Hz.
	TuningCents float64
	// Frames holds the chroma, bin 0 = C.
	Frames [][12]float32
	// Warnings lists recoverable problems met while decoding, such as a truncated data chunk.
	Warnings []string
}

// FormatError reports input that is not well-formed WAV, FLAC, MP3 or Ogg Vorbis audio (Codec
// names the format it was taken for, "" when none was recognised).
type FormatError = audio.FormatError

// UnsupportedError reports valid audio that leitmotif cannot read, such as compressed WAV, RF64,
// MPEG 2.5 or Ogg Opus.
type UnsupportedError = audio.UnsupportedError

// FileError attaches a file name to an error met while reading or analysing it.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// readBlock is the number of sample frames decoded per block: large enough to amortise calls,
// small enough that memory does not depend on the file.
const readBlock = 16384

// OptionError reports a ChromaOptions value out of range; Field names the ChromaOptions field,
// and the message reads "chroma options: FrameSize 1000 is not a power of two from 64 to
// 1048576". AnalyzeFile, Analyze and AnalyzeSamples return it (AnalyzeFile inside a
// *FileError) before reading any audio.
type OptionError = chroma.OptionError

// AnalyzeFile computes the chroma features of an audio file (WAV, FLAC, MP3 or Ogg Vorbis,
// recognised by its content) by streaming it. Errors name the file.
func AnalyzeFile(path string, opt ChromaOptions) (*Features, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *fs.PathError already names the file
	}
	defer f.Close()
	feat, err := Analyze(f, opt)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	feat.File = path
	return feat, nil
}

// Analyze computes the chroma features of audio read from r (WAV, FLAC, MP3 or Ogg Vorbis,
// recognised by its first bytes), block by block. Invalid options give an *OptionError before r
// is read.
func Analyze(r io.Reader, opt ChromaOptions) (*Features, error) {
	copt, err := opt.internal()
	if err != nil {
		return nil, err
	}
	d, err := audio.NewDecoder(r)
	if err != nil {
		return nil, err
	}
	format := d.Format()
	ex, err := chroma.New(format.SampleRate, copt)
	if err != nil {
		return nil, err // the decoder refuses rates chroma cannot take: not reached
	}
	buf := make([]float32, readBlock)
	var frames int64
	for {
		n, err := d.ReadMono(buf)
		if n > 0 {
			ex.Write(buf[:n])
			frames += int64(n)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	feat := finish(ex, opt)
	feat.SampleRate = format.SampleRate
	feat.Duration = float64(frames) / float64(format.SampleRate)
	feat.Warnings = d.Warnings()
	return feat, nil
}

// AnalyzeSamples computes the chroma features of mono samples at the given rate (1 to 768,000
// Hz). Invalid options give an *OptionError.
func AnalyzeSamples(samples []float32, rate int, opt ChromaOptions) (*Features, error) {
	copt, err := opt.internal()
	if err != nil {
		return nil, err
	}
	if rate <= 0 || rate > chroma.MaxSampleRate {
		return nil, fmt.Errorf("sample rate %d Hz is not from 1 to %d Hz", rate, chroma.MaxSampleRate)
	}
	ex, err := chroma.New(rate, copt)
	if err != nil {
		return nil, err
	}
	ex.Write(samples)
	feat := finish(ex, opt)
	feat.SampleRate = rate
	feat.Duration = float64(len(samples)) / float64(rate)
	return feat, nil
}

// publicField maps the names of chroma.Options fields to those of ChromaOptions where they
// differ.
var publicField = map[string]string{"SampleRate": "AnalysisRate", "HopSize": "Hop"}

// internal returns the front end's options for opt, validated: errors are *OptionError naming
// ChromaOptions' fields.
func (opt ChromaOptions) internal() (chroma.Options, error) {
	kindErr := func(field string, k Kind, want string) error {
		return &OptionError{Field: field, Value: fmt.Sprintf("%q", k), Problem: "is not " + want}
	}
	switch opt.Kind {
	case "", HPCP, STFT, CENS:
	default:
		return chroma.Options{}, kindErr("Kind", opt.Kind, `"hpcp", "stft" or "cens"`)
	}
	copt := chroma.Options{
		SampleRate:  opt.AnalysisRate,
		FrameSize:   opt.FrameSize,
		HopSize:     opt.Hop,
		MinFreq:     cmp.Or(opt.MinFreq, MelodyMinFreq),
		MaxFreq:     opt.MaxFreq,
		FixedTuning: opt.FixedTuning,
		TuningCents: opt.TuningCents,
	}
	// Base is checked whatever Kind is: a misspelt Base is a mistake even where it is unused.
	switch opt.Base {
	case "", HPCP:
	case STFT:
		if opt.Kind == CENS {
			copt.Kind = chroma.STFT
		}
	default:
		return chroma.Options{}, kindErr("Base", opt.Base, `"hpcp" or "stft"`)
	}
	if opt.Kind == STFT {
		copt.Kind = chroma.STFT
	}
	if err := copt.Validate(); err != nil {
		var oe *OptionError
		if errors.As(err, &oe) {
			e := *oe
			e.Field = cmp.Or(publicField[e.Field], e.Field)
			return chroma.Options{}, &e
		}
		return chroma.Options{}, err
	}
	return copt, nil
}

func finish(ex *chroma.Extractor, opt ChromaOptions) *Features {
	res := ex.Finish()
	feat := &Features{
		Kind:        HPCP,
		FrameRate:   res.FrameRate,
		TuningCents: res.TuningCents,
		Frames:      res.Frames,
	}
	if opt.Kind == STFT || (opt.Kind == CENS && opt.Base == STFT) {
		feat.Kind = STFT
	}
	if opt.Kind == CENS {
		feat.Frames, feat.FrameRate = chroma.CENS(res.Frames, res.FrameRate, chroma.CENSOptions{})
		feat.Kind = CENS
	}
	return feat
}
