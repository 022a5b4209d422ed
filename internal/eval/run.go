package eval

import (
	"errors"
	"path/filepath"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
)

// Run reads the corpus in dir, prepares every track with prepare (given the file's path) and
// scores every ordered pair with compare, spreading both over all cores. It returns the
// report and the manifest's tracks.
func Run[T any](dir string, prepare func(path string) (T, error), compare func(a, b T) Outcome) (Report, []Track, error) {
	tracks, err := ReadManifest(dir)
	if err != nil {
		return Report{}, nil, err
	}
	n := len(tracks)
	prepared := make([]T, n)
	errs := make([]error, n)
	parallel.For(n, 0, func(i int) {
		prepared[i], errs[i] = prepare(filepath.Join(dir, tracks[i].File))
	}, nil)
	if err := errors.Join(errs...); err != nil {
		return Report{}, nil, err
	}
	res := make([]Outcome, n*n)
	parallel.For(n, 0, func(i int) {
		for j := range n {
			if i != j {
				res[i*n+j] = compare(prepared[i], prepared[j])
			}
		}
	}, nil)
	return Score(tracks, func(i, j int) Outcome { return res[i*n+j] }), tracks, nil
}
