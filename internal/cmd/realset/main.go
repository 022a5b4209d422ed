package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

var start = time.Now()

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "realset %5.1fs: %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
}

func main() {
	out := flag.String("out", "", "output directory (its tune/, heldout/ and licences/ are replaced)")
	cache := flag.String("cache", "", "download and extraction cache (default .cache/realset in the module root)")
	seed := flag.Uint64("seed", 1, "seed of every choice")
	jobs := flag.Int("j", runtime.NumCPU(), "parallel sox jobs")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: realset -out DIR [-cache DIR] [-seed N] [-j N]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() != 0 || *jobs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if *cache == "" {
		*cache = filepath.Join(moduleRoot(), ".cache", "realset")
	}
	if err := run(*out, *cache, *seed, *jobs); err != nil {
		fmt.Fprintf(os.Stderr, "realset: %v\n", err)
		os.Exit(1)
	}
}

// moduleRoot is the nearest directory upwards from the working directory with a go.mod,
// or the working directory.
func moduleRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return wd
		}
	}
}

func checkTools() error {
	for _, t := range []struct{ bin, pkg string }{{"sox", "sox libsox-fmt-all"}, {"opusdec", "opus-tools"}, {"dpkg-deb", "dpkg"}} {
		if _, err := exec.LookPath(t.bin); err != nil {
			return fmt.Errorf("%s not found: apt-get install %s", t.bin, t.pkg)
		}
	}
	help, _ := exec.Command("sox", "-h").Output()
	for _, f := range []string{" ogg ", " mp3 "} {
		if !bytes.Contains(help, []byte(f)) {
			return fmt.Errorf("sox cannot read or write%sfiles: apt-get install libsox-fmt-all", f)
		}
	}
	return nil
}

// pool runs fns on n workers and returns the first error.
func pool(n int, fns []func() error) error {
	var (
		mu    sync.Mutex
		first error
		wg    sync.WaitGroup
		next  int
	)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next >= len(fns) || first != nil {
					mu.Unlock()
					return
				}
				fn := fns[next]
				next++
				mu.Unlock()
				if err := fn(); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// sox runs sox in repeatable mode (-R: fixed seeds for its dither), quietly.
func sox(args ...string) error {
	cmd := exec.Command("sox", append([]string{"-R", "-V1"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("sox %s: %v: %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	return nil
}

// outFmt are sox's output options for every file of the set: mono 16-bit PCM at 22050 Hz.
var outFmt = []string{"-b", "16", "-e", "signed-integer", "-c", "1", "-r", fmt.Sprint(sampleRate)}

func secs(x float64) string { return fmt.Sprintf("%.4f", x) }

type builder struct {
	pl      *plan
	out     string
	tmp     string
	roots   map[string]string // package name -> extraction root
	licence map[string][2]string
	jobs    int
}

func run(out, cache string, seed uint64, jobs int) error {
	if err := checkTools(); err != nil {
		return err
	}
	pl, err := makePlan(seed)
	if err != nil {
		return err
	}
	for _, d := range []string{cache, out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	b := &builder{pl: pl, out: out, roots: map[string]string{}, licence: map[string][2]string{}, jobs: jobs}

	// 1. Fetch, verify and unpack the packages.
	var mu sync.Mutex
	var fns []func() error
	for _, p := range packages {
		fns = append(fns, func() error {
			deb, err := fetch(p, cache)
			if err != nil {
				return err
			}
			root, err := extract(p, deb, filepath.Join(cache, "extract"))
			if err != nil {
				return err
			}
			cp, err := os.ReadFile(filepath.Join(root, copyrightPath(p.Name)))
			if err != nil {
				return err
			}
			lic, holder := licence(cp)
			if lic == "" {
				return fmt.Errorf("%s: no licence for Files: * in its copyright file", p.Name)
			}
			mu.Lock()
			b.roots[p.Name], b.licence[p.Name] = root, [2]string{lic, holder}
			mu.Unlock()
			return nil
		})
	}
	if err := pool(jobs, fns); err != nil {
		return err
	}
	logf("packages verified and unpacked in %s", cache)

	b.tmp = filepath.Join(out, ".realset-tmp")
	for _, d := range []string{b.tmp, filepath.Join(out, "tune"), filepath.Join(out, "heldout"), filepath.Join(out, "licences")} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	defer os.RemoveAll(b.tmp)

	// 2. Decode the windows of every recording used, and measure their texture.
	fns = nil
	for _, w := range pl.Works {
		fns = append(fns, func() error {
			x, err := b.decode(w.Rec, w.SrcStart, w.SrcEnd, w.ID)
			if err != nil {
				return err
			}
			i0 := int(margin * sampleRate)
			perc, flat := texture(x[i0 : i0+int(w.L*sampleRate)])
			w.Genre = genreOf(perc, flat)
			w.GenreNote = fmt.Sprintf("percussive %.2f, flatness %.3f", perc, flat)
			return nil
		})
	}
	for _, h := range pl.Hosts {
		fns = append(fns, func() error {
			x, err := b.decode(h.Rec, h.H0, h.H0+h.Lh, h.ID)
			if err != nil {
				return err
			}
			perc, flat := texture(x)
			h.HGenre = genreOf(perc, flat)
			return nil
		})
	}
	if err := pool(jobs, fns); err != nil {
		return err
	}
	for _, h := range pl.Hosts {
		h.Genre = h.HGenre
		if h.Src != nil {
			h.Genre = h.Src.Genre
		}
	}
	logf("decoded %d recordings", len(pl.Works)+len(pl.Hosts))

	// 3. References, versions and hosts.
	fns = nil
	for _, w := range pl.Works {
		fns = append(fns, func() error { return b.reference(w) })
		for _, v := range w.Versions {
			fns = append(fns, func() error { return b.version(w, v) })
		}
	}
	for _, h := range pl.Hosts {
		fns = append(fns, func() error { return b.host(h) })
	}
	if err := pool(jobs, fns); err != nil {
		return err
	}
	logf("rendered %d files", len(fns))

	// 4. Manifests, labels, licences and READMEs.
	if err := b.writeMeta(); err != nil {
		return err
	}
	logf("done: %s", out)
	return nil
}

func (b *builder) src(id string) string { return filepath.Join(b.tmp, "src_"+id+".wav") }

func (b *builder) dir(half int) string { return filepath.Join(b.out, halfNames[half]) }

// decode writes [from, to] seconds of a recording as mono 16-bit 22050 Hz to the
// temporary directory and returns the samples.
func (b *builder) decode(r recording, from, to float64, id string) ([]float64, error) {
	in := filepath.Join(b.roots[r.Pkg], filepath.FromSlash(r.Path))
	dst := b.src(id)
	tail := append(append([]string{}, outFmt...), dst, "trim", secs(from), secs(to-from), "channels", "1", "rate", "-v", fmt.Sprint(sampleRate))
	if strings.HasSuffix(r.Path, ".opus") {
		// opusdec streams WAV into sox, which stops reading at the window's end; opusdec
		// then dies of SIGPIPE, which is fine when sox has what it needs.
		dec := exec.Command("opusdec", "--quiet", "--force-wav", "--rate", "48000", in, "-")
		var decErr bytes.Buffer
		dec.Stderr = &decErr
		pipe, err := dec.StdoutPipe()
		if err != nil {
			return nil, err
		}
		cmd := exec.Command("sox", append([]string{"-R", "-V1", "-t", "wav", "-"}, tail...)...)
		var soxErr bytes.Buffer
		cmd.Stdin, cmd.Stderr = pipe, &soxErr
		if err := dec.Start(); err != nil {
			return nil, fmt.Errorf("opusdec: %w", err)
		}
		err = cmd.Run()
		pipe.Close()
		derr := dec.Wait()
		if err != nil {
			return nil, fmt.Errorf("opusdec %s | sox: %v, %v: %s %s", in, derr, err, bytes.TrimSpace(decErr.Bytes()), bytes.TrimSpace(soxErr.Bytes()))
		}
	} else if err := sox(append([]string{in}, tail...)...); err != nil {
		return nil, err
	}
	x, _, err := readWAV(dst)
	if err != nil {
		return nil, err
	}
	if want := int((to - from) * sampleRate); len(x) < want-sampleRate/10 {
		return nil, fmt.Errorf("%s: decoded %.1f s from %.1f s, want %.1f s: the recording is shorter than the table says",
			r.Path, float64(len(x))/sampleRate, from, to-from)
	}
	return x, nil
}

func refName(w *work) string                { return w.ID + "_ref.wav" }
func versionName(w *work, v version) string { return w.ID + "_" + v.Name + ".wav" }
func hostName(h *host) string               { return h.Kind + "_" + h.ID + ".wav" }

func (b *builder) reference(w *work) error {
	args := append([]string{b.src(w.ID)}, outFmt...)
	args = append(args, filepath.Join(b.dir(w.Half), refName(w)), "trim", secs(margin), secs(w.L), "gain", "-n", "-1")
	return sox(args...)
}

// pitchTempo are the sox effects of a pitch shift in semitones and a tempo factor.
func pitchTempo(pitch int, tempo float64) []string {
	var e []string
	if pitch != 0 {
		e = append(e, "pitch", fmt.Sprint(100*pitch))
	}
	if tempo != 1 {
		e = append(e, "tempo", "-m", fmt.Sprint(tempo))
	}
	return e
}

func (b *builder) version(w *work, v version) error {
	name := versionName(w, v)
	final := filepath.Join(b.dir(w.Half), name)
	stage := filepath.Join(b.tmp, name)
	args := append([]string{b.src(w.ID)}, outFmt...)
	args = append(args, stage, "trim", secs(margin+v.Shift), secs(w.L), "gain", "-6")
	args = append(args, pitchTempo(v.Pitch, v.Tempo)...)
	if v.EQ != "" {
		args = append(args, strings.Fields(v.EQ)...)
	}
	if v.Reverb != "" {
		args = append(args, "reverb")
		args = append(args, strings.Fields(v.Reverb)...)
	}
	args = append(args, "gain", "-n", "-1")
	if err := sox(args...); err != nil {
		return err
	}
	defer os.Remove(stage)
	if v.SNR != 0 {
		x, _, err := readWAV(stage)
		if err != nil {
			return err
		}
		addNoise(x, v.SNR, newRNG(b.pl.Seed, "noise", w.ID, v.Name))
		normalize(x)
		if err := writeWAV(stage, x, sampleRate); err != nil {
			return err
		}
	}
	if v.Codec == "" {
		return os.Rename(stage, final)
	}
	enc := filepath.Join(b.tmp, strings.TrimSuffix(name, ".wav")+"."+v.Codec)
	dec := enc + ".wav"
	defer os.Remove(enc)
	defer os.Remove(dec)
	if err := sox(stage, "-C", fmt.Sprint(v.CodecQ), enc); err != nil {
		return err
	}
	if err := sox(append(append([]string{enc}, outFmt...), dec, "channels", "1", "rate", fmt.Sprint(sampleRate))...); err != nil {
		return err
	}
	x, _, err := readWAV(stage)
	if err != nil {
		return err
	}
	y, _, err := readWAV(dec)
	if err != nil {
		return err
	}
	// MP3 adds an encoder and decoder delay (about 1100 samples): remove it, so that
	// times in the manifest hold.
	y, _ = alignTo(y, x, 3000)
	return writeWAV(final, y, sampleRate)
}

func (b *builder) host(h *host) error {
	x, _, err := readWAV(b.src(h.ID))
	if err != nil {
		return err
	}
	if h.Src != nil {
		// The phrase with crossfade/2 of margin each side, pitch- and tempo-changed.
		ph := filepath.Join(b.tmp, "phrase_"+h.ID+".wav")
		defer os.Remove(ph)
		from := h.P0 - h.Src.SrcStart - crossfade/2*h.Tempo
		args := append([]string{b.src(h.Src.ID)}, outFmt...)
		args = append(args, ph, "trim", secs(from), secs((h.P+crossfade)*h.Tempo))
		args = append(args, pitchTempo(h.Pitch, h.Tempo)...)
		if err := sox(args...); err != nil {
			return err
		}
		p, _, err := readWAV(ph)
		if err != nil {
			return err
		}
		n := int(math.Round((h.P + crossfade) * sampleRate))
		if len(p) < n-sampleRate/20 {
			return fmt.Errorf("%s: phrase of %d samples, want %d", h.ID, len(p), n)
		}
		p = append(p, make([]float64, max(0, n-len(p)))...)[:n]
		x, err = splice(x, p, int(math.Round(h.Ins*sampleRate)), int(math.Round(crossfade*sampleRate)))
		if err != nil {
			return fmt.Errorf("%s: %w", h.ID, err)
		}
	}
	normalize(x)
	return writeWAV(filepath.Join(b.dir(h.Half), hostName(h)), x, sampleRate)
}

// row is one manifest line.
type row struct {
	file, work, role   string
	key                int
	tempo, start, end  float64
	notes, split, genr string
}

func (b *builder) rows(half int) []row {
	var rs []row
	for _, w := range b.pl.Works {
		if w.Half != half {
			continue
		}
		src := fmt.Sprintf("%s:%s %.1f-%.1f s", w.Rec.Pkg, w.Rec.Path, w.R0, w.R0+w.L)
		rs = append(rs, row{refName(w), w.ID, "arrangement", 0, 1, 0, w.L,
			"reference; " + src + "; " + w.GenreNote, halfNames[half], w.Genre})
		for _, v := range w.Versions {
			s, e := w.shared(v)
			var d []string
			d = append(d, fmt.Sprintf("pitch %+d semitones", v.Pitch), fmt.Sprintf("tempo x%.2f", v.Tempo))
			if v.Shift != 0 {
				d = append(d, fmt.Sprintf("start shifted %+.1f s", v.Shift))
			}
			if v.EQ != "" {
				d = append(d, "EQ "+v.EQDesc)
			}
			if v.Reverb != "" {
				d = append(d, "reverb "+v.Reverb)
			}
			if v.SNR != 0 {
				d = append(d, fmt.Sprintf("white noise %.1f dB SNR", v.SNR))
			}
			switch v.Codec {
			case "mp3":
				d = append(d, fmt.Sprintf("MP3 %d kb/s round trip", v.CodecQ))
			case "ogg":
				d = append(d, fmt.Sprintf("Ogg Vorbis q%d round trip", v.CodecQ))
			}
			rs = append(rs, row{versionName(w, v), w.ID, "arrangement", v.Pitch, v.Tempo, s, e,
				strings.Join(d, ", "), halfNames[half], w.Genre})
		}
	}
	for _, h := range b.pl.Hosts {
		if h.Half != half {
			continue
		}
		hsrc := fmt.Sprintf("host %s:%s %.1f-%.1f s (%s)", h.Rec.Pkg, h.Rec.Path, h.H0, h.H0+h.Lh, h.HGenre)
		if h.Src == nil {
			rs = append(rs, row{hostName(h), "neg_" + h.ID, "host", 0, 1, 0, 0,
				"negative: hides nothing; " + hsrc, halfNames[half], h.Genre})
			continue
		}
		n := fmt.Sprintf("%.1f s phrase of %s (%.2f-%.2f s of its recording), pitch %+d, tempo x%.2f, %.1f s crossfades; %s",
			h.P, h.Src.ID, h.P0, h.P0+h.P*h.Tempo, h.Pitch, h.Tempo, crossfade, hsrc)
		rs = append(rs, row{hostName(h), h.Src.ID, "host", h.Pitch, h.Tempo, h.Ins, h.Ins + h.P, n, halfNames[half], h.Genre})
	}
	return rs
}

func (b *builder) writeMeta() error {
	// Licence files, once for both halves.
	for _, p := range packages {
		files := append([]string{copyrightPath(p.Name)}, licenceFiles[p.Name]...)
		for _, f := range files {
			data, err := os.ReadFile(filepath.Join(b.roots[p.Name], filepath.FromSlash(f)))
			if err != nil {
				return err
			}
			name := p.Name + ".copyright"
			if f != copyrightPath(p.Name) {
				name = p.Name + "." + filepath.Base(filepath.Dir(f)) + ".license.txt"
			}
			if err := os.WriteFile(filepath.Join(b.out, "licences", name), data, 0o644); err != nil {
				return err
			}
		}
	}
	for half := range 2 {
		rs := b.rows(half)
		var m, l strings.Builder
		m.WriteString("file\twork\trole\tkey\ttempo\tstart\tend\tnotes\tmaterial\tsplit\tgenre\n")
		for _, r := range rs {
			fmt.Fprintf(&m, "%s\t%s\t%s\t%d\t%g\t%.2f\t%.2f\t%s\treal\t%s\t%s\n",
				r.file, r.work, r.role, r.key, r.tempo, r.start, r.end, r.notes, r.split, r.genr)
			fmt.Fprintf(&l, "%s\t%s\n", strings.TrimSuffix(r.file, ".wav"), r.work)
		}
		d := b.dir(half)
		if err := os.WriteFile(filepath.Join(d, "manifest.tsv"), []byte(m.String()), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(d, "labels.tsv"), []byte(l.String()), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(d, "README.md"), []byte(b.readme(half, rs)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// licenceNotes says what covers the music of each package, read from its copyright file
// and, for warzone2100-music, its albums' license.txt.
var licenceNotes = map[string]string{
	"freedroidrpg-data":  "the music is under the Files: * paragraph (no paragraph names it)",
	"frozen-bubble-data": "music by the Frozen-Bubble Team, under Files: *",
	"hedgewars-data":     "Data/Music is under Files: * (only Data/Sounds has other licences: GFDL-1.3, CC-BY-SA-3.0)",
	"megaglest-data": "all files CC-BY-SA-3.0 Unported; faction music credited to Aminos (indian, persian), " +
		"Margaras (egypt), manolo camp (norsemen) and Mattias Westlund's album \"Chronicles III\" (romans)",
	"warzone2100-music": "original_soundtrack and menu.opus under Files: *; the legacy and aftermath albums " +
		"(LupusMechanicus) under CC-BY-SA-3.0 or later, or alternatively GPL-2+, per their license.txt",
}

func (b *builder) readme(half int, rs []row) string {
	var s strings.Builder
	name := halfNames[half]
	fmt.Fprintf(&s, "# leitmotif real set: %s half\n\n", name)
	fmt.Fprintf(&s, "Real game-soundtrack recordings from five Debian packages, cut into references, transformed\n"+
		"versions and phrase-in-host splices, for evaluating melody matching. Generated, not committed:\n\n"+
		"    go run ./internal/cmd/realset -out DIR [-cache DIR] [-seed %d]\n\n"+
		"(from the module root; needs apt-get, dpkg-deb, sox with libsox-fmt-all, and opusdec from\n"+
		"opus-tools). The same seed and packages give the same files. This half is `%s/`; the other\n"+
		"half is cut from other recordings only (the split is by source recording).\n\n", b.pl.Seed, name)
	counts := map[string]int{}
	files := map[string]int{}
	var secsTotal float64
	for _, r := range rs {
		switch {
		case r.role == "arrangement" && strings.HasSuffix(r.file, "_ref.wav"):
			counts["works "+r.genr]++
		case r.role == "host" && strings.HasPrefix(r.file, "neg_"):
			counts["negative hosts"]++
		case r.role == "host" && strings.HasPrefix(r.file, "short_"):
			counts["4-8 s splices"]++
		case r.role == "host":
			counts["12-25 s splices"]++
		}
		files[r.genr]++
	}
	for _, w := range b.pl.Works {
		if w.Half == half {
			secsTotal += w.L
		}
	}
	fmt.Fprintf(&s, "## Contents\n\n%d files (%d orchestral, %d band); %d works: %d orchestral, %d band; "+
		"%d splices of 12-25 s, %d of 4-8 s, %d negative hosts. Mono 16-bit WAV at %d Hz.\n\n",
		len(rs), files["orchestral"], files["band"], counts["works orchestral"]+counts["works band"],
		counts["works orchestral"], counts["works band"], counts["12-25 s splices"], counts["4-8 s splices"],
		counts["negative hosts"], sampleRate)
	s.WriteString("manifest.tsv columns: file, work, role (arrangement or host), key (semitones applied against\n" +
		"the reference), tempo (tempo factor against the reference: 1.25 = 25% faster), start and end (seconds\n" +
		"of the file where the work's material sounds), notes (source and every transformation), material\n" +
		"(`real`), split, genre (`orchestral` or `band`). labels.tsv: basename, work.\n\n")
	s.WriteString("- **Reference** (`*_ref.wav`): a 60-90 s excerpt of a recording, key 0, tempo 1; start..end is\n" +
		"  the whole file.\n" +
		"- **Versions** (`*_vN.wav`, 2-3 per work): the excerpt with sox `pitch` (-4..+5 semitones) and\n" +
		"  `tempo -m` (0.80-1.25, pitch kept), and one or two of: EQ (`bass`/`treble`/`equalizer`, or a\n" +
		"  300-3400 Hz band), `reverb`, white noise at 10-20 dB SNR (seeded, generated in Go), an MP3 or\n" +
		"  Ogg Vorbis round trip (the codec delay removed); about half also start 2-6 s later or earlier in\n" +
		"  the recording. start..end is the part shared with the reference (the windows' overlap, divided\n" +
		"  by the tempo).\n" +
		"- **Splices** (`splice_*.wav`: 12-25 s phrase; `short_*.wav`: 4-8 s): a 45-85 s excerpt of a host\n" +
		"  recording used for nothing else, in which a phrase from the middle of a work's reference window\n" +
		"  (so every version contains it too), pitch- and tempo-shifted, replaces the host's audio at\n" +
		"  start..end, level-matched, with 0.5 s equal-power crossfades centred on both edges. work is\n" +
		"  the phrase's work; key and tempo are the phrase's shift; genre is the phrase's (the notes give\n" +
		"  the host's).\n" +
		"- **Negative hosts** (`neg_*.wav`): a host excerpt with nothing spliced in; its work is unique;\n" +
		"  start = end = 0.\n\n" +
		"Each host comes from a recording of its own, never from a work's recording, so that no two\n" +
		"files of different works share music. Recordings that may share a melody with another were\n" +
		"left out (see internal/cmd/realset/packages.go).\n\n")
	fmt.Fprintf(&s, "## Genre\n\nNobody listened. Two measures of the reference excerpt (for a host, of its own excerpt):\n"+
		"spectral flatness between 0.5 and 5 kHz, and the percussive fraction (share of spectral energy\n"+
		"where a median over 17 bins beats a median over 17 frames). `band` (drums with distorted guitar,\n"+
		"rock, metal or electronic texture) when flatness >= %.2f, or flatness >= %.2f and percussive\n"+
		"fraction >= %.2f; else `orchestral` (orchestral, ambient or acoustic cue). Both measures are in\n"+
		"each reference's notes. A crude guess: expect some labels to be wrong.\n\n", bandFlatness, bandFlatnessDrums, bandPercussive)
	s.WriteString("## Sources\n\n| package | version | .deb SHA-256 | size | licence (Files: *) | note |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, p := range packages {
		lic := b.licence[p.Name]
		fmt.Fprintf(&s, "| %s | %s | `%s` | %.0f MB | %s (%s) | %s |\n", p.Name, p.Version, p.SHA256,
			float64(p.Size)/1e6, lic[0], lic[1], licenceNotes[p.Name])
	}
	s.WriteString("\nThe packages' copyright files and warzone2100-music's album licences are in `../licences/`.\n" +
		"Every file's notes name the recording and the seconds it was cut from, for attribution.\n\n")
	s.WriteString("## Recordings of this half\n\n| recording | role | genre |\n| --- | --- | --- |\n")
	type rr struct{ name, role, genre string }
	var list []rr
	for _, w := range b.pl.Works {
		if w.Half == half {
			list = append(list, rr{w.Rec.Pkg + ":" + w.Rec.Path, "work " + w.ID, w.Genre})
		}
	}
	for _, h := range b.pl.Hosts {
		if h.Half == half {
			list = append(list, rr{h.Rec.Pkg + ":" + h.Rec.Path, h.Kind + " host " + h.ID, h.HGenre})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })
	for _, r := range list {
		fmt.Fprintf(&s, "| %s | %s | %s |\n", r.name, r.role, r.genre)
	}
	fmt.Fprintf(&s, "\n%.0f s of reference excerpts in this half.\n", secsTotal)
	return s.String()
}
