package fingerprint

import "context"

// Posting is one code occurrence in the catalogue: the track that holds it and where.
type Posting struct {
	Hash  uint32 // the code
	Track uint32 // index of the track in the catalogue, 0 first, in the order added
	Time  uint32 // frame of the code's anchor in the track (see Params.FrameRate)
}

// TrackInfo describes one catalogued track.
type TrackInfo struct {
	Path     string  // as given when the track was added
	Duration float64 // seconds of audio
}

// NewTrack is a track to add: its description, its codes (Track fields ignored) and its
// verification features (opaque bytes for the backend, at most a few KiB per minute).
type NewTrack struct {
	Info     TrackInfo
	Postings []Posting
	Features []byte
}

// Backend stores an index: the analysis parameters it was built with, the tracks, their
// codes and their verification features. The file backend (the default) and PostgreSQL
// implement it. All methods are safe for concurrent use; a backend refuses a store that is
// corrupt, truncated or not an index with an error naming it.
type Backend interface {
	// Params returns the analysis parameters the index was built with, as given to the
	// first Add (opaque bytes: the fingerprint package encodes and compares them).
	Params(ctx context.Context) ([]byte, error)
	// Stats returns the number of tracks, the seconds of audio they hold and the size of
	// the store in bytes.
	Stats(ctx context.Context) (tracks int, seconds float64, bytes int64, err error)
	// Lookup calls fn with every posting of each hash in hashes (sorted ascending, no
	// duplicates), grouped by hash in that order; it stops at fn's first error.
	Lookup(ctx context.Context, hashes []uint32, fn func(Posting) error) error
	// Track returns the description of track id.
	Track(ctx context.Context, id uint32) (TrackInfo, error)
	// Features returns the verification features of track id.
	Features(ctx context.Context, id uint32) ([]byte, error)
	// Add appends tracks, numbered from the current count on, all or none: a failure or a
	// crash leaves the index as it was. params must equal the index's (any, when empty).
	Add(ctx context.Context, params []byte, tracks []NewTrack) error
	// Close releases the store.
	Close() error
}
