package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const rankUsage = "motif rank [--format tsv|csv|json|jsonl] [--top K] [--keep-going] FILE|DIR... | --list PATHS.txt"

// rankJSON is one pair of `motif rank --format json|jsonl`.
type rankJSON struct {
	Query         string  `json:"query"`
	Candidate     string  `json:"candidate"`
	Score         float64 `json:"score"`
	Transposition int     `json:"transposition"`
	TempoRatio    float64 `json:"tempo_ratio"`
}

func runRank(args []string, e env) int {
	c := newCommand("rank", rankUsage, e)
	fm := c.format("tsv", "csv", "json", "jsonl")
	list := c.fs.String("list", "", "read the file paths from `PATHS.txt`, one a line (- for standard input)")
	top := c.fs.Int("top", 0, "keep the `K` best candidates of each query, best first (0: every pair, in input order)")
	keepGoing := c.fs.Bool("keep-going", false, "report a bad file, leave it out and go on (exit status 1 at the end)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if *top < 0 {
		return c.usageError("--top %d: want 0 or more", *top)
	}
	paths, err := expand(pos, *list, e.stdin)
	switch {
	case errors.Is(err, errUsageBoth) || errors.Is(err, errStdinTwice):
		return c.usageError("%v", err)
	case err != nil:
		return inputError(e.stderr, err)
	case len(paths) < 2:
		return c.usageError("rank needs at least two files, got %d", len(paths))
	}
	show := isTerminal(e.stderr)
	feats, paths, skipped, err := analyzeAll(paths, e, *keepGoing, show)
	if err != nil {
		return inputError(e.stderr, err)
	}
	status := 0
	if skipped > 0 {
		status = 1
	}
	if len(feats) < 2 {
		fmt.Fprintf(e.stderr, "motif: rank: %d readable files, at least two needed\n", len(feats))
		return 1
	}
	tracks := make([]*motif.Track, len(feats))
	for i, f := range feats {
		tracks[i] = motif.Prepare(f, motif.CompareOptions{})
	}
	bar := newProgress(e.stderr, "comparing", len(tracks)*(len(tracks)-1), show)
	entries := motif.Rank(tracks, motif.RankOptions{Progress: bar.update})
	bar.finish()
	if *top > 0 {
		entries = bestPerQuery(entries, *top)
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	pair := func(x motif.RankEntry) rankJSON {
		return rankJSON{paths[x.Query], paths[x.Candidate], x.Result.Score, x.Result.Transposition, x.Result.TempoRatio}
	}
	switch *fm {
	case "json":
		out := make([]rankJSON, len(entries))
		for i, x := range entries {
			out[i] = pair(x)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.Encode(out)
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, x := range entries {
			enc.Encode(pair(x))
		}
	case "csv":
		cw := newCSV(w)
		cw.Write([]string{"query", "candidate", "score", "transposition", "tempo_ratio"})
		for _, x := range entries {
			cw.Write([]string{paths[x.Query], paths[x.Candidate], strconv.FormatFloat(x.Result.Score, 'f', 6, 64),
				strconv.Itoa(x.Result.Transposition), strconv.FormatFloat(x.Result.TempoRatio, 'f', 4, 64)})
		}
		cw.Flush()
	default:
		for _, x := range entries {
			w.WriteString(paths[x.Query])
			w.WriteByte('\t')
			w.WriteString(paths[x.Candidate])
			w.WriteByte('\t')
			w.WriteString(strconv.FormatFloat(x.Result.Score, 'f', 6, 64))
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return status
}

// bestPerQuery keeps the k best-scoring candidates of each query (query-major input), best first.
func bestPerQuery(entries []motif.RankEntry, k int) []motif.RankEntry {
	var out []motif.RankEntry
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].Query == entries[i].Query {
			j++
		}
		group := entries[i:j]
		sort.SliceStable(group, func(a, b int) bool { return group[a].Result.Score > group[b].Result.Score })
		out = append(out, group[:min(k, len(group))]...)
		i = j
	}
	return out
}
