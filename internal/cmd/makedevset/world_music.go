package main

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Generated tonal music for the world set: chord progressions in four-bar phrases, themes
// with phrase structure (a motif, its sequence, a contrasting bar pair, a cadence),
// countermelodies, voice-led inner parts, riffs and short motifs. Everything is drawn from
// a seeded generator, so a work is the same every run.

// phrase is four bars of harmony, one chord a bar, as scale degrees of the key.
type phrase []degree

var (
	// half: the phrase ends on the dominant; full: it ends at home.
	majorHalf = []phrase{
		{{0, ""}, {9, "m"}, {5, ""}, {7, ""}}, {{0, ""}, {5, ""}, {2, "m"}, {7, ""}},
		{{0, ""}, {7, ""}, {9, "m"}, {7, ""}}, {{0, ""}, {4, "m"}, {5, ""}, {7, ""}},
		{{0, ""}, {2, "m"}, {5, ""}, {7, "7"}}, {{5, ""}, {0, ""}, {2, "m"}, {7, ""}},
	}
	majorFull = []phrase{
		{{5, ""}, {7, ""}, {0, ""}, {0, ""}}, {{9, "m"}, {5, ""}, {7, "7"}, {0, ""}},
		{{2, "m"}, {7, "7"}, {0, ""}, {0, ""}}, {{5, ""}, {0, ""}, {7, "7"}, {0, ""}},
		{{4, "m"}, {9, "m"}, {7, "7"}, {0, ""}}, {{0, ""}, {5, ""}, {7, "7"}, {0, ""}},
	}
	minorHalf = []phrase{
		{{0, "m"}, {8, ""}, {5, "m"}, {7, ""}}, {{0, "m"}, {10, ""}, {8, ""}, {7, ""}},
		{{0, "m"}, {5, "m"}, {0, "m"}, {7, ""}}, {{0, "m"}, {3, ""}, {5, "m"}, {7, "7"}},
		{{0, "m"}, {8, ""}, {3, ""}, {7, ""}},
	}
	minorFull = []phrase{
		{{8, ""}, {5, "m"}, {7, "7"}, {0, "m"}}, {{5, "m"}, {7, ""}, {0, "m"}, {0, "m"}},
		{{8, ""}, {10, ""}, {7, ""}, {0, "m"}}, {{3, ""}, {8, ""}, {7, "7"}, {0, "m"}},
		{{5, "m"}, {8, ""}, {7, "7"}, {0, "m"}},
	}
	// band loops: four bars repeated, the last bar of the song forced home
	bandMinor = []phrase{
		{{0, "m"}, {8, ""}, {10, ""}, {0, "m"}}, {{0, "m"}, {10, ""}, {8, ""}, {10, ""}},
		{{0, "m"}, {5, "m"}, {8, ""}, {7, ""}}, {{0, "m"}, {3, ""}, {10, ""}, {5, "m"}},
		{{0, "m"}, {8, ""}, {3, ""}, {10, ""}}, {{0, "m"}, {0, "m"}, {8, ""}, {10, ""}},
	}
	bandMajor = []phrase{
		{{0, ""}, {7, ""}, {9, "m"}, {5, ""}}, {{0, ""}, {5, ""}, {9, "m"}, {7, ""}},
		{{0, ""}, {10, ""}, {5, ""}, {0, ""}}, {{9, "m"}, {5, ""}, {0, ""}, {7, ""}},
	}
)

func chordOf(sc Scale, d degree) Chord { return Chord{mod12(sc.Tonic + d.iv), qualities[d.quality]} }

// genProgression returns bars (a multiple of 4) chords, one a bar, in four-bar phrases that
// alternate a half cadence and a full one and end at home.
func genProgression(sc Scale, minor bool, bars, meter int, rng *rand.Rand) []ChordSpan {
	half, full := majorHalf, majorFull
	if minor {
		half, full = minorHalf, minorFull
	}
	var out []ChordSpan
	n := bars / 4
	for ph := range n {
		tab, isFull := half, ph%2 == 1 || ph == n-1
		if isFull {
			tab = full
		}
		p := tab[rng.IntN(len(tab))]
		for i, d := range p {
			t := float64((ph*4 + i) * meter)
			if meter == 4 && isFull && i == 2 && rng.IntN(4) == 0 {
				// a pre-dominant on the first half of the cadence bar
				pre := degree{5, ""}
				if minor {
					pre = degree{5, "m"}
				}
				out = append(out, ChordSpan{t, 2, chordOf(sc, pre)}, ChordSpan{t + 2, 2, chordOf(sc, d)})
				continue
			}
			out = append(out, ChordSpan{t, float64(meter), chordOf(sc, d)})
		}
	}
	return out
}

// genLoop returns bars chords repeating one four-bar band loop; the last bar goes home.
func genLoop(sc Scale, minor bool, bars, meter int, rng *rand.Rand) []ChordSpan {
	tab := bandMajor
	if minor {
		tab = bandMinor
	}
	p := tab[rng.IntN(len(tab))]
	out := make([]ChordSpan, bars)
	for i := range out {
		d := p[i%4]
		if i == bars-1 {
			d = p[0]
		}
		out[i] = ChordSpan{float64(i * meter), float64(meter), chordOf(sc, d)}
	}
	return out
}

// themeStyle shapes a generated melody: bar-long rhythm cells by metre (negative values are
// rests), cells for the last bar of a phrase, the range and how often the line leaps.
type themeStyle struct {
	cells, ends map[int][][]float64 // by meter; 6 is compound (3 dotted-quarter... written as 3 beats)
	lo, hi      int
	leap        float64
	repeat      float64
}

var (
	lyricalStyle = &themeStyle{
		cells: map[int][][]float64{
			4: {{2, 1, 1}, {1.5, .5, 2}, {1, 1, 2}, {3, 1}, {1, .5, .5, 2}, {2, 2}, {1.5, .5, 1, 1}, {.5, .5, 1, 2}},
			3: {{2, 1}, {1.5, .5, 1}, {1, 1, 1}, {1, 2}},
			2: {{1, 1}, {1.5, .5}, {.5, .5, 1}},
			6: {{1.5, 1.5}, {1, .5, 1.5}, {1.5, 1, .5}, {.5, .5, .5, 1.5}},
		},
		ends: map[int][][]float64{4: {{4}, {1, 3}, {2, 2}}, 3: {{3}, {1, 2}}, 2: {{2}}, 6: {{3}, {1.5, 1.5}}},
		lo:   60, hi: 81, leap: 0.25, repeat: 0.08,
	}
	folkStyle = &themeStyle{
		cells: map[int][][]float64{
			4: {{1, 1, 1, 1}, {2, 1, 1}, {1, 1, 2}, {1.5, .5, 1, 1}, {.5, .5, 1, 2}, {1, .5, .5, 1, 1}, {1, 1, .5, .5, 1}},
			3: {{1, 1, 1}, {2, 1}, {1.5, .5, 1}, {1, .5, .5, 1}},
			2: {{1, 1}, {.5, .5, 1}, {1.5, .5}, {.5, .5, .5, .5}},
			6: {{1, .5, 1, .5}, {1.5, 1, .5}, {.5, .5, .5, 1.5}, {1.5, .5, .5, .5}},
		},
		ends: map[int][][]float64{4: {{2, 2}, {1, 1, 2}, {4}, {3, -1}}, 3: {{2, 1}, {3}}, 2: {{2}, {1, 1}}, 6: {{1.5, 1.5}, {3}}},
		lo:   60, hi: 79, leap: 0.18, repeat: 0.15,
	}
	rockStyle = &themeStyle{
		cells: map[int][][]float64{
			4: {{.5, .5, .5, .5, 1, 1}, {1, .5, 1, .5, 1}, {-.5, .5, .5, .5, 1, 1}, {.5, 1, .5, 1, 1}, {1.5, 1.5, 1}, {.5, .5, 1, -.5, .5, 1}},
		},
		ends: map[int][][]float64{4: {{1, 1, 2}, {.5, .5, 3}, {1.5, 2.5}, {2, 1, -1}}},
		lo:   60, hi: 76, leap: 0.2, repeat: 0.3,
	}
)

// unitPlan gives the two-bar units of a theme: a fresh unit ("a"), its sequence ("a+"),
// its head with a new second bar ("a~"), and the last unit, which cadences home.
func unitPlan(bars int) []string {
	switch bars {
	case 4:
		return []string{"a", "b"}
	case 8:
		return []string{"a", "a+", "b", "a~"}
	case 12:
		return []string{"a", "a+", "b", "b+", "a", "c"}
	default:
		return []string{"a", "a+", "b", "a~", "a", "a+", "c", "b~"}
	}
}

// genTheme writes a melody of bars bars over the chords (one or more a bar, from beat 0).
func genTheme(sc Scale, chords []ChordSpan, meter int, compound bool, bars int, sty *themeStyle, rng *rand.Rand) []Note {
	mk := meter
	if compound {
		mk = 6
	}
	cells, ends := sty.cells[mk], sty.ends[mk]
	if cells == nil { // a style without this metre: fall back to the folk cells
		cells, ends = folkStyle.cells[mk], folkStyle.ends[mk]
	}
	bl := float64(meter)
	chordAt := func(t float64) Chord {
		for _, c := range chords {
			if t >= c.Start-eps && t < c.Start+c.Dur-eps {
				return c.Chord
			}
		}
		return chords[len(chords)-1].Chord
	}
	pitch := 67 + mod12(sc.Tonic-67+6) - 6 // tonic nearest G4
	if rng.IntN(2) == 0 {
		pitch = sc.Step(pitch, 2) // start on the third
	}
	dir := 1
	// bar generates one bar at beat t0 with the given cell
	bar := func(t0 float64, cell []float64) []Note {
		var out []Note
		t := t0
		first := true
		for _, d := range cell {
			if d < 0 {
				t -= d
				continue
			}
			ch := chordAt(t)
			switch {
			case first:
				best, bd := pitch, 99
				for _, x := range ch.Tones(sty.lo) {
					for _, y := range []int{x, x + 12} {
						if dd := abs(y-pitch) + rng.IntN(3); dd < bd && y <= sty.hi {
							best, bd = y, dd
						}
					}
				}
				pitch = best
			case rng.Float64() < sty.leap:
				ts := ch.Tones(pitch - 7)
				cand := []int{}
				for _, x := range append(ts, ts[0]+12) {
					if x != pitch && abs(x-pitch) <= 9 {
						cand = append(cand, x)
					}
				}
				if len(cand) > 0 {
					np := cand[rng.IntN(len(cand))]
					dir = sign(np - pitch)
					pitch = np
				}
			case rng.Float64() < sty.repeat:
			default:
				if rng.Float64() < 0.35 {
					dir = -dir
				}
				pitch = sc.Step(pitch, dir)
			}
			if pitch < sty.lo {
				pitch, dir = sc.Step(pitch, 2), 1
			}
			if pitch > sty.hi {
				pitch, dir = sc.Step(pitch, -2), -1
			}
			first = false
			out = append(out, Note{Start: t, Dur: d, Pitch: pitch})
			t += d
		}
		return out
	}
	// fit moves the first note of each bar to a tone of its chord (after a copy or sequence)
	fit := func(notes []Note) {
		for i := range notes {
			if i > 0 && math.Floor(notes[i].Start/bl+eps) == math.Floor(notes[i-1].Start/bl+eps) {
				continue
			}
			ch := chordAt(notes[i].Start)
			best, bd := notes[i].Pitch, 99
			for _, x := range ch.Tones(notes[i].Pitch - 6) {
				if d := abs(x - notes[i].Pitch); d < bd {
					best, bd = x, d
				}
			}
			notes[i].Pitch = best
		}
	}
	// cadence ends the unit on a long tone: the tonic (home) or a tone of the dominant
	cadence := func(notes []Note, home bool) {
		if len(notes) == 0 {
			return
		}
		last := &notes[len(notes)-1]
		if home {
			last.Pitch -= mod12(last.Pitch - sc.Tonic)
			if last.Pitch < sty.lo {
				last.Pitch += 12
			}
		} else {
			ch := chordAt(last.Start)
			best, bd := last.Pitch, 99
			for _, x := range ch.Tones(last.Pitch - 6) {
				if d := abs(x - last.Pitch); d < bd {
					best, bd = x, d
				}
			}
			last.Pitch = best
		}
		pitch = last.Pitch
	}
	plan := unitPlan(bars)
	made := map[string][]Note{} // unit label -> notes relative to the unit start
	var out []Note
	for u, label := range plan {
		t0 := float64(2*u) * bl
		endUnit := u%2 == 1 || u == len(plan)-1
		home := u == len(plan)-1 || (u%4 == 3)
		endCell := func() []float64 {
			if endUnit {
				return ends[rng.IntN(len(ends))]
			}
			return cells[rng.IntN(len(cells))]
		}
		var notes []Note
		base := label[:1]
		src, seen := made[base]
		switch {
		case seen && len(label) == 2 && label[1] == '+': // sequence: a step up or down
			step := []int{1, -1, 2, 1}[rng.IntN(4)]
			for _, n := range src {
				n.Start += t0
				n.Pitch = sc.Step(n.Pitch, step)
				notes = append(notes, n)
			}
			fit(notes)
		case seen && len(label) == 2 && label[1] == '~': // head kept, new answer
			for _, n := range src {
				if n.Start < bl-eps {
					n.Start += t0
					notes = append(notes, n)
				}
			}
			fit(notes)
			if len(notes) > 0 {
				pitch = notes[len(notes)-1].Pitch
			}
			notes = append(notes, bar(t0+bl, endCell())...)
		case seen: // literal return
			for _, n := range src {
				n.Start += t0
				notes = append(notes, n)
			}
			fit(notes)
		default:
			notes = append(bar(t0, cells[rng.IntN(len(cells))]), bar(t0+bl, endCell())...)
		}
		if endUnit {
			cadence(notes, home)
		}
		if len(notes) > 0 {
			pitch = notes[len(notes)-1].Pitch
		}
		if !seen {
			rel := make([]Note, len(notes))
			for i, n := range notes {
				n.Start -= t0
				rel[i] = n
			}
			made[base] = rel
		}
		out = append(out, notes...)
	}
	return out
}

// slotsOf splits a bar into the countermelody's rhythmic slots.
func slotsOf(meter int, compound bool) []float64 {
	switch {
	case compound:
		return []float64{1.5, 1.5}
	case meter == 4:
		return []float64{2, 2}
	case meter == 3:
		return []float64{2, 1}
	default:
		return []float64{1, 1}
	}
}

// genCounter writes a countermelody in the tenor range: it moves where the melody holds and
// holds where the melody moves, on chord tones and passing steps, mostly against the
// melody's direction.
func genCounter(sc Scale, chords []ChordSpan, melody []Note, meter int, compound bool, rng *rand.Rand) []Note {
	lo, hi := 50, 67
	pitch := 55 + mod12(sc.Tonic+7-55) // the dominant above G3
	var out []Note
	onsets := func(a, b float64) (n int, dir int) {
		var first, last = -1, -1
		for _, m := range melody {
			if m.Start >= a-eps && m.Start < b-eps {
				n++
				if first < 0 {
					first = m.Pitch
				}
				last = m.Pitch
			}
		}
		return n, sign(last - first)
	}
	for _, cs := range chords {
		t := cs.Start
		slots := slotsOf(meter, compound)
		if cs.Dur < float64(meter)-eps {
			slots = []float64{cs.Dur}
		}
		for _, sl := range slots {
			if t >= cs.Start+cs.Dur-eps {
				break
			}
			n, mdir := onsets(t, t+sl)
			if rng.Float64() < 0.08 {
				t += sl
				continue // a breath
			}
			tones := cs.Chord.Tones(lo)
			best, bd := pitch, 99
			for _, x := range append(tones, tones[0]+12, tones[1]+12) {
				d := abs(x-pitch) + rng.IntN(2)
				if mdir != 0 && sign(x-pitch) == mdir {
					d += 2 // prefer contrary motion
				}
				if d < bd && x <= hi {
					best, bd = x, d
				}
			}
			pitch = best
			if n <= 1 && sl >= 1-eps {
				h := sl / 2
				if compound {
					h = 1
				}
				out = append(out, Note{Start: t, Dur: h, Pitch: pitch})
				step := -mdir
				if step == 0 {
					step = []int{1, -1}[rng.IntN(2)]
				}
				pitch = sc.Step(pitch, step)
				if pitch < lo || pitch > hi {
					pitch = sc.Step(pitch, -2*step)
				}
				out = append(out, Note{Start: t + h, Dur: sl - h, Pitch: pitch})
			} else {
				out = append(out, Note{Start: t, Dur: sl, Pitch: pitch})
			}
			t += sl
		}
	}
	return out
}

// voicings returns a voice-led three-part voicing (pitches lo..lo+17) for each chord.
func voicings(chords []ChordSpan, lo int) [][]int {
	var prev []int
	out := make([][]int, len(chords))
	for i, cs := range chords {
		tones := cs.Chord.Tones(lo)
		if prev == nil {
			v := slices.Clone(tones[:3])
			slices.Sort(v)
			prev, out[i] = v, v
			continue
		}
		var cand []int
		for _, x := range tones {
			cand = append(cand, x, x+12)
		}
		v := make([]int, 3)
		used := map[int]bool{}
		for k, p := range prev {
			best, bd := p, 99
			for _, x := range cand {
				if d := abs(x - p); d < bd && !used[mod12(x)] && x <= lo+17 {
					best, bd = x, d
				}
			}
			used[mod12(best)] = true
			v[k] = best
		}
		slices.Sort(v)
		prev, out[i] = v, v
	}
	return out
}

// genMotif writes a short motif of about beats beats (a multiple of 0.5): a leap from a
// tonic or dominant start, steps, a dotted figure, a long last note on a chord tone; and
// its harmony, one chord a bar (two in a four-beat bar when the motif is under two bars).
func genMotif(sc Scale, minor bool, meter int, beats float64, rng *rand.Rand) ([]Note, []ChordSpan) {
	var durs []float64
	left := beats
	lastDur := 1.0 + float64(rng.IntN(3))*0.5
	if beats < 3 {
		lastDur = 1
	}
	left -= lastDur
	for left > eps {
		opts := []float64{.5, 1, 1, 1.5, .5}
		if rng.IntN(5) == 0 && left >= 1 {
			durs = append(durs, .75, .25) // dotted figure
			left--
			continue
		}
		d := opts[rng.IntN(len(opts))]
		if d > left+eps {
			d = left
		}
		durs = append(durs, d)
		left -= d
	}
	durs = append(durs, lastDur)
	start := 62 + mod12(sc.Tonic-62)
	if rng.IntN(2) == 0 {
		start = sc.Step(start, 4) // the dominant
	}
	pitch := start
	var notes []Note
	t := 0.0
	dir := []int{1, -1}[rng.IntN(2)]
	for i, d := range durs {
		switch {
		case i == 0:
		case i == 1:
			pitch = sc.Step(pitch, dir*(2+rng.IntN(3))) // the characteristic leap
			dir = -dir
		case rng.Float64() < 0.2:
			pitch = sc.Step(pitch, dir*2)
		case rng.Float64() < 0.3:
			dir = -dir
			pitch = sc.Step(pitch, dir)
		default:
			pitch = sc.Step(pitch, dir)
		}
		if pitch < 58 {
			pitch, dir = sc.Step(pitch, 3), 1
		}
		if pitch > 81 {
			pitch, dir = sc.Step(pitch, -3), -1
		}
		notes = append(notes, Note{Start: t, Dur: d, Pitch: pitch})
		t += d
	}
	// harmony
	bars := int(math.Ceil(beats/float64(meter) - eps))
	var degs []degree
	switch {
	case minor:
		degs = [][]degree{{{0, "m"}, {8, ""}, {5, "m"}, {7, ""}}, {{0, "m"}, {10, ""}, {8, ""}, {7, "7"}}, {{0, "m"}, {5, "m"}, {7, ""}, {0, "m"}}}[rng.IntN(3)]
	default:
		degs = [][]degree{{{0, ""}, {5, ""}, {7, ""}, {0, ""}}, {{0, ""}, {9, "m"}, {2, "m"}, {7, ""}}, {{0, ""}, {4, "m"}, {5, ""}, {7, "7"}}}[rng.IntN(3)]
	}
	var chords []ChordSpan
	if bars == 1 && meter == 4 {
		chords = []ChordSpan{{0, 2, chordOf(sc, degs[0])}, {2, 2, chordOf(sc, degs[3])}}
	} else {
		for i := range bars {
			chords = append(chords, ChordSpan{float64(i * meter), float64(meter), chordOf(sc, degs[i%len(degs)])})
		}
	}
	// the last note on a tone of its chord
	ln := &notes[len(notes)-1]
	for _, c := range chords {
		if ln.Start >= c.Start-eps && ln.Start < c.Start+c.Dur-eps {
			best, bd := ln.Pitch, 99
			for _, x := range c.Chord.Tones(ln.Pitch - 6) {
				if d := abs(x - ln.Pitch); d < bd {
					best, bd = x, d
				}
			}
			ln.Pitch = best
		}
	}
	return notes, chords
}

// repitch keeps a motif's rhythm and draws new pitches: the decoy of a negative host.
func repitch(notes []Note, sc Scale, rng *rand.Rand) []Note {
	out := slices.Clone(notes)
	pitch := 64 + mod12(sc.Tonic+4-64)
	for i := range out {
		if i > 0 {
			pitch = sc.Step(pitch, []int{-2, -1, 1, 1, 2, 3}[rng.IntN(6)])
		}
		if pitch > 79 {
			pitch = sc.Step(pitch, -5)
		}
		if pitch < 58 {
			pitch = sc.Step(pitch, 5)
		}
		out[i].Pitch = pitch
	}
	return out
}

// riffFigures are one-bar rhythm-guitar figures in eighths: semitones above the chord's
// root (-1 a rest); the power chord sits on every note.
var riffFigures = [][]int{
	{0, 0, 12, 0, 0, 0, 10, 12},
	{0, -1, 0, 0, 3, 0, 5, 3},
	{0, 0, 0, 7, 0, 0, 5, 7},
	{0, 12, 0, 10, 0, 7, 0, 5},
	{0, 0, -1, 0, 0, -1, 3, 5},
	{0, 0, 0, 0, 10, 10, 7, 7},
}

// stretch moves a melody onto another time base: times multiplied by f.
func stretch(notes []Note, f float64) []Note {
	out := make([]Note, len(notes))
	for i, n := range notes {
		n.Start *= f
		n.Dur *= f
		out[i] = n
	}
	return out
}

// melodySpan returns the first onset and the last offset of the notes.
func melodySpan(notes []Note) (first, last float64) {
	first, last = math.Inf(1), math.Inf(-1)
	for _, n := range notes {
		first = min(first, n.Start)
		last = max(last, n.Start+n.Dur)
	}
	return first, last
}
