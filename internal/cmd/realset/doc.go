// Command realset builds the real-recording part of leitmotif's evaluation corpus: game
// soundtrack recordings from five pinned Debian packages (warzone2100-music, megaglest-data,
// freedroidrpg-data, hedgewars-data, frozen-bubble-data), cut into 60–90 s references,
// 2–3 versions of each made with sox (pitch, tempo, EQ, reverb, noise, MP3/Ogg round trip,
// shifted start), 12–25 s and 4–8 s phrases spliced into unrelated host recordings at known
// places, and negative hosts. The audio is large and is never committed; this is the one
// command that makes it:
//
//	go run ./internal/cmd/realset -out DIR [-cache DIR] [-seed N] [-j N]
//
// It writes DIR/tune/ and DIR/heldout/, split by source recording (a recording and every
// file made from it land in one half; a splice lands with its phrase's source, in a host
// recording of the same half), each with manifest.tsv (file, work, role, key, tempo, start,
// end, notes, material, split, genre), labels.tsv (basename, work) and README.md (package
// versions, SHA-256, licences, contents), and DIR/licences/ (the packages' copyright files).
// Evaluate a half with `go run ./internal/cmd/evaluate DIR/tune`.
//
// The packages are fetched with `apt-get download PKG=VERSION` into the cache (default
// .cache/realset in the module root, gitignored; 723 MB), checked against the SHA-256
// pinned in packages.go (a mismatch is an error naming both digests), and only the music
// and licence files are unpacked, through `dpkg-deb --fsys-tarfile`. It needs apt-get
// (after apt-get update) and dpkg-deb, sox with libsox-fmt-all (Ogg Vorbis and MP3), and
// opusdec from opus-tools (warzone2100-music ships Opus, which sox cannot read).
//
// Output is mono 16-bit WAV at 22050 Hz: exactly twice the matcher's 11025 Hz analysis rate
// (its resampler halves it, no fractional ratio adds its own error), with the band above the
// analysis range kept for representations that may want it, at half the size of CD rate
// (the set is about 0.5 GB).
//
// Everything is deterministic: every choice comes from a splitmix64 stream keyed by the seed
// and the recording's name, the noise is generated here, sox runs in repeatable mode (-R),
// and files are written without dither: two builds, one from an empty cache, gave the same
// SHA-256 for every file. Sox jobs run in parallel (-j, all cores by default); on 2 cores the
// build took 3 min 49 s from an empty cache (36 s of it download, check and unpacking) and
// 2 min 50 s with the packages cached. Decoding warzone2100-music's Opus tracks is the
// slowest step.
package main
