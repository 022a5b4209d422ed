package match

// CrossSimilarity returns the delay-embedded similarity between every frame
// of a (rows) and of b (columns) with b's pitch classes shifted down by
// transposition (the Result's convention), clipped to [0,1], row-major,
// and the frame rate of both axes, for plotting.
func CrossSimilarity(a, b *Sequence, transposition int) (m []float32, rows, cols int, frameRate float64) {
	opt := Options{}.withDefaults()
	if a == nil || b == nil || len(a.fine) == 0 || len(b.fine) == 0 {
		return nil, 0, 0, 0
	}
	rot := rotate(nil, b.fine, ((transposition%12)+12)%12)
	m, _ = similarity(nil, nil, a.fine, rot, opt.Embed, opt.Delay, 0)
	for k, v := range m {
		m[k] = min(1, max(0, v))
	}
	return m, len(a.fine), len(b.fine), a.rate
}
