package fingerprint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// A catalogue of random melodies and a target, built in two steps (Build, then Add), in a
// file and in PostgreSQL: a phrase of the target at another key and tempo finds it first,
// verified, with the transposition; the candidates alone find it too; a query analysed
// otherwise is refused.
func TestIndexSearch(t *testing.T) {
	t.Run("file", func(t *testing.T) {
		testIndexSearch(t, filepath.Join(t.TempDir(), "cat.lmx"), fileVersion, 8<<10)
	})
	t.Run("postgres", func(t *testing.T) {
		// Tables, their indexes and TOAST tables take pages of 8 KiB each even when nearly
		// empty: no bound on 13 tracks. BenchmarkPostgres measures a catalogue's size.
		testIndexSearch(t, pg.Database(t), pgSchemaVersion, 0)
	})
}

// testIndexSearch runs TestIndexSearch on the index at path, whose version is version and
// whose size must not pass maxPerMinute bytes per track-minute (0: no bound).
func testIndexSearch(t *testing.T, path string, version int, maxPerMinute float64) {
	ctx := context.Background()
	so := synth.Options{Tempo: 110, Timbre: synth.Piano(), Chords: true, Bass: true}
	var first, second []*motif.Features
	for k := range 12 {
		f := codesRender(t, synth.Random(int64(900+k), 12, k%12), so)
		f.File = filepath.Join("cat", "random", string(rune('a'+k))+".wav")
		if k < 6 {
			first = append(first, f)
		} else {
			second = append(second, f)
		}
	}
	target := synth.Concat("target", synth.Random(40, 4, 0), synth.Greensleeves(), synth.Random(41, 4, 0))
	tf := codesRender(t, target, so)
	tf.File = "cat/target.wav"
	second = append(second, tf)
	if err := Build(ctx, path, first, 0); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(ctx, second, 0); err != nil {
		t.Fatal(err)
	}
	info, err := ix.Info(ctx)
	if err != nil || info.Tracks != 13 || info.Version != version || info.Bytes <= 0 {
		t.Fatalf("info %+v, %v", info, err)
	}
	if perMinute := float64(info.Bytes) / (info.Seconds / 60); maxPerMinute > 0 && perMinute > maxPerMinute {
		t.Errorf("%.0f bytes per track-minute, want at most %.0f", perMinute, maxPerMinute)
	}

	query := codesRender(t, synth.Greensleeves(), synth.Options{Tempo: 88, Transpose: 3, Timbre: synth.Clarinet()})
	hits, err := ix.Search(ctx, query, SearchOptions{Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Info.Path != "cat/target.wav" || hits[0].Result == nil ||
		hits[0].Score < motif.Threshold || hits[0].Result.Transposition != -3 {
		t.Fatalf("verified hits %+v", hits)
	}
	if len(hits) > 1 && hits[1].Score >= motif.Threshold {
		t.Errorf("an unrelated track scores %.2f", hits[1].Score)
	}
	cands, err := ix.Search(ctx, query, SearchOptions{Top: 3, NoVerify: true})
	if err != nil || len(cands) == 0 || cands[0].Info.Path != "cat/target.wav" || cands[0].Result != nil || !(cands[0].Score > 0 && cands[0].Score <= 1) {
		t.Errorf("candidates %+v, %v", cands, err)
	}

	other := *query
	other.FrameRate *= 2
	if _, err := ix.Search(ctx, &other, SearchOptions{}); !errors.Is(err, ErrParams) {
		t.Errorf("a query at another frame rate: %v", err)
	}
	if err := ix.Add(ctx, []*motif.Features{&other}, 0); !errors.Is(err, ErrParams) {
		t.Errorf("adding a track at another frame rate: %v", err)
	}
	if after, _ := ix.Info(ctx); after.Tracks != 13 {
		t.Errorf("a refused add changed the index: %d tracks", after.Tracks)
	}
}

// BenchmarkSearchVerify measures a verified search of a 15 s phrase and of a whole 3-minute
// version against an index of twelve 3-minute tracks, whose candidates (verified/query: the
// tracks sharing at least two codes on a line, at most 10) all go to the full alignment: the
// cost of verification, which runs the candidates on every core (compare -cpu 1 and 2).
func BenchmarkSearchVerify(b *testing.B) {
	ctx := context.Background()
	so := synth.Options{Tempo: 100, Timbre: synth.Piano(), Chords: true, Bass: true}
	var feats []*motif.Features
	for k := range 12 {
		f := codesRender(b, synth.Random(int64(600+k), 75, k%12), so) // 75 four-beat bars: 3 minutes
		f.File = fmt.Sprintf("cat/%02d.wav", k)
		feats = append(feats, f)
	}
	path := filepath.Join(b.TempDir(), "cat.lmx")
	if err := Build(ctx, path, feats, 0); err != nil {
		b.Fatal(err)
	}
	ix, err := Open(ctx, path, false)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []struct {
		name string
		m    synth.Melody
	}{
		{"phrase15s", votePhrase(synth.Random(603, 75, 3), 40, 64)},
		{"whole3min", synth.Random(603, 75, 3)},
	} {
		query := codesRender(b, q.m, synth.Options{Tempo: 110, Transpose: 2, Timbre: synth.Clarinet(), Chords: true})
		b.Run(q.name, func(b *testing.B) {
			var hits []Hit
			for b.Loop() {
				if hits, err = ix.Search(ctx, query, SearchOptions{Top: 10}); err != nil {
					b.Fatal(err)
				}
			}
			if len(hits) == 0 || hits[0].Info.Path != "cat/03.wav" {
				b.Fatalf("hits %+v", hits)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			b.ReportMetric(float64(len(hits)), "verified/query")
		})
	}
}

// Tracks encoded one by one (as motif index build does, to hold no chroma) make the same
// index as Build from their features; one analysed otherwise is refused, naming it.
func TestBuildEncoded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	so := synth.Options{Tempo: 120, Timbre: synth.Piano(), Chords: true}
	var feats []*motif.Features
	var enc []*Encoded
	for k := range 3 {
		f := codesRender(t, synth.Random(int64(50+k), 8, k), so)
		f.File = fmt.Sprintf("enc/%d.wav", k)
		feats = append(feats, f)
		e, err := Encode(f)
		if err != nil {
			t.Fatal(err)
		}
		enc = append(enc, e)
	}
	a, b := filepath.Join(dir, "a.lmx"), filepath.Join(dir, "b.lmx")
	if err := Build(ctx, a, feats, 0); err != nil {
		t.Fatal(err)
	}
	if err := BuildEncoded(ctx, b, enc); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if len(da) == 0 || !bytes.Equal(da, db) {
		t.Errorf("Build wrote %d bytes, BuildEncoded %d, not the same", len(da), len(db))
	}
	other := *feats[0]
	other.FrameRate *= 2
	other.File = "enc/other.wav"
	e, err := Encode(&other)
	if err != nil {
		t.Fatal(err)
	}
	if err := BuildEncoded(ctx, filepath.Join(dir, "c.lmx"), append(enc, e)); !errors.Is(err, ErrParams) || !strings.Contains(err.Error(), "enc/other.wav") {
		t.Errorf("a track analysed otherwise: %v", err)
	}
}
