// Discovereval scores motif discovery on a soundtrack set built by
// `go run ./internal/cmd/makedevset -only soundtracks -out DIR`: each set of tracks in
// DIR/themes.tsv is analysed, motif.Discover runs over it, and the themes found are scored
// against the planted ones.
//
// Usage:
//
//	go run ./internal/cmd/discovereval [-split tune|heldout|all] [-bars] [-v] [-threshold S] [-min-length SEC] DIR
//
// It prints, per half: the occurrence figures (planted occurrences found at IoU >= 0.5 inside
// the motif matched to their theme, the precision of all reported occurrences, the relative
// transposition of the found ones) and the MIREX "Discovery of Repeated Themes & Sections"
// figures (establishment, occurrence at c = 0.75 and 0.5, three-layer; mean over sets), with
// the temporal IoU of two spans as the similarity of two occurrences (internal/eval). -v lists
// every set's themes and what was found. With -bars it exits 1 when a figure of the
// discovery issue fails on a printed half.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/leitmotif-audio/leitmotif/internal/eval"
	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

func main() {
	split := flag.String("split", "all", "which half to score: tune, heldout or all (each reported apart)")
	bars := flag.Bool("bars", false, "exit 1 when a bar of the discovery issue fails")
	verbose := flag.Bool("v", false, "list every set's themes and the motifs found")
	threshold := flag.Float64("threshold", 0, "DiscoverOptions.Threshold (0: the default)")
	minLength := flag.Float64("min-length", 0, "DiscoverOptions.MinLength in seconds (0: the default)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: discovereval [-split tune|heldout|all] [-bars] [-v] [-threshold S] [-min-length SEC] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || (*split != "tune" && *split != "heldout" && *split != "all") {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	sets, err := eval.ReadThemes(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "discovereval: %v\n", err)
		os.Exit(1)
	}
	start := time.Now()
	// Analyse every file once, in parallel.
	var paths []string
	for _, s := range sets {
		if *split == "all" || s.Split == *split {
			paths = append(paths, s.Files...)
		}
	}
	tracks := make(map[string]*motif.Track, len(paths))
	var mu sync.Mutex
	var firstErr error
	parallel.For(len(paths), 0, func(i int) {
		f, err := motif.AnalyzeFile(filepath.Join(dir, paths[i]), motif.ChromaOptions{})
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			firstErr = err
			return
		}
		tracks[paths[i]] = motif.Prepare(f, motif.CompareOptions{})
	}, nil)
	if firstErr != nil {
		fmt.Fprintf(os.Stderr, "discovereval: %v\n", firstErr)
		os.Exit(1)
	}
	analysed := time.Since(start)
	type half struct {
		occ    eval.OccurrenceScores
		mirex  []eval.PatternScores
		sets   int
		themes int
		found  int
	}
	halves := map[string]*half{}
	var searching time.Duration
	var audio float64
	for _, s := range sets {
		if *split != "all" && s.Split != *split {
			continue
		}
		ts := make([]*motif.Track, len(s.Files))
		for i, f := range s.Files {
			ts[i] = tracks[f]
			audio += ts[i].Features.Duration
		}
		t0 := time.Now()
		themes := motif.Discover(ts, motif.DiscoverOptions{Threshold: *threshold, MinLength: *minLength, Workers: runtime.GOMAXPROCS(0)})
		searching += time.Since(t0)
		var est []eval.Pattern
		for k, th := range themes {
			p := eval.Pattern{ID: fmt.Sprintf("M%d", k+1)}
			for _, o := range th.Occurrences {
				p.Occurrences = append(p.Occurrences, eval.Occurrence{File: s.Files[o.Track], Start: o.Start, End: o.End, Transposition: o.Transposition})
			}
			est = append(est, p)
		}
		h := halves[s.Split]
		if h == nil {
			h = &half{}
			halves[s.Split] = h
		}
		h.sets++
		h.themes += len(s.Themes)
		h.found += len(est)
		occ := eval.ScoreOccurrences(s.Themes, est)
		h.occ = h.occ.Add(occ)
		h.mirex = append(h.mirex, eval.ScorePatterns(s.Themes, est))
		if *verbose {
			fmt.Printf("%s (%d files): %d themes, %d motifs found; occurrences found %d/%d, correct %d/%d\n",
				s.ID, len(s.Files), len(s.Themes), len(est), occ.Found, occ.Planted, occ.Correct, occ.Predicted)
			for _, th := range s.Themes {
				fmt.Printf("  theme %s:", th.ID)
				for _, o := range th.Occurrences {
					fmt.Printf(" %s %.1f-%.1f (%+d)", o.File, o.Start, o.End, o.Transposition)
				}
				fmt.Println()
			}
			for _, p := range est {
				fmt.Printf("  found %s:", p.ID)
				for _, o := range p.Occurrences {
					fmt.Printf(" %s %.1f-%.1f (%+d)", o.File, o.Start, o.End, o.Transposition)
				}
				fmt.Println()
			}
		}
	}
	fmt.Printf("analysed %d files in %.1f s; discovery %.1f s for %.1f min of audio\n", len(paths), analysed.Seconds(), searching.Seconds(), audio/60)
	fail := false
	for _, name := range []string{"tune", "heldout"} {
		h := halves[name]
		if h == nil {
			continue
		}
		m := eval.MeanPatternScores(h.mirex)
		o := h.occ
		fmt.Printf("\n%s half: %d sets, %d themes planted, %d motifs reported\n", name, h.sets, h.themes, h.found)
		fmt.Printf("  occurrence recall    %.3f (%d of %d planted)   bar >= 0.9\n", o.Recall, o.Found, o.Planted)
		fmt.Printf("  occurrence precision %.3f (%d of %d reported)  bar >= 0.8\n", o.Precision, o.Correct, o.Predicted)
		fmt.Printf("  transposition right  %.3f (%d of %d found)     bar >= 0.9\n", o.TranspositionAcc, o.TranspositionRight, o.Found)
		fmt.Printf("  MIREX establishment  P %.3f R %.3f F %.3f   (best published audio F 0.53)\n", m.EstP, m.EstR, m.EstF)
		fmt.Printf("  MIREX occurrence .75 P %.3f R %.3f F %.3f   (0.71)\n", m.Occ75P, m.Occ75R, m.Occ75F)
		fmt.Printf("  MIREX occurrence .5  P %.3f R %.3f F %.3f\n", m.Occ50P, m.Occ50R, m.Occ50F)
		fmt.Printf("  MIREX three-layer    P %.3f R %.3f F %.3f   (0.48)\n", m.ThreeP, m.ThreeR, m.ThreeF)
		if o.Recall < 0.9 || o.Precision < 0.8 || o.TranspositionAcc < 0.9 || m.EstF < 0.53 || m.Occ75F < 0.71 || m.ThreeF < 0.48 {
			fail = true
		}
	}
	if *bars && fail {
		fmt.Println("\nFAIL: a bar of the discovery issue is not met")
		os.Exit(1)
	}
}
