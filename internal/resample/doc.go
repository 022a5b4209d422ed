// Package resample converts mono float32 audio between sample rates with a streaming,
// anti-aliasing resampler.
//
// # Structure
//
// The ratio is reduced by the gcd. Downsampling is a cascade: at most one rational L/M
// polyphase stage from the input rate to out*2^j, then j half-band decimate-by-2 stages
// (every other half-band tap is zero and the rest are symmetric, so these are cheap). The
// j with the fewest multiply-adds per second is chosen; e.g. 44100 -> 11025 is two
// half-bands (7 and 30 distinct taps), 48000 -> 11025 is 147/320 (29 taps per output) to
// 22050 then one half-band. Upsampling is one polyphase stage (8000 -> 11025: 441/320,
// 59 taps). Tap tables hold at most 1025 phases: ratios needing more (rates with a small
// gcd, e.g. 44056 -> 11025) interpolate linearly between neighbouring phases. Filters are
// Kaiser-windowed sincs designed for 90 dB; every phase is normalised to unit DC gain, so
// the DC gain is exactly 1.
//
// # Frequency response
//
// With N the lower of the two Nyquist frequencies:
//   - pass band 0 .. 0.9 N: ripple below ±0.001 dB (measured, TestPassband);
//   - input above 1.1 N (downsampling) is attenuated by at least 80 dB wherever it
//     lands: measured worst case over a 120-tone sweep 87.0 dB (44100 -> 11025), 88.7 dB
//     (48000 -> 11025), 89.5 dB (22050 -> 16000) (TestAliasRejection); images of the
//     pass band when upsampling are below -90 dB;
//   - input between 0.9 N and 1.1 N may fold into 0.9 N .. N. That band is a transition
//     band, not for analysis (chroma stops at 0.9 N). Starting the stop band exactly at N
//     would double the length of the longest filter.
//
// # Timing and length
//
// Filters are applied zero-phase: each stage waits for its lookahead and Flush supplies
// zeros after the end, so output sample j is centred on input time j*inRate/outRate.
// Delay is therefore 0, and features computed on the output line up with the input.
// The output has ceil(len(input)*outRate/inRate) samples, give or take one per stage.
// The output does not depend on how the input is split into Process calls.
//
// # Speed
//
// Best of 8 runs of BenchmarkResample on the shared 2-core development machine, one
// core: 44100 -> 11025 at 3550x real time (180 s of audio in about 51 ms), 48000 -> 11025
// at 2000x (90 ms), 8000 -> 11025 at 3300x, 22050 -> 16000 at 1800x. The inner loops are
// scalar float32 at about two cycles per tap. Building a Resampler designs its filters:
// from 10 µs (44100 -> 11025) to a few ms for ratios with hundreds of phases.
//
// Equal rates pass samples through unchanged.
package resample
