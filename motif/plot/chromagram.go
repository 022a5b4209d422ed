package plot

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// Chromagram image size in pixels: wide, because time runs along x.
const (
	// ChromagramWidth is the width of a Chromagram image in pixels.
	ChromagramWidth = 1000
	// ChromagramHeight is the height of a Chromagram image in pixels.
	ChromagramHeight = 500
)

// Chromagram renders f as a ChromagramWidth x ChromagramHeight PNG: one row per pitch class
// (C at the bottom, B at the top), time in seconds along x, the level of each bin relative to
// the loudest bin of the whole track in the magma colour map. The title starts with title, or
// with f's file name when title is empty, and goes on with the chroma kind and the tuning.
// It returns the encoder; nothing is rendered twice when WriteTo is called. It fails when f
// has no frames or its frame rate is not positive.
func Chromagram(f *motif.Features, title string) (io.WriterTo, error) {
	if f == nil || len(f.Frames) == 0 {
		return nil, errors.New("no chroma frames to plot")
	}
	if !(f.FrameRate > 0) {
		return nil, fmt.Errorf("frame rate %g is not positive", f.FrameRate)
	}
	n := len(f.Frames)
	m := make([]float32, 12*n)
	var peak float32
	for k, fr := range f.Frames {
		for pc, v := range fr {
			m[pc*n+k] = v
			peak = max(peak, v)
		}
	}
	if peak > 0 {
		for i := range m {
			m[i] /= peak
		}
	}

	if title == "" {
		title = "chroma"
		if f.File != "" {
			title = filepath.Base(f.File)
		}
	}
	kind := strings.ToUpper(string(f.Kind))
	if kind == "" {
		kind = "HPCP"
	}
	title = fmt.Sprintf("%s: %s chroma, tuning %+.0f cents from A4 = 440 Hz, %.1f s",
		title, kind, f.TuningCents, f.Duration)
	p := newPlot(title, "time (s)", "pitch class")

	cm := magma()
	// Frame k is centred at k/FrameRate, so its cell spans half a frame either side.
	half := 0.5 / f.FrameRate
	xmax := float64(n)/f.FrameRate - half
	img := raster(m, 12, n, cm, ChromagramWidth, ChromagramHeight)
	p.Add(plotter.NewImage(img, -half, -0.5, xmax, 11.5))
	p.X.Min, p.X.Max = -half, xmax
	p.Y.Min, p.Y.Max = -0.5, 11.5
	ticks := make([]gplot.Tick, 12)
	for i, name := range motif.PitchClasses() {
		ticks[i] = gplot.Tick{Value: float64(i), Label: name}
	}
	p.Y.Tick.Marker = gplot.ConstantTicks(ticks)
	p.X.Tick.Marker = timeTicks{}
	return render(p, cm, "level (1 = loudest bin)", ChromagramWidth, ChromagramHeight), nil
}
