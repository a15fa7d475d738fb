package solver

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// items returns n items named prefix0, prefix1, ... whose options are the
// given agents, all with weight 1.
func items(prefix string, n int, agents ...int) []Item {
	its := make([]Item, n)
	for i := range its {
		its[i].Name = fmt.Sprintf("%s%d", prefix, i)
		for _, a := range agents {
			its[i].Options = append(its[i].Options, Option{Agent: a, Weight: 1})
		}
	}
	return its
}

// upProblem is the example: INC needs 22 and SP 65 of UP's 80 seats.
func upProblem() *Problem {
	g := Group{Name: "UP"}
	for i := range 80 {
		g.Items = append(g.Items, i)
	}
	return &Problem{
		Items:  items("up", 80, 0, 1, 2),
		Agents: []string{"INC", "SP", "RLD"},
		Groups: []Group{g},
		Bounds: []Bound{
			{Agent: 0, Group: 0, Min: 22, Max: Unlimited},
			{Agent: 1, Group: 0, Min: 65, Max: Unlimited},
			{Agent: 2, Group: 0, Min: 0, Max: 3},
		},
	}
}

func TestExplainInfeasible(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		p      *Problem
		want   InfeasibleError
	}{{
		name:   "minimums past a group",
		reason: "the issue's example: the two minimums alone exceed the group's items; RLD's maximum plays no part",
		p:      upProblem(),
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MinKind, 1}},
			Irreducible: true,
			Reason:      "agent INC needs at least 22 and agent SP at least 65 of the 80 items in group UP: 87 > 80",
		},
	}, {
		name:   "national minimums",
		reason: "minimums on all items; a named bound is named in the reason",
		p: &Problem{
			Items:  items("c", 3, 0, 1),
			Agents: []string{"A", "B"},
			Bounds: []Bound{{Name: "A-floor", Agent: 0, Group: AllItems, Min: 2, Max: Unlimited}, {Agent: 1, Group: AllItems, Min: 2, Max: Unlimited}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MinKind, 1}},
			Irreducible: true,
			Reason:      "agent A needs at least 2 (A-floor) and agent B at least 2 of all 3 items: 4 > 3",
		},
	}, {
		name:   "item without options",
		reason: "an item nobody may take",
		p: &Problem{
			Items:  []Item{{Name: "a", Options: []Option{{0, 1}}}, {Name: "b"}},
			Agents: []string{"A"},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{ItemKind, 1}},
			Irreducible: true,
			Reason:      "item b must be assigned, but it has no options",
		},
	}, {
		name:   "every option vetoed",
		reason: "vetoes remove the last eligible agent",
		p: &Problem{
			Items:  []Item{{Name: "a", Options: []Option{{0, 1}, {1, 1}}}},
			Agents: []string{"A", "B"},
			Vetoes: []Pair{{0, 1}, {0, 0}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{ItemKind, 0}, {VetoKind, 0}, {VetoKind, 1}},
			Irreducible: true,
			Reason:      "item a must be assigned, but every option is vetoed: agent A and agent B",
		},
	}, {
		name:   "two locks on one item",
		reason: "locks that collide",
		p: &Problem{
			Items:  items("c", 2, 0, 1),
			Agents: []string{"A", "B"},
			Locks:  []Pair{{0, 0}, {1, 1}, {0, 1}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{LockKind, 0}, {LockKind, 2}},
			Irreducible: true,
			Reason:      "item c0 is locked to agent A and to agent B, but it goes to one agent only: 2 > 1",
		},
	}, {
		name:   "lock on a non-option",
		reason: "a lock to an agent the item does not list",
		p: &Problem{
			Items:  items("c", 2, 0),
			Agents: []string{"A", "B"},
			Locks:  []Pair{{1, 1}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{LockKind, 0}},
			Irreducible: true,
			Reason:      "item c1 is locked to agent B, which is not one of its options",
		},
	}, {
		name:   "lock on a vetoed pair",
		reason: "a lock and a veto on the same pair",
		p: &Problem{
			Items:  items("c", 2, 0, 1),
			Agents: []string{"A", "B"},
			Locks:  []Pair{{1, 1}},
			Vetoes: []Pair{{0, 0}, {1, 1}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{LockKind, 0}, {VetoKind, 1}},
			Irreducible: true,
			Reason:      "item c1 is both locked to and vetoed for agent B",
		},
	}, {
		name:   "maximums leave items untaken",
		reason: "national maximums add up to less than the items",
		p: &Problem{
			Items:  items("c", 3, 0, 1),
			Agents: []string{"A", "B"},
			Bounds: []Bound{{Agent: 0, Group: AllItems, Max: 1}, {Name: "B-cap", Agent: 1, Group: AllItems, Max: 1}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{ItemKind, 0}, {ItemKind, 1}, {ItemKind, 2}, {MaxKind, 0}, {MaxKind, 1}},
			Irreducible: true,
			Reason:      "items c0, c1 and c2 must each be assigned, but agent A may take at most 1 of all items and agent B may take at most 1 of all items (B-cap) (2 in all): 3 > 2",
		},
	}, {
		name:   "Hall deficit",
		reason: "the items of group G can go only to A and B, whose maximums leave one of them untaken; C is eligible only outside G",
		p: &Problem{
			Items:  append(items("g", 3, 0, 1), items("h", 2, 0, 1, 2)...),
			Agents: []string{"A", "B", "C"},
			Groups: []Group{{Name: "G", Items: []int{0, 1, 2}}, {Name: "H", Items: []int{3, 4}}},
			Bounds: []Bound{
				{Agent: 0, Group: 0, Max: 1},
				{Agent: 1, Group: AllItems, Max: 1},
				{Agent: 2, Group: AllItems, Min: 1, Max: Unlimited},
			},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{ItemKind, 0}, {ItemKind, 1}, {ItemKind, 2}, {MaxKind, 0}, {MaxKind, 1}},
			Irreducible: true,
			Reason:      "items g0, g1 and g2 must each be assigned, but agent A may take at most 1 of group G and agent B may take at most 1 of all items (2 in all): 3 > 2",
		},
	}, {
		name:   "minimum against a nested maximum",
		reason: "one agent's state minimum exceeds its national maximum",
		p: &Problem{
			Items:  items("c", 5, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "S", Items: []int{0, 1, 2, 3}}},
			Bounds: []Bound{{Agent: 0, Group: AllItems, Max: 2}, {Agent: 0, Group: 0, Min: 3, Max: Unlimited}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 1}, {MaxKind, 0}},
			Irreducible: true,
			Reason:      "agent A needs at least 3 of group S, but agent A may take at most 2 of all items: 3 > 2",
		},
	}, {
		name:   "lock against a maximum",
		reason: "two locks to an agent whose group maximum is one",
		p: &Problem{
			Items:  items("c", 3, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "S", Items: []int{0, 1}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Max: 1}},
			Locks:  []Pair{{0, 0}, {1, 0}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MaxKind, 0}, {LockKind, 0}, {LockKind, 1}},
			Irreducible: true,
			Reason:      "items c0 and c1 are locked to agent A, but agent A may take at most 1 of group S: 2 > 1",
		},
	}, {
		name:   "minimum against vetoes",
		reason: "a veto leaves fewer eligible items than the minimum",
		p: &Problem{
			Items:  items("c", 3, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "S", Items: []int{0, 1}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Min: 2, Max: Unlimited}},
			Vetoes: []Pair{{2, 0}, {1, 0}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {VetoKind, 1}},
			Irreducible: true,
			Reason:      "agent A needs at least 2 of group S, but agent A may take item c0, since agent A is vetoed for item c1: 2 > 1",
		},
	}, {
		name:   "overlapping bounds",
		reason: "one agent's bounds on overlapping groups; restricted to the items that matter (G1's) they nest, so the flow still gives the arithmetic",
		p: &Problem{
			Items:  items("c", 4, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "G1", Items: []int{0, 1, 2}}, {Name: "G2", Items: []int{1, 2, 3}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Min: 2, Max: Unlimited}, {Agent: 0, Group: 1, Max: 0}, {Agent: 1, Group: AllItems, Max: 3}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MaxKind, 1}},
			Irreducible: true,
			Reason:      "agent A needs at least 2 of group G1, but agent A may take at most 0 of group G2 and agent A may take item c0 (1 in all): 2 > 1",
		},
	}, {
		name:   "crossing minimums",
		reason: "minimums on crossing groups against a national maximum: no laminar network exists, the general oracle decides",
		p: &Problem{
			Items:  items("c", 5, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "G1", Items: []int{0, 1, 2}}, {Name: "G2", Items: []int{2, 3, 4}}},
			Bounds: []Bound{
				{Agent: 0, Group: 0, Min: 2, Max: Unlimited},
				{Agent: 0, Group: 1, Min: 2, Max: Unlimited},
				{Agent: 0, Group: AllItems, Max: 2},
			},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MinKind, 1}, {MaxKind, 2}},
			Irreducible: true,
			Reason:      "agent A may take at most 2 of all items: when agent A needs at least 2 of group G1 and agent A needs at least 2 of group G2, agent A gets at least 3 of all items: 3 > 2",
		},
	}, {
		name:   "row out of reach",
		reason: "a cross-agent row asks for more than the items; it needs the general oracle",
		p: &Problem{
			Items:  items("c", 3, 0, 1, 2),
			Agents: []string{"A", "B", "C"},
			Bounds: []Bound{{Agent: 2, Group: AllItems, Min: 1, Max: Unlimited}},
			Rows: []Row{{Name: "AB", Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}, {Agent: 1, Group: AllItems, Coef: 1}},
				Sense: GreaterEq, RHS: 3}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {RowKind, 0}},
			Irreducible: true,
			Reason:      "row AB (A's items + B's items >= 3) cannot hold: when agent C needs at least 1 of all items, its left-hand side is at most 2: 3 > 2",
		},
	}, {
		name:   "trade row",
		reason: "a trade row with a -1 coefficient against a minimum",
		p: &Problem{
			Items:  items("c", 4, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "S", Items: []int{0, 1}}, {Name: "T", Items: []int{2, 3}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Min: 2, Max: Unlimited}, {Agent: 0, Group: 1, Max: 0}},
			Rows: []Row{{Name: "trade", Terms: []Term{{Agent: 0, Group: 0, Coef: 1}, {Agent: 0, Group: 1, Coef: -1}},
				Sense: LessEq, RHS: 1}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MaxKind, 1}, {RowKind, 0}},
			Irreducible: true,
			Reason:      "row trade (A's items in S - A's items in T <= 1) cannot hold: when agent A needs at least 2 of group S and agent A may take at most 0 of group T, its left-hand side is at least 2: 2 > 1",
		},
	}, {
		name:   "two rows",
		reason: "two rows that only conflict together; the first is the target, the second bounds its range",
		p: &Problem{
			Items:  items("c", 3, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "G", Items: []int{0, 1}}},
			Rows: []Row{
				{Name: "r1", Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}}, Sense: GreaterEq, RHS: 2},
				{Name: "r2", Terms: []Term{{Agent: 0, Group: 0, Coef: 1}}, Sense: LessEq, RHS: 0},
			},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{RowKind, 0}, {RowKind, 1}},
			Irreducible: true,
			Reason:      "row r1 (A's items >= 2) cannot hold: when row r2 (A's items in G <= 0), its left-hand side is at most 1: 2 > 1",
		},
	}, {
		name:   "equal row",
		reason: "a weighted equality no assignment meets exactly",
		p: &Problem{
			Items:  items("c", 2, 0, 1),
			Agents: []string{"A", "B"},
			Rows: []Row{{Name: "w", Pairs: []PairTerm{{Item: 0, Agent: 0, Coef: 2}, {Item: 1, Agent: 0, Coef: 2}},
				Sense: Equal, RHS: 3}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{RowKind, 0}},
			Irreducible: true,
			Reason:      "row w (2 [c0 to A] + 2 [c1 to A] = 3) cannot hold: whatever the assignment, its left-hand side is between 0 and 4 but never exactly 3",
		},
	}, {
		name: "veto that makes bounds nest",
		reason: "with c2 vetoed, A's items in O nest inside S1, so the network puts O's node below S1's and the cut " +
			"names only the two bounds; without the veto A takes c2 and c0 and both bounds hold, so the veto belongs to the conflict",
		p: &Problem{
			Items:  items("c", 4, 0, 1),
			Agents: []string{"A", "B"},
			Groups: []Group{{Name: "O", Items: []int{0, 1, 2}}, {Name: "S1", Items: []int{0, 1, 3}}},
			Bounds: []Bound{
				{Agent: 0, Group: 0, Min: 2, Max: 2},
				{Agent: 0, Group: 1, Min: 0, Max: 1},
			},
			Vetoes: []Pair{{Item: 2, Agent: 0}},
		},
		want: InfeasibleError{
			Conflict:    []Constraint{{MinKind, 0}, {MaxKind, 1}, {VetoKind, 0}},
			Irreducible: true,
			Reason:      "agent A needs at least 2 of group O, but agent A may take at most 1 of group S1, since agent A is vetoed for item c2: 2 > 1",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := explainInfeasible(context.Background(), tt.p, nil)
			if diff := cmp.Diff(tt.want, *got); diff != "" {
				t.Errorf("explainInfeasible mismatch (-want +got):\n%s", diff)
			}
			r, err := Solve(context.Background(), tt.p, nil)
			if !errors.Is(err, ErrInfeasible) || r == nil || r.Status != Infeasible {
				t.Errorf("Solve = %+v, %v; want status Infeasible and ErrInfeasible", r, err)
			}
		})
	}
}

// TestExplainCancelled checks that a done context stops the deletion
// filter: the conflict of the first minimum cut comes back, still a true
// conflict, but not claimed irreducible.
func TestExplainCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got := explainInfeasible(ctx, upProblem(), nil)
	want := InfeasibleError{
		Conflict:    []Constraint{{MinKind, 0}, {MinKind, 1}},
		Irreducible: false,
		Reason:      "agent INC needs at least 22 and agent SP at least 65 of the 80 items in group UP: 87 > 80",
	}
	if diff := cmp.Diff(want, *got); diff != "" {
		t.Errorf("explainInfeasible with a done context mismatch (-want +got):\n%s", diff)
	}
}
