package fingerprint_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
	"github.com/leitmotif-audio/leitmotif/motif"
)

// A small catalogue (the ballad among six tunes of the dev set) searched with the trailer whose
// theme the ballad sings, slower and three semitones up: the ballad comes first, verified.
func ExampleIndex_Search() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	var feats []*motif.Features
	for _, name := range []string{"dev/frere_a.wav", "dev/ode_a.wav", "examples/ballad.wav", "dev/greensleeves_a.wav", "dev/elise_a.wav", "dev/auld_a.wav", "dev/deck_a.wav"} {
		f, err := motif.AnalyzeFile(filepath.Join("..", "testdata", name), motif.ChromaOptions{})
		if err != nil {
			log.Fatal(err)
		}
		feats = append(feats, f)
	}
	path := filepath.Join(dir, "catalogue.lmx")
	if err := fingerprint.Build(ctx, path, feats, 0); err != nil {
		log.Fatal(err)
	}
	ix, err := fingerprint.Open(ctx, path, false)
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	query, err := motif.AnalyzeFile("../testdata/examples/trailer.wav", motif.ChromaOptions{})
	if err != nil {
		log.Fatal(err)
	}
	hits, err := ix.Search(ctx, query, fingerprint.SearchOptions{Top: 2})
	if err != nil {
		log.Fatal(err)
	}
	best := hits[0]
	fmt.Println(filepath.Base(best.Info.Path), best.Score >= motif.Threshold, best.Result.Transposition)
	fmt.Println("runner-up under the threshold:", len(hits) < 2 || hits[1].Score < motif.Threshold)
	// Output:
	// ballad.wav true 3
	// runner-up under the threshold: true
}

// An index in PostgreSQL is named by its URL; messages and `motif index info` show it with the
// password hidden.
func ExampleRedacted() {
	fmt.Println(fingerprint.Redacted("postgres://ann:s3cret@db.example:5432/catalogue?sslmode=require"))
	fmt.Println(fingerprint.Redacted("catalogue.lmx"))
	// Output:
	// postgres://ann:xxxxx@db.example:5432/catalogue?sslmode=require
	// catalogue.lmx
}
