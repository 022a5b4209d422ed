package fingerprint

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
)

// Add appends tracks, numbered from the current count on, all or none. It writes a whole
// new file beside the index (path.tmp-*), copying the old tracks' entries and data byte for
// byte and merging the old postings with the new ones in one streaming pass, so memory is
// bounded by the new tracks; it fsyncs the file, checks it as OpenFile would, renames it
// over the index and fsyncs the directory. A failure or a cancelled ctx leaves the index as
// it was; a crash leaves it as it was or with all the tracks added, never in between (and
// may leave a path.tmp-* file, which nothing reads and which may be deleted). As the whole
// file is rewritten, an Add costs about as much as copying the index, whatever it adds: add
// tracks in large batches. params must equal the index's; empty params match any; the first
// Add sets them. Concurrent Adds on one File run one after the other; an Add refuses to
// overwrite an index another process has replaced since this File read it.
func (f *File) Add(ctx context.Context, params []byte, tracks []NewTrack) error {
	f.addMu.Lock()
	defer f.addMu.Unlock()
	old, err := f.acquire()
	if err != nil {
		return err
	}
	defer f.release(old)
	if err := ctx.Err(); err != nil {
		return err
	}

	prm := old.params
	switch {
	case !old.exists:
		prm = bytes.Clone(params)
	case len(params) > 0 && !bytes.Equal(params, old.params):
		return fmt.Errorf("%s: %w (the index: %q; the tracks: %q)", f.path, ErrParams, old.params, params)
	case len(tracks) == 0:
		return nil // nothing would change
	}
	if len(prm) > fileMaxParams {
		return fmt.Errorf("%s: analysis parameters of %d bytes (at most %d)", f.path, len(prm), fileMaxParams)
	}
	if uint64(len(tracks)) > fileMaxTracks-old.hdr.tracks {
		return fmt.Errorf("%s: %d tracks would make more than %d", f.path, len(tracks), uint64(fileMaxTracks))
	}
	n := 0
	for i, t := range tracks {
		switch d := t.Info.Duration; {
		case math.IsNaN(d) || math.IsInf(d, 0) || d < 0:
			return fmt.Errorf("%s: track %d (%s): duration %g s", f.path, i, t.Info.Path, d)
		case uint64(len(t.Info.Path)) > math.MaxUint32 || uint64(len(t.Features)) > math.MaxUint32:
			return fmt.Errorf("%s: track %d (%s): path or features over 4 GiB", f.path, i, t.Info.Path)
		}
		n += len(t.Postings)
	}
	// The new postings, sorted as the section is; the old ones are merged in as they are
	// read.
	postings := make([]Posting, 0, n)
	for i, t := range tracks {
		id := uint32(old.hdr.tracks) + uint32(i)
		for _, p := range t.Postings {
			postings = append(postings, Posting{Hash: p.Hash, Track: id, Time: p.Time})
		}
	}
	slices.SortFunc(postings, comparePostings)

	// The file to replace: a symbolic link's target, not the link.
	target := f.path
	if t, err := filepath.EvalSymlinks(f.path); err == nil {
		target = t
	}
	tmp, err := createTemp(target)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if old.exists {
		if err := keepMode(tmp, old.fi.Mode()); err != nil {
			return err
		}
	}
	if err := writeIndex(ctx, tmp, f.path, old, prm, tracks, postings); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	// The new file is checked as any index is opened, before it replaces the old one.
	s, err := readSnapshot(tmp.Name(), tmp, f.memLimit)
	if err != nil {
		return fmt.Errorf("%s: the new index fails its check (a bug): %w", f.path, err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkUnreplaced(target, old); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	committed = true
	if s.mem != nil {
		tmp.Close()
		s.r = bytes.NewReader(s.mem)
	} else {
		s.f, s.r = tmp, tmp
	}
	f.install(s)
	// After the rename the new index is in place; this makes the rename itself durable.
	if err := syncDir(filepath.Dir(target)); err != nil {
		return fmt.Errorf("%s: written, but syncing its directory failed: %w", f.path, err)
	}
	return nil
}

// checkUnreplaced fails if the file at path is no longer the one old was read from: another
// process has written the index since, and replacing it would lose that process's tracks.
func checkUnreplaced(path string, old *fileSnapshot) error {
	fi, err := os.Stat(path)
	switch {
	case !old.exists && errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return err
	case err != nil || !old.exists || !os.SameFile(fi, old.fi):
		return fmt.Errorf("%s: the index was replaced by another writer since it was opened; reopen it and add again", path)
	}
	return nil
}

// writeIndex writes to w the index that old becomes with tracks and their sorted postings
// added, then its header.
func writeIndex(ctx context.Context, w *os.File, path string, old *fileSnapshot, prm []byte, tracks []NewTrack, postings []Posting) error {
	h := fileHeader{version: fileVersion, params: prm}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.Write(make([]byte, h.size())); err != nil { // the header comes last
		return err
	}
	cw := &crcWriter{w: bw}
	oh := &old.hdr

	// The track table: the old entries as they are, then the new ones.
	if err := copySection(ctx, cw, old, oh.tableOff(), fileTrackEntry*oh.tracks); err != nil {
		return err
	}
	off := oh.dataLen
	var e [fileTrackEntry]byte
	for _, t := range tracks {
		ft := fileTrack{dataOff: off, pathLen: uint32(len(t.Info.Path)), featLen: uint32(len(t.Features)), duration: t.Info.Duration}
		ft.marshal(e[:])
		if _, err := cw.Write(e[:]); err != nil {
			return err
		}
		off += uint64(len(t.Info.Path)) + uint64(len(t.Features))
	}

	// The data: the old as it is, then each new track's path and features.
	if err := copySection(ctx, cw, old, oh.dataOff(), oh.dataLen); err != nil {
		return err
	}
	for _, t := range tracks {
		if _, err := io.WriteString(cw, t.Info.Path); err != nil {
			return err
		}
		if _, err := cw.Write(t.Features); err != nil {
			return err
		}
	}

	// The postings: the old section decoded in order, merged with the new (whose tracks all
	// come after the old ones).
	enc := newPostingsEncoder(cw, oh.postings+uint64(len(postings)))
	var it *postingsIter
	var op Posting
	ok := false
	if oh.blocks > 0 {
		it = old.postingsIter(path)
		var err error
		if op, ok, err = it.next(); err != nil {
			return err
		}
	}
	j := 0
	for k := 0; ok || j < len(postings); k++ {
		if k%(1<<16) == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var p Posting
		if ok && (j == len(postings) || comparePostings(op, postings[j]) <= 0) {
			p = op
			var err error
			if op, ok, err = it.next(); err != nil {
				return err
			}
		} else {
			p = postings[j]
			j++
		}
		if err := enc.add(p); err != nil {
			return err
		}
	}
	if err := enc.finish(); err != nil {
		return err
	}

	// The directory.
	var d [fileDirEntry]byte
	for i, hash := range enc.blockHash {
		binary.LittleEndian.PutUint32(d[:], hash)
		binary.LittleEndian.PutUint64(d[4:], enc.blockOff[i])
		if _, err := cw.Write(d[:]); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}

	h.tracks = oh.tracks + uint64(len(tracks))
	h.postings = enc.count
	h.dataLen = off
	h.postLen = enc.off
	h.blocks = uint64(len(enc.blockHash))
	h.bodyCRC = cw.crc
	h.fileLen = h.size() + cw.n
	_, err := w.WriteAt(h.marshal(), 0)
	return err
}

// copySection copies n bytes at off in old's file to w, checking ctx between chunks.
func copySection(ctx context.Context, w io.Writer, old *fileSnapshot, off, n uint64) error {
	r := io.NewSectionReader(old.r, int64(off), int64(n))
	for left := n; left > 0; {
		if err := ctx.Err(); err != nil {
			return err
		}
		m := min(left, 1<<22)
		if _, err := io.CopyN(w, r, int64(m)); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		left -= m
	}
	return nil
}

// crcWriter passes writes through, computing their CRC-32C and counting them.
type crcWriter struct {
	w   io.Writer
	crc uint32
	n   uint64
}

func (c *crcWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.crc = crc32.Update(c.crc, fileCRC, p[:n])
	c.n += uint64(n)
	return n, err
}
