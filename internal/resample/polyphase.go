package resample

import "math"

// polyphase is a streaming FIR stage changing the rate by l/m. Output y[j] is centred on
// input time t_j = j*m/l (input samples), with zero-phase taps, so stages introduce no
// delay: the lookahead is paid by waiting for input, and Flush pads with zeros. Input
// before sample 0 and after the last sample is taken as zero.
type polyphase struct {
	l, m   int // interpolation and decimation factors (coprime)
	mq, mr int // m / l and m % l: the step of (base, phase) per output
	k      int // taps per output
	past   int // taps reaching before the output's base sample
	next   int // taps reaching after it (lookahead)

	p    int       // phases in the tap table: l, or maxPhases (then interpolated)
	taps []float32 // p (+1 if interpolated) phases of k taps each, along the window

	buf   []float32 // pending input; buf[0] is input sample off
	off   int       // absolute index of buf[0] (negative for the leading zeros)
	n     int       // input samples received so far (excluding Flush padding)
	base  int       // floor(t_j) for the next output j
	phase int       // l*(t_j - base) for the next output j
}

// maxPhases bounds the tap table of a polyphase stage. Ratios with more phases (rates
// with a small gcd, e.g. 44056 -> 11025 needs 11025) interpolate linearly between the
// taps of maxPhases+1 evenly spaced phases, at twice the cost per output.
const maxPhases = 1024

// newPolyphase returns a stage resampling by l/m (coprime) at input rate rate with a
// low-pass keeping [0, pass] and stopping from stop (Hz, relative to rate), with atten
// dB of attenuation. Each phase is normalised to unit DC gain.
func newPolyphase(rate float64, l, m int, pass, stop, atten float64) *polyphase {
	half, reach := polyphaseReach(rate, pass, stop, atten)
	k := 2*reach + 1
	s := &polyphase{l: l, m: m, mq: m / l, mr: m % l, k: k, past: reach, next: reach, p: l}
	rows := l
	if l > maxPhases {
		s.p, rows = maxPhases, maxPhases+1
	}
	// Prototype sampled at rate*p: cut-off in cycles per prototype sample, half-length
	// in prototype samples. It is even: evaluate it once for each |t|.
	fp := float64(s.p)
	fc := (pass + stop) / 2 / (rate * fp)
	beta := kaiserBeta(atten)
	proto := make([]float64, (reach+1)*s.p+1)
	for t := range proto {
		proto[t] = sinc(2*fc*float64(t)) * kaiser(float64(t)/(half*fp), beta)
	}
	s.taps = make([]float32, rows*k)
	row := make([]float64, k)
	for i := 0; i < rows; i++ {
		// Tap kk multiplies input sample base - past + kk, at prototype offset
		// (past - kk)*p + i from the output time.
		var sum float64
		for kk := range row {
			t := (reach-kk)*s.p + i
			row[kk] = proto[max(t, -t)]
			sum += row[kk]
		}
		for kk, v := range row {
			s.taps[i*k+kk] = float32(v / sum)
		}
	}
	s.reset()
	return s
}

// polyphaseReach returns the half-length (in input samples) of the filter newPolyphase
// designs, and the number of input samples it reaches on each side of an output.
func polyphaseReach(rate, pass, stop, atten float64) (half float64, reach int) {
	half = kaiserLen(atten, (stop-pass)/rate) / 2
	return half, int(math.Ceil(half))
}

func (s *polyphase) reset() {
	s.buf = append(s.buf[:0], make([]float32, s.past)...)
	s.off = -s.past
	s.n, s.base, s.phase = 0, 0, 0
}

// emit appends outputs whose window lies inside buf and whose centre is before limit.
func (s *polyphase) emit(dst []float32, limit int) []float32 {
	end := s.off + len(s.buf) // one past the last buffered sample
	for s.base < limit && s.base+s.next < end {
		w := s.buf[s.base-s.past-s.off:]
		if s.p == s.l {
			dst = append(dst, dot(s.taps[s.phase*s.k:(s.phase+1)*s.k], w))
		} else {
			num := s.phase * s.p
			i := num / s.l
			frac := float32(num-i*s.l) / float32(s.l)
			a := dot(s.taps[i*s.k:(i+1)*s.k], w)
			b := dot(s.taps[(i+1)*s.k:(i+2)*s.k], w)
			dst = append(dst, a+frac*(b-a))
		}
		s.base += s.mq
		s.phase += s.mr
		if s.phase >= s.l {
			s.phase -= s.l
			s.base++
		}
	}
	// Drop input no longer needed by the next output.
	if drop := s.base - s.past - s.off; drop > 0 {
		if drop > len(s.buf) {
			drop = len(s.buf)
		}
		s.buf = s.buf[:copy(s.buf, s.buf[drop:])]
		s.off += drop
	}
	return dst
}

// process appends the outputs made computable by src.
func (s *polyphase) process(dst, src []float32) []float32 {
	s.buf = append(s.buf, src...)
	s.n += len(src)
	return s.emit(dst, math.MaxInt)
}

// flush pads the input with zeros and appends the remaining outputs: those centred
// before the end of the input.
func (s *polyphase) flush(dst []float32) []float32 {
	s.buf = append(s.buf, make([]float32, s.next+1)...)
	return s.emit(dst, s.n)
}
