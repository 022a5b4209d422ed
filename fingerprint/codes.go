package fingerprint

import (
	"cmp"
	"math"
	"slices"

	matching "github.com/leitmotif-audio/leitmotif/internal/match"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// Codes: design and reasons (text for the package documentation).
//
// A code must survive what separates two versions of a melody: another key, a tempo from 0.7
// to 1.4 times, other instruments, an accompaniment, noise, and a cut anywhere (a 10-20 s
// phrase of a long piece). Audio fingerprinters hash landmarks — pairs of spectral peaks
// with their frequencies and time difference (Wang 2003, Shazam), or triplets of peaks whose
// frequency and time *ratios* are hashed so that pitch shifts and time stretches of one
// recording cancel (Six & Leman 2014, Panako). Both identify one recording: a new
// arrangement has none of its spectral peaks, and a transposition by semitones moves every
// chroma bin. The 2D Fourier transform magnitude of beat-synchronous chroma patches
// (Bertin-Mahieux & Ellis 2012) is key invariant (a transposition is a circular shift along
// the pitch axis, which the magnitude ignores) and was designed for cover songs, but it needs
// a beat tracker for tempo invariance, yields real vectors to be searched by nearest
// neighbours rather than exact hashes, and summarises a whole song, in which a short phrase
// is lost; it is not used here.
//
// Here a code is a Panako-style hash over melody *events* instead of spectral peaks:
//
//  1. The chroma is read in two views, as internal/match reads it: the melody view (a share
//     of 0.8 of each pitch class taken away a fifth below, for the third harmonic; power 2,
//     so the loudest line dominates; per-frame L1 normalisation) and the harmony view
//     (power 1, no fifth correction: a band's power chords, an orchestra's several lines).
//     Frames with no pitch class at 1.5 times the mean are noise or silence. Each view is
//     smoothed (Hann, 0.3 s) and detrended (the mean of the surrounding 4 s taken away),
//     which removes pads, drones and the key profile.
//  2. Events are the changes of the top pitch class of a view: runs of at least 0.15 s of
//     one top class (shorter ones are grace notes, ornaments and transitions) with a
//     detrended value of at least 0.05, merged when the class repeats. The onset of an event
//     is where the new class overtakes the old one in the unsmoothed linear chroma,
//     interpolated between frames (a standard deviation of 22-31 ms against the notes of
//     synthetic melodies, where the crossing in the smoothed view gave 41 ms). A silence
//     of more than 1.5 s starts a new chain of events.
//  3. A code joins an anchor event to its next three events of the chain within 6 s: the
//     three pitch intervals mod 12 (key invariant; 4 bits each) and the two ratios of
//     consecutive inter-onset intervals (tempo invariant), each quantised on a log2 scale
//     to shorter (< 0.71), about equal, longer (> 1.41): 2 bits each; bit 31 names the view.
//     So 16 bits of a 32-bit hash are used, 31,104 values; the interval and rhythm contour
//     of four notes is specific enough (the world set's tuning half with 1,000 distractor
//     tracks, 87,000 codes, holds 10,750 distinct hashes; a 30 s query meets about 1,500
//     postings) and local enough that any cut of a phrase keeps the codes inside it.
//  4. Density: one code per anchor and view (about 200 a minute on the generated sets'
//     melodies), of which the index keeps one in every two consecutive codes of a view by
//     the least mixed hash (winnowing, Schleimer, Wilkerson & Aiken 2003: about 2/3 of the
//     codes, and at least one in every two; on the generated sets 127-139 codes a minute,
//     about 105 with slower music: at most about 1.6 KiB a minute at 12 bytes a posting). A query
//     keeps every code, so it holds whatever code the index kept for the same notes, and
//     for each duration ratio within 0.2 (log2) of a bin edge also the code with the other
//     bin (QueryCodes), as the onsets jitter by a few tens of milliseconds.
//
// Time is the anchor's onset at CodeRate frames per second.
//
// Measured (internal/cmd/codeseval, candidate recall@10 / MRR of the first relevant track,
// every file querying an index of the set plus 1,000 synthetic distractor tracks; dev |
// world tune | world held-out; tuned on the first two):
//
//   - this design: 0.80/0.89 | 0.53/0.61 | 0.58/0.71 at 127-139 codes/min (without the
//     distractors 0.81/0.90 | 0.58/0.64 | 0.62/0.72); querying with Codes instead of
//     QueryCodes: 0.77/0.88 | 0.50/0.60 | 0.55/0.70;
//   - the same without winnowing: 0.79/0.90 | 0.57/0.64 | 0.58/0.72 at 194-212 codes/min,
//     over the index budget of about 170;
//   - the melody view alone, two codes per anchor (the consecutive events and the same with
//     the first skipped, for a spurious or missed event after the anchor): 0.81/0.88 |
//     0.52/0.61 | 0.57/0.70 at 188-209 codes/min; at equal density, more codes per anchor
//     never paid as much as the second view; with seven log2 ratio bins of width 0.5 and no
//     query expansion: 0.74/0.89 | 0.46/0.56 | 0.53/0.65;
//   - triplets (two intervals, one ratio), melody view: 0.81/0.88 | 0.50/0.60 | 0.56/0.69 at
//     102-108 codes/min, but only 363 distinct hashes, so 8 times the postings per query
//     (12,400 against 1,500 here): too slow for a large index;
//   - on an earlier version (melody view, two codes per anchor, onsets at the first frame of
//     a run: 0.75/0.89 | 0.50/0.58 on dev | tune), quintuplets gave 0.63/0.83 | 0.35/0.49
//     and quadruplets of intervals without ratios 0.77/0.85 | 0.49/0.58 with 20 times the
//     postings.
//
// Timing the onsets on the crossing in the linear chroma and three ratio bins instead of
// seven of width 0.5 raised the share of a synthetic melody's distinct codes kept at 1.25
// times the tempo from 0.62 to 0.88, and under a flute instead of a piano from 0.60 to 0.88. Across materials the codes follow a lead line best
// (world held-out recall@10 0.77) and orchestral cues well (0.69); band textures (0.48) and
// 2-8 s motifs in long hosts (0.30) are where the full alignment must do without them.

// CodeRate is the frame rate of Code.Time (and so of Posting.Time): codes are anchored on a
// 0.1 s grid, whatever the frame rate of the chroma they come from.
const CodeRate = 10.0

// codesVersion numbers the code design: an index built with another cannot be searched.
const codesVersion = 1

// Code is one melodic code of a track: a hash that does not change with key or tempo, and the
// time of its anchor event in frames of 1/CodeRate seconds.
type Code struct {
	Hash uint32
	Time uint32
}

// Parameters of the code design (see above for their reasons).
const (
	// melody view: fifth correction and power, as internal/match's; harmony view: none, 1
	melodyFifth, melodyPower = 0.8, 2
	// minPeak is the least ratio of the largest bin to the mean for a frame to count as
	// pitched (internal/match's).
	minPeak = 1.5
	// smoothSec is the Hann window over which a view is smoothed before its top pitch class
	// is read; detrendSec the moving mean taken away.
	smoothSec, detrendSec = 0.3, 4
	// minSalience is the least detrended value (of a frame summing to 1) of the top class.
	minSalience = 0.05
	// minNoteSec is the shortest run of one top class that makes an event; maxGapSec the
	// longest silence inside a chain of events; maxSpanSec the longest span of a code.
	minNoteSec, maxGapSec, maxSpanSec = 0.15, 1.5, 6
	// codeEvents is the number of events a code joins.
	codeEvents = 4
	// ratioEdge is where, in log2 of a ratio of inter-onset intervals, "about equal" ends;
	// expandMargin how close to an edge a query's ratio also gives the other bin.
	ratioEdge, expandMargin = 0.5, 0.2
	// winnowWindow is the number of consecutive codes of a view of which the index keeps
	// the least.
	winnowWindow = 2
	// harmonyBit marks the codes of the harmony view.
	harmonyBit = 1 << 31
)

// Codes returns the codes a catalogued track is indexed with, in time order.
func Codes(f *motif.Features) []Code {
	return codes(f.Frames, f.FrameRate, false)
}

// QueryCodes returns the codes to search the index with for a query, in time order: every
// code (Codes keeps about two in three) and, where a duration ratio lies near a bin edge, the
// code with the other bin too, so it finds what Codes indexed for the same notes. Vote takes
// them.
func QueryCodes(f *motif.Features) []Code {
	return codes(f.Frames, f.FrameRate, true)
}

// codes returns the codes of chroma frames at rate frames per second, for the index or a
// query.
func codes(frames [][12]float32, rate float64, query bool) []Code {
	var out []Code
	for _, v := range []struct {
		fifth, power float64
		bit          uint32
	}{{melodyFifth, melodyPower, 0}, {0, 1, harmonyBit}} {
		cs := eventCodes(events(frames, rate, v.fifth, v.power), v.bit, query)
		if !query {
			cs = winnow(cs, winnowWindow)
		}
		out = append(out, cs...)
	}
	slices.SortStableFunc(out, func(a, b Code) int { return cmp.Compare(a.Time, b.Time) })
	return out
}

// event is one change of the top pitch class: its onset in seconds, its pitch class, and
// the chain of events it belongs to (a long silence starts a new one).
type event struct {
	t     float64
	pc    int
	chain int
}

// events finds the changes of the top pitch class of one view of chroma frames.
func events(frames [][12]float32, rate, fifth, power float64) []event {
	n := len(frames)
	if n == 0 || !(rate >= 0.5) || math.IsInf(rate, 0) {
		return nil
	}
	x := make([][12]float64, n)   // the view, per frame summing to 1
	lin := make([][12]float64, n) // fifth-corrected chroma, linear: onsets are timed on it
	valid := make([]bool, n)
	for i, f := range frames {
		var raw [12]float64
		sum, mx := 0.0, 0.0
		for c, v := range f {
			if v > 0 && !math.IsInf(float64(v), 0) { // NaN fails v > 0
				raw[c] = float64(v)
				sum += raw[c]
				mx = max(mx, raw[c])
			}
		}
		if sum == 0 || mx*12/sum < minPeak {
			continue // silent or noise-like: no pitch class stands out
		}
		s := 0.0
		for c, v := range raw {
			// the third harmonic of every note lands a fifth above it
			if v -= fifth * raw[(c+5)%12]; v > 0 {
				lin[i][c] = v
				x[i][c] = math.Pow(v, power)
				s += x[i][c]
			}
		}
		if s > 0 {
			valid[i] = true
			for c := range x[i] {
				x[i][c] /= s
			}
		}
	}
	// Light Hann smoothing steadies the choice of the top pitch class; onsets are timed on
	// the unsmoothed values, which smoothing would blur.
	half := int(math.Round(smoothSec * rate / 2))
	if half > 0 {
		win := make([]float64, 2*half+1)
		for k := range win {
			win[k] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(k+1)/float64(len(win)+1))
		}
		sm := make([][12]float64, n)
		for i := range sm {
			if !valid[i] {
				continue
			}
			ws := 0.0
			for k, w := range win {
				j := i - half + k
				if j < 0 || j >= n || !valid[j] {
					continue
				}
				ws += w
				for c := range sm[i] {
					sm[i][c] += w * x[j][c]
				}
			}
			for c := range sm[i] {
				sm[i][c] /= ws
			}
		}
		x = sm
	}
	// Pads, drones and the key profile move slowly; a melody does not.
	long := matching.MovingMean(x, valid, max(1, int(math.Round(detrendSec*rate/2))))
	for i := range x {
		for c := range x[i] {
			x[i][c] -= long[i][c]
		}
	}
	// Runs of frames with one top pitch class.
	type run struct{ start, end, pc int } // frames [start, end)
	var runs []run
	for i := range n {
		if !valid[i] {
			continue
		}
		top := 0
		for c := 1; c < 12; c++ {
			if x[i][c] > x[i][top] {
				top = c
			}
		}
		if x[i][top] < minSalience {
			continue
		}
		if l := len(runs) - 1; l >= 0 && runs[l].end == i && runs[l].pc == top {
			runs[l].end++
			continue
		}
		runs = append(runs, run{i, i + 1, top})
	}
	minLen := max(1, int(math.Round(minNoteSec*rate)))
	maxGap := int(math.Round(maxGapSec * rate))
	var ev []event
	chain, lastEnd, cur := 0, -1, -1
	for _, r := range runs {
		if r.end-r.start < minLen {
			continue
		}
		if lastEnd >= 0 && r.start-lastEnd > maxGap {
			chain++
			cur = -1
		}
		if r.pc == cur {
			lastEnd = r.end
			continue
		}
		// The onset: where the new class overtakes the previous one in the linear chroma,
		// at the crossing nearest the start of the run.
		t := float64(r.start) - 0.5
		if cur >= 0 {
			bestD := math.Inf(1)
			for k := max(1, r.start-half-1); k <= min(n-1, r.start+half); k++ {
				if !valid[k-1] || !valid[k] {
					continue
				}
				d0, d1 := lin[k-1][r.pc]-lin[k-1][cur], lin[k][r.pc]-lin[k][cur]
				if d0 <= 0 && d1 > 0 {
					tc := float64(k-1) - d0/(d1-d0)
					if d := math.Abs(tc - float64(r.start)); d < bestD {
						t, bestD = tc, d
					}
				}
			}
		}
		ev = append(ev, event{t: t / rate, pc: r.pc, chain: chain})
		cur, lastEnd = r.pc, r.end
	}
	return ev
}

// eventCodes hashes each anchor event with its next codeEvents-1 events of the same chain
// within maxSpanSec, in anchor order; with query, a code whose duration ratios lie near a bin
// edge also comes with the neighbouring bins.
func eventCodes(ev []event, bit uint32, query bool) []Code {
	var out []Code
	var hs []uint32
	for i, a := range ev {
		j := i + codeEvents - 1
		if j >= len(ev) || ev[j].chain != a.chain || ev[j].t-a.t > maxSpanSec {
			continue
		}
		hs = hashes(hs[:0], ev[i:j+1], bit, query)
		for _, h := range hs {
			out = append(out, Code{Hash: h, Time: uint32(math.Round(max(0, a.t) * CodeRate))})
		}
	}
	return out
}

// hashes appends to hs the hash of the events e (an anchor and its next three): bit 31 the
// view, bits 15-4 the three pitch intervals mod 12 (4 bits each, first interval highest),
// bits 3-0 the two ratios of consecutive inter-onset intervals (2 bits each: 0 shorter, 1
// about equal, 2 longer). With expand, the variants with a ratio near an edge in the other
// bin follow.
func hashes(hs []uint32, e []event, bit uint32, expand bool) []uint32 {
	base := bit
	for k := 1; k < len(e); k++ {
		base |= uint32((e[k].pc-e[k-1].pc+12)%12) << (4 * (len(e) - k))
	}
	hs = append(hs, base)
	for k := 2; k < len(e); k++ {
		d0 := math.Max(e[k-1].t-e[k-2].t, 1e-3)
		d1 := math.Max(e[k].t-e[k-1].t, 1e-3)
		r := math.Log2(d1 / d0)
		shift := 2 * (len(e) - 1 - k)
		q := ratioBin(r)
		n := len(hs)
		for i := range n {
			hs[i] |= q << shift
		}
		if !expand {
			continue
		}
		// the other bin when r lies within expandMargin of an edge
		alt := ratioBin(r + expandMargin)
		if alt == q {
			alt = ratioBin(r - expandMargin)
		}
		if alt != q {
			for i := range n {
				hs = append(hs, hs[i]&^(3<<shift)|alt<<shift)
			}
		}
	}
	return hs
}

// ratioBin quantises the log2 ratio of two inter-onset intervals: 0 shorter, 1 about equal, 2
// longer.
func ratioBin(r float64) uint32 {
	switch {
	case r < -ratioEdge:
		return 0
	case r > ratioEdge:
		return 2
	}
	return 1
}

// winnow keeps, of every w consecutive codes, the one with the least mixed hash (the last of
// equals), each once (Schleimer, Wilkerson, Aiken 2003): about 2/(w+1) of the codes, and at
// least one in every w, so that any stretch of shared notes keeps codes in the index.
func winnow(cs []Code, w int) []Code {
	if len(cs) == 0 || w <= 1 {
		return cs
	}
	w = min(w, len(cs))
	var out []Code
	last := -1
	for s := 0; s+w <= len(cs); s++ {
		best := s
		for i := s; i < s+w; i++ {
			if mix(cs[i].Hash) <= mix(cs[best].Hash) {
				best = i
			}
		}
		if best != last {
			out = append(out, cs[best])
			last = best
		}
	}
	return out
}

// mix scrambles a hash (multiplication by an odd constant, a bijection) so that winnowing
// does not prefer small intervals.
func mix(h uint32) uint32 { return h * 0x9e3779b1 }
