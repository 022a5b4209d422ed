package fingerprint

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/pgtest"
	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// testShards checks an index spread over two new backends (newBackend(shard, name) makes
// them): it holds what one would (every posting, in Lookup's order, over adds), each shard
// holds only its half of the hashes, and searches give what a single file index of the same
// tracks gives, candidates and verified results.
func testShards(t *testing.T, newBackend func(shard int, name string) Backend) {
	ctx := context.Background()
	s, err := NewShards(newBackend(0, "postings"), newBackend(1, "postings"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(21, 22))
	ref := newFileRef()
	for _, space := range []fileHashSpace{"u18", "zipf18", "u32"} {
		batch := fileTestTracks(rng, 5, 200, 2000, space)
		if err := s.Add(ctx, []byte("p"), batch); err != nil {
			t.Fatal(err)
		}
		ref.add(batch)
		backendCheck(t, s, ref, []byte("p"))
	}
	for k, shard := range s.shards {
		if err := shard.Lookup(ctx, ref.hashes(), func(p Posting) error {
			if int(p.Hash%2) != k {
				return fmt.Errorf("shard %d holds hash %#x", k, p.Hash)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}

	single, err := OpenFile(filepath.Join(t.TempDir(), "single.lmx"), true)
	if err != nil {
		t.Fatal(err)
	}
	sharded, err := NewShards(newBackend(0, "search"), newBackend(1, "search"))
	if err != nil {
		t.Fatal(err)
	}
	one, many := New(single), New(sharded)
	defer one.Close()
	defer many.Close()
	so := synth.Options{Tempo: 100, Timbre: synth.Piano(), Chords: true, Bass: true}
	var feats []*motif.Features
	for k := range 7 {
		m := synth.Random(int64(700+k), 12, k)
		if k == 3 {
			m = synth.Concat("target", synth.Random(70, 4, 0), synth.Greensleeves(), synth.Random(71, 4, 0))
		}
		f := codesRender(t, m, so)
		f.File = filepath.Join("shards", string(rune('a'+k))+".wav")
		feats = append(feats, f)
	}
	for _, ix := range []*Index{one, many} {
		for _, part := range [][]*motif.Features{feats[:4], feats[4:]} {
			if err := ix.Add(ctx, part, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	query := codesRender(t, synth.Greensleeves(), synth.Options{Tempo: 120, Transpose: -2, Timbre: synth.Clarinet()})
	for _, opt := range []SearchOptions{{Top: 5, NoVerify: true}, {Top: 3}} {
		want, err := one.Search(ctx, query, opt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := many.Search(ctx, query, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || want[0].Info.Path != "shards/d.wav" || len(got) != len(want) {
			t.Fatalf("%+v: single %+v, sharded %+v", opt, want, got)
		}
		for i := range want {
			w, g := want[i], got[i]
			if w.Track != g.Track || w.Score != g.Score || w.Votes != g.Votes || w.Info != g.Info ||
				w.Result != nil && w.Result.Transposition != g.Result.Transposition {
				t.Errorf("%+v, hit %d: single %+v, sharded %+v", opt, i, w, g)
			}
		}
	}
}

func TestShardsFiles(t *testing.T) {
	dir := t.TempDir()
	testShards(t, func(shard int, name string) Backend {
		f, err := OpenFile(filepath.Join(dir, fmt.Sprintf("%s-%d.lmx", name, shard)), true)
		if err != nil {
			t.Fatal(err)
		}
		return f
	})
}

// Two PostgreSQL clusters, each holding half of the codes by hash.
func TestShardsPostgres(t *testing.T) {
	servers := []*pgtest.Server{pg.Get(t), pgtest.Private(t)}
	testShards(t, func(shard int, name string) Backend {
		url, err := servers[shard].CreateDatabase(context.Background(), fmt.Sprintf("shards_%s_%d", name, shard))
		if err != nil {
			t.Fatal(err)
		}
		p, err := OpenPostgres(context.Background(), url, true)
		if err != nil {
			t.Fatal(err)
		}
		return p
	})
}

// A shard that fell behind (an add that failed part way) is reported, not searched.
func TestShardsDisagree(t *testing.T) {
	dir := t.TempDir()
	var bs []Backend
	for k := range 2 {
		f, err := OpenFile(filepath.Join(dir, fmt.Sprint(k)), true)
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, f)
	}
	ctx := context.Background()
	if err := bs[1].Add(ctx, nil, fileTestTracks(rand.New(rand.NewPCG(1, 1)), 1, 10, 10, "u18")); err != nil {
		t.Fatal(err)
	}
	s, _ := NewShards(bs...)
	if _, _, _, err := s.Stats(ctx); err == nil {
		t.Error("shards of 0 and 1 tracks: no error")
	}
	if _, err := NewShards(); err == nil {
		t.Error("no shards: no error")
	}
}
