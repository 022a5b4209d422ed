package chroma

import (
	"math"
	"testing"
)

func TestCENSRateAndNorm(t *testing.T) {
	frames := make([][12]float32, 1000)
	for i := range frames {
		for c := range frames[i] {
			frames[i][c] = float32(math.Abs(math.Sin(float64(i*(c+1)) * 0.01)))
		}
	}
	for i := 400; i < 600; i++ {
		frames[i] = [12]float32{} // silence in the middle
	}
	for _, tc := range []struct {
		rate     float64
		opt      CENSOptions
		wantRate float64
	}{
		{10.7666, CENSOptions{}, 10.7666 / 4},
		{21.533, CENSOptions{}, 21.533 / 9},
		{10, CENSOptions{Window: 4.1, Rate: 1}, 1},
		{10, CENSOptions{Rate: 10}, 10},
	} {
		out, r := CENS(frames, tc.rate, tc.opt)
		if math.Abs(r-tc.wantRate) > 1e-9 {
			t.Errorf("%+v at %g Hz: rate %g, want %g", tc.opt, tc.rate, r, tc.wantRate)
		}
		factor := int(math.Round(tc.rate / r))
		if want := (len(frames) + factor - 1) / factor; len(out) != want {
			t.Errorf("%+v: %d frames, want %d", tc.opt, len(out), want)
		}
		win := tc.opt.Window
		if win == 0 {
			win = 2
		}
		half := int(math.Round(win*tc.rate)) / 2 // smoothing reach in input frames
		for m, f := range out {
			var n float64
			for _, v := range f {
				n += float64(v) * float64(v)
			}
			i := m * factor // the input frame it is centred on
			ti := float64(i) / tc.rate
			silent := i-half >= 400 && i+half < 600
			switch {
			case math.IsNaN(n):
				t.Fatalf("NaN in frame %d", m)
			case silent && n != 0:
				t.Errorf("%+v: frame %d (%.1f s) inside silence has norm %g", tc.opt, m, ti, n)
			case !silent && math.Abs(n-1) > 1e-5:
				t.Errorf("%+v: frame %d (%.1f s) norm² %g, want 1", tc.opt, m, ti, n)
			}
		}
	}
}

func TestCENSConstant(t *testing.T) {
	frames := make([][12]float32, 300)
	for i := range frames {
		// L1 shares 0.45, 0.25, 0.15, 0.07, 0.04, 0.04 -> levels 4, 3, 2, 1, 0, 0.
		frames[i] = [12]float32{0.9, 0, 0.08, 0, 0.3, 0, 0, 0.5, 0, 0.08, 0, 0.14}
	}
	out, _ := CENS(frames, 10.77, CENSOptions{})
	for m, f := range out {
		for c := range f {
			if math.Abs(float64(f[c]-out[0][c])) > 1e-6 {
				t.Fatalf("frame %d differs from frame 0: %v vs %v", m, f, out[0])
			}
		}
	}
	// Quantisation: classes below 5% of the L1 norm vanish, the order is kept.
	f := out[0]
	if f[9] != 0 || f[2] != 0 || f[1] != 0 || !(f[0] > f[7] && f[7] > f[4] && f[4] > f[11] && f[11] > 0) {
		t.Errorf("quantisation levels wrong: %v", f)
	}
}

// TestCENSTempo: CENS of a melody and of the same melody 1.2x faster, compared frame by
// frame at the same time (no warping: the drift grows to a few notes), correlate better
// than the raw chroma does.
func TestCENSTempo(t *testing.T) {
	notes := []int{0, 2, 4, 5, 7, 9, 11, 0, 7, 4, 9, 2, 5, 11, 0, 4}
	mk := func(noteDur float64) [][12]float32 {
		const rate = 10.77
		n := int(float64(len(notes)) * noteDur * rate)
		f := make([][12]float32, n)
		for i := range f {
			k := int(float64(i) / rate / noteDur)
			f[i][notes[k]] = 1
			f[i][(notes[k]+7)%12] = 0.3
		}
		return f
	}
	slow, fast := mk(0.6), mk(0.5)
	corr := func(a, b [][12]float32) float64 {
		var s float64
		n := min(len(a), len(b))
		for i := range n {
			s += cosine(a[i], b[i])
		}
		return s / float64(n)
	}
	cs, _ := CENS(slow, 10.77, CENSOptions{Rate: 10.77})
	cf, _ := CENS(fast, 10.77, CENSOptions{Rate: 10.77})
	raw, cens := corr(fast, slow), corr(cf, cs)
	t.Logf("mean cosine at equal times: raw %.3f, CENS %.3f", raw, cens)
	if !(cens > raw) {
		t.Errorf("CENS %.3f not better than raw %.3f", cens, raw)
	}
}

func cosine(a, b [12]float32) float64 {
	var ab, aa, bb float64
	for c := range a {
		ab += float64(a[c]) * float64(b[c])
		aa += float64(a[c]) * float64(a[c])
		bb += float64(b[c]) * float64(b[c])
	}
	if aa == 0 || bb == 0 {
		return 0
	}
	return ab / math.Sqrt(aa*bb)
}
