package main

import (
	"math"
	"math/rand/v2"
)

// Generated music: chord progressions and melodies that belong to no work, for the fillers
// around a hidden phrase and for distractors.

type degree struct {
	iv      int
	quality string
}

var progressions = map[string][][]degree{
	"major": {
		{{0, ""}, {5, ""}, {7, ""}, {0, ""}},
		{{0, ""}, {9, "m"}, {5, ""}, {7, ""}},
		{{0, ""}, {7, ""}, {9, "m"}, {5, ""}},
		{{2, "m"}, {7, "7"}, {0, ""}, {0, ""}},
		{{0, ""}, {4, "m"}, {5, ""}, {7, "7"}},
	},
	"minor": {
		{{0, "m"}, {5, "m"}, {7, "7"}, {0, "m"}},
		{{0, "m"}, {8, ""}, {3, ""}, {10, ""}},
		{{0, "m"}, {10, ""}, {8, ""}, {7, ""}},
	},
}

// genChords returns bars chords (one per bar, from beat 0) in the given scale's key.
func genChords(sc Scale, mode string, bars, meter int, rng *rand.Rand) []ChordSpan {
	if mode == "dorian" {
		mode = "minor"
	}
	prog := progressions[mode][rng.IntN(len(progressions[mode]))]
	out := make([]ChordSpan, bars)
	for i := range out {
		d := prog[i%len(prog)]
		if i == bars-1 && bars > 2 {
			d = prog[0] // end at home
		}
		out[i] = ChordSpan{float64(i * meter), float64(meter), Chord{mod12(sc.Tonic + d.iv), qualities[d.quality]}}
	}
	return out
}

var rhythms = map[int][][]float64{
	4: {{1, 1, 1, 1}, {2, 1, 1}, {1, 1, 2}, {1.5, .5, 1, 1}, {.5, .5, 1, 2}, {1, .5, .5, 1, 1}, {3, 1}},
	3: {{1, 1, 1}, {2, 1}, {1.5, .5, 1}, {1, .5, .5, 1}, {3}},
	2: {{1, 1}, {.5, .5, 1}, {1.5, .5}, {.5, .5, .5, .5}},
	6: {{1.5, 1.5}, {1, .5, 1.5}, {.5, .5, .5, 1.5}, {1, .5, 1, .5}}, // compound 3-beat bars
}

// genMelody writes a melody over the chords: chord tones on downbeats, mostly stepwise
// motion in the scale between them, ending on the tonic.
func genMelody(sc Scale, chords []ChordSpan, meter int, compound bool, rng *rand.Rand) []Note {
	cells := rhythms[meter]
	if compound {
		cells = rhythms[6]
	}
	lo, hi := 62, 79
	pitch := 67 + mod12(sc.Tonic-67+6) - 6 // tonic nearest G4
	if !sc.Contains(pitch) {
		pitch = sc.Step(pitch, 1)
	}
	var out []Note
	for bi, cs := range chords {
		cell := cells[rng.IntN(len(cells))]
		t := cs.Start
		for j, d := range cell {
			switch {
			case j == 0:
				// nearest chord tone
				best, bd := pitch, 99
				for _, x := range cs.Chord.Tones(lo) {
					for _, y := range []int{x, x + 12} {
						if dd := abs(y-pitch) + rng.IntN(3); dd < bd && y <= hi {
							best, bd = y, dd
						}
					}
				}
				pitch = best
			case rng.Float64() < 0.2:
				ts := cs.Chord.Tones(pitch - 5)
				pitch = ts[rng.IntN(len(ts))]
			default:
				dir := 1
				if rng.IntN(2) == 0 {
					dir = -1
				}
				pitch = sc.Step(pitch, dir)
			}
			if pitch < lo {
				pitch = sc.Step(pitch, 2)
			}
			if pitch > hi {
				pitch = sc.Step(pitch, -2)
			}
			if bi == len(chords)-1 && j == len(cell)-1 {
				pitch = pitch - mod12(pitch-sc.Tonic)
				if pitch < lo {
					pitch += 12
				}
			}
			out = append(out, Note{Start: t, Dur: d, Pitch: pitch})
			t += d
		}
	}
	return out
}

// barsFor returns the number of bars lasting about sec seconds (at least minBars).
func barsFor(sec, bpm float64, meter, minBars int) int {
	return max(minBars, int(math.Round(sec*bpm/60/float64(meter))))
}
