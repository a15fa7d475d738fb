package solver

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// TestNetworkHeapsBothWays builds the exchange heaps with the bit matrix
// and with the sorted lists and checks that both give the same heaps, and
// that heap finds every one of them.
func TestNetworkHeapsBothWays(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := laminarProblem(t, 12)
		m, err := newModel(p, &Settings{Resolution: 1})
		if err != nil {
			t.Fatalf("newModel: %v", err)
		}
		nw, err := newNetwork(m)
		if err != nil {
			t.Fatalf("newNetwork: %v", err)
		}
		build := func(matrix bool) *network {
			c := *nw
			c.outStart = make([]int32, nw.nNodes+1)
			c.buildHeaps(matrix, 0, make([]int32, nw.nNodes))
			return &c
		}
		byMatrix, byLists := build(true), build(false)
		if byMatrix.has == nil || byLists.has != nil {
			t.Fatalf("bit matrix kept %v and %v, want true and false", byMatrix.has != nil, byLists.has != nil)
		}
		if diff := cmp.Diff(byLists.heapFrom, byMatrix.heapFrom); diff != "" {
			t.Fatalf("heapFrom differs (-lists +matrix):\n%s", diff)
		}
		if diff := cmp.Diff(byLists.outStart, byMatrix.outStart); diff != "" {
			t.Fatalf("outStart differs (-lists +matrix):\n%s", diff)
		}
		for _, c := range []*network{byMatrix, byLists} {
			for u := int32(0); u < int32(c.nNodes); u++ {
				for h := c.outStart[u]; h < c.outStart[u+1]; h++ {
					if got := c.heap(c.heapFrom[h], u); got != h {
						t.Fatalf("heap(%d, %d) = %d, want %d (matrix %v)", c.heapFrom[h], u, got, h, c.has != nil)
					}
				}
			}
		}
	})
}

// TestNetworkWideUsesLists checks that a network with many more bound
// nodes than entries lists its heaps rather than keeping a bit matrix, and
// still solves to the brute-force optimum.
func TestNetworkWideUsesLists(t *testing.T) {
	p := &Problem{Agents: []string{"a", "b"}}
	for i := range 4 {
		p.Items = append(p.Items, Item{Options: []Option{{Agent: 0, Weight: float64(i)}, {Agent: 1, Weight: float64(3 - i)}}})
		p.Groups = append(p.Groups, Group{Items: []int{i}})
	}
	// 2 x 100 bounds, each agent's on nested copies of the same
	// singleton groups: 201 nodes and 8 entries.
	for a := range 2 {
		for c := range 100 {
			p.Bounds = append(p.Bounds, Bound{Agent: a, Group: c % 4, Max: 1})
		}
	}
	p.Bounds = append(p.Bounds, Bound{Agent: 0, Group: AllItems, Min: 3, Max: Unlimited})
	m, err := newModel(p, &Settings{Resolution: 1})
	if err != nil {
		t.Fatal(err)
	}
	nw, err := newNetwork(m)
	if err != nil {
		t.Fatal(err)
	}
	if nw.has != nil {
		t.Fatalf("bit matrix of %d words kept for %d nodes and %d entries", len(nw.has), nw.nNodes, len(nw.itemNode))
	}
	want, ok := flowBrute(m)
	if !ok {
		t.Fatal("brute force finds no assignment")
	}
	sol, err := nw.solve(t.Context(), slices.Clone(m.w))
	if err != nil {
		t.Fatal(err)
	}
	if sol.objective != want {
		t.Fatalf("objective %d, brute force %d", sol.objective, want)
	}
}
