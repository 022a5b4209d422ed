package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runIn(stdin []byte, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, bytes.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// Standard input stands for one FILE, or for the list of files.
func TestStdin(t *testing.T) {
	ode, odeUp, _, _ := fixtures(t)
	data, err := os.ReadFile(odeUp)
	if err != nil {
		t.Fatal(err)
	}
	code, fromFile, _ := runIn(nil, "compare", ode, odeUp, "--json")
	code2, fromStdin, stderr := runIn(data, "compare", ode, "-", "--json")
	if code != 0 || code2 != 0 {
		t.Fatalf("exit %d / %d: %s", code, code2, stderr)
	}
	var a, b compareJSON
	json.Unmarshal([]byte(fromFile), &a)
	json.Unmarshal([]byte(fromStdin), &b)
	if b.B.File != "-" || a.Score != b.Score || a.Transposition != b.Transposition || len(a.Segments) != len(b.Segments) {
		t.Errorf("from stdin %+v, from the file %+v", b, a)
	}
	if code, _, stderr := runIn(data, "compare", "-", "-"); code != 2 || !strings.Contains(stderr, "only once") {
		t.Errorf("compare - -: exit %d, %q", code, stderr)
	}
	code, out, stderr := runIn([]byte(ode+"\n"+odeUp+"\n"), "rank", "--list", "-")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("rank --list -: exit %d, output %q, %s", code, out, stderr)
	}
	code, out, _ = runIn(data, "chroma", "-", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "time,C,") {
		t.Errorf("chroma -: exit %d", code)
	}
}

// A directory contributes its audio files, sorted; --keep-going reports a bad file, leaves it
// out, and exits 1 after the rest is done; without it nothing is written.
func TestDirectoriesAndKeepGoing(t *testing.T) {
	ode, odeUp, other, broken := fixtures(t)
	dir := t.TempDir()
	for i, p := range []string{ode, odeUp, other} {
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(dir, []string{"b.wav", "a.WAV", "c.wav"}[i]), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not audio"), 0o644)
	code, out, stderr := runIn(nil, "rank", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], filepath.Join(dir, "a.WAV")+"\t") {
		t.Errorf("rank DIR: %q", out)
	}

	code, out, stderr = runIn(nil, "rank", dir, broken)
	if code != 1 || out != "" || !strings.HasPrefix(stderr, "motif: "+broken+": ") {
		t.Errorf("a bad file without --keep-going: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	code, out, stderr = runIn(nil, "rank", "--keep-going", dir, broken)
	if code != 1 || strings.Count(out, "\n") != 6 || !strings.HasPrefix(stderr, "motif: "+broken+": ") {
		t.Errorf("--keep-going: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestRankFormatsAndTop(t *testing.T) {
	ode, odeUp, other, _ := fixtures(t)
	code, out, _ := runIn(nil, "rank", "--format", "jsonl", ode, odeUp, other)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 6 {
		t.Fatalf("jsonl: exit %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		var r rankJSON
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Query == "" || r.Candidate == "" {
			t.Errorf("jsonl line %q: %v", l, err)
		}
	}
	code, out, _ = runIn(nil, "rank", "--format", "csv", "--top", "1", ode, odeUp, other)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 4 {
		t.Fatalf("csv --top 1: exit %d, %v, %d rows", code, err, len(rows))
	}
	if strings.Join(rows[0], ",") != "query,candidate,score,transposition,tempo_ratio" {
		t.Errorf("csv header %q", rows[0])
	}
	best := map[string]string{}
	for _, r := range rows[1:] {
		best[r[0]] = r[1]
	}
	if best[ode] != odeUp || best[odeUp] != ode {
		t.Errorf("--top 1 should keep each Ode to Joy's other version: %v", best)
	}
	code, out, _ = runIn(nil, "rank", "--json", ode, odeUp)
	var all []rankJSON
	if code != 0 || json.Unmarshal([]byte(out), &all) != nil || len(all) != 2 {
		t.Errorf("--json: exit %d, %q", code, out)
	}
}

// -h prints the command's usage on stdout and exits 0; a bad flag's message starts with
// "motif:"; version names the build.
func TestHelpFlagsVersion(t *testing.T) {
	for _, cmd := range [][]string{{"chroma"}, {"compare"}, {"rank"}, {"plot", "chroma"}, {"plot", "compare"}} {
		code, out, stderr := runIn(nil, append(cmd, "-h")...)
		if code != 0 || !strings.HasPrefix(out, "usage: motif "+strings.Join(cmd, " ")) || stderr != "" {
			t.Errorf("%v -h: exit %d, stdout %q, stderr %q", cmd, code, out, stderr)
		}
		code, _, stderr = runIn(nil, append(cmd, "--frobnicate")...)
		if code != 2 || !strings.HasPrefix(stderr, "motif: ") || !strings.Contains(stderr, "frobnicate") {
			t.Errorf("%v --frobnicate: exit %d, stderr %q", cmd, code, stderr)
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := runIn(nil, args...)
		if code != 0 || !strings.HasPrefix(out, "motif ") || !strings.Contains(out, "go1.") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	code, out, _ := runIn(nil, "--help")
	for _, c := range []string{"chroma", "compare", "rank", "plot", "version"} {
		if code != 0 || !strings.Contains(out, "\n  "+c+" ") {
			t.Errorf("--help does not describe %s: %q", c, out)
		}
	}
}

// Run-time options reach the library, and a value it refuses is a usage error naming the flag.
func TestChromaAndCompareOptions(t *testing.T) {
	ode, odeUp, _, _ := fixtures(t)
	var d1, d2 chromaJSON
	_, out, _ := runIn(nil, "chroma", ode)
	json.Unmarshal([]byte(out), &d1)
	code, out, stderr := runIn(nil, "chroma", ode, "--hop", "512", "--rate", "22050", "--min-freq", "65.4")
	json.Unmarshal([]byte(out), &d2)
	if code != 0 || d2.FrameRate < 43 || d2.FrameRate > 43.1 || d1.FrameRate > 11 {
		t.Errorf("--hop 512 --rate 22050: exit %d, %.2f frames/s (default %.2f): %s", code, d2.FrameRate, d1.FrameRate, stderr)
	}
	code, _, stderr = runIn(nil, "chroma", ode, "--hop", "5000")
	if code != 2 || !strings.Contains(stderr, "--hop 5000") {
		t.Errorf("--hop 5000: exit %d, %q", code, stderr)
	}
	code, out, _ = runIn(nil, "compare", ode, odeUp, "--json", "--max-segments", "1")
	var r compareJSON
	json.Unmarshal([]byte(out), &r)
	if code != 0 || len(r.Segments) != 1 {
		t.Errorf("--max-segments 1: exit %d, %d segments", code, len(r.Segments))
	}
	if code, _, _ := runIn(nil, "compare", ode, odeUp, "--max-segments", "0"); code != 2 {
		t.Errorf("--max-segments 0: exit %d, want 2", code)
	}
	if code, _, stderr := runIn(nil, "compare", ode, odeUp, "--json", "--format", "text"); code != 2 || !strings.Contains(stderr, "disagree") {
		t.Errorf("--json --format text: exit %d, %q", code, stderr)
	}
}
