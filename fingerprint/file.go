package fingerprint

// The file backend keeps a whole index in one file, embedded: nothing to install.
//
// # File format, version 1
//
// The format is a contract: a reader refuses a file that breaks any rule below rather than
// guess. All integers are little endian; offsets are in bytes. A file is, in order:
//
//	header      76 + P bytes
//	track table 24 bytes per track
//	data        each track's path then its features, back to back
//	postings    the codes, in blocks (below)
//	directory   12 bytes per block
//
// The header:
//
//	offset  size  field
//	0       8     magic "\x89LMX\r\n\x1a\n" (as PNG's: the high byte and the line ends
//	              catch 7-bit and text-mode transfers)
//	8       4     version, 1 (a newer version is refused with an error saying so)
//	12      4     flags, 0 (a set bit is a feature an older reader cannot handle: refused)
//	16      8     file length, the whole file
//	24      8     T, tracks (at most 2^32-1: Posting.Track numbers them)
//	32      8     postings in the postings section
//	40      8     D, length of the data section
//	48      8     C, length of the postings section
//	56      8     K, blocks in the postings section (0 when C is 0; at most 2^24)
//	64      4     body checksum: CRC-32C (Castagnoli) of the bytes after the header
//	68      4     P, length of the analysis parameters (at most 64 KiB)
//	72      P     the analysis parameters, opaque (Backend.Params)
//	72+P    4     header checksum: CRC-32C of the header's bytes before it
//
// The file length is exactly 76+P + 24T + D + C + 12K. The header has its own checksum, so a
// truncated file (intact header, wrong length) is told from a damaged one, and the writer can
// stream the body in one pass and write the header last.
//
// Track i's entry in the track table: data offset (8 bytes, from the start of the data
// section), path length (4), features length (4) and duration in seconds (8, an IEEE 754
// double, finite and not negative). The entries tile the data section in order: track 0 at 0,
// each next one where the previous one's path and features end, the last one ending at D.
// Its data: the path's bytes (as given to Add), then the features' bytes.
//
// The postings section holds every posting sorted by (hash, track, time), cut into blocks at
// hash boundaries (a block never splits one hash's postings); each block is a run of groups,
// a group being postings of one hash:
//
//	hash delta  uvarint, the hash minus the previous group's (0 continues the same hash);
//	            absent in a block's first group, whose hash is the block's first hash
//	count n     uvarint, 1 to 65536
//	postings    n of: the first, track and time; each next one, the track minus the
//	            previous one's, then the time minus the previous one's when that is 0
//	            (same track), else the time
//
// where a uvarint is encoding/binary's unsigned varint (LEB128) of a value below 2^32, tracks
// are below T, and (track, time) never decreases within a hash. A hash with more than 65536
// postings takes consecutive groups, the later ones with hash delta 0.
//
// The directory has one entry per block: its first hash (4 bytes) and its offset in the
// postings section (8 bytes). The first offset is 0, offsets and first hashes strictly
// increase (no block is empty), and a block ends where the next one starts (the last one at
// C); its groups' hashes are below the next block's first hash. The writer cuts
// a block once it holds at least 64 postings (more for catalogues beyond 64M postings, so the
// directory stays under about 2^20 entries), so a lookup reads a few hundred bytes per hash.
//
// CRC-32C, not a cryptographic hash: the checksums guard against accidental damage
// (truncation, a flipped bit, a half-copied file; all bursts up to 32 bits are caught, any
// other damage missed with probability 2^-32), not against someone who means to forge an
// index, who could rewrite any checksum. It runs at memory speed with the CPU's CRC
// instruction, so checking the whole file at every open costs about as much as reading it
// (8.6 GB/s against SHA-256's 1.7 GB/s with SHA-NI on an AMD EPYC: 22 ms against 110 ms for
// the 190 MB of a 10,000-track catalogue).
//
// Why this shape: the directory and the small fields are all a reader keeps in memory (12
// bytes per block, about 0.2 bytes per posting); tracks, features and postings are read with
// ReadAt when asked for, so a catalogue is not loaded whole (unless it is small: see
// fileMemLimit). Postings take 3 to 7 bytes each, directory included (4.1 for 18-bit hashes
// like codes.go's in a 10,000-track catalogue, 7.0 for uniform 32-bit ones), not 12 as fixed
// records would. Add
// copies the old sections (the old table and data byte for byte) and merges the old postings
// with the new ones in one pass, so it never re-analyses a track and holds only the new
// tracks in memory.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

// fileMagic opens every index file.
const fileMagic = "\x89LMX\r\n\x1a\n"

// Sizes and limits of format version 1 (see the format description above).
const (
	fileVersion       = 1
	fileHeaderFixed   = 72      // header bytes before the parameters
	fileHeaderMin     = 76      // header with no parameters
	fileTrackEntry    = 24      // bytes per track table entry
	fileDirEntry      = 12      // bytes per directory entry
	fileMaxParams     = 1 << 16 // longest parameter string
	fileMaxTracks     = 1<<32 - 1
	fileMaxBlocks     = 1 << 24
	fileMaxGroup      = 1 << 16 // most postings in one group
	fileBlockPostings = 64      // a block is cut once it holds this many postings...
	fileMaxDirTarget  = 1 << 20 // ...or more, to keep the directory about this size
)

// fileMemLimit is the size up to which an index is read whole into memory at open: lookups
// then make no system calls, and the file is not held open. Larger ones are read with ReadAt.
const fileMemLimit = 16 << 20

// IndexError reports an index that cannot be used: a file or a database that is not an index
// at all, truncated, damaged (a checksum or a structure rule fails) or written by a newer
// version, or a database server that cannot be reached.
type IndexError struct {
	Path string // the file, or the database URL with any password hidden
	Msg  string // what is wrong, e.g. "checksum mismatch (content damaged)"
	Err  error  // the underlying error, if any
}

func (e *IndexError) Error() string {
	if e.Err != nil {
		return e.Path + ": " + e.Msg + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Msg
}

// Unwrap returns the underlying error.
func (e *IndexError) Unwrap() error { return e.Err }

// File is the file backend: an index in one file (see the format above). It implements
// Backend; all its methods are safe for concurrent use. Searches run while an Add writes a
// new file and see the index as it was before the Add or after it, never in between. A File
// sees the index as opened or as its own last Add left it: another process's Add is not
// seen (reopen), and an Add refuses to overwrite it.
type File struct {
	path     string
	memLimit int64 // fileMemLimit, lower in tests

	addMu sync.Mutex // serialises Add and Close

	mu     sync.Mutex    // guards the fields below and every snapshot's refs
	cur    *fileSnapshot // what readers use
	closed bool
}

var _ Backend = (*File)(nil)

// OpenFile opens the index at path, checking it whole: its header, its checksums and the
// structure of its tables. A file that is not a valid index gives an *IndexError. With
// create, a missing file is a new, empty index (nothing is written until the first Add);
// without, it is an error matching fs.ErrNotExist.
func OpenFile(path string, create bool) (*File, error) {
	return openFileLimit(path, create, fileMemLimit)
}

// openFileLimit is OpenFile reading files up to memLimit bytes whole into memory.
func openFileLimit(path string, create bool, memLimit int64) (*File, error) {
	s, err := openSnapshot(path, memLimit)
	if errors.Is(err, os.ErrNotExist) && create {
		s, err = &fileSnapshot{}, nil
	}
	if err != nil {
		return nil, err
	}
	return &File{path: path, memLimit: memLimit, cur: s}, nil
}

// Path returns the file's path, as given to OpenFile.
func (f *File) Path() string { return f.path }

// acquire returns the current snapshot, which stays open until release.
func (f *File) acquire() (*fileSnapshot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, fmt.Errorf("%s: %w", f.path, os.ErrClosed)
	}
	f.cur.refs++
	return f.cur, nil
}

// release ends a use of s, closing it if it has been replaced and no one else uses it.
func (f *File) release(s *fileSnapshot) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s.refs--
	if s.refs == 0 && s != f.cur {
		s.close()
	}
}

// install makes s the current snapshot; the old one closes when its last user is done.
func (f *File) install(s *fileSnapshot) {
	f.mu.Lock()
	defer f.mu.Unlock()
	old := f.cur
	f.cur = s
	if old.refs == 0 {
		old.close()
	}
}

// Close releases the file after any Add in progress; searches in progress finish first.
func (f *File) Close() error {
	f.addMu.Lock()
	defer f.addMu.Unlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil
	}
	f.closed = true
	s := f.cur
	f.cur = nil
	if s.refs == 0 {
		return s.close()
	}
	return nil
}

// Params returns the analysis parameters given to the first Add (nil before it).
func (f *File) Params(ctx context.Context) ([]byte, error) {
	s, err := f.acquire()
	if err != nil {
		return nil, err
	}
	defer f.release(s)
	return bytes.Clone(s.params), nil
}

// Stats returns the number of tracks, their total duration and the file's size (0 before
// the first Add).
func (f *File) Stats(ctx context.Context) (tracks int, seconds float64, size int64, err error) {
	s, err := f.acquire()
	if err != nil {
		return 0, 0, 0, err
	}
	defer f.release(s)
	return int(s.hdr.tracks), s.seconds, int64(s.hdr.fileLen), nil
}

// Track returns the path and duration of track id.
func (f *File) Track(ctx context.Context, id uint32) (TrackInfo, error) {
	s, err := f.acquire()
	if err != nil {
		return TrackInfo{}, err
	}
	defer f.release(s)
	e, err := s.trackEntry(f.path, id)
	if err != nil {
		return TrackInfo{}, err
	}
	p, err := s.readData(f.path, id, e.dataOff, uint64(e.pathLen))
	if err != nil {
		return TrackInfo{}, err
	}
	return TrackInfo{Path: string(p), Duration: e.duration}, nil
}

// Features returns the verification features of track id, a new slice the caller owns.
func (f *File) Features(ctx context.Context, id uint32) ([]byte, error) {
	s, err := f.acquire()
	if err != nil {
		return nil, err
	}
	defer f.release(s)
	e, err := s.trackEntry(f.path, id)
	if err != nil {
		return nil, err
	}
	return s.readData(f.path, id, e.dataOff+uint64(e.pathLen), uint64(e.featLen))
}

// readAtFull reads len(p) bytes at off from r, an io.EOF before the end being an error.
func readAtFull(r io.ReaderAt, p []byte, off int64) error {
	n, err := r.ReadAt(p, off)
	if n == len(p) {
		return nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}
