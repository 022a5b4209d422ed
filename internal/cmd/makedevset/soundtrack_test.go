package main

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestSoundtrackPlanDeterministic: two plans are the same, down to the MIDI bytes.
func TestSoundtrackPlanDeterministic(t *testing.T) {
	for _, h := range worldHalves() {
		a, b := soundtrackPlan(h), soundtrackPlan(h)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: two plans differ", h.Name)
		}
		var ta, tb bytes.Buffer
		if err := writeThemes(&ta, a); err != nil {
			t.Fatal(err)
		}
		if err := writeThemes(&tb, b); err != nil {
			t.Fatal(err)
		}
		if ta.String() != tb.String() {
			t.Errorf("%s: themes.tsv differs", h.Name)
		}
		for i := range a {
			for j := range a[i].Files {
				if !bytes.Equal(a[i].Files[j].Job.Score.SMF(), b[i].Files[j].Job.Score.SMF()) {
					t.Errorf("%s: MIDI differs", a[i].Files[j].File)
				}
			}
		}
	}
}

// themePattern is a theme's intervals, the same in any key, tempo and rhythm.
func themePattern(notes []Note) string {
	var b strings.Builder
	for i := 1; i < len(notes); i++ {
		fmt.Fprintf(&b, "%+d ", notes[i].Pitch-notes[i-1].Pitch)
	}
	return b.String()
}

// TestSoundtrackPlan checks the plan without rendering: sizes, lengths, spans, the
// variation promised, and that the halves share no theme.
func TestSoundtrackPlan(t *testing.T) {
	ids := map[string]bool{}
	files := map[string]bool{}
	patterns := map[string]string{} // theme pattern -> set.theme
	for _, h := range worldHalves() {
		plan := soundtrackPlan(h)
		var audio float64
		tracks, pieces, occs, dense, degraded := 0, 0, 0, 0, 0
		themes := 0
		for _, s := range plan {
			if ids[s.ID] {
				t.Errorf("set id %s twice", s.ID)
			}
			ids[s.ID] = true
			if s.Split != h.Name || !strings.HasPrefix(s.ID, h.Prefix) {
				t.Errorf("%s: split %s in half %s", s.ID, s.Split, h.Name)
			}
			if s.Piece != (len(s.Files) == 1) {
				t.Errorf("%s: %d files, piece %v", s.ID, len(s.Files), s.Piece)
			}
			if !s.Piece && (len(s.Files) < 4 || len(s.Files) > 6) {
				t.Errorf("%s: %d tracks", s.ID, len(s.Files))
			}
			if n := len(s.Themes); n < 1 || n > 3 || (!s.Piece && n < 2) || (s.Piece && n > 2) {
				t.Errorf("%s: %d themes", s.ID, n)
			}
			for _, th := range s.Themes {
				themes++
				p := themePattern(th.m.Notes)
				if other, ok := patterns[p]; ok {
					t.Errorf("%s.%s has the intervals of %s", s.ID, th.ID, other)
				}
				patterns[p] = s.ID + "." + th.ID
				if th.Sec < 2.5 || th.Sec > 12.5 {
					t.Errorf("%s.%s: %.1f s", s.ID, th.ID, th.Sec)
				}
				if len(th.m.Notes) < 5 {
					t.Errorf("%s.%s: %d notes", s.ID, th.ID, len(th.m.Notes))
				}
			}
			count := map[string]int{}
			keys := map[string]map[int]bool{}
			leads := map[string]map[string]bool{}
			texs := map[string]map[string]bool{}
			themeless := 0
			for _, f := range s.Files {
				if files[f.File] {
					t.Errorf("%s twice", f.File)
				}
				files[f.File] = true
				if !strings.HasPrefix(f.File, h.Name+"/"+s.ID) || !strings.HasSuffix(f.File, ".wav") {
					t.Errorf("%s: file name", f.File)
				}
				d := f.Seconds()
				audio += d
				if s.Piece {
					pieces++
					if d < 60 || d > 120 {
						t.Errorf("%s: piece of %.1f s", f.File, d)
					}
				} else {
					tracks++
					if d < 30 || d > 70 {
						t.Errorf("%s: track of %.1f s", f.File, d)
					}
				}
				if f.Job.SNR > 0 || len(f.Job.Effects) > 0 {
					degraded++
				}
				if len(f.Occs) == 0 {
					themeless++
				}
				if strings.ContainsAny(f.Notes, "\t\n") {
					t.Errorf("%s: notes with a tab or newline", f.File)
				}
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("%s: %v", f.File, r)
						}
					}()
					f.Job.Score.SMF()
				}()
				last := -1.0
				for _, o := range f.Occs {
					occs++
					th := s.Themes[o.Theme[0]-'A']
					count[o.Theme]++
					if keys[o.Theme] == nil {
						keys[o.Theme], leads[o.Theme], texs[o.Theme] = map[int]bool{}, map[string]bool{}, map[string]bool{}
					}
					if keys[o.Theme][o.Key] || leads[o.Theme][o.Lead] || texs[o.Theme][o.Texture] {
						t.Errorf("%s: %s again in key %+d, on %s or over %s", f.File, o.Theme, o.Key, o.Lead, o.Texture)
					}
					keys[o.Theme][o.Key], leads[o.Theme][o.Lead], texs[o.Theme][o.Texture] = true, true, true
					if o.Key < -5 || o.Key > 6 {
						t.Errorf("%s: key %d", f.File, o.Key)
					}
					if o.Tempo < 0.75 || o.Tempo > 1.3 {
						t.Errorf("%s: tempo %g", f.File, o.Tempo)
					}
					if denseTexture(o.Texture) {
						dense++
					}
					l := o.End - o.Start
					if o.Start >= o.End || l < 2 || l > 15 || o.Start < 0 || o.End > d {
						t.Errorf("%s: %s at %.2f-%.2f in %.2f s", f.File, o.Theme, o.Start, o.End, d)
					}
					if o.Start < last {
						t.Errorf("%s: %s at %.2f overlaps the occurrence before (to %.2f)", f.File, o.Theme, o.Start, last)
					}
					last = o.End
					// the span agrees with the tempo factor
					first, end := melodySpan(th.m.Notes)
					if tf := (end - first) * 60 / (o.End - o.Start) / th.m.BPM; math.Abs(tf-o.Tempo) > 0.01 {
						t.Errorf("%s: %s played at %.3fx, planned %gx", f.File, o.Theme, tf, o.Tempo)
					}
				}
				// no theme by accident in the music between
				for _, m := range f.fillers {
					for _, th := range s.Themes {
						if containsPattern(m, th.m.Notes[:min(6, len(th.m.Notes))]) {
							t.Errorf("%s: a filler holds the head of %s", f.File, th.ID)
						}
					}
				}
			}
			for _, th := range s.Themes {
				if c := count[th.ID]; c < 2 || c > 5 {
					t.Errorf("%s.%s: %d occurrences", s.ID, th.ID, c)
				}
			}
			if !s.Piece && themeless != 1 {
				t.Errorf("%s: %d tracks without a theme", s.ID, themeless)
			}
		}
		if dense == 0 || degraded*5 < tracks+pieces || degraded*2 > tracks+pieces {
			t.Errorf("%s: %d occurrences over a band or orchestra, %d files degraded", h.Name, dense, degraded)
		}
		if min := audio / 60; min < 24 || min > 31 {
			t.Errorf("%s: %.1f min of audio", h.Name, min)
		}
		t.Logf("%s: %d soundtracks (%d tracks), %d pieces, %d themes, %d occurrences (%d over a band or orchestra), %d files degraded, %.1f min",
			h.Name, len(plan)-pieces, tracks, pieces, themes, occs, dense, degraded, audio/60)
	}
}

// denseTexture: a texture of four layers or more (a band, an orchestra).
func denseTexture(name string) bool {
	for _, x := range stTextures {
		if x.Name == name {
			return len(x.Layers) >= 4
		}
	}
	return false
}

// TestThemesTSV reads back what writeThemes wrote.
func TestThemesTSV(t *testing.T) {
	var sets []stSet
	for _, h := range worldHalves() {
		sets = append(sets, soundtrackPlan(h)...)
	}
	var b bytes.Buffer
	if err := writeThemes(&b, sets); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if lines[0] != "set\tfile\ttheme\tstart\tend\tkey\tsplit" {
		t.Fatalf("header %q", lines[0])
	}
	type row struct {
		set, file, theme string
		start, end       float64
		key              int
		split            string
	}
	var got []row
	for i, l := range lines[1:] {
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			t.Fatalf("line %d: %d columns: %q", i+2, len(c), l)
		}
		s, err1 := strconv.ParseFloat(c[3], 64)
		e, err2 := strconv.ParseFloat(c[4], 64)
		k, err3 := strconv.Atoi(c[5])
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("line %d: %q", i+2, l)
		}
		got = append(got, row{c[0], c[1], c[2], s, e, k, c[6]})
	}
	var want []row
	for _, s := range sets {
		for _, f := range s.Files {
			if len(f.Occs) == 0 {
				want = append(want, row{s.ID, f.File, "-", 0, 0, 0, s.Split})
			}
			for _, o := range f.Occs {
				want = append(want, row{s.ID, f.File, o.Theme, o.Start, o.End, o.Key, s.Split})
			}
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.set != w.set || g.file != w.file || g.theme != w.theme || g.key != w.key || g.split != w.split ||
			math.Abs(g.start-w.start) > 0.005 || math.Abs(g.end-w.end) > 0.005 {
			t.Errorf("row %d: %+v, want %+v", i+1, g, w)
		}
		if i > 0 && g.file == got[i-1].file && g.start < got[i-1].end {
			t.Errorf("row %d: not in time order", i+1)
		}
	}
}
