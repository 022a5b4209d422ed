package match

// Threshold is the decision threshold of calibrated scores: a score at or
// above it means "the same melody is there", for a short phrase as for a
// whole song.
const Threshold = 0.5

// Segment is one aligned pair of spans: A's [AStart, AEnd] sounds like B's
// [BStart, BEnd] with B's pitch classes shifted up by Transposition
// semitones. Times are seconds and never run past either track's end.
type Segment struct {
	AStart, AEnd  float64
	BStart, BEnd  float64
	Transposition int // semitones in -5..6 taking A's pitch classes to B's
	// Score is in [0, 1] on the same scale as Result.Score (Threshold is
	// the decision threshold): the first segment of a Result has the
	// Result's score; a later one, found once the key is known, is judged
	// against the null of a search at that transposition only, and never
	// scores above the first.
	Score float64
}

// PathPoint is a point of an alignment path: A's time matched to B's time,
// in seconds.
type PathPoint struct{ A, B float64 }

// Result is the outcome of comparing two tracks.
type Result struct {
	// Score is in [0, 1], calibrated so that Threshold (0.5) is the
	// decision threshold: at or above it the same melody is in both tracks.
	Score float64
	// Transposition is the shift in semitones (-5..6) that takes A's pitch
	// classes to B's.
	Transposition int
	// TempoRatio is B's tempo relative to A's along the best alignment (B
	// slower: < 1); 0 when nothing aligns (silence, noise, inputs under
	// MinDuration of tonal content).
	TempoRatio float64
	// Segments are the aligned spans, best first. The first is the best
	// alignment found, reported whatever its score; further ones only when
	// they reach Threshold. Empty only when nothing tonal aligns at all.
	// Two segments never overlap in both tracks at once.
	Segments []Segment
	// Path is the best alignment path (A time, B time), increasing, for
	// plotting.
	Path []PathPoint
}

// IoU returns the intersection over union of the intervals [a0, a1] and
// [b0, b1]: how well two spans agree, 0 when they are disjoint.
func IoU(a0, a1, b0, b1 float64) float64 {
	in := min(a1, b1) - max(a0, b0)
	if in <= 0 {
		return 0
	}
	return in / (max(a1, b1) - min(a0, b0))
}
