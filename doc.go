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
//     scenarios, demands and explained plans.
package alliance
