package main

import (
	"encoding/binary"
	"testing"
)

// readVLQ decodes a MIDI variable-length quantity.
func readVLQ(b []byte) (n, size int) {
	for size < len(b) {
		c := b[size]
		size++
		n = n<<7 | int(c&0x7f)
		if c&0x80 == 0 {
			break
		}
	}
	return n, size
}

func TestSMFStructure(t *testing.T) {
	sc := &Score{BPM: 120, Meter: 3, End: 4, Parts: []Part{
		{Name: "a", Program: 73, Notes: []Note{{0, 1, 60, 100}, {1, 1, 62, 90}}},
		{Name: "drums", Program: 40, Drums: true, Notes: []Note{{0, 0.2, kick, 80}}},
	}}
	b := sc.SMF()
	if string(b[:4]) != "MThd" || binary.BigEndian.Uint16(b[8:]) != 1 || binary.BigEndian.Uint16(b[10:]) != 3 ||
		binary.BigEndian.Uint16(b[12:]) != ppq {
		t.Fatalf("bad header % x", b[:14])
	}
	p := 14
	var tempo int
	ons, offs := map[byte]int{}, map[byte]int{}
	var programs []int
	for tr := 0; tr < 3; tr++ {
		if string(b[p:p+4]) != "MTrk" {
			t.Fatalf("track %d: no MTrk at %d", tr, p)
		}
		n := int(binary.BigEndian.Uint32(b[p+4:]))
		body := b[p+8 : p+8+n]
		p += 8 + n
		tick, ended := 0, false
		for i := 0; i < len(body); {
			d, s := readVLQ(body[i:])
			tick += d
			i += s
			switch st := body[i]; {
			case st == 0xff:
				kind := body[i+1]
				l, s := readVLQ(body[i+2:])
				data := body[i+2+s : i+2+s+l]
				if kind == 0x51 {
					tempo = int(data[0])<<16 | int(data[1])<<8 | int(data[2])
				}
				if kind == 0x2f {
					ended = true
				}
				i += 2 + s + l
			case st&0xf0 == 0xc0:
				programs = append(programs, int(st&0x0f)<<8|int(body[i+1]))
				i += 2
			case st&0xf0 == 0x90:
				ons[st&0x0f]++
				i += 3
			case st&0xf0 == 0x80:
				offs[st&0x0f]++
				i += 3
			case st&0xf0 == 0xb0:
				i += 3
			default:
				t.Fatalf("track %d: unexpected status %#x", tr, st)
			}
		}
		if !ended {
			t.Errorf("track %d: no end of track", tr)
		}
		if tr == 0 && tick != ticks(sc.End+2) {
			t.Errorf("conductor ends at tick %d, want %d", tick, ticks(sc.End+2))
		}
	}
	if tempo != 500000 {
		t.Errorf("tempo %d us per quarter, want 500000", tempo)
	}
	if ons[0] != 2 || offs[0] != 2 || ons[9] != 1 || offs[9] != 1 {
		t.Errorf("note on/off per channel: %v %v", ons, offs)
	}
	if len(programs) != 2 || programs[0] != 73 || programs[1] != 9<<8|40 {
		t.Errorf("program changes (channel<<8|program) %v", programs)
	}
}

func TestSwingWarp(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{{0, 0}, {0.5, 2.0 / 3}, {1, 1}, {2.5, 2 + 2.0/3}, {3.25, 3 + 1.0/3}} {
		if got := swingWarp(tc.in); got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("swingWarp(%g) = %g, want %g", tc.in, got, tc.want)
		}
	}
}

func TestOrnamentKeepsTiming(t *testing.T) {
	p := works[0].MustParse()
	out := ornament(p.Notes, p.Scale, 1, newBuilder(100, 4, 1).rng)
	if len(out) <= len(p.Notes) {
		t.Fatalf("no ornaments added: %d notes", len(out))
	}
	end := func(ns []Note) float64 { return ns[len(ns)-1].Start + ns[len(ns)-1].Dur }
	if end(out) != end(p.Notes) {
		t.Errorf("ornamented melody ends at %g, want %g", end(out), end(p.Notes))
	}
	for i := 1; i < len(out); i++ {
		if out[i].Start < out[i-1].Start+out[i-1].Dur-eps {
			t.Errorf("note %d at %g overlaps the previous one", i, out[i].Start)
		}
	}
}

func TestWrapKey(t *testing.T) {
	for in, want := range map[int]int{0: 0, 6: 6, 7: -5, -6: 6, -5: -5, 11: -1, 12: 0, 3: 3} {
		if got := wrapKey(in); got != want {
			t.Errorf("wrapKey(%d) = %d, want %d", in, got, want)
		}
	}
}
