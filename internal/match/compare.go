package match

import (
	"math"
	"sort"
)

// detail is what Compare measures before calibration.
type detail struct {
	raw      float64 // best local-alignment score at full resolution, in frames of margin
	t        int     // its transposition (0..11)
	rho      float64 // tempo factor B was stretched by before the fine alignment
	contrast float64 // key contrast of the screening (see keyContrast)
	n, m     int     // dimensions of the winning score matrix (A frames, stretched B frames)
	mb       int     // B's length in fine frames
	bi, bj   int     // end cell of the best alignment (ws.bestCodes holds its steps)
	ok       bool    // enough tonal content on both sides to compare
}

// workspace holds the scratch buffers of one comparison.
type workspace struct {
	sim, best, base, rows []float32
	rot, stretched        [][12]float32
	codes, bestCodes      []uint8
}

// Compare aligns b against a under every transposition and reports whether,
// where and how (key, tempo) a melody of one sounds in the other. Both
// sequences must come from Prepare with the same FeatureRate (else it
// panics). It never returns NaN; inputs with less than opt.MinDuration
// seconds of tonal content score 0 and have no segment.
func Compare(a, b *Sequence, opt Options) Result {
	opt = opt.withDefaults()
	var ws workspace
	d := compare(&ws, a, b, opt, mask{}, nil)
	if !d.ok || d.raw <= 0 {
		return Result{}
	}
	res := Result{Score: evidence(d, d.raw, a.rate).score(), Transposition: wrap(d.t)}
	segs, first := extract(&ws, ws.best, ws.bestCodes, d, a, b, opt, true, Threshold)
	res.Segments = segs
	if len(first) > 0 {
		res.Path = toPath(first, a.rate, d.rho)
		res.TempoRatio = tempoOf(first, d.rho)
	}
	return res
}

// screenStep returns the decimation (1 or coarseStep) at which all 12
// transpositions of an n×m comparison are screened: full resolution while
// the twelve matrices fit in budget cells, so a short motif is judged on
// its fine detail; the coarse rate for long pairs, where there is material
// enough and the cost would otherwise grow twelvefold.
func screenStep(n, m, budget int) int {
	if 12*float64(n)*float64(m) <= float64(budget) {
		return 1
	}
	return coarseStep
}

// mask restricts a search to the cells with j >= i+lag (B at least lag
// fine frames after A; lag may be negative) when on. A track searched
// against itself, or against an overlapping piece of itself, is masked so
// that a span never matches itself or its own neighbourhood; a masked
// search keeps B's tempo, since the mask is drawn in unstretched frames.
type mask struct {
	on  bool
	lag int
}

// apply masks s (n×m at step fine frames per cell).
func (mk mask) apply(s []float32, n, m, step int) {
	if mk.on {
		maskLower(s, n, m, ceilDiv(mk.lag, step))
	}
}

// ceilDiv is x/d rounded up, for any sign of x (d > 0).
func ceilDiv(x, d int) int {
	q := x / d
	if x%d != 0 && x > 0 {
		q++
	}
	return q
}

// compare screens all transpositions, then, for the shortlisted ones,
// stretches b to a's tempo as estimated by the screening path and aligns
// at full resolution; ws.best holds the score matrix of the winner. Every
// fine alignment (a trial: a view, a key and a tempo) is also handed to
// each, when not nil, with its score matrix and step codes and its own
// detail, before the next trial reuses the buffers: discovery reads every
// trial's alignments, Compare only the winner's. each may overwrite the
// matrix (ws.best then holds the winner as each left it).
func compare(ws *workspace, a, b *Sequence, opt Options, mk mask, each func(sim []float32, codes []uint8, d detail)) detail {
	if a == nil || b == nil {
		return detail{}
	}
	if a.rate != b.rate && len(a.fine) > 0 && len(b.fine) > 0 {
		panic("match: sequences prepared with different feature rates")
	}
	d := detail{n: len(a.fine), mb: len(b.fine)}
	if a.TonalDuration() < opt.MinDuration || b.TonalDuration() < opt.MinDuration {
		return d
	}
	d.ok = true
	thr := float32(opt.Threshold)
	step := screenStep(d.n, d.mb, opt.ScreenBudget)
	views := min(len(a.views), len(b.views))
	// At full resolution the delay embedding follows the main diagonal, so
	// B is also screened stretched by each of screenStretches: a phrase at
	// 0.6x or 1.7x the other's tempo would otherwise smear along its
	// embedding. Coarse frames are not embedded and need no stretch.
	stretches := []float64{1}
	if step == 1 && !mk.on {
		stretches = screenStretches[:]
	}
	sim := func(v, t int, rho float64) (na, nb int) {
		sa, sb, embed := a.views[v].fine, b.views[v].fine, opt.Embed
		if step > 1 {
			sa, sb, embed = a.views[v].coarse, b.views[v].coarse, 1
		}
		if rho != 1 {
			ws.stretched = stretch(ws.stretched, sb, rho)
			sb = ws.stretched
		}
		ws.rot = rotate(ws.rot, sb, t)
		ws.sim, ws.base = similarity(ws.sim, ws.base, sa, ws.rot, embed, opt.Delay, thr)
		mk.apply(ws.sim, len(sa), len(sb), step)
		return len(sa), len(sb)
	}
	srate := a.rate / float64(step)
	// A candidate is a view and a transposition, screened at its best
	// stretch.
	type cand struct{ v, t int }
	var order []cand
	var screen [2][12]float64    // screening score of every view and key (seconds of margin)
	var screenRho [2][12]float64 // the stretch it was found at
	for v := range views {
		for t := range 12 {
			for _, rho := range stretches {
				na, nb := sim(v, t, rho)
				var s float32
				s, _, _, ws.rows = localAlign(ws.sim, na, nb, nil, ws.rows)
				if sc := float64(s) / srate; screenRho[v][t] == 0 || sc > screen[v][t] {
					screen[v][t], screenRho[v][t] = sc, rho
				}
			}
			order = append(order, cand{v, t})
		}
	}
	sort.SliceStable(order, func(x, y int) bool { return screen[order[x].v][order[x].t] > screen[order[y].v][order[y].t] })
	d.raw = -1
	screenTempo := func(c cand) float64 {
		if mk.on || screen[c.v][c.t] <= 0 {
			return 1 // a masked search keeps B's tempo
		}
		// Tempo from the screening path (A frames per B frame) times the
		// stretch it was screened at.
		rho := screenRho[c.v][c.t]
		na, nb := sim(c.v, c.t, rho)
		ws.codes = growU8(ws.codes, na*nb)
		var bi, bj int
		_, bi, bj, ws.rows = localAlign(ws.sim, na, nb, ws.codes, ws.rows)
		if p := traceback(ws.codes, nb, bi, bj); len(p) >= 3 {
			return min(maxStretch, max(1/maxStretch, tempoOf(p, 1)*rho))
		}
		return rho
	}
	// Trials: the shortlisted candidates at their screened tempo; then,
	// while the budget of cells allows (short inputs), the same at a grid
	// of tempi.
	type trial struct {
		cand
		rho float64
	}
	var trials []trial
	short := order[:min(opt.Candidates, len(order))]
	for _, c := range short {
		trials = append(trials, trial{c, screenTempo(c)})
	}
	cost := func(tr trial) float64 { return float64(d.n) * float64(d.mb) * tr.rho }
	spent := 0.0
	for _, tr := range trials {
		spent += cost(tr)
	}
	var extra []trial
	if !mk.on {
		for _, tr := range trials {
			for _, r := range tempoGrid() {
				if math.Abs(math.Log(r/tr.rho)) > 0.1 {
					extra = append(extra, trial{tr.cand, r})
				}
			}
		}
	}
	for _, tr := range extra {
		if spent+cost(tr) > float64(opt.Budget) {
			break
		}
		spent += cost(tr)
		trials = append(trials, tr)
	}
	for _, tr := range trials {
		t, rho := tr.t, tr.rho
		ws.stretched = stretch(ws.stretched, b.views[tr.v].fine, rho)
		ws.rot = rotate(ws.rot, ws.stretched, t)
		m := len(ws.rot)
		ws.sim, ws.base = similarity(ws.sim, ws.base, a.views[tr.v].fine, ws.rot, opt.Embed, opt.Delay, thr)
		mk.apply(ws.sim, d.n, m, 1)
		var s float32
		var bi, bj int
		ws.codes = growU8(ws.codes, d.n*m)
		s, bi, bj, ws.rows = localAlign(ws.sim, d.n, m, ws.codes, ws.rows)
		if each != nil && s > 0 {
			dt := d
			dt.raw, dt.t, dt.rho, dt.m, dt.bi, dt.bj = float64(s), t, rho, m, bi, bj
			dt.contrast = keyContrast(screen, views, t)
			each(ws.sim, ws.codes, dt)
		}
		if float64(s) > d.raw {
			d.raw, d.t, d.rho, d.m, d.bi, d.bj = float64(s), t, rho, m, bi, bj
			ws.sim, ws.best = ws.best, ws.sim
			ws.codes, ws.bestCodes = ws.bestCodes, ws.codes
		}
	}
	d.contrast = keyContrast(screen, views, d.t)
	return d
}

// screenStretches are the tempo factors B is screened at when screening at
// full resolution: steps of sqrt(2), so that the embedding's residual
// slope is at most 2^(1/4) (1.19). On the world set's tuning half they
// raised band MAP from 0.773 to 0.803 (pairs of arrangements 0.7x-1.4x
// apart); motif and lead figures moved by under 0.01.
var screenStretches = [3]float64{math.Sqrt2 / 2, 1, math.Sqrt2}

// keyContrast measures how far transposition t stands out in the
// screening: the log ratio of its score to the mean score of the keys
// that are neither t nor a fourth or fifth from it (a melody a fourth or
// fifth off still shares most of its pitch classes with the right one).
// Those nine searches have the lengths and textures of the real one, so
// they are the pair's own null: two tracks that share a melody align far
// better at one key than at the others, two that only share a style or a
// key do not. keySlack keeps the ratio finite when nothing aligns.
func keyContrast(screen [2][12]float64, views, t int) float64 {
	var best [12]float64
	for v := range views {
		for k := range 12 {
			best[k] = max(best[k], screen[v][k])
		}
	}
	sum, n := 0.0, 0
	for k := range 12 {
		if d := (k - t + 12) % 12; d != 0 && d != 5 && d != 7 {
			sum += best[k]
			n++
		}
	}
	return math.Log((best[t] + keySlack) / (sum/float64(n) + keySlack))
}

// keySlack is added to the screening scores (seconds of margin) compared
// by keyContrast.
const keySlack = 0.05

// tempoGrid lists the tempo factors tried besides the coarse estimate when
// the budget allows: steps of about 1.26, each covered by the fine
// alignment's local slopes.
func tempoGrid() [5]float64 { return [5]float64{0.63, 0.8, 1, 1.26, 1.6} }

// maxStretch bounds the tempo correction applied before the fine
// alignment; its local steps absorb the rest.
const maxStretch = 2.0

// stretch resamples frames (unit or zero vectors) by the factor rho
// (output frame k is input position k/rho), interpolating linearly and
// rescaling to unit length.
func stretch(dst, frames [][12]float32, rho float64) [][12]float32 {
	if rho == 1 {
		return append(dst[:0], frames...)
	}
	n := int(float64(len(frames)-1)*rho) + 1
	if len(frames) == 0 {
		n = 0
	}
	dst = dst[:0]
	for k := 0; k < n; k++ {
		x := float64(k) / rho
		i := min(int(x), len(frames)-1)
		f := float32(x - float64(i))
		var acc [12]float64
		for c, v := range frames[i] {
			acc[c] = float64((1 - f) * v)
		}
		if i+1 < len(frames) && f > 0 {
			for c, v := range frames[i+1] {
				acc[c] += float64(f * v)
			}
		}
		var out [12]float32
		unit(&out, acc)
		dst = append(dst, out)
	}
	return dst
}

// extract reads the best alignments of one trial's score matrix sim (with
// its step codes) one after the other, masking each found span pair, and
// returns them with the first one's path. Every segment is scored on the
// calibrated scale against the null of the search at the trial's
// transposition. With first (Compare), the first is always reported and
// carries the pair's score, later ones are capped at it and kept while
// they reach floor (Threshold); without (discovery), only segments
// reaching floor are. A later path that would overlap an earlier segment in
// both tracks is trimmed at its ends until it does not.
func extract(ws *workspace, sim []float32, codes []uint8, d detail, a, b *Sequence, opt Options, first bool, floor float64) ([]Segment, []cell) {
	n, m := d.n, d.m
	var segs []Segment
	var best []cell
	s, bi, bj := float32(d.raw), d.bi, d.bj // the first alignment is known
	bt := b.rate * d.rho                    // stretched B frames per second of B
	for try := 0; len(segs) < opt.MaxSegments && try < 2*opt.MaxSegments; try++ {
		if try > 0 {
			s, bi, bj, ws.rows = localAlign(sim, n, m, codes, ws.rows)
		}
		if bi < 0 || s <= 0 {
			break
		}
		// A further occurrence, once the key is known, is weighed with the
		// same key contrast against the same null; it never scores above
		// the first. Scores fall with the raw score, so the first one
		// under Threshold ends the search.
		sc := evidence(d, float64(s), a.rate).score()
		if first && len(segs) > 0 {
			sc = min(segs[0].Score, sc)
		}
		if sc < floor && (!first || len(segs) > 0) {
			break
		}
		path := traceback(codes, m, bi, bj)
		if len(path) == 0 {
			break
		}
		p0, p1 := path[0], path[len(path)-1]
		maskRect(sim, m, p0.i, p1.i, p0.j, p1.j)
		path = trimOverlap(path, segs, a.rate, bt)
		if len(path) < 2 {
			continue
		}
		if best == nil {
			best = path
		}
		p0, p1 = path[0], path[len(path)-1]
		segs = append(segs, Segment{
			AStart: clampT(float64(p0.i)/a.rate, a.duration), AEnd: clampT(float64(p1.i+1)/a.rate, a.duration),
			BStart: clampT(float64(p0.j)/bt, b.duration), BEnd: clampT(float64(p1.j+1)/bt, b.duration),
			Transposition: wrap(d.t), Score: sc,
		})
	}
	return segs, best
}

// trimOverlap drops cells from the ends of path while its spans overlap an
// earlier segment's in both tracks at once (a path can pass the corner of a
// masked rectangle without entering it).
func trimOverlap(path []cell, segs []Segment, arate, brate float64) []cell {
	clash := func(p []cell) bool {
		if len(p) == 0 {
			return false
		}
		a0, a1 := float64(p[0].i)/arate, float64(p[len(p)-1].i+1)/arate
		b0, b1 := float64(p[0].j)/brate, float64(p[len(p)-1].j+1)/brate
		for _, s := range segs {
			if a0 < s.AEnd && s.AStart < a1 && b0 < s.BEnd && s.BStart < b1 {
				return true
			}
		}
		return false
	}
	for len(path) > 1 && clash(path) {
		// Drop the end that lies inside an earlier segment's spans.
		head := path[0]
		inHead := false
		for _, s := range segs {
			if t := float64(head.i) / arate; t >= s.AStart && t < s.AEnd {
				inHead = true
			}
			if t := float64(head.j) / brate; t >= s.BStart && t < s.BEnd {
				inHead = true
			}
		}
		if inHead {
			path = path[1:]
		} else {
			path = path[:len(path)-1]
		}
	}
	if clash(path) {
		return nil
	}
	return path
}

func clampT(t, dur float64) float64 { return math.Max(0, math.Min(t, dur)) }

// tempoOf returns A's span over B's along a path whose B axis was
// stretched by rho (B's tempo relative to A).
func tempoOf(path []cell, rho float64) float64 {
	if len(path) < 2 {
		return 0
	}
	da := float64(path[len(path)-1].i - path[0].i + 1)
	db := float64(path[len(path)-1].j-path[0].j+1) / rho
	return da / db
}

// toPath converts a path to seconds; the B axis was stretched by rho.
func toPath(path []cell, rate, rho float64) []PathPoint {
	out := make([]PathPoint, len(path))
	for k, c := range path {
		out[k] = PathPoint{A: float64(c.i) / rate, B: float64(c.j) / (rate * rho)}
	}
	return out
}

// wrap maps a rotation 0..11 to -5..6.
func wrap(t int) int {
	t = ((t % 12) + 12) % 12
	if t > 6 {
		t -= 12
	}
	return t
}

func growU8(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}
