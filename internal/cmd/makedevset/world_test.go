package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestWorldPlan checks the world set's plan without rendering it: sizes, lengths, spans,
// the variation the set promises, and that the halves share no work.
func TestWorldPlan(t *testing.T) {
	works := map[string]string{} // work id -> half
	for _, h := range worldHalves() {
		plan := worldPlan(h)
		if n := len(plan); n < 150 || n > 250 {
			t.Errorf("%s: %d files, want 150-250", h.Name, n)
		}
		files := map[string]bool{}
		byWork := map[string][]Entry{}
		count := map[string]int{}
		keys := map[string]map[int]bool{}
		fonts := map[string]bool{}
		var audio float64
		positives, short := 0, 0
		for _, e := range plan {
			if files[e.File] {
				t.Errorf("%s: %s twice", h.Name, e.File)
			}
			files[e.File] = true
			if e.Split != h.Name {
				t.Errorf("%s: split %q", e.File, e.Split)
			}
			if hw, ok := works[e.Work]; ok && hw != h.Name {
				t.Errorf("work %s in both halves", e.Work)
			}
			works[e.Work] = h.Name
			byWork[e.Work] = append(byWork[e.Work], e)
			count[e.Material]++
			if keys[e.Material] == nil {
				keys[e.Material] = map[int]bool{}
			}
			keys[e.Material][e.Key] = true
			fonts[e.Job.SF2] = true
			d := e.Job.Length
			audio += d
			if e.Key < -5 || e.Key > 6 {
				t.Errorf("%s: key %d", e.File, e.Key)
			}
			if e.Tempo < 0.6 || e.Tempo > 1.6 {
				t.Errorf("%s: tempo %g", e.File, e.Tempo)
			}
			switch {
			case e.Negative:
				if e.Role != "host" || e.Start != 0 || e.End != 0 {
					t.Errorf("%s: negative host %s %g-%g", e.File, e.Role, e.Start, e.End)
				}
			case e.Start < 0 || e.End > d || e.End <= e.Start:
				t.Errorf("%s: span %.2f-%.2f outside 0-%.2f", e.File, e.Start, e.End, d)
			}
			switch {
			case e.Material == "motif" && e.Role == "host":
				if d < 30 || d > 86 {
					t.Errorf("%s: host of %.1f s", e.File, d)
				}
				if !e.Negative && (e.End-e.Start < 1.5 || e.End-e.Start > 10) {
					t.Errorf("%s: hidden motif of %.1f s", e.File, e.End-e.Start)
				}
			case e.Material == "motif":
				short++
				if d < 2 || d > 9 {
					t.Errorf("%s: motif file of %.1f s", e.File, d)
				}
			case d < 10 || d > 36:
				t.Errorf("%s: %.1f s", e.File, d)
			}
			if strings.Contains(e.Notes, "\t") || strings.Contains(e.Notes, "\n") {
				t.Errorf("%s: notes with a tab or newline", e.File)
			}
			// the score encodes (at most 15 melodic parts)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s: %v", e.File, r)
					}
				}()
				e.Job.Score.SMF()
			}()
		}
		for _, m := range []string{"lead", "orchestral", "band", "motif"} {
			if count[m] == 0 {
				t.Errorf("%s: no %s files", h.Name, m)
			}
		}
		for _, m := range []string{"lead", "orchestral", "band"} {
			for _, k := range devKeys {
				if !keys[m][k] {
					t.Errorf("%s: %s never in key %+d", h.Name, m, k)
				}
			}
		}
		if len(fonts) < 2 {
			t.Errorf("%s: %d soundfonts", h.Name, len(fonts))
		}
		// works of each material; motif cases
		orch, band, distractors := 0, 0, 0
		for w, es := range byWork {
			switch {
			case es[0].Role == "distractor" || es[0].Negative:
				if len(es) != 1 {
					t.Errorf("%s: %d files", w, len(es))
				}
				if es[0].Role == "distractor" {
					distractors++
				}
			case es[0].Material == "orchestral":
				orch++
			case es[0].Material == "band":
				band++
			case es[0].Material == "motif":
				hosts := 0
				for _, e := range es {
					if e.Role == "host" {
						hosts++
					}
				}
				if len(es) == hosts { // long in long: every host pair
					positives += hosts * (hosts - 1) / 2
				} else {
					positives += hosts
				}
			}
			if len(es) > 1 && es[0].Role != "distractor" {
				if len(es) > 4 && es[0].Material != "motif" {
					t.Errorf("%s: %d files", w, len(es))
				}
			}
		}
		if orch < 8 || band < 8 {
			t.Errorf("%s: %d orchestral and %d band works, want 8 each", h.Name, orch, band)
		}
		if positives < 20 {
			t.Errorf("%s: %d short-motif cases, want 20", h.Name, positives)
		}
		if distractors < 12 {
			t.Errorf("%s: %d distractors", h.Name, distractors)
		}
		t.Logf("%s: %d files (%v), %.0f s of audio, %d motif cases, %d soundfonts", h.Name, len(plan), count, audio, positives, len(fonts))
	}
}

// TestWorldDeterministic: the plan, down to the MIDI bytes, is the same every time.
func TestWorldDeterministic(t *testing.T) {
	for _, h := range worldHalves() {
		a, b := worldPlan(h), worldPlan(h)
		for i := range a {
			if a[i].File != b[i].File || a[i].Notes != b[i].Notes || !bytes.Equal(a[i].Job.Score.SMF(), b[i].Job.Score.SMF()) {
				t.Fatalf("%s: %s differs between two plans", h.Name, a[i].File)
			}
		}
	}
}

// TestTempoMap: with a tempo map, Seconds integrates the tempo the SMF carries.
func TestTempoMap(t *testing.T) {
	sc := &Score{BPM: 120, End: 8, Tempo: []TempoPoint{{0, 120}, {4, 60}}}
	for _, c := range []struct{ beat, want float64 }{{2, 1}, {4, 2}, {6, 4}, {10, 8}} {
		if got := sc.Seconds(c.beat); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("Seconds(%g) = %g, want %g", c.beat, got, c.want)
		}
	}
	plain := &Score{BPM: 120, End: 8}
	if plain.Seconds(3) != 1.5 {
		t.Errorf("constant tempo: %g", plain.Seconds(3))
	}
	if n := bytes.Count(sc.SMF(), []byte{0xff, 0x51, 0x03}); n != 2 {
		t.Errorf("%d tempo events, want 2", n)
	}
}

func TestWorldTunesParse(t *testing.T) {
	for _, tu := range append(append([]*Tune{}, worldTunesTune...), worldTunesHeldout...) {
		if _, err := tu.Parse(); err != nil {
			t.Error(err)
		}
	}
}

func TestDump(t *testing.T) {
	var b bytes.Buffer
	if err := dump(&b, "ode_a.wav,band01_b.wav"); err != nil {
		t.Fatal(err)
	}
	if s := b.String(); strings.Count(s, "== ") != 3 || !strings.Contains(s, "prog  30") {
		t.Errorf("dump:\n%s", s)
	}
	if err := dump(&b, "nosuch.wav"); err == nil {
		t.Error("no error for a missing file")
	}
}
