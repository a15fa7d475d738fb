package solver

import (
	"fmt"
	"math"
	"slices"
)

// disabledPair is the scaled weight of a pair that may not be used: vetoed,
// excluded by a lock, or disabled by a branch-and-bound decision.
const disabledPair = math.MinInt64

// Limits of the integer form (see Settings.Resolution and newModel).
const (
	// maxScaledWeight is the largest |w|/Resolution accepted: 2^53, the
	// range in which float64 holds every integer exactly.
	maxScaledWeight = 1 << 53
	// maxScaledTotal bounds (len(Items) + 2*len(Bounds) + 2) * max|W|, so
	// that objectives, node potentials and path lengths stay far from the
	// int64 limits.
	maxScaledTotal = 1 << 60
)

// model is a validated Problem in integer form.
//
// Pair k of item i is Items[i].Options[k-start[i]]; pairs are numbered in
// item order (CSR by item). Locks and vetoes are applied: the weight of a
// pair they forbid is disabledPair. The bound forest and the leaf of every
// pair are computed per agent over the items the agent may take.
type model struct {
	p          *Problem
	resolution float64

	start  []int32 // pairs of item i are start[i] .. start[i+1]-1
	itemOf []int32 // item of each pair
	agent  []int32 // agent of each pair
	w      []int64 // scaled weight of each pair, or disabledPair

	// laminar reports whether every agent's bound sets, restricted to the
	// items the agent may take, form a laminar family; notLaminar explains
	// why not (nil when laminar).
	laminar    bool
	notLaminar error
	// parent is, per bound, the smallest bound of the same agent whose set
	// strictly contains it (equal sets nest by index: the lower index is
	// the ancestor), or -1. A bound whose set is empty has parent -1.
	// Valid only when laminar.
	parent []int32
	// leaf is, per pair, the deepest bound of the pair's agent whose set
	// holds the pair's item, or -1. Valid only when laminar.
	leaf []int32
}

// newModel converts a validated problem to integer form: W = round(w/r) with
// r = s.Resolution (DefaultResolution when zero), locks and vetoes applied,
// and the bound forest built per agent.
//
// The supported range: every weight must satisfy |w|/r <= 2^53, and
// (len(p.Items) + 2*len(p.Bounds) + 2) * max|W| <= 2^60. A weight outside
// it is a *ProblemError naming the option; a resolution that is negative,
// NaN or infinite is a *ProblemError naming Settings.Resolution; 2^31-1 or
// more options in all is a *ProblemError naming Items. Within the
// range every objective, node potential and price the solver computes fits
// in an int64 with room to spare, and an assignment optimal for the scaled
// weights is within len(p.Items)*r of the optimum of the unrounded weights.
//
// newModel takes time O(P + G log G + sum of the group sizes of the bounds),
// where P is the number of options and G the number of bounds.
func newModel(p *Problem, s *Settings) (*model, error) {
	r := DefaultResolution
	if s != nil && s.Resolution != 0 {
		r = s.Resolution
	}
	if !(r > 0) || math.IsInf(r, 0) {
		return nil, perr("Settings.Resolution", "resolution %v is not a positive finite number", r)
	}
	n := len(p.Items)
	nPairs := 0
	for _, it := range p.Items {
		nPairs += len(it.Options)
	}
	if nPairs >= math.MaxInt32 {
		return nil, perr("Items", "%d options in all; the solver indexes at most 2^31-2", nPairs)
	}
	// The int32 arrays of the model, cut from one block.
	block := make([]int32, n+1+3*nPairs+len(p.Bounds))
	take := func(k int) []int32 { x := block[:k:k]; block = block[k:]; return x }
	m := &model{p: p, resolution: r, start: take(n + 1), agent: take(nPairs), itemOf: take(nPairs),
		leaf: take(nPairs), parent: take(len(p.Bounds))}
	m.w = make([]int64, nPairs)
	var maxW int64
	maxI, maxJ := -1, -1
	k := 0 // the pair of Items[i].Options[j]
	for i, it := range p.Items {
		m.start[i] = int32(k)
		for j, o := range it.Options {
			m.agent[k] = int32(o.Agent)
			m.itemOf[k] = int32(i)
			x := o.Weight / r
			if math.Abs(x) > maxScaledWeight {
				return nil, perr(fmt.Sprintf("Items[%d].Options[%d].Weight", i, j),
					"weight %v is %g units of resolution %v, beyond the supported 2^53", o.Weight, math.Abs(x), r)
			}
			m.w[k] = int64(math.Round(x))
			if a := abs64(m.w[k]); a > maxW {
				maxW, maxI, maxJ = a, i, j
			}
			k++
		}
	}
	m.start[n] = int32(k)
	if factor := int64(n) + 2*int64(len(p.Bounds)) + 2; maxW > 0 && maxW > maxScaledTotal/factor {
		return nil, perr(fmt.Sprintf("Items[%d].Options[%d].Weight", maxI, maxJ),
			"weight %v is %d units of resolution %v; with %d items and %d bounds the supported maximum is 2^60/%d = %d units",
			p.Items[maxI].Options[maxJ].Weight, maxW, r, n, len(p.Bounds), factor, int64(maxScaledTotal/factor))
	}
	for _, l := range p.Locks {
		for k := m.start[l.Item]; k < m.start[l.Item+1]; k++ {
			if int(m.agent[k]) != l.Agent {
				m.w[k] = disabledPair
			}
		}
	}
	for _, v := range p.Vetoes {
		if k := m.pair(v.Item, v.Agent); k >= 0 {
			m.w[k] = disabledPair
		}
	}
	m.buildForest()
	return m, nil
}

// pair returns the pair index of (item, agent), or -1 when the agent is not
// an option of the item. It takes time linear in the item's options.
func (m *model) pair(item, agent int) int {
	for k := m.start[item]; k < m.start[item+1]; k++ {
		if int(m.agent[k]) == agent {
			return int(k)
		}
	}
	return -1
}

// buildForest sets laminar, notLaminar, parent and leaf (whose arrays
// newModel allocates).
//
// For each agent it lists the items of each of the agent's bounds once,
// visits the bounds from the largest set to the smallest (ties by bound
// index) and keeps, per item, the last visited bound that holds it. A
// bound's items must then all share that bound, which becomes its parent;
// otherwise two sets overlap without nesting.
func (m *model) buildForest() {
	p := m.p
	n, nAgents := len(p.Items), len(p.Agents)
	m.laminar = len(p.Rows) == 0
	if len(p.Rows) > 0 {
		m.notLaminar = fmt.Errorf("%w: the problem has %d rows", ErrNotLaminar, len(p.Rows))
	}
	// Pairs and bounds grouped by agent (CSR), in index order.
	pairsOf := csrBy(nAgents, m.agent)
	for b, bd := range p.Bounds {
		m.parent[b] = int32(bd.Agent) // the bounds' agents, until the parents are set
	}
	boundsOf := csrBy(nAgents, m.parent)
	nb := len(p.Bounds)
	tmp := make([]int32, 2*n+3*nb)
	pairOf := tmp[:n:n] // pair of (item, current agent), or -1
	for i := range pairOf {
		pairOf[i] = -1
	}
	cur := tmp[n : 2*n : 2*n]                 // last visited bound holding the item
	setStart := tmp[2*n : 2*n+nb : 2*n+nb]    // where each bound's set starts in sets
	size := tmp[2*n+nb : 2*n+2*nb : 2*n+2*nb] // size of each bound's set
	order := tmp[2*n+2*nb : 2*n+2*nb]         // the current agent's bounds
	// sets holds the sets of the current agent's bounds: at most the sizes
	// of their groups, or the agent's pairs for AllItems.
	most := 0
	for a := 0; a < nAgents; a++ {
		t := 0
		for _, b := range boundsOf.list[boundsOf.start[a]:boundsOf.start[a+1]] {
			if g := p.Bounds[b].Group; g == AllItems {
				t += int(pairsOf.start[a+1] - pairsOf.start[a])
			} else {
				t += len(p.Groups[g].Items)
			}
		}
		most = max(most, t)
	}
	sets := make([]int32, 0, most)
	for a := 0; a < nAgents; a++ {
		pairs := pairsOf.list[pairsOf.start[a]:pairsOf.start[a+1]]
		bounds := boundsOf.list[boundsOf.start[a]:boundsOf.start[a+1]]
		for _, k := range pairs {
			if m.w[k] != disabledPair {
				i := int(m.itemOf[k])
				pairOf[i] = k
				cur[i] = -1
			}
		}
		// boundSet appends the items of bound b to set.
		boundSet := func(set []int32, b int32) []int32 {
			g := p.Bounds[b].Group
			if g == AllItems {
				for _, k := range pairs {
					if m.w[k] != disabledPair {
						set = append(set, m.itemOf[k])
					}
				}
				return set
			}
			for _, i := range p.Groups[g].Items {
				if pairOf[i] >= 0 {
					set = append(set, int32(i))
				}
			}
			return set
		}
		order = append(order[:0], bounds...)
		sets = sets[:0]
		for _, b := range order {
			setStart[b] = int32(len(sets))
			sets = boundSet(sets, b)
			size[b] = int32(len(sets)) - setStart[b]
		}
		slices.SortStableFunc(order, func(x, y int32) int { return int(size[y] - size[x]) })
		for _, b := range order {
			s := sets[setStart[b] : setStart[b]+size[b]]
			par := int32(-1)
			if len(s) > 0 {
				par = cur[s[0]]
			}
			for _, i := range s {
				if cur[i] != par && m.laminar {
					m.laminar = false
					other := overlapPartner(s, par, cur[i], boundSet)
					m.notLaminar = fmt.Errorf("%w: Bounds[%d] and Bounds[%d] of agent %s overlap without nesting",
						ErrNotLaminar, min(b, other), max(b, other), agentName(p, a))
				}
				cur[i] = b
			}
			m.parent[b] = par
		}
		for _, k := range pairs {
			if m.w[k] == disabledPair {
				m.leaf[k] = -1
				continue
			}
			i := int(m.itemOf[k])
			m.leaf[k] = cur[i]
			pairOf[i] = -1
		}
	}
}

// overlapPartner returns which of the visited bounds x and y (-1 for none)
// holds some but not all of the items in set: one of them does when the
// items of set do not share their last visited bound. boundSet(dst, b)
// returns the items of bound b appended to dst.
func overlapPartner(set []int32, x, y int32, boundSet func(dst []int32, b int32) []int32) int32 {
	for _, c := range []int32{x, y} {
		if c < 0 {
			continue
		}
		in := make(map[int32]bool)
		for _, i := range boundSet(nil, c) {
			in[i] = true
		}
		for _, i := range set {
			if !in[i] {
				return c
			}
		}
	}
	return max(x, y)
}

// csr lists indices grouped by a key in [0, nKeys), in index order within a
// key: the indices with key c are list[start[c]:start[c+1]].
type csr struct {
	start []int32
	list  []int32
}

// csrBy groups the indices of keys by their key, each in [0, nKeys), with
// a counting sort, in one allocation.
func csrBy(nKeys int, keys []int32) csr {
	block := make([]int32, nKeys+1+len(keys))
	c := csr{start: block[: nKeys+1 : nKeys+1], list: block[nKeys+1:]}
	c.fill(keys)
	return c
}

// fill groups the indices of keys by their key into c, whose start must be
// zero, with len(start) = nKeys+1, and whose list must have len(keys).
func (c csr) fill(keys []int32) {
	nKeys := len(c.start) - 1
	for _, k := range keys {
		c.start[k+1]++
	}
	for k := 0; k < nKeys; k++ {
		c.start[k+1] += c.start[k]
	}
	for x, k := range keys {
		c.list[c.start[k]] = int32(x)
		c.start[k]++
	}
	c.unshift()
}

// unshift restores start after the list was filled by advancing start[k]
// past each index placed under key k, which leaves start[k] equal to the
// original start[k+1].
func (c csr) unshift() {
	copy(c.start[1:], c.start[:len(c.start)-1])
	c.start[0] = 0
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
