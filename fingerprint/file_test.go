package fingerprint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fileModes are the two ways a File reads: the whole file in memory, and ReadAt.
var fileModes = []struct {
	name  string
	limit int64
}{{"memory", fileMemLimit}, {"readat", 0}}

// fileHashSpace draws hashes: uniform over 32 bits, uniform over 18 bits (the codes of
// codes.go), Zipf-skewed over 18 bits (a few very common codes), or 3 values (hashes with
// more postings than a group holds).
type fileHashSpace string

func (s fileHashSpace) draw(rng *rand.Rand, z *rand.Zipf) uint32 {
	switch s {
	case "u32":
		return rng.Uint32()
	case "u18":
		return rng.Uint32N(1 << 18)
	case "zipf18":
		return uint32(z.Uint64())
	case "three":
		return []uint32{0, 7, math.MaxUint32}[rng.IntN(3)]
	}
	panic("unknown hash space " + s)
}

// fileTestTracks makes n tracks of m postings each (times below 20 minutes at 10 frames/s),
// with features of about feat bytes.
func fileTestTracks(rng *rand.Rand, n, m, feat int, space fileHashSpace) []NewTrack {
	z := rand.NewZipf(rng, 1.1, 1, 1<<18-1)
	out := make([]NewTrack, n)
	for i := range out {
		t := NewTrack{Info: TrackInfo{
			Path:     fmt.Sprintf("catalogue/artist-%03d/track-%05d-%x.flac", rng.IntN(1000), i, rng.Uint32()),
			Duration: float64(rng.IntN(36000)) / 10,
		}}
		t.Postings = make([]Posting, m)
		for j := range t.Postings {
			t.Postings[j] = Posting{Hash: space.draw(rng, z), Time: rng.Uint32N(12000), Track: rng.Uint32()}
		}
		if feat > 0 {
			t.Features = make([]byte, feat/2+rng.IntN(feat))
			for j := range t.Features {
				t.Features[j] = byte(rng.Uint32())
			}
		}
		out[i] = t
	}
	return out
}

// fileRef is the reference model of an index: the postings of each hash.
type fileRef struct {
	tracks []NewTrack
	byHash map[uint32][]Posting
}

func newFileRef() *fileRef { return &fileRef{byHash: map[uint32][]Posting{}} }

func (r *fileRef) add(tracks []NewTrack) {
	for _, t := range tracks {
		id := uint32(len(r.tracks))
		r.tracks = append(r.tracks, t)
		for _, p := range t.Postings {
			r.byHash[p.Hash] = append(r.byHash[p.Hash], Posting{Hash: p.Hash, Track: id, Time: p.Time})
		}
	}
	for _, ps := range r.byHash {
		slices.SortFunc(ps, comparePostings)
	}
}

// lookup returns what Lookup must give for hashes.
func (r *fileRef) lookup(hashes []uint32) []Posting {
	var out []Posting
	for _, h := range hashes {
		out = append(out, r.byHash[h]...)
	}
	return out
}

// hashes returns the hashes present, sorted.
func (r *fileRef) hashes() []uint32 {
	var hs []uint32
	for h := range r.byHash {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	return hs
}

// fileLookupAll returns every posting Lookup gives for hashes.
func fileLookupAll(f Backend, hashes []uint32) ([]Posting, error) {
	var out []Posting
	err := f.Lookup(context.Background(), hashes, func(p Posting) error {
		out = append(out, p)
		return nil
	})
	return out, err
}

// fileOpen opens path, failing the test on an error, and closes it at the end.
func fileOpen(t testing.TB, path string, create bool, limit int64) *File {
	t.Helper()
	f, err := openFileLimit(path, create, limit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// fileCheck checks that f holds exactly what ref says, params included.
func fileCheck(t *testing.T, f *File, ref *fileRef, params []byte) {
	t.Helper()
	size := backendCheck(t, f, ref, params)
	if fi, err := os.Stat(f.Path()); err == nil && fi.Size() != size {
		t.Errorf("Stats: %d bytes, the file has %d", size, fi.Size())
	}
}

// backendCheck checks that f holds exactly what ref says, params included, and returns the
// size it gives.
func backendCheck(t *testing.T, f Backend, ref *fileRef, params []byte) int64 {
	t.Helper()
	ctx := context.Background()
	n, sec, size, err := f.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := 0.0
	for _, tr := range ref.tracks {
		want += tr.Info.Duration
	}
	if n != len(ref.tracks) || math.Abs(sec-want) > 1e-6*max(1, want) {
		t.Errorf("Stats: %d tracks, %g s; want %d, %g s", n, sec, len(ref.tracks), want)
	}
	if p, err := f.Params(ctx); err != nil || !bytes.Equal(p, params) {
		t.Errorf("Params: %q, %v; want %q", p, err, params)
	}
	for i, tr := range ref.tracks {
		info, err := f.Track(ctx, uint32(i))
		if err != nil || info != tr.Info {
			t.Fatalf("Track(%d) = %+v, %v; want %+v", i, info, err, tr.Info)
		}
		feat, err := f.Features(ctx, uint32(i))
		if err != nil || !bytes.Equal(feat, tr.Features) {
			t.Fatalf("Features(%d): %d bytes, %v; want %d bytes", i, len(feat), err, len(tr.Features))
		}
	}
	if _, err := f.Track(ctx, uint32(len(ref.tracks))); err == nil {
		t.Errorf("Track(%d) of %d: no error", len(ref.tracks), len(ref.tracks))
	}
	if _, err := f.Features(ctx, math.MaxUint32); err == nil {
		t.Errorf("Features(MaxUint32): no error")
	}
	hs := ref.hashes()
	got, err := fileLookupAll(f, hs)
	if err != nil {
		t.Fatal(err)
	}
	if w := ref.lookup(hs); !slices.Equal(got, w) {
		t.Fatalf("Lookup of all %d hashes: %d postings, want %d", len(hs), len(got), len(w))
	}
	return size
}

func TestFileRoundTrip(t *testing.T) {
	ctx := context.Background()
	for _, mode := range fileModes {
		t.Run(mode.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			path := filepath.Join(t.TempDir(), "index.lmx")
			if _, err := openFileLimit(path, false, mode.limit); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("opening a missing index without create: %v, want ErrNotExist", err)
			}
			f := fileOpen(t, path, true, mode.limit)
			ref := newFileRef()
			fileCheck(t, f, ref, nil)
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("a new index was written before its first Add: %v", err)
			}

			params := []byte("codes v1 at 10 frames/s")
			batch := fileTestTracks(rng, 3, 200, 3000, "u18")
			batch[1].Postings = nil // a track with no codes
			batch[2].Features = nil // and one with no features
			if err := f.Add(ctx, params, batch); err != nil {
				t.Fatal(err)
			}
			ref.add(batch)
			fileCheck(t, f, ref, params)
			f.Close()
			f = fileOpen(t, path, false, mode.limit)
			fileCheck(t, f, ref, params)
			before, _ := fileLookupAll(f, ref.hashes())

			batch = fileTestTracks(rng, 2, 300, 3000, "u18")
			if err := f.Add(ctx, nil, batch); err != nil { // empty params: any
				t.Fatal(err)
			}
			ref.add(batch)
			fileCheck(t, f, ref, params)
			f.Close()
			f = fileOpen(t, path, false, mode.limit)
			fileCheck(t, f, ref, params)

			// The old tracks' postings are unchanged; the new ones are numbered 3 and 4.
			after, _ := fileLookupAll(f, ref.hashes())
			var old []Posting
			seen := map[uint32]bool{}
			for _, p := range after {
				if p.Track < 3 {
					old = append(old, p)
				}
				seen[p.Track] = true
			}
			if !slices.Equal(old, before) || !seen[3] || !seen[4] || len(seen) != 4 {
				t.Errorf("after the second Add: old postings changed or new tracks misnumbered (tracks %v)", seen)
			}

			// Other params are refused and change nothing.
			info, _ := os.Stat(path)
			err := f.Add(ctx, []byte("other"), fileTestTracks(rng, 1, 10, 10, "u18"))
			if !errors.Is(err, ErrParams) {
				t.Errorf("Add with other params: %v, want ErrParams", err)
			}
			if now, _ := os.Stat(path); !os.SameFile(info, now) {
				t.Errorf("a refused Add replaced the file")
			}
			fileCheck(t, f, ref, params)
			if err := f.Add(ctx, params, nil); err != nil {
				t.Errorf("adding nothing: %v", err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := f.Track(ctx, 0); !errors.Is(err, os.ErrClosed) {
				t.Errorf("Track after Close: %v, want ErrClosed", err)
			}
			if err := f.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			if m, _ := filepath.Glob(path + ".tmp-*"); len(m) > 0 {
				t.Errorf("temporary files left: %v", m)
			}
		})
	}
}

func TestFileEmptyAdd(t *testing.T) {
	// The first Add of no tracks writes an empty index with its parameters.
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.lmx")
	f := fileOpen(t, path, true, fileMemLimit)
	if err := f.Add(ctx, []byte("p"), nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	f = fileOpen(t, path, false, 0)
	fileCheck(t, f, newFileRef(), []byte("p"))
	if got, err := fileLookupAll(f, []uint32{0, 1, math.MaxUint32}); err != nil || len(got) != 0 {
		t.Errorf("Lookup in an empty index: %v, %v", got, err)
	}
}

func TestFileAddRefusals(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.lmx")
	f := fileOpen(t, path, true, fileMemLimit)
	for _, d := range []float64{math.NaN(), math.Inf(1), -1} {
		err := f.Add(ctx, nil, []NewTrack{{Info: TrackInfo{Path: "x", Duration: d}}})
		if err == nil {
			t.Errorf("duration %g accepted", d)
		}
	}
	if err := f.Add(ctx, make([]byte, fileMaxParams+1), nil); err == nil {
		t.Errorf("params of %d bytes accepted", fileMaxParams+1)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := f.Add(cctx, nil, fileTestTracks(rand.New(rand.NewPCG(1, 1)), 2, 10, 10, "u32")); !errors.Is(err, context.Canceled) {
		t.Errorf("Add with a cancelled context: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused Adds wrote the index: %v", err)
	}
	if err := f.Lookup(ctx, []uint32{2, 1}, func(Posting) error { return nil }); err == nil {
		t.Errorf("Lookup of unsorted hashes: no error")
	}
}

// TestFileLookup compares Lookup with the reference model on many tracks, added in batches
// (so the old postings are merged with new ones), for each kind of hash distribution.
func TestFileLookup(t *testing.T) {
	ctx := context.Background()
	// 1000 tracks of 300 postings: the "three" space has 100,000 postings per hash, more
	// than a group holds.
	nTracks, batches := 1000, 4
	if testing.Short() {
		nTracks = 400
	}
	for _, space := range []fileHashSpace{"u32", "u18", "zipf18", "three"} {
		for _, mode := range fileModes {
			t.Run(string(space)+"/"+mode.name, func(t *testing.T) {
				rng := rand.New(rand.NewPCG(3, uint64(len(space))))
				path := filepath.Join(t.TempDir(), "index.lmx")
				f := fileOpen(t, path, true, mode.limit)
				ref := newFileRef()
				for range batches {
					batch := fileTestTracks(rng, nTracks/batches, 300, 0, space)
					if err := f.Add(ctx, []byte("p"), batch); err != nil {
						t.Fatal(err)
					}
					ref.add(batch)
				}
				f.Close()
				f = fileOpen(t, path, false, mode.limit)
				present := ref.hashes()
				z := rand.NewZipf(rng, 1.1, 1, 1<<18-1)
				queries := map[fileHashSpace]int{"u32": 100, "u18": 100, "zipf18": 20, "three": 3}[space]
				for q := range queries {
					// ~500 hashes: a mix of present and absent ones, and the extremes.
					set := map[uint32]bool{}
					for range 500 {
						if rng.IntN(2) == 0 {
							set[present[rng.IntN(len(present))]] = true
						} else {
							set[space.draw(rng, z)] = true
						}
					}
					if q%10 == 0 {
						set[0], set[math.MaxUint32] = true, true
					}
					hs := make([]uint32, 0, len(set))
					for h := range set {
						hs = append(hs, h)
					}
					slices.Sort(hs)
					got, err := fileLookupAll(f, hs)
					if err != nil {
						t.Fatal(err)
					}
					if want := ref.lookup(hs); !slices.Equal(got, want) {
						t.Fatalf("query %d: %d postings, want %d", q, len(got), len(want))
					}
				}
				// Absent hashes only: nothing.
				var absent []uint32
				for h := uint32(1); len(absent) < 100; h += 7919 {
					if _, ok := ref.byHash[h]; !ok {
						absent = append(absent, h)
					}
				}
				if got, _ := fileLookupAll(f, absent); len(got) != 0 {
					t.Errorf("absent hashes gave %d postings", len(got))
				}
				fileCheck(t, f, ref, []byte("p"))

				// fn's error stops the lookup and comes back as it is.
				stop := errors.New("stop")
				calls := 0
				err := f.Lookup(ctx, present, func(Posting) error { calls++; return stop })
				if err != stop || calls != 1 {
					t.Errorf("fn's error: %v after %d calls", err, calls)
				}
			})
		}
	}
}

// TestFileSymlink adds through a symbolic link: the link's target is replaced, the link kept.
func TestFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.lmx"), filepath.Join(dir, "link.lmx")
	ctx := context.Background()
	f := fileOpen(t, target, true, 0)
	rng := rand.New(rand.NewPCG(4, 4))
	ref := newFileRef()
	batch := fileTestTracks(rng, 3, 20, 20, "u32")
	if err := f.Add(ctx, []byte("p"), batch); err != nil {
		t.Fatal(err)
	}
	ref.add(batch)
	f.Close()
	if err := os.Symlink("real.lmx", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	g := fileOpen(t, link, false, 0)
	batch = fileTestTracks(rng, 2, 20, 20, "u32")
	if err := g.Add(ctx, nil, batch); err != nil {
		t.Fatal(err)
	}
	ref.add(batch)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v", err)
	}
	fileCheck(t, fileOpen(t, target, false, 0), ref, []byte("p"))
}
