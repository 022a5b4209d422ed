package fingerprint

import (
	"bytes"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// TestFileConcurrent runs 8 goroutines searching while another adds batches and finally
// closes the File: every search sees one whole version of the index, never an older one than
// the goroutine saw before, and the Close waits for the searches in progress.
func TestFileConcurrent(t *testing.T) {
	ctx := context.Background()
	for _, mode := range fileModes {
		t.Run(mode.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(9, 9))
			path := filepath.Join(t.TempDir(), "index.lmx")
			f := fileOpen(t, path, true, mode.limit)
			var batches [][]NewTrack
			for range 5 {
				batches = append(batches, fileTestTracks(rng, 40, 200, 2000, "u18"))
			}
			if err := f.Add(ctx, []byte("p"), batches[0]); err != nil {
				t.Fatal(err)
			}
			// The versions: after each batch, what a query gives.
			query := make([]uint32, 0, 500)
			for h := range uint32(500) {
				query = append(query, h*521)
			}
			ref := newFileRef()
			var want [][]Posting
			for _, b := range batches {
				ref.add(b)
				want = append(want, ref.lookup(query))
			}
			all := ref.tracks

			var (
				wg       sync.WaitGroup
				searches atomic.Int64
			)
			for g := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					seen := 0 // the latest version this goroutine saw
					for i := 0; ; i++ {
						got, err := fileLookupAll(f, query)
						if errors.Is(err, os.ErrClosed) {
							return
						}
						if err != nil {
							t.Error(err)
							return
						}
						v := slices.IndexFunc(want, func(w []Posting) bool { return slices.Equal(got, w) })
						if v < seen {
							t.Errorf("goroutine %d: a search gave version %d after %d", g, v, seen)
							return
						}
						seen = v
						searches.Add(1)
						id := uint32((g*131 + i) % len(all))
						info, err := f.Track(ctx, id)
						if err == nil && info != all[id].Info {
							t.Errorf("Track(%d) = %+v, want %+v", id, info, all[id].Info)
						}
						feat, err := f.Features(ctx, id)
						if err == nil && !bytes.Equal(feat, all[id].Features) {
							t.Errorf("Features(%d) differ", id)
						}
						if err != nil && int(id) < len(batches[0]) && !errors.Is(err, os.ErrClosed) {
							t.Errorf("Features(%d) of the first batch: %v", id, err)
						}
					}
				}()
			}
			for _, b := range batches[1:] {
				if err := f.Add(ctx, nil, b); err != nil {
					t.Error(err)
				}
			}
			if err := f.Close(); err != nil {
				t.Error(err)
			}
			wg.Wait()
			t.Logf("%d searches during %d Adds", searches.Load(), len(batches)-1)

			f = fileOpen(t, path, false, mode.limit)
			fileCheck(t, f, ref, []byte("p"))
		})
	}
}

// TestFileConcurrentAdds runs Adds from several goroutines on one File: they run one after
// the other and all are kept.
func TestFileConcurrentAdds(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "index.lmx")
	f := fileOpen(t, path, true, 0)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := fileTestTracks(rand.New(rand.NewPCG(uint64(g), 0)), 10, 50, 100, "u32")
			for i := range b {
				b[i].Info.Path = string(rune('A'+g)) + b[i].Info.Path
			}
			if err := f.Add(ctx, []byte("p"), b); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	n, _, _, _ := f.Stats(ctx)
	if n != 40 {
		t.Fatalf("%d tracks after 4 concurrent Adds of 10", n)
	}
	// Each batch is contiguous: one Add's tracks are not interleaved with another's.
	for i := 0; i < n; i += 10 {
		first, _ := f.Track(ctx, uint32(i))
		for j := i; j < i+10; j++ {
			info, _ := f.Track(ctx, uint32(j))
			if info.Path[0] != first.Path[0] {
				t.Fatalf("tracks %d and %d come from different Adds", i, j)
			}
		}
	}

	// Another File on the same index, opened before this one's Add, refuses to overwrite it.
	g := fileOpen(t, path, false, 0)
	if err := f.Add(ctx, nil, fileTestTracks(rand.New(rand.NewPCG(5, 0)), 1, 5, 5, "u32")); err != nil {
		t.Fatal(err)
	}
	if err := g.Add(ctx, nil, fileTestTracks(rand.New(rand.NewPCG(6, 0)), 1, 5, 5, "u32")); err == nil {
		t.Errorf("an Add over an index replaced by another writer succeeded")
	}
	if m, _ := filepath.Glob(path + ".tmp-*"); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
