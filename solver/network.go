package solver

import (
	"fmt"
	"math"
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
// nodes. Node 0 is the root and node b+1 is Bounds[b]. An item sits at a
// node; moving it from node v to node u pushes one unit from u to v, so the
// residual exchange arc u->v costs W(i,v) - W(i,u), where W(i,v) is the
// item's best weight among its pairs whose leaf is v. Exchange arcs with the
// same ends are kept in one heap of items (see flow.go).
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

	pairNode []int32 // node of each model pair

	// Distinct nodes of each item's enabled pairs, in order of first pair:
	// the nodes of item i are itemNode[itemStart[i]:itemStart[i+1]].
	itemStart []int32
	itemNode  []int32

	// Slots: item i with d distinct nodes has d*(d-1) slots, one per
	// ordered pair (x, y) of its local node indices, x != y, numbered
	// slotStart[i] + x*(d-1) + y - [y > x]. The slot is a member of heap
	// slotHeap[s] when the item sits at its x-th node.
	slotStart []int32
	slotHeap  []int32
	slotItem  []int32

	// Heap h holds the items at node heapFrom[h] that may move to node
	// heapTo[h]; its storage is heapStart[h]..heapStart[h+1]-1 of a solve's
	// heap array. Heaps are numbered by to-node: those with heapTo == u,
	// the exchange arcs leaving u, are outStart[u]..outStart[u+1]-1.
	// heapTo is needed only while the network is built.
	heapFrom, heapTo []int32
	heapStart        []int32
	outStart         []int32
}

// newNetwork builds the contracted network of m. It fails with an error
// wrapping ErrNotLaminar when m has rows or an agent's bound sets overlap
// without nesting. It takes time linear in the number of pairs and bounds
// plus the number of slots, about d*(d-1) per item with d distinct nodes.
func newNetwork(m *model) (*network, error) {
	if !m.laminar {
		return nil, m.notLaminar
	}
	p := m.p
	n := len(p.Items)
	if len(m.agent) >= math.MaxInt32/2 || len(p.Bounds) >= math.MaxInt32/2 {
		return nil, fmt.Errorf("%w: %d pairs and %d bounds exceed the network's int32 indices", ErrNotLaminar, len(m.agent), len(p.Bounds))
	}
	nNodes := len(p.Bounds) + 1
	nw := &network{
		m:      m,
		nNodes: nNodes,
		parent: make([]int32, nNodes),
		lo:     make([]int32, nNodes),
		hi:     make([]int32, nNodes),
	}
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
	nw.child = csrBy(nNodes, nNodes-1, func(x int) int { return int(nw.parent[x+1]) })
	for k := range nw.child.list {
		nw.child.list[k]++
	}
	nw.order = append(make([]int32, 0, nNodes), 0)
	for q := 0; q < len(nw.order); q++ {
		v := nw.order[q]
		nw.order = append(nw.order, nw.child.list[nw.child.start[v]:nw.child.start[v+1]]...)
	}

	nw.pairNode = make([]int32, len(m.agent))
	for k, l := range m.leaf {
		nw.pairNode[k] = l + 1
	}

	// Distinct nodes per item, and slots.
	nw.itemStart = make([]int32, n+1)
	nw.slotStart = make([]int32, n+1)
	nw.itemNode = make([]int32, 0, len(m.agent))
	nSlots := 0
	for i := 0; i < n; i++ {
		nw.itemStart[i] = int32(len(nw.itemNode))
		nw.slotStart[i] = int32(nSlots)
		first := len(nw.itemNode)
	pairs:
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if m.w[k] == disabledPair {
				continue
			}
			v := nw.pairNode[k]
			for _, u := range nw.itemNode[first:] {
				if u == v {
					continue pairs
				}
			}
			nw.itemNode = append(nw.itemNode, v)
		}
		d := len(nw.itemNode) - first
		nSlots += d * (d - 1)
	}
	nw.itemStart[n] = int32(len(nw.itemNode))
	nw.slotStart[n] = int32(nSlots)
	if nSlots >= math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d exchange slots exceed the network's int32 indices", ErrNotLaminar, nSlots)
	}

	// Heaps: visit the item-node entries grouped by node; the entries at
	// from-node v give v's slots, and the distinct to-nodes of those slots
	// are numbered as v's heaps.
	nw.slotItem = make([]int32, nSlots)
	entryItem := make([]int32, len(nw.itemNode))
	for i := 0; i < n; i++ {
		for j := nw.itemStart[i]; j < nw.itemStart[i+1]; j++ {
			entryItem[j] = int32(i)
		}
		for s := nw.slotStart[i]; s < nw.slotStart[i+1]; s++ {
			nw.slotItem[s] = int32(i)
		}
	}
	byNode := csrBy(nNodes, len(nw.itemNode), func(j int) int { return int(nw.itemNode[j]) })
	nw.slotHeap = make([]int32, nSlots)
	heapOf := make([]int32, nNodes) // heap of (current from-node, to-node)
	stamp := make([]int32, nNodes)  // from-node+1 for which heapOf is valid
	var heapSize []int32
	for v := 0; v < nNodes; v++ {
		for _, j := range byNode.list[byNode.start[v]:byNode.start[v+1]] {
			i := entryItem[j]
			first, d := nw.itemStart[i], nw.itemStart[i+1]-nw.itemStart[i]
			x := j - first
			s := nw.slotStart[i] + x*(d-1) // slot (x, y) for each y != x, in order
			for y := int32(0); y < d; y++ {
				if y == x {
					continue
				}
				u := nw.itemNode[first+y]
				if stamp[u] != int32(v+1) {
					stamp[u] = int32(v + 1)
					heapOf[u] = int32(len(nw.heapFrom))
					nw.heapFrom = append(nw.heapFrom, int32(v))
					nw.heapTo = append(nw.heapTo, u)
					heapSize = append(heapSize, 0)
				}
				h := heapOf[u]
				nw.slotHeap[s] = h
				heapSize[h]++
				s++
			}
		}
	}
	// Renumber the heaps by to-node (stable), so that the exchange arcs
	// leaving node u are the heaps outStart[u] .. outStart[u+1]-1.
	nHeaps := len(nw.heapFrom)
	byTo := csrBy(nNodes, nHeaps, func(h int) int { return int(nw.heapTo[h]) })
	nw.outStart = byTo.start
	renum := make([]int32, nHeaps)
	from := make([]int32, nHeaps)
	size := make([]int32, nHeaps)
	for h, old := range byTo.list {
		renum[old] = int32(h)
		from[h] = nw.heapFrom[old]
		size[h] = heapSize[old]
	}
	nw.heapFrom = from
	nw.heapTo = nil
	for s, h := range nw.slotHeap {
		nw.slotHeap[s] = renum[h]
	}
	nw.heapStart = make([]int32, nHeaps+1)
	for h := 0; h < nHeaps; h++ {
		nw.heapStart[h+1] = nw.heapStart[h] + size[h]
	}
	return nw, nil
}
