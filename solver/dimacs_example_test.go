package solver_test

import (
	"fmt"
	"os"

	"github.com/coalitionlab/alliance/solver"
)

func ExampleWriteDIMACS() {
	// Two seats; SP wants at least one of them.
	p := &solver.Problem{
		Agents: []string{"SP", "INC"},
		Items: []solver.Item{
			{Name: "Amethi", Options: []solver.Option{{Agent: 0, Weight: 0.41}, {Agent: 1, Weight: 0.58}}},
			{Name: "Kairana", Options: []solver.Option{{Agent: 0, Weight: 0.52}, {Agent: 1, Weight: 0.22}}},
		},
		Bounds: []solver.Bound{{Name: "SP floor", Agent: 0, Group: solver.AllItems, Min: 1, Max: solver.Unlimited}},
	}
	// Costs in micro-units of weight: -round(w / 1e-6).
	if err := solver.WriteDIMACS(os.Stdout, p, &solver.Settings{Resolution: 1e-6}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// c Written by github.com/coalitionlab/alliance/solver: minimum-cost flow form of a laminar problem.
	// c Maximum total weight = -(minimum cost) * 1e-06.
	// c Node 1 is the source; node b+2 is bound b; node 3+i is item i.
	// c node 2: bound 0 "SP floor", agent "SP" in "all items"
	// c node 3: item "Amethi"
	// c node 4: item "Kairana"
	// p min 4 5
	// n 1 2
	// n 3 -1
	// n 4 -1
	// a 1 2 1 2 0
	// a 2 3 0 1 -410000
	// a 1 3 0 1 -580000
	// a 2 4 0 1 -520000
	// a 1 4 0 1 -220000
}
