package scoring

import (
	"math"
	"math/big"
)

// The weighted fairness notions below follow M. Chakraborty, A. Igarashi,
// W. Suksompong and Y. Zick, "Weighted envy-freeness in indivisible item
// allocation", ACM Transactions on Economics and Computation 9(3), article
// 18, 2021 (WEF1, their "strong" variant, and WPROP1), and M. Chakraborty,
// E. Segal-Halevi and W. Suksompong, "Weighted fairness notions for
// indivisible items revisited", AAAI 2022 (WPROP1). Items are goods with
// additive, non-negative values; weights are the parties' entitlements,
// from whichever claim was chosen (vote share, seats won, MLAs).

// checkItems validates an item allocation: valuations[i][g] >= 0 finite for
// n agents and m items, owner[g] in [-1, n) (-1: nobody), n positive
// finite weights, and a tolerance in [0, 1).
func checkItems(valuations [][]float64, owner []int, weights []float64, tol float64) error {
	n := len(valuations)
	if n == 0 {
		return invalid("valuations", -1, "no agents")
	}
	if len(weights) != n {
		return invalid("weights", -1, "length %d, want %d (one per agent)", len(weights), n)
	}
	for i, w := range weights {
		if !(w > 0) || math.IsInf(w, 0) {
			return invalid("weights", i, "%v, want a finite value > 0", w)
		}
	}
	for i, row := range valuations {
		if len(row) != len(owner) {
			return invalid("valuations", i, "%d values, want %d (one per item)", len(row), len(owner))
		}
		for _, x := range row {
			if !(x >= 0) || math.IsInf(x, 0) {
				return invalid("valuations", i, "value %v, want a finite value >= 0", x)
			}
		}
	}
	for g, o := range owner {
		if o < -1 || o >= n {
			return invalid("owner", g, "%d not in [-1, %d)", o, n)
		}
	}
	if !(tol >= 0 && tol < 1) {
		return invalid("tol", -1, "%v not in [0, 1)", tol)
	}
	return nil
}

// less reports whether a < b by more than the relative tolerance tol.
func less(a, b, tol float64) bool {
	return a < b-tol*max(math.Abs(a), math.Abs(b))
}

// EnvyViolation is a pair of agents for which weighted envy-freeness up to
// one item fails: even without the item of Other's bundle that Agent values
// most, Agent values Other's bundle per unit of entitlement more than its
// own, Own/OwnWeight < (OtherBundle - Removed)/OtherWeight.
type EnvyViolation struct {
	// Agent is the envious agent and Other the envied one.
	Agent, Other int
	// Own is Agent's value of its own bundle, OtherBundle its value of
	// Other's bundle.
	Own, OtherBundle float64
	// Item is the item of Other's bundle that Agent values most, and
	// Removed that value.
	Item    int
	Removed float64
	// OwnWeight and OtherWeight are the two entitlements.
	OwnWeight, OtherWeight float64
}

// WEF1 returns every ordered pair of agents (in lexicographic order) that
// violates weighted envy-freeness up to one item (Chakraborty, Igarashi,
// Suksompong and Zick 2021, the strong variant): the allocation is WEF1 when
// for all agents i and j with A_j nonempty there is an item g in A_j with
// v_i(A_i)/w_i >= v_i(A_j \ {g})/w_j. Removing the item i values most is the
// best choice of g, so that is the one reported.
//
// valuations[i][g] is agent i's value of item g, owner[g] the agent that
// gets item g (-1: nobody), weights[i] agent i's entitlement. The
// comparison w_j·v_i(A_i) >= w_i·v_i(A_j \ {g}) passes within a relative
// tolerance tol in [0, 1) (0 means exact floating-point comparison). It
// returns an [*InputError] for ragged or negative valuations, an owner out
// of range, non-positive weights or a bad tol. Cost: O(n·m + n²).
func WEF1(valuations [][]float64, owner []int, weights []float64, tol float64) ([]EnvyViolation, error) {
	if err := checkItems(valuations, owner, weights, tol); err != nil {
		return nil, err
	}
	n := len(valuations)
	// bundle[i*n+j] = v_i(A_j); best[i*n+j] = max over g in A_j of v_i(g).
	bundle := make([]float64, n*n)
	best := make([]float64, n*n)
	item := make([]int, n*n)
	for k := range item {
		item[k] = -1
	}
	for g, j := range owner {
		if j < 0 {
			continue
		}
		for i, row := range valuations {
			bundle[i*n+j] += row[g]
			if item[i*n+j] < 0 || row[g] > best[i*n+j] {
				best[i*n+j], item[i*n+j] = row[g], g
			}
		}
	}
	var out []EnvyViolation
	for i := range n {
		for j := range n {
			if i == j || item[i*n+j] < 0 {
				continue
			}
			own, other := bundle[i*n+i], bundle[i*n+j]-best[i*n+j]
			if less(weights[j]*own, weights[i]*other, tol) {
				out = append(out, EnvyViolation{
					Agent: i, Other: j,
					Own: own, OtherBundle: bundle[i*n+j],
					Item: item[i*n+j], Removed: best[i*n+j],
					OwnWeight: weights[i], OtherWeight: weights[j],
				})
			}
		}
	}
	return out, nil
}

// PropViolation is an agent for which weighted proportionality up to one
// item fails: Own + Added < Share.
type PropViolation struct {
	// Agent is the agent.
	Agent int
	// Own is its value of its own bundle.
	Own float64
	// Item is the item outside its bundle that it values most (-1 if it
	// holds every item), and Added that value.
	Item  int
	Added float64
	// Share is its weighted proportional share w_i/Σw · v_i(all items).
	Share float64
}

// WPROP1 returns, in agent order, every agent that violates weighted
// proportionality up to one item: agent i is satisfied when
// v_i(A_i) + v_i(g) >= w_i/Σw · v_i(M) for some item g outside A_i (or when
// v_i(A_i) >= w_i/Σw · v_i(M) already). Unallocated items (owner -1) count
// in M and may serve as g. Arguments, tolerance, errors and cost are those
// of [WEF1], with O(n·m) time.
func WPROP1(valuations [][]float64, owner []int, weights []float64, tol float64) ([]PropViolation, error) {
	if err := checkItems(valuations, owner, weights, tol); err != nil {
		return nil, err
	}
	var wsum float64
	for _, w := range weights {
		wsum += w
	}
	var out []PropViolation
	for i, row := range valuations {
		var own, all, added float64
		item := -1
		for g, x := range row {
			all += x
			if owner[g] == i {
				own += x
			} else if item < 0 || x > added {
				added, item = x, g
			}
		}
		share := weights[i] / wsum * all
		if less(own+added, share, tol) {
			out = append(out, PropViolation{Agent: i, Own: own, Item: item, Added: added, Share: share})
		}
	}
	return out, nil
}

// checkSeats validates a seat split with claims.
func checkSeats(seats []int, claims []int64) error {
	if len(seats) == 0 {
		return invalid("seats", -1, "no parties")
	}
	if len(claims) != len(seats) {
		return invalid("claims", -1, "length %d, want %d (one per party)", len(claims), len(seats))
	}
	for i := range seats {
		if seats[i] < 0 {
			return invalid("seats", i, "negative (%d)", seats[i])
		}
		if claims[i] <= 0 {
			return invalid("claims", i, "%d, want a positive entitlement", claims[i])
		}
	}
	return nil
}

// SeatEnvy is a pair of parties for which [SeatsWEF1] fails:
// Seats/Claim < (OtherSeats-1)/OtherClaim.
type SeatEnvy struct {
	// Party is the envious party and Other the envied one.
	Party, Other int
	// Seats and OtherSeats are their seats.
	Seats, OtherSeats int
	// Claim and OtherClaim are their entitlements.
	Claim, OtherClaim int64
}

// SeatsWEF1 is [WEF1] for identical seats that every party values at one:
// it returns every ordered pair (i, j), in lexicographic order, with
// seats[j] >= 1 and seats[i]/claims[i] < (seats[j]-1)/claims[j]. Claims are
// integer entitlements (votes, seats won, MLAs), so the check is exact. It
// returns an [*InputError] for mismatched lengths, negative seats or a
// non-positive claim. Cost: O(n²).
func SeatsWEF1(seats []int, claims []int64) ([]SeatEnvy, error) {
	if err := checkSeats(seats, claims); err != nil {
		return nil, err
	}
	var out []SeatEnvy
	var a, b big.Int
	for i := range seats {
		for j := range seats {
			if i == j || seats[j] == 0 {
				continue
			}
			a.Mul(big.NewInt(int64(seats[i])), big.NewInt(claims[j]))
			b.Mul(big.NewInt(int64(seats[j]-1)), big.NewInt(claims[i]))
			if a.Cmp(&b) < 0 {
				out = append(out, SeatEnvy{
					Party: i, Other: j,
					Seats: seats[i], OtherSeats: seats[j],
					Claim: claims[i], OtherClaim: claims[j],
				})
			}
		}
	}
	return out, nil
}

// SeatShortfall is a party for which [SeatsWPROP1] fails: Seats+1 < Share.
type SeatShortfall struct {
	// Party is the party's index and Seats its seats.
	Party, Seats int
	// Share is its weighted proportional share house·claim/Σclaims.
	Share *big.Rat
}

// SeatsWPROP1 is [WPROP1] for identical seats that every party values at
// one: it returns, in party order, every party with fewer than all seats
// whose seats plus one fall short of its share house·claims[i]/Σclaims, with
// house the sum of seats. The check is exact. Errors are those of
// [SeatsWEF1]. Cost: O(n).
func SeatsWPROP1(seats []int, claims []int64) ([]SeatShortfall, error) {
	if err := checkSeats(seats, claims); err != nil {
		return nil, err
	}
	house, total := new(big.Int), new(big.Int)
	for i := range seats {
		house.Add(house, big.NewInt(int64(seats[i])))
		total.Add(total, big.NewInt(claims[i]))
	}
	var out []SeatShortfall
	for i, s := range seats {
		if house.Cmp(big.NewInt(int64(s))) == 0 {
			continue // it holds every seat
		}
		share := new(big.Rat).SetFrac(new(big.Int).Mul(house, big.NewInt(claims[i])), total)
		if new(big.Rat).SetInt64(int64(s)+1).Cmp(share) < 0 {
			out = append(out, SeatShortfall{Party: i, Seats: s, Share: share})
		}
	}
	return out, nil
}

// IRViolation is a party that gets less than it would on its own.
type IRViolation struct {
	// Party is the party's index.
	Party int
	// Got is what it gets in the alliance, Alone what it would get on its
	// own.
	Got, Alone float64
}

// IndividualRationality returns, in party order, every party whose value in
// the split is below its standalone value: got[i] < alone[i] by more than the
// relative tolerance tol in [0, 1). Typically got[i] is party i's expected
// wins under the plan and alone[i] its expected wins contesting alone, v({i})
// of the coalition game. It returns an [*InputError] for mismatched
// lengths, a non-finite value or a bad tol. Cost: O(n).
func IndividualRationality(got, alone []float64, tol float64) ([]IRViolation, error) {
	if len(alone) != len(got) {
		return nil, invalid("alone", -1, "length %d, want %d (one per party)", len(alone), len(got))
	}
	if !(tol >= 0 && tol < 1) {
		return nil, invalid("tol", -1, "%v not in [0, 1)", tol)
	}
	var out []IRViolation
	for i := range got {
		for _, f := range []struct {
			name string
			x    float64
		}{{"got", got[i]}, {"alone", alone[i]}} {
			if math.IsNaN(f.x) || math.IsInf(f.x, 0) {
				return nil, invalid(f.name, i, "%v, not finite", f.x)
			}
		}
		if less(got[i], alone[i], tol) {
			out = append(out, IRViolation{Party: i, Got: got[i], Alone: alone[i]})
		}
	}
	return out, nil
}

// PriceOfFairness is what a fairness rule costs in total value: the best
// total without the rule minus the best total under it (Bertsimas, Farias
// and Trichakis, "The price of fairness", Operations Research 59(1), 2011).
type PriceOfFairness struct {
	// Best is the best total without the rule, Fair the best total under
	// it.
	Best, Fair float64
	// Absolute is Best - Fair, at least 0.
	Absolute float64
	// Relative is Absolute/Best, in [0, 1] when Fair >= 0.
	Relative float64
}

// NewPriceOfFairness returns the price of fairness given the best total
// without the rule and the best total under it, such as the alliance's
// expected wins of the best plan and of the best plan that meets the rule.
// It returns an [*InputError] when a total is not finite, best is not
// positive (the relative price is undefined), or fair exceeds best (then
// best was not the best).
func NewPriceOfFairness(best, fair float64) (PriceOfFairness, error) {
	switch {
	case math.IsNaN(best) || math.IsInf(best, 0) || best <= 0:
		return PriceOfFairness{}, invalid("best", -1, "%v, want a finite value > 0", best)
	case math.IsNaN(fair) || math.IsInf(fair, 0):
		return PriceOfFairness{}, invalid("fair", -1, "%v, not finite", fair)
	case fair > best:
		return PriceOfFairness{}, invalid("fair", -1, "%v exceeds the best total %v", fair, best)
	}
	return PriceOfFairness{Best: best, Fair: fair, Absolute: best - fair, Relative: (best - fair) / best}, nil
}
