// Calibrate fits the constants of the matcher's score calibration
// (internal/match/calibrate.go) on labelled corpora, the tuning halves of
// the evaluation sets, and prints them with the figures of the fit.
//
// Usage:
//
//	go run ./internal/cmd/calibrate [-fp 0.003] DIR...
//
// Every ordered pair of tracks within each corpus is compared once with the
// matcher's defaults (match.Measure). Then:
//
//  1. the null surface: least squares of ln Raw over the surface's terms
//     (match.NullSurface.Terms) on the unrelated pairs whose lengths lie
//     within the fitted range;
//  2. the weights: a logistic regression of same-melody (1) against
//     unrelated (0) pairs on the two features of match.Evidence.Features,
//     the classes weighted equally;
//  3. the threshold: the weighted evidence exceeded by a fraction fp of the
//     unrelated pairs (pairs with too little tonal content count as below).
//
// The project's constants were fitted on testdata/dev, the world set's
// tune half with its extra motif halves (makedevset -only world and -only
// motifs) and the real set's tune half (realset): see EVALUATION.md.
// Re-run it whenever the features or the alignment change.
package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/leitmotif-audio/leitmotif/internal/eval"
	"github.com/leitmotif-audio/leitmotif/internal/match"
	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// pair is one measured ordered pair.
type pair struct {
	corpus int
	same   bool
	ok     bool
	ev     match.Evidence
}

func main() {
	fp := flag.Float64("fp", 0.003, "fraction of unrelated pairs to score at or above the threshold")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: calibrate [-fp FRACTION] DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || !(*fp > 0 && *fp < 1) {
		flag.Usage()
		os.Exit(2)
	}
	var pairs []pair
	for c, dir := range flag.Args() {
		p, err := measure(c, dir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "calibrate: %v\n", err)
			os.Exit(1)
		}
		pairs = append(pairs, p...)
	}
	null, resid := fitNull(pairs)
	w := fitWeights(pairs, null)
	thr := threshold(pairs, null, w, *fp)
	fmt.Printf("null surface: %#v (residual sd of ln Raw %.3f)\n", [5]float64(null), resid)
	fmt.Printf("wAlign = %.4g, wKey = %.4g, evidence0 = %.4g\n", w[0], w[1], thr)
	for c, dir := range flag.Args() {
		var neg, negHit, pos, posHit int
		for _, p := range pairs {
			if p.corpus != c {
				continue
			}
			hit := p.ok && dot(w, p.ev.Features(null)) >= thr
			if p.same {
				pos++
				if hit {
					posHit++
				}
			} else {
				neg++
				if hit {
					negHit++
				}
			}
		}
		fmt.Printf("%s: unrelated at or above the threshold %.4f (%d pairs), same melody %.3f (%d pairs)\n",
			filepath.Clean(dir), frac(negHit, neg), neg, frac(posHit, pos), pos)
	}
}

// measure compares every ordered pair of the corpus in dir.
func measure(corpus int, dir string) ([]pair, error) {
	tracks, err := eval.ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	n := len(tracks)
	seqs := make([]*match.Sequence, n)
	errs := make([]error, n)
	parallel.For(n, 0, func(i int) {
		f, err := motif.AnalyzeFile(filepath.Join(dir, tracks[i].File), motif.ChromaOptions{})
		if err != nil {
			errs[i] = err
			return
		}
		seqs[i] = match.Prepare(f.Frames, f.FrameRate, match.Options{})
	}, nil)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	out := make([]pair, n*n)
	parallel.For(n, 0, func(i int) {
		for j := range n {
			if i != j {
				ev, ok := match.Measure(seqs[i], seqs[j], match.Options{})
				out[i*n+j] = pair{corpus, tracks[i].Work == tracks[j].Work, ok, ev}
			}
		}
	}, nil)
	var res []pair
	for i := range n {
		for j := range n {
			if i != j {
				res = append(res, out[i*n+j])
			}
		}
	}
	return res, nil
}

// fitNull fits the null surface on the unrelated pairs within the fitted
// lengths, by least squares on ln Raw; it returns the residual standard
// deviation too.
func fitNull(pairs []pair) (match.NullSurface, float64) {
	var rows [][5]float64
	var ys []float64
	var surf match.NullSurface
	for _, p := range pairs {
		if p.same || !p.ok {
			continue
		}
		s, l, beyond := match.FitLengths(p.ev.Short, p.ev.Long)
		if beyond > 1 {
			continue
		}
		rows = append(rows, surf.Terms(s, l))
		ys = append(ys, math.Log(p.ev.Raw))
	}
	x := mat.NewDense(len(rows), 5, nil)
	for i, r := range rows {
		x.SetRow(i, r[:])
	}
	y := mat.NewVecDense(len(ys), ys)
	var c mat.VecDense
	if err := c.SolveVec(x, y); err != nil {
		fmt.Fprintf(os.Stderr, "calibrate: least squares: %v\n", err)
		os.Exit(1)
	}
	for k := range surf {
		surf[k] = c.AtVec(k)
	}
	ss := 0.0
	for i, r := range rows {
		e := ys[i]
		for k := range r {
			e -= surf[k] * r[k]
		}
		ss += e * e
	}
	return surf, math.Sqrt(ss / float64(len(rows)))
}

// fitWeights fits a logistic regression of same against unrelated pairs
// on the evidence features, classes weighted equally, by Newton's method;
// it returns the feature weights (the intercept is set by threshold).
func fitWeights(pairs []pair, null match.NullSurface) [2]float64 {
	var xs [][3]float64
	var ys, cw []float64
	var npos, nneg float64
	for _, p := range pairs {
		if p.ok {
			if p.same {
				npos++
			} else {
				nneg++
			}
		}
	}
	for _, p := range pairs {
		if !p.ok {
			continue
		}
		f := p.ev.Features(null)
		xs = append(xs, [3]float64{1, f[0], f[1]})
		if p.same {
			ys, cw = append(ys, 1), append(cw, 0.5/npos)
		} else {
			ys, cw = append(ys, 0), append(cw, 0.5/nneg)
		}
	}
	var w [3]float64
	for range 50 {
		var g [3]float64
		h := mat.NewSymDense(3, nil)
		for i, x := range xs {
			z := w[0]*x[0] + w[1]*x[1] + w[2]*x[2]
			p := 1 / (1 + math.Exp(-z))
			for a := range 3 {
				g[a] += cw[i] * (p - ys[i]) * x[a]
				for b := a; b < 3; b++ {
					h.SetSym(a, b, h.At(a, b)+cw[i]*p*(1-p)*x[a]*x[b])
				}
			}
		}
		var step mat.VecDense
		if err := step.SolveVec(h, mat.NewVecDense(3, g[:])); err != nil {
			break
		}
		for a := range 3 {
			w[a] -= step.AtVec(a)
		}
	}
	return [2]float64{w[1], w[2]}
}

// threshold returns the weighted evidence exceeded by a fraction fp of the
// unrelated pairs.
func threshold(pairs []pair, null match.NullSurface, w [2]float64, fp float64) float64 {
	var z []float64
	for _, p := range pairs {
		if p.same {
			continue
		}
		if !p.ok {
			z = append(z, math.Inf(-1))
			continue
		}
		z = append(z, dot(w, p.ev.Features(null)))
	}
	sort.Float64s(z)
	return z[min(len(z)-1, int(float64(len(z))*(1-fp)))]
}

func dot(w, f [2]float64) float64 { return w[0]*f[0] + w[1]*f[1] }

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
