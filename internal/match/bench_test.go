package match

import (
	"fmt"
	"testing"

	"github.com/leitmotif-audio/leitmotif/internal/cputime"
	"github.com/leitmotif-audio/leitmotif/internal/synth"
)

// threeMinutes returns idealised chroma of about three minutes of music at
// a typical front-end frame rate.
func threeMinutes(seed int64) ([][12]float32, float64) {
	const rate = 10.7666
	m := synth.Random(seed, 75, int(seed)%12) // 75 bars of 4/4 at 100 bpm = 180 s
	return synth.IdealChroma(m, synth.Options{Tempo: 100, Chords: true, Bass: true, Noise: true, SNR: 10, Seed: seed}, rate), rate
}

func BenchmarkPrepare(b *testing.B) {
	f, rate := threeMinutes(1)
	b.Run("3min", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Prepare(f, rate, Options{})
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/track")
	})
}

func BenchmarkCompare(b *testing.B) {
	fa, rate := threeMinutes(1)
	fb, _ := threeMinutes(2)
	x, y := Prepare(fa, rate, Options{}), Prepare(fb, rate, Options{})
	phrase := Prepare(fa[len(fa)/3:len(fa)/3+int(10*rate)], rate, Options{})
	half := int(90 * rate)
	x90, y90 := Prepare(fa[:half], rate, Options{}), Prepare(fb[:half], rate, Options{})
	mel := Options{MelodyOnly: true}
	xm, ym := Prepare(fa, rate, mel), Prepare(fb, rate, mel)
	for _, bc := range []struct {
		name string
		a, b *Sequence
		opt  Options
	}{
		{"unrelated/3min", x, y, Options{}},
		{"same/3min", x, x, Options{}},
		{"phrase10s-in-3min", phrase, x, Options{}},
		{"unrelated/90s", x90, y90, Options{}},
		{"unrelated/3min/melody-only", xm, ym, mel},
		{"unrelated/3min/all12", x, y, Options{Candidates: 12}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			// CPU time too: on a loaded machine it measures the work better than the
			// wall clock does.
			c0 := cputime.Used()
			for i := 0; i < b.N; i++ {
				Compare(bc.a, bc.b, bc.opt)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/pair")
			if c := cputime.Used() - c0; c > 0 {
				b.ReportMetric(float64(c.Microseconds())/1000/float64(b.N), "cpu-ms/pair")
			}
		})
	}
}

// BenchmarkDiscover measures discovery over sets of 3-minute tracks (features ready) and over
// one hour-long track, on every core: how the time grows with the set.
func BenchmarkDiscover(b *testing.B) {
	var seqs []*Sequence
	for k := range 100 {
		f, rate := threeMinutes(int64(100 + k))
		seqs = append(seqs, Prepare(f, rate, Options{}))
	}
	for _, n := range []int{5, 10, 20, 100} {
		b.Run(fmt.Sprintf("%dx3min", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Discover(seqs[:n], Options{}, DiscoverOptions{})
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/set")
		})
	}
	var hour [][12]float32
	var rate float64
	for k := range 20 {
		f, r := threeMinutes(int64(200 + k))
		hour, rate = append(hour, f...), r
	}
	long := Prepare(hour, rate, Options{})
	b.Run("1x60min", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Discover([]*Sequence{long}, Options{}, DiscoverOptions{})
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/set")
	})
}
