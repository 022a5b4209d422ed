//go:build !unix

package chroma

// cpuSeconds is unavailable here; the CPU-time metric then reads 0.
func cpuSeconds() float64 { return 0 }
