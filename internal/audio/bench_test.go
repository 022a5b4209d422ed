package audio

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDecode decodes the 35.7 s trailer theme in each format to mono float32 and reports
// the speed as multiples of real time (one core).
func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"../examples/trailer.wav", "trailer.flac", "trailer-64k.mp3", "trailer-32k.mp3", "trailer-q4.ogg", "trailer-q0.ogg"} {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(name), func(b *testing.B) {
			buf := make([]float32, 16384)
			var seconds float64
			for b.Loop() {
				d, err := NewDecoder(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				frames := 0
				for {
					n, err := d.ReadMono(buf)
					frames += n
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				seconds = float64(frames) / float64(d.Format().SampleRate)
			}
			b.ReportMetric(seconds*float64(b.N)/b.Elapsed().Seconds(), "x_realtime")
		})
	}
}
