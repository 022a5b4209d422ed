package wav

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestDecodeConfig checks that DecodeConfig reports what NewDecoder does, without allocating
// the block buffer.
func TestDecodeConfig(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.wav"))
	if err != nil || len(files) < 10 {
		t.Fatalf("fixtures: %v, %v", files, err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := DecodeConfig(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Bytes per call, averaged over many calls: TotalAlloc is process-wide, and the
		// runtime (more so under -race) allocates now and then on its own.
		const runs = 50
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for range runs {
			DecodeConfig(bytes.NewReader(data))
		}
		runtime.ReadMemStats(&after)
		if n := (after.TotalAlloc - before.TotalAlloc) / runs; n > 4096 {
			t.Errorf("%s: DecodeConfig allocated %d bytes per call", path, n)
		}
		d, err := NewDecoder(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if f != d.Format() {
			t.Errorf("%s: DecodeConfig %+v, NewDecoder %+v", path, f, d.Format())
		}
		if f.DataBytes <= 0 || f.DataBytes%int64(f.BlockAlign) != 0 {
			t.Errorf("%s: DataBytes %d", path, f.DataBytes)
		}
	}
	if _, err := DecodeConfig(bytes.NewReader(nil)); err == nil {
		t.Error("DecodeConfig accepted an empty file")
	}
}

// TestOddBitDepth checks old-style PCM whose depth is not whole bytes: 12-bit samples stored
// left-justified in 16-bit containers.
func TestOddBitDepth(t *testing.T) {
	samples := []int16{0x7FF0, -0x8000, 0x0010, 0}
	data := rawHeader(1, 2, 12, 8000, uint32(2*len(samples)))
	for _, s := range samples {
		data = binary.LittleEndian.AppendUint16(data, uint16(s))
	}
	got, d, err := decodeAll(bytes.NewReader(data), 16)
	if err != nil {
		t.Fatal(err)
	}
	if f := d.Format(); f.BitsPerSample != 16 || f.ValidBits != 12 {
		t.Errorf("format %+v, want 16-bit container with 12 valid bits", f)
	}
	for i, s := range samples {
		if want := float32(s) / 32768; got[i] != want {
			t.Errorf("sample %d = %v, want %v", i, got[i], want)
		}
	}
}

func TestDurationUnknown(t *testing.T) {
	for _, f := range []Format{{DataBytes: -1, BlockAlign: 2, SampleRate: 8000}, {}} {
		if d := f.Duration(); d != -1 {
			t.Errorf("%+v: Duration %v, want -1", f, d)
		}
	}
	if d := (Format{DataBytes: 16001, BlockAlign: 2, SampleRate: 8000}).Duration(); d != 1 {
		t.Errorf("Duration %v, want 1 (partial frame ignored)", d)
	}
}

func TestEncodingString(t *testing.T) {
	for e, want := range map[Encoding]string{PCM: "PCM", Float: "float", 0: "Encoding(0)"} {
		if got := e.String(); got != want {
			t.Errorf("%d: %q, want %q", int(e), got, want)
		}
	}
}
