package audio

import (
	"errors"
	"io"

	"github.com/leitmotif-audio/leitmotif/internal/wav"
)

// wavDecoder adapts internal/wav, whose typed errors become this package's.
type wavDecoder struct {
	d *wav.Decoder
	f Format
}

func newWAV(r io.Reader) (Decoder, error) {
	d, err := wav.NewDecoder(r)
	if err != nil {
		return nil, wavError(err)
	}
	wf := d.Format()
	f := Format{Codec: "wav", SampleRate: wf.SampleRate, Channels: wf.Channels, Frames: -1}
	if wf.DataBytes >= 0 && wf.BlockAlign > 0 {
		f.Frames = wf.DataBytes / int64(wf.BlockAlign)
	}
	return &wavDecoder{d, f}, nil
}

func (w *wavDecoder) Format() Format     { return w.f }
func (w *wavDecoder) Warnings() []string { return w.d.Warnings() }

func (w *wavDecoder) ReadMono(dst []float32) (int, error) {
	n, err := w.d.ReadMono(dst)
	if err != nil && err != io.EOF {
		err = wavError(err)
	}
	return n, err
}

// wavError converts the WAV decoder's typed errors; others (the reader's own)
// pass through.
func wavError(err error) error {
	var fe *wav.FormatError
	var ue *wav.UnsupportedError
	switch {
	case errors.As(err, &fe):
		return &FormatError{"wav", fe.Msg}
	case errors.As(err, &ue):
		return &UnsupportedError{"wav", ue.Msg}
	}
	return err
}
