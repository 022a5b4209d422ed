package main

import (
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The soundtrack set: the evaluation set of theme discovery. Each half (tune, heldout: other
// themes, other soundfonts) holds soundtracks, sets of 4-6 tracks of 35-70 s in which 2-3
// generated themes recur 2-5 times, each time in another key, tempo, instrument and
// accompaniment, among music that never recurs; and single pieces of 60-120 s in which 1-2
// themes come back within the one file. themes.tsv lists every planted occurrence. See
// soundtrack.md (copied into the output as README.md).

//go:embed soundtrack.md
var soundtrackReadme []byte

// stMaxParts is how many melodic parts a score holds: the MIDI channels but the drums'.
const stMaxParts = 15

var (
	// stTempos are the occurrences' tempo factors against the theme's reference tempo.
	stTempos = []float64{0.75, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3}
	// stShortSecs and stLongSecs are the themes' lengths at their reference tempo.
	stShortSecs = []float64{3, 4.5, 5.5, 3.5, 6, 4, 5, 4.5, 3, 5.5, 6, 4, 3.5, 5, 7}
	stLongSecs  = []float64{9, 11, 10, 12, 8.5}
	// stTrackSecs are the soundtrack tracks' target lengths (they land within 7 s of them).
	stTrackSecs = []float64{42, 54, 38, 48, 60, 40, 46, 38, 56, 40, 50, 44}
)

// stLayouts are the soundtracks: how many tracks (one of them without a theme), how often
// each theme occurs, and which theme, if any, is a long one (8-12 s).
var stLayouts = []struct {
	tracks int
	counts []int
	long   int
}{
	{5, []int{3, 2, 3}, -1},
	{4, []int{3, 2}, 1},
	{6, []int{4, 3, 2}, -1},
	{5, []int{5, 3}, -1},
	{4, []int{2, 2, 2}, 2},
	{6, []int{4, 2}, 0},
}

// stPieces are the single pieces: their form (capitals are occurrences of a theme, lower
// case episodes of music heard nowhere else), target length and long theme.
var stPieces = []struct {
	form string
	secs float64
	long int
}{
	{"AxAyA", 68, -1},
	{"AxByAzBwA", 105, 1},
	{"xAyBzAwB", 85, -1},
	{"AxAyAzA", 80, -1},
}

// stTextures accompany the themes and the music between them: the hosts' textures and
// more, from a piano alone to a rock band and a full orchestra.
var stTextures = slices.Concat(hostTextures, []accomp{
	leadAccs[1], leadAccs[2], leadAccs[5], leadAccs[9], leadAccs[11],
	{Name: "full orchestra (inner strings, basses, harp, timpani, bass drum)", Layers: orchestrations[0].Layers},
	{Name: "brass chords, tuba, string pad, timpani, bass drum", Layers: orchestrations[1].Layers},
	{Name: "synth pad, synth-bass ostinato, timpani", Layers: orchestrations[8].Layers},
	{Name: "pizzicato pulse, bassoon, harp", Layers: orchestrations[3].Layers},
})

// stSeed gives every generator of the set its own seed from the half, what it makes (kind)
// and which one (i), never shared by the halves.
func stSeed(h *half, kind, i int) uint64 { return mix64(h.Seed<<24 | uint64(kind)<<16 | uint64(i)) }

// mix64 is splitmix64's finaliser, a bijection: PCG generators seeded with nearby numbers
// draw alike at first (the themeless track was the first of most sets), mixed ones do not.
func mix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// stStream is the second word of the set's PCG generators.
const stStream = 0x5354

// stTheme is a theme of a set, in its reference key and tempo.
type stTheme struct {
	ID  string // A, B, C within the set
	m   motif
	Sec float64 // first onset to last offset at the reference tempo
}

// bars is how many bars an occurrence takes.
func (t *stTheme) bars() int { return int(math.Ceil(t.m.Beats/float64(t.m.Meter) - eps)) }

// genSTTheme writes a theme of about sec seconds: a short motif (genMotif), or a
// four-bar phrase over a progression (genTheme) when long. A draw with under five notes or
// under three pitches is drawn again, so every theme is a phrase a listener would remember.
func genSTTheme(h *half, set, j int, id string, sec float64, long bool) stTheme {
	meter := []int{4, 3, 4}[(set+j)%3]
	for attempt := uint64(0); ; attempt++ {
		rng := rand.New(rand.NewPCG(stSeed(h, 1, set*16+j), attempt))
		minor := rng.IntN(2) == 0
		steps := modes["major"]
		if minor {
			steps = modes["minor"]
		}
		sc := Scale{rng.IntN(12), steps}
		var notes []Note
		var chords []ChordSpan
		var bpm float64
		if long {
			bpm = math.Round(max(56, min(150, float64(4*meter)*60/sec)))
			chords = genProgression(sc, minor, 4, meter, rng)
			sty := lyricalStyle
			if rng.IntN(2) == 0 {
				sty = folkStyle
			}
			notes = genTheme(sc, chords, meter, false, 4, sty, rng)
		} else {
			bpm = math.Round(80 + rng.Float64()*50)
			notes, chords = genMotif(sc, minor, meter, max(3, math.Round(sec*bpm/60*2)/2), rng)
		}
		first, last := melodySpan(notes)
		pitches := map[int]bool{}
		for _, n := range notes {
			pitches[n.Pitch] = true
		}
		if (len(notes) >= 5 && len(pitches) >= 3) || attempt == 50 {
			m := motif{ID: id, Scale: sc, Minor: minor, Meter: meter, BPM: bpm, Notes: notes, Chords: chords, Beats: last}
			return stTheme{ID: id, m: m, Sec: (last - first) * 60 / bpm}
		}
	}
}

// stOcc is one planted occurrence of a theme in a file: a row of themes.tsv.
type stOcc struct {
	Theme      string
	Key        int     // semitones against the theme's reference key
	Tempo      float64 // tempo factor against the theme's reference tempo
	Lead       string
	Texture    string
	Start, End float64 // seconds where the theme's notes sound
}

// stFile is one audio file of a set.
type stFile struct {
	File    string // relative to the output directory
	Occs    []stOcc
	Notes   string
	Job     Job
	fillers [][]Note // the file's melodies that are no theme (reference pitches), for tests
}

// Seconds is the file's length.
func (f *stFile) Seconds() float64 { return f.Job.Length }

// stSet is a soundtrack or a single piece.
type stSet struct {
	ID     string // t-st01, h-pc02
	Split  string
	Piece  bool
	Themes []stTheme
	Files  []stFile
}

// stKey is where a block of a file sits: key, mode, metre and tempo.
type stKey struct {
	scale Scale
	minor bool
	meter int
	bpm   float64
}

func (k stKey) sec(bars int) float64 { return float64(bars*k.meter) * 60 / k.bpm }

func drawKey(rng *rand.Rand) stKey {
	minor := rng.IntN(2) == 0
	steps := modes["major"]
	if minor {
		steps = modes["minor"]
	}
	return stKey{Scale{rng.IntN(12), steps}, minor, []int{4, 4, 3}[rng.IntN(3)], math.Round(72 + rng.Float64()*56)}
}

// stOccPlan is how one occurrence is arranged.
type stOccPlan struct {
	theme       int
	key         int
	tf          float64
	lead        Lead
	tex         accomp
	leadIn      bool // a bar of the texture on the theme's first chord before the theme
	orn, reharm bool
}

func (o *stOccPlan) where(t *stTheme) stKey {
	m := &t.m
	return stKey{Scale{mod12(m.Scale.Tonic + o.key), m.Scale.Steps}, m.Minor, m.Meter, m.BPM * o.tf}
}

func (o *stOccPlan) bars(t *stTheme) int {
	if o.leadIn {
		return t.bars() + 1
	}
	return t.bars()
}

// stItem is a step of a file's form: an occurrence (occ >= 0, an index into the set's
// plans), or a gap of non-recurring music, units of four bars, at least min of them, taking
// weight shares of the time the file has left.
type stItem struct {
	occ    int
	min    int
	weight float64
}

// stFileSpec is a file to plan: its name, form and target length.
type stFileSpec struct {
	name   string
	items  []stItem
	target float64
}

// stParts tracks a file's melodic parts, so that it never needs more MIDI channels than
// there are.
type stParts []string

func (p stParts) fits(names []string, reserve int) bool {
	n := len(p)
	for i, x := range names {
		if !slices.Contains(p, x) && !slices.Contains(names[:i], x) {
			n++
		}
	}
	return n+reserve <= stMaxParts
}

func (p *stParts) add(names []string) {
	for _, x := range names {
		if !slices.Contains(*p, x) {
			*p = append(*p, x)
		}
	}
}

func stLeadPart(ld Lead) []string { return []string{"melody " + ld.Name} }

// texParts names the melodic parts of a texture in the given metres (the figures that need
// an even metre change in three).
func texParts(tex accomp, meters ...int) []string {
	var out []string
	for _, m := range meters {
		for _, l := range fitLayers(tex.Layers, m, false) {
			if n := fmt.Sprintf("%s %d", l.Kind, l.Prog); !strings.HasPrefix(l.Kind, "d:") && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// choose returns the first of n candidates from start on (cyclically) that is allowed and
// whose parts fit with reserve channels to spare, then without the reserve; -1 if none.
// It adds the chosen candidate's parts.
func choose(n, start int, allowed func(int) bool, parts func(int) []string, have *stParts, reserve int) int {
	for _, res := range []int{reserve, 0} {
		for k := range n {
			i := (start + k) % n
			if allowed(i) && have.fits(parts(i), res) {
				have.add(parts(i))
				return i
			}
		}
	}
	return -1
}

// soundtrackPlan lists the sets of one half: the soundtracks, then the single pieces.
func soundtrackPlan(h *half) []stSet {
	var out []stSet
	fi, nt := 0, 0 // files and themes so far in the half, to walk the tables
	for s := range stLayouts {
		lay := stLayouts[(s+h.Salt)%len(stLayouts)]
		id := fmt.Sprintf("%sst%02d", h.Prefix, s+1)
		var themes []stTheme
		for j := range lay.counts {
			sec := stShortSecs[(nt+h.Salt)%len(stShortSecs)]
			if j == lay.long {
				sec = stLongSecs[(s+h.Salt)%len(stLongSecs)]
			}
			themes = append(themes, genSTTheme(h, s, j, string(rune('A'+j)), sec, j == lay.long))
			nt++
		}
		rng := rand.New(rand.NewPCG(stSeed(h, 2, s), stStream))
		// deal the occurrences to the tracks: at most two a track, the least loaded first,
		// theme A's second in the track of its first (a recurrence within a track), the
		// others preferring tracks without this theme (recurrences across tracks)
		empty := rng.IntN(lay.tracks)
		load := make([]int, lay.tracks)
		byFile := make([][]int, lay.tracks)
		var occTheme []int
		for j, c := range lay.counts {
			firstAt := -1
			for k := range c {
				best := -1
				if j == 0 && k == 1 {
					best = firstAt
				} else {
					bv := math.MaxInt
					for off := range lay.tracks {
						f := (j + 2*k + off) % lay.tracks
						if f == empty || load[f] >= 2 {
							continue
						}
						v := 2 * load[f]
						for _, o := range byFile[f] {
							if occTheme[o] == j {
								v++
							}
						}
						if v < bv {
							best, bv = f, v
						}
					}
				}
				if best < 0 {
					panic("makedevset: soundtrack layout has more occurrences than room")
				}
				if k == 0 {
					firstAt = best
				}
				load[best]++
				byFile[best] = append(byFile[best], len(occTheme))
				occTheme = append(occTheme, j)
			}
		}
		var specs []stFileSpec
		for f := range lay.tracks {
			fo := byFile[f]
			rng.Shuffle(len(fo), func(a, b int) { fo[a], fo[b] = fo[b], fo[a] })
			var items []stItem
			if len(fo) == 0 {
				items = []stItem{{-1, 1, 1}, {-1, 1, 1}, {-1, 1, 1}}
			} else {
				items = append(items, stItem{-1, 0, []float64{0, 0.6, 1, 1.4}[rng.IntN(4)]})
				for k, o := range fo {
					if k > 0 {
						items = append(items, stItem{-1, 1, 1})
					}
					items = append(items, stItem{o, 0, 0})
				}
				items = append(items, stItem{-1, 0, []float64{0.4, 0.8, 1.2}[rng.IntN(3)]})
			}
			specs = append(specs, stFileSpec{fmt.Sprintf("%s/%s_%d.wav", h.Name, id, f+1), items, stTrackSecs[(fi+f+h.Salt)%len(stTrackSecs)]})
		}
		set := planSet(h, id, s, themes, occTheme, specs, &fi)
		out = append(out, set)
	}
	for p := range stPieces {
		pc := stPieces[(p+h.Salt)%len(stPieces)]
		si := len(stLayouts) + p
		id := fmt.Sprintf("%spc%02d", h.Prefix, p+1)
		var themes []stTheme
		var items []stItem
		var occTheme []int
		for _, c := range pc.form {
			if c >= 'a' {
				items = append(items, stItem{-1, 1, 1})
				continue
			}
			j := int(c - 'A')
			for len(themes) <= j {
				k := len(themes)
				sec := stShortSecs[(nt+h.Salt)%len(stShortSecs)]
				if k == pc.long {
					sec = stLongSecs[(si+h.Salt)%len(stLongSecs)]
				}
				themes = append(themes, genSTTheme(h, si, k, string(rune('A'+k)), sec, k == pc.long))
				nt++
			}
			items = append(items, stItem{len(occTheme), 0, 0})
			occTheme = append(occTheme, j)
		}
		spec := stFileSpec{fmt.Sprintf("%s/%s.wav", h.Name, id), items, pc.secs}
		set := planSet(h, id, si, themes, occTheme, []stFileSpec{spec}, &fi)
		set.Piece = true
		out = append(out, set)
	}
	return out
}

// planSet arranges the occurrences (keys, tempos, instruments, textures: different for every
// occurrence of a theme) and builds the files. fi counts the half's files, for the
// soundfonts and degradations.
func planSet(h *half, id string, si int, themes []stTheme, occTheme []int, specs []stFileSpec, fi *int) stSet {
	rng := rand.New(rand.NewPCG(stSeed(h, 3, si), stStream))
	occs := make([]stOccPlan, len(occTheme))
	keys := make([][]int, len(themes))
	tfs := make([][]int, len(themes))
	for j := range themes {
		keys[j], tfs[j] = rng.Perm(12), rng.Perm(len(stTempos))
	}
	seen := make([]int, len(themes))
	for o, j := range occTheme {
		c := seen[j]
		seen[j]++
		tf := stTempos[tfs[j][c]]
		if themes[j].Sec/tf > 14.5 { // an occurrence stays under 15 s
			for _, x := range stTempos {
				if themes[j].Sec/x <= 14.5 {
					tf = x
					break
				}
			}
		}
		n := si*5 + o
		occs[o] = stOccPlan{theme: j, key: keys[j][c] - 5, tf: tf, leadIn: n%3 != 1, orn: n%4 == 3, reharm: n%3 == 2}
	}
	usedLead := make([][]string, len(themes))
	usedTex := make([][]string, len(themes))
	set := stSet{ID: id, Split: h.Name, Themes: themes}
	for f, spec := range specs {
		var have stParts
		var occIdx []int
		for _, it := range spec.items {
			if it.occ < 0 {
				continue
			}
			o := &occs[it.occ]
			j := o.theme
			occIdx = append(occIdx, it.occ)
			l := choose(len(worldLeads), rng.IntN(len(worldLeads)),
				func(i int) bool { return !slices.Contains(usedLead[j], worldLeads[i].Name) },
				func(i int) []string { return stLeadPart(worldLeads[i]) }, &have, 5)
			if l < 0 { // no channel left for another instrument: one the file has already
				l = choose(len(worldLeads), 0, func(int) bool { return true }, func(i int) []string { return stLeadPart(worldLeads[i]) }, &have, 0)
			}
			o.lead = worldLeads[l]
			usedLead[j] = append(usedLead[j], o.lead.Name)
			meter := themes[j].m.Meter
			t := choose(len(stTextures), rng.IntN(len(stTextures)),
				func(i int) bool { return !slices.Contains(usedTex[j], stTextures[i].Name) },
				func(i int) []string { return texParts(stTextures[i], meter) }, &have, 4)
			o.tex = accomp{Name: "no accompaniment"}
			if t >= 0 {
				o.tex = stTextures[t]
			}
			usedTex[j] = append(usedTex[j], o.tex.Name)
		}
		// the music between the themes: one texture, two instruments taking turns; in half
		// the files one of them also plays a theme there, so no instrument marks a theme
		t := choose(len(stTextures), rng.IntN(len(stTextures)),
			func(i int) bool {
				for _, o := range occIdx {
					if occs[o].tex.Name == stTextures[i].Name {
						return false
					}
				}
				return true
			},
			func(i int) []string { return texParts(stTextures[i], 3, 4) }, &have, 2)
		tex := accomp{Name: "no accompaniment"}
		if t >= 0 {
			tex = stTextures[t]
		} else if len(occIdx) > 0 {
			tex = occs[occIdx[0]].tex
		}
		var fill []Lead
		if len(occIdx) > 0 && (*fi+si)%2 == 0 {
			fill = append(fill, occs[occIdx[0]].lead)
		}
		for len(fill) < 2 {
			l := choose(len(worldLeads), rng.IntN(len(worldLeads)),
				func(i int) bool {
					return !slices.ContainsFunc(fill, func(x Lead) bool { return x.Name == worldLeads[i].Name })
				},
				func(i int) []string { return stLeadPart(worldLeads[i]) }, &have, 0)
			if l < 0 {
				l = choose(len(worldLeads), 0, func(int) bool { return true }, func(i int) []string { return stLeadPart(worldLeads[i]) }, &have, 0)
			}
			fill = append(fill, worldLeads[l])
		}
		file := buildSTFile(h, themes, occs, spec, tex, fill, stSeed(h, 4, si*16+f), *fi)
		set.Files = append(set.Files, file)
		*fi++
	}
	return set
}

// stWriter writes a file's score block by block; a block has one key, tempo, metre and
// texture.
type stWriter struct {
	b      *builder
	t      float64 // beats written
	tempo  []TempoPoint
	cur    stKey
	tex    accomp
	chords []ChordSpan // the current block's
}

func (w *stWriter) block(k stKey, tex accomp) {
	w.flush()
	switch {
	case len(w.tempo) > 0 && w.tempo[len(w.tempo)-1].Beat == w.t:
		w.tempo[len(w.tempo)-1].BPM = k.bpm
	case len(w.tempo) == 0 || w.cur.bpm != k.bpm:
		w.tempo = append(w.tempo, TempoPoint{w.t, k.bpm})
	}
	w.cur, w.tex = k, tex
}

func (w *stWriter) flush() {
	if len(w.chords) > 0 {
		w.b.accompany(fitLayers(w.tex.Layers, w.cur.meter, false), w.chords, w.cur.meter, false, w.tex.Sevenths)
	}
	w.chords = nil
}

// home plays bars of the block's tonic chord, accompaniment only.
func (w *stWriter) home(bars int) {
	tonic := degree{0, ""}
	if w.cur.minor {
		tonic = degree{0, "m"}
	}
	for range bars {
		w.chords = append(w.chords, ChordSpan{w.t, float64(w.cur.meter), chordOf(w.cur.scale, tonic)})
		w.t += float64(w.cur.meter)
	}
}

// progression plays four bars of chords, accompaniment only.
func (w *stWriter) progression(seed uint64) {
	rng := rand.New(rand.NewPCG(seed, stStream))
	w.chords = append(w.chords, shift(genProgression(w.cur.scale, w.cur.minor, 4, w.cur.meter, rng), 0, w.t)...)
	w.t += float64(4 * w.cur.meter)
}

// filler plays four bars of a melody of its own over a progression of its own, drawn again
// while it holds the head of one of the set's themes (so no theme occurs by accident).
func (w *stWriter) filler(ld Lead, seed uint64, heads [][]Note) []Note {
	var cs []ChordSpan
	var mel []Note
	for attempt := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, stStream+attempt))
		cs = genProgression(w.cur.scale, w.cur.minor, 4, w.cur.meter, rng)
		sty := folkStyle
		if rng.IntN(2) == 0 {
			sty = lyricalStyle
		}
		mel = genTheme(w.cur.scale, cs, w.cur.meter, false, 4, sty, rng)
		if !slices.ContainsFunc(heads, func(h []Note) bool { return containsPattern(mel, h) }) {
			break
		}
	}
	w.b.line("melody "+ld.Name, ld, mel, 0, 0, w.t, 98, 30)
	w.chords = append(w.chords, shift(cs, 0, w.t)...)
	w.t += float64(4 * w.cur.meter)
	return mel
}

// theme plays an occurrence over its texture and returns the span of its notes in beats.
func (w *stWriter) theme(t *stTheme, o *stOccPlan, rng *rand.Rand) (first, last float64) {
	m := &t.m
	bl := float64(m.Meter)
	if o.leadIn {
		w.chords = append(w.chords, ChordSpan{w.t, bl, m.Chords[0].Chord.Transpose(o.key)})
		w.t += bl
	}
	notes := m.Notes
	if o.orn {
		notes = ornament(withVel(notes), m.Scale, 0.3, rng)
	}
	first, last = w.b.line("melody "+o.lead.Name, o.lead, notes, o.key, 0, w.t, 98, 30)
	cs := m.Chords
	if o.reharm {
		cs = reharmonise(cs, m.Scale, 0.5, rng)
	}
	end := w.t + float64(t.bars())*bl
	for _, c := range shift(cs, o.key, w.t) {
		if c.Start < end-eps {
			c.Dur = min(c.Dur, end-c.Start)
			w.chords = append(w.chords, c)
		}
	}
	w.chords[len(w.chords)-1].Dur = end - w.chords[len(w.chords)-1].Start
	w.t = end
	return first, last
}

func (w *stWriter) finish() *Score {
	w.flush()
	sc := w.b.score
	sc.End = w.t
	sc.BPM = w.tempo[0].BPM
	if len(w.tempo) > 1 {
		sc.Tempo = w.tempo
	}
	return w.b.finish(false)
}

// buildSTFile lays out and writes one file: a two-bar intro, the items (each gap gets its
// own key and tempo, or, half the time before a theme, the theme's), a two-bar outro; the
// gaps' units are added one at a time where the time is shortest against the gap's weight,
// while that brings the file nearer its target length.
func buildSTFile(h *half, themes []stTheme, occs []stOccPlan, spec stFileSpec, tex accomp, fill []Lead, seed uint64, fi int) stFile {
	rng := rand.New(rand.NewPCG(seed, stStream))
	items := spec.items
	keys := make([]stKey, len(items))
	for i, it := range items {
		if it.occ >= 0 {
			keys[i] = occs[it.occ].where(&themes[occs[it.occ].theme])
		} else {
			keys[i] = drawKey(rng)
		}
	}
	for i := range items {
		if items[i].occ < 0 && i+1 < len(items) && items[i+1].occ >= 0 && rng.IntN(2) == 0 {
			keys[i] = keys[i+1]
		}
	}
	units := make([]int, len(items))
	total := keys[0].sec(2) + keys[len(items)-1].sec(2)
	for i, it := range items {
		if it.occ >= 0 {
			total += keys[i].sec(occs[it.occ].bars(&themes[occs[it.occ].theme]))
		} else {
			units[i] = it.min
			total += float64(it.min) * keys[i].sec(4)
		}
	}
	for {
		best, bv := -1, math.Inf(1)
		for i, it := range items {
			if it.occ < 0 && it.weight > 0 {
				if v := float64(units[i]+1) * keys[i].sec(4) / it.weight; v < bv {
					best, bv = i, v
				}
			}
		}
		if best < 0 || math.Abs(total+keys[best].sec(4)-spec.target) >= math.Abs(total-spec.target) {
			break
		}
		units[best]++
		total += keys[best].sec(4)
	}
	var heads [][]Note
	for _, t := range themes {
		heads = append(heads, t.m.Notes[:min(6, len(t.m.Notes))])
	}
	w := &stWriter{b: newBuilder(keys[0].bpm, keys[0].meter, seed)}
	texOf := func(i int) accomp {
		if items[i].occ >= 0 {
			return occs[items[i].occ].tex
		}
		return tex
	}
	w.block(keys[0], texOf(0))
	w.home(2)
	out := stFile{File: spec.name}
	type span struct{ first, last float64 }
	var spans []span
	played, unit := 0, 0
	for i, it := range items {
		if it.occ >= 0 {
			o := &occs[it.occ]
			th := &themes[o.theme]
			w.block(keys[i], o.tex)
			f, l := w.theme(th, o, rng)
			spans = append(spans, span{f, l})
			out.Occs = append(out.Occs, stOcc{Theme: th.ID, Key: o.key, Tempo: o.tf, Lead: o.lead.Name, Texture: o.tex.Name})
			continue
		}
		if units[i] == 0 {
			continue
		}
		w.block(keys[i], tex)
		for u := range units[i] {
			unit++
			if u%3 == 2 { // every third unit of a long gap is accompaniment only
				w.progression(mix64(seed ^ uint64(unit)))
				continue
			}
			out.fillers = append(out.fillers, w.filler(fill[played%len(fill)], mix64(seed^uint64(unit)), heads))
			played++
		}
	}
	w.home(2)
	sc := w.finish()
	for k, s := range spans {
		out.Occs[k].Start, out.Occs[k].End = sc.Seconds(s.first), sc.Seconds(s.last)
	}
	deg, ft := h.degradeFor(fi), h.font(fi)
	drive := 0.0
	var descs []string
	for _, o := range out.Occs {
		descs = append(descs, fmt.Sprintf("%s %+d %gx on %s over %s", o.Theme, o.Key, o.Tempo, o.Lead, o.Texture))
	}
	for i := range items {
		if n := texOf(i).Name; strings.Contains(n, "distortion") || strings.Contains(n, "overdriven") {
			drive = 1.5 // a loud master, as the hosts with distorted guitars have
		}
	}
	descs = append(descs, fmt.Sprintf("between: %s and %s over %s", fill[0].Name, fill[1].Name, tex.Name))
	if deg.Desc != "" {
		descs = append(descs, deg.Desc)
	}
	if drive > 0 {
		descs = append(descs, "loud master")
	}
	out.Notes = strings.Join(append(descs, ft.Name), "; ")
	out.Job = Job{Score: sc, Rate: worldRate, Length: sc.Seconds(sc.End) + 0.6, SNR: deg.SNR, Pink: deg.Pink,
		Effects: deg.Effects, Seed: seed, SF2: ft.Path, Gain: 0.25, Drive: drive,
		Synth: []string{"-o", "synth.dynamic-sample-loading=1"}}
	return out
}

// containsPattern reports whether mel holds the notes of pat at some transposition and
// tempo: the same intervals and the same durations relative to the first note.
func containsPattern(mel, pat []Note) bool {
	if len(pat) == 0 || len(pat) > len(mel) {
		return false
	}
outer:
	for i := 0; i+len(pat) <= len(mel); i++ {
		r := mel[i].Dur / pat[0].Dur
		for k := range pat {
			m := mel[i+k]
			if m.Pitch-mel[i].Pitch != pat[k].Pitch-pat[0].Pitch || math.Abs(m.Dur-r*pat[k].Dur) > 1e-6 {
				continue outer
			}
		}
		return true
	}
	return false
}

// writeThemes writes themes.tsv: one row per planted occurrence in set, file and time order;
// a file without one gets a row with theme "-" so the reader knows its set.
func writeThemes(w io.Writer, sets []stSet) error {
	var b strings.Builder
	b.WriteString("set\tfile\ttheme\tstart\tend\tkey\tsplit\n")
	for _, s := range sets {
		for _, f := range s.Files {
			if len(f.Occs) == 0 {
				fmt.Fprintf(&b, "%s\t%s\t-\t0\t0\t0\t%s\n", s.ID, f.File, s.Split)
				continue
			}
			occs := slices.Clone(f.Occs)
			sort.SliceStable(occs, func(a, b int) bool { return occs[a].Start < occs[b].Start })
			for _, o := range occs {
				fmt.Fprintf(&b, "%s\t%s\t%s\t%.2f\t%.2f\t%d\t%s\n", s.ID, f.File, o.Theme, o.Start, o.End, o.Key, s.Split)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFiles writes files.tsv: what each file holds, for a reader or a listener.
func writeFiles(w io.Writer, sets []stSet) error {
	var b strings.Builder
	b.WriteString("set\tfile\tseconds\tnotes\tsplit\n")
	for _, s := range sets {
		for _, f := range s.Files {
			fmt.Fprintf(&b, "%s\t%s\t%.2f\t%s\t%s\n", s.ID, f.File, f.Seconds(), f.Notes, s.Split)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// buildSoundtracks renders both halves into out (out/tune, out/heldout) and writes
// themes.tsv, files.tsv and README.md there.
func buildSoundtracks(r *Renderer, out string, midi bool, jobs int) error {
	if err := checkFonts(); err != nil {
		return err
	}
	var sets []stSet
	for _, h := range worldHalves() {
		if err := os.MkdirAll(filepath.Join(out, h.Name), 0o755); err != nil {
			return err
		}
		sets = append(sets, soundtrackPlan(h)...)
	}
	rr := *r
	if midi {
		rr.MIDIDir = filepath.Join(out, "midi")
		if err := os.MkdirAll(rr.MIDIDir, 0o755); err != nil {
			return err
		}
	}
	var files []*stFile
	for i := range sets {
		for j := range sets[i].Files {
			files = append(files, &sets[i].Files[j])
		}
	}
	stats := make([]Stats, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for i, f := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			j := f.Job
			j.Name = filepath.Join(out, f.File)
			stats[i], errs[i] = rr.Render(j)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	total := map[string]float64{}
	for i, f := range files {
		s := stats[i]
		var spans []string
		for _, o := range f.Occs {
			spans = append(spans, fmt.Sprintf("%s %.2f-%.2f", o.Theme, o.Start, o.End))
			if o.Start < 0 || o.End > s.Duration+1e-3 || o.Start >= o.End {
				return fmt.Errorf("%s: theme %s at %.2f-%.2f outside the file (%.2f s)", f.File, o.Theme, o.Start, o.End, s.Duration)
			}
		}
		fmt.Fprintf(os.Stderr, "%-22s %6.2f s  rms %.3f  synth peak %.2f  %s\n", f.File, s.Duration, s.RMS, s.RawPeak, strings.Join(spans, ", "))
		if s.RMS < 0.02 {
			return fmt.Errorf("%s: nearly silent (RMS %.4f)", f.File, s.RMS)
		}
		total[filepath.Dir(f.File)] += s.Duration
	}
	for _, h := range worldHalves() {
		fmt.Fprintf(os.Stderr, "%s: %.1f min of audio\n", h.Name, total[h.Name]/60)
	}
	var tb, fb strings.Builder
	if err := writeThemes(&tb, sets); err != nil {
		return err
	}
	if err := writeFiles(&fb, sets); err != nil {
		return err
	}
	for name, data := range map[string][]byte{"themes.tsv": []byte(tb.String()), "files.tsv": []byte(fb.String()), "README.md": soundtrackReadme} {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
