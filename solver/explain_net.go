package solver

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// explainNet is the circulation with lower bounds that decides feasibility
// of a set of enforced constraints without rows, when every agent's
// enforced bound sets (restricted to the items the agent may take) are
// laminar:
//
//	s -> root(a) -> bound nodes of a, nested as their sets -> item -> t -> s
//
// A bound edge carries [Min, Max] when the bound's minimum and maximum are
// enforced ([0, inf) otherwise), a pair edge [1, 1] when an enforced lock
// fixes it ([0, 1] otherwise; vetoed pairs have no edge), and an item's sink
// edge [1, 1] when the item must be assigned ([0, 1] otherwise). The
// circulation exists exactly when the constraints can hold together. It is
// decided as one max flow (Dinic) from a super source to a super sink after
// moving the lower bounds into node excesses.
type explainNet struct {
	p     *Problem
	m     mask    // the constraints the network enforces
	root  []int32 // agent -> node
	bnode []int32 // bound -> node, or -1
	item0 int32   // node of item 0
	lock  map[Pair]int
	keep  []bool // items in the network; the others stay unassigned
	edges []netEdge
	g     flowGraph

	demand int64
	flow   int64
	solved bool
	inX    []bool // the cut side, after a failed solve
}

type edgeKind uint8

const (
	structEdge edgeKind = iota // t -> s and s -> root(a)
	boundEdge                  // parent -> bound node; ref is the bound
	pairEdge                   // node -> item; ref is the item
	sinkEdge                   // item -> t; ref is the item
)

type netEdge struct {
	from, to     int32
	lower, upper int64
	kind         edgeKind
	ref, agent   int
	lock         int // enforced lock on a pair edge, or -1
}

const (
	superSource = 0
	superSink   = 1
	netSource   = 2
	netSink     = 3
	netInf      = int64(1) << 50
)

// newExplainNet builds the network for the constraints m enforces (rows
// must be off). When an agent's bound sets are not laminar it returns nil,
// or, when greedy is set, leaves out each bound that breaks the family
// (processed by decreasing size), so that the network decides a relaxation.
func newExplainNet(p *Problem, m mask, greedy bool) *explainNet {
	m.on[MinKind] = slices.Clone(m.on[MinKind])
	m.on[MaxKind] = slices.Clone(m.on[MaxKind])
	nA, nB, nI := len(p.Agents), len(p.Bounds), len(p.Items)
	nw := &explainNet{p: p, m: m, root: make([]int32, nA), bnode: make([]int32, nB), lock: make(map[Pair]int)}
	for k, on := range m.on[LockKind] {
		if _, ok := nw.lock[p.Locks[k]]; on && !ok {
			nw.lock[p.Locks[k]] = k
		}
	}
	vetoed := make(map[Pair]bool)
	for k, on := range m.on[VetoKind] {
		if on {
			vetoed[p.Vetoes[k]] = true
		}
	}
	nw.keep = keptItems(p, m)
	agentItems := make([][]int, nA)
	for i, it := range p.Items {
		if !nw.keep[i] {
			continue
		}
		for _, o := range it.Options {
			if !vetoed[Pair{i, o.Agent}] {
				agentItems[o.Agent] = append(agentItems[o.Agent], i)
			}
		}
	}
	byAgent := make([][]int, nA)
	for b, bd := range p.Bounds {
		nw.bnode[b] = -1
		if m.on[MinKind][b] || m.on[MaxKind][b] {
			byAgent[bd.Agent] = append(byAgent[bd.Agent], b)
		}
	}

	next := int32(4)
	for a := range nA {
		nw.root[a] = next
		next++
	}
	stamp := make([]int, nI) // stamp[i] == a+1 when agent a may take item i
	cur := make([]int32, nI) // deepest node of the current agent holding i
	restricted := func(a, g int) []int {
		if g == AllItems {
			return agentItems[a]
		}
		var r []int
		for _, i := range p.Groups[g].Items {
			if stamp[i] == a+1 {
				r = append(r, i)
			}
		}
		return r
	}
	nPairs := 0
	for _, items := range agentItems {
		nPairs += len(items)
	}
	nw.edges = make([]netEdge, 0, nA+len(p.Bounds)+nPairs+nI+1)
	pairs := make([]netEdge, 0, nPairs)
	for a := range nA {
		nw.edges = append(nw.edges, netEdge{from: netSource, to: nw.root[a], upper: netInf, kind: structEdge, lock: -1})
		for _, i := range agentItems[a] {
			stamp[i] = a + 1
			cur[i] = nw.root[a]
		}
		sets := make([][]int, len(byAgent[a]))
		for k, b := range byAgent[a] {
			sets[k] = restricted(a, p.Bounds[b].Group)
		}
		order := make([]int, len(sets))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(len(sets[y]), len(sets[x])) })
		for _, k := range order {
			b, set := byAgent[a][k], sets[k]
			parent := nw.root[a]
			if len(set) > 0 {
				parent = cur[set[0]]
			}
			laminar := true
			for _, i := range set {
				if cur[i] != parent {
					laminar = false
					break
				}
			}
			if !laminar {
				if !greedy {
					return nil
				}
				nw.m.on[MinKind][b], nw.m.on[MaxKind][b] = false, false
				continue
			}
			bd := p.Bounds[b]
			e := netEdge{from: parent, to: next, upper: netInf, kind: boundEdge, ref: b, agent: a, lock: -1}
			if m.on[MinKind][b] {
				e.lower = int64(bd.Min)
			}
			if m.on[MaxKind][b] {
				e.upper = int64(bd.Max)
			}
			nw.edges = append(nw.edges, e)
			nw.bnode[b] = next
			for _, i := range set {
				cur[i] = next
			}
			next++
		}
		for _, i := range agentItems[a] {
			pairs = append(pairs, netEdge{from: cur[i], to: int32(i), upper: 1, kind: pairEdge, ref: i, agent: a, lock: -1})
		}
	}
	nw.item0 = next
	for _, e := range pairs {
		e.to += nw.item0
		if len(nw.lock) > 0 {
			if k, ok := nw.lock[Pair{e.ref, e.agent}]; ok {
				e.lower, e.lock = 1, k
			}
		}
		nw.edges = append(nw.edges, e)
	}
	for i := range nI {
		if !nw.keep[i] {
			continue
		}
		e := netEdge{from: nw.item0 + int32(i), to: netSink, upper: 1, kind: sinkEdge, ref: i, lock: -1}
		if m.on[ItemKind][i] {
			e.lower = 1
		}
		nw.edges = append(nw.edges, e)
	}
	nw.edges = append(nw.edges, netEdge{from: netSink, to: netSource, upper: netInf, kind: structEdge, lock: -1})

	nodes := int(next) + nI
	nw.g.init(nodes, 2*(len(nw.edges)+nodes))
	excess := make([]int64, nodes)
	for _, e := range nw.edges {
		nw.g.add(e.from, e.to, e.upper-e.lower)
		excess[e.to] += e.lower
		excess[e.from] -= e.lower
	}
	for v, x := range excess {
		switch {
		case x > 0:
			nw.g.add(superSource, int32(v), x)
			nw.demand += x
		case x < 0:
			nw.g.add(int32(v), superSink, -x)
		}
	}
	return nw
}

// keptItems marks the items that matter to the constraints m enforces
// (rows aside): those that must be assigned, carry an enforced lock, or may
// count towards an enforced minimum. The others can stay unassigned, since
// giving them out only adds to counts that no minimum needs.
func keptItems(p *Problem, m mask) []bool {
	keep := slices.Clone(m.on[ItemKind])
	for k, on := range m.on[LockKind] {
		if on {
			keep[p.Locks[k].Item] = true
		}
	}
	minAll := make([]bool, len(p.Agents))
	for b, bd := range p.Bounds {
		switch {
		case !m.on[MinKind][b]:
		case bd.Group == AllItems:
			minAll[bd.Agent] = true
		default:
			for _, i := range p.Groups[bd.Group].Items {
				keep[i] = keep[i] || hasOption(p, i, bd.Agent)
			}
		}
	}
	for i, it := range p.Items {
		for _, o := range it.Options {
			keep[i] = keep[i] || minAll[o.Agent]
		}
	}
	return keep
}

// enforced lists the constraints the network enforces.
func (nw *explainNet) enforced() []Constraint {
	var c []Constraint
	for k, on := range nw.m.on {
		for i, b := range on {
			if b {
				c = append(c, Constraint{ConstraintKind(k), i})
			}
		}
	}
	return c
}

// feasible reports whether the circulation exists.
func (nw *explainNet) feasible() bool {
	if !nw.solved {
		nw.flow = nw.g.maxflow(superSource, superSink)
		nw.solved = true
		if nw.flow < nw.demand {
			// Two minimum cuts: the smallest source side (reachable from
			// the super source in the residual graph) and the largest
			// (everything that cannot reach the super sink). Keep the one
			// with fewer constraints on it.
			small := nw.g.reachable(superSource, false)
			small[superSource] = false
			large := nw.g.reachable(superSink, true)
			for v := range large {
				large[v] = !large[v]
			}
			large[superSource] = false
			nw.inX = large
			n := len(nw.cutConflict())
			nw.inX = small
			if len(nw.cutConflict()) > n {
				nw.inX = large
			}
		}
	}
	return nw.flow == nw.demand
}

// cutConflict lists the enforced constraints on the minimum cut X: the
// lower bounds on edges entering X, the maximums on edges leaving X, and the
// vetoes whose pair edge would leave X. They cannot hold together. It must
// be called only after feasible reported false.
func (nw *explainNet) cutConflict() []Constraint {
	var c []Constraint
	for _, e := range nw.edges {
		in, out := nw.inX[e.to] && !nw.inX[e.from], nw.inX[e.from] && !nw.inX[e.to]
		switch {
		case in && e.lower > 0 && e.kind == sinkEdge:
			c = append(c, Constraint{ItemKind, e.ref})
		case in && e.lower > 0 && e.kind == boundEdge:
			c = append(c, Constraint{MinKind, e.ref})
		case in && e.lower > 0 && e.kind == pairEdge:
			c = append(c, Constraint{LockKind, e.lock})
		case out && e.kind == boundEdge && nw.m.on[MaxKind][e.ref]:
			c = append(c, Constraint{MaxKind, e.ref})
		}
	}
	c = append(c, nw.cutVetoes()...)
	sortConstraints(c)
	return c
}

// cutVetoes lists the enforced vetoes (the first on each pair) that the
// cut relies on. Lifting a veto on (item, agent) adds the item to the sets
// of the agent's bounds whose groups hold it. When those bounds are a path
// of the agent's tree from its root, the tree stays valid and the lift adds
// one pair edge below the deepest of them, which matters when it could leave
// X: the item is outside X and the agent's root or one of those bound nodes
// is inside. Otherwise the veto is what makes the agent's bound sets nest
// as the tree has them, and the cut, drawn on that tree, relies on it.
func (nw *explainNet) cutVetoes() []Constraint {
	p := nw.p
	parent := make(map[int32]int32) // bound node -> parent node
	for _, e := range nw.edges {
		if e.kind == boundEdge {
			parent[e.to] = e.from
		}
	}
	var c []Constraint
	seen := make(map[Pair]bool)
	for k, on := range nw.m.on[VetoKind] {
		v := p.Vetoes[k]
		if !on || seen[v] || !nw.keep[v.Item] || !hasOption(p, v.Item, v.Agent) {
			continue
		}
		seen[v] = true
		var holding []int32 // the agent's bound nodes whose groups hold the item
		for b, bd := range p.Bounds {
			if n := nw.bnode[b]; n >= 0 && bd.Agent == v.Agent &&
				(bd.Group == AllItems || slices.Contains(p.Groups[bd.Group].Items, v.Item)) {
				holding = append(holding, n)
			}
		}
		if !isRootPath(holding, parent, nw.root[v.Agent]) {
			c = append(c, Constraint{VetoKind, k})
			continue
		}
		if nw.inX[nw.item0+int32(v.Item)] {
			continue
		}
		cross := nw.inX[nw.root[v.Agent]]
		for _, n := range holding {
			cross = cross || nw.inX[n]
		}
		if cross {
			c = append(c, Constraint{VetoKind, k})
		}
	}
	return c
}

// isRootPath reports whether the bound nodes are exactly the bound nodes on
// the path from root down to one of them, in the tree given by parent.
func isRootPath(nodes []int32, parent map[int32]int32, root int32) bool {
	depth := func(n int32) int {
		d := 0
		for ; n != root; n = parent[n] {
			d++
		}
		return d
	}
	deepest, dmax := root, 0
	for _, n := range nodes {
		if d := depth(n); d > dmax {
			deepest, dmax = n, d
		}
	}
	// The path from deepest holds dmax bound nodes; they must all be named.
	for n := deepest; n != root; n = parent[n] {
		if !slices.Contains(nodes, n) {
			return false
		}
	}
	return len(nodes) == dmax
}

// describe gives the arithmetic of the cut in words: what must flow into X
// against what can flow out. It must be called only after feasible
// reported false.
func (nw *explainNet) describe() string {
	p := nw.p
	var mins, musts, locks, maxes, slots []int
	pairs := make([][]int, len(p.Agents))
	var demand, room int64
	for _, e := range nw.edges {
		in, out := nw.inX[e.to] && !nw.inX[e.from], nw.inX[e.from] && !nw.inX[e.to]
		switch {
		case in && e.lower > 0:
			demand += e.lower
			switch e.kind {
			case sinkEdge:
				musts = append(musts, e.ref)
			case boundEdge:
				mins = append(mins, e.ref)
			case pairEdge:
				locks = append(locks, e.lock)
			}
		case out:
			room += e.upper
			switch e.kind {
			case sinkEdge:
				slots = append(slots, e.ref)
			case boundEdge:
				maxes = append(maxes, e.ref)
			case pairEdge:
				pairs[e.agent] = append(pairs[e.agent], e.ref)
			}
		}
	}
	vetoes := nw.cutVetoes()
	noPairs := !slices.ContainsFunc(pairs, func(x []int) bool { return len(x) > 0 })

	// The common case in words of the issue: minimums of one group against
	// its items.
	if len(mins) > 0 && len(musts) == 0 && len(locks) == 0 && len(maxes) == 0 && noPairs && len(vetoes) == 0 {
		g := p.Bounds[mins[0]].Group
		same := true
		for _, b := range mins {
			same = same && p.Bounds[b].Group == g
		}
		if same && sameItems(p, g, slots) {
			var parts []string
			for k, b := range mins {
				verb := "needs "
				if k > 0 {
					verb = ""
				}
				parts = append(parts, fmt.Sprintf("agent %s %sat least %d%s", agentName(p, p.Bounds[b].Agent), verb, p.Bounds[b].Min, boundTag(p, b)))
			}
			of := fmt.Sprintf("of the %d items in group %s", len(slots), groupName(p, g))
			if g == AllItems {
				of = fmt.Sprintf("of all %d items", len(slots))
			}
			return fmt.Sprintf("%s %s: %d > %d", joinAnd(parts), of, demand, room)
		}
	}

	var need []string
	for _, b := range mins {
		need = append(need, describeConstraint(p, Constraint{MinKind, b}))
	}
	switch len(musts) {
	case 0:
	case 1:
		need = append(need, fmt.Sprintf("item %s must be assigned", itemName(p, musts[0])))
	default:
		need = append(need, fmt.Sprintf("items %s must each be assigned", itemList(p, musts)))
	}
	// Locks grouped by agent, agents in order of first lock.
	var lockAgents []int
	lockItems := make(map[int][]int)
	for _, k := range locks {
		l := p.Locks[k]
		if lockItems[l.Agent] == nil {
			lockAgents = append(lockAgents, l.Agent)
		}
		lockItems[l.Agent] = append(lockItems[l.Agent], l.Item)
	}
	for _, a := range lockAgents {
		if items := lockItems[a]; len(items) == 1 {
			need = append(need, fmt.Sprintf("item %s is locked to agent %s", itemName(p, items[0]), agentName(p, a)))
		} else {
			need = append(need, fmt.Sprintf("items %s are locked to agent %s", itemList(p, items), agentName(p, a)))
		}
	}
	var have []string
	for _, b := range maxes {
		have = append(have, describeConstraint(p, Constraint{MaxKind, b}))
	}
	for a, items := range pairs {
		switch len(items) {
		case 0:
		case 1:
			have = append(have, fmt.Sprintf("agent %s may take item %s", agentName(p, a), itemName(p, items[0])))
		default:
			have = append(have, fmt.Sprintf("agent %s may take items %s", agentName(p, a), itemList(p, items)))
		}
	}
	switch len(slots) {
	case 0:
	case 1:
		have = append(have, fmt.Sprintf("only item %s is open to them", itemName(p, slots[0])))
	default:
		have = append(have, fmt.Sprintf("only the %d items %s are open to them", len(slots), itemList(p, slots)))
	}
	var b strings.Builder
	b.WriteString(joinAnd(need))
	if len(need) > 1 {
		fmt.Fprintf(&b, " (%d in all)", demand)
	}
	b.WriteString(", but ")
	switch {
	case len(have) == 0:
		b.WriteString("no agent may take any of it")
	case len(have) > 1:
		fmt.Fprintf(&b, "%s (%d in all)", joinAnd(have), room)
	default:
		b.WriteString(have[0])
	}
	if len(vetoes) > 0 {
		var vs []string
		for _, c := range vetoes {
			vs = append(vs, describeConstraint(p, c))
		}
		b.WriteString(", since " + joinAnd(vs))
	}
	fmt.Fprintf(&b, ": %d > %d", demand, room)
	return b.String()
}

// sameItems reports whether items (distinct) are exactly the items of group
// g, or all items for AllItems.
func sameItems(p *Problem, g int, items []int) bool {
	if g == AllItems {
		return len(items) == len(p.Items)
	}
	if len(items) != len(p.Groups[g].Items) {
		return false
	}
	a, b := slices.Clone(items), slices.Clone(p.Groups[g].Items)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// flowGraph is a residual graph for Dinic's maximum-flow algorithm
// (E. A. Dinic, 1970; see https://en.wikipedia.org/wiki/Dinic%27s_algorithm).
// Edge k's reverse is edge k^1.
type flowGraph struct {
	head  []int32
	next  []int32
	to    []int32
	cap   []int64
	level []int32
	iter  []int32
}

// init makes an empty graph of n nodes with room for m edges.
func (g *flowGraph) init(n, m int) {
	g.to = make([]int32, 0, m)
	g.next = make([]int32, 0, m)
	g.cap = make([]int64, 0, m)
	g.head = make([]int32, n)
	for v := range g.head {
		g.head[v] = -1
	}
	g.level = make([]int32, n)
	g.iter = make([]int32, n)
}

func (g *flowGraph) add(u, v int32, c int64) {
	g.to = append(g.to, v, u)
	g.cap = append(g.cap, c, 0)
	g.next = append(g.next, g.head[u], g.head[v])
	k := int32(len(g.to) - 2)
	g.head[u], g.head[v] = k, k+1
}

func (g *flowGraph) bfs(s, t int32) bool {
	for v := range g.level {
		g.level[v] = -1
	}
	g.level[s] = 0
	queue := []int32{s}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for k := g.head[u]; k >= 0; k = g.next[k] {
			if v := g.to[k]; g.cap[k] > 0 && g.level[v] < 0 {
				g.level[v] = g.level[u] + 1
				queue = append(queue, v)
			}
		}
	}
	return g.level[t] >= 0
}

func (g *flowGraph) dfs(u, t int32, f int64) int64 {
	if u == t {
		return f
	}
	for ; g.iter[u] >= 0; g.iter[u] = g.next[g.iter[u]] {
		k := g.iter[u]
		v := g.to[k]
		if g.cap[k] <= 0 || g.level[v] != g.level[u]+1 {
			continue
		}
		if d := g.dfs(v, t, min(f, g.cap[k])); d > 0 {
			g.cap[k] -= d
			g.cap[k^1] += d
			return d
		}
	}
	return 0
}

// maxflow returns the maximum flow from s to t, leaving the residual
// capacities in g. It takes O(V^2 E) time.
func (g *flowGraph) maxflow(s, t int32) int64 {
	var total int64
	for g.bfs(s, t) {
		copy(g.iter, g.head)
		for {
			f := g.dfs(s, t, netInf)
			if f == 0 {
				break
			}
			total += f
		}
	}
	return total
}

// reachable marks the nodes reachable from s in the residual graph, or,
// when reverse is set, the nodes from which s is reachable.
func (g *flowGraph) reachable(s int32, reverse bool) []bool {
	seen := make([]bool, len(g.head))
	seen[s] = true
	stack := []int32{s}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for k := g.head[u]; k >= 0; k = g.next[k] {
			v, c := g.to[k], g.cap[k]
			if reverse {
				c = g.cap[k^1] // the residual capacity of v -> u
			}
			if c > 0 && !seen[v] {
				seen[v] = true
				stack = append(stack, v)
			}
		}
	}
	return seen
}
