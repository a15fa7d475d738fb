package seatsharetest_test

import (
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// The generators keep their promises: valid elections within the bounds,
// shared seats across years, Always parties everywhere, and bases that
// EstimateStrength accepts.
func TestGenerators(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.Config{
			States:       rapid.IntRange(1, 4).Draw(t, "states"),
			Seats:        rapid.IntRange(1, 5).Draw(t, "seats"),
			Candidates:   rapid.IntRange(1, 8).Draw(t, "candidates"),
			Independents: rapid.Bool().Draw(t, "independents"),
			Parties:      []string{"A", "B", "C"},
			Always:       []string{"A"},
		}
		es := seatsharetest.ElectionsWith(c, 2014, 2019).Draw(t, "es")
		for y, e := range es {
			if err := e.Validate(); err != nil {
				t.Fatalf("election %d invalid: %v", y, err)
			}
			if n := len(e.States()); n > c.States {
				t.Fatalf("%d states, want at most %d", n, c.States)
			}
			for _, st := range e.States() {
				if n := len(e.State(st)); n > c.Seats {
					t.Fatalf("%d seats in %s, want at most %d", n, st, c.Seats)
				}
			}
			for _, seat := range e.Constituencies {
				if _, ok := seat.Candidate("A"); !ok {
					t.Fatalf("A does not stand in %v", seat.ID())
				}
				if len(seat.Candidates) > c.Candidates {
					t.Fatalf("%d candidates in %v, want at most %d", len(seat.Candidates), seat.ID(), c.Candidates)
				}
				for _, cand := range seat.Candidates {
					if cand.Party == seatshare.Independent && !c.Independents {
						t.Fatalf("independent in %v", seat.ID())
					}
				}
			}
		}
		if diff := cmp.Diff(es[0].Seats(), es[1].Seats()); diff != "" {
			t.Fatalf("years have different seats (-2014 +2019):\n%s", diff)
		}
		bases := seatsharetest.Bases(c, []string{"B", "C"}).Draw(t, "bases")
		if _, err := seatshare.EstimateStrength(bases, nil); err != nil {
			t.Fatalf("EstimateStrength(drawn bases): %v", err)
		}
	})
}
