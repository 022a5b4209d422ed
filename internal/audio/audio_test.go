package audio

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

const fixtures = "../../testdata/formats"

// decodeAll decodes every sample of r, failing the test on an error.
func decodeAll(t *testing.T, r io.Reader) ([]float32, Format) {
	t.Helper()
	d, err := NewDecoder(r)
	if err != nil {
		t.Fatal(err)
	}
	out, err := readAll(d, 1<<26)
	if err != nil {
		t.Fatal(err)
	}
	return out, d.Format()
}

// readAll reads d to its end, at most max samples.
func readAll(d Decoder, max int) ([]float32, error) {
	var out []float32
	buf := make([]float32, 4096)
	for len(out) < max {
		n, err := d.ReadMono(buf)
		out = append(out, buf[:n]...)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func rms(x []float32) float64 {
	s := 0.0
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(x)))
}

// The tone fixtures hold the 0.5 s chord of ../wav/ref16.wav: FLAC sample for
// sample, the lossy formats at the same level and length give or take the
// codecs' padding.
func TestSameSignal(t *testing.T) {
	ref, rf := decodeAll(t, openWAV(t))
	for _, tc := range []struct {
		file     string
		codec    string
		rate, ch int
		exact    bool
	}{
		{"tone.flac", "flac", 44100, 1, true},
		{"tone-stereo24.flac", "flac", 44100, 2, false},
		{"tone.mp3", "mp3", 44100, 2, false},
		{"tone.ogg", "vorbis", 44100, 1, false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, f := decodeAll(t, open(t, tc.file))
			if f.Codec != tc.codec || f.SampleRate != tc.rate || f.Channels != tc.ch {
				t.Errorf("format %+v, want %s %d Hz %d channels", f, tc.codec, tc.rate, tc.ch)
			}
			if f.Frames >= 0 && f.Frames != int64(len(got)) {
				t.Errorf("format claims %d frames, decoded %d", f.Frames, len(got))
			}
			if tc.exact {
				if !slicesEqual(got, ref) {
					t.Errorf("lossless decode differs from the WAV reference")
				}
				return
			}
			// Lossy codecs pad the start and end by up to a few thousand samples.
			if d := len(got) - len(ref); d < -100 || d > 4000 {
				t.Errorf("%d samples, reference %d", len(got), len(ref))
			}
			if r, w := rms(got), rms(ref); math.Abs(20*math.Log10(r/w)) > 1 {
				t.Errorf("level %.4f, reference %.4f (more than 1 dB apart)", r, w)
			}
		})
	}
	if rf.Codec != "wav" || rf.Frames != int64(len(ref)) {
		t.Errorf("WAV reference format %+v, %d frames decoded", rf, len(ref))
	}
}

func openWAV(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Open("../../testdata/wav/ref16.wav")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func slicesEqual(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A pipe (no io.Seeker) decodes to the same samples as the file, only the
// length may be unknown.
func TestPipeSameAsFile(t *testing.T) {
	for _, name := range []string{"tone.flac", "tone.mp3", "tone.ogg", "../wav/ref16.wav"} {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		file, _ := decodeAll(t, bytes.NewReader(b))
		pipe, f := decodeAll(t, struct{ io.Reader }{bytes.NewReader(b)})
		if !slicesEqual(file, pipe) {
			t.Errorf("%s: %d samples from a pipe, %d from a file, or different", name, len(pipe), len(file))
		}
		if f.Frames >= 0 && f.Frames != int64(len(pipe)) {
			t.Errorf("%s: from a pipe the format claims %d frames, %d decoded", name, f.Frames, len(pipe))
		}
	}
}

func TestSniff(t *testing.T) {
	ogg := func(packet string) []byte {
		b := append([]byte("OggS"), make([]byte, 22)...)
		b = append(b, 1, byte(len(packet)))
		return append(b, packet...)
	}
	for _, tc := range []struct {
		name string
		head []byte
		want string
	}{
		{"riff", []byte("RIFF\x00\x00\x00\x00WAVE"), "wav"},
		{"rf64", []byte("RF64"), "wav"},
		{"flac", []byte("fLaC\x00"), "flac"},
		{"id3", []byte("ID3\x04"), "mp3"},
		{"mpeg1 layer 3 sync", []byte{0xFF, 0xFB, 0x90}, "mp3"},
		{"sync without a layer", []byte{0xFF, 0xF9, 0x90}, ""},
		{"vorbis", ogg("\x01vorbis"), "vorbis"},
		{"opus", ogg("OpusHead"), "opus"},
		{"ogg of something else", ogg("\x80theora"), "ogg"},
		{"short ogg", []byte("OggS\x00"), "ogg"},
		{"text", []byte("hello, world"), ""},
		{"empty", nil, ""},
	} {
		if got := sniff(tc.head); got != tc.want {
			t.Errorf("%s: sniffed %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Valid streams of variants the decoders do not read are refused with an
// *UnsupportedError; broken ones with a *FormatError, at the header or while
// decoding, never a panic or an endless loop.
func TestRefused(t *testing.T) {
	for _, name := range []string{"unsupported/mpeg25.mp3", "unsupported/tone.opus"} {
		_, err := NewDecoder(open(t, name))
		var ue *UnsupportedError
		if !errors.As(err, &ue) {
			t.Errorf("%s: error %v, want an *UnsupportedError", name, err)
		}
	}
	bad, err := filepath.Glob(filepath.Join(fixtures, "bad", "*"))
	if err != nil || len(bad) == 0 {
		t.Fatal("no bad fixtures", err)
	}
	bad = append(bad, "empty", "garbage")
	for _, path := range bad {
		var r io.Reader
		switch path {
		case "empty":
			r = bytes.NewReader(nil)
		case "garbage":
			r = bytes.NewReader(bytes.Repeat([]byte("not audio "), 100))
		default:
			r = open(t, filepath.Join("bad", filepath.Base(path)))
		}
		err := decodeErr(r)
		var fe *FormatError
		switch {
		case err == nil:
			// A cut or overwritten lossy stream may still decode to its end: the
			// damaged frames are skipped. Only the truncated FLAC header must fail.
			if filepath.Base(path) == "header-only.flac" || path == "empty" || path == "garbage" {
				t.Errorf("%s: decoded without an error", path)
			}
		case !errors.As(err, &fe):
			t.Errorf("%s: error %v (%T), want a *FormatError", path, err, err)
		}
	}
}

// decodeErr decodes r to its end (bounded) and returns the first error.
func decodeErr(r io.Reader) error {
	d, err := NewDecoder(r)
	if err != nil {
		return err
	}
	_, err = readAll(d, 1<<22)
	return err
}
