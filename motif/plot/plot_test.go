package plot

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// writePNG renders wt and checks that the result is a PNG of the given size with many
// colours: a heatmap in a perceptual map plus text and axes has hundreds, a blank canvas one.
// When $LEITMOTIF_PLOT_DIR is set the image is also written there to be looked at.
func writePNG(t *testing.T, name string, wt io.WriterTo, width, height int) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if dir := os.Getenv("LEITMOTIF_PLOT_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("%s: not a PNG: %v", name, err)
	}
	b := img.Bounds()
	if b.Dx() != width || b.Dy() != height {
		t.Fatalf("%s: size %dx%d, want %dx%d", name, b.Dx(), b.Dy(), width, height)
	}
	seen := map[color.RGBA]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			seen[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)] = true
		}
	}
	if len(seen) < 100 {
		t.Errorf("%s: only %d distinct colours", name, len(seen))
	}
	return img
}

// melody returns features playing the pitch classes notes, each for one second at frameRate,
// with a weak fifth above each note so the image is not binary.
func melody(notes []int, frameRate float64) *motif.Features {
	per := int(frameRate)
	f := &motif.Features{File: "/somewhere/tune.wav", Kind: motif.HPCP, FrameRate: frameRate,
		SampleRate: 22050, TuningCents: -12, Duration: float64(len(notes))}
	for _, n := range notes {
		for range per {
			var fr [12]float32
			fr[n] = 1
			fr[(n+7)%12] = 0.3
			f.Frames = append(f.Frames, fr)
		}
	}
	return f
}

func TestChromagram(t *testing.T) {
	for _, tc := range []struct {
		name      string
		notes     []int
		frameRate float64
	}{
		{"chroma-short.png", []int{0, 4, 7, 9, 7, 4}, 10},
		// 10 minutes at 22 frames/s: pooled down, not drawn cell by cell.
		{"chroma-long.png", func() []int {
			n := make([]int, 600)
			for i := range n {
				n[i] = (i * 5) % 12
			}
			return n
		}(), 22},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wt, err := Chromagram(melody(tc.notes, tc.frameRate), "")
			if err != nil {
				t.Fatal(err)
			}
			writePNG(t, tc.name, wt, ChromagramWidth, ChromagramHeight)
		})
	}
}

func TestChromagramErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    *motif.Features
	}{
		{"nil", nil},
		{"no frames", &motif.Features{FrameRate: 10}},
		{"no frame rate", &motif.Features{Frames: make([][12]float32, 3)}},
		{"NaN frame rate", &motif.Features{Frames: make([][12]float32, 3), FrameRate: math.NaN()}},
	} {
		if _, err := Chromagram(tc.f, "x"); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// diagonal returns a similarity matrix with background noise and a stripe from (row r0,
// col c0) with slope rows per column, as a shared melody at another tempo would make.
func diagonal(rows, cols, r0, c0, length int, slope float64) []float32 {
	m := make([]float32, rows*cols)
	for i := range m {
		m[i] = 0.3 * float32((i*7919)%101) / 101
	}
	for k := range length {
		r, c := r0+int(float64(k)*slope), c0+k
		if r < rows && c < cols {
			m[r*cols+c] = 0.95
		}
	}
	return m
}

func TestCompare(t *testing.T) {
	const rate = 4.0
	a := &motif.Features{File: "trailer.wav", Duration: 30}
	b := &motif.Features{File: "ballad.wav", Duration: 90}
	rows, cols := 120, 360
	// A's frames 20..100 match B's 100..214 (B at 0.7 times A's tempo).
	sim := diagonal(rows, cols, 20, 100, 114, 0.7)
	r := motif.Result{Score: 0.83, Transposition: 3, TempoRatio: 0.7,
		Segments: []motif.Segment{
			{AStart: 5, AEnd: 25, BStart: 25, BEnd: 53.5, Transposition: 3, Score: 0.83},
			{AStart: 1, AEnd: 4, BStart: 70, BEnd: 74, Transposition: -2, Score: 0.52},
		}}
	for k := 0; k <= 114; k += 2 {
		r.Path = append(r.Path, motif.PathPoint{A: (20 + 0.7*float64(k)) / rate, B: float64(100+k) / rate})
	}
	wt, err := Compare(a, b, r, motif.Similarity{Values: sim, Rows: rows, Cols: cols, FrameRate: rate})
	if err != nil {
		t.Fatal(err)
	}
	writePNG(t, "compare.png", wt, CompareWidth, CompareHeight)

	// No match and a matrix larger than the plot (a 4- and a 5-minute track at 5 frames/s):
	// pooled, still a plot.
	rows, cols = 1200, 1500
	sim = diagonal(rows, cols, 0, 0, 0, 1)
	wt, err = Compare(a, b, motif.Result{TempoRatio: 1}, motif.Similarity{Values: sim, Rows: rows, Cols: cols, FrameRate: 5})
	if err != nil {
		t.Fatal(err)
	}
	writePNG(t, "compare-nomatch.png", wt, CompareWidth, CompareHeight)
}

func TestCompareErrors(t *testing.T) {
	f := &motif.Features{}
	for _, tc := range []struct {
		name       string
		a, b       *motif.Features
		sim        []float32
		rows, cols int
		rate       float64
	}{
		{"nil features", nil, f, make([]float32, 4), 2, 2, 1},
		{"empty", f, f, nil, 0, 0, 1},
		{"wrong length", f, f, make([]float32, 5), 2, 2, 1},
		{"zero rate", f, f, make([]float32, 4), 2, 2, 0},
	} {
		if _, err := Compare(tc.a, tc.b, motif.Result{}, motif.Similarity{Values: tc.sim, Rows: tc.rows, Cols: tc.cols, FrameRate: tc.rate}); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestRaster(t *testing.T) {
	cm := viridis()
	lo, hi := cm.nrgba(0), cm.nrgba(1)
	for _, tc := range []struct {
		name         string
		rows, cols   int
		hot          [2]int // row, col of the one value 1
		maxW, maxH   int
		wantW, wantH int
		hotAt        image.Point // where the hot cell must appear
	}{
		// Row 0 is drawn at the bottom; small matrices are repeated by whole factors.
		{"repeat", 2, 3, [2]int{0, 2}, 30, 20, 30, 20, image.Pt(25, 15)},
		// Large matrices are max-pooled: a single hot value survives.
		{"pool", 100, 100, [2]int{99, 0}, 10, 10, 10, 10, image.Pt(0, 0)},
	} {
		m := make([]float32, tc.rows*tc.cols)
		m[tc.hot[0]*tc.cols+tc.hot[1]] = 1
		img := raster(m, tc.rows, tc.cols, cm, tc.maxW, tc.maxH)
		if b := img.Bounds(); b.Dx() != tc.wantW || b.Dy() != tc.wantH {
			t.Errorf("%s: size %v, want %dx%d", tc.name, b.Size(), tc.wantW, tc.wantH)
			continue
		}
		hot := 0
		for y := range tc.wantH {
			for x := range tc.wantW {
				switch img.NRGBAAt(x, y) {
				case hi:
					hot++
				case lo:
				default:
					t.Fatalf("%s: pixel (%d,%d) neither low nor high", tc.name, x, y)
				}
			}
		}
		if img.NRGBAAt(tc.hotAt.X, tc.hotAt.Y) != hi {
			t.Errorf("%s: pixel %v is not the hot cell", tc.name, tc.hotAt)
		}
		if want := (tc.wantW * tc.wantH) / (min(tc.rows, tc.maxH) * min(tc.cols, tc.maxW)); hot != want {
			t.Errorf("%s: %d hot pixels, want %d", tc.name, hot, want)
		}
	}
}

// TestColorMaps checks the property that makes a map perceptual and sequential: lightness
// rises steadily from min to max, so brighter always means more.
func TestColorMaps(t *testing.T) {
	for name, cm := range map[string]*colorMap{"viridis": viridis(), "magma": magma()} {
		prev := -1.0
		for i := range 101 {
			c := cm.nrgba(float64(i) / 100)
			l := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
			if l <= prev {
				t.Errorf("%s: luminance falls at %d%%: %.4f after %.4f", name, i, l, prev)
			}
			prev = l
		}
		if _, err := cm.At(1.5); err == nil {
			t.Errorf("%s: At(1.5) gave no error", name)
		}
		if got := cm.Palette(5).Colors(); len(got) != 5 || got[4] != cm.nrgba(1) {
			t.Errorf("%s: Palette(5) = %v", name, got)
		}
	}
}

// lin converts an sRGB channel to linear light.
func lin(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func TestSemitones(t *testing.T) {
	for in, want := range map[int]string{3: "+3 semitones", -1: "-1 semitone", 1: "+1 semitone", 0: "0 semitones", -5: "-5 semitones"} {
		if got := semitones(in); got != want {
			t.Errorf("semitones(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestTimeTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		want   []string // the labels, in order
	}{
		{-0.05, 6, []string{"0", "1", "2", "3", "4", "5", "6"}},
		{0, 30, []string{"0", "5", "10", "15", "20", "25", "30"}},
		{0, 1.2, []string{"0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"}},
		{-0.1, 600, []string{"0", "120", "240", "360", "480", "600"}},
	} {
		var got []string
		for _, tk := range (timeTicks{}).Ticks(tc.lo, tc.hi) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("Ticks(%g, %g) labels %v, want %v", tc.lo, tc.hi, got, tc.want)
		}
	}
}
