package seatshare_test

import (
	"context"
	"fmt"
	"log"
	"math"

	"github.com/coalitionlab/alliance/seatshare"
)

// cauchy is a link of the example's own: the Cauchy distribution function
// with scale Scale, whose heavy tails leave a trailing candidate a real
// chance.
type cauchy struct{ Scale float64 }

func (l cauchy) Prob(margin float64) float64 { return 0.5 + math.Atan(margin/l.Scale)/math.Pi }

// This example plans the seats of examplePlanner's scenario under the
// scenario's probit and under a win-probability link of the caller's own;
// the second plan names its link.
func ExampleNewPlannerWith() {
	s, src := exampleInputs()
	for _, set := range []*seatshare.PlannerSettings{nil, {Link: cauchy{Scale: 0.05}, LinkName: "Cauchy, scale 0.05"}} {
		pl, err := seatshare.NewPlannerWith(s, src, set)
		if err != nil {
			log.Fatal(err)
		}
		plan, err := pl.Plan(context.Background())
		if err != nil {
			log.Fatal(err)
		}
		if plan.CustomLink != "" {
			fmt.Println("link: custom (" + plan.CustomLink + ")")
		} else {
			fmt.Printf("link: probit sigma %g\n", plan.Model.Link.Probit.Sigma)
		}
		for _, seat := range plan.Seats {
			fmt.Printf("  %-4v %-5s %s margin %+.3f P=%.3f\n", seat.ID, seat.Name, seat.Party, seat.Margin, seat.W)
		}
		fmt.Printf("  expected wins %.3f\n", plan.Expected)
	}
	// Output:
	// link: probit sigma 0.08
	//   X/1  ONE   A margin +0.136 P=0.955
	//   X/2  TWO   B margin +0.067 P=0.798
	//   X/3  THREE B margin -0.004 P=0.480
	//   X/4  FOUR  A margin -0.140 P=0.040
	//   expected wins 2.274
	// link: custom (Cauchy, scale 0.05)
	//   X/1  ONE   A margin +0.136 P=0.888
	//   X/2  TWO   B margin +0.067 P=0.795
	//   X/3  THREE B margin -0.004 P=0.475
	//   X/4  FOUR  A margin -0.140 P=0.109
	//   expected wins 2.267
}
