// Package golden compares the example programs' output with golden files
// under testdata, the way every example test does.
package golden

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the file testdata/name. With update it rewrites
// the file instead (creating testdata when needed). A missing file fails
// the test with a hint to run with -update; different contents fail it
// with the whole output, so a reader sees what changed.
func Check(t testing.TB, name string, got []byte, update bool) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; got:\n%s", path, got)
	}
}

// Run runs a program twice, fails the test if the two outputs differ or
// if the output lacks any of the lines in want, and then compares it with
// testdata/name as Check does. It returns the output.
func Run(t testing.TB, name string, run func(w io.Writer) error, want []string, update bool) []byte {
	t.Helper()
	var b, again bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	if err := run(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two runs differ")
	}
	for _, w := range want {
		if !bytes.Contains(b.Bytes(), []byte(w)) {
			t.Errorf("output lacks %q", w)
		}
	}
	Check(t, name, b.Bytes(), update)
	return b.Bytes()
}
