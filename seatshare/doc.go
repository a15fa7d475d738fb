// Package seatshare plans seat sharing inside an electoral alliance: real
// results in, an explained optimal plan out.
//
// # Results and base strength
//
// [ReadResults] reads candidate-level CSV, one row per candidate:
//
//	year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
//
// It validates every row (errors are [*ParseError] values naming the file,
// line and field) and returns an [*Election] whose constituencies are sorted
// by state and number. A constituency's identity is its [SeatID] (state and
// number); names drift between elections and are never used to join them.
// valid_votes includes the votes for None of the Above, so a share is
// votes / valid_votes. Independents (IND) stay separate candidates.
// [AndhraPradeshTo2019] maps undivided Andhra Pradesh onto Telangana and
// Andhra Pradesh, and a [PartyMap] maps renamed and split parties onto later
// labels with fractions. [OpenData] reads lsYYYY_candidates.csv from the
// directory named by $SEATSHARE_DATA.
//
// [EstimateStrength] turns several base elections into a [Strength] table:
// each party's standalone vote share in each seat. A party inside a past
// alliance did not contest many seats and its partner's votes there include
// its transferred voters, so the votes of past alliance candidates are split
// among the partners, each party is averaged only over the elections it
// contested, and every imputed cell is flagged with how it was imputed.
//
// # Scenarios and plans
//
// A [Scenario] is one JSON document (see [ReadScenario] and the complete
// example in testdata/scenario) that describes a seat-sharing question: the
// alliance and where each member is in it, the rival bloc, the base
// elections and their weights, the model's parameters (missing ones take
// the calibrated defaults of [DefaultModel]), the parties' demands, locks,
// vetoes, general rows and rules, and the simulation.
//
// [NewPlanner] (or [NewPlannerWith], which also takes a win-probability
// link of the caller's own) joins a scenario with the results, estimates the base
// strengths, computes every win probability through package scoring, and
// turns the demands into a [solver.Problem]; [NewPlannerWith] takes a
// win-probability link of the caller's own (any [scoring.Link]) in place of
// the scenario's probit or logistic. [Planner.Plan] solves it
// exactly and explains the optimal plan: per seat (party, probability, base
// strength and its provenance, alternatives and the exact cost of switching
// to each), per party, per demand with its price (the exact drop in
// expected wins it causes), and the distribution of the alliance's total
// under correlated swings. [Planner.Frontier], [Planner.Alternatives],
// [Planner.Robustness], [Planner.CoalitionValue], [Planner.Shapley] and
// [Planner.Evaluate] answer the follow-up questions. [WriteTable],
// [WriteJSON] and [WriteCSV] print plans; their output is byte-identical
// across runs.
//
// # Fairness rules and coalitions
//
// A [FairnessRule] is a value that checks a plan and reports each
// violation with its numbers; a [LinearRule] also turns itself into the
// demands that enforce it. The built-in rules ([SittingRule], [QuotaRule],
// [IndividualRationality]) are written through the same interfaces, so a
// caller's own rule, passed in [PlanSettings], is their peer: it is
// checked, enforced and priced (the price of fairness). [Planner.Coalitions]
// gives the coalition game v(S) under a stated [CoalitionSettings]
// convention, its exact or sampled Shapley values, its Banzhaf values, and
// what taking in a party adds. Friendly fights (two members both contest a
// seat, counting for both) are an option of the scenario.
//
// Package seatshare/seatsharetest exports rapid generators of results and
// scenarios so that users can property-test their own rules against the
// planner; seatshare/calibrate fits the model on past elections;
// seatshare/chart draws plans (it is the only package that needs
// gonum.org/v1/plot).
package seatshare
