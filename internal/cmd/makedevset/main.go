package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

func main() {
	out := flag.String("out", "testdata", "output directory (gets dev/ and examples/, with examples/soundtrack/)")
	sf2 := flag.String("sf2", "/usr/share/sounds/sf2/FluidR3_GM.sf2", "General MIDI soundfont")
	only := flag.String("only", "", "build only this part: dev, examples, world, motifs or soundtracks (the world set, the extra motif tuning sets and the soundtrack set are built only when asked for)")
	midi := flag.Bool("midi", false, "also keep the MIDI files (in OUT/midi, not committed)")
	jobs := flag.Int("j", 2, "parallel renders")
	dumpFiles := flag.String("dump", "", "print the scores of these files (comma-separated basenames) instead of rendering")
	check := flag.Bool("check", false, "with -only world: check the rendered set in -out against the plan instead of rendering")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: makedevset [-out DIR] [-sf2 FILE] [-only dev|examples|world] [-midi] [-j N]\n"+
			"       makedevset -only soundtracks -out DIR [-midi] [-j N]   # DIR/{tune,heldout}, DIR/themes.tsv\n"+
			"       makedevset -dump FILE.wav,...\n"+
			"       makedevset -only world -check [-out DIR]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || (*only != "" && *only != "dev" && *only != "examples" && *only != "world" && *only != "motifs" && *only != "soundtracks") || *jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	// the soundtrack set writes into -out itself, so it must not default to testdata
	outGiven := false
	flag.Visit(func(f *flag.Flag) { outGiven = outGiven || f.Name == "out" })
	if *only == "soundtracks" && !outGiven {
		fmt.Fprintln(os.Stderr, "makedevset: -only soundtracks needs -out DIR")
		os.Exit(2)
	}
	if *dumpFiles != "" {
		if err := dump(os.Stdout, *dumpFiles); err != nil {
			fmt.Fprintln(os.Stderr, "makedevset:", err)
			os.Exit(1)
		}
		return
	}
	if *check {
		if *only != "world" {
			flag.Usage()
			os.Exit(2)
		}
		if err := checkWorld(os.Stdout, *out); err != nil {
			fmt.Fprintln(os.Stderr, "makedevset:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *sf2, *only, *midi, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "makedevset:", err)
		os.Exit(1)
	}
}

func run(out, sf2, only string, midi bool, jobs int) error {
	tmp, err := os.MkdirTemp("", "makedevset")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	r := &Renderer{SF2: sf2, Tmp: tmp}
	if err := r.Check(); err != nil {
		return err
	}
	if only == "" || only == "dev" {
		dir := filepath.Join(out, "dev")
		if err := build(r, dir, devPlan(), midi, jobs); err != nil {
			return err
		}
	}
	if only == "" || only == "examples" {
		dir := filepath.Join(out, "examples")
		if err := build(r, dir, examplesPlan(), midi, jobs); err != nil {
			return err
		}
		if err := buildExampleSoundtrack(r, filepath.Join(dir, exSTDir), midi, jobs); err != nil {
			return err
		}
	}
	if only == "world" {
		if err := checkFonts(); err != nil {
			return err
		}
		for _, h := range worldHalves() {
			dir := filepath.Join(out, "world", h.Name)
			if err := build(r, dir, worldPlan(h), midi, jobs); err != nil {
				return err
			}
		}
		return os.WriteFile(filepath.Join(out, "world", "README.md"), worldReadme, 0o644)
	}
	if only == "soundtracks" {
		return buildSoundtracks(r, out, midi, jobs)
	}
	if only == "motifs" {
		if err := checkFonts(); err != nil {
			return err
		}
		for _, h := range motifHalves() {
			if err := build(r, filepath.Join(out, "motifs", h.Name), motifPart(h), midi, jobs); err != nil {
				return err
			}
		}
	}
	return nil
}

// build renders the entries into dir and writes its manifest files.
func build(r *Renderer, dir string, entries []Entry, midi bool, jobs int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rr := *r
	if midi {
		rr.MIDIDir = filepath.Join(filepath.Dir(dir), "midi", filepath.Base(dir))
		if err := os.MkdirAll(rr.MIDIDir, 0o755); err != nil {
			return err
		}
	}
	stats := make([]Stats, len(entries))
	errs := make([]error, len(entries))
	var wg sync.WaitGroup
	sem := make(chan struct{}, jobs)
	for i := range entries {
		if entries[i].Job.Score == nil {
			continue // another span of a file listed earlier
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			j := entries[i].Job
			j.Name = filepath.Join(dir, entries[i].File)
			stats[i], errs[i] = rr.Render(j)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	total := 0.0
	byFile := map[string]Stats{}
	for i, e := range entries {
		s, seen := byFile[e.File]
		if !seen {
			s = stats[i]
			byFile[e.File] = s
			total += s.Duration
		}
		clip := ""
		if e.Split != "" {
			clip = fmt.Sprintf("  synth peak %.2f", s.RawPeak)
			if s.RawPeak >= 0.999 {
				clip += " (clipped)"
			}
		}
		fmt.Fprintf(os.Stderr, "%-28s %6.2f s  rms %.3f  peak %.3f  melody %6.2f-%6.2f%s\n", e.File, s.Duration, s.RMS, s.Peak, e.Start, e.End, clip)
		if s.RMS < 0.02 {
			return fmt.Errorf("%s: nearly silent (RMS %.4f)", e.File, s.RMS)
		}
		if e.Negative {
			if e.Start != 0 || e.End != 0 {
				return fmt.Errorf("%s: a negative host has span %.2f-%.2f, want 0-0", e.File, e.Start, e.End)
			}
			continue
		}
		if e.End > s.Duration+1e-3 || e.Start < 0 || e.Start >= e.End {
			return fmt.Errorf("%s: melody span %.2f-%.2f outside the file (%.2f s)", e.File, e.Start, e.End, s.Duration)
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d files, %.1f s of audio\n", dir, len(byFile), total)
	return writeIndex(dir, entries)
}

func writeIndex(dir string, entries []Entry) error {
	if filepath.Base(dir) == "examples" {
		return writeTruth(dir, entries)
	}
	world := len(entries) > 0 && entries[0].Split != ""
	var m, l strings.Builder
	m.WriteString("file\twork\trole\tkey\ttempo\tstart\tend\tnotes")
	if world {
		m.WriteString("\tmaterial\tsplit")
	}
	m.WriteString("\n")
	for _, e := range entries {
		fmt.Fprintf(&m, "%s\t%s\t%s\t%d\t%g\t%.2f\t%.2f\t%s", e.File, e.Work, e.Role, e.Key, e.Tempo, e.Start, e.End, e.Notes)
		if world {
			fmt.Fprintf(&m, "\t%s\t%s", e.Material, e.Split)
		}
		m.WriteString("\n")
		fmt.Fprintf(&l, "%s\t%s\n", e.File, e.Work)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.tsv"), []byte(m.String()), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "labels.tsv"), []byte(l.String()), 0o644)
}
