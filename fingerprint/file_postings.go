package fingerprint

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// comparePostings orders postings as the postings section does: by hash, track, time.
func comparePostings(a, b Posting) int {
	if c := cmp.Compare(a.Hash, b.Hash); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Track, b.Track); c != 0 {
		return c
	}
	return cmp.Compare(a.Time, b.Time)
}

// postingsEncoder writes sorted postings as the postings section (see the format in file.go)
// and collects its block directory.
type postingsEncoder struct {
	w      io.Writer
	target int // a block is cut before a new hash once it holds this many postings

	off       uint64 // bytes written
	count     uint64 // postings written
	blockHash []uint32
	blockOff  []uint64
	blockN    int // postings in the current block

	// the group being built: its postings are encoded in buf until its count is known
	inGroup     bool
	gHash       uint32
	gN          int
	buf         []byte
	prev        Posting // last posting added
	started     bool    // a group has been written
	writtenHash uint32  // hash of the last group written
}

// newPostingsEncoder writes a section of about total postings to w.
func newPostingsEncoder(w io.Writer, total uint64) *postingsEncoder {
	target := uint64(fileBlockPostings)
	if t := total / fileMaxDirTarget; t > target {
		target = t
	}
	return &postingsEncoder{w: w, target: int(min(target, math.MaxInt32))}
}

// add appends p, which must not sort before the previous posting.
func (e *postingsEncoder) add(p Posting) error {
	if e.inGroup || e.started {
		if comparePostings(p, e.prev) < 0 {
			return errors.New("postings out of order") // a bug: the merge sorts them
		}
	}
	if e.inGroup && (p.Hash != e.gHash || e.gN == fileMaxGroup) {
		if err := e.flush(); err != nil {
			return err
		}
	}
	if !e.inGroup {
		e.inGroup, e.gHash, e.gN, e.buf = true, p.Hash, 0, e.buf[:0]
		e.buf = binary.AppendUvarint(e.buf, uint64(p.Track))
		e.buf = binary.AppendUvarint(e.buf, uint64(p.Time))
	} else if d := p.Track - e.prev.Track; d == 0 {
		e.buf = binary.AppendUvarint(e.buf, 0)
		e.buf = binary.AppendUvarint(e.buf, uint64(p.Time-e.prev.Time))
	} else {
		e.buf = binary.AppendUvarint(e.buf, uint64(d))
		e.buf = binary.AppendUvarint(e.buf, uint64(p.Time))
	}
	e.gN++
	e.prev = p
	return nil
}

// flush writes the group being built, starting a block before it when due.
func (e *postingsEncoder) flush() error {
	var head [2 * binary.MaxVarintLen32]byte
	h := head[:0]
	if !e.started || (e.gHash != e.writtenHash && e.blockN >= e.target) {
		e.blockHash = append(e.blockHash, e.gHash)
		e.blockOff = append(e.blockOff, e.off)
		e.blockN = 0
	} else {
		h = binary.AppendUvarint(h, uint64(e.gHash-e.writtenHash))
	}
	h = binary.AppendUvarint(h, uint64(e.gN))
	if _, err := e.w.Write(h); err != nil {
		return err
	}
	if _, err := e.w.Write(e.buf); err != nil {
		return err
	}
	e.off += uint64(len(h) + len(e.buf))
	e.blockN += e.gN
	e.count += uint64(e.gN)
	e.started, e.writtenHash, e.inGroup = true, e.gHash, false
	return nil
}

// finish writes the last group.
func (e *postingsEncoder) finish() error {
	if e.inGroup {
		return e.flush()
	}
	return nil
}

// postingsReader reads the postings section of a snapshot through a buffer, or straight
// from memory when the file is held there.
type postingsReader struct {
	s          *fileSnapshot
	path       string
	mem        []byte // the section, when in memory
	chunk      int    // the most read at once, unless a single value needs more
	sequential bool   // read ahead past the end of blocks
	buf        []byte
	bufOff     uint64 // section offset of buf[0]
}

func (s *fileSnapshot) postingsReader(path string, chunk int) *postingsReader {
	r := &postingsReader{s: s, path: path, chunk: chunk}
	if s.mem != nil {
		r.mem = s.mem[s.hdr.postOff():s.hdr.dirOff()]
	}
	return r
}

// window returns the section's bytes from off up to end (the end of a block): all of them
// or at least want.
func (r *postingsReader) window(off, end uint64, want int) ([]byte, error) {
	if r.mem != nil {
		return r.mem[off:end], nil
	}
	if off >= r.bufOff && off <= r.bufOff+uint64(len(r.buf)) {
		b := r.buf[off-r.bufOff:]
		if uint64(len(b)) >= min(uint64(want), end-off) {
			return b[:min(uint64(len(b)), end-off)], nil
		}
	}
	// A lookup reads to the end of the block (at most chunk bytes at once, at least want); a
	// merge reads on, chunk bytes at a time.
	n := uint64(r.chunk)
	if !r.sequential {
		n = min(end-off, n)
	}
	n = min(max(n, uint64(want)), r.s.hdr.postLen-off)
	if uint64(cap(r.buf)) < n {
		r.buf = make([]byte, n)
	}
	r.buf, r.bufOff = r.buf[:n], off
	if err := readAtFull(r.s.r, r.buf, int64(r.s.hdr.postOff()+off)); err != nil {
		r.buf = r.buf[:0]
		return nil, fmt.Errorf("%s: reading postings: %w", r.path, err)
	}
	return r.buf[:min(n, end-off)], nil
}

// blockCursor decodes one block, checking every rule of the format as it goes.
type blockCursor struct {
	r        *postingsReader
	block    int
	off, end uint64 // position and end of the block in the section
	limit    uint64 // hashes must be below it (the next block's first hash), if haveLimit
	hasLimit bool
	first    bool // no group read yet

	hash  uint32  // the group's hash
	left  int     // postings left in the group
	fresh bool    // the next posting is the group's first
	cont  bool    // the group continues the previous group's hash
	prev  Posting // the last posting read
}

// start positions c at the beginning of block b.
func (c *blockCursor) start(r *postingsReader, b int) {
	s := r.s
	*c = blockCursor{r: r, block: b, off: s.blockOff[b], end: s.hdr.postLen, first: true, hash: s.blockHash[b]}
	if b+1 < len(s.blockOff) {
		c.end, c.limit, c.hasLimit = s.blockOff[b+1], uint64(s.blockHash[b+1]), true
	}
}

func (c *blockCursor) corrupt(what string) error {
	return &IndexError{Path: c.r.path, Msg: fmt.Sprintf("corrupt postings (block %d: %s)", c.block, what)}
}

// uvarint32 decodes a uvarint below 2^32 from b, returning it and its length, or a length
// of 0 if b does not start with one.
func uvarint32(b []byte) (uint32, int) {
	if len(b) > 0 && b[0] < 0x80 { // most values
		return uint32(b[0]), 1
	}
	v, n := binary.Uvarint(b)
	if n <= 0 || v > math.MaxUint32 {
		return 0, 0
	}
	return uint32(v), n
}

// uvarint reads one value below 2^32.
func (c *blockCursor) uvarint() (uint32, error) {
	b, err := c.r.window(c.off, c.end, binary.MaxVarintLen32)
	if err != nil {
		return 0, err
	}
	v, n := uvarint32(b)
	if n == 0 {
		return 0, c.corrupt("bad or cut varint")
	}
	c.off += uint64(n)
	return v, nil
}

// group reads the next group's header, returning its hash and count; ok is false at the end
// of the block. The previous group's postings must all have been read.
func (c *blockCursor) group() (hash uint32, n int, ok bool, err error) {
	if c.left > 0 {
		return 0, 0, false, errors.New("fingerprint: internal error: group not read to its end")
	}
	if c.off == c.end {
		if c.first {
			return 0, 0, false, c.corrupt("empty")
		}
		return 0, 0, false, nil
	}
	c.cont = false
	if !c.first {
		d, err := c.uvarint()
		if err != nil {
			return 0, 0, false, err
		}
		if uint64(c.hash)+uint64(d) > math.MaxUint32 {
			return 0, 0, false, c.corrupt("hash overflow")
		}
		c.cont = d == 0
		c.hash += d
	}
	c.first = false
	if c.hasLimit && uint64(c.hash) >= c.limit {
		return 0, 0, false, c.corrupt("hash beyond the next block's")
	}
	v, err := c.uvarint()
	if err != nil {
		return 0, 0, false, err
	}
	if v < 1 || v > fileMaxGroup {
		return 0, 0, false, c.corrupt(fmt.Sprintf("group of %d postings", v))
	}
	c.left, c.fresh = int(v), true
	return c.hash, int(v), true, nil
}

// posting reads the group's next posting.
func (c *blockCursor) posting() (Posting, error) {
	if c.left == 0 {
		return Posting{}, errors.New("fingerprint: internal error: read past a group")
	}
	w, err := c.r.window(c.off, c.end, 2*binary.MaxVarintLen32) // both values at once
	if err != nil {
		return Posting{}, err
	}
	a, n := uvarint32(w)
	b, m := uvarint32(w[n:])
	if n == 0 || m == 0 {
		return Posting{}, c.corrupt("bad or cut varint")
	}
	c.off += uint64(n + m)
	p := Posting{Hash: c.hash, Track: a, Time: b}
	switch {
	case c.fresh:
		if c.cont && comparePostings(p, c.prev) < 0 {
			return Posting{}, c.corrupt("postings out of order")
		}
	case a == 0:
		if uint64(c.prev.Time)+uint64(b) > math.MaxUint32 {
			return Posting{}, c.corrupt("time overflow")
		}
		p.Track, p.Time = c.prev.Track, c.prev.Time+b
	default:
		if uint64(c.prev.Track)+uint64(a) > math.MaxUint32 {
			return Posting{}, c.corrupt("track overflow")
		}
		p.Track = c.prev.Track + a
	}
	if uint64(p.Track) >= c.r.s.hdr.tracks {
		return Posting{}, c.corrupt(fmt.Sprintf("track %d of %d", p.Track, c.r.s.hdr.tracks))
	}
	c.fresh = false
	c.left--
	c.prev = p
	return p, nil
}

// postingsIter reads a snapshot's postings section in order, for a merge.
type postingsIter struct {
	r     *postingsReader
	c     blockCursor
	block int // the block c reads, -1 before the first
	count uint64
}

func (s *fileSnapshot) postingsIter(path string) *postingsIter {
	r := s.postingsReader(path, 1<<18)
	r.sequential = true
	return &postingsIter{r: r, block: -1}
}

// next returns the next posting; ok is false after the last.
func (it *postingsIter) next() (p Posting, ok bool, err error) {
	s := it.r.s
	for it.c.left == 0 {
		if it.block >= 0 {
			_, _, ok, err := it.c.group()
			if err != nil {
				return Posting{}, false, err
			}
			if ok {
				break
			}
		}
		if it.block+1 >= len(s.blockOff) {
			if it.count != s.hdr.postings {
				return Posting{}, false, &IndexError{Path: it.r.path, Msg: fmt.Sprintf("corrupt postings (%d, header says %d)", it.count, s.hdr.postings)}
			}
			return Posting{}, false, nil
		}
		it.block++
		it.c.start(it.r, it.block)
	}
	p, err = it.c.posting()
	if err != nil {
		return Posting{}, false, err
	}
	it.count++
	return p, true, nil
}
