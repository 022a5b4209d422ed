package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/leitmotif-audio/leitmotif/motif"
	"github.com/leitmotif-audio/leitmotif/motif/plot"
)

const (
	plotChromaUsage   = "motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]"
	plotCompareUsage  = "motif plot compare A B -o OUT.png"
	plotDiscoverUsage = "motif plot discover FILE|DIR... -o OUT.png [--min-length SEC] [--max-motifs N] | --list PATHS.txt"
	plotUsage         = "usage:\n  " + plotChromaUsage + "\n  " + plotCompareUsage + "\n  " + plotDiscoverUsage + "\n"
)

// runPlot runs `motif plot chroma|compare ...` and returns the exit status.
func runPlot(args []string, e env) int {
	stdout, stderr := e.stdout, e.stderr
	if len(args) == 0 {
		fmt.Fprintf(stderr, "motif: plot needs a kind of plot\n%s", plotUsage)
		return 2
	}
	switch args[0] {
	case "chroma":
		return runPlotChroma(args[1:], e)
	case "compare":
		return runPlotCompare(args[1:], e)
	case "discover":
		return runPlotDiscover(args[1:], e)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, plotUsage)
		return 0
	}
	fmt.Fprintf(stderr, "motif: unknown plot %q\n%s", args[0], plotUsage)
	return 2
}

func runPlotChroma(args []string, e env) int {
	stderr := e.stderr
	c := newCommand("plot chroma", plotChromaUsage, e)
	out := c.fs.String("o", "", "write the PNG to `OUT.png`")
	kind := c.fs.String("kind", "hpcp", "chroma kind: hpcp, stft or cens")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) != 1 {
		return c.usageError("plot chroma takes one FILE, got %d", len(pos))
	}
	if *out == "" {
		return c.usageError("plot chroma needs -o OUT.png")
	}
	k, ok := parseKind(*kind)
	if !ok {
		return c.usageError("unknown kind %q", *kind)
	}
	feat, err := analyze(pos[0], motif.ChromaOptions{Kind: k}, e.stdin)
	if err != nil {
		return inputError(stderr, err)
	}
	for _, w := range feat.Warnings {
		printWarning(stderr, pos[0], w)
	}
	img, err := plot.Chromagram(feat, "")
	if err != nil {
		return inputError(stderr, fmt.Errorf("%s: %w", pos[0], err))
	}
	return writePlot(stderr, *out, img)
}

func runPlotCompare(args []string, e env) int {
	stderr := e.stderr
	c := newCommand("plot compare", plotCompareUsage, e)
	out := c.fs.String("o", "", "write the PNG to `OUT.png`")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) != 2 {
		return c.usageError("plot compare takes two files, got %d", len(pos))
	}
	if *out == "" {
		return c.usageError("plot compare needs -o OUT.png")
	}
	if pos[0] == stdinName && pos[1] == stdinName {
		return c.usageError("%v", errStdinTwice)
	}
	feats, _, _, err := analyzeAll(pos, e, false, false)
	if err != nil {
		return inputError(stderr, err)
	}
	var opt motif.CompareOptions
	a, b := motif.Prepare(feats[0], opt), motif.Prepare(feats[1], opt)
	r := motif.CompareTracks(a, b, opt)
	sim := motif.CrossSimilarity(a, b, r.Transposition)
	img, err := plot.Compare(feats[0], feats[1], r, sim)
	if err != nil {
		// The only data problem left is a track too short to have a matrix at all.
		return inputError(stderr, fmt.Errorf("%s, %s: %w", pos[0], pos[1], err))
	}
	return writePlot(stderr, *out, img)
}

func runPlotDiscover(args []string, e env) int {
	c := newCommand("plot discover", plotDiscoverUsage, e)
	out := c.fs.String("o", "", "write the PNG to `OUT.png`")
	df := newDiscoverFlags(c, 8, "draw")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if *out == "" {
		return c.usageError("plot discover needs -o OUT.png")
	}
	feats, _, themes, code, done := df.discover(c, pos, e, false)
	if !done {
		return code
	}
	img, err := plot.Timeline(feats, themes, "")
	if err != nil {
		return inputError(e.stderr, err)
	}
	return writePlot(e.stderr, *out, img)
}

// writePlot renders img in memory before creating path, so a failure leaves no half-written
// file behind.
func writePlot(stderr io.Writer, path string, img io.WriterTo) int {
	var buf bytes.Buffer
	if _, err := img.WriteTo(&buf); err != nil {
		fmt.Fprintf(stderr, "motif: %s: rendering: %v\n", path, err)
		return 1
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return inputError(stderr, err)
	}
	return 0
}
