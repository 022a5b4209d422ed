package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
	"github.com/leitmotif-audio/leitmotif/internal/audio"
	"github.com/leitmotif-audio/leitmotif/internal/wav/wavtest"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// Verbatim queries: the reuse of a recording itself (a cue dropped into a trailer, a
// broadcast of the track), which the melody codes must find too. Each file of the set gives
// one: an excerpt of verbatimSeconds at a random place, its level halved, a first-order
// low-pass at 3 kHz (a cheap speaker), and white noise at 10 dB SNR.
const verbatimSeconds = 15

// verbatimQuery reads the file at path and returns the features of its degraded excerpt;
// with out not "", it also writes the excerpt there as a 16-bit WAV, for the peers.
func verbatimQuery(path, out string, rng *rand.Rand) (*motif.Features, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := audio.NewDecoder(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rate := d.Format().SampleRate
	var x []float32
	buf := make([]float32, 1<<16)
	for {
		n, err := d.ReadMono(buf)
		x = append(x, buf[:n]...)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	n := min(len(x), verbatimSeconds*rate)
	start := rng.Intn(len(x) - n + 1)
	y := make([]float32, n)
	a := float32(1 - math.Exp(-2*math.Pi*3000/float64(rate)))
	var lp, pow float32
	for i := range y {
		lp += a * (0.5*x[start+i] - lp)
		y[i] = lp
		pow += lp * lp
	}
	sigma := math.Sqrt(float64(pow) / float64(max(n, 1)) / 10)
	for i := range y {
		y[i] = max(-1, min(1, y[i]+float32(sigma*rng.NormFloat64())))
	}
	if out != "" {
		w, err := os.Create(out)
		if err != nil {
			return nil, err
		}
		err = wavtest.Encode(w, [][]float32{y}, rate, wavtest.Options{Bits: 16})
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
	}
	return motif.AnalyzeSamples(y, rate, motif.ChromaOptions{})
}

// verbatim queries the index (all, coded; the set's files first, numbered as in files)
// with a verbatim excerpt of every file, and prints how often the file itself is the first
// candidate, and the first after verification of 10. With out not "", the excerpts are
// written in that directory, named after their files.
func verbatim(dir, out string, files []string, all []entry, lookup func([]uint32) []fingerprint.Posting) error {
	rng := rand.New(rand.NewSource(7))
	var hit1, hit10, verified1, sameWork int
	for i, name := range files {
		dst := ""
		if out != "" {
			dst = filepath.Join(out, strings.ReplaceAll(name, "/", "_")+".verbatim.wav")
		}
		f, err := verbatimQuery(filepath.Join(dir, name), dst, rng)
		if err != nil {
			return err
		}
		q := fingerprint.QueryCodes(f)
		cands := fingerprint.Vote(q, lookup(distinctHashes(q)), 10)
		if len(cands) > 0 && int(cands[0].Track) == i {
			hit1++
		}
		qt := motif.Prepare(f, motif.CompareOptions{})
		best, bestScore := -1, -1.0
		for _, c := range cands {
			if int(c.Track) == i {
				hit10++
			}
			if s := motif.CompareTracks(qt, all[c.Track].track, motif.CompareOptions{}).Score; s > bestScore {
				best, bestScore = int(c.Track), s
			}
		}
		if best == i {
			verified1++
		} else if best >= 0 && all[best].work == all[i].work {
			sameWork++
		}
	}
	n := float64(len(files))
	fmt.Printf("  %-20s queries %3d  candidates hit@1 %.3f  hit@10 %.3f  verified hit@1 %.3f (of the misses, %d another file of the work)\n",
		"verbatim excerpts", len(files), float64(hit1)/n, float64(hit10)/n, float64(verified1)/n, sameWork)
	return nil
}
