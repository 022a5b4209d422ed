package eval

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cols map[string]int
	var tracks []Track
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, c := range fields {
				cols[c] = i
			}
			for _, c := range []string{"file", "work", "role", "key", "tempo", "start", "end"} {
				if _, ok := cols[c]; !ok {
					return nil, fmt.Errorf("%s: no %q column", name, c)
				}
			}
			continue
		}
		get := func(c string) string {
			if i, ok := cols[c]; ok && i < len(fields) {
				return fields[i]
			}
			return ""
		}
		t := Track{File: get("file"), Work: get("work"), Role: get("role"), Material: get("material"), Split: get("split"), Genre: get("genre")}
		var e1, e2, e3, e4 error
		t.Key, e1 = strconv.Atoi(get("key"))
		t.Tempo, e2 = strconv.ParseFloat(get("tempo"), 64)
		t.Start, e3 = strconv.ParseFloat(get("start"), 64)
		t.End, e4 = strconv.ParseFloat(get("end"), 64)
		if err := errors.Join(e1, e2, e3, e4); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
		}
		if t.File == "" || t.Work == "" {
			return nil, fmt.Errorf("%s: line %d: empty file or work", name, line)
		}
		tracks = append(tracks, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(tracks) == 0 {
		return nil, fmt.Errorf("%s: no tracks", name)
	}
	return tracks, nil
}
