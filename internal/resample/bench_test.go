package resample

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/cputime"
)

// BenchmarkResample converts 10 s of noise per op, in 4096-sample blocks as a streaming
// caller would. x-real-time = audio seconds processed per wall-clock second; the bar for
// 44100 -> 11025 is 180 s of audio in well under 60 ms, i.e. >> 3000x. x-real-time/cpu
// uses CPU time instead of wall-clock time: on a shared machine wall-clock time overstates
// the cost, the CPU time of this single-goroutine loop does not.
func BenchmarkResample(b *testing.B) {
	for _, pr := range [][2]int{{44100, 11025}, {48000, 11025}, {44100, 22050}, {96000, 22050}, {22050, 16000}, {8000, 11025}} {
		in, out := pr[0], pr[1]
		b.Run(fmt.Sprintf("%d->%d", in, out), func(b *testing.B) {
			const seconds = 10
			rng := rand.New(rand.NewPCG(3, 4))
			x := make([]float32, seconds*in)
			for i := range x {
				x[i] = float32(rng.Float64() - 0.5)
			}
			r := New(in, out)
			y := make([]float32, 0, seconds*out+100)
			cpu0 := cputime.Used()
			for b.Loop() {
				r.Reset()
				y = y[:0]
				for rest := x; len(rest) > 0; {
					n := min(len(rest), 4096)
					y = r.Process(y, rest[:n])
					rest = rest[n:]
				}
				y = r.Flush(y)
			}
			b.ReportMetric(seconds*float64(b.N)/b.Elapsed().Seconds(), "x-real-time")
			if cpu := cputime.Used() - cpu0; cpu > 0 {
				b.ReportMetric(seconds*float64(b.N)/cpu.Seconds(), "x-real-time/cpu")
			}
		})
	}
}

// BenchmarkNew measures building a resampler (filter design), paid once per stream.
func BenchmarkNew(b *testing.B) {
	for _, pr := range [][2]int{{44100, 11025}, {48000, 11025}, {22050, 16000}, {8000, 11025}} {
		b.Run(fmt.Sprintf("%d->%d", pr[0], pr[1]), func(b *testing.B) {
			for b.Loop() {
				New(pr[0], pr[1])
			}
		})
	}
}
