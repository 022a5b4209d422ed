package fingerprint

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fileFuzzSeeds adds the committed index files and a fresh small index.
func fileFuzzSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(fileGoldenDir, "*.lmx"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	b, _ := fileSmallIndex(f, 3, 20, 30)
	f.Add(b)
	f.Add([]byte(fileMagic))
	f.Add([]byte{})
}

// fileFuzzUse opens data as an index in both reading modes and uses it every way a search
// does: an error must be an *IndexError or a refused track id, and nothing may panic.
func fileFuzzUse(t *testing.T, dir string, data []byte, add bool) {
	// A new file each time: rewriting one makes ext4 flush it, 20 times slower.
	w, err := os.CreateTemp(dir, "*.lmx")
	if err != nil {
		t.Fatal(err)
	}
	path := w.Name()
	defer os.Remove(path)
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(what string, err error) {
		var ie *IndexError
		if err != nil && !errors.As(err, &ie) && !strings.Contains(err.Error(), "no track") {
			t.Fatalf("%s: %v (%T), want an *IndexError", what, err, err)
		}
	}
	for _, limit := range []int64{fileMemLimit, 0} {
		f, err := openFileLimit(path, false, limit)
		check("OpenFile", err)
		if err != nil {
			continue
		}
		n, _, size, err := f.Stats(ctx)
		if err != nil || size != int64(len(data)) {
			t.Fatalf("Stats: %d bytes, %v; the file has %d", size, err, len(data))
		}
		f.Params(ctx)
		for _, id := range []uint32{0, 1, uint32(n) - 1, uint32(n), math.MaxUint32} {
			_, err := f.Track(ctx, id)
			check("Track", err)
			_, err = f.Features(ctx, id)
			check("Features", err)
		}
		hashes := []uint32{0, 1, 2, 1000, 1 << 17, 1 << 31, math.MaxUint32}
		s, _ := f.acquire()
		hashes = append(hashes, s.blockHash...) // hashes that are there
		f.release(s)
		uniq := map[uint32]bool{}
		var hs []uint32
		for _, h := range hashes {
			if !uniq[h] {
				uniq[h] = true
				hs = append(hs, h)
			}
		}
		slices.Sort(hs)
		err = f.Lookup(ctx, hs, func(p Posting) error {
			if uint64(p.Track) >= uint64(n) || !uniq[p.Hash] {
				t.Fatalf("Lookup gave %+v (of %d tracks)", p, n)
			}
			return nil
		})
		check("Lookup", err)
		if add && limit == 0 {
			batch := fileTestTracks(rand.New(rand.NewPCG(1, 2)), 2, 10, 10, "u18")
			err := f.Add(ctx, nil, batch)
			check("Add", err)
			if err == nil {
				g, err := openFileLimit(path, false, 0)
				if err != nil {
					t.Fatalf("the index Add wrote does not open: %v", err)
				}
				if m, _, _, _ := g.Stats(ctx); m != n+2 {
					t.Fatalf("%d tracks after adding 2 to %d", m, n)
				}
				g.Close()
			}
		}
		f.Close()
	}
}

// FuzzOpenFile opens arbitrary bytes as an index.
func FuzzOpenFile(f *testing.F) {
	fileFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		fileFuzzUse(t, dir, data, false)
	})
}

// FuzzOpenFileFixed opens arbitrary bytes as an index after fixing their length and
// checksums, so that the fuzzer reaches the structure behind them (which a random change
// almost never does: the checksum refuses it first), and adds to what opens.
func FuzzOpenFileFixed(f *testing.F) {
	fileFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		fileFuzzUse(t, dir, fileFixChecksums(bytes.Clone(data)), true)
	})
}
