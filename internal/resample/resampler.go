package resample

import (
	"fmt"
	"math"
)

// Design constants. passFraction is the fraction of the lower rate's Nyquist frequency
// kept flat; designAtten is the Kaiser design attenuation in dB for every stage (set above
// the promised 80 dB because the aliases of cascaded stages add up and Kaiser's length
// formula is approximate).
const (
	passFraction = 0.9
	designAtten  = 90
	chunk        = 4096 // input samples per internal step; bounds buffer sizes

	// halfbandCost is the cost of one half-band tap pair relative to one polyphase tap
	// (a multiply-add), for choosing a cascade.
	halfbandCost = 1.0
)

// Resampler converts a stream of mono samples from one rate to another. It is
// stateful: use one Resampler per stream, from one goroutine.
type Resampler struct {
	in, out int
	stages  []filter
	scratch [][]float32 // per-stage output scratch, for all but the last stage
	flushed bool
}

// New returns a resampler from inRate to outRate (Hz). It panics unless both rates are
// positive.
func New(inRate, outRate int) *Resampler {
	if inRate <= 0 || outRate <= 0 {
		panic(fmt.Sprintf("resample: New(%d, %d): rates must be positive", inRate, outRate))
	}
	r := &Resampler{in: inRate, out: outRate}
	if inRate == outRate {
		return r
	}
	if outRate > inRate {
		// Upsampling: keep 0.9 of the input's Nyquist band; images of that band start at
		// inRate - pass and are removed from there on.
		pass := passFraction * float64(inRate) / 2
		l, m := reduce(outRate, inRate)
		r.stages = []filter{newPolyphase(float64(inRate), l, m, pass, float64(inRate)-pass, designAtten)}
	} else {
		r.stages = planDown(inRate, outRate)
	}
	r.scratch = make([][]float32, len(r.stages))
	return r
}

// planDown returns the cheapest cascade for downsampling among: one rational stage from
// in to mid = out*2^j (none if mid = in), then j half-band stages, for each j with
// mid <= in.
//
// With pass = 0.9 of the output Nyquist frequency and keep = out - pass, the output
// stage keeps [0, pass] and removes everything above keep; every earlier stage keeps
// [0, keep] and removes what would alias into it (its stop band starts at its output
// rate minus keep). So content above keep never reaches the output's band [0, out/2]
// unattenuated, and content in [pass, keep] can only land in [pass, out/2].
func planDown(in, out int) []filter {
	pass := passFraction * float64(out) / 2
	keep := float64(out) - pass
	// Estimate each cascade's cost (multiply-adds per second of input) from the filter
	// lengths, then build only the cheapest.
	bestJ, bestCost := 0, math.Inf(1)
	for j := 0; out<<j <= in; j++ {
		mid := out << j
		var cost float64
		if mid != in {
			p := stagePass(j > 0, pass, keep)
			_, reach := polyphaseReach(float64(in), p, float64(mid)-p, designAtten)
			perOutput := 2*reach + 1
			if l, _ := reduce(mid, in); l > maxPhases {
				perOutput *= 2 // interpolated taps
			}
			cost += float64(perOutput * mid)
		}
		for rate := mid; rate > out; rate /= 2 {
			h := halfbandReach(float64(rate), stagePass(rate > 2*out, pass, keep), designAtten)
			cost += halfbandCost * float64((h+1)/2*rate/2)
		}
		if cost < bestCost {
			bestJ, bestCost = j, cost
		}
	}
	var stages []filter
	mid := out << bestJ
	if mid != in {
		p := stagePass(bestJ > 0, pass, keep)
		l, m := reduce(mid, in)
		stages = append(stages, newPolyphase(float64(in), l, m, p, float64(mid)-p, designAtten))
	}
	for rate := mid; rate > out; rate /= 2 {
		stages = append(stages, newHalfband(float64(rate), stagePass(rate > 2*out, pass, keep), designAtten))
	}
	return stages
}

// stagePass is the band a stage must keep: keep for stages before the last, pass for the
// last.
func stagePass(intermediate bool, pass, keep float64) float64 {
	if intermediate {
		return keep
	}
	return pass
}

// filter is one stage of the cascade.
type filter interface {
	process(dst, src []float32) []float32
	flush(dst []float32) []float32
	reset()
}

// reduce returns a/g, b/g with g = gcd(a, b).
func reduce(a, b int) (int, int) {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	return a / x, b / x
}

// InRate returns the input sample rate.
func (r *Resampler) InRate() int { return r.in }

// OutRate returns the output sample rate.
func (r *Resampler) OutRate() int { return r.out }

// Delay returns the group delay in output samples. It is always 0: output sample j is
// centred on input time j*inRate/outRate, because each stage uses zero-phase filters and
// waits for its lookahead (Flush supplies it at the end).
func (r *Resampler) Delay() float64 { return 0 }

// Process appends to dst the output made available by the next block of input src and
// returns the extended slice. Blocks may have any size; the concatenated output does not
// depend on how the input was split. Process panics if called after Flush (use Reset).
func (r *Resampler) Process(dst, src []float32) []float32 {
	if r.flushed {
		panic("resample: Process after Flush without Reset")
	}
	if len(r.stages) == 0 {
		return append(dst, src...)
	}
	for len(src) > 0 {
		n := min(len(src), chunk)
		dst = r.run(dst, src[:n], false)
		src = src[n:]
	}
	return dst
}

// Flush appends the remaining output (the end of the stream, whose filters need input
// beyond the last sample, taken as zero) and returns the extended slice. The total
// output length is about len(input)*outRate/inRate: exactly the number of output
// instants before the end of the input, for each stage.
func (r *Resampler) Flush(dst []float32) []float32 {
	if r.flushed || len(r.stages) == 0 {
		r.flushed = true
		return dst
	}
	r.flushed = true
	return r.run(dst, nil, true)
}

// Reset clears the stream state so the Resampler can be used for a new stream.
func (r *Resampler) Reset() {
	for _, s := range r.stages {
		s.reset()
	}
	r.flushed = false
}

// run feeds src through the cascade; with flush, each stage is flushed after its input.
func (r *Resampler) run(dst, src []float32, flush bool) []float32 {
	last := len(r.stages) - 1
	for i, s := range r.stages {
		out := dst
		if i < last {
			out = r.scratch[i][:0]
		}
		out = s.process(out, src)
		if flush {
			out = s.flush(out)
		}
		if i < last {
			r.scratch[i] = out
			src = out
		} else {
			dst = out
		}
	}
	return dst
}
