package fingerprint

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
)

// fileCRC is the CRC-32C table (hardware-accelerated on amd64 and arm64).
var fileCRC = crc32.MakeTable(crc32.Castagnoli)

// fileHeader holds the header's fields (see the format in file.go).
type fileHeader struct {
	version, flags uint32
	fileLen        uint64
	tracks         uint64 // T
	postings       uint64
	dataLen        uint64 // D
	postLen        uint64 // C
	blocks         uint64 // K
	bodyCRC        uint32
	params         []byte
}

// size returns the header's length in bytes.
func (h *fileHeader) size() uint64 { return fileHeaderMin + uint64(len(h.params)) }

// Section offsets in the file.
func (h *fileHeader) tableOff() uint64 { return h.size() }
func (h *fileHeader) dataOff() uint64  { return h.tableOff() + fileTrackEntry*h.tracks }
func (h *fileHeader) postOff() uint64  { return h.dataOff() + h.dataLen }
func (h *fileHeader) dirOff() uint64   { return h.postOff() + h.postLen }

// marshal encodes the header with its checksum.
func (h *fileHeader) marshal() []byte {
	b := make([]byte, h.size())
	copy(b, fileMagic)
	le := binary.LittleEndian
	le.PutUint32(b[8:], h.version)
	le.PutUint32(b[12:], h.flags)
	le.PutUint64(b[16:], h.fileLen)
	le.PutUint64(b[24:], h.tracks)
	le.PutUint64(b[32:], h.postings)
	le.PutUint64(b[40:], h.dataLen)
	le.PutUint64(b[48:], h.postLen)
	le.PutUint64(b[56:], h.blocks)
	le.PutUint32(b[64:], h.bodyCRC)
	le.PutUint32(b[68:], uint32(len(h.params)))
	copy(b[fileHeaderFixed:], h.params)
	n := len(b) - 4
	le.PutUint32(b[n:], crc32.Checksum(b[:n], fileCRC))
	return b
}

// fileTrack is one track table entry.
type fileTrack struct {
	dataOff          uint64
	pathLen, featLen uint32
	duration         float64
}

func (t *fileTrack) marshal(b []byte) {
	le := binary.LittleEndian
	le.PutUint64(b, t.dataOff)
	le.PutUint32(b[8:], t.pathLen)
	le.PutUint32(b[12:], t.featLen)
	le.PutUint64(b[16:], math.Float64bits(t.duration))
}

func unmarshalTrack(b []byte) fileTrack {
	le := binary.LittleEndian
	return fileTrack{le.Uint64(b), le.Uint32(b[8:]), le.Uint32(b[12:]), math.Float64frombits(le.Uint64(b[16:]))}
}

// fileSnapshot is one opened version of an index file; an Add replaces it with a new one.
type fileSnapshot struct {
	exists bool        // false for a new index not written yet
	f      *os.File    // nil when not held open
	fi     os.FileInfo // the file's identity when opened, to notice another writer
	r      io.ReaderAt // the file, or mem
	mem    []byte      // the whole file, when small
	hdr    fileHeader
	params []byte

	seconds float64 // sum of the durations

	// the block directory
	blockHash []uint32
	blockOff  []uint64

	refs int // users, guarded by File.mu
}

func (s *fileSnapshot) close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

// openSnapshot opens and checks the index at path, reading it whole when it is at most
// memLimit bytes.
func openSnapshot(path string, memLimit int64) (*fileSnapshot, error) {
	f, err := openShared(path)
	if err != nil {
		return nil, err
	}
	s, err := readSnapshot(path, f, memLimit)
	if err != nil {
		f.Close()
		return nil, err
	}
	if s.mem != nil {
		if err := f.Close(); err != nil {
			return nil, err
		}
		s.r = bytes.NewReader(s.mem)
	} else {
		s.f, s.r = f, f
	}
	return s, nil
}

// readSnapshot checks the index in f: the header against the file's real size first (no
// buffer is sized from a field before that), then the whole body against its checksum and
// the track table and directory against the rules of the format.
func readSnapshot(path string, f *os.File, memLimit int64) (*fileSnapshot, error) {
	bad := func(format string, a ...any) error { return &IndexError{Path: path, Msg: fmt.Sprintf(format, a...)} }
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, bad("not a regular file")
	}
	size := fi.Size()
	if size == 0 {
		return nil, bad("not a leitmotif index (empty file)")
	}
	head := make([]byte, min(size, fileHeaderFixed))
	if err := readAtFull(f, head, 0); err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	if n := min(len(head), len(fileMagic)); string(head[:n]) != fileMagic[:n] {
		return nil, bad("not a leitmotif index (starts with %q)", head[:min(len(head), 8)])
	}
	if len(head) < fileHeaderFixed {
		return nil, bad("truncated (file has %d bytes, a header at least %d)", size, fileHeaderMin)
	}
	le := binary.LittleEndian
	h := fileHeader{
		version: le.Uint32(head[8:]), flags: le.Uint32(head[12:]), fileLen: le.Uint64(head[16:]),
		tracks: le.Uint64(head[24:]), postings: le.Uint64(head[32:]), dataLen: le.Uint64(head[40:]),
		postLen: le.Uint64(head[48:]), blocks: le.Uint64(head[56:]), bodyCRC: le.Uint32(head[64:]),
	}
	// The version first: a newer one may lay out everything after it otherwise.
	switch {
	case h.version > fileVersion:
		return nil, bad("version %d is newer than this program's %d (upgrade leitmotif to read it)", h.version, fileVersion)
	case h.version < 1:
		return nil, bad("unsupported version %d", h.version)
	}
	np := uint64(le.Uint32(head[68:]))
	if np > fileMaxParams {
		return nil, bad("corrupt header (parameters of %d bytes)", np)
	}
	hsize := fileHeaderMin + np
	if uint64(size) < hsize {
		return nil, bad("truncated (file has %d bytes, the header needs %d)", size, hsize)
	}
	rest := make([]byte, np+4)
	if err := readAtFull(f, rest, fileHeaderFixed); err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", path, err)
	}
	crc := crc32.Update(crc32.Checksum(head, fileCRC), fileCRC, rest[:np])
	if crc != le.Uint32(rest[np:]) {
		return nil, bad("header checksum mismatch (damaged)")
	}
	h.params = rest[:np:np]
	if h.flags != 0 {
		return nil, bad("unknown flags %#x (written by a newer program?)", h.flags)
	}
	switch {
	case uint64(size) < h.fileLen:
		return nil, bad("truncated (file has %d bytes, header says %d)", size, h.fileLen)
	case uint64(size) > h.fileLen:
		return nil, bad("%d bytes after the end of the index (file has %d bytes, header says %d)", uint64(size)-h.fileLen, size, h.fileLen)
	}
	// Each count is checked against the file size before it is multiplied, so the sums
	// cannot overflow.
	body := h.fileLen - hsize
	switch {
	case h.tracks > fileMaxTracks || h.tracks > body/fileTrackEntry:
		return nil, bad("corrupt header (%d tracks in %d bytes)", h.tracks, size)
	case h.blocks > fileMaxBlocks || h.blocks > body/fileDirEntry:
		return nil, bad("corrupt header (%d blocks in %d bytes)", h.blocks, size)
	case h.dataLen > body || h.postLen > body:
		return nil, bad("corrupt header (sections larger than the file)")
	case (h.postLen == 0) != (h.blocks == 0) || h.blocks > h.postLen:
		return nil, bad("corrupt header (%d blocks in %d bytes of postings)", h.blocks, h.postLen)
	}
	if sum := fileTrackEntry*h.tracks + h.dataLen + h.postLen + fileDirEntry*h.blocks; sum != body {
		return nil, bad("corrupt header (sections of %d bytes after a header of %d, file of %d)", sum, hsize, h.fileLen)
	}

	s := &fileSnapshot{exists: true, fi: fi, hdr: h, params: h.params}
	var r io.Reader
	if size <= memLimit {
		s.mem = make([]byte, size)
		if err := readAtFull(f, s.mem, 0); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = bytes.NewReader(s.mem[hsize:])
	} else {
		r = bufio.NewReaderSize(io.NewSectionReader(f, int64(hsize), int64(body)), 1<<16)
	}
	cr := &crcReader{r: r}
	serr := s.parseBody(path, cr)
	if serr != nil { // read on to tell damage (checksum) from a bad structure
		if _, err := io.Copy(io.Discard, cr); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var ioErr *fileReadError
	switch {
	case errors.As(serr, &ioErr):
		return nil, fmt.Errorf("%s: %w", path, ioErr.err)
	case cr.n != body:
		return nil, fmt.Errorf("%s: read %d bytes of %d", path, cr.n, body)
	case cr.crc != h.bodyCRC:
		return nil, bad("checksum mismatch (content damaged)")
	case serr != nil:
		return nil, serr
	}
	return s, nil
}

// fileReadError marks an I/O failure met while parsing, as opposed to a broken structure.
type fileReadError struct{ err error }

func (e *fileReadError) Error() string { return e.err.Error() }

// parseBody reads the body from r (positioned after the header): it checks the track table
// and sums the durations, passes over the data and postings, and loads the directory.
func (s *fileSnapshot) parseBody(path string, r io.Reader) error {
	bad := func(format string, a ...any) error { return &IndexError{Path: path, Msg: fmt.Sprintf(format, a...)} }
	h := &s.hdr
	var buf [fileTrackEntry]byte
	var end uint64 // where the next track's data must start
	for i := range h.tracks {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return &fileReadError{err}
		}
		t := unmarshalTrack(buf[:])
		switch {
		case t.dataOff != end:
			return bad("corrupt track table (track %d's data at %d, not %d)", i, t.dataOff, end)
		case uint64(t.pathLen)+uint64(t.featLen) > h.dataLen-end:
			return bad("corrupt track table (track %d's data past the end of its section)", i)
		case math.IsNaN(t.duration) || math.IsInf(t.duration, 0) || t.duration < 0:
			return bad("corrupt track table (track %d lasts %g s)", i, t.duration)
		}
		end += uint64(t.pathLen) + uint64(t.featLen)
		s.seconds += t.duration
	}
	if end != h.dataLen {
		return bad("corrupt track table (tracks' data ends at %d, its section at %d)", end, h.dataLen)
	}
	if _, err := io.CopyN(io.Discard, r, int64(h.dataLen+h.postLen)); err != nil {
		return &fileReadError{err}
	}
	s.blockHash = make([]uint32, h.blocks)
	s.blockOff = make([]uint64, h.blocks)
	var e [fileDirEntry]byte
	for i := range h.blocks {
		if _, err := io.ReadFull(r, e[:]); err != nil {
			return &fileReadError{err}
		}
		hash, off := binary.LittleEndian.Uint32(e[:]), binary.LittleEndian.Uint64(e[4:])
		switch {
		case i == 0 && off != 0:
			return bad("corrupt block directory (first block at %d)", off)
		case i > 0 && (off <= s.blockOff[i-1] || hash <= s.blockHash[i-1]):
			return bad("corrupt block directory (block %d does not follow block %d)", i, i-1)
		case off >= h.postLen:
			return bad("corrupt block directory (block %d past the end of the postings)", i)
		}
		s.blockHash[i], s.blockOff[i] = hash, off
	}
	return nil
}

// crcReader passes reads through, computing their CRC-32C and counting them.
type crcReader struct {
	r   io.Reader
	crc uint32
	n   uint64
}

func (c *crcReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.crc = crc32.Update(c.crc, fileCRC, p[:n])
	c.n += uint64(n)
	return n, err
}

// trackEntry returns track id's table entry.
func (s *fileSnapshot) trackEntry(path string, id uint32) (fileTrack, error) {
	if uint64(id) >= s.hdr.tracks {
		return fileTrack{}, fmt.Errorf("%s: no track %d (the index holds %d)", path, id, s.hdr.tracks)
	}
	var b [fileTrackEntry]byte
	if err := readAtFull(s.r, b[:], int64(s.hdr.tableOff()+fileTrackEntry*uint64(id))); err != nil {
		return fileTrack{}, fmt.Errorf("%s: reading track %d: %w", path, id, err)
	}
	t := unmarshalTrack(b[:])
	// Checked at open; checked again in case the file changed under us since.
	if t.dataOff > s.hdr.dataLen || uint64(t.pathLen)+uint64(t.featLen) > s.hdr.dataLen-t.dataOff {
		return fileTrack{}, &IndexError{Path: path, Msg: fmt.Sprintf("corrupt track table (track %d)", id)}
	}
	return t, nil
}

// readData returns n bytes at off in the data section.
func (s *fileSnapshot) readData(path string, id uint32, off, n uint64) ([]byte, error) {
	b := make([]byte, n)
	if err := readAtFull(s.r, b, int64(s.hdr.dataOff()+off)); err != nil {
		return nil, fmt.Errorf("%s: reading track %d: %w", path, id, err)
	}
	return b, nil
}
