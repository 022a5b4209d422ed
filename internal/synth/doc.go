// Package synth renders small melodies to audio for tests: additive
// harmonic tones with an ADSR envelope, optional block-chord and bass
// accompaniment, swing and white noise at a chosen SNR. It also gives an
// idealised chroma (pitch-class energy per frame) straight from the note
// list, so matching code can be tested without a chroma front end, and a
// few public-domain tunes transcribed by hand.
//
// It is a test helper: small, deterministic (noise comes from Options.Seed)
// and dependency free.
package synth
