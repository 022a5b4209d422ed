package synth

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	m, err := Parse("x", 0, false, 4, "C4 D#4:0.5 | R:1.5 Bb3:2")
	if err != nil {
		t.Fatal(err)
	}
	want := []Note{{60, 0, 1}, {63, 1, 0.5}, {58, 3, 2}}
	if len(m.Notes) != len(want) {
		t.Fatalf("got %v, want %v", m.Notes, want)
	}
	for i, n := range want {
		if m.Notes[i] != n {
			t.Errorf("note %d = %v, want %v", i, m.Notes[i], n)
		}
	}
	if got := m.Beats(); got != 8 {
		t.Errorf("Beats = %v, want 8 (rounded up to the bar)", got)
	}
	for _, bad := range []string{"H4", "C", "C4:x", "C4:-1"} {
		if _, err := Parse("x", 0, false, 4, bad); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
}

func TestTunesParse(t *testing.T) {
	for _, m := range Tunes() {
		if len(m.Notes) < 20 || m.Beats() < 24 {
			t.Errorf("%s: %d notes, %v beats: too short", m.Name, len(m.Notes), m.Beats())
		}
	}
}

// goertzel returns the power of x at frequency f.
func goertzel(x []float32, f, rate float64) float64 {
	w := 2 * math.Pi * f / rate
	var re, im float64
	for i, v := range x {
		re += float64(v) * math.Cos(w*float64(i))
		im -= float64(v) * math.Sin(w*float64(i))
	}
	return re*re + im*im
}

func TestRenderPitchAndLength(t *testing.T) {
	m, _ := Parse("a", 9, false, 4, "A4:4")
	for _, tr := range []int{0, 3, -5} {
		opt := Options{SampleRate: 8000, Tempo: 120, Transpose: tr, Lead: 0.5}
		x := Render(m, opt)
		if want := int(math.Ceil((0.5 + 2) * 8000)); len(x) != want {
			t.Fatalf("len = %d, want %d", len(x), want)
		}
		f := midiHz(69 + tr)
		seg := x[8000 : 8000+4000]
		on, off := goertzel(seg, f, 8000), goertzel(seg, f*1.06, 8000)
		if on < 100*off {
			t.Errorf("transpose %d: power at %.1f Hz %.3g not >> %.3g a semitone up", tr, f, on, off)
		}
		for _, v := range x[:3000] { // the lead is silent
			if v != 0 {
				t.Fatalf("lead not silent")
			}
		}
	}
}

func TestIdealChromaFollowsNotes(t *testing.T) {
	m := OdeToJoy()
	opt := Options{Tempo: 120, Transpose: 2, Timbre: Clarinet()}
	ch := IdealChroma(m, opt, 20)
	for _, n := range m.Notes {
		mid := opt.beatTime(n.Onset + n.Dur/2)
		fr := ch[int(mid*20)]
		best := 0
		for c := range fr {
			if fr[c] > fr[best] {
				best = c
			}
		}
		if want := (n.Pitch + 2) % 12; best != want {
			t.Errorf("at %.2fs argmax pitch class %d, want %d", mid, best, want)
		}
	}
}

func TestSwingAndNoise(t *testing.T) {
	opt := Options{Tempo: 60, Swing: 1}
	if got := opt.beatTime(0.5); math.Abs(got-2.0/3) > 1e-9 {
		t.Errorf("swung off-beat at %v s, want 2/3", got)
	}
	if got := opt.beatTime(1); got != 1 {
		t.Errorf("beat 1 at %v s, want 1", got)
	}
	m := Twinkle()
	clean := Render(m, Options{SampleRate: 8000})
	noisy := Render(m, Options{SampleRate: 8000, Noise: true, SNR: 10, Seed: 1})
	var ps, pn float64
	for i := range clean {
		ps += float64(clean[i]) * float64(clean[i])
		d := float64(noisy[i] - clean[i])
		pn += d * d
	}
	if snr := 10 * math.Log10(ps/pn); math.Abs(snr-10) > 0.5 {
		t.Errorf("measured SNR %.2f dB, want 10", snr)
	}
}

func TestAccompanimentFitsMelody(t *testing.T) {
	m := Twinkle()
	c := bestChord(m, 0, 4) // C C G G: C major
	if c != [3]int{0, 4, 7} {
		t.Errorf("bar 1 chord %v, want C major", c)
	}
	c = bestChord(m, 12, 16) // D D C: G major or C; G covers D D
	if c[0] != 7 && c[0] != 0 {
		t.Errorf("bar 4 chord %v, want G or C", c)
	}
}
