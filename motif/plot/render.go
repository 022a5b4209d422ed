package plot

import (
	"io"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// dpi is the resolution of the PNGs; sizes below are in pixels and converted with it.
const dpi = 96

// px converts pixels to a vg.Length at dpi.
func px(n int) vg.Length { return vg.Length(n) * vg.Inch / dpi }

// newPlot returns a plot styled for a heatmap: no padding between the axes and the image, and
// type large enough to read at 100%.
func newPlot(title, xLabel, yLabel string) *gplot.Plot {
	p := gplot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 13
	p.Title.Padding = 8
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, a := range []*gplot.Axis{&p.X, &p.Y} {
		a.Padding = 0
		a.Label.TextStyle.Font.Size = 12
		a.Tick.Label.Font.Size = 11
	}
	return p
}

// colorBarWidth is the space to the right of the main plot taken by the colour bar, its tick
// labels and its label.
const colorBarWidth = 80

// barGap separates the main plot from the colour bar's axis.
const barGap = 12

// render draws p on a w x h pixel canvas with a vertical colour bar for cm labelled label at
// its right, aligned with p's data area, and returns the PNG encoder.
func render(p *gplot.Plot, cm *colorMap, label string, w, h int) io.WriterTo {
	c := vgimg.NewWith(vgimg.UseWH(px(w), px(h)), vgimg.UseDPI(dpi))
	dc := draw.New(c)
	const margin = 10
	dc = draw.Crop(dc, px(margin), -px(margin), px(margin), -px(margin))
	main := draw.Crop(dc, 0, -px(colorBarWidth), 0, 0)
	p.Draw(main)

	data := p.DataCanvas(main)
	bar := gplot.New()
	bar.HideX()
	bar.X.Padding, bar.Y.Padding = 0, 0
	bar.Y.Min, bar.Y.Max = cm.Min(), cm.Max()
	bar.Y.Label.Text = label
	bar.Y.Label.TextStyle.Font.Size = 11
	bar.Y.Tick.Label.Font.Size = 10
	bar.Add(&plotter.ColorBar{ColorMap: cm, Vertical: true})
	barCanvas := dc
	barCanvas.Min.Y, barCanvas.Max.Y = data.Min.Y, data.Max.Y
	barCanvas.Min.X = dc.Max.X - px(colorBarWidth-barGap)
	bar.Draw(barCanvas)
	return vgimg.PngCanvas{Canvas: c}
}
