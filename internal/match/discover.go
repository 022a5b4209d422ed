package match

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
)

// Occurrence is one place where a discovered pattern sounds.
type Occurrence struct {
	Track      int     // index of the sequence given to Discover
	Start, End float64 // seconds
	// Transposition is the shift in semitones (-5..6) that takes the
	// pattern's first occurrence's pitch classes to this one's.
	Transposition int
	// Score is the best calibrated score of the alignments that found
	// this occurrence, in [0, 1].
	Score float64
}

// Pattern is a melody that recurs: its occurrences in track order, then
// time.
type Pattern struct {
	Length      float64 // median length of the occurrences, seconds
	Occurrences []Occurrence
}

// DiscoverOptions configures Discover. The zero value gives the defaults
// documented on each field.
type DiscoverOptions struct {
	// MinLength is the shortest occurrence in seconds (default 2: a
	// leitmotif can be a two-second figure). Two occurrences of a pattern
	// within one track also start at least MinLength apart.
	MinLength float64
	// MaxPatterns bounds the number of patterns returned, best first (0:
	// all).
	MaxPatterns int
	// Threshold is the least score of a verified pair of occurrences for
	// it to join them in one pattern (default DiscoverThreshold). The
	// score is Compare's calibrated score of each span searched in the
	// other's track (the lower of the two).
	Threshold float64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if not nil, is called after each searched pair of pieces
	// with the number done and the total; calls are serialised.
	Progress func(done, total int)
}

func (o DiscoverOptions) withDefaults() DiscoverOptions {
	if !(o.MinLength > 0) {
		o.MinLength = 2
	}
	if !(o.Threshold > 0) || o.Threshold > 1 {
		o.Threshold = DiscoverThreshold
	}
	o.MaxPatterns = max(0, o.MaxPatterns)
	return o
}

// Long tracks are searched in pieces of pieceLength seconds every
// pieceHop seconds, so that memory and the cost of one search stay those
// of a pair of 3-minute tracks whatever the length: an hour is 24 pieces,
// 300 searches of bounded size, never one matrix of the whole hour. The
// overlap (30 s) is longer than any motif, so every occurrence lies whole
// in some piece. Tracks up to maxWhole seconds are one piece.
const (
	pieceLength = 180.0
	pieceHop    = 150.0
	maxWhole    = 240.0
)

// The pairwise search reads every alignment of a trial (a view, a key
// and a tempo) scoring at least linkFloor, up to discoverSegments each,
// and aligns discoverKeys keys in full, since two tracks may share several
// themes in different keys. On the soundtrack set's tuning half, 3 and 6
// segments gave the same figures (3 keys: establishment F 0.45 against
// 0.47), and 3 made 100 3-minute tracks 1.4x faster. linkFloor is far under Threshold: a 3-5 s
// theme between two minute-long tracks aligns little better than the
// best chance alignment of the pair (on the soundtrack set's tuning half,
// the true links' median score was 1e-4), so these links only propose
// spans, which verify then checks.
const (
	discoverSegments = 3
	discoverKeys     = 4
	linkFloor        = 1e-4
)

// DiscoverThreshold is the default least score of a verified pair of
// occurrences. It is under Threshold because a verified pair carries
// evidence a single comparison does not: each span is the other's best
// match in its track, in the same key. On the soundtrack set's tuning
// half, 0.03, 0.05 and 0.1 gave occurrence recall 0.52, 0.48 and 0.38 at
// precision 0.52, 0.57 and 0.73; 0.05 had the best MIREX figures.
const DiscoverThreshold = 0.05

// piece is a stretch of one track searched as a sequence of its own.
type piece struct {
	track  int
	offset int // first fine frame within the track
	seq    *Sequence
}

// span is a time span of one track.
type span struct {
	track      int
	start, end float64
}

// link says that span b sounds like span a shifted by t semitones.
type link struct {
	a, b  span
	t     int
	score float64
}

// Discover finds the melodies that recur within and across the
// sequences, in three steps:
//
//  1. propose: every pair of tracks (and every track with itself, masked
//     so that a span never matches itself or its near neighbourhood) is
//     aligned under the transpositions the screening shortlists, and
//     every alignment above a low floor links two spans;
//  2. verify: the best-scored spans of each track (non-maximum
//     suppression) are cut out and searched, as a phrase, in the tracks
//     they were linked to; the best place found there is searched back in
//     the span's own track, and the pair stands when each is the other's
//     best place, in keys that agree, with both scores at least the
//     threshold;
//  3. merge: the spans of a track that overlap by half their union become
//     one occurrence, and the occurrences joined by verified pairs one
//     pattern, with each occurrence's transposition carried along them. A pattern whose
//
// every occurrence lies inside an occurrence of a pattern with more
// recurring material is dropped: the longer unit is what a listener names.
// Patterns come best first: the most recurring material (sum of the
// occurrences' lengths) first. All sequences must come from Prepare with
// the same options.
func Discover(seqs []*Sequence, opt Options, dopt DiscoverOptions) []Pattern {
	opt = opt.withDefaults()
	dopt = dopt.withDefaults()
	opt.MaxSegments = discoverSegments
	opt.Candidates = max(opt.Candidates, discoverKeys)
	opt.MinDuration = min(opt.MinDuration, dopt.MinLength)
	var pieces []piece
	for k, s := range seqs {
		pieces = append(pieces, split(k, s)...)
	}
	type job struct{ p, q int }
	var jobs []job
	for p := range pieces {
		for q := p; q < len(pieces); q++ {
			jobs = append(jobs, job{p, q})
		}
	}
	found := make([][]link, len(jobs))
	pool := sync.Pool{New: func() any { return new(workspace) }}
	parallel.For(len(jobs), dopt.Workers, func(i int) {
		ws := pool.Get().(*workspace)
		found[i] = links(ws, pieces[jobs[i].p], pieces[jobs[i].q], opt, dopt)
		pool.Put(ws)
	}, dopt.Progress)
	var all []link
	for _, f := range found {
		all = append(all, f...)
	}
	return patterns(verify(seqs, all, opt, dopt), dopt)
}

// candidate is a span proposed by the pairwise links, with the best score
// of the links that proposed it and the tracks they linked it to, best
// first.
type candidate struct {
	span
	score    float64
	partners []int
}

// candidates returns the links' spans by greedy non-maximum suppression:
// best score first, a span is kept unless it overlaps a kept span of its
// track by half their union, in which case its partner track joins that
// span's; at most perTrack spans in each track (see minCandidates).
// Clustering by overlap would chain the many weak links into a few long
// spans.
func candidates(seqs []*Sequence, links []link) []candidate {
	perTrack := func(k int) int { return max(minCandidates, int(seqs[k].duration/candidateEvery)) }
	type end struct {
		span
		score   float64
		partner int
	}
	var all []end
	for _, l := range links {
		all = append(all, end{l.a, l.score, l.b.track}, end{l.b, l.score, l.a.track})
	}
	slices.SortStableFunc(all, func(x, y end) int { return cmp.Compare(y.score, x.score) })
	kept := map[int][]int{} // track -> indexes into out
	var out []candidate
	for _, e := range all {
		at := -1
		for _, k := range kept[e.track] {
			if IoU(out[k].start, out[k].end, e.start, e.end) >= sameOccurrence {
				at = k
				break
			}
		}
		switch {
		case at >= 0:
			if !slices.Contains(out[at].partners, e.partner) {
				out[at].partners = append(out[at].partners, e.partner)
			}
		case len(kept[e.track]) < perTrack(e.track):
			kept[e.track] = append(kept[e.track], len(out))
			out = append(out, candidate{e.span, e.score, []int{e.partner}})
		}
	}
	return out
}

// frames converts a span to fine frames of s.
func frames(s *Sequence, start, end float64) (int, int) {
	f0 := max(0, int(math.Round(start*s.rate)))
	f1 := min(len(s.fine), int(math.Round(end*s.rate)))
	return f0, max(f0, f1)
}

// blank returns a copy of s with fine frames [f0, f1) silenced: a span
// searched for in its own track must not find itself.
func (s *Sequence) blank(f0, f1 int) *Sequence {
	p := &Sequence{rate: s.rate, duration: s.duration, tonal: s.tonal}
	for _, v := range s.views {
		w := view{fine: slices.Clone(v.fine), coarse: slices.Clone(v.coarse)}
		for k := f0; k < f1; k++ {
			w.fine[k] = [12]float32{}
		}
		for k := f0 / coarseStep; k < min(len(w.coarse), (f1+coarseStep-1)/coarseStep); k++ {
			w.coarse[k] = [12]float32{}
		}
		p.views = append(p.views, w)
	}
	if len(p.views) > 0 {
		p.fine = p.views[0].fine
	}
	return p
}

// place is where a span was found in a track.
type place struct {
	span
	t     int // transposition from the query to it
	score float64
}

// places searches the span q of track i in track j and returns up to
// placesPerTrack places scoring at least floor, best first, under the
// keys the screening shortlists; in its own track (i == j) the span
// itself is silenced.
func places(seqs []*Sequence, i int, q span, j int, opt Options, floor float64) []place {
	a := seqs[i]
	f0, f1 := frames(a, q.start, q.end)
	if f1-f0 < 2 {
		return nil
	}
	query := a.slice(f0, f1)
	host := seqs[j]
	if i == j {
		host = host.blank(f0, f1)
	}
	// Every shortlisted key, not only the best: a theme comes back in
	// several keys within one track.
	var ws workspace
	var out []place
	compare(&ws, query, host, opt, mask{}, func(sim []float32, codes []uint8, d detail) {
		segs, _ := extract(&ws, sim, codes, d, query, host, opt, false, floor)
		for _, g := range segs {
			p := place{span{j, g.BStart, g.BEnd}, g.Transposition, g.Score}
			if !slices.ContainsFunc(out, func(x place) bool { return IoU(x.start, x.end, p.start, p.end) >= sameOccurrence }) {
				out = append(out, p)
			}
		}
	})
	slices.SortStableFunc(out, func(x, y place) int { return cmp.Compare(y.score, x.score) })
	return out[:min(len(out), placesPerTrack)]
}

// placesPerTrack is the number of places a span is looked for in one
// track: a theme heard three times in a track has two places besides the
// one searched from, and the span searched from need not be either's best.
const placesPerTrack = 3

// verify checks candidate spans by query: each is searched in the tracks
// it was linked to (the best maxPartners), and its best place there is searched back in its own
// track; a pair is kept when each is the other's best place, in keys that
// agree. On the soundtrack set's tuning half this mutual test took
// occurrence precision from 0.25 to 0.49 at recall 0.45-0.48, and
// searching only the linked tracks cost nothing against searching all.
func verify(seqs []*Sequence, links []link, opt Options, dopt DiscoverOptions) []link {
	cands := candidates(seqs, links)
	type job struct{ c, j int }
	var jobs []job
	for c := range cands {
		for _, j := range cands[c].partners[:min(maxPartners, len(cands[c].partners))] {
			jobs = append(jobs, job{c, j})
		}
	}
	found := make([][]link, len(jobs))
	parallel.For(len(jobs), dopt.Workers, func(k int) {
		c, j := cands[jobs[k].c], jobs[k].j
		for _, h := range places(seqs, c.track, c.span, j, opt, dopt.Threshold) {
			if h.end-h.start < dopt.MinLength {
				continue
			}
			for _, back := range places(seqs, j, h.span, c.track, opt, dopt.Threshold) {
				if IoU(back.start, back.end, c.start, c.end) >= sameOccurrence && wrap(h.t+back.t) == 0 {
					found[k] = append(found[k], link{a: c.span, b: h.span, t: h.t, score: min(h.score, back.score)})
					break
				}
			}
		}
	}, nil)
	var out []link
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

// Verification costs two phrase searches or more per candidate and
// partner track, most of discovery's time, so it is bounded: a track gets
// minCandidates spans verified, or one per candidateEvery seconds if
// more, each in at most maxPartners of the tracks it was linked to. On the
// soundtrack set's tuning half (30-110 s tracks) 5, 8, 15 and 30 spans a
// track and 2, 3 or 4 partners all gave occurrence recall 0.45-0.48 at
// precision 0.48-0.49.
const (
	minCandidates  = 5
	candidateEvery = 20.0 // seconds
	maxPartners    = 2
)

// split cuts a track into the pieces it is searched in.
func split(track int, s *Sequence) []piece {
	n := len(s.fine)
	if s.rate == 0 || n == 0 {
		return nil
	}
	if float64(n) <= maxWhole*s.rate {
		return []piece{{track, 0, s}}
	}
	length := int(pieceLength*s.rate) / coarseStep * coarseStep
	hop := int(pieceHop*s.rate) / coarseStep * coarseStep
	var out []piece
	for f0 := 0; ; f0 += hop {
		f1 := min(n, f0+length)
		out = append(out, piece{track, f0, s.slice(f0, f1)})
		if f1 == n {
			return out
		}
	}
}

// slice returns fine frames [f0, f1) of s as a sequence of its own,
// sharing s's memory (f0 a multiple of coarseStep).
func (s *Sequence) slice(f0, f1 int) *Sequence {
	p := &Sequence{rate: s.rate, duration: min(s.duration, float64(f1)/s.rate) - float64(f0)/s.rate}
	for _, v := range s.views {
		c0, c1 := min(len(v.coarse), f0/coarseStep), min(len(v.coarse), f1/coarseStep)
		p.views = append(p.views, view{fine: v.fine[f0:f1], coarse: v.coarse[c0:c1]})
	}
	if len(p.views) > 0 {
		p.fine = p.views[0].fine
	}
	for _, f := range p.fine {
		if f != ([12]float32{}) {
			p.tonal++
		}
	}
	return p
}

// links aligns piece q against piece p and returns every alignment that
// reaches the threshold, in track times. Pieces of one track are masked
// so that B starts at least MinLength after A.
func links(ws *workspace, p, q piece, opt Options, dopt DiscoverOptions) []link {
	var mk mask
	if p.track == q.track {
		lag := int(math.Ceil(dopt.MinLength * p.seq.rate))
		mk = mask{on: true, lag: lag - (q.offset - p.offset)}
	}
	pa := float64(p.offset) / p.seq.rate
	qa := float64(q.offset) / q.seq.rate
	var out []link
	compare(ws, p.seq, q.seq, opt, mk, func(sim []float32, codes []uint8, d detail) {
		segs, _ := extract(ws, sim, codes, d, p.seq, q.seq, opt, false, linkFloor)
		for _, g := range segs {
			l := link{
				a: span{p.track, pa + g.AStart, pa + g.AEnd},
				b: span{q.track, qa + g.BStart, qa + g.BEnd},
				t: g.Transposition, score: g.Score,
			}
			if p.track == q.track {
				if l.b.start < l.a.start {
					l.a, l.b, l.t = l.b, l.a, -l.t
				}
				// A repeat that overlaps itself (a figure played over and
				// over) is cut to one period: the masked search keeps the
				// tempo, so the period is the shift.
				if shift := l.b.start - l.a.start; l.a.end > l.b.start {
					l.a.end = l.a.start + shift
					l.b.end = min(l.b.end, l.b.start+shift)
				}
			}
			if l.a.end-l.a.start < dopt.MinLength || l.b.end-l.b.start < dopt.MinLength {
				continue
			}
			out = append(out, l)
		}
	})
	return out
}

// sameOccurrence is the least IoU of two spans of one track for them to be
// one occurrence.
const sameOccurrence = 0.5

// contained is the least fraction of a span that must lie inside another
// for it to count as part of it.
const contained = 0.8

// patterns merges links into patterns.
func patterns(links []link, dopt DiscoverOptions) []Pattern {
	// Spans: 2k and 2k+1 are link k's a and b.
	spans := make([]span, 0, 2*len(links))
	for _, l := range links {
		spans = append(spans, l.a, l.b)
	}
	occ := newUnion(len(spans))
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(spans[x].track, spans[y].track), cmp.Compare(spans[x].start, spans[y].start))
	})
	for x := range order {
		sx := spans[order[x]]
		for y := x + 1; y < len(order); y++ {
			sy := spans[order[y]]
			if sy.track != sx.track || sy.start >= sx.end {
				break
			}
			if IoU(sx.start, sx.end, sy.start, sy.end) >= sameOccurrence {
				occ.join(order[x], order[y])
			}
		}
	}
	// Occurrences are the span clusters; patterns their components under
	// the links, with each occurrence's transposition found by walking the
	// links from the component's first occurrence.
	type edge struct{ to, t int }
	adj := map[int][]edge{}
	for k, l := range links {
		a, b := occ.find(2*k), occ.find(2*k+1)
		if a == b {
			continue
		}
		adj[a] = append(adj[a], edge{b, l.t})
		adj[b] = append(adj[b], edge{a, -l.t})
	}
	members := map[int][]int{}
	for i := range spans {
		r := occ.find(i)
		members[r] = append(members[r], i)
	}
	best := map[int]float64{}
	for k, l := range links {
		for _, i := range []int{2 * k, 2*k + 1} {
			r := occ.find(i)
			best[r] = max(best[r], l.score)
		}
	}
	// Each occurrence once: its span is the median of its members'.
	occs := make(map[int]Occurrence, len(members))
	roots := make([]int, 0, len(members))
	for r, ms := range members {
		var starts, ends []float64
		for _, i := range ms {
			starts = append(starts, spans[i].start)
			ends = append(ends, spans[i].end)
		}
		occs[r] = Occurrence{Track: spans[r].track, Start: median(starts), End: median(ends), Score: best[r]}
		roots = append(roots, r)
	}
	slices.SortFunc(roots, func(x, y int) int {
		return cmp.Or(cmp.Compare(occs[x].Track, occs[y].Track), cmp.Compare(occs[x].Start, occs[y].Start), cmp.Compare(x, y))
	})
	seen := map[int]bool{}
	var out []Pattern
	for _, r := range roots {
		if seen[r] || len(adj[r]) == 0 {
			continue
		}
		// Breadth first from the earliest occurrence; roots are in track
		// and time order, so r is the component's first.
		trans := map[int]int{r: 0}
		queue := []int{r}
		seen[r] = true
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, e := range adj[u] {
				if !seen[e.to] {
					seen[e.to] = true
					trans[e.to] = trans[u] + e.t
					queue = append(queue, e.to)
				}
			}
		}
		var p Pattern
		for o, t := range trans {
			oc := occs[o]
			oc.Transposition = t
			p.Occurrences = append(p.Occurrences, oc)
		}
		if p = tidy(p, dopt.MinLength); len(p.Occurrences) >= 2 {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(x, y Pattern) int { return cmp.Compare(material(y), material(x)) })
	out = dropContained(out)
	if dopt.MaxPatterns > 0 && len(out) > dopt.MaxPatterns {
		out = out[:dopt.MaxPatterns]
	}
	return out
}

// tidy orders a pattern's occurrences, keeps the better of two that
// overlap by more than half the shorter in one track, drops those shorter
// than minLength, makes transpositions relative to the first and sets the
// length.
func tidy(p Pattern, minLength float64) Pattern {
	occ := p.Occurrences
	slices.SortFunc(occ, func(x, y Occurrence) int {
		return cmp.Or(cmp.Compare(x.Track, y.Track), cmp.Compare(x.Start, y.Start))
	})
	var kept []Occurrence
	for _, o := range occ {
		if o.End-o.Start < minLength {
			continue
		}
		if n := len(kept); n > 0 {
			prev := &kept[n-1]
			if prev.Track == o.Track && min(prev.End, o.End)-o.Start > 0.5*min(prev.End-prev.Start, o.End-o.Start) {
				if o.Score > prev.Score {
					*prev = o
				}
				continue
			}
		}
		kept = append(kept, o)
	}
	var lengths []float64
	for k := range kept {
		if k > 0 {
			kept[k].Transposition = wrap(kept[k].Transposition - kept[0].Transposition)
		}
		lengths = append(lengths, kept[k].End-kept[k].Start)
	}
	if len(kept) > 0 {
		kept[0].Transposition = 0
	}
	return Pattern{Length: median(lengths), Occurrences: kept}
}

// material is the recurring material a pattern explains: the summed
// length of its occurrences.
func material(p Pattern) float64 {
	sum := 0.0
	for _, o := range p.Occurrences {
		sum += o.End - o.Start
	}
	return sum
}

// dropContained removes the patterns (after the first) whose every
// occurrence lies within an occurrence of an earlier pattern.
func dropContained(ps []Pattern) []Pattern {
	var out []Pattern
	for _, p := range ps {
		inside := true
		for _, o := range p.Occurrences {
			if !within(o, out) {
				inside = false
				break
			}
		}
		if !inside {
			out = append(out, p)
		}
	}
	return out
}

// within says whether o lies (by contained of its length) inside an
// occurrence of one of ps.
func within(o Occurrence, ps []Pattern) bool {
	for _, q := range ps {
		for _, x := range q.Occurrences {
			if x.Track == o.Track && min(x.End, o.End)-max(x.Start, o.Start) >= contained*(o.End-o.Start) {
				return true
			}
		}
	}
	return false
}

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := slices.Clone(x)
	slices.Sort(s)
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// union is a disjoint-set forest.
type union []int

func newUnion(n int) union {
	u := make(union, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u union) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u union) join(i, j int) {
	if ri, rj := u.find(i), u.find(j); ri != rj {
		u[max(ri, rj)] = min(ri, rj)
	}
}
