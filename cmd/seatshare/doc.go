// Command seatshare solves and explains seat sharing in an electoral
// alliance from the shell.
//
// Usage:
//
//	seatshare <command> [flags] [arguments]
//
// The commands:
//
//	plan      the optimal seat-sharing plan of a scenario, with prices and charts
//	evaluate  score a proposed plan (CSV) against the optimum
//	explain   one seat or one demand of the optimal plan in detail
//	simulate  the distribution of the alliance's total seats
//	frontier  best expected wins for each seat count of one party
//	coalition what each member brings: Shapley values, the core, "should we take in X"
//	solve     solve a solver-level JSON problem and print the result
//	export    write a problem as CPLEX LP, MPS, DIMACS min-cost flow or JSON
//	verify    check a result file against its problem with solver.Verify
//	calibrate backtest and fit the win-probability model on past results
//
// "seatshare -h" lists the commands and "seatshare <command> -h" a command's
// flags. Flags may come before or after the file arguments.
//
// The scenario commands (plan, evaluate, explain, simulate, frontier,
// coalition) read
// a scenario in the JSON format of [seatshare.ReadScenario] and the real
// results lsYYYY_candidates.csv from the directory -data, which defaults
// to $SEATSHARE_DATA; with no directory they use the embedded ILLUSTRATIVE
// synthetic Uttar Pradesh results of package
// [github.com/coalitionlab/alliance/seatshare/illustrative], and without
// SCENARIO.json (evaluate excepted) its scenario. Each prints with -format
// table (the default), json or csv.
//
// # plan
//
//	seatshare plan [-data DIR] [-format table|json|csv] [-table seats|parties|constraints]
//	               [-scenarios N] [-alternatives K] [-frontier PARTY [-frontier-state STATE]]
//	               [-shapley [-shapley-samples N] [-shapley-demands]]
//	               [-chart FILE] [-chart-dir DIR [-chart-format svg|png]] [SCENARIO.json]
//
// finds the plan that maximises the alliance's expected wins under the
// scenario's demands ([seatshare.Planner.Plan]) and prints it per party, per
// demand (whether it binds, and its price in expected wins when relaxed by
// one seat and when dropped) and per seat (win probability, next best
// member, switch cost), with the simulated distribution of the total
// (-scenarios N elections; -1, the default, takes the scenario's count and
// 0 simulates none). -alternatives lists the K next best plans (at most
// 10), -frontier adds a party's negotiation frontier and -shapley each
// member's Shapley value (as the coalition command computes it, without
// its other columns). -chart writes the distribution chart and
// -chart-dir every chart (package
// [github.com/coalitionlab/alliance/seatshare/chart]).
//
// # evaluate
//
//	seatshare evaluate [-data DIR] [-format table|json|csv] SCENARIO.json PROPOSAL.csv
//
// scores a proposed plan, a CSV file with the columns state, pc_no, party
// and one row per seat, against the optimal plan under the same demands
// ([seatshare.Planner.Evaluate]): the expected wins of both, the gap, the
// demands the proposal breaks (it is scored all the same) and every
// seat's win probability under both.
//
// # explain
//
//	seatshare explain [-data DIR] [-format table|json|csv] [SCENARIO.json] -seat STATE/NO | -demand NAME
//
// explains one seat of the optimal plan (each member's strength, alliance
// vote, opponent, margin, win probability, the exact cost of switching the
// seat to it and the other seats such a switch moves) or one demand (its
// value, whether it binds, its price relaxed by one seat and dropped, the
// seats that change without it and the best expected wins for nearby seat
// counts). -seat takes STATE/NO, such as "Uttar Pradesh/36", or a seat's
// name; -demand a field such as "demands[0]" or the name the plan lists.
//
// # simulate
//
//	seatshare simulate [-data DIR] [-format table|json|csv] [-proposal FILE.csv]
//	                   [-scenarios N] [-seed S] [-target N] [-chart FILE] [SCENARIO.json]
//
// simulates the total seats of the optimal plan, or of the proposed plan
// in -proposal, under the scenario's correlated swings (a Gaussian copula
// under which every seat keeps its win probability) and prints the mean,
// SD, quantiles, P(total >= target) and the distribution. Zero -scenarios,
// -seed and -target take the scenario's values; the seed makes runs
// reproducible.
//
// # frontier
//
//	seatshare frontier [-data DIR] [-format table|json|csv] [-state STATE] [-min k] [-max k]
//	                   [-chart FILE] [SCENARIO.json] -party PARTY
//
// prints the negotiation frontier of one party ([seatshare.Planner.Frontier]):
// for each number k of seats it could get, in -state or over all the
// scenario's seats, the alliance's best expected wins when it gets exactly
// k, its other demands replaced and everyone else's kept. Counts no plan
// can meet are listed with the reason.
//
// # coalition
//
//	seatshare coalition [-data DIR] [-format table|json|csv] [-demands] [-allied]
//	                    [-samples N] [-seed S] [-join PARTY [-join-states A,B]] [SCENARIO.json]
//
// values the alliance as a cooperative game ([seatshare.CoalitionGame]):
// v(S) is the best expected wins of the sub-alliance S, its members sharing
// the seats, under the scenario's demands among S's members with -demands,
// and with the members outside S contesting alone (or, with -allied, allied
// among themselves). It prints each member's value alone, its Shapley value
// (exact state by state when no demand crosses a state, exact over every
// sub-alliance up to 12 members, else from -samples random orders, 1000 by
// default, seeded with -seed or the scenario's simulation seed), what the
// alliance loses if it leaves, its normalised Banzhaf index (exact state by
// state, or over every sub-alliance up to 12 members when demands cross
// states), and, for up to 16 members (12 when demands cross states),
// whether the Shapley split is in the core, naming the most-blocking
// sub-alliance. -join PARTY asks
// what taking PARTY in adds: v(all) - v(all but PARTY) and, for up to 6
// other members, v(S) and v(S + PARTY) for each sub-alliance S of them. A
// PARTY the scenario does not list joins as a member in -join-states (all
// the scenario's states by default). A sub-alliance that cannot meet its
// demands makes the game undefined: the command exits with status 1 and
// names it.
//
// # solve
//
//	seatshare solve [-format json|table|csv] [-verify] [-method auto|flow|bnb]
//	                [-resolution R] [-node-limit N] [-timeout D] [-seatbench] PROBLEM.json
//
// reads a problem in the JSON format of [solver.ReadProblem] (or, with
// -seatbench, an instance of the seatbench generator, see
// [solver.ReadSeatbenchInstance]), solves it with [solver.Solve] and prints
// the result: with -format json (the default) the document of
// [solver.WriteResult] (status, objective, the assignment by item and agent
// name, statistics and the certificate), with -format table a table of the
// status, the objective and one line per item, with -format csv the lines
// item,agent,weight under a header. -verify checks the result with
// [solver.Verify], which re-derives the proof in exact arithmetic without
// trusting the solver, and reports on stderr.
//
// # export
//
//	seatshare export -to lp|mps|fixed-mps|dimacs|json [-resolution R] [-seatbench] [-o FILE] PROBLEM.json
//
// writes the problem as CPLEX LP ([solver.WriteLP]), free or fixed MPS
// ([solver.WriteMPS]), DIMACS minimum-cost flow ([solver.WriteDIMACS]; laminar
// problems only) or the JSON problem format ([solver.WriteProblem]; with
// -seatbench this converts a seatbench instance). DIMACS costs are the
// weights in units of the resolution: -resolution, else 1/weight_scale for a
// seatbench instance, else [solver.DefaultResolution].
//
// # verify
//
//	seatshare verify [-seatbench] PROBLEM.json RESULT.json
//
// reads a result written by "seatshare solve" (the document of
// [solver.ReadResult]) and checks it against the problem with
// [solver.Verify], which trusts nothing the solver computed: the assignment
// must be feasible and the certificate must prove its status in exact
// arithmetic. It prints the verified status on stdout; a rejected result is
// exit code 3 with the reason on stderr.
//
// # calibrate
//
//	seatshare calibrate -blocs FILE [-test-blocs FILE] [-rename OLD=NEW ...] [-folds N] [-bins N]
//	                    [-chart FILE] BASE.csv LATER.csv [TEST.csv]
//	seatshare calibrate -lok-sabha [-split blocs|fronts|none] [-folds N] [-bins N] [-chart FILE]
//	                    LS2009.csv LS2014.csv LS2019.csv
//
// backtests the win-probability model on results files in the format of
// [seatshare.LoadResults]: it fits the model's parameters and the baselines
// on BASE -> LATER by maximum likelihood, cross-validates by folds of whole
// states and, with TEST.csv, scores the fits out of sample on LATER -> TEST
// ([calibrate.Run]). -blocs names the alliance and rival blocs
// ([calibrate.ReadBlocs]); -lok-sabha takes the three Lok Sabha elections
// with the built-in UPA and NDA blocs ([calibrate.LokSabhaSplitPairs]),
// splitting the base elections' alliances in the base strengths as -split
// says: the UPA's and NDA's arrangements (blocs, the default, as the
// calibrated defaults were fitted), every seat-sharing front, or none
// ([calibrate.LokSabhaPairs]). It prints the report as text tables; -chart
// draws the reliability of the forecasts.
//
// # Exit codes
//
//	0  success (for solve: an optimal or feasible assignment)
//	1  the problem is infeasible; the explanation is printed
//	2  bad input: a usage error, an unreadable file, or an invalid problem
//	3  any other failure: the solve stopped without an answer, a certificate
//	   or result was rejected, or the output could not be written
//
// Errors go to stderr and name the file and, for invalid input, the field
// (a JSON path such as items[3].options.INC).
package main
