package match

import "math"

// Calibration constants, fitted by sweeps over the dev set, synthetic
// whole-tune pairs, synthetic random melodies of 10 s to 150 s, and dev-set
// tunes concatenated into unrelated pieces of 30 s to 30 min (see doc.go):
// the raw local-alignment score, in seconds of alignment times similarity
// margin, is divided by its typical maximum under the null hypothesis
// (unrelated music), and the log of the ratio to calMargin times that null
// goes through a logistic.
const (
	nullBase  = 0.4  // median null score (s) over e^9 (~8100) cells
	nullKnee  = 9.0  // ln(cells) of nullBase
	nullGrow  = 0.55 // exponent: in its regime the null median grows as cells^0.55
	calMargin = 2.0  // multiple of the null median that scores 0.5
	calScale  = 0.2  // logistic scale, in units of ln(score/threshold)

	// The power law holds while chance alignments can chain along the
	// whole search: up to a length ratio of powRatio between the longer
	// and the shorter input (the widest in the dev set, where it was
	// fitted) and a shorter input of powSeconds (whole tunes). Beyond, the
	// null grows only logarithmically, as local-alignment maxima of
	// unrelated sequences do (Karlin-Altschul): between concatenated dev
	// tunes of 30 s to 30 min the median best score stayed at 1.1-1.5 s and
	// the largest at 2.5 s, where the power law over all cells predicts
	// 2.4-17 s and buried any phrase in a long track.
	powRatio   = 4.0
	powSeconds = 40.0
	logGrow    = 0.1 // seconds per unit of ln(cells) beyond the power-law regime
)

// searchSize describes a search for calibration: all its cells, and those
// in the regime where the null grows as a power of the cells.
type searchSize struct{ all, pow float64 }

// newSearchSize returns the size of aligning n against m frames (at rate
// frames per second) under the given number of transpositions.
func newSearchSize(n, m int, rate float64, transpositions int) searchSize {
	short, long := float64(min(n, m)), float64(max(n, m))
	all := float64(transpositions) * short * long
	if short == 0 {
		return searchSize{all, all}
	}
	capped := min(short, powSeconds*rate)
	pow := float64(transpositions) * capped * capped * min(long/short, powRatio)
	return searchSize{all, min(pow, all)}
}

// scaled returns the size of the search at one of k transpositions.
func (s searchSize) scaled(k float64) searchSize { return searchSize{s.all / k, s.pow / k} }

// nullScore is the median best raw score (seconds) between unrelated
// tracks over a search of the given size. In the power-law regime it grows
// faster than the logarithm because tonal melodies share short figures
// (scale runs, arpeggios, cadences) that chain into longer chance
// alignments; beyond it, logarithmically.
func nullScore(s searchSize) float64 {
	pow := max(s.pow, 1)
	null := nullBase * math.Exp(nullGrow*(math.Log(pow)-nullKnee))
	if s.all > pow {
		null += logGrow * math.Log(s.all/pow)
	}
	return null
}

// calibrate maps a raw alignment score (frames times margin, at rate
// frames per second) found in a search of the given size to [0,1].
func calibrate(raw float64, size searchSize, rate float64) float64 {
	if raw <= 0 || size.all <= 0 || rate <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 0
	}
	z := math.Log(raw / rate / (calMargin * nullScore(size)))
	s := 1 / (1 + math.Exp(-z/calScale))
	if math.IsNaN(s) {
		return 0
	}
	return s
}
