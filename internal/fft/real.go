package fft

import (
	"fmt"
	"math"
)

// Real is a plan for the real-input FFT of one power-of-two size. It holds only
// read-only tables after NewReal returns, so a single *Real may be used by several
// goroutines at once.
type Real struct {
	n      int
	m      int         // n/2: size of the inner complex FFT
	radix  int         // 2 or 4: radix of the first pass, fused with the bit reversal
	rev    []int32     // bit-reversal permutation of 0..m/radix-1
	passes []pass      // radix-4 passes with twiddles (h >= 2)
	sp     []complex64 // split-step twiddles exp(-2πi k/n), k = 0..m/2
}

// pass holds the twiddles w^j, w^2j, w^3j (j < h, w = exp(-2πi/(4h))) of one radix-4
// pass combining four length-h sub-transforms.
type pass struct {
	h          int
	w1, w2, w3 []complex64
}

// MinLen and MaxLen bound the sizes accepted by NewReal.
const (
	MinLen = 4
	MaxLen = 1 << 24
)

// NewReal returns a plan for real FFTs of size n. It panics if n is not a power of two
// in [MinLen, MaxLen]: the size is a programming decision, not data.
func NewReal(n int) *Real {
	if n < MinLen || n > MaxLen || n&(n-1) != 0 {
		panic(fmt.Sprintf("fft: NewReal(%d): size must be a power of two in [%d, %d]", n, MinLen, MaxLen))
	}
	m := n / 2
	p := &Real{n: n, m: m}

	bits := 0
	for 1<<bits < m {
		bits++
	}
	// The first pass (radix 2 if bits is odd, else 4) reads its inputs straight from
	// src: point t of group q is packed sample rev[q] + revr(t)*m/radix, where revr
	// reverses the low bits of t.
	p.radix = 4
	if bits%2 == 1 {
		p.radix = 2
	}
	qbits := bits - 1
	if p.radix == 4 {
		qbits = bits - 2
	}
	p.rev = make([]int32, m/p.radix)
	for i := range p.rev {
		r := 0
		for b := 0; b < qbits; b++ {
			r |= (i >> b & 1) << (qbits - 1 - b)
		}
		p.rev[i] = int32(r)
	}

	// Radix-4 passes start at span 4 (h=1, no twiddles, done separately) if bits is
	// even, else at span 8 (h=2) after one radix-2 pass.
	h := 4
	if bits%2 == 1 {
		h = 2
	}
	for ; 4*h <= m; h *= 4 {
		ps := pass{h: h, w1: make([]complex64, h), w2: make([]complex64, h), w3: make([]complex64, h)}
		for j := 0; j < h; j++ {
			theta := -2 * math.Pi * float64(j) / float64(4*h)
			ps.w1[j], ps.w2[j], ps.w3[j] = cis(theta), cis(2*theta), cis(3*theta)
		}
		p.passes = append(p.passes, ps)
	}

	p.sp = make([]complex64, m/2+1)
	for k := range p.sp {
		p.sp[k] = cis(-2 * math.Pi * float64(k) / float64(n))
	}
	return p
}

func cis(theta float64) complex64 {
	s, c := math.Sincos(theta)
	return complex(float32(c), float32(s))
}

// Len returns the transform size n.
func (p *Real) Len() int { return p.n }

// Transform computes the n/2+1 non-negative-frequency bins of the DFT of src, which must
// have length n, into dst and returns it. If dst is nil a new slice is allocated;
// otherwise it must have length n/2+1 and is overwritten. Transform panics on length
// mismatches.
func (p *Real) Transform(dst []complex64, src []float32) []complex64 {
	if len(src) != p.n {
		panic(fmt.Sprintf("fft: Transform: len(src) = %d, want %d", len(src), p.n))
	}
	if dst == nil {
		dst = make([]complex64, p.m+1)
	}
	if len(dst) != p.m+1 {
		panic(fmt.Sprintf("fft: Transform: len(dst) = %d, want %d", len(dst), p.m+1))
	}
	m := p.m
	z := dst[:m]

	// First pass, reading the packed samples z[k] = src[2k] + i src[2k+1] in
	// bit-reversed order.
	src = src[:2*m]
	if p.radix == 2 {
		half := m / 2
		for q, r := range p.rev {
			a := src[2*r : 2*r+2 : 2*r+2]
			b := src[2*(int(r)+half) : 2*(int(r)+half)+2]
			out := z[2*q : 2*q+2 : 2*q+2]
			out[0] = complex(a[0]+b[0], a[1]+b[1])
			out[1] = complex(a[0]-b[0], a[1]-b[1])
		}
	} else {
		qm := m / 4
		for q, r := range p.rev {
			i := int(r)
			a0 := src[2*i : 2*i+2 : 2*i+2]
			a1 := src[2*(i+2*qm) : 2*(i+2*qm)+2] // Y2
			a2 := src[2*(i+qm) : 2*(i+qm)+2]     // Y1
			a3 := src[2*(i+3*qm) : 2*(i+3*qm)+2] // Y3
			s0r, s0i := a0[0]+a1[0], a0[1]+a1[1]
			s1r, s1i := a0[0]-a1[0], a0[1]-a1[1]
			s2r, s2i := a2[0]+a3[0], a2[1]+a3[1]
			s3r, s3i := a2[0]-a3[0], a2[1]-a3[1]
			out := z[4*q : 4*q+4 : 4*q+4]
			out[0] = complex(s0r+s2r, s0i+s2i)
			out[2] = complex(s0r-s2r, s0i-s2i)
			out[1] = complex(s1r+s3i, s1i-s3r)
			out[3] = complex(s1r-s3i, s1i+s3r)
		}
	}
	p.complexFFT(z)
	p.split(dst)
	return dst
}

// complexFFT runs the radix-4 passes after the first one on z in place.
func (p *Real) complexFFT(z []complex64) {
	for i := range p.passes {
		ps := &p.passes[i]
		for base := 0; base+4*ps.h <= len(z); base += 4 * ps.h {
			radix4(z[base:base+4*ps.h], ps)
		}
	}
}

// radix4 combines four length-h sub-DFTs stored in quarters of z (in the order
// Y0, Y2, Y1, Y3, as left by bit-reversed radix-2 ordering) into one DFT of length 4h.
func radix4(z []complex64, ps *pass) {
	h := ps.h
	x0 := z[0:h:h]
	x1 := z[h : 2*h : 2*h][:len(x0)]
	x2 := z[2*h : 3*h : 3*h][:len(x0)]
	x3 := z[3*h : 4*h : 4*h][:len(x0)]
	w1s, w2s, w3s := ps.w1[:len(x0)], ps.w2[:len(x0)], ps.w3[:len(x0)]
	for j := range x0 {
		w1r, w1i := real(w1s[j]), imag(w1s[j])
		w2r, w2i := real(w2s[j]), imag(w2s[j])
		w3r, w3i := real(w3s[j]), imag(w3s[j])

		a0r, a0i := real(x0[j]), imag(x0[j])
		br, bi := real(x1[j]), imag(x1[j]) // Y2: multiply by w^2j
		a1r, a1i := br*w2r-bi*w2i, br*w2i+bi*w2r
		br, bi = real(x2[j]), imag(x2[j]) // Y1: multiply by w^j
		a2r, a2i := br*w1r-bi*w1i, br*w1i+bi*w1r
		br, bi = real(x3[j]), imag(x3[j]) // Y3: multiply by w^3j
		a3r, a3i := br*w3r-bi*w3i, br*w3i+bi*w3r

		s0r, s0i := a0r+a1r, a0i+a1i
		s1r, s1i := a0r-a1r, a0i-a1i
		s2r, s2i := a2r+a3r, a2i+a3i
		s3r, s3i := a2r-a3r, a2i-a3i
		x0[j] = complex(s0r+s2r, s0i+s2i)
		x2[j] = complex(s0r-s2r, s0i-s2i)
		x1[j] = complex(s1r+s3i, s1i-s3r)
		x3[j] = complex(s1r-s3i, s1i+s3r)
	}
}

// split turns the complex DFT Z of the packed even/odd samples (in dst[:m]) into the
// real signal's bins X[0..m] in place:
//
//	X[k]   = Fe + W^k Fo,           Fe = (Z[k] + conj Z[m-k])/2
//	X[m-k] = conj(Fe - W^k Fo),     Fo = -i (Z[k] - conj Z[m-k])/2
func (p *Real) split(dst []complex64) {
	m := p.m
	z0 := dst[0]
	dst[0] = complex(real(z0)+imag(z0), 0)
	dst[m] = complex(real(z0)-imag(z0), 0)
	sp := p.sp[:m/2+1]
	for k := 1; k <= m/2; k++ {
		j := m - k
		ar, ai := real(dst[k]), imag(dst[k])
		br, bi := real(dst[j]), imag(dst[j])
		fer, fei := 0.5*(ar+br), 0.5*(ai-bi)
		// Fo = -i/2 * ((ar-br) + i(ai+bi)) = ((ai+bi) - i(ar-br)) / 2
		for_, foi := 0.5*(ai+bi), -0.5*(ar-br)
		wr, wi := real(sp[k]), imag(sp[k])
		tr, ti := wr*for_-wi*foi, wr*foi+wi*for_
		dst[k] = complex(fer+tr, fei+ti)
		dst[j] = complex(fer-tr, -(fei - ti))
	}
}
