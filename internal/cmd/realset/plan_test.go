package main

import (
	"reflect"
	"testing"
)

// The plan is a function of the seed and the tables: check its invariants without audio.
func TestPlan(t *testing.T) {
	pl, err := makePlan(1)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := makePlan(1)
	if !reflect.DeepEqual(pl, again) {
		t.Error("two plans from one seed differ")
	}
	recHalf := map[string]int{}
	use := func(r recording, h int) {
		if old, ok := recHalf[r.Path]; ok {
			t.Errorf("%s used twice (halves %d, %d)", r.Path, old, h)
		}
		recHalf[r.Path] = h
	}
	var works, kinds [2]map[string]int
	for h := range 2 {
		works[h], kinds[h] = map[string]int{}, map[string]int{}
	}
	for _, w := range pl.Works {
		use(w.Rec, w.Half)
		works[w.Half]["works"]++
		if w.L < refMinLen || w.L > refMaxLen || w.R0 < margin || w.R0+w.L+margin > w.Rec.Dur {
			t.Errorf("%s: window %.1f+%.1f in %.1f s", w.ID, w.R0, w.L, w.Rec.Dur)
		}
		if len(w.Versions) < 2 || len(w.Versions) > 3 {
			t.Errorf("%s: %d versions", w.ID, len(w.Versions))
		}
		for _, v := range w.Versions {
			if v.Pitch < pitchMin || v.Pitch > pitchMax || v.Tempo < tempoMin || v.Tempo > tempoMax || v.Shift < -maxShift || v.Shift > maxShift {
				t.Errorf("%s %s: %+v", w.ID, v.Name, v)
			}
			s, e := w.shared(v)
			if s < 0 || e <= s || e > w.L/v.Tempo+1e-9 {
				t.Errorf("%s %s: shared %.2f-%.2f", w.ID, v.Name, s, e)
			}
		}
	}
	for _, h := range pl.Hosts {
		use(h.Rec, h.Half)
		kinds[h.Half][h.Kind]++
		if h.H0 < 0 || h.H0+h.Lh > h.Rec.Dur || h.Lh < 40 {
			t.Errorf("%s: host window %.1f+%.1f in %.1f s", h.ID, h.H0, h.Lh, h.Rec.Dur)
		}
		if h.Src == nil {
			continue
		}
		if h.Src.Half != h.Half {
			t.Errorf("%s: phrase from the other half", h.ID)
		}
		w := h.Src
		// The phrase lies inside the reference and inside every version's window.
		if h.P0 < w.R0+maxShift || h.P0+h.P*h.Tempo > w.R0+w.L-maxShift {
			t.Errorf("%s: phrase %.2f+%.2f outside %s's %.1f+%.1f", h.ID, h.P0, h.P*h.Tempo, w.ID, w.R0, w.L)
		}
		if h.Ins-crossfade/2 < 0 || h.Ins+h.P+crossfade/2 > h.Lh {
			t.Errorf("%s: phrase at %.2f+%.2f in %.1f s", h.ID, h.Ins, h.P, h.Lh)
		}
		lo, hi := 12.0, 25.0
		if h.Kind == "short" {
			lo, hi = 4, 8
		}
		if h.P < lo || h.P > hi {
			t.Errorf("%s: %s phrase of %.1f s", h.ID, h.Kind, h.P)
		}
	}
	for h := range 2 {
		t.Logf("%s: %d works, hosts %v", halfNames[h], works[h]["works"], kinds[h])
		if works[h]["works"] < 15 || kinds[h]["splice"] != longSplices || kinds[h]["short"] != shortSplices || kinds[h]["neg"] != negatives {
			t.Errorf("%s: %d works, hosts %v", halfNames[h], works[h]["works"], kinds[h])
		}
	}
	if len(recHalf) != len(recordings) {
		t.Errorf("%d of %d recordings used", len(recHalf), len(recordings))
	}
}

func TestLicence(t *testing.T) {
	cp := "Format: x\nUpstream-Name: y\n\nFiles: *\nCopyright:\n  2004 Someone\nLicense: GPL-2\n\nFiles: debian/*\nLicense: GPL-2+\n"
	if lic, holder := licence([]byte(cp)); lic != "GPL-2" || holder != "2004 Someone" {
		t.Errorf("licence = %q, %q", lic, holder)
	}
}

func TestSplice(t *testing.T) {
	host := make([]float64, 1000)
	phrase := make([]float64, 300)
	for i := range phrase {
		phrase[i] = 1
	}
	for i := range host {
		host[i] = 0.5
	}
	out, err := splice(host, phrase, 400, 100)
	if err != nil {
		t.Fatal(err)
	}
	// Level matched: the phrase body replaces the host at the host's level.
	if out[500] != 0.5 || out[340] != 0.5 || out[700] != 0.5 {
		t.Errorf("levels: %v %v %v", out[340], out[500], out[700])
	}
	if _, err := splice(host, phrase, 20, 100); err == nil {
		t.Error("a phrase before the host's start fits")
	}
}
