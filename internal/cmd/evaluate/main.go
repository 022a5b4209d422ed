// Evaluate scores leitmotif's matching on a labelled corpus (testdata/dev by default) and checks
// the project's quality bars.
//
// Usage:
//
//	go run ./internal/cmd/evaluate [-errors] [-bars=false] [-system NAME] [-rank OUT.tsv] [DIR]
//
// It prints MAP, P@1, MR1, recall and false positives at the 0.5 threshold, transposition and
// tempo accuracy on the pairs that share a melody, and the span overlap (IoU) of phrases found
// inside longer hosts and how often they are detected there (F1), broken down by material when
// the manifest has a material column, then each bar with PASS or FAIL (-bars=false: figures only,
// for sets whose bars are not yet met). -system textbook scores a common baseline on the same
// files (STFT chroma from C2 up, no melody weighting or detrending, the same alignment);
// -system melody-only leitmotif without its harmony view. -rank writes every ordered pair as
// query<TAB>candidate<TAB>score (the format of `motif rank` and shared/peers' rank_eval.mjs).
// Exit status 1 when a bar fails or the corpus cannot be read, 2 for a usage error.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/leitmotif-audio/leitmotif/internal/eval"
	"github.com/leitmotif-audio/leitmotif/internal/match"
	"github.com/leitmotif-audio/leitmotif/motif"
)

func main() {
	showErrors := flag.Bool("errors", false, "list the failing pairs")
	rankOut := flag.String("rank", "", "write every ordered pair's score to this TSV file")
	system := flag.String("system", "leitmotif", "what to evaluate: leitmotif, melody-only (one view), or textbook (STFT chroma over the full band, no melody weighting, no detrending, the same alignment)")
	enforce := flag.Bool("bars", true, "check the quality bars (exit 1 when one fails); -bars=false only reports")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: evaluate [-errors] [-bars=false] [-system NAME] [-rank OUT.tsv] [DIR]")
		flag.PrintDefaults()
	}
	flag.Parse()
	dir := "testdata/dev"
	switch flag.NArg() {
	case 0:
	case 1:
		dir = flag.Arg(0)
	default:
		flag.Usage()
		os.Exit(2)
	}

	copt, mopt, err := systemOptions(*system)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evaluate: %v\n", err)
		os.Exit(2)
	}
	start := time.Now()
	type scored struct {
		path string
		seq  *match.Sequence
	}
	var (
		pairs   [][3]string // query, candidate, score
		pairsMu sync.Mutex
	)
	prepare := func(path string) (scored, error) {
		f, err := motif.AnalyzeFile(path, copt)
		if err != nil {
			return scored{}, err
		}
		return scored{path, match.Prepare(f.Frames, f.FrameRate, mopt)}, nil
	}
	compare := func(a, b scored) eval.Outcome {
		r := match.Compare(a.seq, b.seq, mopt)
		if *rankOut != "" {
			pairsMu.Lock()
			pairs = append(pairs, [3]string{a.path, b.path, fmt.Sprintf("%.6f", r.Score)})
			pairsMu.Unlock()
		}
		o := eval.Outcome{Score: r.Score, Transposition: r.Transposition, TempoRatio: r.TempoRatio}
		if len(r.Segments) > 0 {
			o.BStart, o.BEnd = r.Segments[0].BStart, r.Segments[0].BEnd
		}
		return o
	}
	rep, _, err := eval.Run(dir, prepare, compare)
	if err != nil {
		fmt.Fprintf(os.Stderr, "evaluate: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("corpus %s (%.1f s, features and all pairs)\n%s", filepath.Clean(dir), time.Since(start).Seconds(), rep)
	if *showErrors {
		for _, e := range rep.Errors {
			fmt.Println("  " + e)
		}
	}
	if *rankOut != "" {
		if err := writeRank(*rankOut, pairs); err != nil {
			fmt.Fprintf(os.Stderr, "evaluate: %v\n", err)
			os.Exit(1)
		}
	}
	if !*enforce {
		return
	}
	failed := false
	for _, b := range rep.Bars() {
		verdict := "PASS"
		if b.Got < b.Want {
			verdict, failed = "FAIL", true
		}
		fmt.Printf("%s %-32s %.3f (bar %.2f)\n", verdict, b.Name, b.Got, b.Want)
	}
	if failed {
		os.Exit(1)
	}
}

func writeRank(name string, pairs [][3]string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, p := range pairs {
		fmt.Fprintf(w, "%s\t%s\t%s\n", p[0], p[1], p[2])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// systemOptions returns the front-end and matching options of a system under evaluation.
// leitmotif is what motif.Compare does with zero options.
func systemOptions(name string) (motif.ChromaOptions, match.Options, error) {
	switch name {
	case "leitmotif":
		return motif.ChromaOptions{}, match.Options{}, nil
	case "melody-only":
		return motif.ChromaOptions{}, match.Options{MelodyOnly: true}, nil
	case "textbook":
		// librosa-style chroma_stft from C2 up, every pitch class at its own weight, no
		// detrending: the common baseline, under the same key-invariant local alignment.
		return motif.ChromaOptions{Kind: motif.STFT, MinFreq: 65.4},
			match.Options{MelodyOnly: true, Power: 1, Fifth: -1, Detrend: -1}, nil
	}
	return motif.ChromaOptions{}, match.Options{}, fmt.Errorf("unknown system %q (want leitmotif, melody-only or textbook)", name)
}
