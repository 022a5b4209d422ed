package match

import (
	"errors"
	"math"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// A stored sequence compares as the original does: same key, same spans within a frame, the
// score within 0.02.
func TestSequenceRoundTrip(t *testing.T) {
	opt := Options{}
	a := prepAudio(synth.OdeToJoy(), synth.Options{Timbre: synth.Piano()}, opt)
	b := prepAudio(synth.Concat("host", synth.Random(7, 4, 0), synth.OdeToJoy().Transposed(3), synth.Random(8, 4, 0)),
		synth.Options{Tempo: 125, Timbre: synth.Clarinet(), Chords: true}, opt)
	for _, melodyOnly := range []bool{false, true} {
		o := Options{MelodyOnly: melodyOnly}
		x, y := a, b
		if melodyOnly {
			x = prepAudio(synth.OdeToJoy(), synth.Options{Timbre: synth.Piano()}, o)
		}
		buf, err := x.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := sequenceHeader + len(x.views)*len(x.fine)*12; len(buf) != want {
			t.Errorf("%d bytes, want %d", len(buf), want)
		}
		z, err := DecodeSequence(buf)
		if err != nil {
			t.Fatal(err)
		}
		if z.Len() != x.Len() || z.TonalDuration() != x.TonalDuration() || math.Abs(z.Duration()-x.Duration()) > 1e-3 || len(z.views) != len(x.views) {
			t.Fatalf("decoded %d frames, %g s tonal, %g s, %d views; want %d, %g, %g, %d",
				z.Len(), z.TonalDuration(), z.Duration(), len(z.views), x.Len(), x.TonalDuration(), x.Duration(), len(x.views))
		}
		r0, r1 := Compare(x, y, o), Compare(z, y, o)
		if r0.Transposition != r1.Transposition || math.Abs(r0.Score-r1.Score) > 0.02 || len(r1.Segments) == 0 ||
			math.Abs(r0.Segments[0].BStart-r1.Segments[0].BStart) > 0.5 || math.Abs(r0.Segments[0].BEnd-r1.Segments[0].BEnd) > 0.5 {
			t.Errorf("melody only %v: stored %+v, original %+v", melodyOnly, r1, r0)
		}
	}
	empty, _ := Prepare(nil, 10, opt).AppendBinary(nil)
	if s, err := DecodeSequence(empty); err != nil || s.Len() != 0 {
		t.Errorf("empty sequence: %v, %v", s, err)
	}
}

func TestDecodeSequenceRefuses(t *testing.T) {
	good, _ := prepAudio(synth.OdeToJoy(), synth.Options{}, Options{}).AppendBinary(nil)
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"empty", nil},
		{"short header", good[:5]},
		{"version", mod(func(b []byte) []byte { b[0] = 9; return b })},
		{"truncated values", good[:len(good)-1]},
		{"extra bytes", append(append([]byte(nil), good...), 0)},
		{"three views", mod(func(b []byte) []byte { b[9] = 3; return b })},
		{"huge frame count", mod(func(b []byte) []byte { b[10], b[11], b[12], b[13] = 0xff, 0xff, 0xff, 0x7f; return b })},
		{"NaN rate", mod(func(b []byte) []byte { b[1], b[2], b[3], b[4] = 0, 0, 0xc0, 0x7f; return b })},
	} {
		if _, err := DecodeSequence(tc.b); !errors.Is(err, ErrSequence) {
			t.Errorf("%s: error %v", tc.name, err)
		}
	}
}

func FuzzDecodeSequence(f *testing.F) {
	good, _ := prepAudio(synth.OdeToJoy(), synth.Options{}, Options{}).AppendBinary(nil)
	f.Add(good)
	f.Add(good[:20])
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := DecodeSequence(b)
		if err != nil {
			if !errors.Is(err, ErrSequence) {
				t.Fatalf("error %v does not wrap ErrSequence", err)
			}
			return
		}
		Compare(s, s, Options{MaxSegments: 1})
	})
}
