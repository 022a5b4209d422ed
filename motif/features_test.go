package motif

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// meanChroma averages the frames that carry energy and scales the result to unit maximum.
func meanChroma(f *Features) [12]float64 {
	var m [12]float64
	for _, fr := range f.Frames {
		for i, v := range fr {
			m[i] += float64(v)
		}
	}
	top := slices.Max(m[:])
	for i := range m {
		if top > 0 {
			m[i] /= top
		}
	}
	return m
}

// TestSameChromaAcrossFormats decodes one signal (an A major chord) stored in every supported
// way and checks that the chroma does not depend on how it was stored.
func TestSameChromaAcrossFormats(t *testing.T) {
	ref, err := AnalyzeFile("../testdata/wav/ref16.wav", ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	refMean := meanChroma(ref)
	tests := []struct {
		file string
		tol  float64 // largest allowed difference of the mean chroma, unit-max scale
	}{
		{"ref16.wav", 0},
		{"pcm8.wav", 0.05}, // 8-bit quantisation noise sits only ~48 dB down
		{"pcm24.wav", 0.002},
		{"pcm32.wav", 0.002},
		{"float32.wav", 0.002},
		{"float64.wav", 0.002},
		{"stereo16.wav", 0.002},
		{"six16.wav", 0.002},
		{"rate48k.wav", 0.03}, // other resampling path: a different first-frame edge
		{"rate8k.wav", 0.03},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			f, err := AnalyzeFile(filepath.Join("../testdata/wav", tc.file), ChromaOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(f.Duration-0.5) > 0.01 {
				t.Errorf("duration %.3f s, want 0.5", f.Duration)
			}
			m := meanChroma(f)
			for i := range m {
				if d := math.Abs(m[i] - refMean[i]); d > tc.tol || math.IsNaN(m[i]) {
					t.Errorf("%s: differs from ref16 by %.4f (tolerance %.4f)", PitchClasses()[i], d, tc.tol)
				}
			}
			order := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
			slices.SortFunc(order, func(a, b int) int { return -cmpFloat(m[a], m[b]) })
			top := order[:3]
			slices.Sort(top)
			if !slices.Equal(top, []int{1, 4, 9}) { // C#, E, A
				t.Errorf("top classes %v, want C#, E, A", top)
			}
		})
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestBadFilesNameTheFile checks that every broken fixture gives an error naming the file and
// that malformed and unsupported files are told apart.
func TestBadFilesNameTheFile(t *testing.T) {
	entries, err := os.ReadDir("../testdata/wav/bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		path := filepath.Join("../testdata/wav/bad", e.Name())
		f, err := AnalyzeFile(path, ChromaOptions{})
		if err == nil {
			if len(f.Warnings) == 0 {
				t.Errorf("%s: no error and no warning", e.Name())
			}
			continue
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path {
			t.Errorf("%s: error %q does not carry the file name", e.Name(), err)
		}
		var ferr *FormatError
		var uerr *UnsupportedError
		if !errors.As(err, &ferr) && !errors.As(err, &uerr) {
			t.Errorf("%s: error %q is neither a FormatError nor an UnsupportedError", e.Name(), err)
		}
	}
}

func TestAnalyzeSamplesTone(t *testing.T) {
	const rate = 22050
	x := make([]float32, 2*rate)
	for i := range x {
		x[i] = float32(0.5 * math.Sin(2*math.Pi*440*float64(i)/rate))
	}
	for _, kind := range []Kind{HPCP, STFT, CENS} {
		f, err := AnalyzeSamples(x, rate, ChromaOptions{Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		if f.Kind != kind {
			t.Errorf("kind %q, want %q", f.Kind, kind)
		}
		m := meanChroma(f)
		if slices.Index(m[:], 1) != 9 {
			t.Errorf("%s: strongest class of a 440 Hz tone is %v, want A", kind, m)
		}
	}
	if _, err := AnalyzeSamples(x, rate, ChromaOptions{Kind: "mfcc"}); err == nil {
		t.Error("unknown kind accepted")
	}
	if _, err := AnalyzeSamples(x, 0, ChromaOptions{}); err == nil {
		t.Error("sample rate 0 accepted")
	}
}

// TestBadChromaOptions checks that every out-of-range ChromaOptions value gives an
// *OptionError naming the field, from each of the Analyze functions, and never a panic.
func TestBadChromaOptions(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name  string
		opt   ChromaOptions
		field string
	}{
		{"frame size not a power of two", ChromaOptions{FrameSize: 1000}, "FrameSize"},
		{"frame size too small", ChromaOptions{FrameSize: 32}, "FrameSize"},
		{"frame size too large", ChromaOptions{FrameSize: 1 << 21}, "FrameSize"},
		{"negative frame size", ChromaOptions{FrameSize: -2048}, "FrameSize"},
		{"hop over the default frame", ChromaOptions{Hop: 4096}, "Hop"},
		{"hop over the frame", ChromaOptions{FrameSize: 128, Hop: 200}, "Hop"},
		{"negative hop", ChromaOptions{Hop: -1}, "Hop"},
		{"negative analysis rate", ChromaOptions{AnalysisRate: -11025}, "AnalysisRate"},
		{"analysis rate too high", ChromaOptions{AnalysisRate: 1 << 30}, "AnalysisRate"},
		{"analysis rate under the band", ChromaOptions{AnalysisRate: 100}, "AnalysisRate"},
		{"min freq just under the Nyquist limit", ChromaOptions{MinFreq: 4980}, "AnalysisRate"},
		{"frame too short for the band", ChromaOptions{FrameSize: 64, MinFreq: 100, MaxFreq: 300}, "FrameSize"},
		{"max freq under the melody band", ChromaOptions{MaxFreq: 100}, "MaxFreq"},
		{"min freq above max freq", ChromaOptions{MinFreq: 3000, MaxFreq: 2000}, "MaxFreq"},
		{"min freq above the default max", ChromaOptions{MinFreq: 6000}, "MinFreq"},
		{"band narrower than a bin", ChromaOptions{MinFreq: 1002, MaxFreq: 1004}, "MaxFreq"},
		{"negative min freq", ChromaOptions{MinFreq: -1}, "MinFreq"},
		{"NaN min freq", ChromaOptions{MinFreq: nan}, "MinFreq"},
		{"-Inf min freq", ChromaOptions{MinFreq: -inf}, "MinFreq"},
		{"negative max freq", ChromaOptions{MaxFreq: -5000}, "MaxFreq"},
		{"NaN max freq", ChromaOptions{MaxFreq: nan}, "MaxFreq"},
		{"Inf max freq", ChromaOptions{MaxFreq: inf}, "MaxFreq"},
		{"NaN tuning", ChromaOptions{FixedTuning: true, TuningCents: nan}, "TuningCents"},
		{"Inf tuning", ChromaOptions{FixedTuning: true, TuningCents: inf}, "TuningCents"},
		{"-Inf tuning", ChromaOptions{FixedTuning: true, TuningCents: -inf}, "TuningCents"},
		{"NaN tuning, not fixed", ChromaOptions{TuningCents: nan}, "TuningCents"},
		{"unknown kind", ChromaOptions{Kind: "mfcc"}, "Kind"},
		{"kind in capitals", ChromaOptions{Kind: "HPCP"}, "Kind"},
		{"CENS as a base", ChromaOptions{Kind: CENS, Base: CENS}, "Base"},
		{"unknown base", ChromaOptions{Kind: HPCP, Base: "chroma"}, "Base"},
	} {
		check := func(fn string, err error) {
			t.Helper()
			var oe *OptionError
			switch {
			case err == nil:
				t.Errorf("%s: %s: no error", tc.name, fn)
			case !errors.As(err, &oe):
				t.Errorf("%s: %s: error %q is not an *OptionError", tc.name, fn, err)
			case oe.Field != tc.field:
				t.Errorf("%s: %s: error %q blames %s, want %s", tc.name, fn, err, oe.Field, tc.field)
			case !strings.Contains(err.Error(), "chroma options: "+tc.field+" "):
				t.Errorf("%s: %s: error %q does not name %s", tc.name, fn, err, tc.field)
			}
		}
		noPanic(t, tc.name, func() {
			_, err := AnalyzeSamples(make([]float32, 22050), 22050, tc.opt)
			check("AnalyzeSamples", err)
			// An empty reader is not WAV: the options must be refused before it is read.
			_, err = Analyze(strings.NewReader(""), tc.opt)
			check("Analyze", err)
			const path = "../testdata/wav/ref16.wav"
			_, err = AnalyzeFile(path, tc.opt)
			check("AnalyzeFile", err)
			if fe := (*FileError)(nil); err != nil && !errors.As(err, &fe) || fe.Path != path {
				t.Errorf("%s: AnalyzeFile: error %q does not carry the file name", tc.name, err)
			}
		})
	}
}

// TestEdgeChromaOptions checks values at the ends of the documented ranges: accepted, and
// analysed without a panic.
func TestEdgeChromaOptions(t *testing.T) {
	x := make([]float32, 22050)
	for i := range x {
		x[i] = float32(0.5 * math.Sin(2*math.Pi*440*float64(i)/22050))
	}
	for _, opt := range []ChromaOptions{
		{FrameSize: 64},
		{FrameSize: 64, Hop: 1, MinFreq: 400, MaxFreq: 2000},
		{FrameSize: 1 << 20},
		{AnalysisRate: 768000, MaxFreq: 1e6},
		{AnalysisRate: 8000, MinFreq: 1e-9},
		{MinFreq: 1000, MaxFreq: 1006},
		{FixedTuning: true, TuningCents: -1e300},
		{Kind: CENS, Base: STFT},
		{Kind: STFT, Base: HPCP},
	} {
		noPanic(t, fmt.Sprintf("%+v", opt), func() {
			f, err := AnalyzeSamples(x, 22050, opt)
			if err != nil {
				t.Errorf("%+v: %v", opt, err)
			} else if len(f.Frames) == 0 {
				t.Errorf("%+v: no frames", opt)
			}
		})
	}
}

func noPanic(t *testing.T, name string, fn func()) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s: panic: %v", name, p)
		}
	}()
	fn()
}

func TestCompareViews(t *testing.T) {
	a, err := AnalyzeFile("../testdata/examples/trailer.wav", ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := AnalyzeFile("../testdata/examples/ballad.wav", ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, opt := range []CompareOptions{{}, {MelodyOnly: true}, {MaxSegments: 1}, {MaxSegments: -3}} {
		r := CompareTracks(Prepare(a, opt), Prepare(b, opt), opt)
		if r.Score < Threshold || r.Transposition != 3 || len(r.Segments) == 0 {
			t.Errorf("%+v: score %.3f transposition %+d, %d segments; want the theme at +3", opt, r.Score, r.Transposition, len(r.Segments))
			continue
		}
		if opt.MaxSegments == 1 && len(r.Segments) != 1 {
			t.Errorf("%+v: %d segments", opt, len(r.Segments))
		}
		// The theme's first statement: A 3.75-33.75 s, B 10.71-53.57 s (truth.tsv).
		if s := r.Segments[0]; IoU(s.BStart, s.BEnd, 10.71, 53.57) < 0.8 {
			t.Errorf("%+v: first segment B %.1f-%.1f s, want about 10.7-53.6", opt, s.BStart, s.BEnd)
		}
	}
}
