package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// devRate is the dev set's sample rate: low, so ~20 minutes of audio fit in 15 MB, and
// still above the 4 kHz needed for pitch classes of melodies (fundamentals below ~1.3 kHz
// and their first harmonics).
const devRate = 8000

// Entry is one dev-set file and its manifest row.
type Entry struct {
	File, Work, Role string
	Key              int
	Tempo            float64
	Start, End       float64 // seconds where the work's melody sounds
	RefStart, RefEnd float64 // examples only: where the same bars sound in the trailer
	Notes            string
	Material, Split  string // world set only: lead, orchestral, band or motif; tune or heldout
	Negative         bool   // world set only: a host hiding nothing (start = end = 0)
	Job              Job
}

// The variation tables are walked with different strides so that every work gets
// different keys, tempos, instruments and accompaniments, and every value is used.
var (
	devKeys   = []int{-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6}
	devTempos = []float64{0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4}
	devLeads  = []string{"flute", "violin", "trumpet", "altosax", "clarinet", "oohs", "guitar", "vibes", "organ", "strings", "oboe", "epiano", "accordion", "brass"}
	// accompaniments for the variants (the reference has its own)
	devAccs = []struct {
		name string
		st   Style
	}{
		{"solo", Style{}},
		{"piano block chords", Style{Chords: "block", ChordProg: 0}},
		{"guitar chords, bass", Style{Chords: "block", ChordProg: 25, Bass: "root", BassProg: 33}},
		{"string pad, bass", Style{Chords: "pad", ChordProg: 48, Bass: "root", BassProg: 32}},
		{"harp arpeggios, bass, drums", Style{Chords: "arp", ChordProg: 46, Bass: "root", BassProg: 33, Drums: "beat"}},
		{"e-piano comping (7ths), walking bass, jazz drums", Style{Chords: "comp7", ChordProg: 4, Bass: "walk", BassProg: 32, Drums: "jazz", Sevenths: true}},
		{"organ pad, bass, drums", Style{Chords: "pad", ChordProg: 16, Bass: "root", BassProg: 34, Drums: "beat"}},
		{"bass, drums", Style{Bass: "root", BassProg: 33, Drums: "beat"}},
	}
)

const tail = 0.3 // seconds of release kept after the music

func describe(st Style, acc string, snr float64) string {
	parts := []string{leads[st.Lead].Name}
	if acc != "" {
		parts = append(parts, acc)
	}
	if st.Swing {
		parts = append(parts, "swing")
	}
	if st.Ornaments > 0 {
		parts = append(parts, "ornaments")
	}
	if snr > 0 {
		parts = append(parts, fmt.Sprintf("%gdB noise", snr))
	}
	return strings.Join(parts, ", ")
}

func fitsWalk(meter int, compound bool) bool { return meter%2 == 0 && !compound }

// arrangement builds one whole-melody arrangement of a work.
func arrangement(p *Parsed, file string, key int, tempo float64, st Style, acc string, snr float64, seed uint64) Entry {
	if st.Bass == "walk" && !fitsWalk(p.Meter, p.Compound) {
		st.Bass = "root"
	}
	if p.Compound {
		st.Swing = false
	}
	b := newBuilder(p.BPM*tempo, p.Meter, seed)
	first, last := b.add(Section{Notes: p.Notes, Chords: p.Chords, Length: p.Length, Key: key, Meter: p.Meter,
		Compound: p.Compound, Scale: p.Scale, Style: st})
	sc := b.finish(st.Swing)
	if st.Swing {
		first, last = swingWarp(first), swingWarp(last)
	}
	length := sc.Seconds(sc.End) + tail
	return Entry{File: file, Work: p.ID, Role: "arrangement", Key: key, Tempo: tempo,
		Start: sc.Seconds(first), End: sc.Seconds(last), Notes: describe(st, acc, snr),
		Job: Job{Score: sc, Rate: devRate, Length: length, SNR: snr, Seed: seed}}
}

// devPlan lists every file of the dev set.
func devPlan() []Entry {
	var out []Entry
	for i, w := range works {
		p := w.MustParse()
		seed := uint64(1000 + i*10)
		// a: the reference, piano with soft piano chords, reference key and tempo
		ref := Style{Lead: "piano", Chords: "block", ChordProg: 0}
		out = append(out, arrangement(p, w.ID+"_a.wav", 0, 1, ref, "piano chords (reference)", 0, seed))
		for v, name := range []string{"b", "c"} {
			key := devKeys[(3*i+6*v)%len(devKeys)]
			tempo := devTempos[(5*i+7*v)%len(devTempos)]
			if p.Length*60/(p.BPM*tempo) > 15.5 { // keep files short (the set must stay under 15 MB)
				tempo = devTempos[(5*i+7*v+6)%len(devTempos)]
			}
			acc := devAccs[(i+3*v)%len(devAccs)]
			st := acc.st
			st.Lead = devLeads[(2*i+v)%len(devLeads)]
			st.Swing = (v == 0 && i%2 == 0) || (v == 1 && i%3 == 0)
			if (v == 1 && i%2 == 1) || (v == 0 && i%4 == 0) {
				st.Ornaments = 0.45
			}
			if st.Drums == "jazz" && st.Swing {
				st.Drums = "brush"
			}
			snr := 0.0
			switch {
			case v == 0 && i%3 == 1:
				snr = 20
			case v == 1 && i%4 == 2:
				snr = 10
			case v == 1 && i%5 == 0:
				snr = 20
			}
			out = append(out, arrangement(p, w.ID+"_"+name+".wav", key, tempo, st, acc.name, snr, seed+uint64(v)+1))
		}
	}
	out = append(out, hosts()...)
	out = append(out, distractors()...)
	return out
}

// hosts hides 4-8 bars of a work inside ~25 s of other music: generated melodies or
// chord-only passages before and after, in the same key, tempo and band.
func hosts() []Entry {
	picks := []int{0, 1, 3, 5, 7, 9, 11, 13, 16, 19}
	spans := [][2]int{{0, 4}, {0, 8}, {4, 8}, {2, 6}, {0, 6}}
	var out []Entry
	for h, wi := range picks {
		p := works[wi].MustParse()
		seed := uint64(5000 + 10*h)
		rng := rand.New(rand.NewPCG(seed, 7))
		a, e := spans[h%len(spans)][0], min(spans[h%len(spans)][1], p.Bars)
		if e-a < 4 {
			a = max(0, e-4)
		}
		key := devKeys[(7*h+2)%len(devKeys)]
		tempo := devTempos[(3*h+4)%len(devTempos)]
		bpm := p.BPM * tempo
		acc := devAccs[2+h%(len(devAccs)-2)]
		st := acc.st
		st.Lead = devLeads[(3*h+1)%len(devLeads)]
		st.Swing = h%3 == 1 && !p.Compound
		if h%2 == 0 {
			st.Ornaments = 0.3
		}
		if st.Bass == "walk" && !fitsWalk(p.Meter, p.Compound) {
			st.Bass = "root"
		}
		if st.Drums == "jazz" && st.Swing {
			st.Drums = "brush"
		}
		if st.Chords == "" { // the filler needs harmony
			st.Chords, st.ChordProg = "pad", 49
		}
		snr := 0.0
		switch h {
		case 3:
			snr = 20
		case 7:
			snr = 10
		}
		notes, chords, plen := p.Excerpt(a, e)
		pick := p.Pickup
		if a > 0 {
			pick = 0
		}
		fillBars := barsFor(7, bpm, p.Meter, 2)
		b := newBuilder(bpm, p.Meter, seed)
		introMel := h%2 == 1
		// intro
		ich := genChords(p.Scale, p.Mode, fillBars, p.Meter, rng)
		var imel []Note
		if introMel {
			imel = genMelody(p.Scale, ich, p.Meter, p.Compound, rng)
			// the phrase's pickup overlaps the intro's last bar: leave room for it
			imel = cutBefore(imel, float64(fillBars*p.Meter)-pick)
		}
		fst := st
		fst.Ornaments = 0
		if h%4 == 1 {
			fst.Lead = devLeads[(3*h+5)%len(devLeads)]
		}
		ilen := float64(fillBars * p.Meter)
		b.add(Section{Notes: imel, Chords: ich, Length: ilen, Key: key, Meter: p.Meter, Compound: p.Compound, Scale: p.Scale, Style: fst})
		// the phrase: its first full bar starts right after the intro
		off := ilen - pick
		first, last := b.add(Section{Offset: off, Notes: notes, Chords: chords, Length: plen, Key: key, Meter: p.Meter,
			Compound: p.Compound, Scale: p.Scale, Style: st})
		// outro
		och := genChords(p.Scale, p.Mode, fillBars, p.Meter, rng)
		var omel []Note
		if !introMel {
			omel = genMelody(p.Scale, och, p.Meter, p.Compound, rng)
		}
		b.add(Section{Offset: off + plen, Notes: omel, Chords: och, Length: float64(fillBars * p.Meter), Key: key, Meter: p.Meter,
			Compound: p.Compound, Scale: p.Scale, Style: fst})
		score := b.finish(st.Swing)
		if st.Swing {
			first, last = swingWarp(first), swingWarp(last)
		}
		// where the same notes sound in the reference arrangement WORK_a.wav
		lo := p.Pickup + float64(a*p.Meter)
		if a == 0 {
			lo = 0
		}
		ln := notes[len(notes)-1]
		refStart, refEnd := (lo+notes[0].Start)*60/p.BPM, (lo+ln.Start+ln.Dur)*60/p.BPM
		what := fmt.Sprintf("bars %d-%d of %s (%s_a.wav %.2f-%.2f s) after a %s intro, before a %s outro", a+1, e, p.ID, p.ID, refStart, refEnd,
			map[bool]string{true: "melodic", false: "chords-only"}[introMel], map[bool]string{false: "melodic", true: "chords-only"}[introMel])
		out = append(out, Entry{File: fmt.Sprintf("host%02d_%s.wav", h+1, p.ID), Work: p.ID, Role: "host", Key: key, Tempo: tempo,
			Start: score.Seconds(first), End: score.Seconds(last), Notes: describe(st, acc.name, snr) + "; " + what,
			Job: Job{Score: score, Rate: devRate, Length: score.Seconds(score.End) + tail, SNR: snr, Seed: seed}})
	}
	return out
}

// cutBefore drops notes starting at or after t and shortens those running past it.
func cutBefore(notes []Note, t float64) []Note {
	var out []Note
	for _, n := range notes {
		if n.Start >= t-eps {
			break
		}
		n.Dur = min(n.Dur, t-n.Start)
		out = append(out, n)
	}
	return out
}

// distractors are tunes that are none of the works: two public-domain ones and eight
// generated melodies, each with accompaniment.
func distractors() []Entry {
	var out []Entry
	for d := range 10 {
		seed := uint64(9000 + 10*d)
		rng := rand.New(rand.NewPCG(seed, 11))
		var p *Parsed
		if d < len(distractorTunes) {
			p = distractorTunes[d].MustParse()
		} else {
			meter := []int{4, 3, 2, 3}[d%4]
			compound := d%4 == 3
			mode := []string{"major", "minor"}[d%2]
			tonic := rng.IntN(12)
			sc := Scale{tonic, modes[mode]}
			bars := []int{6, 8, 8, 6}[d%4]
			ch := genChords(sc, mode, bars, meter, rng)
			t := &Tune{ID: fmt.Sprintf("gen%d", d), Meter: meter, Compound: compound, Mode: mode,
				BPM: float64(bars*meter) * 60 / (6.5 + rng.Float64()*2)}
			p = &Parsed{Tune: t, Chords: ch, Scale: sc, Bars: bars, Length: float64(bars * meter)}
			p.Notes = genMelody(sc, ch, meter, compound, rng)
		}
		acc := devAccs[1+d%(len(devAccs)-1)]
		st := acc.st
		st.Lead = devLeads[(5*d+3)%len(devLeads)]
		st.Swing = d%3 == 2 && !p.Compound
		if st.Drums == "jazz" && st.Swing {
			st.Drums = "brush"
		}
		snr := 0.0
		if d%4 == 1 {
			snr = 20
		}
		tempo := 1.0
		if d < len(distractorTunes) {
			tempo = 1.25
		}
		e := arrangement(p, fmt.Sprintf("x%02d.wav", d+1), 0, tempo, st, acc.name, snr, seed)
		e.Work, e.Role, e.Tempo = fmt.Sprintf("x%02d", d+1), "distractor", 1
		if d < len(distractorTunes) {
			e.Notes = distractorTunes[d].Title + "; " + e.Notes
		} else {
			e.Notes = "generated melody; " + e.Notes
		}
		out = append(out, e)
	}
	return out
}
