package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const compareUsage = "motif compare A B [--json]"

type fileJSON struct {
	File     string  `json:"file"`
	Duration float64 `json:"duration"`
}

type segmentJSON struct {
	AStart        float64 `json:"a_start"`
	AEnd          float64 `json:"a_end"`
	BStart        float64 `json:"b_start"`
	BEnd          float64 `json:"b_end"`
	Transposition int     `json:"transposition"`
	Score         float64 `json:"score"`
}

// compareJSON is the contract of `motif compare --json`.
type compareJSON struct {
	A             fileJSON      `json:"a"`
	B             fileJSON      `json:"b"`
	Score         float64       `json:"score"`
	Transposition int           `json:"transposition"`
	TempoRatio    float64       `json:"tempo_ratio"`
	Segments      []segmentJSON `json:"segments"`
}

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("compare", compareUsage, stderr)
	asJSON := fs.Bool("json", false, "write JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		return usageError(stderr, compareUsage, "compare takes two files, got %d", len(pos))
	}
	feats, err := analyzeAll(pos, stderr, false)
	if err != nil {
		return inputError(stderr, err)
	}
	r := motif.Compare(feats[0], feats[1], motif.CompareOptions{})
	if *asJSON {
		out := compareJSON{
			A:             fileJSON{pos[0], feats[0].Duration},
			B:             fileJSON{pos[1], feats[1].Duration},
			Score:         r.Score,
			Transposition: r.Transposition,
			TempoRatio:    r.TempoRatio,
			Segments:      []segmentJSON{},
		}
		for _, s := range r.Segments {
			out.Segments = append(out.Segments, segmentJSON{s.AStart, s.AEnd, s.BStart, s.BEnd, s.Transposition, s.Score})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "motif: writing output: %v\n", err)
			return 1
		}
		return 0
	}
	verdict := "no shared melody"
	if r.Score >= motif.Threshold {
		verdict = "same melody"
	}
	fmt.Fprintf(stdout, "A: %s (%.1f s)\nB: %s (%.1f s)\n", pos[0], feats[0].Duration, pos[1], feats[1].Duration)
	fmt.Fprintf(stdout, "score %.3f (%s), transposition %+d semitones, tempo ratio %.2f\n", r.Score, verdict, r.Transposition, r.TempoRatio)
	for i, s := range r.Segments {
		fmt.Fprintf(stdout, "  segment %d: A %6.1f-%6.1f s  <->  B %6.1f-%6.1f s  transposition %+d  score %.3f\n",
			i+1, s.AStart, s.AEnd, s.BStart, s.BEnd, s.Transposition, s.Score)
	}
	return 0
}
