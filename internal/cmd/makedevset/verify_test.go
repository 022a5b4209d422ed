package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leadAccuracy checks the committed audio against the generator's own score: the fraction
// of lead notes (longer than 0.15 s) whose pitch class is the strongest one in the audio
// shortly after the note starts. It catches wrong transpositions, timing that does not
// match the manifest, and a plan changed without regenerating the files.
func leadAccuracy(t *testing.T, dir string, e Entry) (float64, int) {
	x, rate, err := readWAV16(filepath.Join(dir, e.File))
	if err != nil {
		t.Fatal(err)
	}
	sc := e.Job.Score
	hit, tot := 0, 0
	for _, p := range sc.Parts {
		if !strings.HasPrefix(p.Name, "lead") && p.Name != "theme strings" && p.Name != "sax" {
			continue
		}
		for _, n := range p.Notes {
			d := sc.Seconds(n.Dur)
			if d < 0.15 {
				continue
			}
			at := sc.Seconds(n.Start) + min(0.05, d/4)
			size := min(1024, int(d*0.7*float64(rate)))
			got := pitchClassAt(x, int(at*float64(rate)), size, rate)
			tot++
			if got == mod12(n.Pitch) {
				hit++
			}
		}
	}
	return float64(hit) / float64(max(1, tot)), tot
}

func TestCommittedDevAudioMatchesScores(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "dev")
	if _, err := os.Stat(filepath.Join(dir, "manifest.tsv")); err != nil {
		t.Skip("testdata/dev not built")
	}
	// The full check takes a few seconds (minutes under -race): by default check one file
	// in four, all of them with MAKEDEVSET_FULL=1.
	stride := 4
	if os.Getenv("MAKEDEVSET_FULL") != "" {
		stride = 1
	}
	var sum float64
	var n int
	for i, e := range devPlan() {
		if i%stride != 0 {
			continue
		}
		acc, tot := leadAccuracy(t, dir, e)
		sum += acc
		n++
		solo := strings.Contains(e.Notes, "solo") || strings.Contains(e.Notes, "reference")
		want := 0.5
		if solo {
			want = 0.8
		}
		if testing.Verbose() {
			t.Logf("%-26s %3d notes, %.2f  (%s)", e.File, tot, acc, e.Notes)
		}
		if e.Job.SNR < 15 && e.Job.SNR > 0 {
			want = 0.35
		}
		if acc < want {
			t.Errorf("%s: only %.0f%% of %d lead notes found in the audio (want %.0f%%)", e.File, 100*acc, tot, 100*want)
		}
	}
	t.Logf("mean lead-note pitch-class accuracy over %d files: %.2f", n, sum/float64(n))
}

func TestCommittedExamplesMatchScores(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "testdata", "examples")
	if _, err := os.Stat(filepath.Join(dir, "truth.tsv")); err != nil {
		t.Skip("testdata/examples not built")
	}
	for _, e := range examplesPlan() {
		if e.Job.Score == nil {
			continue
		}
		acc, tot := leadAccuracy(t, dir, e)
		t.Logf("%s: %d theme notes, %.2f found", e.File, tot, acc)
		if acc < 0.75 {
			t.Errorf("%s: only %.0f%% of %d theme notes found in the audio", e.File, 100*acc, tot)
		}
	}
}
