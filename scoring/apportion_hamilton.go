package scoring

import (
	"math/big"
	"slices"
)

// hamilton apportions h seats among parties with positive votes v by largest
// remainders (Hare quota), in exact integer arithmetic: party i's quota is
// v[i]*h/total, its floor the integer quotient and its remainder the integer
// remainder of that division. It returns the seats (with the tied seats
// given to the lowest indices) and the tie for the last seats, if any.
// Cost: O(n log n) big-integer comparisons.
func hamilton(v []*big.Int, h int) ([]int, *rawTie) {
	n := len(v)
	total := new(big.Int)
	for _, x := range v {
		total.Add(total, x)
	}
	hb := big.NewInt(int64(h))
	seats := make([]int, n)
	rem := make([]*big.Int, n)
	given := 0
	for i, x := range v {
		num := new(big.Int).Mul(x, hb)
		r := new(big.Int)
		num.QuoRem(num, total, r)
		seats[i] = int(num.Int64()) // at most h, since x <= total
		rem[i] = r
		given += seats[i]
	}
	k := h - given // 0 <= k < n: the remainders sum to k*total
	if k == 0 {
		return seats, nil
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	extra := make([]bool, n)
	for _, i := range order[:k] {
		seats[i]++
		extra[i] = true
	}
	if k == n || rem[order[k-1]].Cmp(rem[order[k]]) != 0 {
		return seats, nil
	}
	cut := rem[order[k-1]]
	t := &rawTie{}
	for i, r := range rem {
		if r.Cmp(cut) == 0 {
			t.parties = append(t.parties, i)
			if extra[i] {
				t.winners = append(t.winners, i)
			}
		}
	}
	return seats, t
}
