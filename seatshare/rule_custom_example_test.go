package seatshare_test

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
)

// SecondPlaces is a user's own fairness rule: Party contests at least a
// third (rounded up) of the seats where it came second in Election, the
// claim Congress made in Uttar Pradesh. It is linear, so the planner can
// enforce it as one count demand on a list of seats.
type SecondPlaces struct {
	Party    string
	Election *seatshare.Election
}

// seats returns the seats where r.Party came second.
func (r SecondPlaces) seats() []seatshare.SeatRef {
	var out []seatshare.SeatRef
	for _, c := range r.Election.Constituencies {
		if len(c.Candidates) > 1 && c.Candidates[1].Party == r.Party {
			out = append(out, seatshare.SeatRef{State: c.State, No: c.No})
		}
	}
	return out
}

// need returns the seats the rule asks for.
func (r SecondPlaces) need() int { return int(math.Ceil(float64(len(r.seats())) / 3)) }

// Name implements seatshare.FairnessRule.
func (r SecondPlaces) Name() string {
	return r.Party + " contests a third of the seats where it came second"
}

// Check implements seatshare.FairnessRule.
func (r SecondPlaces) Check(plan *seatshare.Plan) []seatshare.Violation {
	got := 0
	for _, ref := range r.seats() {
		for _, sp := range plan.Seats {
			if sp.ID == seatshare.SeatID(ref) && sp.Party == r.Party {
				got++
			}
		}
	}
	if got >= r.need() {
		return nil
	}
	return []seatshare.Violation{{Party: r.Party, Set: "seats where it came second", What: "seats", Got: float64(got), Bound: "min", Required: float64(r.need())}}
}

// Enforce implements seatshare.LinearRule.
func (r SecondPlaces) Enforce(*seatshare.Planner) (seatshare.Enforcement, error) {
	seats := r.seats()
	if len(seats) == 0 {
		return seatshare.Enforcement{}, nil
	}
	return seatshare.Enforcement{Demands: []seatshare.Demand{{
		Party: r.Party, SeatSet: seatshare.SeatSet{Seats: seats}, Min: r.need(),
	}}}, nil
}

// Example_customRule defines a fairness rule of one's own (SecondPlaces)
// and tests it against the planner on generated scenarios: for every
// scenario, the optimal plan under the rule meets the rule, and the price
// of fairness is never negative. In a test the property reads, with rapid:
//
//	rapid.Check(t, func(t *rapid.T) {
//		c := seatsharetest.ScenarioWith(cfg).Draw(t, "case")
//		pl, err := c.Planner()
//		...
//		rule := SecondPlaces{Party: "INC", Election: c.Election}
//		plan, err := pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{rule}})
//		if errors.Is(err, seatshare.ErrInfeasible) {
//			return
//		}
//		if v := rule.Check(plan); len(v) > 0 {
//			t.Fatalf("%v", v)
//		}
//	})
//
// (TestSecondPlaces runs exactly that.) Here the same property runs on the
// first 40 deterministic examples of the generator.
func Example_customRule() {
	cfg := seatsharetest.ScenarioConfig{Members: []string{"SP", "INC", "RLD"}, Rival: []string{"BJP"}, NoRules: true}
	gen := seatsharetest.ScenarioWith(cfg)
	ctx := context.Background()
	planned, infeasible, violated, costly := 0, 0, 0, 0
	worst := 0.0
	for seed := range 40 {
		c := gen.Example(seed)
		pl, err := c.Planner()
		if err != nil {
			fmt.Println(err)
			return
		}
		rule := SecondPlaces{Party: "INC", Election: c.Election}
		plan, err := pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{rule}, NoSwitchCosts: true})
		if errors.Is(err, seatshare.ErrInfeasible) {
			infeasible++
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		planned++
		if len(rule.Check(plan)) > 0 {
			violated++
		}
		check := plan.Fairness[len(plan.Fairness)-1]
		if check.Price != nil {
			if check.Price.Absolute < 0 {
				fmt.Println("negative price of fairness:", check.Price.Absolute)
			}
			worst = max(worst, check.Price.Relative)
			if check.Price.Absolute > 0 {
				costly++
			}
		}
	}
	fmt.Printf("scenarios: 40, planned: %d, infeasible demands: %d\n", planned, infeasible)
	fmt.Printf("plans that break the rule: %d\n", violated)
	fmt.Printf("plans where the rule costs expected wins: %d\n", costly)
	fmt.Printf("largest price of fairness: %.1f%% of the best expected wins\n", 100*worst)
	// Output:
	// scenarios: 40, planned: 30, infeasible demands: 10
	// plans that break the rule: 0
	// plans where the rule costs expected wins: 3
	// largest price of fairness: 36.1% of the best expected wins
}
