package fft

import (
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"

	dspfft "github.com/mjibson/go-dsp/fft"
	"gonum.org/v1/gonum/dsp/fourier"
)

// signals returns named test inputs of length n.
func signals(n int) map[string][]float32 {
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	noise := make([]float32, n)
	for i := range noise {
		noise[i] = float32(rng.Float64()*2 - 1)
	}
	tones := make([]float32, n)
	for i := range tones {
		t := float64(i)
		tones[i] = float32(0.7*math.Sin(2*math.Pi*3.3*t/float64(n)+0.4) +
			0.2*math.Cos(2*math.Pi*float64(n/5)*t/float64(n)) + 0.05)
	}
	impulse := make([]float32, n)
	impulse[n/3] = 1
	return map[string][]float32{"noise": noise, "tones": tones, "impulse": impulse}
}

func maxAbs(x []complex128) float64 {
	var m float64
	for _, c := range x {
		m = math.Max(m, cmplx.Abs(c))
	}
	return m
}

// TestAgainstOracles compares Transform with gonum's and go-dsp's float64 FFTs.
func TestAgainstOracles(t *testing.T) {
	const tol = 1e-5
	for n := 64; n <= 16384; n *= 2 {
		p := NewReal(n)
		g := fourier.NewFFT(n)
		dst := make([]complex64, n/2+1)
		for name, x := range signals(n) {
			x64 := make([]float64, n)
			for i, v := range x {
				x64[i] = float64(v)
			}
			got := p.Transform(dst, x)
			oracles := map[string][]complex128{
				"gonum":  g.Coefficients(nil, x64),
				"go-dsp": dspfft.FFTReal(x64)[:n/2+1],
			}
			for oname, want := range oracles {
				peak := maxAbs(want)
				var worst float64
				for k := range want {
					worst = math.Max(worst, cmplx.Abs(complex128(got[k])-want[k]))
				}
				if worst > tol*peak {
					t.Errorf("n=%d %s vs %s: max error %.3g = %.3g of peak, want <= %g",
						n, name, oname, worst, worst/peak, tol)
				}
			}
		}
	}
}

// TestParseval checks energy conservation: sum x² = (|X0|² + |Xm|² + 2 sum_{0<k<m} |Xk|²)/n.
func TestParseval(t *testing.T) {
	for _, n := range []int{4, 8, 64, 1024, 4096, 65536} {
		x := signals(n)["noise"]
		spec := NewReal(n).Transform(nil, x)
		pow := Power(nil, spec)
		var et, ef float64
		for _, v := range x {
			et += float64(v) * float64(v)
		}
		for k, v := range pow {
			w := 2.0
			if k == 0 || k == n/2 {
				w = 1
			}
			ef += w * float64(v)
		}
		ef /= float64(n)
		if rel := math.Abs(ef-et) / et; rel > 1e-5 {
			t.Errorf("n=%d: time energy %g, frequency energy %g (rel err %.2g)", n, et, ef, rel)
		}
	}
}

// TestPureTone checks that cos(2π k0 j/n) puts n/2 into bin k0 and nothing elsewhere.
func TestPureTone(t *testing.T) {
	for _, tc := range []struct{ n, k int }{{64, 1}, {64, 31}, {1024, 100}, {4096, 1}, {4096, 1337}, {65536, 5000}} {
		x := make([]float32, tc.n)
		for j := range x {
			x[j] = float32(math.Cos(2 * math.Pi * float64(tc.k*j%tc.n) / float64(tc.n)))
		}
		spec := NewReal(tc.n).Transform(nil, x)
		half := float64(tc.n) / 2
		for k, c := range spec {
			want := 0.0
			if k == tc.k {
				want = half
			}
			if d := cmplx.Abs(complex128(c) - complex(want, 0)); d > 2e-5*half {
				t.Errorf("n=%d tone at %d: bin %d = %v, want %v", tc.n, tc.k, k, c, want)
			}
		}
	}
}

func TestTransformReusesDst(t *testing.T) {
	p := NewReal(256)
	x := signals(256)["noise"]
	dst := make([]complex64, 129)
	if got := p.Transform(dst, x); &got[0] != &dst[0] {
		t.Fatal("Transform did not write into dst")
	}
	if a := testing.AllocsPerRun(10, func() { p.Transform(dst, x) }); a != 0 {
		t.Errorf("Transform allocates %v times per call, want 0", a)
	}
	if p.Len() != 256 {
		t.Errorf("Len() = %d, want 256", p.Len())
	}
}

func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"n=0":        func() { NewReal(0) },
		"n=2":        func() { NewReal(2) },
		"n=1000":     func() { NewReal(1000) },
		"short src":  func() { NewReal(64).Transform(nil, make([]float32, 32)) },
		"bad dst":    func() { NewReal(64).Transform(make([]complex64, 64), make([]float32, 64)) },
		"bad power":  func() { Power(make([]float32, 3), make([]complex64, 4)) },
		"negative n": func() { NewReal(-8) },
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
