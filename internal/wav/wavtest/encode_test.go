package wavtest

import (
	"bytes"
	"encoding/binary"
	"os"
	"testing"
)

// TestFmtMatchesSoX checks the fmt chunks Encode writes against those SoX wrote for the
// fixtures in testdata/wav: an independent writer for the same layout.
func TestFmtMatchesSoX(t *testing.T) {
	for _, c := range []struct {
		file     string
		channels int
		opt      Options
	}{
		{"ref16.wav", 1, Options{Bits: 16}},
		{"stereo16.wav", 2, Options{Bits: 16}},
		{"pcm8.wav", 1, Options{Bits: 8}},
		{"pcm24.wav", 1, Options{Bits: 24, Extensible: true}},
		{"pcm32.wav", 1, Options{Bits: 32, Extensible: true}},
		{"six16.wav", 6, Options{Bits: 16, Extensible: true}},
		{"float32.wav", 1, Options{Float: true, Bits: 32}},
		{"float64.wav", 1, Options{Float: true, Bits: 64}},
	} {
		sox, err := os.ReadFile("../../../testdata/wav/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		chans := make([][]float32, c.channels)
		for i := range chans {
			chans[i] = make([]float32, 10)
		}
		if err := Encode(&b, chans, 44100, c.opt); err != nil {
			t.Fatal(err)
		}
		n := binary.LittleEndian.Uint32(sox[16:])
		if got, want := b.Bytes()[12:20+n], sox[12:20+n]; !bytes.Equal(got, want) {
			t.Errorf("%s: fmt chunk\n% x\nSoX wrote\n% x", c.file, got, want)
		}
	}
}

// TestQuantize checks the reference quantiser at full scale and at the 8-bit offset.
func TestQuantize(t *testing.T) {
	for _, c := range []struct {
		x           float32
		float       bool
		bits, valid int
		want        float64
	}{
		{1, false, 16, 0, 32767.0 / 32768},
		{-1, false, 16, 0, -1},
		{0, false, 8, 0, 0},
		{0.5, false, 24, 20, 0.5},
		{1, false, 32, 24, float64(1<<23-1) / (1 << 23)},
		{-2, false, 64, 0, -1},
		{0.1, true, 32, 0, float64(float32(0.1))},
	} {
		if got := Quantize(c.x, c.float, c.bits, c.valid); got != c.want {
			t.Errorf("Quantize(%v, %v, %d, %d) = %v, want %v", c.x, c.float, c.bits, c.valid, got, c.want)
		}
	}
}
