package fingerprint

// The PostgreSQL schema, created and migrated by leitmotif itself.
//
// Everything lives in the schema "leitmotif" of the database the URL names (one index per
// database). migrations[v] takes the schema from version v to v+1; version 0 is a database
// without it. Each step runs in one transaction under the index's advisory lock, so two
// processes opening a new database at once migrate it once, and a failed step changes
// nothing. A schema newer than this leitmotif's is refused, never written.
//
// Version 1:
//
//	meta    one row: schema_version, params (the analysis, as Index encodes it), tracks and
//	        seconds (the catalogue's count and audio length, updated by each add).
//	tracks  id (0, 1, … in the order added), path, duration in seconds, features (the
//	        8-bit matching features verification reads, 5.6 KiB a minute).
//	codes   hash (the primary key: its btree serves the lookups), postings: every posting
//	        of the hash, packed (postings_packed.go: a segment per add, tracks ascending,
//	        about 3 bytes a posting). The hash is stored with its top bit flipped
//	        (int32(h ^ 1<<31)), so that the signed order of int4 is the unsigned order of
//	        the codes.
//
// Why a row per hash rather than a row per posting, or a row per track with a GIN index over
// an int array (BenchmarkPostgres, 10,000 synthetic tracks): a row costs PostgreSQL about 28
// bytes of header and line pointer and its btree entry 16 more, against 2-3 bytes for a
// packed posting, so a row a posting took 53 bytes a posting and looked a query's 500 hashes
// up in 3.9 ms, a row a hash 11.5 bytes (one build; 16.5 grown by adds) and 1.5-1.7 ms; the
// GIN index finds the tracks holding a hash but not where, so each found track's whole array
// had to be read (27 ms for a phrase, 2 s for 500 hashes). A row per hash and add, the first
// version of this schema, degenerated to 1.7 postings a row when tracks came 1,000 an add
// (a lookup then took 170 ms at 100,000 tracks). An add appends a segment to the rows of its
// hashes (INSERT … ON CONFLICT DO UPDATE SET postings = postings || the new segment), so it
// rewrites those rows: an add costs more as the catalogue grows (900-1,300 tracks a second
// through adds of 1,000, against 7,000 for a build, which loads the table once with COPY).
// The table keeps a quarter of each page free (fillfactor 75) so that most of those updates
// stay on their page and leave the btree alone (heap-only tuples).
var pgMigrations = []string{
	// 0 → 1
	`CREATE SCHEMA IF NOT EXISTS leitmotif;
CREATE TABLE leitmotif.meta (
	one            boolean PRIMARY KEY DEFAULT true CHECK (one),
	schema_version integer NOT NULL,
	params         bytea NOT NULL,
	tracks         bigint NOT NULL,
	seconds        double precision NOT NULL
);
INSERT INTO leitmotif.meta (schema_version, params, tracks, seconds) VALUES (0, '', 0, 0);
CREATE TABLE leitmotif.tracks (
	id       integer PRIMARY KEY,
	path     text NOT NULL,
	duration double precision NOT NULL,
	features bytea NOT NULL
);
CREATE TABLE leitmotif.codes (
	hash     integer PRIMARY KEY,
	postings bytea NOT NULL
) WITH (fillfactor = 75);
-- Packed postings and 8-bit features do not compress: store them without trying.
ALTER TABLE leitmotif.codes ALTER COLUMN postings SET STORAGE EXTERNAL;
ALTER TABLE leitmotif.tracks ALTER COLUMN features SET STORAGE EXTERNAL;`,
}

// pgSchemaVersion is the schema version this leitmotif writes and reads: len(pgMigrations).
const pgSchemaVersion = 1

// pgLockKey is the advisory lock every writer of an index holds (pg_advisory_xact_lock: per
// database, released at the end of the transaction): "lmotif\x00\x01".
const pgLockKey int64 = 0x6c6d6f7469660001
