package eval

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
)

// NoTheme is the theme of a themes.tsv row that only says a file belongs to its set: the file
// holds no planted occurrence.
const NoTheme = "-"

// ThemeSet is one group of files analysed together (a soundtrack) with its planted themes.
type ThemeSet struct {
	ID    string
	Split string // tune or heldout
	// Files are the set's files, relative to the directory, in order of first appearance,
	// including those without any theme.
	Files []string
	// Themes are the set's themes in order of first appearance, each with its occurrences
	// in row order; an occurrence's Transposition is its key against the theme's reference
	// key.
	Themes []Pattern
}

// ReadThemes reads the ground truth of motif discovery, dir/themes.tsv: tab-separated, with a
// header naming the columns set, file, theme, start, end, key and split (in any order). Each
// row is one occurrence of a theme (unique within its set) in a file of the set: start and
// end in seconds, key in semitones against the theme's reference key. A row whose theme is
// NoTheme ("-") only puts its file in the set; its start, end and key are not read. All rows
// of a set must have the same split, tune or heldout. Sets come in order of first
// appearance.
func ReadThemes(dir string) ([]ThemeSet, error) {
	name := filepath.Join(dir, "themes.tsv")
	var sets []ThemeSet
	setIndex := map[string]int{}
	// Per set: which files and themes it has already, and where the theme is in Themes.
	type seen struct {
		files  map[string]bool
		themes map[string]int
	}
	var seenOf []seen
	err := readTable(name, []string{"set", "file", "theme", "start", "end", "key", "split"}, func(line int, get func(string) string) error {
		at := fmt.Sprintf("%s:%d", name, line)
		set, file, theme, split := get("set"), get("file"), get("theme"), get("split")
		if set == "" || file == "" || theme == "" {
			return fmt.Errorf("%s: empty set, file or theme", at)
		}
		if split != "tune" && split != "heldout" {
			return fmt.Errorf("%s: bad split %q (want tune or heldout)", at, split)
		}
		si, ok := setIndex[set]
		if !ok {
			si = len(sets)
			setIndex[set] = si
			sets = append(sets, ThemeSet{ID: set, Split: split})
			seenOf = append(seenOf, seen{files: map[string]bool{}, themes: map[string]int{}})
		}
		s, sn := &sets[si], seenOf[si]
		if split != s.Split {
			return fmt.Errorf("%s: split %q of set %q, which is %q above", at, split, set, s.Split)
		}
		if !sn.files[file] {
			sn.files[file] = true
			s.Files = append(s.Files, file)
		}
		if theme == NoTheme {
			return nil
		}
		o := Occurrence{File: file}
		var err error
		if o.Start, err = strconv.ParseFloat(get("start"), 64); err != nil {
			return fmt.Errorf("%s: bad start %q: %w", at, get("start"), err)
		}
		if o.End, err = strconv.ParseFloat(get("end"), 64); err != nil {
			return fmt.Errorf("%s: bad end %q: %w", at, get("end"), err)
		}
		if o.Transposition, err = strconv.Atoi(get("key")); err != nil {
			return fmt.Errorf("%s: bad key %q: %w", at, get("key"), err)
		}
		// NaN fails every comparison, so the check is written to reject it.
		if !(o.Start >= 0 && o.End > o.Start) || math.IsInf(o.End, 0) {
			return fmt.Errorf("%s: bad span %g..%g", at, o.Start, o.End)
		}
		ti, ok := sn.themes[theme]
		if !ok {
			ti = len(s.Themes)
			sn.themes[theme] = ti
			s.Themes = append(s.Themes, Pattern{ID: theme})
		}
		s.Themes[ti].Occurrences = append(s.Themes[ti].Occurrences, o)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	return sets, nil
}
