package solver

import (
	"context"
	"errors"
	"time"
)

// Solve finds an assignment of maximum total weight and a certificate that
// proves it optimal, or proves that no feasible assignment exists.
//
// A nil s means default Settings. Solve validates p (a malformed problem
// gives a *ProblemError wrapping ErrInvalid), scales the weights to
// integers (see Settings.Resolution) and takes the flow path when every
// agent's bound sets, restricted to the items the agent may take, are
// laminar and p has no rows, unless s.Method is BranchAndBound. With
// s.Method Flow, a problem the flow path cannot express gives an error
// wrapping ErrNotLaminar.
//
// The flow path (see Method Flow) solves a min-cost flow with lower bounds
// by successive shortest paths on a network contracted to the root and the
// bound nodes, starting from every item's best option; it returns a
// certificate with one leaf whose bound prices are the network's node
// potentials. Its time is linear in the number of options for setting up,
// plus one shortest-path search over the bound nodes (and the exchange
// heaps between them) per unit of initial bound violation.
//
// When the problem is infeasible, Solve returns a Result with Status
// Infeasible, whose certificate proves it (see Certificate), together with
// an *InfeasibleError (wrapping ErrInfeasible) that names constraints that
// cannot hold together. When ctx is done first,
// Solve returns ctx.Err().
//
// The same problem and settings always give the same result, apart from
// Stats.Runtime. On the flow path ties between assignments of equal weight
// are broken by index and a fixed processing order: each item starts at
// its first option of largest weight, and among the items whose move costs
// the same, the one of smallest index moves first.
func Solve(ctx context.Context, p *Problem, s *Settings) (*Result, error) {
	start := time.Now()
	res, err := solveCore(ctx, p, s)
	if err == nil && res.Status == Infeasible {
		ie := explainInfeasible(ctx, p, s)
		res.Stats.Runtime = time.Since(start)
		if ie == nil {
			return res, ErrInfeasible
		}
		return res, ie
	}
	return res, err
}

// solveCore is Solve without the explanation of infeasibility: when the
// problem is infeasible it returns a Result with Status Infeasible and a
// nil error. Explanation code calls it as its feasibility oracle.
func solveCore(ctx context.Context, p *Problem, s *Settings) (*Result, error) {
	start := time.Now()
	if s == nil {
		s = &Settings{}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	m, err := newModel(p, s)
	if err != nil {
		return nil, err
	}
	if s.Method != BranchAndBound && m.laminar {
		res, err := solveFlow(ctx, m)
		if res != nil {
			res.Stats.Runtime = time.Since(start)
		}
		return res, err
	}
	if s.Method == Flow {
		return nil, m.notLaminar
	}
	return branchAndBound(ctx, m, s)
}

// solveFlow solves a laminar model on the flow path.
func solveFlow(ctx context.Context, m *model) (*Result, error) {
	nw, err := newNetwork(m)
	if err != nil {
		return nil, err
	}
	stats := Stats{Method: Flow, Nodes: 1, FlowSolves: 1}
	sol, err := nw.solve(ctx, m.w)
	if errors.Is(err, errFlowInfeasible) {
		return &Result{Status: Infeasible, Stats: stats, Certificate: nw.infeasibleCertificate(err)}, nil
	}
	if err != nil {
		return nil, err
	}
	stats.Augmentations = sol.augments
	return m.result(sol, stats), nil
}

// result turns an optimal flow into a Result with a one-leaf certificate.
func (m *model) result(sol *flowSolution, stats Stats) *Result {
	p := m.p
	res := &Result{
		Status:     Optimal,
		Assignment: make([]int, len(p.Items)),
		Certificate: &Certificate{
			Resolution:  m.resolution,
			Objective:   sol.objective,
			Denominator: 1,
			Nodes: []Node{{
				Parent:      -1,
				Leaf:        true,
				BoundPrices: sol.price,
				RowPrices:   make([]int64, len(p.Rows)),
			}},
		},
		Stats: stats,
	}
	for i, k := range sol.pair {
		j := int(k - m.start[i])
		res.Assignment[i] = p.Items[i].Options[j].Agent
		res.Objective += p.Items[i].Options[j].Weight
	}
	return res
}

// infeasibleCertificate turns the error of an infeasible network solve
// into a certificate of one Empty leaf (see Certificate): zero prices when
// an item has no enabled pair, else bound prices from the saturated cut,
// potential -1 (or +1) on the nodes reached from the excess nodes, checked
// exactly. It returns nil when neither sign proves the region empty, which
// the cut's construction rules out; Verify then re-derives infeasibility
// on its own. It takes time linear in the pairs and their bound entries.
func (nw *network) infeasibleCertificate(err error) *Certificate {
	m := nw.m
	p := m.p
	var fe *flowInfeasibleError
	if !errors.As(err, &fe) {
		return nil
	}
	cert := &Certificate{Resolution: m.resolution, Denominator: 1, Nodes: []Node{
		{Parent: -1, Leaf: true, Empty: true, BoundPrices: make([]int64, len(p.Bounds)), RowPrices: make([]int64, len(p.Rows))},
	}}
	leaf := &cert.Nodes[0]
	if fe.item >= 0 {
		return cert
	}
	sd := newSideData(m)
	allowed := make([]bool, len(m.w))
	for k, w := range m.w {
		allowed[k] = w != disabledPair
	}
	for _, sign := range []int64{-1, 1} {
		y := func(v int32) int64 {
			if v >= 0 && fe.reached[v] {
				return sign
			}
			return 0
		}
		ok := true
		for b, bd := range p.Bounds {
			leaf.BoundPrices[b] = y(int32(b+1)) - y(nw.parent[b+1])
			ok = ok && !(leaf.BoundPrices[b] > 0 && bd.Max == Unlimited)
		}
		if !ok {
			continue
		}
		if l0, found := sd.lagrangeBound(0, leaf.BoundPrices, leaf.RowPrices, nil, allowed); !found || l0.Sign() < 0 {
			return cert
		}
	}
	return nil
}
