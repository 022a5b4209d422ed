package plot

import (
	"image"
)

// raster turns a row-major matrix (row 0 at the bottom of the plot) into an image of at most
// about maxW x maxH cells: dimensions larger than that are max-pooled, smaller ones are
// repeated by a whole factor up to it, so the canvas's smooth scaling neither blurs cells nor
// drops thin stripes. Values are coloured by cm.
func raster(m []float32, rows, cols int, cm *colorMap, maxW, maxH int) *image.NRGBA {
	outW, repX := fit(cols, maxW)
	outH, repY := fit(rows, maxH)
	img := image.NewNRGBA(image.Rect(0, 0, outW*repX, outH*repY))
	for oy := range outH {
		r0, r1 := oy*rows/outH, (oy+1)*rows/outH
		for ox := range outW {
			c0, c1 := ox*cols/outW, (ox+1)*cols/outW
			v := m[r0*cols+c0]
			for r := r0; r < r1; r++ {
				for _, x := range m[r*cols+c0 : r*cols+c1] {
					v = max(v, x)
				}
			}
			col := cm.nrgba(float64(v))
			// Image row 0 is the top of the plot, where the last matrix row goes.
			for dy := range repY {
				y := (outH-1-oy)*repY + dy
				for dx := range repX {
					img.SetNRGBA(ox*repX+dx, y, col)
				}
			}
		}
	}
	return img
}

// fit returns the number of cells n is pooled to (at most limit) and how many times each is
// repeated to come near limit.
func fit(n, limit int) (cells, repeat int) {
	if n >= limit {
		return limit, 1
	}
	return n, max(1, limit/n)
}
