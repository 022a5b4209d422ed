package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
)

const usage = `motif finds recurring melodies in audio: WAV, FLAC, MP3 and Ogg Vorbis, recognised by content.

Commands:
  chroma    the chroma features of a file (12 pitch classes over time), as JSON or CSV
  compare   is the melody of A in B? score, transposition, tempo ratio and where
  rank      compare every ordered pair of files (or the best K candidates of each)
  discover  the motifs that recur within and across files, with every occurrence
  index     build, extend, describe and search a catalogue indexed by melody
  plot      draw a chromagram, a comparison or the motifs' timeline as a PNG
  version   the version of this program

usage:
  motif chroma FILE [--format json|csv] [--kind hpcp|stft|cens] [--min-freq HZ] [--rate HZ] [--hop N]
  motif compare A B [--format text|json] [--max-segments N]
  motif rank [--format tsv|csv|json|jsonl] [--top K] [--keep-going] FILE|DIR... | --list PATHS.txt
  motif discover [--format text|json|csv] [--min-length SEC] [--max-motifs N] [--keep-going] FILE|DIR... | --list PATHS.txt
  motif index build|add INDEX [--keep-going] FILE|DIR... | --list PATHS.txt
  motif index info INDEX [--format text|json]
  motif index search INDEX QUERY... [--top K] [--format text|json] [--no-verify]
  motif plot chroma FILE -o OUT.png [--kind hpcp|stft|cens]
  motif plot compare A B -o OUT.png
  motif plot discover FILE|DIR... -o OUT.png [--min-length SEC] [--max-motifs N]
  motif version

A FILE of - is standard input, and --list - reads the list from it. A directory is searched for
audio files (.wav, .flac, .mp3, .ogg, .oga). --json is short for --format json. 'motif CMD -h'
prints a command's flags; 'go doc github.com/leitmotif-audio/leitmotif/cmd/motif' every output
field.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command reads and writes besides its arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// run executes one command and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin, stdout, stderr}
	if len(args) == 0 {
		fmt.Fprintf(stderr, "motif: no command\n%s", usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "chroma":
		return runChroma(rest, e)
	case "compare":
		return runCompare(rest, e)
	case "rank":
		return runRank(rest, e)
	case "discover":
		return runDiscover(rest, e)
	case "index":
		return runIndex(rest, e)
	case "plot":
		return runPlot(rest, e)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "motif", version())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "motif: unknown command %q\n%s", cmd, usage)
	return 2
}

// version returns the module version from the build info ("(devel)" for a build from a
// checkout), with the VCS revision when the build recorded one, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v + " " + bi.GoVersion
}

// errHelp marks -h: the usage went to stdout and the command exits 0.
var errHelp = errors.New("help")

// command is one subcommand's flag set and usage line.
type command struct {
	fs     *flag.FlagSet
	line   string
	e      env
	checks []func() error // run by parse once the flags are read (see format)
}

func newCommand(name, line string, e env) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse errors are reported by parse, prefixed with "motif:"
	return &command{fs: fs, line: line, e: e}
}

// parse parses flags that may stand before, between or after positional arguments, which the
// standard flag package alone does not allow, and returns the positional ones. On -h it prints
// the usage and flags to stdout and returns errHelp; on a bad flag it prints "motif: ..." and
// the usage to stderr and returns an error.
func (c *command) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := c.fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(c.e.stdout, "usage: %s\n", c.line)
				c.fs.SetOutput(c.e.stdout)
				c.fs.PrintDefaults()
				return nil, errHelp
			}
			c.usageError("%v", err)
			return nil, err
		}
		args = c.fs.Args()
		if len(args) == 0 || args[0] == "--" {
			if len(args) > 0 {
				pos = append(pos, args[1:]...)
			}
			for _, check := range c.checks {
				if err := check(); err != nil {
					c.usageError("%v", err)
					return nil, err
				}
			}
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// status is the exit status of a parse error: 0 after -h, 2 otherwise.
func status(err error) int {
	if errors.Is(err, errHelp) {
		return 0
	}
	return 2
}

// usageError prints a usage problem and returns exit status 2.
func (c *command) usageError(format string, a ...any) int {
	fmt.Fprintf(c.e.stderr, "motif: %s\nusage: %s\n", fmt.Sprintf(format, a...), c.line)
	return 2
}

// format declares --format with the given choices (the first is the default) and --json as its
// shorthand, and returns the chosen format, which parse checks (a bad one is a usage error).
func (c *command) format(choices ...string) *string {
	f := c.fs.String("format", choices[0], "output format: "+strings.Join(choices, ", "))
	j := c.fs.Bool("json", false, "short for --format json")
	c.checks = append(c.checks, func() error {
		if *j {
			set := false
			c.fs.Visit(func(fl *flag.Flag) { set = set || fl.Name == "format" })
			if set && *f != "json" {
				return fmt.Errorf("--json and --format %s disagree", *f)
			}
			*f = "json"
		}
		if !slices.Contains(choices, *f) {
			return fmt.Errorf("unknown format %q (want %s)", *f, strings.Join(choices, ", "))
		}
		return nil
	})
	return f
}

// inputError prints a bad-input problem as "motif: FILE: what is wrong" and returns 1. Errors
// from the motif package already start with the file name.
func inputError(stderr io.Writer, err error) int {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "open ")
	fmt.Fprintf(stderr, "motif: %s\n", msg)
	return 1
}

func printWarning(w io.Writer, file, msg string) {
	fmt.Fprintf(w, "motif: %s: warning: %s\n", file, msg)
}
