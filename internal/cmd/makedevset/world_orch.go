package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Polyphonic orchestral cues: a melody, a countermelody, voice-led inner parts, a bass line,
// sustained chords, ostinatos, harp and timpani; re-orchestrated across arrangements, with
// the melody moved to another section and parts dropped.

type orchestration struct {
	Name    string
	Mel     []voice
	Counter []voice // nil: dropped
	Layers  []layer
}

func vs(names ...string) []voice {
	var out []voice
	for i, n := range names {
		out = append(out, voice{lead(n), 0, 100 - 8*i})
	}
	return out
}

var orchestrations = []orchestration{
	{"full orchestra: strings and flute, horn countermelody, slow-string inner voices, basses, harp, timpani",
		vs("string ensemble", "flute"), vs("french horn"), []layer{{"inner", 49, 0}, {"bassline", 43, 0}, {"harp", 46, 0}, {"timp", 47, 0}, {"d:orch", 48, 0}}},
	{"brass: trumpet melody, trombone countermelody, horn chords, tuba, string pad, timpani",
		vs("trumpet"), vs("trombone"), []layer{{"innerpulse", 60, 0}, {"bassline", 58, 0}, {"pad", 48, 0}, {"timp", 47, 0}, {"d:orch", 48, 0}}},
	{"strings only: violin melody, cello countermelody, inner voices, contrabass",
		vs("violin"), vs("cello"), []layer{{"inner", 48, 0}, {"bassline", 43, 0}}},
	{"woodwinds: flute melody, clarinet countermelody, pizzicato strings, bassoon, harp",
		vs("flute"), vs("clarinet"), []layer{{"pulse8", 45, 0}, {"bassline", 70, 0}, {"harp", 46, 0}}},
	{"choir over organ and harp, no countermelody",
		vs("choir aahs"), nil, []layer{{"pad", 19, 0}, {"harp", 46, 0}, {"bassline", 43, 0}}},
	{"melody in the cellos, violin countermelody above, slow strings, timpani",
		vs("cello"), []voice{{lead("violin"), 0, 92}}, []layer{{"pad", 49, 0}, {"bassline", 43, 0}, {"timp", 47, 0}}},
	{"horn melody over a string ostinato, no countermelody",
		vs("french horn"), nil, []layer{{"ostinato", 48, 0}, {"inner", 49, 0}, {"bassline", 43, 0}, {"timp", 47, 0}, {"d:orch", 48, 0}}},
	{"piano reduction: melody, countermelody and bass on the piano",
		vs("piano"), []voice{{lead("piano"), 0, 84}}, []layer{{"bass", 0, 0}}},
	{"synth score: synth strings melody, synth brass countermelody, pad, synth-bass ostinato, timpani",
		vs("synth strings"), vs("synth brass"), []layer{{"pad", 89, 0}, {"ostinato", 38, 0}, {"timp", 47, 0}}},
	{"oboe and english horn over harp, no inner voices or bass",
		vs("oboe"), vs("english horn"), []layer{{"harp", 46, 0}}},
	{"tutti, melody doubled by trumpet, no countermelody",
		vs("string ensemble", "trumpet"), nil, []layer{{"innerpulse", 48, 0}, {"bassline", 43, 0}, {"timp", 47, 0}, {"d:orch", 48, 0}}},
	{"violins and oboe, bassoon countermelody, slow strings, basses",
		vs("violin", "oboe"), vs("bassoon"), []layer{{"inner", 49, 0}, {"bassline", 43, 0}}},
}

func genCue(h *half, i int, part int) piece {
	rng := rand.New(rand.NewPCG(h.seed(part, i), 5))
	meter := []int{4, 3, 4, 3, 4}[i%5]
	compound := i%5 == 3
	minor := i%5 != 2 && i%5 != 4
	steps := modes["major"]
	if minor {
		steps = modes["minor"]
	}
	sc := Scale{rng.IntN(12), steps}
	bars := 8
	if i%4 == 3 {
		bars = 12
	}
	chords := genProgression(sc, minor, bars, meter, rng)
	mel := genTheme(sc, chords, meter, compound, bars, lyricalStyle, rng)
	counter := genCounter(sc, chords, mel, meter, compound, rng)
	target := 16 + rng.Float64()*8
	bpm := math.Round(max(56, min(140, float64(bars*meter)*60/target)))
	return piece{ID: fmt.Sprintf("orch%02d", i+1), Title: "generated orchestral cue", Meter: meter, Compound: compound,
		BPM: bpm, Scale: sc, Minor: minor, Melody: mel, Chords: chords, Counter: counter, Length: float64(bars * meter)}
}

// arr makes the arrangement, the melody no louder than the countermelody: in a cue the
// theme sits in the texture rather than on top of it.
func (o orchestration) arr() arr {
	soft := func(vs []voice) []voice {
		out := make([]voice, len(vs))
		for i, v := range vs {
			v.vel = min(v.vel, 90-6*i)
			out[i] = v
		}
		return out
	}
	return arr{mel: soft(o.Mel), counter: soft(o.Counter), acc: accomp{Name: o.Name, Layers: o.Layers}}
}

// handOffs take the second half of the melody in some arrangements.
var handOffs = []string{"oboe", "french horn", "cello", "flute", "clarinet", "trumpet", "violin", "english horn"}

func orchPart(h *half) []Entry {
	var out []Entry
	file, idx := 0, 0
	for w := range 10 {
		p := genCue(h, w, 3)
		seed := h.seed(4, w)
		ref := orchestrations[0].arr()
		ref.tempo = 1
		sc, f, l := p.build(ref, seed)
		out = append(out, worldEntry(h, p.ID+"_a.wav", p.ID, "arrangement", "orchestral", sc, f, l,
			render{refBPM: p.BPM, font: h.font(file), seed: seed, gain: 0.25}, p.Title+"; reference: "+describeArr(ref)))
		file++
		for v := 1; v <= 3; v++ {
			o := orchestrations[1+(5*w+4*v+h.Salt)%(len(orchestrations)-1)]
			a := o.arr()
			a.key = h.key(4*idx + 1)
			a.intro = []int{0, 1, 0, 2}[idx%4]
			a.tempo = tempoFor(h, &p, 5*idx+3, a.intro)
			a.drift, a.driftA = h.driftFor(idx + 1)
			a.reharm = []float64{0.5, 0.3, 0.6}[idx%3] // a reprise is seldom harmonised the same
			if idx%3 == 2 {
				a.orn = 0.3
			}
			if idx%3 == 1 {
				taken := map[string]bool{}
				for _, v := range append(append([]voice{}, a.mel...), a.counter...) {
					taken[v.ld.Name] = true
				}
				hand := lead(handOffs[(idx+h.Salt)%len(handOffs)])
				for j := 1; taken[hand.Name]; j++ {
					hand = lead(handOffs[(idx+h.Salt+j)%len(handOffs)])
				}
				a.hand = []voice{{hand, 0, 90}}
			}
			deg := h.degradeFor(idx + 2)
			s := seed + uint64(v)
			sc, f, l := p.build(a, s)
			out = append(out, worldEntry(h, fmt.Sprintf("%s_%c.wav", p.ID, 'a'+v), p.ID, "arrangement", "orchestral", sc, f, l,
				render{key: a.key, refBPM: p.BPM, deg: deg, font: h.font(file), seed: s, gain: 0.25}, p.Title+"; "+describeArr(a)))
			file++
			idx++
		}
	}
	return out
}
