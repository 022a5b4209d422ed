package main

import (
	"io"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// analyzeAll computes HPCP features of every file, spread over all cores. The first error (in
// argument order) wins; warnings are printed after the work.
func analyzeAll(paths []string, stderr io.Writer, progress bool) ([]*motif.Features, error) {
	feats := make([]*motif.Features, len(paths))
	errs := make([]error, len(paths))
	var bar *progressBar
	var report func(done, total int)
	if progress {
		bar = newProgressBar(stderr, "analysing")
		report = bar.update
	}
	parallel.For(len(paths), 0, func(i int) {
		feats[i], errs[i] = motif.AnalyzeFile(paths[i], motif.ChromaOptions{})
	}, report)
	if bar != nil {
		bar.finish() // clear the bar before any warning is printed
	}
	for i, err := range errs {
		if err != nil {
			return nil, err
		}
		for _, w := range feats[i].Warnings {
			printWarning(stderr, paths[i], w)
		}
	}
	return feats, nil
}
