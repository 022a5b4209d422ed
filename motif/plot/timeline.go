package plot

import (
	"errors"
	"fmt"
	"image/color"
	"io"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// TimelineWidth is the width of a Timeline image in pixels; its height grows with the number
// of files (timelineRow pixels a file, plus the title and the time axis).
const TimelineWidth = 1000

const (
	timelineRow    = 56
	timelineMargin = 120
)

// Timeline renders the themes Discover found in tracks as a PNG: one row per track (its file
// name at the left, its length as a grey band), each theme's occurrences as bars in the
// theme's colour labelled with the theme's number (1 = the first theme, as Discover ranks
// them) and the occurrence's transposition, time in seconds along x. It fails when there is
// no track or a theme refers to a track that is not there.
func Timeline(tracks []*motif.Features, themes []motif.Theme, title string) (io.WriterTo, error) {
	if len(tracks) == 0 {
		return nil, errors.New("no track to draw")
	}
	longest := 0.0
	for i, f := range tracks {
		if f == nil {
			return nil, fmt.Errorf("track %d: missing features", i)
		}
		longest = max(longest, f.Duration)
	}
	for k, th := range themes {
		for _, o := range th.Occurrences {
			if o.Track < 0 || o.Track >= len(tracks) {
				return nil, fmt.Errorf("theme %d: occurrence in track %d of %d", k+1, o.Track, len(tracks))
			}
		}
	}
	if title == "" {
		title = fmt.Sprintf("%s in %s", plural(len(themes), "motif"), plural(len(tracks), "file"))
	}
	p := gplot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.Title.Padding = 8
	p.X.Label.Text = "time (s)"
	p.X.Label.TextStyle.Font.Size = 12
	p.X.Tick.Label.Font.Size = 11
	p.X.Tick.Marker = timeTicks{}
	p.X.Min, p.X.Max = 0, max(longest, 1)
	p.Y.Min, p.Y.Max = 0, float64(len(tracks))
	p.Y.Tick.Marker = fileTicks(tracks)
	p.Y.Tick.Label.Font.Size = 11
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Add(timelineBars{tracks: tracks, themes: themes})
	h := timelineRow*len(tracks) + timelineMargin
	c := vgimg.NewWith(vgimg.UseWH(px(TimelineWidth), px(h)), vgimg.UseDPI(dpi))
	dc := draw.Crop(draw.New(c), px(10), -px(10), px(10), -px(10))
	p.Draw(dc)
	return vgimg.PngCanvas{Canvas: c}, nil
}

// fileTicks labels the rows with the files' names, the first file at the top.
type fileTicks []*motif.Features

// Ticks implements gonum's plot.Ticker.
func (f fileTicks) Ticks(lo, hi float64) []gplot.Tick {
	var out []gplot.Tick
	for i, t := range f {
		out = append(out, gplot.Tick{Value: rowCentre(i, len(f)), Label: fileName(t.File, fmt.Sprintf("track %d", i+1))})
	}
	return out
}

// rowCentre is the y value of row i of n (row 0 at the top).
func rowCentre(i, n int) float64 { return float64(n-i) - 0.5 }

// themeColors are distinguishable colours for the themes (Okabe and Ito's palette, safe for
// colour-blind readers), reused in turn beyond eight themes.
var themeColors = [...]color.NRGBA{
	{0, 114, 178, 255}, {230, 159, 0, 255}, {0, 158, 115, 255}, {204, 121, 167, 255},
	{86, 180, 233, 255}, {213, 94, 0, 255}, {240, 228, 66, 255}, {100, 100, 100, 255},
}

// timelineBars draws the tracks' extents and the occurrences.
type timelineBars struct {
	tracks []*motif.Features
	themes []motif.Theme
}

// Plot implements gonum's plot.Plotter.
func (t timelineBars) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(t.tracks)
	band := color.NRGBA{225, 225, 225, 255}
	for i, f := range t.tracks {
		y := rowCentre(i, n)
		c.SetColor(band)
		c.Fill(rect(trX(0), trY(y-0.06), trX(f.Duration), trY(y+0.06)))
	}
	sty := p.X.Tick.Label
	sty.Font.Size = 10
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	for k, th := range t.themes {
		col := themeColors[k%len(themeColors)]
		for _, o := range th.Occurrences {
			y := rowCentre(o.Track, n)
			x0, x1 := trX(o.Start), trX(o.End)
			c.SetColor(col)
			c.Fill(rect(x0, trY(y-0.3), x1, trY(y+0.3)))
			label := fmt.Sprintf("%d", k+1)
			if o.Transposition != 0 {
				label += fmt.Sprintf(" %+d", o.Transposition)
			}
			sty.Color = color.White
			if col == themeColors[6] || col == themeColors[4] {
				sty.Color = color.Black // yellow and sky blue are too light for white type
			}
			at := vg.Point{X: x0 + vg.Points(3), Y: trY(y)}
			if sty.Width(label)+vg.Points(6) > x1-x0 {
				sty.Color = color.Black // no room inside: write above the bar
				at.Y = trY(y+0.3) + sty.Height(label)/2 + vg.Points(1)
			}
			c.FillText(sty, at, label)
		}
	}
}

func rect(x0, y0, x1, y1 vg.Length) vg.Path {
	return vg.Rectangle{Min: vg.Point{X: x0, Y: y0}, Max: vg.Point{X: x1, Y: y1}}.Path()
}

// plural formats a count with its noun ("1 motif", "3 files").
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
