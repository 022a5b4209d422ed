// Package motif finds recurring melodies in audio.
//
// It reads WAV (PCM 8–32 bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, 1–8 channels), FLAC,
// MP3 (MPEG-1 and 2 Layer III) and Ogg Vorbis, recognised by their content, by streaming, computes chroma features (12 pitch classes over time; STFT, HPCP or CENS; tuning
// estimated), and compares two tracks for a shared melody across key, tempo, instrumentation and
// accompaniment, saying where it is: the aligned time spans in both, the transposition and a score.
// Matching looks at a melody view (the loudest line) and a harmony view (every pitch class at its
// weight: chords, power chords, several orchestral lines) of the same chroma and keeps the better
// alignment; the best one is always reported as the first segment, whatever its score.
//
// The usual flow:
//
//	a, err := motif.AnalyzeFile("trailer.wav", motif.ChromaOptions{})
//	...
//	b, err := motif.AnalyzeFile("ballad.wav", motif.ChromaOptions{})
//	...
//	r := motif.Compare(a, b, motif.CompareOptions{})
//	fmt.Println(r.Score, r.Transposition, r.TempoRatio, r.Segments)
//
// Discover answers the second question, which melodies recur within a track and across a
// soundtrack, and where, without being told what they are: Theme values, each with every
// Occurrence (track, span, transposition relative to the first, score), best first. It stands
// on the same alignment as Compare (see DiscoverOptions and internal/match's documentation of
// the method, with its references and measured figures); plot.Timeline draws the result.
//
// Conventions: pitch class 0 is C and 9 is A; times are seconds; a transposition is the shift in
// semitones (-5..6) that takes A's pitch classes to B's; a tempo ratio is B's tempo relative to
// A's (a ballad at 0.7 times the tempo of the trailer gives 0.7). Scores are in [0, 1] and
// calibrated so that Threshold (0.5) is the decision threshold: at or above it, the same melody is there.
//
// Bad input is reported as an error that names the file; the decoder's *FormatError
// (malformed file) and *UnsupportedError (valid but unsupported, such as compressed WAV, RF64,
// MPEG 2.5 or Ogg Opus) can be told apart with errors.As.
package motif
