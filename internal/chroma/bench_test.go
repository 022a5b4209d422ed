package chroma

import (
	"runtime"
	"testing"
	"time"

	"github.com/leitmotif-audio/leitmotif/internal/cputime"
	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// benchTrack returns 3 minutes of a piano melody with chords, bass and noise at 44.1 kHz
// (30 s rendered, tiled: the cost of chroma does not depend on repetition).
func benchTrack(b *testing.B) []float32 {
	b.Helper()
	m := synth.Concat("bench", synth.OdeToJoy(), synth.Greensleeves(), synth.Twinkle())
	x := synth.Render(m, synth.Options{SampleRate: 44100, Tempo: 140, Timbre: synth.Piano(),
		Chords: true, Bass: true, Noise: true, SNR: 30, Seed: 1})
	const n = 180 * 44100
	out := make([]float32, 0, n)
	for len(out) < n {
		out = append(out, x[:min(len(x), n-len(out))]...)
	}
	return out
}

// report adds x-real-time (wall clock) and cpu-x-real-time (process CPU time, all
// threads: stable on a shared machine; run with -cpu 1) for secs of audio per op.
func report(b *testing.B, secs float64, cpu0 time.Duration) {
	b.ReportMetric(secs*float64(b.N)/b.Elapsed().Seconds(), "x-real-time")
	if cpu := cputime.Used() - cpu0; cpu > 0 {
		b.ReportMetric(secs*float64(b.N)/cpu.Seconds(), "cpu-x-real-time")
	}
}

func BenchmarkExtract(b *testing.B) {
	x := benchTrack(b)
	const block = 4096 // a decoder's block
	secs := float64(len(x)) / 44100
	for _, k := range kinds {
		b.Run(k.String(), func(b *testing.B) {
			b.SetBytes(int64(4 * len(x)))
			b.ReportAllocs()
			runtime.GC() // not the previous run's garbage
			cpu0 := cputime.Used()
			for b.Loop() {
				e := NewExtractor(44100, Options{Kind: k})
				for i := 0; i < len(x); i += block {
					e.Write(x[i:min(i+block, len(x))])
				}
				e.Finish()
			}
			report(b, secs, cpu0)
		})
	}
	b.Run("hpcp+cens", func(b *testing.B) {
		runtime.GC() // not the previous run's garbage
		cpu0 := cputime.Used()
		for b.Loop() {
			e := NewExtractor(44100, Options{})
			for i := 0; i < len(x); i += block {
				e.Write(x[i:min(i+block, len(x))])
			}
			r := e.Finish()
			CENS(r.Frames, r.FrameRate, CENSOptions{})
		}
		report(b, secs, cpu0)
	})
	// The analysis alone, input already at 11025 Hz (no resampling).
	y := make([]float32, len(x)/4)
	for i := range y {
		y[i] = x[4*i]
	}
	for _, k := range kinds {
		b.Run(k.String()+"-11025", func(b *testing.B) {
			runtime.GC() // not the previous run's garbage
			cpu0 := cputime.Used()
			for b.Loop() {
				e := NewExtractor(11025, Options{Kind: k})
				for i := 0; i < len(y); i += block {
					e.Write(y[i:min(i+block, len(y))])
				}
				e.Finish()
			}
			report(b, secs, cpu0)
		})
	}
}
