package audio

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/mewkiz/flac"
	"github.com/mewkiz/flac/frame"
)

// flacDecoder wraps github.com/mewkiz/flac, which decodes one frame (at
// most 65,535 samples a channel) at a time.
type flacDecoder struct {
	s     *flac.Stream
	f     Format
	bits  uint8
	frame *frame.Frame // the frame being emitted
	pos   int          // its next sample
	done  bool
	err   error
}

func newFLAC(r io.Reader) (Decoder, error) {
	var s *flac.Stream
	err := guard("flac", func() (err error) { s, err = flac.New(r); return })
	if err != nil {
		return nil, flacError(err)
	}
	info := s.Info
	if info == nil {
		return nil, &FormatError{"flac", "no STREAMINFO block"}
	}
	switch {
	case info.SampleRate == 0 || info.SampleRate > MaxSampleRate:
		return nil, &FormatError{"flac", fmt.Sprintf("sample rate %d Hz is not from 1 to %d Hz", info.SampleRate, MaxSampleRate)}
	case info.NChannels == 0 || info.NChannels > MaxChannels:
		return nil, &FormatError{"flac", fmt.Sprintf("%d channels (1 to %d)", info.NChannels, MaxChannels)}
	case info.BitsPerSample < 4 || info.BitsPerSample > 32:
		return nil, &FormatError{"flac", fmt.Sprintf("%d bits per sample (4 to 32)", info.BitsPerSample)}
	}
	f := Format{Codec: "flac", SampleRate: int(info.SampleRate), Channels: int(info.NChannels), Frames: -1}
	if info.NSamples > 0 && info.NSamples < 1<<62 {
		f.Frames = int64(info.NSamples)
	}
	return &flacDecoder{s: s, f: f, bits: info.BitsPerSample}, nil
}

func (d *flacDecoder) Format() Format     { return d.f }
func (d *flacDecoder) Warnings() []string { return nil }

func (d *flacDecoder) ReadMono(dst []float32) (int, error) {
	n := 0
	for n < len(dst) {
		if d.err != nil {
			return n, d.err
		}
		if d.frame == nil || d.pos >= int(d.frame.BlockSize) {
			if d.done {
				break
			}
			var fr *frame.Frame
			err := guard("flac", func() (err error) { fr, err = d.s.ParseNext(); return })
			if errors.Is(err, io.EOF) {
				d.done = true
				break
			}
			if err != nil {
				d.err = flacError(err)
				return n, d.err
			}
			if err := d.check(fr); err != nil {
				d.err = err
				return n, err
			}
			d.frame, d.pos = fr, 0
			continue
		}
		k := min(len(dst)-n, int(d.frame.BlockSize)-d.pos)
		scale := 1 / float32(uint64(1)<<(d.bits-1)) / float32(len(d.frame.Subframes))
		out := dst[n : n+k]
		clear(out)
		for _, sf := range d.frame.Subframes {
			for i, v := range sf.Samples[d.pos : d.pos+k] {
				out[i] += float32(v) * scale
			}
		}
		d.pos += k
		n += k
	}
	if n == 0 && d.done {
		return 0, io.EOF
	}
	return n, nil
}

// check refuses a frame whose layout disagrees with the stream's: the
// samples are mixed with the stream's bit depth and channel count.
func (d *flacDecoder) check(fr *frame.Frame) error {
	if len(fr.Subframes) != d.f.Channels || (fr.BitsPerSample != 0 && fr.BitsPerSample != d.bits) {
		return &FormatError{"flac", fmt.Sprintf("frame %d has %d channels of %d bits, the stream %d of %d", fr.Num, len(fr.Subframes), fr.BitsPerSample, d.f.Channels, d.bits)}
	}
	// A damaged residual or predictor decodes to samples past the declared bit depth (seen by
	// the fuzzer at 4x full scale): refused rather than mixed in as a burst.
	lo, hi := -int32(1)<<(d.bits-1), int32(1)<<(d.bits-1)-1
	if d.bits == 32 {
		lo, hi = math.MinInt32, math.MaxInt32
	}
	for c, sf := range fr.Subframes {
		if len(sf.Samples) < int(fr.BlockSize) {
			return &FormatError{"flac", fmt.Sprintf("frame %d has %d samples a channel, %d declared", fr.Num, len(sf.Samples), fr.BlockSize)}
		}
		for _, v := range sf.Samples[:fr.BlockSize] {
			if v < lo || v > hi {
				return &FormatError{"flac", fmt.Sprintf("frame %d, channel %d: sample %d outside %d bits", fr.Num, c, v, d.bits)}
			}
		}
	}
	return nil
}

func flacError(err error) error { return libError("flac", "stream truncated", err) }
