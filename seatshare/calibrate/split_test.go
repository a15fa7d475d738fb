package calibrate_test

import (
	"fmt"
	"math"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// TestSplitUnchangedArrangement: when the later election repeats the base
// election's seat sharing (in every seat the same alliance member stands
// and its partners stand aside), splitting the base alliance's votes
// leaves the model's margin at full transfer and the combined share
// unchanged, because the parts of a split add up to the candidate's
// votes; at any transfer rate it never raises the alliance's margin.
func TestSplitUnchangedArrangement(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		nMembers := rapid.IntRange(2, 3).Draw(t, "nMembers")
		members := make([]string, nMembers)
		for k := range members {
			members[k] = fmt.Sprintf("A%d", k+1)
		}
		nSeats := rapid.IntRange(1, 8).Draw(t, "nSeats")
		var base, later []seatshare.Constituency
		for i := range nSeats {
			state := rapid.SampledFrom([]string{"S", "T"}).Draw(t, "state")
			m := members[rapid.IntRange(0, nMembers-1).Draw(t, "stands")]
			var cs [2]seatshare.Constituency
			for y := range cs {
				a := rapid.IntRange(1, 500).Draw(t, "allianceVotes")
				r := rapid.IntRange(0, 400).Draw(t, "rivalVotes")
				o := rapid.IntRange(0, 99).Draw(t, "otherVotes")
				pv := []any{m, a}
				if r > 0 {
					pv = append(pv, "R", r)
				}
				if o > 0 {
					pv = append(pv, "O", o)
				}
				cs[y] = seat(state, i+1, pv...)
			}
			base, later = append(base, cs[0]), append(later, cs[1])
		}
		var bloc []calibrate.Member
		for _, m := range members {
			bloc = append(bloc, calibrate.Member{Party: m})
		}
		pair := calibrate.Pair{
			Base: election(2009, base...), Later: election(2014, later...),
			Blocs: calibrate.Blocs{Alliance: bloc, Rival: []calibrate.Member{{Party: "R"}}},
		}
		plain, err := calibrate.NewBacktest(pair)
		if err != nil {
			t.Fatal(err)
		}
		pair.BaseAlliances = []seatshare.Alliance{{Name: "A", Members: members}}
		split, err := calibrate.NewBacktest(pair)
		if err != nil {
			t.Fatal(err)
		}
		if len(plain.Seats) != nSeats || len(split.Seats) != nSeats {
			t.Fatalf("%d and %d seats, want %d", len(plain.Seats), len(split.Seats), nSeats)
		}
		tau := rapid.Float64Range(0, 1).Draw(t, "tau")
		lambda := rapid.Float64Range(0, 1).Draw(t, "lambda")
		for i := range plain.Seats {
			p, s := &plain.Seats[i], &split.Seats[i]
			if p.ID != s.ID || p.Parties[0] != s.Parties[0] {
				t.Fatalf("seat %v, candidate %s; split: seat %v, candidate %s", p.ID, p.Parties[0], s.ID, s.Parties[0])
			}
			full, _ := p.Margin(1, lambda)
			fullSplit, _ := s.Margin(1, lambda)
			if math.Abs(full-fullSplit) > 1e-12 || math.Abs(p.Combined-s.Combined) > 1e-12 {
				t.Fatalf("seat %v: full-transfer margin %v, split %v; combined %v, split %v", p.ID, full, fullSplit, p.Combined, s.Combined)
			}
			m, _ := p.Margin(tau, lambda)
			mSplit, _ := s.Margin(tau, lambda)
			if mSplit > m+1e-12 {
				t.Fatalf("seat %v: margin %v, split %v, at transfer %v", p.ID, m, mSplit, tau)
			}
		}
	})
}
