package fingerprint

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/internal/pgtest"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// pg is the PostgreSQL server the package's tests share, started by the first that needs it
// (without one they skip, or fail when pgtest.RequireEnv is set, as in CI).
var pg pgtest.Lazy

func TestMain(m *testing.M) {
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

// pgOpen opens the index in url, failing the test on an error, and closes it at the end.
func pgOpen(t testing.TB, url string, create bool) *Postgres {
	t.Helper()
	p, err := OpenPostgres(context.Background(), url, create)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// pgExec runs sql on the database at url.
func pgExec(t testing.TB, url, sql string, args ...any) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, sql, args...); err != nil {
		t.Fatal(err)
	}
}

// The round trip of the file backend's test, through PostgreSQL: what goes in comes out, in
// Lookup's order, across adds, with every hash space (Zipf-common hashes, hashes at both ends
// of the 32 bits whose stored order must stay unsigned).
func TestPostgresRoundTrip(t *testing.T) {
	ctx := context.Background()
	url := pg.Database(t)
	if _, err := OpenPostgres(ctx, url, false); err == nil || !strings.Contains(err.Error(), "holds no leitmotif index") {
		t.Fatalf("opening a database without an index: %v", err)
	}
	p := pgOpen(t, url, true)
	ref := newFileRef()
	backendCheck(t, p, ref, nil)
	rng := rand.New(rand.NewPCG(3, 4))
	params := []byte("codes v1 at 10 frames/s")
	for i, space := range []fileHashSpace{"u18", "zipf18", "three", "u32"} {
		batch := fileTestTracks(rng, 3, 200, 3000, space)
		if i == 0 {
			batch[1].Postings = nil // a track with no codes
			batch[2].Features = nil // and one with no features
		}
		prm := params
		if i == 2 {
			prm = nil // any
		}
		if err := p.Add(ctx, prm, batch); err != nil {
			t.Fatal(err)
		}
		ref.add(batch)
		backendCheck(t, p, ref, params)
	}
	p.Close()
	p = pgOpen(t, url, false)
	backendCheck(t, p, ref, params)
	if err := p.Add(ctx, []byte("other"), fileTestTracks(rng, 1, 10, 10, "u18")); !errors.Is(err, ErrParams) {
		t.Errorf("Add with other params: %v, want ErrParams", err)
	}
	if err := p.Add(ctx, params, nil); err != nil {
		t.Errorf("adding nothing: %v", err)
	}
	backendCheck(t, p, ref, params)

	// A rebuild replaces the catalogue whole, parameters included.
	batch := fileTestTracks(rng, 2, 50, 100, "u18")
	if err := p.write(ctx, []byte("new"), batch, true); err != nil {
		t.Fatal(err)
	}
	ref = newFileRef()
	ref.add(batch)
	backendCheck(t, p, ref, []byte("new"))
}

// The packed posting lists round-trip, segment after segment as adds append them, and damaged
// ones are refused, never misread silently past their end.
func TestPackedPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var list []byte
	var want []Posting
	for seg, n := range []int{1, 2, 50, 1000, 1} {
		ps := make([]Posting, n)
		for i := range ps {
			ps[i] = Posting{Hash: 9, Track: uint32(seg)*100000 + rng.Uint32N(40)*1000, Time: rng.Uint32()}
		}
		if seg == 4 {
			ps[0] = Posting{Hash: 9, Track: 1<<32 - 1, Time: 1<<32 - 1}
		}
		slices.SortFunc(ps, comparePostings)
		list = packSegment(list, ps)
		want = append(want, ps...)
		var got []Posting
		if err := unpackPostings(list, 9, func(p Posting) error { got = append(got, p); return nil }); err != nil || !slices.Equal(got, want) {
			t.Fatalf("%d segments: got %d postings of %d back, %v", seg+1, len(got), len(want), err)
		}
		if err := unpackPostings(list[:len(list)-1], 9, func(Posting) error { return nil }); !errors.Is(err, errPacked) {
			t.Errorf("%d segments cut by a byte: %v", seg+1, err)
		}
	}
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"an empty segment", []byte{0}},
		{"a count past the bytes", []byte{5, 1, 1}},
		{"a track past 2^32", append(packSegment(nil, []Posting{{Track: 1<<32 - 1}}), 2, 0, 0, 1, 0)},
		{"a segment not after the previous", append(packSegment(nil, []Posting{{Track: 7}}), packSegment(nil, []Posting{{Track: 7}})...)},
	} {
		if err := unpackPostings(tc.b, 0, func(Posting) error { return nil }); !errors.Is(err, errPacked) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// FuzzUnpackPostings feeds the packed posting reader arbitrary bytes: it returns postings
// sorted by track and time, or errPacked, and never panics.
func FuzzUnpackPostings(f *testing.F) {
	seg := packSegment(nil, []Posting{{Track: 3, Time: 7}, {Track: 3, Time: 9}, {Track: 5, Time: 1}})
	f.Add(seg)
	f.Add(packSegment(slices.Clone(seg), []Posting{{Track: 8, Time: 2}}))
	f.Add([]byte{1, 0x80})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var prev Posting
		first := true
		err := unpackPostings(b, 1, func(p Posting) error {
			if !first && (p.Track < prev.Track || p.Track == prev.Track && p.Time < prev.Time) {
				t.Fatalf("postings out of order: %+v after %+v", p, prev)
			}
			prev, first = p, false
			return nil
		})
		if err != nil && !errors.Is(err, errPacked) {
			t.Fatal(err)
		}
	})
}

// The index refuses what it cannot use, each with a message naming the database (its
// password hidden) and the problem.
func TestPostgresRefuses(t *testing.T) {
	ctx := context.Background()
	srv := pg.Get(t)
	newer := pg.Database(t)
	pgOpen(t, newer, true).Close()
	pgExec(t, newer, "UPDATE leitmotif.meta SET schema_version = 99")
	foreign := pg.Database(t)
	pgExec(t, foreign, "CREATE SCHEMA leitmotif; CREATE TABLE leitmotif.meta (name text)")
	empty := pg.Database(t)
	wrongPassword := strings.Replace(empty, ":"+pgtest.Password+"@", ":not-the-password@", 1)

	for _, tc := range []struct {
		name, url string
		create    bool
		want      string
	}{
		{"no index", empty, false, "holds no leitmotif index"},
		{"newer schema", newer, false, "schema version 99 is newer"},
		{"newer schema, create", newer, true, "schema version 99 is newer"},
		{"foreign schema", foreign, true, "not an index's"},
		{"wrong password", wrongPassword, false, "password authentication failed"},
		{"no database", srv.URL("nosuchdb"), true, `database "nosuchdb" does not exist`},
		{"nothing listening", "postgres://u:secret@127.0.0.1:1/db?connect_timeout=5", false, "cannot connect"},
		{"bad URL", "postgres://u:secret@127.0.0.1:notaport/db", false, "not a usable PostgreSQL URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			p, err := OpenPostgres(ctx, tc.url, tc.create)
			if err == nil {
				p.Close()
				t.Fatal("opened")
			}
			var ie *IndexError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q (%T), want an *IndexError saying %q", err, err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), pgtest.Password+"@") {
				t.Errorf("the error shows the password: %q", err)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	// The refused databases are as they were: no schema was written into them.
	var n int
	c, err := pgx.Connect(ctx, empty)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if err := c.QueryRow(ctx, "SELECT count(*) FROM pg_namespace WHERE nspname = 'leitmotif'").Scan(&n); err != nil || n != 0 {
		t.Errorf("opening without create wrote a schema: %d, %v", n, err)
	}
}

// Two writers adding at once serialise on the advisory lock: every track is numbered once
// and the postings of each add are whole.
func TestPostgresConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	url := pg.Database(t)
	pgOpen(t, url, true)
	const writers, adds = 3, 4
	var wg sync.WaitGroup
	errs := make(chan error, writers*adds)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := OpenPostgres(ctx, url, true)
			if err != nil {
				errs <- err
				return
			}
			defer p.Close()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for range adds {
				batch := fileTestTracks(rng, 5, 100, 500, "u18")
				for i := range batch {
					batch[i].Info.Path = fmt.Sprintf("w%d", w)
					for j := range batch[i].Postings {
						batch[i].Postings[j].Hash = uint32(w) // the writer's own hash
					}
				}
				errs <- p.Add(ctx, []byte("p"), batch)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p := pgOpen(t, url, false)
	n, _, _, err := p.Stats(ctx)
	if err != nil || n != writers*adds*5 {
		t.Fatalf("%d tracks, %v; want %d", n, err, writers*adds*5)
	}
	count := map[uint32]int{}
	if err := p.Lookup(ctx, []uint32{0, 1, 2}, func(q Posting) error {
		info, err := p.Track(ctx, q.Track)
		if err != nil {
			return err
		}
		if info.Path != fmt.Sprintf("w%d", q.Hash) {
			return fmt.Errorf("track %d of writer %s holds writer %d's hash", q.Track, info.Path, q.Hash)
		}
		count[q.Track]++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for id := range uint32(n) {
		if count[id] != 100 {
			t.Errorf("track %d: %d postings, want 100", id, count[id])
		}
	}
}

// A search while another writer adds sees each add whole or not at all: every track a lookup
// returns has all of its postings.
func TestPostgresSearchWhileAdding(t *testing.T) {
	ctx := context.Background()
	url := pg.Database(t)
	w := pgOpen(t, url, true)
	r := pgOpen(t, url, false)
	hashes := []uint32{1, 1 << 20, 1<<31 + 5, 1<<32 - 1}
	const perTrack = 40 // 10 postings of each hash
	batch := func(n int) []NewTrack {
		out := make([]NewTrack, n)
		for i := range out {
			for j := range perTrack {
				out[i].Postings = append(out[i].Postings, Posting{Hash: hashes[j%len(hashes)], Time: uint32(j)})
			}
		}
		return out
	}
	done := make(chan error, 1)
	go func() {
		for range 15 {
			if err := w.Add(ctx, nil, batch(20)); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	lookups := 0
	for finished := false; !finished; lookups++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		count := map[uint32]int{}
		if err := r.Lookup(ctx, hashes, func(p Posting) error { count[p.Track]++; return nil }); err != nil {
			t.Fatal(err)
		}
		for id, c := range count {
			if c != perTrack {
				t.Fatalf("lookup %d: track %d has %d of its %d postings", lookups, id, c, perTrack)
			}
		}
		if len(count)%20 != 0 {
			t.Fatalf("lookup %d sees %d tracks: part of an add", lookups, len(count))
		}
	}
	t.Logf("%d lookups during 15 adds", lookups)
}

// pgCrashEnv names the database a TestPostgresCrashHelper child writes to, and
// pgCrashModeEnv what it does: "add" the batch, or "build" (replace the catalogue with it).
const (
	pgCrashEnv     = "LEITMOTIF_PG_CRASH_URL"
	pgCrashModeEnv = "LEITMOTIF_PG_CRASH_MODE"
)

// TestPostgresCrashHelper is the child of TestPostgresCrash: it says "ready", adds
// fileCrashBatch or builds the index from it, and says "done".
func TestPostgresCrashHelper(t *testing.T) {
	url := os.Getenv(pgCrashEnv)
	if url == "" {
		t.Skip("run by TestPostgresCrash")
	}
	batch := fileCrashBatch()
	p, err := OpenPostgres(context.Background(), url, false)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("ready\n")
	if err := p.write(context.Background(), []byte("p"), batch, os.Getenv(pgCrashModeEnv) == "build"); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("done\n")
}

// TestPostgresCrash kills a process adding to the index, or rebuilding it, with SIGKILL at
// moments spread over its transaction: the index is then the old one or the new one, whole.
func TestPostgresCrash(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skipf("no SIGKILL of a child process on %s", runtime.GOOS)
	}
	for _, mode := range []string{"add", "build"} {
		t.Run(mode, func(t *testing.T) { testPostgresCrash(t, mode) })
	}
}

func testPostgresCrash(t *testing.T, mode string) {
	url := pg.Database(t)
	p := pgOpen(t, url, true)
	ctx := context.Background()
	base := fileTestTracks(rand.New(rand.NewPCG(12, 12)), 40, 300, 17000, "u18")
	if err := p.Add(ctx, []byte("p"), base); err != nil {
		t.Fatal(err)
	}
	oldRef := newFileRef()
	oldRef.add(base)
	newRef := newFileRef()
	if mode == "add" {
		newRef.add(base)
	}
	newRef.add(fileCrashBatch())

	run := func(delay time.Duration) (took time.Duration, killed bool) {
		t.Helper()
		env := []string{pgCrashEnv + "=" + url + "&application_name=crashchild", pgCrashModeEnv + "=" + mode}
		return crashChild(t, "TestPostgresCrashHelper", env, delay)
	}
	// check reports whether the index is the old one or the new one, failing otherwise, and
	// puts the old one back.
	check := func() (isNew bool) {
		t.Helper()
		// The server ends a killed client's session when it notices; a COMMIT it had sent
		// by then still completes. Look once the session is gone.
		for {
			var sessions int
			if err := p.pool.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'crashchild'").Scan(&sessions); err != nil {
				t.Fatal(err)
			}
			if sessions == 0 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		n, _, _, err := p.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		switch n {
		case len(oldRef.tracks):
			backendCheck(t, p, oldRef, []byte("p"))
			return false
		case len(newRef.tracks):
			backendCheck(t, p, newRef, []byte("p"))
			// Back to the old catalogue for the next kill.
			if err := p.write(ctx, []byte("p"), base, true); err != nil {
				t.Fatal(err)
			}
			return true
		}
		t.Fatalf("after a kill: %d tracks, neither %d nor %d", n, len(oldRef.tracks), len(newRef.tracks))
		return false
	}
	took, _ := run(-1)
	if !check() {
		t.Fatal("the unkilled add did not add")
	}
	rng := rand.New(rand.NewPCG(13, 13))
	kills, olds := 0, 0
	for range 12 {
		_, killed := run(time.Duration(rng.Float64() * 1.2 * float64(took)))
		isNew := check()
		if killed {
			kills++
			if !isNew {
				olds++
			}
		}
	}
	t.Logf("an add takes %v; %d kills, %d of them before the commit", took, kills, olds)
	if olds == 0 {
		t.Errorf("no kill fell before the commit: the test tested nothing")
	}
}

// A server that stops mid-search fails the search with an error naming the database, at
// once; a server that hangs fails it at the caller's deadline; a restarted server serves the
// next search through the same pool.
func TestPostgresServerFaults(t *testing.T) {
	srv := pgtest.Private(t)
	ctx := context.Background()
	url, err := srv.CreateDatabase(ctx, "faults")
	if err != nil {
		t.Fatal(err)
	}
	p := pgOpen(t, url, true)
	batch := fileTestTracks(rand.New(rand.NewPCG(8, 8)), 20, 300, 1000, "u18")
	if err := p.Add(ctx, []byte("p"), batch); err != nil {
		t.Fatal(err)
	}
	ref := newFileRef()
	ref.add(batch)
	hashes := ref.hashes()
	lookup := func(ctx context.Context, during func()) (int, error) {
		n := 0
		err := p.Lookup(ctx, hashes, func(Posting) error {
			if n == 0 && during != nil {
				during()
			}
			n++
			return nil
		})
		if err == nil {
			_, err = p.Track(ctx, 0)
		}
		return n, err
	}
	if n, err := lookup(ctx, nil); err != nil || n != len(ref.lookup(hashes)) {
		t.Fatalf("before the faults: %d postings, %v", n, err)
	}

	// Down mid-search.
	start := time.Now()
	_, err = lookup(ctx, func() {
		if err := srv.Crash(); err != nil {
			t.Error(err)
		}
	})
	var ie *IndexError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "127.0.0.1") || strings.Contains(err.Error(), pgtest.Password+"@") {
		t.Errorf("a search as the server went down: %v (%T)", err, err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the failed search took %v", d)
	}

	// Restarted: the pool reconnects.
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	if n, err := lookup(ctx, nil); err != nil || n != len(ref.lookup(hashes)) {
		t.Fatalf("after a restart: %d postings, %v", n, err)
	}

	// Hung: the deadline ends the search.
	if runtime.GOOS == "linux" {
		if err := srv.Pause(); err != nil {
			t.Fatal(err)
		}
		dctx, cancel := context.WithTimeout(ctx, time.Second)
		start = time.Now()
		_, err = lookup(dctx, nil)
		d := time.Since(start)
		cancel()
		if err := srv.Resume(); err != nil {
			t.Fatal(err)
		}
		if err == nil || !errors.Is(err, context.DeadlineExceeded) && !strings.Contains(err.Error(), "timeout") {
			t.Errorf("a search of a hung server: %v", err)
		}
		if d > 5*time.Second {
			t.Errorf("a search of a hung server with a 1 s deadline took %v", d)
		}
		if n, err := lookup(ctx, nil); err != nil || n != len(ref.lookup(hashes)) {
			t.Fatalf("after the server resumed: %d postings, %v", n, err)
		}
	}
}

// On the dev catalogue, the PostgreSQL backend gives what the file backend gives: the same
// candidates with the same votes for every file as a query, and the same verified results.
func TestPostgresMatchesFile(t *testing.T) {
	url := pg.Database(t)
	if testing.Short() {
		t.Skip("analyses the dev set")
	}
	ctx := context.Background()
	paths, err := filepath.Glob("../testdata/dev/*.wav")
	if err != nil || len(paths) < 20 {
		t.Fatalf("dev set: %d files, %v", len(paths), err)
	}
	feats := make([]*motif.Features, len(paths))
	errs := make([]error, len(paths))
	parallel.For(len(paths), 0, func(i int) {
		feats[i], errs[i] = motif.AnalyzeFile(paths[i], motif.ChromaOptions{})
	}, nil)
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "dev.lmx")
	half := len(feats) / 2
	var ixs []*Index
	for _, loc := range []string{file, url} {
		if err := Build(ctx, loc, feats[:half], 0); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(ctx, loc, false)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if err := ix.Add(ctx, feats[half:], 0); err != nil {
			t.Fatal(err)
		}
		ixs = append(ixs, ix)
	}
	for i, q := range feats {
		opt := SearchOptions{Top: 10, NoVerify: i%10 != 0} // every tenth verified
		var hits [2][]Hit
		for k, ix := range ixs {
			if hits[k], err = ix.Search(ctx, q, opt); err != nil {
				t.Fatal(err)
			}
		}
		if len(hits[0]) == 0 || len(hits[0]) != len(hits[1]) {
			t.Fatalf("%s: %d hits from the file, %d from PostgreSQL", q.File, len(hits[0]), len(hits[1]))
		}
		for j := range hits[0] {
			f, p := hits[0][j], hits[1][j]
			if f.Track != p.Track || f.Info != p.Info || f.Score != p.Score || f.Votes != p.Votes ||
				(f.Result == nil) != (p.Result == nil) || f.Result != nil && f.Result.Transposition != p.Result.Transposition {
				t.Fatalf("%s, hit %d: file %+v, PostgreSQL %+v", q.File, j, f, p)
			}
		}
	}
}

// Many goroutines search one Postgres at once (through its pool, more of them than it has
// connections), each getting what the reference says.
func TestPostgresConcurrentSearches(t *testing.T) {
	ctx := context.Background()
	p := pgOpen(t, pg.Database(t), true)
	batch := fileTestTracks(rand.New(rand.NewPCG(9, 9)), 30, 200, 3000, "zipf18")
	if err := p.Add(ctx, []byte("p"), batch); err != nil {
		t.Fatal(err)
	}
	ref := newFileRef()
	ref.add(batch)
	hs := ref.hashes()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 1))
			for range 10 {
				i := rng.IntN(len(hs) - 100)
				got, err := fileLookupAll(p, hs[i:i+100])
				if err == nil && !slices.Equal(got, ref.lookup(hs[i:i+100])) {
					err = fmt.Errorf("goroutine %d: a lookup of 100 hashes gave %d postings, want %d", g, len(got), len(ref.lookup(hs[i:i+100])))
				}
				id := rng.Uint32N(uint32(len(batch)))
				if err == nil {
					var feat []byte
					if feat, err = p.Features(ctx, id); err == nil && !slices.Equal(feat, batch[id].Features) {
						err = fmt.Errorf("goroutine %d: features of track %d differ", g, id)
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
