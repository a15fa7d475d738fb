package seatshare_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
)

// ExampleCoalitionGame answers "what does taking in C add" under both
// conventions, and splits the alliance's value by Shapley, exactly state
// by state (made-up results).
func ExampleCoalitionGame() {
	const results = `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,X,1,ONE,GEN,A,a1,30000,100000,200000
2019,X,1,ONE,GEN,B,b1,20000,100000,200000
2019,X,1,ONE,GEN,C,c1,10000,100000,200000
2019,X,1,ONE,GEN,R,r1,25000,100000,200000
2019,X,2,TWO,SC,A,a2,22000,100000,200000
2019,X,2,TWO,SC,B,b2,25000,100000,200000
2019,X,2,TWO,SC,C,c2,12000,100000,200000
2019,X,2,TWO,SC,R,r2,28000,100000,200000
2019,Y,1,UNO,GEN,A,a3,35000,100000,200000
2019,Y,1,UNO,GEN,C,c3,15000,100000,200000
2019,Y,1,UNO,GEN,R,r3,45000,100000,200000
`
	src := func(int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(results), "example.csv")
	}
	f := func(x float64) *float64 { return &x }
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A"}, {Party: "B", States: []string{"X"}}, {Party: "C"}},
		Rival:    []string{"R"},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: f(0.6)},
			Lambda:   f(0.2),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.08}},
		},
		Demands: []seatshare.Demand{{Party: "B", SeatSet: seatshare.SeatSet{State: "X"}, Min: 1}},
	}
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	for _, conv := range []seatshare.Convention{seatshare.OutsidersAlone, seatshare.OutsidersAllied} {
		g, err := pl.Coalitions(seatshare.CoalitionSettings{Convention: conv, WithDemands: true})
		if err != nil {
			fmt.Println(err)
			return
		}
		gain, err := g.Gain(ctx, []string{"A", "B"}, "C")
		if err != nil {
			fmt.Println(err)
			return
		}
		res, err := g.Shapley(ctx, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: taking in C adds %.3f expected seats\n", conv, gain)
		fmt.Printf("  Shapley values (%s) of v(A,B,C) = %.3f:", res.Method, res.Total)
		for _, v := range res.Values {
			fmt.Printf(" %s %.3f", v.Party, v.Shapley)
		}
		fmt.Println()
	}
	// Output:
	// outsiders contest alone: taking in C adds 0.421 expected seats
	//   Shapley values (exact by state) of v(A,B,C) = 2.353: A 1.359 B 0.637 C 0.357
	// outsiders stay allied: taking in C adds 0.421 expected seats
	//   Shapley values (exact by state) of v(A,B,C) = 2.353: A 1.331 B 0.624 C 0.398
}
