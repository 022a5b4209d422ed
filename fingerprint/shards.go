package fingerprint

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Shards is one index spread over several backends, as a catalogue outgrows one server: the
// codes are split by hash (a code lives on shard hash mod n), every shard keeps every
// track's description, and a track's verification features live on shard id mod n. A lookup
// asks each shard for its share of the hashes at once and merges the answers in hash order,
// so the votes, and everything after them, are what one backend holding it all would give.
//
// It is the logic a distributed database runs for the PostgreSQL backend (the package
// documentation, "Beyond one server"), written over Backends so that it is tested over two
// real servers. What it does not do is make an add atomic across shards: it adds to each in
// turn, under a lock of this process only, so a failure part way, or another process adding
// at the same time, leaves shards that disagree; Stats then reports the disagreement. A
// distributed database gives that atomicity with two-phase commit.
type Shards struct {
	shards []Backend
	addMu  sync.Mutex // serialises this process's adds, which number tracks shard by shard
}

var _ Backend = (*Shards)(nil)

// NewShards spreads an index over shards, in that order: the same backends must be given in
// the same order every time.
func NewShards(shards ...Backend) (*Shards, error) {
	if len(shards) == 0 {
		return nil, errors.New("fingerprint: no shards")
	}
	return &Shards{shards: shards}, nil
}

func (s *Shards) of(hash uint32) int { return int(hash % uint32(len(s.shards))) }

func (s *Shards) home(id uint32) Backend { return s.shards[id%uint32(len(s.shards))] }

// Params implements Backend: every shard holds the parameters; the first answers.
func (s *Shards) Params(ctx context.Context) ([]byte, error) { return s.shards[0].Params(ctx) }

// Stats implements Backend: the tracks and seconds of the catalogue (every shard must agree
// on them), the size of all the shards.
func (s *Shards) Stats(ctx context.Context) (tracks int, seconds float64, size int64, err error) {
	for i, b := range s.shards {
		n, sec, sz, err := b.Stats(ctx)
		if err != nil {
			return 0, 0, 0, err
		}
		if i > 0 && n != tracks {
			return 0, 0, 0, fmt.Errorf("shards disagree: shard 0 holds %d tracks, shard %d %d (an add failed part way)", tracks, i, n)
		}
		tracks, seconds, size = n, sec, size+sz
	}
	return tracks, seconds, size, nil
}

// Lookup implements Backend: each shard is asked for its hashes concurrently, and the
// postings are merged back into hash order.
func (s *Shards) Lookup(ctx context.Context, hashes []uint32, fn func(Posting) error) error {
	n := len(s.shards)
	parts := make([][]uint32, n)
	for _, h := range hashes {
		parts[s.of(h)] = append(parts[s.of(h)], h)
	}
	found := make([][]Posting, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range s.shards {
		if len(parts[k]) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = s.shards[k].Lookup(ctx, parts[k], func(p Posting) error {
				found[k] = append(found[k], p)
				return nil
			})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	// Merge: each shard's postings come grouped by hash in ascending order.
	next := make([]int, n)
	for {
		best := -1
		for k := range found {
			if next[k] < len(found[k]) && (best < 0 || found[k][next[k]].Hash < found[best][next[best]].Hash) {
				best = k
			}
		}
		if best < 0 {
			return nil
		}
		h := found[best][next[best]].Hash
		for ; next[best] < len(found[best]) && found[best][next[best]].Hash == h; next[best]++ {
			if err := fn(found[best][next[best]]); err != nil {
				return err
			}
		}
	}
}

// Track implements Backend: every shard holds the descriptions; the track's home answers.
func (s *Shards) Track(ctx context.Context, id uint32) (TrackInfo, error) {
	return s.home(id).Track(ctx, id)
}

// Features implements Backend: from the track's home shard.
func (s *Shards) Features(ctx context.Context, id uint32) ([]byte, error) {
	return s.home(id).Features(ctx, id)
}

// Add implements Backend, shard by shard: each gets every track's description, the postings
// of its hashes and the features of the tracks it is home to.
func (s *Shards) Add(ctx context.Context, params []byte, tracks []NewTrack) error {
	if len(tracks) == 0 {
		return nil
	}
	s.addMu.Lock()
	defer s.addMu.Unlock()
	first, _, _, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	n := len(s.shards)
	for k, b := range s.shards {
		part := make([]NewTrack, len(tracks))
		for i, t := range tracks {
			part[i].Info = t.Info
			if (first+i)%n == k {
				part[i].Features = t.Features
			}
			for _, p := range t.Postings {
				if s.of(p.Hash) == k {
					part[i].Postings = append(part[i].Postings, p)
				}
			}
		}
		if err := b.Add(ctx, params, part); err != nil {
			return fmt.Errorf("shard %d: %w", k, err)
		}
	}
	return nil
}

// Close implements Backend, closing every shard.
func (s *Shards) Close() error {
	var errs []error
	for _, b := range s.shards {
		errs = append(errs, b.Close())
	}
	return errors.Join(errs...)
}
