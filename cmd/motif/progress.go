package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
)

// isTerminal reports whether w is a character device, so that progress is drawn only for a
// person watching, never into pipes, files or CI logs.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress draws a bar (rate, ETA, terminal width) on stderr while work is done; a disabled
// one does nothing. The bar is made at the first update, so a total learnt only then (the
// pieces discovery searches) is shown too. finish clears the line, so results and warnings
// start on a clean one.
type progress struct {
	w       io.Writer
	label   string
	enabled bool
	bar     *progressbar.ProgressBar
}

func newProgress(w io.Writer, label string, total int, enabled bool) *progress {
	p := &progress{w: w, label: label, enabled: enabled}
	if total > 0 {
		p.start(total)
	}
	return p
}

func (p *progress) start(total int) {
	if !p.enabled || total <= 1 {
		return
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription(p.label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("items"),
		progressbar.OptionFullWidth(),
		progressbar.OptionThrottle(100_000_000), // 100 ms
		progressbar.OptionClearOnFinish(),
	)
}

// update is a parallel.For progress callback: done of total items are finished.
func (p *progress) update(done, total int) {
	if p.bar == nil && p.enabled {
		p.start(total)
		p.enabled = false // one bar at most
	}
	if p.bar != nil {
		p.bar.Set(done)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
