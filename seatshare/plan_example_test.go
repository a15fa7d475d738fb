package seatshare_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
)

// examplePlanner returns the planner of the examples: parties A and B share
// four seats against the rival R, and A demands at least two of them.
func examplePlanner() *seatshare.Planner {
	s, src := exampleInputs()
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		log.Fatal(err)
	}
	return pl
}

// exampleInputs returns the scenario and the results of examplePlanner.
func exampleInputs() (*seatshare.Scenario, seatshare.Source) {
	results := `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,X,1,ONE,GEN,A,a1,42000,100000,150000
2019,X,1,ONE,GEN,R,r1,38000,100000,150000
2019,X,1,ONE,GEN,B,b1,15000,100000,150000
2019,X,2,TWO,GEN,B,b2,40000,100000,150000
2019,X,2,TWO,GEN,R,r2,41000,100000,150000
2019,X,2,TWO,GEN,A,a2,12000,100000,150000
2019,X,3,THREE,SC,B,b3,35000,100000,150000
2019,X,3,THREE,SC,R,r3,45000,100000,150000
2019,X,3,THREE,SC,A,a3,15000,100000,150000
2019,X,4,FOUR,GEN,A,a4,20000,100000,150000
2019,X,4,FOUR,GEN,B,b4,25000,100000,150000
2019,X,4,FOUR,GEN,R,r4,50000,100000,150000
`
	scenario := `{
  "alliance": [{"party": "A"}, {"party": "B"}],
  "rival": ["R"],
  "bases": [{"year": 2019, "weight": 1}],
  "model": {"transfer": {"default": 0.7}, "lambda": 0.2, "link": {"probit": {"sigma": 0.08}}},
  "demands": [{"party": "A", "min": 2}]
}`
	src := func(year int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(results), "example.csv")
	}
	s, err := seatshare.ReadScenario(strings.NewReader(scenario), "example.json")
	if err != nil {
		log.Fatal(err)
	}
	return s, src
}

// This example prints the plan and the price of A's demand.
func ExamplePlanner_Plan() {
	pl := examplePlanner()
	plan, err := pl.Plan(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, seat := range plan.Seats {
		fmt.Printf("%-4v %-5s %s P=%.3f\n", seat.ID, seat.Name, seat.Party, seat.W)
	}
	fmt.Printf("expected wins %.3f\n", plan.Expected)
	// In X/1, A's margin is .42 + .7*.15 - (.38 + .2*.3*.15) = 13.6 points,
	// and Phi(.136/.08) = 0.955.
	d := plan.Constraints[0]
	fmt.Printf("%s: binding %v, dropping it gains %.3f\n", d.Name, d.Binding, d.Dropped)
	// Output:
	// X/1  ONE   A P=0.955
	// X/2  TWO   B P=0.798
	// X/3  THREE B P=0.480
	// X/4  FOUR  A P=0.040
	// expected wins 2.274
	// A min 2 in all seats: binding true, dropping it gains 0.024
}

// This example prints the negotiation frontier: the best expected wins
// when A gets exactly k of the four seats.
func ExamplePlanner_Frontier() {
	pl := examplePlanner()
	pts, err := pl.Frontier(context.Background(), "A", seatshare.SeatSet{}, 0, 4)
	if err != nil {
		log.Fatal(err)
	}
	for _, pt := range pts {
		fmt.Printf("A gets %d: expected wins %.3f\n", pt.Seats, pt.Expected)
	}
	// Output:
	// A gets 0: expected wins 2.028
	// A gets 1: expected wins 2.297
	// A gets 2: expected wins 2.274
	// A gets 3: expected wins 1.965
	// A gets 4: expected wins 1.502
}

// This example asks what each party brings to the alliance: its value
// alone and its Shapley value, without demands.
func ExamplePlanner_Shapley() {
	pl := examplePlanner()
	values, err := pl.Shapley(context.Background(), false)
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range values {
		fmt.Printf("%s: alone %.3f, Shapley %.3f\n", v.Party, v.Alone, v.Shapley)
	}
	// The Shapley values add up to the unconstrained optimum, 2.297, the
	// frontier's best point.
	// Output:
	// A: alone 0.692, Shapley 1.216
	// B: alone 0.557, Shapley 1.081
}
