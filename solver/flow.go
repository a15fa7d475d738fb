package solver

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
)

// errFlowInfeasible reports that the network has no feasible flow. The
// error returned by network.solve is a *flowInfeasibleError that wraps it.
var errFlowInfeasible = errors.New("solver: network has no feasible flow")

// flowInfeasibleError describes why a network solve found no flow.
type flowInfeasibleError struct {
	// item is an item without any enabled pair, or -1.
	item int
	// reached marks, per network node (0 the root, b+1 for Bounds[b]), the
	// nodes reachable in the residual network from the nodes with excess
	// when no node with a deficit was; nil when item >= 0. The arcs leaving
	// the reached set are saturated: they form a cut whose capacity is
	// below the excess it must carry.
	reached []bool
}

func (e *flowInfeasibleError) Error() string {
	if e.item >= 0 {
		return fmt.Sprintf("%v: item %d has no enabled pair", errFlowInfeasible, e.item)
	}
	return fmt.Sprintf("%v: no augmenting path from an excess node to a deficit node", errFlowInfeasible)
}

func (e *flowInfeasibleError) Unwrap() error { return errFlowInfeasible }

// flowSolution is an optimal flow in assignment form.
type flowSolution struct {
	pair      []int32 // chosen model pair per item
	price     []int64 // one price per Problem.Bounds entry, in units of w
	objective int64   // sum of w over the chosen pairs
	augments  int     // augmenting paths used
}

// potLimit bounds node potentials; newModel's range keeps them far below
// it, and solve checks it rather than overflow.
const potLimit = 1 << 61

// ctxEvery is the number of augmentations between two context checks.
const ctxEvery = 256

// flowState is the mutable state of one network solve.
type flowState struct {
	nw *network
	w  []int64

	// Per entry (index into nw.itemNode): the best enabled pair at that
	// node, or -1 (see bestW).
	bestPair []int32
	at       []int32 // local index of each item's current node

	// Exchange heaps. An item at its x-th node is in the heap of (x-th
	// node, y-th node) for every other y with an enabled pair; pos holds,
	// per entry (the item's y-th), its position in that heap, or -1. Heap
	// h occupies heap[heapBase[h]:heapBase[h]+heapCap[h]]; a full heap
	// moves to the end of heap with more room.
	pos      []int32
	heap     []heapEntry
	heapBase []int32
	heapCap  []int32
	heapLen  []int32
	// arcKey is, per residual arc (see network.arcStart), the cost
	// Dijkstra adds to the potential difference: the key of an exchange
	// heap's top entry, or 0 for a tree arc with room; MaxInt64 for an
	// empty heap or a tree arc at its bound.
	arcKey []int64

	x   []int32 // flow on the tree arc into each node (root unused)
	e   []int64 // balance of each node: > 0 excess, < 0 deficit
	pot []int64 // node potentials: reduced cost c(u,v) + pot[u] - pot[v] >= 0

	// Dijkstra: tentative distances, the shortest-path tree and the queue.
	dist      []int64 // MaxInt64 when untouched
	touched   []int32 // nodes whose dist was set by the last search
	excess    []int32 // nodes with an excess, filled by the first search
	settled   []bool
	ready     []int32
	pending   []int32
	isPending []bool
	predNode  []int32
	predArc   []int32 // heap id of an exchange arc, or arcUp / arcDown
	queue     []queued
}

const (
	arcUp   = -1 // residual tree arc from a node to its parent (less flow)
	arcDown = -2 // residual tree arc from a node to a child (more flow)
)

// solve finds a maximum-weight assignment of the network's items, one
// weight per model pair in w (disabledPair forbids a pair; every pair the
// model disables must be disabled in w too), and prices that prove it
// optimal.
//
// The algorithm is successive shortest paths with node potentials
// (Ahuja, Magnanti and Orlin, Network Flows, 1993, section 9.7) on the
// contracted network. It starts from each item's best pair, which is
// optimal for zero potentials when bounds are ignored, and sets every tree
// arc's flow to the nearest value in [Min, Max] of its subtree's count.
// The resulting excesses and deficits are removed by shortest augmenting
// paths. Each is found by Dijkstra's algorithm on reduced costs from the
// first node of the excess list (from all excess nodes when that one reaches
// no deficit), stopped at the first deficit node settled; potentials of
// settled nodes rise by their distance and all others by the distance of
// that deficit node (implemented as lowering the settled ones, since only
// differences matter). Each path carries one unit when it moves an item,
// else as much as its tree arcs, source and sink allow.
//
// Ties are broken by index and by a fixed processing order, never by map
// order or randomness: an item's best pair is its first pair of largest
// weight, and the item starts at the node of its first pair of largest
// weight; an exchange heap yields the item of smallest index among those of
// least cost; the excess list is built in node order, a node leaves it by
// swapping with the last, and a first node that reaches no deficit swaps
// with the last; Dijkstra settles zero-distance nodes last-in
// first-out and the others in order of (distance, node index). The same
// network and weights therefore always give the same assignment and prices.
//
// The prices are price[b] = y(b) - y(parent(b)) with y the potential
// relative to the root; they satisfy complementary slackness, so the
// certificate's Lagrangian bound equals the objective.
//
// Each augmentation costs one Dijkstra run on the contracted network,
// O(H + K log K) for H exchange heaps and K nodes (in practice mostly a
// linear scan of the zero-distance region), plus 2d heap updates of
// O(log n + log K) per moved item with d distinct nodes; the number of
// augmentations is at most the total initial imbalance. Setting up takes
// time linear in the pairs and the heaps' initial members. solve checks
// ctx every 256 augmentations and returns ctx.Err() when it is done. An
// infeasible network gives a *flowInfeasibleError.
func (nw *network) solve(ctx context.Context, w []int64) (*flowSolution, error) {
	return nw.solveFrom(ctx, w, nil)
}

// flowWarm carries one network solve's state to the next solve of the same
// network (see solveFrom): its buffers always, and its end state (the
// items' nodes, the tree flows and the potentials) when valid. The zero
// value holds nothing.
type flowWarm struct {
	fs    *flowState
	valid bool
}

// warmSpread is the largest spread of potentials a warm start accepts;
// beyond it solveFrom starts cold, so that potentials carried over many
// solves keep far below potLimit.
const warmSpread = 1 << 58

// solveFrom is solve started from the end state of an earlier solve of the
// same network, which it replaces with its own end state; a nil warm, one
// holding no valid state, or one whose potentials spread by more than 2^58
// starts cold, as solve. A failed solve leaves warm without a valid state.
// The solve reuses the buffers in warm, so that a sequence of solves
// allocates little beyond the solutions it returns.
//
// A warm start keeps the earlier tree flows and potentials, which satisfy
// every tree arc's reduced-cost condition whatever the weights, and places
// each item where W(i,v) - pot[v] is largest: at its earlier node when
// that node attains the largest value, else at the node of its first pair
// of largest W(i,v) - pot[v]. Every exchange arc then has a nonnegative
// reduced cost too, so successive shortest paths proceed as from a cold
// start and end optimal; only the items that the new weights move create
// imbalance, so after a small change of weights a few augmentations
// suffice. The optimum's value is the same as from a cold start; the
// assignment and prices may be another optimum, chosen deterministically
// by the rules above and in solve.
func (nw *network) solveFrom(ctx context.Context, w []int64, warm *flowWarm) (*flowSolution, error) {
	var fs *flowState
	hot := false
	if warm != nil && warm.fs != nil && warm.fs.nw == nw {
		fs = warm.fs
		hot = warm.valid && slices.Max(fs.pot)-slices.Min(fs.pot) <= warmSpread
		fs.reset(w, hot)
	} else {
		fs = nw.newState(w)
		if warm != nil {
			warm.fs = fs
		}
	}
	if warm != nil {
		warm.valid = false
	}
	if item := fs.setup(hot); item >= 0 {
		return nil, &flowInfeasibleError{item: item}
	}
	augments := 0
	for {
		if augments%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t := fs.dijkstra(false)
		if t == balanced {
			break
		}
		if t == unreachable {
			// No deficit is reachable from the first excess node; another
			// may still reach one. Move it to the end of the list so that
			// the next searches start elsewhere.
			x := fs.excess
			x[0], x[len(x)-1] = x[len(x)-1], x[0]
			t = fs.dijkstra(true)
		}
		if t == unreachable {
			r := make([]bool, nw.nNodes)
			for v, d := range fs.dist {
				r[v] = d < math.MaxInt64
			}
			return nil, &flowInfeasibleError{item: -1, reached: r}
		}
		if err := fs.updatePotentials(t); err != nil {
			return nil, err
		}
		fs.augment(t)
		augments++
	}
	if warm != nil {
		warm.valid = true
	}
	return fs.solution(augments), nil
}

func (nw *network) newState(w []int64) *flowState {
	n := len(nw.itemStart) - 1
	nHeaps := len(nw.heapFrom)
	k, entries := nw.nNodes, len(nw.itemNode)
	// Few large allocations rather than many: the arrays of one type are
	// cut from one block. The search lists never outgrow k: a node enters
	// each at most once per search.
	i32 := make([]int32, 2*entries+n+3*nHeaps+7*k)
	i64 := make([]int64, len(nw.arcHead)+3*k)
	flags := make([]bool, 2*k)
	take32 := func(m int) []int32 { x := i32[:m:m]; i32 = i32[m:]; return x }
	take64 := func(m int) []int64 { x := i64[:m:m]; i64 = i64[m:]; return x }
	fs := &flowState{
		nw:        nw,
		w:         w,
		bestPair:  take32(entries),
		at:        take32(n),
		pos:       take32(entries),
		heapBase:  take32(nHeaps),
		heapCap:   take32(nHeaps),
		heapLen:   take32(nHeaps),
		arcKey:    take64(len(nw.arcHead)),
		x:         take32(k),
		e:         take64(k),
		pot:       take64(k),
		dist:      take64(k),
		touched:   take32(k)[:0],
		excess:    take32(k)[:0],
		ready:     take32(k)[:0],
		pending:   take32(k)[:0],
		settled:   flags[:k:k],
		isPending: flags[k:],
		predNode:  take32(k),
		predArc:   take32(k),
	}
	fs.queue = make([]queued, 0, k)
	return fs
}

// bestW returns the weight of entry j's best pair, or disabledPair.
func (fs *flowState) bestW(j int32) int64 {
	if k := fs.bestPair[j]; k >= 0 {
		return fs.w[k]
	}
	return disabledPair
}

// reset prepares a state that has served a solve for the next one with
// weights w: the end state's items' nodes, tree flows and potentials stay
// when keep is set; the potentials are zeroed otherwise.
func (fs *flowState) reset(w []int64, keep bool) {
	fs.w = w
	clear(fs.heapCap)
	clear(fs.heapLen)
	clear(fs.settled)
	clear(fs.isPending)
	fs.touched, fs.excess, fs.queue = fs.touched[:0], fs.excess[:0], fs.queue[:0]
	if !keep {
		clear(fs.pot)
	}
}

// setup places every item, fills the heaps and sets the tree flows and
// balances. Cold (warm false; the potentials must be zero) it places each
// item at its best pair and clamps each tree flow into its bounds; warm
// it keeps the tree flows and places the items as solveFrom documents. It
// returns an item without any enabled pair, or -1.
func (fs *flowState) setup(warm bool) int {
	nw, m := fs.nw, fs.nw.m
	n := len(fs.at)
	for a := range fs.arcKey {
		fs.arcKey[a] = math.MaxInt64
	}
	for j := range fs.pos {
		fs.pos[j] = -1
	}
	// Place the items and count the initial members of each heap.
	for i := 0; i < n; i++ {
		first, last := nw.itemStart[i], nw.itemStart[i+1]
		for j := first; j < last; j++ {
			fs.bestPair[j] = -1
		}
		// best is the entry of the first pair of largest value: W(i,v),
		// less pot[v] on a warm start (zero potentials on a cold one).
		best, bestVal := int32(-1), int64(0)
		for k := m.start[i]; k < m.start[i+1]; k++ {
			j := nw.pairEntry[k]
			if j < 0 || fs.w[k] == disabledPair {
				continue
			}
			v := nw.itemNode[j]
			if fs.bestPair[j] < 0 || fs.w[k] > fs.bestW(j) {
				fs.bestPair[j] = k
			}
			if val := fs.w[k] - fs.pot[v]; best < 0 || val > bestVal {
				best, bestVal = j, val
			}
		}
		if best < 0 {
			return i
		}
		if warm {
			if j := first + fs.at[i]; fs.bestPair[j] >= 0 && fs.bestW(j)-fs.pot[nw.itemNode[j]] == bestVal {
				best = j
			}
		}
		fs.at[i] = best - first
		from := nw.itemNode[best]
		for j := first; j < last; j++ {
			if j != best && fs.bestPair[j] >= 0 {
				h := nw.heap(from, nw.itemNode[j])
				fs.pos[j] = h // the heap of entry j, until the heaps are ordered
				fs.heapCap[h]++
			}
		}
	}
	// Room for a few items to move in: a heap has 1/16 more than its
	// initial size, plus one, and the storage 1/4 more for heaps that
	// outgrow that. Most heaps never change, and at most one item moves
	// per exchange arc of an augmenting path.
	size := int32(0)
	for h, c := range fs.heapCap {
		c += c/16 + 1
		fs.heapCap[h] = c
		fs.heapBase[h] = size
		size += c
	}
	if c := int(size + size/4); cap(fs.heap) >= c {
		fs.heap = fs.heap[:size]
	} else {
		fs.heap = make([]heapEntry, size, c)
	}
	// Fill the heaps in any order, then order each bottom-up (Floyd): the
	// top is the least (key, item) either way.
	for i := 0; i < n; i++ {
		first, last := nw.itemStart[i], nw.itemStart[i+1]
		x := first + fs.at[i]
		wx := fs.bestW(x)
		for j := first; j < last; j++ {
			if j != x && fs.bestPair[j] >= 0 {
				h := fs.pos[j]
				fs.heap[fs.heapBase[h]+fs.heapLen[h]] = newHeapEntry(wx-fs.bestW(j), j)
				fs.heapLen[h]++
			}
		}
	}
	for h, c := range fs.heapLen {
		if c == 0 {
			continue
		}
		hp := fs.heap[fs.heapBase[h] : fs.heapBase[h]+c]
		for q := c/2 - 1; q >= 0; q-- {
			fs.siftDown(hp, q, hp[q])
		}
		for q, x := range hp {
			fs.pos[x.entry] = int32(q)
		}
		fs.arcKey[nw.heapArc[h]] = hp[0].key()
	}
	// Subtree counts, bottom-up, and tree flows clamped into [lo, hi]. The
	// distances, unused until the first search, hold the node counts.
	cnt := fs.dist
	clear(cnt)
	for i := 0; i < n; i++ {
		cnt[nw.itemNode[nw.itemStart[i]+fs.at[i]]]++
	}
	sub := fs.e
	copy(sub, cnt)
	for q := len(nw.order) - 1; q > 0; q-- {
		v := nw.order[q]
		sub[nw.parent[v]] += sub[v]
	}
	if !warm {
		for v := 1; v < nw.nNodes; v++ {
			fs.x[v] = int32(min(max(sub[v], int64(nw.lo[v])), int64(nw.hi[v])))
		}
	}
	for v := int32(1); v < int32(nw.nNodes); v++ {
		fs.treeKeys(v)
	}
	for v := 0; v < nw.nNodes; v++ {
		in := int64(n)
		if v > 0 {
			in = int64(fs.x[v])
		}
		out := cnt[v]
		for _, c := range nw.child.list[nw.child.start[v]:nw.child.start[v+1]] {
			out += int64(fs.x[c])
		}
		fs.e[v] = in - out
	}
	for v := range fs.dist {
		fs.dist[v] = math.MaxInt64
	}
	return -1
}

// Results of dijkstra other than a node.
const (
	balanced    = -1 // no node has an excess
	unreachable = -2 // no deficit node is reachable from an excess node
)

// dijkstra runs Dijkstra's algorithm on reduced costs from the first excess
// node (from every excess node when all is set) and stops at the first
// deficit node it settles, which it returns; predNode and predArc then hold
// the shortest path to it. It returns balanced when no node has an excess
// and unreachable when the search ends without a deficit node.
func (fs *flowState) dijkstra(all bool) int32 {
	nw := fs.nw
	queue := fs.queue[:0]
	for _, v := range fs.touched {
		fs.dist[v] = math.MaxInt64
		fs.settled[v] = false
	}
	fs.touched = fs.touched[:0]
	if len(fs.excess) == 0 {
		for v := int32(0); v < int32(nw.nNodes); v++ {
			if fs.e[v] > 0 {
				fs.excess = append(fs.excess, v)
			}
		}
		if len(fs.excess) == 0 {
			return balanced
		}
	}
	// The search starts from one excess node, or from all when all is set.
	// ready holds nodes whose tentative distance equals the distance being
	// settled (reached over arcs of reduced cost zero); they are settled
	// without the queue. Most
	// of a search happens at distance zero, so nodes labelled with a larger
	// distance wait in pending and enter the queue only when ready runs
	// out. The queue may hold a node more than once, with the distances it
	// had at successive flushes of pending: the least comes out first, and
	// the entries of a node settled since are skipped, so nodes are
	// settled in order of (distance, node index) all the same.
	srcs := fs.excess[:1]
	if all {
		srcs = fs.excess
	}
	ready := fs.ready[:0]
	for _, s := range srcs {
		fs.dist[s] = 0
		fs.predNode[s] = -1
		fs.touched = append(fs.touched, s)
		ready = append(ready, s)
	}
	pending := fs.pending[:0]
	pot, dist := fs.pot, fs.dist
	defer func() {
		for _, v := range pending {
			fs.isPending[v] = false
		}
		fs.ready, fs.pending, fs.queue = ready[:0], pending[:0], queue[:0]
	}()
	for {
		var u int32
		if n := len(ready); n > 0 {
			u = ready[n-1]
			ready = ready[:n-1]
		} else {
			for _, v := range pending {
				fs.isPending[v] = false
				if !fs.settled[v] {
					queue = pushQueue(queue, queued{d: dist[v], v: v})
				}
			}
			pending = pending[:0]
			for len(queue) > 0 && fs.settled[queue[0].v] {
				queue = popQueue(queue)
			}
			if len(queue) == 0 {
				return unreachable
			}
			u = queue[0].v
			queue = popQueue(queue)
		}
		if fs.settled[u] {
			continue
		}
		fs.settled[u] = true
		if fs.e[u] < 0 {
			return u
		}
		du := dist[u]
		pu := pot[u] + du
		// relax lowers v's tentative distance to d >= du over arc kind.
		relax := func(v int32, d int64, kind int32) {
			if dist[v] == math.MaxInt64 {
				fs.touched = append(fs.touched, v)
			}
			dist[v] = d
			fs.predNode[v], fs.predArc[v] = u, kind
			if d == du {
				ready = append(ready, v)
			} else if !fs.isPending[v] {
				fs.isPending[v] = true
				pending = append(pending, v)
			}
		}
		// The residual arcs out of u, in the network's order: up to the
		// parent, down to each child, then the exchange arcs.
		first, end := nw.arcStart[u], nw.arcStart[u+1]
		keys := fs.arcKey[first:end]
		heads := nw.arcHead[first:end]
		heads = heads[:len(keys)]
		for a, k := range keys {
			if k == math.MaxInt64 {
				continue
			}
			v := heads[a]
			if nd := k + pu - pot[v]; nd < dist[v] {
				relax(v, nd, nw.arcRef[first+int32(a)])
			}
		}
	}
}

// updatePotentials raises each potential by its distance, capped at the
// distance D of t, which keeps every residual reduced cost nonnegative and
// makes the arcs of the shortest path to t admissible (reduced cost zero).
// Only differences of potentials matter, so it lowers the potentials of the
// nodes settled closer than D by D - dist instead, in time proportional to
// the nodes the search touched. When a potential falls below -potLimit all
// are shifted up by the same amount; differences stay below potLimit within
// newModel's range, and an error reports when they do not.
func (fs *flowState) updatePotentials(t int32) error {
	dt := fs.dist[t]
	low := false
	for _, v := range fs.touched {
		if d := fs.dist[v]; d < dt {
			fs.pot[v] -= dt - d
			low = low || fs.pot[v] < -potLimit
		}
	}
	if !low {
		return nil
	}
	top := slices.Max(fs.pot)
	for v := range fs.pot {
		fs.pot[v] -= top
		if fs.pot[v] < -potLimit {
			return perr("Settings.Resolution", "node potentials differ by more than 2^61 units; use a coarser resolution")
		}
	}
	return nil
}

// augment pushes flow along the shortest path to t: the smallest of the
// source's excess, t's deficit and the residual capacities on the path, or
// one unit when the path moves an item.
func (fs *flowState) augment(t int32) {
	nw := fs.nw
	delta := -fs.e[t]
	v := t
	for fs.predNode[v] >= 0 {
		u := fs.predNode[v]
		switch a := fs.predArc[v]; a {
		case arcUp:
			delta = min(delta, int64(fs.x[u]-nw.lo[u]))
		case arcDown:
			delta = min(delta, int64(nw.hi[v]-fs.x[v]))
		default:
			delta = 1
		}
		v = u
	}
	delta = min(delta, fs.e[v])
	fs.e[v] -= delta
	fs.e[t] += delta
	if fs.e[v] == 0 {
		// v leaves the excess list; the order of the list does not matter
		// to the search, which settles every source at distance 0.
		i := slices.Index(fs.excess, v)
		fs.excess[i] = fs.excess[len(fs.excess)-1]
		fs.excess = fs.excess[:len(fs.excess)-1]
	}
	v = t
	for fs.predNode[v] >= 0 {
		u := fs.predNode[v]
		switch a := fs.predArc[v]; a {
		case arcUp:
			fs.x[u] -= int32(delta)
			fs.treeKeys(u)
		case arcDown:
			fs.x[v] += int32(delta)
			fs.treeKeys(v)
		default:
			t := fs.heap[fs.heapBase[a]].entry
			fs.move(nw.itemOfEntry(t), t)
		}
		v = u
	}
}

// treeKeys sets the keys of the two tree arcs of node v > 0 from its
// flow: the arc up to its parent has room when x > lo, the arc down from
// its parent when x < hi.
func (fs *flowState) treeKeys(v int32) {
	nw := fs.nw
	up, down := int64(math.MaxInt64), int64(math.MaxInt64)
	if fs.x[v] > nw.lo[v] {
		up = 0
	}
	if fs.x[v] < nw.hi[v] {
		down = 0
	}
	fs.arcKey[nw.arcStart[v]] = up
	fs.arcKey[nw.downArc[v]] = down
}

// move moves item i to the node of its entry t, from the node it is at.
func (fs *flowState) move(i, t int32) {
	nw := fs.nw
	first, last := nw.itemStart[i], nw.itemStart[i+1]
	from := nw.itemNode[first+fs.at[i]]
	for j := first; j < last; j++ {
		if fs.pos[j] >= 0 {
			fs.heapRemove(nw.heap(from, nw.itemNode[j]), j)
		}
	}
	fs.at[i] = t - first
	wt, to := fs.bestW(t), nw.itemNode[t]
	for j := first; j < last; j++ {
		if j != t && fs.bestPair[j] >= 0 {
			fs.heapPush(nw.heap(to, nw.itemNode[j]), j, wt-fs.bestW(j))
		}
	}
}

// solution reads the assignment and prices off the final state.
func (fs *flowState) solution(augments int) *flowSolution {
	nw := fs.nw
	n := len(fs.at)
	sol := &flowSolution{pair: make([]int32, n), price: make([]int64, nw.nNodes-1), augments: augments}
	for i := 0; i < n; i++ {
		k := fs.bestPair[nw.itemStart[i]+fs.at[i]]
		sol.pair[i] = k
		sol.objective += fs.w[k]
	}
	for v := 1; v < nw.nNodes; v++ {
		sol.price[v-1] = fs.pot[v] - fs.pot[nw.parent[v]]
	}
	return sol
}

// Exchange heaps: binary min-heaps of items ordered by (key, item). An
// element carries its key so that sifting reads only the heap.

// heapEntry is an item in an exchange heap: its key, W(i,from) - W(i,to),
// the cost of moving item i from the heap's from-node to its to-node, and
// entry, the item's entry for the to-node. The key is split in two halves
// so that an element takes 12 bytes rather than 16. An item has one entry
// per node and entries are numbered in item order, so within one heap the
// order of entries is the order of items.
type heapEntry struct {
	keyHi int32
	keyLo uint32
	entry int32
}

func newHeapEntry(key int64, entry int32) heapEntry {
	return heapEntry{keyHi: int32(key >> 32), keyLo: uint32(key), entry: entry}
}

func (a heapEntry) key() int64 { return int64(a.keyHi)<<32 | int64(a.keyLo) }

func (a heapEntry) less(b heapEntry) bool {
	if a.keyHi != b.keyHi {
		return a.keyHi < b.keyHi
	}
	if a.keyLo != b.keyLo {
		return a.keyLo < b.keyLo
	}
	return a.entry < b.entry
}

// heapPush adds the item whose entry for the heap's to-node is j to heap
// h with the given key.
func (fs *flowState) heapPush(h, j int32, key int64) {
	n := fs.heapLen[h]
	if n == fs.heapCap[h] {
		// Move the heap to the end of the storage, with half again the
		// room.
		c := max(n+n/2, 4)
		base := int32(len(fs.heap))
		fs.heap = slices.Grow(fs.heap, int(c))[:base+c]
		copy(fs.heap[base:], fs.heap[fs.heapBase[h]:fs.heapBase[h]+n])
		fs.heapBase[h], fs.heapCap[h] = base, c
	}
	fs.heapLen[h] = n + 1
	base := fs.heapBase[h]
	fs.siftUp(fs.heap[base:base+n+1], n, newHeapEntry(key, j))
	fs.arcKey[fs.nw.heapArc[h]] = fs.heap[base].key()
}

// heapRemove removes the item whose entry is j from heap h.
func (fs *flowState) heapRemove(h, j int32) {
	base := fs.heapBase[h]
	pos := fs.pos[j]
	last := fs.heapLen[h] - 1
	fs.heapLen[h] = last
	fs.pos[j] = -1
	if pos != last {
		hp := fs.heap[base : base+last]
		moved := fs.heap[base+last]
		if pos > 0 && moved.less(hp[(pos-1)/2]) {
			fs.siftUp(hp, pos, moved)
		} else {
			fs.siftDown(hp, pos, moved)
		}
	}
	if last == 0 {
		fs.arcKey[fs.nw.heapArc[h]] = math.MaxInt64
	} else {
		fs.arcKey[fs.nw.heapArc[h]] = fs.heap[base].key()
	}
}

// siftUp places x at position pos of hp and moves it up.
func (fs *flowState) siftUp(hp []heapEntry, pos int32, x heapEntry) {
	for pos > 0 {
		par := (pos - 1) / 2
		if !x.less(hp[par]) {
			break
		}
		hp[pos] = hp[par]
		fs.pos[hp[pos].entry] = pos
		pos = par
	}
	hp[pos] = x
	fs.pos[x.entry] = pos
}

// siftDown places x at position pos of hp and moves it down.
func (fs *flowState) siftDown(hp []heapEntry, pos int32, x heapEntry) {
	n := int32(len(hp))
	for {
		c := 2*pos + 1
		if c >= n {
			break
		}
		if c+1 < n && hp[c+1].less(hp[c]) {
			c++
		}
		if !hp[c].less(x) {
			break
		}
		hp[pos] = hp[c]
		fs.pos[hp[pos].entry] = pos
		pos = c
	}
	hp[pos] = x
	fs.pos[x.entry] = pos
}

// queued is an entry of Dijkstra's queue: node v with distance d. The
// queue is a binary min-heap of entries ordered by (d, v).
type queued struct {
	d int64
	v int32
}

func (a queued) less(b queued) bool { return a.d < b.d || (a.d == b.d && a.v < b.v) }

// pushQueue adds x to the queue q.
func pushQueue(q []queued, x queued) []queued {
	q = append(q, x)
	i := len(q) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !x.less(q[p]) {
			break
		}
		q[i] = q[p]
		i = p
	}
	q[i] = x
	return q
}

// popQueue removes the least entry of the nonempty queue q.
func popQueue(q []queued) []queued {
	last := len(q) - 1
	x := q[last]
	q = q[:last]
	i := 0
	for {
		c := 2*i + 1
		if c >= last {
			break
		}
		if c+1 < last && q[c+1].less(q[c]) {
			c++
		}
		if !q[c].less(x) {
			break
		}
		q[i] = q[c]
		i = c
	}
	if last > 0 {
		q[i] = x
	}
	return q
}
