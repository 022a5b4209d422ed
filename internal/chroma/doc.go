// Package chroma computes chroma features (12 pitch-class energies per frame) from mono
// audio, streaming: an Extractor takes blocks of samples at the input rate, resamples them
// to the analysis rate, frames them with a Hann window and, per frame, either picks
// spectral peaks and maps them with harmonic weighting to pitch classes (HPCP, Gómez 2006)
// or maps the power spectrum through a log-frequency filterbank (STFT, comparable to
// librosa's chroma_stft).
//
// Tuning. The reference tuning (deviation of the recording from A4 = 440 Hz, in cents) is
// estimated from the interpolated frequencies of the spectral peaks over the whole input.
// To apply a global estimate without keeping the spectrogram, each frame is kept while
// streaming as a compact fine pitch-class profile (60 bins per octave, 20 cents, quantised
// to uint16, plus the frame's energy: 124 bytes per frame) and folded to 12 classes,
// centred on the estimated tuning, at Finish. One hour at the default 10.8 frames/s is
// 4.5 MiB of state while streaming (measured), plus 1.8 MiB for the 12-bin result.
//
// Timing. Frame k is centred at k/FrameRate seconds of the input (the signal is padded with
// half a frame of zeros at both ends, like librosa's center=True), and the resampler's
// group delay is compensated. An input of N analysis samples gives 1+N/HopSize frames
// (integer division), none for an empty input.
//
// Output. Every frame is normalised to unit maximum; silent frames (below -90 dBFS, or
// 70 dB below the loudest frame) and frames with NaN/Inf samples are all zero, never NaN.
// Bin 0 is C, 9 is A, 11 is B.
//
// CENS (Müller, Kurth, Clausen 2005) turns chroma frames into smoothed, quantised,
// downsampled, L2-normalised features that are robust to tempo, timbre and articulation.
package chroma
