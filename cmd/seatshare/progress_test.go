package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgressQuiet checks that progress writes nothing unless stderr is a
// terminal, and that on a character device it reports steps and the time.
func TestProgressQuiet(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, "plan")
	p.step("simulating %d", 5)
	p.done()
	if b.Len() != 0 {
		t.Errorf("progress wrote %q to a buffer", b.String())
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("isTerminal(regular file) = true")
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if !isTerminal(null) {
		t.Errorf("isTerminal(%s) = false; it is a character device", os.DevNull)
	}
}

// TestProgressLine checks the text of a step on a terminal-like writer.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	p := &progress{w: &b, cmd: "simulate"}
	p.step("simulating %d elections", 100)
	p.done()
	p.done() // a second done writes nothing
	got := b.String()
	if !strings.Contains(got, "seatshare simulate: [") || !strings.Contains(got, "simulating 100 elections... done in ") || strings.Count(got, "\n") != 1 {
		t.Errorf("progress line = %q", got)
	}
}
