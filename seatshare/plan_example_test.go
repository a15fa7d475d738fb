package seatshare_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
)

// This example shares four seats between parties A and B against the rival
// R, with A demanding at least two of them, and prints the plan and the
// price of A's demand.
func ExamplePlanner_Plan() {
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
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		log.Fatal(err)
	}
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
