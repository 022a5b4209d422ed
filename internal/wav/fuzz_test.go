package wav

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// fuzzSeeds returns the fixtures (headers and a little data: the fuzzer works on structure),
// the broken fixtures, the bad-input table and files from wavtest in every format.
func fuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"*.wav", "bad/*.wav"} {
		files, _ := filepath.Glob(filepath.Join(fixtureDir, pattern))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, b[:min(len(b), 600)])
		}
	}
	for _, c := range badInputs {
		seeds = append(seeds, c.data)
	}
	x := chord(50, 8000, 0.9, 0)
	for _, opt := range []wavtest.Options{
		{Bits: 8}, {Bits: 24, StreamingSizes: true}, {Bits: 64},
		{Float: true, Bits: 32, Extensible: true, Before: []wavtest.Chunk{{ID: "LIST", Data: []byte("odd")}}},
		{Float: true, Bits: 64, After: []wavtest.Chunk{{ID: "JUNK", Data: []byte{1}}}},
		{Bits: 32, ValidBits: 24, Extensible: true},
	} {
		seeds = append(seeds, encode(t, [][]float32{x, x}, 8000, opt))
	}
	return seeds
}

// decodeFuzz decodes data through a seekable or a pipe reader, checking the invariants every
// input must satisfy.
func decodeFuzz(t *testing.T, data []byte, pipe bool) ([]float32, error) {
	var r io.Reader = bytes.NewReader(data)
	block := 777
	if pipe { // short reads and small blocks: frames split across reads and calls
		r, block = iotest.HalfReader(noSeek{r}), 13
	}
	d, err := NewDecoder(r)
	if err != nil {
		var fe *FormatError
		var ue *UnsupportedError
		if !errors.As(err, &fe) && !errors.As(err, &ue) {
			t.Fatalf("untyped error %v", err)
		}
		return nil, err
	}
	f := d.Format()
	// Without a seeker the decoder cannot know the size: DataBytes is the header's claim.
	if !pipe && (f.DataBytes > int64(len(data)) || f.DataBytes < 0) {
		t.Fatalf("DataBytes %d for a %d-byte input", f.DataBytes, len(data))
	}
	var out []float32
	buf := make([]float32, block)
	for {
		n, err := d.ReadMono(buf)
		for _, v := range buf[:n] {
			if !(v >= -1 && v <= 1) {
				t.Fatalf("sample %v outside [-1, 1]", v)
			}
		}
		out = append(out, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("read error from a bytes.Reader: %v", err)
		}
	}
	if len(out)*f.BlockAlign > len(data) {
		t.Fatalf("%d frames of %d bytes from %d bytes", len(out), f.BlockAlign, len(data))
	}
	if !pipe && int64(len(out)) != f.DataBytes/int64(f.BlockAlign) {
		t.Fatalf("%d frames, DataBytes %d / %d", len(out), f.DataBytes, f.BlockAlign)
	}
	return out, nil
}

// FuzzDecoder runs the whole decode path: it must never panic, return untyped errors for
// in-memory input, produce samples outside [-1, 1], or differ between a seekable reader with
// large blocks and a pipe with short reads and small blocks.
func FuzzDecoder(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, errA := decodeFuzz(t, data, false)
		b, errB := decodeFuzz(t, data, true)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("seekable: %v; pipe: %v", errA, errB)
		}
		if !slices.Equal(a, b) {
			t.Fatalf("seekable and pipe decode differ: %d vs %d frames", len(a), len(b))
		}
	})
}

// FuzzParseFmt checks the fmt chunk parser: no panics, and every accepted format is one the
// converters can handle; the parser agrees with the decoder on the same chunk.
func FuzzParseFmt(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		// The fmt body of each seed file, if it has one where canonical files put it.
		if len(s) >= 20 && string(s[12:16]) == "fmt " {
			f.Add(s[20:min(len(s), 60)])
		}
	}
	f.Add(extBody(2, 48000, 8, 32, 24, 3))
	f.Fuzz(func(t *testing.T, b []byte) {
		fm, err := parseFmt(b)
		if err == nil {
			bits := fm.BitsPerSample
			switch {
			case fm.Channels < 1 || fm.Channels > maxChannels,
				fm.SampleRate < 1 || fm.SampleRate > maxSampleRate,
				fm.Encoding == PCM && bits != 8 && bits != 16 && bits != 24 && bits != 32 && bits != 64,
				fm.Encoding == Float && bits != 32 && bits != 64,
				fm.Encoding != PCM && fm.Encoding != Float,
				fm.ValidBits < 1 || fm.ValidBits > bits,
				fm.BlockAlign != fm.Channels*bits/8,
				fm.DataBytes != -1:
				t.Fatalf("accepted bad format %+v", fm)
			}
		}
		if len(b) > 0xFFFF {
			return
		}
		body := b
		if len(body)%2 == 1 {
			body = append(slices.Clip(body), 0) // the pad byte
		}
		file := riff(chunk("fmt ", uint32(len(b)), body), chunk("data", 0, nil))
		d, derr := NewDecoder(bytes.NewReader(file))
		switch {
		case (err == nil) != (derr == nil):
			t.Fatalf("parseFmt: %v; NewDecoder: %v", err, derr)
		case err == nil && d.Format() != (Format{fm.Encoding, fm.Channels, fm.SampleRate, fm.BitsPerSample, fm.ValidBits, fm.BlockAlign, 0}):
			t.Fatalf("parseFmt %+v; NewDecoder %+v", fm, d.Format())
		case err != nil && err.Error() != derr.Error():
			t.Fatalf("parseFmt: %v; NewDecoder: %v", err, derr)
		}
	})
}
