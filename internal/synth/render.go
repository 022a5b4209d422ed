package synth

import (
	"math"
	"math/rand"
)

// Timbre is an additive instrument: harmonic amplitudes (index 0 = the
// fundamental) shaped by an ADSR envelope (times in seconds, Sustain as a
// level in [0,1]).
type Timbre struct {
	Harmonics              []float64
	Attack, Decay, Release float64
	Sustain                float64
}

// Sine is a pure tone with a soft envelope.
func Sine() Timbre {
	return Timbre{Harmonics: []float64{1}, Attack: 0.02, Decay: 0.1, Sustain: 0.8, Release: 0.05}
}

// Flute is a breathy, nearly sinusoidal tone.
func Flute() Timbre {
	return Timbre{Harmonics: []float64{1, 0.35, 0.12, 0.05}, Attack: 0.05, Decay: 0.1, Sustain: 0.9, Release: 0.08}
}

// Clarinet has mostly odd harmonics.
func Clarinet() Timbre {
	return Timbre{Harmonics: []float64{1, 0.05, 0.6, 0.05, 0.35, 0.03, 0.2}, Attack: 0.03, Decay: 0.05, Sustain: 0.85, Release: 0.05}
}

// Piano is a bright percussive tone that decays while held.
func Piano() Timbre {
	return Timbre{Harmonics: []float64{1, 0.7, 0.4, 0.25, 0.15, 0.1, 0.05}, Attack: 0.005, Decay: 0.6, Sustain: 0.25, Release: 0.1}
}

// Strings is a sawtooth-like tone with a slow attack.
func Strings() Timbre {
	h := make([]float64, 10)
	for i := range h {
		h[i] = 1 / float64(i+1)
	}
	return Timbre{Harmonics: h, Attack: 0.12, Decay: 0.2, Sustain: 0.9, Release: 0.15}
}

// Options controls a rendering. The zero value renders the bare melody with
// a sine tone at 100 bpm and 11025 Hz, without noise.
type Options struct {
	SampleRate int     // Hz; 0 means 11025
	Tempo      float64 // beats per minute; 0 means 100
	Transpose  int     // semitones added to every note
	Timbre     Timbre  // melody instrument; zero value means Sine()
	Chords     bool    // add a block-chord accompaniment (one diatonic triad a bar)
	Bass       bool    // add a bass line (chord roots on each beat)
	AccompGain float64 // accompaniment amplitude relative to the melody; 0 means 0.5
	Noise      bool    // add white noise at SNR
	SNR        float64 // dB, signal to noise power ratio when Noise is set
	Swing      float64 // 0 = straight; 1 = off-beat eighths delayed to the last triplet
	Lead, Tail float64 // seconds of silence before and after
	Seed       int64   // noise seed
}

func (o Options) rate() int {
	if o.SampleRate <= 0 {
		return 11025
	}
	return o.SampleRate
}

func (o Options) tempo() float64 {
	if o.Tempo <= 0 {
		return 100
	}
	return o.Tempo
}

func (o Options) timbre() Timbre {
	if len(o.Timbre.Harmonics) == 0 {
		return Sine()
	}
	return o.Timbre
}

// event is one sounding note in seconds.
type event struct {
	pitch      int
	start, end float64
	gain       float64
	timbre     Timbre
}

// Duration returns the length in seconds of the rendering of m with opt.
func Duration(m Melody, opt Options) float64 {
	return opt.Lead + m.Beats()*60/opt.tempo() + opt.Tail
}

// MelodySpan returns where the melody's notes sound (first onset to last
// note end) in seconds, as rendered with opt.
func MelodySpan(m Melody, opt Options) (start, end float64) {
	if len(m.Notes) == 0 {
		return 0, 0
	}
	start = math.Inf(1)
	for _, n := range m.Notes {
		s, e := opt.beatTime(n.Onset), opt.beatTime(n.Onset+n.Dur)
		start, end = math.Min(start, s), math.Max(end, e)
	}
	return start, end
}

// beatTime maps a beat position to seconds, applying swing and the lead.
func (o Options) beatTime(b float64) float64 {
	if o.Swing > 0 {
		// Warp each beat piecewise-linearly so that its midpoint moves from
		// 0.5 to 0.5 + swing/6 (2/3 at full swing).
		fl := math.Floor(b)
		f := b - fl
		mid := 0.5 + o.Swing/6
		if f < 0.5 {
			f = f / 0.5 * mid
		} else {
			f = mid + (f-0.5)/0.5*(1-mid)
		}
		b = fl + f
	}
	return o.Lead + b*60/o.tempo()
}

// events lists the melody and accompaniment notes of m under opt.
func events(m Melody, opt Options) []event {
	var ev []event
	tm := opt.timbre()
	for _, n := range m.Notes {
		ev = append(ev, event{pitch: n.Pitch + opt.Transpose, start: opt.beatTime(n.Onset),
			end: opt.beatTime(n.Onset + n.Dur), gain: 1, timbre: tm})
	}
	if !opt.Chords && !opt.Bass {
		return ev
	}
	g := opt.AccompGain
	if g <= 0 {
		g = 0.5
	}
	bpb := m.bpb()
	bars := int(m.Beats()) / bpb
	for bar := 0; bar < bars; bar++ {
		b0, b1 := float64(bar*bpb), float64((bar+1)*bpb)
		chord := bestChord(m, b0, b1)
		if opt.Chords {
			for _, pc := range chord {
				p := 48 + ((pc+opt.Transpose)%12+12)%12
				ev = append(ev, event{pitch: p, start: opt.beatTime(b0), end: opt.beatTime(b1),
					gain: g / 2, timbre: Strings()})
			}
		}
		if opt.Bass {
			p := 36 + ((chord[0]+opt.Transpose)%12+12)%12
			for b := b0; b < b1; b++ {
				ev = append(ev, event{pitch: p, start: opt.beatTime(b), end: opt.beatTime(b + 0.9),
					gain: g, timbre: Piano()})
			}
		}
	}
	return ev
}

// bestChord picks the diatonic triad (root first, as pitch classes) that
// covers most of the melody's duration within beats [b0, b1).
func bestChord(m Melody, b0, b1 float64) [3]int {
	steps := []int{0, 2, 4, 5, 7, 9, 11}
	if m.Minor {
		steps = []int{0, 2, 3, 5, 7, 8, 10}
	}
	// Candidate degrees in order of preference (ties go to the earlier).
	degs := []int{0, 4, 3, 5, 1, 2, 6}
	var best [3]int
	bestW := -1.0
	for _, d := range degs {
		var c [3]int
		for k := 0; k < 3; k++ {
			i := d + 2*k
			c[k] = (m.Tonic + steps[i%7]) % 12
		}
		if m.Minor && d == 4 {
			c[1] = (c[1] + 1) % 12 // major dominant (raised leading tone)
		}
		w := 0.0
		for _, n := range m.Notes {
			s, e := math.Max(n.Onset, b0), math.Min(n.Onset+n.Dur, b1)
			if e <= s {
				continue
			}
			pc := n.Pitch % 12
			if pc == c[0] || pc == c[1] || pc == c[2] {
				w += e - s
			}
		}
		if w > bestW+1e-9 {
			best, bestW = c, w
		}
	}
	return best
}

// envelope returns the ADSR level at time t since the note onset for a note
// held for dur seconds.
func (tm Timbre) envelope(t, dur float64) float64 {
	a, d, s, r := math.Max(tm.Attack, 1e-3), math.Max(tm.Decay, 1e-3), tm.Sustain, math.Max(tm.Release, 1e-3)
	level := func(t float64) float64 {
		switch {
		case t < 0:
			return 0
		case t < a:
			return t / a
		case t < a+d:
			return 1 - (1-s)*(t-a)/d
		default:
			return s
		}
	}
	if t < dur {
		return level(t)
	}
	return level(dur) * math.Max(0, 1-(t-dur)/r)
}

func midiHz(p int) float64 { return 440 * math.Pow(2, float64(p-69)/12) }

// Render synthesises m under opt to mono float32 samples at opt.SampleRate,
// peak-normalised to 0.7 (before noise is added).
func Render(m Melody, opt Options) []float32 {
	rate := float64(opt.rate())
	n := int(math.Ceil(Duration(m, opt) * rate))
	acc := make([]float64, n)
	var env []float64 // envelope of the current note, per sample
	for _, e := range events(m, opt) {
		f0 := midiHz(e.pitch)
		dur := e.end - e.start
		i0 := int(math.Ceil(e.start * rate))
		i1 := min(n, int((e.end+e.timbre.Release)*rate)+1)
		if i1 <= i0 {
			continue
		}
		env = env[:0]
		for i := i0; i < i1; i++ {
			env = append(env, e.gain*e.timbre.envelope(float64(i)/rate-e.start, dur))
		}
		for h, amp := range e.timbre.Harmonics {
			f := f0 * float64(h+1)
			if amp == 0 || f >= rate/2*0.95 {
				continue
			}
			// Sine by the two-term recurrence y[k+1] = 2cos(w)y[k] - y[k-1].
			w := 2 * math.Pi * f / rate
			c := 2 * math.Cos(w)
			ph := w * (float64(i0) - e.start*rate)
			y0, y1 := math.Sin(ph-w), math.Sin(ph)
			dst := acc[i0:i1]
			for i, ev := range env {
				dst[i] += amp * ev * y1
				y0, y1 = y1, c*y1-y0
			}
		}
	}
	peak := 0.0
	for _, v := range acc {
		peak = math.Max(peak, math.Abs(v))
	}
	scale := 0.0
	if peak > 0 {
		scale = 0.7 / peak
	}
	out := make([]float32, n)
	pow := 0.0
	for i, v := range acc {
		out[i] = float32(v * scale)
		pow += float64(out[i]) * float64(out[i])
	}
	if opt.Noise {
		sigma := math.Sqrt(pow / float64(max(n, 1)) / math.Pow(10, opt.SNR/10))
		if pow == 0 {
			sigma = 0.1
		}
		rng := rand.New(rand.NewSource(opt.Seed))
		for i := range out {
			out[i] += float32(rng.NormFloat64() * sigma)
		}
	}
	return out
}

// IdealChroma returns a chroma of the rendering of m under opt computed
// from the notes, not the audio: each frame holds the squared amplitude of
// every sounding harmonic added to its pitch class, plus flat random noise
// at opt.SNR when opt.Noise is set, normalised to a maximum of 1 (silent
// frames stay zero). Frame k is centred at k/frameRate seconds.
func IdealChroma(m Melody, opt Options, frameRate float64) [][12]float32 {
	nf := int(Duration(m, opt) * frameRate)
	acc := make([][12]float64, nf)
	total := 0.0
	for _, e := range events(m, opt) {
		dur := e.end - e.start
		k0 := max(0, int(math.Ceil(e.start*frameRate)))
		k1 := min(nf, int((e.end+e.timbre.Release)*frameRate)+1)
		for k := k0; k < k1; k++ {
			env := e.gain * e.timbre.envelope(float64(k)/frameRate-e.start, dur)
			for h, amp := range e.timbre.Harmonics {
				pc := ((e.pitch+int(math.Round(12*math.Log2(float64(h+1)))))%12 + 12) % 12
				v := (amp * env) * (amp * env)
				acc[k][pc] += v
				total += v
			}
		}
	}
	if opt.Noise && nf > 0 {
		level := total / float64(nf) / 12 / math.Pow(10, opt.SNR/10)
		if total == 0 {
			level = 1
		}
		rng := rand.New(rand.NewSource(opt.Seed))
		for k := range acc {
			for c := range acc[k] {
				acc[k][c] += level * rng.ExpFloat64()
			}
		}
	}
	out := make([][12]float32, nf)
	for k, fr := range acc {
		mx := 0.0
		for _, v := range fr {
			mx = math.Max(mx, v)
		}
		if mx <= 0 {
			continue
		}
		for c, v := range fr {
			out[k][c] = float32(v / mx)
		}
	}
	return out
}
