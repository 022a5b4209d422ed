package match

import (
	"fmt"
	"math"
	"math/rand"
	"os"
	"strings"
	"testing"
)

// TestLongNullData prints, for dev-set tunes as short queries, the best raw score against
// hosts of 30 s to 30 min made of other works (null) and against the same hosts with another
// arrangement of the query's work inserted (true), with the calibrated scores: the data behind
// logKnee and logGrow. Run with MATCH_CAL=1; it asserts nothing.
func TestLongNullData(t *testing.T) {
	if os.Getenv("MATCH_CAL") == "" {
		t.Skip("set MATCH_CAL=1")
	}
	opt := Options{}.withDefaults()
	tracks := loadDev(t, testChroma)
	rng := rand.New(rand.NewSource(1))
	for wi, q := range tracks {
		if !strings.HasSuffix(q.File, "_a.wav") || wi%2 == 1 {
			continue
		}
		var pool []int
		var trueIdx = -1
		for j, tr := range tracks {
			if tr.Work != q.Work && tr.Role != "host" {
				pool = append(pool, j)
			}
			if tr.Work == q.Work && strings.HasSuffix(tr.File, "_b.wav") {
				trueIdx = j
			}
		}
		qs := Prepare(q.frames, q.rate, opt)
		for _, L := range []float64{30, 120, 300, 900, 1800} {
			var host [][12]float32
			rate := q.rate
			for float64(len(host))/rate < L {
				j := pool[rng.Intn(len(pool))]
				host = append(host, tracks[j].frames...)
			}
			hs := Prepare(host, rate, opt)
			var ws workspace
			d := compare(&ws, qs, hs, opt, 0)
			// true: insert the b arrangement in the middle
			mid := len(host) / 2
			withTrue := append(append(append([][12]float32{}, host[:mid]...), tracks[trueIdx].frames...), host[mid:]...)
			ts := Prepare(withTrue, rate, opt)
			d2 := compare(&ws, qs, ts, opt, 0)
			fmt.Printf("%-16s L=%5.0f ln=%.2f null=%.2f true=%.2f model=%.2f snull=%.3f strue=%.3f\n", q.File, L, math.Log(d.size.all), d.raw/opt.FeatureRate, d2.raw/opt.FeatureRate, nullScore(d.size), calibrate(d.raw, d.size, opt.FeatureRate), calibrate(d2.raw, d2.size, opt.FeatureRate))
		}
	}
}

// TestLongPairNullData prints the best raw and calibrated scores between unrelated pieces of 30
// s to 10 min built from disjoint halves of the dev-set works. Run with MATCH_CAL=1; it asserts
// nothing.
func TestLongPairNullData(t *testing.T) {
	if os.Getenv("MATCH_CAL") == "" {
		t.Skip("set MATCH_CAL=1")
	}
	opt := Options{}.withDefaults()
	tracks := loadDev(t, testChroma)
	rng := rand.New(rand.NewSource(2))
	works := map[string]bool{}
	for _, tr := range tracks {
		if tr.Role == "arrangement" {
			works[tr.Work] = true
		}
	}
	var wl []string
	for w := range works {
		wl = append(wl, w)
	}
	for trial := 0; trial < 6; trial++ {
		rng.Shuffle(len(wl), func(i, j int) { wl[i], wl[j] = wl[j], wl[i] })
		setA := map[string]bool{}
		for _, w := range wl[:10] {
			setA[w] = true
		}
		build := func(inA bool, L float64) [][12]float32 {
			var out [][12]float32
			for float64(len(out))/tracks[0].rate < L {
				j := rng.Intn(len(tracks))
				tr := tracks[j]
				if tr.Role != "arrangement" || setA[tr.Work] != inA {
					continue
				}
				out = append(out, tr.frames...)
			}
			return out
		}
		for _, L := range [][2]float64{{30, 30}, {60, 60}, {180, 180}, {60, 600}} {
			a, b := build(true, L[0]), build(false, L[1])
			sa, sb := Prepare(a, tracks[0].rate, opt), Prepare(b, tracks[0].rate, opt)
			var ws workspace
			d := compare(&ws, sa, sb, opt, 0)
			fmt.Printf("LA=%4.0f LB=%4.0f ln=%.2f null=%.2f model=%.2f score=%.3f\n", L[0], L[1], math.Log(d.size.all), d.raw/opt.FeatureRate, nullScore(d.size), calibrate(d.raw, d.size, opt.FeatureRate))
		}
	}
}
