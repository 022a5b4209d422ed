// Package audio decodes the formats leitmotif reads — WAV (internal/wav),
// FLAC, MP3 and Ogg Vorbis — as a stream of mono float32 blocks, whichever
// the format, recognised by the first bytes of the stream and never by a
// file name.
//
// The FLAC, MP3 and Vorbis decoders are pure-Go libraries
// (github.com/mewkiz/flac, github.com/hajimehoshi/go-mp3,
// github.com/jfreymuth/oggvorbis) behind small wrappers that do not trust
// them: every error they return and every panic they raise on a corrupt
// stream becomes a *FormatError, an unsupported variant (MPEG 2.5, Ogg
// Opus, free-format MP3) an *UnsupportedError, and the stream parameters
// they report are checked before any buffer is sized from them.
//
// The Vorbis headers are checked before the library sees them (oggcheck.go),
// because the library sizes buffers from header fields before it reads what
// they describe: one codebook that declares 2^24 entries of 65535
// dimensions would have it allocate terabytes, a comment count of 2^32 tens
// of gigabytes. The Ogg pages that carry the three headers are read first
// (their checksums and lacing, the channels, rate and block sizes, the
// comment count, and the size of every codebook, against bounds 8 to 20
// times what libvorbis writes), then sought back over or, from a pipe,
// replayed to the library.
//
// What feeding them damaged streams showed (testdata/formats, the fuzz
// targets): the FLAC decoder refuses a truncated stream or a frame whose
// CRC fails; the Vorbis decoder refuses a page whose checksum fails; the
// MP3 decoder resynchronises on the next frame, so a cut or overwritten MP3
// decodes to its end with the damaged frames lost, as players do. One
// defect cannot be detected from the stream: go-mp3 v0.3.4 mis-decodes
// LAME's 32 kb/s MPEG-2 Layer III stream at 22,050 Hz (its samples
// correlate at 0.08 with SoX's decoding of the same file; 40-64 kb/s at
// that rate, and 32 kb/s MPEG-1, decode to within rounding).
package audio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Format describes a decoded stream.
type Format struct {
	// Codec is "wav", "flac", "mp3" or "vorbis".
	Codec string
	// SampleRate in Hz and Channels of the stream (ReadMono mixes them).
	SampleRate, Channels int
	// Frames is the number of sample frames, or -1 when the stream does not
	// say (a WAV file streamed without its size, an MP3 or Ogg file read
	// from a pipe).
	Frames int64
}

// Duration returns the length of the stream in seconds, or -1 when it is
// unknown.
func (f Format) Duration() float64 {
	if f.Frames < 0 || f.SampleRate <= 0 {
		return -1
	}
	return float64(f.Frames) / float64(f.SampleRate)
}

// Decoder streams audio as mono float32 (the mean of the channels, full
// scale ±1).
type Decoder interface {
	// Format returns the stream's format.
	Format() Format
	// ReadMono decodes up to len(dst) sample frames into dst and returns
	// how many it wrote; io.EOF at the end of the stream, a *FormatError
	// when the stream turns out corrupt.
	ReadMono(dst []float32) (int, error)
	// Warnings lists what was wrong with the stream but did not stop
	// decoding, such as a truncated WAV data chunk.
	Warnings() []string
}

// FormatError reports a stream that is not well-formed audio of a format
// this package reads.
type FormatError struct {
	Codec string // "wav", "flac", "mp3", "vorbis", or "" when the format is not recognised
	Msg   string
}

func (e *FormatError) Error() string {
	if e.Codec == "" {
		return e.Msg
	}
	return e.Codec + ": invalid format: " + e.Msg
}

// UnsupportedError reports a valid stream that uses a feature this package
// does not decode, such as compressed WAV, MPEG 2.5 or Ogg Opus.
type UnsupportedError struct {
	Codec string
	Msg   string
}

func (e *UnsupportedError) Error() string { return e.Codec + ": unsupported feature: " + e.Msg }

// Limits on what a stream may claim, checked before any buffer is sized
// from a header: the analysis front end takes rates up to 768 kHz, and no
// format here carries more than 8 channels.
const (
	MaxSampleRate = 768000
	MaxChannels   = 8
)

// sniffLen is how many leading bytes NewDecoder reads to recognise the
// format: an Ogg page header (27 bytes), its segment table and the first
// bytes of the identification packet.
const sniffLen = 64

// NewDecoder recognises the format of r from its first bytes and returns a
// decoder positioned at the first sample. When r can seek, the bytes read
// to recognise it are sought back (so the decoders can use its size);
// otherwise, a pipe for instance, they are replayed. An unrecognised stream gives a
// *FormatError.
func NewDecoder(r io.Reader) (Decoder, error) {
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	head = head[:n]
	// A pipe is an *os.File too, but its Seek fails: then the bytes are
	// replayed, and the decoders see a reader that cannot seek.
	if s, ok := r.(io.Seeker); !ok || seekBack(s, n) != nil {
		r = io.MultiReader(bytes.NewReader(head), r)
	}
	switch sniff(head) {
	case "wav":
		return newWAV(r)
	case "flac":
		return newFLAC(r)
	case "mp3":
		return newMP3(r)
	case "vorbis":
		return newVorbis(r)
	case "opus":
		return nil, &UnsupportedError{"ogg", "Ogg Opus audio (only Ogg Vorbis is read)"}
	case "ogg":
		return nil, &UnsupportedError{"ogg", "an Ogg stream that holds no Vorbis audio"}
	}
	if n == 0 {
		return nil, &FormatError{"", "empty input: not a WAV, FLAC, MP3 or Ogg Vorbis stream"}
	}
	return nil, &FormatError{"", "not a WAV, FLAC, MP3 or Ogg Vorbis stream"}
}

// seekBack moves s back by n bytes.
func seekBack(s io.Seeker, n int) error {
	_, err := s.Seek(int64(-n), io.SeekCurrent)
	return err
}

// DecodeConfig returns the format of the stream read from r without
// decoding its samples (for MP3 and Vorbis the first packets are decoded to
// learn it).
func DecodeConfig(r io.Reader) (Format, error) {
	d, err := NewDecoder(r)
	if err != nil {
		return Format{}, err
	}
	return d.Format(), nil
}

// sniff names the format of a stream from its first bytes.
func sniff(b []byte) string {
	switch {
	case len(b) >= 4 && (string(b[:4]) == "RIFF" || string(b[:4]) == "RIFX" || string(b[:4]) == "RF64" || string(b[:4]) == "BW64"):
		return "wav"
	case len(b) >= 4 && string(b[:4]) == "fLaC":
		return "flac"
	case len(b) >= 4 && string(b[:4]) == "OggS":
		// The first page's first packet starts after the 27-byte header and
		// its segment table.
		if len(b) < 27 {
			return "ogg"
		}
		p := 27 + int(b[26])
		switch {
		case len(b) >= p+7 && string(b[p:p+7]) == "\x01vorbis":
			return "vorbis"
		case len(b) >= p+8 && string(b[p:p+8]) == "OpusHead":
			return "opus"
		}
		return "ogg"
	case len(b) >= 3 && string(b[:3]) == "ID3":
		return "mp3"
	case len(b) >= 2 && b[0] == 0xFF && b[1]&0xE0 == 0xE0 && b[1]&0x06 != 0:
		// An MPEG audio frame sync (11 bits) with a layer (not 00).
		return "mp3"
	}
	return ""
}

// libError turns an error of a decoding library into this package's: an
// unexpected end of the stream becomes "truncated" (the library reports
// one at the first frame as well as in the middle), a message that says
// "not supported" an *UnsupportedError, anything else a *FormatError with
// the library's own words, its package prefix trimmed. Errors of this
// package pass through.
func libError(codec, truncated string, err error) error {
	var fe *FormatError
	var ue *UnsupportedError
	if errors.As(err, &fe) || errors.As(err, &ue) {
		return err
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &FormatError{codec, truncated}
	}
	msg := err.Error()
	for _, prefix := range []string{"oggvorbis: ", "vorbis: ", "mp3: ", "flac: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	if strings.Contains(msg, "not supported") {
		return &UnsupportedError{codec, msg}
	}
	return &FormatError{codec, msg}
}

// guard runs f and turns a panic inside a decoding library into a
// *FormatError: a corrupt stream must never take the process down.
func guard(codec string, f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &FormatError{codec, fmt.Sprintf("corrupt stream (the decoder failed: %v)", p)}
		}
	}()
	return f()
}
