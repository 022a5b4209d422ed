package cputime

import (
	"runtime"
	"testing"
	"time"
)

func TestUsedGrows(t *testing.T) {
	c0 := Used()
	if c0 < 0 {
		t.Fatalf("Used() = %v", c0)
	}
	// Spin until the CPU clock moves (its resolution may be coarse), or give up after 2 s
	// of wall time.
	x := 1.0
	for start := time.Now(); Used() == c0 && time.Since(start) < 2*time.Second; {
		for i := 0; i < 1e5; i++ {
			x = x*1.0000001 + 1e-9
		}
	}
	c1 := Used()
	switch {
	case implemented && c1 <= c0:
		t.Errorf("CPU time did not grow after spinning: %v then %v (x=%g)", c0, c1, x)
	case !implemented && (c0 != 0 || c1 != 0):
		t.Errorf("Used() = %v, %v on %s, want 0", c0, c1, runtime.GOOS)
	}
}
