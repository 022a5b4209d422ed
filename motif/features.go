package motif

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/leitmotif-audio/leitmotif/internal/chroma"
	"github.com/leitmotif-audio/leitmotif/internal/wav"
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
// 1,024 (10.8 frames per second), with the tuning estimated from the audio.
type ChromaOptions struct {
	// Kind is the chroma variant; "" means HPCP.
	Kind Kind
	// Base is the chroma a CENS sequence is computed from (HPCP or STFT); "" means HPCP.
	Base Kind
	// AnalysisRate, FrameSize and Hop override the analysis sample rate (Hz) and the STFT
	// frame and hop sizes (samples at the analysis rate); 0 keeps the default.
	AnalysisRate, FrameSize, Hop int
	// MinFreq is the lowest analysed frequency in Hz; 0 means MelodyMinFreq.
	MinFreq float64
	// MaxFreq is the highest analysed frequency in Hz; 0 keeps the front end's 5,000 Hz.
	MaxFreq float64
	// FixedTuning disables tuning estimation and uses TuningCents (deviation from A4 = 440 Hz).
	FixedTuning bool
	// TuningCents is the reference tuning when FixedTuning is set.
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

// FormatError reports a malformed WAV file.
type FormatError = wav.FormatError

// UnsupportedError reports a valid WAV file that leitmotif cannot read, such as compressed
// audio or RF64.
type UnsupportedError = wav.UnsupportedError

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

// AnalyzeFile computes the chroma features of a WAV file by streaming it. Errors name the file.
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

// Analyze computes the chroma features of WAV data read from r, block by block.
func Analyze(r io.Reader, opt ChromaOptions) (*Features, error) {
	d, err := wav.NewDecoder(r)
	if err != nil {
		return nil, err
	}
	format := d.Format()
	ex, err := newExtractor(format.SampleRate, opt)
	if err != nil {
		return nil, err
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

// AnalyzeSamples computes the chroma features of mono samples at the given rate.
func AnalyzeSamples(samples []float32, rate int, opt ChromaOptions) (*Features, error) {
	ex, err := newExtractor(rate, opt)
	if err != nil {
		return nil, err
	}
	ex.Write(samples)
	feat := finish(ex, opt)
	feat.SampleRate = rate
	feat.Duration = float64(len(samples)) / float64(rate)
	return feat, nil
}

func newExtractor(rate int, opt ChromaOptions) (*chroma.Extractor, error) {
	if rate <= 0 {
		return nil, fmt.Errorf("sample rate %d Hz is not positive", rate)
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
	base := opt.Kind
	if base == CENS || base == "" {
		base = opt.Base
	}
	switch base {
	case HPCP, "":
		copt.Kind = chroma.HPCP
	case STFT:
		copt.Kind = chroma.STFT
	default:
		return nil, fmt.Errorf("unknown chroma kind %q (want hpcp, stft or cens)", base)
	}
	if opt.Kind != "" && opt.Kind != HPCP && opt.Kind != STFT && opt.Kind != CENS {
		return nil, fmt.Errorf("unknown chroma kind %q (want hpcp, stft or cens)", opt.Kind)
	}
	return chroma.NewExtractor(rate, copt), nil
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
