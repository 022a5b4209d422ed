package fingerprint

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// fileBenchIndex writes a catalogue like a real one of n 3-minute tracks: 100 postings per
// minute (codes.go's rate is about that), 5.6 KiB of features per minute, hashes drawn from
// space; it returns the index, opened, and one track's postings.
func fileBenchIndex(b *testing.B, n int, space fileHashSpace) (*File, []Posting) {
	const minutes, perMinute, featPerMinute = 3, 100, 5734
	rng := rand.New(rand.NewPCG(42, uint64(len(space))))
	z := rand.NewZipf(rng, 1.1, 1, 1<<18-1)
	feat := make([]byte, minutes*featPerMinute) // shared: its bytes do not matter here
	tracks := make([]NewTrack, n)
	postings := make([]Posting, n*minutes*perMinute)
	for i := range tracks {
		ps := postings[i*minutes*perMinute : (i+1)*minutes*perMinute]
		for j := range ps {
			ps[j] = Posting{Hash: space.draw(rng, z), Time: rng.Uint32N(minutes * 60 * CodeRate)}
		}
		tracks[i] = NewTrack{
			Info:     TrackInfo{Path: fmt.Sprintf("catalogue/artist-%04d/album-%02d/track-%05d.flac", i/37, i%7, i), Duration: minutes * 60},
			Postings: ps,
			Features: feat,
		}
	}
	path := filepath.Join(b.TempDir(), "index.lmx")
	f, err := OpenFile(path, true)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := f.Add(context.Background(), []byte("bench"), tracks); err != nil {
		b.Fatal(err)
	}
	built := time.Since(start)
	f.Close()
	start = time.Now()
	f, err = OpenFile(path, false)
	if err != nil {
		b.Fatal(err)
	}
	opened := time.Since(start)
	s, _ := f.acquire()
	h := s.hdr
	f.release(s)
	codes := float64(h.postLen + fileDirEntry*h.blocks)
	b.Logf("%s: %d tracks, %d postings, %.1f MB: built in %v, opened in %v; %.2f bytes/posting; %.0f B/track-minute in all, %.0f of codes; directory %d blocks",
		space, h.tracks, h.postings, float64(h.fileLen)/1e6, built.Round(time.Millisecond), opened.Round(time.Millisecond),
		codes/float64(h.postings), float64(h.fileLen)/float64(n*minutes), codes/float64(n*minutes), h.blocks)
	return f, tracks[n/2].Postings
}

// BenchmarkFileLookup measures one query of about 500 distinct hashes (half from a track of
// the catalogue, half drawn from the hash space) against a 10,000-track index read with ReadAt,
// for 32-bit hashes, 18-bit ones (codes.go's) and Zipf-skewed 18-bit ones.
func BenchmarkFileLookup(b *testing.B) {
	for _, space := range []fileHashSpace{"u32", "u18", "zipf18"} {
		b.Run(string(space), func(b *testing.B) {
			f, track := fileBenchIndex(b, 10000, space)
			defer f.Close()
			rng := rand.New(rand.NewPCG(1, 1))
			z := rand.NewZipf(rng, 1.1, 1, 1<<18-1)
			queries := make([][]uint32, 64)
			for i := range queries {
				set := map[uint32]bool{}
				for _, j := range rng.Perm(len(track)) { // up to 250 of the track's hashes
					if len(set) == 250 {
						break
					}
					set[track[j].Hash] = true
				}
				for n := len(set) + 250; len(set) < n; {
					set[space.draw(rng, z)] = true
				}
				q := make([]uint32, 0, len(set))
				for h := range set {
					q = append(q, h)
				}
				slices.Sort(q)
				queries[i] = q
			}
			ctx := context.Background()
			found := 0
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if err := f.Lookup(ctx, queries[i%len(queries)], func(Posting) error { found++; return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3/float64(b.N), "ms/query")
			b.ReportMetric(float64(found)/float64(b.N), "postings/query")
		})
	}
}

// BenchmarkFileAdd measures adding 10 tracks to a 10,000-track index: the whole file is
// rewritten (copied, postings merged, fsynced, checked).
func BenchmarkFileAdd(b *testing.B) {
	f, _ := fileBenchIndex(b, 10000, "u18")
	defer f.Close()
	rng := rand.New(rand.NewPCG(3, 3))
	for b.Loop() {
		batch := fileTestTracks(rng, 10, 300, 17000, "u18")
		if err := f.Add(context.Background(), nil, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/add")
}
