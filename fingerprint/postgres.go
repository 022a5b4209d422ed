package fingerprint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Postgres is the PostgreSQL backend: an index held in a database (schema "leitmotif", see
// postgres_schema.go), shared by every machine that reaches the server. It implements
// Backend; its methods are safe for concurrent use, through a pool of connections that
// replaces broken ones (a restarted server serves the next call).
//
// Each Add is one transaction under an advisory lock: a second writer waits for the first,
// a killed writer leaves the index as it was, and a search, whose lookup is one statement,
// sees the tracks of an add all or none.
type Postgres struct {
	pool *pgxpool.Pool
	loc  string // the URL with its password hidden, for messages
}

var _ Backend = (*Postgres)(nil)

// Timeouts of the PostgreSQL backend. A read (a lookup, a track's features) without a
// deadline of its own gets pgReadTimeout, so a hung server fails a search rather than
// holding it; writes are bounded by their context alone, since a large add may take long.
const (
	pgConnectTimeout = 10 * time.Second
	pgReadTimeout    = 30 * time.Second
)

// OpenPostgres opens the index in the database at rawURL (postgres://user:password@host/db,
// with any libpq parameter). It checks the server is reachable and the database holds a
// leitmotif index of a schema version this code reads, migrating an older one; with create,
// a database without one gets an empty index. Problems are *IndexError values naming the
// URL with its password hidden.
func OpenPostgres(ctx context.Context, rawURL string, create bool) (*Postgres, error) {
	p := &Postgres{loc: Redacted(rawURL)}
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		// pgx's message quotes the URL, password hidden; its cause alone says what is wrong.
		if cause := errors.Unwrap(err); cause != nil {
			err = cause
		}
		return nil, p.fail("not a usable PostgreSQL URL", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = pgConnectTimeout
	}
	if p.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, p.fail("cannot connect", err)
	}
	if err := p.prepare(ctx, create); err != nil {
		p.pool.Close()
		return nil, err
	}
	return p, nil
}

// fail reports err as an *IndexError naming the database.
func (p *Postgres) fail(msg string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "3F000" || pe.Code == "42P01") {
		// invalid_schema_name, undefined_table: the schema went away under us.
		return &IndexError{Path: p.loc, Msg: "holds no leitmotif index (any more)", Err: err}
	}
	if err == nil {
		return &IndexError{Path: p.loc, Msg: msg}
	}
	return &IndexError{Path: p.loc, Msg: msg, Err: oneLine{err}}
}

// oneLine shows an error on one line: pgx reports each address and TLS mode it tried to
// connect with on a line of its own, often the same line twice.
type oneLine struct{ err error }

func (e oneLine) Unwrap() error { return e.err }

func (e oneLine) Error() string {
	var parts []string
	for _, l := range strings.Split(e.err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(parts, l) {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// prepare checks the schema, creating or migrating it as needed.
func (p *Postgres) prepare(ctx context.Context, create bool) error {
	v, err := p.schemaVersion(ctx, p.pool)
	if err != nil {
		return err
	}
	switch {
	case v > pgSchemaVersion:
		return &IndexError{Path: p.loc, Msg: fmt.Sprintf("index schema version %d is newer than this leitmotif reads (%d): use a newer leitmotif", v, pgSchemaVersion)}
	case v == 0 && !create:
		return &IndexError{Path: p.loc, Msg: "holds no leitmotif index (motif index build makes one)"}
	case v == pgSchemaVersion:
		return nil
	}
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return p.fail("cannot migrate the schema", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", pgLockKey); err != nil {
		return p.fail("cannot lock the index", err)
	}
	// Another process may have migrated while this one waited for the lock.
	if v, err = p.schemaVersion(ctx, tx); err != nil {
		return err
	}
	for ; v < pgSchemaVersion; v++ {
		if _, err := tx.Exec(ctx, pgMigrations[v]); err != nil {
			return p.fail(fmt.Sprintf("cannot migrate the schema from version %d", v), err)
		}
		if _, err := tx.Exec(ctx, "UPDATE leitmotif.meta SET schema_version = $1", v+1); err != nil {
			return p.fail(fmt.Sprintf("cannot migrate the schema from version %d", v), err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return p.fail("cannot migrate the schema", err)
	}
	return nil
}

// querier is what a pool and a transaction share.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// schemaVersion returns the version of the database's leitmotif schema, 0 if it has none.
func (p *Postgres) schemaVersion(ctx context.Context, q querier) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, "SELECT to_regclass('leitmotif.meta') IS NOT NULL").Scan(&exists); err != nil {
		return 0, p.fail("cannot connect", err)
	}
	if !exists {
		return 0, nil
	}
	var v int
	if err := q.QueryRow(ctx, "SELECT schema_version FROM leitmotif.meta").Scan(&v); err != nil {
		return 0, &IndexError{Path: p.loc, Msg: "its leitmotif schema is not an index's", Err: err}
	}
	if v <= 0 {
		return 0, &IndexError{Path: p.loc, Msg: fmt.Sprintf("its leitmotif schema is not an index's (version %d)", v)}
	}
	return v, nil
}

// read bounds a read by pgReadTimeout unless ctx has a deadline already.
func read(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, pgReadTimeout)
}

// Params implements Backend.
func (p *Postgres) Params(ctx context.Context) ([]byte, error) {
	ctx, cancel := read(ctx)
	defer cancel()
	var b []byte
	if err := p.pool.QueryRow(ctx, "SELECT params FROM leitmotif.meta").Scan(&b); err != nil {
		return nil, p.fail("cannot read the parameters", err)
	}
	return b, nil
}

// Stats implements Backend: the size is that of the tables and their indexes.
func (p *Postgres) Stats(ctx context.Context) (tracks int, seconds float64, size int64, err error) {
	ctx, cancel := read(ctx)
	defer cancel()
	err = p.pool.QueryRow(ctx, `SELECT tracks, seconds,
		pg_total_relation_size('leitmotif.meta') + pg_total_relation_size('leitmotif.tracks') +
		pg_total_relation_size('leitmotif.codes') FROM leitmotif.meta`).Scan(&tracks, &seconds, &size)
	if err != nil {
		return 0, 0, 0, p.fail("cannot read the index's size", err)
	}
	return tracks, seconds, size, nil
}

// Track implements Backend.
func (p *Postgres) Track(ctx context.Context, id uint32) (TrackInfo, error) {
	ctx, cancel := read(ctx)
	defer cancel()
	var t TrackInfo
	err := p.pool.QueryRow(ctx, "SELECT path, duration FROM leitmotif.tracks WHERE id = $1", int64(id)).Scan(&t.Path, &t.Duration)
	if errors.Is(err, pgx.ErrNoRows) {
		return TrackInfo{}, fmt.Errorf("%s: no track %d", p.loc, id)
	}
	if err != nil {
		return TrackInfo{}, p.fail(fmt.Sprintf("cannot read track %d", id), err)
	}
	return t, nil
}

// Features implements Backend.
func (p *Postgres) Features(ctx context.Context, id uint32) ([]byte, error) {
	ctx, cancel := read(ctx)
	defer cancel()
	var b []byte
	err := p.pool.QueryRow(ctx, "SELECT features FROM leitmotif.tracks WHERE id = $1", int64(id)).Scan(&b)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%s: no track %d", p.loc, id)
	}
	if err != nil {
		return nil, p.fail(fmt.Sprintf("cannot read the features of track %d", id), err)
	}
	return b, nil
}

// Lookup implements Backend in one statement, so it sees one snapshot of the index: every
// add wholly or not at all.
func (p *Postgres) Lookup(ctx context.Context, hashes []uint32, fn func(Posting) error) error {
	if len(hashes) == 0 {
		return nil
	}
	ctx, cancel := read(ctx)
	defer cancel()
	keys := make([]int32, len(hashes))
	for i, h := range hashes {
		keys[i] = sqlHash(h)
	}
	rows, err := p.pool.Query(ctx, "SELECT hash, postings FROM leitmotif.codes WHERE hash = ANY($1) ORDER BY hash", keys)
	if err != nil {
		return p.fail("cannot look codes up", err)
	}
	defer rows.Close()
	var (
		key  int32
		list []byte
	)
	for rows.Next() {
		if err := rows.Scan(&key, &list); err != nil {
			return p.fail("cannot look codes up", err)
		}
		if err := unpackPostings(list, unsqlHash(key), fn); err != nil {
			if errors.Is(err, errPacked) {
				return &IndexError{Path: p.loc, Msg: fmt.Sprintf("corrupt postings of hash %#08x", unsqlHash(key)), Err: err}
			}
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return p.fail("cannot look codes up", err)
	}
	return nil
}

// Add implements Backend in one transaction.
func (p *Postgres) Add(ctx context.Context, params []byte, tracks []NewTrack) error {
	return p.write(ctx, params, tracks, false)
}

// write adds tracks, after emptying the index if replace (all in one transaction: a
// rebuild that fails leaves the old catalogue, and searches meanwhile see the old one).
func (p *Postgres) write(ctx context.Context, params []byte, tracks []NewTrack, replace bool) error {
	if len(tracks) == 0 && !replace {
		return nil
	}
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return p.fail("cannot write", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", pgLockKey); err != nil {
		return p.fail("cannot lock the index", err)
	}
	if replace {
		if _, err := tx.Exec(ctx, `TRUNCATE leitmotif.tracks, leitmotif.codes;
			UPDATE leitmotif.meta SET params = '', tracks = 0, seconds = 0`); err != nil {
			return p.fail("cannot empty the index", err)
		}
	}
	var (
		have []byte
		n    int64
	)
	if err := tx.QueryRow(ctx, "SELECT params, tracks FROM leitmotif.meta").Scan(&have, &n); err != nil {
		return p.fail("cannot read the index", err)
	}
	if len(params) == 0 {
		params = have // any, as the index's
	}
	if len(have) > 0 && !bytes.Equal(have, params) {
		return fmt.Errorf("%w: index built with %q, tracks analysed with %q", ErrParams, have, params)
	}
	if n+int64(len(tracks)) > math.MaxInt32 {
		return &IndexError{Path: p.loc, Msg: fmt.Sprintf("%d tracks and %d more exceed the %d an index holds", n, len(tracks), math.MaxInt32)}
	}
	var seconds float64
	for _, t := range tracks {
		seconds += t.Info.Duration
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"leitmotif", "tracks"}, []string{"id", "path", "duration", "features"},
		pgx.CopyFromSlice(len(tracks), func(i int) ([]any, error) {
			t := &tracks[i]
			feat := t.Features
			if feat == nil {
				feat = []byte{} // none: an empty bytea, not NULL
			}
			return []any{int32(n) + int32(i), t.Info.Path, t.Info.Duration, feat}, nil
		}))
	if err != nil {
		return p.fail("cannot write the tracks", err)
	}
	// Into an empty table the segments go straight; otherwise through a temporary table,
	// appended to the rows of hashes already there.
	groups := packGroups(tracks, uint32(n))
	table := pgx.Identifier{"leitmotif", "codes"}
	if n > 0 {
		table = pgx.Identifier{"leitmotif_codes_new"}
		if _, err := tx.Exec(ctx, "CREATE TEMPORARY TABLE leitmotif_codes_new (hash integer, postings bytea) ON COMMIT DROP"); err != nil {
			return p.fail("cannot write the codes", err)
		}
	}
	_, err = tx.CopyFrom(ctx, table, []string{"hash", "postings"},
		pgx.CopyFromSlice(len(groups), func(i int) ([]any, error) {
			return []any{sqlHash(groups[i].hash), groups[i].postings}, nil
		}))
	if err != nil {
		return p.fail("cannot write the codes", err)
	}
	if n > 0 {
		_, err = tx.Exec(ctx, `INSERT INTO leitmotif.codes (hash, postings)
			SELECT hash, postings FROM leitmotif_codes_new ORDER BY hash
			ON CONFLICT (hash) DO UPDATE SET postings = leitmotif.codes.postings || EXCLUDED.postings`)
		if err != nil {
			return p.fail("cannot write the codes", err)
		}
	}
	_, err = tx.Exec(ctx, "UPDATE leitmotif.meta SET params = $1, tracks = tracks + $2, seconds = seconds + $3",
		params, len(tracks), seconds)
	if err != nil {
		return p.fail("cannot write", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return p.fail("cannot commit", err)
	}
	return nil
}

// Close implements Backend.
func (p *Postgres) Close() error {
	p.pool.Close()
	return nil
}

// sqlHash maps a code to the int4 stored: the top bit flipped keeps the order.
func sqlHash(h uint32) int32 { return int32(h ^ 1<<31) }

// unsqlHash undoes sqlHash.
func unsqlHash(k int32) uint32 { return uint32(k) ^ 1<<31 }

// Redacted returns an index location fit to print: a URL's password is hidden; a path is
// returned as it is.
func Redacted(location string) string {
	if !isURL(location) {
		return location
	}
	u, err := url.Parse(location)
	if err != nil {
		// Keep what comes after the host part only: the rest may hold the password.
		if i := strings.LastIndexByte(location, '@'); i >= 0 {
			return location[:strings.Index(location, "://")+3] + "…" + location[i:]
		}
		return location
	}
	return u.Redacted()
}

// packGroups collects the postings of tracks (numbered from first on), one packed list per
// hash, hashes ascending.
func packGroups(tracks []NewTrack, first uint32) []packedGroup {
	total := 0
	for _, t := range tracks {
		total += len(t.Postings)
	}
	all := make([]Posting, 0, total)
	for i, t := range tracks {
		for _, p := range t.Postings {
			all = append(all, Posting{Hash: p.Hash, Track: first + uint32(i), Time: p.Time})
		}
	}
	slices.SortFunc(all, comparePostings)
	var (
		groups []packedGroup
		buf    = make([]byte, 0, 3*len(all))
	)
	for i := 0; i < len(all); {
		j := i + 1
		for j < len(all) && all[j].Hash == all[i].Hash {
			j++
		}
		start := len(buf)
		buf = packSegment(buf, all[i:j])
		groups = append(groups, packedGroup{hash: all[i].Hash, postings: buf[start:len(buf):len(buf)]})
		i = j
	}
	return groups
}

// packedGroup is the postings of one hash from one add, packed as a segment.
type packedGroup struct {
	hash     uint32
	postings []byte
}
