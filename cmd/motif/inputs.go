package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// stdinName is the FILE argument that means standard input.
const stdinName = "-"

// audioExts are the extensions of the files a directory argument contributes; the format of
// each is still recognised by its content.
var audioExts = map[string]bool{".wav": true, ".wave": true, ".flac": true, ".mp3": true, ".ogg": true, ".oga": true}

// expand resolves the FILE arguments of a command: a directory becomes the audio files under it
// (sorted, searched recursively), a list file (--list; "-" for standard input) its lines. Standard
// input may be read once only.
func expand(pos []string, list string, stdin io.Reader) ([]string, error) {
	if list != "" {
		if len(pos) > 0 {
			return nil, errUsageBoth
		}
		var err error
		if pos, err = readList(list, stdin); err != nil {
			return nil, err
		}
	}
	var paths []string
	for _, p := range pos {
		if p == stdinName {
			paths = append(paths, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			paths = append(paths, p) // a missing file is reported when it is read
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && audioExts[strings.ToLower(filepath.Ext(path))] {
				paths = append(paths, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	n := 0
	for _, p := range paths {
		if p == stdinName {
			n++
		}
	}
	if n > 1 || (n > 0 && list == stdinName) {
		return nil, errStdinTwice
	}
	return paths, nil
}

var (
	errUsageBoth  = errors.New("give files or --list, not both")
	errStdinTwice = errors.New("standard input (-) can be read only once")
)

// readList reads one path a line from the file name ("-": standard input); blank lines and
// lines starting with # are skipped.
func readList(name string, stdin io.Reader) ([]string, error) {
	var r io.Reader = stdin
	if name != stdinName {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var paths []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			paths = append(paths, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return paths, nil
}

// analyze computes the features of one input: a file, or standard input for "-".
func analyze(path string, opt motif.ChromaOptions, stdin io.Reader) (*motif.Features, error) {
	if path != stdinName {
		return motif.AnalyzeFile(path, opt)
	}
	f, err := motif.Analyze(stdin, opt)
	if err != nil {
		return nil, &motif.FileError{Path: path, Err: err}
	}
	f.File = path
	return f, nil
}

// analyzeAll computes HPCP features of every input, spread over all cores. Without keepGoing
// the first error (in argument order) is returned and nothing else; with it every bad input is
// reported as "motif: FILE: problem" and left out, and skipped says how many were. Warnings are
// printed after the work, once any progress bar is cleared.
func analyzeAll(paths []string, e env, keepGoing, progress bool) (feats []*motif.Features, kept []string, skipped int, err error) {
	return analyzeEach(paths, e, keepGoing, progress, func(f *motif.Features) (*motif.Features, error) { return f, nil })
}

// analyzeEach is analyzeAll turning each file's features into what conv makes of them as
// soon as they are computed, so that only that is kept (an index build keeps the encoded
// tracks, not the chroma). An error of conv counts as the file's.
func analyzeEach[T any](paths []string, e env, keepGoing, progress bool, conv func(*motif.Features) (T, error)) (out []T, kept []string, skipped int, err error) {
	all := make([]T, len(paths))
	ok := make([]bool, len(paths))
	warnings := make([][]string, len(paths))
	errs := make([]error, len(paths))
	bar := newProgress(e.stderr, "analysing", len(paths), progress)
	parallel.For(len(paths), 0, func(i int) {
		f, err := analyze(paths[i], motif.ChromaOptions{}, e.stdin)
		if err == nil {
			warnings[i] = f.Warnings
			all[i], err = conv(f)
		}
		errs[i], ok[i] = err, err == nil
	}, bar.update)
	bar.finish()
	for _, err := range errs {
		if err == nil {
			continue
		}
		if !keepGoing {
			return nil, nil, 0, err
		}
		inputError(e.stderr, err)
		skipped++
	}
	for i := range all {
		if !ok[i] {
			continue
		}
		for _, w := range warnings[i] {
			printWarning(e.stderr, paths[i], w)
		}
		out = append(out, all[i])
		kept = append(kept, paths[i])
	}
	return out, kept, skipped, nil
}
