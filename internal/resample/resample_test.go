package resample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

var pairs = [][2]int{
	{44100, 11025}, {48000, 11025}, {22050, 16000}, {96000, 22050},
	{44100, 22050}, {192000, 11025}, {8000, 11025}, {16000, 22050}, {11025, 8000},
	{44056, 11025}, {7999, 11025}, // thousands of phases: interpolated tap tables
}

// tone returns n samples of amp*sin(2π f t + phase) at rate.
func tone(n int, rate, f, amp, phase float64) []float32 {
	x := make([]float32, n)
	osc := newOsc(rate, f, phase)
	for i := range x {
		s, _ := osc.next()
		x[i] = float32(amp * s)
	}
	return x
}

// osc yields sin and cos of 2π f i/rate + phase for i = 0, 1, ... by rotation (cheaper
// than math.Sincos per sample, which matters under -race; the error stays ~1e-13).
type osc struct{ s, c, ds, dc float64 }

func newOsc(rate, f, phase float64) *osc {
	s, c := math.Sincos(phase)
	ds, dc := math.Sincos(2 * math.Pi * f / rate)
	return &osc{s, c, ds, dc}
}

func (o *osc) next() (s, c float64) {
	s, c = o.s, o.c
	o.s, o.c = s*o.dc+c*o.ds, c*o.dc-s*o.ds
	return s, c
}

func resampleAll(in, out int, x []float32) []float32 {
	r := New(in, out)
	y := r.Process(nil, x)
	return r.Flush(y)
}

// fit least-squares fits y[i] ≈ a sin(2π f i/rate + phase) + b cos(...) over y and
// returns a, b and the RMS of the residual.
func fit(y []float32, rate, f, phase float64) (a, b, resid float64) {
	var ss, sc, cc, ys, yc float64
	o := newOsc(rate, f, phase)
	for _, v := range y {
		s, c := o.next()
		ss += s * s
		sc += s * c
		cc += c * c
		ys += float64(v) * s
		yc += float64(v) * c
	}
	det := ss*cc - sc*sc
	a = (ys*cc - yc*sc) / det
	b = (yc*ss - ys*sc) / det
	var e float64
	o = newOsc(rate, f, phase)
	for _, v := range y {
		s, c := o.next()
		d := float64(v) - a*s - b*c
		e += d * d
	}
	return a, b, math.Sqrt(e / float64(len(y)))
}

// middle drops a margin at both ends (filter edge effects).
func middle(y []float32, margin int) []float32 { return y[margin : len(y)-margin] }

// TestPassband checks that tones up to 0.9 of the lower Nyquist frequency come out with
// the same amplitude (±0.1 dB), frequency and phase (no delay), and nothing else (no
// images or aliases above -80 dB).
func TestPassband(t *testing.T) {
	for _, pr := range pairs {
		in, out := pr[0], pr[1]
		nyq := float64(min(in, out)) / 2
		r := New(in, out)
		var buf []float32
		worstGain, worstSNR := 0.0, math.Inf(1)
		for i := 0; i <= 40; i++ {
			f := (0.005 + (passFraction-0.005)*float64(i)/40) * nyq
			x := tone(in/4, float64(in), f, 0.8, 0.3)
			r.Reset()
			buf = r.Flush(r.Process(buf[:0], x))
			// The phase at output sample j must be that at input time j*in/out.
			y := middle(buf, 200)
			a, b, resid := fit(y, float64(out), f, 0.3+2*math.Pi*f*200/float64(out))
			gain := 20 * math.Log10(math.Hypot(a, b)/0.8)
			snr := 20 * math.Log10(0.8/math.Sqrt2/resid)
			worstGain = max(worstGain, math.Abs(gain))
			worstSNR = min(worstSNR, snr)
			name := fmt.Sprintf("%d->%d f=%.0f", in, out, f)
			if math.Abs(gain) > 0.1 {
				t.Errorf("%s: gain %.3f dB, want within ±0.1 dB", name, gain)
			}
			if ph := math.Atan2(b, a); math.Abs(ph) > 1e-3 {
				t.Errorf("%s: phase error %.2g rad (output not aligned with input)", name, ph)
			}
			if snr < 80 {
				t.Errorf("%s: residual %.1f dB below the tone, want >= 80", name, snr)
			}
		}
		t.Logf("%d->%d: pass band ripple ±%.4f dB, residual <= %.1f dB", in, out, worstGain, -worstSNR)
	}
}

// TestAliasRejection sweeps tones from 1.1x the output Nyquist (where the transition
// band's folding ends) up to the input Nyquist and checks they are attenuated by at
// least 80 dB at the output.
func TestAliasRejection(t *testing.T) {
	for _, pr := range pairs {
		in, out := pr[0], pr[1]
		if out >= in {
			continue
		}
		lo := float64(out) - passFraction*float64(out)/2
		hi := 0.999 * float64(in) / 2
		worst, worstF := math.Inf(1), 0.0
		const steps = 120
		r := New(in, out)
		var buf []float32
		for i := 0; i <= steps; i++ {
			f := lo * math.Pow(hi/lo, float64(i)/steps)
			x := tone(in/8, float64(in), f, 1, 0)
			r.Reset()
			buf = r.Flush(r.Process(buf[:0], x))
			y := middle(buf, 200)
			var e float64
			for _, v := range y {
				e += float64(v) * float64(v)
			}
			att := -10 * math.Log10(e/float64(len(y))/0.5)
			if att < worst {
				worst, worstF = att, f
			}
		}
		t.Logf("%d->%d: worst alias attenuation %.1f dB (tone at %.0f Hz)", in, out, worst, worstF)
		if worst < 80 {
			t.Errorf("%d->%d: tone at %.0f Hz attenuated by only %.1f dB, want >= 80", in, out, worstF, worst)
		}
	}
}

// TestBlockInvariance feeds random block sizes and expects output identical to one shot.
func TestBlockInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, pr := range pairs {
		in, out := pr[0], pr[1]
		x := make([]float32, 20000+rng.IntN(1000))
		for i := range x {
			x[i] = float32(rng.NormFloat64() * 0.3)
		}
		want := resampleAll(in, out, x)
		for trial := 0; trial < 3; trial++ {
			r := New(in, out)
			var got []float32
			for rest := x; len(rest) > 0; {
				n := min(len(rest), rng.IntN(9000))
				if trial == 0 {
					n = min(len(rest), 1+rng.IntN(3)) // tiny blocks
				}
				got = r.Process(got, rest[:n])
				rest = rest[n:]
			}
			got = r.Flush(got)
			if len(got) != len(want) {
				t.Fatalf("%d->%d: split output has %d samples, one-shot %d", in, out, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%d->%d: sample %d differs: %g vs %g", in, out, i, got[i], want[i])
				}
			}
		}
	}
}

func TestLengthAndDC(t *testing.T) {
	for _, pr := range append(pairs, [2]int{44100, 44100}) {
		in, out := pr[0], pr[1]
		for _, n := range []int{0, 1, 7, 1000, 33333} {
			x := make([]float32, n)
			for i := range x {
				x[i] = 0.5
			}
			y := resampleAll(in, out, x)
			want := int(math.Ceil(float64(n) * float64(out) / float64(in)))
			if d := len(y) - want; d < -2 || d > 2 {
				t.Errorf("%d->%d n=%d: %d output samples, want %d (±2)", in, out, n, len(y), want)
			}
			if n == 33333 {
				for i, v := range middle(y, 200) {
					if math.Abs(float64(v)-0.5) > 1e-5 {
						t.Fatalf("%d->%d: DC output[%d] = %g, want 0.5", in, out, i+200, v)
					}
				}
			}
		}
	}
}

func TestIdentityAndReset(t *testing.T) {
	r := New(22050, 22050)
	x := tone(100, 22050, 440, 1, 0)
	y := r.Flush(r.Process(nil, x))
	if len(y) != len(x) {
		t.Fatalf("identity: %d samples, want %d", len(y), len(x))
	}
	for i := range x {
		if x[i] != y[i] {
			t.Fatalf("identity: sample %d changed", i)
		}
	}
	if r.Delay() != 0 {
		t.Errorf("Delay() = %g, want 0", r.Delay())
	}

	d := New(44100, 11025)
	first := d.Flush(d.Process(nil, x))
	d.Reset()
	if again := d.Flush(d.Process(nil, x)); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Error("output after Reset differs from the first run")
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"zero rate":     func() { New(0, 11025) },
		"negative rate": func() { New(44100, -1) },
		"after flush": func() {
			r := New(44100, 11025)
			r.Flush(nil)
			r.Process(nil, []float32{1})
		},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
