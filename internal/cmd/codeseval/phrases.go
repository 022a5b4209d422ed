package main

import (
	"fmt"
	"math/rand"
	"slices"

	"github.com/leitmotif-audio/leitmotif/fingerprint"
)

// Phrase queries: a phraseSeconds window of an arrangement, at a random place, queries the
// index for the other files of its work, as a user who has only a phrase of a theme does.
// The window is cut from the file's features (the codes of a phrase are those of its frames).
const phraseSeconds = 12

// phrases queries the index with a phrase of every arrangement at least phraseSeconds + 2 s
// long that has relevant files, and prints hit@10 and recall@10 of the candidates.
func phrases(ents, all []entry, lookup func([]uint32) []fingerprint.Posting) {
	rng := rand.New(rand.NewSource(11))
	var queries int
	var hit10, recall10 float64
	for qi, q := range ents {
		var rel []int
		for j, e := range ents {
			if j != qi && e.work == q.work {
				rel = append(rel, j)
			}
		}
		f := q.feat
		n := int(phraseSeconds * f.FrameRate)
		if len(rel) == 0 || q.role != "arrangement" || f.Duration < phraseSeconds+2 || n >= len(f.Frames) {
			continue
		}
		start := rng.Intn(len(f.Frames) - n)
		cut := *f
		cut.Frames = f.Frames[start : start+n]
		cut.Duration = float64(n) / f.FrameRate
		codes := fingerprint.QueryCodes(&cut)
		cands := fingerprint.Vote(codes, lookup(distinctHashes(codes)), 11)
		in10, r := 0, 0
		for _, c := range cands {
			if int(c.Track) == qi {
				continue
			}
			if r++; r <= 10 && slices.Contains(rel, int(c.Track)) {
				in10++
			}
		}
		queries++
		if in10 > 0 {
			hit10++
		}
		recall10 += float64(in10) / float64(min(len(rel), 10))
	}
	fmt.Printf("  %-20s queries %3d  hit@10 %.3f  recall@10 %.3f\n", fmt.Sprintf("phrases of %d s", phraseSeconds),
		queries, hit10/float64(max(1, queries)), recall10/float64(max(1, queries)))
}
