package main

import (
	"math"
	"path/filepath"
	"testing"
)

func TestWAVRoundTrip(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x.wav")
	x := []float64{0, 0.5, -0.5, 1, -1, 1.5, -1.5, 1.0 / 32768, -3.0 / 32768}
	if err := writeWAV(name, x, sampleRate); err != nil {
		t.Fatal(err)
	}
	y, rate, err := readWAV(name)
	if err != nil {
		t.Fatal(err)
	}
	if rate != sampleRate || len(y) != len(x) {
		t.Fatalf("rate %d, %d samples; want %d, %d", rate, len(y), sampleRate, len(x))
	}
	for i, v := range x {
		want := math.Max(-1, math.Min(32767.0/32768, v)) // 16-bit PCM clips at full scale
		if y[i] != want {
			t.Errorf("sample %d: %v, want %v", i, y[i], want)
		}
	}
	// A read-write round trip is lossless.
	if err := writeWAV(name, y, sampleRate); err != nil {
		t.Fatal(err)
	}
	z, _, err := readWAV(name)
	if err != nil {
		t.Fatal(err)
	}
	for i := range y {
		if z[i] != y[i] {
			t.Errorf("sample %d: %v after a second round trip, want %v", i, z[i], y[i])
		}
	}
}

func TestTexture(t *testing.T) {
	// A steady sine is tonal and not percussive; white noise is flat.
	sine := make([]float64, 2*sampleRate)
	noise := make([]float64, len(sine))
	g := newRNG(1, "texture")
	for i := range sine {
		sine[i] = 0.5 * math.Sin(2*math.Pi*1000*float64(i)/sampleRate)
		noise[i] = 0.1 * g.norm()
	}
	if perc, flat := texture(sine); perc > 0.1 || flat > 0.05 {
		t.Errorf("sine: percussive %.3f, flatness %.3f", perc, flat)
	}
	if _, flat := texture(noise); flat < 0.4 {
		t.Errorf("noise: flatness %.3f", flat)
	}
}
