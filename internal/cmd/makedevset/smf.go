package main

import (
	"bytes"
	"encoding/binary"
	"math"
	"sort"
)

// ppq is the MIDI time resolution, ticks per quarter note.
const ppq = 480

// Note is one sounding note of a part. Times are in quarter-note beats.
type Note struct {
	Start, Dur float64
	Pitch      int
	Vel        int
}

// Part is one instrument: one MIDI track on its own channel.
type Part struct {
	Name    string
	Program int // GM program 0..127; for drums the kit (0 standard, 32 jazz, 40 brush)
	Drums   bool
	Volume  int // CC7
	Reverb  int // CC91
	Notes   []Note
}

// Score is a whole piece, at one constant tempo unless Tempo is set.
type Score struct {
	BPM   float64 // quarter notes per minute
	Meter int     // beats per bar, for the time signature meta event only
	Parts []Part
	End   float64 // beats; the music ends here (release tails are rendered after it)
	// Tempo, when set, replaces BPM by a tempo map: from each point's beat on, the tempo is
	// the point's BPM. The first point is at beat 0.
	Tempo []TempoPoint
}

// TempoPoint is a tempo change of a tempo map.
type TempoPoint struct{ Beat, BPM float64 }

// usPerBeat is the tempo as the SMF stores it: whole microseconds per quarter note.
func usPerBeat(bpm float64) int { return int(math.Round(60e6 / bpm)) }

// Seconds converts a time in beats to seconds. With a tempo map it integrates the tempo the
// way a MIDI player does (changes at whole ticks, tempos in whole microseconds per beat).
func (s *Score) Seconds(beats float64) float64 {
	if len(s.Tempo) == 0 {
		return beats * 60 / s.BPM
	}
	t := 0.0
	for i, p := range s.Tempo {
		b0 := float64(ticks(p.Beat)) / ppq
		us := float64(usPerBeat(p.BPM)) / 1e6
		if i+1 == len(s.Tempo) {
			return t + (beats-b0)*us
		}
		b1 := float64(ticks(s.Tempo[i+1].Beat)) / ppq
		if beats <= b1 {
			return t + (beats-b0)*us
		}
		t += (b1 - b0) * us
	}
	return t
}

type event struct {
	tick  int
	order int // note-offs before note-ons at the same tick
	data  []byte
}

func vlq(n int) []byte {
	b := []byte{byte(n & 0x7f)}
	for n >>= 7; n > 0; n >>= 7 {
		b = append([]byte{byte(n&0x7f) | 0x80}, b...)
	}
	return b
}

func ticks(beats float64) int { return int(math.Round(beats * ppq)) }

func chunk(id string, body []byte) []byte {
	var buf bytes.Buffer
	buf.WriteString(id)
	_ = binary.Write(&buf, binary.BigEndian, uint32(len(body)))
	buf.Write(body)
	return buf.Bytes()
}

func track(evs []event) []byte {
	sort.SliceStable(evs, func(i, j int) bool {
		if evs[i].tick != evs[j].tick {
			return evs[i].tick < evs[j].tick
		}
		return evs[i].order < evs[j].order
	})
	var body []byte
	last := 0
	for _, e := range evs {
		body = append(body, vlq(e.tick-last)...)
		body = append(body, e.data...)
		last = e.tick
	}
	body = append(body, 0x00, 0xff, 0x2f, 0x00)
	return chunk("MTrk", body)
}

func meta(kind byte, data []byte) []byte {
	return append(append([]byte{0xff, kind}, vlq(len(data))...), data...)
}

// SMF encodes the score as a format-1 Standard MIDI File: a conductor track (tempo, time
// signature, an end marker two beats after the music so release tails are rendered) and
// one track per part. Melodic parts get channels 0..15 skipping 9; drum parts use channel 9.
// It panics if there are more than 15 melodic parts (a programming error).
func (s *Score) SMF() []byte {
	tempo := func(tick int, bpm float64) event {
		us := usPerBeat(bpm)
		return event{tick, 0, meta(0x51, []byte{byte(us >> 16), byte(us >> 8), byte(us)})}
	}
	cond := []event{tempo(0, s.BPM)}
	if len(s.Tempo) > 0 {
		cond = cond[:0]
		for _, p := range s.Tempo {
			cond = append(cond, tempo(ticks(p.Beat), p.BPM))
		}
	}
	cond = append(cond, event{0, 1, meta(0x58, []byte{byte(s.Meter), 2, 24, 8})},
		event{ticks(s.End + 2), 2, meta(0x01, []byte("end"))})
	tracks := [][]byte{track(cond)}
	ch := 0
	for _, p := range s.Parts {
		c := 9
		if !p.Drums {
			if ch == 9 {
				ch++
			}
			if ch > 15 {
				panic("makedevset: too many melodic parts")
			}
			c = ch
			ch++
		}
		vol, rev := p.Volume, p.Reverb
		if vol == 0 {
			vol = 100
		}
		evs := []event{
			{0, 0, meta(0x03, []byte(p.Name))},
			{0, 1, []byte{0xc0 | byte(c), byte(p.Program)}},
			{0, 2, []byte{0xb0 | byte(c), 7, byte(vol)}},
			{0, 3, []byte{0xb0 | byte(c), 91, byte(rev)}},
		}
		for _, n := range p.Notes {
			on, off := ticks(n.Start), ticks(n.Start+n.Dur)
			if off <= on {
				off = on + 1
			}
			v := min(127, max(1, n.Vel))
			pitch := byte(min(127, max(0, n.Pitch)))
			evs = append(evs, event{on, 5, []byte{0x90 | byte(c), pitch, byte(v)}})
			evs = append(evs, event{off, 4, []byte{0x80 | byte(c), pitch, 0}})
		}
		tracks = append(tracks, track(evs))
	}
	hdr := make([]byte, 6)
	binary.BigEndian.PutUint16(hdr[0:], 1)
	binary.BigEndian.PutUint16(hdr[2:], uint16(len(tracks)))
	binary.BigEndian.PutUint16(hdr[4:], ppq)
	out := chunk("MThd", hdr)
	for _, t := range tracks {
		out = append(out, t...)
	}
	return out
}
