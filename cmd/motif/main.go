// Motif finds recurring melodies in WAV audio.
//
// Usage:
//
//	motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens]
//	motif compare A B [--json]
//	motif rank [--format tsv|json] FILE... | --list PATHS.txt
//	motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]
//	motif plot compare A B -o OUT.png
//
// Flags may come before or after the file arguments. Times are seconds; transpositions are
// semitones in -5..6, the shift that takes A's pitch classes to B's; tempo ratios are B's tempo
// relative to A's; scores are in [0, 1] and calibrated so that 0.5 is the decision threshold
// (at or above it, the same melody is there).
//
// Exit status is 0 on success, 1 when an input is bad (the message "motif: FILE: what is wrong"
// goes to stderr) and 2 for a usage error. Results go to stdout; progress goes to stderr, and
// only when stderr is a terminal.
//
// # Output
//
// motif chroma, json:
//
//	{"file": string, "duration": seconds, "sample_rate": Hz, "frame_rate": frames per second,
//	 "kind": "hpcp"|"stft"|"cens", "tuning_cents": cents from A4 = 440 Hz,
//	 "pitch_classes": ["C","C#",...,"B"], "frames": [[12 numbers], ...]}
//
// Frame k is centred at k/frame_rate seconds. motif chroma, csv: a header
// "time,C,C#,D,D#,E,F,F#,G,G#,A,A#,B" and one row a frame.
//
// motif compare prints a short text summary, or with --json:
//
//	{"a": {"file", "duration"}, "b": {"file", "duration"}, "score", "transposition",
//	 "tempo_ratio", "segments": [{"a_start", "a_end", "b_start", "b_end", "transposition",
//	 "score"}, ...]}
//
// Segments are best first. The first is the best alignment found and is reported even when
// the score is under 0.5 (its score, equal to the top-level score, says how good it is), so the
// best candidate's place is always known; further segments only when they reach 0.5; no segment
// only when nothing tonal aligns at all. Segment scores are on the top-level score's scale
// (calibrated against the same null). A segment never runs past either file's end, and two
// segments never overlap in both files at once.
//
// motif rank compares every ordered pair (query ≠ candidate), computing features once per file
// and spreading the work over all cores. tsv: one line "query<TAB>candidate<TAB>score" a pair;
// json: [{"query", "candidate", "score", "transposition", "tempo_ratio"}, ...]. Queries and
// candidates are the paths as given.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `usage:
  motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens]
  motif compare A B [--json]
  motif rank [--format tsv|json] FILE... | --list PATHS.txt
  motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]
  motif plot compare A B -o OUT.png
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "chroma":
		return runChroma(rest, stdout, stderr)
	case "compare":
		return runCompare(rest, stdout, stderr)
	case "rank":
		return runRank(rest, stdout, stderr)
	case "plot":
		return runPlot(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "motif: unknown command %q\n%s", cmd, usage)
	return 2
}

// errUsage marks a usage error (exit status 2); its message has already been printed.
var errUsage = errors.New("usage")

// parseArgs parses flags that may stand before, between or after positional arguments, which
// the standard flag package alone does not allow.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// newFlagSet returns a flag set that prints the command's usage line on a parse error.
func newFlagSet(name, line string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n", line)
		fs.PrintDefaults()
	}
	return fs
}

// usageError prints a usage problem and returns exit status 2.
func usageError(stderr io.Writer, line, format string, a ...any) int {
	fmt.Fprintf(stderr, "motif: %s\nusage: %s\n", fmt.Sprintf(format, a...), line)
	return 2
}

// inputError prints a bad-input problem as "motif: FILE: what is wrong" and returns 1. Errors
// from the motif package already start with the file name.
func inputError(stderr io.Writer, err error) int {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "open ")
	fmt.Fprintf(stderr, "motif: %s\n", msg)
	return 1
}
