package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const rankUsage = "motif rank [--format tsv|json] FILE... | --list PATHS.txt"

type rankJSON struct {
	Query         string  `json:"query"`
	Candidate     string  `json:"candidate"`
	Score         float64 `json:"score"`
	Transposition int     `json:"transposition"`
	TempoRatio    float64 `json:"tempo_ratio"`
}

func runRank(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rank", rankUsage, stderr)
	format := fs.String("format", "tsv", "output format: tsv or json")
	list := fs.String("list", "", "read the file paths from this file, one a line")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if *format != "tsv" && *format != "json" {
		return usageError(stderr, rankUsage, "unknown format %q", *format)
	}
	paths := pos
	if *list != "" {
		if len(pos) > 0 {
			return usageError(stderr, rankUsage, "give files or --list, not both")
		}
		paths, err = readList(*list)
		if err != nil {
			return inputError(stderr, err)
		}
	}
	if len(paths) < 2 {
		return usageError(stderr, rankUsage, "rank needs at least two files, got %d", len(paths))
	}
	progress := isTerminal(stderr)
	feats, err := analyzeAll(paths, stderr, progress)
	if err != nil {
		return inputError(stderr, err)
	}
	tracks := make([]*motif.Track, len(feats))
	for i, f := range feats {
		tracks[i] = motif.Prepare(f, motif.CompareOptions{})
	}
	opt := motif.RankOptions{}
	if progress {
		bar := newProgressBar(stderr, "comparing")
		opt.Progress = bar.update
		defer bar.finish()
	}
	entries := motif.Rank(tracks, opt)

	w := bufio.NewWriterSize(stdout, 1<<16)
	if *format == "json" {
		out := make([]rankJSON, len(entries))
		for i, e := range entries {
			out[i] = rankJSON{paths[e.Query], paths[e.Candidate], e.Result.Score, e.Result.Transposition, e.Result.TempoRatio}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	} else {
		for _, e := range entries {
			w.WriteString(paths[e.Query])
			w.WriteByte('\t')
			w.WriteString(paths[e.Candidate])
			w.WriteByte('\t')
			w.WriteString(strconv.FormatFloat(e.Result.Score, 'f', 6, 64))
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return 0
}

// readList reads one path a line; blank lines and lines starting with # are skipped.
func readList(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			paths = append(paths, line)
		}
	}
	return paths, nil
}
