package match

// Options tunes feature preparation and alignment. The zero value gives
// the defaults documented on each field, tuned on the dev set. The fields
// up to Embed shape the features: sequences compared with each other must
// have been prepared with the same ones (Compare panics on a FeatureRate
// mismatch and cannot detect the others).
type Options struct {
	// FeatureRate is the matching frame rate in Hz (default 4): fast enough
	// to follow a melody at about two notes a second after smoothing, slow
	// enough for Compare to stay cheap.
	FeatureRate float64
	// Smooth is the length in seconds of the Hann window that smooths the
	// chroma before downsampling (default 0.5): absorbs onset jitter,
	// ornaments and articulation without blurring a phrase.
	Smooth float64
	// Power is the exponent applied to chroma values before normalisation
	// (default 2): above 1 it favours the dominant pitch class of a frame,
	// usually the melody, over the accompaniment.
	Power float64
	// Fifth is the fraction of each pitch class's energy subtracted from
	// the class a fifth above before the power (default 0.8; negative
	// disables): the third harmonic of a note lands a fifth up, and
	// instruments with weak even harmonics otherwise show the melody a
	// fifth off.
	Fifth float64
	// Detrend is the length in seconds of the moving mean subtracted from
	// the smoothed chroma, scaled by DetrendGain (defaults 4 and 1):
	// sustained accompaniment (pads, drones, repeated arpeggios) and the key
	// profile move slowly, a melody does not. Negative disables.
	Detrend, DetrendGain float64
	// MelodyOnly keeps only the melody view (the fields above). By default
	// a track also gets a harmony view of the same chroma (power 1, no fifth
	// correction), and Compare screens every transposition of both and keeps
	// the better alignment: the melody view finds a lead line over an
	// accompaniment, the harmony view a band's chords or an orchestra's
	// several lines.
	MelodyOnly bool
	// Embed is the delay-embedding dimension m (default 10) and Delay its
	// step τ in feature frames (default 1): frame similarities are averaged
	// over m frames along the diagonal, so a match needs the same sequence
	// of pitch classes, not just the same set.
	Embed, Delay int
	// Threshold is subtracted from the embedded similarity (correlation in
	// [-1,1]) to make the local-alignment scores negative on average for
	// unrelated music (default 0.4).
	Threshold float64
	// Candidates is the number of transpositions, shortlisted by a coarse
	// alignment of all 12, that are aligned at full resolution (default 3;
	// 12 aligns every transposition at full resolution).
	Candidates int
	// Budget is the number of score-matrix cells the full-resolution
	// alignment may use beyond the shortlist (default 2e6, about 4 aligned
	// pairs of 3-minute tracks): short inputs are also aligned at a grid
	// of tempi and under every transposition, long ones only at the
	// shortlist.
	Budget int
	// ScreenBudget is the number of score-matrix cells under which all 12
	// transpositions are screened at full resolution (default 2e6: a 90 s
	// pair, or a 10 s phrase against 10 minutes); larger comparisons are
	// screened at the coarse rate.
	ScreenBudget int
	// MaxSegments bounds the number of matching segments returned
	// (default 5).
	MaxSegments int
	// MinDuration is the shortest span in seconds that can count as a match
	// (default 2); shorter inputs score 0.
	MinDuration float64
}

func (o Options) withDefaults() Options {
	if o.FeatureRate <= 0 {
		o.FeatureRate = 4
	}
	if o.Smooth <= 0 {
		o.Smooth = 0.5
	}
	if o.Power <= 0 {
		o.Power = 2
	}
	if o.Fifth == 0 {
		o.Fifth = 0.8
	}
	o.Fifth = max(0, o.Fifth)
	if o.Detrend == 0 {
		o.Detrend = 4
	}
	if o.DetrendGain <= 0 {
		o.DetrendGain = 1
	}
	if o.Embed <= 0 {
		o.Embed = 10
	}
	if o.Delay <= 0 {
		o.Delay = 1
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.4
	}
	if o.Candidates <= 0 {
		o.Candidates = 3
	}
	o.Candidates = min(o.Candidates, 12)
	if o.Budget <= 0 {
		o.Budget = 2e6
	}
	if o.ScreenBudget <= 0 {
		o.ScreenBudget = 2e6
	}
	if o.MaxSegments <= 0 {
		o.MaxSegments = 5
	}
	if o.MinDuration <= 0 {
		o.MinDuration = 2
	}
	return o
}
