package motif

import (
	"github.com/leitmotif-audio/leitmotif/internal/match"
)

// CompareOptions configures matching. The zero value searches all 12 transpositions and tempo
// ratios from about 0.5 to 2 in a melody view and a harmony view of the chroma, and reports up
// to 5 segments. Compare expects HPCP or STFT features (the default); CENS is already smoothed
// and downsampled further than the matching representation.
type CompareOptions struct {
	// MaxSegments caps the number of aligned segments reported; 0 means 5.
	MaxSegments int
	// MelodyOnly matches on the melody view alone (the loudest line; power 2 and a fifth
	// correction), about 1.3x faster. By default a harmony view of the same chroma (every
	// pitch class at its own weight) is matched too and the better alignment wins: it finds a
	// band's chords or an orchestra's several lines where the melody view does not. Tracks
	// compared with each other must be prepared with the same MelodyOnly.
	MelodyOnly bool
}

func (o CompareOptions) internal() match.Options {
	return match.Options{MaxSegments: o.MaxSegments, MelodyOnly: o.MelodyOnly}
}

// Threshold is the decision threshold of calibrated scores: at or above it, the same melody is
// there, for a short phrase as for a whole song.
const Threshold = match.Threshold

// Segment is one aligned pair of spans: A's [AStart, AEnd] sounds like B's [BStart, BEnd]
// shifted by Transposition semitones. Times are seconds.
type Segment = match.Segment

// PathPoint is a point of an alignment path: A's time matched to B's time, in seconds.
type PathPoint = match.PathPoint

// Result is the outcome of comparing two tracks: a calibrated score, the transposition, the
// tempo ratio and the aligned segments (see match's field docs, shown by go doc on the alias).
type Result = match.Result

// Similarity is a cross-similarity matrix for plotting: Values[i*Cols+j] in [0, 1] compares
// A's frame i with B's frame j, both at FrameRate frames per second.
type Similarity = match.Similarity

// Track is a feature sequence prepared for matching. Preparing once and comparing many times
// is what Rank does; Compare prepares both sides on each call.
type Track struct {
	Features *Features
	seq      *match.Sequence
}

// Prepare turns features into the matching representation (opt.MelodyOnly decides whether the
// harmony view is built).
func Prepare(f *Features, opt CompareOptions) *Track {
	return &Track{Features: f, seq: match.Prepare(f.Frames, f.FrameRate, opt.internal())}
}

// Compare looks for the melody of a in b.
func Compare(a, b *Features, opt CompareOptions) Result {
	return CompareTracks(Prepare(a, opt), Prepare(b, opt), opt)
}

// CompareTracks compares two prepared tracks.
func CompareTracks(a, b *Track, opt CompareOptions) Result {
	return match.Compare(a.seq, b.seq, opt.internal())
}

// CrossSimilarity returns the similarity of a's frames (rows) against b's frames (columns) at
// the given transposition (Result.Transposition's convention).
func CrossSimilarity(a, b *Track, transposition int) Similarity {
	return match.CrossSimilarity(a.seq, b.seq, transposition)
}

// IoU returns the intersection over union of the time spans [a0, a1] and [b0, b1], in [0, 1]:
// how well a found segment agrees with a known span.
func IoU(a0, a1, b0, b1 float64) float64 { return match.IoU(a0, a1, b0, b1) }

// AppendBinary appends the track's matching representation, quantised to 8 bits (about
// 5.6 KiB a minute with both views), to b: what a fingerprint index keeps to verify its
// candidates by CompareTracks without the audio.
func (t *Track) AppendBinary(b []byte) ([]byte, error) { return t.seq.AppendBinary(b) }

// DecodeTrack reads a track stored by AppendBinary. Its Features are nil: it can be compared,
// not plotted. Malformed bytes give an error.
func DecodeTrack(b []byte) (*Track, error) {
	s, err := match.DecodeSequence(b)
	if err != nil {
		return nil, err
	}
	return &Track{seq: s}, nil
}

// Duration returns the length of the track's audio in seconds.
func (t *Track) Duration() float64 { return t.seq.Duration() }
