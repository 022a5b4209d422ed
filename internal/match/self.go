package match

import (
	"cmp"
	"math"
	"slices"
)

// SelfMatches finds melodies that recur within one track: it aligns s with
// itself under the shortlisted transpositions, ignoring alignments closer
// to the main diagonal than minLag seconds (default 2*MinDuration when
// <= 0), and returns the repeated span pairs that reach Threshold, best
// first (A = the earlier occurrence, B = the later). It is the search
// Discover runs on every track, through the same masked alignment as
// Compare.
func SelfMatches(s *Sequence, minLag float64, opt Options) []Segment {
	opt = opt.withDefaults()
	if s == nil || s.rate == 0 {
		return nil
	}
	if minLag <= 0 {
		minLag = 2 * opt.MinDuration
	}
	opt.MaxSegments = discoverSegments
	lag := max(1, int(math.Ceil(minLag*s.rate)))
	var ws workspace
	var out []Segment
	compare(&ws, s, s, opt, mask{on: true, lag: lag}, func(sim []float32, codes []uint8, d detail) {
		segs, _ := extract(&ws, sim, codes, d, s, s, opt, false, Threshold)
		out = append(out, segs...)
	})
	slices.SortStableFunc(out, func(x, y Segment) int { return cmp.Compare(y.Score, x.Score) })
	return out
}
