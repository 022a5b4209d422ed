package motif

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
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
