package fingerprint

import (
	"encoding/binary"
	"errors"
	"math"
)

// A packed posting list holds the postings of one hash, sorted by track and time, as a run
// of segments, one per add that brought postings of the hash, so that an add appends to the
// list without reading it. A segment is the uvarint count of its postings (at least 1), then
// each posting as the uvarint track (absolute for the first of the segment, a delta from the
// previous posting's after) and the uvarint time (a delta from the previous time when the
// track is the same, absolute when it changes). A segment's first track is above the
// previous segment's last. It is what the PostgreSQL backend stores per hash.

// errPacked reports a packed posting list that does not decode.
var errPacked = errors.New("bad packed posting list")

// packSegment appends ps (one hash, sorted by track and time, at least one) to dst as one
// segment.
func packSegment(dst []byte, ps []Posting) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ps)))
	var prev Posting
	for i, p := range ps {
		dst = binary.AppendUvarint(dst, uint64(p.Track-prev.Track))
		if i > 0 && p.Track == prev.Track {
			dst = binary.AppendUvarint(dst, uint64(p.Time-prev.Time))
		} else {
			dst = binary.AppendUvarint(dst, uint64(p.Time))
		}
		prev = p
	}
	return dst
}

// unpackPostings calls fn with each posting of the packed list b of hash h. A list that
// does not decode (cut, an overlong varint, an empty segment, a track past 2^32 or a segment
// that does not start after the previous one) gives errPacked.
func unpackPostings(b []byte, h uint32, fn func(Posting) error) error {
	p := Posting{Hash: h}
	for seg := 0; len(b) > 0; seg++ {
		n, k := uvarint32(b)
		if k == 0 || n == 0 || int64(n) > int64(len(b)) { // a posting takes 2 bytes at least
			return errPacked
		}
		b = b[k:]
		last := p.Track
		p.Track = 0
		for i := range n {
			dt, k := uvarint32(b)
			if k == 0 {
				return errPacked
			}
			b = b[k:]
			t, k := uvarint32(b)
			if k == 0 {
				return errPacked
			}
			b = b[k:]
			if uint64(p.Track)+uint64(dt) > math.MaxUint32 {
				return errPacked
			}
			if i > 0 && dt == 0 {
				if uint64(p.Time)+uint64(t) > math.MaxUint32 {
					return errPacked
				}
				p.Time += t
			} else {
				p.Time = t
			}
			p.Track += dt
			if i == 0 && seg > 0 && p.Track <= last {
				return errPacked
			}
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	return nil
}
