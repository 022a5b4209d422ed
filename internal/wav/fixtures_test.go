package wav

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixtureDir holds the SoX-made fixtures (see testdata/wav/make.sh at the repository root).
const fixtureDir = "../../testdata/wav"

func decodeFile(t *testing.T, path string) ([]float32, *Decoder, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return decodeAll(f, 4096)
}

func rms(x []float32) float64 {
	var s float64
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(x)))
}

// TestFixtures decodes the same signal stored by SoX in many layouts and checks it against the
// 16-bit reference. Tolerances: the reference itself is within 2^-16 of the master signal; each
// other file adds its own rounding (8-bit: 2^-8; mixes of 16-bit channels: 2^-16).
func TestFixtures(t *testing.T) {
	ref, _, err := decodeFile(t, filepath.Join(fixtureDir, "ref16.wav"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ref) != 22050 || rms(ref) < 0.05 {
		t.Fatalf("reference: %d samples, RMS %v", len(ref), rms(ref))
	}
	const lsb16 = 1.0 / 65536
	cases := []struct {
		file     string
		tag      uint16 // format tag in the file: 0xFFFE where SoX writes EXTENSIBLE
		enc      Encoding
		bits     int
		channels int
		rate     int
		tol      float64 // max sample difference from ref; 0: different rate, compare RMS
	}{
		{"ref16.wav", 1, PCM, 16, 1, 44100, 1e-9},
		{"pcm8.wav", 1, PCM, 8, 1, 44100, 1.0/256 + lsb16},
		{"pcm24.wav", 0xFFFE, PCM, 24, 1, 44100, lsb16 + 1e-7},
		{"pcm32.wav", 0xFFFE, PCM, 32, 1, 44100, lsb16 + 1e-7},
		{"float32.wav", 3, Float, 32, 1, 44100, lsb16 + 1e-7},
		{"float64.wav", 3, Float, 64, 1, 44100, lsb16 + 1e-7},
		{"stereo16.wav", 1, PCM, 16, 2, 44100, 2 * lsb16},
		{"six16.wav", 0xFFFE, PCM, 16, 6, 44100, 2 * lsb16},
		{"rate48k.wav", 1, PCM, 16, 1, 48000, 0},
		{"rate8k.wav", 1, PCM, 16, 1, 8000, 0},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(fixtureDir, c.file)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if tag := binary.LittleEndian.Uint16(raw[20:]); tag != c.tag {
				t.Fatalf("fixture has format tag 0x%04X, want 0x%04X: regenerate it", tag, c.tag)
			}
			got, d, err := decodeFile(t, path)
			if err != nil {
				t.Fatal(err)
			}
			f := d.Format()
			if f.Encoding != c.enc || f.BitsPerSample != c.bits || f.Channels != c.channels || f.SampleRate != c.rate {
				t.Errorf("format %+v", f)
			}
			if w := d.Warnings(); len(w) != 0 {
				t.Errorf("warnings %q", w)
			}
			if math.Abs(f.Duration()-0.5) > 1.0/float64(c.rate) || len(got) != int(f.Duration()*float64(c.rate)+0.5) {
				t.Errorf("duration %v s, %d samples", f.Duration(), len(got))
			}
			if c.tol == 0 {
				if r, want := rms(got), rms(ref); math.Abs(r/want-1) > 0.02 {
					t.Errorf("RMS %v, reference %v", r, want)
				}
				return
			}
			if len(got) != len(ref) {
				t.Fatalf("%d samples, reference %d", len(got), len(ref))
			}
			var maxErr float64
			for i := range got {
				maxErr = max(maxErr, math.Abs(float64(got[i]-ref[i])))
			}
			if maxErr > c.tol {
				t.Errorf("max difference from reference %g > %g", maxErr, c.tol)
			}
		})
	}
}

// TestBadFixtures decodes the broken files in testdata/wav/bad.
func TestBadFixtures(t *testing.T) {
	cases := []struct {
		file, kind, msg string
		frames          int // for files that decode with a warning
	}{
		{"truncated.wav", "", "data chunk truncated: 19956 of 44100 bytes present", 9978},
		{"adpcm.wav", errUnsup, "codec 0x0002 (Microsoft ADPCM)", 0},
		{"rifx.wav", errUnsup, "RIFX", 0},
		{"text.wav", errFormat, "not a RIFF file", 0},
		{"nodata.wav", errFormat, "missing data chunk", 0},
		{"hugechunk.wav", errFormat, `"LIST" chunk size 2147483647 exceeds`, 0},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			got, d, err := decodeFile(t, filepath.Join(fixtureDir, "bad", c.file))
			if c.kind != "" {
				checkErr(t, err, c.kind, c.msg)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.frames {
				t.Errorf("%d frames, want %d", len(got), c.frames)
			}
			if w := strings.Join(d.Warnings(), "; "); !strings.Contains(w, c.msg) {
				t.Errorf("warnings %q, want %q", w, c.msg)
			}
		})
	}
}
