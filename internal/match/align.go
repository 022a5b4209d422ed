package match

// This file is the reusable core: a similarity matrix between two frame
// sequences under one transposition, and Smith-Waterman local alignment on
// it with tempo-tolerant steps. Compare, CrossSimilarity and self-matching
// (motif discovery) are built on these two functions.

// rotate returns b with each frame rotated by t: out[j][c] = b[j][(c+t)%12],
// so that a dot product with an A frame compares A's pitch class c with B's
// pitch class c+t.
func rotate(dst, b [][12]float32, t int) [][12]float32 {
	dst = append(dst[:0], b...)
	if t%12 == 0 {
		return dst
	}
	for j := range dst {
		f := b[j]
		for c := 0; c < 12; c++ {
			dst[j][c] = f[(c+t)%12]
		}
	}
	return dst
}

// similarity fills dst[i*m+j] (n = len(a), m = len(b)) with the
// delay-embedded correlation of frames a[i] and b[j] (already rotated):
// the mean of the frame correlations over embed frames spaced delay apart
// along the diagonal, centred on (i, j), minus thr. base is scratch of
// n*m; both slices are returned grown as needed.
func similarity(dst, base []float32, a, b [][12]float32, embed, delay int, thr float32) ([]float32, []float32) {
	n, m := len(a), len(b)
	dst = grow(dst, n*m)
	if embed <= 1 {
		dotAll(dst, a, b)
		for k := range dst {
			dst[k] -= thr
		}
		return dst, base
	}
	base = grow(base, n*m)
	dotAll(base, a, b)
	if delay == 1 {
		embedDiag(dst, base, n, m, embed)
	} else {
		embedSlow(dst, base, n, m, embed, delay)
	}
	w := 1 / float32(embed)
	for k, v := range dst {
		dst[k] = w*v - thr
	}
	return dst, base
}

// embedDiag stores in dst the sums of base over embed consecutive cells
// along each diagonal, centred, by running sums: each cell costs one
// addition and one subtraction whatever embed is.
func embedDiag(dst, base []float32, n, m, embed int) {
	c := (embed - 1) / 2
	at := func(i, j int) float32 {
		if i < 0 || j < 0 || i >= n || j >= m {
			return 0
		}
		return base[i*m+j]
	}
	direct := func(i, j int) float32 {
		var s float32
		for k := 0; k < embed; k++ {
			s += at(i+k-c, j+k-c)
		}
		return s
	}
	for j := 0; j < m; j++ {
		dst[j] = direct(0, j)
	}
	addOff, subOff := embed-1-c, 1+c
	for i := 1; i < n; i++ {
		cur, prev := dst[i*m:i*m+m], dst[(i-1)*m:i*m]
		cur[0] = direct(i, 0)
		copy(cur[1:], prev[:m-1])
		if ia := i + addOff; ia < n {
			add := base[ia*m : ia*m+m]
			if addOff < m {
				add = add[addOff:]
				for j := 1; j < len(add); j++ {
					cur[j] += add[j]
				}
			}
		}
		if is := i - subOff; is >= 0 && subOff < m {
			sub := base[is*m : is*m+m-subOff]
			cur := cur[subOff:]
			for j, v := range sub {
				cur[j] -= v
			}
		}
	}
}

// embedSlow is embedDiag for a delay above 1: embed passes over the matrix.
func embedSlow(dst, base []float32, n, m, embed, delay int) {
	clear(dst)
	c0 := (embed - 1) * delay / 2
	for e := 0; e < embed; e++ {
		o := e*delay - c0 // diagonal offset of this embedding term
		for i := max(0, -o); i < min(n, n-o); i++ {
			j0, j1 := max(0, -o), min(m, m-o)
			if j0 >= j1 {
				continue
			}
			src := base[(i+o)*m+j0+o : (i+o)*m+j1+o]
			row := dst[i*m+j0 : i*m+j1]
			for j, v := range src {
				row[j] += v
			}
		}
	}
}

// dotAll fills dst[i*m+j] with the dot product of a[i] and b[j].
func dotAll(dst []float32, a, b [][12]float32) {
	m := len(b)
	for i := range a {
		x := &a[i]
		row := dst[i*m : i*m+m]
		b := b[:len(row)]
		for j := range row {
			y := &b[j]
			row[j] = x[0]*y[0] + x[1]*y[1] + x[2]*y[2] + x[3]*y[3] + x[4]*y[4] + x[5]*y[5] +
				x[6]*y[6] + x[7]*y[7] + x[8]*y[8] + x[9]*y[9] + x[10]*y[10] + x[11]*y[11]
		}
	}
}

func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

// Step codes of the local alignment traceback.
const (
	stepNone  = iota // D = 0: not on a path
	stepDiag         // from (i-1, j-1)
	stepSlowB        // from (i-2, j-1): A advances twice as fast (B slower)
	stepSlowA        // from (i-1, j-2)
)

// slantWeight scales the score of a (2,1) or (1,2) step so that a path's
// score is proportional to (A length + B length)/2, whatever its slope.
const slantWeight = 1.5

// localAlign runs Smith-Waterman on the n×m score matrix s (positive =
// similar) with steps (1,1), (2,1) and (1,2), i.e. local tempo ratios from
// 1/2 to 2, and returns the best score and the cell where it ends. When
// codes is non-nil (len n*m) it receives the step taken into every cell for
// traceback. rows is scratch of 3*(m+2) (grown and returned).
func localAlign(s []float32, n, m int, codes []uint8, rows []float32) (best float32, bi, bj int, _ []float32) {
	rows = grow(rows, 3*(m+2))
	clear(rows)
	d2, d1, d0 := rows[:m+2], rows[m+2:2*(m+2)], rows[2*(m+2):]
	bi, bj = -1, -1
	for i := 0; i < n; i++ {
		row := s[i*m : i*m+m]
		cur := d0[2 : m+2]
		var rb float32
		var rj int
		if codes == nil {
			rb, rj = alignRow(cur, d1[1:m+1], d2[1:m+1], d1[0:m], row)
		} else {
			rb, rj = alignRowCodes(cur, d1[1:m+1], d2[1:m+1], d1[0:m], row, codes[i*m:i*m+m])
		}
		if rb > best {
			best, bi, bj = rb, i, rj
		}
		d2, d1, d0 = d1, d0, d2
	}
	return best, bi, bj, rows
}

// alignRow computes one row of the local alignment: cur[j] from the
// predecessors diag = D(i-1, j-1), up2 = D(i-2, j-1), left2 = D(i-1, j-2)
// and the scores row; it returns the row's maximum and where it is.
func alignRow(cur, diag, up2, left2, row []float32) (float32, int) {
	var rb float32
	rj := 0
	cur, diag, up2, left2 = cur[:len(row)], diag[:len(row)], up2[:len(row)], left2[:len(row)]
	for j, v := range row {
		x := diag[j] + v
		sv := slantWeight * v
		if t := up2[j] + sv; t > x {
			x = t
		}
		if t := left2[j] + sv; t > x {
			x = t
		}
		if x < 0 {
			x = 0
		}
		cur[j] = x
		if x > rb {
			rb, rj = x, j
		}
	}
	return rb, rj
}

// alignRowCodes is alignRow that also records the step into each cell.
func alignRowCodes(cur, diag, up2, left2, row []float32, codes []uint8) (float32, int) {
	var rb float32
	rj := 0
	cur, diag, up2, left2, codes = cur[:len(row)], diag[:len(row)], up2[:len(row)], left2[:len(row)], codes[:len(row)]
	for j, v := range row {
		x, code := float32(0), uint8(stepNone)
		if t := diag[j] + v; t > x {
			x, code = t, stepDiag
		}
		sv := slantWeight * v
		if t := up2[j] + sv; t > x {
			x, code = t, stepSlowB
		}
		if t := left2[j] + sv; t > x {
			x, code = t, stepSlowA
		}
		cur[j] = x
		codes[j] = code
		if x > rb {
			rb, rj = x, j
		}
	}
	return rb, rj
}

// cell is a position (A frame, B frame) on an alignment path.
type cell struct{ i, j int }

// traceback follows codes (n×m, from localAlign) back from (i, j) and
// returns the path in increasing order.
func traceback(codes []uint8, m, i, j int) []cell {
	var path []cell
	for i >= 0 && j >= 0 {
		c := codes[i*m+j]
		if c == stepNone {
			break
		}
		path = append(path, cell{i, j})
		switch c {
		case stepDiag:
			i, j = i-1, j-1
		case stepSlowB:
			i, j = i-2, j-1
		case stepSlowA:
			i, j = i-1, j-2
		}
		if i < 0 || j < 0 || codes[i*m+j] == stepNone {
			break
		}
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	return path
}

// maskRect sets s (n×m) to a large negative score inside rows [i0,i1] and
// columns [j0,j1] so that no later alignment can pass through it.
func maskRect(s []float32, m, i0, i1, j0, j1 int) {
	for i := i0; i <= i1; i++ {
		row := s[i*m+j0 : i*m+j1+1]
		for j := range row {
			row[j] = -1e6
		}
	}
}

// maskLower masks every cell of s (n×m) with j < i+lag.
func maskLower(s []float32, n, m, lag int) {
	for i := 0; i < n; i++ {
		row := s[i*m : i*m+min(m, max(0, i+lag))]
		for j := range row {
			row[j] = -1e6
		}
	}
}
