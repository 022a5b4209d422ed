package main

import (
	"encoding/json"
	"fmt"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const compareUsage = "motif compare A B [--format text|json] [--max-segments N]"

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

func runCompare(args []string, e env) int {
	c := newCommand("compare", compareUsage, e)
	fm := c.format("text", "json")
	maxSeg := c.fs.Int("max-segments", 5, "report at most `N` segments (1 or more)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) != 2 {
		return c.usageError("compare takes two files, got %d", len(pos))
	}
	if *maxSeg < 1 {
		return c.usageError("--max-segments %d: want 1 or more", *maxSeg)
	}
	if pos[0] == stdinName && pos[1] == stdinName {
		return c.usageError("%v", errStdinTwice)
	}
	feats, _, _, err := analyzeAll(pos, e, false, false)
	if err != nil {
		return inputError(e.stderr, err)
	}
	r := motif.Compare(feats[0], feats[1], motif.CompareOptions{MaxSegments: *maxSeg})
	if *fm == "json" {
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
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(e.stderr, "motif: writing output: %v\n", err)
			return 1
		}
		return 0
	}
	verdict := "no shared melody"
	if r.Score >= motif.Threshold {
		verdict = "same melody"
	}
	fmt.Fprintf(e.stdout, "A: %s (%.1f s)\nB: %s (%.1f s)\n", pos[0], feats[0].Duration, pos[1], feats[1].Duration)
	fmt.Fprintf(e.stdout, "score %.3f (%s), transposition %+d semitones, tempo ratio %.2f\n", r.Score, verdict, r.Transposition, r.TempoRatio)
	for i, s := range r.Segments {
		fmt.Fprintf(e.stdout, "  segment %d: A %6.1f-%6.1f s  <->  B %6.1f-%6.1f s  transposition %+d  score %.3f\n",
			i+1, s.AStart, s.AEnd, s.BStart, s.BEnd, s.Transposition, s.Score)
	}
	return 0
}
