package fingerprint

import (
	"cmp"
	"math"
	"slices"
)

// Voting: method and reasons (text for the package documentation).
//
// Every query code meets the postings of its hash: a match (q, r) of a query time and a time
// in a catalogued track. Chance matches scatter; the codes of a shared phrase fall on a line
// r = a·q + b, with a the query's tempo relative to the track's and b where the query starts
// in the track. Shazam counts matches per time offset (a = 1, Wang 2003) and Panako, whose
// matches carry a stretch factor, per offset after undoing it (Six & Leman 2014). The codes
// here are tempo invariant and hold no time span, so each track's matches go through a small
// Hough transform: 36 slopes a from MinSlope to MaxSlope in log steps of 2%, offsets b in
// 1 s bins read in overlapping pairs (so a line on a bin edge is not split), b measured at
// the middle of the query so that a wrong slope by half a step moves the ends of a 20 s
// query by only 0.1 s. Each query time counts once per bin, so a figure the track repeats
// does not multiply one query code. The winning line is refitted by least squares on the
// matches within 1 s and then 0.4 s of it.
//
// Cost: a whole 3-minute query meets thousands of tracks that share 30-60 codes with it by
// chance (on a synthetic 10,000-track index at the density of Codes, BenchmarkVote, 400,000
// postings), and the line search of each is what costs: searching them all took 65-110 ms.
// So each track's matches are first counted, weighted by the rarity of their hash (log(1 +
// mean/postings of the hash): a code half the catalogue holds says little about which
// tracks to search), and only the lineTracks(k) heaviest, 400 for 10 candidates, are
// expanded into matches, sorted by track (a radix sort) and line-searched, from the most
// matches down, stopping at the first track with fewer matches than the k-th best line has
// votes. That took the whole query to 6-9 ms and the 15 s phrase from 3-6 ms to 1.7-2.1 ms
// (one run, one core). What it costs in recall, measured where the cut bites as it does on
// 10,000 tracks (internal/cmd/codeseval with 1,000 distractors, so 1,200 tracks, and the
// cut at 48 of them, 4% as 400 is of 10,000): recall@10 0.795 -> 0.779 on the dev set, 0.528
// -> 0.519 on the world set's tuning half, 0.583 -> 0.591 on its held-out half; unweighted
// counts lost 0.01-0.07 more at the same cuts on the tuning half (inverse and square-root
// weights fell between). A catalogue ten times larger cuts ten times deeper at the same
// cost: the figures at 100,000 tracks are not measured. A coarse-slope upper bound to prune
// tracks (slopes 10% apart, bins widened by the offset error of half a step) pruned a tenth
// of them on whole queries, too loose to pay; fewer slopes for short queries (steps moving
// their ends by half a bin) lost 0.02 of recall@10 on the world set. Offset bins of 0.5 and
// 2 s, counting a query time more than once per bin, and weighting the votes on a line by
// rarity changed recall@10 by -0.03 to +0.02, within the noise of the sets.

// Candidate is a catalogued track that shares codes with a query.
type Candidate struct {
	Track uint32
	// Votes is the number of query code times whose matches lie on the best line
	// r = Slope·q + Offset.
	Votes int
	// Score is the code-match strength in [0, 1]: Votes relative to the number of distinct
	// times of the query's codes (not calibrated; an index keeps about 2/3 of a track's
	// codes, so a query found whole scores about that).
	Score float64
	// Slope is reference seconds per query second along the line: the query's tempo relative
	// to the track's (a query played at 0.8 times the track's tempo gives 0.8; motif's
	// TempoRatio of the query against the track is 1/Slope), from MinSlope to MaxSlope.
	Slope float64
	// Offset is the track's time in seconds where the query's time 0 falls.
	Offset float64
}

// The tempo range of the vote: a query from 0.7 to 1/0.7 (1.43) times the track's tempo.
const (
	MinSlope = 0.7
	MaxSlope = 1 / 0.7
)

// Vote parameters.
const (
	slopeStep = 0.02 // log step of the slope grid
	offsetBin = 10   // frames of CodeRate per offset bin (1 s)
	minVotes  = 2    // fewer consistent matches are no candidate
	refineTol = 4    // frames from the first fit that a match may lie at in the second
	// radixMin is the number of matches from which a radix sort beats a comparison sort.
	radixMin = 4096
)

// match is one query code meeting a posting: the track, the query and reference times.
type match struct {
	track, q, r uint32
}

// Vote ranks the tracks of postings (those of the query codes' hashes, grouped by hash as
// Backend.Lookup gives them) by the number of their matches (query code, posting of the same
// hash) that lie on one line r = Slope·q + Offset, and returns the best k, best first, ties
// by track. Only the 400 tracks (or 40·k) with the most matches, weighted by the rarity of
// their hash, are line-searched (see the notes above). query is what QueryCodes returns.
func Vote(query []Code, postings []Posting, k int) []Candidate {
	if k <= 0 || len(query) == 0 || len(postings) == 0 {
		return nil
	}
	qs := slices.Clone(query)
	slices.SortFunc(qs, func(a, b Code) int {
		if a.Hash != b.Hash {
			return cmp.Compare(a.Hash, b.Hash)
		}
		return cmp.Compare(a.Time, b.Time)
	})
	times := make([]uint32, len(qs))
	for i, c := range qs {
		times[i] = c.Time
	}
	slices.Sort(times)
	qc := (float64(times[0]) + float64(times[len(times)-1])) / 2
	distinct := len(slices.Compact(times))

	// Count each track's matches first, and expand into matches only those of the tracks
	// whose line is searched: the lineTracks(k) most matched. Postings come grouped by hash,
	// so the query range of the previous one usually serves the next.
	qrange := func(h uint32, lo, hi int) (int, int) {
		if lo < hi && qs[lo].Hash == h {
			return lo, hi
		}
		lo, _ = slices.BinarySearchFunc(qs, h, func(c Code, h uint32) int { return cmp.Compare(c.Hash, h) })
		hi = lo
		for hi < len(qs) && qs[hi].Hash == h {
			hi++
		}
		return lo, hi
	}
	counts := newTrackCounts(postings)
	groups := 0
	for i := range postings {
		if i == 0 || postings[i].Hash != postings[i-1].Hash {
			groups++
		}
	}
	mean := float64(len(postings)) / float64(groups)
	lo, hi := 0, 0
	for i := 0; i < len(postings); {
		j := i + 1
		for j < len(postings) && postings[j].Hash == postings[i].Hash {
			j++
		}
		lo, hi = qrange(postings[i].Hash, lo, hi)
		w := float64(hi-lo) * rarity(j-i, mean)
		for _, p := range postings[i:j] {
			counts.add(p.Track, hi-lo, w)
		}
		i = j
	}
	total := counts.choose(lineTracks(k), minVotes)
	matches := make([]match, 0, total)
	lo, hi = 0, 0
	for _, p := range postings {
		if !counts.chosen(p.Track) {
			continue
		}
		lo, hi = qrange(p.Hash, lo, hi)
		for _, c := range qs[lo:hi] {
			matches = append(matches, match{p.Track, c.Time, p.Time})
		}
	}
	sortMatches(matches)

	// Runs of one track, most matches first.
	type run struct{ lo, hi int }
	var runs []run
	for i := 0; i < len(matches); {
		j := i + 1
		for j < len(matches) && matches[j].track == matches[i].track {
			j++
		}
		if j-i >= minVotes {
			runs = append(runs, run{i, j})
		}
		i = j
	}
	slices.SortFunc(runs, func(a, b run) int {
		if d := (b.hi - b.lo) - (a.hi - a.lo); d != 0 {
			return d
		}
		return cmp.Compare(matches[a.lo].track, matches[b.lo].track)
	})
	slopes := make([]float64, int(math.Log(MaxSlope/MinSlope)/slopeStep)+1)
	for s := range slopes {
		slopes[s] = MinSlope * math.Exp(float64(s)*slopeStep)
	}
	type cand struct {
		Candidate
		ms []match
	}
	better := func(a, b cand) int { // best first: votes down, then track up
		if a.Votes != b.Votes {
			return b.Votes - a.Votes
		}
		return cmp.Compare(a.Track, b.Track)
	}
	var best []cand
	var h hough
	for _, rn := range runs {
		ms := matches[rn.lo:rn.hi]
		if len(best) == k {
			// a track's line holds at most its matches: none of the next runs can enter
			last := best[k-1]
			if n := rn.hi - rn.lo; n < last.Votes || n == last.Votes && ms[0].track > last.Track {
				break
			}
		}
		c := cand{h.line(ms, slopes, qc), ms}
		if c.Votes < minVotes {
			continue
		}
		c.Track = ms[0].track
		c.Score = min(1, float64(c.Votes)/float64(distinct))
		if i, _ := slices.BinarySearchFunc(best, c, better); i < k {
			best = slices.Insert(best, i, c)
			best = best[:min(len(best), k)]
		}
	}
	out := make([]Candidate, len(best))
	for i, c := range best {
		out[i] = refine(c.Candidate, c.ms)
	}
	return out
}

// hough holds the scratch buffers of the line search, reused across tracks.
type hough struct {
	bins   []int32
	lastQ  []uint32  // per bin, 1 + the query time of its last vote
	qf, rf []float64 // per match, q - qc and r - bmin
	idx    []int     // per match, its bin at the current slope
}

// line finds the line r = a·(q - qc) + b with a in slopes that holds the most matches of one
// track (sorted by query time), each query time counted once per bin, in offset bins of
// offsetBin frames read in overlapping pairs. It returns the votes, the slope and the offset
// (seconds, at q = 0) of the best line.
func (h *hough) line(ms []match, slopes []float64, qc float64) Candidate {
	rmax := uint32(0)
	qlo, qhi := ms[0].q, ms[0].q
	for _, m := range ms {
		rmax = max(rmax, m.r)
		qlo, qhi = min(qlo, m.q), max(qhi, m.q)
	}
	// b = r - a(q - qc) lies in [-MaxSlope·(qhi-qc), rmax + MaxSlope·(qc-qlo)]
	bmin := -MaxSlope*math.Max(0, float64(qhi)-qc) - offsetBin
	bmax := float64(rmax) + MaxSlope*math.Max(0, qc-float64(qlo)) + offsetBin
	nb := int((bmax-bmin)/offsetBin) + 2
	if cap(h.bins) < nb {
		h.bins = make([]int32, nb)
		h.lastQ = make([]uint32, nb)
	}
	if cap(h.qf) < len(ms) {
		h.qf = make([]float64, len(ms))
		h.rf = make([]float64, len(ms))
		h.idx = make([]int, len(ms))
	}
	b, lq := h.bins[:nb], h.lastQ[:nb]
	qf, rf, idx := h.qf[:len(ms)], h.rf[:len(ms)], h.idx[:len(ms)]
	for j, m := range ms {
		qf[j], rf[j] = float64(m.q)-qc, float64(m.r)-bmin
	}
	var best Candidate
	bestV, bestBin := int32(0), 0
	for _, a := range slopes {
		for j, m := range ms {
			i := int((rf[j] - a*qf[j]) / offsetBin)
			idx[j] = i
			if lq[i] != m.q+1 { // one vote per query time and bin
				b[i]++
				lq[i] = m.q + 1
			}
		}
		for _, i := range idx {
			if v := b[i] + b[i+1]; v > bestV {
				bestV, bestBin, best.Slope = v, i, a
			}
		}
		for _, i := range idx {
			b[i], lq[i] = 0, 0
		}
	}
	best.Votes = int(bestV)
	if bestV > 0 {
		// the offset from the mean of the line's matches rather than the bins' middle
		a := best.Slope
		sum, n := 0.0, 0
		for j, m := range ms {
			if i := int((rf[j] - a*qf[j]) / offsetBin); i == bestBin || i == bestBin+1 {
				sum += float64(m.r) - a*float64(m.q)
				n++
			}
		}
		best.Offset = sum / float64(n) / CodeRate
	}
	return best
}

// refine fits the line of c to the matches near it by least squares, twice, the second time
// on the matches within refineTol of the first fit: the grid gives the slope to a step and
// the offset to a bin, and a short query leaves several slopes tied.
func refine(c Candidate, ms []match) Candidate {
	a, b := c.Slope, c.Offset*CodeRate
	for _, tol := range []float64{offsetBin, refineTol} {
		var n, sq, sr, sqq, sqr float64
		for _, m := range ms {
			q, r := float64(m.q), float64(m.r)
			if math.Abs(r-a*q-b) > tol {
				continue
			}
			n++
			sq += q
			sr += r
			sqq += q * q
			sqr += q * r
		}
		if n == 0 {
			break
		}
		if v := sqq - sq*sq/n; n >= 3 && v > 0 {
			a = min(MaxSlope, max(MinSlope, (sqr-sq*sr/n)/v))
		}
		b = (sr - a*sq) / n
	}
	c.Slope, c.Offset = a, b/CodeRate
	return c
}

// sortMatches sorts matches by track, then query time, then reference time: by comparison
// when few, else by a stable LSD radix sort of 11-bit digits (the hot path of a large query,
// where a comparison sort of 10^5 matches would cost more than the vote; 11 bits keep the
// counts in the first-level cache), skipping the digits that are zero in every match.
func sortMatches(ms []match) {
	if len(ms) < radixMin {
		slices.SortFunc(ms, func(x, y match) int {
			if x.track != y.track {
				return cmp.Compare(x.track, y.track)
			}
			if x.q != y.q {
				return cmp.Compare(x.q, y.q)
			}
			return cmp.Compare(x.r, y.r)
		})
		return
	}
	const bits = 11
	var tmax, qmax, rmax uint32
	for _, m := range ms {
		tmax, qmax, rmax = max(tmax, m.track), max(qmax, m.q), max(rmax, m.r)
	}
	tmp := make([]match, len(ms))
	var cnt [1 << bits]int
	src, dst := ms, tmp
	pass := func(field func(m match) uint32, shift uint) {
		clear(cnt[:])
		for _, m := range src {
			cnt[field(m)>>shift&(1<<bits-1)]++
		}
		sum := 0
		for i, c := range cnt {
			cnt[i] = sum
			sum += c
		}
		for _, m := range src {
			k := field(m) >> shift & (1<<bits - 1)
			dst[cnt[k]] = m
			cnt[k]++
		}
		src, dst = dst, src
	}
	for _, f := range []struct {
		max   uint32
		field func(m match) uint32
	}{
		{rmax, func(m match) uint32 { return m.r }},
		{qmax, func(m match) uint32 { return m.q }},
		{tmax, func(m match) uint32 { return m.track }},
	} {
		for shift := uint(0); shift < 32 && f.max>>shift > 0; shift += bits {
			pass(f.field, shift)
		}
	}
	if &src[0] != &ms[0] {
		copy(ms, src)
	}
}
