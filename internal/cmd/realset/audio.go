package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/leitmotif-audio/leitmotif/internal/fft"
	"github.com/leitmotif-audio/leitmotif/internal/wav"
	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// readWAV reads a WAV file (as sox writes it) mixed to mono, as samples in [-1, 1].
func readWAV(name string) ([]float64, int, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	d, err := wav.NewDecoder(f)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}
	format := d.Format()
	var x []float64
	if format.DataBytes > 0 && format.BlockAlign > 0 {
		x = make([]float64, 0, format.DataBytes/int64(format.BlockAlign))
	}
	buf := make([]float32, 1<<14)
	for {
		n, err := d.ReadMono(buf)
		for _, v := range buf[:n] {
			x = append(x, float64(v))
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", name, err)
		}
	}
	return x, format.SampleRate, nil
}

// writeWAV writes mono 16-bit PCM, rounding to the nearest step (no dither, so that the
// output is a function of the input alone).
func writeWAV(name string, x []float64, rate int) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	if err := wavtest.Encode(f, [][]float32{y}, rate, wavtest.Options{Bits: 16}); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return f.Close()
}

func rms(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	var s float64
	for _, v := range x {
		s += v * v
	}
	return math.Sqrt(s / float64(len(x)))
}

// normalize scales x to a peak of -1 dBFS.
func normalize(x []float64) {
	var p float64
	for _, v := range x {
		p = math.Max(p, math.Abs(v))
	}
	if p == 0 {
		return
	}
	g := math.Pow(10, -1.0/20) / p
	for i := range x {
		x[i] *= g
	}
}

// addNoise adds seeded white Gaussian noise at snr dB below the signal's RMS.
func addNoise(x []float64, snr float64, g *rng) {
	sigma := rms(x) * math.Pow(10, -snr/20)
	for i := range x {
		x[i] += sigma * g.norm()
	}
}

// alignTo finds the delay (0..maxLag samples) of y against x, as a codec adds it, and returns
// y advanced by it and cut or padded to len(x).
func alignTo(y, x []float64, maxLag int) ([]float64, int) {
	// Correlate over the loudest second of x (one window per second, the best).
	win := sampleRate
	best, start := -1.0, 0
	for s := 0; s+win <= len(x); s += win {
		if e := rms(x[s : s+win]); e > best {
			best, start = e, s
		}
	}
	if len(x) < win {
		win = len(x)
	}
	lag, bestC := 0, math.Inf(-1)
	for d := 0; d <= maxLag; d++ {
		if start+d+win > len(y) {
			break
		}
		var c float64
		for i := range win {
			c += x[start+i] * y[start+d+i]
		}
		if c > bestC {
			lag, bestC = d, c
		}
	}
	out := make([]float64, len(x))
	if lag < len(y) {
		copy(out, y[lag:])
	}
	return out, lag
}

// splice replaces host[ins : ins+len(phrase)-fade] by the phrase, with equal-power
// crossfades of fade samples centred on both edges. The phrase carries fade/2 samples of
// margin on each side. Its level is matched to the host part it replaces.
func splice(hostX, phrase []float64, ins, fade int) ([]float64, error) {
	out := append([]float64(nil), hostX...)
	body := len(phrase) - fade
	at := ins - fade/2
	if at < 0 || at+len(phrase) > len(out) || body <= fade {
		return nil, errors.New("phrase does not fit in the host")
	}
	target := rms(hostX[ins : ins+body])
	if target < 1e-4 {
		target = rms(hostX)
	}
	g := 1.0
	if pr := rms(phrase[fade/2 : fade/2+body]); pr > 0 {
		g = math.Max(0.25, math.Min(4, target/pr))
	}
	for i, v := range phrase {
		w := 1.0 // phrase weight
		switch {
		case i < fade:
			w = math.Sin(0.5 * math.Pi * float64(i) / float64(fade))
		case i >= len(phrase)-fade:
			w = math.Sin(0.5 * math.Pi * float64(len(phrase)-1-i) / float64(fade))
		}
		out[at+i] = out[at+i]*math.Sqrt(1-w*w) + g*v*w
	}
	return out, nil
}

// Genre is guessed from two measures of the reference excerpt (nobody listened):
//   - percussive fraction: the share of spectral energy in bins where a median over 17
//     frequency bins beats a median over 17 frames (a crude harmonic/percussive separation
//     after Fitzgerald 2010): drums and attacks score high, sustained strings and pads low;
//   - spectral flatness between 500 Hz and 5 kHz (geometric over arithmetic mean of the
//     power, averaged over frames): distorted guitars, dense synths, cymbals and noise score
//     high, clean tonal music low.
//
// A recording is "band" (drums with distorted guitar, rock, metal or electronic textures)
// when its spectrum is dense (flatness >= 0.15: distortion, dense synths, cymbals), or
// fairly dense and driven by drums (flatness >= 0.10 with a percussive fraction >= 0.30);
// else "orchestral" (orchestral, ambient or acoustic cue). On the excerpts of seed 1 the
// clean orchestral and ambient cues measure 0.01–0.10 flatness and hedgewars' Rock.ogg 0.30;
// the rule labels about half the works band. It is a guess, not a listening test.
const (
	bandFlatness      = 0.15
	bandFlatnessDrums = 0.10
	bandPercussive    = 0.30
)

// texture measures x (mono at sampleRate) and returns the percussive fraction and flatness.
func texture(x []float64) (perc, flat float64) {
	const n, hop = 2048, 512
	win := make([]float64, n)
	for i := range win {
		win[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/n)
	}
	var mags [][]float64
	plan := fft.NewReal(n)
	buf := make([]float32, n)
	spec := make([]complex64, n/2+1)
	k0, k1 := 500*n/sampleRate, 5000*n/sampleRate
	frames := 0
	for s := 0; s+n <= len(x); s += hop {
		for i := range buf {
			buf[i] = float32(x[s+i] * win[i])
		}
		plan.Transform(spec, buf)
		m := make([]float64, n/2)
		for k := range m {
			m[k] = math.Hypot(float64(real(spec[k])), float64(imag(spec[k])))
		}
		mags = append(mags, m)
		var lg, ar float64
		for k := k0; k < k1; k++ {
			p := m[k]*m[k] + 1e-12
			lg += math.Log(p)
			ar += p
		}
		nk := float64(k1 - k0)
		flat += math.Exp(lg/nk) / (ar / nk)
		frames++
	}
	if frames == 0 {
		return 0, 0
	}
	flat /= float64(frames)
	var pe, he float64
	tv, fv := make([]float64, 17), make([]float64, 17)
	for t := 8; t < len(mags)-8; t += 8 {
		for k := 1; k < n/2-8; k += 2 {
			for d := -8; d <= 8; d++ {
				tv[d+8] = mags[t+d][k]
				fv[d+8] = mags[t][max(k+d, 0)]
			}
			insertionSort(tv)
			insertionSort(fv)
			e := mags[t][k] * mags[t][k]
			if fv[8] > tv[8] {
				pe += e
			} else {
				he += e
			}
		}
	}
	if pe+he > 0 {
		perc = pe / (pe + he)
	}
	return perc, flat
}

func insertionSort(a []float64) {
	for i := 1; i < len(a); i++ {
		v, j := a[i], i
		for ; j > 0 && a[j-1] > v; j-- {
			a[j] = a[j-1]
		}
		a[j] = v
	}
}

func genreOf(perc, flat float64) string {
	if flat >= bandFlatness || flat >= bandFlatnessDrums && perc >= bandPercussive {
		return "band"
	}
	return "orchestral"
}
