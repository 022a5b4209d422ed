package audio

import (
	"encoding/binary"
	"errors"
	"io"

	"github.com/hajimehoshi/go-mp3"
)

// mp3Decoder wraps github.com/hajimehoshi/go-mp3, which decodes MPEG-1 and
// MPEG-2 Layer III to 16-bit stereo (mono sources duplicated).
type mp3Decoder struct {
	d   *mp3.Decoder
	f   Format
	buf []byte
	err error
}

// mp3Block is the bytes of PCM read from the library at a time.
const mp3Block = 16 << 10

func newMP3(r io.Reader) (Decoder, error) {
	var d *mp3.Decoder
	err := guard("mp3", func() (err error) { d, err = mp3.NewDecoder(r); return })
	if err != nil {
		return nil, mp3Error(err)
	}
	rate := d.SampleRate()
	if rate <= 0 || rate > MaxSampleRate {
		return nil, &FormatError{"mp3", "no valid sample rate"}
	}
	f := Format{Codec: "mp3", SampleRate: rate, Channels: 2, Frames: -1}
	if n := d.Length(); n >= 0 {
		f.Frames = n / 4
	}
	return &mp3Decoder{d: d, f: f}, nil
}

func (m *mp3Decoder) Format() Format     { return m.f }
func (m *mp3Decoder) Warnings() []string { return nil }

func (m *mp3Decoder) ReadMono(dst []float32) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	if m.buf == nil {
		m.buf = make([]byte, mp3Block)
	}
	want := min(len(dst), mp3Block/4) * 4
	var k int
	err := guard("mp3", func() (err error) { k, err = io.ReadFull(m.d, m.buf[:want]); return })
	n := k / 4
	for i := range n {
		l := int16(binary.LittleEndian.Uint16(m.buf[4*i:]))
		r := int16(binary.LittleEndian.Uint16(m.buf[4*i+2:]))
		dst[i] = (float32(l) + float32(r)) / 65536
	}
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		// The library ends a stream, whole or cut inside a frame, with EOF.
		if n == 0 {
			return 0, io.EOF
		}
		return n, nil
	}
	m.err = mp3Error(err)
	return n, m.err
}

// mp3Error converts the library's errors; it ends a stream that holds no
// frame with EOF.
func mp3Error(err error) error { return libError("mp3", "no MPEG audio frame found", err) }
