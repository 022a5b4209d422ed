package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// exRate is the examples' sample rate: a little better than the dev set's, still small.
const exRate = 11025

// sarah is the original theme of the worked example ("the trailer theme is Sarah's song"):
// 16 bars in D minor, a a' b a” with a rising answer in the last phrase.
var sarah = &Tune{ID: "sarah", Title: "Sarah's song (original theme)", Meter: 4, BPM: 128, Tonic: "D", Mode: "minor",
	Melody: "D4:1 F4 A4:1.5 G4:.5 | F4:1 E4 D4:2 | C4:1 E4 G4:1.5 F4:.5 | E4:2 A3:2 | " +
		"D4:1 F4 A4:1.5 G4:.5 | A4:1 Bb4 C5:2 | Bb4:1 A4 G4 E4 | D4:4 | " +
		"F4:1 A4 C5:1.5 Bb4:.5 | A4:1 G4 F4:2 | G4:1 Bb4 D5:1.5 C5:.5 | Bb4:1 A4 G4:2 | " +
		"A4:1 D5 D5 C5 | Bb4:1.5 A4:.5 G4:1 F4 | E4 G4 A4 C#5 | D5:4",
	Chords: "Dm Dm C A Dm F Gm-A Dm F F Gm Gm-C Dm Bb-Gm A7 Dm"}

// Material of the ballad that is not the theme (in the theme's reference key, D minor).
var (
	balladIntro = &Tune{ID: "intro", Meter: 4, BPM: 128, Tonic: "D", Mode: "minor",
		Melody: "A3:1.5 D4:.5 F4:1 E4:1 | G3:1.5 C4:.5 E4:1 D4:1 | F3:1.5 A3:.5 C4:1 E4:1 | C#4:2 E4:2",
		Chords: "Gm7 C7 Fmaj7 A7"}
	balladBridge = &Tune{ID: "bridge", Meter: 4, BPM: 128, Tonic: "D", Mode: "minor",
		Melody: "D5:2 C5:1 Bb4:1 | A4:3 C#5:1 | D5:1 F5 E5 D5 | Bb4:4 | C5:1.5 E5:.5 G5:1 F5:1 | E5:2 C5:2 | Bb4:1 A4 G4 E4 | A4:4",
		Chords: "Bb A7 Dm Gm C F Em7b5 A7"}
)

const (
	balladKey   = 3   // F minor
	balladTempo = 0.7 // of the trailer's 128 bpm
)

// examplesPlan builds the two renditions of the theme.
func examplesPlan() []Entry {
	th := sarah.MustParse()
	var out []Entry
	const trailerIntroBars = 2
	trailerStart := float64(trailerIntroBars*4) * 60 / th.BPM

	// (a) trailer: string ostinato intro, then the theme on strings doubled by the brass
	// section, slow-string pads, trombone bass, timpani, a final hit.
	{
		b := newBuilder(th.BPM, 4, 42)
		intro := float64(trailerIntroBars * 4)
		ost := b.part("strings ostinato", 48, false, 95, 40)
		for t := 0.0; t < intro+float64(th.Bars*4); t += 0.5 {
			// D (or the bar's chord root) repeated in eighths, accent on the beat
			root := 50
			if t >= intro {
				for _, c := range th.Chords {
					if t-intro >= c.Start-eps && t-intro < c.Start+c.Dur-eps {
						root = 50 + mod12(c.Chord.Root-50)
					}
				}
			}
			v := 62
			if t == float64(int(t)) {
				v = 78
			}
			ost.Notes = append(ost.Notes, Note{t, 0.45, root, b.vel(v, 8)})
		}
		timp := b.part("timpani", 47, false, 110, 40)
		for t := 0.0; t < intro; t += 0.25 { // roll
			timp.Notes = append(timp.Notes, Note{t, 0.25, 38, b.vel(40+int(t*8), 6)})
		}
		st := Style{Lead: "strings", Chords: "pad", ChordProg: 49, Bass: "root", BassProg: 57}
		first, last := b.add(Section{Offset: intro, Notes: th.Notes, Chords: th.Chords, Length: th.Length,
			Meter: 4, Scale: th.Scale, Style: st, LeadName: "theme strings"})
		brass := Style{Lead: "brass"}
		b.add(Section{Offset: intro, Notes: th.Notes, Length: th.Length, Meter: 4, Scale: th.Scale, Style: brass, LeadName: "theme brass"})
		for _, c := range th.Chords {
			root := 38 + mod12(c.Chord.Root-38)
			for _, off := range []float64{0, 2} {
				if off < c.Dur-eps {
					timp.Notes = append(timp.Notes, Note{intro + c.Start + off, 0.9, root, b.vel(92-int(off)*8, 6)})
				}
			}
		}
		drums := b.part("percussion", 48, true, 100, 50) // orchestra kit
		for bar := 0; bar < th.Bars; bar += 4 {
			drums.Notes = append(drums.Notes, Note{intro + float64(bar*4), 1, crash, b.vel(88, 6)})
		}
		end := intro + th.Length
		hit := b.part("final hit", 61, false, 115, 60)
		for _, p := range []int{38, 50, 53, 57, 62} {
			hit.Notes = append(hit.Notes, Note{end, 2, p, 110})
		}
		timp.Notes = append(timp.Notes, Note{end, 2, 38, 118})
		drums.Notes = append(drums.Notes, Note{end, 1, crash, 110})
		b.score.End = end + 2
		sc := b.finish(false)
		out = append(out, Entry{File: "trailer.wav", Work: "sarah", Role: "arrangement", Key: 0, Tempo: 1,
			Start: sc.Seconds(first), End: sc.Seconds(last),
			RefStart: sc.Seconds(first), RefEnd: sc.Seconds(last),
			Notes: "trailer: theme bars 1-16 on strings + brass section, D minor, 128 bpm",
			Job:   Job{Score: sc, Rate: exRate, Length: sc.Seconds(sc.End) + 1, Seed: 42}})
	}

	// (b) ballad: alto sax with swing and ornaments, piano comping in sevenths, walking bass,
	// brushes; intro (4 bars), theme (16), bridge (8), theme bars 9-16.
	{
		bpm := th.BPM * balladTempo
		b := newBuilder(bpm, 4, 43)
		st := Style{Lead: "altosax", Chords: "comp7", ChordProg: 0, Bass: "walk", BassProg: 32, Drums: "brush",
			Swing: true, Ornaments: 0.5, Sevenths: true}
		in := balladIntro.MustParse()
		introSt := st
		introSt.Lead = "piano"
		introSt.Ornaments = 0
		b.add(Section{Notes: in.Notes, Chords: in.Chords, Length: in.Length, Key: balladKey, Meter: 4, Scale: in.Scale,
			Style: introSt, LeadName: "piano fill"})
		t := in.Length
		f1, l1 := b.add(Section{Offset: t, Notes: th.Notes, Chords: th.Chords, Length: th.Length, Key: balladKey, Meter: 4,
			Scale: th.Scale, Style: st, LeadName: "sax"})
		t += th.Length
		br := balladBridge.MustParse()
		b.add(Section{Offset: t, Notes: br.Notes, Chords: br.Chords, Length: br.Length, Key: balladKey, Meter: 4,
			Scale: br.Scale, Style: st, LeadName: "sax"})
		t += br.Length
		notes, chords, plen := th.Excerpt(8, 16)
		f2, l2 := b.add(Section{Offset: t, Notes: notes, Chords: chords, Length: plen, Key: balladKey, Meter: 4,
			Scale: th.Scale, Style: st, LeadName: "sax"})
		sc := b.finish(true)
		length := sc.Seconds(sc.End) + 1.2
		e := Entry{File: "ballad.wav", Work: "sarah", Role: "arrangement", Key: balladKey, Tempo: balladTempo,
			Start: sc.Seconds(swingWarp(f1)), End: sc.Seconds(swingWarp(l1)),
			RefStart: trailerStart, RefEnd: trailerStart + th.Length*60/th.BPM,
			Notes: "ballad: theme bars 1-16 on alto sax, swing, ornaments, F minor",
			Job:   Job{Score: sc, Rate: exRate, Length: length, Seed: 43}}
		out = append(out, e)
		e2 := e
		e2.Start, e2.End = sc.Seconds(swingWarp(f2)), sc.Seconds(swingWarp(l2))
		e2.RefStart = trailerStart + 32*60/th.BPM
		e2.Notes = "ballad: theme bars 9-16 again after the bridge"
		e2.Job.Score = nil // same file, rendered once
		out = append(out, e2)
	}
	return out
}

// writeTruth writes the examples' truth.tsv: where the theme sounds in each file, and
// where the same bars sound in the trailer (ref_start, ref_end).
func writeTruth(dir string, entries []Entry) error {
	var s strings.Builder
	s.WriteString("file\tstart\tend\tkey\ttempo\tref_start\tref_end\tnotes\n")
	for _, e := range entries {
		fmt.Fprintf(&s, "%s\t%.2f\t%.2f\t%d\t%g\t%.2f\t%.2f\t%s\n", e.File, e.Start, e.End, wrapKey(e.Key), e.Tempo, e.RefStart, e.RefEnd, e.Notes)
	}
	return os.WriteFile(filepath.Join(dir, "truth.tsv"), []byte(s.String()), 0o644)
}
