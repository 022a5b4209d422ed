package motif

import (
	"github.com/leitmotif-audio/leitmotif/internal/match"
)

// CompareOptions configures matching. The zero value searches all 12 transpositions and tempo
// ratios from about 0.5 to 2, and reports up to 5 segments. Compare expects
// HPCP or STFT features (the default); CENS is already smoothed and downsampled further than
// the matching representation.
type CompareOptions struct {
	// MaxSegments caps the number of aligned segments reported; 0 means 5.
	MaxSegments int
}

func (o CompareOptions) internal() match.Options {
	return match.Options{MaxSegments: o.MaxSegments}
}

// Segment is one aligned pair of spans: A's [AStart, AEnd] sounds like B's [BStart, BEnd]
// shifted by Transposition semitones. Times are seconds.
type Segment struct {
	AStart, AEnd  float64
	BStart, BEnd  float64
	Transposition int
	// Score is in [0, 1], 0.5 being the decision threshold, calibrated like Result.Score but
	// against a search at the found transposition only: once a melody is found, a second,
	// shorter occurrence of it need not clear the bar of the whole twelve-key search.
	Score float64
}

// PathPoint is a point of an alignment path: A's time matched to B's time, in seconds.
type PathPoint struct{ A, B float64 }

// Result is the outcome of comparing two tracks.
type Result struct {
	// Score is in [0, 1], calibrated so that 0.5 is the decision threshold: at or above it the
	// same melody is in both tracks.
	Score float64
	// Transposition is the shift in semitones (-5..6) that takes A's pitch classes to B's.
	Transposition int
	// TempoRatio is B's tempo relative to A's along the best alignment (B slower: < 1); 0 when
	// nothing aligns (silence, noise, inputs under 2 s of tonal content).
	TempoRatio float64
	// Segments are the aligned spans, best first; empty when nothing matches.
	Segments []Segment
	// Path is the best alignment path, for plotting.
	Path []PathPoint
}

// Track is a feature sequence prepared for matching. Preparing once and comparing many times
// is what Rank does; Compare prepares both sides on each call.
type Track struct {
	Features *Features
	seq      *match.Sequence
}

// Prepare turns features into the matching representation.
func Prepare(f *Features, opt CompareOptions) *Track {
	return &Track{Features: f, seq: match.Prepare(f.Frames, f.FrameRate, opt.internal())}
}

// Compare looks for the melody of a in b.
func Compare(a, b *Features, opt CompareOptions) Result {
	return CompareTracks(Prepare(a, opt), Prepare(b, opt), opt)
}

// CompareTracks compares two prepared tracks.
func CompareTracks(a, b *Track, opt CompareOptions) Result {
	return fromInternal(match.Compare(a.seq, b.seq, opt.internal()))
}

// CompareFiles analyses two WAV files with default chroma options and compares them.
func CompareFiles(a, b string, opt CompareOptions) (Result, error) {
	fa, err := AnalyzeFile(a, ChromaOptions{})
	if err != nil {
		return Result{}, err
	}
	fb, err := AnalyzeFile(b, ChromaOptions{})
	if err != nil {
		return Result{}, err
	}
	return Compare(fa, fb, opt), nil
}

// CrossSimilarity returns the similarity matrix of a's frames (rows) against b's frames
// (columns) at the given transposition, values in [0, 1], row-major, with its frame rate.
func CrossSimilarity(a, b *Track, transposition int) (m []float32, rows, cols int, frameRate float64) {
	return match.CrossSimilarity(a.seq, b.seq, transposition)
}

func fromInternal(r match.Result) Result {
	out := Result{Score: r.Score, Transposition: r.Transposition, TempoRatio: r.TempoRatio}
	for _, s := range r.Segments {
		out.Segments = append(out.Segments, Segment{
			AStart: s.AStart, AEnd: s.AEnd, BStart: s.BStart, BEnd: s.BEnd,
			Transposition: s.Transposition, Score: s.Score,
		})
	}
	for _, p := range r.Path {
		out.Path = append(out.Path, PathPoint{A: p.A, B: p.B})
	}
	return out
}

// Best returns the best segment or, when no segment reached the threshold, the extent of the
// best alignment path with the result's score and transposition. ok is false when there is
// neither.
func (r Result) Best() (s Segment, ok bool) {
	if len(r.Segments) > 0 {
		return r.Segments[0], true
	}
	if len(r.Path) == 0 {
		return Segment{}, false
	}
	first, last := r.Path[0], r.Path[len(r.Path)-1]
	return Segment{AStart: first.A, AEnd: last.A, BStart: first.B, BEnd: last.B, Transposition: r.Transposition, Score: r.Score}, true
}
