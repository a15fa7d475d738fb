package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/examples/internal/golden"
	"github.com/coalitionlab/alliance/seatshare"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestNoData checks that without the real results the program says what
// it needs, naming SEATSHARE_DATA, and succeeds.
func TestNoData(t *testing.T) {
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Set SEATSHARE_DATA") {
		t.Errorf("output = %q", b.String())
	}
	golden.Check(t, "nodata.golden", b.Bytes(), *update)
	for _, args := range [][]string{{"-format", "xml"}, {"extra"}} {
		if err := run(context.Background(), &bytes.Buffer{}, args, ""); err == nil {
			t.Errorf("run(%q) = nil error", args)
		}
	}
}

// TestRealData runs the national plan on the real results when
// SEATSHARE_DATA is set: the golden table, every demand met, AITC and SP
// only in their states, and Shapley values that add up to the alliance's
// value without demands, which is at least the plan's.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, dir); err != nil {
		t.Fatal(err)
	}
	// The table names its source files; write the data directory as the
	// variable so the golden file holds wherever the data lives.
	got := bytes.ReplaceAll(b.Bytes(), []byte(dir), []byte("$"+seatshare.DataEnv))
	golden.Check(t, "real.golden", got, *update)

	var j bytes.Buffer
	if err := run(context.Background(), &j, []string{"-format", "json"}, dir); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Plan struct {
			Expected float64 `json:"expected"`
			Seats    []struct {
				State string `json:"state"`
				Party string `json:"party"`
			} `json:"seats"`
			Constraints []struct {
				Name  string  `json:"name"`
				Value float64 `json:"value"`
			} `json:"constraints"`
		} `json:"plan"`
		Parties []partyRow `json:"parties"`
	}
	if err := json.Unmarshal(j.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Plan.Seats) != 543 {
		t.Errorf("%d seats, want 543", len(rep.Plan.Seats))
	}
	only := map[string]string{"AITC": "West Bengal", "SP": "Uttar Pradesh", "RJD": "Bihar", "JMM": "Jharkhand"}
	for _, s := range rep.Plan.Seats {
		if st, ok := only[s.Party]; ok && s.State != st {
			t.Errorf("%s contests a seat in %s", s.Party, s.State)
		}
	}
	for i, d := range demands {
		if got := rep.Plan.Constraints[i].Value; got < float64(d.min) {
			t.Errorf("%s: %v seats", d.name, got)
		}
	}
	sum := 0.0
	for _, p := range rep.Parties {
		sum += p.Shapley
	}
	if sum < rep.Plan.Expected-1e-9 || math.IsNaN(sum) {
		t.Errorf("Shapley values sum to %v, below the plan's %v", sum, rep.Plan.Expected)
	}
}

// BenchmarkNational times the whole program on the real results: the
// national plan with prices for every demand and switch costs, 100,000
// simulated elections and the per-state Shapley values.
func BenchmarkNational(b *testing.B) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		b.Skip(seatshare.DataEnv + " is not set")
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := run(context.Background(), io.Discard, nil, dir); err != nil {
			b.Fatal(err)
		}
	}
}
