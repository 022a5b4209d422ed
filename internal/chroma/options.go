package chroma

import (
	"fmt"
	"math"
)

// Kind selects the chroma algorithm.
type Kind int

const (
	// HPCP is the harmonic pitch class profile (Gómez 2006): interpolated spectral peaks,
	// each contributing to the pitch classes of its possible fundamentals f/h with weight
	// HarmonicDecay^(h-1), through a cos² window of 4/3 semitone (36 bins folded to 12).
	// It is the zero value (the default): precise peak frequencies keep bass notes from
	// smearing into neighbouring classes and the harmonic weighting favours fundamentals.
	HPCP Kind = iota
	// STFT maps the power spectrum to pitch classes with a Gaussian log-frequency
	// filterbank weighted around 880 Hz, like librosa's chroma_stft (power 2, inf-norm).
	STFT
)

// String returns "hpcp" or "stft".
func (k Kind) String() string {
	switch k {
	case HPCP:
		return "hpcp"
	case STFT:
		return "stft"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Defaults of Options; each applies when the corresponding field is zero.
const (
	// DefaultSampleRate is the analysis rate. Melodies and the harmonics that decide their
	// pitch class lie below 5 kHz, so 11025 Hz (Nyquist 5.5 kHz) loses nothing that matters
	// and makes every later stage 2-4 times cheaper than 22050/44100 (Chromaprint also
	// analyses at 11025 Hz).
	DefaultSampleRate = 11025
	// DefaultFrameSize is 2048 samples (186 ms at 11025 Hz): bins 5.4 Hz apart, so
	// interpolated peaks place bass-register notes within a few cents, while notes of
	// ordinary melodies (>= 125 ms) still dominate the frames they sound in.
	DefaultFrameSize = 2048
	// DefaultMinFreq (C2, 65.4 Hz) excludes mains hum (50/60 Hz) and the region where a
	// 2048-point frame cannot tell semitones apart; lower bass notes still count through
	// their harmonics.
	DefaultMinFreq = 65.4
	// DefaultMaxFreq is 5000 Hz: above it partials are weak, noisy and mostly percussive;
	// Gómez (2006) and Essentia use the same limit. At 11025 Hz it is clamped to 4961 Hz.
	DefaultMaxFreq = 5000
	// DefaultHarmonics is 4 (h = 1..4, Gómez 2006 uses 4-8): f, f/2 and f/4 land on the same
	// class, f/3 folds the strong third partial (a fifth up) back to the fundamental; more
	// harmonics mainly add spurious classes (f/5, f/7) for every peak.
	DefaultHarmonics = 4
	// DefaultHarmonicDecay is s = 0.6 (Gómez 2006): harmonic h weighs s^(h-1).
	DefaultHarmonicDecay = 0.6
)

// Limits of Options, checked by Validate.
const (
	// MinFrameSize and MaxFrameSize bound FrameSize. 64 samples are 6 ms at 11025 Hz, already
	// too short to tell low notes apart; 2^20 samples are 95 s at 11025 Hz and 1.4 s at 768 kHz,
	// far longer than any note, while the state of one Extractor stays near 40 MiB.
	MinFrameSize = 64
	MaxFrameSize = 1 << 20
	// MaxSampleRate bounds the analysis and input rates: 768 kHz, the highest rate audio
	// hardware records (the WAV decoder refuses higher ones for the same reason).
	MaxSampleRate = 768000
)

// Options configures an Extractor. The zero value gives HPCP at the documented defaults
// with the tuning estimated from the signal. Validate reports a value out of range.
type Options struct {
	// Kind selects the algorithm (default HPCP).
	Kind Kind
	// SampleRate is the analysis rate in Hz, at most MaxSampleRate (default
	// DefaultSampleRate).
	SampleRate int
	// FrameSize is the STFT frame length in samples, a power of two from MinFrameSize to
	// MaxFrameSize (default DefaultFrameSize).
	FrameSize int
	// HopSize is the frame advance in samples, 1..FrameSize (default FrameSize/2: 10.8
	// frames/s at the defaults, the ~10 Hz chroma rate CENS is designed for, and 50% overlap
	// is exact for the Hann window; it halves the cost compared with 75% overlap).
	HopSize int
	// MinFreq and MaxFreq bound the analysed band in Hz (defaults DefaultMinFreq,
	// DefaultMaxFreq). MaxFreq is clamped to 0.9 of the Nyquist frequency, where the
	// resampler's transition band begins, and MinFreq raised to two FFT bins
	// (2·SampleRate/FrameSize), so that peak picking has a left neighbour; the band left must
	// hold at least one FFT bin.
	MinFreq, MaxFreq float64
	// Harmonics is the number of harmonics h = 1..Harmonics each HPCP peak contributes to
	// (default DefaultHarmonics; 1 disables harmonic weighting). Ignored by STFT.
	Harmonics int
	// HarmonicDecay is the weight ratio between successive harmonics, finite and >= 0
	// (default DefaultHarmonicDecay). Ignored by STFT.
	HarmonicDecay float64
	// FixedTuning uses TuningCents (deviation from A4 = 440 Hz, in cents, finite) instead of
	// estimating the tuning.
	FixedTuning bool
	TuningCents float64
}

// OptionError reports an Options value out of range. Its message reads
// "chroma options: FrameSize 1000 is not a power of two from 64 to 1048576".
type OptionError struct {
	// Field is the name of the offending field, as spelled in Options.
	Field string
	// Value is the field's value, formatted.
	Value string
	// Problem says what is wrong with it.
	Problem string
}

func (e *OptionError) Error() string {
	return "chroma options: " + e.Field + " " + e.Value + " " + e.Problem
}

func optErr(field string, value any, format string, args ...any) *OptionError {
	return &OptionError{Field: field, Value: fmt.Sprint(value), Problem: fmt.Sprintf(format, args...)}
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Validate reports the first value of o that an Extractor cannot use, as an *OptionError,
// after filling in the defaults of zero fields; nil when o is usable.
func (o Options) Validate() error {
	_, err := o.resolve()
	return err
}

// resolve fills in defaults, checks every value and derives the band actually analysed.
// Errors are *OptionError.
func (o Options) resolve() (Options, error) {
	if o.Kind != HPCP && o.Kind != STFT {
		return o, optErr("Kind", o.Kind, "is not HPCP or STFT")
	}
	if o.SampleRate == 0 {
		o.SampleRate = DefaultSampleRate
	}
	if o.FrameSize == 0 {
		o.FrameSize = DefaultFrameSize
	}
	if o.HopSize == 0 {
		o.HopSize = o.FrameSize / 2
	}
	if o.MinFreq == 0 {
		o.MinFreq = DefaultMinFreq
	}
	maxSet := o.MaxFreq != 0
	if !maxSet {
		o.MaxFreq = DefaultMaxFreq
	}
	if o.Harmonics == 0 {
		o.Harmonics = DefaultHarmonics
	}
	if o.HarmonicDecay == 0 {
		o.HarmonicDecay = DefaultHarmonicDecay
	}
	n := o.FrameSize
	switch {
	case o.SampleRate < 0 || o.SampleRate > MaxSampleRate:
		return o, optErr("SampleRate", o.SampleRate, "is not a rate from 1 to %d Hz", MaxSampleRate)
	case n < MinFrameSize || n > MaxFrameSize || n&(n-1) != 0:
		return o, optErr("FrameSize", n, "is not a power of two from %d to %d", MinFrameSize, MaxFrameSize)
	case o.HopSize < 1 || o.HopSize > n:
		return o, optErr("HopSize", o.HopSize, "is not in 1..FrameSize (%d)", n)
	case !finite(o.MinFreq) || o.MinFreq < 0:
		return o, optErr("MinFreq", o.MinFreq, "is not a finite frequency >= 0 Hz")
	case !finite(o.MaxFreq) || o.MaxFreq < 0:
		return o, optErr("MaxFreq", o.MaxFreq, "is not a finite frequency >= 0 Hz")
	case o.Harmonics < 1:
		return o, optErr("Harmonics", o.Harmonics, "is not >= 1")
	case !finite(o.HarmonicDecay) || o.HarmonicDecay < 0:
		return o, optErr("HarmonicDecay", o.HarmonicDecay, "is not a finite weight >= 0")
	case !finite(o.TuningCents):
		return o, optErr("TuningCents", o.TuningCents, "is not finite")
	}
	// The band must hold a bin: kLo = ceil(MinFreq/binHz) <= kHi = floor(MaxFreq/binHz). The
	// error blames the value that empties it: the band as given (MaxFreq when it was set,
	// MinFreq when MaxFreq is the default), else the Nyquist limit, else the two-bin floor.
	minF, maxF := o.MinFreq, o.MaxFreq
	binHz := float64(o.SampleRate) / float64(n)
	holds := func(lo, hi float64) bool { return math.Ceil(lo/binHz) <= math.Floor(hi/binHz) }
	o.MaxFreq = math.Min(maxF, 0.9*float64(o.SampleRate)/2)
	o.MinFreq = math.Max(minF, 2*binHz)
	switch {
	case holds(o.MinFreq, o.MaxFreq):
	case minF >= maxF && maxSet:
		return o, optErr("MaxFreq", maxF, "is not above MinFreq (%g)", minF)
	case minF >= maxF:
		return o, optErr("MinFreq", minF, "is not below MaxFreq (%g)", maxF)
	case !holds(minF, maxF) && maxSet:
		return o, optErr("MaxFreq", maxF, "leaves no FFT bin above MinFreq (%g; bins are %.4g Hz apart)", minF, binHz)
	case !holds(minF, maxF):
		return o, optErr("MinFreq", minF, "leaves no FFT bin below MaxFreq (%g; bins are %.4g Hz apart)", maxF, binHz)
	case !holds(minF, o.MaxFreq):
		return o, optErr("SampleRate", o.SampleRate, "limits the band to %.6g Hz (0.9 of Nyquist), which leaves no FFT bin above MinFreq (%g)", o.MaxFreq, minF)
	default:
		return o, optErr("FrameSize", n, "puts the lowest analysable frequency at %.6g Hz (2 FFT bins), which leaves no bin below MaxFreq (%g)", o.MinFreq, o.MaxFreq)
	}
	return o, nil
}
