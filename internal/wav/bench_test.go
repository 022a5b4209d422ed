package wav

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// longFile returns a WAV file of the given length: one second of a chord, encoded with opt and
// its data repeated, which is much faster than synthesising minutes of audio.
func longFile(b *testing.B, seconds, channels int, opt wavtest.Options) []byte {
	const rate = 44100
	chans := make([][]float32, channels)
	for i := range chans {
		chans[i] = chord(rate, rate, 0.8, float64(i))
	}
	one := encode(b, chans, rate, opt)
	at := bytes.Index(one, []byte("data"))
	hdr, data := one[:at+8], one[at+8:]
	out := make([]byte, 0, len(hdr)+seconds*len(data))
	out = append(out, hdr...)
	for range seconds {
		out = append(out, data...)
	}
	binary.LittleEndian.PutUint32(out[at+4:], uint32(seconds*len(data)))
	return out
}

// BenchmarkReadMono decodes whole files held in memory to mono float32. x-real-time is seconds
// of audio decoded per second of CPU.
func BenchmarkReadMono(b *testing.B) {
	cases := []struct {
		name     string
		seconds  int
		channels int
		opt      wavtest.Options
	}{
		{"3min/stereo/16", 180, 2, wavtest.Options{Bits: 16}},
		{"30s/mono/16", 30, 1, wavtest.Options{Bits: 16}},
		{"30s/stereo/8", 30, 2, wavtest.Options{Bits: 8}},
		{"30s/stereo/24ext", 30, 2, wavtest.Options{Bits: 24, Extensible: true}},
		{"30s/stereo/32", 30, 2, wavtest.Options{Bits: 32}},
		{"30s/stereo/float32", 30, 2, wavtest.Options{Float: true, Bits: 32}},
		{"30s/stereo/float64", 30, 2, wavtest.Options{Float: true, Bits: 64}},
		{"30s/6ch/16", 30, 6, wavtest.Options{Bits: 16, Extensible: true}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			data := longFile(b, c.seconds, c.channels, c.opt)
			buf := make([]float32, 8192)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				d, err := NewDecoder(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				total := 0
				for {
					n, err := d.ReadMono(buf)
					total += n
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
				}
				if total != c.seconds*44100 {
					b.Fatal(fmt.Sprint(total, " frames"))
				}
			}
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(c.seconds)/perOp, "x-real-time")
			b.ReportMetric(perOp*1e3, "ms/file")
		})
	}
}
