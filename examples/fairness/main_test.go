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

var update = flag.Bool("update", false, "rewrite testdata/illustrative.golden")

// TestIllustrative runs the program on the embedded ILLUSTRATIVE data,
// checks that it runs the same twice, checks key lines and compares it
// with the golden file.
func TestIllustrative(t *testing.T) {
	golden.Run(t, "illustrative.golden", func(w io.Writer) error { return run(context.Background(), w, nil, "") },
		[]string{"*** ILLUSTRATIVE", "Claim: 2022 UP assembly MLAs (ECI) (SP 111, INC 2, RLD 8)", "Election Commission of India", "Loosemore-Hanby"}, *update)
}

// TestInvariants checks the JSON output: every split gives out the 80
// seats, Hamilton's splits and the plans within quota stay within quota,
// 0 <= Gallagher <= Loosemore-Hanby, and the price of fairness is never
// negative and is the difference of the two optima.
func TestInvariants(t *testing.T) {
	var b bytes.Buffer
	if err := run(context.Background(), &b, []string{"-format", "json"}, ""); err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(b.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Claims) != 4 {
		t.Fatalf("%d claims, want 4", len(rep.Claims))
	}
	for _, c := range rep.Claims {
		for _, s := range c.Splits {
			sum := 0
			for i, x := range s.Seats {
				sum += x
				if s.Method == "Hamilton" && (float64(x) < math.Floor(c.Quotas[i]) || float64(x) > math.Ceil(c.Quotas[i])) {
					t.Errorf("%s, Hamilton: %s gets %d, outside its quota %v", c.Name, parties[i], x, c.Quotas[i])
				}
			}
			if sum != 80 {
				t.Errorf("%s, %s: %d seats, want 80", c.Name, s.Method, sum)
			}
			// With shares summing to one, max|d| <= sum|d|/2, so
			// Gallagher^2 = sum d^2/2 <= (sum|d|/2)^2 = Loosemore-Hanby^2.
			if s.Gallagher < 0 || s.Gallagher > s.LoosemoreHanby+1e-12 {
				t.Errorf("%s, %s: indices %+v, want 0 <= Gallagher <= Loosemore-Hanby", c.Name, s.Method, s.index)
			}
		}
		if c.Fair == nil {
			continue
		}
		if c.Fair.Price.Absolute < 0 || math.Abs(c.Fair.Price.Absolute-(rep.BestValue-c.Fair.Expected)) > 1e-9 {
			t.Errorf("%s: price %+v, optimum %v, fair %v", c.Name, c.Fair.Price, rep.BestValue, c.Fair.Expected)
		}
		for i, x := range c.Fair.Seats {
			if float64(x) < math.Floor(c.Quotas[i]) || float64(x) > math.Ceil(c.Quotas[i]) {
				t.Errorf("%s: the plan within quota gives %s %d seats, quota %v", c.Name, parties[i], x, c.Quotas[i])
			}
		}
	}
}

// TestRealData runs the program on the real results when SEATSHARE_DATA is
// set: INC's 21 wins of 2009 and the 2019 winners among the members.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, dir); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Claim: 2009 Lok Sabha wins (SP 23, INC 21, RLD 5)", "Claim: 2019 Lok Sabha wins (SP 5, INC 1, RLD 0)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "ILLUSTRATIVE") {
		t.Error("real-data output says ILLUSTRATIVE")
	}
}
