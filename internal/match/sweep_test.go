package match

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/chroma"
)

// TestSweepDev prints the dev-set figures for a grid of front-end and
// matching parameters (the measured sweep behind the defaults). Run with
// MATCH_SWEEP=1; it is slow and asserts nothing.
func TestSweepDev(t *testing.T) {
	if os.Getenv("MATCH_SWEEP") == "" {
		t.Skip("set MATCH_SWEEP=1")
	}
	for _, minFreq := range []float64{180, 200} {
		tracks := loadDev(t, chroma.Options{Kind: chroma.HPCP, MinFreq: minFreq})
		for _, thr := range []float64{0.8, 1.0} {
			opt := Options{Fifth: thr}
			r := scoreDev(tracks, opt)
			fmt.Printf("minfreq %.0f fifth %.2f: MAP %.3f P1 %.3f tr %.3f tempo %.3f iou %.3f rec %.3f fpr %.3f\n", minFreq, thr, r.MAP, r.P1, r.TranspositionAcc, r.TempoAcc, r.MeanIoU, r.Recall, r.FalsePositiveRate)
			if v, _ := strconv.Atoi(os.Getenv("MATCH_SWEEP")); v > 1 {
				fmt.Println(r)
			}
		}
	}
}
