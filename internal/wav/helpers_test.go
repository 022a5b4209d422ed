package wav

import (
	"bytes"
	"io"
	"math"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// decodeAll decodes everything r holds, block by block.
func decodeAll(r io.Reader, block int) ([]float32, *Decoder, error) {
	d, err := NewDecoder(r)
	if err != nil {
		return nil, nil, err
	}
	var out []float32
	buf := make([]float32, block)
	for {
		n, err := d.ReadMono(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, d, nil
		}
		if err != nil {
			return out, d, err
		}
		if n == 0 {
			return out, d, io.ErrNoProgress
		}
	}
}

// chord returns n samples of a decaying A major chord with harmonics at rate Hz, scaled to peak
// amp: a musical signal that uses the full range of sample values.
func chord(n, rate int, amp, phase float64) []float32 {
	x := make([]float32, n)
	for i := range x {
		t := float64(i) / float64(rate)
		var v float64
		for _, f := range []float64{440, 554.37, 659.26} {
			v += math.Sin(2*math.Pi*f*t+phase) + 0.5*math.Sin(4*math.Pi*f*t+phase)
		}
		x[i] = float32(amp * v / 4.5)
	}
	return x
}

// encode writes a WAV file with wavtest.Encode, failing the test on error.
func encode(t testing.TB, chans [][]float32, rate int, opt wavtest.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := wavtest.Encode(&b, chans, rate, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// noSeek hides the io.Seeker of a reader, as a pipe would.
type noSeek struct{ r io.Reader }

func (n noSeek) Read(p []byte) (int, error) { return n.r.Read(p) }
