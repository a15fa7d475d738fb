package solver

import (
	"math"
	"math/big"
	"slices"
)

// This file holds the exact side of the general path: the coefficients of
// the rows as exact rationals, the certificate's Lagrangian bound computed
// exactly from integer prices, and the exact feasibility check of an
// assignment. Branch and bound uses floating point only to choose prices;
// every bound it relies on and every assignment it returns goes through the
// functions here.

// sideData holds, per model pair, the bounds and rows that count it, with
// the rows' coefficients exact.
type sideData struct {
	m *model
	// Bounds holding each pair: bnds[bStart[k]:bStart[k+1]].
	bStart []int32
	bnds   []int32
	// Row entries of each pair: rows rRow[rStart[k]:rStart[k+1]] with
	// coefficients rCoef (exact) and rCoefF (nearest float64).
	rStart []int32
	rRow   []int32
	rCoef  []*big.Rat
	rCoefF []float64
	rhs    []*big.Rat
	// integral reports whether every row coefficient and right-hand side
	// is an integer of magnitude at most 2^31; then rCoefI and rhsI hold
	// them and exact sums of a few of them fit in int64 and float64.
	integral bool
	rCoefI   []int64
	rhsI     []int64
}

// newSideData collects the bounds and row coefficients of every pair of m.
// It takes time linear in the sizes of the groups named by bounds and terms.
func newSideData(m *model) *sideData {
	p := m.p
	nPairs := len(m.agent)
	sd := &sideData{m: m, integral: true}
	// Pairs by (item, agent) through each agent's pair list.
	pairsOf := make([][]int32, len(p.Agents))
	for k, a := range m.agent {
		pairsOf[a] = append(pairsOf[a], int32(k))
	}
	forEach := func(a, g int, f func(k int32)) {
		if g == AllItems {
			for _, k := range pairsOf[a] {
				f(k)
			}
			return
		}
		for _, i := range p.Groups[g].Items {
			if k := m.pair(i, a); k >= 0 {
				f(int32(k))
			}
		}
	}
	// Bounds per pair (CSR by counting).
	cnt := make([]int32, nPairs+1)
	for _, b := range p.Bounds {
		forEach(b.Agent, b.Group, func(k int32) { cnt[k+1]++ })
	}
	for k := range nPairs {
		cnt[k+1] += cnt[k]
	}
	sd.bStart = slices.Clone(cnt)
	sd.bnds = make([]int32, cnt[nPairs])
	next := slices.Clone(cnt[:nPairs])
	for bi, b := range p.Bounds {
		forEach(b.Agent, b.Group, func(k int32) {
			sd.bnds[next[k]] = int32(bi)
			next[k]++
		})
	}
	// Row coefficients per (row, pair), summed exactly.
	type entry struct {
		k    int32
		row  int32
		coef *big.Rat
	}
	var entries []entry
	acc := make([]*big.Rat, nPairs)
	var touched []int32
	for r, row := range p.Rows {
		touched = touched[:0]
		add := func(k int32, c float64) {
			if acc[k] == nil {
				acc[k] = new(big.Rat)
				touched = append(touched, k)
			}
			acc[k].Add(acc[k], new(big.Rat).SetFloat64(c))
		}
		for _, t := range row.Terms {
			forEach(t.Agent, t.Group, func(k int32) { add(k, t.Coef) })
		}
		for _, t := range row.Pairs {
			if k := m.pair(t.Item, t.Agent); k >= 0 {
				add(int32(k), t.Coef)
			}
		}
		for _, k := range touched {
			if acc[k].Sign() != 0 {
				entries = append(entries, entry{k, int32(r), acc[k]})
			}
			acc[k] = nil
		}
		rhs := new(big.Rat).SetFloat64(row.RHS)
		sd.rhs = append(sd.rhs, rhs)
		v, ok := smallInt(rhs)
		sd.integral = sd.integral && ok
		sd.rhsI = append(sd.rhsI, v)
	}
	slices.SortStableFunc(entries, func(x, y entry) int { return int(x.k) - int(y.k) })
	sd.rStart = make([]int32, nPairs+1)
	for _, e := range entries {
		sd.rStart[e.k+1]++
		sd.rRow = append(sd.rRow, e.row)
		sd.rCoef = append(sd.rCoef, e.coef)
		f, _ := e.coef.Float64()
		sd.rCoefF = append(sd.rCoefF, f)
		v, ok := smallInt(e.coef)
		sd.integral = sd.integral && ok
		sd.rCoefI = append(sd.rCoefI, v)
	}
	for k := range nPairs {
		sd.rStart[k+1] += sd.rStart[k]
	}
	return sd
}

// smallInt returns x as an int64 when it is an integer of magnitude at most 2^31.
func smallInt(x *big.Rat) (int64, bool) {
	if !x.IsInt() || !x.Num().IsInt64() {
		return 0, false
	}
	v := x.Num().Int64()
	return v, v >= -(1<<31) && v <= 1<<31
}

// splitTerm is a count split in a Lagrangian bound: price times the
// number of pairs used among pairs, which is at most rhs (price >= 0) or at
// least rhs (price <= 0).
type splitTerm struct {
	pairs []int32
	price int64
	rhs   int64
}

// lagrangeBound returns Den times the certificate's Lagrangian bound for
// bound prices pi (one per Problem.Bounds), row prices mu (one per
// Problem.Rows) and the split terms over the region in which pair k may
// be used exactly when allowed[k]; ok is false when some item has no allowed pair (the bound is
// minus infinity). Prices must follow the certificate's sign rules. It takes
// time linear in the number of pairs and their bound and row entries, with
// exact rational arithmetic.
func (sd *sideData) lagrangeBound(den int64, pi, mu []int64, splits []splitTerm, allowed []bool) (bound *big.Rat, ok bool) {
	m, p := sd.m, sd.m.p
	total := new(big.Rat)
	val, best, tmp := new(big.Rat), new(big.Rat), new(big.Rat)
	var iv, it big.Int
	// adj[k] is the sum of the prices of the splits that count pair k.
	var adj []big.Int
	for _, s := range splits {
		if s.price == 0 {
			continue
		}
		if adj == nil {
			adj = make([]big.Int, len(m.agent))
		}
		for _, k := range s.pairs {
			adj[k].Add(&adj[k], it.SetInt64(s.price))
		}
		total.Add(total, tmp.SetInt(it.Mul(it.SetInt64(s.price), big.NewInt(s.rhs))))
	}
	for i := range p.Items {
		found := false
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if !allowed[k] {
				continue
			}
			// Integer part: den*W - sum of bound prices.
			iv.Mul(it.SetInt64(den), big.NewInt(m.w[k]))
			for _, b := range sd.bnds[sd.bStart[k]:sd.bStart[k+1]] {
				iv.Sub(&iv, it.SetInt64(pi[b]))
			}
			if adj != nil {
				iv.Sub(&iv, &adj[k])
			}
			val.SetInt(&iv)
			for e := sd.rStart[k]; e < sd.rStart[k+1]; e++ {
				if c := mu[sd.rRow[e]]; c != 0 {
					tmp.Mul(sd.rCoef[e], tmp.SetInt64(c))
					val.Sub(val, tmp)
				}
			}
			if !found || val.Cmp(best) > 0 {
				best.Set(val)
				found = true
			}
		}
		if !found {
			return nil, false
		}
		total.Add(total, best)
	}
	for b, bd := range p.Bounds {
		switch {
		case pi[b] > 0:
			total.Add(total, tmp.SetInt(it.Mul(it.SetInt64(pi[b]), big.NewInt(int64(bd.Max)))))
		case pi[b] < 0:
			total.Add(total, tmp.SetInt(it.Mul(it.SetInt64(pi[b]), big.NewInt(int64(bd.Min)))))
		}
	}
	for r := range p.Rows {
		if mu[r] != 0 {
			total.Add(total, tmp.Mul(sd.rhs[r], tmp.SetInt64(mu[r])))
		}
	}
	return total, true
}

// feasible reports whether the assignment (one pair per item) satisfies
// every bound and row of the problem exactly. Locks, vetoes and branching
// decisions are the caller's concern.
func (sd *sideData) feasible(pair []int32) bool {
	p := sd.m.p
	count := make([]int, len(p.Bounds))
	for _, k := range pair {
		for _, b := range sd.bnds[sd.bStart[k]:sd.bStart[k+1]] {
			count[b]++
		}
	}
	for b, bd := range p.Bounds {
		if count[b] < bd.Min || (bd.Max != Unlimited && count[b] > bd.Max) {
			return false
		}
	}
	if len(p.Rows) == 0 {
		return true
	}
	if sd.integral {
		// Integer coefficients below 2^31 in magnitude: sums over at most
		// 2^31 items fit in int64.
		act := make([]int64, len(p.Rows))
		for _, k := range pair {
			for e := sd.rStart[k]; e < sd.rStart[k+1]; e++ {
				act[sd.rRow[e]] += sd.rCoefI[e]
			}
		}
		for r, row := range p.Rows {
			a, b := act[r], sd.rhsI[r]
			if (row.Sense == LessEq && a > b) || (row.Sense == GreaterEq && a < b) || (row.Sense == Equal && a != b) {
				return false
			}
		}
		return true
	}
	act := make([]*big.Rat, len(p.Rows))
	for r := range act {
		act[r] = new(big.Rat)
	}
	for _, k := range pair {
		for e := sd.rStart[k]; e < sd.rStart[k+1]; e++ {
			act[sd.rRow[e]].Add(act[sd.rRow[e]], sd.rCoef[e])
		}
	}
	for r, row := range p.Rows {
		c := act[r].Cmp(sd.rhs[r])
		if (row.Sense == LessEq && c > 0) || (row.Sense == GreaterEq && c < 0) || (row.Sense == Equal && c != 0) {
			return false
		}
	}
	return true
}

// roundPrice rounds a float price to an int64 and applies a sign rule:
// sign > 0 forces it nonnegative, sign < 0 nonpositive. Values beyond
// +-2^62 are clamped, which keeps the price valid (any price of the right
// sign gives a valid bound) though weaker.
func roundPrice(x float64, sign int) int64 {
	x = math.Round(x)
	if sign > 0 && x < 0 || sign < 0 && x > 0 || math.IsNaN(x) {
		return 0
	}
	const lim = 1 << 62
	return int64(math.Max(-lim, math.Min(lim, x)))
}
