package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// The Vorbis library (github.com/jfreymuth/vorbis v1.0.2 under
// github.com/jfreymuth/oggvorbis v1.0.5) sizes its buffers from header
// fields before it reads the data they describe, and reads past the end of
// a packet as zero bits instead of failing. What it allocates from them:
//
//   - per codebook, a Huffman table of 2·entries−2 uint32 and entries/2
//     bytes (0 entries wrap it to 4 Gi elements), entries·dimensions
//     float32 values, and lookup1_values (type 1) or entries·dimensions
//     (type 2) uint32 multiplicands: up to 2^24 × 65535 of each from one
//     codebook, and up to 256 codebooks;
//   - for the comment header, a slice of as many strings as its 32-bit
//     count says;
//   - channels × blocksize_1 floats several times over (channels up to 255,
//     block sizes up to 2^15), and per audio packet a residue
//     classification table of channels × (partitions + the classbook's
//     dimensions).
//
// Floors, residues, mappings and modes allocate only from fields of 4 to 8
// bits (a few KB at most), so the check stops after the codebooks.
//
// The codebook bounds sit far above what encoders write and far below what
// hurts. libvorbis, the reference decoder, refuses a codebook unless
// ilog(dimensions)+ilog(entries) ≤ 24 (Tremor also one of 0 entries or 0
// dimensions), so no playable stream has more than 2^24 values in one.
// libvorbis 1.3.7's encoder (oggenc 1.4.2 at every quality from -1 to 10,
// 1, 2, 6 and 8 channels, 8 to 96 kHz) writes at most 49 codebooks, 6561
// entries and 8 dimensions and 52,488 values in one codebook, and 105,341
// entries and values in all: the bounds leave 8 to 20 times that. At the
// bounds a stream costs about 9 MiB for one codebook and 18 MiB for all
// (the library takes 8 to 8.5 bytes an entry or value; TestOggCheckMemory).
const (
	maxCodebookEntries = 1 << 16 // entries of one codebook
	maxCodebookDims    = 64      // dimensions of one codebook
	maxCodebookValues  = 1 << 20 // entries × dimensions of one codebook
	maxSetupValues     = 1 << 21 // entries + entries × dimensions, over all codebooks
)

// Bounds on the bytes read to check the headers. libvorbis's setup headers
// take 2 to 11 KB (the identification header 30 bytes), so 1 MiB for either
// is generous. The comment header is scanned, never held whole, as it may
// carry cover art (METADATA_BLOCK_PICTURE, often hundreds of KB, sometimes
// MBs): the header pages may take 16 MiB in all. From a file those bytes
// are sought back over; from a pipe they are held, to be replayed.
const (
	maxHeaderPacket = 1 << 20
	maxHeaderPages  = 16 << 20
)

// setupStats summarises the codebooks of a setup header.
type setupStats struct {
	books                        int
	maxEntries, maxDims, maxVals uint64
	total                        uint64 // entries + entries × dimensions over all codebooks
}

// precheckVorbis checks the Vorbis headers at the start of r before the
// library reads them, and returns a reader that starts where r started: r
// itself, sought back, when it can seek, otherwise the bytes read replayed
// ahead of the rest of r.
func precheckVorbis(r io.Reader) (io.Reader, error) {
	s, seekable := r.(io.Seeker)
	if seekable {
		// A pipe wrapped in an *os.File is a Seeker whose Seek fails.
		if _, err := s.Seek(0, io.SeekCurrent); err != nil {
			seekable = false
		}
	}
	c := oggCheck{r: r, keep: !seekable}
	if _, err := c.run(); err != nil {
		return nil, err
	}
	if seekable {
		if err := seekBack(s, int(c.n)); err != nil {
			return nil, err
		}
		return r, nil
	}
	return io.MultiReader(bytes.NewReader(c.raw), r), nil
}

// checkVorbisHeaders reads the Ogg pages that carry the three Vorbis header
// packets at the start of r and checks them: page checksums and lacing, the
// identification header, the comment count, and every codebook of the setup
// header against the bounds above. It reads no further than the page that
// ends the setup header. A stream it refuses gives a *FormatError or an
// *UnsupportedError; an error reading r is returned as it is.
func checkVorbisHeaders(r io.Reader) (setupStats, error) {
	c := oggCheck{r: r}
	return c.run()
}

// oggCheck reassembles the header packets of an Ogg Vorbis stream from its
// pages, as the library does (it does not look at serial numbers, so every
// header page must belong to the first stream for the two to agree).
type oggCheck struct {
	r    io.Reader
	keep bool   // hold the bytes read, to replay them
	raw  []byte // the bytes read, when keep
	n    int64  // bytes read

	crc    [256]uint32
	pages  int
	serial uint32
	open   bool // the last page ended inside a packet

	packet  int    // header packet being assembled: 0 identification, 1 comment, 2 setup
	buf     []byte // the identification or setup packet so far
	comment commentScan
	stats   setupStats
}

// headerName names header packet i.
func headerName(i int) string {
	switch i {
	case 0:
		return "identification"
	case 1:
		return "comment"
	}
	return "setup"
}

// run reads pages until the setup header ends.
func (c *oggCheck) run() (setupStats, error) {
	c.crc = oggCRCTable()
	body := make([]byte, 255*255)
	for c.packet < 3 {
		if err := c.page(body); err != nil {
			return setupStats{}, err
		}
	}
	return c.stats, nil
}

// readFull reads len(p) bytes, counting them against maxHeaderPages. It
// returns how many it read, and io.ErrUnexpectedEOF when the stream ends
// first.
func (c *oggCheck) readFull(p []byte) (int, error) {
	if c.n+int64(len(p)) > maxHeaderPages {
		return 0, &FormatError{"vorbis", fmt.Sprintf("the Vorbis header pages take more than %d MiB", maxHeaderPages>>20)}
	}
	n, err := io.ReadFull(c.r, p)
	c.n += int64(n)
	if c.keep {
		c.raw = append(c.raw, p[:n]...)
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// truncated reports that the stream ends in header packet i, or passes on
// a failure to read.
func truncated(i int, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return &FormatError{"vorbis", "truncated " + headerName(min(i, 2)) + " header"}
	}
	return err
}

// page reads one Ogg page and hands its segments to the packets they
// belong to.
func (c *oggCheck) page(body []byte) error {
	var h [27]byte
	if _, err := c.readFull(h[:]); err != nil {
		return truncated(c.packet, err)
	}
	le := binary.LittleEndian
	switch {
	case string(h[:4]) != "OggS":
		return &FormatError{"vorbis", fmt.Sprintf("no Ogg page at byte %d", c.n-27)}
	case h[4] != 0:
		return &FormatError{"vorbis", fmt.Sprintf("Ogg page version %d (only 0 exists)", h[4])}
	}
	continued := h[5]&1 != 0
	serial := le.Uint32(h[14:])
	switch {
	case c.pages == 0:
		c.serial = serial
	case serial != c.serial:
		return &UnsupportedError{"ogg", "another logical stream interleaved with the Vorbis headers (only a lone Vorbis stream is read)"}
	}
	// The library reassembles packets without looking at this flag: it must
	// agree with the lacing of the page before, or the two would cut the
	// packets differently.
	if continued != c.open {
		if c.pages == 0 {
			return &FormatError{"vorbis", "the first Ogg page continues a packet"}
		}
		return &FormatError{"vorbis", fmt.Sprintf("Ogg page %d: the continued-packet flag contradicts the page before", c.pages)}
	}
	nseg := int(h[26])
	if nseg == 0 {
		// The library indexes the last lacing value unchecked.
		return &FormatError{"vorbis", fmt.Sprintf("Ogg page %d has no segments", c.pages)}
	}
	var lacing [255]byte
	if _, err := c.readFull(lacing[:nseg]); err != nil {
		return truncated(c.packet, err)
	}
	size := 0
	for _, l := range lacing[:nseg] {
		size += int(l)
	}
	body = body[:size]
	if n, err := c.readFull(body); err != nil {
		// Name the packet the missing bytes belong to.
		i, at := c.packet, 0
		for _, l := range lacing[:nseg] {
			if at+int(l) > n {
				break
			}
			if at += int(l); l < 255 {
				i++
			}
		}
		return truncated(i, err)
	}
	want := le.Uint32(h[22:])
	clear(h[22:26])
	crc := oggCRC(&c.crc, 0, h[:])
	crc = oggCRC(&c.crc, crc, lacing[:nseg])
	if oggCRC(&c.crc, crc, body) != want {
		return &FormatError{"vorbis", fmt.Sprintf("bad Ogg page checksum (page %d)", c.pages)}
	}
	c.pages++
	c.open = lacing[nseg-1] == 255
	off := 0
	for _, l := range lacing[:nseg] {
		if err := c.feed(body[off : off+int(l)]); err != nil {
			return err
		}
		off += int(l)
		if l < 255 {
			if err := c.end(); err != nil || c.packet == 3 {
				return err
			}
		}
	}
	return nil
}

// feed adds a segment to the packet being assembled.
func (c *oggCheck) feed(seg []byte) error {
	if c.packet == 1 {
		c.comment.feed(seg)
		return nil
	}
	if len(c.buf)+len(seg) > maxHeaderPacket {
		return &FormatError{"vorbis", fmt.Sprintf("%s header of more than %d KiB", headerName(c.packet), maxHeaderPacket>>10)}
	}
	c.buf = append(c.buf, seg...)
	return nil
}

// end checks the packet just completed.
func (c *oggCheck) end() error {
	var err error
	switch c.packet {
	case 0:
		err = checkIdentification(c.buf)
	case 1:
		err = c.comment.check()
	case 2:
		c.stats, err = checkSetup(c.buf)
	}
	c.buf = c.buf[:0]
	c.packet++
	return err
}

// checkIdentification checks the identification header as Vorbis I §4.2.2
// requires, and the channels and rate against this package's limits, before
// the library sizes channels × blocksize buffers from them.
func checkIdentification(p []byte) error {
	if len(p) < 7 || string(p[:7]) != "\x01vorbis" {
		return &FormatError{"vorbis", "the first packet is not a Vorbis identification header"}
	}
	if len(p) < 30 {
		return &FormatError{"vorbis", "truncated identification header"}
	}
	le := binary.LittleEndian
	version, ch, rate := le.Uint32(p[7:]), int(p[11]), le.Uint32(p[12:])
	bs0, bs1 := p[28]&15, p[28]>>4
	switch {
	case version != 0:
		return &UnsupportedError{"vorbis", fmt.Sprintf("Vorbis version %d (only 0 exists)", version)}
	case ch < 1 || ch > MaxChannels:
		return &FormatError{"vorbis", fmt.Sprintf("%d channels (1 to %d)", ch, MaxChannels)}
	case rate < 1 || rate > MaxSampleRate:
		return &FormatError{"vorbis", fmt.Sprintf("sample rate %d Hz is not from 1 to %d Hz", rate, MaxSampleRate)}
	case bs0 < 6 || bs1 > 13 || bs0 > bs1:
		return &FormatError{"vorbis", fmt.Sprintf("block sizes %d and %d (powers of two from 64 to 8192, the first no larger)", 1<<bs0, 1<<bs1)}
	case p[29]&1 == 0:
		return &FormatError{"vorbis", "identification header without its framing bit"}
	}
	return nil
}

// commentScan follows the comment header as its bytes go by, holding none
// of them: only the vendor length and the comment count matter, since the
// library makes a slice of as many strings as the count says.
type commentScan struct {
	n      uint64  // bytes seen
	sig    [7]byte // "\x03vorbis"
	vendor [4]byte // vendor string length, at 7
	count  [4]byte // number of comments, at 11 + vendor length
}

// feed passes the next bytes of the packet.
func (s *commentScan) feed(seg []byte) {
	capture(s.sig[:], 0, seg, s.n)
	capture(s.vendor[:], 7, seg, s.n)
	if s.n+uint64(len(seg)) >= 11 {
		capture(s.count[:], 11+uint64(binary.LittleEndian.Uint32(s.vendor[:])), seg, s.n)
	}
	s.n += uint64(len(seg))
}

// check refuses a comment count that the packet cannot hold (each comment
// takes at least its 4-byte length). A header too short to hold the count
// is let through: the library then allocates nothing from it.
func (s *commentScan) check() error {
	if s.n < 7 || string(s.sig[:]) != "\x03vorbis" {
		return &FormatError{"vorbis", "the second packet is not a Vorbis comment header"}
	}
	at := 15 + uint64(binary.LittleEndian.Uint32(s.vendor[:]))
	if s.n < at {
		return nil
	}
	count, room := binary.LittleEndian.Uint32(s.count[:]), s.n-at
	if uint64(count) > room/4 {
		return &FormatError{"vorbis", fmt.Sprintf("comment header declares %d comments in %d bytes", count, room)}
	}
	return nil
}

// capture copies into dst the bytes of the packet from offset at that seg,
// which starts at offset off of the packet, holds.
func capture(dst []byte, at uint64, seg []byte, off uint64) {
	for i := range dst {
		if p := at + uint64(i); p >= off && p-off < uint64(len(seg)) {
			dst[i] = seg[p-off]
		}
	}
}

// checkSetup parses the codebooks of a setup header (Vorbis I §3.2.1) and
// refuses one whose sizes pass the bounds above, whose codeword lengths
// cannot form a prefix code, or that the packet does not hold. It stops
// after the last codebook.
func checkSetup(p []byte) (setupStats, error) {
	var st setupStats
	if len(p) < 7 || string(p[:7]) != "\x05vorbis" {
		return st, &FormatError{"vorbis", "the third packet is not a Vorbis setup header"}
	}
	r := bitReader{b: p[7:]}
	st.books = int(r.read(8)) + 1
	for i := range st.books {
		if err := checkCodebook(&r, i, &st); err != nil {
			return st, err
		}
		if r.short {
			break
		}
	}
	if r.short {
		return st, &FormatError{"vorbis", "truncated setup header"}
	}
	return st, nil
}

// checkCodebook parses codebook i from r, adding it to st. It returns nil
// when r runs out (r.short), which the caller reports.
func checkCodebook(r *bitReader, i int, st *setupStats) error {
	if sync := r.read(24); sync != 0x564342 && !r.short {
		return &FormatError{"vorbis", fmt.Sprintf("codebook %d does not start with its sync pattern", i)}
	}
	dims, entries := uint64(r.read(16)), uint64(r.read(24))
	if r.short {
		return nil
	}
	if entries == 0 || dims == 0 || entries > maxCodebookEntries || dims > maxCodebookDims || entries*dims > maxCodebookValues {
		return &FormatError{"vorbis", fmt.Sprintf("codebook %d declares %d entries of %d dimensions (1 to %d entries, 1 to %d dimensions, %d values)",
			i, entries, dims, maxCodebookEntries, maxCodebookDims, maxCodebookValues)}
	}
	// Kraft's sum, in units of 2^-32: over 2^32 the lengths overfill the
	// Huffman tree (libvorbis refuses that too).
	var kraft uint64
	if ordered := r.read(1) == 1; !ordered {
		sparse := r.read(1) == 1
		for range entries {
			if sparse && r.read(1) == 0 {
				continue
			}
			kraft += 1 << (31 - r.read(5))
			if r.short {
				return nil
			}
		}
	} else {
		length := r.read(5) + 1
		for e := uint64(0); e < entries; length++ {
			num := uint64(r.read(ilog(entries - e)))
			switch {
			case r.short:
				return nil
			case num > entries-e:
				return &FormatError{"vorbis", fmt.Sprintf("codebook %d: ordered codeword lengths for more than its %d entries", i, entries)}
			case length > 32:
				return &FormatError{"vorbis", fmt.Sprintf("codebook %d: codewords longer than 32 bits", i)}
			}
			kraft += num << (32 - length)
			e += num
		}
	}
	if kraft > 1<<32 {
		return &FormatError{"vorbis", fmt.Sprintf("codebook %d: codeword lengths overfill the Huffman tree", i)}
	}
	vals := entries * dims
	switch lookup := r.read(4); {
	case r.short:
		return nil
	case lookup == 0:
		vals = 0 // a scalar codebook: the library keeps no values
	case lookup <= 2:
		r.skip(64) // minimum and delta
		bits := uint64(r.read(4)) + 1
		r.skip(1) // sequence_p
		mults := vals
		if lookup == 1 {
			mults = lookup1Values(entries, dims)
			// The library computes ⌊entries^(1/dims)⌋ in floating point,
			// one short for 34 perfect powers within the bounds (8 = 2^3
			// the least); it would read fewer multiplicands and the
			// codebooks after this one from the wrong bits.
			if lib := uint64(math.Pow(float64(entries), 1/float64(dims))); lib != mults {
				return &UnsupportedError{"vorbis", fmt.Sprintf("codebook %d: %d entries of %d dimensions, which the decoder takes for %d values a dimension instead of %d", i, entries, dims, lib, mults)}
			}
		}
		r.skip(mults * bits)
	default:
		return &FormatError{"vorbis", fmt.Sprintf("codebook %d: lookup type %d (0 to 2)", i, lookup)}
	}
	st.maxEntries = max(st.maxEntries, entries)
	st.maxDims = max(st.maxDims, dims)
	st.maxVals = max(st.maxVals, vals)
	// Every codebook stays under the bounds, so 256 of them cannot overflow.
	st.total += entries + vals
	if st.total > maxSetupValues {
		return &FormatError{"vorbis", fmt.Sprintf("codebooks 0 to %d declare %d entries and values in all (at most %d)", i, st.total, maxSetupValues)}
	}
	return nil
}

// lookup1Values is the greatest r with r^dims ≤ entries (Vorbis I §9.2.3).
func lookup1Values(entries, dims uint64) uint64 {
	r := uint64(math.Pow(float64(entries), 1/float64(dims)))
	for r > 0 && !powAtMost(r, dims, entries) {
		r--
	}
	for powAtMost(r+1, dims, entries) {
		r++
	}
	return r
}

// powAtMost reports whether b^e ≤ limit, without overflowing.
func powAtMost(b, e, limit uint64) bool {
	p := uint64(1)
	for range e {
		if b != 0 && p > limit/b {
			return false
		}
		p *= b
	}
	return p <= limit
}

// ilog is the number of bits x needs (Vorbis I §9.2.1).
func ilog(x uint64) uint {
	n := uint(0)
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}

// bitReader reads a packet LSB first, as Vorbis packs it. Past the end it
// returns zeros and sets short, so that a parse checks once per step.
type bitReader struct {
	b     []byte
	pos   uint64 // bits read
	short bool
}

// read returns the next n bits (n ≤ 32).
func (r *bitReader) read(n uint) uint32 {
	if uint64(n) > uint64(len(r.b))*8-r.pos {
		r.pos, r.short = uint64(len(r.b))*8, true
		return 0
	}
	var v uint32
	for i := range n {
		v |= uint32(r.b[r.pos>>3]>>(r.pos&7)&1) << i
		r.pos++
	}
	return v
}

// skip passes over n bits.
func (r *bitReader) skip(n uint64) {
	if n > uint64(len(r.b))*8-r.pos {
		r.pos, r.short = uint64(len(r.b))*8, true
		return
	}
	r.pos += n
}

// oggCRCTable returns the table of the Ogg page checksum: CRC-32 with the
// polynomial 0x04c11db7, MSB first, initial value 0, no final xor.
func oggCRCTable() [256]uint32 {
	var t [256]uint32
	for i := range t {
		r := uint32(i) << 24
		for range 8 {
			if r&0x80000000 != 0 {
				r = r<<1 ^ 0x04c11db7
			} else {
				r <<= 1
			}
		}
		t[i] = r
	}
	return t
}

// oggCRC adds p to the checksum crc.
func oggCRC(t *[256]uint32, crc uint32, p []byte) uint32 {
	for _, b := range p {
		crc = crc<<8 ^ t[byte(crc>>24)^b]
	}
	return crc
}
