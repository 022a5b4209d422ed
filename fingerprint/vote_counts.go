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

// trackCounts counts matches per track, and their weight: in arrays indexed by track when
// the tracks are numbered densely enough, else in maps.
type trackCounts struct {
	dense  []int32
	sparse map[uint32]int32
	wd     []float64
	ws     map[uint32]float64
}

// newTrackCounts returns counts for the tracks of postings.
func newTrackCounts(postings []Posting) *trackCounts {
	hi := uint32(0)
	for _, p := range postings {
		hi = max(hi, p.Track)
	}
	if int64(hi) < 4*int64(len(postings))+1<<16 {
		return &trackCounts{dense: make([]int32, int(hi)+1), wd: make([]float64, int(hi)+1)}
	}
	return &trackCounts{sparse: map[uint32]int32{}, ws: map[uint32]float64{}}
}

// add counts n matches of weight w in all for track.
func (c *trackCounts) add(track uint32, n int, w float64) {
	if c.dense != nil {
		c.dense[track] += int32(n)
		c.wd[track] += w
	} else {
		c.sparse[track] += int32(n)
		c.ws[track] += w
	}
}

// trackSet is a set of tracks.
type trackSet struct {
	dense  []bool
	sparse map[uint32]bool
}

func (s trackSet) has(track uint32) bool {
	if s.dense != nil {
		return s.dense[track]
	}
	return s.sparse[track]
}

// top returns the n tracks of most weight among those with at least least matches (ties
// by track: the lower first), and how many matches they have in all.
func (c *trackCounts) top(n, least int) (trackSet, int) {
	type tc struct {
		track uint32
		n     int32
		w     float64
	}
	var all []tc
	if c.dense != nil {
		for t, m := range c.dense {
			if int(m) >= least {
				all = append(all, tc{uint32(t), m, c.wd[t]})
			}
		}
	} else {
		for t, m := range c.sparse {
			if int(m) >= least {
				all = append(all, tc{t, m, c.ws[t]})
			}
		}
	}
	if len(all) > n {
		slices.SortFunc(all, func(a, b tc) int {
			if a.w != b.w {
				return cmp.Compare(b.w, a.w)
			}
			return cmp.Compare(a.track, b.track)
		})
		all = all[:n]
	}
	var s trackSet
	if c.dense != nil {
		s.dense = make([]bool, len(c.dense))
	} else {
		s.sparse = make(map[uint32]bool, len(all))
	}
	total := 0
	for _, t := range all {
		if s.dense != nil {
			s.dense[t.track] = true
		} else {
			s.sparse[t.track] = true
		}
		total += int(t.n)
	}
	return s, total
}
