package main

import (
	"math/rand/v2"
	"strings"
)

// piece is a work's material in its reference key and tempo: a melody over chords, and
// for orchestral cues a countermelody, for band songs a riff figure.
type piece struct {
	ID, Title string
	Meter     int
	Compound  bool
	Pickup    float64
	BPM       float64
	Scale     Scale
	Minor     bool
	Melody    []Note
	Chords    []ChordSpan
	Counter   []Note
	Riff      int
	Length    float64 // beats from the first note to the end of the last bar
}

func pieceOf(p *Parsed) piece {
	return piece{ID: p.ID, Title: p.Title, Meter: p.Meter, Compound: p.Compound, Pickup: p.Pickup, BPM: p.BPM,
		Scale: p.Scale, Minor: p.Mode != "major", Melody: p.Notes, Chords: p.Chords, Length: p.Length}
}

// voice is one instrument playing a line, extra octaves added to its centring.
type voice struct {
	ld  Lead
	oct int
	vel int
}

// arr is one arrangement of a piece.
type arr struct {
	key      int
	tempo    float64
	swing    bool
	orn      float64
	drift    string
	driftA   float64
	intro    int // bars of accompaniment before the melody
	passes   int // times the melody is played (0: twice when once is under 14 s)
	mel      []voice
	mel2     []voice // the melody's instruments in the second pass, if they change
	hand     []voice // the second half of each pass moves to these instruments, if set
	reharm   float64 // probability of a diatonic substitute for each non-dominant chord
	counter  []voice // nil: the countermelody is dropped
	power    bool    // the melody is played as power chords (with its fifth and octave below)
	acc      accomp
	introAcc []layer // the intro's layers (nil: the accompaniment's)
}

// fitLayers replaces figures that need an even metre.
func fitLayers(ls []layer, meter int, compound bool) []layer {
	out := make([]layer, len(ls))
	for i, l := range ls {
		if !fitsWalk(meter, compound) {
			switch l.Kind {
			case "walk":
				l.Kind = "bass"
			case "comp7":
				l.Kind = "block"
			}
		}
		out[i] = l
	}
	return out
}

// passDur is the seconds one pass of the melody lasts at the tempo factor.
func (p *piece) passDur(tempo float64) float64 { return p.Length * 60 / (p.BPM * tempo) }

// passesFor plays the melody twice when once is short.
func (p *piece) passesFor(tempo float64, intro int) int {
	one := p.passDur(tempo)
	introSec := float64(intro*p.Meter) * 60 / (p.BPM * tempo)
	if one < 14 && 2*one+introSec <= 32 {
		return 2
	}
	return 1
}

// build renders an arrangement; it returns the score and the span of the melody in beats.
func (p *piece) build(a arr, seed uint64) (*Score, float64, float64) {
	if p.Compound {
		a.swing = false
	}
	bpm := p.BPM * a.tempo
	b := newBuilder(bpm, p.Meter, seed)
	rng := rand.New(rand.NewPCG(seed, 0x0a7))
	passes := a.passes
	if passes == 0 {
		passes = p.passesFor(a.tempo, a.intro)
	}
	passLen := p.Length - p.Pickup
	introBeats := float64(a.intro * p.Meter)
	off := max(0, introBeats-p.Pickup)
	var intro, chords []ChordSpan
	for i := range a.intro {
		intro = append(intro, ChordSpan{float64(i * p.Meter), float64(p.Meter), p.Chords[0].Chord.Transpose(a.key)})
	}
	first, last := 1e9, -1e9
	for k := range passes {
		o := off + float64(k)*passLen
		notes := p.Melody
		if a.orn > 0 {
			notes = ornament(withVel(notes), p.Scale, a.orn, rng)
		}
		vs := a.mel
		if k == 1 && a.mel2 != nil {
			vs = a.mel2
		}
		groups := [][]Note{notes}
		if a.hand != nil {
			var x, y []Note
			for _, n := range notes {
				if n.Start < p.Length/2-eps {
					x = append(x, n)
				} else {
					y = append(y, n)
				}
			}
			groups = [][]Note{x, y}
		}
		for g, ns := range groups {
			if g == 1 {
				vs = a.hand
			}
			for _, v := range vs {
				name := "melody " + v.ld.Name
				f, l := b.line(name, v.ld, ns, a.key, v.oct, o, v.vel, 30)
				first, last = min(first, f), max(last, l)
				if a.power {
					pt := b.part(name, v.ld.Program, false, v.ld.Volume, 30)
					n := len(pt.Notes)
					for _, x := range pt.Notes[n-len(ns):] {
						pt.Notes = append(pt.Notes, Note{x.Start, x.Dur, x.Pitch - 5, x.Vel - 4}, Note{x.Start, x.Dur, x.Pitch - 12, x.Vel - 6})
					}
				}
			}
		}
		for _, v := range a.counter {
			b.line("counter "+v.ld.Name, v.ld, p.Counter, a.key, v.oct, o, v.vel, 35)
		}
		cs := p.Chords
		if a.reharm > 0 {
			cs = reharmonise(cs, p.Scale, a.reharm, rng)
		}
		chords = append(chords, shift(cs, a.key, o)...)
	}
	sev := a.acc.Sevenths
	if len(intro) > 0 {
		ls := a.introAcc
		if ls == nil {
			ls = a.acc.Layers
		}
		b.accompany(fitLayers(ls, p.Meter, p.Compound), intro, p.Meter, p.Compound, sev)
	}
	b.accompany(fitLayers(a.acc.Layers, p.Meter, p.Compound), chords, p.Meter, p.Compound, sev)
	b.score.End = off + float64(passes-1)*passLen + p.Length
	sc := b.finish(a.swing)
	if a.swing {
		first, last = swingWarp(first), swingWarp(last)
	}
	drift(sc, a.drift, a.driftA)
	return sc, first, last
}

// reharmonise replaces chords, with probability prob each, by a diatonic substitute that
// shares two of their tones (a major triad by its relative minor or its mediant, a minor
// triad by its relative major or the major triad a major third below); dominants stay, so
// the cadences do.
func reharmonise(chords []ChordSpan, sc Scale, prob float64, rng *rand.Rand) []ChordSpan {
	out := make([]ChordSpan, len(chords))
	for i, c := range chords {
		out[i] = c
		iv := c.Chord.Intervals
		dominant := mod12(c.Chord.Root-sc.Tonic) == 7 && iv[1] == 4
		if dominant || len(iv) != 3 || rng.Float64() >= prob {
			continue
		}
		r := c.Chord.Root
		switch {
		case iv[1] == 4 && iv[2] == 7:
			out[i].Chord = Chord{mod12(r + []int{9, 4}[rng.IntN(2)]), qualities["m"]}
		case iv[1] == 3 && iv[2] == 7:
			out[i].Chord = Chord{mod12(r + []int{3, 8}[rng.IntN(2)]), qualities[""]}
		}
	}
	return out
}

func withVel(notes []Note) []Note {
	out := make([]Note, len(notes))
	for i, n := range notes {
		n.Vel = 98
		out[i] = n
	}
	return out
}

// describeArr writes the notes column of an arrangement.
func describeArr(a arr, extra ...string) string {
	var ps []string
	var names []string
	for _, v := range a.mel {
		names = append(names, v.ld.Name)
	}
	m := "melody on " + strings.Join(names, " + ")
	if a.power {
		m += " (power chords)"
	}
	if a.hand != nil {
		m += ", handed to " + a.hand[0].ld.Name + " half way"
	}
	ps = append(ps, m)
	if a.mel2 != nil {
		names = names[:0]
		for _, v := range a.mel2 {
			names = append(names, v.ld.Name)
		}
		ps = append(ps, "second time on "+strings.Join(names, " + "))
	}
	if len(a.counter) > 0 {
		ps = append(ps, "countermelody on "+a.counter[0].ld.Name)
	}
	if a.acc.Name != "" {
		ps = append(ps, a.acc.Name)
	}
	if a.intro > 0 {
		ps = append(ps, map[int]string{1: "1-bar intro", 2: "2-bar intro"}[a.intro])
	}
	if a.swing {
		ps = append(ps, "swing")
	}
	if a.orn > 0 {
		ps = append(ps, "ornaments")
	}
	if a.reharm > 0 {
		ps = append(ps, "reharmonised")
	}
	return strings.Join(append(ps, extra...), ", ")
}
