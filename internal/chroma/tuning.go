package chroma

import "math"

// tuningHist accumulates the deviation of spectral peaks from the 440 Hz equal-tempered
// grid in a circular histogram of 1-cent bins over [-50, 50) cents.
type tuningHist struct {
	h     [100]float64
	total float64
}

// add votes for a peak at s semitones (any octave) with weight w.
func (t *tuningHist) add(s, w float64) {
	c := (s - math.Floor(s+0.5)) * 100 // [-50, 50)
	x := c + 50                        // [0, 100)
	i := int(x)
	fr := x - float64(i)
	t.h[i%100] += w * (1 - fr)
	t.h[(i+1)%100] += w * fr
	t.total += w
}

// estimate returns the tuning in cents (in [-50, 50)) and whether any peak voted. It
// takes the maximum of the histogram smoothed over ±6 cents (robust to the slightly
// off-grid 5th and 7th harmonics of harmonic tones), then the weighted circular mean of
// the votes within ±15 cents of it.
func (t *tuningHist) estimate() (float64, bool) {
	if t.total <= 0 {
		return 0, false
	}
	best, bestV := 0, -1.0
	for i := range t.h {
		var v float64
		for d := -6; d <= 6; d++ {
			v += t.h[(i+d+100)%100] * float64(7-abs(d))
		}
		if v > bestV {
			best, bestV = i, v
		}
	}
	var sx, sy float64
	for d := -15; d <= 15; d++ {
		j := (best + d + 100) % 100
		a := 2 * math.Pi * float64(j) / 100
		sx += t.h[j] * math.Cos(a)
		sy += t.h[j] * math.Sin(a)
	}
	c := math.Atan2(sy, sx) / (2 * math.Pi) * 100 // bin units, (-50, 50]
	c -= 50                                       // bin j is at j-50 cents
	for c < -50 {
		c += 100
	}
	for c >= 50 {
		c -= 100
	}
	return c, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
