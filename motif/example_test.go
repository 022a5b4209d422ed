package motif_test

import (
	"fmt"
	"log"
	"math"
	"sort"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// The fixture holds half a second of an A major chord (A4, C#5, E5 with their octaves): its
// three strongest pitch classes, averaged over time, are the chord's.
func ExampleAnalyzeFile() {
	f, err := motif.AnalyzeFile("../testdata/wav/ref16.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	var mean [12]float64
	for _, fr := range f.Frames {
		for pc, v := range fr {
			mean[pc] += float64(v)
		}
	}
	pcs := make([]int, 12)
	for i := range pcs {
		pcs[i] = i
	}
	sort.Slice(pcs, func(i, j int) bool { return mean[pcs[i]] > mean[pcs[j]] })
	top := pcs[:3]
	sort.Ints(top)
	fmt.Printf("%.1f s at %d Hz, %s chroma\n", f.Duration, f.SampleRate, f.Kind)
	fmt.Print("strongest pitch classes:")
	for _, pc := range top {
		fmt.Print(" ", motif.PitchClasses()[pc])
	}
	fmt.Println()
	fmt.Printf("tuning within 10 cents of A4 = 440 Hz: %v\n", f.TuningCents > -10 && f.TuningCents < 10)
	// Output:
	// 0.5 s at 44100 Hz, hpcp chroma
	// strongest pitch classes: C# E A
	// tuning within 10 cents of A4 = 440 Hz: true
}

// The worked example of testdata/examples: a film trailer whose theme returns in a jazz ballad,
// three semitones up at 0.7 times the tempo, whole at 10.71-53.57 s of the ballad. Compare
// finds it: the best segment and the true span overlap by at least 80% of their union.
func ExampleCompare() {
	trailer, err := motif.AnalyzeFile("../testdata/examples/trailer.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	ballad, err := motif.AnalyzeFile("../testdata/examples/ballad.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	r := motif.Compare(trailer, ballad, motif.CompareOptions{})
	fmt.Println("same melody:", r.Score >= 0.5)
	fmt.Printf("transposition: %+d semitones\n", r.Transposition)
	fmt.Printf("tempo ratio: %.1f\n", r.TempoRatio)
	if len(r.Segments) > 0 {
		best := r.Segments[0]
		fmt.Println("best segment is the theme in the ballad:",
			spanOverlap(best.BStart, best.BEnd, 10.71, 53.57) >= 0.8)
	}
	// Output:
	// same melody: true
	// transposition: +3 semitones
	// tempo ratio: 0.7
	// best segment is the theme in the ballad: true
}

// spanOverlap is the length of the intersection of two spans over that of their union.
func spanOverlap(a0, a1, b0, b1 float64) float64 {
	in := math.Min(a1, b1) - math.Max(a0, b0)
	if in <= 0 {
		return 0
	}
	return in / (math.Max(a1, b1) - math.Min(a0, b0))
}

// Discover, told nothing, finds the theme that the trailer and the ballad share: whole in the
// trailer (3.75-33.75 s) and in the ballad (10.71-53.57 s), and its second half again after
// the ballad's bridge (75.00-96.43 s), the trailer three semitones under the ballad.
func ExampleDiscover() {
	var tracks []*motif.Track
	for _, name := range []string{"ballad.wav", "trailer.wav"} {
		f, err := motif.AnalyzeFile("../testdata/examples/"+name, motif.ChromaOptions{})
		if err != nil {
			log.Fatal(err)
		}
		tracks = append(tracks, motif.Prepare(f, motif.CompareOptions{}))
	}
	themes := motif.Discover(tracks, motif.DiscoverOptions{})
	truth := [][3]float64{{0, 10.71, 53.57}, {0, 75.00, 96.43}, {1, 3.75, 33.75}}
	fmt.Println("themes:", len(themes))
	for _, o := range themes[0].Occurrences {
		name := []string{"ballad", "trailer"}[o.Track]
		hit := false
		for _, w := range truth {
			// The second statement is found with the bridge's last bars: the overlap is
			// most of the found span, not of the union.
			if int(w[0]) == o.Track && math.Min(o.End, w[2])-math.Max(o.Start, w[1]) >= 0.6*(o.End-o.Start) {
				hit = true
			}
		}
		fmt.Printf("%s: on the theme %v, transposition %+d\n", name, hit, o.Transposition)
	}
	// Output:
	// themes: 1
	// ballad: on the theme true, transposition +0
	// ballad: on the theme true, transposition +0
	// trailer: on the theme true, transposition -3
}
