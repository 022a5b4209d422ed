// Package fingerprint indexes a catalogue of tracks by melody, so that "which of my tracks
// quote this theme?" is answered with a short list of candidates in milliseconds, each then
// confirmed and localised by the full alignment of package motif.
//
// Chromaprint, audfprint and Panako identify one recording: their codes hash spectral peaks,
// which a new arrangement does not share and a transposition moves. The codes here hash the
// *melody*: the pitch intervals and the rhythm contour of four consecutive melody events, so
// that a key change cancels (intervals), a tempo change cancels (ratios of durations), and a
// phrase cut anywhere keeps the codes inside it. codes.go gives the design and the reasons in
// full (Wang 2003; Six & Leman 2014; Bertin-Mahieux & Ellis 2012, and why its 2D Fourier
// magnitudes are not used), vote.go the candidate search: each catalogued track's code matches
// are fitted by a line, time in the track against time in the query, whose slope is the tempo
// ratio (0.7 to 1.43) and whose intercept is where the query starts, so a tempo change, which
// makes the offset drift, still gathers its votes.
//
// The flow:
//
//	ix, err := fingerprint.Open(ctx, "catalogue.lmx", true) // a file, created on first Add
//	err = ix.Add(ctx, feats, 0)                            // motif.Features of the tracks
//	hits, err := ix.Search(ctx, query, fingerprint.SearchOptions{Top: 10})
//
// A large build encodes each track as soon as it is analysed (Encode, then BuildEncoded or
// AddEncoded, as motif index build does), so that it holds what the index will hold rather
// than the chroma.
//
// Search codes the query (QueryCodes), looks its hashes up in the backend, votes, and
// verifies the best candidates (SearchOptions.Verify, default 10) with motif.CompareTracks
// against the matching features the index stored for each track (8-bit, 5.6 KiB a minute), so
// the audio files need not be there any more; a verified Hit has the calibrated score, the
// transposition and the segments of the comparison. With NoVerify the candidates come back
// alone, scored by the share of the query's codes on their line (not calibrated).
//
// An index remembers the analysis its tracks were coded with (Info.Params); a query or a track
// analysed otherwise is refused (ErrParams).
//
// # Backends
//
// Backend is the storage: parameters, tracks, postings (hash, track, time) and the
// verification features. File (file.go, which documents the format as a contract) keeps a
// whole index in one file: a versioned header with magic and CRC-32C checksums, the postings
// sorted by hash in delta-coded blocks with a small directory, so a reader holds only the
// directory in memory and reads the rest with ReadAt; every Add writes a new file beside the
// old one, fsyncs it, checks it, renames it over the old one and fsyncs the directory, so a
// crash leaves the old index or the new one, never a broken one (tested by killing writers
// with SIGKILL).
//
// Postgres (postgres.go; the schema and its reasons in postgres_schema.go) keeps the same
// index in a PostgreSQL database, for a catalogue that many machines search, that a studio
// already backs up and replicates with the rest of its data; Open and Build choose it for a
// postgres:// location, and its results equal the file's (tested on the dev set). leitmotif
// creates its schema and migrates it (versioned; a newer one is refused). An add is one
// transaction, its rows loaded with COPY, under an advisory lock: a second writer waits, a
// killed writer leaves the old catalogue (tested with SIGKILL, adds and rebuilds alike), and
// a search, whose lookup is one statement, sees an add whole or not at all. The connections
// are pooled (pgxpool), so a restarted server serves the next search; a read without a
// deadline of its own ends after 30 s, so a hung server fails a search rather than holding it.
// Errors name the URL with its password hidden. The votes stay in Go: a lookup returns each
// hash's packed postings (one row per hash, not per posting) and the Hough vote runs on them,
// since SQL can group matches by track and offset but not fit the tempo slope
// (BenchmarkPostgres measures the alternatives).
//
// # Beyond one server
//
// When one PostgreSQL server no longer holds the codes, or answers too slowly, the codes
// table shards by hash: with Citus, create_distributed_table('leitmotif.codes', 'hash')
// spreads its rows over worker nodes, and tracks (descriptions and features, a few KiB a
// track-minute) become a reference table replicated on each. A lookup's hashes then split by
// shard; each shard returns its postings, which merge by hash into what one server would have
// returned, and the vote runs once on the merge: votes cannot be summed per shard, since a
// track's line gathers matches from every shard. What would change in the code: the schema
// step calling create_distributed_table and create_reference_table, and the advisory lock,
// which Citus takes on the coordinator; an add stays one (distributed, two-phase) transaction.
// Shards (shards.go) is that logic over any Backends, so it is tested over two PostgreSQL
// clusters, each holding half of the codes by hash, and over two files: the postings and the
// search results equal one backend's. Without Citus it makes no add atomic across servers
// (its documentation says what it does instead). At 100,000 synthetic tracks a whole 3-minute
// query's lookup moved 35,000 postings (real codes are skewed: 400,000 at 10,000 tracks), a
// few MB at most, which one coordinator merges in milliseconds: the vote, not the merge,
// bounds such a query.
//
// On one server (BenchmarkPostgres, loopback, fsync on, 10,000 and 100,000 synthetic
// 3-minute tracks, ranges over runs): a lookup of 500 hashes took 1.3-4.2 and 1.5-3.2 ms
// (the file: 0.9-1.1 and 1.2-1.8 ms), a 15 s phrase's lookup and vote 0.2-0.55 and 0.4 ms,
// a whole track's 1.6-3.5 and 3.3-4.5 ms (the file: 1.2-1.3 and 2.4-2.8 ms); the index
// took 7.4-9.7 KiB a track-minute, features included; a build loaded 6,000-7,000 tracks a
// second, adds of 1,000 tracks 850-1,400.
//
// # Measured (2026-12-08)
//
// Candidate recall@10 before verification (internal/cmd/codeseval: every file of a set
// queries all the others; 1,000 synthetic distractor tracks added): the dev set 0.80 (hit@10
// 0.91), the world set's tuning half 0.53 and held-out half 0.58 (lead melodies 0.77,
// orchestral cues 0.69, band textures 0.48, 2-8 s motifs in long hosts 0.30); after
// verification of 10, MAP 0.79 | 0.52 | 0.57 (dev | world tune | held-out); a degraded 15 s
// excerpt of a catalogued recording finds it first 0.95-0.97 of the time (EVALUATION.md has
// these and the phrase queries). Index size: 6.0
// KiB per track-minute in all, of which 0.4 KiB codes. On a synthetic 10,000-track index, one
// core: a lookup of 500 hashes 0.7 ms; the vote 1.7-2.1 ms for a 15 s phrase and 6-9 ms for
// a whole 3-minute query (400,000 postings; 65-110 ms before the vote line-searched only the
// 400 most matched tracks, see vote.go); verification of 10 candidates costs 10 compares
// (about 15 ms each for a phrase, 35 ms for two 3-minute tracks), run on every core.
// BENCHMARKS.md has the details; what is short of the bars is said there.
package fingerprint
