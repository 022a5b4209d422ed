package fingerprint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// Index is a catalogue of tracks searched by melody: codes to find candidates fast, and each
// track's matching features to verify them by the full alignment. It is safe for concurrent
// searches.
type Index struct {
	b Backend
}

// Open opens the index at location: a file path (the embedded single-file index) or a
// postgres:// URL (the index in a PostgreSQL database, see OpenPostgres). With create, a
// missing file or a database without an index is a new, empty index.
func Open(ctx context.Context, location string, create bool) (*Index, error) {
	if isURL(location) {
		p, err := OpenPostgres(ctx, location, create)
		if err != nil {
			return nil, err
		}
		return &Index{b: p}, nil
	}
	f, err := OpenFile(location, create)
	if err != nil {
		return nil, err
	}
	return &Index{b: f}, nil
}

// New wraps a backend in an Index.
func New(b Backend) *Index { return &Index{b: b} }

// Close releases the index.
func (ix *Index) Close() error { return ix.b.Close() }

// Info describes an index.
type Info struct {
	Version int     // format version of the store
	Tracks  int     // tracks catalogued
	Seconds float64 // seconds of audio they hold
	Bytes   int64   // size of the store
	Params  string  // the analysis the index was built with
}

// Info returns the index's size and parameters.
func (ix *Index) Info(ctx context.Context) (Info, error) {
	n, sec, size, err := ix.b.Stats(ctx)
	if err != nil {
		return Info{}, err
	}
	p, err := ix.b.Params(ctx)
	if err != nil {
		return Info{}, err
	}
	v := 0
	switch ix.b.(type) {
	case *File:
		v = fileVersion
	case *Postgres:
		v = pgSchemaVersion
	}
	return Info{Version: v, Tracks: n, Seconds: sec, Bytes: size, Params: string(p)}, nil
}

// params names the analysis behind a track's codes and features: a query analysed otherwise
// would not match what is stored, so an index refuses it.
func params(f *motif.Features) string {
	return fmt.Sprintf("leitmotif index: codes v%d at %g frames/s; chroma %s at %.4f frames/s; matching features v1",
		codesVersion, CodeRate, f.Kind, f.FrameRate)
}

// ErrParams reports features analysed otherwise than the index's tracks.
var ErrParams = errors.New("analysed with other parameters than the index")

// Add analyses nothing: it codes the given features, keeps their matching features for
// verification, and appends them to the index, all or none. Each track is named by its
// Features.File. workers bounds the goroutines coding them (0: GOMAXPROCS).
func (ix *Index) Add(ctx context.Context, feats []*motif.Features, workers int) error {
	enc, err := encodeAll(feats, workers)
	if err != nil {
		return err
	}
	return ix.AddEncoded(ctx, enc)
}

// Encoded is a track as an index keeps it: its codes and its 8-bit matching features (a few
// KiB a minute), without the chroma it was made from. Encoding each track as soon as it is
// analysed keeps a large build's memory to what the index will hold.
type Encoded struct {
	params string
	track  NewTrack
}

// Encode codes f and encodes its matching features; the track is named by f.File.
func Encode(f *motif.Features) (*Encoded, error) {
	codes := Codes(f)
	t := NewTrack{Info: TrackInfo{Path: f.File, Duration: f.Duration}, Postings: make([]Posting, len(codes))}
	for i, c := range codes {
		t.Postings[i] = Posting{Hash: c.Hash, Time: c.Time}
	}
	b, err := motif.Prepare(f, motif.CompareOptions{}).AppendBinary(nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.File, err)
	}
	t.Features = b
	return &Encoded{params: params(f), track: t}, nil
}

// encodeAll encodes feats on up to workers goroutines.
func encodeAll(feats []*motif.Features, workers int) ([]*Encoded, error) {
	enc := make([]*Encoded, len(feats))
	errs := make([]error, len(feats))
	parallel.For(len(feats), workers, func(i int) { enc[i], errs[i] = Encode(feats[i]) }, nil)
	return enc, errors.Join(errs...)
}

// AddEncoded appends encoded tracks to the index, all or none.
func (ix *Index) AddEncoded(ctx context.Context, enc []*Encoded) error {
	if len(enc) == 0 {
		return nil
	}
	want, tracks, err := unpackEncoded(enc)
	if err != nil {
		return err
	}
	if have, err := ix.b.Params(ctx); err != nil {
		return err
	} else if len(have) > 0 && string(have) != string(want) {
		return fmt.Errorf("%w: index built with %q, tracks analysed with %q", ErrParams, have, want)
	}
	return ix.b.Add(ctx, want, tracks)
}

// unpackEncoded returns the parameters enc shares (an error names a track analysed
// otherwise than the first) and its tracks.
func unpackEncoded(enc []*Encoded) ([]byte, []NewTrack, error) {
	want := enc[0].params
	tracks := make([]NewTrack, len(enc))
	for i, e := range enc {
		if e.params != want {
			return nil, nil, fmt.Errorf("%s: %w (%s; the others: %s)", e.track.Info.Path, ErrParams, e.params, want)
		}
		tracks[i] = e.track
	}
	return []byte(want), tracks, nil
}

// SearchOptions configures Search. The zero value returns the 10 best verified results.
type SearchOptions struct {
	// Top is the number of results (default 10).
	Top int
	// NoVerify returns the candidates of the codes alone, scored by code-match strength.
	NoVerify bool
	// Verify is the number of candidates verified by the full alignment (default
	// max(Top, 10)).
	Verify int
}

// Hit is one search result.
type Hit struct {
	Track uint32    // index of the track in the catalogue
	Info  TrackInfo // its path and duration
	// Score is the calibrated compare score of the query against the track (verified), or
	// with NoVerify the code-match strength in [0, 1] (not calibrated).
	Score float64
	// Votes is the number of codes consistent with the candidate's offset and tempo.
	Votes int
	// Result is the full comparison of the query (A) with the track (B); nil with NoVerify.
	Result *motif.Result
}

// Search finds the catalogued tracks that hold q's melody, best first.
func (ix *Index) Search(ctx context.Context, q *motif.Features, opt SearchOptions) ([]Hit, error) {
	if opt.Top <= 0 {
		opt.Top = 10
	}
	if opt.Verify <= 0 {
		opt.Verify = max(opt.Top, 10)
	}
	have, err := ix.b.Params(ctx)
	if err != nil {
		return nil, err
	}
	if p := params(q); len(have) > 0 && string(have) != p {
		return nil, fmt.Errorf("%s: %w (%s; the index: %s)", q.File, ErrParams, p, have)
	}
	// The query keeps every code and the variants of those near a bin edge: the index kept
	// only some of each track's codes (see QueryCodes).
	codes := QueryCodes(q)
	hashes := make([]uint32, len(codes))
	for i, c := range codes {
		hashes[i] = c.Hash
	}
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	var postings []Posting
	if err := ix.b.Lookup(ctx, hashes, func(p Posting) error {
		postings = append(postings, p)
		return nil
	}); err != nil {
		return nil, err
	}
	n := opt.Top
	if !opt.NoVerify {
		n = opt.Verify
	}
	cands := Vote(codes, postings, n)
	hits := make([]Hit, len(cands))
	for i, c := range cands {
		info, err := ix.b.Track(ctx, c.Track)
		if err != nil {
			return nil, err
		}
		hits[i] = Hit{Track: c.Track, Info: info, Score: c.Score, Votes: c.Votes}
	}
	if opt.NoVerify {
		return hits, nil
	}
	// The candidates are verified concurrently: each is a read of its features and one
	// compare, independent of the others.
	query := motif.Prepare(q, motif.CompareOptions{})
	errs := make([]error, len(hits))
	parallel.For(len(hits), 0, func(i int) {
		b, err := ix.b.Features(ctx, hits[i].Track)
		if err != nil {
			errs[i] = err
			return
		}
		t, err := motif.DecodeTrack(b)
		if err != nil {
			errs[i] = fmt.Errorf("track %d (%s): %w", hits[i].Track, hits[i].Info.Path, err)
			return
		}
		r := motif.CompareTracks(query, t, motif.CompareOptions{})
		hits[i].Score, hits[i].Result = r.Score, &r
	}, nil)
	for _, err := range errs {
		if err != nil {
			return nil, err // the first: a server that went away fails them all alike
		}
	}
	slices.SortStableFunc(hits, func(x, y Hit) int { return cmp.Compare(y.Score, x.Score) })
	return hits[:min(len(hits), opt.Top)], nil
}

// Build makes a new index at location from feats, replacing whatever index was there only
// once complete: a failed or interrupted build leaves the previous index as it was. A file
// is written beside the old one and renamed over it; in PostgreSQL the old catalogue is
// emptied and the new one written in one transaction.
func Build(ctx context.Context, location string, feats []*motif.Features, workers int) error {
	enc, err := encodeAll(feats, workers)
	if err != nil {
		return err
	}
	return BuildEncoded(ctx, location, enc)
}

// BuildEncoded is Build from encoded tracks.
func BuildEncoded(ctx context.Context, location string, enc []*Encoded) error {
	if len(enc) == 0 {
		return fmt.Errorf("%s: no track to index", Redacted(location))
	}
	if isURL(location) {
		want, tracks, err := unpackEncoded(enc)
		if err != nil {
			return err
		}
		p, err := OpenPostgres(ctx, location, true)
		if err != nil {
			return err
		}
		defer p.Close()
		return p.write(ctx, want, tracks, true)
	}
	tmp := fmt.Sprintf("%s.build-%016x", location, rand.Uint64())
	defer os.Remove(tmp)
	ix, err := Open(ctx, tmp, true)
	if err != nil {
		return err
	}
	if err := ix.AddEncoded(ctx, enc); err != nil {
		ix.Close()
		return err
	}
	if err := ix.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, location); err != nil {
		return err
	}
	return syncDir(filepath.Dir(location))
}

// isURL says whether location names a PostgreSQL database rather than a file.
func isURL(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}
