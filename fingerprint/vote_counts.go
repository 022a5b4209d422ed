package fingerprint

import (
	"cmp"
	"math"
	"slices"
)

// lineTracks is the number of tracks whose line Vote searches for k candidates: those with
// the most matches weighted by rarity. The line search is what a long query costs: a whole
// 3-minute query meets thousands of tracks that share 30-60 codes with it by chance, and
// searching them all took 97 ms on 10,000 tracks, 8 ms for these 400 (BenchmarkVote). See
// the measure of what it loses in vote.go's notes.
func lineTracks(k int) int { return max(400, 40*k) }

// rarity weighs the matches of a hash with n postings, where the query's hashes have mean
// postings each: log(1 + mean/n), so that a code most tracks hold counts little in the
// choice of the tracks to search (it counts fully on a line: the weights only choose).
func rarity(n int, mean float64) float64 { return math.Log(1 + mean/float64(n)) }

// tally is a track's matches and their weight.
type tally struct {
	n int32
	w float64
}

// trackCounts tallies matches per track: in an array indexed by track when the tracks are
// numbered densely enough, else in a map. choose then picks the tracks to line-search.
type trackCounts struct {
	dense  []tally
	sparse map[uint32]tally
	// the choice: tracks with at least least matches, and unless all of them, those that
	// rank no lower than cut (weight down, then track up)
	least int32
	all   bool
	cut   tally
	cutID uint32
}

// newTrackCounts returns counts for the tracks of postings.
func newTrackCounts(postings []Posting) *trackCounts {
	hi := uint32(0)
	for _, p := range postings {
		hi = max(hi, p.Track)
	}
	if int64(hi) < 4*int64(len(postings))+1<<16 {
		return &trackCounts{dense: make([]tally, int(hi)+1)}
	}
	return &trackCounts{sparse: map[uint32]tally{}}
}

// add counts n matches of weight w in all for track.
func (c *trackCounts) add(track uint32, n int, w float64) {
	if c.dense != nil {
		c.dense[track].n += int32(n)
		c.dense[track].w += w
		return
	}
	t := c.sparse[track]
	t.n += int32(n)
	t.w += w
	c.sparse[track] = t
}

func (c *trackCounts) get(track uint32) tally {
	if c.dense != nil {
		return c.dense[track]
	}
	return c.sparse[track]
}

// choose keeps the n tracks of most weight among those with at least least matches (ties
// by track: the lower first), and returns how many matches they have in all.
func (c *trackCounts) choose(n, least int) (total int) {
	type ranked struct {
		track uint32
		tally
	}
	var all []ranked
	if c.dense != nil {
		for t, m := range c.dense {
			if int(m.n) >= least {
				all = append(all, ranked{uint32(t), m})
			}
		}
	} else {
		for t, m := range c.sparse {
			if int(m.n) >= least {
				all = append(all, ranked{t, m})
			}
		}
	}
	c.least, c.all = int32(least), len(all) <= n
	if !c.all {
		slices.SortFunc(all, func(a, b ranked) int {
			if a.w != b.w {
				return cmp.Compare(b.w, a.w)
			}
			return cmp.Compare(a.track, b.track)
		})
		all = all[:n]
		c.cut, c.cutID = all[n-1].tally, all[n-1].track
	}
	for _, t := range all {
		total += int(t.n)
	}
	return total
}

// chosen says whether choose kept track.
func (c *trackCounts) chosen(track uint32) bool {
	t := c.get(track)
	if t.n < c.least {
		return false
	}
	return c.all || t.w > c.cut.w || t.w == c.cut.w && track <= c.cutID
}
