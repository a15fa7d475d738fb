package seatshare_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

// syntheticBases builds three base elections of the given number of seats
// (one state of 80, the rest in states of 13, roughly the Lok Sabha's
// shape), with 40 parties, 10 party candidates and 5 independents a seat,
// and in the last election an alliance of P1, P2 and P3 in the first
// state, each standing in a third of its seats. The data are random with a
// fixed seed, so every run measures the same work.
func syntheticBases(seats int) []seatshare.Base {
	rng := rand.New(rand.NewPCG(1, 2))
	var ids []seatshare.SeatID
	for n := range seats {
		state, no := 0, n+1
		if n >= 80 {
			state, no = (n-80)/13+1, (n-80)%13+1
		}
		ids = append(ids, seatshare.SeatID{State: fmt.Sprintf("State %02d", state), No: no})
	}
	var bases []seatshare.Base
	for y, year := range []int{2009, 2014, 2019} {
		e := &seatshare.Election{Year: year}
		for i, id := range ids {
			c := seatshare.Constituency{State: id.State, No: id.No, Name: fmt.Sprint("SEAT ", i), ValidVotes: 1_000_000, Electors: 1_700_000}
			left := int64(990_000)
			perm := rng.Perm(40)
			for k := range 15 {
				party := seatshare.Independent
				if k < 10 {
					party = fmt.Sprint("P", perm[k]+1)
					if y == 2 && id.State == "State 00" && (party == "P1" || party == "P2" || party == "P3") && (perm[k]+i)%3 != 0 {
						continue // stood aside for an ally
					}
				}
				v := rng.Int64N(left/3 + 1)
				left -= v
				c.Candidates = append(c.Candidates, seatshare.Candidate{Party: party, Name: fmt.Sprint("C", k), Votes: v})
			}
			e.Constituencies = append(e.Constituencies, c)
		}
		e.Sort()
		base := seatshare.Base{Election: e, Weight: float64(y + 1)}
		if y == 2 {
			base.Alliances = []seatshare.Alliance{{Name: "P1+P2+P3", Members: []string{"P1", "P2", "P3"}, States: []string{"State 00"}}}
		}
		bases = append(bases, base)
	}
	return bases
}

func BenchmarkEstimateStrengthSynthetic(b *testing.B) {
	for _, seats := range []int{80, 543} {
		bases := syntheticBases(seats)
		b.Run(fmt.Sprintf("seats=%d", seats), func(b *testing.B) {
			b.ReportAllocs()
			var st *seatshare.Strength
			for b.Loop() {
				var err error
				if st, err = seatshare.EstimateStrength(bases, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(st.Seats())*len(st.Parties())), "cells")
		})
	}
}
