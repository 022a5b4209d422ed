package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
)

const (
	indexBuildUsage  = "motif index build INDEX [--keep-going] FILE|DIR... | --list PATHS.txt"
	indexAddUsage    = "motif index add INDEX [--keep-going] FILE|DIR... | --list PATHS.txt"
	indexInfoUsage   = "motif index info INDEX [--format text|json]"
	indexSearchUsage = "motif index search INDEX QUERY... [--top K] [--format text|json] [--no-verify]"
	indexUsage       = "usage:\n  " + indexBuildUsage + "\n  " + indexAddUsage + "\n  " + indexInfoUsage + "\n  " + indexSearchUsage + "\n"
)

// runIndex runs `motif index build|add|info|search ...` and returns the exit status.
func runIndex(args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprintf(e.stderr, "motif: index needs a subcommand\n%s", indexUsage)
		return 2
	}
	switch args[0] {
	case "build":
		return runIndexAdd(args[1:], e, true)
	case "add":
		return runIndexAdd(args[1:], e, false)
	case "info":
		return runIndexInfo(args[1:], e)
	case "search":
		return runIndexSearch(args[1:], e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(e.stdout, indexUsage)
		return 0
	}
	fmt.Fprintf(e.stderr, "motif: unknown index subcommand %q\n%s", args[0], indexUsage)
	return 2
}

// runIndexAdd builds a new index (build: written beside INDEX and renamed over it, so a
// failed build leaves the old one) or appends to one (add: the old tracks are not analysed
// again).
func runIndexAdd(args []string, e env, build bool) int {
	name, line := "index add", indexAddUsage
	if build {
		name, line = "index build", indexBuildUsage
	}
	c := newCommand(name, line, e)
	list := c.fs.String("list", "", "read the file paths from `PATHS.txt`, one a line (- for standard input)")
	keepGoing := c.fs.Bool("keep-going", false, "report a bad file, leave it out and go on (exit status 1 at the end)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) == 0 {
		return c.usageError("%s needs INDEX", name)
	}
	loc := pos[0]
	paths, err := expand(pos[1:], *list, e.stdin)
	switch {
	case errors.Is(err, errUsageBoth) || errors.Is(err, errStdinTwice):
		return c.usageError("%v", err)
	case err != nil:
		return inputError(e.stderr, err)
	case len(paths) == 0:
		return c.usageError("%s needs at least one file", name)
	}
	ctx := context.Background()
	var ix *fingerprint.Index
	if !build {
		// Refuse a missing, corrupt or foreign index before analysing anything.
		if ix, err = fingerprint.Open(ctx, loc, false); err != nil {
			return indexError(e.stderr, loc, err)
		}
		defer ix.Close()
	}
	show := isTerminal(e.stderr)
	// Each track is encoded as soon as it is analysed: a build holds what the index will
	// hold (about 6 KiB a track-minute), not the chroma (31 KiB a minute).
	enc, _, skipped, err := analyzeEach(paths, e, *keepGoing, show, fingerprint.Encode)
	if err != nil {
		return inputError(e.stderr, err)
	}
	if len(enc) == 0 {
		fmt.Fprintf(e.stderr, "motif: %s: no readable file to index\n", fingerprint.Redacted(loc))
		return 1
	}
	if build {
		err = fingerprint.BuildEncoded(ctx, loc, enc)
	} else {
		err = ix.AddEncoded(ctx, enc)
	}
	if err != nil {
		return indexError(e.stderr, loc, err)
	}
	if skipped > 0 {
		return 1
	}
	return 0
}

// indexInfoJSON is the contract of `motif index info --json`.
type indexInfoJSON struct {
	Index    string  `json:"index"`
	Version  int     `json:"version"`
	Tracks   int     `json:"tracks"`
	Duration float64 `json:"duration"`
	Bytes    int64   `json:"bytes"`
}

// indexError reports a problem with INDEX, naming it once (a URL without its password): the
// index's own errors and the file system's already do.
func indexError(stderr io.Writer, loc string, err error) int {
	var ie *fingerprint.IndexError
	var pe *fs.PathError
	if errors.As(err, &ie) || errors.As(err, &pe) {
		return inputError(stderr, err)
	}
	return inputError(stderr, fmt.Errorf("%s: %w", fingerprint.Redacted(loc), err))
}

func runIndexInfo(args []string, e env) int {
	c := newCommand("index info", indexInfoUsage, e)
	fm := c.format("text", "json")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) != 1 {
		return c.usageError("index info takes one INDEX, got %d", len(pos))
	}
	ctx := context.Background()
	ix, err := fingerprint.Open(ctx, pos[0], false)
	if err != nil {
		return indexError(e.stderr, pos[0], err)
	}
	defer ix.Close()
	info, err := ix.Info(ctx)
	if err != nil {
		return indexError(e.stderr, pos[0], err)
	}
	out := indexInfoJSON{fingerprint.Redacted(pos[0]), info.Version, info.Tracks, info.Seconds, info.Bytes}
	if *fm == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return 0
	}
	fmt.Fprintf(e.stdout, "%s: leitmotif index version %d, %d tracks, %.1f minutes of audio, %d bytes\n%s\n",
		out.Index, out.Version, out.Tracks, out.Duration/60, out.Bytes, info.Params)
	return 0
}

// searchResultJSON is one result of `motif index search --json`.
type searchResultJSON struct {
	File          string        `json:"file"`
	Score         float64       `json:"score"`
	Transposition *int          `json:"transposition,omitempty"`
	Segments      []segmentJSON `json:"segments,omitempty"`
}

// searchJSON is one line of `motif index search --json`.
type searchJSON struct {
	Query   string             `json:"query"`
	Results []searchResultJSON `json:"results"`
}

func runIndexSearch(args []string, e env) int {
	c := newCommand("index search", indexSearchUsage, e)
	fm := c.format("text", "json")
	top := c.fs.Int("top", 10, "return the `K` best results of each query")
	noVerify := c.fs.Bool("no-verify", false, "the candidates of the codes alone, scored by code-match strength (not calibrated)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if *top < 1 {
		return c.usageError("--top %d: want 1 or more", *top)
	}
	if len(pos) < 2 {
		return c.usageError("index search needs INDEX and at least one QUERY")
	}
	ctx := context.Background()
	ix, err := fingerprint.Open(ctx, pos[0], false)
	if err != nil {
		return indexError(e.stderr, pos[0], err)
	}
	defer ix.Close()
	feats, queries, _, err := analyzeAll(pos[1:], e, false, false)
	if err != nil {
		return inputError(e.stderr, err)
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	for i, q := range feats {
		hits, err := ix.Search(ctx, q, fingerprint.SearchOptions{Top: *top, NoVerify: *noVerify})
		if err != nil {
			w.Flush()
			return indexError(e.stderr, pos[0], err)
		}
		line := searchJSON{Query: queries[i], Results: []searchResultJSON{}}
		for _, h := range hits {
			r := searchResultJSON{File: h.Info.Path, Score: h.Score}
			if h.Result != nil {
				t := h.Result.Transposition
				r.Transposition = &t
				for _, s := range h.Result.Segments {
					r.Segments = append(r.Segments, segmentJSON{s.AStart, s.AEnd, s.BStart, s.BEnd, s.Transposition, s.Score})
				}
			}
			line.Results = append(line.Results, r)
		}
		if *fm == "json" {
			enc.Encode(line)
			continue
		}
		for _, r := range line.Results {
			fmt.Fprintf(w, "%s\t%s\t%s\n", line.Query, r.File, strconv.FormatFloat(r.Score, 'f', 6, 64))
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return 0
}
