package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

var pcNames = []string{"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"}

func noteName(p int) string { return fmt.Sprintf("%s%d", pcNames[mod12(p)], p/12-1) }

// TestDump prints the parts of the files named in MAKEDEVSET_DUMP (comma-separated) between
// beats 0 and 12, for eyeballing a score; it does nothing otherwise.
func TestDump(t *testing.T) {
	want := os.Getenv("MAKEDEVSET_DUMP")
	if want == "" {
		t.Skip("set MAKEDEVSET_DUMP=file.wav,... to print scores")
	}
	for _, e := range append(devPlan(), examplesPlan()...) {
		if e.Job.Score == nil || !strings.Contains(","+want+",", ","+e.File+",") {
			continue
		}
		sc := e.Job.Score
		fmt.Printf("== %s  %.1f bpm  %s\n", e.File, sc.BPM, e.Notes)
		for _, p := range sc.Parts {
			var b strings.Builder
			for _, n := range p.Notes {
				if n.Start < 12 {
					fmt.Fprintf(&b, " %s@%.2f/%.2f", noteName(n.Pitch), n.Start, n.Dur)
				}
			}
			fmt.Printf("  %-18s prog %3d:%s\n", p.Name, p.Program, b.String())
		}
	}
}
