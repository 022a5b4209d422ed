package eval

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestScorePerfectAndBrokenMatchers(t *testing.T) {
	tracks := []Track{
		{File: "a1", Work: "a", Role: "arrangement", Key: 0, Tempo: 1, End: 10},
		{File: "a2", Work: "a", Role: "arrangement", Key: 3, Tempo: 1.25, End: 8},
		{File: "h", Work: "a", Role: "host", Key: -2, Tempo: 1, Start: 5, End: 15},
		{File: "x", Work: "x", Role: "distractor", Tempo: 1, End: 10},
	}
	oracle := func(i, j int) Outcome {
		a, b := tracks[i], tracks[j]
		if a.Work != b.Work {
			return Outcome{Score: 0.1}
		}
		return Outcome{Score: 0.9, Transposition: Wrap(b.Key - a.Key), TempoRatio: b.Tempo / a.Tempo, BStart: b.Start, BEnd: b.End}
	}
	r := Score(tracks, oracle)
	if r.MAP != 1 || r.P1 != 1 || r.MR1 != 1 || r.TranspositionAcc != 1 || r.TempoAcc != 1 || r.MeanIoU != 1 || r.FalsePositiveRate != 0 || r.Recall != 1 {
		t.Errorf("oracle: %+v", r)
	}
	if r.DetectF1 != 1 || r.DetectPairs != 3 {
		t.Errorf("oracle detection: F1 %v over %d pairs", r.DetectF1, r.DetectPairs)
	}
	if r.TruePairs != 6 || r.FalsePairs != 6 || r.HostPairs != 2 || r.Queries != 3 {
		t.Errorf("pair counts: %+v", r)
	}
	for _, b := range r.Bars() {
		if b.Got < b.Want {
			t.Errorf("oracle fails bar %s", b.Name)
		}
	}
	// A matcher that always answers the same: ties are broken pessimistically, every
	// transposition but 0 is wrong, and every unrelated pair is a false positive.
	flat := Score(tracks, func(i, j int) Outcome { return Outcome{Score: 0.6, TempoRatio: 1} })
	// It reports no span either, so no phrase counts as found in its host: detection F1 0.
	if flat.FalsePositiveRate != 1 || flat.P1 != 0 || flat.TranspositionAcc >= 0.5 || flat.MAP >= 0.9 || flat.DetectF1 != 0 {
		t.Errorf("constant matcher: %+v", flat)
	}
}

func TestWrapAndIoU(t *testing.T) {
	for in, want := range map[int]int{0: 0, 3: 3, 6: 6, 7: -5, -5: -5, -6: 6, 11: -1, -13: -1, 24: 0} {
		if got := Wrap(in); got != want {
			t.Errorf("Wrap(%d) = %d, want %d", in, got, want)
		}
	}
	if v := IoU(0, 10, 5, 15); math.Abs(v-1.0/3) > 1e-12 {
		t.Errorf("IoU = %v", v)
	}
	if IoU(0, 1, 2, 3) != 0 {
		t.Error("disjoint intervals overlap")
	}
}

func TestReadManifest(t *testing.T) {
	tracks, err := ReadManifest("../../testdata/dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(tracks) < 80 {
		t.Errorf("%d tracks", len(tracks))
	}
	dir := t.TempDir()
	for name, body := range map[string]string{
		"missing column": "file\twork\n",
		"bad number":     "file\twork\trole\tkey\ttempo\tstart\tend\nx.wav\tw\tarrangement\tthree\t1\t0\t1\n",
		"empty":          "file\twork\trole\tkey\ttempo\tstart\tend\n",
	} {
		os.WriteFile(filepath.Join(dir, "manifest.tsv"), []byte(body), 0o644)
		if _, err := ReadManifest(dir); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestMaterialBreakdown(t *testing.T) {
	tracks := []Track{
		{File: "o1", Work: "o", Role: "arrangement", Tempo: 1, End: 10, Material: "orchestral"},
		{File: "o2", Work: "o", Role: "arrangement", Tempo: 1, End: 10, Material: "orchestral"},
		{File: "b1", Work: "b", Role: "arrangement", Tempo: 1, End: 10, Material: "band"},
		{File: "b2", Work: "b", Role: "arrangement", Tempo: 1, End: 10, Material: "band"},
	}
	// Perfect on orchestral queries, inverted on band queries.
	r := Score(tracks, func(i, j int) Outcome {
		same := tracks[i].Work == tracks[j].Work
		if (tracks[i].Material == "band") == same {
			return Outcome{Score: 0.1, TempoRatio: 1}
		}
		return Outcome{Score: 0.9, TempoRatio: 1}
	})
	if len(r.Materials) != 2 || r.Materials[0].Material != "band" || r.Materials[1].Material != "orchestral" {
		t.Fatalf("materials %+v", r.Materials)
	}
	if band, orch := r.Materials[0], r.Materials[1]; band.MAP >= 0.6 || orch.MAP != 1 || orch.Queries != 2 {
		t.Errorf("band MAP %.2f, orchestral MAP %.2f over %d queries", band.MAP, orch.MAP, orch.Queries)
	}
}
