package motif

import "github.com/leitmotif-audio/leitmotif/internal/parallel"

// RankEntry is the score of one ordered pair of a ranking.
type RankEntry struct {
	Query, Candidate int // indexes into the tracks given to Rank
	Result           Result
}

// RankOptions configures Rank.
type RankOptions struct {
	CompareOptions
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if not nil, is called after each pair with the number done and the total.
	// Calls are serialised.
	Progress func(done, total int)
}

// Rank compares every ordered pair (query ≠ candidate) of tracks, spreading the pairs over
// Workers goroutines. Entries come back query-major, candidates in input order; sort them by
// Result.Score to rank.
func Rank(tracks []*Track, opt RankOptions) []RankEntry {
	n := len(tracks)
	if n < 2 {
		return nil
	}
	entries := make([]RankEntry, 0, n*(n-1))
	for q := range n {
		for c := range n {
			if q != c {
				entries = append(entries, RankEntry{Query: q, Candidate: c})
			}
		}
	}
	parallel.For(len(entries), opt.Workers, func(i int) {
		e := &entries[i]
		e.Result = CompareTracks(tracks[e.Query], tracks[e.Candidate], opt.CompareOptions)
	}, opt.Progress)
	return entries
}
