package chroma

import "math"

// CENSOptions configures CENS. The zero value gives the documented defaults; both fields must
// be finite and >= 0 (0 meaning the default). They are set by the program, never by a user:
// CENS panics on other values.
type CENSOptions struct {
	// Window is the length of the Hann smoothing window in seconds (default 2: long
	// enough to absorb articulation and small tempo deviations, short enough to keep a
	// melody's phrase-level shape; Müller's CENS^41_10 uses 4.1 s for whole-piece audio
	// matching, which is too coarse for motifs of a few seconds).
	Window float64
	// Rate is the target output frame rate in Hz (default 2.5). The Hann window of length
	// T passes little above 2/T Hz (1 Hz for 2 s), so sampling at 2-3 Hz keeps what the
	// smoothing leaves without aliasing and makes matching ~4x cheaper than at the input
	// rate. The actual rate is frameRate divided by the nearest integer factor.
	Rate float64
}

// CENS quantisation thresholds (Müller 2005): L1-normalised energies at or above
// censThresh[i] score i+1.
var censThresh = [4]float32{0.05, 0.1, 0.2, 0.4}

// CENS computes chroma energy normalised statistics (Müller, Kurth, Clausen 2005; FMP
// 3.1.2.2) from chroma frames at frameRate: each frame is L1-normalised, quantised to
// 0..4 with thresholds 0.05, 0.1, 0.2, 0.4, smoothed over time with a Hann window,
// downsampled by an integer factor and L2-normalised. Output frame m is centred on input
// frame m·factor, so the timing convention (frame k at k/rate seconds) is kept. It
// returns the frames and their rate. All-zero regions stay all zero. It panics unless
// frameRate is finite and positive and opt valid (see CENSOptions): programming errors, since
// an Extractor's frame rate always is.
func CENS(frames [][12]float32, frameRate float64, opt CENSOptions) ([][12]float32, float64) {
	if !(frameRate > 0) || math.IsInf(frameRate, 1) {
		panic("chroma: CENS: frameRate must be finite and positive")
	}
	if !(opt.Window >= 0) || !(opt.Rate >= 0) || math.IsInf(opt.Window, 1) || math.IsInf(opt.Rate, 1) {
		panic("chroma: CENS: Window and Rate must be finite and >= 0")
	}
	if opt.Window == 0 {
		opt.Window = 2
	}
	if opt.Rate == 0 {
		opt.Rate = 2.5
	}
	factor := max(1, int(math.Round(frameRate/opt.Rate)))
	half := max(0, int(math.Round(opt.Window*frameRate))/2) // window 2·half+1 frames
	win := make([]float32, 2*half+1)
	for i := range win {
		s := math.Sin(math.Pi * float64(i+1) / float64(len(win)+1))
		win[i] = float32(s * s) // Hann without its zero end points
	}

	q := make([][12]float32, len(frames))
	for i, f := range frames {
		var sum float32
		for _, v := range f {
			sum += float32(math.Abs(float64(v)))
		}
		if !(sum > 0) || math.IsInf(float64(sum), 0) {
			continue
		}
		for c, v := range f {
			v = float32(math.Abs(float64(v))) / sum
			var s float32
			for _, t := range censThresh {
				if v >= t {
					s++
				}
			}
			q[i][c] = s
		}
	}

	out := make([][12]float32, (len(frames)+factor-1)/factor)
	for m := range out {
		centre := m * factor
		var acc [12]float32
		for i, w := range win {
			k := centre + i - half
			if k < 0 || k >= len(q) {
				continue
			}
			for c := range acc {
				acc[c] += w * q[k][c]
			}
		}
		var n float32
		for _, v := range acc {
			n += v * v
		}
		if n > 0 {
			r := 1 / float32(math.Sqrt(float64(n)))
			for c := range acc {
				acc[c] *= r
			}
		}
		out[m] = acc
	}
	return out, frameRate / float64(factor)
}
