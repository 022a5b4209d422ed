package fingerprint

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/leitmotif-audio/leitmotif/internal/pgtest"
)

// pgBenchLarge adds the 100,000-track catalogue to BenchmarkPostgres.
var pgBenchLarge = flag.Bool("pgbench.large", false,
	"BenchmarkPostgres: also the 100,000-track catalogue (about 20 minutes and 10 GB of disk)")

// pgBenchBatch is the number of tracks of each Add, one transaction, when BenchmarkPostgres
// loads a catalogue into PostgreSQL.
const pgBenchBatch = 1000

// BenchmarkPostgres measures the PostgreSQL backend beside the file backend, on one synthetic
// catalogue (fileBenchIndex's: 3-minute tracks, 100 postings a minute, uniform 18-bit
// hashes, 5.6 KiB of features a minute) held by both, on a durable throwaway server (fsync
// on, the server's default configuration) started for the run:
//
//	load/backend=…          building the index: the file in one Add (as motif index build
//	                        does), PostgreSQL through Add in batches of 1,000 tracks, each
//	                        one transaction. tracks/s; B/track-min is Stats' size per minute
//	                        of audio, codes-B/posting the codes' share (PostgreSQL: the
//	                        codes table with its btree and TOAST).
//	query=lookup500/…       Lookup of about 500 hashes, half from a catalogued track and
//	                        half drawn from the hash space (as BenchmarkFileLookup).
//	query=phrase15s/…       Lookup and Vote (top 10) of a 15 s excerpt of a catalogued
//	query=whole3min/…       track, and of a whole track: its postings as the query's codes.
//
// At 10,000 tracks it compares layouts of the codes in the same database, each measured on
// the same queries (ms/query) with its size (B/posting: table, indexes and TOAST per
// posting); backend=postgres above is the backend's packed layout as grown by adds, each
// appending its segment to the rows of its hashes:
//
//	layout=packed1          the same layout written in one transaction, as a rebuild (motif
//	                        index build) writes it: one COPY, no updated rows.
//	layout=rows             a row per posting, codes_rows(hash, track, time) with a btree on
//	                        hash, loaded by COPY in hash order, looked up with
//	                        hash = ANY($1), the rows returned to Go (and voted in Go).
//	layout=rows-sqlbins     the vote pushed into SQL on that table: matches counted per
//	                        track and 1 s offset bin at slope 1, the top 10 tracks by their
//	                        best bin. top1 is the share of queries whose track comes first.
//	layout=rows-sqltop      a prefilter in SQL: the top 100 tracks by distinct hashes shared.
//	layout=gin              a row per track, codes_gin(track, hashes int4[], times int4[])
//	                        with a GIN index on hashes, looked up with hashes && $1, the
//	                        matching elements picked out in Go.
//
// The catalogue is built once per size and shared by its sub-benchmarks, each store on first
// use (so a -bench pattern selecting a few builds only theirs); run with -count 1. A load's
// ns/op is its time, once (the iteration count means nothing there). The 100,000-track catalogue (30 million postings, about
// 20 minutes and 10 GB of disk) runs only with -pgbench.large. Query latency wants one core
// for Go beside the server's:
//
//	go test ./fingerprint -run '^$' -bench BenchmarkPostgres -cpu 1
//	go test ./fingerprint -run '^$' -bench BenchmarkPostgres/tracks=100000 -cpu 1 -timeout 2h -pgbench.large
func BenchmarkPostgres(b *testing.B) {
	sizes := []int{10000}
	if *pgBenchLarge {
		sizes = append(sizes, 100000)
	}
	srv, err := pgtest.Start(pgtest.Options{Durable: true})
	if err != nil {
		pgtest.Unavailable(b, err)
	}
	defer srv.Remove()
	for _, n := range sizes {
		b.Run(fmt.Sprintf("tracks=%d", n), func(b *testing.B) {
			c := newPGBench(b, srv, n)
			defer c.close()
			c.backends(b)
			if n == 10000 {
				c.layouts(b)
			}
		})
	}
}

// pgBench is one catalogue of BenchmarkPostgres and the stores built from it, each on first
// use by a sub-benchmark.
type pgBench struct {
	srv      *pgtest.Server
	dir      string     // the file backend's directory
	tracks   []NewTrack // the catalogue
	postings int
	queries  map[string][]pgBenchQuery // by sub-benchmark name

	file    *File
	pg      *Postgres // loaded in batches
	url     string    // pg's database
	conn    *pgx.Conn // to url, for the layouts' tables
	packed1 *Postgres // loaded in one transaction
	rows    bool      // bench.codes_rows is loaded
	gin     bool      // bench.codes_gin is loaded
	loads   map[string]pgBenchLoad
}

// pgBenchLoad is how a store was built: its time and size.
type pgBenchLoad struct {
	took  time.Duration
	bytes int64 // the store, all of it
	codes int64 // of it, the codes (postings, their index and directory)
	rows  int64 // rows of codes (PostgreSQL)
}

// pgBenchQuery is one query: hashes to look up (sorted, distinct) and, for a vote, the codes
// they come from and the track they were taken from.
type pgBenchQuery struct {
	hashes []uint32
	codes  []Code
	track  uint32
}

// newPGBench makes the catalogue of n tracks: fileBenchIndex writes it, and it is read back
// from that file so that every store gets the same.
func newPGBench(b *testing.B, srv *pgtest.Server, n int) *pgBench {
	f, _ := fileBenchIndex(b, n, "u18")
	defer f.Close()
	ctx := context.Background()
	c := &pgBench{srv: srv, dir: b.TempDir(), tracks: make([]NewTrack, n), loads: map[string]pgBenchLoad{}}
	all := make([]uint32, 1<<18)
	for i := range all {
		all[i] = uint32(i)
	}
	err := f.Lookup(ctx, all, func(p Posting) error {
		c.tracks[p.Track].Postings = append(c.tracks[p.Track].Postings, p)
		c.postings++
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for i := range c.tracks {
		t := &c.tracks[i]
		if t.Info, err = f.Track(ctx, uint32(i)); err != nil {
			b.Fatal(err)
		}
		if t.Features, err = f.Features(ctx, uint32(i)); err != nil {
			b.Fatal(err)
		}
	}
	c.queries = pgBenchQueries(c.tracks)
	return c
}

// pgBenchQueries makes the queries of the catalogue: 64 lookups of about 500 hashes, 250 from
// the middle track and the rest drawn from the hash space, and for 16 tracks a 15 s excerpt
// (starting at time 0, as a query does) and the whole track.
func pgBenchQueries(tracks []NewTrack) map[string][]pgBenchQuery {
	rng := rand.New(rand.NewPCG(1, 1))
	qs := map[string][]pgBenchQuery{}
	track := tracks[len(tracks)/2].Postings
	for range 64 {
		set := map[uint32]bool{}
		for _, j := range rng.Perm(len(track)) {
			if len(set) == 250 {
				break
			}
			set[track[j].Hash] = true
		}
		for n := len(set) + 250; len(set) < n; {
			set[fileHashSpace("u18").draw(rng, nil)] = true
		}
		q := pgBenchQuery{}
		for h := range set {
			q.hashes = append(q.hashes, h)
		}
		slices.Sort(q.hashes)
		qs["lookup500"] = append(qs["lookup500"], q)
	}
	const phrase = 15 * CodeRate
	for i := range 16 {
		id := uint32(i*len(tracks)/16 + len(tracks)/32)
		whole, part := pgBenchQuery{track: id}, pgBenchQuery{track: id}
		t0 := rng.Uint32N(3*60*CodeRate - phrase)
		for _, p := range tracks[id].Postings {
			whole.codes = append(whole.codes, Code{Hash: p.Hash, Time: p.Time})
			if p.Time >= t0 && p.Time < t0+phrase {
				part.codes = append(part.codes, Code{Hash: p.Hash, Time: p.Time - t0})
			}
		}
		for _, q := range []*pgBenchQuery{&whole, &part} {
			for _, c := range q.codes {
				q.hashes = append(q.hashes, c.Hash)
			}
			slices.Sort(q.hashes)
			q.hashes = slices.Compact(q.hashes)
		}
		qs["phrase15s"] = append(qs["phrase15s"], part)
		qs["whole3min"] = append(qs["whole3min"], whole)
	}
	return qs
}

func (c *pgBench) close() {
	if c.file != nil {
		c.file.Close()
	}
	for _, p := range []*Postgres{c.pg, c.packed1} {
		if p != nil {
			p.Close()
		}
	}
	if c.conn != nil {
		c.conn.Close(context.Background())
	}
}

// backends runs the sub-benchmarks of the file and PostgreSQL backends.
func (c *pgBench) backends(b *testing.B) {
	stores := []struct {
		name string
		open func(b *testing.B) Backend
	}{
		{"file", func(b *testing.B) Backend { return c.openFile(b) }},
		{"postgres", func(b *testing.B) Backend { return c.openPostgres(b) }},
	}
	for _, s := range stores {
		b.Run("load/backend="+s.name, func(b *testing.B) {
			s.open(b)
			c.reportLoad(b, s.name, c.postings)
		})
	}
	for _, q := range []string{"lookup500", "phrase15s", "whole3min"} {
		for _, s := range stores {
			b.Run("query="+q+"/backend="+s.name, func(b *testing.B) {
				benchQueries(b, s.open(b).Lookup, c.queries[q], q != "lookup500")
			})
		}
	}
}

// openFile returns the file backend, writing it on first use in one Add.
func (c *pgBench) openFile(b *testing.B) *File {
	if c.file != nil {
		return c.file
	}
	ctx := context.Background()
	path := filepath.Join(c.dir, "index.lmx")
	f, err := OpenFile(path, true)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := f.Add(ctx, []byte("bench"), c.tracks); err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	f.Close()
	if f, err = OpenFile(path, false); err != nil {
		b.Fatal(err)
	}
	_, _, size, err := f.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	s, err := f.acquire()
	if err != nil {
		b.Fatal(err)
	}
	codes := int64(s.hdr.postLen + fileDirEntry*s.hdr.blocks)
	f.release(s)
	c.file, c.loads["file"] = f, pgBenchLoad{took: took, bytes: size, codes: codes}
	return f
}

// openPostgres returns the PostgreSQL backend, loading it on first use through Add in
// batches of pgBenchBatch tracks.
func (c *pgBench) openPostgres(b *testing.B) *Postgres {
	if c.pg == nil {
		c.pg, c.url = c.loadPostgres(b, "postgres", pgBenchBatch)
	}
	return c.pg
}

// openPacked1 returns a second PostgreSQL backend holding the catalogue, written on first
// use in one transaction, as motif index build does.
func (c *pgBench) openPacked1(b *testing.B) *Postgres {
	if c.packed1 == nil {
		c.packed1, _ = c.loadPostgres(b, "packed1", 0)
	}
	return c.packed1
}

// loadPostgres loads the catalogue into a new database, through Add in batches of batch
// tracks or, if batch is 0, in one rebuild, records the load under name and returns the
// backend and its URL. The load is followed by a checkpoint and VACUUM ANALYZE (not timed),
// so that the queries meet neither.
func (c *pgBench) loadPostgres(b *testing.B, name string, batch int) (*Postgres, string) {
	ctx := context.Background()
	url, err := c.srv.CreateDatabase(ctx, fmt.Sprintf("bench%d_%s", len(c.tracks), name))
	if err != nil {
		b.Fatal(err)
	}
	p, err := OpenPostgres(ctx, url, true)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if batch == 0 {
		err = p.write(ctx, []byte("bench"), c.tracks, true)
	}
	for i := 0; batch > 0 && i < len(c.tracks) && err == nil; i += batch {
		err = p.Add(ctx, []byte("bench"), c.tracks[i:min(i+batch, len(c.tracks))])
	}
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	c.settle(b, p, "leitmotif.meta", "leitmotif.tracks", "leitmotif.codes")
	c.loads[name] = c.pgLoad(b, p, took)
	return p, url
}

// pgLoad returns the load of p that took took.
func (c *pgBench) pgLoad(b *testing.B, p *Postgres, took time.Duration) pgBenchLoad {
	ctx := context.Background()
	l := pgBenchLoad{took: took}
	var err error
	if _, _, l.bytes, err = p.Stats(ctx); err != nil {
		b.Fatal(err)
	}
	err = p.pool.QueryRow(ctx, "SELECT pg_total_relation_size('leitmotif.codes'), (SELECT count(*) FROM leitmotif.codes)").Scan(&l.codes, &l.rows)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// db returns a connection to the database of the batched PostgreSQL backend.
func (c *pgBench) db(b *testing.B) *pgx.Conn {
	if c.conn == nil {
		c.openPostgres(b)
		conn, err := pgx.Connect(context.Background(), c.url)
		if err != nil {
			b.Fatal(err)
		}
		c.conn = conn
	}
	return c.conn
}

// settle checkpoints the server and vacuums and analyses tables of the backend's database.
func (c *pgBench) settle(b *testing.B, p *Postgres, tables ...string) {
	ctx := context.Background()
	start := time.Now()
	for _, t := range tables {
		if _, err := p.pool.Exec(ctx, "VACUUM ANALYZE "+t); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := p.pool.Exec(ctx, "CHECKPOINT"); err != nil {
		b.Fatal(err)
	}
	b.Logf("vacuum, analyze and checkpoint of %v: %v", tables, time.Since(start).Round(time.Millisecond))
}

// reportLoad reports the load of store: its rate, its size per minute of audio and per
// posting. The load ran once, on first use: its time replaces ns/op, whatever b.N.
func (c *pgBench) reportLoad(b *testing.B, store string, postings int) {
	l := c.loads[store]
	b.ReportMetric(float64(l.took.Nanoseconds()), "ns/op")
	b.ReportMetric(float64(len(c.tracks))/l.took.Seconds(), "tracks/s")
	b.ReportMetric(float64(postings)/l.took.Seconds(), "postings/s")
	b.ReportMetric(float64(l.bytes)/float64(3*len(c.tracks)), "B/track-min")
	b.ReportMetric(float64(l.codes)/float64(postings), "codes-B/posting")
	if l.rows > 0 {
		b.ReportMetric(float64(postings)/float64(l.rows), "postings/row")
	}
}

// benchQueries measures lookup over qs in turn, followed by a vote of the top 10 when vote,
// which must rank the query's track first.
func benchQueries(b *testing.B, lookup func(context.Context, []uint32, func(Posting) error) error, qs []pgBenchQuery, vote bool) {
	ctx := context.Background()
	var ps []Posting
	found := 0
	for i := 0; b.Loop(); i++ {
		q := &qs[i%len(qs)]
		ps = ps[:0]
		if err := lookup(ctx, q.hashes, func(p Posting) error { ps = append(ps, p); return nil }); err != nil {
			b.Fatal(err)
		}
		found += len(ps)
		if vote {
			if cands := Vote(q.codes, ps, 10); len(cands) == 0 || cands[0].Track != q.track {
				b.Fatalf("query from track %d: candidates %+v", q.track, cands)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/query")
	b.ReportMetric(float64(found)/float64(b.N), "postings/query")
}

// layouts runs the sub-benchmarks of the layouts of the codes.
func (c *pgBench) layouts(b *testing.B) {
	queries := []string{"lookup500", "phrase15s", "whole3min"}
	b.Run("layout=packed1/load", func(b *testing.B) {
		c.openPacked1(b)
		c.reportLoad(b, "packed1", c.postings)
	})
	for _, q := range queries {
		b.Run("layout=packed1/query="+q, func(b *testing.B) {
			benchQueries(b, c.openPacked1(b).Lookup, c.queries[q], q != "lookup500")
		})
	}
	b.Run("layout=rows/load", func(b *testing.B) {
		c.loadRows(b)
		c.reportLoad(b, "rows", c.postings)
	})
	for _, q := range queries {
		b.Run("layout=rows/query="+q, func(b *testing.B) {
			benchQueries(b, c.rowsLookup(b), c.queries[q], q != "lookup500")
		})
	}
	// Slope 1 only, one bin at a time (the Go vote reads bins in overlapping pairs), every
	// match counted: the cheapest form of a Shazam vote.
	const bins = `SELECT track, max(n) AS votes FROM (
		SELECT r.track, (r.time - q.time + 100000) / 10 AS bin, count(*) AS n
		FROM unnest($1::int4[], $2::int4[]) AS q(hash, time) JOIN bench.codes_rows r ON r.hash = q.hash
		GROUP BY 1, 2) AS s
	GROUP BY track ORDER BY votes DESC, track LIMIT 10`
	const top = `SELECT track, count(DISTINCT hash) AS n FROM bench.codes_rows WHERE hash = ANY($1)
	GROUP BY track ORDER BY n DESC, track LIMIT 100`
	for _, q := range queries[1:] {
		b.Run("layout=rows-sqlbins/query="+q, func(b *testing.B) {
			c.loadRows(b)
			c.benchSQL(b, c.queries[q], bins, func(q *pgBenchQuery) []any {
				hs, ts := make([]int32, len(q.codes)), make([]int32, len(q.codes))
				for i, c := range q.codes {
					hs[i], ts[i] = sqlHash(c.Hash), int32(c.Time)
				}
				return []any{hs, ts}
			})
		})
		b.Run("layout=rows-sqltop/query="+q, func(b *testing.B) {
			c.loadRows(b)
			c.benchSQL(b, c.queries[q], top, func(q *pgBenchQuery) []any { return []any{sqlKeys(q.hashes)} })
		})
	}
	b.Run("layout=gin/load", func(b *testing.B) {
		c.loadGIN(b)
		c.reportLoad(b, "gin", c.postings)
	})
	for _, q := range queries {
		b.Run("layout=gin/query="+q, func(b *testing.B) {
			benchQueries(b, c.ginLookup(b), c.queries[q], q != "lookup500")
		})
	}
}

// loadRows loads bench.codes_rows on first use: COPY in hash order, then the btree.
func (c *pgBench) loadRows(b *testing.B) {
	if c.rows {
		return
	}
	ctx := context.Background()
	conn := c.db(b)
	all := make([]Posting, 0, c.postings)
	for _, t := range c.tracks {
		all = append(all, t.Postings...)
	}
	slices.SortFunc(all, func(x, y Posting) int {
		if d := cmp.Compare(uint32(sqlHash(x.Hash)), uint32(sqlHash(y.Hash))); d != 0 {
			return d
		}
		return comparePostings(x, y)
	})
	start := time.Now()
	_, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS bench;
		CREATE TABLE bench.codes_rows (hash int4 NOT NULL, track int4 NOT NULL, time int4 NOT NULL)`)
	if err != nil {
		b.Fatal(err)
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"bench", "codes_rows"}, []string{"hash", "track", "time"},
		pgx.CopyFromSlice(len(all), func(i int) ([]any, error) {
			p := all[i]
			return []any{sqlHash(p.Hash), int32(p.Track), int32(p.Time)}, nil
		}))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE INDEX codes_rows_hash ON bench.codes_rows (hash)"); err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	c.settle(b, c.openPostgres(b), "bench.codes_rows")
	c.rows, c.loads["rows"] = true, c.relLoad(b, "bench.codes_rows", took)
}

// relLoad returns the load of the layout in table that took took.
func (c *pgBench) relLoad(b *testing.B, table string, took time.Duration) pgBenchLoad {
	l := pgBenchLoad{took: took}
	err := c.db(b).QueryRow(context.Background(), "SELECT pg_total_relation_size($1::regclass), (SELECT count(*) FROM "+table+")", table).Scan(&l.codes, &l.rows)
	if err != nil {
		b.Fatal(err)
	}
	l.bytes = l.codes
	return l
}

// rowsLookup returns a lookup of bench.codes_rows.
func (c *pgBench) rowsLookup(b *testing.B) func(context.Context, []uint32, func(Posting) error) error {
	c.loadRows(b)
	conn := c.db(b)
	return func(ctx context.Context, hashes []uint32, fn func(Posting) error) error {
		rows, err := conn.Query(ctx, "SELECT hash, track, time FROM bench.codes_rows WHERE hash = ANY($1)", sqlKeys(hashes))
		if err != nil {
			return err
		}
		var h, t, tm int32
		_, err = pgx.ForEachRow(rows, []any{&h, &t, &tm}, func() error {
			return fn(Posting{Hash: unsqlHash(h), Track: uint32(t), Time: uint32(tm)})
		})
		return err
	}
}

// benchSQL measures sql, whose rows are (track, count) best first, on qs in turn, with the
// arguments args gives; top1 is the share of queries whose track comes first.
func (c *pgBench) benchSQL(b *testing.B, qs []pgBenchQuery, sql string, args func(*pgBenchQuery) []any) {
	ctx := context.Background()
	conn := c.db(b)
	hits := 0
	for i := 0; b.Loop(); i++ {
		q := &qs[i%len(qs)]
		rows, err := conn.Query(ctx, sql, args(q)...)
		if err != nil {
			b.Fatal(err)
		}
		var track int32
		var n int64
		first := true
		_, err = pgx.ForEachRow(rows, []any{&track, &n}, func() error {
			if first && uint32(track) == q.track {
				hits++
			}
			first = false
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/query")
	b.ReportMetric(float64(hits)/float64(b.N), "top1")
}

// loadGIN loads bench.codes_gin on first use: a row per track, its hashes and their times,
// then the GIN index.
func (c *pgBench) loadGIN(b *testing.B) {
	if c.gin {
		return
	}
	ctx := context.Background()
	conn := c.db(b)
	start := time.Now()
	_, err := conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS bench;
		CREATE TABLE bench.codes_gin (track int4 PRIMARY KEY, hashes int4[] NOT NULL, times int4[] NOT NULL)`)
	if err != nil {
		b.Fatal(err)
	}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{"bench", "codes_gin"}, []string{"track", "hashes", "times"},
		pgx.CopyFromSlice(len(c.tracks), func(i int) ([]any, error) {
			ps := c.tracks[i].Postings
			hs, ts := make([]int32, len(ps)), make([]int32, len(ps))
			for j, p := range ps {
				hs[j], ts[j] = sqlHash(p.Hash), int32(p.Time)
			}
			return []any{int32(i), hs, ts}, nil
		}))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE INDEX codes_gin_hashes ON bench.codes_gin USING gin (hashes)"); err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	c.settle(b, c.openPostgres(b), "bench.codes_gin")
	c.gin, c.loads["gin"] = true, c.relLoad(b, "bench.codes_gin", took)
}

// ginLookup returns a lookup of bench.codes_gin: the tracks holding any of the hashes, whose
// matching elements are picked out in Go.
func (c *pgBench) ginLookup(b *testing.B) func(context.Context, []uint32, func(Posting) error) error {
	c.loadGIN(b)
	conn := c.db(b)
	return func(ctx context.Context, hashes []uint32, fn func(Posting) error) error {
		keys := sqlKeys(hashes)
		want := make(map[int32]bool, len(keys))
		for _, k := range keys {
			want[k] = true
		}
		rows, err := conn.Query(ctx, "SELECT track, hashes, times FROM bench.codes_gin WHERE hashes && $1", keys)
		if err != nil {
			return err
		}
		var (
			track  int32
			hs, ts []int32
		)
		_, err = pgx.ForEachRow(rows, []any{&track, &hs, &ts}, func() error {
			for i, h := range hs {
				if want[h] {
					if err := fn(Posting{Hash: unsqlHash(h), Track: uint32(track), Time: uint32(ts[i])}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		return err
	}
}

// sqlKeys returns hashes as stored.
func sqlKeys(hashes []uint32) []int32 {
	keys := make([]int32, len(hashes))
	for i, h := range hashes {
		keys[i] = sqlHash(h)
	}
	return keys
}
