package main

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Lead is a melody instrument: a GM program and the pitch its melodies are centred on.
type Lead struct {
	Name    string
	Program int
	Centre  int  // the melody's median pitch is moved by octaves towards this
	Legato  bool // sustaining instruments hold notes to the next one
	Volume  int  // CC7; soft-attack instruments are pushed up so the tune stays on top
}

var leads = map[string]Lead{
	"piano":     {"piano", 0, 67, false, 110},
	"epiano":    {"electric piano", 4, 67, false, 110},
	"vibes":     {"vibraphone", 11, 72, false, 110},
	"organ":     {"drawbar organ", 16, 67, true, 110},
	"accordion": {"accordion", 21, 67, true, 112},
	"guitar":    {"nylon guitar", 24, 64, false, 110},
	"violin":    {"violin", 40, 74, true, 127},
	"strings":   {"string ensemble", 48, 69, true, 122},
	"oohs":      {"voice oohs", 53, 67, true, 120},
	"trumpet":   {"trumpet", 56, 70, true, 110},
	"brass":     {"brass section", 61, 67, true, 118},
	"altosax":   {"alto sax", 65, 65, true, 110},
	"oboe":      {"oboe", 68, 72, true, 118},
	"clarinet":  {"clarinet", 71, 67, true, 110},
	"flute":     {"flute", 73, 79, true, 110},
}

// Style is how a melody is arranged.
type Style struct {
	Lead      string // key of leads
	Chords    string // "" (none), block, pad, arp, comp7
	ChordProg int
	Bass      string // "" (none), root, walk
	BassProg  int
	Drums     string // "" (none), beat (a pattern fitting the meter), jazz, brush
	Swing     bool   // eighth notes long-short (2:1), the whole score
	Ornaments float64
	Sevenths  bool
}

// builder collects parts by name so sections can be appended one after another.
type builder struct {
	score *Score
	idx   map[string]int
	rng   *rand.Rand
}

func newBuilder(bpm float64, meter int, seed uint64) *builder {
	return &builder{score: &Score{BPM: bpm, Meter: meter}, idx: map[string]int{}, rng: rand.New(rand.NewPCG(seed, 0x1e17))}
}

func (b *builder) part(name string, program int, drums bool, vol, rev int) *Part {
	key := name
	if i, ok := b.idx[key]; ok {
		return &b.score.Parts[i]
	}
	b.idx[key] = len(b.score.Parts)
	b.score.Parts = append(b.score.Parts, Part{Name: name, Program: program, Drums: drums, Volume: vol, Reverb: rev})
	return &b.score.Parts[len(b.score.Parts)-1]
}

func (b *builder) vel(base, spread int) int {
	return base + int(math.Round((b.rng.Float64()-0.5)*float64(spread)))
}

// octaveFor returns the octave shift (in semitones) moving the notes' median pitch nearest
// to centre.
func octaveFor(notes []Note, key, centre int) int {
	if len(notes) == 0 {
		return 0
	}
	ps := make([]int, len(notes))
	for i, n := range notes {
		ps[i] = n.Pitch + key
	}
	sort.Ints(ps)
	med := ps[len(ps)/2]
	return 12 * int(math.Round(float64(centre-med)/12))
}

// ornament adds grace notes, passing notes, repeated notes and mordents to a melody (in the
// reference key) with probability p per note; the melody's pitch sequence and metre stay
// recognisable, which is exactly what a matcher must survive.
func ornament(notes []Note, sc Scale, p float64, rng *rand.Rand) []Note {
	if p <= 0 {
		return notes
	}
	var out []Note
	for i, n := range notes {
		r := rng.Float64()
		next := -1
		if i+1 < len(notes) && math.Abs(notes[i+1].Start-(n.Start+n.Dur)) < eps {
			next = notes[i+1].Pitch
		}
		gap := next - n.Pitch
		switch {
		case r < p*0.3 && len(out) > 0 && out[len(out)-1].Dur >= 0.5 &&
			math.Abs(out[len(out)-1].Start+out[len(out)-1].Dur-n.Start) < eps:
			// grace note from the upper neighbour, stealing time from the previous note
			out[len(out)-1].Dur -= 0.125
			out = append(out, Note{n.Start - 0.125, 0.125, sc.Step(n.Pitch, 1), n.Vel - 10}, n)
		case r < p*0.6 && next >= 0 && n.Dur >= 1 && (abs(gap) == 3 || abs(gap) == 4):
			// passing note filling the third to the next note
			h := n.Dur / 2
			pass := sc.Step(n.Pitch, sign(gap))
			out = append(out, Note{n.Start, h, n.Pitch, n.Vel}, Note{n.Start + h, h, pass, n.Vel - 8})
		case r < p*0.8 && n.Dur >= 2:
			// repeated-note embellishment
			k := 2
			if n.Dur >= 3 {
				k = 3
			}
			d := n.Dur / float64(k)
			for j := range k {
				out = append(out, Note{n.Start + float64(j)*d, d, n.Pitch, n.Vel - 6*j})
			}
		case r < p && n.Dur >= 1:
			// mordent: main note, upper neighbour, main note
			out = append(out, Note{n.Start, 0.125, n.Pitch, n.Vel}, Note{n.Start + 0.125, 0.125, sc.Step(n.Pitch, 1), n.Vel - 8},
				Note{n.Start + 0.25, n.Dur - 0.25, n.Pitch, n.Vel})
		default:
			out = append(out, n)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func sign(x int) int {
	if x < 0 {
		return -1
	}
	return 1
}

// swingWarp maps straight time to swung time: the second eighth of every beat starts at
// two thirds of the beat instead of half way.
func swingWarp(t float64) float64 {
	b := math.Floor(t + eps)
	f := t - b
	if f < 0 {
		f = 0
	}
	if f <= 0.5 {
		return b + f*4/3
	}
	return b + 2.0/3 + (f-0.5)*2/3
}

// Section is a stretch of music: a melody (may be empty) over chords, placed at Offset
// beats in the score.
type Section struct {
	Offset   float64
	Notes    []Note      // melody in the reference key, times from the section start
	Chords   []ChordSpan // times from the section start, reference key
	Length   float64     // beats
	Key      int         // semitones added to melody and chords
	Meter    int
	Compound bool
	Scale    Scale
	Style    Style
	LeadName string // part name for the melody (sections sharing it share the track)
}

// add renders a section into the builder and returns the span of its melody in beats.
func (b *builder) add(s Section) (first, last float64) {
	st := s.Style
	first, last = math.Inf(1), math.Inf(-1)
	if len(s.Notes) > 0 && st.Lead != "" {
		ld := leads[st.Lead]
		name := s.LeadName
		if name == "" {
			name = "lead " + ld.Name
		}
		p := b.part(name, ld.Program, false, ld.Volume, 30)
		notes := make([]Note, len(s.Notes))
		for i, n := range s.Notes {
			n.Vel = b.vel(98, 16)
			notes[i] = n
		}
		notes = ornament(notes, s.Scale, st.Ornaments, b.rng)
		oct := octaveFor(s.Notes, s.Key, ld.Centre)
		for i, n := range notes {
			first = min(first, s.Offset+n.Start)
			last = max(last, s.Offset+n.Start+n.Dur)
			art := 0.9
			if ld.Legato {
				art = 0.97
			}
			if i+1 < len(notes) && notes[i+1].Start > n.Start+n.Dur+eps {
				art = 1 // a rest follows: hold the full value
			}
			p.Notes = append(p.Notes, Note{s.Offset + n.Start, n.Dur * art, n.Pitch + s.Key + oct, n.Vel})
		}
	}
	for _, cs := range s.Chords {
		c := cs.Chord.Transpose(s.Key)
		if st.Sevenths {
			c = c.Seventh()
		}
		t0 := s.Offset + cs.Start
		if st.Chords != "" {
			b.chords(st, c, t0, cs.Dur, s.Compound)
		}
		if st.Bass != "" {
			b.bass(st, c, t0, cs.Dur, s.Chords, cs.Start, s.Key)
		}
	}
	if st.Drums != "" {
		barStart := 0.0
		if len(s.Chords) > 0 {
			barStart = s.Chords[0].Start
		}
		for t := barStart; t < s.Length-eps; t += float64(s.Meter) {
			b.drumBar(st.Drums, s.Offset+t, s.Meter, s.Compound)
		}
	}
	b.score.End = max(b.score.End, s.Offset+s.Length)
	return first, last
}

func (b *builder) chords(st Style, c Chord, t0, dur float64, compound bool) {
	switch st.Chords {
	case "pad":
		p := b.part("pad", st.ChordProg, false, 80, 50)
		v := b.vel(58, 6)
		for _, x := range c.Tones(55) {
			p.Notes = append(p.Notes, Note{t0, dur * 0.98, x, v})
		}
	case "block":
		p := b.part("chords", st.ChordProg, false, 85, 30)
		step := 1.0
		if compound {
			step = 1.5
		}
		for t := 0.0; t < dur-eps; t += step {
			v := b.vel(56, 8)
			if t == 0 {
				v += 6
			}
			for _, x := range c.Tones(55) {
				p.Notes = append(p.Notes, Note{t0 + t, step * 0.8, x, v})
			}
		}
	case "arp":
		p := b.part("arpeggio", st.ChordProg, false, 85, 40)
		tones := c.Tones(52)
		tones = append(tones, tones[0]+12)
		for i, t := 0, 0.0; t < dur-eps; i, t = i+1, t+0.5 {
			p.Notes = append(p.Notes, Note{t0 + t, 0.9, tones[i%len(tones)], b.vel(54, 10)})
		}
	case "comp7":
		// Charleston-like comping: on the beat, then the "and" of the next beat
		p := b.part("comping", st.ChordProg, false, 85, 35)
		for t := 0.0; t < dur-eps; t += 2 {
			for _, off := range []float64{0, 1.5} {
				if t+off >= dur-eps {
					break
				}
				v := b.vel(55, 10)
				for _, x := range c.Tones(53) {
					p.Notes = append(p.Notes, Note{t0 + t + off, 0.45, x, v})
				}
			}
		}
	}
}

func (b *builder) bass(st Style, c Chord, t0, dur float64, all []ChordSpan, start float64, key int) {
	p := b.part("bass", st.BassProg, false, 100, 20)
	root := 33 + mod12(c.Root-33) // A1..G#2
	switch st.Bass {
	case "walk":
		// next chord's root, for the chromatic approach note
		nextRoot := root
		for _, cs := range all {
			if cs.Start > start+eps {
				nr := cs.Chord.Transpose(key).Root
				nextRoot = 33 + mod12(nr-33)
				break
			}
		}
		third := root + c.Intervals[1]
		fifth := root + c.Intervals[2]
		line := []int{root, third, fifth, nextRoot + 1}
		if b.rng.IntN(2) == 0 {
			line[3] = nextRoot - 1
		}
		if dur <= 2+eps {
			line = []int{root, nextRoot - 1}
		}
		for i, t := 0, 0.0; t < dur-eps; i, t = i+1, t+1 {
			p.Notes = append(p.Notes, Note{t0 + t, 0.9, line[i%len(line)], b.vel(88, 10)})
		}
	default:
		if dur >= 4-eps {
			p.Notes = append(p.Notes, Note{t0, 1.9, root, b.vel(90, 8)}, Note{t0 + 2, 1.9, root + c.Intervals[2], b.vel(82, 8)})
		} else {
			p.Notes = append(p.Notes, Note{t0, dur * 0.95, root, b.vel(90, 8)})
		}
	}
}

// GM percussion keys.
const (
	kick, sideStick, snare, closedHat, pedalHat, crash, ride = 36, 37, 38, 42, 44, 49, 51
)

func (b *builder) drumBar(kind string, t0 float64, meter int, compound bool) {
	kit := 0
	switch kind {
	case "jazz":
		kit = 32
	case "brush":
		kit = 40
	}
	p := b.part("drums", kit, true, 90, 30)
	hit := func(t float64, k, v int) { p.Notes = append(p.Notes, Note{t0 + t, 0.2, k, b.vel(v, 10)}) }
	switch {
	case kind == "jazz" || kind == "brush":
		for beat := range meter {
			t := float64(beat)
			hit(t, ride, 62)
			if beat%2 == 1 {
				hit(t+0.5, ride, 50) // becomes the swung "a" of the beat
				hit(t, pedalHat, 50)
				if kind == "brush" {
					hit(t, snare, 40)
				}
			}
		}
		hit(0, kick, 45)
	case compound:
		for t := 0.0; t < float64(meter)-eps; t += 0.5 {
			hit(t, closedHat, 48)
		}
		hit(0, kick, 80)
		hit(1.5, snare, 65)
	case meter == 3:
		for t := 0.0; t < 3-eps; t += 0.5 {
			hit(t, closedHat, 46)
		}
		hit(0, kick, 80)
		hit(1, sideStick, 55)
		hit(2, sideStick, 55)
	default:
		for t := 0.0; t < float64(meter)-eps; t += 0.5 {
			hit(t, closedHat, 50)
		}
		for beat := 0; beat < meter; beat += 2 {
			hit(float64(beat), kick, 82)
			hit(float64(beat+1), snare, 70)
		}
	}
}

// finish applies swing and sorts the parts' notes; it returns the score.
func (b *builder) finish(swing bool) *Score {
	for i := range b.score.Parts {
		p := &b.score.Parts[i]
		if swing {
			for j, n := range p.Notes {
				s, e := swingWarp(n.Start), swingWarp(n.Start+n.Dur)
				p.Notes[j].Start, p.Notes[j].Dur = s, max(e-s, 0.05)
			}
		}
		slices.SortStableFunc(p.Notes, func(a, b Note) int {
			if a.Start < b.Start {
				return -1
			}
			if a.Start > b.Start {
				return 1
			}
			return 0
		})
	}
	return b.score
}
