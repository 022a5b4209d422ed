package match

import "math"

// Evidence is what a comparison measures before calibration: how well the
// best alignment scores against unrelated pairs of the same lengths, and
// how far its key stands out among the same pair's other keys.
// internal/cmd/calibrate collects it over the tuning halves of the
// evaluation sets to fit the constants below.
type Evidence struct {
	// Raw is the best local-alignment score in seconds of margin (path
	// length times similarity above Options.Threshold).
	Raw float64
	// Short and Long are the lengths of the two inputs in seconds.
	Short, Long float64
	// KeyContrast is the log ratio of the winning key's screening score to
	// the mean of the unrelated keys' (see keyContrast).
	KeyContrast float64
}

// Measure returns the evidence of comparing a with b; false when either
// has less than opt.MinDuration seconds of tonal content or nothing
// aligns.
func Measure(a, b *Sequence, opt Options) (Evidence, bool) {
	opt = opt.withDefaults()
	var ws workspace
	d := compare(&ws, a, b, opt, mask{}, nil)
	if !d.ok || d.raw <= 0 {
		return Evidence{}, false
	}
	return evidence(d, d.raw, a.rate), true
}

// evidence returns the Evidence of a comparison whose alignment scored raw
// frames of margin.
func evidence(d detail, raw, rate float64) Evidence {
	return Evidence{
		Raw:         raw / rate,
		Short:       float64(min(d.n, d.mb)) / rate,
		Long:        float64(max(d.n, d.mb)) / rate,
		KeyContrast: d.contrast,
	}
}

// Calibration constants, fitted by `go run ./internal/cmd/calibrate` on the
// tuning halves (the dev set; the world set's tune half and its extra
// motif halves; the real set's tune half): every ordered pair of each
// corpus. The null surface is the median best raw score of unrelated
// pairs as a smooth function of both lengths; the weights come from a
// logistic regression of same-melody against unrelated pairs (classes
// balanced), and evidence0 puts 0.3% of the tuning halves' unrelated pairs
// at or above Threshold.
const (
	wAlign        = 2.149 // weight of ln(Raw / null median)
	wKey          = 1.169 // weight of KeyContrast
	evidence0     = 5.273 // weighted evidence that scores Threshold
	evidenceScale = 0.5   // logistic scale of the weighted evidence
)

// fittedNull is the null surface of the calibration (see the constants
// above).
func fittedNull() NullSurface {
	return NullSurface{-3.1372, 0.99239, 0.31926, -0.14464, 0.014488}
}

// NullSurface holds the coefficients of the median best raw score between
// unrelated tracks as a function of their lengths: ln median = c0 +
// c1 ln s + c2 ln l + c3 (ln s)^2 + c4 ln s ln l, s and l the shorter and
// longer length in seconds, each taken within the range the surface is
// fitted on (FitLengths).
type NullSurface [5]float64

// The surface is evaluated within the lengths it was fitted on; beyond
// them the null grows only logarithmically in the cells of the search, as
// the maxima of local alignment between unrelated sequences do
// (Karlin-Altschul): between dev-set tunes concatenated into pieces of
// 30 s to 30 minutes, the median best score stayed at 1.1-1.5 s (measured
// at 291b8f0).
const (
	minLength         = 2.0         // shorter inputs are taken as this long (MinDuration's default)
	fitShort, fitLong = 60.0, 120.0 // longest lengths (s) the surface is evaluated at
	logGrow           = 0.1         // seconds of null median per unit of ln(cells) beyond them
)

// FitLengths returns the lengths (seconds) at which the surface is
// evaluated for inputs of short and long seconds, and the factor by which
// the search extends beyond them.
func FitLengths(short, long float64) (s, l, beyond float64) {
	short, long = max(short, minLength), max(long, minLength)
	s, l = min(short, fitShort), min(long, fitLong)
	return s, l, short * long / (s * l)
}

// Terms returns the regressors of the surface at lengths s and l (from
// FitLengths).
func (NullSurface) Terms(s, l float64) [5]float64 {
	ls, ll := math.Log(s), math.Log(l)
	return [5]float64{1, ls, ll, ls * ls, ls * ll}
}

// Median returns the median best raw score (seconds) between unrelated
// tracks of short and long seconds.
func (c NullSurface) Median(short, long float64) float64 {
	s, l, beyond := FitLengths(short, long)
	t := c.Terms(s, l)
	ln := 0.0
	for k := range c {
		ln += c[k] * t[k]
	}
	med := math.Exp(ln)
	if beyond > 1 {
		med += logGrow * math.Log(beyond)
	}
	return med
}

// Features returns the two terms of the evidence: the log ratio of Raw to
// the null median of the lengths, and the key contrast.
func (e Evidence) Features(null NullSurface) [2]float64 {
	return [2]float64{math.Log(e.Raw / null.Median(e.Short, e.Long)), e.KeyContrast}
}

// score maps evidence to [0, 1]: Threshold where the weighted evidence is
// evidence0.
func (e Evidence) score() float64 {
	if !(e.Raw > 0) || math.IsInf(e.Raw, 0) || !(e.Long > 0) {
		return 0
	}
	f := e.Features(fittedNull())
	z := wAlign*f[0] + wKey*f[1] - evidence0
	s := 1 / (1 + math.Exp(-z/evidenceScale))
	if math.IsNaN(s) {
		return 0
	}
	return s
}
