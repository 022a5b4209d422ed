package fingerprint

import (
	"context"
	"fmt"
	"sort"
)

// fileLookupChunk is the most a lookup reads at once: a block of a hash with very many
// postings is read in parts.
const fileLookupChunk = 1 << 16

// Lookup calls fn with every posting of each hash in hashes, grouped by hash in the order of
// hashes and, within a hash, by track then time. hashes must be sorted ascending without
// duplicates. It returns fn's first error as it is, and an *IndexError if the postings turn
// out corrupt. fn may call the File's other methods.
//
// Each hash costs a binary search of the in-memory directory and, unless the previous hash
// took it there, one read of the block that may hold it (a few hundred bytes).
func (f *File) Lookup(ctx context.Context, hashes []uint32, fn func(Posting) error) error {
	for i := 1; i < len(hashes); i++ {
		if hashes[i] <= hashes[i-1] {
			return fmt.Errorf("%s: Lookup: hashes not sorted ascending without duplicates (%d after %d)", f.path, hashes[i], hashes[i-1])
		}
	}
	s, err := f.acquire()
	if err != nil {
		return err
	}
	defer f.release(s)
	if len(s.blockHash) == 0 {
		return ctx.Err()
	}
	r := s.postingsReader(f.path, fileLookupChunk)
	var (
		c       blockCursor
		cur     = -1   // block c reads
		done    bool   // c is at the end of its block
		pending bool   // a group header has been read and its postings not
		gHash   uint32 // that group's hash and count
		gN      int
	)
	for qi, h := range hashes {
		if qi%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// The last block whose first hash is at most h; hashes ascend, so from cur on.
		lo := max(cur, 0)
		b := lo + sort.Search(len(s.blockHash)-lo, func(i int) bool { return s.blockHash[lo+i] > h }) - 1
		if b < 0 {
			continue
		}
		if b != cur {
			c.start(r, b)
			cur, done, pending = b, false, false
		}
		for !done {
			if !pending {
				var ok bool
				gHash, gN, ok, err = c.group()
				if err != nil {
					return err
				}
				if !ok {
					done = true
					break
				}
				pending = true
			}
			if gHash > h {
				break // kept for the next hash
			}
			for range gN {
				p, err := c.posting()
				if err != nil {
					return err
				}
				if gHash == h {
					if err := fn(p); err != nil {
						return err
					}
				}
			}
			pending = false
		}
	}
	return nil
}
