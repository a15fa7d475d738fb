package solver

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"time"
)

// This file holds the general exact path: branch and bound over
// (item, agent) decisions and over counts of one agent's items in a group,
// with a Lagrangian bound at every node computed by Dantzig–Wolfe column
// generation. A count split on the path to a node is one more dualised
// constraint there, priced like a bound (Node.SplitPrices).
//
// The bounds of each agent that form a laminar family stay in a network
// (solved by network.solve); the remaining bounds and all rows are
// dualised. The restricted master LP (master.go) has one row per dualised
// constraint plus a convexity row, and its columns are network solutions.
// Its duals, rounded to the grid 1/Den, are the row prices of the
// Lagrangian; the network's potentials at those prices are the bound
// prices. Because the network polytope is integral, the best such bound
// equals the LP relaxation (A. M. Geoffrion, "Lagrangean relaxation for
// integer programming", Mathematical Programming Study 2, 1974; G. B.
// Dantzig and P. Wolfe, "Decomposition principle for linear programs",
// Operations Research 8(1), 1960). Every bound used to prune a node is
// recomputed exactly from the integer prices (sideData.lagrangeBound), so
// floating point chooses prices but never decides a proof.

// Limits of the column generation at one node.
const (
	bnbMaxColGen = 400     // pricing rounds per node before branching anyway
	bnbRedTol    = 1e-2    // reduced cost, in units of the scaled weight, that counts as improving
	bnbFracTol   = 1e-6    // distance from 0 or 1 below which a master value counts as integral
	bnbSmooth    = 0.5     // weight of the stability centre in Wentges smoothing
	bnbMaxDen    = 1 << 24 // largest price denominator
)

// errBnBNumeric reports that floating-point trouble kept branch and bound
// from reaching a proof; it never leads to a wrong answer.
var errBnBNumeric = errors.New("solver: branch and bound stopped on numerical trouble")

// bnbCons is a dualised constraint: a row of the problem, or one side of a
// bound that is not kept in the network (consOfBound and consOfRow say which).
type bnbCons struct {
	sense Sense
	rhs   float64
}

// bnbColumn is a network solution used as a master column.
type bnbColumn struct {
	pair []int32   // chosen pair per item
	cost int64     // sum of scaled weights
	act  []float64 // activity of each dualised constraint
	hash uint64
}

// bnbNode is a branch-and-bound node; its index is its certificate index.
type bnbNode struct {
	parent int
	branch Pair
	// split, when not nil, makes the edge from the parent a count split
	// (lock: at most split.At; otherwise at least split.At+1) instead of a
	// lock (lock) or veto of branch.
	split    *Split
	lock     bool
	warm     []int64      // constraint prices to price at first: the parent's centre
	cols     []*bnbColumn // the parent's master columns, to start from
	estimate float64      // upper bound on the scaled objective (parent's bound at creation)
	open     bool
	pi, mu   []int64 // leaf prices once closed
	sp       []int64 // leaf prices of the splits on the path, root first
	// empty reports that the leaf's prices prove its region empty (an
	// infeasibility ray: negative bound at zero weights) rather than bound
	// its objective.
	empty bool
}

// bnb is the state of one branch-and-bound solve.
type bnb struct {
	ctx context.Context
	m   *model
	p   *Problem
	sd  *sideData
	nw  *network
	// netBound maps the network's bounds to problem bounds.
	netBound []int32
	cons     []bnbCons
	// rowScale is the power of two each constraint is multiplied by in the
	// master, so that its largest coefficient has magnitude in [1, 2).
	rowScale []float64
	// Master entries of each pair: constraints cCons[cStart[k]:cStart[k+1]]
	// with coefficients cCoefF (float) and cCoefI (when sd.integral).
	cStart []int32
	cCons  []int32
	cCoefF []float64
	cCoefI []int64
	// consOfBound and consOfRow map bounds and rows to their constraints.
	consOfBound [][]int32
	consOfRow   []int32
	// nGlobal is the number of dualised bounds and rows; while a node is
	// processed, cons and rowScale hold after them one constraint per
	// split on the node's path, described by cur.
	nGlobal int
	cur     []bnbSplit
	// agentPairs lists each agent's pairs in item order, itemGroups each
	// item's groups in increasing order.
	agentPairs [][]int32
	itemGroups [][]int

	den    int64   // price denominator
	wLimit int64   // largest |weight| a network solve accepts
	scale  float64 // master cost unit, in scaled weight units
	cRef   int64   // master cost origin

	nodes []*bnbNode

	haveInc bool
	inc     []int32
	incObj  int64

	// warm holds the end states of the last network solves with and
	// without the weights (warm[1] and warm[0]); each solve starts from
	// the one of its kind (see network.solveFrom).
	warm [2]flowWarm
	// wbuf holds the weights of the current network solve.
	wbuf []int64

	nodeLimit int
	stats     Stats
}

// branchAndBound solves m exactly by branch and bound with Lagrangian
// bounds from column generation (see the comment at the top of bnb.go).
//
// Nodes are chosen best bound first, with a dive into one child after
// every branching; ties go to the older node. Once an incumbent exists,
// branching splits the most fractional count of one agent's items in one
// group (or in all items) in the master solution (see chooseSplit; a
// general disjunction in the sense of Owen and Mehrotra, "Experimental
// results on using general disjunctions in branch-and-bound for
// general-integer linear programs", Computational Optimization and
// Applications 20, 2001) and dives toward the nearer integer. Otherwise,
// and when every count is integral, it takes the pair whose master value
// is closest to 1/2, the lowest pair index on ties, among items not yet
// decided, and dives into the lock child when that value is at least 1/2.
// Before the first incumbent only pairs are branched on: count splits do
// not shrink the set of allowed pairs, and proving infeasibility by them
// alone took several times the nodes in our tests. The run is
// deterministic. When ctx is done or s.NodeLimit nodes have been
// processed, it returns the best assignment found with Status Feasible (or
// Unknown when there is none) and no certificate, with ctx.Err() in the
// first case and a nil error in the second. A proven infeasible problem
// gives Status Infeasible and a nil error, as on the flow path, with a
// certificate whose every leaf is Empty (see Verify).
//
// Every node costs a few network solves (column generation rounds; see
// network.solve for their cost) plus O(m^2 + m*c) per master pivot for m
// dualised constraints and c columns, and one exact bound evaluation,
// linear in the pairs and their bound and row entries. The number of nodes
// is exponential in the worst case: a node closes only when its LP bound is
// below the incumbent plus one unit of Resolution. On the bench generator's
// india-side seed 8, whose LP gap is 0.298, one count split at the root
// closes the gap (3 nodes), where pair branching alone left it open after
// 60 s and more than 10,000 nodes.
//
// A node the master LP finds infeasible is closed by the Farkas ray of
// the master's phase 1 as an Empty leaf (see Node.Empty): its prices prove
// the region empty on their own, without being scaled against the weights,
// so they stay within int64 however small the row coefficients are next to
// the weights. Floating-point failures give an error wrapping
// errBnBNumeric; no failure gives a wrong result.
func branchAndBound(ctx context.Context, m *model, s *Settings) (*Result, error) {
	start := time.Now()
	b, err := newBnB(ctx, m, s)
	if err != nil {
		return nil, err
	}
	res, err := b.run()
	if res != nil {
		res.Stats.Method = BranchAndBound
		res.Stats.Runtime = time.Since(start)
	}
	return res, err
}

// newBnB prepares a solve.
func newBnB(ctx context.Context, m *model, s *Settings) (*bnb, error) {
	p := m.p
	b := &bnb{ctx: ctx, m: m, p: p, sd: newSideData(m)}
	if s != nil {
		b.nodeLimit = s.NodeLimit
	}
	b.stats.Method = BranchAndBound
	keep := b.laminarBounds()
	sub := &Problem{Items: p.Items, Agents: p.Agents, Groups: p.Groups, Locks: p.Locks, Vetoes: p.Vetoes}
	for bi, k := range keep {
		if k {
			sub.Bounds = append(sub.Bounds, p.Bounds[bi])
			b.netBound = append(b.netBound, int32(bi))
		}
	}
	pm, err := newModel(sub, &Settings{Resolution: m.resolution})
	if err != nil {
		return nil, err
	}
	if b.nw, err = newNetwork(pm); err != nil {
		return nil, fmt.Errorf("solver: internal error: pricing network: %w", err)
	}
	// Dualised constraints.
	b.consOfBound = make([][]int32, len(p.Bounds))
	for bi, bd := range p.Bounds {
		if keep[bi] {
			continue
		}
		if bd.Max != Unlimited {
			b.consOfBound[bi] = append(b.consOfBound[bi], int32(len(b.cons)))
			b.cons = append(b.cons, bnbCons{sense: LessEq, rhs: float64(bd.Max)})
		}
		if bd.Min > 0 {
			b.consOfBound[bi] = append(b.consOfBound[bi], int32(len(b.cons)))
			b.cons = append(b.cons, bnbCons{sense: GreaterEq, rhs: float64(bd.Min)})
		}
	}
	b.consOfRow = make([]int32, len(p.Rows))
	for r, row := range p.Rows {
		b.consOfRow[r] = int32(len(b.cons))
		b.cons = append(b.cons, bnbCons{sense: row.Sense, rhs: row.RHS})
	}
	b.buildEntries()
	b.rowScale = make([]float64, len(b.cons))
	for c := range b.rowScale {
		b.rowScale[c] = 1
	}
	maxCoef := make([]float64, len(b.cons))
	for e, c := range b.cCons {
		maxCoef[c] = math.Max(maxCoef[c], math.Abs(b.cCoefF[e]))
	}
	for c, v := range maxCoef {
		if v > 0 && !math.IsInf(v, 0) {
			_, exp := math.Frexp(v) // v in [2^(exp-1), 2^exp)
			b.rowScale[c] = math.Ldexp(1, 1-exp)
		}
	}
	b.chooseScale(len(sub.Bounds))
	b.nGlobal = len(b.cons)
	b.agentPairs = make([][]int32, len(p.Agents))
	for k, a := range m.agent {
		b.agentPairs[a] = append(b.agentPairs[a], int32(k))
	}
	b.itemGroups = make([][]int, len(p.Items))
	for g, gr := range p.Groups {
		for _, i := range gr.Items {
			b.itemGroups[i] = append(b.itemGroups[i], g)
		}
	}
	return b, nil
}

// bnbSplit is a count split on the path to the node being processed: the
// number of items of split.Group that go to split.Agent is at most
// split.At when le, at least split.At+1 otherwise.
type bnbSplit struct {
	split Split
	le    bool
	pairs []int32 // the model pairs it counts
	in    []bool  // in[k] reports whether it counts pair k
}

// rhs returns the split's right-hand side.
func (s *bnbSplit) rhs() int64 {
	if s.le {
		return int64(s.split.At)
	}
	return int64(s.split.At) + 1
}

// enter prepares the processing of node id: its splits become the
// constraints after the dualised bounds and rows.
func (b *bnb) enter(id int) {
	b.cons, b.rowScale = b.cons[:b.nGlobal], b.rowScale[:b.nGlobal]
	b.cur = b.cur[:0]
	var path []int
	for v := id; b.nodes[v].parent >= 0; v = b.nodes[v].parent {
		if b.nodes[v].split != nil {
			path = append(path, v)
		}
	}
	for j := len(path) - 1; j >= 0; j-- {
		nd := b.nodes[path[j]]
		sp := bnbSplit{split: *nd.split, le: nd.lock, in: make([]bool, len(b.m.agent))}
		for _, k := range b.agentPairs[sp.split.Agent] {
			if sp.split.Group == AllItems || slices.Contains(b.itemGroups[b.m.itemOf[k]], sp.split.Group) {
				sp.pairs = append(sp.pairs, k)
				sp.in[k] = true
			}
		}
		b.cur = append(b.cur, sp)
		sense := GreaterEq
		if sp.le {
			sense = LessEq
		}
		b.cons = append(b.cons, bnbCons{sense: sense, rhs: float64(sp.rhs())})
		b.rowScale = append(b.rowScale, 1)
	}
}

// activity returns column c's activity in every constraint of the node
// being processed.
func (b *bnb) activity(c *bnbColumn) []float64 {
	act := make([]float64, len(b.cons))
	copy(act, c.act)
	for j := range b.cur {
		n := 0
		for _, k := range c.pair {
			if b.cur[j].in[k] {
				n++
			}
		}
		act[b.nGlobal+j] = float64(n)
	}
	return act
}

// laminarBounds chooses, per agent, the bounds kept in the network: the
// bounds are visited from the largest set to the smallest (ties by index),
// over the items the agent may take, and one is kept when it nests with or
// is disjoint from every bound already kept.
func (b *bnb) laminarBounds() []bool {
	m, p, sd := b.m, b.p, b.sd
	items := make([][]int32, len(p.Bounds))
	for k := range m.agent {
		if m.w[k] == disabledPair {
			continue
		}
		for _, bi := range sd.bnds[sd.bStart[k]:sd.bStart[k+1]] {
			items[bi] = append(items[bi], m.itemOf[k])
		}
	}
	byAgent := make([][]int, len(p.Agents))
	for bi, bd := range p.Bounds {
		byAgent[bd.Agent] = append(byAgent[bd.Agent], bi)
	}
	keep := make([]bool, len(p.Bounds))
	for _, list := range byAgent {
		slices.SortStableFunc(list, func(x, y int) int { return len(items[y]) - len(items[x]) })
		var kept []int
		for _, bi := range list {
			ok := true
			for _, bj := range kept {
				n := intersectSorted(items[bi], items[bj])
				if n != 0 && n != len(items[bi]) {
					ok = false
					break
				}
			}
			if ok {
				keep[bi] = true
				kept = append(kept, bi)
			}
		}
	}
	return keep
}

// intersectSorted returns the size of the intersection of two ascending lists.
func intersectSorted(x, y []int32) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// buildEntries lists, per pair, the dualised constraints that count it.
func (b *bnb) buildEntries() {
	m, sd := b.m, b.sd
	nPairs := len(m.agent)
	b.cStart = make([]int32, nPairs+1)
	for k := range nPairs {
		for _, bi := range sd.bnds[sd.bStart[k]:sd.bStart[k+1]] {
			for _, c := range b.consOfBound[bi] {
				b.cCons = append(b.cCons, c)
				b.cCoefF = append(b.cCoefF, 1)
				b.cCoefI = append(b.cCoefI, 1)
			}
		}
		for e := sd.rStart[k]; e < sd.rStart[k+1]; e++ {
			b.cCons = append(b.cCons, b.consOfRow[sd.rRow[e]])
			b.cCoefF = append(b.cCoefF, sd.rCoefF[e])
			var ci int64
			if sd.integral {
				ci = sd.rCoefI[e]
			}
			b.cCoefI = append(b.cCoefI, ci)
		}
		b.cStart[k+1] = int32(len(b.cCons))
	}
}

// chooseScale sets the denominator, the weight limit of network solves and
// the master's cost scale.
//
// Rounding a price to the grid 1/den moves it by at most 1/(2 den), which
// moves the Lagrangian bound by at most (items+1) * maxCoef / (2 den) per
// dualised constraint; den is the smallest power of two that makes the
// total loss at most 1/8 unit of Resolution, but no more than 2^24 and no
// more than keeps den*max|W| within 1/64 of the network's range
// ((items + 2*bounds + 2) * max|w| <= 2^60, see newModel), which leaves
// room for price terms up to 63 times the largest weight.
func (b *bnb) chooseScale(netBounds int) {
	m := b.m
	var maxW int64
	for _, w := range m.w {
		if w != disabledPair {
			maxW = max(maxW, abs64(w))
		}
	}
	factor := int64(len(m.p.Items)) + 2*int64(netBounds) + 2
	b.wLimit = maxScaledTotal / factor
	maxCoef := 0.0
	for _, c := range b.cCoefF {
		maxCoef = math.Max(maxCoef, math.Abs(c))
	}
	need := 4 * float64(len(b.cons)+1) * float64(len(m.p.Items)+1) * maxCoef
	b.den = 1
	for b.den < bnbMaxDen && float64(b.den) < need && 2*b.den*max(maxW, 1) <= b.wLimit/64 {
		b.den *= 2
	}
	b.scale = float64(max(maxW, 1))
	for i := range m.p.Items {
		best := int64(math.MinInt64)
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if m.w[k] != disabledPair {
				best = max(best, m.w[k])
			}
		}
		if best != math.MinInt64 {
			b.cRef += best
		}
	}
}

// run performs the search.
func (b *bnb) run() (*Result, error) {
	b.nodes = append(b.nodes, &bnbNode{parent: -1, open: true, estimate: math.Inf(1)})
	if res, err := b.search(); res != nil || err != nil {
		return res, err
	}
	if !b.haveInc {
		// Without an incumbent no leaf was pruned by its bound: every
		// leaf proves its region empty.
		return &Result{Status: Infeasible, Stats: b.stats, Certificate: b.certificate(0)}, nil
	}
	return b.result(Optimal), nil
}

// search processes open nodes until none is left. It returns a result only
// when the search stops early (cancelled, node limit) or fails.
func (b *bnb) search() (*Result, error) {
	dive := -1
	for {
		cur := dive
		dive = -1
		if cur < 0 {
			cur = b.selectNode()
		}
		if cur < 0 {
			return nil, nil
		}
		if err := b.ctx.Err(); err != nil {
			return b.stopped(), err
		}
		if b.nodeLimit > 0 && b.stats.Nodes >= b.nodeLimit {
			return b.stopped(), nil
		}
		b.stats.Nodes++
		next, err := b.process(cur)
		if err != nil {
			if b.ctx.Err() != nil {
				return b.stopped(), b.ctx.Err()
			}
			return nil, err
		}
		dive = next
	}
}

// selectNode returns the open node of largest estimate (oldest on ties), or -1.
func (b *bnb) selectNode() int {
	best := -1
	for i, nd := range b.nodes {
		if nd.open && (best < 0 || nd.estimate > b.nodes[best].estimate) {
			best = i
		}
	}
	return best
}

// stopped returns the best-so-far result of an interrupted search.
func (b *bnb) stopped() *Result {
	if !b.haveInc {
		return &Result{Status: Unknown, Stats: b.stats}
	}
	res := b.result(Feasible)
	res.Certificate = nil
	return res
}

// result builds the Result of the incumbent with the certificate tree.
func (b *bnb) result(st Status) *Result {
	p := b.p
	res := &Result{Status: st, Assignment: make([]int, len(p.Items)), Stats: b.stats}
	for i, k := range b.inc {
		o := p.Items[i].Options[int(k-b.m.start[i])]
		res.Assignment[i] = o.Agent
		res.Objective += o.Weight
	}
	res.Certificate = b.certificate(b.incObj)
	return res
}

// certificate returns the certificate tree of the search with the given
// scaled objective.
func (b *bnb) certificate(obj int64) *Certificate {
	cert := &Certificate{Resolution: b.m.resolution, Objective: obj, Denominator: b.den}
	for _, nd := range b.nodes {
		n := Node{Parent: nd.parent, Branch: nd.branch, Lock: nd.lock, Split: nd.split}
		if nd.pi != nil {
			n.Leaf, n.Empty = true, nd.empty
			n.BoundPrices = nd.pi
			n.RowPrices = nd.mu
			if len(nd.sp) > 0 {
				n.SplitPrices = nd.sp
			}
		}
		cert.Nodes = append(cert.Nodes, n)
	}
	return cert
}

// allowedAt returns which pairs may be used at node id: the model's enabled
// pairs restricted by the locks and vetoes on the path from the root.
func (b *bnb) allowedAt(id int) []bool {
	m := b.m
	allowed := make([]bool, len(m.agent))
	for k, w := range m.w {
		allowed[k] = w != disabledPair
	}
	for v := id; b.nodes[v].parent >= 0; v = b.nodes[v].parent {
		nd := b.nodes[v]
		if nd.split != nil {
			continue
		}
		i := nd.branch.Item
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if (int(m.agent[k]) == nd.branch.Agent) != nd.lock {
				allowed[k] = false
			}
		}
	}
	return allowed
}

// compatible reports whether column c uses only allowed pairs.
func compatible(c *bnbColumn, allowed []bool) bool {
	for _, k := range c.pair {
		if !allowed[k] {
			return false
		}
	}
	return true
}

// weights returns the network weights for constraint prices muC (in units
// of 1/den of the scaled weight), with den*W added when withW, and
// disabledPair outside allowed. A weight beyond the network's range is
// clamped to it; the network's prices then only approximate the
// Lagrangian optimum at muC, which is harmless because the bound that
// counts is recomputed exactly from the prices. The weights live in a
// buffer that the next call overwrites.
func (b *bnb) weights(muC []int64, withW bool, allowed []bool) (w []int64, clamped bool) {
	m := b.m
	if b.wbuf == nil {
		b.wbuf = make([]int64, len(m.agent))
	}
	w = b.wbuf
	lim := float64(b.wLimit)
	// adj[k] is the sum of the prices of the splits that count pair k.
	var adj []int64
	for j := range b.cur {
		if mu := muC[b.nGlobal+j]; mu != 0 {
			if adj == nil {
				adj = make([]int64, len(m.agent))
			}
			for _, k := range b.cur[j].pairs {
				adj[k] += mu
			}
		}
	}
	for k := range w {
		if !allowed[k] {
			w[k] = disabledPair
			continue
		}
		var base int64
		if withW {
			base = b.den * m.w[k]
		}
		if adj != nil {
			base -= adj[k]
		}
		est := float64(base)
		for e := b.cStart[k]; e < b.cStart[k+1]; e++ {
			est -= float64(muC[b.cCons[e]]) * b.cCoefF[e]
		}
		switch {
		case est > lim/2:
			w[k], clamped = b.wLimit/2, true
		case est < -lim/2:
			w[k], clamped = -b.wLimit/2, true
		case b.sd.integral:
			// |est| <= 2^59 and every term is an integer below 2^62 in
			// magnitude unless est overflowed float64's exact range, in
			// which case the nearest value is as good.
			exact := true
			for e := b.cStart[k]; e < b.cStart[k+1]; e++ {
				t := float64(muC[b.cCons[e]]) * b.cCoefF[e]
				exact = exact && math.Abs(t) < 1<<62
			}
			if !exact {
				w[k] = int64(math.Round(est))
				break
			}
			for e := b.cStart[k]; e < b.cStart[k+1]; e++ {
				base -= muC[b.cCons[e]] * b.cCoefI[e]
			}
			w[k] = base
		default:
			w[k] = int64(math.Round(est))
		}
	}
	return w, clamped
}

// price solves the network for constraint prices muC. It reports whether
// some weight was clamped, in which case the solution's objective is not
// the Lagrangian value at muC.
func (b *bnb) price(muC []int64, withW bool, allowed []bool) (*flowSolution, bool, error) {
	w, clamped := b.weights(muC, withW, allowed)
	kind := 0
	if withW {
		kind = 1
	}
	sol, err := b.nw.solveFrom(b.ctx, w, &b.warm[kind])
	b.stats.FlowSolves++
	if sol != nil {
		b.stats.Augmentations += sol.augments
	}
	return sol, clamped, err
}

// leafPrices are a leaf's prices: per problem bound, per row, and per
// split on the path (root first).
type leafPrices struct {
	pi, mu, sp []int64
}

// zeroPrices returns all-zero prices for the node being processed.
func (b *bnb) zeroPrices() leafPrices {
	return leafPrices{make([]int64, len(b.p.Bounds)), make([]int64, len(b.p.Rows)), make([]int64, len(b.cur))}
}

// bound returns den times the certificate's Lagrangian bound of the node
// being processed at prices lp, over the pairs allowed there (see
// sideData.lagrangeBound).
func (b *bnb) bound(den int64, lp leafPrices, allowed []bool) (*big.Rat, bool) {
	var terms []splitTerm
	for j := range b.cur {
		terms = append(terms, splitTerm{pairs: b.cur[j].pairs, price: lp.sp[j], rhs: b.cur[j].rhs()})
	}
	return b.sd.lagrangeBound(den, lp.pi, lp.mu, terms, allowed)
}

// certPrices converts constraint prices and network prices to the
// certificate's bound, row and split prices.
func (b *bnb) certPrices(muC, netPrice []int64) leafPrices {
	pi := make([]int64, len(b.p.Bounds))
	mu := make([]int64, len(b.p.Rows))
	for j, bi := range b.netBound {
		pi[bi] = netPrice[j]
	}
	for bi, cs := range b.consOfBound {
		for _, c := range cs {
			pi[bi] += muC[c]
		}
	}
	for r, c := range b.consOfRow {
		mu[r] = muC[c]
	}
	return leafPrices{pi, mu, slices.Clone(muC[b.nGlobal:])}
}

// newColumn builds the master column of a network solution.
func (b *bnb) newColumn(pair []int32) *bnbColumn {
	c := &bnbColumn{pair: slices.Clone(pair), act: make([]float64, b.nGlobal)}
	h := uint64(14695981039346656037) // FNV-1a, 64 bit
	for _, k := range pair {
		c.cost += b.m.w[k]
		for e := b.cStart[k]; e < b.cStart[k+1]; e++ {
			c.act[b.cCons[e]] += b.cCoefF[e]
		}
		h = (h ^ uint64(uint32(k))) * 1099511628211
	}
	c.hash = h
	return c
}

// offer makes a network solution the incumbent when it is feasible and
// better.
func (b *bnb) offer(pair []int32, obj int64) {
	if b.haveInc && obj <= b.incObj {
		return
	}
	if !b.sd.feasible(pair) {
		return
	}
	b.haveInc, b.inc, b.incObj = true, slices.Clone(pair), obj
}

// prunes reports whether the exact bound L (times den) is below the incumbent plus one.
func (b *bnb) prunes(l *big.Rat) bool {
	if !b.haveInc {
		return false
	}
	lim := new(big.Rat).SetInt(new(big.Int).Mul(big.NewInt(b.incObj+1), big.NewInt(b.den)))
	return l.Cmp(lim) < 0
}

// process evaluates node id: it closes it as a leaf or branches. It returns
// the child to dive into, or -1.
func (b *bnb) process(id int) (int, error) {
	nd := b.nodes[id]
	nd.open = false
	allowed := b.allowedAt(id)
	b.enter(id)
	nc := len(b.cons)
	sense := make([]Sense, nc+1)
	rhs := make([]float64, nc+1)
	for c, cs := range b.cons {
		sense[c], rhs[c] = cs.sense, cs.rhs*b.rowScale[c]
	}
	sense[nc], rhs[nc] = Equal, 1
	lp := newDenseLP(sense, rhs)
	lp.costTol = b.redTol()
	var inLP []*bnbColumn
	seen := make(map[uint64]bool)
	add := func(c *bnbColumn) {
		col := make([]float64, nc+1)
		for j, a := range b.activity(c) {
			col[j] = a * b.rowScale[j]
		}
		col[nc] = 1
		lp.addColumn(float64(c.cost-b.cRef)/b.scale, col)
		inLP = append(inLP, c)
		seen[c.hash] = true
	}
	for _, c := range nd.cols {
		if compatible(c, allowed) {
			add(c)
		}
	}
	nd.cols = nil
	if len(inLP) == 0 {
		// Start from the best network solution ignoring the dualised
		// constraints.
		sol, _, err := b.price(make([]int64, nc), true, allowed)
		if err != nil {
			return b.networkFailure(id, err)
		}
		c := b.newColumn(sol.pair)
		b.offer(sol.pair, c.cost)
		add(c)
	}
	// Stabilisation by Wentges smoothing: prices are separated at a point
	// between the best Lagrangian prices so far (the centre) and the
	// master's duals (P. Wentges, "Weighted Dantzig–Wolfe decomposition for
	// linear mixed-integer programming", International Transactions in
	// Operational Research 4(2), 1997). A mispricing (no improving column
	// at the smoothed point) is followed by pricing at the duals.
	var center []int64
	var centerP leafPrices
	centerL := math.Inf(1) // den times the bound at the centre, estimated
	centerExact := false   // whether the centre's exact bound failed to prune
	direct := false
	for round := 0; ; round++ {
		st, err := lp.solve()
		if err != nil {
			return -1, err
		}
		x, y, _ := lp.solution()
		for c := range nc {
			y[c] *= b.rowScale[c] // duals of the unscaled rows
		}
		if st == lpInfeasible {
			st, err := b.phaseOne(id, allowed, y, add, seen)
			if err != nil || st == phaseClosed {
				return -1, err
			}
			if st == phaseStuck || round >= bnbMaxColGen {
				// Floating point saw no way to feasibility but the exact
				// check found no proof: split the node instead.
				return b.branch(id, x, inLP, allowed, math.Inf(1), nil, false)
			}
			continue
		}
		if st != lpOptimal {
			return -1, fmt.Errorf("%w: master LP unbounded", errBnBNumeric)
		}
		muC := make([]int64, nc)
		for c, cs := range b.cons {
			muC[c] = roundPrice(y[c]*b.scale*float64(b.den), signOf(cs.sense))
		}
		smoothed := center != nil && !direct
		direct = false
		if smoothed {
			for c, cs := range b.cons {
				muC[c] = roundPrice(bnbSmooth*float64(center[c])+(1-bnbSmooth)*float64(muC[c]), signOf(cs.sense))
			}
		}
		if nd.warm != nil {
			// First pricing at the parent's centre, which often closes
			// the child at once.
			copy(muC, nd.warm)
			nd.warm, smoothed = nil, true
		}
		sol, clamped, err := b.price(muC, true, allowed)
		if err != nil {
			return b.networkFailure(id, err)
		}
		col := b.newColumn(sol.pair)
		b.offer(sol.pair, col.cost)
		lpr := b.certPrices(muC, sol.price)
		est := float64(sol.objective)
		for c, cs := range b.cons {
			est += float64(muC[c]) * cs.rhs
		}
		if clamped || !b.sd.integral {
			// The flow's objective is not the bound at these prices.
			l, ok := b.bound(b.den, lpr, allowed)
			if !ok {
				b.closeNoPair(id)
				return -1, nil
			}
			est, _ = l.Float64()
		}
		if est < centerL {
			center, centerL, centerExact = muC, est, false
			centerP = lpr
		}
		tryPrune := func() (bool, error) {
			if !b.haveInc || centerExact || centerL >= (float64(b.incObj)+1.5)*float64(b.den) {
				return false, nil
			}
			l, ok := b.bound(b.den, centerP, allowed)
			if !ok || b.prunes(l) {
				b.closeLeaf(id, centerP)
				return true, nil
			}
			centerExact = true
			return false, nil
		}
		if done, err := tryPrune(); done || err != nil {
			return -1, err
		}
		red := float64(col.cost-b.cRef) / b.scale
		for c, a := range b.activity(col) {
			red -= y[c] * a
		}
		red -= y[nc]
		if red > b.redTol() && !seen[col.hash] && round < bnbMaxColGen {
			add(col)
			continue
		}
		if smoothed && round < bnbMaxColGen {
			direct = true
			continue
		}
		// Converged (or stalled). A column the master uses alone may be a
		// new incumbent that closes the node; otherwise branch.
		for j, c := range inLP {
			if x[j] > 1-bnbFracTol {
				b.offer(c.pair, c.cost)
			}
		}
		centerExact = false
		if done, err := tryPrune(); done || err != nil {
			return -1, err
		}
		return b.branch(id, x, inLP, allowed, centerL/float64(b.den), center, true)
	}
}

// redTol returns the reduced cost, in master units, above which a column
// improves the master: bnbRedTol scaled weight units, but no less than
// float64 rounding allows on costs of magnitude len(Items).
func (b *bnb) redTol() float64 {
	return math.Max(bnbRedTol/b.scale, 1e-13*float64(len(b.p.Items)+1))
}

// signOf returns the sign rule of a constraint's price: +1 for LessEq, -1
// for GreaterEq, 0 (free) for Equal.
func signOf(s Sense) int {
	switch s {
	case LessEq:
		return 1
	case GreaterEq:
		return -1
	}
	return 0
}

// closeLeaf records prices on node id, which becomes a leaf.
func (b *bnb) closeLeaf(id int, lp leafPrices) {
	nd := b.nodes[id]
	nd.pi, nd.mu, nd.sp = lp.pi, lp.mu, lp.sp
}

// closeNoPair closes node id, whose region has an item without an allowed
// pair, as an Empty leaf with zero prices: its bound is minus infinity.
func (b *bnb) closeNoPair(id int) {
	b.closeLeaf(id, b.zeroPrices())
	b.nodes[id].empty = true
}

// networkFailure handles a failed network solve at node id: an item
// without an allowed pair makes the node an Empty leaf with bound minus
// infinity, and a network without a feasible flow an Empty leaf whose
// prices come from a saturated cut; other errors (a cancelled context) are
// returned.
func (b *bnb) networkFailure(id int, err error) (int, error) {
	var fe *flowInfeasibleError
	if !errors.As(err, &fe) {
		return -1, err
	}
	if fe.item >= 0 {
		b.closeNoPair(id)
		return -1, nil
	}
	// A saturated cut: potentials -1 on the side reached from the excess
	// nodes (or +1) give bound prices whose bound at zero weights is
	// negative; closeEmpty checks that exactly.
	allowed := b.allowedAt(id)
	for _, sign := range []int64{-1, 1} {
		y := func(v int32) int64 {
			if v >= 0 && fe.reached[v] {
				return sign
			}
			return 0
		}
		net := make([]int64, len(b.netBound))
		for j := range net {
			net[j] = y(int32(j+1)) - y(b.nw.parent[j+1])
		}
		lp := b.certPrices(make([]int64, len(b.cons)), net)
		if !b.pricesValid(lp) {
			continue
		}
		if l0, ok := b.bound(0, lp, allowed); !ok || l0.Sign() < 0 {
			return -1, b.closeEmpty(id, lp, allowed)
		}
	}
	return -1, fmt.Errorf("%w: network infeasible without a usable cut", errBnBNumeric)
}

// Outcomes of phaseOne.
const (
	phaseColumn = iota // a column was added
	phaseClosed        // the node was closed (or recorded as infeasible)
	phaseStuck         // no improving column, and no exact proof of infeasibility
)

// phaseOne handles a master without a feasible combination of its columns:
// it prices a column against the phase-1 duals y, and when none improves it
// tries to prove the node infeasible exactly with the rounded duals as a
// ray, closing it as an Empty leaf.
func (b *bnb) phaseOne(id int, allowed []bool, y []float64, add func(*bnbColumn), seen map[uint64]bool) (int, error) {
	nc := len(b.cons)
	// Scale the duals, a ray whose size does not matter, so that the
	// largest pair weight they induce is a small fraction of the network's
	// range: the rounding to integers then loses the least.
	wmax := 0.0
	for k := range b.m.agent {
		t := 0.0
		for e := b.cStart[k]; e < b.cStart[k+1]; e++ {
			t += y[b.cCons[e]] * b.cCoefF[e]
		}
		for j := range b.cur {
			if b.cur[j].in[k] {
				t += y[b.nGlobal+j]
			}
		}
		wmax = math.Max(wmax, math.Abs(t))
	}
	scale := float64(b.den) * b.scale
	if wmax > 0 {
		scale = float64(b.wLimit) / (4 * wmax)
	}
	muC := make([]int64, nc)
	for c, cs := range b.cons {
		muC[c] = roundPrice(y[c]*scale, signOf(cs.sense))
	}
	sol, _, err := b.price(muC, false, allowed)
	if err != nil {
		_, err := b.networkFailure(id, err)
		return phaseClosed, err
	}
	col := b.newColumn(sol.pair)
	b.offer(sol.pair, col.cost)
	red := -y[nc]
	for c, a := range b.activity(col) {
		red -= y[c] * a
	}
	if red > lpFeasTol && !seen[col.hash] {
		add(col)
		return phaseColumn, nil
	}
	lp := b.certPrices(muC, sol.price)
	if l0, ok := b.bound(0, lp, allowed); ok && l0.Sign() >= 0 {
		return phaseStuck, nil
	}
	return phaseClosed, b.closeEmpty(id, lp, allowed)
}

// branch splits node id and returns the child to dive into. When splits
// is set (x is an optimal master solution) and some agent's count of items
// in some group (or in all items) is fractional in x, it splits on the most
// fractional count, the first in the order of agents and then of groups
// (all items first) on ties, and dives toward the nearer integer.
// Otherwise it branches on the most fractional pair of x.
func (b *bnb) branch(id int, x []float64, inLP []*bnbColumn, allowed []bool, bound float64, warm []int64, splits bool) (int, error) {
	val := make([]float64, len(b.m.agent))
	for j, c := range inLP {
		if x[j] <= 0 {
			continue
		}
		for _, k := range c.pair {
			val[k] += x[j]
		}
	}
	if splits && b.haveInc {
		if sp, v, ok := b.chooseSplit(val); ok {
			leID, ge := len(b.nodes), sp
			b.nodes = append(b.nodes,
				&bnbNode{parent: id, split: &sp, lock: true, estimate: bound, open: true, warm: warm, cols: inLP},
				&bnbNode{parent: id, split: &ge, lock: false, estimate: bound, open: true, warm: warm, cols: inLP})
			if v-math.Floor(v) < 0.5 {
				return leID, nil
			}
			return leID + 1, nil
		}
	}
	// Only pairs of undecided items (more than one allowed pair) can
	// split the region; x need not be a convex combination when the master
	// is infeasible, so a decided item's pair may look fractional.
	open := make([]int, len(b.p.Items))
	for k, ok := range allowed {
		if ok {
			open[b.m.itemOf[k]]++
		}
	}
	best, bestD := -1, 0.0
	for k, v := range val {
		if !allowed[k] || open[b.m.itemOf[k]] < 2 || v < bnbFracTol || v > 1-bnbFracTol {
			continue
		}
		d := math.Abs(v - 0.5)
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	lockFirst := best >= 0 && val[best] >= 0.5
	if best < 0 {
		// The master is integral yet its bound does not close the node
		// (floating point fooled it): branch on the first undecided item
		// of its main column, or settle a node with a single assignment.
		main := 0
		for j := range inLP {
			if x[j] > x[main] {
				main = j
			}
		}
		pair := inLP[main].pair
		for i := range b.p.Items {
			n := 0
			for k := b.m.start[i]; k < b.m.start[i+1]; k++ {
				if allowed[k] {
					n++
				}
			}
			if n > 1 {
				best, lockFirst = int(pair[i]), true
				break
			}
		}
		if best < 0 {
			return -1, b.settle(id, pair, allowed)
		}
	}
	br := Pair{Item: int(b.m.itemOf[best]), Agent: int(b.m.agent[best])}
	lockID := len(b.nodes)
	b.nodes = append(b.nodes,
		&bnbNode{parent: id, branch: br, lock: true, estimate: bound, open: true, warm: warm, cols: inLP},
		&bnbNode{parent: id, branch: br, lock: false, estimate: bound, open: true, warm: warm, cols: inLP})
	if lockFirst {
		return lockID, nil
	}
	return lockID + 1, nil
}

// bnbSplitTol is the distance from an integer below which a count in the
// master solution counts as integral.
const bnbSplitTol = 1e-4

// chooseSplit returns the count split of the most fractional count of
// items of a group (or of all items) given to one agent, under the pair
// values val, and that count; ok is false when every count is integral.
func (b *bnb) chooseSplit(val []float64) (sp Split, v float64, ok bool) {
	p := b.p
	nG := len(p.Groups) + 1 // index 0 is AllItems, g+1 group g
	cnt := make([]float64, len(p.Agents)*nG)
	for k, x := range val {
		if x == 0 {
			continue
		}
		base := int(b.m.agent[k]) * nG
		cnt[base] += x
		for _, g := range b.itemGroups[b.m.itemOf[k]] {
			cnt[base+g+1] += x
		}
	}
	bestD := 0.5 - bnbSplitTol
	for e, c := range cnt {
		f := c - math.Floor(c)
		if d := math.Abs(f - 0.5); d < bestD {
			bestD, ok = d, true
			sp, v = Split{Agent: e / nG, Group: e%nG - 1, At: int(math.Floor(c))}, c
		}
	}
	return sp, v, ok
}

// settle closes node id whose region holds the single assignment pair: as
// a candidate incumbent when it is feasible, otherwise by the ray of one
// violated bound or row.
func (b *bnb) settle(id int, pair []int32, allowed []bool) error {
	var obj int64
	for _, k := range pair {
		obj += b.m.w[k]
	}
	b.offer(pair, obj)
	lp := b.zeroPrices()
	pi, mu := lp.pi, lp.mu
	l, ok := b.bound(b.den, lp, allowed)
	if !ok {
		b.closeNoPair(id)
		return nil
	}
	if b.prunes(l) {
		b.closeLeaf(id, lp)
		return nil
	}
	// Infeasible: find a violated constraint and price it.
	sd := b.sd
	count := make([]int, len(b.p.Bounds))
	for _, k := range pair {
		for _, bi := range sd.bnds[sd.bStart[k]:sd.bStart[k+1]] {
			count[bi]++
		}
	}
	for bi, bd := range b.p.Bounds {
		if bd.Max != Unlimited && count[bi] > bd.Max {
			pi[bi] = 1
		} else if count[bi] < bd.Min {
			pi[bi] = -1
		}
	}
	for r, row := range b.p.Rows {
		act := new(big.Rat)
		for _, k := range pair {
			for e := sd.rStart[k]; e < sd.rStart[k+1]; e++ {
				if int(sd.rRow[e]) == r {
					act.Add(act, sd.rCoef[e])
				}
			}
		}
		c := act.Cmp(sd.rhs[r])
		switch {
		case c > 0 && row.Sense != GreaterEq:
			mu[r] = 1
		case c < 0 && row.Sense != LessEq:
			mu[r] = -1
		}
	}
	for j := range b.cur {
		n := int64(0)
		for _, k := range pair {
			if b.cur[j].in[k] {
				n++
			}
		}
		switch {
		case b.cur[j].le && n > b.cur[j].rhs():
			lp.sp[j] = 1
		case !b.cur[j].le && n < b.cur[j].rhs():
			lp.sp[j] = -1
		}
	}
	return b.closeEmpty(id, lp, allowed)
}

// closeEmpty closes node id as an Empty leaf with prices lp, which
// must follow the sign rules and have a negative bound at zero weights (or
// a region with an item without an allowed pair); anything else is an
// internal failure, reported as an error wrapping errBnBNumeric.
func (b *bnb) closeEmpty(id int, lp leafPrices, allowed []bool) error {
	if !b.pricesValid(lp) {
		return fmt.Errorf("%w: internal error: infeasibility ray of node %d breaks the sign rules", errBnBNumeric, id)
	}
	if l0, ok := b.bound(0, lp, allowed); ok && l0.Sign() >= 0 {
		return fmt.Errorf("%w: internal error: infeasibility ray of node %d has bound %s >= 0 at zero weights", errBnBNumeric, id, l0.FloatString(3))
	}
	b.closeLeaf(id, lp)
	b.nodes[id].empty = true
	return nil
}

// pricesValid reports whether prices follow the certificate's sign rules.
func (b *bnb) pricesValid(lp leafPrices) bool {
	for bi, bd := range b.p.Bounds {
		if lp.pi[bi] > 0 && bd.Max == Unlimited {
			return false
		}
	}
	for r, row := range b.p.Rows {
		if (row.Sense == LessEq && lp.mu[r] < 0) || (row.Sense == GreaterEq && lp.mu[r] > 0) {
			return false
		}
	}
	for j := range b.cur {
		if (b.cur[j].le && lp.sp[j] < 0) || (!b.cur[j].le && lp.sp[j] > 0) {
			return false
		}
	}
	return true
}
