package match

import "math"

// SelfMatches finds melodies that recur within one track: it aligns s with
// itself under every transposition, ignoring alignments closer to the main
// diagonal than minLag seconds (default 2*MinDuration when <= 0), and
// returns the repeated span pairs best first (A = the earlier
// occurrence, B = the later), scored like Compare's segments. It is the
// building block of motif discovery.
func SelfMatches(s *Sequence, minLag float64, opt Options) []Segment {
	opt = opt.withDefaults()
	if s == nil || s.rate == 0 {
		return nil
	}
	if minLag <= 0 {
		minLag = 2 * opt.MinDuration
	}
	lag := max(1, int(math.Ceil(minLag*s.rate)))
	var ws workspace
	d := compare(&ws, s, s, opt, lag)
	if !d.ok || d.raw <= 0 || evidence(d, d.raw, s.rate).score() < Threshold {
		return nil
	}
	segs, _ := segments(&ws, d, s, s, opt)
	return segs
}
