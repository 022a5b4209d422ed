// Soundtrack-motifs asks leitmotif's second question of a small soundtrack: which melodies
// come back across its cues, and where? Nobody tells it the themes. It prints each motif
// found with every occurrence (file, time span, transposition against the motif's first
// occurrence) and draws them on a timeline, one row per cue.
//
// From the root of the repository:
//
//	go run ./examples/soundtrack-motifs
//	go run ./examples/soundtrack-motifs -o motifs.png my-cues/*.flac
//
// Without arguments it reads the four cues of testdata/examples/soundtrack (looked up from the
// current directory, then from two levels up), prints where the two planted themes really are
// (from themes.tsv) after the result, and writes soundtrack-motifs.png in the current
// directory.
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"sort"

	"github.com/leitmotif-audio/leitmotif/motif"
	"github.com/leitmotif-audio/leitmotif/motif/plot"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("soundtrack-motifs: ")
	out := flag.String("o", "soundtrack-motifs.png", "where to write the timeline")
	minLength := flag.Float64("min-length", 2, "shortest occurrence, seconds")
	flag.Parse()
	files := flag.Args()
	truth := ""
	if len(files) == 0 {
		dir := exampleDir()
		matches, err := filepath.Glob(filepath.Join(dir, "*.wav"))
		if err != nil || len(matches) == 0 {
			log.Fatalf("no cues in %s", dir)
		}
		sort.Strings(matches)
		files, truth = matches, filepath.Join(dir, "themes.tsv")
	}

	feats := make([]*motif.Features, len(files))
	tracks := make([]*motif.Track, len(files))
	for i, name := range files {
		f, err := motif.AnalyzeFile(name, motif.ChromaOptions{})
		if err != nil {
			log.Fatal(err)
		}
		feats[i], tracks[i] = f, motif.Prepare(f, motif.CompareOptions{})
	}
	themes := motif.Discover(tracks, motif.DiscoverOptions{MinLength: *minLength})
	report(os.Stdout, files, themes)
	if truth != "" {
		if err := printTruth(os.Stdout, truth); err != nil {
			log.Fatal(err)
		}
	}

	img, err := plot.Timeline(feats, themes, "")
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := img.WriteTo(f); err != nil {
		f.Close()
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\ntimeline written to %s\n", *out)
}

// report prints each motif and its occurrences.
func report(w io.Writer, files []string, themes []motif.Theme) {
	if len(themes) == 0 {
		fmt.Fprintln(w, "no motif recurs")
	}
	for k, th := range themes {
		fmt.Fprintf(w, "motif %d: heard %d times, about %.1f s\n", k+1, len(th.Occurrences), th.Length)
		for _, o := range th.Occurrences {
			fmt.Fprintf(w, "  %-22s %6.1f-%6.1f s  %+d semitones  score %.2f\n",
				filepath.Base(files[o.Track]), o.Start, o.End, o.Transposition, o.Score)
		}
	}
}

// printTruth prints the planted themes of themes.tsv (columns set, file, theme, start, end,
// key, split; a theme "-" marks a cue without one).
func printTruth(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintln(w, "\nwhere the themes really are (key against the theme's reference):")
	for i, row := range rows {
		if i == 0 || len(row) < 6 || row[2] == "-" {
			continue
		}
		fmt.Fprintf(w, "  theme %s  %-22s %6s-%6s s  key %s\n", row[2], row[1], row[3], row[4], row[5])
	}
	return nil
}

// exampleDir finds testdata/examples/soundtrack from the repository root or from this
// example's directory.
func exampleDir() string {
	for _, dir := range []string{"testdata/examples/soundtrack", "../../testdata/examples/soundtrack"} {
		if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
			return dir
		}
	}
	log.Fatal("cannot find testdata/examples/soundtrack: run from the repository root or name the files")
	return ""
}
