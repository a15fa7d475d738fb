package solver_test

import (
	"fmt"
	"os"

	"github.com/coalitionlab/alliance/solver"
)

func ExampleWriteMPS() {
	// Amethi is locked to INC; Kairana may only go to SP.
	p := &solver.Problem{
		Agents: []string{"SP", "INC"},
		Items: []solver.Item{
			{Name: "Amethi", Options: []solver.Option{{Agent: 0, Weight: 0.41}, {Agent: 1, Weight: 0.58}}},
			{Name: "Kairana", Options: []solver.Option{{Agent: 0, Weight: 0.52}}},
		},
		Locks: []solver.Pair{{Item: 0, Agent: 1}},
	}
	if err := solver.WriteMPS(os.Stdout, p, solver.FixedMPS); err != nil {
		fmt.Println(err)
	}
	// Output:
	// * Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
	// * 2 items, 2 agents, 3 binary variables, 3 rows.
	// * x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
	// * Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
	// * agent 0: "SP"
	// * agent 1: "INC"
	// NAME          alliance
	// OBJSENSE
	//     MAX
	// ROWS
	//  N  obj
	//  E  a0
	//  E  a1
	//  E  l0
	// COLUMNS
	//     x0_0      obj       0.41
	//     x0_0      a0        1
	//     x0_1      obj       0.58
	//     x0_1      a0        1
	//     x0_1      l0        1
	//     x1_0      obj       0.52
	//     x1_0      a1        1
	// RHS
	//     RHS1      a0        1
	//     RHS1      a1        1
	//     RHS1      l0        1
	// BOUNDS
	//  BV BND1      x0_0
	//  BV BND1      x0_1
	//  BV BND1      x1_0
	// ENDATA
}
