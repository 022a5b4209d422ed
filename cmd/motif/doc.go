// Motif finds recurring melodies in audio: WAV, FLAC, MP3 and Ogg Vorbis, recognised by their
// content, not their name.
//
// Usage:
//
//	motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens] [--min-freq HZ] [--rate HZ] [--hop N]
//	motif compare A B [--format text|json] [--max-segments N]
//	motif rank [--format tsv|csv|json|jsonl] [--top K] [--keep-going] FILE|DIR... | --list PATHS.txt
//	motif discover [--format text|json|csv] [--min-length SEC] [--max-motifs N] [--keep-going] FILE|DIR... | --list PATHS.txt
//	motif index build|add INDEX [--keep-going] FILE|DIR... | --list PATHS.txt
//	motif index info INDEX [--format text|json]
//	motif index search INDEX QUERY... [--top K] [--format text|json] [--no-verify]
//	motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]
//	motif plot compare A B -o OUT.png
//	motif plot discover FILE|DIR... -o OUT.png [--min-length SEC] [--max-motifs N] | --list PATHS.txt
//	motif version
//
// Flags may come before or after the file arguments; --json is short for --format json on every
// command that writes JSON. A FILE of - is standard input (read once per command), and
// --list - reads the list of paths from standard input, one a line (blank lines and lines
// starting with # are skipped). A directory given to rank or discover stands for the audio files under it
// (.wav, .wave, .flac, .mp3, .ogg, .oga, any case), searched recursively and sorted.
//
// Exit status is 0 on success, 1 when an input is bad (the message "motif: FILE: what is wrong"
// goes to stderr) and 2 for a usage error (a message starting with "motif:" and the usage line).
// Without --keep-going a bad file stops rank or discover before any output; with it each bad file is
// reported, left out, and the status is 1 once the rest is written. 'motif CMD -h' prints the
// command's usage and flags on stdout and exits 0. Results go to stdout; progress (a bar with
// rate and time left) goes to stderr, only when stderr is a terminal, and is cleared before
// anything else is written there.
//
// Conventions: times and durations are seconds (float); transpositions are semitones in -5..6,
// the shift that takes A's pitch classes to B's; tempo ratios are B's tempo relative to A's
// (B slower: below 1; 0 when nothing aligns); scores are in [0, 1] and calibrated so that 0.5
// is the decision threshold (at or above it, the same melody is there, for a short phrase as
// for a whole song).
//
// # Output
//
// motif chroma, json (one object):
//
//	file          string   the FILE argument ("-" for standard input)
//	duration      number   length of the audio, seconds
//	sample_rate   integer  sample rate of the file, Hz
//	frame_rate    number   chroma frames per second; frame k is centred at k/frame_rate s
//	kind          string   "hpcp", "stft" or "cens"
//	tuning_cents  number   tuning the pitch classes refer to, cents from A4 = 440 Hz
//	pitch_classes [string] the 12 bin names, "C" first
//	frames        [[12 numbers]]  one frame a row, each in [0, 1] with its largest bin 1
//	                       (CENS: unit Euclidean norm), all 0 for silence
//
// motif chroma, csv: a header "time,C,C#,D,D#,E,F,F#,G,G#,A,A#,B", then one row a frame: its
// centre time in seconds and the 12 values.
//
// motif compare prints a short text summary, or with --format json one object:
//
//	a, b          {"file": string, "duration": seconds}  the two inputs as given
//	score         number   calibrated score in [0, 1]
//	transposition integer  semitones, -5..6
//	tempo_ratio   number   B's tempo over A's along the best alignment
//	segments      [object] aligned spans, best first (a list, possibly empty):
//	  a_start, a_end  number   span in A, seconds
//	  b_start, b_end  number   span in B, seconds
//	  transposition   integer  semitones, -5..6
//	  score           number   on the top-level score's scale
//
// The first segment is the best alignment found and is reported even when the score is under
// 0.5 (its score, equal to the top-level score, says how good it is), so the best candidate's
// place is always known; further segments only when they reach 0.5 (at most --max-segments,
// default 5); no segment only when nothing tonal aligns at all. A segment never runs past either
// file's end, and two segments never overlap in both files at once.
//
// motif rank compares every ordered pair (query ≠ candidate), computing features once per file
// and spreading the work over all cores; pairs come query-major, candidates in input order, or
// with --top K only each query's K best candidates, best first. Queries and candidates are the
// paths as given (or as found in a directory).
//
//	tsv    one line a pair: query<TAB>candidate<TAB>score
//	csv    a header "query,candidate,score,transposition,tempo_ratio", then one row a pair
//	json   one array of {"query", "candidate", "score", "transposition", "tempo_ratio"}
//	jsonl  the same objects, one a line (JSON Lines), for notebooks streaming a large set
//
// with query and candidate strings, score a number in [0, 1], transposition an integer in -5..6
// and tempo_ratio a number, as in compare.
//
// motif discover finds the melodies that recur within the files and across them, without being
// told what they are (one FILE alone: the motifs that recur inside it). It prints one block per
// motif, its occurrences as "file start–end (+3)" (m:ss.s times, transposition), or with
// --format json one object:
//
//	motifs        [object] best first: the motif accounting for the most recurring material
//	                       (summed length of its occurrences) first; [] when nothing recurs
//	  id            integer  1 for the first motif, 2 for the next, ...
//	  length        number   the motif's typical (median) length, seconds
//	  occurrences   [object] in file order (as given) then time; two or more:
//	    file          string   the path as given (or as found in a directory)
//	    start, end    number   seconds
//	    transposition integer  semitones, -5..6, relative to the motif's first occurrence
//	    score         number   in [0, 1]: compare's calibrated score of the occurrence searched
//	                           for, as a phrase, in the track of the occurrence it was paired
//	                           with (the lower of the two directions; see below)
//
// and with --format csv a header "motif,length,file,start,end,transposition,score", then one
// row an occurrence. A phrase heard five times is one motif with five occurrences, never ten
// pairs. Occurrences are at least --min-length seconds long (default 2), two of one motif
// in one file start at least that far apart; --max-motifs N keeps the N best (default all).
// An occurrence's score may be under 0.5: discovery pairs two spans only when each is the
// other's best match in its track, in keys that agree, and that mutual test lets it accept
// scores from 0.05 (the package motif documents the method and its measured precision).
//
// motif index keeps a catalogue searched by melody (package fingerprint). INDEX is a file path
// (the single-file index) or a postgres:// URL (postgres://user:password@host:port/database,
// with any libpq parameter such as sslmode or connect_timeout): the same index in a
// PostgreSQL database, shared by every machine that reaches it. build makes a new index from
// the files (a file is written beside INDEX and renamed over it once complete; in PostgreSQL
// the old catalogue is replaced in one transaction: either way a failed build leaves the old
// one); add appends files to an existing index without analysing the old ones again (one
// transaction in PostgreSQL; a second writer waits for the first); both take directories,
// --list and --keep-going as rank does. A corrupt, truncated or foreign INDEX, a database
// without a leitmotif index, and a server that cannot be reached are refused (exit 1,
// "motif: INDEX: what is wrong", a URL's password shown as xxxxx). info prints a summary, or
// with --format json one object:
//
//	index     string   the INDEX argument (a URL's password as xxxxx)
//	version   integer  format version of the index (of the schema, in PostgreSQL)
//	tracks    integer  tracks catalogued
//	duration  number   seconds of audio they hold
//	bytes     integer  size of the index
//
// search prints query<TAB>file<TAB>score lines, or with --format json one object a query, one
// a line (JSON Lines):
//
//	query     string   the QUERY argument
//	results   [object] best first, at most --top K (default 10):
//	  file           string   the track's path as it was indexed
//	  score          number   the calibrated compare score of the query (A) against the track
//	                          (B), verified by the full alignment; with --no-verify the
//	                          share of the query's codes on the candidate's tempo line, in
//	                          [0, 1], not calibrated
//	  transposition  integer  semitones, -5..6, as in compare (absent with --no-verify)
//	  segments       [object] as in compare (absent with --no-verify)
//
// motif plot writes a PNG: a chromagram (time in seconds against pitch class), the
// similarity of every moment of A to every moment of B at the transposition found, with the
// alignment path and the segments, or (plot discover) a timeline with one row per file and
// each motif's occurrences as bars in its colour, labelled with the motif's id and the
// occurrence's transposition (default --max-motifs 8).
//
// motif version (or --version) prints "motif", the module version from the build information
// ("(devel)" for a build from a checkout), the VCS revision when recorded, and the Go version.
package main
