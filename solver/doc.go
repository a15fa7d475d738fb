// Package solver solves weighted assignment problems with bounded group
// counts exactly.
//
// A [Problem] has items and agents. Every item goes to exactly one of its
// options (an eligible agent with a weight); [Bound]s say that an agent gets
// between Min and Max of the items of a group; [Row]s are general linear
// constraints over the assignment; locks and vetoes fix or forbid single
// pairs. [Solve] maximises the total weight and returns a [Result] with a
// [Certificate] that [Verify] checks in exact arithmetic.
//
// The package knows nothing of elections: it is reusable for any "assign
// items to agents with bounded group counts" problem.
package solver
