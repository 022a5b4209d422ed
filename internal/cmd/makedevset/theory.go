package main

import (
	"fmt"
	"strconv"
	"strings"
)

func mod12(x int) int { return ((x % 12) + 12) % 12 }

// wrapKey maps a semitone difference into -5..6, the range the manifests use.
func wrapKey(x int) int {
	x = mod12(x)
	if x > 6 {
		x -= 12
	}
	return x
}

var letterPC = map[byte]int{'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}

// parsePitchClass reads a letter with optional '#' or 'b' from the start of s and returns the
// pitch class and the number of bytes consumed.
func parsePitchClass(s string) (pc, n int, err error) {
	if s == "" {
		return 0, 0, fmt.Errorf("empty pitch")
	}
	pc, ok := letterPC[s[0]]
	if !ok {
		return 0, 0, fmt.Errorf("bad pitch letter in %q", s)
	}
	n = 1
	for n < len(s) && (s[n] == '#' || s[n] == 'b') {
		if s[n] == '#' {
			pc++
		} else {
			pc--
		}
		n++
	}
	return pc, n, nil
}

// parsePitch reads scientific pitch notation ("C4" = 60, "F#3", "Bb4") as a MIDI note.
func parsePitch(s string) (int, error) {
	pc, n, err := parsePitchClass(s)
	if err != nil {
		return 0, err
	}
	oct, err := strconv.Atoi(s[n:])
	if err != nil {
		return 0, fmt.Errorf("bad octave in %q", s)
	}
	return 12*(oct+1) + pc, nil
}

// Chord is a root pitch class and the intervals of its tones above the root.
type Chord struct {
	Root      int
	Intervals []int
}

var qualities = map[string][]int{
	"": {0, 4, 7}, "m": {0, 3, 7}, "7": {0, 4, 7, 10}, "maj7": {0, 4, 7, 11},
	"m7": {0, 3, 7, 10}, "dim": {0, 3, 6}, "m7b5": {0, 3, 6, 10}, "6": {0, 4, 7, 9},
	"sus4": {0, 5, 7}, "aug": {0, 4, 8},
}

func parseChord(s string) (Chord, error) {
	root, n, err := parsePitchClass(s)
	if err != nil {
		return Chord{}, err
	}
	iv, ok := qualities[s[n:]]
	if !ok {
		return Chord{}, fmt.Errorf("unknown chord quality in %q", s)
	}
	return Chord{mod12(root), iv}, nil
}

// Seventh returns the chord with a seventh added the way a jazz pianist would voice a
// plain triad: major -> maj7, minor -> m7, diminished -> m7b5; chords that already have
// four tones are kept.
func (c Chord) Seventh() Chord {
	if len(c.Intervals) != 3 {
		return c
	}
	switch c.Intervals[1]*10 + c.Intervals[2] {
	case 47:
		return Chord{c.Root, qualities["maj7"]}
	case 37:
		return Chord{c.Root, qualities["m7"]}
	case 36:
		return Chord{c.Root, qualities["m7b5"]}
	}
	return c
}

// Transpose shifts the chord by k semitones.
func (c Chord) Transpose(k int) Chord { return Chord{mod12(c.Root + k), c.Intervals} }

// Tones returns the chord's tones as pitches, each the lowest one at or above lo.
func (c Chord) Tones(lo int) []int {
	out := make([]int, len(c.Intervals))
	for i, iv := range c.Intervals {
		out[i] = lo + mod12(c.Root+iv-lo)
	}
	return out
}

// ChordSpan is a chord over a time span in beats.
type ChordSpan struct {
	Start, Dur float64
	Chord      Chord
}

// parseChords reads one chord per bar separated by blanks or '|'; a bar holding two or more
// chords joins them with '-' and splits the bar evenly. Bars start at offset, meter beats each.
func parseChords(s string, offset float64, meter int) ([]ChordSpan, error) {
	var out []ChordSpan
	t := offset
	for _, bar := range strings.Fields(strings.ReplaceAll(s, "|", " ")) {
		names := strings.Split(bar, "-")
		d := float64(meter) / float64(len(names))
		for _, nm := range names {
			c, err := parseChord(nm)
			if err != nil {
				return nil, err
			}
			out = append(out, ChordSpan{t, d, c})
			t += d
		}
	}
	return out, nil
}

// Scale is a tonic and the pitch classes of a mode relative to it.
type Scale struct {
	Tonic int
	Steps []int
}

var modes = map[string][]int{
	"major":  {0, 2, 4, 5, 7, 9, 11},
	"minor":  {0, 2, 3, 5, 7, 8, 10, 11}, // natural minor plus the leading tone
	"dorian": {0, 2, 3, 5, 7, 9, 10},
}

// Contains reports whether pitch p belongs to the scale.
func (s Scale) Contains(p int) bool {
	d := mod12(p - s.Tonic)
	for _, x := range s.Steps {
		if x == d {
			return true
		}
	}
	return false
}

// Step returns the scale pitch n steps above (n > 0) or below (n < 0) pitch p.
func (s Scale) Step(p, n int) int {
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		p += dir
		for !s.Contains(p) {
			p += dir
		}
	}
	return p
}
