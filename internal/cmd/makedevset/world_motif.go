package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Short motifs (2-8 s): a motif file and long hosts that hide one transposed, tempo-changed,
// re-instrumented occurrence of it among unrelated music (short in long); two long pieces
// sharing a motif (long in long); negative hosts that hide nothing or a decoy; and the
// distractors of the half.

type motif struct {
	ID     string
	Scale  Scale
	Minor  bool
	Meter  int
	BPM    float64
	Notes  []Note
	Chords []ChordSpan
	Beats  float64 // the last note's end
}

func genMotifWork(h *half, i, part int, sec float64) motif {
	rng := rand.New(rand.NewPCG(h.seed(part, i), 9))
	meter := 4
	if i%3 == 2 {
		meter = 3
	}
	minor := i%2 == 0
	steps := modes["major"]
	if minor {
		steps = modes["minor"]
	}
	sc := Scale{rng.IntN(12), steps}
	bpm := math.Round(80 + rng.Float64()*50)
	beats := max(3, math.Round(sec*bpm/60*2)/2)
	notes, chords := genMotif(sc, minor, meter, beats, rng)
	_, last := melodySpan(notes)
	return motif{ID: fmt.Sprintf("motif%02d", i+1), Scale: sc, Minor: minor, Meter: meter, BPM: bpm, Notes: notes, Chords: chords, Beats: last}
}

// hostTextures accompany the music of hosts.
var hostTextures = []accomp{
	leadAccs[3], leadAccs[4], leadAccs[8], leadAccs[10], leadAccs[12], leadAccs[14], leadAccs[15],
	{Name: "orchestral strings (inner voices, ostinato, basses, timpani)", Layers: []layer{{"inner", 49, 0}, {"ostinato", 48, 0}, {"bassline", 43, 0}, {"timp", 47, 0}}},
	{Name: "band (distortion power chords, bass, rock drums)", Layers: []layer{{"power8", 30, 0}, {"bass8", 34, 0}, {"d:rock", 16, 0}}},
	{Name: "Alberti piano, string pad", Layers: []layer{{"alberti", 0, 0}, {"pad", 49, 0}}},
	{Name: "harp, horn chords, basses", Layers: []layer{{"harp", 46, 0}, {"inner", 60, 0}, {"bassline", 43, 0}}},
}

// insert is a motif placed in a host, in the motif's reference key plus Key.
type insert struct {
	m   *motif
	key int
	ld  Lead
}

// hostSpec describes a long host piece.
type hostSpec struct {
	seed    uint64
	scale   Scale // the host's sounding key
	minor   bool
	meter   int
	bpm     float64
	texture accomp
	fill    []Lead // the instruments of the host's own melodies, section by section
	seconds float64
	ins     *insert // nil: the host hides nothing
	at      float64 // where the insert should begin, as a fraction of the host
}

// buildHost renders a host: a chords-only intro, sections of generated melody (some
// chords-only), the insert at a section boundary, a chords-only outro. It returns the
// score, the insert's span in beats, and a description.
func buildHost(s hostSpec) (*Score, float64, float64, string) {
	rng := rand.New(rand.NewPCG(s.seed, 0x4057))
	b := newBuilder(s.bpm, s.meter, s.seed)
	barSec := float64(s.meter) * 60 / s.bpm
	total := int(math.Round(s.seconds / barSec))
	insBars := 0
	if s.ins != nil {
		insBars = int(math.Ceil(s.ins.m.Beats/float64(s.meter) - eps))
	}
	fill := max(4, total-4-insBars)
	var chunks []int
	for fill >= 4 {
		n := 8
		if fill < 8 || (fill < 16 && fill%8 != 0 && rng.IntN(2) == 0) {
			n = 4
		}
		chunks = append(chunks, n)
		fill -= n
	}
	// the boundary nearest the wanted position
	k := 0
	if s.ins != nil {
		best := math.Inf(1)
		pos := 2
		for i := 0; i <= len(chunks); i++ {
			if d := math.Abs(float64(pos)/float64(total) - s.at); d < best {
				best, k = d, i
			}
			if i < len(chunks) {
				pos += chunks[i]
			}
		}
	}
	tonic := degree{0, ""}
	if s.minor {
		tonic = degree{0, "m"}
	}
	home := chordOf(s.scale, tonic)
	var chords []ChordSpan
	t := 0.0
	bl := float64(s.meter)
	for range 2 {
		chords = append(chords, ChordSpan{t, bl, home})
		t += bl
	}
	first, last := 0.0, 0.0
	var desc []string
	placeInsert := func() {
		in := s.ins
		f, l := b.line("melody "+in.ld.Name, in.ld, in.m.Notes, in.key, 0, t, 100, 30)
		first, last = f, l
		cs := shift(in.m.Chords, in.key, t)
		end := t + float64(insBars)*bl
		cs[len(cs)-1].Dur = end - cs[len(cs)-1].Start
		chords = append(chords, cs...)
		desc = append(desc, fmt.Sprintf("%s on %s", in.m.ID, in.ld.Name))
		t = end
	}
	played := 0
	for i, n := range chunks {
		if s.ins != nil && i == k {
			placeInsert()
		}
		cs := genProgression(s.scale, s.minor, n, s.meter, rng)
		if i%3 != 2 || played == 0 {
			sty := folkStyle
			if i%2 == 1 {
				sty = lyricalStyle
			}
			mel := genTheme(s.scale, cs, s.meter, false, n, sty, rng)
			ld := s.fill[played%len(s.fill)]
			b.line("melody "+ld.Name, ld, mel, 0, 0, t, 94, 30)
			played++
		}
		chords = append(chords, shift(cs, 0, t)...)
		t += float64(n) * bl
	}
	if s.ins != nil && k == len(chunks) {
		placeInsert()
	}
	for range 2 + fill { // the outro takes the bars the sections left over
		chords = append(chords, ChordSpan{t, bl, home})
		t += bl
	}
	b.accompany(fitLayers(s.texture.Layers, s.meter, false), chords, s.meter, false, s.texture.Sevenths)
	b.score.End = t
	var names []string
	for _, l := range s.fill {
		names = append(names, l.Name)
	}
	d := fmt.Sprintf("%d bars of generated music on %s over %s", total, strings.Join(names, " and "), s.texture.Name)
	if len(desc) > 0 {
		d += "; hides " + strings.Join(desc, ", ")
	}
	return b.finish(false), first, last, d
}

func (h *half) texture(i int) accomp { return hostTextures[(i*5+h.Salt)%len(hostTextures)] }

func hostRender(h *half, tex accomp, r render) render {
	r.gain = 0.25
	if strings.Contains(tex.Name, "distortion") {
		r.drive = 1.5
	}
	return r
}

// motifFile renders a motif alone (or over a soft pad), the whole file being the motif.
func motifFile(h *half, m *motif, file, work, role string, ld Lead, pad bool, r render) Entry {
	b := newBuilder(m.BPM, m.Meter, r.seed)
	f, l := b.line("melody "+ld.Name, ld, m.Notes, 0, 0, 0, 100, 35)
	what := "motif on " + ld.Name
	if pad {
		var cs []ChordSpan
		for _, c := range m.Chords {
			if c.Start < m.Beats-eps {
				c.Dur = min(c.Dur, m.Beats-c.Start)
				cs = append(cs, c)
			}
		}
		b.accompany([]layer{{"pad", 49, 0}}, cs, m.Meter, false, false)
		what += " over a string pad"
	}
	b.score.End = m.Beats
	sc := b.finish(false)
	r.refBPM, r.tail = m.BPM, 0.5
	return worldEntry(h, file, work, role, "motif", sc, f, l, r, fmt.Sprintf("%s (%.1f s, %g beats at %g bpm)", what, sc.Seconds(l-f), m.Beats, m.BPM))
}

var (
	motifSecs  = []float64{2, 2.5, 3, 4, 4.5, 5, 6, 6.5, 7, 8}
	hostSecs   = []float64{48, 62, 75, 42, 83, 55, 68, 80, 45, 58, 71, 50, 64, 77, 40, 85}
	hostAts    = []float64{0.2, 0.5, 0.75, 0.35, 0.6, 0.85, 0.15, 0.45, 0.7, 0.3}
	pairSecs   = []float64{4, 5, 6, 7, 8, 4.5}
	pairLens   = [][2]float64{{35, 52}, {58, 40}, {45, 60}, {30, 48}, {55, 38}, {42, 57}}
	negSecs    = []float64{45, 70, 85, 55, 62}
	hostTempos = []float64{0.75, 1.25, 0.8, 1.33, 0.9, 1.2, 0.7, 1.4, 0.85, 1.15, 1.1, 0.95}
)

// occTempo keeps an occurrence of a motif at most 8.5 s long: a slowing factor that would
// stretch it further becomes its reciprocal.
func occTempo(m motif, tf float64) float64 {
	if m.Beats*60/(m.BPM*tf) > 8.5 {
		return math.Round(100/tf) / 100
	}
	return tf
}

func motifPart(h *half) []Entry {
	var out []Entry
	file, hi := 0, 0
	var motifs []motif
	// short in long
	for i, sec := range motifSecs {
		m := genMotifWork(h, i, 7, sec)
		motifs = append(motifs, m)
		seed := h.seed(8, i)
		ld := h.leadAt(5*i + 1)
		out = append(out, motifFile(h, &m, m.ID+".wav", m.ID, "arrangement", ld, i%3 == 1, render{font: h.font(file), seed: seed}))
		file++
		nh := 1
		if i < 6 {
			nh = 2
		}
		for j := range nh {
			occ := h.leadAt(5*i + 3 + 2*j)
			if occ.Name == ld.Name {
				occ = h.leadAt(5*i + 4 + 2*j)
			}
			key := h.key(4*hi + 3)
			tf := occTempo(m, hostTempos[(hi+h.Salt)%len(hostTempos)])
			fill := []Lead{occ, h.leadAt(7*hi + 2)}
			if hi%2 == 1 {
				fill = []Lead{h.leadAt(7*hi + 2), h.leadAt(7*hi + 6)}
			}
			tex := h.texture(hi)
			spec := hostSpec{seed: seed + uint64(j) + 1, scale: Scale{mod12(m.Scale.Tonic + key), m.Scale.Steps}, minor: m.Minor,
				meter: m.Meter, bpm: m.BPM * tf, texture: tex, fill: fill, seconds: hostSecs[hi%len(hostSecs)],
				ins: &insert{&m, key, occ}, at: hostAts[hi%len(hostAts)]}
			sc, f, l, d := buildHost(spec)
			deg := h.degradeFor(hi)
			r := hostRender(h, tex, render{key: key, refBPM: m.BPM, deg: deg, font: h.font(file), seed: spec.seed})
			out = append(out, worldEntry(h, fmt.Sprintf("%s_host%d.wav", m.ID, j+1), m.ID, "host", "motif", sc, f, l, r, d))
			file++
			hi++
		}
	}
	// long in long: two pieces sharing a motif that has no file of its own
	for i, sec := range pairSecs {
		m := genMotifWork(h, i, 9, sec)
		m.ID = fmt.Sprintf("pair%02d", i+1)
		for j, name := range []string{"x", "y"} {
			key := h.key(5*hi + 2*j)
			if j == 0 && i%2 == 0 {
				key = 0
			}
			tf := occTempo(m, hostTempos[(3*hi+h.Salt)%len(hostTempos)])
			occ := h.leadAt(9*i + 4*j + 5)
			fill := []Lead{occ, h.leadAt(9*i + 4*j + 7)}
			if j == 1 {
				fill = []Lead{h.leadAt(9*i + 4*j + 7), h.leadAt(9*i + 4*j + 8)}
			}
			tex := h.texture(hi + 2)
			spec := hostSpec{seed: h.seed(10, i) + uint64(j), scale: Scale{mod12(m.Scale.Tonic + key), m.Scale.Steps}, minor: m.Minor,
				meter: m.Meter, bpm: m.BPM * tf, texture: tex, fill: fill, seconds: pairLens[i][j],
				ins: &insert{&m, key, occ}, at: []float64{0.3, 0.65, 0.5, 0.2, 0.8, 0.4}[(i+j)%6]}
			sc, f, l, d := buildHost(spec)
			deg := h.degradeFor(hi + 1)
			r := hostRender(h, tex, render{key: key, refBPM: m.BPM, deg: deg, font: h.font(file), seed: spec.seed})
			out = append(out, worldEntry(h, fmt.Sprintf("%s_%s.wav", m.ID, name), m.ID, "host", "motif", sc, f, l, r,
				fmt.Sprintf("shares a %.1f s motif with %s_%s.wav; %s", sec, m.ID, map[string]string{"x": "y", "y": "x"}[name], d)))
			file++
			hi++
		}
	}
	// negative hosts: nothing hidden, or a decoy with the rhythm of one of the motifs
	for i, sec := range negSecs {
		seed := h.seed(11, i)
		rng := rand.New(rand.NewPCG(seed, 13))
		src := &motifs[(3*i+1)%len(motifs)]
		sc := Scale{rng.IntN(12), src.Scale.Steps}
		tex := h.texture(hi + 1)
		spec := hostSpec{seed: seed, scale: sc, minor: src.Minor, meter: src.Meter, bpm: math.Round(80 + rng.Float64()*60),
			texture: tex, fill: []Lead{h.leadAt(3*i + 4), h.leadAt(3*i + 9)}, seconds: sec, at: 0.5}
		what := "hides nothing"
		if i%2 == 1 {
			decoy := *src
			decoy.ID = "a decoy (" + src.ID + "'s rhythm, other pitches)"
			decoy.Notes = repitch(src.Notes, sc, rng)
			decoy.Scale = sc
			spec.ins = &insert{&decoy, 0, h.leadAt(3*i + 6)}
			what = "hides a decoy"
		}
		score, f, l, d := buildHost(spec)
		id := fmt.Sprintf("neg%02d", i+1)
		r := hostRender(h, tex, render{negative: true, deg: h.degradeFor(hi + 2), font: h.font(file), seed: seed})
		out = append(out, worldEntry(h, id+".wav", id, "host", "motif", score, f, l, r, "negative host, "+what+"; "+d))
		file++
		hi++
	}
	return out
}

// distractorPart: unique works of every material, sharing nothing with the rest.
func distractorPart(h *half) []Entry {
	var out []Entry
	for d := range 15 {
		id := fmt.Sprintf("x%02d", d+1)
		seed := h.seed(12, d)
		r := render{font: h.font(d + 1), seed: seed, deg: h.degradeFor(d + 1), tail: 0.6}
		var p piece
		var a arr
		material := ""
		switch {
		case d < 5:
			p = genLeadWork(h, 100+d)
			a = arr{mel: []voice{{h.leadAt(3*d + 8), 0, 98}}, acc: leadAccs[(5*d+2)%len(leadAccs)], swing: d%3 == 1 && !p.Compound}
			material = "lead"
		case d < 9:
			p = genCue(h, 100+d, 13)
			a = orchestrations[(3*d+h.Salt)%len(orchestrations)].arr()
			material, r.gain = "orchestral", 0.25
		case d < 13:
			p = genSong(h, 100+d, 14)
			a = bandArrs[(3*d+h.Salt)%len(bandArrs)].arr(&p)
			a.intro = 1
			material, r.gain, r.drive = "band", 0.25, 2.4
		default:
			m := genMotifWork(h, 100+d, 15, []float64{3, 6}[d%2])
			e := motifFile(h, &m, id+".wav", id, "distractor", h.leadAt(4*d+1), d%2 == 0, r)
			e.Tempo = 1
			out = append(out, e)
			continue
		}
		a.tempo = 1
		sc, f, l := p.build(a, seed)
		r.refBPM = p.BPM
		e := worldEntry(h, id+".wav", id, "distractor", material, sc, f, l, r, p.Title+"; "+describeArr(a))
		out = append(out, e)
	}
	return out
}
