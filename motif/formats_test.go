package motif

import (
	"errors"
	"math"
	"path/filepath"
	"testing"
)

// The trailer theme as FLAC is the WAV's samples, so its chroma is identical; as MP3 and Ogg
// Vorbis, at two bit rates each, its chroma stays within a small distance of the WAV's and its
// comparison with the ballad gives the WAV's answer.
func TestCompressedFormats(t *testing.T) {
	wav, err := AnalyzeFile("../testdata/examples/trailer.wav", ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ballad, err := AnalyzeFile("../testdata/examples/ballad.wav", ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := Compare(wav, ballad, CompareOptions{})
	for _, tc := range []struct {
		file string
		// maxDist bounds the mean Euclidean distance between matching chroma frames (each frame
		// has unit maximum, so two frames differ by at most sqrt(12) = 3.5).
		maxDist float64
	}{
		{"trailer.flac", 0},
		{"trailer-64k.mp3", 0.35},
		{"trailer-32k.mp3", 0.45},
		{"trailer-q4.ogg", 0.3},
		{"trailer-q0.ogg", 0.4},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := AnalyzeFile(filepath.Join("../testdata/formats", tc.file), ChromaOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(f.Duration-wav.Duration) > 0.2 {
				t.Errorf("duration %.2f s, WAV %.2f s", f.Duration, wav.Duration)
			}
			d := chromaDistance(wav.Frames, f.Frames)
			if d > tc.maxDist {
				t.Errorf("mean chroma distance to the WAV's %.3f, want at most %.2f", d, tc.maxDist)
			}
			got := Compare(f, ballad, CompareOptions{})
			if got.Transposition != want.Transposition || math.Abs(got.Score-want.Score) > 0.05 ||
				math.Abs(got.TempoRatio/want.TempoRatio-1) > 0.05 {
				t.Errorf("compare with the ballad: score %.3f, %+d, tempo %.2f; WAV: %.3f, %+d, tempo %.2f",
					got.Score, got.Transposition, got.TempoRatio, want.Score, want.Transposition, want.TempoRatio)
			}
			if len(got.Segments) == 0 || IoU(got.Segments[0].BStart, got.Segments[0].BEnd, want.Segments[0].BStart, want.Segments[0].BEnd) < 0.9 {
				t.Errorf("first segment %+v, WAV's %+v", got.Segments, want.Segments[0])
			}
		})
	}
}

// chromaDistance is the mean Euclidean distance between frames of a and b, matched by index
// after shifting b by the lag (up to ±0.2 s) that minimises it: lossy codecs add a few
// milliseconds of padding at the start.
func chromaDistance(a, b [][12]float32) float64 {
	best := math.Inf(1)
	for lag := -2; lag <= 2; lag++ {
		s, n := 0.0, 0
		for i := range a {
			j := i + lag
			if j < 0 || j >= len(b) {
				continue
			}
			d := 0.0
			for c := range 12 {
				x := float64(a[i][c] - b[j][c])
				d += x * x
			}
			s += math.Sqrt(d)
			n++
		}
		if n > 0 {
			best = min(best, s/float64(n))
		}
	}
	return best
}

// Unsupported variants and broken streams of every format give errors that name the file and
// tell the two apart.
func TestCompressedBadFiles(t *testing.T) {
	for _, tc := range []struct {
		file        string
		unsupported bool
	}{
		{"unsupported/mpeg25.mp3", true},
		{"unsupported/tone.opus", true},
		{"bad/header-only.flac", false},
		{"bad/truncated.flac", false},
		{"bad/corrupt.flac", false},
		{"bad/truncated.ogg", false},
		{"bad/corrupt.ogg", false},
	} {
		path := filepath.Join("../testdata/formats", tc.file)
		_, err := AnalyzeFile(path, ChromaOptions{})
		var fe *FileError
		var ue *UnsupportedError
		var me *FormatError
		switch {
		case err == nil:
			t.Errorf("%s: no error", tc.file)
		case !errors.As(err, &fe) || fe.Path != path:
			t.Errorf("%s: error %q does not carry the file name", tc.file, err)
		case tc.unsupported && !errors.As(err, &ue):
			t.Errorf("%s: error %q, want an UnsupportedError", tc.file, err)
		case !tc.unsupported && !errors.As(err, &me):
			t.Errorf("%s: error %q, want a FormatError", tc.file, err)
		}
	}
}
