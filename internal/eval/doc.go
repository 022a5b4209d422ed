// Package eval scores melody matching on a labelled corpus such as testdata/dev: retrieval
// (MAP, P@1, MR1 with every track as a query), transposition and tempo accuracy on the pairs
// that share a melody, span overlap for phrases hidden in longer hosts, and the rate of
// unrelated pairs scoring at or above the decision threshold.
//
// The corpus is a directory of WAV files described by manifest.tsv, whose header names the
// columns file, work, role, key, tempo, start and end (see testdata/dev/README.md). It knows
// nothing of how the pairs are compared: Score takes a function that gives the outcome of a
// pair, so the same figures serve the motif package, the command and parameter sweeps.
//
// Motif discovery is scored against the themes planted in a set of files (themes.tsv, read by
// ReadThemes) with the MIREX pattern discovery figures of mir_eval, the temporal IoU standing
// in for shared notes (ScorePatterns), and with occurrence recall, precision and relative
// transposition accuracy under a one-to-one matching of motifs to themes (ScoreOccurrences).
package eval
