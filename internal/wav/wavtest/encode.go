// Package wavtest writes WAV files for tests: every sample format the wav package decodes,
// WAVE_FORMAT_EXTENSIBLE headers, extra chunks, and the size fields of streaming writers.
package wavtest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Chunk is a RIFF chunk written verbatim (plus a pad byte when Data has odd length).
type Chunk struct {
	ID   string // four characters
	Data []byte
}

// Options selects the sample format and layout of an encoded file. The zero value with Bits
// set writes plain PCM.
type Options struct {
	Float          bool    // IEEE float (Bits 32 or 64) instead of integer PCM
	Bits           int     // container bits per sample: 8, 16, 24, 32 or 64
	ValidBits      int     // significant bits (extensible only); 0 means Bits
	Extensible     bool    // write WAVE_FORMAT_EXTENSIBLE with a PCM or float SubFormat
	StreamingSizes bool    // write 0xFFFFFFFF as the RIFF and data sizes, like streaming writers
	Before         []Chunk // chunks between fmt and data (LIST, fact, JUNK, ...)
	After          []Chunk // chunks after data
}

// Encode writes channels (one slice per channel, equal lengths, samples in [-1, 1]) as a WAV
// file at rate Hz. Integer PCM rounds to the nearest step of ValidBits (clipping at full scale);
// 8-bit PCM is written unsigned, as the format requires.
func Encode(w io.Writer, channels [][]float32, rate int, opt Options) error {
	if len(channels) == 0 || len(channels) > 0xFFFF {
		return fmt.Errorf("wavtest: %d channels", len(channels))
	}
	frames := len(channels[0])
	for _, c := range channels {
		if len(c) != frames {
			return errors.New("wavtest: channels differ in length")
		}
	}
	switch {
	case opt.Float && opt.Bits != 32 && opt.Bits != 64,
		!opt.Float && opt.Bits != 8 && opt.Bits != 16 && opt.Bits != 24 && opt.Bits != 32 && opt.Bits != 64:
		return fmt.Errorf("wavtest: %d bits (float %v)", opt.Bits, opt.Float)
	}
	valid := opt.Bits
	if opt.ValidBits > 0 {
		valid = opt.ValidBits
	}
	if valid > opt.Bits || (valid != opt.Bits && !opt.Extensible) {
		return fmt.Errorf("wavtest: %d valid bits in %d (extensible %v)", valid, opt.Bits, opt.Extensible)
	}
	nb := opt.Bits / 8
	align := len(channels) * nb
	dataSize := int64(frames) * int64(align)

	tag := uint16(1)
	if opt.Float {
		tag = 3
	}
	fmtBody := make([]byte, 16, 40)
	le := binary.LittleEndian
	fmtTag := tag
	if opt.Extensible {
		fmtTag = 0xFFFE
	}
	le.PutUint16(fmtBody[0:], fmtTag)
	le.PutUint16(fmtBody[2:], uint16(len(channels)))
	le.PutUint32(fmtBody[4:], uint32(rate))
	le.PutUint32(fmtBody[8:], uint32(rate*align))
	le.PutUint16(fmtBody[12:], uint16(align))
	le.PutUint16(fmtBody[14:], uint16(opt.Bits))
	if opt.Extensible {
		fmtBody = le.AppendUint16(fmtBody, 22)
		fmtBody = le.AppendUint16(fmtBody, uint16(valid))
		fmtBody = le.AppendUint32(fmtBody, channelMask(len(channels)))
		fmtBody = le.AppendUint16(fmtBody, tag)
		fmtBody = append(fmtBody, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71)
	} else if opt.Float {
		fmtBody = le.AppendUint16(fmtBody, 0) // cbSize, as non-PCM formats should carry
	}

	riffSize := 4 + chunkLen(len(fmtBody)) + 8 + dataSize + dataSize&1
	for _, c := range opt.Before {
		riffSize += chunkLen(len(c.Data))
	}
	for _, c := range opt.After {
		riffSize += chunkLen(len(c.Data))
	}
	riffField, dataField := uint32(riffSize), uint32(dataSize)
	if opt.StreamingSizes {
		riffField, dataField = 0xFFFFFFFF, 0xFFFFFFFF
	}

	bw := bufio.NewWriter(w)
	bw.WriteString("RIFF")
	binary.Write(bw, le, riffField)
	bw.WriteString("WAVE")
	writeChunk(bw, Chunk{"fmt ", fmtBody})
	for _, c := range opt.Before {
		writeChunk(bw, c)
	}
	bw.WriteString("data")
	binary.Write(bw, le, dataField)
	var sample [8]byte
	for i := 0; i < frames; i++ {
		for _, c := range channels {
			putSample(sample[:nb], float64(c[i]), opt.Float, valid)
			bw.Write(sample[:nb])
		}
	}
	if dataSize&1 == 1 {
		bw.WriteByte(0)
	}
	for _, c := range opt.After {
		writeChunk(bw, c)
	}
	return bw.Flush()
}

// Quantize returns x as the decoder should see it after writing with the given container and
// valid bits (integer PCM) or float width: the reference for exact comparisons.
func Quantize(x float32, float bool, bits, validBits int) float64 {
	var b [8]byte
	if validBits == 0 {
		validBits = bits
	}
	putSample(b[:bits/8], float64(x), float, validBits)
	le := binary.LittleEndian
	switch {
	case float && bits == 32:
		return float64(math.Float32frombits(le.Uint32(b[:])))
	case float:
		return math.Float64frombits(le.Uint64(b[:]))
	case bits == 8:
		return (float64(b[0]) - 128) / 128
	}
	v := int64(le.Uint64(b[:]) << (64 - bits)) // sign-extend the container
	return float64(v) / math.Exp2(63)
}

func chunkLen(n int) int64 { return 8 + int64(n) + int64(n&1) }

func writeChunk(w *bufio.Writer, c Chunk) {
	id := (c.ID + "    ")[:4]
	w.WriteString(id)
	binary.Write(w, binary.LittleEndian, uint32(len(c.Data)))
	w.Write(c.Data)
	if len(c.Data)&1 == 1 {
		w.WriteByte(0)
	}
}

// channelMask returns the usual speaker mask for n channels (0 when there is no convention).
func channelMask(n int) uint32 {
	switch n {
	case 1:
		return 0x4
	case 2:
		return 0x3
	case 6:
		return 0x3F
	case 8:
		return 0x63F
	}
	return 0
}

// putSample encodes x into b (len = container bytes).
func putSample(b []byte, x float64, float bool, valid int) {
	le := binary.LittleEndian
	if float {
		if len(b) == 4 {
			le.PutUint32(b, math.Float32bits(float32(x)))
		} else {
			le.PutUint64(b, math.Float64bits(x))
		}
		return
	}
	x = max(-1, min(1, x))
	full := math.Exp2(float64(valid - 1))
	q := math.Round(x * full)
	var v int64
	switch {
	case q >= full:
		v = int64(full - 1)
		if valid == 64 {
			v = math.MaxInt64
		}
	default:
		v = int64(q)
	}
	u := uint64(v) << (len(b)*8 - valid) // left-justify in the container
	if len(b) == 1 {
		b[0] = byte(u) + 128 // unsigned
		return
	}
	for i := range b {
		b[i] = byte(u >> (8 * i))
	}
}
