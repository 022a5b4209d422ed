package main

import (
	_ "embed"
	"fmt"
	"math"
	"os"
	"strings"
)

// The world set: a larger synthetic evaluation corpus in two halves with different works
// and different soundfonts, one to tune on (tune) and one to report (heldout). Each half
// has lead melodies over accompaniments, polyphonic orchestral cues re-orchestrated with
// parts dropped, distorted band textures, short motifs hidden in long hosts or shared by
// two long pieces, negative hosts and distractors. See world.md (copied into the output as
// README.md).

//go:embed world.md
var worldReadme []byte

// worldRate is the world set's sample rate, as the dev set's.
const worldRate = devRate

// font is a General MIDI soundfont from a Debian package.
type font struct{ Name, Path, Package string }

var (
	fontFluid  = font{"FluidR3_GM", "/usr/share/sounds/sf2/FluidR3_GM.sf2", "fluid-soundfont-gm"}
	fontTim    = font{"TimGM6mb", "/usr/share/sounds/sf2/TimGM6mb.sf2", "timgm6mb-soundfont"}
	fontCsound = font{"sf_GMbank", "/usr/share/sounds/sf2/sf_GMbank.sf2", "csound-soundfont"}
)

// half is one half of the world set.
type half struct {
	Name   string // tune or heldout
	Prefix string // of its work ids, so the halves never share one
	Seed   uint64
	Main   font // most files
	Other  font // the rest
	Share  int  // files in ten on Other
	Tunes  []*Tune
	Salt   int // shifts the variation tables' strides
}

func worldHalves() []*half {
	return []*half{
		{Name: "tune", Prefix: "t-", Seed: 100_000, Main: fontFluid, Other: fontCsound, Share: 3, Tunes: worldTunesTune, Salt: 0},
		{Name: "heldout", Prefix: "h-", Seed: 200_000, Main: fontTim, Other: fontCsound, Share: 3, Tunes: worldTunesHeldout, Salt: 5},
	}
}

// motifHalves are extra tuning sets of the short-motif material only (motifs in hosts,
// pairs sharing a motif, negative hosts): other seeds and strides than the world set's
// tune half (strides unlike the held-out half's too), its soundfonts, so that matching parameters for short motifs are chosen on
// more than 22 positive cases. They never share a work with the held-out half.
func motifHalves() []*half {
	var out []*half
	for k := 2; k <= 4; k++ {
		out = append(out, &half{Name: fmt.Sprintf("tune%d", k), Prefix: fmt.Sprintf("t%d-", k), Seed: uint64(k) * 1_000_000,
			Main: fontFluid, Other: fontCsound, Share: 3, Tunes: worldTunesTune, Salt: []int{1, 3, 7}[k-2]})
	}
	return out
}

// font picks the soundfont of the i-th file of a material: Share in ten on Other, spread.
func (h *half) font(i int) font {
	if (i*7+h.Salt+3)%10 < h.Share {
		return h.Other
	}
	return h.Main
}

func (h *half) key(i int) int           { return devKeys[(i+h.Salt)%len(devKeys)] }
func (h *half) tempo(i int) float64     { return devTempos[(i+2*h.Salt)%len(devTempos)] }
func (h *half) pick(i, n int) int       { return (i + h.Salt) % n }
func (h *half) leadAt(i int) Lead       { return worldLeads[(i*11+h.Salt*3)%len(worldLeads)] }
func (h *half) seed(part, i int) uint64 { return h.Seed + uint64(part)*10_000 + uint64(i)*10 }

// degrade is what happens to a file after synthesis: noise, reverb, EQ.
type degrade struct {
	SNR     float64
	Pink    bool
	Effects []string
	Desc    string
}

var degrades = []degrade{
	{SNR: 15, Desc: "15 dB white noise"},
	{Effects: []string{"reverb", "60", "50", "90"}, Desc: "hall reverb"},
	{Effects: []string{"highpass", "300", "lowpass", "3400"}, Desc: "telephone EQ"},
	{SNR: 12, Pink: true, Effects: []string{"reverb", "35", "60", "50"}, Desc: "room reverb, 12 dB pink noise"},
	{Effects: []string{"bass", "+9", "treble", "-9"}, Desc: "dark EQ (bass +9, treble -9)"},
	{Effects: []string{"equalizer", "1200", "1q", "+8", "reverb", "50"}, Desc: "mid boost EQ, reverb"},
	{SNR: 10, Desc: "10 dB white noise"},
	{Effects: []string{"lowpass", "1500"}, Desc: "muffled (lowpass 1.5 kHz)"},
	{SNR: 20, Pink: true, Effects: []string{"highpass", "400"}, Desc: "thin EQ (highpass 400 Hz), 20 dB pink noise"},
	{Effects: []string{"reverb", "90", "30", "100", "100", "40"}, Desc: "long wet reverb"},
}

// degradeFor gives about one file in three a degradation, cycling through the table.
func (h *half) degradeFor(i int) degrade {
	if (i+h.Salt)%3 != 1 {
		return degrade{}
	}
	return degrades[((i+h.Salt)/3)%len(degrades)]
}

// drift gives the score a gradual tempo change: accel (from 1-a to 1+a times the tempo),
// rit (the reverse) or rubato (a slow swell, ±a).
func drift(sc *Score, kind string, a float64) {
	if kind == "" {
		return
	}
	end := sc.End + 2
	for bt := 0.0; bt <= end+eps; bt++ {
		x := bt / end
		f := 1.0
		switch kind {
		case "accel":
			f = 1 - a + 2*a*x
		case "rit":
			f = 1 + a - 2*a*x
		case "rubato":
			f = 1 + a*math.Sin(2*math.Pi*1.5*x)
		}
		sc.Tempo = append(sc.Tempo, TempoPoint{bt, sc.BPM * f})
	}
}

var drifts = []struct {
	kind string
	a    float64
}{{"accel", 0.08}, {"rit", 0.1}, {"rubato", 0.06}, {"accel", 0.12}, {"rit", 0.06}}

// driftFor gives about one file in three a tempo drift.
func (h *half) driftFor(i int) (string, float64) {
	if (i+h.Salt)%3 != 2 {
		return "", 0
	}
	d := drifts[((i+h.Salt)/3)%len(drifts)]
	return d.kind, d.a
}

// render is everything about one file but its score.
type render struct {
	key      int
	refBPM   float64 // the work's reference tempo (quarter notes a minute)
	deg      degrade
	font     font
	seed     uint64
	drive    float64
	gain     float64
	tail     float64 // seconds kept after the score's end
	negative bool    // a host that hides nothing
}

// worldEntry makes the manifest row and the job of one world file. first and last are the
// span of the work's material in (swung) beats; the tempo is the effective one over it.
func worldEntry(h *half, file, work, role, material string, sc *Score, first, last float64, r render, notes string) Entry {
	tempo := 1.0
	start, end := sc.Seconds(first), sc.Seconds(last)
	if r.negative {
		start, end = 0, 0
	} else if end > start && r.refBPM > 0 {
		tempo = math.Round((last-first)*60/(end-start)/r.refBPM*1000) / 1000
	}
	if r.tail == 0 {
		r.tail = 0.6
	}
	if r.gain == 0 {
		r.gain = 0.3
	}
	parts := []string{notes}
	if r.deg.Desc != "" {
		parts = append(parts, r.deg.Desc)
	}
	if len(sc.Tempo) > 0 {
		parts = append(parts, "tempo drift")
	}
	parts = append(parts, r.font.Name)
	return Entry{File: file, Work: h.Prefix + work, Role: role, Key: r.key, Tempo: tempo, Start: start, End: end,
		Notes: strings.Join(parts, "; "), Material: material, Split: h.Name, Negative: r.negative,
		Job: Job{Score: sc, Rate: worldRate, Length: sc.Seconds(sc.End) + r.tail, SNR: r.deg.SNR, Pink: r.deg.Pink,
			Effects: r.deg.Effects, Seed: r.seed, SF2: r.font.Path, Gain: r.gain, Drive: r.drive,
			Synth: []string{"-o", "synth.dynamic-sample-loading=1"}}}
}

// worldPlan lists every file of one half.
func worldPlan(h *half) []Entry {
	var out []Entry
	out = append(out, leadPart(h)...)
	out = append(out, orchPart(h)...)
	out = append(out, bandPart(h)...)
	out = append(out, motifPart(h)...)
	out = append(out, distractorPart(h)...)
	return out
}

// checkFonts says which soundfont packages are missing.
func checkFonts() error {
	var miss []string
	for _, h := range worldHalves() {
		for _, f := range []font{h.Main, h.Other} {
			if _, err := os.Stat(f.Path); err != nil {
				miss = append(miss, f.Package)
			}
		}
	}
	if len(miss) > 0 {
		return fmt.Errorf("world set: soundfonts missing (apt-get install %s)", strings.Join(miss, " "))
	}
	return nil
}
