package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// buildMotif compiles the command once per test binary run.
func buildMotif(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "motif")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// The real binary, as scripts and notebooks run it: exit statuses, stdin, help on stdout, the
// compressed formats of the quick start.
func TestBinary(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build the binary with")
	}
	bin := buildMotif(t)
	exe := func(stdin []byte, args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = bytes.NewReader(stdin)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case errors.As(err, &ee):
			return ee.ExitCode(), out.String(), errb.String()
		case err != nil:
			t.Fatal(err)
		}
		return 0, out.String(), errb.String()
	}
	const trailer, ballad = "../../testdata/formats/trailer-64k.mp3", "../../testdata/examples/ballad.wav"
	code, out, stderr := exe(nil, "compare", trailer, ballad, "--json")
	var r compareJSON
	if code != 0 || json.Unmarshal([]byte(out), &r) != nil || r.Score < 0.5 || r.Transposition != 3 {
		t.Errorf("compare MP3 WAV: exit %d, %s %s", code, out, stderr)
	}
	flac, err := os.ReadFile("../../testdata/formats/trailer.flac")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ = exe(flac, "compare", "-", ballad, "--json")
	var rs compareJSON
	if code != 0 || json.Unmarshal([]byte(out), &rs) != nil || rs.A.File != "-" || rs.Transposition != 3 || rs.Score < 0.5 {
		t.Errorf("compare FLAC on stdin: exit %d, %s", code, out)
	}
	if code, out, stderr := exe(nil, "rank", "-h"); code != 0 || !strings.HasPrefix(out, "usage: motif rank") || stderr != "" {
		t.Errorf("rank -h: exit %d, %q %q", code, out, stderr)
	}
	if code, _, stderr := exe(nil, "rank", "--nope"); code != 2 || !strings.HasPrefix(stderr, "motif: ") {
		t.Errorf("rank --nope: exit %d, %q", code, stderr)
	}
	if code, _, stderr := exe(nil, "chroma", "../../testdata/formats/unsupported/tone.opus"); code != 1 ||
		!strings.HasPrefix(stderr, "motif: ../../testdata/formats/unsupported/tone.opus: ") {
		t.Errorf("chroma of an Opus file: exit %d, %q", code, stderr)
	}
	if code, out, _ := exe(nil, "version"); code != 0 || !strings.HasPrefix(out, "motif ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
