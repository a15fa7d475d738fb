package solver

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestNewModelErrors(t *testing.T) {
	one := []Item{{Options: []Option{{Agent: 0, Weight: 1}}}}
	tests := []struct {
		name   string
		reason string
		p      Problem
		s      *Settings
		field  string
	}{
		{
			name:   "negative resolution",
			reason: "the weight unit must be positive",
			p:      Problem{Agents: []string{"A"}, Items: one},
			s:      &Settings{Resolution: -1e-6},
			field:  "Settings.Resolution",
		},
		{
			name:   "NaN resolution",
			reason: "the weight unit must be a number",
			p:      Problem{Agents: []string{"A"}, Items: one},
			s:      &Settings{Resolution: math.NaN()},
			field:  "Settings.Resolution",
		},
		{
			name:   "infinite resolution",
			reason: "every weight would round to zero",
			p:      Problem{Agents: []string{"A"}, Items: one},
			s:      &Settings{Resolution: math.Inf(1)},
			field:  "Settings.Resolution",
		},
		{
			name:   "weight beyond 2^53 units",
			reason: "1e8 / 1e-9 = 1e17 > 2^53",
			p: Problem{Agents: []string{"A", "B"}, Items: []Item{
				{Options: []Option{{Agent: 0, Weight: 1}}},
				{Options: []Option{{Agent: 0, Weight: 1}, {Agent: 1, Weight: -1e8}}},
			}},
			field: "Items[1].Options[1].Weight",
		},
		{
			name:   "total beyond 2^60 units",
			reason: "2^53 units times (126 items + 2) = 2^60 is the limit; 127 items exceed it",
			p:      Problem{Agents: []string{"A"}, Items: manyItems(127, 0x1p53)},
			s:      &Settings{Resolution: 1},
			field:  "Items[0].Options[0].Weight",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			_, err := newModel(&tt.p, tt.s)
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("newModel error = %v, want a *ProblemError (%s)", err, tt.reason)
			}
			if pe.Field != tt.field {
				t.Errorf("newModel error field = %q, want %q (%s)", pe.Field, tt.field, tt.reason)
			}
			if _, err := Solve(context.Background(), &tt.p, tt.s); !errors.Is(err, ErrInvalid) {
				t.Errorf("Solve error = %v, want ErrInvalid", err)
			}
		})
	}
}

// manyItems returns n items with one option each, of agent 0 and weight w.
func manyItems(n int, w float64) []Item {
	its := make([]Item, n)
	for i := range its {
		its[i].Options = []Option{{Agent: 0, Weight: w}}
	}
	return its
}

func TestNewModelLimits(t *testing.T) {
	// The largest accepted problem of this shape: 2^53 units in each of 126
	// items, (126 + 2) * 2^53 = 2^60; the flow must still be exact.
	p := &Problem{Agents: []string{"A"}, Items: manyItems(126, 0x1p53)}
	res, err := Solve(context.Background(), p, &Settings{Resolution: 1})
	if err != nil {
		t.Fatalf("Solve at the limit: %v", err)
	}
	if want := int64(126) << 53; res.Certificate.Objective != want {
		t.Errorf("scaled objective = %d, want %d", res.Certificate.Objective, want)
	}
}

func TestNewModelLocksAndVetoes(t *testing.T) {
	p := &Problem{
		Agents: []string{"A", "B", "C"},
		Items: []Item{
			{Options: []Option{{0, 1}, {1, 2}, {2, 3}}},
			{Options: []Option{{0, 1}, {1, 2}}},
			{Options: []Option{{0, 1.5}, {2, -0.25}}},
		},
		Locks:  []Pair{{Item: 0, Agent: 1}, {Item: 2, Agent: 1}},
		Vetoes: []Pair{{Item: 1, Agent: 1}},
	}
	m, err := newModel(p, &Settings{Resolution: 0.25})
	if err != nil {
		t.Fatal(err)
	}
	const x = disabledPair
	want := []int64{x, 8, x, 4, x, x, x}
	if diff := cmp.Diff(want, m.w); diff != "" {
		t.Errorf("scaled weights (-want +got):\n%s\nlock 0->B keeps one pair; veto 1-B; lock 2->B (not an option) disables all", diff)
	}
}

func TestBuildForest(t *testing.T) {
	groups := []Group{
		{Name: "g0", Items: []int{0, 1, 2, 3}},
		{Name: "g1", Items: []int{0, 1}},
		{Name: "g2", Items: []int{2, 3}},
		{Name: "g3", Items: []int{1, 2}},
		{Name: "g4", Items: []int{4}},
	}
	all := func(n int) []Item {
		its := make([]Item, n)
		for i := range its {
			its[i].Options = []Option{{Agent: 0, Weight: 1}, {Agent: 1, Weight: 1}}
		}
		return its
	}
	tests := []struct {
		name    string
		reason  string
		items   []Item
		bounds  []Bound
		laminar bool
		parent  []int32
	}{
		{
			name:    "nested and disjoint",
			reason:  "g1 and g2 nest in g0, which nests in all items",
			items:   all(5),
			bounds:  []Bound{{Group: 1}, {Group: AllItems}, {Group: 0}, {Group: 2}},
			laminar: true,
			parent:  []int32{2, -1, 1, 2},
		},
		{
			name:    "equal sets nest by index",
			reason:  "two bounds on g0 and one on all items of the same four eligible items",
			items:   append(all(4), Item{Options: []Option{{Agent: 1, Weight: 1}}}),
			bounds:  []Bound{{Group: 0}, {Group: AllItems}, {Group: 0}},
			laminar: true,
			parent:  []int32{-1, 0, 1},
		},
		{
			name:    "overlap",
			reason:  "g1 and g3 share item 1 but neither holds the other",
			items:   all(5),
			bounds:  []Bound{{Group: 1}, {Group: 3}},
			laminar: false,
		},
		{
			name:    "overlap of another agent",
			reason:  "agent 1's bound on g3 does not interact with agent 0's on g1",
			items:   all(5),
			bounds:  []Bound{{Group: 1}, {Agent: 1, Group: 3}},
			laminar: true,
			parent:  []int32{-1, -1},
		},
		{
			name:   "overlap outside eligibility",
			reason: "agent 0 may take only items 0 and 3, so g1 and g3 restrict to {0} and {}",
			items: []Item{
				{Options: []Option{{Agent: 0, Weight: 1}}},
				{Options: []Option{{Agent: 1, Weight: 1}}},
				{Options: []Option{{Agent: 1, Weight: 1}}},
				{Options: []Option{{Agent: 0, Weight: 1}}},
				{Options: []Option{{Agent: 1, Weight: 1}}},
			},
			bounds:  []Bound{{Group: 1}, {Group: 3}, {Group: 0}},
			laminar: true,
			parent:  []int32{2, -1, -1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Problem{Agents: []string{"A", "B"}, Items: tt.items, Groups: groups, Bounds: tt.bounds}
			for b := range p.Bounds {
				p.Bounds[b].Max = Unlimited
			}
			if err := p.Validate(); err != nil {
				t.Fatal(err)
			}
			m, err := newModel(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if m.laminar != tt.laminar {
				t.Fatalf("laminar = %v, want %v (%s); reason: %v", m.laminar, tt.laminar, tt.reason, m.notLaminar)
			}
			if !tt.laminar {
				if !errors.Is(m.notLaminar, ErrNotLaminar) {
					t.Errorf("notLaminar = %v, want ErrNotLaminar", m.notLaminar)
				}
				if _, err := newNetwork(m); !errors.Is(err, ErrNotLaminar) {
					t.Errorf("newNetwork error = %v, want ErrNotLaminar", err)
				}
				if _, err := Solve(context.Background(), p, &Settings{Method: Flow}); !errors.Is(err, ErrNotLaminar) {
					t.Errorf("Solve with Method Flow: error = %v, want ErrNotLaminar", err)
				}
				return
			}
			if diff := cmp.Diff(tt.parent, m.parent); diff != "" {
				t.Errorf("parents (-want +got), %s:\n%s", tt.reason, diff)
			}
		})
	}
}

// TestForestIsLaminar checks the forest on random problems: whenever newModel
// says laminar, each bound's eligible set lies inside its parent's and the
// leaf of each pair is the deepest bound holding it; whenever it says not,
// two bounds of one agent overlap without nesting.
func TestForestIsLaminar(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(t, "n")
		p := &Problem{Agents: []string{"A", "B"}}
		for i := 0; i < n; i++ {
			var it Item
			for a := 0; a < 2; a++ {
				if rapid.Bool().Draw(t, "eligible") {
					it.Options = append(it.Options, Option{Agent: a, Weight: 1})
				}
			}
			p.Items = append(p.Items, it)
		}
		for range rapid.IntRange(0, 4).Draw(t, "nGroups") {
			var g Group
			for i := 0; i < n; i++ {
				if rapid.Bool().Draw(t, "member") {
					g.Items = append(g.Items, i)
				}
			}
			p.Groups = append(p.Groups, g)
		}
		for range rapid.IntRange(0, 5).Draw(t, "nBounds") {
			p.Bounds = append(p.Bounds, Bound{
				Agent: rapid.IntRange(0, 1).Draw(t, "agent"),
				Group: rapid.IntRange(-1, len(p.Groups)-1).Draw(t, "group"),
				Max:   Unlimited,
			})
		}
		m, err := newModel(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		sets := make([]map[int]bool, len(p.Bounds))
		for b, bd := range p.Bounds {
			sets[b] = map[int]bool{}
			for i := range p.Items {
				if k := m.pair(i, bd.Agent); k >= 0 && inGroup(p, bd.Group, i) {
					sets[b][i] = true
				}
			}
		}
		subset := func(x, y map[int]bool) bool {
			for i := range x {
				if !y[i] {
					return false
				}
			}
			return true
		}
		overlap := false
		for b := range p.Bounds {
			for c := range p.Bounds {
				if p.Bounds[b].Agent != p.Bounds[c].Agent || b == c {
					continue
				}
				meet := false
				for i := range sets[b] {
					meet = meet || sets[c][i]
				}
				if meet && !subset(sets[b], sets[c]) && !subset(sets[c], sets[b]) {
					overlap = true
				}
			}
		}
		if m.laminar == overlap {
			t.Fatalf("laminar = %v, but overlap = %v", m.laminar, overlap)
		}
		if !m.laminar {
			return
		}
		for b, par := range m.parent {
			if par >= 0 && (p.Bounds[par].Agent != p.Bounds[b].Agent || !subset(sets[b], sets[par])) {
				t.Fatalf("Bounds[%d] has parent %d that does not contain it", b, par)
			}
		}
		for k, leaf := range m.leaf {
			i, a := int(m.itemOf[k]), int(m.agent[k])
			for b, bd := range p.Bounds {
				if bd.Agent == a && sets[b][i] {
					// b holds the pair, so the leaf must be b or below b.
					found := false
					for x := leaf; x >= 0; x = m.parent[x] {
						found = found || int(x) == b
					}
					if !found {
						t.Fatalf("pair %d (item %d, agent %d) has leaf %d outside Bounds[%d] that holds it", k, i, a, leaf, b)
					}
				}
			}
			if leaf >= 0 && !sets[leaf][i] {
				t.Fatalf("pair %d has leaf %d that does not hold item %d", k, leaf, i)
			}
		}
	})
}
