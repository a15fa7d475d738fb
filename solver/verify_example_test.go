package solver_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/coalitionlab/alliance/solver"
)

// ExampleVerify solves a small problem, checks the result with Verify, and
// shows that Verify rejects a result whose claimed optimum is tampered with.
func ExampleVerify() {
	p := &solver.Problem{
		Items: []solver.Item{
			{Name: "Amethi", Options: []solver.Option{{Agent: 0, Weight: 0.6}, {Agent: 1, Weight: 0.5}}},
			{Name: "Rae Bareli", Options: []solver.Option{{Agent: 0, Weight: 0.7}, {Agent: 1, Weight: 0.4}}},
			{Name: "Kannauj", Options: []solver.Option{{Agent: 0, Weight: 0.3}, {Agent: 1, Weight: 0.8}}},
		},
		Agents: []string{"INC", "SP"},
		// INC contests at most one of the three seats.
		Bounds: []solver.Bound{{Agent: 0, Group: solver.AllItems, Max: 1}},
	}
	r, err := solver.Solve(context.Background(), p, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%v %.1f %v\n", r.Status, r.Objective, r.Assignment)
	fmt.Println("verified:", solver.Verify(p, r) == nil)

	// Claim a better objective than the assignment has.
	r.Certificate.Objective++
	err = solver.Verify(p, r)
	fmt.Println(errors.Is(err, solver.ErrCertificate))
	fmt.Println(err)
	// Output:
	// Optimal 2.0 [1 0 1]
	// verified: true
	// true
	// solver: certificate rejected: Certificate.Objective: 2000000001, but the assignment's scaled objective is 2000000000
}
