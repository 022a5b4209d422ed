package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
)

// Renderer turns scores into WAV files with fluidsynth and sox.
type Renderer struct {
	SF2      string // soundfont
	Tmp      string // scratch directory
	MIDIDir  string // if set, the .mid files are kept here too
	synthBin string
	soxBin   string
}

// Check finds the external tools and the soundfont, or says clearly what is missing.
func (r *Renderer) Check() error {
	var err error
	if r.synthBin, err = exec.LookPath("fluidsynth"); err != nil {
		return errors.New("fluidsynth not found in PATH (apt-get install fluidsynth fluid-soundfont-gm sox)")
	}
	if r.soxBin, err = exec.LookPath("sox"); err != nil {
		return errors.New("sox not found in PATH (apt-get install sox)")
	}
	if _, err := os.Stat(r.SF2); err != nil {
		return fmt.Errorf("soundfont: %w (apt-get install fluid-soundfont-gm, or pass -sf2)", err)
	}
	return nil
}

// Job is one file to render.
type Job struct {
	Name   string // output path
	Score  *Score
	Rate   int     // output sample rate
	Length float64 // seconds kept (the music plus its release)
	SNR    float64 // dB; 0 means no added noise
	Seed   uint64
}

// Stats describes a written file.
type Stats struct {
	Duration, RMS, Peak float64 // seconds; RMS and peak of the final samples (full scale 1)
}

// Render synthesises the job's score and writes a mono 16-bit WAV: trimmed to Length with a
// short fade-out, noise added at the SNR (relative to the music's RMS), peak-normalised to
// -1 dBFS.
func (r *Renderer) Render(j Job) (Stats, error) {
	base := filepath.Base(j.Name)
	mid := filepath.Join(r.Tmp, base+".mid")
	synth := filepath.Join(r.Tmp, base+".synth.wav")
	mono := filepath.Join(r.Tmp, base+".mono.wav")
	defer os.Remove(mid)
	defer os.Remove(synth)
	defer os.Remove(mono)
	smf := j.Score.SMF()
	if err := os.WriteFile(mid, smf, 0o644); err != nil {
		return Stats{}, err
	}
	if r.MIDIDir != "" {
		if err := os.WriteFile(filepath.Join(r.MIDIDir, trimExt(base)+".mid"), smf, 0o644); err != nil {
			return Stats{}, err
		}
	}
	cmd := exec.Command(r.synthBin, "-ni", "-q", "-g", "0.5", "-r", "22050", "-T", "wav", "-O", "s16",
		"-o", "synth.cpu-cores=1", "-F", synth, r.SF2, mid)
	if out, err := cmd.CombinedOutput(); err != nil {
		return Stats{}, fmt.Errorf("fluidsynth %s: %w: %s", base, err, out)
	}
	cmd = exec.Command(r.soxBin, "-R", "-V1", synth, "-r", fmt.Sprint(j.Rate), "-c", "1", "-b", "16", mono)
	if out, err := cmd.CombinedOutput(); err != nil {
		return Stats{}, fmt.Errorf("sox %s: %w: %s", base, err, out)
	}
	x, rate, err := readWAV16(mono)
	if err != nil {
		return Stats{}, fmt.Errorf("%s: %w", base, err)
	}
	if rate != j.Rate {
		return Stats{}, fmt.Errorf("%s: sox wrote %d Hz, want %d", base, rate, j.Rate)
	}
	n := int(math.Round(j.Length * float64(rate)))
	if len(x) < n {
		x = append(x, make([]float64, n-len(x))...)
	}
	x = x[:n]
	fade := min(n, rate/20)
	for i := range fade {
		x[n-1-i] *= float64(i) / float64(fade)
	}
	if j.SNR > 0 {
		sig := rms(x)
		sd := sig / math.Pow(10, j.SNR/20)
		rng := rand.New(rand.NewPCG(j.Seed, 0x5eed))
		for i := range x {
			x[i] += rng.NormFloat64() * sd
		}
	}
	peak := 0.0
	for _, v := range x {
		peak = max(peak, math.Abs(v))
	}
	if peak == 0 {
		return Stats{}, fmt.Errorf("%s: rendered silence", base)
	}
	g := math.Pow(10, -1.0/20) / peak
	for i := range x {
		x[i] *= g
	}
	if err := writeWAV16(j.Name, x, rate); err != nil {
		return Stats{}, err
	}
	return Stats{Duration: float64(n) / float64(rate), RMS: rms(x), Peak: peak * g}, nil
}

func trimExt(s string) string { return s[:len(s)-len(filepath.Ext(s))] }

func rms(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v * v
	}
	return math.Sqrt(s / float64(max(1, len(x))))
}

// readWAV16 reads the mono 16-bit PCM files sox writes.
func readWAV16(path string) ([]float64, int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, errors.New("not a WAV file")
	}
	rate, bits, ch := 0, 0, 0
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8 : min(len(b), p+8+size)]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return nil, 0, errors.New("short fmt chunk")
			}
			ch = int(binary.LittleEndian.Uint16(body[2:]))
			rate = int(binary.LittleEndian.Uint32(body[4:]))
			bits = int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if ch != 1 || bits != 16 {
				return nil, 0, fmt.Errorf("want mono 16-bit, got %d channels %d bits", ch, bits)
			}
			x := make([]float64, len(body)/2)
			for i := range x {
				x[i] = float64(int16(binary.LittleEndian.Uint16(body[2*i:]))) / 32768
			}
			return x, rate, nil
		}
		p += 8 + size + size%2
	}
	return nil, 0, errors.New("no data chunk")
}

// writeWAV16 writes x (in [-1, 1]) as a canonical mono 16-bit PCM WAV file.
func writeWAV16(path string, x []float64, rate int) error {
	le := binary.LittleEndian
	b := make([]byte, 44+2*len(x))
	copy(b, "RIFF")
	le.PutUint32(b[4:], uint32(36+2*len(x)))
	copy(b[8:], "WAVEfmt ")
	le.PutUint32(b[16:], 16)
	le.PutUint16(b[20:], 1) // PCM
	le.PutUint16(b[22:], 1) // mono
	le.PutUint32(b[24:], uint32(rate))
	le.PutUint32(b[28:], uint32(2*rate))
	le.PutUint16(b[32:], 2)
	le.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	le.PutUint32(b[40:], uint32(2*len(x)))
	for i, v := range x {
		s := max(-32768, min(32767, math.Round(v*32767)))
		le.PutUint16(b[44+2*i:], uint16(int16(s)))
	}
	return os.WriteFile(path, b, 0o644)
}
