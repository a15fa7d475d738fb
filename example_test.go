package alliance_test

import (
	"context"
	"fmt"
	"log"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
)

// Example plans the seat sharing of SP, INC and RLD in Uttar Pradesh end to
// end, on the embedded ILLUSTRATIVE results (synthetic votes; with the real
// results use seatshare.DataDir): the scenario, the optimal plan with its
// proof checked in exact arithmetic, the price of INC's claim to its 2009
// seats, and the spread of the total under correlated swings.
func Example() {
	ctx := context.Background()
	sc, err := illustrative.Scenario()
	if err != nil {
		log.Fatal(err)
	}
	// INC claims at least the 19 seats it won in the illustrative 2009
	// results.
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name: "INC's 2009 claim", Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 19,
	})
	pl, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		log.Fatal(err)
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\nexpected wins %.2f of %d seats\n", plan.Scenario, plan.Expected, len(plan.Seats))
	for _, p := range plan.Parties {
		fmt.Printf("  %-3s %2d seats, %5.2f expected wins\n", p.Party, p.Seats, p.Expected)
	}

	// The plan is optimal: its certificate, re-derived without trusting
	// the solver, proves that no plan meeting the demands does better.
	if err := solver.Verify(pl.Problem(), plan.Result); err != nil {
		log.Fatal(err)
	}
	fmt.Println("optimality certificate verified")

	// What INC's claim costs: the exact gain from dropping it.
	for _, c := range plan.Constraints {
		if c.Name == "INC's 2009 claim" {
			fmt.Printf("%s: binding %v, costs %.4f expected wins\n", c.Name, c.Binding, c.Dropped)
		}
	}

	// Correlated swings: seats move together, each keeping its own
	// probability.
	s := plan.Simulation
	fmt.Printf("%d simulated elections: mean %.1f, SD %.1f seats\n", s.Scenarios, s.Mean.Value, s.SD.Value)
	// Output:
	// Uttar Pradesh: SP, INC and RLD share 80 seats
	// expected wins 26.09 of 80 seats
	//   SP  59 seats, 16.48 expected wins
	//   INC 19 seats,  9.01 expected wins
	//   RLD  2 seats,  0.60 expected wins
	// optimality certificate verified
	// INC's 2009 claim: binding true, costs 0.0041 expected wins
	// 100000 simulated elections: mean 26.1, SD 19.5 seats
}

// Example_takeInTheBSP asks whether the alliance should take in the BSP:
// the coalition game values every sub-alliance exactly (members outside a
// sub-alliance contest alone), and the BSP's gain is v(all with BSP) -
// v(all without). Shapley values share the total by each member's average
// marginal contribution.
func Example_takeInTheBSP() {
	ctx := context.Background()
	sc, err := illustrative.Scenario()
	if err != nil {
		log.Fatal(err)
	}
	sc.Alliance = append(sc.Alliance, seatshare.Member{Party: "BSP"})
	pl, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		log.Fatal(err)
	}
	g, err := pl.Coalitions(seatshare.CoalitionSettings{})
	if err != nil {
		log.Fatal(err)
	}
	gain, err := g.Gain(ctx, []string{"SP", "INC", "RLD"}, "BSP")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("taking in the BSP adds %.2f expected seats\n", gain)
	res, err := g.Shapley(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range res.Values {
		fmt.Printf("  %-3s alone %5.2f, Shapley %5.2f\n", m.Party, m.Alone, m.Shapley)
	}
	// Output:
	// taking in the BSP adds 17.30 expected seats
	//   SP  alone 15.91, Shapley 14.04
	//   INC alone 11.41, Shapley  9.66
	//   RLD alone  4.05, Shapley  2.18
	//   BSP alone 19.30, Shapley 17.52
}

// Example_solver uses the solver alone, on a problem that knows nothing of
// elections: three items, two agents, agent INC must get at least two
// items. The result is optimal and its certificate checks out.
func Example_solver() {
	p := &solver.Problem{
		Agents: []string{"SP", "INC"},
		Items: []solver.Item{
			{Name: "Amethi", Options: []solver.Option{{Agent: 0, Weight: 0.31}, {Agent: 1, Weight: 0.52}}},
			{Name: "Kannauj", Options: []solver.Option{{Agent: 0, Weight: 0.58}, {Agent: 1, Weight: 0.22}}},
			{Name: "Lucknow", Options: []solver.Option{{Agent: 0, Weight: 0.27}, {Agent: 1, Weight: 0.25}}},
		},
		Bounds: []solver.Bound{{Name: "INC at least 2", Agent: 1, Group: solver.AllItems, Min: 2, Max: solver.Unlimited}},
	}
	res, err := solver.Solve(context.Background(), p, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Status, res.Assignment, fmt.Sprintf("%.2f", res.Objective))
	fmt.Println("verified:", solver.Verify(p, res) == nil)
	// Output:
	// Optimal [1 0 1] 1.35
	// verified: true
}

// Example_apportionment splits Uttar Pradesh's 80 seats in proportion to
// each partner's claim (here 2022 assembly seats: SP 111, INC 2, RLD 8,
// quotas 73.39, 1.32 and 5.29) in exact arithmetic. Hamilton and D'Hondt
// agree; Adams, which favours small parties, gives SP 72, below its lower
// quota.
func Example_apportionment() {
	claims := []int64{111, 2, 8}
	for _, m := range []scoring.Method{scoring.Hamilton, scoring.DHondt, scoring.Adams} {
		a, err := scoring.Apportion(m, claims, 80, nil)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m, a.Seats)
	}
	// Output:
	// Hamilton [74 1 5]
	// D'Hondt [74 1 5]
	// Adams [72 2 6]
}
