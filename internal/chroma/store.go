package chroma

import "math"

// storeChunk frames per chunk: chunks avoid the transient 2x of a growing slice.
const storeChunk = 1024

// fineStore keeps the fine profile of every frame, normalised to its maximum and
// quantised to uint16 (the final 12-bin frames are unit-max normalised, so the per-frame
// scale carries no information), in fixed-size chunks.
type fineStore struct {
	chunks [][]uint16
	ms     [][]float32 // mean square of each frame, for the relative silence test
	maxMS  float32
	n      int
}

// add appends a frame with fine profile f and mean square ms (0: silent).
func (s *fineStore) add(f *[fineBins]float32, ms float32) {
	i := s.n % storeChunk
	if i == 0 {
		s.chunks = append(s.chunks, make([]uint16, storeChunk*fineBins))
		s.ms = append(s.ms, make([]float32, storeChunk))
	}
	s.n++
	if !(ms > 0) {
		return // chunks start zeroed
	}
	s.ms[len(s.ms)-1][i] = ms
	s.maxMS = max(s.maxMS, ms)
	var m float32
	for _, v := range f {
		if v > m {
			m = v
		}
	}
	if !(m > 0) || math.IsInf(float64(m), 0) {
		return
	}
	dst := s.chunks[len(s.chunks)-1][i*fineBins : (i+1)*fineBins]
	k := 65535 / m
	for j, v := range f {
		dst[j] = uint16(v*k + 0.5)
	}
}

// frame returns the stored fine profile of frame i, or nil if the frame is silent
// (absolutely, or relSilence below the loudest frame).
func (s *fineStore) frame(i int) []uint16 {
	c := s.chunks[i/storeChunk]
	j := i % storeChunk
	if s.ms[i/storeChunk][j] <= s.maxMS*relSilence {
		return nil
	}
	return c[j*fineBins : (j+1)*fineBins]
}

// foldKernel returns the fine-bin -> class weights for the given kind and tuning: w[j][c]
// is the weight of fine bin j (at j/5 semitones above C) in class c (centred at c semitones
// above C plus the tuning).
//
// HPCP: Gómez's cos² window of 4/3 semitone applied at 36 bins per octave (centres c-1/3,
// c, c+1/3) and summed to 12 classes. The three windows at 1/3-semitone spacing sum to a
// constant across the octave, so no energy is lost or doubled whatever the tuning, and a
// note exactly in tune gives nothing to its neighbours.
//
// STFT: librosa's Gaussian exp(-2d²) (σ = 1/2 semitone), each fine bin's weights
// normalised to unit L2 norm over the 12 classes as librosa normalises each FFT bin.
func foldKernel(kind Kind, tuningCents float64) *[fineBins][12]float32 {
	var w [fineBins][12]float32
	t := tuningCents / 100
	for j := range w {
		var norm float64
		var row [12]float64
		for c := 0; c < 12; c++ {
			d := float64(j)/finePerSemi - float64(c) - t
			d = math.Mod(d+6, 12)
			if d < 0 {
				d += 12
			}
			d -= 6 // circular distance in [-6, 6)
			var v float64
			if kind == HPCP {
				for _, o := range [3]float64{-1.0 / 3, 0, 1.0 / 3} {
					e := d - o
					if math.Abs(e) < 2.0/3 {
						cs := math.Cos(math.Pi / 2 * e / (2.0 / 3))
						v += cs * cs
					}
				}
			} else {
				v = math.Exp(-2 * d * d)
			}
			row[c] = v
			norm += v * v
		}
		if kind == STFT {
			norm = math.Sqrt(norm)
		} else {
			norm = 1
		}
		for c := range row {
			w[j][c] = float32(row[c] / norm)
		}
	}
	return &w
}

// fold maps a stored fine profile to 12 unit-max classes through kernel w.
func fold(dst *[12]float32, f []uint16, w *[fineBins][12]float32) {
	var acc [12]float32
	for j, q := range f {
		if q == 0 {
			continue
		}
		v := float32(q)
		row := &w[j]
		for c := range acc {
			acc[c] += v * row[c]
		}
	}
	var m float32
	for _, v := range acc {
		if v > m {
			m = v
		}
	}
	if m <= 0 {
		*dst = [12]float32{}
		return
	}
	for c := range acc {
		dst[c] = acc[c] / m
	}
}
