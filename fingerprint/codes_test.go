package fingerprint

import (
	"math"
	"math/rand"
	"slices"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/synth"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// codesRate is the sample rate the tests render at (that of the generated sets).
const codesRate = 8000

// codesRender renders m with o at codesRate and analyses it as the index would.
func codesRender(t testing.TB, m synth.Melody, o synth.Options) *motif.Features {
	t.Helper()
	o.SampleRate = codesRate
	return codesAnalyse(t, synth.Render(m, o))
}

func codesAnalyse(t testing.TB, x []float32) *motif.Features {
	t.Helper()
	f, err := motif.AnalyzeSamples(x, codesRate, motif.ChromaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// codesShared returns the fraction of the distinct hashes of indexed found among those of
// query.
func codesShared(indexed, query []Code) float64 {
	q := map[uint32]bool{}
	for _, c := range query {
		q[c.Hash] = true
	}
	seen := map[uint32]bool{}
	got := 0
	for _, c := range indexed {
		if !seen[c.Hash] {
			seen[c.Hash] = true
			if q[c.Hash] {
				got++
			}
		}
	}
	if len(seen) == 0 {
		return 0
	}
	return float64(got) / float64(len(seen))
}

// codesMelodies are the melodies of the invariance tests: public-domain tunes played twice
// (a single pass is 10-20 s) and random ones.
func codesMelodies() []synth.Melody {
	var ms []synth.Melody
	for _, m := range []synth.Melody{synth.OdeToJoy(), synth.FrereJacques(), synth.Greensleeves()} {
		ms = append(ms, synth.Concat(m.Name, m, m))
	}
	for seed := int64(1); seed <= 3; seed++ {
		ms = append(ms, synth.Random(seed, 16, int(seed)*5%12))
	}
	return ms
}

// TestCodesInvariance checks that a melody's indexed codes are found among the query codes
// of other renderings of it: another key, another tempo, another instrument, an
// accompaniment, noise.
func TestCodesInvariance(t *testing.T) {
	base := synth.Options{Timbre: synth.Piano(), Chords: true}
	ms := codesMelodies()
	refs := make([][]Code, len(ms))
	for i, m := range ms {
		if refs[i] = Codes(codesRender(t, m, base)); len(refs[i]) == 0 {
			t.Fatalf("%s: no codes", m.Name)
		}
	}
	for _, tc := range []struct {
		name string
		opt  synth.Options
		// want is the least mean fraction of the original's distinct hashes; measured 0.74
		// (transposed -5) to 0.97 (noise), and 0.05 between unrelated melodies
		want float64
	}{
		{"same", base, 0.99},
		{"transposed +3", synth.Options{Timbre: synth.Piano(), Chords: true, Transpose: 3}, 0.6},
		{"transposed -5", synth.Options{Timbre: synth.Piano(), Chords: true, Transpose: -5}, 0.6},
		{"tempo 1.25", synth.Options{Timbre: synth.Piano(), Chords: true, Tempo: 125}, 0.6},
		{"tempo 0.75", synth.Options{Timbre: synth.Piano(), Chords: true, Tempo: 75}, 0.6},
		{"transposed +3, tempo 0.8", synth.Options{Timbre: synth.Piano(), Chords: true, Transpose: 3, Tempo: 80}, 0.55},
		{"flute, chords and bass", synth.Options{Timbre: synth.Flute(), Chords: true, Bass: true}, 0.6},
		{"strings, no accompaniment", synth.Options{Timbre: synth.Strings()}, 0.6},
		{"noise 10 dB", synth.Options{Timbre: synth.Piano(), Chords: true, Noise: true, SNR: 10, Seed: 7}, 0.8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := 0.0
			for i, m := range ms {
				sum += codesShared(refs[i], QueryCodes(codesRender(t, m, tc.opt)))
			}
			got := sum / float64(len(ms))
			t.Logf("%.3f of the original's distinct hashes", got)
			if got < tc.want {
				t.Errorf("shared %.3f of the original's distinct hashes, want >= %.2f", got, tc.want)
			}
		})
	}
}

// TestCodesUnrelated checks that unrelated melodies share few codes.
func TestCodesUnrelated(t *testing.T) {
	var indexed, queries [][]Code
	for seed := int64(100); seed < 112; seed++ {
		f := codesRender(t, synth.Random(seed, 16, int(seed%12)), synth.Options{Timbre: synth.Piano(), Chords: true, Bass: seed%2 == 0})
		indexed = append(indexed, Codes(f))
		queries = append(queries, QueryCodes(f))
	}
	sum, worst, sumI, n := 0.0, 0.0, 0.0, 0
	for i := range indexed {
		for j := range queries {
			if i != j {
				s := codesShared(indexed[i], queries[j])
				sum += s
				worst = max(worst, s)
				sumI += codesShared(indexed[i], indexed[j])
				n++
			}
		}
	}
	mean := sum / float64(n)
	t.Logf("unrelated pairs share %.4f of the distinct hashes on average, %.3f at most; index against index %.4f", mean, worst, sumI/float64(n))
	// Measured: 0.047 on average (0.028 index against index), 0.18 at most: random walks on
	// one scale with note values from one small set repeat each other's steps. Related
	// renderings above share 0.74-1 the same way, 16 times as much.
	if mean > 0.07 || sumI/float64(n) > 0.04 || worst > 0.25 {
		t.Errorf("unrelated pairs share %.4f on average (index against index %.4f), %.3f at most; want <= 0.07, 0.04 and 0.25",
			mean, sumI/float64(n), worst)
	}
}

// TestCodesProperties checks the codes' form: density, time order and range, the view bit,
// the index's codes among the query's, determinism, and degenerate input.
func TestCodesProperties(t *testing.T) {
	m := synth.Concat("long", synth.Random(5, 16, 2), synth.Random(6, 16, 2), synth.Random(7, 16, 2))
	f := codesRender(t, m, synth.Options{Timbre: synth.Clarinet(), Chords: true, Bass: true, Tempo: 110})
	cs := Codes(f)
	perMin := float64(len(cs)) / (f.Duration / 60)
	t.Logf("%d codes, %.0f a minute over %.0f s", len(cs), perMin, f.Duration)
	if perMin < 50 || perMin > 170 {
		t.Errorf("%.0f codes a minute, want 50-170", perMin)
	}
	views := 0
	for i, c := range cs {
		if i > 0 && c.Time < cs[i-1].Time {
			t.Fatalf("code %d at %d before %d", i, c.Time, cs[i-1].Time)
		}
		if float64(c.Time) > f.Duration*CodeRate {
			t.Fatalf("code at %d frames, past the end (%.1f s)", c.Time, f.Duration)
		}
		if c.Hash&harmonyBit != 0 {
			views++
		}
		if c.Hash&^harmonyBit >= 1<<16 {
			t.Fatalf("hash %#x uses bits 16-30", c.Hash)
		}
	}
	if views == 0 || views == len(cs) {
		t.Errorf("%d of %d codes from the harmony view, want both views", views, len(cs))
	}
	q := QueryCodes(f)
	if got := codesShared(cs, q); got != 1 {
		t.Errorf("the query codes hold %.3f of the indexed hashes, want all", got)
	}
	if len(q) <= len(cs) {
		t.Errorf("%d query codes, not more than the %d indexed", len(q), len(cs))
	}
	if again := Codes(f); !slices.Equal(cs, again) {
		t.Error("Codes is not deterministic")
	}
	for _, tc := range []struct {
		name string
		f    *motif.Features
	}{
		{"empty", &motif.Features{FrameRate: 10}},
		{"zero rate", &motif.Features{FrameRate: 0, Frames: f.Frames}},
		{"NaN rate", &motif.Features{FrameRate: math.NaN(), Frames: f.Frames}},
		{"silence", &motif.Features{FrameRate: 10, Frames: make([][12]float32, 600)}},
		{"NaN frames", &motif.Features{FrameRate: 10, Frames: slices.Repeat([][12]float32{{float32(math.NaN()), 1}}, 600)}},
	} {
		if got := Codes(tc.f); len(got) != 0 {
			t.Errorf("%s: %d codes, want none", tc.name, len(got))
		}
	}
}

// TestCodesHashLayout checks the documented layout on events built by hand: intervals mod 12
// in bits 15-4, ratio bins in bits 3-0, and the query variants of a ratio near an edge.
func TestCodesHashLayout(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ev      []event
		bit     uint32
		want    uint32
		variant []uint32 // further hashes of a query
	}{
		{"equal steps up", []event{{0, 0, 0}, {0.5, 2, 0}, {1, 4, 0}, {1.5, 5, 0}}, 0,
			2<<12 | 2<<8 | 1<<4 | 1<<2 | 1, nil},
		{"down, harmony view", []event{{0, 7, 0}, {1, 5, 0}, {1.5, 4, 0}, {2.5, 0, 0}}, harmonyBit,
			harmonyBit | 10<<12 | 11<<8 | 8<<4 | 0<<2 | 2, nil},
		{"ratio near the edge", []event{{0, 0, 0}, {0.5, 4, 0}, {1.2, 7, 0}, {1.9, 0, 0}}, 0,
			4<<12 | 3<<8 | 5<<4 | 1<<2 | 1, []uint32{4<<12 | 3<<8 | 5<<4 | 2<<2 | 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := hashes(nil, tc.ev, tc.bit, false); !slices.Equal(got, []uint32{tc.want}) {
				t.Errorf("hash %#x, want %#x", got, tc.want)
			}
			want := append([]uint32{tc.want}, tc.variant...)
			if got := hashes(nil, tc.ev, tc.bit, true); !slices.Equal(got, want) {
				t.Errorf("query hashes %#x, want %#x", got, want)
			}
		})
	}
}

// TestCodesWinnow checks that winnowing keeps a code in every window and about 2/(w+1).
func TestCodesWinnow(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	cs := make([]Code, 3000)
	for i := range cs {
		cs[i] = Code{Hash: uint32(rng.Intn(1 << 16)), Time: uint32(i)}
	}
	for _, w := range []int{1, 2, 3} {
		got := winnow(cs, w)
		for i := 1; i < len(got); i++ {
			if got[i].Time <= got[i-1].Time || got[i].Time-got[i-1].Time > uint32(w) {
				t.Fatalf("w=%d: kept %d then %d", w, got[i-1].Time, got[i].Time)
			}
		}
		frac, want := float64(len(got))/float64(len(cs)), 2/float64(w+1)
		if math.Abs(frac-want) > 0.05 {
			t.Errorf("w=%d: kept %.3f, want about %.3f", w, frac, want)
		}
	}
}

// BenchmarkCodes measures the coding of a 3-minute track (the features given).
func BenchmarkCodes(b *testing.B) {
	var ms []synth.Melody
	for seed := int64(1); seed <= 8; seed++ {
		ms = append(ms, synth.Random(seed, 8, 0))
	}
	m := synth.Concat("3min", ms...)
	// 256 beats at 256/3 bpm: 3 minutes
	f := codesRender(b, m, synth.Options{Timbre: synth.Piano(), Chords: true, Bass: true, Tempo: 256.0 / 3})
	for b.Loop() {
		Codes(f)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/track")
	b.ReportMetric(f.Duration, "s/track")
}
