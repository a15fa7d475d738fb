// Package solver solves weighted assignment problems with bounded group
// counts exactly.
//
// A [Problem] has items and agents. Every item goes to exactly one of its
// options (an eligible agent with a weight); [Bound]s say that an agent gets
// between Min and Max of the items of a group; [Row]s are general linear
// constraints over the assignment with real coefficients; locks and vetoes
// fix or forbid single pairs. [Solve] maximises the total weight and returns
// a [Result] with a [Certificate] that [Verify] checks in exact arithmetic.
// The package knows nothing of elections: it is reusable for any "assign
// items to agents with bounded group counts" problem.
//
// # Two exact paths
//
// When every agent's bound sets, restricted to the items it may take, are
// laminar (any two nested or disjoint: all items, a state, a state's reserved
// seats) and there are no rows, the problem is a min-cost flow with lower
// bounds. The flow path solves it by successive shortest paths on a network
// contracted to the bound nodes, starting from every item's best option; its
// certificate is one leaf whose prices are the network's node potentials.
//
// Otherwise branch and bound takes over: the laminar part stays in the
// network, the rest is dualised, and a small master LP (Dantzig-Wolfe column
// generation over network solutions, each network solve warm-started from
// the previous one) gives Lagrangian bounds. It branches on (item, agent)
// pairs and on counts of one agent's items in a group ([Split]). Every leaf
// of its tree carries prices whose bound Verify recomputes in exact integer
// arithmetic, or proves its region empty, so floating point never decides a
// proof.
//
// Weights are scaled to integers W = round(w / Resolution); see
// [Settings.Resolution] for the default (1e-9) and the supported range. The
// result is optimal for the scaled weights, hence within n*Resolution of
// the float optimum for n items. The same problem always gives the same
// assignment; ties are broken as [Solve] documents.
//
// # Infeasibility
//
// An infeasible problem gives an [*InfeasibleError] wrapping [ErrInfeasible]:
// a set of constraints that cannot hold together, irreducible where the
// deletion filter could prove it, and the arithmetic in words ("agent INC
// needs at least 22 and agent SP at least 65 of the 80 items in group UP:
// 87 > 80"). Items without options, colliding locks and vetoes, minimums
// past a group's size, maximums that leave items nobody may take, Hall-type
// deficits and rows are all covered. The result also carries a
// certificate whose every leaf proves its region empty, which Verify
// checks.
//
// # Formats
//
// [ReadProblem] and [WriteProblem] read and write a documented JSON problem
// format (alliance-solver/1), [WriteResult] and [ReadResult] the result with
// its certificate; [WriteLP], [WriteMPS] and [WriteDIMACS] write CPLEX LP,
// MPS and DIMACS min-cost flow so that any external solver can check an
// answer; [ReadSeatbench] converts the seatbench instances. The seatshare
// command's solve, export and verify subcommands use them.
package solver
