package scoring

import (
	"math"
	"math/bits"
)

// CoreCheck is the result of [CheckCore].
type CoreCheck struct {
	// InCore reports whether the payoff is in the core: it shares out
	// exactly v(N) (|Surplus| <= tol) and no coalition can do better on its
	// own (Excess <= tol).
	InCore bool
	// Surplus is x(N) - v(N). A positive surplus means the payoff hands out
	// more than the grand coalition earns, so it is infeasible; a negative
	// one shows as the grand coalition's excess.
	Surplus float64
	// Blocking is the nonempty coalition with the largest excess
	// v(S) - x(S), the lowest bitmask among equals: when Excess > tol it is
	// the most-blocking coalition, whose members all gain by leaving.
	Blocking Coalition
	// Excess is Blocking's excess v(S) - x(S).
	Excess float64
}

// CheckCore reports whether the payoff vector x is in the core of the
// n-player game v: x(N) = v(N) and x(S) >= v(S) for every coalition S (D. B.
// Gillies, "Solutions to general non-zero-sum games", 1959). When it is not,
// the result names the coalition with the largest excess v(S) - x(S)
// (the most-blocking one, the one the nucleolus looks at first).
// Comparisons allow an absolute tolerance tol >= 0 for rounding in x and v.
//
// Cost: 2^n calls of v and O(2^n) time and memory; n is at most
// [MaxExactPlayers]. It returns an [*InputError] for n outside [1,
// MaxExactPlayers], len(x) != n, a non-finite x[i] or v(S), or a negative or
// non-finite tol.
func CheckCore(n int, v Game, x []float64, tol float64) (*CoreCheck, error) {
	if err := checkPlayers(n, MaxExactPlayers); err != nil {
		return nil, err
	}
	if len(x) != n {
		return nil, invalid("x", -1, "length %d, want %d (one per player)", len(x), n)
	}
	for i, xi := range x {
		if math.IsNaN(xi) || math.IsInf(xi, 0) {
			return nil, invalid("x", i, "%v, not finite", xi)
		}
	}
	if !(tol >= 0) || math.IsInf(tol, 0) {
		return nil, invalid("tol", -1, "%v, want a finite value >= 0", tol)
	}
	t, err := table(n, v)
	if err != nil {
		return nil, err
	}
	// Reuse the table: t[s] becomes the excess v(S) - x(S), with x(S) built
	// from x(S minus its lowest member).
	xs := make([]float64, len(t))
	r := &CoreCheck{Excess: math.Inf(-1)}
	for s := 1; s < len(t); s++ {
		xs[s] = xs[s&(s-1)] + x[bits.TrailingZeros(uint(s))]
		if e := t[s] - xs[s]; e > r.Excess {
			r.Excess, r.Blocking = e, Coalition(s)
		}
	}
	grand := len(t) - 1
	r.Surplus = xs[grand] - t[grand]
	r.InCore = r.Surplus <= tol && r.Excess <= tol
	return r, nil
}
