package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/eval"
)

// exSTCommitted is the rendered example soundtrack in the repository.
var exSTCommitted = filepath.Join("..", "..", "..", "testdata", "examples", exSTDir)

// TestExampleSoundtrackPlan checks the plan without rendering: deterministic, four cues of
// 25-40 s that fit in ~3.5 MB, nothing degraded, the themes' lengths and occurrences (keys,
// tempos, instruments all different), spans that agree with the tempos, and no theme in the
// music between.
func TestExampleSoundtrackPlan(t *testing.T) {
	set, outline := exSoundtrackPlan()
	set2, outline2 := exSoundtrackPlan()
	if !reflect.DeepEqual(set, set2) || !reflect.DeepEqual(outline, outline2) {
		t.Fatal("two plans differ")
	}
	if set.ID != "example" || set.Split != "tune" || len(set.Themes) != 2 || len(set.Files) != 4 || len(outline) != 4 {
		t.Fatalf("set %s/%s: %d themes, %d files", set.ID, set.Split, len(set.Themes), len(set.Files))
	}
	for k, th := range set.Themes {
		lo, hi := 5.0, 8.0 // A, the hero's theme
		if k == 1 {
			lo, hi = 4, 6
		}
		if th.Sec < lo || th.Sec > hi || len(th.m.Notes) < 8 {
			t.Errorf("theme %s: %.1f s, %d notes", th.ID, th.Sec, len(th.m.Notes))
		}
	}
	if themePattern(set.Themes[0].m.Notes) == themePattern(set.Themes[1].m.Notes) {
		t.Error("the two themes have the same intervals")
	}
	total := 0.0
	count := map[string]int{}
	keys := map[string]map[int]bool{"A": {}, "B": {}}
	leads := map[string]map[string]bool{"A": {}, "B": {}}
	for i, f := range set.Files {
		if !bytes.Equal(f.Job.Score.SMF(), set2.Files[i].Job.Score.SMF()) {
			t.Errorf("%s: MIDI differs between two plans", f.File)
		}
		d := f.Seconds()
		total += d
		if d < 25 || d > 40 {
			t.Errorf("%s: %.1f s", f.File, d)
		}
		if f.Job.Rate != exRate || f.Job.SNR != 0 || f.Job.Effects != nil || f.Job.Drive != 0 {
			t.Errorf("%s: rate %d, degraded (%+v)", f.File, f.Job.Rate, f.Job)
		}
		if strings.ContainsAny(f.Notes, "\t\n") {
			t.Errorf("%s: notes with a tab or newline", f.File)
		}
		if len(f.Occs) == 0 {
			t.Errorf("%s: no theme", f.File)
		}
		last := -1.0
		for _, o := range f.Occs {
			count[o.Theme]++
			if keys[o.Theme][o.Key] || leads[o.Theme][o.Lead] {
				t.Errorf("%s: %s again in key %+d or on %s", f.File, o.Theme, o.Key, o.Lead)
			}
			keys[o.Theme][o.Key], leads[o.Theme][o.Lead] = true, true
			if o.Key < -5 || o.Key > 6 || o.Tempo < 0.8 || o.Tempo > 1.25 {
				t.Errorf("%s: %s in key %+d at %gx", f.File, o.Theme, o.Key, o.Tempo)
			}
			if o.Start < last || o.Start >= o.End || o.End > d {
				t.Errorf("%s: %s at %.2f-%.2f in %.2f s (the one before ends at %.2f)", f.File, o.Theme, o.Start, o.End, d, last)
			}
			last = o.End
			th := set.Themes[o.Theme[0]-'A']
			first, end := melodySpan(th.m.Notes)
			if tf := (end - first) * 60 / (o.End - o.Start) / th.m.BPM; math.Abs(tf-o.Tempo) > 0.01 {
				t.Errorf("%s: %s played at %.3fx, planned %gx", f.File, o.Theme, tf, o.Tempo)
			}
		}
		for _, m := range f.fillers {
			for _, th := range set.Themes {
				if containsPattern(m, th.m.Notes[:min(6, len(th.m.Notes))]) {
					t.Errorf("%s: a filler holds the head of %s", f.File, th.ID)
				}
			}
		}
		end := 0.0
		for _, s := range outline[i] {
			if math.Abs(s.Start-end) > 1e-9 || s.End <= s.Start {
				t.Errorf("%s: section %.2f-%.2f after %.2f", f.File, s.Start, s.End, end)
			}
			end = s.End
		}
		if math.Abs(end+1-d) > 1e-9 {
			t.Errorf("%s: sections end at %.2f, file at %.2f", f.File, end, d)
		}
	}
	if count["A"] < 3 || count["A"] > 4 || count["B"] < 2 || count["B"] > 3 {
		t.Errorf("occurrences: %v", count)
	}
	// 16-bit mono WAV: 2 bytes a sample
	if mb := total * exRate * 2 / 1e6; mb > 3.5 {
		t.Errorf("%.1f s of audio, %.2f MB", total, mb)
	}
}

// TestExampleSoundtrackThemesTSV: eval.ReadThemes reads what writeThemes writes for the set,
// and the committed themes.tsv and README.md are the plan's (when rendered).
func TestExampleSoundtrackThemesTSV(t *testing.T) {
	set, outline := exSoundtrackPlan()
	var b bytes.Buffer
	if err := writeThemes(&b, []stSet{set}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "themes.tsv"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(dir string) {
		t.Helper()
		sets, err := eval.ReadThemes(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(sets) != 1 || sets[0].ID != "example" || sets[0].Split != "tune" {
			t.Fatalf("%s: sets %+v", dir, sets)
		}
		s := sets[0]
		var files []string
		for _, f := range set.Files {
			files = append(files, f.File)
		}
		if !reflect.DeepEqual(s.Files, files) {
			t.Errorf("%s: files %v, want %v", dir, s.Files, files)
		}
		if len(s.Themes) != 2 || s.Themes[0].ID != "A" || s.Themes[1].ID != "B" {
			t.Fatalf("%s: themes %+v", dir, s.Themes)
		}
		for _, th := range s.Themes {
			var want []eval.Occurrence
			for _, f := range set.Files {
				for _, o := range f.Occs {
					if o.Theme == th.ID {
						want = append(want, eval.Occurrence{File: f.File, Start: o.Start, End: o.End, Transposition: o.Key})
					}
				}
			}
			if len(th.Occurrences) != len(want) {
				t.Fatalf("%s: theme %s: %d occurrences, want %d", dir, th.ID, len(th.Occurrences), len(want))
			}
			for k, o := range th.Occurrences {
				w := want[k]
				if o.File != w.File || o.Transposition != w.Transposition || math.Abs(o.Start-w.Start) > 0.006 || math.Abs(o.End-w.End) > 0.006 {
					t.Errorf("%s: theme %s: %+v, want %+v", dir, th.ID, o, w)
				}
			}
		}
	}
	check(dir)
	if _, err := os.Stat(filepath.Join(exSTCommitted, "themes.tsv")); err != nil {
		t.Log("testdata/examples/soundtrack not built: only the written themes.tsv checked")
		return
	}
	check(exSTCommitted)
	for name, want := range map[string]string{"themes.tsv": b.String(), "README.md": exSoundtrackReadme(set, outline)} {
		got, err := os.ReadFile(filepath.Join(exSTCommitted, name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("testdata/examples/soundtrack/%s is not the plan's: rebuild with go run ./internal/cmd/makedevset -out testdata -only examples", name)
		}
	}
}

// TestCommittedExampleSoundtrackMatchesScores checks the rendered cues against the plan:
// their lengths, and that the themes' notes sound where themes.tsv says (the strongest
// pitch class of the audio shortly after a note starts is the note's, for half the notes
// at least).
func TestCommittedExampleSoundtrackMatchesScores(t *testing.T) {
	if _, err := os.Stat(filepath.Join(exSTCommitted, "themes.tsv")); err != nil {
		t.Skip("testdata/examples/soundtrack not built")
	}
	set, _ := exSoundtrackPlan()
	for _, f := range set.Files {
		x, rate, err := readWAV16(filepath.Join(exSTCommitted, f.File))
		if err != nil {
			t.Fatal(err)
		}
		if rate != exRate || math.Abs(float64(len(x))/float64(rate)-f.Seconds()) > 1.0/float64(rate) {
			t.Errorf("%s: %d Hz, %.3f s, want %d Hz, %.3f s", f.File, rate, float64(len(x))/float64(rate), exRate, f.Seconds())
		}
		sc := f.Job.Score
		for _, o := range f.Occs {
			hit, tot := 0, 0
			for _, p := range sc.Parts {
				if p.Name != "melody "+o.Lead {
					continue
				}
				for _, n := range p.Notes {
					at, d := sc.Seconds(n.Start), sc.Seconds(n.Start+n.Dur)-sc.Seconds(n.Start)
					if at < o.Start-1e-6 || at > o.End || d < 0.15 {
						continue
					}
					size := min(1024, int(d*0.7*float64(rate)))
					tot++
					if pitchClassAt(x, int((at+min(0.05, d/4))*float64(rate)), size, rate) == mod12(n.Pitch) {
						hit++
					}
				}
			}
			acc := float64(hit) / float64(max(1, tot))
			t.Logf("%s: theme %s on %s: %d notes, %.2f found", f.File, o.Theme, o.Lead, tot, acc)
			if tot < 5 || acc < 0.5 { // as the dev set's accompanied leads: dense textures mask some notes
				t.Errorf("%s: theme %s at %.2f-%.2f: %d of %d notes found in the audio", f.File, o.Theme, o.Start, o.End, hit, tot)
			}
		}
	}
}
