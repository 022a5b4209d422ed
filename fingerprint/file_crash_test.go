package fingerprint

import (
	"bufio"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fileCrashEnv names the index a TestFileCrashHelper child adds to.
const fileCrashEnv = "LEITMOTIF_FILE_CRASH_INDEX"

// fileCrashBatch is what the child adds: the same tracks in the parent and the child.
func fileCrashBatch() []NewTrack {
	// 5.6 KiB of features and 100 postings per minute, 3-minute tracks.
	return fileTestTracks(rand.New(rand.NewPCG(11, 11)), 150, 300, 17000, "u18")
}

// TestFileCrashHelper is the child of TestFileCrash: it opens the index named by the
// environment, says "ready", adds fileCrashBatch and says "done".
func TestFileCrashHelper(t *testing.T) {
	path := os.Getenv(fileCrashEnv)
	if path == "" {
		t.Skip("run by TestFileCrash")
	}
	batch := fileCrashBatch()
	f, err := OpenFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("ready\n")
	if err := f.Add(context.Background(), nil, batch); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("done\n")
}

// TestFileCrash kills a process adding to an index with SIGKILL at random moments of its Add,
// many times, and opens the index after each: it is always valid, either as it was or with
// the whole batch added.
func TestFileCrash(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("no SIGKILL of a child process on %s", runtime.GOOS)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "index.lmx")
	base, ref := fileSmallIndex(t, 40, 300, 17000)
	newRef := newFileRef()
	newRef.add(ref.tracks)
	newRef.add(fileCrashBatch())

	// run starts a child adding to a fresh copy of the base index, kills it after delay
	// (never if negative) and says how long its Add took if it finished, and whether it was
	// killed.
	run := func(delay time.Duration) (took time.Duration, killed bool) {
		t.Helper()
		if err := os.WriteFile(path, base, 0o666); err != nil {
			t.Fatal(err)
		}
		return crashChild(t, "TestFileCrashHelper", []string{fileCrashEnv + "=" + path}, delay)
	}

	// One run to its end: how long the Add takes here, to spread the kills over it.
	took, _ := run(-1)
	if took == 0 {
		t.Fatal("the child did not finish its Add")
	}
	f := fileOpen(t, path, false, 0)
	fileCheck(t, f, newRef, []byte("params"))
	f.Close()
	t.Logf("an Add of %d tracks to %d takes %v", len(newRef.tracks)-len(ref.tracks), len(ref.tracks), took)

	iterations := 30
	if testing.Short() {
		iterations = 10
	}
	rng := rand.New(rand.NewPCG(2024, 1))
	var old, added, killedAdded, temps int
	for i := range iterations {
		delay := time.Duration(rng.Int64N(int64(took) * 5 / 4))
		_, killed := run(delay)
		f, err := openFileLimit(path, false, 0)
		if err != nil {
			t.Fatalf("iteration %d (killed after %v): the index does not open: %v", i, delay, err)
		}
		n, _, _, err := f.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		switch n {
		case len(ref.tracks):
			fileCheck(t, f, ref, []byte("params"))
			old++
		case len(newRef.tracks):
			fileCheck(t, f, newRef, []byte("params"))
			added++
			if killed {
				killedAdded++
			}
		default:
			t.Fatalf("iteration %d: %d tracks, want %d or %d", i, n, len(ref.tracks), len(newRef.tracks))
		}
		f.Close()
		// A killed Add may leave its temporary file; it is never taken for the index.
		left, _ := filepath.Glob(path + ".tmp-*")
		temps += len(left)
		for _, p := range left {
			os.Remove(p)
		}
	}
	t.Logf("%d kills: %d left the old index, %d the new one (%d of them killed after the rename); %d temporary files left behind",
		iterations, old, added, killedAdded, temps)
	if old == 0 || added == 0 {
		t.Logf("warning: the kills did not fall on both sides of the rename")
	}
}

// crashChild runs the test helper of this test binary in a child process with env added,
// waits for it to say "ready", kills it with SIGKILL after delay (never if negative) and
// returns how long it took from "ready" to "done" if it got there, and whether it was killed.
func crashChild(t *testing.T, helper string, env []string, delay time.Duration) (took time.Duration, killed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+helper+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, err := r.ReadString('\n'); line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q, %v; stderr: %s", line, err, stderr.String())
	}
	start := time.Now()
	if delay >= 0 {
		time.Sleep(delay)
		cmd.Process.Kill() // SIGKILL
	}
	done := make(chan time.Duration, 1)
	go func() {
		line, _ := r.ReadString('\n')
		if line == "done\n" {
			done <- time.Since(start)
		}
		close(done)
		io.Copy(io.Discard, r)
	}()
	took = <-done
	err = cmd.Wait()
	var ee *exec.ExitError
	killed = errors.As(err, &ee) && !ee.Exited()
	if err != nil && !killed {
		t.Fatalf("child: %v; stderr: %s", err, stderr.String())
	}
	return took, killed
}
