package main

import (
	"fmt"
	"hash/fnv"
	"math"
	"path"
	"sort"
	"strings"
)

// The plan: which recording goes to which half and role, where every excerpt is cut, and
// every transformation's parameters. It depends only on the tables in packages.go and the
// seed, never on the audio, so it is the same on every machine; genre, which is measured on
// the audio, is added when the references are decoded.

const (
	halfTune    = 0
	halfHeldout = 1
)

var halfNames = [2]string{"tune", "heldout"}

// Counts per half.
const (
	longSplices  = 10 // 12–25 s phrases in hosts
	shortSplices = 6  // 4–8 s phrases in hosts
	negatives    = 2  // hosts that hide nothing
	minWorkDur   = 100.0
	crossfade    = 0.5 // seconds, centred on each edge of a spliced phrase
	margin       = 8.0 // seconds decoded around a reference window (for shifted starts)
	maxShift     = 6.0 // largest start shift of a version
	phraseGuard  = 7.0 // a phrase starts at least this far inside its reference window
	sampleRate   = 22050
	hostMinLen   = 45.0
	hostMaxLen   = 85.0
	refMinLen    = 60.0
	refMaxLen    = 90.0
	snrMin       = 10.0
	snrMax       = 20.0
	tempoMin     = 0.8
	tempoMax     = 1.25
	pitchMin     = -4
	pitchMax     = 5
	shiftMinimum = 2.0
)

// rng is splitmix64: small, fast, and the same stream on every platform and Go version.
type rng struct{ s uint64 }

// newRNG returns a generator keyed by the seed and a name, so that each decision has its
// own stream and adding a recording does not move every other choice.
func newRNG(seed uint64, key ...string) *rng {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d", seed)
	for _, k := range key {
		h.Write([]byte{0})
		h.Write([]byte(k))
	}
	return &rng{s: h.Sum64()}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// uniform returns a number in [a, b).
func (r *rng) uniform(a, b float64) float64 { return a + (b-a)*r.float() }

// intn returns an integer in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// norm returns a standard normal number (Box–Muller).
func (r *rng) norm() float64 {
	u := r.float()
	for u == 0 {
		u = r.float()
	}
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.float())
}

// round rounds x to the given number of decimals.
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

// work is a recording used for a reference excerpt and its versions.
type work struct {
	Rec  recording
	ID   string
	Half int
	// R0 and L: the reference excerpt is [R0, R0+L] of the recording.
	R0, L float64
	// SrcStart and SrcEnd: the part of the recording decoded for it (the excerpt with
	// margins for shifted versions and phrases).
	SrcStart, SrcEnd float64
	Versions         []version
	Genre            string // filled in from the audio
	GenreNote        string
}

// version is one transformed copy of a work's excerpt.
type version struct {
	Name  string
	Pitch int     // semitones (sox pitch, cents = 100*Pitch)
	Tempo float64 // sox tempo -m factor: the version is Tempo times faster
	Shift float64 // the version's window starts Shift seconds later in the recording
	EQ    string  // sox effects, "" for none
	EQDesc,
	Reverb string // sox reverb arguments, "" for none
	SNR    float64 // additive white noise at this SNR in dB, 0 for none
	Codec  string  // "mp3" or "ogg" round trip, "" for none
	CodecQ int     // mp3 bit rate in kb/s or Vorbis quality
}

// host is a recording that hides a phrase of a work (or nothing).
type host struct {
	Rec  recording
	ID   string
	Half int
	Kind string // "splice", "short" or "neg"
	// H0 and Lh: the host is [H0, H0+Lh] of its recording.
	H0, Lh float64
	Src    *work // nil for a negative
	// The phrase: [P0, P0+P*Tempo] of Src's recording, played Tempo times faster and
	// Pitch semitones higher, so that it lasts P seconds in the host, from Ins.
	P0, P  float64
	Pitch  int
	Tempo  float64
	Ins    float64
	Genre  string // filled in from the audio
	HGenre string // the host recording's own genre
}

// plan is the whole set.
type plan struct {
	Seed  uint64
	Works []*work
	Hosts []*host
}

// recID gives a recording's identifier: the package's short name and the file's base name.
func recID(r recording) string {
	short := ""
	for _, p := range packages {
		if p.Name == r.Pkg {
			short = p.Short
		}
	}
	base := strings.TrimSuffix(path.Base(r.Path), path.Ext(r.Path))
	var b strings.Builder
	for _, c := range base {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteRune(c)
		default:
			b.WriteRune('_')
		}
	}
	return short + "_" + b.String()
}

// makePlan lays out the set for a seed.
func makePlan(seed uint64) (*plan, error) {
	pl := &plan{Seed: seed}
	ids := map[string]bool{}
	for _, r := range recordings {
		id := recID(r)
		if ids[id] {
			return nil, fmt.Errorf("two recordings named %s", id)
		}
		ids[id] = true
	}
	// Split by source recording, stratified by package: each package's recordings in a
	// seeded order, alternately to the two halves, starting with the half that has fewer.
	var halves [2][]recording
	for _, p := range packages {
		var rs []recording
		for _, r := range recordings {
			if r.Pkg == p.Name {
				rs = append(rs, r)
			}
		}
		shuffle(rs, seed, "split")
		h := halfTune
		if len(halves[halfHeldout]) < len(halves[halfTune]) {
			h = halfHeldout
		}
		for _, r := range rs {
			halves[h] = append(halves[h], r)
			h = 1 - h
		}
	}
	for h := range 2 {
		rs := halves[h]
		// Hosts: every recording too short for a reference, then others in a seeded
		// order; works: the rest.
		shuffle(rs, seed, "role")
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Dur < minWorkDur && rs[j].Dur >= minWorkDur })
		nh := longSplices + shortSplices + negatives
		if len(rs) < nh+longSplices+shortSplices {
			return nil, fmt.Errorf("%s half: %d recordings, too few for %d hosts and their phrases", halfNames[h], len(rs), nh)
		}
		hostRecs, workRecs := rs[:nh], rs[nh:]
		var works []*work
		for _, r := range workRecs {
			works = append(works, planWork(seed, r, h))
		}
		sortWorks(works)
		pl.Works = append(pl.Works, works...)
		// Phrase sources: distinct works in a seeded order.
		src := append([]*work(nil), works...)
		shuffle(src, seed, "phrase", halfNames[h])
		hs := append([]recording(nil), hostRecs...)
		sort.Slice(hs, func(i, j int) bool { return hs[i].Path < hs[j].Path })
		shuffle(hs, seed, "host", halfNames[h])
		var hosts []*host
		for i, r := range hs {
			var kind string
			var w *work
			switch {
			case i < longSplices:
				kind, w = "splice", src[i]
			case i < longSplices+shortSplices:
				kind, w = "short", src[i]
			default:
				kind = "neg"
			}
			hosts = append(hosts, planHost(seed, r, h, kind, w))
		}
		sort.Slice(hosts, func(i, j int) bool { return hosts[i].ID < hosts[j].ID })
		pl.Hosts = append(pl.Hosts, hosts...)
	}
	return pl, nil
}

func sortWorks(ws []*work) { sort.Slice(ws, func(i, j int) bool { return ws[i].ID < ws[j].ID }) }

// shuffle puts xs in a seeded order: sorted by a hash of the key and each element's name.
func shuffle[T any](xs []T, seed uint64, key ...string) {
	name := func(x T) string {
		switch v := any(x).(type) {
		case recording:
			return v.Path
		case *work:
			return v.Rec.Path
		}
		panic("shuffle: unknown type")
	}
	h := make(map[string]uint64, len(xs))
	for _, x := range xs {
		k := append(append([]string(nil), key...), name(x))
		h[name(x)] = newRNG(seed, k...).next()
	}
	sort.SliceStable(xs, func(i, j int) bool { return h[name(xs[i])] < h[name(xs[j])] })
}

func planWork(seed uint64, r recording, h int) *work {
	g := newRNG(seed, "work", r.Path)
	w := &work{Rec: r, ID: recID(r), Half: h}
	// A 60–90 s excerpt (mean 67.5 s: 60 s plus 30 s times the product of two uniform
	// numbers, so that short excerpts are common and the set stays small), away from the intro when the recording
	// allows it.
	w.L = round(math.Min(refMinLen+g.uniform(0, 1)*g.uniform(0, refMaxLen-refMinLen), r.Dur-2*margin-1), 1)
	lo := math.Max(margin, 0.1*r.Dur)
	hi := r.Dur - w.L - margin - 0.5
	if hi < lo {
		lo = (r.Dur - w.L) / 2
		hi = lo
	}
	w.R0 = round(g.uniform(lo, hi), 1)
	w.SrcStart = w.R0 - margin
	w.SrcEnd = w.R0 + w.L + margin
	n := 2 + g.intn(2)
	// Degradations in a seeded order, one per version, so that each appears about as
	// often; a second one now and then, and a start shift for about half the versions.
	degs := []string{"eq", "reverb", "noise", "codec"}
	for i := len(degs) - 1; i > 0; i-- {
		j := g.intn(i + 1)
		degs[i], degs[j] = degs[j], degs[i]
	}
	for i := range n {
		v := version{Name: fmt.Sprintf("v%d", i+1)}
		v.Pitch = pitchMin + g.intn(pitchMax-pitchMin+1)
		v.Tempo = round(g.uniform(tempoMin, tempoMax), 2)
		use := map[string]bool{degs[i%len(degs)]: true}
		if g.float() < 0.35 {
			use[degs[(i+2)%len(degs)]] = true
		}
		if g.float() < 0.5 {
			v.Shift = round(g.uniform(shiftMinimum, maxShift), 1)
			if g.float() < 0.5 {
				v.Shift = -v.Shift
			}
		}
		if use["eq"] {
			v.EQ, v.EQDesc = eqChoice(g)
		}
		if use["reverb"] {
			v.Reverb = fmt.Sprintf("%d 50 %d", 40+g.intn(41), 60+g.intn(41))
		}
		if use["noise"] {
			v.SNR = round(g.uniform(snrMin, snrMax), 1)
		}
		if use["codec"] {
			if g.float() < 0.5 {
				v.Codec, v.CodecQ = "mp3", []int{32, 48, 64}[g.intn(3)]
			} else {
				v.Codec, v.CodecQ = "ogg", g.intn(3)
			}
		}
		w.Versions = append(w.Versions, v)
	}
	return w
}

// eqChoice returns a sox equaliser chain and its description.
func eqChoice(g *rng) (effects, desc string) {
	a, b := 6+g.intn(7), 3+g.intn(6)
	switch g.intn(4) {
	case 0:
		return fmt.Sprintf("bass +%d treble -%d", a, b), fmt.Sprintf("dark: bass +%d dB, treble -%d dB", a, b)
	case 1:
		return fmt.Sprintf("bass -%d treble +%d", b, a), fmt.Sprintf("bright: bass -%d dB, treble +%d dB", b, a)
	case 2:
		f := []int{500, 800, 1200, 2000, 3000}[g.intn(5)]
		return fmt.Sprintf("equalizer %d 1q +%d", f, a), fmt.Sprintf("peak +%d dB at %d Hz", a, f)
	default:
		return "highpass 300 lowpass 3400", "telephone band 300-3400 Hz"
	}
}

func planHost(seed uint64, r recording, h int, kind string, w *work) *host {
	g := newRNG(seed, "host", r.Path)
	ho := &host{Rec: r, ID: recID(r), Half: h, Kind: kind, Src: w, Tempo: 1}
	ho.Lh = round(math.Min(g.uniform(hostMinLen, hostMaxLen), r.Dur-2), 1)
	lo := math.Min(5, (r.Dur-ho.Lh)/2)
	ho.H0 = round(g.uniform(lo, r.Dur-ho.Lh-1), 1)
	if w == nil {
		return ho
	}
	if kind == "splice" {
		ho.P = round(g.uniform(12, 25), 1)
	} else {
		ho.P = round(g.uniform(4, 8), 1)
	}
	ho.Pitch = pitchMin + g.intn(pitchMax-pitchMin+1)
	ho.Tempo = round(g.uniform(tempoMin, tempoMax), 2)
	srcLen := ho.P * ho.Tempo
	ho.P0 = round(g.uniform(w.R0+phraseGuard, w.R0+w.L-phraseGuard-srcLen), 2)
	ho.Ins = round(g.uniform(4, ho.Lh-ho.P-4), 2)
	return ho
}

// shared returns the seconds of a version file where the reference's material sounds:
// the overlap of the two windows in the recording, mapped to the version's time.
func (w *work) shared(v version) (start, end float64) {
	a := math.Max(w.R0, w.R0+v.Shift)
	b := math.Min(w.R0+w.L, w.R0+v.Shift+w.L)
	return (a - (w.R0 + v.Shift)) / v.Tempo, (b - (w.R0 + v.Shift)) / v.Tempo
}
