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
	plotChromaUsage  = "motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]"
	plotCompareUsage = "motif plot compare A B -o OUT.png"
	plotUsage        = "usage:\n  " + plotChromaUsage + "\n  " + plotCompareUsage + "\n"
)

// runPlot runs `motif plot chroma|compare ...` and returns the exit status.
func runPlot(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "motif: plot needs a kind of plot\n%s", plotUsage)
		return 2
	}
	switch args[0] {
	case "chroma":
		return runPlotChroma(args[1:], stderr)
	case "compare":
		return runPlotCompare(args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, plotUsage)
		return 0
	}
	fmt.Fprintf(stderr, "motif: unknown plot %q\n%s", args[0], plotUsage)
	return 2
}

func runPlotChroma(args []string, stderr io.Writer) int {
	fs := newFlagSet("plot chroma", plotChromaUsage, stderr)
	out := fs.String("o", "", "write the PNG to `OUT.png`")
	kind := fs.String("kind", "hpcp", "chroma kind: hpcp, stft or cens")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return usageError(stderr, plotChromaUsage, "plot chroma takes one FILE, got %d", len(pos))
	}
	if *out == "" {
		return usageError(stderr, plotChromaUsage, "plot chroma needs -o OUT.png")
	}
	k, ok := parseKind(*kind)
	if !ok {
		return usageError(stderr, plotChromaUsage, "unknown kind %q", *kind)
	}
	feat, err := motif.AnalyzeFile(pos[0], motif.ChromaOptions{Kind: k})
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

func runPlotCompare(args []string, stderr io.Writer) int {
	fs := newFlagSet("plot compare", plotCompareUsage, stderr)
	out := fs.String("o", "", "write the PNG to `OUT.png`")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		return usageError(stderr, plotCompareUsage, "plot compare takes two files, got %d", len(pos))
	}
	if *out == "" {
		return usageError(stderr, plotCompareUsage, "plot compare needs -o OUT.png")
	}
	feats, err := analyzeAll(pos, stderr, false)
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
