package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Tune is a transcribed melody with its harmony: the reference version of a work.
type Tune struct {
	ID, Title string
	Meter     int     // beats (quarter notes) per bar
	Compound  bool    // the beat divides in three (6/8 written as 3 quarters a bar)
	Pickup    float64 // beats before the first full bar
	BPM       float64 // reference tempo, quarter notes per minute
	Tonic     string  // key, e.g. "C", "F#"
	Mode      string  // major, minor or dorian
	Melody    string  // notes "E4:1 D4:.5 r:1 ~:2" (r rest, ~ tie; duration defaults to the previous one), '|' bar lines
	Chords    string  // one chord per bar from the first full bar on, see parseChords
	Source    string  // where the tune comes from
}

// Parsed is a tune turned into notes and chord spans, times in beats from the first note.
type Parsed struct {
	*Tune
	Notes  []Note
	Chords []ChordSpan
	Scale  Scale
	Bars   int     // full bars after the pickup (a last partial bar counts as one)
	Length float64 // beats from the first note's start to the end of the last bar
}

const eps = 1e-6

func parseDur(s string) (float64, error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		return x / y, nil
	}
	return strconv.ParseFloat(s, 64)
}

// Parse checks the transcription (every bar lasts the meter, the pickup and the last bar
// together make one bar or the last bar is partial) and returns its notes and chords.
func (t *Tune) Parse() (*Parsed, error) {
	p := &Parsed{Tune: t}
	tonic, _, err := parsePitchClass(t.Tonic)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t.ID, err)
	}
	steps, ok := modes[t.Mode]
	if !ok {
		return nil, fmt.Errorf("%s: unknown mode %q", t.ID, t.Mode)
	}
	p.Scale = Scale{mod12(tonic), steps}
	bars := strings.Split(t.Melody, "|")
	now, dur := 0.0, 1.0
	for i, bar := range bars {
		barStart := now
		for _, tok := range strings.Fields(bar) {
			ps, ds, hasDur := strings.Cut(tok, ":")
			if hasDur {
				if dur, err = parseDur(ds); err != nil || dur <= 0 {
					return nil, fmt.Errorf("%s: bar %d: bad duration in %q", t.ID, i, tok)
				}
			}
			switch ps {
			case "r":
			case "~": // tie: the previous note goes on
				if len(p.Notes) == 0 || math.Abs(p.Notes[len(p.Notes)-1].Start+p.Notes[len(p.Notes)-1].Dur-now) > eps {
					return nil, fmt.Errorf("%s: bar %d: tie without a note before it", t.ID, i)
				}
				p.Notes[len(p.Notes)-1].Dur += dur
			default:
				pitch, err := parsePitch(ps)
				if err != nil {
					return nil, fmt.Errorf("%s: bar %d: %w", t.ID, i, err)
				}
				p.Notes = append(p.Notes, Note{Start: now, Dur: dur, Pitch: pitch})
			}
			now += dur
		}
		got := now - barStart
		want := float64(t.Meter)
		switch {
		case i == 0 && t.Pickup > 0:
			want = t.Pickup
		case i == len(bars)-1:
			if got > want+eps {
				return nil, fmt.Errorf("%s: last bar lasts %g beats, more than %d", t.ID, got, t.Meter)
			}
			want = got
		}
		if math.Abs(got-want) > eps {
			return nil, fmt.Errorf("%s: bar %d lasts %g beats, want %g", t.ID, i, got, want)
		}
	}
	p.Bars = int(math.Ceil((now - t.Pickup - eps) / float64(t.Meter)))
	p.Length = t.Pickup + float64(p.Bars*t.Meter)
	if p.Chords, err = parseChords(t.Chords, t.Pickup, t.Meter); err != nil {
		return nil, fmt.Errorf("%s: %w", t.ID, err)
	}
	var cend float64
	if n := len(p.Chords); n > 0 {
		cend = p.Chords[n-1].Start + p.Chords[n-1].Dur
	}
	if math.Abs(cend-p.Length) > eps {
		return nil, fmt.Errorf("%s: chords cover %g beats, melody bars %g", t.ID, cend-t.Pickup, p.Length-t.Pickup)
	}
	return p, nil
}

// MustParse is Parse for the built-in tunes, whose transcriptions are checked by the tests.
func (t *Tune) MustParse() *Parsed {
	p, err := t.Parse()
	if err != nil {
		panic(err)
	}
	return p
}

// Excerpt returns bars [a, b) of the tune (counting full bars from 0; bar 0 includes the
// pickup) as notes and chords shifted to start at beat 0, plus the excerpt's length.
func (p *Parsed) Excerpt(a, b int) (notes []Note, chords []ChordSpan, length float64) {
	lo := p.Pickup + float64(a*p.Meter)
	if a == 0 {
		lo = 0
	}
	hi := p.Pickup + float64(b*p.Meter)
	for _, n := range p.Notes {
		if n.Start >= lo-eps && n.Start < hi-eps {
			n.Start -= lo
			notes = append(notes, n)
		}
	}
	for _, c := range p.Chords {
		if c.Start >= lo-eps && c.Start < hi-eps {
			c.Start -= lo
			chords = append(chords, c)
		}
	}
	return notes, chords, hi - lo
}
