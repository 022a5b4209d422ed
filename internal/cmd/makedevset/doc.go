// Command makedevset builds leitmotif's synthetic evaluation corpus: the dev set in
// testdata/dev (public-domain tunes in several arrangements, phrases hidden inside longer
// host pieces, and unrelated distractors) and the two worked examples in testdata/examples
// (one original theme as a film trailer and as a jazz ballad).
//
// Usage:
//
//	go run ./internal/cmd/makedevset -out testdata [-sf2 FILE] [-only dev|examples] [-midi]
//
// Everything is deterministic: scores are written as Standard MIDI Files from the
// transcriptions in tunes.go with a seeded random generator, rendered by fluidsynth,
// down-mixed and resampled by sox, then trimmed, mixed with seeded noise where asked and
// peak-normalised here. The generated WAV files are committed, so tests never need
// fluidsynth; this program builds and vets without it and only fails at run time, with a
// clear message, when fluidsynth or sox is missing.
package main
