package match

import (
	"math"
	"math/rand"
	"testing"
)

// TestEmbedDiag checks the running-sum embedding against the direct sum.
func TestEmbedDiag(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, sz := range [][3]int{{7, 9, 3}, {20, 5, 10}, {4, 30, 6}, {15, 15, 1}, {3, 3, 8}} {
		n, m, e := sz[0], sz[1], sz[2]
		base := make([]float32, n*m)
		for k := range base {
			base[k] = rng.Float32()*2 - 1
		}
		fast, slow := make([]float32, n*m), make([]float32, n*m)
		embedDiag(fast, base, n, m, e)
		embedSlow(slow, base, n, m, e, 1)
		for k := range fast {
			if math.Abs(float64(fast[k]-slow[k])) > 1e-4 {
				t.Fatalf("%dx%d embed %d: cell %d = %v, want %v", n, m, e, k, fast[k], slow[k])
			}
		}
	}
}
