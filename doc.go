// Package alliance decides seat sharing inside an electoral alliance.
//
// An alliance of parties fields one common candidate in each constituency.
// The module models constituencies and party strengths as a weighted
// assignment problem and solves it exactly: it maximises the alliance's
// expected wins under every party's minimum and maximum seats, per state and
// nationally, with locked and vetoed seats, and proves that no better plan
// exists. It then explains the plan: what each demand costs, how fair the
// split is, what each party brings, and how the total is distributed under
// correlated swings.
//
// The work is divided into packages:
//
//   - [github.com/coalitionlab/alliance/solver]: weighted assignment with
//     bounded group counts and general linear rows, solved exactly with a
//     certificate that [solver.Verify] checks in exact arithmetic. It knows
//     nothing of elections.
//   - [github.com/coalitionlab/alliance/scoring]: election mathematics on plain
//     numbers: win probabilities, correlated swings, apportionment,
//     disproportionality, fairness and coalition values.
//   - [github.com/coalitionlab/alliance/seatshare]: the domain: results,
//     scenarios, demands and explained plans, coalition games and fairness
//     rules. Its subpackages calibrate the model on past elections
//     (seatshare/calibrate), draw charts (seatshare/chart), embed the
//     illustrative data (seatshare/illustrative) and generate scenarios for
//     property tests (seatshare/seatsharetest).
//   - cmd/seatshare: the same from the shell (plan, evaluate, explain,
//     simulate, frontier, coalition, calibrate, solve, export, verify).
//
// # End to end
//
// A plan for Uttar Pradesh, from the results to a proven optimum (the
// package's Example runs it on the embedded illustrative results):
//
//	sc, _ := illustrative.Scenario()              // or seatshare.ReadScenario(file, name)
//	sc.Demands = append(sc.Demands, seatshare.Demand{
//		Name: "INC's 2009 claim", Party: "INC",
//		SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 19,
//	})
//	pl, _ := seatshare.NewPlanner(sc, illustrative.Election) // or seatshare.DataDir(dir)
//	plan, _ := pl.Plan(ctx)                       // seats, parties, prices, simulation
//	err := solver.Verify(pl.Problem(), plan.Result) // the optimality proof, in exact arithmetic
//	seatshare.WriteTable(os.Stdout, plan)         // the tables an analyst reads
//
// Each demand's price is the exact gain in expected wins from relaxing it
// by one seat and from dropping it; each seat carries the cost of giving
// it to the next best member. [github.com/coalitionlab/alliance/seatshare.Planner.Coalitions]
// answers "should we take in the BSP" with exact coalition values and
// Shapley values, and the plan's simulation gives the distribution of the
// total under correlated swings. The examples directory has complete
// programs, and the README the two commands to start with.
package alliance
