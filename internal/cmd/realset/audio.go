package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/cmplx"
	"os"
)

// readWAV reads a 16-bit PCM WAV file (as sox writes it) mixed to mono, as samples in [-1, 1].
func readWAV(name string) ([]float64, int, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var hdr [12]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil || string(hdr[0:4]) != "RIFF" || string(hdr[8:12]) != "WAVE" {
		return nil, 0, fmt.Errorf("%s: not a RIFF WAVE file", name)
	}
	var channels, bits, rate int
	for {
		var ch [8]byte
		if _, err := io.ReadFull(r, ch[:]); err != nil {
			return nil, 0, fmt.Errorf("%s: no data chunk", name)
		}
		size := int64(binary.LittleEndian.Uint32(ch[4:]))
		switch string(ch[0:4]) {
		case "fmt ":
			b := make([]byte, size+size%2)
			if _, err := io.ReadFull(r, b); err != nil || size < 16 {
				return nil, 0, fmt.Errorf("%s: bad fmt chunk", name)
			}
			tag := binary.LittleEndian.Uint16(b[0:])
			channels = int(binary.LittleEndian.Uint16(b[2:]))
			rate = int(binary.LittleEndian.Uint32(b[4:]))
			bits = int(binary.LittleEndian.Uint16(b[14:]))
			if (tag != 1 && tag != 0xfffe) || bits != 16 || channels < 1 {
				return nil, 0, fmt.Errorf("%s: want 16-bit PCM, got format %d, %d bits", name, tag, bits)
			}
		case "data":
			if channels == 0 {
				return nil, 0, fmt.Errorf("%s: data before fmt", name)
			}
			if size == 0 || size == 0xffffffff {
				size = math.MaxInt64 // streamed: read to the end
			}
			raw, err := io.ReadAll(io.LimitReader(r, size))
			if err != nil {
				return nil, 0, fmt.Errorf("%s: %w", name, err)
			}
			n := len(raw) / 2 / channels
			x := make([]float64, n)
			for i := range n {
				var s float64
				for c := range channels {
					s += float64(int16(binary.LittleEndian.Uint16(raw[2*(i*channels+c):])))
				}
				x[i] = s / float64(channels) / 32768
			}
			return x, rate, nil
		default:
			if _, err := io.CopyN(io.Discard, r, size+size%2); err != nil {
				return nil, 0, fmt.Errorf("%s: truncated chunk", name)
			}
		}
	}
}

// writeWAV writes mono 16-bit PCM, rounding to the nearest step (no dither, so that the
// output is a function of the input alone).
func writeWAV(name string, x []float64, rate int) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	n := len(x)
	var h [44]byte
	copy(h[0:], "RIFF")
	binary.LittleEndian.PutUint32(h[4:], uint32(36+2*n))
	copy(h[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:], 16)
	binary.LittleEndian.PutUint16(h[20:], 1)
	binary.LittleEndian.PutUint16(h[22:], 1)
	binary.LittleEndian.PutUint32(h[24:], uint32(rate))
	binary.LittleEndian.PutUint32(h[28:], uint32(2*rate))
	binary.LittleEndian.PutUint16(h[32:], 2)
	binary.LittleEndian.PutUint16(h[34:], 16)
	copy(h[36:], "data")
	binary.LittleEndian.PutUint32(h[40:], uint32(2*n))
	w.Write(h[:])
	var b [2]byte
	for _, v := range x {
		s := math.Round(v * 32767)
		s = math.Max(-32768, math.Min(32767, s))
		binary.LittleEndian.PutUint16(b[:], uint16(int16(s)))
		w.Write(b[:])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
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
	buf := make([]complex128, n)
	tw := twiddles(n)
	k0, k1 := 500*n/sampleRate, 5000*n/sampleRate
	frames := 0
	for s := 0; s+n <= len(x); s += hop {
		for i := range buf {
			buf[i] = complex(x[s+i]*win[i], 0)
		}
		fft(buf, tw)
		m := make([]float64, n/2)
		for k := range m {
			m[k] = math.Hypot(real(buf[k]), imag(buf[k]))
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

// fft is an in-place radix-2 transform with twiddles tw (from twiddles(len(a))).
func fft(a, tw []complex128) {
	n := len(a)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
	for l := 2; l <= n; l <<= 1 {
		stride := n / l
		for i := 0; i < n; i += l {
			for k := 0; k < l/2; k++ {
				u, v := a[i+k], a[i+k+l/2]*tw[k*stride]
				a[i+k], a[i+k+l/2] = u+v, u-v
			}
		}
	}
}

// twiddles returns exp(-2πik/n) for k < n/2.
func twiddles(n int) []complex128 {
	tw := make([]complex128, n/2)
	for k := range tw {
		tw[k] = cmplx.Rect(1, -2*math.Pi*float64(k)/float64(n))
	}
	return tw
}
