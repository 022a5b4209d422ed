package match

import (
	"math"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

func checkResult(t *testing.T, r Result, a, b *Sequence) {
	t.Helper()
	if math.IsNaN(r.Score) || r.Score < 0 || r.Score > 1 {
		t.Errorf("score %v outside [0,1]", r.Score)
	}
	if r.Transposition < -5 || r.Transposition > 6 {
		t.Errorf("transposition %d outside -5..6", r.Transposition)
	}
	if r.Score > 0 && len(r.Segments) == 0 {
		t.Errorf("score %.3f but no segment: the best alignment must always be reported", r.Score)
	}
	for k, s := range r.Segments {
		if k > 0 && s.Score > r.Segments[k-1].Score {
			t.Errorf("segment %d score %.3f above segment %d's %.3f: not best first", k, s.Score, k-1, r.Segments[k-1].Score)
		}
		if k == 0 && s.Score != r.Score {
			t.Errorf("first segment score %.3f, result %.3f: not one scale", s.Score, r.Score)
		}
		if k > 0 && s.Score < Threshold {
			t.Errorf("segment %d score %.3f below threshold", k, s.Score)
		}
		for _, p := range r.Segments[:k] {
			if s.AStart < p.AEnd && p.AStart < s.AEnd && s.BStart < p.BEnd && p.BStart < s.BEnd {
				t.Errorf("segments %+v and %+v overlap in both tracks", p, s)
			}
		}
		if !(0 <= s.AStart && s.AStart < s.AEnd && s.AEnd <= a.Duration()) ||
			!(0 <= s.BStart && s.BStart < s.BEnd && s.BEnd <= b.Duration()) {
			t.Errorf("segment %d %+v outside the tracks (%.1f s, %.1f s)", k, s, a.Duration(), b.Duration())
		}
	}
}

func TestTransposition(t *testing.T) {
	opt := Options{}
	m := synth.FrereJacques()
	a := prepAudio(m, synth.Options{Tempo: 140, Timbre: synth.Flute()}, opt)
	for shift := -5; shift <= 6; shift++ {
		b := prepAudio(m, synth.Options{Tempo: 150, Transpose: shift, Timbre: synth.Piano(), Chords: true}, opt)
		r := Compare(a, b, opt)
		checkResult(t, r, a, b)
		if r.Transposition != shift || r.Score < 0.5 {
			t.Errorf("shift %+d: got transposition %+d score %.3f", shift, r.Transposition, r.Score)
		}
		// Swapping the tracks negates the transposition (mod 12).
		if r2 := Compare(b, a, opt); wrap(-r2.Transposition) != wrap(shift) {
			t.Errorf("shift %+d swapped: got %+d", shift, r2.Transposition)
		}
	}
}

func TestTempo(t *testing.T) {
	opt := Options{}
	m := synth.OdeToJoy()
	a := prepAudio(m, synth.Options{Tempo: 120, Timbre: synth.Clarinet()}, opt)
	for _, f := range []float64{1.3, 0.75, 1.4, 0.7} {
		b := prepAudio(m, synth.Options{Tempo: 120 * f, Transpose: 2, Timbre: synth.Strings(), Bass: true}, opt)
		r := Compare(a, b, opt)
		checkResult(t, r, a, b)
		if r.Score < 0.5 || math.Abs(r.TempoRatio/f-1) > 0.1 {
			t.Errorf("tempo %.2fx: score %.3f tempo ratio %.3f", f, r.Score, r.TempoRatio)
		}
	}
}

// host renders before + phrase + after and returns the prepared sequence
// and where the phrase sounds.
func host(phrase synth.Melody, before, after synth.Melody, so synth.Options, opt Options) (*Sequence, float64, float64) {
	h := synth.Concat("host", before, phrase, after)
	shifted := phrase
	shifted.Notes = nil
	for _, n := range phrase.Notes {
		n.Onset += before.Beats()
		shifted.Notes = append(shifted.Notes, n)
	}
	s0, s1 := synth.MelodySpan(shifted, so)
	return prepAudio(h, so, opt), s0, s1
}

func TestPhraseInHost(t *testing.T) {
	opt := Options{}
	for _, tc := range []struct {
		name   string
		phrase synth.Melody
		shift  int
		tempo  float64
	}{
		{"twinkle", synth.Twinkle(), 4, 1.2},
		{"greensleeves", synth.Greensleeves(), -3, 0.8},
		{"scarborough", synth.ScarboroughFair(), 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A: the phrase alone; B: the phrase inside other music; C: the
			// phrase inside yet other music (local on both sides).
			a := prepAudio(tc.phrase, synth.Options{Tempo: 110, Timbre: synth.Flute()}, opt)
			bo := synth.Options{Tempo: 110 * tc.tempo, Transpose: tc.shift, Timbre: synth.Piano(), Chords: true, Bass: true}
			b, b0, b1 := host(tc.phrase, synth.Random(1, 8, 0), synth.Random(2, 8, 7), bo, opt)
			r := Compare(a, b, opt)
			checkResult(t, r, a, b)
			if r.Score < 0.5 || len(r.Segments) == 0 {
				t.Fatalf("phrase not found: %+v", r)
			}
			s := r.Segments[0]
			if got := IoU(s.BStart, s.BEnd, b0, b1); got < 0.7 {
				t.Errorf("B span %.1f-%.1f vs truth %.1f-%.1f: IoU %.2f", s.BStart, s.BEnd, b0, b1, got)
			}
			if r.Transposition != tc.shift || math.Abs(r.TempoRatio/tc.tempo-1) > 0.1 {
				t.Errorf("transposition %d tempo %.2f, want %d %.2f", r.Transposition, r.TempoRatio, tc.shift, tc.tempo)
			}
			co := synth.Options{Tempo: 100, Timbre: synth.Clarinet(), Chords: true, Noise: true, SNR: 15}
			c, c0, c1 := host(tc.phrase, synth.Random(3, 12, 5), synth.Random(4, 6, 2), co, opt)
			r = Compare(c, b, opt)
			checkResult(t, r, c, b)
			if r.Score < 0.5 || len(r.Segments) == 0 {
				t.Fatalf("host-host: phrase not found: %+v", r)
			}
			s = r.Segments[0]
			if ia, ib := IoU(s.AStart, s.AEnd, c0, c1), IoU(s.BStart, s.BEnd, b0, b1); ia < 0.7 || ib < 0.7 {
				t.Errorf("host-host spans A %.1f-%.1f (truth %.1f-%.1f) B %.1f-%.1f (truth %.1f-%.1f): IoU %.2f %.2f",
					s.AStart, s.AEnd, c0, c1, s.BStart, s.BEnd, b0, b1, ia, ib)
			}
		})
	}
}

func TestSameVersusUnrelated(t *testing.T) {
	opt := Options{}
	tunes := synth.Tunes()
	arrA := synth.Options{Tempo: 110, Timbre: synth.Flute()}
	arrB := synth.Options{Tempo: 95, Transpose: -2, Timbre: synth.Strings(), Chords: true, Bass: true, Noise: true, SNR: 12, Seed: 7}
	var as, bs []*Sequence
	for _, m := range tunes {
		as = append(as, prepAudio(m, arrA, opt))
		bs = append(bs, prepAudio(m, arrB, opt))
	}
	falsePos := 0
	for i := range tunes {
		var same float64
		var others []float64
		for j := range tunes {
			r := Compare(as[i], bs[j], opt)
			checkResult(t, r, as[i], bs[j])
			if i == j {
				same = r.Score
				if r.Score < 0.5 || len(r.Segments) == 0 {
					t.Errorf("%s: same melody scores %.3f with %d segments", tunes[i].Name, r.Score, len(r.Segments))
				}
				continue
			}
			others = append(others, r.Score)
			if r.Score >= 0.5 {
				falsePos++
				t.Logf("%s vs %s: unrelated melodies score %.3f", tunes[i].Name, tunes[j].Name, r.Score)
			}
		}
		for _, o := range others {
			if o >= same {
				t.Errorf("%s: an unrelated melody scores %.3f, not below the same melody's %.3f", tunes[i].Name, o, same)
			}
		}
	}
	// Simple diatonic tunes in one key over block chords can share long
	// stretches of stepwise motion: allow one such pair in the 30 (the
	// dev-set rate is below 2%), no more.
	if falsePos > 1 {
		t.Errorf("%d of 30 unrelated pairs score >= 0.5", falsePos)
	}
	// These pairs, of different contour, must all stay well below.
	for _, p := range [][2]int{{0, 3}, {1, 5}, {2, 3}, {3, 0}, {5, 1}} {
		if r := Compare(as[p[0]], bs[p[1]], opt); r.Score >= 0.5 {
			t.Errorf("%s vs %s: score %.3f", tunes[p[0]].Name, tunes[p[1]].Name, r.Score)
		}
	}
}

func TestDegenerateInputs(t *testing.T) {
	opt := Options{}
	tune := prepAudio(synth.Twinkle(), synth.Options{Tempo: 120}, opt)
	silence, rate := chromaOf(make([]float32, 20*testRate))
	noiseOnly, _ := chromaOf(synth.Render(synth.Melody{BeatsPerBar: 4}, synth.Options{Tail: 20, Noise: true, SNR: 0, Seed: 3}))
	short, srate := audioChroma(synth.Twinkle(), synth.Options{Tempo: 240})
	short = short[:int(1.5*srate)]
	nan := make([][12]float32, 200)
	for i := range nan {
		for c := range nan[i] {
			nan[i][c] = float32(math.NaN())
		}
		nan[i][i%12] = float32(math.Inf(1))
	}
	for _, tc := range []struct {
		name string
		s    *Sequence
	}{
		{"silence", Prepare(silence, rate, opt)},
		{"noise", Prepare(noiseOnly, rate, opt)},
		{"too short", Prepare(short, srate, opt)},
		{"empty", Prepare(nil, 20, opt)},
		{"zero rate", Prepare(silence, 0, opt)},
		{"tiny rate", Prepare(silence, 1e-9, opt)},
		{"NaN", Prepare(nan, 20, opt)},
	} {
		for _, r := range []Result{Compare(tc.s, tune, opt), Compare(tune, tc.s, opt), Compare(tc.s, tc.s, opt)} {
			if r.Score != 0 || len(r.Segments) != 0 || math.IsNaN(r.TempoRatio) {
				t.Errorf("%s: got %+v, want score 0 and no segments", tc.name, r)
			}
		}
	}
	if r := Compare(nil, tune, opt); r.Score != 0 {
		t.Errorf("nil sequence: score %v", r.Score)
	}
}

func TestRepeatedPhraseSegments(t *testing.T) {
	opt := Options{}
	phrase := synth.Twinkle()
	a := prepAudio(phrase, synth.Options{Tempo: 120, Timbre: synth.Flute()}, opt)
	bo := synth.Options{Tempo: 130, Transpose: 5, Timbre: synth.Piano(), Chords: true}
	filler := synth.Random(9, 8, 5)
	h := synth.Concat("twice", phrase.Transposed(0), filler, phrase)
	b := prepAudio(h, bo, opt)
	first0, first1 := synth.MelodySpan(phrase, bo)
	off := (phrase.Beats() + filler.Beats()) * 60 / bo.Tempo
	r := Compare(a, b, opt)
	checkResult(t, r, a, b)
	if len(r.Segments) < 2 {
		t.Fatalf("want 2 segments, got %+v", r.Segments)
	}
	found := [2]bool{}
	for _, s := range r.Segments[:2] {
		found[0] = found[0] || IoU(s.BStart, s.BEnd, first0, first1) >= 0.7
		found[1] = found[1] || IoU(s.BStart, s.BEnd, first0+off, first1+off) >= 0.7
	}
	if !found[0] || !found[1] {
		t.Errorf("occurrences at %.1f-%.1f and %.1f-%.1f not both found: %+v", first0, first1, first0+off, first1+off, r.Segments)
	}
	if len(r.Path) < 2 || r.Path[0].A > r.Path[len(r.Path)-1].A || r.Path[0].B > r.Path[len(r.Path)-1].B {
		t.Errorf("path not increasing: %v", r.Path)
	}
}

func TestCrossSimilarity(t *testing.T) {
	opt := Options{}
	m := synth.FrereJacques()
	a := prepAudio(m, synth.Options{Tempo: 120}, opt)
	b := prepAudio(m, synth.Options{Tempo: 120, Transpose: 3}, opt)
	for _, tr := range []int{3, 0} {
		sim := CrossSimilarity(a, b, tr)
		s, rows, cols, rate := sim.Values, sim.Rows, sim.Cols, sim.FrameRate
		if rows != a.Len() || cols != b.Len() || len(s) != rows*cols || rate != a.FrameRate() {
			t.Fatalf("shape %dx%d (%d) rate %v", rows, cols, len(s), rate)
		}
		diag := 0.0
		for i := 0; i < min(rows, cols); i++ {
			diag += float64(s[i*cols+i])
		}
		diag /= float64(min(rows, cols))
		if tr == 3 && diag < 0.6 || tr == 0 && diag > 0.4 {
			t.Errorf("transposition %d: mean diagonal similarity %.2f", tr, diag)
		}
		for _, v := range s {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("value %v outside [0,1]", v)
			}
		}
	}
}

func TestSelfMatches(t *testing.T) {
	opt := Options{}
	phrase := synth.FrereJacques()
	so := synth.Options{Tempo: 140, Timbre: synth.Piano(), Chords: true}
	filler := synth.Random(11, 8, 0)
	song := synth.Concat("song", filler, phrase, synth.Random(12, 6, 0), phrase.Transposed(3))
	s := prepAudio(song, so, opt)
	off1 := filler.Beats() * 60 / so.Tempo
	off2 := (filler.Beats() + phrase.Beats() + 24) * 60 / so.Tempo
	p0, p1 := synth.MelodySpan(phrase, so)
	segs := SelfMatches(s, 0, opt)
	if len(segs) == 0 {
		t.Fatal("no repeat found")
	}
	g := segs[0]
	if IoU(g.AStart, g.AEnd, p0+off1, p1+off1) < 0.7 || IoU(g.BStart, g.BEnd, p0+off2, p1+off2) < 0.7 || g.Transposition != 3 {
		t.Errorf("got %+v, want A %.1f-%.1f B %.1f-%.1f transposition 3", g, p0+off1, p1+off1, p0+off2, p1+off2)
	}
	if segs := SelfMatches(prepAudio(synth.Random(13, 16, 0), so, opt), 0, opt); len(segs) > 0 && segs[0].Score > 0.9 {
		t.Logf("random melody has a strong self-repeat: %+v", segs[0]) // random walks can repeat; just report
	}
}
