// Trailer-vs-song asks leitmotif's first question of a pair of tracks: is the theme of a film
// trailer in a song, although the song is slower, in another key and played differently? It
// prints the score, the transposition, the tempo ratio and the aligned spans, and draws the
// cross-similarity matrix with the alignment on it.
//
// From the root of the repository:
//
//	go run ./examples/trailer-vs-song
//	go run ./examples/trailer-vs-song -a mine.wav -b theirs.wav -o mine-vs-theirs.png
//
// By default it reads testdata/examples/trailer.wav and ballad.wav (looked up from the current
// directory, then from two levels up, so it also runs from its own directory), prints where the
// theme really is from testdata/examples/truth.tsv after the result, and writes
// trailer-vs-song.png in the current directory.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/leitmotif-audio/leitmotif/motif"
	"github.com/leitmotif-audio/leitmotif/motif/plot"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("trailer-vs-song: ")
	a := flag.String("a", "", "the track whose melody is looked for (default testdata/examples/trailer.wav)")
	b := flag.String("b", "", "the track it is looked for in (default testdata/examples/ballad.wav)")
	out := flag.String("o", "trailer-vs-song.png", "where to write the plot")
	flag.Parse()
	if flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	truth := ""
	if *a == "" && *b == "" {
		*a, *b = example("trailer.wav"), example("ballad.wav")
		truth = filepath.Join(filepath.Dir(*a), "truth.tsv")
	}
	if *a == "" || *b == "" {
		log.Fatal("give both -a and -b, or neither")
	}

	fa, err := motif.AnalyzeFile(*a, motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fb, err := motif.AnalyzeFile(*b, motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Preparing the tracks once serves both the comparison and the similarity matrix drawn.
	var opt motif.CompareOptions
	ta, tb := motif.Prepare(fa, opt), motif.Prepare(fb, opt)
	r := motif.CompareTracks(ta, tb, opt)
	report(fa, fb, r)
	if truth != "" {
		if err := printTruth(truth); err != nil {
			log.Fatal(err)
		}
	}

	sim := motif.CrossSimilarity(ta, tb, r.Transposition)
	img, err := plot.Compare(fa, fb, r, sim)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := img.WriteTo(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nplot: %s\n", *out)
}

// report prints the result in words.
func report(a, b *motif.Features, r motif.Result) {
	nameA, nameB := filepath.Base(a.File), filepath.Base(b.File)
	fmt.Printf("A: %s (%.1f s)\nB: %s (%.1f s)\n\n", nameA, a.Duration, nameB, b.Duration)
	verdict := "the melody of A is not in B"
	if r.Score >= motif.Threshold {
		verdict = "the melody of A is in B"
	}
	fmt.Printf("score          %.2f (%s; the threshold is %g)\n", r.Score, verdict, motif.Threshold)
	fmt.Printf("transposition  %+d semitones (A's pitch classes to B's)\n", r.Transposition)
	fmt.Printf("tempo ratio    %.2f (B's tempo relative to A's)\n", r.TempoRatio)
	if len(r.Segments) == 0 {
		fmt.Println("no aligned spans")
		return
	}
	fmt.Println("aligned spans, best first:")
	for i, s := range r.Segments {
		fmt.Printf("  %d. A %5.1f-%5.1f s  <->  B %5.1f-%5.1f s   %+d semitones, score %.2f\n",
			i+1, s.AStart, s.AEnd, s.BStart, s.BEnd, s.Transposition, s.Score)
	}
}

// printTruth prints where the theme really is, from the examples' truth.tsv (columns file,
// start, end, key, tempo, notes; key and tempo relative to the trailer).
func printTruth(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fmt.Println("\nwhere the theme really is (" + path + "):")
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(f) < 5 || f[0] == "file" {
			continue
		}
		if len(f) < 6 {
			return fmt.Errorf("%s:%d: want 6 tab-separated fields, got %d", path, i+1, len(f))
		}
		key, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("%s:%d: key: %w", path, i+1, err)
		}
		fmt.Printf("  %-12s %6s-%6s s   %+d semitones, tempo %s\n", f[0], f[1], f[2], key, f[4])
	}
	return nil
}

// example finds a file of testdata/examples from the repository root or from this directory.
func example(name string) string {
	for _, dir := range []string{"testdata/examples", "../../testdata/examples"} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			return p
		}
	}
	log.Fatalf("cannot find testdata/examples/%s: run from the repository root or pass -a and -b", name)
	return ""
}
