package scoring

import "math"

// Banzhaf returns the raw Banzhaf value of each player of the n-player game
// v: its average marginal contribution v(S ∪ {i}) - v(S) over the 2^(n-1)
// coalitions S without it, each counted once (J. F. Banzhaf, "Weighted
// voting doesn't work", Rutgers Law Review 19, 1965; P. Dubey and L. S.
// Shapley, "Mathematical properties of the Banzhaf power index", Math. Oper.
// Res. 4(2), 1979). For a simple (0/1) game it is the share of coalitions in
// which the player is a swing voter. [NormalizeBanzhaf] turns it into shares
// that sum to one.
//
// Unlike the Shapley value it is not efficient: the raw values need not sum
// to v(N). Cost: 2^n calls of v and O(n 2^n) time; n is at most
// [MaxExactPlayers]. It returns an [*InputError] for n outside [1,
// MaxExactPlayers], a nil v or a non-finite v(S).
func Banzhaf(n int, v Game) ([]float64, error) {
	t, err := table(n, v)
	if err != nil {
		return nil, err
	}
	b := make([]float64, n)
	for s := range t {
		for i := range n {
			if s&(1<<i) == 0 {
				b[i] += t[s|1<<i] - t[s]
			}
		}
	}
	half := math.Ldexp(1, n-1)
	for i := range b {
		b[i] /= half
	}
	return b, nil
}

// BanzhafAmong returns the raw Banzhaf value of the game v restricted to
// the listed players, as [ShapleyAmong] does for the Shapley value: one
// value per listed player, in the order given. When every unlisted player
// is a null player of v, the result equals those players' raw values in
// the full game (each coalition of the listed players stands for the same
// number of full coalitions, which a null player cannot tell apart), so a
// game that adds up over states is valued exactly state by state: the raw
// value is linear in the game, and the states' values add up.
//
// Cost: 2^len(players) calls of v; len(players) is at most
// [MaxExactPlayers]. It returns an [*InputError] for a player outside [0,
// MaxPlayers) or listed twice, and the errors of [Banzhaf].
func BanzhafAmong(players []int, v Game) ([]float64, error) {
	local, err := among(players, v)
	if err != nil {
		return nil, err
	}
	return Banzhaf(len(players), local)
}

// NormalizeBanzhaf returns the normalised Banzhaf index: each raw value
// divided by their sum. It returns an [*InputError] when the sum is zero (no
// player ever makes a difference) or a value is not finite.
func NormalizeBanzhaf(raw []float64) ([]float64, error) {
	var sum float64
	for i, x := range raw {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, invalid("raw", i, "%v, not finite", x)
		}
		sum += x
	}
	if sum == 0 {
		return nil, invalid("raw", -1, "values sum to zero; the normalised index is undefined")
	}
	out := make([]float64, len(raw))
	for i, x := range raw {
		out[i] = x / sum
	}
	return out, nil
}
