// Package parallel spreads independent jobs over goroutines.
package parallel

import (
	"runtime"
	"sync"
)

// For calls job(i) for every i in [0, n) on up to workers goroutines (0 means GOMAXPROCS) and
// returns when all are done. After each job, progress (if not nil) is called with the number of
// jobs done so far and n; those calls are serialised.
func For(n, workers int, job func(i int), progress func(done, total int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		next = make(chan int)
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				job(i)
				if progress != nil {
					mu.Lock()
					done++
					progress(done, n)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
