package resample

import "math"

// kaiserBeta returns the Kaiser window β for a stop-band attenuation of atten dB
// (Kaiser's empirical formula, atten > 50).
func kaiserBeta(atten float64) float64 { return 0.1102 * (atten - 8.7) }

// kaiserLen returns Kaiser's estimate of the filter length for attenuation atten dB and
// a transition width of trans cycles per sample.
func kaiserLen(atten, trans float64) float64 { return (atten - 7.95) / (2.285 * 2 * math.Pi * trans) }

// kaiser returns the Kaiser window at position x in [-1, 1] (0 outside).
func kaiser(x, beta float64) float64 {
	if x < -1 || x > 1 {
		return 0
	}
	return besselI0(beta*math.Sqrt(1-x*x)) / besselI0(beta)
}

// besselI0 is the modified Bessel function of the first kind, order 0 (power series;
// converges quickly for the β values used here).
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	q := x * x / 4
	for k := 1; k < 500; k++ {
		term *= q / float64(k*k)
		sum += term
		if term < sum*1e-17 {
			break
		}
	}
	return sum
}

// sinc is sin(πx)/(πx).
func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}
