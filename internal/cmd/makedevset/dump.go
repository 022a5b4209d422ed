package main

import (
	"fmt"
	"io"
	"strings"
)

var pcNames = []string{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"}

func noteName(p int) string { return fmt.Sprintf("%s%d", pcNames[mod12(p)], p/12-1) }

// allPlans lists every file of every part, for -dump.
func allPlans() []Entry {
	out := append(devPlan(), examplesPlan()...)
	for _, h := range worldHalves() {
		out = append(out, worldPlan(h)...)
	}
	return out
}

// dump prints the parts of the named files (basenames, comma-separated) between beats 0
// and 12, for eyeballing a score without rendering it. A name found in several parts (the
// world set's halves share file names) is printed for each.
func dump(w io.Writer, names string) error {
	want := map[string]bool{}
	for _, n := range strings.Split(names, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = false
		}
	}
	for _, e := range allPlans() {
		if _, ok := want[e.File]; !ok || e.Job.Score == nil {
			continue
		}
		want[e.File] = true
		sc := e.Job.Score
		where := "dev/examples"
		if e.Split != "" {
			where = "world/" + e.Split
		}
		fmt.Fprintf(w, "== %s (%s)  %.1f bpm  %s\n", e.File, where, sc.BPM, e.Notes)
		for _, p := range sc.Parts {
			var b strings.Builder
			for _, n := range p.Notes {
				if n.Start < 12 {
					fmt.Fprintf(&b, " %s@%.2f/%.2f", noteName(n.Pitch), n.Start, n.Dur)
				}
			}
			fmt.Fprintf(w, "  %-22s prog %3d:%s\n", p.Name, p.Program, b.String())
		}
	}
	var missing []string
	for n, seen := range want {
		if !seen {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("-dump: no file named %s", strings.Join(missing, ", "))
	}
	return nil
}
