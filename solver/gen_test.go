package solver

import (
	"fmt"

	"pgregory.net/rapid"
)

// The generators below draw small problems (at most 7 items and 4 agents,
// so that brute force enumerates at most 4^7 assignments) of two shapes:
//
//   - laminar: groups are "states" that partition the items, with an
//     optional "reserved" subgroup inside one state, so every agent's
//     national, state and reserved bounds nest; plus locks and vetoes;
//   - general: the laminar shape plus overlapping groups, bounds on them,
//     and rows (cross-agent count rows, trade rows with -1 coefficients, a
//     weighted PairTerm row).
//
// Weights are multiples of 1/8 between -2 and 8 unless coarse is false, so
// float64 sums are exact and objectives compare with ==.

// randWeight draws a weight on the 1/8 grid, or any float in [-2, 8) when
// grid is false.
func randWeight(t *rapid.T, grid bool, label string) float64 {
	if grid {
		return float64(rapid.IntRange(-16, 64).Draw(t, label)) / 8
	}
	return rapid.Float64Range(-2, 8).Draw(t, label)
}

// randLaminar draws a laminar problem.
func randLaminar(t *rapid.T, grid bool) *Problem {
	nItems := rapid.IntRange(1, 7).Draw(t, "nItems")
	nAgents := rapid.IntRange(1, 4).Draw(t, "nAgents")
	p := &Problem{}
	for a := range nAgents {
		p.Agents = append(p.Agents, fmt.Sprintf("P%d", a))
	}
	for i := range nItems {
		it := Item{Name: fmt.Sprintf("c%d", i)}
		for a := range nAgents {
			if rapid.IntRange(0, 4).Draw(t, "optionSkip") < 4 {
				it.Options = append(it.Options, Option{Agent: a, Weight: randWeight(t, grid, "weight")})
			}
		}
		if len(it.Options) == 0 && rapid.IntRange(0, 9).Draw(t, "keepEmpty") < 9 {
			a := rapid.IntRange(0, nAgents-1).Draw(t, "onlyAgent")
			it.Options = append(it.Options, Option{Agent: a, Weight: randWeight(t, grid, "weight")})
		}
		p.Items = append(p.Items, it)
	}
	// States partition the items; a reserved group sits inside one state.
	nStates := rapid.IntRange(1, min(3, nItems)).Draw(t, "nStates")
	for s := range nStates {
		p.Groups = append(p.Groups, Group{Name: fmt.Sprintf("S%d", s)})
	}
	for i := range nItems {
		s := rapid.IntRange(0, nStates-1).Draw(t, "state")
		p.Groups[s].Items = append(p.Groups[s].Items, i)
	}
	if rapid.Bool().Draw(t, "reserved") {
		s := rapid.IntRange(0, nStates-1).Draw(t, "reservedState")
		r := Group{Name: "R"}
		for _, i := range p.Groups[s].Items {
			if rapid.Bool().Draw(t, "reservedItem") {
				r.Items = append(r.Items, i)
			}
		}
		p.Groups = append(p.Groups, r)
	}
	for a := range nAgents {
		if rapid.IntRange(0, 2).Draw(t, "national") == 0 {
			p.Bounds = append(p.Bounds, randBound(t, a, AllItems, nItems))
		}
		for g := range p.Groups {
			if rapid.IntRange(0, 3).Draw(t, "groupBound") == 0 {
				p.Bounds = append(p.Bounds, randBound(t, a, g, len(p.Groups[g].Items)))
			}
		}
	}
	p.Locks = randPairs(t, p, rapid.SampledFrom([]int{0, 0, 0, 1, 2}).Draw(t, "nLocks"), 1, "lock")
	p.Vetoes = randPairs(t, p, rapid.SampledFrom([]int{0, 0, 0, 1, 2}).Draw(t, "nVetoes"), 2, "veto")
	return p
}

// randBound draws a bound of agent a on group g of size n.
func randBound(t *rapid.T, a, g, n int) Bound {
	b := Bound{Agent: a, Group: g, Max: Unlimited}
	b.Min = min(n, []int{0, 0, 0, 0, 0, 0, 1, 1, 2, 3}[rapid.IntRange(0, 9).Draw(t, "min")])
	if rapid.Bool().Draw(t, "hasMax") {
		b.Max = b.Min + rapid.IntRange(0, 3).Draw(t, "slack")
	}
	return b
}

// randPairs draws n (item, agent) pairs, mostly among the options of
// items with at least minOptions options.
func randPairs(t *rapid.T, p *Problem, n, minOptions int, label string) []Pair {
	var ps []Pair
	for range n {
		i := rapid.IntRange(0, len(p.Items)-1).Draw(t, label+"Item")
		opts := p.Items[i].Options
		if len(opts) >= minOptions && rapid.IntRange(0, 9).Draw(t, label+"OnOption") < 9 {
			o := rapid.IntRange(0, len(opts)-1).Draw(t, label+"Option")
			ps = append(ps, Pair{i, opts[o].Agent})
			continue
		}
		ps = append(ps, Pair{i, rapid.IntRange(0, len(p.Agents)-1).Draw(t, label+"Agent")})
	}
	return ps
}

// randGeneral draws a problem that needs the general path: the laminar shape
// plus overlapping groups with bounds, and rows.
func randGeneral(t *rapid.T, grid bool) *Problem {
	p := randLaminar(t, grid)
	nItems, nAgents := len(p.Items), len(p.Agents)
	if rapid.Bool().Draw(t, "overlap") {
		g := Group{Name: "O"}
		for i := range nItems {
			if rapid.Bool().Draw(t, "overlapItem") {
				g.Items = append(g.Items, i)
			}
		}
		p.Groups = append(p.Groups, g)
		og := len(p.Groups) - 1
		for a := range nAgents {
			if rapid.IntRange(0, 2).Draw(t, "overlapBound") == 0 {
				p.Bounds = append(p.Bounds, randBound(t, a, og, len(g.Items)))
			}
		}
	}
	group := func(label string) int {
		return rapid.IntRange(AllItems, len(p.Groups)-1).Draw(t, label)
	}
	agent := func(label string) int { return rapid.IntRange(0, nAgents-1).Draw(t, label) }
	nRows := rapid.IntRange(0, 3).Draw(t, "nRows")
	for r := range nRows {
		row := Row{Name: fmt.Sprintf("r%d", r)}
		switch rapid.IntRange(0, 2).Draw(t, "rowKind") {
		case 0: // cross-agent count: a + b get at least k of group g
			g := group("countGroup")
			row.Terms = []Term{{Agent: agent("countA"), Group: g, Coef: 1}, {Agent: agent("countB"), Group: g, Coef: 1}}
			row.Sense = GreaterEq
			row.RHS = float64(rapid.IntRange(0, 2).Draw(t, "countRHS"))
		case 1: // trade: a's items in g minus a's items in h <= k
			a := agent("tradeAgent")
			row.Terms = []Term{{Agent: a, Group: group("tradeG"), Coef: 1}, {Agent: a, Group: group("tradeH"), Coef: -1}}
			row.Sense = LessEq
			row.RHS = float64(rapid.IntRange(0, 2).Draw(t, "tradeRHS"))
		default: // the total weight of a's items >= v
			a := agent("weightAgent")
			for i, it := range p.Items {
				for _, o := range it.Options {
					if o.Agent == a {
						row.Pairs = append(row.Pairs, PairTerm{Item: i, Agent: a, Coef: o.Weight})
					}
				}
			}
			row.Sense = GreaterEq
			row.RHS = float64(rapid.IntRange(-4, 8).Draw(t, "weightRHS")) / 4
		}
		if rapid.IntRange(0, 5).Draw(t, "equalRow") == 5 {
			row.Sense = Equal
		}
		p.Rows = append(p.Rows, row)
	}
	return p
}

// randProblem draws a laminar or a general problem.
func randProblem(t *rapid.T, grid bool) *Problem {
	if rapid.Bool().Draw(t, "general") {
		return randGeneral(t, grid)
	}
	return randLaminar(t, grid)
}
