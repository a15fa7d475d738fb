package solver_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/coalitionlab/alliance/solver"
)

// The problem of the ReadProblem documentation: INC must get at least one
// item, RLD at most one in the west, SP and RLD together at least 0.5 after
// a penalty on INC in Amethi; Amethi is locked to INC and Kairana vetoed for
// SP.
const docProblem = `{
  "format": "alliance-solver/1",
  "agents": ["INC", "SP", "RLD"],
  "items": [
    {"name": "Amethi", "options": {"INC": 0.61, "SP": 0.52}},
    {"name": "Kairana", "options": {"SP": 0.48, "RLD": 0.55}}
  ],
  "groups": [{"name": "west", "items": ["Kairana"]}],
  "bounds": [
    {"name": "INC floor", "agent": "INC", "min": 1, "max": null},
    {"agent": "RLD", "group": "west", "min": 0, "max": 1}
  ],
  "rows": [
    {"name": "SP+RLD", "terms": [{"agent": "SP", "coef": 1}, {"agent": "RLD", "coef": 1}],
     "pairs": [{"item": "Amethi", "agent": "INC", "coef": -0.5}], "sense": ">=", "rhs": 0.5}
  ],
  "locks": [{"item": "Amethi", "agent": "INC"}],
  "vetoes": [{"item": "Kairana", "agent": "SP"}]
}`

func ExampleReadProblem() {
	p, err := solver.ReadProblem(strings.NewReader(docProblem))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := solver.Solve(context.Background(), p, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %.4f\n", res.Status, res.Objective)
	for i, a := range res.Assignment {
		fmt.Printf("%s: %s\n", p.Items[i].Name, p.Agents[a])
	}
	// Output:
	// Optimal 1.1600
	// Amethi: INC
	// Kairana: RLD
}

func ExampleReadProblem_error() {
	_, err := solver.ReadProblem(strings.NewReader(`{"format": "alliance-solver/1", "agents": ["INC", "SP"],
	  "items": [{"name": "Amethi", "options": {"INC": 0.61, "BSP": 0.3}}]}`))
	fmt.Println(err)
	// Output:
	// solver: invalid problem: items[0].options.BSP: unknown agent "BSP"
}

func ExampleWriteLP() {
	p := &solver.Problem{
		Agents: []string{"SP", "INC"},
		Items: []solver.Item{
			{Name: "Amethi", Options: []solver.Option{{Agent: 0, Weight: 0.41}, {Agent: 1, Weight: 0.58}}},
			{Name: "Kairana", Options: []solver.Option{{Agent: 0, Weight: 0.52}, {Agent: 1, Weight: 0.22}}},
		},
		Bounds: []solver.Bound{{Name: "SP floor", Agent: 0, Group: solver.AllItems, Min: 1, Max: solver.Unlimited}},
		Vetoes: []solver.Pair{{Item: 1, Agent: 1}},
	}
	if err := solver.WriteLP(os.Stdout, p); err != nil {
		fmt.Println(err)
	}
	// Output:
	// \ Written by github.com/coalitionlab/alliance/solver: maximise the total weight.
	// \ 2 items, 2 agents, 3 binary variables, 3 rows.
	// \ x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.
	// \ Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.
	// \ agent 0: "SP"
	// \ agent 1: "INC"
	// Maximize
	//  obj: 0.41 x0_0 + 0.58 x0_1 + 0.52 x1_0
	// Subject To
	//  \ a0: item "Amethi" goes to exactly one agent
	//  a0: x0_0 + x0_1 = 1
	//  \ a1: item "Kairana" goes to exactly one agent
	//  a1: x1_0 = 1
	//  \ lo0: bound 0 "SP floor": agent "SP" in "all items", at least 1
	//  lo0: x0_0 + x1_0 >= 1
	// Binaries
	//  x0_0 x0_1 x1_0
	// End
}

func ExampleWriteResult() {
	p, err := solver.ReadProblem(strings.NewReader(`{"format": "alliance-solver/1", "agents": ["INC", "SP", "RLD"],
	  "items": [{"name": "Amethi", "options": {"INC": 0.75, "SP": 0.5}}, {"name": "Kairana", "options": {"SP": 0.25, "RLD": 0.375}}],
	  "bounds": [{"agent": "INC", "min": 0, "max": 1}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := solver.Solve(context.Background(), p, nil)
	// Leave out the statistics that vary with the machine and the algorithm.
	res.Stats.Runtime, res.Stats.Augmentations = 0, 0
	if err := solver.WriteResult(os.Stdout, p, res, err); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "format": "alliance-solver-result/1",
	//   "status": "Optimal",
	//   "objective": 1.125,
	//   "assignment": {
	//     "Amethi": "INC",
	//     "Kairana": "RLD"
	//   },
	//   "stats": {"method": "Flow", "runtime_seconds": 0, "nodes": 1, "flow_solves": 1, "augmentations": 0},
	//   "certificate": {"resolution": 1e-09, "objective": 1125000000, "denominator": 1, "nodes": [
	//     {"parent": -1, "leaf": true, "bound_prices": [0], "row_prices": []}
	//   ]}
	// }
}
