package motif

import (
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/eval"
)

// devOutcome compares two prepared tracks and reports what the evaluation scores.
func devOutcome(a, b *Track) eval.Outcome {
	r := CompareTracks(a, b, CompareOptions{})
	o := eval.Outcome{Score: r.Score, Transposition: r.Transposition, TempoRatio: r.TempoRatio}
	if len(r.Segments) > 0 {
		o.BStart, o.BEnd = r.Segments[0].BStart, r.Segments[0].BEnd
	}
	return o
}

func devPrepare(path string) (*Track, error) {
	f, err := AnalyzeFile(path, ChromaOptions{})
	if err != nil {
		return nil, err
	}
	return Prepare(f, CompareOptions{}), nil
}

// TestDevEvaluation enforces the quality bars on testdata/dev: 80 tracks (20 works in 3
// arrangements, 10 phrases inside longer hosts, 10 distractors), every ordered pair compared.
func TestDevEvaluation(t *testing.T) {
	if raceEnabled {
		t.Skip("about 15x slower under the race detector; the plain test run enforces the bars")
	}
	rep, _, err := eval.Run("../testdata/dev", devPrepare, devOutcome)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
	for _, b := range rep.Bars() {
		if b.Got < b.Want {
			t.Errorf("%s %.3f, want >= %.3f", b.Name, b.Got, b.Want)
		}
	}
}
