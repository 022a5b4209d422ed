package eval

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
)

// Track is one entry of a corpus manifest.
type Track struct {
	File  string  // path relative to the corpus directory
	Work  string  // the melody it carries; tracks of one work are relevant to each other
	Role  string  // arrangement, host or distractor
	Key   int     // semitones of the melody against the work's reference key
	Tempo float64 // tempo against the work's reference tempo
	// Start and End are the seconds where the work's melody sounds in the file (both 0 for a
	// host that hides nothing).
	Start, End float64
	// Material is the kind of music (optional column): lead, orchestral, band, motif, real.
	Material string
	// Split is the half of the set (optional column): tune or heldout.
	Split string
	// Genre refines real recordings (optional column): orchestral or band.
	Genre string
}

// ReadManifest reads dir/manifest.tsv.
func ReadManifest(dir string) ([]Track, error) {
	name := filepath.Join(dir, "manifest.tsv")
	var tracks []Track
	err := readTable(name, []string{"file", "work", "role", "key", "tempo", "start", "end"}, func(line int, get func(string) string) error {
		t := Track{File: get("file"), Work: get("work"), Role: get("role"), Material: get("material"), Split: get("split"), Genre: get("genre")}
		var e1, e2, e3, e4 error
		t.Key, e1 = strconv.Atoi(get("key"))
		t.Tempo, e2 = strconv.ParseFloat(get("tempo"), 64)
		t.Start, e3 = strconv.ParseFloat(get("start"), 64)
		t.End, e4 = strconv.ParseFloat(get("end"), 64)
		if err := errors.Join(e1, e2, e3, e4); err != nil {
			return fmt.Errorf("%s: line %d: %w", name, line, err)
		}
		if t.File == "" || t.Work == "" {
			return fmt.Errorf("%s: line %d: empty file or work", name, line)
		}
		tracks = append(tracks, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(tracks) == 0 {
		return nil, fmt.Errorf("%s: no tracks", name)
	}
	return tracks, nil
}
