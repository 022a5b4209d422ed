package plot

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"path/filepath"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// Compare image size in pixels.
const (
	// CompareWidth is the width of a Compare image in pixels.
	CompareWidth = 800
	// CompareHeight is the height of a Compare image in pixels.
	CompareHeight = 800
)

// Compare renders the cross-similarity matrix s of a against b (s.Rows x s.Cols, row-major,
// row = A frame, column = B frame, values in [0, 1], s.FrameRate frames per second on both
// axes, as motif.CrossSimilarity returns it at r.Transposition) as a CompareWidth x
// CompareHeight PNG. B's time runs along x and A's up y, so a shared melody shows as a
// bright stripe rising to the right, steeper when B is faster. The alignment path r.Path is
// drawn on it as a line and each segment as a numbered rectangle; the title gives both file
// names, the score (with "match" at or above motif.Threshold), the transposition and the tempo
// ratio. It returns the encoder; nothing is rendered twice when WriteTo is called. It fails on
// missing features, an empty matrix (a track too short or silent to compare), a matrix whose
// size disagrees with Rows and Cols, or a frame rate that is not positive.
func Compare(a, b *motif.Features, r motif.Result, s motif.Similarity) (io.WriterTo, error) {
	sim, rows, cols, frameRate := s.Values, s.Rows, s.Cols, s.FrameRate
	switch {
	case a == nil || b == nil:
		return nil, errors.New("missing features")
	case rows <= 0 || cols <= 0:
		return nil, errors.New("empty similarity matrix: a track is too short or silent")
	case len(sim) != rows*cols:
		return nil, fmt.Errorf("similarity matrix has %d values, want %d x %d", len(sim), rows, cols)
	case !(frameRate > 0):
		return nil, fmt.Errorf("frame rate %g is not positive", frameRate)
	}
	nameA, nameB := fileName(a.File, "A"), fileName(b.File, "B")
	verdict := "no match"
	if r.Score >= motif.Threshold {
		verdict = "match"
	}
	title := fmt.Sprintf("A: %s  vs  B: %s\nscore %.2f (%s)   transposition %s   tempo B/A %.2f",
		nameA, nameB, r.Score, verdict, semitones(r.Transposition), r.TempoRatio)
	p := newPlot(title, "B: "+nameB+" (s)", "A: "+nameA+" (s)")

	cm := viridis()
	half := 0.5 / frameRate
	xmax := float64(cols)/frameRate - half
	ymax := float64(rows)/frameRate - half
	// Leave room for the axes, the title and the colour bar: about 650 px of data each way.
	img := raster(sim, rows, cols, cm, 650, 650)
	p.Add(plotter.NewImage(img, -half, -half, xmax, ymax))
	p.X.Min, p.X.Max = -half, xmax
	p.Y.Min, p.Y.Max = -half, ymax
	p.X.Tick.Marker, p.Y.Tick.Marker = timeTicks{}, timeTicks{}

	if len(r.Path) > 1 {
		xys := make(plotter.XYs, len(r.Path))
		for i, q := range r.Path {
			xys[i] = plotter.XY{X: q.B, Y: q.A}
		}
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("alignment path: %w", err)
		}
		line.Color = pathColor
		line.Width = vg.Points(1)
		p.Add(line)
	}
	p.Add(segmentBoxes{segments: r.Segments, transposition: r.Transposition})
	return render(p, cm, "similarity", CompareWidth, CompareHeight), nil
}

var (
	pathColor    = color.NRGBA{R: 255, G: 40, B: 40, A: 200}
	segmentColor = color.NRGBA{R: 255, G: 255, B: 255, A: 255}
	labelFill    = color.NRGBA{A: 170}
)

// segmentBoxes draws each segment as a dashed rectangle labelled with its rank and score (and
// its transposition when it differs from the overall one) on a dark tag, readable on any
// colour of the map.
type segmentBoxes struct {
	segments      []motif.Segment
	transposition int
}

// Plot implements gonum's plot.Plotter.
func (s segmentBoxes) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	line := draw.LineStyle{Color: segmentColor, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
	sty := p.X.Tick.Label
	sty.Color = segmentColor
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	for i, seg := range s.segments {
		x0, x1 := trX(seg.BStart), trX(seg.BEnd)
		y0, y1 := trY(seg.AStart), trY(seg.AEnd)
		c.StrokeLines(line, c.ClipLinesXY([]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})...)
		label := fmt.Sprintf("%d: %.2f", i+1, seg.Score)
		if seg.Transposition != s.transposition {
			label += ", " + semitones(seg.Transposition)
		}
		const pad = 3
		w, h := sty.Width(label), sty.Height(label)
		at := vg.Point{X: x0, Y: y1 + vg.Points(2)}
		// Keep the tag inside the data area.
		at.X = min(max(at.X, c.Min.X), c.Max.X-w-2*pad)
		if at.Y+h+2*pad > c.Max.Y {
			at.Y = y1 - h - 2*pad - vg.Points(2)
		}
		c.SetColor(labelFill)
		c.Fill(vg.Rectangle{Min: at, Max: vg.Point{X: at.X + w + 2*pad, Y: at.Y + h + 2*pad}}.Path())
		c.FillText(sty, vg.Point{X: at.X + pad, Y: at.Y + pad}, label)
	}
}

// semitones formats a transposition as "+3 semitones", "-1 semitone" or "0 semitones".
func semitones(t int) string {
	unit := "semitones"
	if t == 1 || t == -1 {
		unit = "semitone"
	}
	if t > 0 {
		return fmt.Sprintf("+%d %s", t, unit)
	}
	return fmt.Sprintf("%d %s", t, unit)
}

// fileName is the base name of path, or fallback when there is none.
func fileName(path, fallback string) string {
	if path == "" {
		return fallback
	}
	return filepath.Base(path)
}
