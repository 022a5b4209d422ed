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
// one does nothing. finish clears the line, so results and warnings start on a clean one.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(w io.Writer, label string, total int, enabled bool) progress {
	if !enabled || total <= 1 {
		return progress{}
	}
	return progress{progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("items"),
		progressbar.OptionFullWidth(),
		progressbar.OptionThrottle(100_000_000), // 100 ms
		progressbar.OptionClearOnFinish(),
	)}
}

// update is a parallel.For progress callback: done of total items are finished.
func (p progress) update(done, total int) {
	if p.bar != nil {
		p.bar.Set(done)
	}
}

func (p progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}
