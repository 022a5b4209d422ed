// Package wav is a streaming decoder for WAV (RIFF/WAVE) files that yields mono float32.
//
// It exists because github.com/go-audio/wav misreads float, extensible, 8-bit, streamed,
// padded and truncated files; this package parses the RIFF structure itself.
//
// # Supported formats
//
//   - Integer PCM with 8 (unsigned, silence = 128), 16, 24, 32 or 64-bit samples, including
//     old files with a depth that is not whole bytes (e.g. 12 or 20 bits) stored left-justified
//     in whole bytes.
//   - IEEE float, 32 and 64-bit. Samples outside [-1, 1] are clipped and NaN becomes 0, each
//     with a warning, so that downstream DSP never sees non-finite values.
//   - WAVE_FORMAT_EXTENSIBLE with a PCM or IEEE float SubFormat GUID (the GUID's fixed tail is
//     checked); ValidBits is reported, and the container width is what is decoded.
//   - 1 to 32 channels (tested with 1-8), mixed to mono by averaging; sample rates from 1 Hz to
//     768 kHz (tested from 8 kHz to 192 kHz).
//
// Compressed codecs (ADPCM, mu-law, A-law, MP3, ...) yield an *UnsupportedError naming the
// format tag, as do big-endian RIFX and RF64/BW64 (files over 4 GiB). Malformed files yield a
// *FormatError. Both are matchable with errors.As; messages start with "wav: " and do not
// include a file name (the caller adds it). No allocation is ever sized from a header field, so
// a hostile header cannot make the decoder allocate more than its fixed 64 KiB block buffer.
//
// # Chunks and sizes
//
// Chunks other than "fmt " and "data" (LIST, fact, bext, JUNK, id3, ...) are skipped, honouring
// the pad byte after an odd-sized chunk; nothing after the data chunk is read. A "fmt " chunk
// must come before "data". When the reader is an io.Seeker, the file size is used to reject
// non-data chunks that claim more bytes than the file holds.
//
// A data chunk size of 0xFFFFFFFF (written by streaming writers that cannot rewind) means "to
// the end of the file"; so does a size larger than the file when the reader can seek. For a
// non-seekable reader Format.DataBytes is then -1 and Format.Duration -1.
//
// # Warnings
//
// Damage that still leaves decodable audio is reported through Decoder.Warnings rather than as
// an error: a data chunk with fewer bytes than its size claims (decoded as far as it goes), a
// partial sample frame at the end (dropped), clipped or NaN float samples. Warnings appear as
// they are found: with a seekable reader a truncated data chunk is reported by NewDecoder, with
// a pipe only when ReadMono reaches the end.
//
// # Streaming
//
// ReadMono converts the bytes of a block of frames straight into float32 (one pass, no
// per-sample calls, no intermediate integer slice), so memory does not grow with the file and
// decoding runs at thousands of times real time.
package wav
