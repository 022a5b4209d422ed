package plot

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/palette"
)

// viridisAnchors and magmaAnchors sample matplotlib's perceptually uniform colour maps at 11
// evenly spaced points; linear interpolation between them stays close to uniform, and it spares
// a 256-entry table.
var (
	viridisAnchors = [...]uint32{
		0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
		0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725,
	}
	magmaAnchors = [...]uint32{
		0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779,
		0xde4968, 0xf7705c, 0xfe9f6d, 0xfecf92, 0xfcfdbf,
	}
)

// colorMap is a sequential colour map over [min, max]. It implements palette.ColorMap so that
// gonum's ColorBar can draw it.
type colorMap struct {
	anchors  []uint32
	min, max float64
	alpha    float64
}

func viridis() *colorMap { return &colorMap{anchors: viridisAnchors[:], max: 1, alpha: 1} }
func magma() *colorMap   { return &colorMap{anchors: magmaAnchors[:], max: 1, alpha: 1} }

// nrgba returns the colour of v, clamping v to [min, max]; NaN maps to min.
func (m *colorMap) nrgba(v float64) color.NRGBA {
	t := 0.0
	if m.max > m.min && !math.IsNaN(v) {
		t = (v - m.min) / (m.max - m.min)
	}
	t = math.Max(0, math.Min(1, t))
	x := t * float64(len(m.anchors)-1)
	i := int(x)
	if i >= len(m.anchors)-1 {
		i = len(m.anchors) - 2
	}
	f := x - float64(i)
	lo, hi := m.anchors[i], m.anchors[i+1]
	mix := func(shift uint) uint8 {
		a := float64(lo >> shift & 0xff)
		b := float64(hi >> shift & 0xff)
		return uint8(a + f*(b-a) + 0.5)
	}
	return color.NRGBA{R: mix(16), G: mix(8), B: mix(0), A: uint8(255*m.alpha + 0.5)}
}

// At implements palette.ColorMap.
func (m *colorMap) At(v float64) (color.Color, error) {
	switch {
	case math.IsNaN(v):
		return nil, palette.ErrNaN
	case v < m.min:
		return nil, palette.ErrUnderflow
	case v > m.max:
		return nil, palette.ErrOverflow
	}
	return m.nrgba(v), nil
}

// Max implements palette.ColorMap.
func (m *colorMap) Max() float64 { return m.max }

// SetMax implements palette.ColorMap.
func (m *colorMap) SetMax(v float64) { m.max = v }

// Min implements palette.ColorMap.
func (m *colorMap) Min() float64 { return m.min }

// SetMin implements palette.ColorMap.
func (m *colorMap) SetMin(v float64) { m.min = v }

// Alpha implements palette.ColorMap.
func (m *colorMap) Alpha() float64 { return m.alpha }

// SetAlpha implements palette.ColorMap.
func (m *colorMap) SetAlpha(a float64) {
	if a < 0 || a > 1 {
		panic("plot: alpha out of [0, 1]")
	}
	m.alpha = a
}

// Palette implements palette.ColorMap.
func (m *colorMap) Palette(n int) palette.Palette {
	c := make(colors, n)
	for i := range c {
		v := m.min
		if n > 1 {
			v += (m.max - m.min) * float64(i) / float64(n-1)
		}
		c[i] = m.nrgba(v)
	}
	return c
}

type colors []color.Color

func (c colors) Colors() []color.Color { return c }
