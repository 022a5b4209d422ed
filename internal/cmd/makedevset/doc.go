// Command makedevset builds leitmotif's synthetic evaluation corpora: the dev set in
// testdata/dev (public-domain tunes in several arrangements, phrases hidden inside longer
// host pieces, and unrelated distractors), the two worked examples in testdata/examples
// (one original theme as a film trailer and as a jazz ballad), and, only when asked for, the
// larger world set with a tuning and a held-out half (lead melodies, orchestral cues, band
// textures, short motifs; see world.md).
//
// Usage:
//
//	go run ./internal/cmd/makedevset -out testdata [-sf2 FILE] [-only dev|examples] [-midi]
//	go run ./internal/cmd/makedevset -only world -out DIR [-j N]   # DIR/world/{tune,heldout}
//	go run ./internal/cmd/makedevset -only world -check -out DIR   # check a rendered world set
//	go run ./internal/cmd/makedevset -dump FILE.wav,...            # print scores, render nothing
//
// Everything is deterministic: scores are written as Standard MIDI Files from the
// transcriptions in tunes.go and world_tunes.go and from a seeded generator, rendered by
// fluidsynth, down-mixed and resampled (and for the world set reverberated or equalised) by
// sox, then trimmed, mixed with seeded noise where asked and peak-normalised here. The dev
// and example WAV files are committed, so tests never need fluidsynth; the world set is
// not (CI renders it). This program builds and vets without fluidsynth and only fails at
// run time, with a clear message, when fluidsynth, sox or a soundfont is missing.
package main
