package calibrate

import (
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"pgregory.net/rapid"
)

// TestTermsMatchMargin: the fast margin of a fit equals scoring.Margin's
// (through Seat.Margin) on generated backtests, at any transfer rate and
// lambda.
func TestTermsMatchMargin(t *testing.T) {
	blocs := Blocs{
		Alliance: []Member{{Party: "P1"}, {Party: "P2"}},
		Rival:    []Member{{Party: "P3"}, {Party: "P4"}},
	}
	rapid.Check(t, func(t *rapid.T) {
		es := seatsharetest.ElectionsWith(seatsharetest.Config{Independents: true, Always: []string{"P1"}}, 2009, 2014).Draw(t, "elections")
		b, err := NewBacktest(Pair{Base: es[0], Later: es[1], Blocs: blocs})
		if err != nil {
			t.Fatal(err)
		}
		tau := rapid.Float64Range(0, 1).Draw(t, "tau")
		lambda := rapid.Float64Range(0, 1).Draw(t, "lambda")
		for i := range b.Seats {
			s := &b.Seats[i]
			want, err := s.Margin(tau, lambda)
			if err != nil {
				t.Fatal(err)
			}
			tm, err := s.terms()
			if err != nil {
				t.Fatal(err)
			}
			if got := tm.margin(tau, lambda); math.Abs(got-want) > 1e-12 {
				t.Fatalf("seat %v: fast margin %v, scoring.Margin %v", s.ID, got, want)
			}
		}
	})
}
