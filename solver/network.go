package solver

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// unlimitedCap is the capacity of a tree arc whose bound has no maximum. No
// flow reaches it: a tree arc carries at most len(Items) units.
const unlimitedCap = math.MaxInt32

// network is the min-cost-flow form of a laminar model, contracted to the
// root and the bound nodes.
//
// The full network has a root with supply len(Items), one node per bound,
// and one node per item with demand 1. Tree arcs run from a bound's parent
// (or the root) to the bound, with flow between the bound's Min and Max; an
// item receives its unit from the leaf node of the pair it is assigned to,
// at cost -W. The contracted network keeps only the root and the bound
// nodes. Node 0 is the root and node b+1 is Bounds[b]; the node of model
// pair k is m.leaf[k]+1. An item sits at a node; moving it from node v to
// node u pushes one unit from u to v, so the residual exchange arc u->v
// costs W(i,v) - W(i,u), where W(i,v) is the item's best weight among its
// pairs whose leaf is v. Exchange arcs with the same ends are kept in one
// heap of items (see flow.go).
//
// A network holds no state of a solve, so one network serves any number of
// sequential or concurrent solves.
type network struct {
	m      *model
	nNodes int
	parent []int32 // parent node of each node; -1 for the root
	lo, hi []int32 // tree arc bounds into each node; hi is unlimitedCap without a Max
	child  csr     // children of each node
	order  []int32 // nodes with parents before children

	// Distinct nodes of each item's enabled pairs, in order of first pair:
	// the nodes of item i are itemNode[itemStart[i]:itemStart[i+1]]. An
	// index into itemNode is an entry.
	itemStart []int32
	itemNode  []int32
	// pairEntry is the entry of each model pair (the node of its leaf
	// among its item's nodes), or -1 when the model disables the pair.
	pairEntry []int32

	// Heap h holds the items at node heapFrom[h] that may move to node u,
	// for outStart[u] <= h < outStart[u+1]: those are the exchange arcs
	// leaving u, in increasing order of from-node. There is one heap per
	// ordered pair of distinct nodes that some item has both of.
	heapFrom []int32
	outStart []int32
	// When the network is small enough (see buildHeaps), has is a bit
	// matrix with a row of words uint64s per node: bit v of row u is set
	// when there is a heap from v to u. rank[x] is the heap of the first
	// bit set in has[x] or after it in its row, so that heap finds a heap
	// in constant time. Both are nil otherwise.
	has   []uint64
	rank  []int32
	words int

	// The residual arcs out of node u are arcStart[u] <= a < arcStart[u+1]:
	// the tree arc up to u's parent (when u is not the root), the tree
	// arcs down to u's children in child order, then u's exchange arcs in
	// heap order. Arc a leads to node arcHead[a]; arcRef[a] is arcUp,
	// arcDown or the arc's heap. heapArc is the arc of each heap and
	// downArc the arc down into each node but the root (whose arc up is
	// arcStart[v]).
	arcStart []int32
	arcHead  []int32
	arcRef   []int32
	heapArc  []int32
	downArc  []int32
}

// newNetwork builds the contracted network of m. It fails with an error
// wrapping ErrNotLaminar when m has rows or an agent's bound sets overlap
// without nesting. It takes time linear in the number of pairs and bounds
// plus the sum of d*d over the items, where d is the number of distinct
// nodes of an item's enabled pairs, plus the time of buildHeaps beyond
// that.
func newNetwork(m *model) (*network, error) {
	if !m.laminar {
		return nil, m.notLaminar
	}
	p := m.p
	n := len(p.Items)
	if len(m.agent) >= math.MaxInt32/2 || len(p.Bounds) >= math.MaxInt32/2 {
		return nil, fmt.Errorf("%w: %d pairs and %d bounds exceed the network's int32 indices", ErrNotLaminar, len(m.agent), len(p.Bounds))
	}
	nNodes, nPairs := len(p.Bounds)+1, len(m.w)

	// Every int32 array comes from one block; there is at most one entry
	// per pair, and stamp is scratch.
	block := make([]int32, 7*nNodes+1+n+1+2*nPairs+nNodes)
	take := func(k int) []int32 { x := block[:k:k]; block = block[k:]; return x }
	nw := &network{
		m:         m,
		nNodes:    nNodes,
		parent:    take(nNodes),
		lo:        take(nNodes),
		hi:        take(nNodes),
		child:     csr{start: take(nNodes + 1), list: take(nNodes - 1)},
		order:     take(nNodes)[:0],
		itemStart: take(n + 1),
		itemNode:  take(nPairs)[:0],
		pairEntry: take(nPairs),
		outStart:  take(nNodes + 1),
	}
	stamp := take(nNodes)
	nw.parent[0] = -1
	nw.hi[0] = unlimitedCap
	for b, bd := range p.Bounds {
		nw.parent[b+1] = m.parent[b] + 1
		nw.lo[b+1] = int32(min(bd.Min, n+1))
		if bd.Max == Unlimited {
			nw.hi[b+1] = unlimitedCap
		} else {
			nw.hi[b+1] = int32(min(bd.Max, n+1))
		}
	}
	nw.child.fill(nw.parent[1:])
	for k := range nw.child.list {
		nw.child.list[k]++
	}
	nw.order = append(nw.order, 0)
	for q := 0; q < len(nw.order); q++ {
		v := nw.order[q]
		nw.order = append(nw.order, nw.child.list[nw.child.start[v]:nw.child.start[v+1]]...)
	}

	// Distinct nodes per item, in order of first pair: stamp[v]-1 is the
	// latest entry of node v, which belongs to item i when it is at least
	// item i's first entry.
	nSlots := 0
	for i := 0; i < n; i++ {
		first := int32(len(nw.itemNode))
		nw.itemStart[i] = first
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if m.w[k] == disabledPair {
				nw.pairEntry[k] = -1
				continue
			}
			v := m.leaf[k] + 1
			j := stamp[v] - 1
			if j < first {
				j = int32(len(nw.itemNode))
				stamp[v] = j + 1
				nw.itemNode = append(nw.itemNode, v)
			}
			nw.pairEntry[k] = j
		}
		d := len(nw.itemNode) - int(first)
		nSlots += d * (d - 1)
	}
	nw.itemStart[n] = int32(len(nw.itemNode))
	if nSlots >= math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d item moves between node pairs exceed the network's int32 indices", ErrNotLaminar, nSlots)
	}
	entries := len(nw.itemNode)

	words := (nNodes + 63) / 64
	nw.buildHeaps(nNodes*words <= entries+nNodes, min(nSlots, entries), stamp)

	nHeaps := len(nw.heapFrom)
	nArcs := 2*(nNodes-1) + nHeaps
	block = make([]int32, nNodes+1+2*nArcs+nHeaps+nNodes)
	nw.arcStart, nw.arcHead, nw.arcRef = take(nNodes+1), take(nArcs), take(nArcs)
	nw.heapArc, nw.downArc = take(nHeaps), take(nNodes)
	a := int32(0)
	for u := int32(0); u < int32(nNodes); u++ {
		nw.arcStart[u] = a
		if u > 0 {
			nw.arcHead[a], nw.arcRef[a] = nw.parent[u], arcUp
			a++
		}
		for _, v := range nw.child.list[nw.child.start[u]:nw.child.start[u+1]] {
			nw.arcHead[a], nw.arcRef[a] = v, arcDown
			nw.downArc[v] = a
			a++
		}
		for h := nw.outStart[u]; h < nw.outStart[u+1]; h++ {
			nw.arcHead[a], nw.arcRef[a] = nw.heapFrom[h], h
			nw.heapArc[h] = a
			a++
		}
	}
	nw.arcStart[nNodes] = a
	return nw, nil
}

// buildHeaps sets heapFrom and outStart: one heap per ordered pair of
// distinct nodes that some item has both of. With matrix set (newNetwork
// sets it when the bit matrix takes no more words than there are entries
// and nodes) it marks the pairs in the bit matrix has, whose rows list
// them in order, and keeps the matrix for heap; otherwise it lists the
// items of each node u and collects and sorts the distinct other nodes of
// those items. Either way it takes time linear in the sum of d*d over the
// items, for d nodes of an item, plus the size of the matrix or the sorting.
// capHint is the capacity to give the listed heapFrom; stamp is scratch,
// one entry per node.
func (nw *network) buildHeaps(matrix bool, capHint int, stamp []int32) {
	nNodes := nw.nNodes
	if !matrix {
		nw.heapFrom = make([]int32, 0, capHint)
		nw.has, nw.rank, nw.words = nil, nil, 0
		itemsAt := itemsByNode(nw.itemStart, nw.itemNode, nNodes)
		clear(stamp)
		for u := int32(0); u < int32(nNodes); u++ {
			for _, i := range itemsAt.list[itemsAt.start[u]:itemsAt.start[u+1]] {
				for _, v := range nw.itemNode[nw.itemStart[i]:nw.itemStart[i+1]] {
					if v != u && stamp[v] != u+1 {
						stamp[v] = u + 1
						nw.heapFrom = append(nw.heapFrom, v)
					}
				}
			}
			nw.outStart[u+1] = int32(len(nw.heapFrom))
			slices.Sort(nw.heapFrom[nw.outStart[u]:])
		}
		return
	}
	words := (nNodes + 63) / 64
	nw.words = words
	nw.has = make([]uint64, nNodes*words)
	nw.rank = make([]int32, nNodes*words)
	for i := 0; i+1 < len(nw.itemStart); i++ {
		nodes := nw.itemNode[nw.itemStart[i]:nw.itemStart[i+1]]
		if len(nodes) < 2 {
			continue
		}
		for _, u := range nodes {
			row := nw.has[int(u)*words : int(u+1)*words]
			for _, v := range nodes {
				row[v>>6] |= 1 << (v & 63)
			}
			row[u>>6] &^= 1 << (u & 63)
		}
	}
	nHeaps := 0
	for _, w := range nw.has {
		nHeaps += bits.OnesCount64(w)
	}
	nw.heapFrom = make([]int32, 0, nHeaps)
	for x, w := range nw.has {
		nw.rank[x] = int32(len(nw.heapFrom))
		for ; w != 0; w &= w - 1 {
			nw.heapFrom = append(nw.heapFrom, int32(x%words*64+bits.TrailingZeros64(w)))
		}
		if x%words == words-1 {
			nw.outStart[x/words+1] = int32(len(nw.heapFrom))
		}
	}
}

// heap returns the heap of items at node from that may move to node to.
// The pair must have a heap. It takes constant time with the bit matrix
// (see buildHeaps), else time O(log) in the number of heaps into to.
func (nw *network) heap(from, to int32) int32 {
	if nw.has != nil {
		x := int(to)*nw.words + int(from>>6)
		return nw.rank[x] + int32(bits.OnesCount64(nw.has[x]&(1<<(from&63)-1)))
	}
	lo, hi := nw.outStart[to], nw.outStart[to+1]
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		if nw.heapFrom[mid] < from {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// itemOfEntry returns the item of entry j. It takes time O(log n) for n
// items.
func (nw *network) itemOfEntry(j int32) int32 {
	// The last item whose entries start at or before j.
	lo, hi := 0, len(nw.itemStart)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if nw.itemStart[mid] <= j {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int32(lo - 1)
}

// itemsByNode lists the items of each node: those whose nodes
// itemNode[itemStart[i]:itemStart[i+1]] include it, in increasing order.
func itemsByNode(itemStart, itemNode []int32, nNodes int) csr {
	block := make([]int32, nNodes+1+len(itemNode))
	c := csr{start: block[:nNodes+1], list: block[nNodes+1:]}
	for _, v := range itemNode {
		c.start[v+1]++
	}
	for v := 0; v < nNodes; v++ {
		c.start[v+1] += c.start[v]
	}
	for i := 0; i+1 < len(itemStart); i++ {
		for _, v := range itemNode[itemStart[i]:itemStart[i+1]] {
			c.list[c.start[v]] = int32(i)
			c.start[v]++
		}
	}
	c.unshift()
	return c
}
