package main

import (
	"fmt"
	"math"
)

// The world set's instruments and textures: many lead instruments, accompaniment layers
// from a piano's block chords to power-chord rhythm guitars, orchestral parts and drum kits.

// worldLeads are the melody instruments of the world set (GM programs counted from 0).
var worldLeads = []Lead{
	{"piano", 0, 67, false, 110}, {"bright piano", 1, 67, false, 108}, {"harpsichord", 6, 67, false, 110},
	{"clavinet", 7, 67, false, 105}, {"celesta", 8, 79, false, 118}, {"glockenspiel", 9, 84, false, 105},
	{"music box", 10, 79, false, 115}, {"vibraphone", 11, 72, false, 110}, {"marimba", 12, 72, false, 115},
	{"xylophone", 13, 79, false, 105}, {"tubular bells", 14, 72, false, 100}, {"dulcimer", 15, 67, false, 110},
	{"drawbar organ", 16, 67, true, 105}, {"rock organ", 18, 67, true, 105}, {"church organ", 19, 67, true, 100},
	{"accordion", 21, 67, true, 110}, {"harmonica", 22, 67, true, 110}, {"bandoneon", 23, 67, true, 110},
	{"nylon guitar", 24, 64, false, 112}, {"steel guitar", 25, 64, false, 110}, {"jazz guitar", 26, 64, false, 112},
	{"clean guitar", 27, 64, false, 110}, {"overdriven guitar", 29, 67, true, 105}, {"distortion guitar", 30, 67, true, 105},
	{"violin", 40, 74, true, 122}, {"viola", 41, 64, true, 122}, {"cello", 42, 57, true, 122},
	{"pizzicato strings", 45, 67, false, 120}, {"harp", 46, 72, false, 118}, {"string ensemble", 48, 69, true, 118},
	{"synth strings", 50, 69, true, 112}, {"choir aahs", 52, 67, true, 118}, {"voice oohs", 53, 67, true, 118},
	{"synth voice", 54, 67, true, 115}, {"trumpet", 56, 70, true, 110}, {"trombone", 57, 58, true, 112},
	{"muted trumpet", 59, 70, true, 115}, {"french horn", 60, 62, true, 118}, {"brass section", 61, 67, true, 112},
	{"synth brass", 62, 67, true, 108}, {"soprano sax", 64, 72, true, 110}, {"alto sax", 65, 65, true, 110},
	{"tenor sax", 66, 60, true, 110}, {"oboe", 68, 72, true, 118}, {"english horn", 69, 67, true, 118},
	{"bassoon", 70, 55, true, 118}, {"clarinet", 71, 67, true, 112}, {"piccolo", 72, 86, true, 105},
	{"flute", 73, 79, true, 112}, {"recorder", 74, 76, true, 112}, {"pan flute", 75, 76, true, 112},
	{"shakuhachi", 77, 72, true, 112}, {"whistle", 78, 84, true, 100}, {"ocarina", 79, 76, true, 112},
	{"square lead", 80, 72, true, 95}, {"saw lead", 81, 72, true, 95}, {"calliope", 82, 74, true, 105},
	{"charang", 84, 67, true, 100}, {"voice lead", 85, 67, true, 108}, {"bass and lead", 87, 62, true, 100},
	{"sitar", 104, 67, false, 110}, {"banjo", 105, 67, false, 110}, {"shamisen", 106, 67, false, 110},
	{"koto", 107, 72, false, 112}, {"kalimba", 108, 72, false, 115}, {"fiddle", 110, 74, true, 118},
	{"shanai", 111, 72, true, 108}, {"steel drums", 114, 72, false, 112},
}

// lead returns the world lead with this name (a programming error if there is none).
func lead(name string) Lead {
	for _, l := range worldLeads {
		if l.Name == name {
			return l
		}
	}
	panic("makedevset: no lead " + name)
}

// line adds notes (reference key, times in beats from off) to the part name, transposed by
// key and moved by octaves towards the instrument's centre (plus extra octaves); it returns
// the span of the notes in the score.
func (b *builder) line(name string, ld Lead, notes []Note, key, extraOct int, off float64, vel, rev int) (first, last float64) {
	first, last = math.Inf(1), math.Inf(-1)
	if len(notes) == 0 {
		return
	}
	p := b.part(name, ld.Program, false, ld.Volume, rev)
	oct := octaveFor(notes, key, ld.Centre) + 12*extraOct
	for i, n := range notes {
		art := 0.9
		if ld.Legato {
			art = 0.97
		}
		if i+1 < len(notes) && notes[i+1].Start > n.Start+n.Dur+eps {
			art = 1
		}
		first = min(first, off+n.Start)
		last = max(last, off+n.Start+n.Dur)
		p.Notes = append(p.Notes, Note{off + n.Start, n.Dur * art, n.Pitch + key + oct, b.vel(vel, 14)})
	}
	return first, last
}

// layer is one accompaniment part: a kind of figure on a GM program.
type layer struct {
	Kind string
	Prog int
	Arg  int // the riff figure, for "riff"
}

// accomp is a named set of layers.
type accomp struct {
	Name     string
	Layers   []layer
	Sevenths bool
}

// shift returns the chords transposed by key and moved by off beats.
func shift(chords []ChordSpan, key int, off float64) []ChordSpan {
	out := make([]ChordSpan, len(chords))
	for i, c := range chords {
		out[i] = ChordSpan{c.Start + off, c.Dur, c.Chord.Transpose(key)}
	}
	return out
}

func bassRoot(c Chord) int { return 33 + mod12(c.Root-33) } // A1..G#2

// accompany renders the layers over the chords (absolute beats, sounding key); bar lines
// fall every meter beats from the first chord.
func (b *builder) accompany(layers []layer, chords []ChordSpan, meter int, compound, sevenths bool) {
	if len(chords) == 0 {
		return
	}
	if sevenths {
		cs := make([]ChordSpan, len(chords))
		for i, c := range chords {
			cs[i] = ChordSpan{c.Start, c.Dur, c.Chord.Seventh()}
		}
		chords = cs
	}
	t0, t1 := chords[0].Start, chords[len(chords)-1].Start+chords[len(chords)-1].Dur
	beat := 1.0
	if compound {
		beat = 1.5
	}
	for _, l := range layers {
		name := fmt.Sprintf("%s %d", l.Kind, l.Prog)
		if len(l.Kind) > 2 && l.Kind[:2] == "d:" {
			bar := 0
			for t := t0; t < t1-eps; t += float64(meter) {
				b.drumBarWorld(l.Kind[2:], l.Prog, t, meter, compound, bar)
				bar++
			}
			continue
		}
		var vs [][]int
		if l.Kind == "inner" || l.Kind == "innerpulse" {
			vs = voicings(chords, 55)
		}
		for ci, cs := range chords {
			c, s, d := cs.Chord, cs.Start, cs.Dur
			add := func(vol, rev int, notes ...Note) {
				p := b.part(name, l.Prog, false, vol, rev)
				p.Notes = append(p.Notes, notes...)
			}
			chord := func(t, dur float64, lo, v int) []Note {
				var ns []Note
				for _, x := range c.Tones(lo) {
					ns = append(ns, Note{t, dur, x, v})
				}
				return ns
			}
			power := func(t, dur float64, v int) []Note {
				r := 40 + mod12(c.Root-40) // E2..D#3
				return []Note{{t, dur, r, v}, {t, dur, r + 7, v}, {t, dur, r + 12, v - 6}}
			}
			switch l.Kind {
			case "block":
				for t := 0.0; t < d-eps; t += beat {
					add(85, 30, chord(s+t, beat*0.8, 55, b.vel(56, 8))...)
				}
			case "pad":
				add(80, 50, chord(s, d*0.98, 55, b.vel(58, 6))...)
			case "arp":
				tones := c.Tones(52)
				tones = append(tones, tones[0]+12)
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+0.5 {
					add(85, 40, Note{s + t, 0.9, tones[i%len(tones)], b.vel(54, 10)})
				}
			case "comp7":
				for t := 0.0; t < d-eps; t += 2 {
					for _, o := range []float64{0, 1.5} {
						if t+o < d-eps {
							add(85, 35, chord(s+t+o, 0.45, 53, b.vel(55, 10))...)
						}
					}
				}
			case "strum":
				pat := map[int][]float64{4: {0, 1, 1.5, 2.5, 3, 3.5}, 3: {0, 1, 2}, 2: {0, .5, 1, 1.5}}[meter]
				if compound {
					pat = []float64{0, 1, 1.5, 2.5}
				}
				for bt := 0.0; bt < d-eps; bt += float64(meter) {
					for k, o := range pat {
						if bt+o >= d-eps {
							break
						}
						tones := c.Tones(52)
						tones = append(tones, tones[0]+12)
						v := b.vel(60, 8)
						if k == 0 {
							v += 8
						}
						for j, x := range tones {
							add(90, 30, Note{s + bt + o + 0.02*float64(j), 0.45, x, v - 2*j})
						}
					}
				}
			case "alberti":
				tones := c.Tones(48)
				fig := []int{tones[0], tones[2], tones[1], tones[2]}
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+0.5 {
					add(88, 25, Note{s + t, 0.45, fig[i%4], b.vel(52, 8)})
				}
			case "oompah":
				for t := 0.0; t < d-eps; t += beat {
					if math.Mod(t, float64(meter)) < eps || (meter == 4 && math.Abs(math.Mod(t, 4)-2) < eps) {
						r := bassRoot(c)
						if t > eps {
							r += c.Intervals[2]
						}
						add(95, 20, Note{s + t, beat * 0.6, r, b.vel(80, 8)})
					} else {
						add(95, 20, chord(s+t, beat*0.4, 55, b.vel(56, 8))...)
					}
				}
			case "pulse8":
				for t := 0.0; t < d-eps; t += 0.5 {
					add(85, 30, chord(s+t, 0.4, 55, b.vel(50, 8))...)
				}
			case "power8":
				for t := 0.0; t < d-eps; t += 0.5 {
					v := 84
					if math.Mod(t, 1) < eps {
						v = 96
					}
					add(110, 20, power(s+t, 0.42, b.vel(v, 6))...)
				}
			case "chug":
				for t := 0.0; t < d-eps; t += 1 {
					add(110, 15, power(s+t, 0.45, b.vel(98, 6))...)
					for _, o := range []float64{.5, .75} {
						if t+o < d-eps {
							r := 40 + mod12(c.Root-40)
							add(110, 15, Note{s + t + o, 0.2, r, b.vel(84, 6)}, Note{s + t + o, 0.2, r + 7, b.vel(80, 6)})
						}
					}
				}
			case "powerhold":
				for t := 0.0; t < d-eps; t += 2 {
					add(110, 30, power(s+t, min(2, d-t)*0.95, b.vel(96, 6))...)
				}
			case "riff":
				fig := riffFigures[l.Arg%len(riffFigures)]
				r := 40 + mod12(c.Root-40)
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+0.5 {
					o := fig[i%len(fig)]
					if o < 0 {
						continue
					}
					v := b.vel(92, 8)
					add(112, 15, Note{s + t, 0.42, r + o, v}, Note{s + t, 0.42, r + o + 7, v - 4})
				}
			case "inner":
				for _, x := range vs[ci] {
					add(82, 45, Note{s, d * 0.97, x, b.vel(60, 6)})
				}
			case "innerpulse":
				for t := 0.0; t < d-eps; t += beat {
					for _, x := range vs[ci] {
						add(84, 40, Note{s + t, beat * 0.85, x, b.vel(58, 8)})
					}
				}
			case "ostinato":
				r := 48 + mod12(c.Root-48)
				fig := []int{r, r + c.Intervals[2], r + 12, r + c.Intervals[2]}
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+0.5 {
					v := 60
					if i%2 == 0 {
						v = 70
					}
					add(88, 40, Note{s + t, 0.45, fig[i%4], b.vel(v, 8)})
				}
			case "harp":
				tones := c.Tones(48)
				seq := append(append([]int{}, tones...), tones[0]+12, tones[1]+12, tones[2]+12, tones[0]+24)
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+0.5 {
					add(95, 50, Note{s + t, 1.2, seq[i%len(seq)], b.vel(58, 10)})
				}
			case "bass":
				r := bassRoot(c)
				if d >= 4-eps {
					add(100, 20, Note{s, 1.9, r, b.vel(90, 8)}, Note{s + 2, 1.9, r + c.Intervals[2], b.vel(82, 8)})
				} else {
					add(100, 20, Note{s, d * 0.95, r, b.vel(90, 8)})
				}
			case "walk":
				r := bassRoot(c)
				next := r
				if ci+1 < len(chords) {
					next = bassRoot(chords[ci+1].Chord)
				}
				line := []int{r, r + c.Intervals[1], r + c.Intervals[2], next - 1}
				for i, t := 0, 0.0; t < d-eps; i, t = i+1, t+1 {
					add(100, 20, Note{s + t, 0.9, line[i%4], b.vel(88, 10)})
				}
			case "bass8":
				r := bassRoot(c)
				if r > 40 {
					r -= 12
				}
				for t := 0.0; t < d-eps; t += 0.5 {
					add(110, 10, Note{s + t, 0.42, r + 12*(int(t*2)%8/7), b.vel(96, 6)})
				}
			case "bassline":
				add(100, 35, Note{s, d * 0.98, bassRoot(c), b.vel(84, 6)})
			case "timp":
				r := 38 + mod12(c.Root-38)
				add(105, 40, Note{s, 0.9, r, b.vel(86, 8)})
				if d >= 4-eps {
					f := 38 + mod12(c.Root+c.Intervals[2]-38)
					add(105, 40, Note{s + 2, 0.9, f, b.vel(72, 8)})
				}
				if ci == len(chords)-1 {
					for t := d / 2; t < d-eps; t += 0.125 {
						add(105, 40, Note{s + t, 0.125, r, b.vel(50+int(t*10), 4)})
					}
				}
			default:
				panic("makedevset: unknown layer " + l.Kind)
			}
		}
	}
}

// drumBarWorld plays one bar of the kind on the kit: the dev set's patterns (beat, jazz,
// brush) and rock, metal, punk, halftime, electro and orchestral percussion.
func (b *builder) drumBarWorld(kind string, kit int, t0 float64, meter int, compound bool, bar int) {
	switch kind {
	case "beat", "jazz", "brush":
		b.drumBar(kind, t0, meter, compound)
		return
	}
	p := b.part("drums", kit, true, 100, 25)
	hit := func(t float64, k, v int) { p.Notes = append(p.Notes, Note{t0 + t, 0.2, k, b.vel(v, 10)}) }
	const (
		bassDrum, clap, openHat, china, tom = 35, 39, 46, 52, 45
	)
	if bar%4 == 0 && kind != "electro" {
		hit(0, crash, 96)
	}
	if compound || meter != 4 {
		// three-beat or compound bars: kick on one, snare on the backbeat, hats in eighths
		for t := 0.0; t < float64(meter)-eps; t += 0.5 {
			hit(t, closedHat, 60)
		}
		hit(0, kick, 95)
		if compound {
			hit(1.5, snare, 85)
		} else {
			hit(1, snare, 80)
			hit(2, snare, 80)
		}
		return
	}
	switch kind {
	case "rock":
		for t := 0.0; t < 4-eps; t += 0.5 {
			hit(t, closedHat, 66)
		}
		hit(0, kick, 100)
		hit(2, kick, 96)
		hit(2.5, kick, 88)
		hit(1, snare, 100)
		hit(3, snare, 100)
	case "metal":
		for t := 0.0; t < 4-eps; t += 0.25 {
			hit(t, kick, 88)
		}
		for t := 0.0; t < 4-eps; t += 0.5 {
			hit(t, ride, 70)
		}
		hit(1, snare, 108)
		hit(3, snare, 108)
		if bar%4 == 3 {
			hit(3.5, china, 100)
		}
	case "punk":
		for t := 0.0; t < 4-eps; t += 0.5 {
			hit(t, openHat, 64)
			if int(t*2)%2 == 0 {
				hit(t, kick, 100)
			} else {
				hit(t, snare, 96)
			}
		}
	case "halftime":
		for t := 0.0; t < 4-eps; t += 0.5 {
			hit(t, ride, 62)
		}
		hit(0, kick, 104)
		hit(1.5, kick, 90)
		hit(2, snare, 110)
		if bar%2 == 1 {
			hit(3.5, tom, 90)
		}
	case "electro":
		for t := 0.0; t < 4-eps; t += 1 {
			hit(t, kick, 104)
		}
		for t := 0.0; t < 4-eps; t += 0.25 {
			hit(t, closedHat, 56)
		}
		hit(1, clap, 96)
		hit(3, clap, 96)
	case "orch":
		hit(0, bassDrum, 84)
		if bar%2 == 1 {
			hit(3, bassDrum, 70)
		}
	default:
		panic("makedevset: unknown drums " + kind)
	}
}
