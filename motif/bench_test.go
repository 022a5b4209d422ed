package motif

import (
	"bytes"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// stereoTrack encodes about seconds of a melody with chords and bass as a 44.1 kHz stereo
// 16-bit WAV, the common CD format.
func stereoTrack(b *testing.B, seconds float64) []byte {
	b.Helper()
	m := synth.OdeToJoy()
	opt := synth.Options{SampleRate: 44100, Timbre: synth.Piano(), Chords: true, Bass: true}
	one := synth.Render(m, opt)
	x := make([]float32, 0, int(seconds*44100))
	for len(x) < cap(x) {
		x = append(x, one[:min(len(one), cap(x)-len(x))]...)
	}
	var buf bytes.Buffer
	if err := wavtest.Encode(&buf, [][]float32{x, x}, 44100, wavtest.Options{Bits: 16}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkAnalyze measures chroma extraction of a 3-minute 44.1 kHz stereo 16-bit WAV from
// memory, decoding and resampling included, on one goroutine.
func BenchmarkAnalyze(b *testing.B) {
	const seconds = 180
	data := stereoTrack(b, seconds)
	for _, kind := range []Kind{HPCP, STFT, CENS} {
		b.Run(string(kind), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Analyze(bytes.NewReader(data), ChromaOptions{Kind: kind}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(seconds*float64(b.N)/b.Elapsed().Seconds(), "x-real-time")
		})
	}
}

// BenchmarkCompare measures matching two 3-minute tracks with features ready.
func BenchmarkCompare(b *testing.B) {
	x := stereoTrack(b, 180)
	fa, err := Analyze(bytes.NewReader(x), ChromaOptions{})
	if err != nil {
		b.Fatal(err)
	}
	m := synth.Concat("other", synth.FrereJacques(), synth.Twinkle())
	y := synth.Render(m, synth.Options{SampleRate: 22050, Tempo: 80, Transpose: 3, Timbre: synth.Strings(), Chords: true})
	for len(y) < 180*22050 {
		y = append(y, y...)
	}
	fb, err := AnalyzeSamples(y[:180*22050], 22050, ChromaOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("prepared", func(b *testing.B) {
		ta, tb := Prepare(fa, CompareOptions{}), Prepare(fb, CompareOptions{})
		for b.Loop() {
			CompareTracks(ta, tb, CompareOptions{})
		}
		b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/pair")
	})
	b.Run("features", func(b *testing.B) {
		for b.Loop() {
			Compare(fa, fb, CompareOptions{})
		}
		b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/pair")
	})
}
