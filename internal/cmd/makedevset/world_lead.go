package main

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Lead melodies: a tune on one instrument over an accompaniment from none to a full band.

var leadAccs = []accomp{
	{Name: "solo"},
	{Name: "piano block chords", Layers: []layer{{"block", 0, 0}}},
	{Name: "strummed guitar, bass", Layers: []layer{{"strum", 25, 0}, {"bass", 33, 0}}},
	{Name: "string pad, bass", Layers: []layer{{"pad", 48, 0}, {"bass", 32, 0}}},
	{Name: "harp arpeggios, bass, drums", Layers: []layer{{"arp", 46, 0}, {"bass", 33, 0}, {"d:beat", 0, 0}}},
	{Name: "e-piano comping (7ths), walking bass, jazz drums", Layers: []layer{{"comp7", 4, 0}, {"walk", 32, 0}, {"d:jazz", 32, 0}}, Sevenths: true},
	{Name: "organ pad, bass, drums", Layers: []layer{{"pad", 16, 0}, {"bass", 34, 0}, {"d:beat", 0, 0}}},
	{Name: "bass, drums", Layers: []layer{{"bass", 33, 0}, {"d:beat", 0, 0}}},
	{Name: "full band (piano, guitar, strings, bass, rock drums)", Layers: []layer{{"block", 0, 0}, {"strum", 27, 0}, {"pad", 48, 0}, {"bass", 33, 0}, {"d:rock", 0, 0}}},
	{Name: "Alberti piano", Layers: []layer{{"alberti", 0, 0}}},
	{Name: "marimba ostinato, warm pad", Layers: []layer{{"ostinato", 12, 0}, {"pad", 89, 0}}},
	{Name: "rock band (overdriven power chords, bass, drums)", Layers: []layer{{"power8", 29, 0}, {"bass8", 34, 0}, {"d:rock", 0, 0}}},
	{Name: "synth pad, saw arpeggio, synth bass, electronic drums", Layers: []layer{{"pad", 90, 0}, {"arp", 81, 0}, {"bass", 38, 0}, {"d:electro", 25, 0}}},
	{Name: "accordion oom-pah", Layers: []layer{{"oompah", 21, 0}}},
	{Name: "strings (voiced), cello bass", Layers: []layer{{"inner", 48, 0}, {"bassline", 42, 0}}},
	{Name: "piano comping (7ths), walking bass, brushes", Layers: []layer{{"comp7", 0, 0}, {"walk", 32, 0}, {"d:brush", 40, 0}}, Sevenths: true},
	{Name: "pizzicato pulse, harp", Layers: []layer{{"pulse8", 45, 0}, {"harp", 46, 0}}},
}

// references: a plain instrument over a plain accompaniment, at the work's own key and tempo
var (
	refLeads = []string{"piano", "string ensemble", "flute", "clarinet", "vibraphone", "nylon guitar", "oboe", "trumpet", "alto sax"}
	refAccs  = []int{1, 3, 2, 14, 9, 3, 1, 6, 15}
)

// leadWorks returns the half's lead works: its public-domain tunes, then generated themes.
func leadWorks(h *half) []piece {
	var out []piece
	for _, t := range h.Tunes {
		out = append(out, pieceOf(t.MustParse()))
	}
	for i := 0; len(out) < 18; i++ {
		out = append(out, genLeadWork(h, i))
	}
	return out
}

func genLeadWork(h *half, i int) piece {
	rng := rand.New(rand.NewPCG(h.seed(1, i), 3))
	meter := []int{4, 3, 4, 2, 3, 4, 4}[i%7]
	compound := i%7 == 4
	minor := i%3 == 1
	steps := modes["major"]
	switch {
	case minor && i%2 == 0:
		steps = modes["dorian"]
	case minor:
		steps = modes["minor"]
	}
	sc := Scale{rng.IntN(12), steps}
	bars := []int{8, 8, 12, 16, 8}[i%5]
	if meter == 2 {
		bars = 16
	}
	sty := folkStyle
	if i%4 == 3 {
		sty = lyricalStyle
	}
	chords := genProgression(sc, minor, bars, meter, rng)
	mel := genTheme(sc, chords, meter, compound, bars, sty, rng)
	target := 10 + rng.Float64()*8
	bpm := math.Round(max(60, min(200, float64(bars*meter)*60/target)))
	return piece{ID: fmt.Sprintf("lead%02d", i+1), Title: "generated theme", Meter: meter, Compound: compound, BPM: bpm,
		Scale: sc, Minor: minor, Melody: mel, Chords: chords, Length: float64(bars * meter)}
}

// tempoFor picks a tempo from the table (starting at i) keeping the file 12-32 s long.
func tempoFor(h *half, p *piece, i, intro int) float64 {
	for j := range len(devTempos) {
		t := h.tempo(i + 5*j)
		n := p.passesFor(t, intro)
		d := float64(n)*p.passDur(t) + float64(intro*p.Meter)*60/(p.BPM*t)
		if d >= 12 && d <= 32 {
			return t
		}
	}
	return 1
}

func leadPart(h *half) []Entry {
	var out []Entry
	file, idx := 0, 0
	for w, p := range leadWorks(h) {
		nv := 3
		if w >= 10 {
			nv = 2
		}
		seed := h.seed(2, w)
		title := p.Title
		// the reference
		ref := arr{key: 0, tempo: 1, mel: []voice{{lead(refLeads[w%len(refLeads)]), 0, 98}}, acc: leadAccs[refAccs[w%len(refAccs)]]}
		sc, f, l := p.build(ref, seed)
		out = append(out, worldEntry(h, p.ID+"_a.wav", p.ID, "arrangement", "lead", sc, f, l,
			render{key: 0, refBPM: p.BPM, font: h.font(file), seed: seed}, title+"; reference: "+describeArr(ref)))
		file++
		for v := 1; v <= nv; v++ {
			a := arr{key: h.key(5 * idx), orn: 0, intro: []int{0, 0, 1, 2}[idx%4]}
			a.tempo = tempoFor(h, &p, 7*idx, a.intro)
			a.mel = []voice{{h.leadAt(idx), 0, 98}}
			if idx%5 == 4 {
				a.mel2 = []voice{{h.leadAt(idx + 3), 0, 98}}
			}
			a.acc = leadAccs[(3*idx+w)%len(leadAccs)]
			a.swing = idx%4 == 1 && !p.Compound
			if idx%3 == 0 {
				a.orn = 0.35
			}
			a.drift, a.driftA = h.driftFor(idx)
			deg := h.degradeFor(idx)
			s := seed + uint64(v)
			sc, f, l := p.build(a, s)
			name := fmt.Sprintf("%s_%c.wav", p.ID, 'a'+v)
			out = append(out, worldEntry(h, name, p.ID, "arrangement", "lead", sc, f, l,
				render{key: a.key, refBPM: p.BPM, deg: deg, font: h.font(file), seed: s}, title+"; "+describeArr(a)))
			file++
			idx++
		}
	}
	return out
}
