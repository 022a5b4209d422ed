// Package match decides whether two tracks share a melody, and where: it
// compares chroma sequences under all twelve transpositions, tolerates
// tempo changes (0.5-2x), other instruments, accompaniment and noise, and
// aligns locally on both sides, so a short phrase is found inside a long
// piece.
//
// # Method
//
// Prepare turns chroma frames (12 bins, bin 0 = C, any frame rate) into
// matching features once per track:
//
//  1. per frame: frames whose largest bin is under 1.5 times the mean are
//     noise or silence and dropped; a fraction (Options.Fifth, 0.8) of
//     each pitch class is taken from the class a fifth above (the third
//     harmonic of a note lands there, so reed and mallet melodies
//     otherwise show up a fifth off); values are raised to Options.Power
//     (2) so the loudest line, usually the melody, dominates the
//     accompaniment; L1 normalisation;
//  2. CENS-like smoothing with a 0.5 s Hann window and downsampling to
//     4 frames/s (Müller, Kurth, Clausen 2005), short because phrases
//     are short;
//  3. detrending: the mean of the surrounding 4 s is subtracted, which
//     removes pads, drones, repeated accompaniment figures and the key
//     profile, which move slowly where a melody does not;
//  4. each frame is centred and scaled to unit length, so the dot product
//     of two frames is their correlation across pitch classes.
//
// Compare(a, b) then:
//
//  1. screens all 12 rotations of b in both views (melody and harmony,
//     see Options.MelodyOnly) with Smith-Waterman: at full
//     resolution (with the delay embedding below) while the twelve score
//     matrices fit in Options.ScreenBudget cells — a phrase against a few
//     minutes, or two 90 s pieces — so a short motif is judged on its
//     detail, and then with b also stretched by 1/sqrt(2) and sqrt(2), so
//     that the embedding follows a phrase at another tempo; on coarse
//     (1 frame/s) features for longer pairs. The best Options.Candidates
//     (3) of the 24 are shortlisted, and the screening path of each gives
//     a tempo estimate;
//  2. for each shortlisted rotation, stretches b to a's tempo and builds
//     the score matrix: the delay-embedded similarity of Serra, Serra and
//     Andrzejak (frame correlations averaged over Options.Embed, 10,
//     frames, 2.5 s, along the diagonal, so a match needs the same
//     sequence of pitch classes and not just the same set) minus
//     Options.Threshold (0.4);
//  3. runs Smith-Waterman local alignment with steps (1,1), (2,1), (1,2)
//     (local tempo 0.5-2 around the stretch; slanted steps weigh 1.5 so a
//     path's score is proportional to its mean length) and keeps the best
//     rotation; short inputs, under a budget of cells, are also aligned at
//     a grid of tempi (0.63-1.6);
//  4. backtracks the best path for the spans, the transposition and the
//     tempo ratio (A span / B span, stretch undone). That best alignment is
//     always the first segment, whatever its score, so a caller always
//     sees where the best candidate lies; further segments come from
//     masking each found span pair and aligning again, best first, while
//     they score at least Threshold. The first segment's score is the
//     result's; a later one is scored on the same evidence with its own
//     alignment score, capped at the first's; a later path that would
//     overlap an earlier segment in both tracks is trimmed at its ends.
//
// One search (compare.go: screening, trials, alignment) serves Compare,
// SelfMatches and Discover: a mask on the score matrix (cells with B less
// than a lag after A) turns it into a search of a track against itself,
// and a hook on every trial lets discovery read all the alignments of
// every shortlisted key rather than the winner's alone. CrossSimilarity
// (for plots) shares the similarity kernel. A fingerprint index can
// re-rank its candidates with Compare.
//
// # Calibration
//
// A score weighs two pieces of evidence (Evidence, calibrate.go):
//
//   - the alignment: the log ratio of the best raw score (seconds of path
//     times similarity margin) to the median best score between unrelated
//     tracks of the same two lengths. That median is a smooth surface over
//     both lengths (ln median quadratic in ln short, linear in ln long),
//     fitted on the unrelated pairs of all tuning halves: synthetic lead
//     melodies, orchestral cues, band songs, 2-8 s motifs and their
//     hosts, and real game-soundtrack recordings. Beyond the lengths it was
//     fitted on (60 s and 120 s) it grows only logarithmically with the
//     cells of the search, as the maxima of local alignment between
//     unrelated sequences do (Karlin-Altschul);
//   - the key contrast: how far the winning key's screening score stands
//     out against the mean of the nine keys that are neither it nor a
//     fourth or fifth from it. Those searches have the same lengths,
//     textures and key profiles as the real one, so they are the pair's own
//     null: two tracks that share a melody align far better at one key,
//     two that only share a style, a key or a texture do not.
//
// The score is a logistic in a weighted sum of the two, with weights from
// a logistic regression of same-melody against unrelated pairs of the
// tuning halves and a threshold that puts 0.3% of their unrelated pairs at
// or above 0.5; `go run ./internal/cmd/calibrate` refits all of it. So 0.5
// means the same thing for a 5-second motif and a whole song: evidence
// that unrelated pairs of those lengths reach three times in a thousand.
//
// The previous model, a power law in the cells of the search fitted on the
// dev set alone, put the median null of two 60-90 s real recordings at
// 3.3 s where unrelated real pairs have 1.0-1.2 s; its 0.5 needed about
// 13 s of clear alignment between two 3-minute songs, and a 12-25 s phrase
// spliced into another recording scored 0.05-0.5 even when found at the
// right place and key. With the screening at three stretches, the refit
// gave on the tuning halves world MAP 0.803 (0.777 before both changes),
// dev MAP 0.932 (0.931) and the real set's phrase detection F1 0.727
// (0.51), at the same rate of false positives. Measured and
// rejected: the pair's null from the 11 non-winning keys alone (degenerate
// when they align nothing, dev MAP 0.88 against 0.94), maxima over tiles
// of the score matrix as the null, Karlin-Altschul's lambda from the
// matrix's own score distribution (unstable for short pairs).
//
// Silence, noise, NaN input or less than Options.MinDuration (2 s) of
// tonal content score 0.
//
// # Discovery
//
// Discover (discover.go) finds the melodies that recur within and across
// tracks without a query. Its choices and their reasons:
//
//   - Pairwise local alignment, not a matrix profile: SiMPle (Silva et
//     al. 2016) finds for every subsequence of a fixed length its nearest
//     neighbour, fast, but in one key and tempo; themes come back
//     transposed, slower and reharmonised, which Compare's alignment
//     (12 keys, stretches, local slopes 0.5-2) already handles. Every
//     pair of tracks and every track with itself is searched, the latter
//     with the cells of B less than MinLength after A masked, which rules
//     out the trivial matches (a span with itself or shifted by a frame);
//     the detrending removes sustained chords before they can match
//     themselves. Long tracks are searched in 3-minute pieces overlapping
//     by 30 s, so no matrix grows with the set or the track: memory is
//     that of one pair of pieces per worker.
//   - Propose, then verify: a 3-5 s theme between two minute-long tracks
//     aligns hardly better than the pair's best chance alignment (on the
//     soundtrack set's tuning half, 51 of 58 planted occurrences had a
//     correct link among 11,000, with an AUC of 0.83 for the link score),
//     so the pairwise links only propose spans. Each proposed span (best
//     first, non-maximum suppression) is cut out and searched as a phrase
//     in the tracks it linked to, and the place found is searched back:
//     a pair stands when each is among the other's best places, in keys
//     that agree — a mutual-nearest-neighbour test, as Serra et al.'s
//     cross-recurrence plots use between frames, here between spans. It
//     doubled the precision of the occurrences at the same recall.
//   - Merging: spans of one track that overlap by half their union are
//     one occurrence, and verified pairs join occurrences into a pattern
//     (connected components), the transposition of each carried along
//     the pairs from the first; a theme heard five times is one pattern.
//     A pattern all of whose occurrences lie inside occurrences of a
//     pattern with more recurring material is dropped: the unit a
//     listener names is the longer one that recurs as a whole, and a
//     motif inside it is reported on its own only when it also recurs
//     elsewhere (after audio thumbnailing's preference for the segment
//     that explains the most repetition, Müller, Jiang, Grosche 2013).
//
// Measured on the soundtrack set (makedevset -only soundtracks: sets of
// 4-6 tracks and single pieces with 2-3 themes of 2.3-14 s, each heard
// 2-5 times in other keys, tempi, instruments and textures), tuning half
// against held-out half: occurrence recall 0.45 | 0.28, precision 0.48 |
// 0.39, relative transposition 0.96 | 1.00; MIREX establishment F 0.47 |
// 0.21, occurrence F (c = 0.75) 0.59 | 0.34, three-layer F 0.43 | 0.20.
// Short themes are the limit, as for Compare: the features tell a 3 s
// phrase from the chance alignments of a minute of music too weakly.
//
// # Cost
//
// With features ready, comparing two 3-minute tracks costs about 35 ms of
// CPU on one core (BenchmarkCompare; 29 ms with MelodyOnly): 24 screening
// alignments of 180×180 cells (two views, 12 keys, 1 frame/s) and 3 fine
// ones of 720×720; a 10 s phrase against a 3-minute track about 14 ms (it
// is screened at full resolution, and its small matrices leave budget for
// the tempo grid). Prepare builds both views, about 2 ms per 3-minute
// track.
//
// # References
//
//   - M. Müller, F. Kurth, M. Clausen: Audio matching via chroma-based
//     statistical features, ISMIR 2005 (CENS).
//   - M. Müller: Fundamentals of Music Processing, Springer 2015/2021,
//     ch. 3 (chroma), 4 (path enhancement) and 7 (subsequence DTW).
//   - J. Serrà, X. Serra, R. G. Andrzejak: Cross recurrence quantification
//     for cover song identification, New Journal of Physics 11, 2009
//     (delay embedding, Qmax local alignment).
//   - J. Serrà, E. Gómez, P. Herrera: Transposing chroma representations
//     to a common key, 2008 (optimal transposition index; here all 12
//     rotations are tried instead).
//   - T. F. Smith, M. S. Waterman: Identification of common molecular
//     subsequences, J. Mol. Biol. 147, 1981; S. Karlin, S. F. Altschul,
//     PNAS 87, 1990 (statistics of local alignment scores).
//   - M. Müller, N. Jiang, P. Grosche: A robust fitness measure for
//     capturing repetitions in music recordings with applications to
//     audio thumbnailing, IEEE TASLP 21(3), 2013.
//   - D. F. Silva, C.-C. M. Yeh, G. E. A. P. A. Batista, E. Keogh: SiMPle:
//     assessing music similarity using subsequences joins, ISMIR 2016.
//   - E. Gómez: Tonal description of music audio signals, PhD thesis,
//     UPF 2006 (HPCP; the third-harmonic leakage to the fifth).
package match
