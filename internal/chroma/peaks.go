package chroma

import "math"

// peaks finds the local maxima of the power spectrum, refines frequency and power by a
// parabola through the log-power of the peak bin and its neighbours, votes each peak's
// deviation from the equal-tempered grid into tune, and (HPCP) adds its harmonically
// weighted power to the fine profile.
func (a *analyzer) peaks(maxP float32, tune *tuningHist) {
	pow := a.pow
	thr := maxP * peakFloor
	tthr := maxP * tuneFloor
	hpcp := a.kind == HPCP
	for k := a.kLo; k <= a.kHi; k++ {
		p := pow[k]
		if p <= thr || p <= pow[k-1] || p < pow[k+1] {
			continue
		}
		l := math.Log(float64(pow[k-1]) + 1e-30)
		c := math.Log(float64(p))
		r := math.Log(float64(pow[k+1]) + 1e-30)
		den := l - 2*c + r
		d := 0.0
		if den < 0 {
			d = 0.5 * (l - r) / den
			d = math.Max(-0.5, math.Min(0.5, d))
		}
		pk := p
		if d != 0 {
			pk = float32(math.Exp(c - 0.25*(l-r)*d))
		}
		s := a.semi[k] + c12ln2*math.Log1p(d*a.invK[k]) // pitch of bin k+d
		if pk >= tthr {
			// Absolute amplitude: loud tonal frames decide, quiet noisy ones hardly count.
			tune.add(s, math.Sqrt(float64(pk)))
		}
		if !hpcp {
			continue
		}
		u := math.Mod(s, 12)
		if u < 0 {
			u += 12
		}
		pos := float32(u * finePerSemi)
		for i, off := range a.hOff {
			q := pos - off
			if q < 0 {
				q += fineBins
			}
			a.deposit(q, a.hW[i]*pk)
		}
	}
}
