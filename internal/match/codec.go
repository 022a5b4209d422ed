package match

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// A Sequence is stored (for a fingerprint index to verify candidates without the audio) as:
//
//	version  1 byte   sequenceVersion
//	rate     float32  fine frames per second
//	duration float32  seconds of input
//	views    1 byte   1 (melody) or 2 (melody and harmony)
//	frames   uint32   fine frames per view
//	values   views × frames × 12 int8: each fine frame's values times 127, rounded
//
// little endian. A frame is centred and of unit length, so its values are in [-1, 1] and 8
// bits lose under 0.4% of a correlation; the coarse frames are recomputed from the fine ones
// on reading. Two views at 4 frames/s take 96 bytes a second, 5.6 KiB a minute.
const sequenceVersion = 1

// sequenceHeader is the size of the fixed part of a stored Sequence.
const sequenceHeader = 1 + 4 + 4 + 1 + 4

// AppendBinary appends the stored form of s to b.
func (s *Sequence) AppendBinary(b []byte) ([]byte, error) {
	b = append(b, sequenceVersion)
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(s.rate)))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(float32(s.duration)))
	b = append(b, byte(len(s.views)))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s.fine)))
	for _, v := range s.views {
		for _, f := range v.fine {
			for _, x := range f {
				b = append(b, byte(int8(math.Round(float64(x)*127))))
			}
		}
	}
	return b, nil
}

// ErrSequence reports stored sequence bytes that are malformed.
var ErrSequence = errors.New("match: malformed stored sequence")

// DecodeSequence reads a Sequence stored by AppendBinary. Malformed bytes give an error
// wrapping ErrSequence; nothing is allocated beyond what the bytes hold.
func DecodeSequence(b []byte) (*Sequence, error) {
	if len(b) < sequenceHeader {
		return nil, fmt.Errorf("%w: %d bytes, want at least %d", ErrSequence, len(b), sequenceHeader)
	}
	if b[0] != sequenceVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrSequence, b[0], sequenceVersion)
	}
	rate := float64(math.Float32frombits(binary.LittleEndian.Uint32(b[1:])))
	duration := float64(math.Float32frombits(binary.LittleEndian.Uint32(b[5:])))
	views := int(b[9])
	n := int(binary.LittleEndian.Uint32(b[10:]))
	switch {
	case !(rate >= minInputRate) || math.IsInf(rate, 0):
		return nil, fmt.Errorf("%w: frame rate %g", ErrSequence, rate)
	case !(duration >= 0) || math.IsInf(duration, 0):
		return nil, fmt.Errorf("%w: duration %g", ErrSequence, duration)
	case views > 2 || (views == 0) != (n == 0):
		return nil, fmt.Errorf("%w: %d views of %d frames", ErrSequence, views, n)
	case len(b)-sequenceHeader != views*n*12:
		return nil, fmt.Errorf("%w: %d bytes of values, want %d views x %d frames x 12", ErrSequence, len(b)-sequenceHeader, views, n)
	}
	s := &Sequence{rate: rate, duration: duration}
	vals := b[sequenceHeader:]
	for range views {
		fine := make([][12]float32, n)
		for k := range fine {
			var acc [12]float64
			for c := range acc {
				acc[c] = float64(int8(vals[c]))
			}
			vals = vals[12:]
			unit(&fine[k], acc)
		}
		s.views = append(s.views, view{fine: fine, coarse: coarsen(fine)})
	}
	if views > 0 {
		s.fine = s.views[0].fine
		for _, f := range s.fine {
			if f != ([12]float32{}) {
				s.tonal++
			}
		}
	}
	return s, nil
}
