package chroma

import (
	"fmt"
	"math"

	"github.com/leitmotif-audio/leitmotif/internal/resample"
)

// Result is the chroma of a whole input.
type Result struct {
	// Frames holds one 12-bin chroma vector per frame, bin 0 = C, unit maximum, all zero
	// for silent frames. Frame k is centred at k/FrameRate seconds.
	Frames [][12]float32
	// FrameRate is the number of frames per second (SampleRate/HopSize).
	FrameRate float64
	// TuningCents is the tuning used for the pitch classes: estimated (deviation from A4
	// = 440 Hz, in [-50, 50) cents; 0 when nothing tonal was found) or the fixed one.
	TuningCents float64
}

// Extractor computes chroma from a stream of mono samples. Create it with NewExtractor,
// call Write for each block, then Finish once. It is not safe for concurrent use.
type Extractor struct {
	opt      Options
	inRate   int
	rs       *resample.Resampler // nil when the input is at the analysis rate
	rsBuf    []float32
	drop     int   // resampler delay (output samples) still to discard
	nIn      int64 // input samples written
	nAna     int64 // analysis samples framed so far (after the delay)
	sig      []float32
	pos      int // start of the next frame in sig
	an       *analyzer
	tune     tuningHist
	store    fineStore
	finished bool
}

// New returns an Extractor for mono input at inputRate Hz. It fails if inputRate is not in
// 1..MaxSampleRate or opt is invalid (see Options.Validate; that error is an *OptionError).
func New(inputRate int, opt Options) (*Extractor, error) {
	if inputRate <= 0 || inputRate > MaxSampleRate {
		return nil, fmt.Errorf("chroma: input rate %d Hz is not from 1 to %d Hz", inputRate, MaxSampleRate)
	}
	o, err := opt.resolve()
	if err != nil {
		return nil, err
	}
	e := &Extractor{opt: o, inRate: inputRate, an: newAnalyzer(o)}
	if inputRate != o.SampleRate {
		e.rs = resample.New(inputRate, o.SampleRate)
		e.drop = int(math.Round(e.rs.Delay()))
	}
	// Centre padding: frame 0 is centred on the first sample.
	e.sig = make([]float32, o.FrameSize/2, 4*o.FrameSize)
	return e, nil
}

// NewExtractor is New for a rate and options fixed in the program (tests, benchmarks): it
// panics where New returns an error. Options that come from a user go through New.
func NewExtractor(inputRate int, opt Options) *Extractor {
	e, err := New(inputRate, opt)
	if err != nil {
		panic(err)
	}
	return e
}

// Options returns the options in effect, with defaults filled in.
func (e *Extractor) Options() Options { return e.opt }

// FrameRate returns the number of frames per second.
func (e *Extractor) FrameRate() float64 {
	return float64(e.opt.SampleRate) / float64(e.opt.HopSize)
}

// Write analyses the next block of mono samples at the input rate. Blocks may have any
// length; the result does not depend on how the input is split. It panics after Finish.
func (e *Extractor) Write(samples []float32) {
	if e.finished {
		panic("chroma: Write after Finish")
	}
	e.nIn += int64(len(samples))
	if e.rs == nil {
		e.frame(samples)
		return
	}
	// Resample in bounded pieces so that a huge block needs no huge buffer.
	const piece = 1 << 15
	for len(samples) > 0 {
		n := min(len(samples), piece)
		e.rsBuf = e.rs.Process(e.rsBuf[:0], samples[:n])
		e.frame(e.dropDelay(e.rsBuf))
		samples = samples[n:]
	}
}

func (e *Extractor) dropDelay(x []float32) []float32 {
	if e.drop > 0 {
		n := min(e.drop, len(x))
		e.drop -= n
		x = x[n:]
	}
	return x
}

// frame appends analysis-rate samples and analyses every complete frame.
func (e *Extractor) frame(x []float32) {
	n := e.opt.FrameSize
	for len(x) > 0 {
		if e.pos > 0 && len(e.sig)+min(len(x), n) > cap(e.sig) {
			k := copy(e.sig, e.sig[e.pos:])
			e.sig = e.sig[:k]
			e.pos = 0
		}
		take := min(len(x), cap(e.sig)-len(e.sig))
		e.sig = append(e.sig, x[:take]...)
		x = x[take:]
		e.nAna += int64(take)
		for len(e.sig)-e.pos >= n {
			e.analyse(e.sig[e.pos : e.pos+n])
			e.pos += e.opt.HopSize
		}
	}
}

func (e *Extractor) analyse(x []float32) {
	e.an.process(x, &e.tune)
	e.store.add(&e.an.fine, e.an.ms)
}

// Finish analyses the rest of the input, estimates the tuning (unless fixed) and returns
// the chroma. The Extractor cannot be used afterwards.
func (e *Extractor) Finish() *Result {
	if e.finished {
		panic("chroma: Finish called twice")
	}
	e.finished = true
	want := e.nIn
	if e.rs != nil {
		e.rsBuf = e.rs.Flush(e.rsBuf[:0])
		tail := e.dropDelay(e.rsBuf)
		// Expected analysis length; the resampler's tail may round either way.
		want = e.nIn * int64(e.opt.SampleRate) / int64(e.inRate)
		if r := want - e.nAna; r < int64(len(tail)) {
			tail = tail[:max(r, 0)]
		}
		e.frame(tail)
	}
	nFrames := 0
	if want > 0 {
		nFrames = int(1 + want/int64(e.opt.HopSize))
	}
	// Zero padding at the end until every frame is analysed.
	var zeros [256]float32
	for e.store.n < nFrames {
		e.frame(zeros[:])
	}
	res := &Result{FrameRate: e.FrameRate(), Frames: make([][12]float32, nFrames)}
	if e.opt.FixedTuning {
		res.TuningCents = e.opt.TuningCents
	} else if t, ok := e.tune.estimate(); ok {
		res.TuningCents = t
	}
	w := foldKernel(e.opt.Kind, res.TuningCents)
	for i := range res.Frames {
		fold(&res.Frames[i], e.store.frame(i), w)
	}
	e.store = fineStore{}
	e.sig = nil
	return res
}
