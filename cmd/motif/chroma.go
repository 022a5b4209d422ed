package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const chromaUsage = "motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens]"

// chromaJSON is the contract of `motif chroma --format json`.
type chromaJSON struct {
	File         string        `json:"file"`
	Duration     float64       `json:"duration"`
	SampleRate   int           `json:"sample_rate"`
	FrameRate    float64       `json:"frame_rate"`
	Kind         string        `json:"kind"`
	TuningCents  float64       `json:"tuning_cents"`
	PitchClasses [12]string    `json:"pitch_classes"`
	Frames       [][12]float32 `json:"frames"`
}

func runChroma(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("chroma", chromaUsage, stderr)
	format := fs.String("format", "json", "output format: json or csv")
	kind := fs.String("kind", "hpcp", "chroma kind: hpcp, stft or cens")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return usageError(stderr, chromaUsage, "chroma takes one FILE, got %d", len(pos))
	}
	if *format != "json" && *format != "csv" {
		return usageError(stderr, chromaUsage, "unknown format %q", *format)
	}
	k, ok := parseKind(*kind)
	if !ok {
		return usageError(stderr, chromaUsage, "unknown kind %q", *kind)
	}
	feat, err := motif.AnalyzeFile(pos[0], motif.ChromaOptions{Kind: k})
	if err != nil {
		return inputError(stderr, err)
	}
	for _, w := range feat.Warnings {
		printWarning(stderr, pos[0], w)
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	if *format == "csv" {
		writeChromaCSV(w, feat)
	} else {
		enc := json.NewEncoder(w)
		frames := feat.Frames
		if frames == nil {
			frames = [][12]float32{}
		}
		enc.Encode(chromaJSON{
			File: pos[0], Duration: feat.Duration, SampleRate: feat.SampleRate,
			FrameRate: feat.FrameRate, Kind: string(feat.Kind), TuningCents: feat.TuningCents,
			PitchClasses: motif.PitchClasses(), Frames: frames,
		})
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return 0
}

func parseKind(s string) (motif.Kind, bool) {
	switch k := motif.Kind(s); k {
	case motif.HPCP, motif.STFT, motif.CENS:
		return k, true
	}
	return "", false
}

// writeChromaCSV writes one row a frame with its centre time; strconv keeps it fast for long files.
func writeChromaCSV(w *bufio.Writer, feat *motif.Features) {
	w.WriteString("time")
	for _, pc := range motif.PitchClasses() {
		w.WriteByte(',')
		w.WriteString(pc)
	}
	w.WriteByte('\n')
	var buf []byte
	for i, fr := range feat.Frames {
		buf = strconv.AppendFloat(buf[:0], float64(i)/feat.FrameRate, 'f', 4, 64)
		for _, v := range fr {
			buf = append(buf, ',')
			buf = strconv.AppendFloat(buf, float64(v), 'g', 5, 32)
		}
		buf = append(buf, '\n')
		w.Write(buf)
	}
}
