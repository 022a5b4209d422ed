package eval

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestReadThemes(t *testing.T) {
	sets, err := ReadThemes(filepath.Join("testdata", "themes"))
	if err != nil {
		t.Fatal(err)
	}
	want := []ThemeSet{
		{
			ID: "st1", Split: "tune",
			// cue2 has no theme but belongs to the set; cue1 comes back later, listed once.
			Files: []string{"st1/cue1.wav", "st1/cue2.wav", "st1/cue3.wav"},
			Themes: []Pattern{
				{ID: "hero", Occurrences: []Occurrence{
					occ("st1/cue1.wav", 2.5, 10.5, 0), occ("st1/cue3.wav", 12, 20, -14), occ("st1/cue1.wav", 60, 68, 7),
				}},
				{ID: "villain", Occurrences: []Occurrence{occ("st1/cue1.wav", 30, 36.25, 3)}},
			},
		},
		{
			// Theme ids are per set: this hero is not st1's.
			ID: "st2", Split: "heldout",
			Files: []string{"st2/a.wav", "st2/b.wav"},
			Themes: []Pattern{
				{ID: "hero", Occurrences: []Occurrence{occ("st2/a.wav", 0, 6, 5)}},
				{ID: "love", Occurrences: []Occurrence{occ("st2/b.wav", 1, 9, 0)}},
			},
		},
	}
	if !reflect.DeepEqual(sets, want) {
		t.Errorf("got  %+v\nwant %+v", sets, want)
	}
}

func TestReadThemesColumnOrderAndNoThemeRows(t *testing.T) {
	// Columns in another order; a "-" row's span and key are not read.
	dir := t.TempDir()
	writeThemes(t, dir, "split\tkey\tend\tstart\ttheme\tfile\tset\n"+
		"tune\t\t\t\t-\tx.wav\ts\n"+
		"tune\t2\t4\t1\tA\ty.wav\ts\n")
	sets, err := ReadThemes(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []ThemeSet{{ID: "s", Split: "tune", Files: []string{"x.wav", "y.wav"},
		Themes: []Pattern{{ID: "A", Occurrences: []Occurrence{occ("y.wav", 1, 4, 2)}}}}}
	if !reflect.DeepEqual(sets, want) {
		t.Errorf("got %+v, want %+v", sets, want)
	}
}

func TestReadThemesErrors(t *testing.T) {
	const header = "set\tfile\ttheme\tstart\tend\tkey\tsplit\n"
	const good = "s\ta.wav\tA\t0\t8\t0\ttune\n"
	tests := []struct {
		name, content string
		msg           string // the error names the file and line and says this
		wrapsNum      bool   // the error wraps strconv's
	}{
		{"bad start", header + good + "s\ta.wav\tA\tx\t8\t0\ttune\n", `themes.tsv:3: bad start "x"`, true},
		{"bad end", header + good + "\n" + "s\ta.wav\tA\t1\t\t0\ttune\n", `themes.tsv:4: bad end ""`, true},
		{"bad key", header + "s\ta.wav\tA\t0\t8\t1.5\ttune\n", `themes.tsv:2: bad key "1.5"`, true},
		{"end before start", header + "s\ta.wav\tA\t8\t2\t0\ttune\n", `themes.tsv:2: bad span 8..2`, false},
		{"NaN", header + "s\ta.wav\tA\tNaN\t2\t0\ttune\n", `themes.tsv:2: bad span`, false},
		{"infinite", header + "s\ta.wav\tA\t0\tinf\t0\ttune\n", `themes.tsv:2: bad span`, false},
		{"bad split", header + "s\ta.wav\tA\t0\t8\t0\ttest\n", `themes.tsv:2: bad split "test"`, false},
		{"mixed split", header + good + "s\tb.wav\t-\t0\t0\t0\theldout\n", `themes.tsv:3: split "heldout" of set "s"`, false},
		{"empty theme", header + "s\ta.wav\t\t0\t8\t0\ttune\n", `themes.tsv:2: empty set, file or theme`, false},
		{"short line", header + "s\ta.wav\n", `themes.tsv:2: empty set, file or theme`, false},
		{"missing column", "set\tfile\ttheme\tstart\tend\tsplit\n" + good, `themes.tsv: no "key" column`, false},
		{"no rows", header, `themes.tsv: no rows`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeThemes(t, dir, tt.content)
			_, err := ReadThemes(dir)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want one saying %q", err, tt.msg)
			}
			if tt.wrapsNum != errors.Is(err, strconv.ErrSyntax) {
				t.Errorf("error %v: wraps strconv.ErrSyntax = %v, want %v", err, !tt.wrapsNum, tt.wrapsNum)
			}
		})
	}
	if _, err := ReadThemes(t.TempDir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

func writeThemes(t *testing.T, dir, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "themes.tsv"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
