package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
	"github.com/leitmotif-audio/leitmotif/internal/pgtest"
)

// pg is the PostgreSQL server of the index commands' tests, started by the first that needs
// it (without one they skip, or fail when pgtest.RequireEnv is set, as in CI).
var pg pgtest.Lazy

func TestIndexCommands(t *testing.T) {
	t.Run("file", func(t *testing.T) { testIndexCommands(t, filepath.Join(t.TempDir(), "cat.lmx")) })
	t.Run("postgres", func(t *testing.T) { testIndexCommands(t, pg.Database(t)) })
}

// testIndexCommands builds the index ix, adds to it, reads its info and searches it.
func testIndexCommands(t *testing.T, ix string) {
	ode, odeUp, other, broken := fixtures(t)
	name := fingerprint.Redacted(ix)
	if code, _, stderr := runIn(nil, "index", "build", ix, ode); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runIn(nil, "index", "add", ix, other); code != 0 {
		t.Fatalf("add: exit %d: %s", code, stderr)
	}
	code, out, stderr := runIn(nil, "index", "info", ix, "--json")
	var info map[string]json.RawMessage
	if code != 0 || json.Unmarshal([]byte(out), &info) != nil {
		t.Fatalf("info: exit %d, %q %s", code, out, stderr)
	}
	if got := strings.Join(keys(info), ","); got != "bytes,duration,index,tracks,version" || string(info["tracks"]) != "2" ||
		string(info["index"]) != strconv.Quote(name) {
		t.Errorf("info %s", out)
	}

	// One JSON object a query, one line each.
	code, out, stderr = runIn(nil, "index", "search", ix, odeUp, other, "--json", "--top", "1")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("search: exit %d, %q %s", code, out, stderr)
	}
	var first searchJSON
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Query != odeUp || len(first.Results) != 1 || first.Results[0].File != ode || first.Results[0].Score < 0.5 ||
		first.Results[0].Transposition == nil || *first.Results[0].Transposition != -3 || len(first.Results[0].Segments) == 0 {
		t.Errorf("search %s", lines[0])
	}
	code, out, _ = runIn(nil, "index", "search", ix, odeUp, "--json", "--no-verify")
	if code != 0 || strings.Contains(out, "transposition") || strings.Contains(out, "segments") || !strings.Contains(out, filepath.Base(ode)) {
		t.Errorf("search --no-verify: %s", out)
	}

	// A failed build leaves the old index; a corrupt index is refused, naming it.
	if code, _, _ := runIn(nil, "index", "build", ix, broken); code != 1 {
		t.Errorf("build from a broken file: exit %d", code)
	}
	if code, out, _ := runIn(nil, "index", "info", ix, "--json"); code != 0 || !strings.Contains(out, `"tracks": 2`) {
		t.Errorf("after a failed build: %s", out)
	}
	for _, args := range [][]string{{}, {"rebuild"}, {"build"}, {"build", ix}, {"search", ix}, {"info"}, {"search", ix, ode, "--top", "0"}} {
		if code, _, stderr := runIn(nil, append([]string{"index"}, args...)...); code != 2 || !strings.Contains(stderr, "usage") && !strings.Contains(stderr, "motif:") {
			t.Errorf("index %v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestIndexRefusesFile: a corrupt index file, a file that is no index and a missing one are
// refused, naming the file.
func TestIndexRefusesFile(t *testing.T) {
	ode, _, other, _ := fixtures(t)
	dir := t.TempDir()
	ix := filepath.Join(dir, "cat.lmx")
	if code, _, stderr := runIn(nil, "index", "build", ix, ode); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(ix)
	data[len(data)/2] ^= 0x40
	bad := filepath.Join(dir, "bad.lmx")
	os.WriteFile(bad, data, 0o644)
	for _, args := range [][]string{{"info", bad}, {"search", bad, ode}, {"add", bad, other}, {"info", ode}, {"info", filepath.Join(dir, "missing.lmx")}} {
		code, _, stderr := runIn(nil, append([]string{"index"}, args...)...)
		if code != 1 || !strings.HasPrefix(stderr, "motif: "+args[1]+":") {
			t.Errorf("index %v: exit %d, %q", args, code, stderr)
		}
	}
}

// TestIndexRefusesDatabase: a database without an index, a wrong password and a server that
// does not answer are refused, naming the URL without its password.
func TestIndexRefusesDatabase(t *testing.T) {
	ode, _, _, _ := fixtures(t)
	empty := pg.Database(t)
	for _, tc := range []struct{ url, want string }{
		{empty, "holds no leitmotif index"},
		{strings.Replace(empty, ":"+pgtest.Password+"@", ":wrong@", 1), "password authentication failed"},
		{"postgres://someone:secret@127.0.0.1:1/cat?connect_timeout=5", "cannot connect"},
	} {
		for _, args := range [][]string{{"info", tc.url}, {"search", tc.url, ode}, {"add", tc.url, ode}} {
			code, _, stderr := runIn(nil, append([]string{"index"}, args...)...)
			if code != 1 || !strings.HasPrefix(stderr, "motif: "+fingerprint.Redacted(tc.url)+": ") || !strings.Contains(stderr, tc.want) ||
				strings.Contains(stderr, "secret") || strings.Contains(stderr, ":"+pgtest.Password+"@") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("index %v: exit %d, %q", args[0], code, stderr)
			}
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}
