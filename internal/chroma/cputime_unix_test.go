//go:build unix

package chroma

import "syscall"

// cpuSeconds returns the user+system CPU time of the process: on a loaded machine it
// measures the work done, where wall-clock time also counts waiting for a core.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
