package motif

import "github.com/leitmotif-audio/leitmotif/internal/match"

// Theme is a melody that recurs within or across tracks, found by Discover, with every place
// it sounds.
type Theme struct {
	// Length is the typical (median) length of the occurrences in seconds.
	Length float64
	// Occurrences are in track order (the order given to Discover), then time. The first
	// is the reference of the transpositions.
	Occurrences []Occurrence
}

// Occurrence is one place where a theme sounds.
type Occurrence struct {
	Track      int     // index into the tracks given to Discover
	Start, End float64 // seconds
	// Transposition is the shift in semitones (-5..6) that takes the theme's first
	// occurrence's pitch classes to this one's.
	Transposition int
	// Score is in [0, 1]: the best score of the verified pairs that found this occurrence
	// (at least DiscoverOptions.Threshold; see there).
	Score float64
}

// DiscoverThreshold is the default least score of a verified pair of occurrences. It is under
// Threshold because a verified pair carries evidence that one comparison does not (see
// DiscoverOptions.Threshold): 0.05 gave the best figures on the tuning half of the project's
// soundtrack set.
const DiscoverThreshold = match.DiscoverThreshold

// DiscoverOptions configures Discover. The zero value finds themes of 2 s and more at
// DiscoverThreshold, all of them, on every core.
type DiscoverOptions struct {
	CompareOptions
	// MinLength is the shortest occurrence in seconds; 0 means 2 (a leitmotif can be a
	// two-second figure).
	MinLength float64
	// MaxThemes bounds the number of themes returned, best first; 0 means all.
	MaxThemes int
	// Threshold is the least score of a verified pair of occurrences for it to join them in
	// a theme; 0 means DiscoverThreshold. A pair is verified when each span, searched for
	// as a phrase in the other's track, is the other's best match there, in keys that agree;
	// its score is the lower of the two searches' calibrated scores.
	Threshold float64
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Progress, if not nil, is called as the search advances with the number of pairs of
	// track pieces done and the total. Calls are serialised.
	Progress func(done, total int)
}

// Discover finds the themes that recur within the tracks and across them, without being told
// what they are: every pair of tracks, and every track with itself, is aligned as Compare
// aligns two tracks; the best-aligned spans are verified by searching each, as a phrase, in
// the tracks it aligned with and back; the verified pairs are merged into themes, one theme
// however often it is heard. Themes come best first: the one that accounts for the most
// recurring material (the summed length of its occurrences) first. See the package doc for
// the method. The tracks must be prepared with the same options.
func Discover(tracks []*Track, opt DiscoverOptions) []Theme {
	seqs := make([]*match.Sequence, len(tracks))
	for k, t := range tracks {
		seqs[k] = t.seq
	}
	ps := match.Discover(seqs, opt.internal(), match.DiscoverOptions{
		MinLength: opt.MinLength, MaxPatterns: opt.MaxThemes, Threshold: opt.Threshold,
		Workers: opt.Workers, Progress: opt.Progress,
	})
	out := make([]Theme, len(ps))
	for k, p := range ps {
		out[k] = Theme{Length: p.Length, Occurrences: make([]Occurrence, len(p.Occurrences))}
		for j, o := range p.Occurrences {
			out[k].Occurrences[j] = Occurrence(o)
		}
	}
	return out
}
