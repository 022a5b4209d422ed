package fft

import "fmt"

// Power writes |spec[k]|² into dst[k] and returns dst. If dst is nil it is allocated;
// otherwise it must have the same length as spec.
func Power(dst []float32, spec []complex64) []float32 {
	if dst == nil {
		dst = make([]float32, len(spec))
	}
	if len(dst) != len(spec) {
		panic(fmt.Sprintf("fft: Power: len(dst) = %d, want %d", len(dst), len(spec)))
	}
	for k, c := range spec {
		r, i := real(c), imag(c)
		dst[k] = r*r + i*i
	}
	return dst
}
