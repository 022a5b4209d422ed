// Package cputime reads the CPU time of the process, for benchmarks: on a loaded or shared
// machine the wall clock also counts waiting for a core, while CPU time measures the work
// done (of a single-goroutine loop; a parallel one adds up the time of every core).
//
// It is implemented with getrusage on Unix and GetProcessTimes on Windows. Elsewhere Used
// returns 0, so a difference of two readings is 0: report a CPU-time metric only when it is
// positive.
package cputime

import "time"

// Used returns the user+system CPU time the process has used so far (0 where the system does
// not say, or on error).
func Used() time.Duration { return used() }
