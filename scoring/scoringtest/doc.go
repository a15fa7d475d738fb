// Package scoringtest provides rapid generators for property-testing code
// built on package scoring: vote vectors and house sizes for apportionment,
// coalition games, and allocations with entitlements for fairness rules.
//
// A property test of your own rule draws its inputs from these generators,
// naming each draw after its variable so that a shrunk failure reads well:
//
//	rapid.Check(t, func(t *rapid.T) {
//		votes := scoringtest.Votes(2, 8, 1000).Draw(t, "votes")
//		house := rapid.IntRange(0, 50).Draw(t, "house")
//		...
//	})
//
// The generators keep their sizes small, as rapid's shrinking works best on
// small inputs, and draw integer-valued numbers where the property needs
// exact arithmetic (games and valuations are integers stored as float64, so
// sums are exact).
package scoringtest
