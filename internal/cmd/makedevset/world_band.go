package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Band textures: overdriven and distortion guitars (GM 30 and 31, programs 29 and 30)
// playing power chords, chugs and riffs, bass, rock and metal drums, and a lead line — a
// voice or synth lead, or the distorted guitar itself; mastered loud.

type bandArr struct {
	Name   string
	Mel    []voice
	Power  bool
	Layers []layer
}

func lv(name string, oct, vel int) voice { return voice{lead(name), oct, vel} }

var bandArrs = []bandArr{
	{"distortion power chords, picked bass, rock drums", []voice{lv("voice lead", 0, 110)}, false,
		[]layer{{"power8", 30, 0}, {"bass8", 34, 0}, {"d:rock", 16, 0}}},
	{"overdriven chugging, finger bass, metal drums", []voice{lv("distortion guitar", 0, 112)}, false,
		[]layer{{"chug", 29, 0}, {"bass8", 33, 0}, {"d:metal", 16, 0}}},
	{"held distortion chords, overdriven riff, synth bass, rock drums", []voice{lv("saw lead", 0, 105)}, false,
		[]layer{{"powerhold", 30, 0}, {"riff", 29, 0}, {"bass8", 38, 0}, {"d:rock", 0, 0}}},
	{"bass, punk drums (the guitar carries the melody)", []voice{lv("distortion guitar", 0, 115)}, true,
		[]layer{{"bass8", 34, 0}, {"d:punk", 0, 0}}},
	{"distortion power chords, rock organ, bass, half-time drums", []voice{lv("overdriven guitar", 0, 112)}, false,
		[]layer{{"power8", 30, 0}, {"pad", 18, 0}, {"bass8", 34, 0}, {"d:halftime", 8, 0}}},
	{"distortion riff, bass, rock drums", []voice{lv("rock organ", 0, 110)}, false,
		[]layer{{"riff", 30, 0}, {"bass8", 33, 0}, {"d:rock", 8, 0}}},
	{"overdriven power chords, bass, metal drums", []voice{lv("charang", 0, 108)}, false,
		[]layer{{"power8", 29, 0}, {"bass8", 34, 0}, {"d:metal", 16, 0}}},
	{"distortion riff, held overdriven chords, bass, half-time drums", []voice{lv("synth voice", 0, 112)}, false,
		[]layer{{"riff", 30, 0}, {"powerhold", 29, 0}, {"bass8", 34, 0}, {"d:halftime", 16, 0}}},
	{"distortion chugging, bass, metal drums", []voice{lv("distortion guitar", 0, 110), lv("square lead", 0, 90)}, false,
		[]layer{{"chug", 30, 0}, {"bass8", 34, 0}, {"d:metal", 16, 0}}},
	{"distortion power chords, bass, punk drums", []voice{lv("brass section", 0, 110)}, false,
		[]layer{{"power8", 30, 0}, {"bass8", 33, 0}, {"d:punk", 0, 0}}},
}

func genSong(h *half, i, part int) piece {
	rng := rand.New(rand.NewPCG(h.seed(part, i), 7))
	minor := i%4 != 3
	steps := modes["major"]
	if minor {
		steps = modes["minor"]
	}
	sc := Scale{rng.IntN(12), steps}
	chords := genLoop(sc, minor, 8, 4, rng)
	mel := genTheme(sc, chords, 4, false, 8, rockStyle, rng)
	bpm := math.Round(100 + rng.Float64()*70)
	return piece{ID: fmt.Sprintf("band%02d", i+1), Title: "generated band song", Meter: 4, BPM: bpm, Scale: sc, Minor: minor,
		Melody: mel, Chords: chords, Riff: rng.IntN(len(riffFigures)), Length: 32}
}

func (ba bandArr) arr(p *piece) arr {
	ls := make([]layer, len(ba.Layers))
	for i, l := range ba.Layers {
		if l.Kind == "riff" {
			l.Arg = p.Riff
		}
		ls[i] = l
	}
	return arr{mel: ba.Mel, power: ba.Power, acc: accomp{Name: ba.Name, Layers: ls}}
}

func bandPart(h *half) []Entry {
	var out []Entry
	file, idx := 0, 0
	for w := range 10 {
		p := genSong(h, w, 5)
		seed := h.seed(6, w)
		ref := bandArrs[w%2].arr(&p)
		ref.tempo, ref.intro = 1, 1
		sc, f, l := p.build(ref, seed)
		out = append(out, worldEntry(h, p.ID+"_a.wav", p.ID, "arrangement", "band", sc, f, l,
			render{refBPM: p.BPM, font: h.font(file), seed: seed, gain: 0.25, drive: 2}, p.Title+"; reference: "+describeArr(ref)))
		file++
		for v := 1; v <= 3; v++ {
			ba := bandArrs[2+(3*w+5*v+h.Salt)%(len(bandArrs)-2)]
			if v == 1 && w%3 == 0 {
				ba = bandArrs[1-w%2] // the other reference texture
			}
			a := ba.arr(&p)
			a.key = h.key(3*idx + 2)
			a.intro = []int{1, 2, 0, 1}[idx%4]
			a.tempo = tempoFor(h, &p, 3*idx+1, a.intro)
			a.drift, a.driftA = h.driftFor(idx + 2)
			deg := h.degradeFor(idx)
			if deg.Desc == "" && idx%3 == 0 {
				deg = degrade{SNR: 15, Desc: "15 dB white noise"}
			}
			s := seed + uint64(v)
			sc, f, l := p.build(a, s)
			out = append(out, worldEntry(h, fmt.Sprintf("%s_%c.wav", p.ID, 'a'+v), p.ID, "arrangement", "band", sc, f, l,
				render{key: a.key, refBPM: p.BPM, deg: deg, font: h.font(file), seed: s, gain: 0.25, drive: 2 + 0.8*float64(idx%3)},
				p.Title+"; "+describeArr(a, "loud master")))
			file++
			idx++
		}
	}
	return out
}
