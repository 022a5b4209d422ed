package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
)

// writeWAV renders a melody to a 16-bit WAV file in dir and returns its path.
func writeWAV(t *testing.T, dir, name string, m synth.Melody, opt synth.Options) string {
	t.Helper()
	x := synth.Render(m, opt)
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rate := opt.SampleRate
	if rate == 0 {
		rate = 11025
	}
	if err := wavtest.Encode(f, [][]float32{x}, rate, wavtest.Options{Bits: 16}); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixtures writes an Ode to Joy, the same tune +3 semitones at 1.25x tempo on another
// instrument, an unrelated tune, and a broken file.
func fixtures(t *testing.T) (ode, odeUp, other, broken string) {
	dir := t.TempDir()
	ode = writeWAV(t, dir, "ode.wav", synth.OdeToJoy(), synth.Options{Timbre: synth.Piano()})
	odeUp = writeWAV(t, dir, "ode_up3.wav", synth.OdeToJoy(), synth.Options{Transpose: 3, Tempo: 125, Timbre: synth.Clarinet(), Chords: true, Bass: true})
	other = writeWAV(t, dir, "frere.wav", synth.FrereJacques(), synth.Options{Timbre: synth.Piano()})
	broken = filepath.Join(dir, "broken.wav")
	if err := os.WriteFile(broken, []byte("RIFF\x04\x00\x00\x00WAVE"), 0o644); err != nil {
		t.Fatal(err)
	}
	return
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	ode, odeUp, _, broken := fixtures(t)
	missing := filepath.Join(t.TempDir(), "missing.wav")
	tests := []struct {
		name      string
		args      []string
		code      int
		stderrHas string
	}{
		{"no command", nil, 2, "usage"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"chroma no file", []string{"chroma"}, 2, "usage"},
		{"chroma two files", []string{"chroma", ode, ode}, 2, "one FILE"},
		{"chroma bad format", []string{"chroma", ode, "--format", "xml"}, 2, "unknown format"},
		{"chroma bad kind", []string{"chroma", ode, "--kind", "mfcc"}, 2, "unknown kind"},
		{"chroma bad flag", []string{"chroma", ode, "--frobnicate"}, 2, "usage"},
		{"chroma missing file", []string{"chroma", missing}, 1, "motif: " + missing + ": "},
		{"chroma broken file", []string{"chroma", broken}, 1, "motif: " + broken + ": "},
		{"compare one file", []string{"compare", ode}, 2, "two files"},
		{"compare broken", []string{"compare", ode, broken, "--json"}, 1, "motif: " + broken + ": "},
		{"rank one file", []string{"rank", ode}, 2, "at least two"},
		{"rank bad format", []string{"rank", ode, odeUp, "--format", "xml"}, 2, "unknown format"},
		{"rank list and files", []string{"rank", ode, "--list", ode}, 2, "not both"},
		{"rank missing list", []string{"rank", "--list", missing}, 1, "motif: " + missing + ": "},
		{"chroma ok", []string{"chroma", ode}, 0, ""},
		{"help", []string{"help"}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.stderrHas) {
				t.Errorf("stderr %q lacks %q", stderr, tc.stderrHas)
			}
			if tc.code == 0 && stderr != "" {
				t.Errorf("stderr not empty on success: %q", stderr)
			}
		})
	}
}

func TestChromaJSONContract(t *testing.T) {
	ode, _, _, _ := fixtures(t)
	for _, kind := range []string{"hpcp", "stft", "cens"} {
		code, stdout, stderr := runCLI("chroma", "--kind", kind, ode)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", kind, code, stderr)
		}
		var got map[string]json.RawMessage
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatal(err)
		}
		want := []string{"file", "duration", "sample_rate", "frame_rate", "kind", "tuning_cents", "pitch_classes", "frames"}
		if len(got) != len(want) {
			t.Errorf("%s: fields %v, want exactly %v", kind, keys(got), want)
		}
		for _, k := range want {
			if _, ok := got[k]; !ok {
				t.Errorf("%s: field %q missing", kind, k)
			}
		}
		var doc chromaJSON
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Kind != kind || doc.File != ode || doc.SampleRate != 11025 || doc.PitchClasses[9] != "A" {
			t.Errorf("%s: header %+v", kind, doc)
		}
		wantFrames := doc.Duration * doc.FrameRate
		if n := float64(len(doc.Frames)); n < wantFrames-3 || n > wantFrames+3 {
			t.Errorf("%s: %d frames for %.2f s at %.2f fps", kind, len(doc.Frames), doc.Duration, doc.FrameRate)
		}
	}
}

func TestChromaCSV(t *testing.T) {
	ode, _, _, _ := fixtures(t)
	code, stdout, _ := runCLI("chroma", ode, "--format", "csv")
	if code != 0 {
		t.Fatal("exit", code)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if lines[0] != "time,C,C#,D,D#,E,F,F#,G,G#,A,A#,B" {
		t.Errorf("header %q", lines[0])
	}
	for i, l := range lines[1:] {
		if n := strings.Count(l, ","); n != 12 {
			t.Fatalf("row %d has %d commas: %q", i, n, l)
		}
	}
	if len(lines) < 50 {
		t.Errorf("only %d rows", len(lines))
	}
}

func TestCompareJSONFindsTransposedMelody(t *testing.T) {
	ode, odeUp, other, _ := fixtures(t)
	code, stdout, stderr := runCLI("compare", ode, odeUp, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "score", "transposition", "tempo_ratio", "segments"} {
		if _, ok := got[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	var r compareJSON
	json.Unmarshal([]byte(stdout), &r)
	if r.Score < 0.5 || r.Transposition != 3 || len(r.Segments) == 0 {
		t.Errorf("same tune +3: score %.3f transposition %d segments %d", r.Score, r.Transposition, len(r.Segments))
	}
	if r.TempoRatio < 1.25*0.9 || r.TempoRatio > 1.25*1.1 {
		t.Errorf("tempo ratio %.2f, want about 1.25", r.TempoRatio)
	}
	if r.A.File != ode || r.B.File != odeUp || r.A.Duration <= 0 {
		t.Errorf("file fields %+v %+v", r.A, r.B)
	}

	code, stdout, _ = runCLI("compare", "--json", ode, other)
	if code != 0 {
		t.Fatal("exit", code)
	}
	r = compareJSON{}
	json.Unmarshal([]byte(stdout), &r)
	if r.Score >= 0.5 {
		t.Errorf("unrelated tunes score %.3f, want < 0.5", r.Score)
	}
	// The contract: the best alignment is reported whatever its score, on the same scale.
	if len(r.Segments) != 1 || r.Segments[0].Score != r.Score || r.Segments[0].BEnd <= r.Segments[0].BStart {
		t.Errorf("unrelated tunes: want exactly the best segment, with the result's score %.3f: %+v", r.Score, r.Segments)
	}
	if !strings.Contains(stdout, `"segments": [`) {
		t.Errorf("segments must be a list even when empty: %s", stdout)
	}
}

func TestRankEveryOrderedPair(t *testing.T) {
	ode, odeUp, other, _ := fixtures(t)
	list := filepath.Join(t.TempDir(), "list.txt")
	os.WriteFile(list, []byte(ode+"\n\n# comment\n"+odeUp+"\n"+other+"\n"), 0o644)
	for _, args := range [][]string{{"rank", ode, odeUp, other}, {"rank", "--list", list}} {
		code, stdout, stderr := runCLI(args...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if stderr != "" {
			t.Errorf("stderr not a terminal, yet progress was written: %q", stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if len(lines) != 6 {
			t.Fatalf("%d lines, want 6 ordered pairs:\n%s", len(lines), stdout)
		}
		best := map[string]string{}
		bestScore := map[string]string{}
		for _, l := range lines {
			f := strings.Split(l, "\t")
			if len(f) != 3 || f[0] == f[1] {
				t.Fatalf("bad line %q", l)
			}
			if s := f[2]; best[f[0]] == "" || s > bestScore[f[0]] {
				best[f[0]], bestScore[f[0]] = f[1], s
			}
		}
		if best[ode] != odeUp || best[odeUp] != ode {
			t.Errorf("the two Ode to Joy versions should rank each other first: %v", best)
		}
	}
	code, stdout, _ := runCLI("rank", "--format", "json", ode, odeUp, other)
	var rows []rankJSON
	if code != 0 || json.Unmarshal([]byte(stdout), &rows) != nil || len(rows) != 6 {
		t.Fatalf("json rank: exit %d, %d rows", code, len(rows))
	}
}

func keys(m map[string]json.RawMessage) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	slices.Sort(k)
	return k
}
