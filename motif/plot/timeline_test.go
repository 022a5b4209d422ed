package plot

import (
	"bytes"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/leitmotif-audio/leitmotif/motif"
)

// The timeline paints each theme's occurrences in its colour, over an area proportional to
// their summed length, and sizes the image by the number of files.
func TestTimeline(t *testing.T) {
	tracks := []*motif.Features{
		{File: "/x/trailer.wav", Duration: 40},
		{File: "ballad.wav", Duration: 100},
		{File: "", Duration: 60},
	}
	themes := []motif.Theme{
		{Length: 20, Occurrences: []motif.Occurrence{{Track: 0, Start: 5, End: 25}, {Track: 1, Start: 10, End: 50, Transposition: 3}, {Track: 1, Start: 70, End: 90, Transposition: 3}}},
		{Length: 4, Occurrences: []motif.Occurrence{{Track: 2, Start: 10, End: 14}, {Track: 2, Start: 30, End: 34, Transposition: -2}}},
	}
	wt, err := Timeline(tracks, themes, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != TimelineWidth || b.Dy() != timelineRow*3+timelineMargin {
		t.Errorf("size %v", b)
	}
	count := func(c color.NRGBA) int {
		n := 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				if color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) == c {
					n++
				}
			}
		}
		return n
	}
	first, second := count(themeColors[0]), count(themeColors[1])
	// 80 s of the first theme against 8 s of the second, less the labels' pixels.
	if second == 0 || math.Abs(float64(first)/float64(second)/10-1) > 0.3 {
		t.Errorf("theme colours cover %d and %d pixels, want about 10:1", first, second)
	}
	if count(themeColors[2]) != 0 {
		t.Error("a third theme's colour is painted")
	}
}

func TestTimelineErrors(t *testing.T) {
	f := &motif.Features{Duration: 10}
	for _, tc := range []struct {
		name   string
		tracks []*motif.Features
		themes []motif.Theme
		want   string
	}{
		{"no track", nil, nil, "no track"},
		{"nil features", []*motif.Features{f, nil}, nil, "missing features"},
		{"track out of range", []*motif.Features{f}, []motif.Theme{{Occurrences: []motif.Occurrence{{Track: 1}}}}, "track 1 of 1"},
	} {
		if _, err := Timeline(tc.tracks, tc.themes, ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := Timeline([]*motif.Features{f}, nil, "nothing recurs"); err != nil {
		t.Errorf("no theme: %v", err)
	}
}
