package chroma

import "math"

// buildFilterbank precomputes the STFT chroma weights: bin k at pitch p_k (semitones)
// spreads over the fine bins around p_k. Like librosa, a bin whose width exceeds one
// semitone (low frequencies) is spread over its width (Gaussian, σ = half the excess
// width); the rest of librosa's Gaussian (σ = 1/2 semitone) is applied when folding to
// 12 classes. The octave weight is librosa's: Gaussian in octaves centred at 880 Hz
// (ctroct 5 above A0), σ = 2 octaves.
func (a *analyzer) buildFilterbank(binHz float64) {
	a.sOff = make([]int32, len(a.semi)+1)
	for k := range a.semi {
		a.sOff[k] = int32(len(a.sIdx))
		if k < a.kLo || k > a.kHi {
			continue
		}
		p := a.semi[k] * finePerSemi // fine units, unwrapped
		width := a.semi[k+1] - a.semi[k]
		octs := math.Log2(float64(k) * binHz / 27.5)
		ow := math.Exp(-0.5 * math.Pow((octs-5)/2, 2))
		extra := 0.0
		if width > 1 {
			extra = math.Sqrt(width*width-1) / 2 * finePerSemi // σ in fine bins
		}
		start := len(a.sIdx)
		if extra < 1 {
			j := math.Floor(p)
			fr := p - j
			a.sIdx = append(a.sIdx, wrapFine(int(j)), wrapFine(int(j)+1))
			a.sW = append(a.sW, float32(1-fr), float32(fr))
		} else {
			r := int(math.Ceil(3 * extra))
			for j := int(math.Floor(p)) - r; j <= int(math.Ceil(p))+r; j++ {
				d := (float64(j) - p) / extra
				a.sIdx = append(a.sIdx, wrapFine(j))
				a.sW = append(a.sW, float32(math.Exp(-0.5*d*d)))
			}
		}
		var sum float32
		for _, v := range a.sW[start:] {
			sum += v
		}
		for i := range a.sW[start:] {
			a.sW[start+i] *= float32(ow) / sum
		}
	}
	a.sOff[len(a.semi)] = int32(len(a.sIdx))
}

func wrapFine(j int) int32 {
	j %= fineBins
	if j < 0 {
		j += fineBins
	}
	return int32(j)
}
