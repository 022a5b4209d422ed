package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// Builders for hand-made, often broken, files.

func le16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// chunk returns a chunk whose size field is size (which may lie) followed by body.
func chunk(id string, size uint32, body []byte) []byte {
	return cat([]byte(id), le32(size), body)
}

// riff wraps chunks in a RIFF/WAVE header with a plausible size.
func riff(chunks ...[]byte) []byte {
	body := cat(chunks...)
	return cat([]byte("RIFF"), le32(uint32(4+len(body))), []byte("WAVE"), body)
}

// fmtBody returns a 16-byte fmt chunk body.
func fmtBody(tag, channels uint16, rate uint32, align, bits uint16) []byte {
	return cat(le16(tag), le16(channels), le32(rate), le32(rate*uint32(align)), le16(align), le16(bits))
}

var pcmGUIDTail = []byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71}

// extBody returns a 40-byte WAVE_FORMAT_EXTENSIBLE fmt body with sub-format tag sub.
func extBody(channels uint16, rate uint32, align, bits, valid, sub uint16) []byte {
	return cat(fmtBody(0xFFFE, channels, rate, align, bits), le16(22), le16(valid), le32(0), le16(sub), pcmGUIDTail)
}

func fmtChunk(body []byte) []byte { return chunk("fmt ", uint32(len(body)), body) }

var (
	goodFmt   = fmtChunk(fmtBody(1, 2, 44100, 4, 16))
	someData  = chunk("data", 16, make([]byte, 16))
	errFormat = "format"
	errUnsup  = "unsupported"
)

// badInputs are malformed or unsupported files; msg is a substring of the error, pipeMsg the
// one when the reader cannot seek (if different).
var badInputs = []struct {
	name, kind, msg, pipeMsg string
	data                     []byte
}{
	{"empty", errFormat, "empty file", "", nil},
	{"short", errFormat, "too short for a RIFF header (5 bytes)", "", []byte("RIFF\x10")},
	{"text", errFormat, "not a RIFF file", "", []byte("Hello, I am not a WAV file at all.\n")},
	{"RIFX", errUnsup, "big-endian RIFX", "", cat([]byte("RIFX"), le32(36), []byte("WAVE"), goodFmt)},
	{"RF64", errUnsup, "RF64 file (WAV over 4 GiB)", "", cat([]byte("RF64"), le32(0xFFFFFFFF), []byte("WAVEds64"))},
	{"BW64", errUnsup, "BW64", "", cat([]byte("BW64"), le32(0xFFFFFFFF), []byte("WAVE"))},
	{"AVI", errFormat, `RIFF form type "AVI ", not WAVE`, "", cat([]byte("RIFF"), le32(4), []byte("AVI "))},
	{"no chunks", errFormat, "missing fmt chunk", "", riff()},
	{"only LIST", errFormat, "missing fmt chunk", "", riff(chunk("LIST", 3, []byte("abc\x00")))},
	{"no data", errFormat, "missing data chunk", "", riff(goodFmt)},
	{"cut chunk header", errFormat, "missing data chunk", "", riff(goodFmt, []byte("dat"))},
	{"data before fmt", errFormat, "data chunk before fmt chunk", "", riff(someData, goodFmt)},
	{"duplicate fmt", errFormat, "duplicate fmt chunk", "", riff(goodFmt, goodFmt, someData)},
	{"fmt too short", errFormat, "fmt chunk too short: 14 bytes", "", riff(fmtChunk(fmtBody(1, 1, 8000, 2, 16)[:14]), someData)},
	{"fmt cut", errFormat, "fmt chunk size 16 exceeds the 10 bytes left", "fmt chunk truncated", riff(chunk("fmt ", 16, fmtBody(1, 1, 8000, 2, 16)[:10]))},
	{"zero channels", errFormat, "zero channels", "", riff(fmtChunk(fmtBody(1, 0, 8000, 0, 16)), someData)},
	{"33 channels", errUnsup, "33 channels (at most 32)", "", riff(fmtChunk(fmtBody(1, 33, 8000, 66, 16)), someData)},
	{"rate 0", errFormat, "sample rate 0", "", riff(fmtChunk(fmtBody(1, 1, 0, 2, 16)), someData)},
	{"rate absurd", errUnsup, "sample rate 4000000000 Hz", "", riff(fmtChunk(fmtBody(1, 1, 4e9, 2, 16)), someData)},
	{"0 bits", errFormat, "0 bits per sample", "", riff(fmtChunk(fmtBody(1, 1, 8000, 2, 0)), someData)},
	{"40-bit PCM", errUnsup, "40-bit PCM", "", riff(fmtChunk(fmtBody(1, 1, 8000, 5, 40)), someData)},
	{"16-bit float", errUnsup, "16-bit IEEE float", "", riff(fmtChunk(fmtBody(3, 1, 8000, 2, 16)), someData)},
	{"8-bit float", errUnsup, "8-bit IEEE float", "", riff(fmtChunk(fmtBody(3, 1, 8000, 1, 8)), someData)},
	{"block align", errFormat, "block align 3 contradicts 2 channels × 2 bytes", "", riff(fmtChunk(fmtBody(1, 2, 8000, 3, 16)), someData)},
	{"ADPCM", errUnsup, "codec 0x0002 (Microsoft ADPCM)", "", riff(fmtChunk(cat(fmtBody(2, 1, 8000, 256, 4), le16(2), le16(505))), someData)},
	{"MP3", errUnsup, "codec 0x0055 (MPEG Layer III)", "", riff(fmtChunk(cat(fmtBody(0x55, 2, 44100, 1, 0), le16(12), make([]byte, 12))), someData)},
	{"mu-law", errUnsup, "codec 0x0007 (mu-law)", "", riff(fmtChunk(fmtBody(7, 1, 8000, 1, 8)), someData)},
	{"extensible short", errFormat, "extensible fmt chunk too short: 18 bytes", "", riff(fmtChunk(cat(fmtBody(0xFFFE, 1, 8000, 2, 16), le16(0))), someData)},
	{"extensible cbSize", errFormat, "cbSize 0", "", riff(fmtChunk(cat(fmtBody(0xFFFE, 1, 8000, 2, 16), le16(0), make([]byte, 22))), someData)},
	{"extensible GUID", errUnsup, "sub-format GUID 00000001-0721-11d3-8644-c8c1ca000000", "", riff(fmtChunk(cat(fmtBody(0xFFFE, 1, 8000, 2, 16), le16(22), le16(16), le32(0),
		[]byte{1, 0, 0, 0, 0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0, 0, 0})), someData)},
	{"extensible ADPCM", errUnsup, "codec 0x0002", "", riff(fmtChunk(extBody(1, 8000, 2, 16, 16, 2)), someData)},
	{"extensible valid bits", errFormat, "20 valid bits exceed the 16-bit container", "", riff(fmtChunk(extBody(1, 8000, 2, 16, 20, 1)), someData)},
	{"extensible odd container", errFormat, "container of 20 bits", "", riff(fmtChunk(extBody(1, 8000, 3, 20, 20, 1)), someData)},
	{"extensible float 24", errUnsup, "24-bit IEEE float", "", riff(fmtChunk(extBody(1, 8000, 3, 24, 24, 3)), someData)},
	{"LIST beyond file", errFormat, `"LIST" chunk size 4294967295 exceeds the 4 bytes left`, `"LIST" chunk truncated`, riff(goodFmt, chunk("LIST", 0xFFFFFFFF, []byte("INFO")))},
	{"LIST before fmt beyond file", errFormat, `"LIST" chunk size 1000 exceeds`, `"LIST" chunk truncated`, riff(chunk("LIST", 1000, []byte("INFO")), goodFmt, someData)},
}

func TestBadInputs(t *testing.T) {
	for _, c := range badInputs {
		for _, pipe := range []bool{false, true} {
			name := c.name
			if pipe {
				name += "/pipe"
			}
			t.Run(name, func(t *testing.T) {
				var r io.Reader = bytes.NewReader(c.data)
				msg := c.msg
				if pipe {
					r = noSeek{r}
					if c.pipeMsg != "" {
						msg = c.pipeMsg
					}
				}
				_, _, err := decodeAll(r, 100)
				checkErr(t, err, c.kind, msg)
			})
		}
	}
}

// checkErr checks that err has the dynamic type of kind and contains msg.
func checkErr(t *testing.T, err error, kind, msg string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %s error %q", kind, msg)
	}
	var fe *FormatError
	var ue *UnsupportedError
	switch kind {
	case errFormat:
		if !errors.As(err, &fe) {
			t.Errorf("error %v (%T), want *FormatError", err, err)
		}
	case errUnsup:
		if !errors.As(err, &ue) {
			t.Errorf("error %v (%T), want *UnsupportedError", err, err)
		}
	}
	if !strings.Contains(err.Error(), msg) {
		t.Errorf("error %q, want it to contain %q", err, msg)
	}
	if !strings.HasPrefix(err.Error(), "wav: ") {
		t.Errorf("error %q lacks the package prefix", err)
	}
}

// TestBoundedAllocation feeds headers that claim gigabytes and checks that memory use follows
// the actual input, not the claim.
func TestBoundedAllocation(t *testing.T) {
	fmt16 := fmtChunk(fmtBody(1, 1, 8000, 2, 16))
	cases := []struct {
		name string
		data []byte
	}{
		{"data 4 GiB", riff(fmt16, chunk("data", 0xFFFFFFFE, make([]byte, 1000)))},
		{"data unknown", riff(fmt16, chunk("data", 0xFFFFFFFF, make([]byte, 1000)))},
		{"LIST 4 GiB", riff(fmt16, chunk("LIST", 0xFFFFFFF0, make([]byte, 1000)))},
		{"fmt 4 GiB", riff(chunk("fmt ", 0xFFFFFFF0, fmtBody(1, 1, 8000, 2, 16)), make([]byte, 1000))},
		{"32 channels 64-bit", riff(fmtChunk(fmtBody(1, 32, 768000, 256, 64)), chunk("data", 0xFFFFFFFE, make([]byte, 1000)))},
	}
	for _, c := range cases {
		for _, pipe := range []bool{false, true} {
			var r io.Reader = bytes.NewReader(c.data)
			if pipe {
				r = noSeek{r}
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d, err := NewDecoder(r)
			if err == nil {
				buf := make([]float32, 4096)
				for err == nil {
					_, err = d.ReadMono(buf)
				}
			}
			runtime.ReadMemStats(&after)
			if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
				t.Errorf("%s (pipe %v): %d bytes allocated", c.name, pipe, n)
			}
		}
	}
}
