// Command codeseval measures the candidate stage of the fingerprint index (fingerprint.Codes,
// QueryCodes and Vote, before any verification) on the generated evaluation sets: it codes
// every file of a set, indexes all of them in memory (with -distract, also N synthetic
// distractor tracks, random melodies with accompaniment of 30-60 s; with -real-distract, real
// recordings cut into 60 s pieces), queries with every file
// that has a relevant track (another file of the same work) and reports, overall, by material
// and by role:
//
//   - hit@10: the fraction of queries with a relevant track among the first 10 candidates;
//   - recall@10: the mean over queries of the fraction of their relevant tracks (at most 10)
//     among the first 10 candidates;
//   - MRR: the mean reciprocal rank of the first relevant candidate (0 beyond 100);
//   - shared: the mean fraction of a query's distinct hashes found in a relevant track / in
//     an unrelated track of the set;
//   - slope ok: the fraction of relevant candidates in the first 10 whose slope is within 5%
//     of the manifests' tempo ratio;
//   - the code density (codes a minute of the index, and of the set's files alone), the
//     postings a query meets and the time of its vote;
//   - with -verify, what Index.Search returns: the first 10 candidates (the query itself
//     left out) compared with the query by the full alignment and ranked by calibrated score:
//     MAP over all of a query's relevant tracks (those outside the 10 count as not found),
//     P@1, and the share of verified relevant tracks scoring at least motif.Threshold;
//   - with -phrases, a 12 s phrase of every arrangement (phrases.go) queries the index for
//     its work's other files: hit@10 and recall@10;
//   - with -verbatim, verbatim reuse: a degraded 15 s excerpt of every file (verbatim.go)
//     queries the index, and the file itself must come first (hit@1, candidates alone and
//     after verification of 10).
//
// Usage:
//
//	go run ./internal/cmd/codeseval [-distract N] [-real-distract DIR] [-cache DIR] [-verify] [-phrases] [-verbatim] [-v] testdata/dev /tmp/sets/w/world/tune
//
// The world set is rendered by `go run ./internal/cmd/makedevset -only world -out /tmp/sets/w`.
package main

import (
	"cmp"
	"encoding/gob"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
	"github.com/leitmotif-audio/leitmotif/internal/eval"
	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/motif"
)

func main() {
	distract := flag.Int("distract", 0, "synthetic distractor tracks (random melodies with accompaniment, 30-60 s) added to each index")
	verbose := flag.Bool("v", false, "print every query's failures")
	plain := flag.Bool("plainquery", false, "query with Codes (the index's codes) instead of QueryCodes")
	cache := flag.String("cache", "", "keep the chroma features of the files and distractors in this directory")
	verify := flag.Bool("verify", false, "verify the first 10 candidates by the full alignment and report MAP and P@1")
	realDir := flag.String("real-distract", "", "also add as distractors every recording under this directory (e.g. realset's package cache, .cache/realset), cut into 60 s pieces")
	phr := flag.Bool("phrases", false, "also query with a 12 s phrase of every arrangement and report hit@10 and recall@10 of its work's other files")
	verbOut := flag.String("verbatim-out", "", "write the verbatim excerpts as WAV files in this directory (for the peers, e.g. fpcalc)")
	verb := flag.Bool("verbatim", false, "also query with a degraded 15 s excerpt of every file (level, low-pass, 10 dB noise) and report how often the file itself comes first")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: codeseval [flags] SETDIR...")
		os.Exit(2)
	}
	var extra []entry
	if *distract > 0 {
		extra = distractors(*distract, *cache, *plain)
	}
	if *realDir != "" {
		pieces, err := realDistractors(*realDir, *cache, *plain)
		if err != nil {
			fmt.Fprintln(os.Stderr, "codeseval:", err)
			os.Exit(1)
		}
		extra = append(extra, pieces...)
	}
	for _, dir := range flag.Args() {
		if err := run(dir, *cache, extra, *plain, *verify, *phr, *verb, *verbOut, *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "codeseval:", err)
			os.Exit(1)
		}
	}
}

// entry is one indexed track.
type entry struct {
	name, work, material, role string
	tempo                      float64
	seconds                    float64
	codes                      []fingerprint.Code
	query                      []fingerprint.Code // codes with the query-side variants
	track                      *motif.Track       // the matching features, for -verify
	feat                       *motif.Features    // the chroma, for -phrases
}

// newEntry codes a track for the index and as a query.
func newEntry(name, work, material, role string, tempo float64, f *motif.Features, plain bool) entry {
	e := entry{name: name, work: work, material: material, role: role, tempo: tempo, seconds: f.Duration,
		codes: fingerprint.Codes(f), query: fingerprint.QueryCodes(f), track: motif.Prepare(f, motif.CompareOptions{}), feat: f}
	if plain {
		e.query = e.codes
	}
	return e
}

// distractors renders n random melodies with accompaniment, 30-60 s, in random keys, tempi
// and timbres, and codes them.
func distractors(n int, cache string, plain bool) []entry {
	out := make([]entry, n)
	timbres := []func() synth.Timbre{synth.Piano, synth.Flute, synth.Clarinet, synth.Strings, synth.Sine}
	parallel.For(n, 0, func(i int) {
		rng := rand.New(rand.NewSource(int64(1000 + i)))
		tempo := 80 + 60*rng.Float64()
		bars := int((30 + 30*rng.Float64()) * tempo / 60 / 4)
		m := synth.Random(int64(100000+i), bars, rng.Intn(12))
		opt := synth.Options{SampleRate: 8000, Tempo: tempo, Timbre: timbres[rng.Intn(len(timbres))](),
			Chords: rng.Intn(3) > 0, Bass: rng.Intn(2) > 0, Noise: rng.Intn(3) == 0, SNR: 15 + 10*rng.Float64(), Seed: int64(i)}
		f, err := cached(cache, fmt.Sprintf("distractor%04d", i), func() (*motif.Features, error) {
			return motif.AnalyzeSamples(synth.Render(m, opt), 8000, motif.ChromaOptions{})
		})
		if err != nil {
			panic(err)
		}
		out[i] = newEntry(fmt.Sprintf("distractor%04d", i), fmt.Sprintf("d%04d", i), "distractor", "distractor", 0, f, plain)
	}, nil)
	return out
}

// cached returns the features stored under name in the directory cache, computing and
// storing them when missing; with cache "", it computes them.
func cached(cache, name string, compute func() (*motif.Features, error)) (*motif.Features, error) {
	if cache == "" {
		return compute()
	}
	file := filepath.Join(cache, name+".gob")
	if b, err := os.Open(file); err == nil {
		defer b.Close()
		var f motif.Features
		if err := gob.NewDecoder(b).Decode(&f); err == nil {
			return &f, nil
		}
	}
	f, err := compute()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err == nil {
		if w, err := os.Create(file); err == nil {
			gob.NewEncoder(w).Encode(f)
			w.Close()
		}
	}
	return f, nil
}

// stats accumulates the figures of a group of queries.
type stats struct {
	queries         int
	hit10, recall10 float64
	mrr             float64
	slopeOK, slopeN int
	postings        int
	voteTime        time.Duration
	// mean fraction of the query's distinct hashes found in a relevant / an unrelated track
	relShare, irrShare float64
	// with -verify: sums of average precision and P@1, verified relevant tracks and those
	// of them at or above motif.Threshold
	ap, p1             float64
	verified, accepted int
}

func run(dir, cache string, extra []entry, plain, verify, phr, verb bool, verbOut string, verbose bool) error {
	tracks, err := eval.ReadManifest(dir)
	if err != nil {
		return err
	}
	n := len(tracks)
	ents := make([]entry, n)
	errs := make([]error, n)
	t0 := time.Now()
	parallel.For(n, 0, func(i int) {
		path := filepath.Join(dir, tracks[i].File)
		abs, _ := filepath.Abs(path)
		f, err := cached(cache, strings.ReplaceAll(abs, "/", "_"), func() (*motif.Features, error) {
			return motif.AnalyzeFile(path, motif.ChromaOptions{})
		})
		if err != nil {
			errs[i] = err
			return
		}
		t := tracks[i]
		ents[i] = newEntry(t.File, t.Work, t.Material, t.Role, t.Tempo, f, plain)
	}, nil)
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	analyse := time.Since(t0)
	all := append(slices.Clip(ents), extra...)
	// In-memory index: postings sorted by hash.
	var posts []fingerprint.Posting
	codes, secs := 0, 0.0
	for id, e := range all {
		for _, c := range e.codes {
			posts = append(posts, fingerprint.Posting{Hash: c.Hash, Track: uint32(id), Time: c.Time})
		}
		codes += len(e.codes)
		secs += e.seconds
	}
	sort.Slice(posts, func(i, j int) bool {
		if posts[i].Hash != posts[j].Hash {
			return posts[i].Hash < posts[j].Hash
		}
		return posts[i].Track < posts[j].Track
	})
	lookup := func(hashes []uint32) []fingerprint.Posting {
		var out []fingerprint.Posting
		for _, h := range hashes {
			i := sort.Search(len(posts), func(i int) bool { return posts[i].Hash >= h })
			for ; i < len(posts) && posts[i].Hash == h; i++ {
				out = append(out, posts[i])
			}
		}
		return out
	}
	setCodes, setSecs := 0, 0.0
	for _, e := range ents {
		setCodes += len(e.codes)
		setSecs += e.seconds
	}
	distinct := map[uint32]bool{}
	for _, pp := range posts {
		distinct[pp.Hash] = true
	}
	groups := map[string]*stats{}
	add := func(g string) *stats {
		if groups[g] == nil {
			groups[g] = &stats{}
		}
		return groups[g]
	}
	for qi, q := range ents {
		var rel []int
		for j, e := range ents {
			if j != qi && e.work == q.work {
				rel = append(rel, j)
			}
		}
		if len(rel) == 0 {
			continue
		}
		hashes := distinctHashes(q.query)
		ps := lookup(hashes)
		t := time.Now()
		cands := fingerprint.Vote(q.query, ps, 101)
		dt := time.Since(t)
		var ranked []fingerprint.Candidate
		for _, c := range cands {
			if int(c.Track) != qi {
				ranked = append(ranked, c)
			}
		}
		in10, first := 0, 0
		for r, c := range ranked {
			if slices.Contains(rel, int(c.Track)) {
				if r < 10 {
					in10++
				}
				if first == 0 {
					first = r + 1
				}
			}
		}
		var ap, p1 float64
		var verified, accepted int
		if verify {
			top := ranked[:min(10, len(ranked))]
			scores := make([]float64, len(top))
			parallel.For(len(top), 0, func(i int) {
				scores[i] = motif.CompareTracks(q.track, all[top[i].Track].track, motif.CompareOptions{}).Score
			}, nil)
			order := make([]int, len(top))
			for i := range order {
				order[i] = i
			}
			slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
			found := 0
			for r, i := range order {
				if slices.Contains(rel, int(top[i].Track)) {
					found++
					ap += float64(found) / float64(r+1)
					verified++
					if scores[i] >= motif.Threshold {
						accepted++
					}
					if r == 0 {
						p1 = 1
					}
				}
			}
			ap /= float64(len(rel))
		}
		qh := map[uint32]bool{}
		for _, h := range hashes {
			qh[h] = true
		}
		share := 0.0
		for _, j := range rel {
			got := map[uint32]bool{}
			for _, c := range ents[j].codes {
				if qh[c.Hash] {
					got[c.Hash] = true
				}
			}
			share += float64(len(got)) / float64(max(1, len(hashes)))
		}
		irr, irrN := 0.0, 0
		for j := range ents {
			if j == qi || slices.Contains(rel, j) {
				continue
			}
			got := map[uint32]bool{}
			for _, c := range ents[j].codes {
				if qh[c.Hash] {
					got[c.Hash] = true
				}
			}
			irr += float64(len(got)) / float64(max(1, len(hashes)))
			irrN++
		}
		groupNames := []string{"all", "role " + q.role}
		if q.material != "" {
			groupNames = append(groupNames, "material "+q.material)
		}
		for _, g := range groupNames {
			s := add(g)
			s.queries++
			if in10 > 0 {
				s.hit10++
			}
			s.recall10 += float64(in10) / float64(min(len(rel), 10))
			if first > 0 {
				s.mrr += 1 / float64(first)
			}
			s.postings += len(ps)
			s.relShare += share / float64(len(rel))
			s.irrShare += irr / float64(max(1, irrN))
			s.voteTime += dt
			s.ap, s.p1, s.verified, s.accepted = s.ap+ap, s.p1+p1, s.verified+verified, s.accepted+accepted
			for _, c := range ranked[:min(10, len(ranked))] {
				if slices.Contains(rel, int(c.Track)) && all[c.Track].tempo > 0 && q.tempo > 0 {
					s.slopeN++
					if math.Abs(math.Log(c.Slope/(q.tempo/all[c.Track].tempo))) < 0.05 {
						s.slopeOK++
					}
				}
			}
		}
		if verbose && in10 < min(len(rel), 10) {
			var names []string
			for _, c := range ranked[:min(10, len(ranked))] {
				names = append(names, fmt.Sprintf("%s:%d", all[c.Track].name, c.Votes))
			}
			fmt.Printf("  %s (%d codes, %d/%d in top 10, first %d): %s\n", q.name, len(q.codes), in10, len(rel), first, strings.Join(names, " "))
		}
	}
	fmt.Printf("%s: %d files + %d distractors, %.1f min, %.0f codes/min (set %.0f), %d distinct hashes, analysis %.1fs\n",
		dir, n, len(extra), secs/60, float64(codes)/(secs/60), float64(setCodes)/(setSecs/60), len(distinct), analyse.Seconds())
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	slices.Sort(names)
	for _, g := range names {
		s := groups[g]
		q := float64(s.queries)
		fmt.Printf("  %-20s queries %3d  hit@10 %.3f  recall@10 %.3f  MRR %.3f  shared %.3f/%.4f  slope ok %.2f  postings/query %6.0f  vote %.2f ms\n",
			g, s.queries, s.hit10/q, s.recall10/q, s.mrr/q, s.relShare/q, s.irrShare/q, float64(s.slopeOK)/math.Max(1, float64(s.slopeN)),
			float64(s.postings)/q, float64(s.voteTime.Microseconds())/1000/q)
		if verify {
			fmt.Printf("  %-20s verified: MAP %.3f  P@1 %.3f  relevant at or above %.1f: %.2f\n",
				"", s.ap/q, s.p1/q, motif.Threshold, float64(s.accepted)/math.Max(1, float64(s.verified)))
		}
	}
	if phr {
		phrases(ents, all, lookup)
	}
	if verb {
		files := make([]string, n)
		for i, t := range tracks {
			files[i] = t.File
		}
		return verbatim(dir, verbOut, files, all, lookup)
	}
	return nil
}

// distinctHashes returns the hashes of codes, sorted, each once: what Backend.Lookup takes.
func distinctHashes(codes []fingerprint.Code) []uint32 {
	hashes := make([]uint32, len(codes))
	for i, c := range codes {
		hashes[i] = c.Hash
	}
	slices.Sort(hashes)
	return slices.Compact(hashes)
}
