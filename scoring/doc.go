// Package scoring holds the election mathematics of the module, on plain
// numbers: win probabilities, correlated swings, apportionment,
// disproportionality, fairness of a split, forecast scores and coalition
// values. Every input is a plain number indexed by party and seat (or a count
// per party). It imports nothing of package seatshare; seatshare fills its
// inputs from results and a scenario, and so can any other caller.
//
// # Win probability
//
// [Margin] computes the alliance-arithmetic margin of one candidate in one
// seat: the candidate's own standalone share, its allies' shares through an
// asymmetric [Transfer] matrix, the untransferred vote that leaks to the
// rival (lambda), the rival [Bloc]'s own arithmetic, parties contesting
// alone, a state swing and a per-seat adjustment. A [Link] turns a margin into a probability: [Probit]
// (the default), [Logistic], or a caller's own, as a [LinkFunc] or any type
// with a Prob method.
//
// # Correlated uncertainty
//
// A Gaussian [Copula] with national, state and seat loadings correlates the
// seats while every seat keeps its marginal win probability. [Simulate] draws
// seeded Monte Carlo scenarios of the alliance's total, identical for any
// GOMAXPROCS, and returns the whole [Distribution] with Monte Carlo standard
// errors; [PoissonBinomial] is the exact distribution for independent seats.
//
// # Apportionment and disproportionality
//
// [Apportion] and [ApportionRat] share a house among parties by one of six
// [Method] values (Hamilton, D'Hondt, Sainte-Laguë, modified Sainte-Laguë,
// Huntington-Hill, Adams) in exact integer arithmetic (math/big): no seat
// depends on floating-point rounding. A tie for the last seats is a
// [*TieError] that lists every valid result, unless
// [ApportionSettings.TieBreak] asks for the documented tie-break. Divisor
// methods return a divisor certificate that [CheckDivisor] verifies.
// [Quotas] gives each party's exact quota with its floor and ceiling and
// [CheckQuota] reports the quota violations of any allocation; [Gallagher], [LoosemoreHanby], [SainteLagueIndex],
// [DHondtIndex] and [EffectiveParties] measure disproportionality and
// fragmentation.
//
// # Fairness of a split
//
// [WPROP1], [WEF1], [SeatsWPROP1], [SeatsWEF1] and [IndividualRationality]
// check a split against entitlements and list every violation with its
// numbers; [NewPriceOfFairness] measures what a rule costs.
//
// # Forecast scores
//
// [Brier], [LogLoss], [AUC] and [Reliability] score probability forecasts
// against outcomes; package seatshare/calibrate uses them to fit the model's
// defaults on past elections.
//
// # Coalition games
//
// A game is a callback v over a [Coalition] bitmask. [Shapley] is exact up
// to [MaxExactPlayers] players (every v(S) computed once), [ShapleyAmong]
// is exact among a subset (for games that add up over states), and
// [ShapleySample] samples permutations with a confidence interval.
// [Banzhaf] gives the Banzhaf index ([BanzhafAmong] among a subset, as
// for Shapley) and [CheckCore] tests a payoff vector
// against the core, naming the most-blocking coalition.
//
// Package scoringtest exports rapid generators of the same inputs so that
// users can property-test their own rules with the same machinery.
package scoring
