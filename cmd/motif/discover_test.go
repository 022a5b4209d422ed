package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// discoverFixtures writes a song that plays Frère Jacques, a random phrase, the tune again a
// minor third up and another random phrase; a second file with the tune a tone down; and a
// silent file.
func discoverFixtures(t *testing.T) (song, other, silent string) {
	dir := t.TempDir()
	so := synth.Options{Tempo: 140, Timbre: synth.Piano(), Chords: true}
	tune := synth.FrereJacques()
	song = writeWAV(t, dir, "song.wav", synth.Concat("song", synth.Random(21, 4, 0), tune, synth.Random(22, 6, 0), tune.Transposed(3), synth.Random(23, 4, 0)), so)
	other = writeWAV(t, dir, "other.wav", synth.Concat("other", synth.Random(24, 6, 0), tune.Transposed(-2), synth.Random(25, 4, 0)), synth.Options{Tempo: 120, Timbre: synth.Clarinet()})
	silent = writeWAV(t, dir, "silent.wav", synth.Melody{Name: "rest", BeatsPerBar: 4}, synth.Options{})
	return
}

func TestDiscover(t *testing.T) {
	song, other, silent := discoverFixtures(t)
	code, out, stderr := runIn(nil, "discover", "--json", song, other)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got discoverJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Motifs) == 0 {
		t.Fatalf("no motif: %s", out)
	}
	m := got.Motifs[0]
	trans := map[string]int{}
	for _, o := range m.Occurrences {
		trans[filepath.Base(o.File)+"@"+map[bool]string{true: "early", false: "late"}[o.Start < 20]] = o.Transposition
		if !(o.End > o.Start && o.Score >= 0.5 && o.Score <= 1) {
			t.Errorf("occurrence %+v", o)
		}
	}
	// Occurrences in file order then time, transpositions relative to the first (song, +0).
	want := map[string]int{"song.wav@early": 0, "song.wav@late": 3, "other.wav@early": -2}
	if m.ID != 1 || len(m.Occurrences) != 3 || len(trans) != 3 {
		t.Fatalf("motif 1: %+v", m)
	}
	for k, v := range want {
		if got, ok := trans[k]; !ok || got != v {
			t.Errorf("%s: transposition %d (found %v), want %d; %+v", k, got, ok, v, m)
		}
	}
	if raw := map[string]any{}; json.Unmarshal([]byte(out), &raw) != nil || raw["motifs"] == nil {
		t.Errorf("no motifs key: %s", out)
	}

	code, text, _ := runIn(nil, "discover", song, other)
	if code != 0 || !strings.HasPrefix(text, "motif 1: 3 occurrences") || !strings.Contains(text, "(+3)") {
		t.Errorf("text output:\n%s", text)
	}
	code, csvOut, _ := runIn(nil, "discover", "--format", "csv", song, other)
	if lines := strings.Split(strings.TrimSpace(csvOut), "\n"); code != 0 || lines[0] != "motif,length,file,start,end,transposition,score" || len(lines) < 4 {
		t.Errorf("csv output:\n%s", csvOut)
	}

	// Nothing recurs in silence, or in a track shorter than --min-length: an empty list.
	for _, args := range [][]string{{silent}, {"--min-length", "60", other}} {
		code, out, stderr = runIn(nil, append([]string{"discover", "--json"}, args...)...)
		if code != 0 || strings.TrimSpace(out) != `{
  "motifs": []
}` {
			t.Errorf("%v: exit %d, %q %s", args, code, out, stderr)
		}
	}
}

func TestDiscoverBadInput(t *testing.T) {
	_, _, _, broken := fixtures(t)
	song, _, _ := discoverFixtures(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"discover"}, 2, "at least one file"},
		{[]string{"discover", "--min-length", "0", song}, 2, "--min-length"},
		{[]string{"discover", "--max-motifs", "-1", song}, 2, "--max-motifs"},
		{[]string{"discover", song, broken}, 1, "motif: " + broken + ":"},
		{[]string{"discover", "--keep-going", song, broken}, 1, "motif: " + broken + ":"},
		{[]string{"plot", "discover", song}, 2, "-o OUT.png"},
	} {
		code, _, stderr := runIn(nil, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	out := filepath.Join(t.TempDir(), "timeline.png")
	if code, _, stderr := runIn(nil, "plot", "discover", song, "-o", out); code != 0 {
		t.Errorf("plot discover: exit %d: %s", code, stderr)
	}
}
