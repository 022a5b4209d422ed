package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"sort"
	"strings"
)

// goertzel returns the energy of frame at frequency f.
func goertzel(frame []float64, rate int, f float64) float64 {
	w := 2 * math.Cos(2*math.Pi*f/float64(rate))
	var s1, s2 float64
	for _, v := range frame {
		s1, s2 = v+w*s1-s2, s1
	}
	return s1*s1 + s2*s2 - w*s1*s2
}

// pitchClassAt returns the pitch class of the strongest pitch between G3 and C7 in the
// Hann-windowed frame of x at sample i, by harmonic sum (so a strong third harmonic does
// not win).
func pitchClassAt(x []float64, i, n, rate int) int {
	if i < 0 || i+n > len(x) {
		return -1
	}
	frame := make([]float64, n)
	for k := range frame {
		frame[k] = (0.5 - 0.5*math.Cos(2*math.Pi*float64(k)/float64(n))) * x[i+k]
	}
	best, bestE := -1, -1.0
	for p := 55; p <= 96; p++ {
		f := 440 * math.Pow(2, float64(p-69)/12)
		e := 0.0
		for h := 1; h <= 4 && float64(h)*f < float64(rate)/2*0.9; h++ {
			e += math.Sqrt(goertzel(frame, rate, float64(h)*f)) / float64(h)
		}
		if e > bestE {
			best, bestE = p, e
		}
	}
	return best % 12
}

// melodyAccuracy is the fraction of the melody notes (parts named "melody ...", longer than
// 0.15 s, inside the span from..to seconds) whose pitch class is the strongest one in x
// shortly after the note starts.
func melodyAccuracy(x []float64, rate int, sc *Score, from, to float64) (float64, int) {
	hit, tot := 0, 0
	for _, p := range sc.Parts {
		if !strings.HasPrefix(p.Name, "melody ") {
			continue
		}
		for _, n := range p.Notes {
			at0 := sc.Seconds(n.Start)
			d := sc.Seconds(n.Start+n.Dur) - at0
			if d < 0.15 || at0 < from-0.05 || at0 > to+0.05 {
				continue
			}
			at := at0 + min(0.05, d/4)
			size := min(1024, int(d*0.7*float64(rate)))
			tot++
			if pitchClassAt(x, int(at*float64(rate)), size, rate) == mod12(n.Pitch) {
				hit++
			}
		}
	}
	return float64(hit) / float64(max(1, tot)), tot
}

// checkWorld reads a rendered world set and reports, by half, material and role, how often
// the melody's pitch class is the strongest in the audio at the melody's note onsets (over
// the span in the manifest), so a wrong transposition, a span that misses the music or a
// plan changed without re-rendering shows. Single files may score low by nature (a melody
// in the cellos, a glockenspiel, a lead buried in distorted guitars); it fails when a
// group's mean is under 0.4.
func checkWorld(w io.Writer, out string) error {
	var bad []string
	for _, h := range worldHalves() {
		dir := filepath.Join(out, "world", h.Name)
		type agg struct {
			sum   float64
			n     int
			worst string
			wv    float64
		}
		groups := map[string]*agg{}
		for _, e := range worldPlan(h) {
			if e.Negative {
				continue
			}
			x, rate, err := readWAV16(filepath.Join(dir, e.File))
			if err != nil {
				return err
			}
			acc, tot := melodyAccuracy(x, rate, e.Job.Score, e.Start, e.End)
			if tot == 0 {
				return fmt.Errorf("%s/%s: no melody notes in the span", h.Name, e.File)
			}
			k := e.Material + " " + e.Role
			g := groups[k]
			if g == nil {
				g = &agg{wv: 2}
				groups[k] = g
			}
			g.sum += acc
			g.n++
			if acc < g.wv {
				g.wv, g.worst = acc, e.File
			}
		}
		var keys []string
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			g := groups[k]
			mean := g.sum / float64(g.n)
			fmt.Fprintf(w, "%-8s %-24s %3d files  melody pitch class found %.2f  (lowest %.2f %s)\n", h.Name, k, g.n, mean, g.wv, g.worst)
			if mean < 0.4 {
				bad = append(bad, h.Name+" "+k)
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("melody barely found in %s", strings.Join(bad, ", "))
	}
	return nil
}
