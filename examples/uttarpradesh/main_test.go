package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/examples/internal/golden"
	"github.com/coalitionlab/alliance/seatshare"
)

var update = flag.Bool("update", false, "rewrite testdata/illustrative.golden")

// TestIllustrative runs the program on the embedded ILLUSTRATIVE data and
// compares its table with the golden file, after checking the key lines
// and that a second run prints the same bytes.
func TestIllustrative(t *testing.T) {
	golden.Run(t, "illustrative.golden", func(w io.Writer) error { return run(context.Background(), w, nil, "") }, []string{
		"Seat-sharing plan: Uttar Pradesh: SP, INC and RLD share 80 seats",
		"ILLUSTRATIVE synthetic results, not real: up2019.csv",
		"Alliance expected wins: ",
		"INC's claim: at least the 19 seats it won in 2009",
		"What INC's demand costs",
		"Negotiation frontier: the alliance's best expected wins when INC gets exactly k seats of Uttar Pradesh",
		"Uttar Pradesh/36  RAE BARELI",
	}, *update)
}

// TestFormats checks that every format and table runs, and that bad flags
// are errors.
func TestFormats(t *testing.T) {
	for _, args := range [][]string{
		{"-format", "json"},
		{"-format", "csv"},
		{"-format", "csv", "-table", "parties"},
		{"-format", "csv", "-table", "constraints"},
		{"-format", "csv", "-table", "frontier"},
	} {
		var b bytes.Buffer
		if err := run(context.Background(), &b, args, ""); err != nil {
			t.Errorf("run(%q): %v", args, err)
		}
		if b.Len() == 0 {
			t.Errorf("run(%q) wrote nothing", args)
		}
	}
	for _, args := range [][]string{{"-format", "xml"}, {"-format", "csv", "-table", "x"}, {"extra"}, {"-data", "/nonexistent"}} {
		if err := run(context.Background(), &bytes.Buffer{}, args, ""); err == nil {
			t.Errorf("run(%q) = nil error", args)
		}
	}
}

// TestRealData runs the program on the real results when SEATSHARE_DATA
// is set.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, dir); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"ls2019_candidates.csv",
		"INC's claim: at least the 21 seats it won in 2009",
		"INC won 21 seats of Uttar Pradesh in 2009 and asks for at least as many; SP won 5 in 2019",
		"rules[0]    lock INC in Uttar Pradesh/36 RAE BARELI (won it in 2019)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "ILLUSTRATIVE") {
		t.Error("real-data output says ILLUSTRATIVE")
	}
}
