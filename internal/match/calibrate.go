package match

import "math"

// Calibration constants, fitted by a sweep over the dev set, synthetic
// whole-tune pairs and synthetic random melodies of 10 s to 150 s (see
// doc.go): the raw local-alignment score, in seconds of alignment times
// similarity margin, is divided by its typical maximum under the null
// hypothesis (unrelated music), which grows with the number of cells
// searched, as in the Karlin-Altschul statistics of local alignment; the
// log of the ratio to calMargin times that null goes through a logistic.
const (
	nullBase  = 0.4  // median null score (s) over e^9 (~8100) cells
	nullKnee  = 9.0  // ln(cells) of nullBase
	nullGrow  = 0.55 // exponent: the null median grows as cells^0.55
	calMargin = 2.0  // multiple of the null median that scores 0.5
	calScale  = 0.2  // logistic scale, in units of ln(score/threshold)
)

// nullScore is the median best raw score (seconds) between unrelated
// tracks over a search of the given number of cells (both lengths times
// 12 transpositions). It grows faster than the logarithm because tonal
// melodies share short figures (scale runs, arpeggios, cadences) that
// chain into longer chance alignments.
func nullScore(cells float64) float64 {
	return nullBase * math.Exp(nullGrow*(math.Log(cells)-nullKnee))
}

// calibrate maps a raw alignment score (frames times margin) found in a
// search over the given number of cells (all transpositions) to [0,1].
func calibrate(raw, cells, rate float64) float64 {
	if raw <= 0 || cells <= 0 || rate <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 0
	}
	z := math.Log(raw / rate / (calMargin * nullScore(max(cells, 1))))
	s := 1 / (1 + math.Exp(-z/calScale))
	if math.IsNaN(s) {
		return 0
	}
	return s
}
