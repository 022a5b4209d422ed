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

	// The world set's options; their zero values render exactly as the dev set does.
	SF2       string   // soundfont for this job instead of the renderer's
	SynthRate int      // fluidsynth's sample rate (default 22050)
	Gain      float64  // fluidsynth's master gain (default 0.5)
	Synth     []string // further fluidsynth options, before -F
	Effects   []string // sox effects after the down-mix and resampling (reverb, EQ)
	Drive     float64  // > 0: soft-clip the music (tanh, this much gain into it) like a loud master
	Pink      bool     // the added noise is pink (-3 dB/octave) instead of white
}

// Stats describes a written file.
type Stats struct {
	Duration, RMS, Peak float64 // seconds; RMS and peak of the final samples (full scale 1)
	RawPeak             float64 // peak of the synthesiser's output (1 = it clipped)
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
	sf2, srate, gain := r.SF2, 22050, 0.5
	if j.SF2 != "" {
		sf2 = j.SF2
	}
	if j.SynthRate > 0 {
		srate = j.SynthRate
	}
	if j.Gain > 0 {
		gain = j.Gain
	}
	var synthPeak float64
	for try := 0; ; try++ {
		args := []string{"-ni", "-q", "-g", fmt.Sprint(gain), "-r", fmt.Sprint(srate), "-T", "wav", "-O", "s16",
			"-o", "synth.cpu-cores=1"}
		args = append(append(args, j.Synth...), "-F", synth, sf2, mid)
		cmd := exec.Command(r.synthBin, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return Stats{}, fmt.Errorf("fluidsynth %s: %w: %s", base, err, out)
		}
		var err error
		if synthPeak, err = peak16(synth); err != nil {
			return Stats{}, fmt.Errorf("%s: %w", base, err)
		}
		// the world set renders again, softer, when the synthesiser clipped
		if j.SF2 == "" || synthPeak < 0.999 || try == 3 {
			break
		}
		gain /= 2
	}
	args := []string{"-R", "-V1"}
	if len(j.Effects) > 0 {
		args = append(args, "-G") // guard against clipping in the effects; the level is normalised below
	}
	args = append(append(args, synth, "-r", fmt.Sprint(j.Rate), "-c", "1", "-b", "16", mono), j.Effects...)
	cmd := exec.Command(r.soxBin, args...)
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
	if j.Drive > 0 {
		// normalise, then drive into a tanh: a loud, compressed master
		pk := 0.0
		for _, v := range x {
			pk = max(pk, math.Abs(v))
		}
		g, d := 1/max(pk, 1e-9), math.Tanh(j.Drive)
		for i := range x {
			x[i] = math.Tanh(j.Drive*g*x[i]) / d
		}
	}
	if j.SNR > 0 {
		sig := rms(x)
		sd := sig / math.Pow(10, j.SNR/20)
		rng := rand.New(rand.NewPCG(j.Seed, 0x5eed))
		if j.Pink {
			addPink(x, sd, rng)
		} else {
			for i := range x {
				x[i] += rng.NormFloat64() * sd
			}
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
	return Stats{Duration: float64(n) / float64(rate), RMS: rms(x), Peak: peak * g, RawPeak: synthPeak}, nil
}

// addPink adds pink noise of standard deviation sd to x: white noise through Paul Kellet's
// economy filter (three poles, within 0.5 dB of -3 dB/octave above ~100 Hz at these rates).
func addPink(x []float64, sd float64, rng *rand.Rand) {
	y := make([]float64, len(x))
	var b0, b1, b2 float64
	for i := range y {
		w := rng.NormFloat64()
		b0 = 0.99765*b0 + w*0.0990460
		b1 = 0.96300*b1 + w*0.2965164
		b2 = 0.57000*b2 + w*1.0526913
		y[i] = b0 + b1 + b2 + w*0.1848
	}
	g := sd / max(rms(y), 1e-12)
	for i := range x {
		x[i] += g * y[i]
	}
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

// peak16 returns the peak of a 16-bit PCM WAV file of any channel count, full scale 1.
func peak16(path string) (float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return 0, errors.New("not a WAV file")
	}
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		if id == "data" {
			body := b[p+8 : min(len(b), p+8+size)]
			pk := 0
			for i := 0; i+1 < len(body); i += 2 {
				v := int(int16(binary.LittleEndian.Uint16(body[i:])))
				pk = max(pk, v, -v)
			}
			return float64(pk) / 32767, nil
		}
		p += 8 + size + size%2
	}
	return 0, errors.New("no data chunk")
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
