package wav

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// Encoding is the sample encoding of a WAV file's data chunk.
type Encoding int

// Encodings, after WAVE_FORMAT_EXTENSIBLE's SubFormat is resolved. The zero value is invalid.
const (
	PCM   Encoding = iota + 1 // integer PCM: unsigned for 8-bit containers, signed otherwise
	Float                     // IEEE 754 float, 32 or 64 bits
)

// String returns "PCM" or "float".
func (e Encoding) String() string {
	switch e {
	case PCM:
		return "PCM"
	case Float:
		return "float"
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}

// Format describes the sample data of a WAV file.
type Format struct {
	Encoding      Encoding // PCM or Float (after resolving WAVE_FORMAT_EXTENSIBLE's SubFormat)
	Channels      int
	SampleRate    int   // sample frames per second
	BitsPerSample int   // container bits: 8, 16, 24, 32 or 64
	ValidBits     int   // significant bits from EXTENSIBLE (or a non-byte-sized PCM depth), else BitsPerSample
	BlockAlign    int   // bytes per sample frame (all channels)
	DataBytes     int64 // bytes of sample data available (-1 if unknown / to end of stream)
}

// Duration returns the length of the sample data in seconds, or -1 if it is unknown (a
// streamed file read from a non-seekable reader).
func (f Format) Duration() float64 {
	if f.DataBytes < 0 || f.BlockAlign <= 0 || f.SampleRate <= 0 {
		return -1
	}
	return float64(f.DataBytes/int64(f.BlockAlign)) / float64(f.SampleRate)
}

// Limits of what the decoder accepts. Channel counts above 8 are decoded but tested less;
// sample rates above 768 kHz are not audio a WAV writer produces in practice.
const (
	maxChannels   = 32
	maxSampleRate = 768000
)

// WAVE format tags.
const (
	tagPCM        = 0x0001
	tagFloat      = 0x0003
	tagExtensible = 0xFFFE
)

// guidTail is bytes 2..15 of the KSDATAFORMAT_SUBTYPE_* GUIDs
// (xxxxxxxx-0000-0010-8000-00aa00389b71); bytes 0..1 hold the format tag.
var guidTail = [14]byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71}

// codecName names common WAVE format tags, so that an UnsupportedError says what the file is.
func codecName(tag uint16) string {
	switch tag {
	case 0x0000:
		return "unknown"
	case 0x0002:
		return "Microsoft ADPCM"
	case 0x0006:
		return "A-law"
	case 0x0007:
		return "mu-law"
	case 0x0011:
		return "IMA ADPCM"
	case 0x0031:
		return "GSM 6.10"
	case 0x0050:
		return "MPEG"
	case 0x0055:
		return "MPEG Layer III"
	case 0x0092:
		return "Dolby AC-3 SPDIF"
	case 0x00FF, 0x1600, 0x1610:
		return "AAC"
	case 0xF1AC:
		return "FLAC"
	case tagExtensible:
		return "nested extensible"
	}
	return "compressed or vendor codec"
}

// parseFmt parses the body of a fmt chunk (at most its first 40 bytes are looked at). The
// returned Format has DataBytes -1.
func parseFmt(b []byte) (Format, error) {
	if len(b) < 16 {
		return Format{}, &FormatError{fmt.Sprintf("fmt chunk too short: %d bytes, need at least 16", len(b))}
	}
	le := binary.LittleEndian
	tag := le.Uint16(b[0:])
	channels := int(le.Uint16(b[2:]))
	rate := int64(le.Uint32(b[4:]))
	align := int(le.Uint16(b[12:]))
	bits := int(le.Uint16(b[14:]))
	valid := 0
	ext := tag == tagExtensible
	if ext {
		if len(b) < 40 {
			return Format{}, &FormatError{fmt.Sprintf("extensible fmt chunk too short: %d bytes, need 40", len(b))}
		}
		if cb := le.Uint16(b[16:]); cb < 22 {
			return Format{}, &FormatError{fmt.Sprintf("extensible fmt chunk has cbSize %d, need 22", cb)}
		}
		valid = int(le.Uint16(b[18:]))
		if !bytes.Equal(b[26:40], guidTail[:]) {
			return Format{}, &UnsupportedError{fmt.Sprintf("extensible sub-format GUID %s", guidString(b[24:40]))}
		}
		tag = le.Uint16(b[24:])
	}

	var f Format
	switch tag {
	case tagPCM:
		f.Encoding = PCM
	case tagFloat:
		f.Encoding = Float
	default:
		return Format{}, &UnsupportedError{fmt.Sprintf("codec 0x%04X (%s); only PCM and IEEE float are decoded", tag, codecName(tag))}
	}

	switch {
	case channels == 0:
		return Format{}, &FormatError{"zero channels"}
	case channels > maxChannels:
		return Format{}, &UnsupportedError{fmt.Sprintf("%d channels (at most %d)", channels, maxChannels)}
	case rate == 0:
		return Format{}, &FormatError{"sample rate 0"}
	case rate > maxSampleRate:
		return Format{}, &UnsupportedError{fmt.Sprintf("sample rate %d Hz (at most %d)", rate, maxSampleRate)}
	case bits == 0:
		return Format{}, &FormatError{"0 bits per sample"}
	}

	container := bits
	switch {
	case ext:
		if bits%8 != 0 {
			return Format{}, &FormatError{fmt.Sprintf("extensible container of %d bits is not whole bytes", bits)}
		}
		if valid == 0 { // some writers leave wValidBitsPerSample unset
			valid = bits
		}
		if valid > bits {
			return Format{}, &FormatError{fmt.Sprintf("%d valid bits exceed the %d-bit container", valid, bits)}
		}
	case f.Encoding == PCM && bits%8 != 0 && bits < 32:
		// Old writers store e.g. 12- or 20-bit PCM left-justified in whole bytes.
		container = (bits + 7) / 8 * 8
		valid = bits
	default:
		valid = bits
	}
	switch f.Encoding {
	case PCM:
		if container != 8 && container != 16 && container != 24 && container != 32 && container != 64 {
			return Format{}, &UnsupportedError{fmt.Sprintf("%d-bit PCM", container)}
		}
	case Float:
		if container != 32 && container != 64 {
			return Format{}, &UnsupportedError{fmt.Sprintf("%d-bit IEEE float", container)}
		}
	}
	if want := channels * container / 8; align != want {
		return Format{}, &FormatError{fmt.Sprintf("block align %d contradicts %d channels × %d bytes", align, channels, container/8)}
	}
	f.Channels = channels
	f.SampleRate = int(rate)
	f.BitsPerSample = container
	f.ValidBits = valid
	f.BlockAlign = align
	f.DataBytes = -1
	return f, nil
}

// guidString formats a little-endian Windows GUID as text.
func guidString(g []byte) string {
	le := binary.LittleEndian
	return fmt.Sprintf("%08x-%04x-%04x-%x-%x", le.Uint32(g[0:]), le.Uint16(g[4:]), le.Uint16(g[6:]), g[8:10], g[10:16])
}
