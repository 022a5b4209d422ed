package synth

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
)

// Note is one note of a melody. Onset and Dur are in beats.
type Note struct {
	Pitch int     // MIDI note number (60 = middle C)
	Onset float64 // beats from the start of the melody
	Dur   float64 // beats
}

// Melody is a monophonic line with the key information the accompaniment
// needs.
type Melody struct {
	Name        string
	Tonic       int  // pitch class of the key's tonic (0 = C)
	Minor       bool // minor (aeolian) rather than major key
	BeatsPerBar int
	Notes       []Note
}

// Beats returns the length of the melody in beats (end of the last note,
// rounded up to a whole bar).
func (m Melody) Beats() float64 {
	end := 0.0
	for _, n := range m.Notes {
		if e := n.Onset + n.Dur; e > end {
			end = e
		}
	}
	bpb := float64(m.bpb())
	bars := float64(int(end/bpb+0.999999)) * bpb
	if bars < end {
		bars = end
	}
	return bars
}

func (m Melody) bpb() int {
	if m.BeatsPerBar <= 0 {
		return 4
	}
	return m.BeatsPerBar
}

// Transposed returns a copy of m shifted by k semitones.
func (m Melody) Transposed(k int) Melody {
	out := m
	out.Tonic = ((m.Tonic+k)%12 + 12) % 12
	out.Notes = make([]Note, len(m.Notes))
	for i, n := range m.Notes {
		n.Pitch += k
		out.Notes[i] = n
	}
	return out
}

// Concat joins melodies one after the other (each starting on a bar line);
// key and metre are taken from the first.
func Concat(name string, ms ...Melody) Melody {
	if len(ms) == 0 {
		return Melody{Name: name}
	}
	out := Melody{Name: name, Tonic: ms[0].Tonic, Minor: ms[0].Minor, BeatsPerBar: ms[0].bpb()}
	off := 0.0
	for _, m := range ms {
		for _, n := range m.Notes {
			n.Onset += off
			out.Notes = append(out.Notes, n)
		}
		off += m.Beats()
	}
	return out
}

// Parse reads a melody written as space-separated tokens NAME[:BEATS],
// e.g. "C4 D4 E4:2 R:1 F#4:0.5 Bb3". A missing duration means one beat; R
// is a rest. "|" bar lines are ignored. Octave 4 holds middle C (MIDI 60).
func Parse(name string, tonic int, minor bool, beatsPerBar int, s string) (Melody, error) {
	m := Melody{Name: name, Tonic: tonic, Minor: minor, BeatsPerBar: beatsPerBar}
	t := 0.0
	for _, tok := range strings.Fields(s) {
		if tok == "|" {
			continue
		}
		nm, ds, hasDur := strings.Cut(tok, ":")
		dur := 1.0
		if hasDur {
			d, err := strconv.ParseFloat(ds, 64)
			if err != nil || d <= 0 {
				return Melody{}, fmt.Errorf("synth: bad duration in %q", tok)
			}
			dur = d
		}
		if nm != "R" {
			p, err := pitch(nm)
			if err != nil {
				return Melody{}, err
			}
			m.Notes = append(m.Notes, Note{Pitch: p, Onset: t, Dur: dur})
		}
		t += dur
	}
	return m, nil
}

func pitch(s string) (int, error) {
	if len(s) < 2 {
		return 0, fmt.Errorf("synth: bad note %q", s)
	}
	base := map[byte]int{'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}
	pc, ok := base[s[0]]
	if !ok {
		return 0, fmt.Errorf("synth: bad note %q", s)
	}
	rest := s[1:]
	for len(rest) > 0 && (rest[0] == '#' || rest[0] == 'b') {
		if rest[0] == '#' {
			pc++
		} else {
			pc--
		}
		rest = rest[1:]
	}
	oct, err := strconv.Atoi(rest)
	if err != nil {
		return 0, fmt.Errorf("synth: bad octave in %q", s)
	}
	return 12*(oct+1) + pc, nil
}

func mustParse(name string, tonic int, minor bool, bpb int, s string) Melody {
	m, err := Parse(name, tonic, minor, bpb, s)
	if err != nil {
		panic(err) // the built-in tunes are constants: a parse error is a bug
	}
	return m
}

// Random returns a random diatonic melody of the given number of 4/4 bars
// in the key of tonic (major), a random walk with mixed note lengths: an
// unrelated "distractor" melody for tests.
func Random(seed int64, bars, tonic int) Melody {
	rng := rand.New(rand.NewSource(seed))
	scale := []int{0, 2, 4, 5, 7, 9, 11}
	m := Melody{Name: fmt.Sprintf("random-%d", seed), Tonic: tonic, BeatsPerBar: 4}
	deg := 7 + rng.Intn(5) // scale degree index around the 4th octave
	durs := []float64{0.5, 0.5, 1, 1, 1, 1.5, 2}
	for bar := 0; bar < bars; bar++ {
		t := 0.0
		for t < 4-1e-9 {
			d := durs[rng.Intn(len(durs))]
			if t+d > 4 {
				d = 4 - t
			}
			deg += rng.Intn(5) - 2
			if rng.Intn(6) == 0 {
				deg += rng.Intn(7) - 3 // an occasional leap
			}
			deg = max(3, min(deg, 15))
			p := 48 + tonic + 12*(deg/7) + scale[deg%7]
			m.Notes = append(m.Notes, Note{Pitch: p, Onset: float64(bar*4) + t, Dur: d})
			t += d
		}
	}
	return m
}
