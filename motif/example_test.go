package motif_test

import (
	"fmt"
	"log"
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
		fmt.Print(" ", motif.PitchClasses[pc])
	}
	fmt.Println()
	fmt.Printf("tuning within 10 cents of A4 = 440 Hz: %v\n", f.TuningCents > -10 && f.TuningCents < 10)
	// Output:
	// 0.5 s at 44100 Hz, hpcp chroma
	// strongest pitch classes: C# E A
	// tuning within 10 cents of A4 = 440 Hz: true
}
