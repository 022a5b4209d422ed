package match

import (
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// planted is an occurrence a test put in a track.
type planted struct {
	track      int
	start, end float64
	key        int
}

// soundtrack renders tracks made of a theme (transposed) between unrelated
// random melodies and returns them with the theme's places.
func soundtrack(t *testing.T, theme synth.Melody, layouts [][]int, so synth.Options, opt Options) ([]*Sequence, []planted) {
	t.Helper()
	var seqs []*Sequence
	var truth []planted
	p0, p1 := synth.MelodySpan(theme, so)
	seed := int64(100)
	for k, keys := range layouts {
		var parts []synth.Melody
		beats := 0.0
		for _, key := range keys {
			seed++
			filler := synth.Random(seed, 4, 0)
			parts = append(parts, filler)
			beats += filler.Beats()
			if key != 99 {
				off := beats * 60 / so.Tempo
				truth = append(truth, planted{k, off + p0, off + p1, key})
				parts = append(parts, theme.Transposed(key))
				beats += theme.Beats()
			}
		}
		seed++
		parts = append(parts, synth.Random(seed, 4, 0))
		seqs = append(seqs, prepAudio(synth.Concat("track", parts...), so, opt))
	}
	return seqs, truth
}

func TestDiscoverFindsEveryOccurrence(t *testing.T) {
	opt := Options{}
	so := synth.Options{Tempo: 140, Timbre: synth.Piano(), Chords: true}
	theme := synth.FrereJacques()
	for _, tc := range []struct {
		name    string
		layouts [][]int // per track, the keys of the theme's occurrences (99: a filler only)
	}{
		{"one track", [][]int{{0, 3, 99, -2}}},
		{"three tracks", [][]int{{0, 99}, {99, 5}, {2, 99, 0}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seqs, truth := soundtrack(t, theme, tc.layouts, so, opt)
			ps := Discover(seqs, opt, DiscoverOptions{})
			if len(ps) == 0 {
				t.Fatal("no pattern")
			}
			p := ps[0]
			t.Logf("%d patterns; first: %+v", len(ps), p)
			found := 0
			ref := -1 // the truth's key of the pattern's first occurrence
			for _, w := range truth {
				for _, o := range p.Occurrences {
					if o.Track == w.track && IoU(o.Start, o.End, w.start, w.end) >= 0.5 {
						found++
						if ref == -1 && o.Transposition == 0 {
							ref = w.key
						}
						if ref != -1 && wrap(w.key-ref) != o.Transposition {
							t.Errorf("occurrence %+v: transposition %d, want %d", o, o.Transposition, wrap(w.key-ref))
						}
						break
					}
				}
			}
			if found != len(truth) || len(p.Occurrences) != len(truth) {
				t.Errorf("found %d of %d planted occurrences with %d occurrences in the pattern", found, len(truth), len(p.Occurrences))
			}
		})
	}
}

func TestDiscoverNothingRecurs(t *testing.T) {
	opt := Options{}
	so := synth.Options{Tempo: 140, Timbre: synth.Piano(), Chords: true}
	var seqs []*Sequence
	for k := range 3 {
		seqs = append(seqs, prepAudio(synth.Random(int64(500+k), 12, 0), so, opt))
	}
	if ps := Discover(seqs, opt, DiscoverOptions{}); len(ps) > 1 {
		t.Errorf("%d patterns in unrelated random melodies: %+v", len(ps), ps)
	}
	if ps := Discover(nil, opt, DiscoverOptions{}); len(ps) != 0 {
		t.Errorf("patterns from nothing: %+v", ps)
	}
	silent := Prepare(make([][12]float32, 400), 10, opt)
	if ps := Discover([]*Sequence{silent, silent}, opt, DiscoverOptions{}); len(ps) != 0 {
		t.Errorf("patterns in silence: %+v", ps)
	}
}
