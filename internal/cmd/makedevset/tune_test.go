package main

import "testing"

func TestTunesParse(t *testing.T) {
	seen := map[string]bool{}
	for _, tu := range append(append([]*Tune{}, works...), distractorTunes...) {
		p, err := tu.Parse()
		if err != nil {
			t.Error(err)
			continue
		}
		if seen[tu.ID] {
			t.Errorf("duplicate id %s", tu.ID)
		}
		seen[tu.ID] = true
		if len(p.Notes) < 12 {
			t.Errorf("%s: only %d notes", tu.ID, len(p.Notes))
		}
		for _, n := range p.Notes {
			if !p.Scale.Contains(n.Pitch) && tu.ID != "elise" {
				t.Errorf("%s: note %d at beat %g is outside the %s %s scale", tu.ID, n.Pitch, n.Start, tu.Tonic, tu.Mode)
			}
		}
	}
}

// intervals returns the successive melodic intervals of the first n notes.
func intervals(p *Parsed, n int) []int {
	var iv []int
	for i := 1; i < n && i < len(p.Notes); i++ {
		iv = append(iv, p.Notes[i].Pitch-p.Notes[i-1].Pitch)
	}
	return iv
}

// TestKnownIntervals checks a few transcriptions against the tunes' well-known openings,
// written as intervals so the key does not matter.
func TestKnownIntervals(t *testing.T) {
	byID := map[string]*Tune{}
	for _, tu := range works {
		byID[tu.ID] = tu
	}
	for _, tc := range []struct {
		id   string
		want []int
	}{
		{"ode", []int{0, 1, 2, 0, -2, -1, -2, -2, 0, 2, 2, 0, -2, 0}},             // E E F G G F E D C C D E E D D
		{"twinkle", []int{0, 7, 0, 2, 0, -2, -2, 0, -1, 0, -2, 0, -2}},            // C C G G A A G F F E E D D C
		{"frere", []int{2, 2, -4, 0, 2, 2, -4, 4, 1, 2, -3, 1, 2}},                // C D E C C D E C E F G E F G
		{"greensleeves", []int{3, 2, 2, 1, -1, -2, -3, -4, 2, 2, 1, -3}},          // A C D E F E D B G A B C A
		{"jingle", []int{0, 0, 0, 0, 0, 0, 3, -7, 2, 2}},                          // E E E E E E E G C D E
		{"amazing", []int{5, 4, -4, 4, -2, -2, -3, -2}},                           // D G B G B A G E D
		{"elise", []int{-1, 1, -1, 1, -5, 3, -2, -3}},                             // E D# E D# E B D C A
		{"auld", []int{5, 0, 0, 4, -2, -2, 2, 2, -4, 0, 4, 3, 2}},                 // C F F F A G F G A F F A C D
		{"minuet", []int{-7, 2, 2, 1, 2, -7, 0, 9, -4, 2, 2, 2, 1}},               // D G A B C D G G E C D E F# G
		{"silent", []int{2, -2, -3, 3, 2, -2, -3, 10, 0, -3, 1, 0, -5}},           // G A G E G A G E D D B C C G
		{"scarborough", []int{0, 7, 0, -5, 1, -1, -2, 7, 3, 2, -2, -3, 2, -4, 2}}, // D D A A E F E D A C D C A B G A
	} {
		got := intervals(byID[tc.id].MustParse(), len(tc.want)+1)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d intervals, want %d", tc.id, len(got), len(tc.want))
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: interval %d is %d, want %d (all: %v)", tc.id, i, got[i], tc.want[i], got)
				break
			}
		}
	}
}
