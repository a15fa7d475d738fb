package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress reports the steps of long work on stderr, but only when stderr
// is a terminal: redirected to a file or a pipe (and in tests) it stays
// quiet, so that logs hold only results and errors.
type progress struct {
	w     io.Writer // nil when quiet
	cmd   string
	start time.Time
	open  bool // a step line is on screen
}

// newProgress returns a progress reporter for cmd writing to stderr.
func newProgress(stderr io.Writer, cmd string) *progress {
	p := &progress{cmd: cmd, start: time.Now()}
	if isTerminal(stderr) {
		p.w = stderr
	}
	return p
}

// isTerminal reports whether w is an *os.File that is a character device
// (a terminal; also /dev/null, where the output does no harm).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// step replaces the line on screen with the next step and the time so
// far.
func (p *progress) step(format string, args ...any) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[Kseatshare %s: [%5.1fs] %s...", p.cmd, time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
	p.open = true
}

// done ends the line of the last step with the total time.
func (p *progress) done() {
	if p.w == nil || !p.open {
		return
	}
	fmt.Fprintf(p.w, " done in %.1fs\n", time.Since(p.start).Seconds())
	p.open = false
}
