package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const discoverUsage = "motif discover [--format text|json|csv] [--min-length SEC] [--max-motifs N] [--keep-going] FILE|DIR... | --list PATHS.txt"

// occurrenceJSON is one occurrence of `motif discover --json`.
type occurrenceJSON struct {
	File          string  `json:"file"`
	Start         float64 `json:"start"`
	End           float64 `json:"end"`
	Transposition int     `json:"transposition"`
	Score         float64 `json:"score"`
}

// themeJSON is one motif of `motif discover --json`.
type themeJSON struct {
	ID          int              `json:"id"`
	Length      float64          `json:"length"`
	Occurrences []occurrenceJSON `json:"occurrences"`
}

// discoverJSON is the contract of `motif discover --json`.
type discoverJSON struct {
	Motifs []themeJSON `json:"motifs"`
}

// discoverFlags are the flags motif discover and motif plot discover share.
type discoverFlags struct {
	list      *string
	minLength *float64
	maxMotifs *int
}

func newDiscoverFlags(c *command, maxMotifs int, what string) discoverFlags {
	return discoverFlags{
		list:      c.fs.String("list", "", "read the file paths from `PATHS.txt`, one a line (- for standard input)"),
		minLength: c.fs.Float64("min-length", 2, "shortest occurrence of a motif, in `SEC`onds"),
		maxMotifs: c.fs.Int("max-motifs", maxMotifs, what+" at most `N` motifs, best first (0: all)"),
	}
}

// discover checks the flags, reads the inputs and runs the search. It returns the exit status
// to stop with when done is false; otherwise the features of the files kept, their paths,
// the themes, and the status to end with (1 when --keep-going left a file out).
func (d discoverFlags) discover(c *command, pos []string, e env, keepGoing bool) (feats []*motif.Features, paths []string, themes []motif.Theme, status int, done bool) {
	if !(*d.minLength > 0) || math.IsInf(*d.minLength, 0) {
		return nil, nil, nil, c.usageError("--min-length %g: want a positive number of seconds", *d.minLength), false
	}
	if *d.maxMotifs < 0 {
		return nil, nil, nil, c.usageError("--max-motifs %d: want 0 or more", *d.maxMotifs), false
	}
	paths, err := expand(pos, *d.list, e.stdin)
	switch {
	case errors.Is(err, errUsageBoth) || errors.Is(err, errStdinTwice):
		return nil, nil, nil, c.usageError("%v", err), false
	case err != nil:
		return nil, nil, nil, inputError(e.stderr, err), false
	case len(paths) == 0:
		return nil, nil, nil, c.usageError("%s needs at least one file", c.fs.Name()), false
	}
	show := isTerminal(e.stderr)
	feats, paths, skipped, err := analyzeAll(paths, e, keepGoing, show)
	if err != nil {
		return nil, nil, nil, inputError(e.stderr, err), false
	}
	if skipped > 0 {
		status = 1
	}
	tracks := make([]*motif.Track, len(feats))
	for i, f := range feats {
		tracks[i] = motif.Prepare(f, motif.CompareOptions{})
	}
	bar := newProgress(e.stderr, "searching", 0, show)
	themes = motif.Discover(tracks, motif.DiscoverOptions{MinLength: *d.minLength, MaxThemes: *d.maxMotifs, Progress: bar.update})
	bar.finish()
	return feats, paths, themes, status, true
}

func runDiscover(args []string, e env) int {
	c := newCommand("discover", discoverUsage, e)
	fm := c.format("text", "json", "csv")
	df := newDiscoverFlags(c, 0, "report")
	keepGoing := c.fs.Bool("keep-going", false, "report a bad file, leave it out and go on (exit status 1 at the end)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	_, paths, themes, status, done := df.discover(c, pos, e, *keepGoing)
	if !done {
		return status
	}
	out := discoverJSON{Motifs: []themeJSON{}}
	for k, th := range themes {
		m := themeJSON{ID: k + 1, Length: th.Length}
		for _, o := range th.Occurrences {
			m.Occurrences = append(m.Occurrences, occurrenceJSON{paths[o.Track], o.Start, o.End, o.Transposition, o.Score})
		}
		out.Motifs = append(out.Motifs, m)
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	switch *fm {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	case "csv":
		cw := newCSV(w)
		cw.Write([]string{"motif", "length", "file", "start", "end", "transposition", "score"})
		for _, m := range out.Motifs {
			for _, o := range m.Occurrences {
				cw.Write([]string{strconv.Itoa(m.ID), strconv.FormatFloat(m.Length, 'f', 3, 64), o.File,
					strconv.FormatFloat(o.Start, 'f', 3, 64), strconv.FormatFloat(o.End, 'f', 3, 64),
					strconv.Itoa(o.Transposition), strconv.FormatFloat(o.Score, 'f', 6, 64)})
			}
		}
		cw.Flush()
	default:
		if len(out.Motifs) == 0 {
			fmt.Fprintf(w, "no motif recurs in %d file(s)\n", len(paths))
		}
		for k, m := range out.Motifs {
			if k > 0 {
				w.WriteByte('\n')
			}
			fmt.Fprintf(w, "motif %d: %d occurrences, about %.1f s\n", m.ID, len(m.Occurrences), m.Length)
			for _, o := range m.Occurrences {
				fmt.Fprintf(w, "  %s %s–%s (%s)  score %.2f\n", o.File, clock(o.Start), clock(o.End), signed(o.Transposition), o.Score)
			}
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return status
}

// clock formats seconds as m:ss.s.
func clock(t float64) string {
	m := int(t / 60)
	return fmt.Sprintf("%d:%04.1f", m, t-float64(60*m))
}

// signed formats a transposition with its sign (+3, -2, 0).
func signed(t int) string {
	if t > 0 {
		return "+" + strconv.Itoa(t)
	}
	return strconv.Itoa(t)
}
