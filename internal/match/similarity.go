package match

// Similarity is a cross-similarity matrix between the frames of two
// tracks, for plotting: Values[i*Cols+j] in [0, 1] is the similarity of
// A's frame i (row) and B's frame j (column), both at FrameRate frames per
// second.
type Similarity struct {
	Values     []float32
	Rows, Cols int
	FrameRate  float64
}

// At returns the similarity of A's frame i and B's frame j.
func (s Similarity) At(i, j int) float32 { return s.Values[i*s.Cols+j] }

// CrossSimilarity returns the delay-embedded similarity between every frame
// of a (rows) and of b (columns) with b's pitch classes shifted down by
// transposition (the Result's convention), clipped to [0,1]. It is empty
// when either track has no frames.
func CrossSimilarity(a, b *Sequence, transposition int) Similarity {
	opt := Options{}.withDefaults()
	if a == nil || b == nil || len(a.fine) == 0 || len(b.fine) == 0 {
		return Similarity{}
	}
	rot := rotate(nil, b.fine, ((transposition%12)+12)%12)
	m, _ := similarity(nil, nil, a.fine, rot, opt.Embed, opt.Delay, 0)
	for k, v := range m {
		m[k] = min(1, max(0, v))
	}
	return Similarity{Values: m, Rows: len(a.fine), Cols: len(b.fine), FrameRate: a.rate}
}
