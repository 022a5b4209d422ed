package fft

import (
	"fmt"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/cputime"
	dspfft "github.com/mjibson/go-dsp/fft"
	"gonum.org/v1/gonum/dsp/fourier"
)

// timed runs f in a b.Loop and also reports CPU ns per op: on a shared machine wall-clock
// ns/op overstates the cost; the CPU time of a single-goroutine loop much less so.
func timed(b *testing.B, f func()) {
	c0 := cputime.Used()
	for b.Loop() {
		f()
	}
	if c := cputime.Used() - c0; c > 0 {
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkRealFFT compares this package with gonum's and go-dsp's real FFTs.
func BenchmarkRealFFT(b *testing.B) {
	for _, n := range []int{1024, 2048, 4096, 8192} {
		x := signals(n)["noise"]
		x64 := make([]float64, n)
		for i, v := range x {
			x64[i] = float64(v)
		}
		b.Run(fmt.Sprintf("n=%d/leitmotif", n), func(b *testing.B) {
			p := NewReal(n)
			dst := make([]complex64, n/2+1)
			timed(b, func() { p.Transform(dst, x) })
		})
		b.Run(fmt.Sprintf("n=%d/gonum", n), func(b *testing.B) {
			g := fourier.NewFFT(n)
			dst := make([]complex128, n/2+1)
			timed(b, func() { g.Coefficients(dst, x64) })
		})
		b.Run(fmt.Sprintf("n=%d/go-dsp", n), func(b *testing.B) {
			timed(b, func() { dspfft.FFTReal(x64) })
		})
	}
}
