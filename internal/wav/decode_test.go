package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"testing/iotest"

	gowav "github.com/go-audio/wav"

	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// TestDecodeFormats writes a signal in every supported layout and checks the decoded mono mix
// against the mean of the channels as stored, within the format's quantisation step.
func TestDecodeFormats(t *testing.T) {
	type tc struct {
		opt      wavtest.Options
		channels int
		rate     int
	}
	var cases []tc
	for _, opt := range []wavtest.Options{
		{Bits: 8}, {Bits: 16}, {Bits: 24}, {Bits: 32}, {Bits: 64},
		{Float: true, Bits: 32}, {Float: true, Bits: 64},
		{Bits: 16, Extensible: true}, {Bits: 24, Extensible: true}, {Bits: 32, Extensible: true},
		{Bits: 24, ValidBits: 20, Extensible: true}, {Bits: 32, ValidBits: 24, Extensible: true},
		{Float: true, Bits: 32, Extensible: true}, {Float: true, Bits: 64, Extensible: true},
	} {
		for _, ch := range []int{1, 2, 3, 6, 8} {
			cases = append(cases, tc{opt, ch, 44100})
		}
	}
	for _, rate := range []int{8000, 11025, 22050, 48000, 96000, 192000} {
		cases = append(cases, tc{wavtest.Options{Bits: 16}, 2, rate}, tc{wavtest.Options{Bits: 24, Extensible: true}, 1, rate})
	}
	for _, c := range cases {
		name := fmt.Sprintf("%dbit/valid%d/float=%v/ext=%v/%dch/%dHz", c.opt.Bits, c.opt.ValidBits, c.opt.Float, c.opt.Extensible, c.channels, c.rate)
		t.Run(name, func(t *testing.T) {
			n := c.rate / 10
			chans := make([][]float32, c.channels)
			for i := range chans {
				chans[i] = chord(n, c.rate, 0.9-0.1*float64(i), 0.2*float64(i))
			}
			data := encode(t, chans, c.rate, c.opt)
			got, d, err := decodeAll(bytes.NewReader(data), 1000)
			if err != nil {
				t.Fatal(err)
			}
			f := d.Format()
			wantEnc := PCM
			if c.opt.Float {
				wantEnc = Float
			}
			valid := c.opt.Bits
			if c.opt.ValidBits > 0 {
				valid = c.opt.ValidBits
			}
			want := Format{Encoding: wantEnc, Channels: c.channels, SampleRate: c.rate, BitsPerSample: c.opt.Bits,
				ValidBits: valid, BlockAlign: c.channels * c.opt.Bits / 8, DataBytes: int64(n * c.channels * c.opt.Bits / 8)}
			if f != want {
				t.Fatalf("format %+v, want %+v", f, want)
			}
			if dur, want := f.Duration(), float64(n)/float64(c.rate); math.Abs(dur-want) > 1e-12 {
				t.Errorf("duration %v, want %v", dur, want)
			}
			if len(got) != n {
				t.Fatalf("%d frames, want %d", len(got), n)
			}
			// Rounding to the valid bits is at most half a step; float32 output adds ~6e-8.
			tol := 1e-6
			if !c.opt.Float {
				tol = math.Exp2(-float64(valid)) + 1e-7
			}
			var maxErr, maxAbs float64
			for i, g := range got {
				var mean float64
				for _, ch := range chans {
					mean += wavtest.Quantize(ch[i], c.opt.Float, c.opt.Bits, valid)
				}
				mean /= float64(c.channels)
				if e := math.Abs(float64(g) - mean); e > maxErr {
					maxErr = e
				}
				// And against the original signal, to catch a wrong reference.
				var orig float64
				for _, ch := range chans {
					orig += float64(ch[i])
				}
				if e := math.Abs(float64(g) - orig/float64(c.channels)); e > tol+1e-6 {
					t.Fatalf("frame %d: %v, signal %v (tolerance %g)", i, g, orig/float64(c.channels), tol)
				}
				maxAbs = max(maxAbs, math.Abs(float64(g)))
			}
			if maxErr > 1e-6 {
				t.Errorf("max error vs stored samples %g", maxErr)
			}
			if maxAbs < 0.3 {
				t.Errorf("peak %v: signal lost", maxAbs)
			}
			if len(d.Warnings()) != 0 {
				t.Errorf("warnings %q", d.Warnings())
			}
		})
	}
}

// TestOracle16 compares 16-bit PCM decoding with github.com/go-audio/wav, which is right for
// that format.
func TestOracle16(t *testing.T) {
	for _, ch := range []int{1, 2, 5} {
		t.Run(fmt.Sprint(ch), func(t *testing.T) {
			chans := make([][]float32, ch)
			for i := range chans {
				chans[i] = chord(4410, 44100, 0.99, float64(i)*0.7)
			}
			data := encode(t, chans, 44100, wavtest.Options{Bits: 16})
			got, _, err := decodeAll(bytes.NewReader(data), 333)
			if err != nil {
				t.Fatal(err)
			}
			od := gowav.NewDecoder(bytes.NewReader(data))
			buf, err := od.FullPCMBuffer()
			if err != nil {
				t.Fatal(err)
			}
			if len(buf.Data) != len(got)*ch {
				t.Fatalf("oracle %d samples, we %d frames × %d", len(buf.Data), len(got), ch)
			}
			for i, g := range got {
				var sum int
				for c := 0; c < ch; c++ {
					sum += buf.Data[i*ch+c]
				}
				want := float32(float64(sum) / float64(ch) / 32768)
				if math.Abs(float64(g-want)) > 1e-7 {
					t.Fatalf("frame %d: %v, oracle %v", i, g, want)
				}
			}
		})
	}
}

// TestReaders decodes the same file through readers that return short reads, with and
// without io.Seeker, and with many block sizes: the output must not change.
func TestReaders(t *testing.T) {
	chans := [][]float32{chord(5000, 44100, 0.8, 0), chord(5000, 44100, 0.7, 1), chord(5000, 44100, 0.6, 2)}
	data := encode(t, chans, 44100, wavtest.Options{Bits: 24, Extensible: true,
		Before: []wavtest.Chunk{{ID: "LIST", Data: []byte("INFOISFT\x05\x00\x00\x00sox!\x00")}, {ID: "JUNK", Data: make([]byte, 27)}}})
	ref, _, err := decodeAll(bytes.NewReader(data), 4096)
	if err != nil {
		t.Fatal(err)
	}
	readers := map[string]func() io.Reader{
		"seeker":   func() io.Reader { return bytes.NewReader(data) },
		"pipe":     func() io.Reader { return noSeek{bytes.NewReader(data)} },
		"onebyte":  func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
		"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
		"dataerr":  func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) },
		"stringsR": func() io.Reader { return strings.NewReader(string(data)) },
	}
	for name, mk := range readers {
		for _, block := range []int{1, 7, 1000, 4096, 100000} {
			t.Run(fmt.Sprintf("%s/%d", name, block), func(t *testing.T) {
				got, d, err := decodeAll(mk(), block)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(ref) {
					t.Fatalf("%d frames, want %d", len(got), len(ref))
				}
				for i := range got {
					if got[i] != ref[i] {
						t.Fatalf("frame %d: %v, want %v", i, got[i], ref[i])
					}
				}
				if len(d.Warnings()) != 0 {
					t.Errorf("warnings %q", d.Warnings())
				}
			})
		}
	}
}

// TestReadError checks that a read error from the underlying reader reaches the caller and
// sticks.
func TestReadError(t *testing.T) {
	data := encode(t, [][]float32{chord(10000, 44100, 0.5, 0)}, 44100, wavtest.Options{Bits: 16})
	boom := errors.New("boom")
	r := io.MultiReader(bytes.NewReader(data[:10000]), iotest.ErrReader(boom))
	d, err := NewDecoder(r)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]float32, 20000)
	n, err := d.ReadMono(buf)
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	if n != (10000-44)/2 {
		t.Errorf("n = %d, want %d", n, (10000-44)/2)
	}
	if _, err := d.ReadMono(buf); !errors.Is(err, boom) {
		t.Errorf("second call: %v", err)
	}
}

// TestChunkLayout checks chunks the decoder must step over, and that bytes after the data chunk
// (or its pad byte) are never taken for samples.
func TestChunkLayout(t *testing.T) {
	x := chord(1001, 8000, 0.5, 0)
	odd := []byte("odd") // odd-sized chunk: the pad byte must be skipped
	cases := []struct {
		name   string
		opt    wavtest.Options
		frames int
	}{
		{"plain", wavtest.Options{Bits: 16}, 1001},
		{"odd LIST", wavtest.Options{Bits: 16, Before: []wavtest.Chunk{{ID: "LIST", Data: odd}}}, 1001},
		{"fact bext JUNK", wavtest.Options{Bits: 16, Before: []wavtest.Chunk{{ID: "fact", Data: []byte{0xE9, 3, 0, 0}}, {ID: "bext", Data: make([]byte, 603)}, {ID: "JUNK", Data: make([]byte, 1)}}}, 1001},
		{"empty chunk", wavtest.Options{Bits: 16, Before: []wavtest.Chunk{{ID: "PAD ", Data: nil}}}, 1001},
		{"trailer", wavtest.Options{Bits: 16, After: []wavtest.Chunk{{ID: "LIST", Data: bytes.Repeat([]byte{0x7F}, 999)}}}, 1001},
		{"8-bit odd data + trailer", wavtest.Options{Bits: 8, After: []wavtest.Chunk{{ID: "id3 ", Data: bytes.Repeat([]byte{0xFF}, 64)}}}, 1001},
		{"24-bit odd data + trailer", wavtest.Options{Bits: 24, After: []wavtest.Chunk{{ID: "cue ", Data: bytes.Repeat([]byte{0xFF}, 64)}}}, 1001},
	}
	for _, c := range cases {
		for _, pipe := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/pipe=%v", c.name, pipe), func(t *testing.T) {
				data := encode(t, [][]float32{x}, 8000, c.opt)
				var r io.Reader = bytes.NewReader(data)
				if pipe {
					r = noSeek{r}
				}
				got, d, err := decodeAll(r, 256)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != c.frames {
					t.Fatalf("%d frames, want %d", len(got), c.frames)
				}
				tol := math.Exp2(-float64(c.opt.Bits)) + 1e-7
				for i := range got {
					if math.Abs(float64(got[i]-x[i])) > tol {
						t.Fatalf("frame %d: %v, want %v", i, got[i], x[i])
					}
				}
				if len(d.Warnings()) != 0 {
					t.Errorf("warnings %q", d.Warnings())
				}
			})
		}
	}
}

// TestStreamingSize checks the 0xFFFFFFFF data size of streaming writers: the data runs to the
// end of the file, known in advance only when the reader can seek.
func TestStreamingSize(t *testing.T) {
	x := chord(3000, 16000, 0.5, 0)
	data := encode(t, [][]float32{x, x}, 16000, wavtest.Options{Bits: 16, StreamingSizes: true})
	for _, pipe := range []bool{false, true} {
		t.Run(fmt.Sprint("pipe=", pipe), func(t *testing.T) {
			var r io.Reader = bytes.NewReader(data)
			wantBytes := int64(3000 * 4)
			if pipe {
				r, wantBytes = noSeek{r}, -1
			}
			got, d, err := decodeAll(r, 1024)
			if err != nil {
				t.Fatal(err)
			}
			if f := d.Format(); f.DataBytes != wantBytes {
				t.Errorf("DataBytes %d, want %d", f.DataBytes, wantBytes)
			}
			if len(got) != 3000 {
				t.Errorf("%d frames, want 3000", len(got))
			}
			if len(d.Warnings()) != 0 {
				t.Errorf("warnings %q", d.Warnings())
			}
		})
	}
}

// TestTruncated checks that missing data is decoded as far as it goes and reported.
func TestTruncated(t *testing.T) {
	x := chord(1000, 8000, 0.5, 0)
	full := encode(t, [][]float32{x, x}, 8000, wavtest.Options{Bits: 24})
	const hdr = 44
	cases := []struct {
		name   string
		cut    int // bytes kept
		frames int
		warn   string
	}{
		{"whole frames", hdr + 600, 100, "data chunk truncated: 600 of 6000 bytes present"},
		{"partial frame", hdr + 604, 100, "partial sample frame at the end dropped (4 of 6 bytes)"},
		{"no data", hdr, 0, "data chunk truncated: 0 of 6000 bytes present"},
	}
	for _, c := range cases {
		for _, pipe := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/pipe=%v", c.name, pipe), func(t *testing.T) {
				var r io.Reader = bytes.NewReader(full[:c.cut])
				if pipe {
					r = noSeek{r}
				}
				got, d, err := decodeAll(r, 64)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != c.frames {
					t.Errorf("%d frames, want %d", len(got), c.frames)
				}
				w := strings.Join(d.Warnings(), "; ")
				if !strings.Contains(w, c.warn) {
					t.Errorf("warnings %q, want %q", w, c.warn)
				}
				if strings.Count(w, "truncated") != 1 {
					t.Errorf("warnings %q: want exactly one truncation warning", w)
				}
			})
		}
	}
}

// TestFloatOutOfRange checks that hot or broken float files cannot feed NaN or values beyond
// full scale downstream, and that this is reported.
func TestFloatOutOfRange(t *testing.T) {
	x := []float32{0.5, 2, -3, float32(math.NaN()), float32(math.Inf(1)), -0.25}
	want := []float32{0.5, 1, -1, 0, 1, -0.25}
	for _, bits := range []int{32, 64} {
		data := encode(t, [][]float32{x}, 8000, wavtest.Options{Float: true, Bits: bits})
		got, d, err := decodeAll(bytes.NewReader(data), 10)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%d bits: sample %d = %v, want %v", bits, i, got[i], want[i])
			}
		}
		w := strings.Join(d.Warnings(), "; ")
		if !strings.Contains(w, "clipped") || !strings.Contains(w, "NaN") {
			t.Errorf("%d bits: warnings %q", bits, w)
		}
	}
}

// TestEightBitSilence checks that 8-bit PCM is unsigned: bytes of 128 are silence.
func TestEightBitSilence(t *testing.T) {
	data := encode(t, [][]float32{make([]float32, 100)}, 8000, wavtest.Options{Bits: 8})
	if data[44] != 128 {
		t.Fatalf("encoder wrote %d for silence", data[44])
	}
	got, _, err := decodeAll(bytes.NewReader(data), 100)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != 0 {
			t.Fatalf("sample %d = %v, want 0", i, v)
		}
	}
}

// TestFullScale checks the integer scaling at the extremes of each width.
func TestFullScale(t *testing.T) {
	for _, c := range []struct {
		bits     int
		min, max []byte
	}{
		{8, []byte{0}, []byte{255}},
		{16, []byte{0, 0x80}, []byte{0xFF, 0x7F}},
		{24, []byte{0, 0, 0x80}, []byte{0xFF, 0xFF, 0x7F}},
		{32, []byte{0, 0, 0, 0x80}, []byte{0xFF, 0xFF, 0xFF, 0x7F}},
		{64, []byte{0, 0, 0, 0, 0, 0, 0, 0x80}, []byte{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}},
	} {
		data := append(rawHeader(1, c.bits/8, c.bits, 8000, uint32(2*c.bits/8)), append(c.min, c.max...)...)
		got, _, err := decodeAll(bytes.NewReader(data), 10)
		if err != nil {
			t.Fatal(err)
		}
		step := math.Exp2(1 - float64(c.bits))
		if len(got) != 2 || got[0] != -1 || math.Abs(float64(got[1])-(1-step)) > 1e-7 {
			t.Errorf("%d bits: %v, want [-1 %v]", c.bits, got, 1-step)
		}
	}
}

// TestNoAllocPerCall checks that ReadMono allocates only on its first call.
func TestNoAllocPerCall(t *testing.T) {
	x := chord(200000, 44100, 0.5, 0)
	data := encode(t, [][]float32{x, x}, 44100, wavtest.Options{Bits: 16, StreamingSizes: true})
	d, err := NewDecoder(noSeek{bytes.NewReader(data)})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]float32, 512)
	d.ReadMono(buf)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := d.ReadMono(buf); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per ReadMono", allocs)
	}
}

// rawHeader returns a 44-byte canonical PCM header (tag 1) with the given fields.
func rawHeader(channels, blockAlign, bits, rate int, dataSize uint32) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00")
	le := binary.LittleEndian
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, uint16(channels))
	b = le.AppendUint32(b, uint32(rate))
	b = le.AppendUint32(b, uint32(rate*blockAlign))
	b = le.AppendUint16(b, uint16(blockAlign))
	b = le.AppendUint16(b, uint16(bits))
	b = append(b, "data"...)
	b = le.AppendUint32(b, dataSize)
	le.PutUint32(b[4:], uint32(36+dataSize))
	return b
}
