package chroma

import (
	"math"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// TestSynthMelody runs rendered tunes (internal/synth) through the extractor and compares
// with the chroma computed from the note list: the strongest class must agree in steady
// frames, and frames must be similar (cosine) on average, accompaniment included.
func TestSynthMelody(t *testing.T) {
	for _, tc := range []struct {
		name       string
		m          synth.Melody
		opt        synth.Options
		minAgree   float64
		minCosine  float64
		checkAgree bool
		playRate   int // if set, the rendering is played at this rate (detuned)
	}{
		{"ode piano", synth.OdeToJoy(), synth.Options{Timbre: synth.Piano(), Transpose: 3}, 0.95, 0.9, true, 0},
		{"greensleeves clarinet", synth.Greensleeves(), synth.Options{Timbre: synth.Clarinet(), SampleRate: 16000, Tempo: 130}, 0.95, 0.9, true, 0},
		{"twinkle strings+chords+bass", synth.Twinkle(), synth.Options{Timbre: synth.Strings(), Chords: true, Bass: true, Noise: true, SNR: 20, Transpose: -2}, 0.9, 0.9, true, 0},
		// Rendered at 11025 Hz, played at 11200 Hz: 27.3 cents sharp and 1.6% faster.
		{"ode strings +27 cents", synth.OdeToJoy(), synth.Options{Timbre: synth.Strings(), Chords: true}, 0.95, 0.9, true, 11200},
	} {
		x := synth.Render(tc.m, tc.opt)
		rate := tc.opt.SampleRate
		if rate == 0 {
			rate = 11025
		}
		cents, speed := 0.0, 1.0
		if tc.playRate != 0 {
			speed = float64(tc.playRate) / float64(rate)
			cents = 1200 * math.Log2(speed)
			rate = tc.playRate
		}
		for _, k := range kinds {
			r := extract(x, rate, Options{Kind: k})
			if math.Abs(r.TuningCents-cents) > 3 {
				t.Errorf("%s %v: tuning %.1f cents, want %.1f", tc.name, k, r.TuningCents, cents)
			}
			// Ideal frames at the rendering's time scale.
			ideal := synth.IdealChroma(tc.m, tc.opt, r.FrameRate/speed)
			var n, agree int
			var cos float64
			var nc int
			for i := 1; i+1 < min(len(ideal), len(r.Frames)); i++ {
				if isZero(ideal[i]) {
					continue
				}
				cos += cosine(ideal[i], r.Frames[i])
				nc++
				a := argmax(ideal[i])
				if argmax(ideal[i-1]) != a || argmax(ideal[i+1]) != a {
					continue // note change: the frame straddles two notes
				}
				n++
				if argmax(r.Frames[i]) == a {
					agree++
				}
			}
			cos /= float64(nc)
			fa := float64(agree) / float64(max(n, 1))
			t.Logf("%s %v: tuning %.1f, argmax agreement %.3f (%d frames), mean cosine %.3f", tc.name, k, r.TuningCents, fa, n, cos)
			if tc.checkAgree && fa < tc.minAgree {
				t.Errorf("%s %v: strongest class agrees in %.3f of steady frames, want >= %.2f", tc.name, k, fa, tc.minAgree)
			}
			if cos < tc.minCosine {
				t.Errorf("%s %v: mean cosine with the note chroma %.3f, want >= %.2f", tc.name, k, cos, tc.minCosine)
			}
		}
	}
}
