package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leitmotif-audio/leitmotif/internal/parallel"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// realPieceSeconds is the length of the pieces real recordings are cut into as distractors:
// a catalogue holds cues and songs of a minute or a few, and pieces make a few hours of
// game music into hundreds of catalogue entries.
const realPieceSeconds = 60

// realDistractors analyses every audio file under dir that leitmotif reads (WAV, FLAC, MP3,
// Ogg Vorbis; others, such as Opus, are skipped and counted) and cuts each into pieces of
// realPieceSeconds (a last piece under half of that is dropped), coded as distractor tracks.
func realDistractors(dir, cache string, plain bool) ([]entry, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && slices.Contains([]string{".wav", ".flac", ".mp3", ".ogg"}, strings.ToLower(filepath.Ext(p))) {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(paths)
	feats := make([]*motif.Features, len(paths))
	parallel.For(len(paths), 0, func(i int) {
		abs, _ := filepath.Abs(paths[i])
		f, err := cached(cache, "real"+strings.ReplaceAll(abs, "/", "_"), func() (*motif.Features, error) {
			return motif.AnalyzeFile(paths[i], motif.ChromaOptions{})
		})
		if err == nil {
			feats[i] = f
		}
	}, nil)
	var out []entry
	skipped := 0
	for i, f := range feats {
		if f == nil {
			skipped++
			continue
		}
		n := int(realPieceSeconds * f.FrameRate)
		for k, start := 0, 0; start+n/2 <= len(f.Frames); k, start = k+1, start+n {
			piece := *f
			piece.Frames = f.Frames[start:min(start+n, len(f.Frames))]
			piece.Duration = float64(len(piece.Frames)) / f.FrameRate
			name := fmt.Sprintf("real:%s#%d", filepath.Base(paths[i]), k)
			out = append(out, newEntry(name, "r"+name, "distractor", "distractor", 0, &piece, plain))
		}
	}
	fmt.Fprintf(os.Stderr, "codeseval: %d real distractor pieces of %d s from %d files under %s (%d not read)\n",
		len(out), realPieceSeconds, len(paths)-skipped, dir, skipped)
	return out, nil
}
