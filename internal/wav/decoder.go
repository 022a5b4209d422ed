package wav

import (
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// unknownSize is the chunk size streaming writers put in a header they cannot go back to fix.
const unknownSize = 0xFFFFFFFF

// blockBytes is the size of the decode buffer: large enough to amortise Read calls, small
// enough to stay in cache. It never depends on anything a header claims.
const blockBytes = 64 << 10

// Decoder streams the sample data of a WAV file as mono float32, one block at a time.
type Decoder struct {
	r      io.Reader
	f      Format
	left   int64 // data bytes not yet read; -1: read to the end of the stream
	claim  int64 // data size the header claims (for the truncation warning); -1 if unknown
	got    int64 // data bytes read so far
	buf    []byte
	carry  int // bytes of an incomplete frame at the start of buf
	frames int // frames per buffer
	mix    func(dst []float32, src []byte) (clipped, nan bool)
	warn   []string
	warned struct{ clipped, nan bool }
	done   bool
	err    error // sticky read error
}

// DecodeConfig returns the format of the WAV file read from r without decoding samples.
func DecodeConfig(r io.Reader) (Format, error) {
	d, err := NewDecoder(r)
	if err != nil {
		return Format{}, err
	}
	return d.Format(), nil
}

// NewDecoder reads the RIFF header and chunks of r up to the start of the data chunk and
// returns a Decoder positioned at the first sample frame. If r is an io.Seeker, its size is used
// to validate chunk sizes and to give a known DataBytes for streamed files; otherwise chunks are
// skipped by reading. Malformed input yields a *FormatError, valid but unsupported input an
// *UnsupportedError.
func NewDecoder(r io.Reader) (*Decoder, error) {
	d := &Decoder{r: r}
	rem := int64(-1) // bytes left in the file after the current position, if known
	var seeker io.Seeker
	if s, ok := r.(io.Seeker); ok {
		n, err := streamSize(s)
		if err != nil {
			return nil, fmt.Errorf("wav: %w", err)
		}
		if n >= 0 {
			rem, seeker = n, s
		}
	}
	consume := func(n int64) {
		if rem >= 0 {
			rem = max(rem-n, 0)
		}
	}

	var hdr [12]byte
	n, err := io.ReadFull(r, hdr[:])
	switch {
	case err == io.EOF:
		return nil, &FormatError{"empty file"}
	case err == io.ErrUnexpectedEOF:
		return nil, &FormatError{fmt.Sprintf("file too short for a RIFF header (%d bytes)", n)}
	case err != nil:
		return nil, fmt.Errorf("wav: reading header: %w", err)
	}
	consume(12)
	switch id := string(hdr[0:4]); id {
	case "RIFF":
	case "RIFX":
		return nil, &UnsupportedError{"big-endian RIFX file"}
	case "RF64", "BW64":
		return nil, &UnsupportedError{id + " file (WAV over 4 GiB)"}
	default:
		return nil, &FormatError{fmt.Sprintf("not a RIFF file (starts with %q)", id)}
	}
	if form := string(hdr[8:12]); form != "WAVE" {
		return nil, &FormatError{fmt.Sprintf("RIFF form type %q, not WAVE", form)}
	}

	haveFmt := false
	for {
		var ch [8]byte
		if _, err := io.ReadFull(r, ch[:]); err != nil {
			if err != io.EOF && err != io.ErrUnexpectedEOF {
				return nil, fmt.Errorf("wav: reading chunk header: %w", err)
			}
			if !haveFmt {
				return nil, &FormatError{"missing fmt chunk"}
			}
			return nil, &FormatError{"missing data chunk"}
		}
		consume(8)
		id := string(ch[:4])
		size := int64(binary.LittleEndian.Uint32(ch[4:]))
		switch id {
		case "fmt ":
			if haveFmt {
				return nil, &FormatError{"duplicate fmt chunk"}
			}
			if size < 16 {
				return nil, &FormatError{fmt.Sprintf("fmt chunk too short: %d bytes, need at least 16", size)}
			}
			if rem >= 0 && size > rem {
				return nil, &FormatError{fmt.Sprintf("fmt chunk size %d exceeds the %d bytes left in the file", size, rem)}
			}
			var body [40]byte
			k := min(size, int64(len(body)))
			if _, err := io.ReadFull(r, body[:k]); err != nil {
				if err == io.EOF || err == io.ErrUnexpectedEOF {
					return nil, &FormatError{"fmt chunk truncated"}
				}
				return nil, fmt.Errorf("wav: reading fmt chunk: %w", err)
			}
			consume(k)
			f, err := parseFmt(body[:k])
			if err != nil {
				return nil, err
			}
			d.f = f
			haveFmt = true
			if err := skip(r, seeker, id, size-k, size&1, &rem); err != nil {
				return nil, err
			}
		case "data":
			if !haveFmt {
				return nil, &FormatError{"data chunk before fmt chunk"}
			}
			d.claim = size
			switch {
			case size == unknownSize: // streaming writer: data runs to the end of the file
				d.claim, d.left = -1, rem
			case rem >= 0 && size > rem:
				d.left = rem
				d.warn = append(d.warn, fmt.Sprintf("data chunk truncated: %d of %d bytes present", rem, size))
			default:
				d.left = size
			}
			d.f.DataBytes = d.left
			d.init()
			return d, nil
		default:
			if rem >= 0 && size > rem {
				return nil, &FormatError{fmt.Sprintf("%q chunk size %d exceeds the %d bytes left in the file", id, size, rem)}
			}
			if err := skip(r, seeker, id, size, size&1, &rem); err != nil {
				return nil, err
			}
		}
	}
}

// streamSize returns the number of bytes from the current position of s to its end, or -1 if
// s cannot seek (a pipe behind an *os.File).
func streamSize(s io.Seeker) (int64, error) {
	cur, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return -1, nil
	}
	end, err := s.Seek(0, io.SeekEnd)
	if err != nil {
		return -1, nil
	}
	if _, err := s.Seek(cur, io.SeekStart); err != nil {
		return 0, fmt.Errorf("seeking back after measuring the file: %w", err)
	}
	return max(end-cur, 0), nil
}

// skip discards body bytes of chunk id and its pad byte (pad is 0 or 1). A missing pad byte at
// the very end of a file is tolerated: the next chunk header read then meets the end of the file.
func skip(r io.Reader, s io.Seeker, id string, body, pad int64, rem *int64) error {
	n := body + pad
	if n <= 0 {
		return nil
	}
	if s != nil {
		if _, err := s.Seek(n, io.SeekCurrent); err != nil {
			return fmt.Errorf("wav: skipping %q chunk: %w", id, err)
		}
		*rem = max(*rem-n, 0)
		return nil
	}
	var scratch [4096]byte
	for n > 0 {
		k, err := r.Read(scratch[:min(n, int64(len(scratch)))])
		n -= int64(k)
		if err == io.EOF {
			if n == pad { // only the pad byte of the last chunk is missing
				return nil
			}
			return &FormatError{fmt.Sprintf("%q chunk truncated", id)}
		}
		if err != nil {
			return fmt.Errorf("wav: skipping %q chunk: %w", id, err)
		}
	}
	return nil
}

// init picks the block converter for the format. The buffer itself is allocated on the first
// ReadMono, so DecodeConfig never allocates it.
func (d *Decoder) init() {
	d.frames = blockBytes / d.f.BlockAlign
	d.mix = mixer(d.f)
}

// Format returns the format of the data chunk.
func (d *Decoder) Format() Format { return d.f }

// Warnings returns what was wrong with the file but did not stop decoding: a truncated data
// chunk, a dropped partial sample frame, clipped or NaN float samples. It grows as decoding
// proceeds; call it after the last ReadMono for the full list.
func (d *Decoder) Warnings() []string { return slices.Clone(d.warn) }

// ReadMono decodes up to len(dst) sample frames mixed down to mono (the average of the channels)
// as float32 in [-1, 1], and returns the number of frames written. It returns n > 0 with a nil
// error while data remains, and 0, io.EOF once the data is exhausted. Other errors come from the
// underlying reader. It allocates only on the first call.
func (d *Decoder) ReadMono(dst []float32) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	if d.done {
		return 0, io.EOF
	}
	if d.buf == nil {
		d.buf = make([]byte, d.frames*d.f.BlockAlign)
	}
	ba := d.f.BlockAlign
	n, empty := 0, 0
	for n < len(dst) {
		want := int64(min(len(dst)-n, d.frames)*ba - d.carry)
		if d.left >= 0 {
			want = min(want, d.left)
		}
		if want == 0 {
			d.finish()
			break
		}
		k, err := d.r.Read(d.buf[d.carry : d.carry+int(want)])
		if k > 0 {
			d.got += int64(k)
			if d.left >= 0 {
				d.left -= int64(k)
			}
			avail := d.carry + k
			fr := avail / ba
			if fr > 0 {
				clipped, nan := d.mix(dst[n:n+fr], d.buf[:fr*ba])
				d.note(clipped, nan)
				n += fr
			}
			d.carry = copy(d.buf, d.buf[fr*ba:avail])
		}
		if err == io.EOF {
			d.finish()
			break
		}
		if k == 0 && err == nil {
			if empty++; empty >= 100 { // as bufio does with a reader that makes no progress
				err = io.ErrNoProgress
			}
		}
		if err != nil {
			d.err = fmt.Errorf("wav: reading samples: %w", err)
			return n, d.err
		}
	}
	if n == 0 && d.done {
		return 0, io.EOF
	}
	return n, nil
}

// finish records the end of the data and what was missing from it.
func (d *Decoder) finish() {
	d.done = true
	if d.claim >= 0 && d.got < d.claim && d.f.DataBytes == d.claim {
		// Only a non-seekable reader gets here: with a seeker the truncation was seen up front.
		d.warn = append(d.warn, fmt.Sprintf("data chunk truncated: %d of %d bytes present", d.got, d.claim))
	}
	if d.carry > 0 {
		d.warn = append(d.warn, fmt.Sprintf("partial sample frame at the end dropped (%d of %d bytes)", d.carry, d.f.BlockAlign))
		d.carry = 0
	}
}

func (d *Decoder) note(clipped, nan bool) {
	if clipped && !d.warned.clipped {
		d.warned.clipped = true
		d.warn = append(d.warn, "float samples outside [-1, 1] clipped")
	}
	if nan && !d.warned.nan {
		d.warned.nan = true
		d.warn = append(d.warn, "NaN float samples replaced by 0")
	}
}
