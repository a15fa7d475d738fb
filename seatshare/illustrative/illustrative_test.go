package illustrative_test

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/seatshare/illustrative/internal/synth"
)

// TestEmbeddedMatchesGenerator checks that the embedded files are the
// generator's output, so that the data can always be regenerated.
func TestEmbeddedMatchesGenerator(t *testing.T) {
	for _, y := range illustrative.Years() {
		want, err := synth.Generate(y)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(fmt.Sprintf("up%d.csv", y))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("up%d.csv differs from synth.Generate(%d); run go generate in seatshare/illustrative", y, y)
		}
	}
}

// TestStatewideShares checks the calibration: each party's state-wide
// share of valid votes equals the published figure to 0.01 points, and
// every seat has its real number and name.
func TestStatewideShares(t *testing.T) {
	want := map[int]map[string]float64{
		2019: {"BJP": 0.4956, "BSP": 0.1926, "SP": 0.1796, "INC": 0.0631, "RLD": 0.0167, "ADAL": 0.0120},
		2009: {"BSP": 0.2742, "SP": 0.2326, "INC": 0.1825, "BJP": 0.1750, "RLD": 0.0327, "AD": 0.0084},
	}
	for _, y := range illustrative.Years() {
		e, err := illustrative.Election(y)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Constituencies) != 80 {
			t.Fatalf("%d: %d seats, want 80", y, len(e.Constituencies))
		}
		var valid int64
		votes := make(map[string]int64)
		for i, c := range e.Constituencies {
			if c.No != i+1 || c.Name != synth.Seats[i].Name || c.Reserved.String() != synth.Seats[i].Reserved {
				t.Errorf("%d: seat %d is %d %s %v", y, i+1, c.No, c.Name, c.Reserved)
			}
			valid += c.ValidVotes
			for _, cand := range c.Candidates {
				votes[cand.Party] += cand.Votes
			}
		}
		for p, share := range want[y] {
			if got := float64(votes[p]) / float64(valid); math.Abs(got-share) > 1e-4 {
				t.Errorf("%d: %s share %.4f, want %.4f", y, p, got, share)
			}
		}
		if e.Source[:len(illustrative.Label)] != illustrative.Label {
			t.Errorf("%d: Source %q is not labelled illustrative", y, e.Source)
		}
	}
}

func TestScenarioLoads(t *testing.T) {
	s, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seatshare.NewPlanner(s, illustrative.Election); err != nil {
		t.Fatal(err)
	}
	if _, err := illustrative.Election(2014); err == nil {
		t.Error("Election(2014) = nil error, want one (no synthetic 2014)")
	}
}
