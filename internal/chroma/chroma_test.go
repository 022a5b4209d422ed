package chroma

import (
	"math"
	"math/rand"
	"testing"
)

// partial is one sinusoid of a test signal.
type partial struct{ freq, amp float64 }

// harmonicTone returns the partials of a tone at f0 with n harmonics of amplitude 1/h.
func harmonicTone(f0 float64, n int) []partial {
	p := make([]partial, n)
	for h := 1; h <= n; h++ {
		p[h-1] = partial{f0 * float64(h), 1 / float64(h)}
	}
	return p
}

// render synthesises the partials from start to end seconds (silence elsewhere) in a
// signal of dur seconds at rate, scaled to peak amplitude ~0.5.
func render(ps []partial, rate int, dur, start, end float64) []float32 {
	x := make([]float32, int(dur*float64(rate)))
	var sum float64
	for _, p := range ps {
		sum += p.amp
	}
	for i := range x {
		t := float64(i) / float64(rate)
		if t < start || t >= end {
			continue
		}
		var v float64
		for _, p := range ps {
			if p.freq < float64(rate)/2 {
				v += p.amp * math.Sin(2*math.Pi*p.freq*t)
			}
		}
		x[i] = float32(0.5 * v / sum)
	}
	return x
}

func extract(x []float32, rate int, opt Options) *Result {
	e := NewExtractor(rate, opt)
	e.Write(x)
	return e.Finish()
}

func argmax(f [12]float32) int {
	b := 0
	for c, v := range f {
		if v > f[b] {
			b = c
		}
	}
	return b
}

func isZero(f [12]float32) bool { return f == [12]float32{} }

func hz(midi float64) float64 { return 440 * math.Pow(2, (midi-69)/12) }

var kinds = []Kind{HPCP, STFT}

func TestToneClass(t *testing.T) {
	for _, k := range kinds {
		for _, tc := range []struct {
			name  string
			ps    []partial
			class int
		}{
			{"A4 sine", []partial{{440, 1}}, 9},
			{"A4 8 harmonics", harmonicTone(440, 8), 9},
			{"C3 8 harmonics", harmonicTone(hz(48), 8), 0},
			{"F#2 6 harmonics", harmonicTone(hz(42), 6), 6},
		} {
			t.Run(k.String()+"/"+tc.name, func(t *testing.T) {
				r := extract(render(tc.ps, 11025, 2, 0, 2), 11025, Options{Kind: k})
				for i, f := range r.Frames {
					if isZero(f) {
						t.Fatalf("frame %d is zero", i)
					}
					if c := argmax(f); c != tc.class {
						t.Fatalf("frame %d: strongest class %d, want %d: %v", i, c, tc.class, f)
					}
				}
			})
		}
	}
}

func TestTuningEstimate(t *testing.T) {
	for _, k := range kinds {
		for _, cents := range []float64{0, 25, -30, 12, -45} {
			for _, nh := range []int{1, 8} {
				f0 := 440 * math.Pow(2, cents/1200)
				rate := 11025
				if nh == 8 {
					rate = 22050 // through the resampler too
				}
				r := extract(render(harmonicTone(f0, nh), rate, 1, 0, 1), rate, Options{Kind: k})
				if math.Abs(r.TuningCents-cents) > 5 {
					t.Errorf("%v %g cents, %d harmonics: estimated %.1f", k, cents, nh, r.TuningCents)
				}
				for i, f := range r.Frames {
					if c := argmax(f); c != 9 {
						t.Errorf("%v %g cents: frame %d class %d, want A", k, cents, i, c)
						break
					}
				}
			}
		}
	}
}

// TestTuningRecentres checks that folding follows the tuning: a tone 45 cents sharp
// spreads over A and A# with a fixed 0-cent tuning, but is a clean A when the tuning is
// estimated.
func TestTuningRecentres(t *testing.T) {
	x := render(harmonicTone(440*math.Pow(2, 45.0/1200), 4), 11025, 2, 0, 2)
	for _, k := range kinds {
		fixed := extract(x, 11025, Options{Kind: k, FixedTuning: true})
		est := extract(x, 11025, Options{Kind: k})
		mid := len(est.Frames) / 2
		rf := fixed.Frames[mid][10] / fixed.Frames[mid][9]
		re := est.Frames[mid][10] / est.Frames[mid][9]
		if !(re < 0.3 && rf > 0.6) {
			t.Errorf("%v: A#/A = %.2f with tuning fixed at 0, %.2f with estimated tuning %.1f", k, rf, re, est.TuningCents)
		}
	}
}

func TestTriad(t *testing.T) {
	var ps []partial
	for _, m := range []float64{60, 64, 67} { // C4 E4 G4
		ps = append(ps, harmonicTone(hz(m), 8)...)
	}
	x := render(ps, 11025, 2, 0, 2)
	for _, k := range kinds {
		r := extract(x, 11025, Options{Kind: k})
		for i, f := range r.Frames {
			var min3 float32 = 2
			for _, c := range []int{0, 4, 7} {
				min3 = min(min3, f[c])
			}
			for c, v := range f {
				if c != 0 && c != 4 && c != 7 && v >= min3 {
					t.Fatalf("%v frame %d: class %d (%.2f) >= weakest of C,E,G (%.2f): %v", k, i, c, v, min3, f)
				}
			}
		}
	}
}

// TestHarmonicWeighting: for a harmonic-rich C3 (8 harmonics, amplitude 1/h), HPCP
// gives the fifth (G, from the 3rd and 6th partials) a smaller share than STFT does, and
// the harmonic weighting itself lowers it further (G's partials also vote for C); HPCP
// puts far less energy into the semitone neighbours B and C# (precise peak frequencies
// instead of the smeared low-frequency filterbank bins) and less outside C overall.
// (Harmonic weighting alone adds a spurious fourth, F, from f/3 of every peak, so the
// off-C energy is lowest without it: 0.15 vs 0.36 of C; the test logs the numbers.)
func TestHarmonicWeighting(t *testing.T) {
	x := render(harmonicTone(hz(48), 8), 11025, 2, 0, 2)
	share := func(opt Options) (g, nb, off float64) {
		r := extract(x, 11025, opt)
		var sum [12]float64
		for _, f := range r.Frames[2 : len(r.Frames)-2] {
			for c, v := range f {
				sum[c] += float64(v)
			}
		}
		var tot float64
		for _, v := range sum {
			tot += v
		}
		return sum[7] / tot, (sum[11] + sum[1]) / sum[0], (tot - sum[0]) / sum[0]
	}
	gh, nh, oh := share(Options{Kind: HPCP})
	g1, n1, o1 := share(Options{Kind: HPCP, Harmonics: 1})
	gs, ns, os := share(Options{Kind: STFT})
	t.Logf("G share: HPCP %.3f, HPCP without harmonics %.3f, STFT %.3f", gh, g1, gs)
	t.Logf("B+C# / C: HPCP %.3f, without harmonics %.3f, STFT %.3f", nh, n1, ns)
	t.Logf("off-C / C: HPCP %.3f, without harmonics %.3f, STFT %.3f", oh, o1, os)
	if !(gh < g1 && g1 < gs) {
		t.Errorf("G share: HPCP %.3f, HPCP without harmonic weighting %.3f, STFT %.3f: want increasing", gh, g1, gs)
	}
	if !(nh < ns/2) {
		t.Errorf("B+C# relative to C: HPCP %.3f, STFT %.3f", nh, ns)
	}
	if !(oh < os) {
		t.Errorf("energy outside C relative to C: HPCP %.3f >= STFT %.3f", oh, os)
	}
}

func TestSilenceAndShortInput(t *testing.T) {
	for _, k := range kinds {
		for _, n := range []int{0, 1, 100, 1023, 1024, 1025, 5000, 30000} {
			for _, rate := range []int{11025, 44100} {
				x := make([]float32, n)
				r := extract(x, rate, Options{Kind: k})
				na := int64(n) * 11025 / int64(rate)
				want := 0
				if na > 0 {
					want = int(1 + na/1024)
				}
				if len(r.Frames) != want {
					t.Errorf("%v %d samples at %d Hz: %d frames, want %d", k, n, rate, len(r.Frames), want)
				}
				for i, f := range r.Frames {
					if !isZero(f) {
						t.Errorf("%v %d samples: frame %d not zero: %v", k, n, i, f)
					}
				}
				if r.TuningCents != 0 || math.IsNaN(r.TuningCents) {
					t.Errorf("%v silence: tuning %v", k, r.TuningCents)
				}
			}
		}
		// NaN and Inf samples leave their frames zero, never NaN.
		x := render([]partial{{440, 1}}, 11025, 3, 0, 3)
		x[5000], x[20000] = float32(math.NaN()), float32(math.Inf(-1))
		r := extract(x, 11025, Options{Kind: k})
		for i, f := range r.Frames {
			for _, v := range f {
				if v != v || v < 0 || v > 1 {
					t.Fatalf("%v: frame %d with NaN input: %v", k, i, f)
				}
			}
			if tc := float64(i) / r.FrameRate; tc > 2.3 && argmax(f) != 9 {
				t.Errorf("%v: frame %d after the bad samples: %v", k, i, f)
			}
		}
		// A short tone gives one non-zero frame.
		x = render([]partial{{440, 1}}, 11025, 0.05, 0, 0.05)
		r = extract(x, 11025, Options{Kind: k})
		if len(r.Frames) != 1 || argmax(r.Frames[0]) != 9 {
			t.Errorf("%v short tone: %v", k, r.Frames)
		}
	}
}

func TestStreamingInvariance(t *testing.T) {
	var ps []partial
	ps = append(ps, harmonicTone(hz(57), 5)...)
	ps = append(ps, harmonicTone(hz(62), 3)...)
	rng := rand.New(rand.NewSource(1))
	for _, rate := range []int{11025, 44100, 48000} {
		x := render(ps, rate, 1.5, 0.3, 1.2)
		for i := range x {
			x[i] += 0.01 * float32(rng.NormFloat64())
		}
		for _, k := range kinds {
			want := extract(x, rate, Options{Kind: k})
			e := NewExtractor(rate, Options{Kind: k})
			for rest := x; len(rest) > 0; {
				n := min(len(rest), rng.Intn(3000))
				e.Write(rest[:n])
				rest = rest[n:]
			}
			got := e.Finish()
			if len(got.Frames) != len(want.Frames) || got.TuningCents != want.TuningCents {
				t.Fatalf("%v %d Hz: %d frames tuning %v, want %d, %v", k, rate, len(got.Frames), got.TuningCents, len(want.Frames), want.TuningCents)
			}
			for i := range got.Frames {
				if got.Frames[i] != want.Frames[i] {
					t.Fatalf("%v %d Hz: frame %d differs: %v vs %v", k, rate, i, got.Frames[i], want.Frames[i])
				}
			}
		}
	}
}

// TestFrameTiming checks the convention "frame k is centred at k/FrameRate s", at the
// analysis rate and through the resampler: after silence, a tone starting at 2.0 s reaches
// the first frame whose window (±FrameSize/2) covers 2.0 s and no earlier one, and where
// A changes to C at 3.0 s the first C frame is the first one centred after 3.0 s.
func TestFrameTiming(t *testing.T) {
	for _, rate := range []int{11025, 44100} {
		x := render([]partial{{440, 1}}, rate, 5, 2, 3)
		c := render([]partial{{hz(60), 1}}, rate, 5, 3, 4)
		for i := range x {
			x[i] += c[i]
		}
		for _, k := range kinds {
			r := extract(x, rate, Options{Kind: k})
			hop := 1 / r.FrameRate
			halfWin := 1024.0 / 11025
			for i, f := range r.Frames {
				tc := float64(i) / r.FrameRate
				switch {
				case tc < 2-halfWin-0.003 && !isZero(f):
					t.Errorf("%v %d Hz: frame %d (%.3f s) before the onset is not silent", k, rate, i, tc)
				case tc > 2-halfWin+0.03 && tc < 4 && isZero(f):
					t.Errorf("%v %d Hz: frame %d (%.3f s) is silent", k, rate, i, tc)
				}
			}
			sw := -1
			for i, f := range r.Frames {
				if float64(i)/r.FrameRate > 2.5 && f[0] > f[9] {
					sw = i
					break
				}
			}
			// Equal loudness: the majority of the window decides, i.e. the centre's side.
			if ts := float64(sw) / r.FrameRate; !(ts >= 3-0.005 && ts-hop < 3+0.005) {
				t.Errorf("%v %d Hz: A -> C change at 3.0 s first seen at %.3f s (frame %d), want the first frame centred after 3.0 s (hop %.3f s)", k, rate, ts, sw, hop)
			}
		}
	}
}

// TestSilenceThresholds: 16-bit dither level noise is silence; a passage 50 dB below the
// loudest one keeps its chroma, one 75 dB below (but above the
// absolute threshold) does not.
func TestSilenceThresholds(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	const rate = 11025
	for _, k := range kinds {
		dither := make([]float32, 2*rate)
		for i := range dither {
			dither[i] = float32(rng.Float64()-rng.Float64()) / 32768 // TPDF, ±1 LSB
		}
		for i, f := range extract(dither, rate, Options{Kind: k}).Frames {
			if !isZero(f) {
				t.Fatalf("%v: dither frame %d not silent: %v", k, i, f)
			}
		}
		loud := render([]partial{{440, 1}}, rate, 6, 0, 2)       // A, ~-9 dBFS RMS
		quiet := render([]partial{{hz(60), 1}}, rate, 6, 2, 4)   // C at -50 dB
		faint := render([]partial{{hz(64), 1}}, rate, 6, 4, 5.9) // E at -75 dB (-84 dBFS)
		x := make([]float32, len(loud))
		gq, gf := float32(math.Pow(10, -50.0/20)), float32(math.Pow(10, -75.0/20))
		for i := range x {
			x[i] = loud[i] + gq*quiet[i] + gf*faint[i]
		}
		r := extract(x, rate, Options{Kind: k})
		for i, f := range r.Frames {
			tc := float64(i) / r.FrameRate
			switch {
			case tc > 2.2 && tc < 3.8 && (isZero(f) || argmax(f) != 0):
				t.Errorf("%v: frame at %.2f s (C at -50 dB): %v", k, tc, f)
			case tc > 4.2 && !isZero(f):
				t.Errorf("%v: frame at %.2f s (E at -75 dB) not silent: %v", k, tc, f)
			}
		}
	}
}
