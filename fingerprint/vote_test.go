package fingerprint

import (
	"cmp"
	"math"
	"math/rand"
	"slices"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// voteIndex is an in-memory posting list for the tests: postings by hash.
type voteIndex map[uint32][]Posting

func (ix voteIndex) add(track uint32, cs []Code) {
	for _, c := range cs {
		ix[c.Hash] = append(ix[c.Hash], Posting{Hash: c.Hash, Track: track, Time: c.Time})
	}
}

// lookup returns the postings of the query's distinct hashes, grouped by hash in ascending
// order, as Backend.Lookup gives them.
func (ix voteIndex) lookup(query []Code) []Posting {
	hs := make([]uint32, len(query))
	for i, c := range query {
		hs[i] = c.Hash
	}
	slices.Sort(hs)
	var out []Posting
	for _, h := range slices.Compact(hs) {
		out = append(out, ix[h]...)
	}
	return out
}

// votePhrase returns the notes of m from beat b0 to b1, starting at beat 0.
func votePhrase(m synth.Melody, b0, b1 float64) synth.Melody {
	p := m
	p.Notes = nil
	for _, n := range m.Notes {
		if n.Onset >= b0 && n.Onset < b1 {
			n.Onset -= b0
			n.Dur = min(n.Dur, b1-b0-n.Onset)
			p.Notes = append(p.Notes, n)
		}
	}
	return p
}

// TestVoteFindsTarget builds a catalogue of 50 random melodies of 30-60 s with
// accompaniment and a target, and queries it with a phrase of the target in another key and
// tempo, a noisy verbatim excerpt and a whole other version: the target must come first,
// with its tempo and where the query starts in it.
func TestVoteFindsTarget(t *testing.T) {
	const tempo = 100.0 // the target's, beats per minute
	target := synth.Random(1, 24, 2)
	targetAudio := synth.Render(target, synth.Options{SampleRate: codesRate, Timbre: synth.Piano(), Chords: true, Bass: true, Tempo: tempo})
	ix := voteIndex{}
	const targetID = 17 // not first, so that order does not find it
	rng := rand.New(rand.NewSource(3))
	timbres := []func() synth.Timbre{synth.Piano, synth.Flute, synth.Clarinet, synth.Strings}
	for id := uint32(0); id <= 50; id++ {
		if id == targetID {
			ix.add(id, Codes(codesAnalyse(t, targetAudio)))
			continue
		}
		bpm := 80 + 60*rng.Float64()
		bars := int((30 + 30*rng.Float64()) * bpm / 240)
		m := synth.Random(int64(100+id), bars, rng.Intn(12))
		ix.add(id, Codes(codesRender(t, m, synth.Options{Timbre: timbres[rng.Intn(len(timbres))](),
			Chords: true, Bass: rng.Intn(2) == 0, Tempo: bpm})))
	}
	beat := 60 / tempo
	noisy := slices.Clone(targetAudio[int(20*codesRate):int(35*codesRate)])
	nrng := rand.New(rand.NewSource(9))
	for i := range noisy {
		noisy[i] = 0.8*noisy[i] + float32(0.05*nrng.NormFloat64()) // about 10 dB SNR
	}
	for _, tc := range []struct {
		name          string
		codes         []Code
		slope, offset float64 // expected; offset in seconds
	}{
		{"phrase +3 at 0.8x", QueryCodes(codesRender(t, votePhrase(target, 32, 56),
			synth.Options{Timbre: synth.Flute(), Chords: true, Transpose: 3, Tempo: 0.8 * tempo})), 0.8, 32 * beat},
		{"phrase -4 at 1.3x", QueryCodes(codesRender(t, votePhrase(target, 16, 44),
			synth.Options{Timbre: synth.Strings(), Transpose: -4, Tempo: 1.3 * tempo})), 1.3, 16 * beat},
		{"noisy excerpt", QueryCodes(codesAnalyse(t, noisy)), 1, 20},
		{"whole version -2 at 1.2x", QueryCodes(codesRender(t, target,
			synth.Options{Timbre: synth.Clarinet(), Chords: true, Transpose: -2, Tempo: 1.2 * tempo})), 1.2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			postings := ix.lookup(tc.codes)
			cands := Vote(tc.codes, postings, 5)
			if len(cands) == 0 {
				t.Fatalf("no candidate from %d codes and %d postings", len(tc.codes), len(postings))
			}
			c := cands[0]
			t.Logf("%d codes, %d postings; first %+v; second %+v", len(tc.codes), len(postings), c, cands[min(1, len(cands)-1)])
			if c.Track != targetID {
				t.Fatalf("first candidate track %d, want %d: %+v", c.Track, targetID, cands)
			}
			if len(cands) > 1 && cands[1].Votes*2 > c.Votes {
				t.Errorf("the second candidate has %d votes against the target's %d", cands[1].Votes, c.Votes)
			}
			if math.Abs(math.Log(c.Slope/tc.slope)) > 0.03 {
				t.Errorf("slope %.3f, want %.3f", c.Slope, tc.slope)
			}
			if math.Abs(c.Offset-tc.offset) > 0.5 {
				t.Errorf("offset %.2f s, want %.2f", c.Offset, tc.offset)
			}
			if !(c.Score > 0 && c.Score <= 1) {
				t.Errorf("score %g not in (0, 1]", c.Score)
			}
		})
	}
}

// voteLine returns n matches of track on the line r = a·q + b (frames), q from q0 on.
func voteLine(track uint32, n int, a, b float64, q0 uint32, hash uint32) ([]Code, []Posting) {
	var qs []Code
	var ps []Posting
	for i := range n {
		q := q0 + uint32(7*i)
		h := hash + uint32(i)
		qs = append(qs, Code{Hash: h, Time: q})
		ps = append(ps, Posting{Hash: h, Track: track, Time: uint32(math.Round(a*float64(q) + b))})
	}
	return qs, ps
}

// TestVoteLines checks the line search on matches built by hand among chance matches.
func TestVoteLines(t *testing.T) {
	for _, tc := range []struct {
		name        string
		slope, b    float64 // frames
		q0          uint32
		n           int
		wantVotes   int
		wantOffsetS float64
	}{
		{"slope 1", 1, 300, 0, 20, 20, 30},
		{"slope 1.25", 1.25, 300, 0, 20, 20, 30},
		{"slope 0.72", 0.72, 5000, 40, 30, 30, 500},
		{"slope 1.4, late", 1.4, 20, 100, 25, 25, 2},
		{"past 16 bits of time", 0.9, 100000, 70000, 20, 20, 10000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs, ps := voteLine(42, tc.n, tc.slope, tc.b, tc.q0, 1000)
			rng := rand.New(rand.NewSource(1))
			// chance matches: the same hashes in 300 other tracks at random times
			for i := range 6000 {
				h := qs[rng.Intn(len(qs))].Hash
				ps = append(ps, Posting{Hash: h, Track: uint32(rng.Intn(300)) + 100, Time: uint32(rng.Intn(3000)) + uint32(i%2)*tc.q0})
			}
			slices.SortStableFunc(ps, func(x, y Posting) int { return cmp.Compare(x.Hash, y.Hash) })
			cands := Vote(qs, ps, 3)
			if len(cands) == 0 || cands[0].Track != 42 {
				t.Fatalf("candidates %+v, want track 42 first", cands)
			}
			c := cands[0]
			if c.Votes != tc.wantVotes {
				t.Errorf("%d votes, want %d", c.Votes, tc.wantVotes)
			}
			// the offset extrapolates the line to q = 0: compare where the query's middle falls
			qm := float64(tc.q0+uint32(7*(tc.n-1)/2)) / CodeRate
			if math.Abs(c.Slope-tc.slope) > 0.005 || math.Abs(c.Slope*qm+c.Offset-(tc.slope*qm+tc.wantOffsetS)) > 0.1 {
				t.Errorf("line r = %.4f q + %.2f s, want %.4f q + %.2f s", c.Slope, c.Offset, tc.slope, tc.wantOffsetS)
			}
			if want := float64(tc.wantVotes) / float64(tc.n); math.Abs(c.Score-want) > 1e-9 {
				t.Errorf("score %g, want %g", c.Score, want)
			}
			if len(cands) > 1 && cands[1].Votes >= c.Votes/2 {
				t.Errorf("chance line with %d votes against %d", cands[1].Votes, c.Votes)
			}
		})
	}
}

// TestVoteOrderAndTopK checks that the result is best first with ties by track, that the
// pruned search returns the prefix of a longer list, and that the order of the postings
// changes nothing.
func TestVoteOrderAndTopK(t *testing.T) {
	var qs []Code
	var ps []Posting
	// tracks 0..29 each with a line of 2 + track%7 matches
	for tr := range uint32(30) {
		q, p := voteLine(tr, 2+int(tr%7), 1, float64(10*tr), 0, 0)
		if tr == 0 {
			qs = q
		}
		ps = append(ps, p...)
	}
	for i := len(qs); i < 8; i++ {
		qs = append(qs, Code{Hash: uint32(i), Time: uint32(7 * i)})
	}
	slices.SortStableFunc(ps, func(x, y Posting) int { return cmp.Compare(x.Hash, y.Hash) })
	all := Vote(qs, ps, 100)
	if len(all) != 30 {
		t.Fatalf("%d candidates, want 30", len(all))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.Votes < b.Votes || a.Votes == b.Votes && a.Track > b.Track {
			t.Fatalf("candidates %d and %d out of order: %+v, %+v", i-1, i, a, b)
		}
	}
	for _, k := range []int{1, 3, 4, 5, 10} {
		if got := Vote(qs, ps, k); !slices.Equal(got, all[:k]) {
			t.Errorf("k=%d: %+v, want %+v", k, got, all[:k])
		}
	}
	shuffled := slices.Clone(ps)
	rand.New(rand.NewSource(2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := Vote(qs, shuffled, 100); !slices.Equal(got, all) {
		t.Errorf("shuffled postings: %+v, want %+v", got, all)
	}
	for _, tc := range []struct {
		name string
		qs   []Code
		ps   []Posting
		k    int
	}{
		{"no query", nil, ps, 5},
		{"no postings", qs, nil, 5},
		{"k = 0", qs, ps, 0},
		{"single matches", qs, []Posting{{Hash: 0, Track: 1}, {Hash: 1, Track: 2}}, 5},
	} {
		if got := Vote(tc.qs, tc.ps, tc.k); len(got) != 0 {
			t.Errorf("%s: %+v, want none", tc.name, got)
		}
	}
}

// TestVoteSortMatches checks the radix sort against a comparison sort, with times short and
// long.
func TestVoteSortMatches(t *testing.T) {
	for _, tc := range []struct {
		name     string
		n        int
		timeMask uint32
	}{
		{"few", 100, 0xffff},
		{"many", 20000, 0xffff},
		{"many, long times", 20000, 0x3ffff},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(4))
			ms := make([]match, tc.n)
			for i := range ms {
				ms[i] = match{track: uint32(rng.Intn(1 << 18)), q: uint32(rng.Uint32()) & tc.timeMask, r: uint32(rng.Uint32()) & tc.timeMask}
			}
			want := slices.Clone(ms)
			slices.SortFunc(want, func(x, y match) int {
				if x.track != y.track {
					return cmp.Compare(x.track, y.track)
				}
				if x.q != y.q {
					return cmp.Compare(x.q, y.q)
				}
				return cmp.Compare(x.r, y.r)
			})
			sortMatches(ms)
			if !slices.Equal(ms, want) {
				t.Error("sortMatches differs from a comparison sort")
			}
		})
	}
}

// BenchmarkVote measures a query against a synthetic 10,000-track index of 3-minute tracks at
// the density of Codes, 24 of them rendered melodies and the others drawn from the codes of
// 800 random melodies (coded from their ideal chroma, which gives the hashes the frequencies
// of rendered audio: on 48 melodies 2,961 distinct hashes of 4,950 codes rendered, 3,064 of
// 5,272 ideal), at random times: a 15 s phrase of a rendered melody in another key, tempo and
// instrument, and a whole 3-minute version of three of them.
func BenchmarkVote(b *testing.B) {
	var melodies []synth.Melody
	ix := voteIndex{}
	for i := range 24 {
		m := synth.Random(int64(200+i), 24, i%12)
		melodies = append(melodies, m)
		ix.add(uint32(i), Codes(codesRender(b, m, synth.Options{Timbre: synth.Piano(), Chords: true, Bass: i%2 == 0, Tempo: 110})))
	}
	rng := rand.New(rand.NewSource(5))
	var pool []Code
	for i := range 800 {
		o := synth.Options{Timbre: synth.Piano(), Chords: i%3 > 0, Bass: i%2 == 0, Tempo: 70 + 70*rng.Float64()}
		m := synth.Random(int64(10000+i), int(o.Tempo/4), rng.Intn(12))
		pool = append(pool, Codes(&motif.Features{FrameRate: 10.77, Frames: synth.IdealChroma(m, o, 10.77)})...)
	}
	const tracks, perTrack = 10000, 3 * 130 // 3 minutes at about 130 codes a minute
	for tr := uint32(len(melodies)); tr < tracks; tr++ {
		for range perTrack {
			h := pool[rng.Intn(len(pool))].Hash
			ix[h] = append(ix[h], Posting{Hash: h, Track: tr, Time: uint32(rng.Intn(1800))})
		}
	}
	whole := synth.Concat("whole", melodies[3], melodies[4], melodies[5])
	for _, q := range []struct {
		name  string
		codes []Code
	}{
		// 28 beats at 112 bpm: 15 s; 288 beats at 96 bpm: 3 minutes
		{"phrase15s", QueryCodes(codesRender(b, votePhrase(melodies[3], 24, 52), synth.Options{Timbre: synth.Flute(), Chords: true, Transpose: 5, Tempo: 112}))},
		{"whole3min", QueryCodes(codesRender(b, whole, synth.Options{Timbre: synth.Clarinet(), Chords: true, Transpose: -3, Tempo: 96}))},
	} {
		postings := ix.lookup(q.codes)
		b.Run(q.name, func(b *testing.B) {
			var cands []Candidate
			for b.Loop() {
				cands = Vote(q.codes, postings, 10)
			}
			if len(cands) == 0 || cands[0].Track < 3 || cands[0].Track > 5 {
				b.Fatalf("candidates %+v, want track 3, 4 or 5 first", cands)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			b.ReportMetric(float64(len(postings)), "postings/query")
			b.ReportMetric(float64(len(q.codes)), "codes/query")
		})
	}
}

// The tracks whose line is searched are chosen by matches weighted by the rarity of their
// hash: a track sharing ten rare codes on a line with the query is found first among 600
// tracks that each meet a common code of the query 30 times (more matches, by chance, than
// the track has: unweighted, it would not be among the 400 searched). Track numbers dense and
// sparse (counted in an array and in a map).
func TestVoteRarity(t *testing.T) {
	for _, base := range []uint32{0, 1 << 31} {
		const common = 1 << 20
		query := []Code{{Hash: common, Time: 0}}
		var postings []Posting
		for i := range 10 {
			h := uint32(100 + i)
			query = append(query, Code{Hash: h, Time: uint32(10 * i)})
			postings = append(postings, Posting{Hash: h, Track: base + 7, Time: uint32(10*i + 300)})
		}
		rng := rand.New(rand.NewSource(3))
		for tr := range uint32(600) {
			for range 30 {
				postings = append(postings, Posting{Hash: common, Track: base + 1000 + tr, Time: uint32(rng.Intn(1800))})
			}
		}
		slices.SortFunc(postings, comparePostings)
		if got := Vote(query, postings, 1); len(got) != 1 || got[0].Track != base+7 || got[0].Votes != 10 {
			t.Errorf("tracks from %d: %+v, want track %d with 10 votes", base, got, base+7)
		}
	}
}
