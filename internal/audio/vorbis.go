package audio

import (
	"errors"
	"fmt"
	"io"

	"github.com/jfreymuth/oggvorbis"
)

// vorbisDecoder wraps github.com/jfreymuth/oggvorbis.
type vorbisDecoder struct {
	r     *oggvorbis.Reader
	f     Format
	buf   []float32
	empty int  // reads in a row that returned nothing
	nan   bool // a non-finite sample was replaced by silence
	err   error
}

// vorbisBlock is the interleaved samples read from the library at a time.
const vorbisBlock = 16 << 10

func newVorbis(r io.Reader) (Decoder, error) {
	// The library sizes buffers from header fields before it reads what
	// they describe: its headers are checked first (see oggcheck.go).
	r, err := precheckVorbis(r)
	if err != nil {
		return nil, err
	}
	var v *oggvorbis.Reader
	err = guard("vorbis", func() (err error) { v, err = oggvorbis.NewReader(r); return })
	if err != nil {
		return nil, vorbisError(err)
	}
	rate, ch := v.SampleRate(), v.Channels()
	switch {
	case rate <= 0 || rate > MaxSampleRate:
		return nil, &FormatError{"vorbis", fmt.Sprintf("sample rate %d Hz is not from 1 to %d Hz", rate, MaxSampleRate)}
	case ch <= 0 || ch > MaxChannels:
		return nil, &FormatError{"vorbis", fmt.Sprintf("%d channels (1 to %d)", ch, MaxChannels)}
	}
	f := Format{Codec: "vorbis", SampleRate: rate, Channels: ch, Frames: -1}
	if n := v.Length(); n > 0 {
		f.Frames = n
	}
	return &vorbisDecoder{r: v, f: f}, nil
}

func (d *vorbisDecoder) Format() Format { return d.f }
func (d *vorbisDecoder) Warnings() []string {
	if d.nan {
		return []string{"non-finite samples (a damaged packet) replaced by silence"}
	}
	return nil
}

func (d *vorbisDecoder) ReadMono(dst []float32) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	ch := d.f.Channels
	if d.buf == nil {
		d.buf = make([]float32, vorbisBlock/ch*ch)
	}
	want := min(len(dst)*ch, len(d.buf))
	var k int
	err := guard("vorbis", func() (err error) { k, err = d.r.Read(d.buf[:want]); return })
	n := k / ch
	scale := 1 / float32(ch)
	for i := range n {
		var s float32
		for _, v := range d.buf[i*ch : i*ch+ch] {
			s += v
		}
		if s-s != 0 { // NaN or ±Inf from a damaged packet
			s, d.nan = 0, true
		}
		dst[i] = s * scale
	}
	if n > 0 {
		d.empty = 0
	} else if err == nil {
		// A reader that makes no progress would spin the caller (as bufio
		// gives up after 100 empty reads, so does this).
		if d.empty++; d.empty >= 100 {
			err = io.ErrNoProgress
		}
	}
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, io.EOF):
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
	d.err = vorbisError(err)
	return n, d.err
}

func vorbisError(err error) error { return libError("vorbis", "stream truncated", err) }
