package match

import "math"

// Sequence is a track's matching representation: smoothed, downsampled
// chroma with each frame centred and scaled to unit length, at a fine and a
// coarse rate. Build it once per track with Prepare; it is read-only
// afterwards and safe for concurrent use.
type Sequence struct {
	rate     float64 // fine frames per second
	duration float64 // seconds of input
	// views holds the melody view (views[0]) and, unless Options.MelodyOnly,
	// the harmony view of the same chroma (see Options.MelodyOnly).
	views []view
	fine  [][12]float32 // views[0].fine, for the single-view helpers
	tonal int           // fine frames with tonal content
}

// view is one matching representation of a track.
type view struct {
	fine   [][12]float32 // zero mean, unit norm; all zero = no tonal content
	coarse [][12]float32 // fine averaged over coarseStep frames, renormalised
}

// The harmony view keeps every pitch class at its own weight (power 1) and
// takes nothing away a fifth below: chords, power chords and several
// simultaneous lines stay whole, where the melody view (power 2, fifth
// correction) would keep only the loudest line. On the world set's tuning
// half, late fusion of the two (the better-scoring one wins) raised band
// MAP from 0.77 to 0.88 against the melody view alone, lead from 0.956 to
// 0.960 and orchestral from 0.937 to 0.941, with no more false positives.
const (
	harmonyPower = 1.0
	harmonyFifth = 0.0
)

// coarseStep is the decimation from the fine to the coarse rate (1 frame/s)
// at which long pairs are screened. With two views, 3 (4/3 frames/s) made
// motif rank 1.35x slower than one view; at 4 the two views cost what one
// did (15.2 against 15.1 s of CPU for every pair of twenty 3-minute tracks)
// while pairs under ScreenBudget are screened at full resolution anyway.
const coarseStep = 4

// minPeak is the least ratio of the largest bin to the mean bin of an
// input chroma frame for it to count as pitched. White noise through the
// HPCP front end stays below 1.7 per frame and is caught after smoothing
// by minTonality; distorted guitars, drums and noise push a band's frames
// down to 1.5-2. The first value, 2, left a third of some band recordings
// as holes that broke every alignment; 1.5 raised the real tuning half's
// band MAP from 0.70 to 0.80 with dev MAP unchanged (0.936 to 0.932);
// below about 1.4 a noise recording matches itself.
const minPeak = 1.5

// minInputRate is the least input frame rate Prepare accepts, in Hz.
const minInputRate = 0.5

// minMass is the least fraction of a smoothing window (weighted) that must
// hold pitched frames for the smoothed frame to count.
const minMass = 0.5

// minTonality is the least ratio of centred to raw norm of an L1-normalised
// smoothed chroma frame for it to count as tonal: flat (noise-like) frames
// fall below it.
const minTonality = 0.12

// Prepare turns chroma frames (12 bins, bin 0 = C, at frameRate frames per
// second, any scale) into the matching representation: per-frame L1
// normalisation, Hann smoothing over opt.Smooth seconds and downsampling to
// opt.FeatureRate (as CENS does, without its quantisation), then per-frame
// centring and unit scaling, so that the dot product of two frames is
// their correlation across pitch classes and broadband (flat) energy counts
// for nothing. Silent or flat frames become zero.
func Prepare(frames [][12]float32, frameRate float64, opt Options) *Sequence {
	opt = opt.withDefaults()
	s := &Sequence{rate: opt.FeatureRate}
	// Chroma comes at several frames per second; a rate under minInputRate
	// would claim hours per frame and size the buffers from that claim.
	if !(frameRate >= minInputRate) || math.IsInf(frameRate, 0) || len(frames) == 0 {
		return s
	}
	s.duration = float64(len(frames)) / frameRate
	mel, tonal := prepareView(frames, frameRate, s.duration, opt, opt.Fifth, opt.Power)
	if tonal == 0 {
		return s
	}
	s.views = append(s.views, mel)
	s.fine, s.tonal = mel.fine, tonal
	if !opt.MelodyOnly {
		harm, _ := prepareView(frames, frameRate, s.duration, opt, harmonyFifth, harmonyPower)
		s.views = append(s.views, harm)
	}
	return s
}

// prepareView computes one view of the frames with the given fifth
// correction and power, and the number of its tonal frames.
func prepareView(frames [][12]float32, frameRate, duration float64, opt Options, fifth, power float64) (view, int) {
	var v view
	// L1-normalise input frames; energy below a fraction of the loudest
	// frame's is silence.
	norm := make([][12]float64, len(frames))
	tonal := false
	for i, f := range frames {
		sum, mx := 0.0, 0.0
		for _, v := range f {
			if v > 0 && !math.IsInf(float64(v), 0) {
				sum += float64(v)
				mx = math.Max(mx, float64(v))
			}
		}
		if sum == 0 || mx*12/sum < minPeak {
			continue // silent or noise-like: no pitch class stands out
		}
		var raw [12]float64
		for c, v := range f {
			if v > 0 && !math.IsInf(float64(v), 0) { // NaN fails v > 0
				raw[c] = float64(v)
			}
		}
		sum = 0
		for c, v := range raw {
			// Take away the share of the pitch class a fifth below: the
			// third harmonic of every note lands there.
			v -= fifth * raw[(c+5)%12]
			if v > 0 {
				p := math.Pow(v, power)
				norm[i][c] = p
				sum += p
			}
		}
		if sum > 0 {
			tonal = true
			for c := range norm[i] {
				norm[i][c] /= sum
			}
		}
	}
	if !tonal {
		return v, 0
	}
	// Hann window of opt.Smooth seconds in input frames.
	half := max(1, int(math.Round(opt.Smooth*frameRate/2)))
	win := make([]float64, 2*half+1)
	winSum := 0.0
	for k := range win {
		win[k] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(k+1)/float64(len(win)+1))
		winSum += win[k]
	}
	n := int(duration * opt.FeatureRate)
	sm := make([][12]float64, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		centre := int(math.Round(float64(k) / opt.FeatureRate * frameRate))
		acc := &sm[k]
		for w, wv := range win {
			i := centre - half + w
			if i < 0 || i >= len(norm) {
				continue
			}
			for c := range acc {
				acc[c] += wv * norm[i][c]
			}
		}
		mass := 0.0
		for c := range acc {
			acc[c] /= winSum
			mass += acc[c]
		}
		// Mostly silence or noise around this frame, or flat: not tonal.
		valid[k] = mass >= minMass && tonality(*acc) >= minTonality
	}
	// Remove the slowly varying part of the chroma (pads, drones, the key
	// profile): the mean of the tonal frames within ±Detrend/2 seconds.
	var long [][12]float64
	if opt.Detrend > 0 {
		long = MovingMean(sm, valid, max(1, int(math.Round(opt.Detrend*opt.FeatureRate/2))))
	}
	count := 0
	v.fine = make([][12]float32, n)
	for k := range sm {
		if !valid[k] {
			continue
		}
		acc := sm[k]
		if long != nil {
			for c := range acc {
				acc[c] -= opt.DetrendGain * long[k][c]
			}
		}
		if centreUnit(&v.fine[k], acc) {
			count++
		}
	}
	v.coarse = coarsen(v.fine)
	return v, count
}

// coarsen averages fine frames over coarseStep and renormalises them.
func coarsen(fine [][12]float32) [][12]float32 {
	nc := len(fine) / coarseStep
	coarse := make([][12]float32, nc)
	for k := 0; k < nc; k++ {
		var acc [12]float64
		for d := 0; d < coarseStep; d++ {
			for c, x := range fine[k*coarseStep+d] {
				acc[c] += float64(x)
			}
		}
		unit(&coarse[k], acc)
	}
	return coarse
}

// tonality is the ratio of the norm of a non-negative chroma frame
// without its mean to its norm: 0 for a flat frame, near 1 for one pitch
// class.
func tonality(acc [12]float64) float64 {
	mean, raw := 0.0, 0.0
	for _, v := range acc {
		mean += v
		raw += v * v
	}
	mean /= 12
	cn := 0.0
	for _, v := range acc {
		cn += (v - mean) * (v - mean)
	}
	if raw == 0 {
		return 0
	}
	return math.Sqrt(cn / raw)
}

// centreUnit stores acc minus its mean, scaled to unit norm, in dst; it
// reports false (dst left zero) when nothing remains.
func centreUnit(dst *[12]float32, acc [12]float64) bool {
	mean := 0.0
	for _, v := range acc {
		mean += v
	}
	mean /= 12
	for c := range acc {
		acc[c] -= mean
	}
	return unit(dst, acc)
}

// MovingMean returns, for every frame, the mean of the valid frames of x
// within ±half frames (zero where there are none): the slowly varying part
// of a chroma sequence (pads, drones, the key profile) that detrending
// takes away. The fingerprint codes detrend with it too.
func MovingMean(x [][12]float64, valid []bool, half int) [][12]float64 {
	n := len(x)
	// Prefix sums over valid frames.
	pre := make([][12]float64, n+1)
	cnt := make([]int, n+1)
	for k := range x {
		pre[k+1] = pre[k]
		cnt[k+1] = cnt[k]
		if valid[k] {
			for c := range x[k] {
				pre[k+1][c] += x[k][c]
			}
			cnt[k+1]++
		}
	}
	out := make([][12]float64, n)
	for k := range out {
		lo, hi := max(0, k-half), min(n, k+half+1)
		if c := cnt[hi] - cnt[lo]; c > 0 {
			for b := range out[k] {
				out[k][b] = (pre[hi][b] - pre[lo][b]) / float64(c)
			}
		}
	}
	return out
}

// unit stores acc scaled to unit norm in dst; all-zero stays zero.
func unit(dst *[12]float32, acc [12]float64) bool {
	n := 0.0
	for _, v := range acc {
		n += v * v
	}
	if n <= 1e-24 {
		return false
	}
	n = 1 / math.Sqrt(n)
	for c, v := range acc {
		dst[c] = float32(v * n)
	}
	return true
}

// Duration returns the length of the track in seconds.
func (s *Sequence) Duration() float64 { return s.duration }

// FrameRate returns the matching frame rate in Hz.
func (s *Sequence) FrameRate() float64 { return s.rate }

// Len returns the number of matching frames.
func (s *Sequence) Len() int { return len(s.fine) }

// TonalDuration returns the number of seconds with tonal content.
func (s *Sequence) TonalDuration() float64 {
	if s.rate == 0 {
		return 0
	}
	return float64(s.tonal) / s.rate
}
