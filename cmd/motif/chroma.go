package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/leitmotif-audio/leitmotif/motif"
)

const chromaUsage = "motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens] [--min-freq HZ] [--rate HZ] [--hop N]"

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

func runChroma(args []string, e env) int {
	c := newCommand("chroma", chromaUsage, e)
	fm := c.format("json", "csv")
	kind := c.fs.String("kind", "hpcp", "chroma kind: hpcp, stft or cens")
	minFreq := c.fs.Float64("min-freq", 0, "lowest analysed frequency in `Hz` (0: 200 Hz, the melody band; 65.4 for the full band from C2)")
	rate := c.fs.Int("rate", 0, "analysis sample rate in `Hz` (0: 11025)")
	hop := c.fs.Int("hop", 0, "frame hop in `samples` at the analysis rate (0: half the 2048-sample frame)")
	pos, err := c.parse(args)
	if err != nil {
		return status(err)
	}
	if len(pos) != 1 {
		return c.usageError("chroma takes one FILE, got %d", len(pos))
	}
	k, ok := parseKind(*kind)
	if !ok {
		return c.usageError("unknown kind %q", *kind)
	}
	opt := motif.ChromaOptions{Kind: k, MinFreq: *minFreq, AnalysisRate: *rate, Hop: *hop}
	feat, err := analyze(pos[0], opt, e.stdin)
	var oe *motif.OptionError
	if errors.As(err, &oe) {
		return c.usageError("%v", optionFlag(oe))
	}
	if err != nil {
		return inputError(e.stderr, err)
	}
	for _, w := range feat.Warnings {
		printWarning(e.stderr, pos[0], w)
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	if *fm == "csv" {
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
		fmt.Fprintf(e.stderr, "motif: writing output: %v\n", err)
		return 1
	}
	return 0
}

// optionFlag rephrases an option error in terms of the command's flags.
func optionFlag(oe *motif.OptionError) string {
	flag := map[string]string{"MinFreq": "--min-freq", "AnalysisRate": "--rate", "Hop": "--hop"}[oe.Field]
	if flag == "" {
		return oe.Error()
	}
	return flag + " " + oe.Value + " " + oe.Problem
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
