package match

import (
	"fmt"
	"math"
	"os"
	"sort"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// TestCalibrationData prints, for synthetic random melodies (null), whole
// synthetic tunes and every ordered dev pair: ln(cells searched), the raw
// score in seconds, the calibrated score and the ratios of the 2nd and 7th
// best coarse transposition scores to the best. The calibration constants
// were fitted on this output. Run with MATCH_CAL=1; it asserts nothing.
func TestCalibrationData(t *testing.T) {
	if os.Getenv("MATCH_CAL") == "" {
		t.Skip("set MATCH_CAL=1")
	}
	opt := Options{}.withDefaults()
	var seqs [][]*Sequence
	for li, bars := range []int{4, 16, 64} {
		var row []*Sequence
		for s := 0; s < 3; s++ {
			m := synth.Random(int64(100*li+s), bars, (s*5)%12)
			so := synth.Options{Tempo: 90 + 15*float64(s), Timbre: []synth.Timbre{synth.Piano(), synth.Flute(), synth.Strings()}[s], Chords: s != 1, Bass: s == 2}
			row = append(row, prepAudio(m, so, opt))
		}
		seqs = append(seqs, row)
	}
	tunes := synth.Tunes()
	arrA := synth.Options{Tempo: 110, Timbre: synth.Flute()}
	arrB := synth.Options{Tempo: 95, Transpose: -2, Timbre: synth.Strings(), Chords: true, Bass: true, Noise: true, SNR: 12, Seed: 7}
	arrC := synth.Options{Tempo: 130, Transpose: 5, Timbre: synth.Piano(), Chords: true, Swing: 0.5}
	for i, ma := range tunes {
		for j, mb := range tunes {
			for k, arr := range []synth.Options{arrB, arrC} {
				a, b := prepAudio(ma, arrA, opt), prepAudio(mb, arr, opt)
				var ws workspace
				d := compare(&ws, a, b, opt, 0)
				c := d.coarse
				sort.Float64s(c[:])
				fmt.Printf("cal tunes-%v-%d %.2f %.2f %.3f %.3f %.3f\n", i == j, k, math.Log(float64(d.n*d.mb*12)), d.raw/opt.FeatureRate, calibrate(d.raw, d.size, opt.FeatureRate), c[10]/c[11], c[6]/c[11])
			}
		}
	}
	for la := range seqs {
		for lb := la; lb < len(seqs); lb++ {
			for sa, a := range seqs[la] {
				for sb, b := range seqs[lb] {
					if la == lb && sa >= sb {
						continue
					}
					var ws workspace
					d := compare(&ws, a, b, opt, 0)
					fmt.Printf("cal synth-null %.2f %.2f\n", math.Log(float64(d.n*d.mb*12)), d.raw/opt.FeatureRate)
				}
			}
		}
	}
	tracks := loadDev(t, testChroma)
	ss := make([]*Sequence, len(tracks))
	for i, tr := range tracks {
		ss[i] = Prepare(tr.frames, tr.rate, opt)
	}
	for i := range tracks {
		for j := range tracks {
			if i == j {
				continue
			}
			var ws workspace
			d := compare(&ws, ss[i], ss[j], opt, 0)
			lab := "dev-diff"
			if tracks[i].Work == tracks[j].Work {
				lab = "dev-same"
			}
			c := d.coarse
			sort.Float64s(c[:])
			fmt.Printf("cal %s %.2f %.2f %.3f %.3f %.3f\n", lab, math.Log(float64(d.n*d.mb*12)), d.raw/opt.FeatureRate, calibrate(d.raw, d.size, opt.FeatureRate), c[10]/c[11], c[6]/c[11])
		}
	}
}
