package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// figures lists the twelve MIREX figures by name, for checks over all of them.
func (s PatternScores) figures() map[string]float64 {
	return map[string]float64{
		"EstP": s.EstP, "EstR": s.EstR, "EstF": s.EstF,
		"Occ75P": s.Occ75P, "Occ75R": s.Occ75R, "Occ75F": s.Occ75F,
		"Occ50P": s.Occ50P, "Occ50R": s.Occ50R, "Occ50F": s.Occ50F,
		"ThreeP": s.ThreeP, "ThreeR": s.ThreeR, "ThreeF": s.ThreeF,
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// occ is shorthand for an occurrence.
func occ(file string, start, end float64, tr int) Occurrence {
	return Occurrence{File: file, Start: start, End: end, Transposition: tr}
}

// oracle returns what a perfect discovery would report for ref: the same spans, the
// patterns in reverse order and renamed, each pattern's occurrences rotated by one (so its
// first occurrence is another one), and transpositions relative to that first occurrence.
func oracle(ref []Pattern) []Pattern {
	var est []Pattern
	for i := len(ref) - 1; i >= 0; i-- {
		occs := ref[i].Occurrences
		rot := append(append([]Occurrence{}, occs[1:]...), occs[0])
		first := rot[0].Transposition
		p := Pattern{ID: fmt.Sprintf("m%d", i)}
		for _, o := range rot {
			o.Transposition = Wrap(o.Transposition - first)
			p.Occurrences = append(p.Occurrences, o)
		}
		est = append(est, p)
	}
	return est
}

func TestOraclePredictionsScorePerfectly(t *testing.T) {
	tests := []struct {
		name string
		ref  []Pattern
	}{
		{"one theme in one file", []Pattern{
			{ID: "A", Occurrences: []Occurrence{occ("f", 0, 8, 0), occ("f", 20, 28, 5), occ("f", 40, 47, -3)}},
		}},
		{"three themes over three files", []Pattern{
			{ID: "A", Occurrences: []Occurrence{occ("a", 0, 8, 0), occ("b", 10, 18, 2), occ("c", 30, 38, 14)}},
			// B overlaps A's first occurrence a little (IoU 0.25): themes may sound together.
			{ID: "B", Occurrences: []Occurrence{occ("a", 6, 14, 7), occ("a", 50, 60, 7), occ("c", 0, 10, -1)}},
			{ID: "C", Occurrences: []Occurrence{occ("b", 40, 44, 3), occ("b", 80, 84, 3)}},
		}},
		{"same span in two files", []Pattern{
			{ID: "A", Occurrences: []Occurrence{occ("a", 0, 8, 0), occ("b", 0, 8, 0)}},
			{ID: "B", Occurrences: []Occurrence{occ("a", 20, 25, 1), occ("b", 20, 25, 4), occ("b", 30, 35, 4)}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			est := oracle(tt.ref)
			for name, v := range ScorePatterns(tt.ref, est).figures() {
				if !near(v, 1) {
					t.Errorf("%s = %v, want 1", name, v)
				}
			}
			o := ScoreOccurrences(tt.ref, est)
			n := countOccurrences(tt.ref)
			if o.Planted != n || o.Predicted != n || o.Found != n || o.Correct != n || o.TranspositionRight != n {
				t.Errorf("counts %+v, want all %d", o, n)
			}
			if o.Recall != 1 || o.Precision != 1 || o.TranspositionAcc != 1 {
				t.Errorf("fractions %+v, want 1", o)
			}
		})
	}
}

// TestRandomPredictionsScoreLow scores motifs of random spans in the right files against
// twelve planted occurrences, over ten seeds, pooled as over ten sets.
func TestRandomPredictionsScoreLow(t *testing.T) {
	files := []string{"a", "b", "c"}
	var ref []Pattern
	for th := range 3 {
		p := Pattern{ID: fmt.Sprint(th)}
		for k := range 4 {
			s := float64(th*60+k*15) + 5
			p.Occurrences = append(p.Occurrences, occ(files[(th+k)%3], s, s+8, k))
		}
		ref = append(ref, p)
	}
	var mirex []PatternScores
	var pooled OccurrenceScores
	for seed := range uint64(10) {
		r := rand.New(rand.NewPCG(seed, 1))
		var est []Pattern
		for m := range 8 {
			p := Pattern{ID: fmt.Sprint(m)}
			for range 4 {
				d := 4 + 8*r.Float64()
				s := r.Float64() * (240 - d)
				p.Occurrences = append(p.Occurrences, occ(files[r.IntN(3)], s, s+d, r.IntN(12)-5))
			}
			est = append(est, p)
		}
		mirex = append(mirex, ScorePatterns(ref, est))
		pooled = pooled.Add(ScoreOccurrences(ref, est))
	}
	m := MeanPatternScores(mirex)
	// Establishment only asks for the best IoU of any two occurrences, so chance reaches a
	// fair share of it; the occurrence and three-layer figures stay near the floor.
	for _, c := range []struct {
		name     string
		got, max float64
	}{
		{"establishment F", m.EstF, 0.5},
		{"occurrence F (0.75)", m.Occ75F, 0.3},
		{"occurrence F (0.5)", m.Occ50F, 0.3},
		{"three-layer F", m.ThreeF, 0.3},
		{"occurrence recall", pooled.Recall, 0.3},
		{"occurrence precision", pooled.Precision, 0.15},
	} {
		if !(c.got < c.max) {
			t.Errorf("%s of random motifs = %.3f, want < %.2f", c.name, c.got, c.max)
		}
	}
	if pooled.Planted != 120 || pooled.Predicted != 320 {
		t.Errorf("pooled counts %+v", pooled)
	}
}

// TestHandComputedScores checks the figures against values worked out by hand (and, for the
// last case, against mir_eval 0.7's pattern module run with the IoU in place of its
// cardinality score, spans encoded as sets of half-second ticks so that set IoU and shared
// tick counts equal the span IoU and overlaps).
func TestHandComputedScores(t *testing.T) {
	twoRef := []Pattern{{ID: "A", Occurrences: []Occurrence{occ("f", 0, 10, 0), occ("f", 20, 30, 0)}}}
	tests := []struct {
		name     string
		ref, est []Pattern
		want     PatternScores
		occ      OccurrenceScores
	}{
		{
			// Similarities (ref rows, est columns): [[0.8 0] [0 0]]. Establishment: 0.8 both
			// ways. Occurrence (0.8 ≥ both thresholds): precision = mean over est occurrences
			// of their best = (0.8+0)/2, recall = (0.8+0)/2. Layer 1 of [0,10] and [0,8]:
			// 2·8/(10+8) = 8/9, so layers 2 and 3 give (8/9+0)/2 = 4/9.
			name: "one match at IoU 0.8 and one spurious",
			ref:  twoRef,
			est:  []Pattern{{ID: "m", Occurrences: []Occurrence{occ("f", 0, 8, 0), occ("f", 50, 60, 0)}}},
			want: PatternScores{
				EstP: 0.8, EstR: 0.8, EstF: 0.8,
				Occ75P: 0.4, Occ75R: 0.4, Occ75F: 0.4,
				Occ50P: 0.4, Occ50R: 0.4, Occ50F: 0.4,
				ThreeP: 4.0 / 9, ThreeR: 4.0 / 9, ThreeF: 4.0 / 9,
			},
			occ: OccurrenceScores{Planted: 2, Predicted: 2, Found: 1, Correct: 1, Recall: 0.5, Precision: 0.5, TranspositionRight: 1, TranspositionAcc: 1},
		},
		{
			// IoU 0.6 passes 0.5 but not 0.75: the 0.75 figures are 0, the 0.5 ones
			// (0.6+0)/2 = 0.3. Layer 1: 2·6/(10+6) = 0.75, so three-layer 0.375.
			name: "a match between the two thresholds",
			ref:  twoRef,
			est:  []Pattern{{ID: "m", Occurrences: []Occurrence{occ("f", 0, 6, 0), occ("f", 50, 60, 0)}}},
			want: PatternScores{
				EstP: 0.6, EstR: 0.6, EstF: 0.6,
				Occ50P: 0.3, Occ50R: 0.3, Occ50F: 0.3,
				ThreeP: 0.375, ThreeR: 0.375, ThreeF: 0.375,
			},
			occ: OccurrenceScores{Planted: 2, Predicted: 2, Found: 1, Correct: 1, Recall: 0.5, Precision: 0.5, TranspositionRight: 1, TranspositionAcc: 1},
		},
		{
			// The same spans in another file are similar to nothing.
			name: "right spans, wrong file",
			ref:  twoRef,
			est:  []Pattern{{ID: "m", Occurrences: []Occurrence{occ("g", 0, 10, 0), occ("g", 20, 30, 0)}}},
			occ:  OccurrenceScores{Planted: 2, Predicted: 2},
		},
		{
			// Two themes, three motifs over two files. Best IoUs (theme × motif): A: 0.9,
			// 8/12, 0.9; B: 0, 6/7, 4/7. Establishment precision = (0.9+6/7+0.9)/3, recall
			// = (0.9+6/7)/2. At 0.5 all five non-zero pairs count, so motifs 2 and 3 weigh
			// twice in the occurrence precision and theme A thrice in the recall, as in
			// mir_eval. The other figures are mir_eval's output.
			name: "mir_eval cross-check",
			ref: []Pattern{
				{ID: "A", Occurrences: []Occurrence{occ("0", 0, 10, 0), occ("0", 30, 40, 0), occ("1", 5, 15, 0)}},
				{ID: "B", Occurrences: []Occurrence{occ("0", 60, 66, 0), occ("1", 40, 46, 0)}},
			},
			est: []Pattern{
				{ID: "1", Occurrences: []Occurrence{occ("0", 0, 8, 0), occ("0", 31, 40, 0), occ("1", 50, 56, 0)}},
				{ID: "2", Occurrences: []Occurrence{occ("0", 60, 65, 0), occ("1", 40, 47, 0), occ("0", 2, 12, 0)}},
				{ID: "3", Occurrences: []Occurrence{occ("1", 6, 15, 0), occ("0", 62, 67, 0)}},
			},
			want: PatternScores{
				EstP: 0.885714285714, EstR: 0.878571428571, EstF: 0.882128397918,
				Occ75P: 0.526719576720, Occ75R: 0.659523809524, Occ75F: 0.585687736290,
				Occ50P: 0.518730158730, Occ50R: 0.678095238095, Occ50F: 0.587802450423,
				ThreeP: 0.574633423756, ThreeR: 0.672476451424, ThreeF: 0.619716760115,
			},
			// Theme A has two hits in motif 1 (0.8, 0.9), one in 2 (8/12) and one in 3 (0.9);
			// B two in motif 2 and one in 3 (4/7). The best assignment is A-1, B-2: 4 of 5
			// planted found, 4 of 8 predicted right.
			occ: OccurrenceScores{Planted: 5, Predicted: 8, Found: 4, Correct: 4, Recall: 0.8, Precision: 0.5, TranspositionRight: 4, TranspositionAcc: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := ScorePatterns(tt.ref, tt.est).figures(), tt.want.figures()
			for name := range want {
				if math.Abs(got[name]-want[name]) > 1e-9 {
					t.Errorf("%s = %.12f, want %.12f", name, got[name], want[name])
				}
			}
			if o := ScoreOccurrences(tt.ref, tt.est); o != tt.occ {
				t.Errorf("occurrences %+v, want %+v", o, tt.occ)
			}
		})
	}
}

func TestEmptyInputsScoreZero(t *testing.T) {
	some := []Pattern{{ID: "A", Occurrences: []Occurrence{occ("f", 0, 10, 0), occ("f", 20, 30, 0)}}}
	hollow := []Pattern{{ID: "A"}, {ID: "B"}}
	tests := []struct {
		name     string
		ref, est []Pattern
	}{
		{"both nil", nil, nil},
		{"no prediction", some, nil},
		{"no truth", nil, some},
		{"patterns without occurrences", some, hollow},
		{"truth without occurrences", hollow, some},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, v := range ScorePatterns(tt.ref, tt.est).figures() {
				if v != 0 {
					t.Errorf("%s = %v, want 0", name, v)
				}
			}
			o := ScoreOccurrences(tt.ref, tt.est)
			if o.Recall != 0 || o.Precision != 0 || o.TranspositionAcc != 0 || o.Found != 0 {
				t.Errorf("occurrences %+v, want zeros", o)
			}
		})
	}
	if m := MeanPatternScores(nil); m != (PatternScores{}) {
		t.Errorf("mean of none = %+v", m)
	}
	// An empty pattern among real ones is similar to nothing and drags precision down.
	s := ScorePatterns(some, append([]Pattern{{ID: "empty"}}, some...))
	if s.EstP != 0.5 || s.EstR != 1 || s.ThreeP != 0.5 {
		t.Errorf("with an empty motif: %+v", s)
	}
}

func TestSplitMotifFindsHalf(t *testing.T) {
	var theme Pattern
	theme.ID = "A"
	for k := range 4 {
		theme.Occurrences = append(theme.Occurrences, occ("f", float64(20*k), float64(20*k+8), 0))
	}
	ref := []Pattern{theme}
	est := []Pattern{
		{ID: "1", Occurrences: theme.Occurrences[:2]},
		{ID: "2", Occurrences: theme.Occurrences[2:]},
	}
	o := ScoreOccurrences(ref, est)
	// Only one motif can stand for the theme: 2 of 4 found, 2 of 4 predicted right.
	want := OccurrenceScores{Planted: 4, Predicted: 4, Found: 2, Correct: 2, Recall: 0.5, Precision: 0.5, TranspositionRight: 2, TranspositionAcc: 1}
	if o != want {
		t.Errorf("split motif: %+v, want %+v", o, want)
	}
	// MIREX: establishment is perfect (every motif is the theme somewhere); occurrence
	// recall is 0.5 (each motif has half the occurrences), precision 1.
	s := ScorePatterns(ref, est)
	if s.EstF != 1 || s.Occ75P != 1 || s.Occ75R != 0.5 {
		t.Errorf("split motif MIREX: %+v", s)
	}
}

func TestRelativeTransposition(t *testing.T) {
	ref := []Pattern{{ID: "A", Occurrences: []Occurrence{occ("f", 0, 8, 2), occ("f", 20, 28, 5), occ("f", 40, 48, -1)}}}
	tests := []struct {
		name  string
		trans []int // predicted transpositions of the three occurrences
		right int
	}{
		{"all right, relative to the first", []int{0, 3, -3}, 3},
		{"all right, another reference", []int{4, 7, 1}, 3},
		{"all right, an octave apart", []int{0, -9, 9}, 3},
		{"one wrong", []int{0, 3, -2}, 2},
		{"first one wrong", []int{6, 3, -3}, 2},
		{"all different: the smallest offset wins", []int{0, 4, -1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var est Pattern
			for i, o := range ref[0].Occurrences {
				o.Transposition = tt.trans[i]
				est.Occurrences = append(est.Occurrences, o)
			}
			o := ScoreOccurrences(ref, []Pattern{est})
			if o.Found != 3 || o.TranspositionRight != tt.right || !near(o.TranspositionAcc, float64(tt.right)/3) {
				t.Errorf("%+v, want %d of 3 right", o, tt.right)
			}
		})
	}
	// A lone found occurrence is right whatever its transposition.
	o := ScoreOccurrences(ref, []Pattern{{Occurrences: []Occurrence{occ("f", 20, 28, 11)}}})
	if o.Found != 1 || o.TranspositionAcc != 1 {
		t.Errorf("lone occurrence: %+v", o)
	}
}

func TestOccurrencePairingIsOneToOne(t *testing.T) {
	ref := []Pattern{{ID: "A", Occurrences: []Occurrence{occ("f", 2, 12, 0), occ("f", 4, 14, 0)}}}
	tests := []struct {
		name      string
		est       []Occurrence
		found     int
		precision float64
	}{
		// IoUs: [2,12] with [2.5,12.5] 0.905 and with [0,10] 0.667; [4,14] with [2.5,12.5]
		// 0.708 and with [0,10] 0.43. Greedy by IoU would pair [2,12] with [2.5,12.5] and
		// leave the rest; the maximum pairing finds both.
		{"crossed candidates", []Occurrence{occ("f", 2.5, 12.5, 0), occ("f", 0, 10, 0)}, 2, 1},
		// The same occurrence reported three times counts once ([0,10] only reaches [2,12]).
		{"duplicate", []Occurrence{occ("f", 0, 10, 0), occ("f", 0, 10, 0), occ("f", 0, 10, 0)}, 1, 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := ScoreOccurrences(ref, []Pattern{{ID: "m", Occurrences: tt.est}})
			if o.Found != tt.found || !near(o.Precision, tt.precision) {
				t.Errorf("%+v, want %d found, precision %.3f", o, tt.found, tt.precision)
			}
		})
	}
}

// TestAssignIsOptimal compares the Hungarian assignment with every assignment of small
// random matrices, in both orientations.
func TestAssignIsOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := range 300 {
		rows, cols := 1+r.IntN(5), 1+r.IntN(6)
		w := make([][]int, rows)
		for i := range w {
			w[i] = make([]int, cols)
			for j := range w[i] {
				w[i][j] = r.IntN(5)
			}
		}
		got := assign(w, cols)
		used := map[int]bool{}
		total := 0
		for i, j := range got {
			if j < 0 {
				continue
			}
			if used[j] {
				t.Fatalf("trial %d: column %d used twice in %v", trial, j, got)
			}
			used[j] = true
			total += w[i][j]
		}
		if best := bestAssignment(w, 0, cols, map[int]bool{}); total != best {
			t.Fatalf("trial %d: %v gives %d, best %d for %v", trial, got, total, best, w)
		}
	}
}

// bestAssignment is the greatest total weight of rows i.. over the unused columns, by
// trying every choice.
func bestAssignment(w [][]int, i, cols int, used map[int]bool) int {
	if i == len(w) {
		return 0
	}
	best := bestAssignment(w, i+1, cols, used) // row i left out
	for j := range cols {
		if !used[j] {
			used[j] = true
			best = max(best, w[i][j]+bestAssignment(w, i+1, cols, used))
			used[j] = false
		}
	}
	return best
}

func TestAddAndMean(t *testing.T) {
	a := OccurrenceScores{Planted: 4, Predicted: 5, Found: 3, Correct: 3, TranspositionRight: 2}.finish()
	b := OccurrenceScores{Planted: 6, Predicted: 5, Found: 5, Correct: 5, TranspositionRight: 5}.finish()
	s := a.Add(b)
	if s.Planted != 10 || s.Found != 8 || s.Recall != 0.8 || s.Precision != 0.8 || s.TranspositionAcc != 7.0/8 {
		t.Errorf("sum %+v", s)
	}
	m := MeanPatternScores([]PatternScores{{EstF: 1, ThreeR: 0.5}, {EstF: 0.5, ThreeR: 0}})
	if m.EstF != 0.75 || m.ThreeR != 0.25 || m.Occ50P != 0 {
		t.Errorf("mean %+v", m)
	}
}
