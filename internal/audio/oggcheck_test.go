package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// bitWriter packs bits LSB first, as Vorbis does.
type bitWriter struct {
	b []byte
	n uint64 // bits written
}

func newBitWriter(prefix string) *bitWriter {
	return &bitWriter{b: []byte(prefix), n: 8 * uint64(len(prefix))}
}

func (w *bitWriter) put(v uint64, bits uint) {
	for i := range bits {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		w.b[len(w.b)-1] |= byte(v>>i&1) << (w.n % 8)
		w.n++
	}
}

// zeros writes n zero bits.
func (w *bitWriter) zeros(n uint64) {
	w.n += n
	for uint64(len(w.b)) < (w.n+7)/8 {
		w.b = append(w.b, 0)
	}
}

// idHeader is an identification header: rate Hz, ch channels, block sizes
// 2^bs0 and 2^bs1.
func idHeader(ch byte, rate uint32, bs0, bs1 byte) []byte {
	p := []byte("\x01vorbis\x00\x00\x00\x00")
	p = append(p, ch)
	p = binary.LittleEndian.AppendUint32(p, rate)
	p = append(p, make([]byte, 12)...) // bit rates
	return append(p, bs1<<4|bs0, 1)
}

// commentHeader is a comment header that declares count comments and holds
// the given ones.
func commentHeader(vendor string, count uint32, comments ...string) []byte {
	p := []byte("\x03vorbis")
	p = binary.LittleEndian.AppendUint32(p, uint32(len(vendor)))
	p = append(p, vendor...)
	p = binary.LittleEndian.AppendUint32(p, count)
	for _, c := range comments {
		p = binary.LittleEndian.AppendUint32(p, uint32(len(c)))
		p = append(p, c...)
	}
	return append(p, 1)
}

// book describes a codebook to write: its codeword lengths are ordered, all
// of the least length that can tell the entries apart.
type book struct {
	dims, entries uint64
	lookup        uint64 // 0, 1 or 2
	cut           bool   // stop after the lookup fields, before the multiplicands
}

func (b book) write(w *bitWriter) {
	w.put(0x564342, 24)
	w.put(b.dims, 16)
	w.put(b.entries, 24)
	w.put(1, 1) // ordered
	w.put(uint64(max(1, ilog(b.entries-1))-1), 5)
	w.put(b.entries, ilog(b.entries)) // one run: every entry
	w.put(b.lookup, 4)
	if b.lookup == 0 {
		return
	}
	w.put(0, 32) // minimum
	w.put(0, 32) // delta
	w.put(0, 4)  // 1-bit multiplicands
	w.put(0, 1)  // sequence_p
	if b.cut {
		return
	}
	if b.lookup == 1 {
		w.zeros(lookup1Values(b.entries, b.dims))
	} else {
		w.zeros(b.entries * b.dims)
	}
}

// setupHeader is a setup header holding the codebooks and nothing after
// them (the check stops there; the library refuses it later).
func setupHeader(books ...book) []byte {
	w := newBitWriter("\x05vorbis")
	w.put(uint64(len(books)-1), 8)
	for _, b := range books {
		b.write(w)
	}
	return w.b
}

// rawSetup is a setup header of one codebook whose body body writes, after
// the sync pattern.
func rawSetup(body func(w *bitWriter)) []byte {
	w := newBitWriter("\x05vorbis")
	w.put(0, 8)
	w.put(0x564342, 24)
	body(w)
	return w.b
}

// testPage is an Ogg page before its checksum is computed.
type testPage struct {
	flags          byte
	serial, seq    uint32
	lacing, body   []byte
	corruptedCheck bool
}

// paginate lays packets out on pages as libogg flushes headers: each
// packet starts a page, and a page holds at most 255 lacing values.
func paginate(packets ...[]byte) []testPage {
	var pages []testPage
	for _, pk := range packets {
		var lacing []byte
		for n := len(pk); ; n -= 255 {
			if n < 255 {
				lacing = append(lacing, byte(n))
				break
			}
			lacing = append(lacing, 255)
		}
		cont := false
		for off := 0; len(lacing) > 0; cont = true {
			k := min(255, len(lacing))
			size := 0
			for _, l := range lacing[:k] {
				size += int(l)
			}
			p := testPage{serial: 0x1234, seq: uint32(len(pages)), lacing: lacing[:k], body: pk[off : off+size]}
			if len(pages) == 0 {
				p.flags |= 2 // beginning of stream
			}
			if cont {
				p.flags |= 1
			}
			pages = append(pages, p)
			off += size
			lacing = lacing[k:]
		}
	}
	return pages
}

// join encodes pages with their checksums.
func join(pages []testPage) []byte {
	t := oggCRCTable()
	var out []byte
	for _, p := range pages {
		b := make([]byte, 27, 27+len(p.lacing)+len(p.body))
		copy(b, "OggS")
		b[5] = p.flags
		binary.LittleEndian.PutUint32(b[14:], p.serial)
		binary.LittleEndian.PutUint32(b[18:], p.seq)
		b[26] = byte(len(p.lacing))
		b = append(append(b, p.lacing...), p.body...)
		crc := oggCRC(&t, 0, b)
		if p.corruptedCheck {
			crc ^= 1
		}
		binary.LittleEndian.PutUint32(b[22:], crc)
		out = append(out, b...)
	}
	return out
}

// smallBook is a codebook like libvorbis's residue books.
func smallBook() book { return book{dims: 4, entries: 81, lookup: 1} }

// headers is an Ogg stream of the three header packets.
func headers(id, comment, setup []byte) []byte { return join(paginate(id, comment, setup)) }

func goodID() []byte      { return idHeader(1, 44100, 8, 11) }
func goodComment() []byte { return commentHeader("leitmotif test", 1, "TITLE=test") }

// hugeCodebook declares 2^24-1 entries of 65535 dimensions with a type 2
// lookup, which the library would meet by allocating 2^24 × 65535 uint32.
func hugeCodebook() []byte {
	return headers(goodID(), goodComment(), setupHeader(book{dims: 65535, entries: 1<<24 - 1, lookup: 2, cut: true}))
}

// craftedOggStreams are small streams for the fuzz seeds: sound headers and
// lying ones.
func craftedOggStreams() [][]byte {
	good := paginate(goodID(), goodComment(), setupHeader(smallBook(), book{dims: 2, entries: 289, lookup: 2}))
	bad := paginate(goodID(), goodComment(), setupHeader(smallBook()))
	bad[len(bad)-1].corruptedCheck = true
	return [][]byte{
		join(good),
		hugeCodebook(),
		join(bad),
		headers(goodID(), commentHeader("v", 1<<32-1), setupHeader(smallBook())),
		headers(idHeader(255, 44100, 15, 15), goodComment(), setupHeader(smallBook())),
	}
}

// oggFixtures are the Ogg Vorbis streams of testdata/formats.
func oggFixtures(t *testing.T) []string {
	names, err := filepath.Glob(filepath.Join(fixtures, "*.ogg"))
	if err != nil || len(names) == 0 {
		t.Fatal("no Ogg fixtures", err)
	}
	return names
}

// Every Ogg Vorbis fixture passes, well within the bounds, and the check
// hands on the stream from its first byte, from a file and from a pipe.
func TestOggCheckFixtures(t *testing.T) {
	for _, name := range oggFixtures(t) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		st, err := checkVorbisHeaders(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if st.maxEntries*8 > maxCodebookEntries || st.maxDims*8 > maxCodebookDims || st.maxVals*8 > maxCodebookValues || st.total*8 > maxSetupValues {
			t.Errorf("%s: %+v, within 8 times the bounds", name, st)
		}
		for _, r := range []io.Reader{bytes.NewReader(data), struct{ io.Reader }{bytes.NewReader(data)}} {
			rr, err := precheckVorbis(r)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got, _ := io.ReadAll(rr); !bytes.Equal(got, data) {
				t.Errorf("%s (%T): %d bytes after the check, want the %d of the stream", name, r, len(got), len(data))
			}
		}
	}
}

func TestOggCheckRefuses(t *testing.T) {
	stream := func(packets ...[]byte) func() []byte {
		return func() []byte { return join(paginate(packets...)) }
	}
	// mutate returns the pages of the good headers, changed by f.
	mutate := func(f func([]testPage) []testPage) func() []byte {
		return func() []byte { return join(f(paginate(goodID(), goodComment(), setupHeader(smallBook())))) }
	}
	books := func(n int, b book) []book {
		bs := make([]book, n)
		for i := range bs {
			bs[i] = b
		}
		return bs
	}
	id, cm, su := goodID(), goodComment(), setupHeader(smallBook())
	var (
		format      = &FormatError{}
		unsupported = &UnsupportedError{}
	)
	for _, tc := range []struct {
		name   string
		stream func() []byte
		want   error // its type
		msg    string
	}{
		{"huge codebook", hugeCodebook, format, "codebook 0 declares 16777215 entries of 65535 dimensions"},
		{"no entries", stream(id, cm, setupHeader(book{dims: 1, entries: 0})), format, "declares 0 entries"},
		{"no dimensions", stream(id, cm, setupHeader(book{dims: 0, entries: 8})), format, "8 entries of 0 dimensions"},
		{"entries over the bound", stream(id, cm, setupHeader(book{dims: 1, entries: maxCodebookEntries + 1})), format, "65537 entries of 1 dimensions"},
		{"dimensions over the bound", stream(id, cm, setupHeader(book{dims: maxCodebookDims + 1, entries: 1, lookup: 1})), format, "1 entries of 65 dimensions"},
		{"values over the bound", stream(id, cm, setupHeader(book{dims: 64, entries: 16385, lookup: 2, cut: true})), format, "16385 entries of 64 dimensions"},
		{"second codebook over the bound", stream(id, cm, setupHeader(smallBook(), book{dims: 65535, entries: 1, lookup: 1})), format, "codebook 1 declares"},
		{"codebooks over the bound together", stream(id, cm, setupHeader(books(33, book{dims: 1, entries: 1 << 16})...)), format, "codebooks 0 to 32 declare 2162688"},
		{"bad sync pattern", stream(id, cm, append(su[:8:8], 0, 0, 0, 0, 0, 0)), format, "codebook 0 does not start with its sync pattern"},
		{"ordered lengths past the entries", stream(id, cm, rawSetup(func(w *bitWriter) {
			w.put(1, 16)
			w.put(4, 24)
			w.put(1, 1)  // ordered
			w.put(1, 5)  // length 2
			w.put(5, 3)  // 5 of 4 entries
			w.put(0, 32) // padding
		})), format, "ordered codeword lengths for more than its 4 entries"},
		{"ordered lengths past 32 bits", stream(id, cm, rawSetup(func(w *bitWriter) {
			w.put(1, 16)
			w.put(4, 24)
			w.put(1, 1)  // ordered
			w.put(30, 5) // length 31
			w.put(0, 3)  // none of length 31
			w.put(0, 3)  // none of 32
			w.put(0, 3)  // none of 33
			w.put(0, 32) // padding
		})), format, "codewords longer than 32 bits"},
		{"overfull Huffman tree", stream(id, cm, rawSetup(func(w *bitWriter) {
			w.put(1, 16)
			w.put(3, 24)
			w.put(0, 1) // unordered
			w.put(0, 1) // not sparse
			for range 3 {
				w.put(0, 5) // length 1
			}
			w.put(0, 4)
		})), format, "overfill the Huffman tree"},
		{"lookup1_values the library miscounts", stream(id, cm, setupHeader(book{dims: 3, entries: 8, lookup: 1})), unsupported, "codebook 0: 8 entries of 3 dimensions, which the decoder takes for 1 values a dimension instead of 2"},
		{"lookup type 3", stream(id, cm, rawSetup(func(w *bitWriter) {
			w.put(1, 16)
			w.put(2, 24)
			w.put(1, 1) // ordered
			w.put(0, 5) // length 1
			w.put(2, 2) // both
			w.put(3, 4)
		})), format, "lookup type 3"},
		{"truncated setup packet", stream(id, cm, su[:len(su)-10]), format, "truncated setup header"},
		{"setup over 1 MiB", stream(id, cm, append(setupHeader(smallBook()), make([]byte, maxHeaderPacket)...)), format, "setup header of more than 1024 KiB"},
		{"stream cut in the setup header", func() []byte { b := headers(id, cm, su); return b[:len(b)-10] }, format, "truncated setup header"},
		{"stream cut in the comment header", func() []byte { return headers(id, cm, su)[:58+30] }, format, "truncated comment header"},
		{"stream cut in the identification header", func() []byte { return headers(id, cm, su)[:40] }, format, "truncated identification header"},
		{"stream cut after the identification header", func() []byte { return headers(id, cm, su)[:58] }, format, "truncated comment header"},
		{"bad checksum", mutate(func(p []testPage) []testPage { p[2].corruptedCheck = true; return p }), format, "bad Ogg page checksum (page 2)"},
		{"bad checksum on the first page", mutate(func(p []testPage) []testPage { p[0].corruptedCheck = true; return p }), format, "bad Ogg page checksum (page 0)"},
		{"another stream's page", mutate(func(p []testPage) []testPage { p[1].serial++; return p }), unsupported, "another logical stream"},
		{"first page continues a packet", mutate(func(p []testPage) []testPage { p[0].flags |= 1; return p }), format, "first Ogg page continues a packet"},
		{"continued flag on a fresh packet", mutate(func(p []testPage) []testPage { p[1].flags |= 1; return p }), format, "Ogg page 1: the continued-packet flag"},
		{"page without segments", mutate(func(p []testPage) []testPage { p[1].lacing, p[1].body = nil, nil; return p }), format, "Ogg page 1 has no segments"},
		{"page version 1", func() []byte { b := headers(id, cm, su); b[4] = 1; return b }, format, "Ogg page version 1"},
		{"no capture pattern", func() []byte { b := headers(id, cm, su); return b[1:] }, format, "no Ogg page at byte 0"},
		{"garbage after the first page", func() []byte { b := headers(id, cm, su); copy(b[58:], "Ogg!"); return b }, format, "no Ogg page at byte 58"},
		{"empty", func() []byte { return nil }, format, "truncated identification header"},
		{"not Vorbis", stream([]byte("OpusHead\x01\x01"), cm, su), format, "first packet is not a Vorbis identification header"},
		{"headers out of order", stream(id, su, cm), format, "second packet is not a Vorbis comment header"},
		{"setup missing", stream(id, cm, cm), format, "third packet is not a Vorbis setup header"},
		{"short identification header", stream(id[:29], cm, su), format, "truncated identification header"},
		{"no channels", stream(idHeader(0, 44100, 8, 11), cm, su), format, "0 channels"},
		{"too many channels", stream(idHeader(255, 44100, 8, 11), cm, su), format, "255 channels"},
		{"no sample rate", stream(idHeader(1, 0, 8, 11), cm, su), format, "sample rate 0 Hz"},
		{"sample rate too high", stream(idHeader(1, 1<<31, 8, 11), cm, su), format, "sample rate 2147483648 Hz"},
		{"block size too small", stream(idHeader(1, 44100, 5, 11), cm, su), format, "block sizes 32 and 2048"},
		{"block size too large", stream(idHeader(1, 44100, 8, 14), cm, su), format, "block sizes 256 and 16384"},
		{"block sizes inverted", stream(idHeader(1, 44100, 11, 8), cm, su), format, "block sizes 2048 and 256"},
		{"no framing bit", stream(append(id[:29:29], 0), cm, su), format, "without its framing bit"},
		{"Vorbis version 1", func() []byte { i := goodID(); i[7] = 1; return headers(i, cm, su) }, unsupported, "Vorbis version 1"},
		{"comment count lie", stream(id, commentHeader("v", 1<<32-1), su), format, "comment header declares 4294967295 comments in 1 bytes"},
		{"comment count one too many", stream(id, commentHeader("v", 3, "A=1"), su), format, "declares 3 comments in 8 bytes"},
		{"comment count lie straddling segments", stream(id, commentHeader(strings.Repeat("v", 497), 1000), su), format, "declares 1000 comments"},
		{"comment count lie straddling pages", stream(id, commentHeader(strings.Repeat("v", 65012), 1000), su), format, "declares 1000 comments"},
		{"header pages over 16 MiB", stream(id, commentHeader("v", 1, strings.Repeat("x", maxHeaderPages)), su), format, "take more than 16 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stream := tc.stream()
			// Through NewDecoder too: refused, or sniffed as something else,
			// with a typed error either way.
			checkErr(t, decodeErr(bytes.NewReader(stream)))
			_, err := checkVorbisHeaders(bytes.NewReader(stream))
			switch tc.want.(type) {
			case *FormatError:
				var fe *FormatError
				if !errors.As(err, &fe) {
					t.Fatalf("error %v (%T), want a *FormatError", err, err)
				}
			case *UnsupportedError:
				var ue *UnsupportedError
				if !errors.As(err, &ue) {
					t.Fatalf("error %v (%T), want an *UnsupportedError", err, err)
				}
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q, want it to say %q", err, tc.msg)
			}
		})
	}
}

// Headers at the bounds pass the check (the library then refuses the
// streams, which end after their codebooks), and so do honest comment
// headers whatever their layout.
func TestOggCheckAtBounds(t *testing.T) {
	id, cm := goodID(), goodComment()
	for _, tc := range []struct {
		name   string
		stream []byte
	}{
		{"most entries", headers(id, cm, setupHeader(book{dims: 1, entries: maxCodebookEntries}))},
		{"most dimensions", headers(id, cm, setupHeader(book{dims: maxCodebookDims, entries: 1, lookup: 1}))},
		{"most values, lookup type 2", headers(id, cm, setupHeader(book{dims: 64, entries: maxCodebookValues / 64, lookup: 2}))},
		{"most values, lookup type 1", headers(id, cm, setupHeader(book{dims: 16, entries: maxCodebookEntries, lookup: 1}))},
		{"most values in all", headers(id, cm, setupHeader(atTotalBound()...))},
		{"256 codebooks", headers(id, cm, setupHeader(make256(smallBook())...))},
		{"8 channels, 768 kHz, blocks of 64 and 8192", headers(idHeader(8, MaxSampleRate, 6, 13), cm, setupHeader(smallBook()))},
		{"comment count straddling segments", headers(id, commentHeader(strings.Repeat("v", 497), 1, "A=1"), setupHeader(smallBook()))},
		{"comment count straddling pages", headers(id, commentHeader(strings.Repeat("v", 65012), 1, "A=1"), setupHeader(smallBook()))},
		{"comment header without its count", headers(id, []byte("\x03vorbis\x05\x00"), setupHeader(smallBook()))},
		{"packet of 255 bytes", headers(id, commentHeader(strings.Repeat("v", 255-16), 0), setupHeader(smallBook()))},
	} {
		if _, err := checkVorbisHeaders(bytes.NewReader(tc.stream)); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// atTotalBound is codebooks of maxSetupValues entries in all, the most the
// library allocates for (8.5 bytes each).
func atTotalBound() []book {
	return make256(book{dims: 1, entries: maxCodebookEntries})[:maxSetupValues/maxCodebookEntries]
}

func make256(b book) []book {
	bs := make([]book, 256)
	for i := range bs {
		bs[i] = b
	}
	return bs
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A lying codebook is refused before the library sees it, from a file and
// from a pipe, at the cost of the check alone; headers at the bounds cost
// the library what oggcheck.go says.
func TestOggCheckMemory(t *testing.T) {
	huge := hugeCodebook()
	for _, r := range []func() io.Reader{
		func() io.Reader { return bytes.NewReader(huge) },
		func() io.Reader { return struct{ io.Reader }{bytes.NewReader(huge)} },
	} {
		var err error
		n := allocated(func() { _, err = NewDecoder(r()) })
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), "16777215 entries of 65535 dimensions") {
			t.Errorf("error %v (%T), want a *FormatError naming the codebook", err, err)
		}
		if n > 1<<20 {
			t.Errorf("refusing the lying codebook allocated %d bytes", n)
		}
		t.Logf("refused with %d bytes allocated", n)
	}
	id, cm := goodID(), goodComment()
	for _, tc := range []struct {
		name   string
		stream []byte
		limit  uint64
	}{
		{"one codebook of the most values", headers(id, cm, setupHeader(book{dims: 64, entries: maxCodebookValues / 64, lookup: 2})), 10 << 20},
		{"codebooks of the most values in all", headers(id, cm, setupHeader(atTotalBound()...)), 20 << 20},
	} {
		var err error
		n := allocated(func() { _, err = NewDecoder(bytes.NewReader(tc.stream)) })
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Errorf("%s: error %v (%T), want the library's *FormatError", tc.name, err, err)
		}
		if n > tc.limit {
			t.Errorf("%s: %d bytes allocated, want at most %d", tc.name, n, tc.limit)
		}
		t.Logf("%s: %.1f MiB allocated", tc.name, float64(n)/(1<<20))
	}
}

// A stream with a large comment header (cover art) still decodes, from a
// file and from a pipe, to the samples of the stream without it.
func TestOggCheckLargeComment(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "tone.ogg"))
	if err != nil {
		t.Fatal(err)
	}
	hdr, rest := splitHeaders(t, data)
	art := "METADATA_BLOCK_PICTURE=" + strings.Repeat("QUJD", 2<<20) // 8 MiB
	big := append(join(paginate(hdr[0], commentHeader("leitmotif test", 1, art), hdr[2])), rest...)
	want, _ := decodeAll(t, bytes.NewReader(data))
	for _, r := range []io.Reader{bytes.NewReader(big), struct{ io.Reader }{bytes.NewReader(big)}} {
		if got, _ := decodeAll(t, r); !slicesEqual(got, want) {
			t.Errorf("%T: %d samples, or different, where tone.ogg gives %d", r, len(got), len(want))
		}
	}
}

// splitHeaders returns the three header packets of an Ogg Vorbis stream
// whose headers end a page, and the pages after them.
func splitHeaders(t *testing.T, data []byte) (pk [3][]byte, rest []byte) {
	t.Helper()
	i, off := 0, 0
	for i < 3 {
		if off+27 > len(data) {
			t.Fatal("headers not found")
		}
		nseg := int(data[off+26])
		lacing := data[off+27 : off+27+nseg]
		body := off + 27 + nseg
		for _, l := range lacing {
			if i == 3 {
				t.Fatal("the setup header does not end its page")
			}
			pk[i] = append(pk[i], data[body:body+int(l)]...)
			body += int(l)
			if l < 255 {
				i++
			}
		}
		off = body
	}
	return pk, data[off:]
}

// lookup1_values is exact, and the library's floating-point version of it
// agrees on every lookup type 1 codebook libvorbis 1.3.7 writes (listed
// from oggenc's output at qualities -1 to 10, 1 to 8 channels, 8 to 96 kHz),
// so refusing the streams where the two differ costs none of them.
func TestLookup1Values(t *testing.T) {
	for _, tc := range []struct{ entries, dims, want uint64 }{
		{80, 4, 2}, {8, 3, 2}, {7, 3, 1}, {1, 64, 1}, {65536, 16, 2}, {65535, 16, 1}, {65536, 1, 65536},
	} {
		if got := lookup1Values(tc.entries, tc.dims); got != tc.want {
			t.Errorf("lookup1Values(%d, %d) = %d, want %d", tc.entries, tc.dims, got, tc.want)
		}
	}
	for _, b := range [][2]uint64{
		{7, 1}, {9, 2}, {25, 1}, {25, 2}, {49, 1}, {49, 2}, {81, 2}, {81, 4}, {121, 2}, {169, 2},
		{225, 2}, {243, 5}, {289, 2}, {361, 2}, {441, 2}, {625, 4}, {3125, 5}, {6561, 8},
	} {
		want := lookup1Values(b[0], b[1])
		if lib := uint64(math.Floor(math.Pow(float64(b[0]), 1/float64(b[1])))); lib != want {
			t.Errorf("%d entries of %d dimensions: the library computes %d values a dimension, not %d", b[0], b[1], lib, want)
		}
		if _, err := checkVorbisHeaders(bytes.NewReader(headers(goodID(), goodComment(), setupHeader(book{dims: b[1], entries: b[0], lookup: 1})))); err != nil {
			t.Errorf("%d entries of %d dimensions: %v", b[0], b[1], err)
		}
	}
}

// The Ogg checksum is CRC-32 with polynomial 0x04c11db7, MSB first, no
// initial or final inversion: "123456789" gives 0x89a1897f (CRC-32/CKSUM's
// 0x765e7680 without the final inversion).
func TestOggCRC(t *testing.T) {
	tab := oggCRCTable()
	if got := oggCRC(&tab, 0, []byte("123456789")); got != 0x89a1897f {
		t.Errorf("CRC %#x, want 0x89a1897f", got)
	}
}
