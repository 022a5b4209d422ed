package fingerprint

import (
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fileSmallIndex returns the bytes of a small valid index (tracks added in two batches, so
// its postings went through a merge) and its reference model.
func fileSmallIndex(t testing.TB, tracks, postings, feat int) ([]byte, *fileRef) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	path := filepath.Join(t.TempDir(), "small.lmx")
	f := fileOpen(t, path, true, fileMemLimit)
	ref := newFileRef()
	for _, n := range []int{tracks / 2, tracks - tracks/2} {
		batch := fileTestTracks(rng, n, postings, feat, "u18")
		if err := f.Add(context.Background(), []byte("params"), batch); err != nil {
			t.Fatal(err)
		}
		ref.add(batch)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b, ref
}

// fileFixChecksums sets the file length and both checksums of data to what its bytes say,
// as far as its header can be parsed, so that what it tests is the structure. It returns
// data (modified in place).
func fileFixChecksums(data []byte) []byte {
	if len(data) < fileHeaderMin {
		return data
	}
	le := binary.LittleEndian
	np := uint64(le.Uint32(data[68:]))
	h := fileHeaderMin + np
	if h > uint64(len(data)) {
		return data
	}
	le.PutUint64(data[16:], uint64(len(data)))
	le.PutUint32(data[64:], crc32.Checksum(data[h:], fileCRC))
	le.PutUint32(data[h-4:], crc32.Checksum(data[:h-4], fileCRC))
	return data
}

// fileOpenBytes writes data to a new file in dir and opens it as an index (reading it with
// ReadAt when limit is 0). It returns the file's path.
func fileOpenBytes(t testing.TB, dir string, data []byte, limit int64) (*File, string, error) {
	t.Helper()
	w, err := os.CreateTemp(dir, "*.lmx")
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	f, err := openFileLimit(w.Name(), false, limit)
	if err == nil {
		t.Cleanup(func() { f.Close() })
	} else {
		os.Remove(w.Name())
	}
	return f, w.Name(), err
}

// fileRefused checks that opening data fails with an *IndexError whose message contains one
// of msgs.
func fileRefused(t *testing.T, dir, what string, data []byte, msgs ...string) {
	t.Helper()
	for _, mode := range fileModes {
		_, path, err := fileOpenBytes(t, dir, data, mode.limit)
		var ie *IndexError
		if !errors.As(err, &ie) {
			t.Fatalf("%s (%s): %v, want an *IndexError", what, mode.name, err)
		}
		ok := false
		for _, m := range msgs {
			ok = ok || strings.Contains(err.Error(), m)
		}
		if !ok {
			t.Fatalf("%s (%s): %q, want one of %q", what, mode.name, err, msgs)
		}
		if !strings.HasPrefix(err.Error(), path+": ") {
			t.Fatalf("%s: %q does not start with the file's path", what, err)
		}
	}
}

// TestFileRefusesDamage flips each byte of a small index in turn: every one is refused,
// with a message that fits where it is.
func TestFileRefusesDamage(t *testing.T) {
	dir := t.TempDir()
	good, _ := fileSmallIndex(t, 6, 40, 100)
	if _, _, err := fileOpenBytes(t, dir, good, 0); err != nil {
		t.Fatal(err)
	}
	h := fileHeaderMin + int(binary.LittleEndian.Uint32(good[68:]))
	t.Logf("%d bytes, header %d", len(good), h)
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range good {
		b := append([]byte(nil), good...)
		b[i] ^= byte(1 + rng.IntN(255))
		switch {
		case i < 8:
			fileRefused(t, dir, "magic", b, "not a leitmotif index")
		case i < 12:
			fileRefused(t, dir, "version", b, "version")
		case i >= 68 && i < 72: // the parameters' length
			fileRefused(t, dir, "params length", b, "header checksum mismatch", "truncated", "corrupt header")
		case i < h:
			fileRefused(t, dir, "header", b, "header checksum mismatch")
		default:
			fileRefused(t, dir, "body", b, "checksum mismatch (content damaged)")
		}
	}
}

func TestFileRefusesTruncation(t *testing.T) {
	dir := t.TempDir()
	good, _ := fileSmallIndex(t, 4, 30, 50)
	fileRefused(t, dir, "empty", nil, "not a leitmotif index (empty file)")
	for n := 1; n < len(good); n++ {
		fileRefused(t, dir, "truncated", good[:n], "truncated")
	}
	fileRefused(t, dir, "extended", append(append([]byte(nil), good...), 0), "1 bytes after the end of the index")
}

func TestFileRefusesForeign(t *testing.T) {
	dir := t.TempDir()
	wavs, _ := filepath.Glob("../testdata/examples/*.wav")
	if len(wavs) == 0 {
		t.Fatal("no WAV file in ../testdata/examples")
	}
	wav, err := os.ReadFile(wavs[0])
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	random := make([]byte, 5000)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"wav", wav[:min(len(wav), 1<<20)]},
		{"random", random},
		{"text", []byte("hash\ttrack\ttime\n1\t2\t3\n")},
		{"one byte", []byte{0x89}},
		{"text-mode transfer", []byte("\x89LMX\n\x1a\n" + strings.Repeat("\x00", 100))},
	} {
		msg := "not a leitmotif index"
		if c.name == "one byte" {
			msg = "truncated" // a prefix of the magic: a cut index
		}
		fileRefused(t, dir, c.name, c.data, msg)
	}
	if _, err := openFileLimit(t.TempDir(), false, 0); err == nil {
		t.Errorf("a directory opened as an index")
	}
}

// TestFileRefusesForged changes fields and fixes the checksums, so that what is refused is
// the structure, not the damage; and checks no buffer is sized from a lying field.
func TestFileRefusesForged(t *testing.T) {
	dir := t.TempDir()
	good, ref := fileSmallIndex(t, 6, 40, 100)
	le := binary.LittleEndian
	h := fileHeaderMin + int(le.Uint32(good[68:]))
	tracks := int(le.Uint64(good[24:]))
	dataLen := int(le.Uint64(good[40:]))
	postOff := h + fileTrackEntry*tracks + dataLen
	dirOff := postOff + int(le.Uint64(good[48:]))
	edit := func(f func(b []byte)) []byte {
		b := append([]byte(nil), good...)
		f(b)
		return fileFixChecksums(b)
	}
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"future version", edit(func(b []byte) { le.PutUint32(b[8:], 2) }), "version 2 is newer than this program's 1"},
		{"version 0", edit(func(b []byte) { le.PutUint32(b[8:], 0) }), "unsupported version 0"},
		{"flags", edit(func(b []byte) { le.PutUint32(b[12:], 4) }), "unknown flags 0x4"},
		{"2^32 tracks", edit(func(b []byte) { le.PutUint64(b[24:], 1<<32) }), "corrupt header"},
		{"2^62 tracks", edit(func(b []byte) { le.PutUint64(b[24:], 1<<62) }), "corrupt header"},
		{"2^24 blocks", edit(func(b []byte) { le.PutUint64(b[56:], 1<<24) }), "corrupt header"},
		{"huge data", edit(func(b []byte) { le.PutUint64(b[40:], math.MaxUint64) }), "corrupt header"},
		{"sizes", edit(func(b []byte) { le.PutUint64(b[40:], uint64(dataLen-1)) }), "corrupt header"},
		{"big params", edit(func(b []byte) { le.PutUint32(b[68:], 1<<20) }), "corrupt header"},
		{"track offset", edit(func(b []byte) { le.PutUint64(b[h+fileTrackEntry:], 1) }), "corrupt track table"},
		{"track length", edit(func(b []byte) { le.PutUint32(b[h+8:], 1<<31) }), "corrupt track table"},
		{"duration", edit(func(b []byte) { le.PutUint64(b[h+16:], math.Float64bits(math.NaN())) }), "corrupt track table"},
		{"first block", edit(func(b []byte) { le.PutUint64(b[dirOff+4:], 1) }), "corrupt block directory"},
		{"block order", edit(func(b []byte) { le.PutUint32(b[dirOff+fileDirEntry:], 0) }), "corrupt block directory"},
	}
	for _, c := range cases {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fileRefused(t, dir, c.name, c.data, c.msg)
		runtime.ReadMemStats(&after)
		if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
			t.Errorf("%s: %d bytes allocated", c.name, n)
		}
	}

	// Damage to the postings themselves is found when they are read: Lookup and Add fail
	// with an *IndexError, and nothing panics. Every byte of the section, in turn.
	ctx := context.Background()
	all := ref.hashes()
	found := 0
	for i := postOff; i < dirOff; i++ {
		b := edit(func(b []byte) { b[i] ^= 0xff })
		f, _, err := fileOpenBytes(t, dir, b, int64(len(b)*(i%2)))
		if err != nil {
			t.Fatalf("postings byte %d: %v", i, err)
		}
		got, err := fileLookupAll(f, all)
		var ie *IndexError
		switch {
		case err != nil && !errors.As(err, &ie):
			t.Fatalf("postings byte %d: Lookup: %v, want an *IndexError", i, err)
		case err != nil:
			found++
		case len(got) == len(ref.lookup(all)):
			// A changed value that still follows the rules (a time, say): not detectable
			// without the checksum, which is why OpenFile checks it.
		}
		if err != nil {
			if aerr := f.Add(ctx, nil, fileTestTracks(rand.New(rand.NewPCG(1, 1)), 1, 5, 5, "u18")); !errors.As(aerr, &ie) {
				t.Fatalf("postings byte %d: Add over corrupt postings: %v, want an *IndexError", i, aerr)
			}
		}
	}
	t.Logf("%d of %d forged postings bytes found by Lookup", found, dirOff-postOff)
	if found == 0 {
		t.Errorf("no forged postings byte was found by Lookup")
	}
}

// TestFileBoundedOpen checks that opening a large index keeps only the directory in memory
// when read with ReadAt.
func TestFileBoundedOpen(t *testing.T) {
	good, _ := fileSmallIndex(t, 200, 300, 20000)
	path := filepath.Join(t.TempDir(), "x.lmx")
	if err := os.WriteFile(path, good, 0o666); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := openFileLimit(path, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	runtime.ReadMemStats(&after)
	n := after.TotalAlloc - before.TotalAlloc
	t.Logf("opening a %d-byte index allocates %d bytes", len(good), n)
	if n > 256<<10 {
		t.Errorf("opening a %d-byte index allocates %d bytes", len(good), n)
	}
}
