package main

import (
	"io"
	"runtime"
	"sync"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// analyzeAll computes HPCP features of every file, spread over all cores. The first error (in
// argument order) wins; warnings are printed as they are met.
func analyzeAll(paths []string, stderr io.Writer, progress bool) ([]*motif.Features, error) {
	feats := make([]*motif.Features, len(paths))
	errs := make([]error, len(paths))
	var bar *progressBar
	if progress {
		bar = newProgressBar(stderr, "analysing")
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		next = make(chan int)
	)
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				feats[i], errs[i] = motif.AnalyzeFile(paths[i], motif.ChromaOptions{})
				mu.Lock()
				done++
				if bar != nil {
					bar.update(done, len(paths))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	if bar != nil {
		bar.finish()
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
