package solver

import (
	"math"
	"math/big"
	"slices"
)

// bruteForce enumerates every assignment of p (at most a few thousand for
// the generators' sizes) and reports the exact feasibility and optimum,
// independently of the solver and of Verify.
type bruteForce struct {
	p *Problem
	// enforced says which constraints hold; nil means all of them. An item
	// whose ItemKind constraint is relaxed may stay unassigned (-1).
	enforced *mask
	// Row coefficients and right-hand sides times 2^shift, exact integers.
	shift uint
	coef  [][][]*big.Int // [row][item][option]
	rhs   []*big.Int
}

// bruteOutcome is what enumeration finds.
type bruteOutcome struct {
	feasible bool
	// best is the largest float64 total weight of a feasible assignment
	// (summed in item order), bestScaled the largest sum of
	// round(w/res), and argmax an assignment with total best.
	best       float64
	bestScaled int64
	argmax     []int
	count      int
	// some holds the first few feasible assignments found.
	some [][]int
}

func newBruteForce(p *Problem, enforced *mask) *bruteForce {
	bf := &bruteForce{p: p, enforced: enforced}
	var all []float64
	for _, row := range p.Rows {
		all = append(all, row.RHS)
		for _, t := range row.Terms {
			all = append(all, t.Coef)
		}
		for _, t := range row.Pairs {
			all = append(all, t.Coef)
		}
	}
	for _, x := range all {
		_, e := math.Frexp(x) // x = f * 2^e, f has 53 bits
		if s := 53 - e; x != 0 && s > int(bf.shift) {
			bf.shift = uint(s)
		}
	}
	inGroup := func(g, i int) bool {
		if g == AllItems {
			return true
		}
		for _, j := range p.Groups[g].Items {
			if j == i {
				return true
			}
		}
		return false
	}
	for _, row := range p.Rows {
		c := make([][]*big.Int, len(p.Items))
		for i, it := range p.Items {
			c[i] = make([]*big.Int, len(it.Options))
			for j, o := range it.Options {
				sum := new(big.Int)
				for _, t := range row.Terms {
					if t.Agent == o.Agent && inGroup(t.Group, i) {
						sum.Add(sum, bf.scaled(t.Coef))
					}
				}
				for _, t := range row.Pairs {
					if t.Agent == o.Agent && t.Item == i {
						sum.Add(sum, bf.scaled(t.Coef))
					}
				}
				c[i][j] = sum
			}
		}
		bf.coef = append(bf.coef, c)
		bf.rhs = append(bf.rhs, bf.scaled(row.RHS))
	}
	return bf
}

// scaled returns x*2^shift exactly.
func (bf *bruteForce) scaled(x float64) *big.Int {
	f := new(big.Float).SetFloat64(x)
	f.SetMantExp(f, int(bf.shift))
	n, acc := f.Int(nil)
	if acc != big.Exact {
		panic("bruteForce: row coefficient not exact after scaling")
	}
	return n
}

func (bf *bruteForce) on(k ConstraintKind, i int) bool {
	return bf.enforced == nil || bf.enforced.on[k][i]
}

// run enumerates the assignments; res is the resolution of bestScaled.
func (bf *bruteForce) run(res float64) bruteOutcome {
	p := bf.p
	out := bruteOutcome{bestScaled: math.MinInt64, best: math.Inf(-1)}
	x := make([]int, len(p.Items))   // agent or -1
	opt := make([]int, len(p.Items)) // option index or -1
	var rec func(i int)
	rec = func(i int) {
		if i == len(p.Items) {
			if !bf.feasible(x, opt) {
				return
			}
			out.feasible = true
			out.count++
			if len(out.some) < 64 {
				out.some = append(out.some, slices.Clone(x))
			}
			var w float64
			var ws int64
			for k, j := range opt {
				if j >= 0 {
					o := p.Items[k].Options[j]
					w += o.Weight
					ws += int64(math.Round(o.Weight / res))
				}
			}
			if w > out.best {
				out.best, out.argmax = w, append([]int(nil), x...)
			}
			out.bestScaled = max(out.bestScaled, ws)
			return
		}
		for j, o := range p.Items[i].Options {
			x[i], opt[i] = o.Agent, j
			rec(i + 1)
		}
		if !bf.on(ItemKind, i) {
			x[i], opt[i] = -1, -1
			rec(i + 1)
		}
	}
	rec(0)
	return out
}

// feasible checks one assignment against the enforced constraints.
func (bf *bruteForce) feasible(x, opt []int) bool {
	p := bf.p
	for k, l := range p.Locks {
		if bf.on(LockKind, k) && x[l.Item] != l.Agent {
			return false
		}
	}
	for k, v := range p.Vetoes {
		if bf.on(VetoKind, k) && x[v.Item] == v.Agent {
			return false
		}
	}
	for b, bd := range p.Bounds {
		n := 0
		for i, a := range x {
			if a != bd.Agent {
				continue
			}
			if bd.Group == AllItems {
				n++
				continue
			}
			for _, j := range p.Groups[bd.Group].Items {
				if j == i {
					n++
				}
			}
		}
		if bf.on(MinKind, b) && n < bd.Min {
			return false
		}
		if bf.on(MaxKind, b) && bd.Max != Unlimited && n > bd.Max {
			return false
		}
	}
	lhs := new(big.Int)
	for r, row := range p.Rows {
		if !bf.on(RowKind, r) {
			continue
		}
		lhs.SetInt64(0)
		for i, j := range opt {
			if j >= 0 {
				lhs.Add(lhs, bf.coef[r][i][j])
			}
		}
		c := lhs.Cmp(bf.rhs[r])
		if (row.Sense == LessEq && c > 0) || (row.Sense == GreaterEq && c < 0) || (row.Sense == Equal && c != 0) {
			return false
		}
	}
	return true
}

// solveBrute enumerates p with every constraint enforced.
func solveBrute(p *Problem, res float64) bruteOutcome {
	return newBruteForce(p, nil).run(res)
}
