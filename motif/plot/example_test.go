package plot_test

import (
	"fmt"
	"image"
	_ "image/png" // image.DecodeConfig reads the PNG written
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/leitmotif-audio/leitmotif/motif"
	"github.com/leitmotif-audio/leitmotif/motif/plot"
)

// Compare two tracks and draw the similarity matrix with the alignment on it, as
// examples/trailer-vs-song does: the worked example of testdata/examples, a trailer whose theme
// returns in a slower ballad three semitones up.
func ExampleCompare() {
	a, err := motif.AnalyzeFile("../../testdata/examples/trailer.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	b, err := motif.AnalyzeFile("../../testdata/examples/ballad.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Prepared once, the tracks serve both the comparison and the matrix drawn.
	var opt motif.CompareOptions
	ta, tb := motif.Prepare(a, opt), motif.Prepare(b, opt)
	r := motif.CompareTracks(ta, tb, opt)
	img, err := plot.Compare(a, b, r, motif.CrossSimilarity(ta, tb, r.Transposition))
	if err != nil {
		log.Fatal(err)
	}

	dir, err := os.MkdirTemp("", "plot-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "trailer-vs-ballad.png")
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := img.WriteTo(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}

	// Read back what was written.
	f, err = os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %s, %d x %d pixels\n", filepath.Base(path), format, cfg.Width, cfg.Height)
	// Output:
	// trailer-vs-ballad.png: png, 800 x 800 pixels
}

// Draw the chromagram of a track; here the PNG goes to io.Discard, in a program to a file or
// an HTTP response.
func ExampleChromagram() {
	f, err := motif.AnalyzeFile("../../testdata/wav/ref16.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	img, err := plot.Chromagram(f, "") // "" titles it with the file name
	if err != nil {
		log.Fatal(err)
	}
	n, err := img.WriteTo(io.Discard)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("a %d x %d PNG, %t\n", plot.ChromagramWidth, plot.ChromagramHeight, n > 0)
	// Output:
	// a 1000 x 500 PNG, true
}
