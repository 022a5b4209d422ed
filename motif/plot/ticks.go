package plot

import (
	"math"
	"strconv"

	gplot "gonum.org/v1/plot"
)

// timeTicks labels a time axis in seconds at a round step chosen for about eight labels, with
// an unlabelled tick half way between; labels carry no trailing zeros ("2.5", "10").
type timeTicks struct{}

// timeSteps are the label spacings, in seconds, timeTicks chooses from.
var timeSteps = [...]float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600}

// Ticks implements gonum's plot.Ticker.
func (timeTicks) Ticks(lo, hi float64) []gplot.Tick {
	if !(hi > lo) {
		return nil
	}
	step := timeSteps[len(timeSteps)-1]
	for _, s := range timeSteps {
		if (hi-lo)/s <= 8 {
			step = s
			break
		}
	}
	var ticks []gplot.Tick
	half := step / 2
	for i := math.Ceil(lo/half - 1e-9); i*half <= hi+half*1e-9; i++ {
		v := i * half
		if v == 0 {
			v = 0 // not -0, which would be labelled "-0"
		}
		t := gplot.Tick{Value: v}
		if int(i)%2 == 0 {
			t.Label = strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}
