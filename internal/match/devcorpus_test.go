package match

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/chroma"
	"github.com/leitmotif-audio/leitmotif/internal/eval"
	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/internal/wav"
)

// devDir is the development corpus; the bars on it are enforced in package motif
// (TestDevEvaluation). Here it feeds the parameter sweeps.
const devDir = "../../testdata/dev"

// devTrack is a corpus entry with its chroma.
type devTrack struct {
	eval.Track
	frames [][12]float32
	rate   float64
}

// loadDev reads the dev corpus and computes each file's chroma with copt.
func loadDev(t testing.TB, copt chroma.Options) []devTrack {
	t.Helper()
	entries, err := eval.ReadManifest(devDir)
	if err != nil {
		t.Fatal(err)
	}
	tracks := make([]devTrack, len(entries))
	errs := make([]error, len(entries))
	parallel.For(len(entries), 0, func(i int) {
		tracks[i].Track = entries[i]
		tracks[i].frames, tracks[i].rate, errs[i] = fileChroma(filepath.Join(devDir, entries[i].File), copt)
	}, nil)
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return tracks
}

// fileChroma decodes a WAV file and returns its chroma.
func fileChroma(path string, copt chroma.Options) ([][12]float32, float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	d, err := wav.NewDecoder(f)
	if err != nil {
		return nil, 0, err
	}
	e := chroma.NewExtractor(d.Format().SampleRate, copt)
	buf := make([]float32, 8192)
	for {
		n, err := d.ReadMono(buf)
		e.Write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
	}
	r := e.Finish()
	return r.Frames, r.FrameRate, nil
}

// scoreDev compares every ordered pair of tracks under opt.
func scoreDev(tracks []devTrack, opt Options) eval.Report {
	n := len(tracks)
	seqs := make([]*Sequence, n)
	for i, t := range tracks {
		seqs[i] = Prepare(t.frames, t.rate, opt)
	}
	res := make([]eval.Outcome, n*n)
	parallel.For(n, 0, func(i int) {
		for j := range n {
			if i == j {
				continue
			}
			r := Compare(seqs[i], seqs[j], opt)
			o := eval.Outcome{Score: r.Score, Transposition: r.Transposition, TempoRatio: r.TempoRatio}
			if len(r.Segments) > 0 {
				o.BStart, o.BEnd = r.Segments[0].BStart, r.Segments[0].BEnd
			} else if len(r.Path) > 0 {
				o.BStart, o.BEnd = r.Path[0].B, r.Path[len(r.Path)-1].B
			}
			res[i*n+j] = o
		}
	}, nil)
	entries := make([]eval.Track, n)
	for i := range tracks {
		entries[i] = tracks[i].Track
	}
	return eval.Score(entries, func(i, j int) eval.Outcome { return res[i*n+j] })
}
