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

// Options configures an Extractor. The zero value gives HPCP at the documented defaults
// with the tuning estimated from the signal.
type Options struct {
	// Kind selects the algorithm (default HPCP).
	Kind Kind
	// SampleRate is the analysis rate in Hz (default DefaultSampleRate).
	SampleRate int
	// FrameSize is the STFT frame length in samples, a power of two (default
	// DefaultFrameSize).
	FrameSize int
	// HopSize is the frame advance in samples (default FrameSize/2: 10.8 frames/s at the
	// defaults, the ~10 Hz chroma rate CENS is designed for, and 50% overlap is exact
	// for the Hann window; it halves the cost compared with 75% overlap).
	HopSize int
	// MinFreq and MaxFreq bound the analysed band in Hz (defaults DefaultMinFreq,
	// DefaultMaxFreq; MaxFreq is clamped to 0.9 of the Nyquist frequency, where the
	// resampler's transition band begins).
	MinFreq, MaxFreq float64
	// Harmonics is the number of harmonics h = 1..Harmonics each HPCP peak contributes to
	// (default DefaultHarmonics; 1 disables harmonic weighting). Ignored by STFT.
	Harmonics int
	// HarmonicDecay is the weight ratio between successive harmonics (default
	// DefaultHarmonicDecay). Ignored by STFT.
	HarmonicDecay float64
	// FixedTuning uses TuningCents (deviation from A4 = 440 Hz, in cents) instead of
	// estimating the tuning.
	FixedTuning bool
	TuningCents float64
}

// resolve fills in defaults and panics on values no caller should pass.
func (o Options) resolve() Options {
	if o.Kind != HPCP && o.Kind != STFT {
		panic(fmt.Sprintf("chroma: unknown Kind %d", int(o.Kind)))
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
	if o.MaxFreq == 0 {
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
	case o.SampleRate < 0:
		panic("chroma: negative SampleRate")
	case n < 64 || n&(n-1) != 0:
		panic(fmt.Sprintf("chroma: FrameSize %d is not a power of two >= 64", n))
	case o.HopSize < 1 || o.HopSize > n:
		panic(fmt.Sprintf("chroma: HopSize %d outside 1..FrameSize", o.HopSize))
	case o.Harmonics < 1 || o.HarmonicDecay < 0:
		panic("chroma: Harmonics < 1 or HarmonicDecay < 0")
	case math.IsNaN(o.TuningCents) || math.IsInf(o.TuningCents, 0):
		panic("chroma: TuningCents is not finite")
	}
	o.MaxFreq = math.Min(o.MaxFreq, 0.9*float64(o.SampleRate)/2)
	// The lowest bin must be >= 1 so that peak picking has a left neighbour.
	o.MinFreq = math.Max(o.MinFreq, 2*float64(o.SampleRate)/float64(n))
	if !(o.MinFreq < o.MaxFreq) {
		panic(fmt.Sprintf("chroma: empty band %g..%g Hz", o.MinFreq, o.MaxFreq))
	}
	return o
}
