package chroma

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestOptionsResolve checks that the resolver returns an *OptionError naming the field for
// every value out of range, never a panic, and accepts the ends of the ranges.
func TestOptionsResolve(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name  string
		opt   Options
		field string // "" when the options are valid
	}{
		{"zero value", Options{}, ""},
		{"smallest frame, hop 1", Options{FrameSize: MinFrameSize, HopSize: 1, MinFreq: 400, MaxFreq: 2000}, ""},
		{"largest frame", Options{FrameSize: MaxFrameSize}, ""},
		{"highest rate", Options{SampleRate: MaxSampleRate, MaxFreq: 1e6}, ""},
		{"STFT", Options{Kind: STFT}, ""},
		{"huge fixed tuning", Options{FixedTuning: true, TuningCents: 1e300}, ""},
		{"no harmonic weighting", Options{Harmonics: 1}, ""},
		{"unknown kind", Options{Kind: 7}, "Kind"},
		{"negative kind", Options{Kind: -1}, "Kind"},
		{"negative rate", Options{SampleRate: -1}, "SampleRate"},
		{"rate too high", Options{SampleRate: MaxSampleRate + 1}, "SampleRate"},
		{"frame not a power of two", Options{FrameSize: 1000}, "FrameSize"},
		{"frame too small", Options{FrameSize: 32}, "FrameSize"},
		{"frame too large", Options{FrameSize: 2 * MaxFrameSize}, "FrameSize"},
		{"negative frame", Options{FrameSize: -2048}, "FrameSize"},
		{"hop over the frame", Options{HopSize: 2049}, "HopSize"},
		{"negative hop", Options{HopSize: -1}, "HopSize"},
		{"NaN min freq", Options{MinFreq: nan}, "MinFreq"},
		{"negative min freq", Options{MinFreq: -1}, "MinFreq"},
		{"Inf max freq", Options{MaxFreq: inf}, "MaxFreq"},
		{"negative max freq", Options{MaxFreq: -1}, "MaxFreq"},
		{"max under the default min", Options{MaxFreq: 60}, "MaxFreq"},
		{"min over the default max", Options{MinFreq: 6000}, "MinFreq"},
		{"min over max", Options{MinFreq: 3000, MaxFreq: 2000}, "MaxFreq"},
		{"band without a bin", Options{MinFreq: 1002, MaxFreq: 1004}, "MaxFreq"},
		{"band over Nyquist", Options{SampleRate: 4000, MinFreq: 1900}, "SampleRate"},
		{"band under two bins", Options{FrameSize: 64, MinFreq: 100, MaxFreq: 300}, "FrameSize"},
		{"negative harmonics", Options{Harmonics: -1}, "Harmonics"},
		{"negative decay", Options{HarmonicDecay: -0.5}, "HarmonicDecay"},
		{"NaN decay", Options{HarmonicDecay: nan}, "HarmonicDecay"},
		{"Inf decay", Options{HarmonicDecay: inf}, "HarmonicDecay"},
		{"NaN tuning", Options{FixedTuning: true, TuningCents: nan}, "TuningCents"},
		{"-Inf tuning", Options{TuningCents: -inf}, "TuningCents"},
	} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: panic: %v", tc.name, p)
				}
			}()
			err := tc.opt.Validate()
			_, nerr := New(44100, tc.opt)
			if (err == nil) != (nerr == nil) {
				t.Errorf("%s: Validate says %v, New says %v", tc.name, err, nerr)
			}
			var oe *OptionError
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("%s: %v", tc.name, err)
			case tc.field == "":
			case err == nil:
				t.Errorf("%s: no error", tc.name)
			case !errors.As(err, &oe) || !errors.As(nerr, &oe):
				t.Errorf("%s: error %q is not an *OptionError", tc.name, err)
			case oe.Field != tc.field || !strings.HasPrefix(err.Error(), "chroma options: "+tc.field+" "):
				t.Errorf("%s: error %q, want one naming %s", tc.name, err, tc.field)
			}
		}()
	}
}

// TestResolvedBand checks the defaults and the limits resolve applies to a valid band.
func TestResolvedBand(t *testing.T) {
	o, err := Options{}.resolve()
	if err != nil {
		t.Fatal(err)
	}
	if o.SampleRate != DefaultSampleRate || o.FrameSize != DefaultFrameSize || o.HopSize != DefaultFrameSize/2 ||
		o.MinFreq != DefaultMinFreq || o.Harmonics != DefaultHarmonics || o.HarmonicDecay != DefaultHarmonicDecay {
		t.Errorf("defaults: %+v", o)
	}
	if want := 0.9 * DefaultSampleRate / 2; o.MaxFreq != want {
		t.Errorf("MaxFreq %g, want %g (0.9 of Nyquist)", o.MaxFreq, want)
	}
	o, err = Options{FrameSize: 64, MinFreq: 1}.resolve()
	if want := 2 * float64(DefaultSampleRate) / 64; err != nil || o.MinFreq != want {
		t.Errorf("MinFreq %g (%v), want %g (two bins)", o.MinFreq, err, want)
	}
}

func TestNewInputRate(t *testing.T) {
	for _, rate := range []int{0, -44100, MaxSampleRate + 1} {
		if _, err := New(rate, Options{}); err == nil {
			t.Errorf("input rate %d accepted", rate)
		}
	}
	if _, err := New(MaxSampleRate, Options{}); err != nil {
		t.Errorf("input rate %d: %v", MaxSampleRate, err)
	}
	defer func() {
		if _, ok := recover().(*OptionError); !ok {
			t.Error("NewExtractor did not panic with the *OptionError on invalid options")
		}
	}()
	NewExtractor(44100, Options{FrameSize: 1000})
}

func TestCENSPanics(t *testing.T) {
	frames := make([][12]float32, 10)
	for _, tc := range []struct {
		rate float64
		opt  CENSOptions
	}{
		{0, CENSOptions{}},
		{math.Inf(1), CENSOptions{}},
		{math.NaN(), CENSOptions{}},
		{10, CENSOptions{Window: -1}},
		{10, CENSOptions{Window: math.NaN()}},
		{10, CENSOptions{Rate: math.Inf(1)}},
		{10, CENSOptions{Rate: -2}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("CENS(rate %g, %+v): no panic", tc.rate, tc.opt)
				}
			}()
			CENS(frames, tc.rate, tc.opt)
		}()
	}
}
