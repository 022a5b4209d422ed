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

// addSeeds adds every fixture of testdata/formats (and its bad/ and
// unsupported/ streams) under 64 KiB whose name matches one of the patterns.
func addSeeds(f *testing.F, patterns ...string) {
	for _, dir := range []string{fixtures, filepath.Join(fixtures, "bad"), filepath.Join(fixtures, "unsupported"), "../../testdata/wav"} {
		for _, p := range patterns {
			names, _ := filepath.Glob(filepath.Join(dir, p))
			for _, name := range names {
				if b, err := os.ReadFile(name); err == nil && len(b) <= 64<<10 {
					f.Add(b)
				}
			}
		}
	}
}

// fuzzDecode decodes data with open and checks the contract: no panic, typed
// errors, finite samples in [-1, 1] (with some slack for lossy codecs'
// overshoot), progress on every call.
func fuzzDecode(t *testing.T, data []byte, open func(io.Reader) (Decoder, error)) {
	d, err := open(bytes.NewReader(data))
	if err != nil {
		checkErr(t, err)
		return
	}
	f := d.Format()
	if f.SampleRate <= 0 || f.SampleRate > MaxSampleRate || f.Channels <= 0 || f.Channels > MaxChannels {
		t.Fatalf("accepted format %+v", f)
	}
	buf := make([]float32, 1000)
	total := 0
	for total < 1<<22 {
		n, err := d.ReadMono(buf)
		if n < 0 || n > len(buf) {
			t.Fatalf("ReadMono returned %d", n)
		}
		for _, v := range buf[:n] {
			if math.IsNaN(float64(v)) || math.Abs(float64(v)) > 4 {
				t.Fatalf("sample %v", v)
			}
		}
		total += n
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			checkErr(t, err)
			return
		}
	}
}

func checkErr(t *testing.T, err error) {
	var fe *FormatError
	var ue *UnsupportedError
	if !errors.As(err, &fe) && !errors.As(err, &ue) {
		t.Fatalf("error %v (%T) is neither a *FormatError nor an *UnsupportedError", err, err)
	}
}

// addCraftedOggSeeds adds the crafted Ogg Vorbis headers of
// oggcheck_test.go, sound and lying.
func addCraftedOggSeeds(f *testing.F) {
	for _, b := range craftedOggStreams() {
		f.Add(b)
	}
}

func FuzzDecoder(f *testing.F) {
	addSeeds(f, "*")
	addCraftedOggSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, NewDecoder) })
}

func FuzzFLAC(f *testing.F) {
	addSeeds(f, "*.flac")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, newFLAC) })
}

func FuzzMP3(f *testing.F) {
	addSeeds(f, "*.mp3")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, newMP3) })
}

func FuzzVorbis(f *testing.F) {
	addSeeds(f, "*.ogg", "*.opus")
	addCraftedOggSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) { fuzzDecode(t, data, newVorbis) })
}

// FuzzOggCheck checks the Vorbis header check on its own: no panic, a
// typed refusal, accepted codebooks within the bounds, and the stream
// handed on whole, from a file and from a pipe.
func FuzzOggCheck(f *testing.F) {
	addSeeds(f, "*.ogg", "*.opus")
	addCraftedOggSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := checkVorbisHeaders(bytes.NewReader(data))
		if err != nil {
			checkErr(t, err)
			return
		}
		if st.maxEntries > maxCodebookEntries || st.maxDims > maxCodebookDims || st.maxVals > maxCodebookValues || st.total > maxSetupValues {
			t.Fatalf("accepted codebooks %+v", st)
		}
		for _, r := range []io.Reader{bytes.NewReader(data), struct{ io.Reader }{bytes.NewReader(data)}} {
			rr, err := precheckVorbis(r)
			if err != nil {
				t.Fatalf("%T: %v, where the check passed", r, err)
			}
			if got, _ := io.ReadAll(rr); !bytes.Equal(got, data) {
				t.Fatalf("%T: %d bytes handed on, want the %d of the stream", r, len(got), len(data))
			}
		}
	})
}
