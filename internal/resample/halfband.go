package resample

import "math"

// halfband is a streaming decimate-by-2 stage with a half-band filter: apart from the
// centre tap 0.5, only odd offsets ±(2i+1) have non-zero taps c[i]. Writing e[q] = x[2q]
// and o[q] = x[2q+1], output m (centred on input 2m, zero phase) is
//
//	y[m] = 0.5 e[m] + sum_i c[i] (o[m+i] + o[m-1-i]),
//
// so the input is kept de-interleaved and the sum runs over contiguous memory.
type halfband struct {
	c []float32

	ev, od []float32 // pending even and odd input samples
	eoff   int       // index q of ev[0]
	ooff   int       // index q of od[0] (negative for the leading zeros)
	n      int       // input samples received (excluding Flush padding)
	next   int       // index of the next output
}

// newHalfband returns a decimate-by-2 stage at input rate rate that keeps [0, pass] and
// stops from rate/2 - pass with atten dB of attenuation.
func newHalfband(rate, pass, atten float64) *halfband {
	h := halfbandReach(rate, pass, atten)
	beta := kaiserBeta(atten)
	c := make([]float64, (h+1)/2)
	var sum float64
	for i := range c {
		j := float64(2*i + 1)
		c[i] = 0.5 * sinc(j/2) * kaiser(j/float64(h+1), beta)
		sum += c[i]
	}
	// Normalise so the DC gain 0.5 + 2*sum(c) is exactly 1.
	s := &halfband{c: make([]float32, len(c))}
	for i := range c {
		s.c[i] = float32(c[i] * 0.25 / sum)
	}
	s.reset()
	return s
}

// halfbandReach returns the odd half-length h (taps at offsets -h..h) of the filter
// newHalfband designs; it has (h+1)/2 distinct non-zero side taps.
func halfbandReach(rate, pass, atten float64) int {
	trans := (rate/2 - 2*pass) / rate
	n := kaiserLen(atten, trans) + 1
	h := int(math.Ceil((n - 1) / 2))
	if h%2 == 0 {
		h++
	}
	return h
}

func (s *halfband) reset() {
	k := len(s.c)
	s.ev = s.ev[:0]
	s.od = append(s.od[:0], make([]float32, k)...)
	s.eoff, s.ooff = 0, -k
	s.n, s.next = 0, 0
}

func (s *halfband) process(dst, src []float32) []float32 {
	if s.n%2 == 1 && len(src) > 0 {
		s.od = append(s.od, src[0])
		src = src[1:]
		s.n++
	}
	s.n += len(src)
	ne, no := len(s.ev), len(s.od)
	s.ev = grow(s.ev, (len(src)+1)/2)
	s.od = grow(s.od, len(src)/2)
	ev, od := s.ev[ne:], s.od[no:]
	for i := range od {
		ev[i] = src[2*i]
		od[i] = src[2*i+1]
	}
	if len(src)%2 == 1 {
		ev[len(ev)-1] = src[len(src)-1]
	}
	return s.emit(dst, math.MaxInt)
}

// grow extends x by n elements (contents of the new ones unspecified).
func grow(x []float32, n int) []float32 {
	if len(x)+n > cap(x) {
		y := make([]float32, len(x), 2*(len(x)+n))
		copy(y, x)
		x = y
	}
	return x[:len(x)+n]
}

func (s *halfband) flush(dst []float32) []float32 {
	s.od = append(s.od, make([]float32, len(s.c))...)
	return s.emit(dst, (s.n+1)/2)
}

// emit appends the outputs computable from the buffered input, up to index limit.
func (s *halfband) emit(dst []float32, limit int) []float32 {
	k := len(s.c)
	// Output m needs e[m] and o[m-k .. m+k-1].
	end := min(limit, s.eoff+len(s.ev), s.ooff+len(s.od)-k+1)
	m := s.next
	for ; m+4 <= end; m += 4 {
		y0, y1, y2, y3 := hb4(s.c, s.od[m-k-s.ooff:m+k+3-s.ooff])
		e := s.ev[m-s.eoff : m-s.eoff+4]
		dst = append(dst, 0.5*e[0]+y0, 0.5*e[1]+y1, 0.5*e[2]+y2, 0.5*e[3]+y3)
	}
	for ; m < end; m++ {
		dst = append(dst, 0.5*s.ev[m-s.eoff]+hb1(s.c, s.od[m-k-s.ooff:m+k-s.ooff]))
	}
	s.next = m
	// Keep e[m..] and o[m-k..].
	if d := m - s.eoff; d > 0 {
		s.ev = s.ev[:copy(s.ev, s.ev[d:])]
		s.eoff += d
	}
	if d := m - k - s.ooff; d > 0 {
		s.od = s.od[:copy(s.od, s.od[d:])]
		s.ooff += d
	}
	return dst
}

// hb1 returns sum_i c[i]*(w[k+i] + w[k-1-i]) for the window w = o[m-k .. m+k-1],
// k = len(c), accumulating in the order i = 0, 1, ... (the same order as hb4, so an
// output does not depend on which kernel computed it).
func hb1(c, w []float32) float32 {
	k := len(c)
	hi := w[k : 2*k : 2*k]
	lo := w[:k:k]
	var acc float32
	for i, ci := range c {
		acc += ci * (hi[i] + lo[k-1-i])
	}
	return acc
}

// hb4 computes hb1 for four consecutive outputs; w = o[m-k .. m+k+2]. Each step loads
// one new sample on each side and reuses the others from registers; the loop is unrolled
// by two so that most window shifts are renamings rather than register moves.
func hb4(c, w []float32) (y0, y1, y2, y3 float32) {
	k := len(c)
	hi := w[k:]          // hi[i+j] = o[m+j+i]
	lo := w[: k+3 : k+3] // lo[k-1-i+j] = o[m+j-1-i]
	// Sliding windows: r0..r3 = o[m+i .. m+i+3], l0..l3 = o[m-1-i .. m+2-i].
	r0, r1, r2 := hi[0], hi[1], hi[2]
	l1, l2, l3 := lo[k], lo[k+1], lo[k+2]
	hi = hi[3 : k+3 : k+3]
	i := 0
	for ; i+2 <= k; i += 2 {
		c0, c1 := c[i], c[i+1]
		r3, r4 := hi[i], hi[i+1]
		l0, lm := lo[k-1-i], lo[k-2-i]
		y0 += c0 * (r0 + l0)
		y1 += c0 * (r1 + l1)
		y2 += c0 * (r2 + l2)
		y3 += c0 * (r3 + l3)
		y0 += c1 * (r1 + lm)
		y1 += c1 * (r2 + l0)
		y2 += c1 * (r3 + l1)
		y3 += c1 * (r4 + l2)
		r0, r1, r2 = r2, r3, r4
		l1, l2, l3 = lm, l0, l1
	}
	if i < k {
		ci := c[i]
		r3 := hi[i]
		l0 := lo[k-1-i]
		y0 += ci * (r0 + l0)
		y1 += ci * (r1 + l1)
		y2 += ci * (r2 + l2)
		y3 += ci * (r3 + l3)
	}
	return
}
