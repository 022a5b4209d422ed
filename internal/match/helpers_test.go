package match

import (
	"github.com/leitmotif-audio/leitmotif/internal/chroma"
	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// testRate is the sample rate of the synthetic test audio.
const testRate = 11025

// testChroma is the front end the matching is tuned for: HPCP over the melody band, the
// default of package motif (motif.MelodyMinFreq).
var testChroma = chroma.Options{Kind: chroma.HPCP, MinFreq: 200}

// audioChroma renders m under so and runs the real HPCP front end on it.
func audioChroma(m synth.Melody, so synth.Options) ([][12]float32, float64) {
	so.SampleRate = testRate
	return chromaOf(synth.Render(m, so))
}

// chromaOf runs the HPCP extractor on samples at testRate.
func chromaOf(x []float32) ([][12]float32, float64) {
	e := chroma.NewExtractor(testRate, testChroma)
	for len(x) > 0 {
		k := min(len(x), 4096)
		e.Write(x[:k])
		x = x[k:]
	}
	r := e.Finish()
	return r.Frames, r.FrameRate
}

// prepAudio renders, extracts chroma and prepares with opt.
func prepAudio(m synth.Melody, so synth.Options, opt Options) *Sequence {
	f, r := audioChroma(m, so)
	return Prepare(f, r, opt)
}
