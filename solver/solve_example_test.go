package solver_test

import (
	"context"
	"fmt"

	"github.com/coalitionlab/alliance/solver"
)

// ExampleSolve shares four seats between two parties. Party A would win
// three of them, but it may contest at most two, and party B must get at
// least one seat in the North.
func ExampleSolve() {
	p := &solver.Problem{
		Agents: []string{"A", "B"},
		Items: []solver.Item{
			{Name: "n1", Options: []solver.Option{{Agent: 0, Weight: 0.9}, {Agent: 1, Weight: 0.2}}},
			{Name: "n2", Options: []solver.Option{{Agent: 0, Weight: 0.7}, {Agent: 1, Weight: 0.6}}},
			{Name: "s1", Options: []solver.Option{{Agent: 0, Weight: 0.8}, {Agent: 1, Weight: 0.3}}},
			{Name: "s2", Options: []solver.Option{{Agent: 0, Weight: 0.4}, {Agent: 1, Weight: 0.5}}},
		},
		Groups: []solver.Group{{Name: "North", Items: []int{0, 1}}},
		Bounds: []solver.Bound{
			{Agent: 0, Group: solver.AllItems, Max: 2},
			{Agent: 1, Group: 0, Min: 1, Max: solver.Unlimited},
		},
	}
	res, err := solver.Solve(context.Background(), p, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Status, res.Stats.Method)
	for i, a := range res.Assignment {
		fmt.Printf("%s -> %s\n", p.Items[i].Name, p.Agents[a])
	}
	fmt.Printf("objective %.1f\n", res.Objective)
	fmt.Println("certificate accepted:", solver.Verify(p, res) == nil)
	// Output:
	// Optimal Flow
	// n1 -> A
	// n2 -> B
	// s1 -> A
	// s2 -> B
	// objective 2.8
	// certificate accepted: true
}
