package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForRunsEveryJobOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 0}, {1, 4}, {7, 0}, {100, 3}} {
		counts := make([]int32, tc.n)
		var last, calls int
		For(tc.n, tc.workers, func(i int) { atomic.AddInt32(&counts[i], 1) }, func(done, total int) {
			if done != last+1 || total != tc.n {
				t.Errorf("progress %d/%d after %d", done, total, last)
			}
			last = done
			calls++
		})
		for i, c := range counts {
			if c != 1 {
				t.Errorf("n=%d: job %d ran %d times", tc.n, i, c)
			}
		}
		if calls != tc.n {
			t.Errorf("n=%d: %d progress calls", tc.n, calls)
		}
	}
}
