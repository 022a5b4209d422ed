package wav

import (
	"encoding/binary"
	"math"
)

// mixer returns the function that converts whole sample frames of format f to mono float32.
// Each converter works on a block straight from the byte buffer: one pass, no per-sample calls
// through an interface, no intermediate []int. clipped and nan report float input outside
// [-1, 1] or NaN (integer input cannot be either).
func mixer(f Format) func(dst []float32, src []byte) (clipped, nan bool) {
	ch := f.Channels
	intMix := func(m func([]float32, []byte, int)) func([]float32, []byte) (bool, bool) {
		return func(dst []float32, src []byte) (bool, bool) { m(dst, src, ch); return false, false }
	}
	switch {
	case f.Encoding == Float && f.BitsPerSample == 32 && ch == 2:
		return stereoF32
	case f.Encoding == Float && f.BitsPerSample == 32:
		return func(dst []float32, src []byte) (bool, bool) { return mixF32(dst, src, ch) }
	case f.Encoding == Float:
		return func(dst []float32, src []byte) (bool, bool) { return mixF64(dst, src, ch) }
	case f.BitsPerSample == 8:
		return intMix(mixU8)
	case f.BitsPerSample == 16 && ch == 1:
		return intMix(func(dst []float32, src []byte, _ int) { mono16(dst, src) })
	case f.BitsPerSample == 16 && ch == 2:
		return intMix(func(dst []float32, src []byte, _ int) { stereo16(dst, src) })
	case f.BitsPerSample == 16:
		return intMix(mix16)
	case f.BitsPerSample == 24 && ch == 2:
		return intMix(func(dst []float32, src []byte, _ int) { stereo24(dst, src) })
	case f.BitsPerSample == 24:
		return intMix(mix24)
	case f.BitsPerSample == 32:
		return intMix(mix32)
	default:
		return intMix(mix64)
	}
}

// The fixed-layout loops below consume src from the front, which lets the compiler drop the
// bounds checks (callers pass exactly len(dst) frames).

func mono16(dst []float32, src []byte) {
	const scale = 1.0 / (1 << 15)
	for i := 0; i < len(dst) && len(src) >= 2; i++ {
		dst[i] = float32(int16(uint16(src[0])|uint16(src[1])<<8)) * scale
		src = src[2:]
	}
}

func stereo16(dst []float32, src []byte) {
	const scale = 1.0 / (1 << 16)
	for i := 0; i < len(dst) && len(src) >= 4; i++ {
		l := int16(uint16(src[0]) | uint16(src[1])<<8)
		r := int16(uint16(src[2]) | uint16(src[3])<<8)
		dst[i] = float32(int32(l)+int32(r)) * scale
		src = src[4:]
	}
}

func mixU8(dst []float32, src []byte, ch int) {
	scale := float32(1 / (128 * float64(ch)))
	for i := 0; i < len(dst) && len(src) >= ch; i++ {
		var sum int32
		for _, b := range src[:ch] {
			sum += int32(b) - 128 // 8-bit WAV is unsigned: silence is 128
		}
		dst[i] = float32(sum) * scale
		src = src[ch:]
	}
}

func mix16(dst []float32, src []byte, ch int) {
	scale := float32(1 / (32768 * float64(ch)))
	fb := 2 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum int32
		for p := src[:fb]; len(p) >= 2; p = p[2:] {
			sum += int32(int16(uint16(p[0]) | uint16(p[1])<<8))
		}
		dst[i] = float32(sum) * scale
		src = src[fb:]
	}
}

func mix24(dst []float32, src []byte, ch int) {
	scale := float32(1 / (float64(1<<23) * float64(ch)))
	fb := 3 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum int32 // at most 32 channels × 2^23 fits
		for p := src[:fb]; len(p) >= 3; p = p[3:] {
			sum += int32(uint32(p[0])<<8|uint32(p[1])<<16|uint32(p[2])<<24) >> 8
		}
		dst[i] = float32(sum) * scale
		src = src[fb:]
	}
}

func stereo24(dst []float32, src []byte) {
	const scale = 1.0 / (1 << 24)
	for i := 0; i < len(dst) && len(src) >= 6; i++ {
		l := int32(uint32(src[0])<<8|uint32(src[1])<<16|uint32(src[2])<<24) >> 8
		r := int32(uint32(src[3])<<8|uint32(src[4])<<16|uint32(src[5])<<24) >> 8
		dst[i] = float32(l+r) * scale
		src = src[6:]
	}
}

func mix32(dst []float32, src []byte, ch int) {
	scale := 1 / (float64(1<<31) * float64(ch))
	fb := 4 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum int64
		for p := src[:fb]; len(p) >= 4; p = p[4:] {
			sum += int64(int32(binary.LittleEndian.Uint32(p)))
		}
		dst[i] = float32(float64(sum) * scale)
		src = src[fb:]
	}
}

func mix64(dst []float32, src []byte, ch int) {
	scale := 1 / (math.Exp2(63) * float64(ch))
	fb := 8 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum float64
		for p := src[:fb]; len(p) >= 8; p = p[8:] {
			sum += float64(int64(binary.LittleEndian.Uint64(p)))
		}
		dst[i] = float32(sum * scale)
		src = src[fb:]
	}
}

func mixF32(dst []float32, src []byte, ch int) (clipped, nan bool) {
	inv := 1 / float64(ch)
	fb := 4 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum float64
		for p := src[:fb]; len(p) >= 4; p = p[4:] {
			sum += float64(math.Float32frombits(binary.LittleEndian.Uint32(p)))
		}
		v := sum * inv
		if !(v >= -1 && v <= 1) {
			v, clipped, nan = clamp(v, clipped, nan)
		}
		dst[i] = float32(v)
		src = src[fb:]
	}
	return clipped, nan
}

func stereoF32(dst []float32, src []byte) (clipped, nan bool) {
	for i := 0; i < len(dst) && len(src) >= 8; i++ {
		l := math.Float32frombits(binary.LittleEndian.Uint32(src))
		r := math.Float32frombits(binary.LittleEndian.Uint32(src[4:]))
		src = src[8:]
		v := (l + r) * 0.5
		if !(v >= -1 && v <= 1) {
			// Recompute in float64: l+r may overflow float32 where the mean does not.
			w, c, n := float64(v), clipped, nan
			if w = (float64(l) + float64(r)) / 2; !(w >= -1 && w <= 1) {
				w, c, n = clamp(w, c, n)
			}
			v, clipped, nan = float32(w), c, n
		}
		dst[i] = v
	}
	return clipped, nan
}

func mixF64(dst []float32, src []byte, ch int) (clipped, nan bool) {
	inv := 1 / float64(ch)
	fb := 8 * ch
	for i := 0; i < len(dst) && len(src) >= fb; i++ {
		var sum float64
		for p := src[:fb]; len(p) >= 8; p = p[8:] {
			sum += math.Float64frombits(binary.LittleEndian.Uint64(p))
		}
		v := sum * inv
		if !(v >= -1 && v <= 1) {
			v, clipped, nan = clamp(v, clipped, nan)
		}
		dst[i] = float32(v)
		src = src[fb:]
	}
	return clipped, nan
}

// clamp maps an out-of-range float sample into [-1, 1] (NaN to 0), so that downstream DSP never
// sees NaN or Inf, and records which happened.
func clamp(v float64, clipped, nan bool) (float64, bool, bool) {
	switch {
	case v != v:
		return 0, clipped, true
	case v > 1:
		return 1, true, nan
	default:
		return -1, true, nan
	}
}
