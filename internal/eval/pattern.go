package eval

import "math"

// Occurrence is one span of a pattern in one file.
type Occurrence struct {
	File       string
	Start, End float64 // seconds
	// Transposition is in semitones: for a predicted pattern, relative to the pattern's first
	// occurrence; for a ground-truth theme, relative to the theme's reference key. Only its
	// value modulo 12 matters.
	Transposition int
}

// Pattern is a motif or theme with its occurrences.
type Pattern struct {
	ID          string
	Occurrences []Occurrence
}

// similarity is how alike two occurrences are: the IoU of their spans in the same file, 0
// across files. It stands in for mir_eval's cardinality score, which counts shared notes.
func similarity(a, b Occurrence) float64 {
	if a.File != b.File {
		return 0
	}
	return IoU(a.Start, a.End, b.Start, b.End)
}

// overlapF is the first layer of the three-layer measures: the F-measure of the overlap's
// share of the estimated span (precision) and of the reference span (recall), 0 across files.
// It is the duration analogue of mir_eval's first layer, which divides the number of shared
// notes by the number of notes of each occurrence; the harmonic mean of the two shares is
// 2·overlap/(length a + length b).
func overlapF(ref, est Occurrence) float64 {
	if ref.File != est.File {
		return 0
	}
	in := min(ref.End, est.End) - max(ref.Start, est.Start)
	if in <= 0 {
		return 0
	}
	return 2 * in / ((ref.End - ref.Start) + (est.End - est.Start))
}

// PatternScores are the MIREX figures of pattern discovery ("Discovery of Repeated Themes &
// Sections") for one piece or set of files, defined as in mir_eval's pattern module with the
// IoU of spans as the similarity of two occurrences. Each is in [0, 1].
//
// With S(p, q) the matrix of similarities between the occurrences of reference pattern p
// (rows) and estimated pattern q (columns):
//   - establishment: E(p, q) = max S(p, q); precision is the mean over estimated patterns of
//     their best E, recall the mean over reference patterns of their best E: was each theme
//     found at all, by some occurrence?
//   - occurrence at threshold c (0.75 and 0.5, as in MIREX): for the pairs whose E(p, q) ≥ c,
//     P(p, q) is the mean over q's occurrences of their best similarity in p and R(p, q) the
//     mean over p's occurrences of their best one in q; precision is the mean, over those
//     pairs, of the best P of the pair's estimated pattern, recall the mean of the best R of
//     the pair's reference pattern. Like mir_eval, the means run over the pairs (a pattern in
//     k pairs weighs k times), and they are 0 when no pair reaches c.
//   - three-layer: layer 1 compares two occurrences by the F-measure of the overlap's share
//     of each span, 2·overlap/(length + length), the duration analogue of mir_eval's shared
//     notes over each occurrence's notes; layer 2 compares two patterns by the F-measure of
//     the mean best layer-1 value of the estimated occurrences (precision) and of the
//     reference ones (recall); layer 3 compares the two sets of patterns in the same way
//     from the layer-2 F-measures.
//
// F is the harmonic mean of P and R (0 when both are 0).
type PatternScores struct {
	EstP, EstR, EstF       float64 // establishment
	Occ75P, Occ75R, Occ75F float64 // occurrence, threshold 0.75
	Occ50P, Occ50R, Occ50F float64 // occurrence, threshold 0.5
	ThreeP, ThreeR, ThreeF float64 // three-layer
}

// ScorePatterns computes the MIREX pattern discovery figures of the estimated patterns est
// against the reference patterns ref (see PatternScores). When either side has no occurrence
// at all every figure is 0; a pattern without occurrences is similar to nothing.
func ScorePatterns(ref, est []Pattern) PatternScores {
	var s PatternScores
	if countOccurrences(ref) == 0 || countOccurrences(est) == 0 {
		return s
	}
	np, nq := len(ref), len(est)
	estab := grid(np, nq)
	occP, occR := grid(np, nq), grid(np, nq)
	layer2 := grid(np, nq)
	for i, p := range ref {
		for j, q := range est {
			sim := occurrenceGrid(p, q, similarity)
			estab[i][j] = maxAll(sim)
			occP[i][j], occR[i][j] = bestMeans(sim, len(q.Occurrences))
			layer2[i][j] = fMeasure(bestMeans(occurrenceGrid(p, q, overlapF), len(q.Occurrences)))
		}
	}
	s.EstP, s.EstR = bestMeans(estab, nq)
	s.EstF = fMeasure(s.EstP, s.EstR)
	s.Occ75P, s.Occ75R = occurrencePR(estab, occP, occR, 0.75)
	s.Occ75F = fMeasure(s.Occ75P, s.Occ75R)
	s.Occ50P, s.Occ50R = occurrencePR(estab, occP, occR, 0.5)
	s.Occ50F = fMeasure(s.Occ50P, s.Occ50R)
	s.ThreeP, s.ThreeR = bestMeans(layer2, nq)
	s.ThreeF = fMeasure(s.ThreeP, s.ThreeR)
	return s
}

// occurrencePR is the precision and recall of the occurrence measure at threshold c, from
// the establishment matrix and the per-pair occurrence precisions and recalls. It follows
// mir_eval, which takes the rows and columns of the relevant pairs, repeats included, so
// that each relevant pair contributes its estimated pattern's best precision and its
// reference pattern's best recall over the relevant pairs.
func occurrencePR(estab, occP, occR [][]float64, c float64) (p, r float64) {
	type pair struct{ i, j int }
	var rel []pair
	for i := range estab {
		for j := range estab[i] {
			if estab[i][j] >= c {
				rel = append(rel, pair{i, j})
			}
		}
	}
	if len(rel) == 0 {
		return 0, 0
	}
	// The values of pairs below the threshold do not count (mir_eval leaves them 0).
	val := func(m [][]float64, i, j int) float64 {
		if estab[i][j] >= c {
			return m[i][j]
		}
		return 0
	}
	for _, k := range rel {
		var bp, br float64
		for _, l := range rel {
			bp = max(bp, val(occP, l.i, k.j))
			br = max(br, val(occR, k.i, l.j))
		}
		p += bp
		r += br
	}
	return p / float64(len(rel)), r / float64(len(rel))
}

// occurrenceGrid is the matrix of f between the occurrences of ref (rows) and est (columns).
func occurrenceGrid(ref, est Pattern, f func(ref, est Occurrence) float64) [][]float64 {
	m := grid(len(ref.Occurrences), len(est.Occurrences))
	for i, a := range ref.Occurrences {
		for j, b := range est.Occurrences {
			m[i][j] = f(a, b)
		}
	}
	return m
}

func grid(rows, cols int) [][]float64 {
	m := make([][]float64, rows)
	for i := range m {
		m[i] = make([]float64, cols)
	}
	return m
}

func maxAll(m [][]float64) float64 {
	var v float64
	for _, row := range m {
		for _, x := range row {
			v = max(v, x)
		}
	}
	return v
}

// bestMeans returns, for a reference × estimate matrix with cols columns, the mean over
// columns of their maximum (precision) and the mean over rows of their maximum (recall).
// An empty side gives 0, and a column has maximum 0 when there are no rows.
func bestMeans(m [][]float64, cols int) (p, r float64) {
	if cols == 0 || len(m) == 0 {
		return 0, 0
	}
	colMax := make([]float64, cols)
	for _, row := range m {
		var rowMax float64
		for j, x := range row {
			rowMax = max(rowMax, x)
			colMax[j] = max(colMax[j], x)
		}
		r += rowMax
	}
	for _, x := range colMax {
		p += x
	}
	return p / float64(cols), r / float64(len(m))
}

// fMeasure is the harmonic mean of p and r, 0 when both are 0.
func fMeasure(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func countOccurrences(ps []Pattern) int {
	n := 0
	for _, p := range ps {
		n += len(p.Occurrences)
	}
	return n
}

// MeanPatternScores is the mean of each figure over several pieces or sets (MIREX averages
// over pieces); all zero for none.
func MeanPatternScores(all []PatternScores) PatternScores {
	var m PatternScores
	if len(all) == 0 {
		return m
	}
	for _, s := range all {
		m.EstP += s.EstP
		m.EstR += s.EstR
		m.EstF += s.EstF
		m.Occ75P += s.Occ75P
		m.Occ75R += s.Occ75R
		m.Occ75F += s.Occ75F
		m.Occ50P += s.Occ50P
		m.Occ50R += s.Occ50R
		m.Occ50F += s.Occ50F
		m.ThreeP += s.ThreeP
		m.ThreeR += s.ThreeR
		m.ThreeF += s.ThreeF
	}
	n := float64(len(all))
	m.EstP /= n
	m.EstR /= n
	m.EstF /= n
	m.Occ75P /= n
	m.Occ75R /= n
	m.Occ75F /= n
	m.Occ50P /= n
	m.Occ50R /= n
	m.Occ50F /= n
	m.ThreeP /= n
	m.ThreeR /= n
	m.ThreeF /= n
	return m
}

// OccurrenceIoU is the IoU at or above which a predicted occurrence finds a planted one.
const OccurrenceIoU = 0.5

// OccurrenceScores are the occurrence-level figures of motif discovery against planted
// themes.
//
// Each predicted motif is matched to at most one theme and each theme to at most one motif,
// by the one-to-one assignment that finds the most planted occurrences (Hungarian method;
// among optimal assignments the one the method reaches, which is deterministic). Within a
// matched (theme, motif) pair, planted and predicted occurrences are paired one-to-one when
// their IoU is at least OccurrenceIoU, as many pairs as possible (each planted occurrence
// trying the closest predicted ones first): so a motif that reports one planted occurrence twice gets one of the two wrong. Predicted
// occurrences of unmatched motifs are all wrong, and a theme split over two motifs is found
// only through the motif it is matched to.
//
// Relative transposition: a motif's transpositions are relative to its own first
// occurrence, the truth's to the theme's reference key, so only differences can be judged.
// Over the found pairs (planted key k, predicted transposition t) of a matched pair, the
// offset d is the most frequent (t − k) mod 12 (the smallest on ties); a found occurrence's
// transposition is right when (t − k − d) mod 12 = 0. A lone found occurrence is right.
type OccurrenceScores struct {
	Planted, Predicted int // occurrences in the truth and in the prediction
	// Found counts the planted occurrences paired with an occurrence of the motif matched to
	// their theme.
	Found int
	// Correct counts the predicted occurrences paired with an occurrence of the theme their
	// motif is matched to. Pairing is one-to-one, so it equals Found; it is kept apart as the
	// numerator of Precision.
	Correct            int
	Recall, Precision  float64 // Found/Planted, Correct/Predicted
	TranspositionRight int     // found occurrences with the right relative transposition
	TranspositionAcc   float64 // TranspositionRight/Found
}

// ScoreOccurrences computes the occurrence-level figures of the predicted motifs est against
// the themes ref (see OccurrenceScores). Fractions whose denominator is 0 are 0.
func ScoreOccurrences(ref, est []Pattern) OccurrenceScores {
	s := OccurrenceScores{Planted: countOccurrences(ref), Predicted: countOccurrences(est)}
	pairs := make([][][][2]int, len(ref))
	hits := make([][]int, len(ref))
	for i, th := range ref {
		pairs[i] = make([][][2]int, len(est))
		hits[i] = make([]int, len(est))
		for j, mo := range est {
			pairs[i][j] = pairOccurrences(th.Occurrences, mo.Occurrences)
			hits[i][j] = len(pairs[i][j])
		}
	}
	for i, j := range assign(hits, len(est)) {
		if j < 0 || len(pairs[i][j]) == 0 {
			continue
		}
		var count [12]int
		for _, pr := range pairs[i][j] {
			k := ref[i].Occurrences[pr[0]].Transposition
			t := est[j].Occurrences[pr[1]].Transposition
			count[mod12(t-k)]++
		}
		best := 0
		for d := range count {
			if count[d] > count[best] {
				best = d
			}
		}
		s.Found += len(pairs[i][j])
		s.Correct += len(pairs[i][j])
		s.TranspositionRight += count[best]
	}
	return s.finish()
}

// Add returns the sum of the counts of s and o, with the fractions recomputed: the figures
// of several sets pooled.
func (s OccurrenceScores) Add(o OccurrenceScores) OccurrenceScores {
	return OccurrenceScores{
		Planted:            s.Planted + o.Planted,
		Predicted:          s.Predicted + o.Predicted,
		Found:              s.Found + o.Found,
		Correct:            s.Correct + o.Correct,
		TranspositionRight: s.TranspositionRight + o.TranspositionRight,
	}.finish()
}

func (s OccurrenceScores) finish() OccurrenceScores {
	s.Recall = frac(s.Found, s.Planted)
	s.Precision = frac(s.Correct, s.Predicted)
	s.TranspositionAcc = frac(s.TranspositionRight, s.Found)
	return s
}

func mod12(t int) int { return ((t % 12) + 12) % 12 }

// pairOccurrences pairs planted with predicted occurrences one-to-one, only where their IoU
// is at least OccurrenceIoU, in a maximum matching (augmenting paths; each planted
// occurrence tries its candidates by decreasing IoU). It returns the (planted, predicted)
// index pairs in planted order.
func pairOccurrences(planted, predicted []Occurrence) [][2]int {
	adj := make([][]int, len(planted))
	ious := make([][]float64, len(planted))
	for i, a := range planted {
		ious[i] = make([]float64, len(predicted))
		for j, b := range predicted {
			if v := similarity(a, b); v >= OccurrenceIoU {
				ious[i][j] = v
				adj[i] = append(adj[i], j)
			}
		}
		// Insertion sort by decreasing IoU, stable so that ties keep the predicted order.
		for x := 1; x < len(adj[i]); x++ {
			for y := x; y > 0 && ious[i][adj[i][y]] > ious[i][adj[i][y-1]]; y-- {
				adj[i][y], adj[i][y-1] = adj[i][y-1], adj[i][y]
			}
		}
	}
	owner := make([]int, len(predicted)) // planted index paired with each predicted one
	for j := range owner {
		owner[j] = -1
	}
	var seen []bool
	var augment func(i int) bool
	augment = func(i int) bool {
		for _, j := range adj[i] {
			if seen[j] {
				continue
			}
			seen[j] = true
			if owner[j] < 0 || augment(owner[j]) {
				owner[j] = i
				return true
			}
		}
		return false
	}
	for i := range planted {
		seen = make([]bool, len(predicted))
		augment(i)
	}
	var out [][2]int
	for i := range planted {
		for j, o := range owner {
			if o == i {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// assign returns, for each row of the rows × cols weight matrix w, the column assigned to it
// (-1 for none) in a one-to-one assignment of greatest total weight (Hungarian method with
// potentials, O(rows²·cols)). Every row gets a column when rows ≤ cols.
func assign(w [][]int, cols int) []int {
	rows := len(w)
	out := make([]int, rows)
	for i := range out {
		out[i] = -1
	}
	if rows == 0 || cols == 0 {
		return out
	}
	if rows > cols {
		// The method needs no more rows than columns: assign the columns to the rows.
		t := make([][]int, cols)
		for j := range t {
			t[j] = make([]int, rows)
			for i := range rows {
				t[j][i] = w[i][j]
			}
		}
		for j, i := range assign(t, rows) {
			if i >= 0 {
				out[i] = j
			}
		}
		return out
	}
	// Minimise the cost -w; indices are 1-based, with row and column 0 as sentinels.
	const inf = math.MaxInt / 4
	u := make([]int, rows+1)
	v := make([]int, cols+1)
	p := make([]int, cols+1) // row assigned to each column, 0 for none
	way := make([]int, cols+1)
	for i := 1; i <= rows; i++ {
		p[0] = i
		j0 := 0
		minv := make([]int, cols+1)
		for j := range minv {
			minv[j] = inf
		}
		used := make([]bool, cols+1)
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= cols; j++ {
				if used[j] {
					continue
				}
				if cur := -w[i0-1][j-1] - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= cols; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	for j := 1; j <= cols; j++ {
		if p[j] != 0 {
			out[p[j]-1] = j - 1
		}
	}
	return out
}
