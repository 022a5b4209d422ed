package eval

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/leitmotif-audio/leitmotif/internal/match"
)

// Outcome is what a matcher says of one ordered pair (query A, candidate B).
type Outcome struct {
	Score         float64
	Transposition int     // semitones taking A's pitch classes to B's, -5..6
	TempoRatio    float64 // B's tempo relative to A's
	// BStart and BEnd are the span found in B (the best segment, or the best path when no
	// segment passed the threshold); both 0 when there is none.
	BStart, BEnd float64
}

// Threshold is the decision threshold of calibrated scores.
const Threshold = match.Threshold

// Report holds the figures of an evaluation. Fractions are in [0, 1].
type Report struct {
	Files   int // tracks in the corpus
	Queries int // tracks with at least one other track of the same work

	// Retrieval: every track queries all others, ranked by score.
	MAP float64 // mean average precision over queries
	P1  float64 // precision at rank 1
	MR1 float64 // mean rank of the first relevant track (1 = best)

	TruePairs, FalsePairs int // ordered pairs of the same / different works

	Recall            float64 // true pairs scoring >= Threshold
	FalsePositiveRate float64 // unrelated pairs scoring >= Threshold
	TranspositionAcc  float64 // true pairs with the right transposition
	TempoAcc          float64 // true pairs with the tempo ratio within 10%

	HostPairs int     // pairs of the same work whose candidate is a host
	MeanIoU   float64 // mean IoU of the host-side span with the truth
	IoUAcc    float64 // host pairs with IoU >= 0.7

	// Detection of a phrase in a host: over the ordered pairs whose candidate is a host
	// (hosts that hide the query's work are positives, the others negatives), a detection
	// is a score >= Threshold whose host span overlaps the truth (IoU >= 0.5).
	DetectPairs               int
	DetectF1, DetectPrecision float64
	DetectRecall              float64

	// Materials breaks the figures down by the queries' material (corpora with a material
	// column), in name order.
	Materials []MaterialReport

	Errors []string // the failing pairs, for inspection (at most 400)
}

// kind is what a track's figures are broken down by: its material, refined by its genre.
func (t Track) kind() string {
	if t.Genre != "" {
		return t.Material + "/" + t.Genre
	}
	return t.Material
}

// MaterialReport is the part of a Report whose queries are of one material (with its genre,
// for real recordings: "real/band").
type MaterialReport struct {
	Material string
	Report
}

// Bar is one quality bar of an evaluation.
type Bar struct {
	Name      string
	Got, Want float64 // the bar holds when Got >= Want
}

// Bars returns the project's quality bars for the report.
func (r Report) Bars() []Bar {
	return []Bar{
		{"MAP", r.MAP, 0.9},
		{"transposition accuracy", r.TranspositionAcc, 0.95},
		{"tempo accuracy (10%)", r.TempoAcc, 0.9},
		{"mean host span IoU", r.MeanIoU, 0.7},
		{"unrelated pairs below threshold", 1 - r.FalsePositiveRate, 0.95},
	}
}

// String formats the report as a few lines of text.
func (r Report) String() string {
	var b strings.Builder
	r.write(&b, "")
	for _, m := range r.Materials {
		fmt.Fprintf(&b, "-- %s\n", m.Material)
		m.write(&b, "   ")
	}
	return b.String()
}

func (r Report) write(b *strings.Builder, indent string) {
	fmt.Fprintf(b, "%sfiles %d, queries %d, pairs %d same / %d different\n", indent, r.Files, r.Queries, r.TruePairs, r.FalsePairs)
	fmt.Fprintf(b, "%sMAP %.3f  P@1 %.3f  MR1 %.2f\n", indent, r.MAP, r.P1, r.MR1)
	fmt.Fprintf(b, "%srecall@0.5 %.3f  false positives@0.5 %.3f\n", indent, r.Recall, r.FalsePositiveRate)
	fmt.Fprintf(b, "%stransposition %.3f  tempo(10%%) %.3f\n", indent, r.TranspositionAcc, r.TempoAcc)
	fmt.Fprintf(b, "%shost spans: %d pairs, mean IoU %.3f, IoU>=0.7 %.3f\n", indent, r.HostPairs, r.MeanIoU, r.IoUAcc)
	if r.DetectPairs > 0 {
		fmt.Fprintf(b, "%sdetection in hosts: %d pairs, F1 %.3f (precision %.3f, recall %.3f)\n", indent, r.DetectPairs, r.DetectF1, r.DetectPrecision, r.DetectRecall)
	}
}

// Score computes the report for tracks, with outcome(i, j) giving the result of query i
// against candidate j (i ≠ j). It calls outcome once per ordered pair, in order.
func Score(tracks []Track, outcome func(i, j int) Outcome) Report {
	n := len(tracks)
	res := make([]Outcome, n*n)
	for i := range n {
		for j := range n {
			if i != j {
				res[i*n+j] = outcome(i, j)
			}
		}
	}
	rep := score(tracks, res, func(int) bool { return true })
	var mats []string
	seen := map[string]bool{}
	for _, t := range tracks {
		if m := t.kind(); m != "" && !seen[m] {
			seen[m] = true
			mats = append(mats, m)
		}
	}
	sort.Strings(mats)
	if len(mats) > 1 {
		for _, m := range mats {
			sub := score(tracks, res, func(i int) bool { return tracks[i].kind() == m })
			sub.Errors = nil
			rep.Materials = append(rep.Materials, MaterialReport{m, sub})
		}
	}
	return rep
}

// score computes the figures over the queries i for which keep(i) holds, against every
// candidate.
func score(tracks []Track, res []Outcome, keep func(i int) bool) Report {
	n := len(tracks)
	rep := Report{Files: n}
	var tp, fp, trOK, tempoOK, iouOK int
	var dTP, dFP, dFN int
	var iouSum float64
	for i, a := range tracks {
		if !keep(i) {
			continue
		}
		for j, b := range tracks {
			if i == j {
				continue
			}
			r := res[i*n+j]
			name := a.File + " -> " + b.File
			same := a.Work == b.Work
			if b.Role == "host" {
				rep.DetectPairs++
				hit := r.Score >= Threshold && (!same || IoU(r.BStart, r.BEnd, b.Start, b.End) >= 0.5)
				switch {
				case same && hit:
					dTP++
				case same:
					dFN++
				case hit:
					dFP++
				}
			}
			if !same {
				rep.FalsePairs++
				if r.Score >= Threshold {
					fp++
					rep.Errors = append(rep.Errors, fmt.Sprintf("false positive %s: score %.3f", name, r.Score))
				}
				continue
			}
			rep.TruePairs++
			if r.Score >= Threshold {
				tp++
			} else {
				rep.Errors = append(rep.Errors, fmt.Sprintf("missed %s: score %.3f", name, r.Score))
			}
			if want := Wrap(b.Key - a.Key); r.Transposition == want {
				trOK++
			} else {
				rep.Errors = append(rep.Errors, fmt.Sprintf("transposition %s: %d, want %d (score %.3f)", name, r.Transposition, want, r.Score))
			}
			if want := b.Tempo / a.Tempo; r.TempoRatio > 0 && math.Abs(r.TempoRatio/want-1) <= 0.1 {
				tempoOK++
			} else {
				rep.Errors = append(rep.Errors, fmt.Sprintf("tempo %s: %.3f, want %.3f (score %.3f)", name, r.TempoRatio, want, r.Score))
			}
			if b.Role == "host" {
				rep.HostPairs++
				v := IoU(r.BStart, r.BEnd, b.Start, b.End)
				iouSum += v
				if v >= 0.7 {
					iouOK++
				} else {
					rep.Errors = append(rep.Errors, fmt.Sprintf("span %s: %.2f-%.2f, want %.2f-%.2f (IoU %.2f)", name, r.BStart, r.BEnd, b.Start, b.End, v))
				}
			}
		}
	}
	rep.Recall = frac(tp, rep.TruePairs)
	rep.FalsePositiveRate = frac(fp, rep.FalsePairs)
	rep.TranspositionAcc = frac(trOK, rep.TruePairs)
	rep.TempoAcc = frac(tempoOK, rep.TruePairs)
	rep.IoUAcc = frac(iouOK, rep.HostPairs)
	if rep.HostPairs > 0 {
		rep.MeanIoU = iouSum / float64(rep.HostPairs)
	}
	rep.DetectPrecision = frac(dTP, dTP+dFP)
	rep.DetectRecall = frac(dTP, dTP+dFN)
	rep.DetectF1 = frac(2*dTP, 2*dTP+dFP+dFN)
	rep.MAP, rep.P1, rep.MR1, rep.Queries = retrieval(tracks, res, keep)
	if len(rep.Errors) > 400 {
		rep.Errors = append(rep.Errors[:400], fmt.Sprintf("... %d more", len(rep.Errors)-400))
	}
	return rep
}

// retrieval computes MAP, P@1 and MR1 with every track as a query. Ties are broken
// pessimistically (relevant candidates after equal scores), as shared/peers' rank_eval does.
func retrieval(tracks []Track, res []Outcome, keep func(int) bool) (mapv, p1, mr1 float64, queries int) {
	n := len(tracks)
	for i, q := range tracks {
		if !keep(i) {
			continue
		}
		var idx []int
		rel := 0
		for j := range tracks {
			if j != i {
				idx = append(idx, j)
				if tracks[j].Work == q.Work {
					rel++
				}
			}
		}
		if rel == 0 {
			continue
		}
		queries++
		relevant := func(j int) bool { return tracks[j].Work == q.Work }
		sort.SliceStable(idx, func(x, y int) bool {
			sx, sy := res[i*n+idx[x]].Score, res[i*n+idx[y]].Score
			if sx != sy {
				return sx > sy
			}
			return !relevant(idx[x]) && relevant(idx[y])
		})
		hits, ap, first := 0, 0.0, 0
		for rank, j := range idx {
			if relevant(j) {
				hits++
				ap += float64(hits) / float64(rank+1)
				if first == 0 {
					first = rank + 1
				}
			}
		}
		mapv += ap / float64(rel)
		mr1 += float64(first)
		if first == 1 {
			p1++
		}
	}
	if queries > 0 {
		mapv, p1, mr1 = mapv/float64(queries), p1/float64(queries), mr1/float64(queries)
	}
	return
}

// Wrap maps a semitone difference to the transposition range -5..6.
func Wrap(t int) int {
	t = ((t % 12) + 12) % 12
	if t > 6 {
		t -= 12
	}
	return t
}

// IoU returns the intersection over union of the intervals [a0, a1] and [b0, b1].
func IoU(a0, a1, b0, b1 float64) float64 { return match.IoU(a0, a1, b0, b1) }

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
