package main

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/motif/plot"
)

// plotTestWAV writes a mono 16-bit WAV at 11025 Hz playing the MIDI notes, each for 0.4 s
// with a few harmonics, and returns its path.
func plotTestWAV(t *testing.T, name string, notes []int) string {
	t.Helper()
	const rate, noteLen = 11025, 4410
	pcm := make([]int16, 0, len(notes)*noteLen)
	for _, n := range notes {
		f := 440 * math.Pow(2, float64(n-69)/12)
		for i := range noteLen {
			ti := float64(i) / rate
			var x float64
			for h := 1.0; h <= 3; h++ {
				x += math.Sin(2*math.Pi*f*h*ti) / h
			}
			pcm = append(pcm, int16(8000*x*math.Exp(-2*ti)))
		}
	}
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	w(uint32(36 + 2*len(pcm)))
	b.WriteString("WAVEfmt ")
	w(uint32(16))
	w(uint16(1))
	w(uint16(1))
	w(uint32(rate))
	w(uint32(2 * rate))
	w(uint16(2))
	w(uint16(16))
	b.WriteString("data")
	w(uint32(2 * len(pcm)))
	w(pcm)
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPlotUsage(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.png")
	for _, args := range [][]string{
		{},
		{"thumbnail", "a.wav", "-o", out}, // unknown plot
		{"chroma"},
		{"chroma", "a.wav"},                     // no -o
		{"chroma", "a.wav", "b.wav", "-o", out}, // two files
		{"chroma", "a.wav", "-o", out, "--kind", "mfcc"},        // unknown kind
		{"chroma", "a.wav", "-o"},                               // -o without a value
		{"chroma", "a.wav", "-o", out, "--format", "json"},      // not a plot flag
		{"compare", "a.wav", "-o", out},                         // one file
		{"compare", "a.wav", "b.wav"},                           // no -o
		{"compare", "a.wav", "b.wav", "c.wav", "-o", out},       // three files
		{"compare", "a.wav", "b.wav", "-o", out, "--kind", "x"}, // chroma-only flag
	} {
		var stdout, stderr bytes.Buffer
		if got := run(append([]string{"plot"}, args...), nil, &stdout, &stderr); got != 2 {
			t.Errorf("motif plot %q: exit %d, want 2 (stderr %q)", args, got, stderr.String())
		}
		if !strings.Contains(stderr.String(), "usage") {
			t.Errorf("motif plot %q: no usage on stderr: %q", args, stderr.String())
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("motif plot %q wrote %s", args, out)
		}
	}
}

func TestPlotBadInput(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.wav")
	garbage := filepath.Join(dir, "garbage.wav")
	if err := os.WriteFile(garbage, []byte("this is not a RIFF file at all, just text"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := plotTestWAV(t, "good.wav", []int{60, 64, 67, 72})
	out := filepath.Join(dir, "out.png")
	for _, tc := range []struct {
		args []string
		file string // the file the message must name
	}{
		{[]string{"chroma", missing, "-o", out}, missing},
		{[]string{"chroma", "-o", out, garbage}, garbage},
		// Flags after the positional arguments are parsed: the failure is the file, not usage.
		{[]string{"compare", good, missing, "-o", out}, missing},
		{[]string{"compare", garbage, good, "-o", out}, garbage},
		// An output that cannot be created is bad input too.
		{[]string{"chroma", good, "-o", filepath.Join(dir, "no", "such", "dir.png")}, filepath.Join(dir, "no", "such", "dir.png")},
	} {
		var stdout, stderr bytes.Buffer
		if got := run(append([]string{"plot"}, tc.args...), nil, &stdout, &stderr); got != 1 {
			t.Errorf("motif plot %q: exit %d, want 1 (stderr %q)", tc.args, got, stderr.String())
			continue
		}
		if msg := stderr.String(); !strings.HasPrefix(msg, "motif: "+tc.file+": ") {
			t.Errorf("motif plot %q: stderr %q does not start with \"motif: %s: \"", tc.args, msg, tc.file)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("motif plot %q wrote %s", tc.args, out)
		}
	}
}

func TestPlotWritesPNG(t *testing.T) {
	theme := []int{60, 64, 67, 69, 67, 64, 62, 60, 65, 69, 72, 71}
	a := plotTestWAV(t, "theme.wav", theme)
	var host []int
	host = append(host, 61, 66, 70, 63, 68)
	for _, n := range theme {
		host = append(host, n+3) // the theme a minor third up
	}
	host = append(host, 70, 63, 66, 61)
	b := plotTestWAV(t, "host.wav", host)
	dir := t.TempDir()
	for _, tc := range []struct {
		name          string
		args          []string
		width, height int
	}{
		{"chroma.png", []string{"chroma", a, "-o"}, plot.ChromagramWidth, plot.ChromagramHeight},
		{"cens.png", []string{"chroma", "--kind", "cens", b, "-o"}, plot.ChromagramWidth, plot.ChromagramHeight},
		{"compare.png", []string{"compare", a, b, "-o"}, plot.CompareWidth, plot.CompareHeight},
	} {
		out := filepath.Join(dir, tc.name)
		var stdout, stderr bytes.Buffer
		if got := run(append(append([]string{"plot"}, tc.args...), out), nil, &stdout, &stderr); got != 0 {
			t.Errorf("%s: exit %d, stderr %q", tc.name, got, stderr.String())
			continue
		}
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != tc.width || b.Dy() != tc.height {
			t.Errorf("%s: %dx%d, want %dx%d", tc.name, b.Dx(), b.Dy(), tc.width, tc.height)
		}
	}
}
