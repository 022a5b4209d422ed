package match

import (
	"os"
	"testing"
)

const devDir = "../../testdata/dev"

// TestEvaluateDev enforces the quality bars on the dev corpus: every
// ordered pair of its tracks is compared.
func TestEvaluateDev(t *testing.T) {
	if raceEnabled {
		t.Skip("dev evaluation skipped under the race detector; run go test without -race for the bars")
	}
	if _, err := os.Stat(devDir + "/manifest.tsv"); err != nil {
		t.Skip("no dev corpus:", err)
	}
	rep, err := Evaluate(devDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + rep.String())
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"MAP", rep.MAP, 0.9},
		{"transposition accuracy", rep.TranspositionAcc, 0.95},
		{"tempo accuracy", rep.TempoAcc, 0.9},
		{"mean host IoU", rep.MeanIoU, 0.7},
		{"unrelated pairs below 0.5", 1 - rep.FalsePositiveRate, 0.95},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want >= %.3f", c.name, c.got, c.want)
		}
	}
}
