package chroma

import (
	"math"

	"github.com/leitmotif-audio/leitmotif/internal/fft"
)

const (
	// fineBins is the resolution of the per-frame profile kept while streaming: 60 bins per
	// octave (20 cents), fine enough to recentre the 12 classes on any tuning at Finish.
	fineBins    = 60
	finePerSemi = fineBins / 12
	// silenceRMS: frames quieter than -90 dBFS RMS (Hann-weighted) are silence (all-zero
	// chroma): below the dither of 16-bit audio (about -98 dBFS), so "digital silence"
	// gives no chroma made of noise.
	silenceRMS = 3.2e-5
	// relSilence: at Finish, frames more than 70 dB below the loudest frame (in mean
	// square) are silence too: room noise and fade-out tails carry no melody.
	relSilence = 1e-7
	// peakFloor: HPCP peaks more than 40 dB below the frame's strongest peak are ignored;
	// with power weighting their share would be below 1e-4 each.
	peakFloor = 1e-4
	// tuneFloor: only peaks within 30 dB of the strongest vote on the tuning, which keeps
	// Hann side lobes (-31 dB) and noise out of the histogram.
	tuneFloor = 1e-3
	// c12ln2 converts a natural-log frequency ratio to semitones.
	c12ln2 = 12 / math.Ln2
)

// analyzer turns one frame of samples into a fine pitch-class profile. Everything it
// needs per frame is allocated once in newAnalyzer.
type analyzer struct {
	kind     Kind
	win      []float32
	winPow   float32 // sum of win² (for the silence test)
	plan     *fft.Real
	buf      []float32
	spec     []complex64
	pow      []float32
	kLo, kHi int       // analysed bins
	semi     []float64 // [k] pitch of bin k in semitones above C (unwrapped, may be negative)
	invK     []float64 // [k] 1/k
	// HPCP: distinct harmonic offsets in fine bins (f/h folded to the octave) and weights.
	hOff []float32
	hW   []float32
	// STFT: sparse bin -> fine-bin weights; bin k spreads over fine bins
	// sIdx[sOff[k]:sOff[k+1]] (already wrapped) with weights sW[...].
	sOff []int32
	sIdx []int32
	sW   []float32
	fine [fineBins]float32
	ms   float32 // mean square of the last windowed frame (0 if silent)
}

func newAnalyzer(o Options) *analyzer {
	n := o.FrameSize
	a := &analyzer{
		kind: o.Kind,
		win:  make([]float32, n),
		plan: fft.NewReal(n),
		buf:  make([]float32, n),
		spec: make([]complex64, n/2+1),
		pow:  make([]float32, n/2+1),
	}
	// Periodic Hann: exact overlap-add at hop n/2, no zero at the far end.
	for i := range a.win {
		w := 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n))
		a.win[i] = float32(w)
		a.winPow += float32(w * w)
	}
	binHz := float64(o.SampleRate) / float64(n)
	a.kLo = int(math.Ceil(o.MinFreq / binHz))
	a.kHi = int(math.Floor(o.MaxFreq / binHz))
	if a.kHi > n/2-1 {
		a.kHi = n/2 - 1
	}
	a.semi = make([]float64, n/2+1)
	a.invK = make([]float64, n/2+1)
	for k := 1; k <= n/2; k++ {
		a.semi[k] = 12*math.Log2(float64(k)*binHz/440) + 9
		a.invK[k] = 1 / float64(k)
	}
	// Harmonic offsets: f/h is 12·log2(h) semitones below f; merge those that land on the
	// same pitch class (h = 1, 2, 4, 8 ...).
	w := 1.0
	for h := 1; h <= o.Harmonics; h++ {
		off := math.Mod(fineBins*math.Log2(float64(h)), fineBins)
		if off > fineBins-1e-6 {
			off = 0
		}
		merged := false
		for i, x := range a.hOff {
			if math.Abs(float64(x)-off) < 1e-3 {
				a.hW[i] += float32(w)
				merged = true
			}
		}
		if !merged {
			a.hOff = append(a.hOff, float32(off))
			a.hW = append(a.hW, float32(w))
		}
		w *= o.HarmonicDecay
	}
	if o.Kind == STFT {
		a.buildFilterbank(binHz)
	}
	return a
}

// deposit adds weight w at fine position pos in [0, fineBins), split linearly between
// the two nearest fine bins (which keeps the centroid exact).
func (a *analyzer) deposit(pos, w float32) {
	j := int(pos)
	fr := pos - float32(j)
	if j >= fineBins {
		j -= fineBins
	}
	a.fine[j] += w * (1 - fr)
	j++
	if j == fineBins {
		j = 0
	}
	a.fine[j] += w * fr
}

// process analyses frame x (len FrameSize): it fills a.fine and a.ms and votes into
// tune. It returns false for a silent frame (a.fine is then all zero).
func (a *analyzer) process(x []float32, tune *tuningHist) bool {
	a.fine = [fineBins]float32{}
	a.ms = 0
	var e float32
	for i, v := range x {
		y := v * a.win[i]
		a.buf[i] = y
		e += y * y
	}
	if e < silenceRMS*silenceRMS*a.winPow || e > math.MaxFloat32 || e != e {
		return false // silence, or NaN/Inf in the input: no chroma rather than NaN
	}
	a.ms = e / a.winPow
	a.plan.Transform(a.spec, a.buf)
	lo, hi := a.kLo-1, a.kHi+1
	pow := a.pow[lo : hi+1]
	var maxP float32
	for i, c := range a.spec[lo : hi+1] {
		r, im := real(c), imag(c)
		p := r*r + im*im
		pow[i] = p
		if p > maxP {
			maxP = p
		}
	}
	if maxP == 0 {
		return false
	}
	a.peaks(maxP, tune)
	if a.kind == STFT {
		for k := a.kLo; k <= a.kHi; k++ {
			p := a.pow[k]
			for i := a.sOff[k]; i < a.sOff[k+1]; i++ {
				a.fine[a.sIdx[i]] += a.sW[i] * p
			}
		}
	}
	return true
}
