package solver

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// rowProblem has two items and a row that lets A take one of them:
// c0 weighs 3 for A and 1 for B, c1 weighs 3 for A and 2 for B. The
// optimum gives c0 to A and c1 to B: 5.
func rowProblem() *Problem {
	return &Problem{
		Items: []Item{
			{Name: "c0", Options: []Option{{0, 3}, {1, 1}}},
			{Name: "c1", Options: []Option{{0, 3}, {1, 2}}},
		},
		Agents: []string{"A", "B"},
		Rows:   []Row{{Name: "A1", Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}}, Sense: LessEq, RHS: 1}},
	}
}

// rowResult is the optimum of rowProblem with a hand-made proof: one leaf,
// row price 1 (in units of Resolution 1): L = max(3-1, 1) + max(3-1, 2) + 1
// = 5.
func rowResult() *Result {
	return optimalResult([]int{0, 1}, 5, Node{Parent: -1, Leaf: true, BoundPrices: []int64{}, RowPrices: []int64{1}})
}

// optimalResult is an Optimal result at Resolution 1 and Denominator 1
// with assignment x of objective obj and the given certificate tree.
func optimalResult(x []int, obj int64, nodes ...Node) *Result {
	return &Result{
		Status:      Optimal,
		Objective:   float64(obj),
		Assignment:  x,
		Certificate: &Certificate{Resolution: 1, Objective: obj, Denominator: 1, Nodes: nodes},
	}
}

// branchResult proves rowProblem's optimum with a tree that branches on
// (c0, A): the locking leaf needs row price 2/2 (Denominator 2), the
// vetoing leaf none: its bound is 1 + 3 = 4.
func branchResult() *Result {
	r := rowResult()
	r.Certificate.Denominator = 2
	r.Certificate.Nodes = []Node{
		{Parent: -1},
		{Parent: 0, Branch: Pair{0, 0}, Lock: true, Leaf: true, BoundPrices: []int64{}, RowPrices: []int64{2}},
		{Parent: 0, Branch: Pair{0, 0}, Lock: false, Leaf: true, BoundPrices: []int64{}, RowPrices: []int64{0}},
	}
	return r
}

// boundProblem is rowProblem with the row written as a bound.
func boundProblem() *Problem {
	p := rowProblem()
	p.Rows = nil
	p.Bounds = []Bound{{Agent: 0, Group: AllItems, Max: 1}}
	return p
}

func boundResult() *Result {
	r := rowResult()
	r.Certificate.Nodes[0].BoundPrices = []int64{1}
	r.Certificate.Nodes[0].RowPrices = []int64{}
	return r
}

// emptyProblem is rowProblem with c1 locked to A, so c0 must go to B: the
// optimum is 1 + 3 = 4.
func emptyProblem() *Problem {
	p := rowProblem()
	p.Locks = []Pair{{1, 0}}
	return p
}

// emptyResult proves emptyProblem's optimum by branching on (c0, A): the
// locking leaf's region gives A both items, which the row forbids, and is
// marked Empty with row price 1: at zero weights its bound is (0-1) + (0-1)
// + 1 = -1 < 0. The vetoing leaf holds only the optimum: 1 + 3 = 4 < 5.
func emptyResult() *Result {
	return optimalResult([]int{1, 0}, 4,
		Node{Parent: -1},
		Node{Parent: 0, Branch: Pair{0, 0}, Lock: true, Leaf: true, Empty: true, BoundPrices: []int64{}, RowPrices: []int64{1}},
		Node{Parent: 0, Branch: Pair{0, 0}, Lock: false, Leaf: true, BoundPrices: []int64{}, RowPrices: []int64{0}})
}

// infeasibleProblem is emptyProblem with c0 vetoed for B: c0 and c1 must
// both go to A, which the row forbids.
func infeasibleProblem() *Problem {
	p := emptyProblem()
	p.Vetoes = []Pair{{0, 1}}
	return p
}

// infeasibleResult proves infeasibleProblem infeasible by branching on
// (c0, A): the locking leaf is emptied by row price 1 as in emptyResult,
// the vetoing leaf leaves c0 without an agent.
func infeasibleResult() *Result {
	r := emptyResult()
	r.Status, r.Objective, r.Assignment = Infeasible, 0, nil
	r.Certificate.Objective = 0
	r.Certificate.Nodes[2].Empty = true
	return r
}

// splitResult proves rowProblem's optimum with a count split on A's items
// at 1: on the side "at most 1" split price 1 gives max(3-1, 1) +
// max(3-1, 2) + 1 = 5 < 6; the side "at least 2" contradicts the row, and
// row price 1 with split price -1 give (0+1-1) + (0+1-1) - 2 + 1 = -1 < 0 at
// zero weights.
func splitResult() *Result {
	return optimalResult([]int{0, 1}, 5,
		Node{Parent: -1},
		Node{Parent: 0, Split: &Split{Agent: 0, Group: AllItems, At: 1}, Lock: true, Leaf: true, BoundPrices: []int64{}, RowPrices: []int64{0}, SplitPrices: []int64{1}},
		Node{Parent: 0, Split: &Split{Agent: 0, Group: AllItems, At: 1}, Lock: false, Leaf: true, Empty: true, BoundPrices: []int64{}, RowPrices: []int64{1}, SplitPrices: []int64{-1}})
}

// verifyCase is a table case of Verify: a fixture problem and result,
// edited by edit when it is not nil, and the error Verify must return (nil
// when it must accept).
type verifyCase struct {
	name   string
	reason string
	p      *Problem
	r      *Result
	edit   func(p *Problem, r *Result)
	want   *CertificateError
}

func TestVerifyAccepts(t *testing.T) {
	tests := []verifyCase{
		{name: "row price", reason: "one leaf, a LessEq row priced 1", p: rowProblem(), r: rowResult()},
		{name: "branch", reason: "two leaves, Denominator 2", p: rowProblem(), r: branchResult()},
		{name: "fractional price", reason: "price 1/2 on the locking leaf: 2.5 + 2.5 + 0.5 = 5.5 < 6", p: rowProblem(), r: branchResult(),
			edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = 1 }},
		{name: "bound price", reason: "one leaf, a bound priced 1", p: boundProblem(), r: boundResult()},
		{name: "halves", reason: "row coefficients and right-hand side 0.5 need the power-of-two scaling", p: rowProblem(), r: rowResult(),
			edit: func(p *Problem, r *Result) {
				p.Rows[0].Terms[0].Coef, p.Rows[0].RHS = 0.5, 0.5
				r.Certificate.Nodes[0].RowPrices[0] = 2
			}},
		{name: "feasible", reason: "Feasible needs no proof", p: rowProblem(), r: &Result{Status: Feasible, Objective: 4, Assignment: []int{1, 0}}},
		{name: "infeasible", reason: "Verify finds the minimums' conflict with its own max flow", p: upProblem(), r: &Result{Status: Infeasible}},
		{name: "empty leaf", reason: "a leaf whose region is empty (c1 locked to B by the problem and vetoed on the path) proves nothing is missed",
			p: rowProblem(), r: branchResult(),
			edit: func(p *Problem, r *Result) {
				p.Locks = []Pair{{1, 1}}
				r.Assignment = []int{0, 1}
				r.Certificate.Nodes[1].Branch, r.Certificate.Nodes[2].Branch = Pair{1, 1}, Pair{1, 1}
				r.Certificate.Nodes[1].RowPrices[0] = 2
				r.Certificate.Nodes[2].RowPrices[0] = 0
			}},
		{name: "empty leaf by prices", reason: "an Empty leaf's row price proves its region empty whatever the weights", p: emptyProblem(), r: emptyResult()},
		{name: "empty leaf by locks", reason: "an Empty leaf whose region has an item without an allowed agent needs no prices",
			p: emptyProblem(), r: emptyResult(),
			edit: func(p *Problem, r *Result) {
				r.Certificate.Nodes[1].Branch, r.Certificate.Nodes[2].Branch = Pair{1, 1}, Pair{1, 1}
				r.Certificate.Nodes[1].RowPrices[0] = 0
				r.Certificate.Nodes[2].RowPrices[0] = 2 // max(3-2, 1) + (3-2) + 2 = 4 < 5
			}},
		{name: "infeasible with rows", reason: "every leaf of the tree proves its region empty", p: infeasibleProblem(), r: infeasibleResult()},
		{name: "split", reason: "a count split: each side's leaf prices its split", p: rowProblem(), r: splitResult()},
		{name: "split in a group", reason: "the split counts A's items in group g, which holds both items",
			p: rowProblem(), r: splitResult(),
			edit: func(p *Problem, r *Result) {
				p.Groups = []Group{{Name: "g", Items: []int{1, 0}}}
				r.Certificate.Nodes[1].Split.Group, r.Certificate.Nodes[2].Split.Group = 0, 0
			}},
		{name: "infeasible at the root", reason: "one Empty leaf: row price 1 gives (0-1) + (0-1) + 1 = -1 < 0 at zero weights",
			p: infeasibleProblem(), r: infeasibleResult(),
			edit: func(p *Problem, r *Result) {
				r.Certificate.Nodes = []Node{{Parent: -1, Leaf: true, Empty: true, BoundPrices: []int64{}, RowPrices: []int64{1}}}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.edit != nil {
				tt.edit(tt.p, tt.r)
			}
			if err := Verify(tt.p, tt.r); err != nil {
				t.Errorf("Verify = %v, want nil", err)
			}
		})
	}
}

func TestVerifyRejects(t *testing.T) {
	tests := []verifyCase{{
		name: "nil result", reason: "nothing to check",
		p: rowProblem(), r: nil,
		want: &CertificateError{Field: "result", Msg: "is nil"},
	}, {
		name: "invalid problem", reason: "Verify validates the problem first", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { p.Items[0].Options[0].Agent = 7 },
		want: &CertificateError{Field: "problem", Msg: "solver: invalid problem: Items[0].Options[0].Agent: agent 7 out of range [0, 2)"},
	}, {
		name: "unknown with assignment", reason: "Unknown claims no assignment", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Status = Unknown },
		want: &CertificateError{Field: "Assignment", Msg: "status Unknown carries an assignment"},
	}, {
		name: "short assignment", reason: "one agent per item", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Assignment = r.Assignment[:1] },
		want: &CertificateError{Field: "Assignment", Msg: "has 1 entries for 2 items"},
	}, {
		name: "not an option", reason: "the agent must be one of the item's options", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { p.Agents = append(p.Agents, "C"); r.Assignment[1] = 2 },
		want: &CertificateError{Field: "Assignment[1]", Msg: "agent 2 is not an option of item c1"},
	}, {
		name: "objective", reason: "the float objective must be the chosen weights' total", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Objective = 5.5 },
		want: &CertificateError{Field: "Objective", Msg: "5.5, but the chosen weights add up to 5"},
	}, {
		name: "lock", reason: "a lock must hold", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { p.Locks = []Pair{{0, 1}} },
		want: &CertificateError{Field: "Assignment[0]", Msg: "item c0 goes to agent A, but Locks[0] locks it to agent B"},
	}, {
		name: "veto", reason: "a veto must hold", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { p.Vetoes = []Pair{{1, 1}} },
		want: &CertificateError{Field: "Assignment[1]", Msg: "item c1 goes to agent B, which Vetoes[0] forbids"},
	}, {
		name: "bound", reason: "every bound must hold", p: boundProblem(), r: boundResult(),
		edit: func(p *Problem, r *Result) { r.Assignment = []int{0, 0}; r.Objective = 6 },
		want: &CertificateError{Field: "Bounds[0]", Msg: "agent A gets 2 of all items, outside [0, 1]"},
	}, {
		name: "row", reason: "every row must hold", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Assignment = []int{0, 0}; r.Objective = 6 },
		want: &CertificateError{Field: "Rows[0]", Msg: "row A1: left-hand side 2 > right-hand side 1"},
	}, {
		name:   "row exactly",
		reason: "1 + 2^-60 rounds to 1 in float64, but the row is an equality on exact values",
		p: func() *Problem {
			p := rowProblem()
			p.Rows[0] = Row{Name: "eq", Pairs: []PairTerm{{0, 0, 1}, {1, 1, 1.0 / (1 << 60)}}, Sense: Equal, RHS: 1}
			return p
		}(),
		r:    &Result{Status: Feasible, Objective: 5, Assignment: []int{0, 1}},
		want: &CertificateError{Field: "Rows[0]", Msg: "row eq: left-hand side 1.00000000000000000086736173799 != right-hand side 1"},
	}, {
		name: "no certificate", reason: "Optimal needs a proof", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate = nil },
		want: &CertificateError{Field: "Certificate", Msg: "status Optimal without a certificate"},
	}, {
		name: "resolution", reason: "the resolution must be positive", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Resolution = 0 },
		want: &CertificateError{Field: "Certificate.Resolution", Msg: "0 is not a positive finite number"},
	}, {
		name: "denominator", reason: "the denominator must be positive", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Denominator = 0 },
		want: &CertificateError{Field: "Certificate.Denominator", Msg: "0 is not positive"},
	}, {
		name: "scaled objective", reason: "Objective must be the assignment's scaled total", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Objective = 4 },
		want: &CertificateError{Field: "Certificate.Objective", Msg: "4, but the assignment's scaled objective is 5"},
	}, {
		name: "leaf bound", reason: "without the row price the leaf's bound is 3 + 3 = 6, not below 5 + 1", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].RowPrices[0] = 0 },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "leaf bound 6.000 is not below Objective+1 = 6"},
	}, {
		name: "branch leaf bound", reason: "the locking leaf without its price: 3 + 3 = 6", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = 0 },
		want: &CertificateError{Field: "Certificate.Nodes[1]", Msg: "leaf bound 6.000 is not below Objective+1 = 6"},
	}, {
		name: "row price sign", reason: "a LessEq row's price must not be negative", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].RowPrices[0] = -1 },
		want: &CertificateError{Field: "Certificate.Nodes[0].RowPrices[0]", Msg: "price -1 has the wrong sign for a <= row"},
	}, {
		name: "bound price sign", reason: "a positive price needs a maximum", p: boundProblem(), r: boundResult(),
		edit: func(p *Problem, r *Result) { p.Bounds[0].Max = Unlimited; r.Assignment = []int{0, 1} },
		want: &CertificateError{Field: "Certificate.Nodes[0].BoundPrices[0]", Msg: "price 1 > 0 on a bound without maximum"},
	}, {
		name: "price count", reason: "one price per bound", p: boundProblem(), r: boundResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].BoundPrices = nil },
		want: &CertificateError{Field: "Certificate.Nodes[0].BoundPrices", Msg: "has 0 prices for 1 bounds"},
	}, {
		name: "empty tree", reason: "a proof needs a root", p: rowProblem(), r: rowResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes = nil },
		want: &CertificateError{Field: "Certificate.Nodes", Msg: "the tree is empty"},
	}, {
		name: "root parent", reason: "the root has no parent", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].Parent = 2 },
		want: &CertificateError{Field: "Certificate.Nodes[0].Parent", Msg: "the root's parent is 2, want -1"},
	}, {
		name: "cycle", reason: "parent links must lead to the root", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) {
			r.Certificate.Nodes = append(r.Certificate.Nodes, Node{Parent: 4, Leaf: true}, Node{Parent: 3, Leaf: true})
		},
		want: &CertificateError{Field: "Certificate.Nodes[3]", Msg: "the parent links form a cycle"},
	}, {
		name: "one child", reason: "an inner node needs both branches", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes = r.Certificate.Nodes[:2] },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "an inner node with 1 children, want 2"},
	}, {
		name: "both lock", reason: "the children must lock and veto the same pair", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Lock = true },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "children 1 and 2 do not lock and veto the same pair: (0, 0, lock true) and (0, 0, lock true)"},
	}, {
		name: "different pairs", reason: "a lock of one pair and a veto of another do not cover the region", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Branch = Pair{1, 0} },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "children 1 and 2 do not lock and veto the same pair: (0, 0, lock true) and (1, 0, lock false)"},
	}, {
		name: "leaf with children", reason: "a leaf has no children", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].Leaf = true },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "a leaf with 2 children"},
	}, {
		name: "branch out of range", reason: "branch pairs must exist", p: rowProblem(), r: branchResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].Branch.Item = 9 },
		want: &CertificateError{Field: "Certificate.Nodes[1].Branch", Msg: "pair (9, 0) out of range"},
	}, {
		name: "empty leaf bound zero", reason: "an Empty leaf's bound at zero weights must be negative, not zero", p: emptyProblem(), r: emptyResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = 0 },
		want: &CertificateError{Field: "Certificate.Nodes[1]", Msg: "an Empty leaf whose bound at zero weights is 0.000, not negative"},
	}, {
		name: "empty leaf bound positive", reason: "row price 1 does not empty the vetoing leaf, which holds the optimum: 0 + (0-1) + 1 = 0", p: emptyProblem(), r: emptyResult(),
		edit: func(p *Problem, r *Result) {
			r.Certificate.Nodes[2].Empty = true
			r.Certificate.Nodes[2].RowPrices[0] = 1
		},
		want: &CertificateError{Field: "Certificate.Nodes[2]", Msg: "an Empty leaf whose bound at zero weights is 0.000, not negative"},
	}, {
		name: "empty flag needed", reason: "the same prices without Empty bound the objective: (3-1) + (3-1) + 1 = 5, not below 4 + 1", p: emptyProblem(), r: emptyResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].Empty = false },
		want: &CertificateError{Field: "Certificate.Nodes[1]", Msg: "leaf bound 5.000 is not below Objective+1 = 5"},
	}, {
		name: "empty leaf row sign", reason: "an Empty leaf obeys the sign rules: a LessEq row's price must not be negative", p: emptyProblem(), r: emptyResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = -1 },
		want: &CertificateError{Field: "Certificate.Nodes[1].RowPrices[0]", Msg: "price -1 has the wrong sign for a <= row"},
	}, {
		name:   "empty leaf bound sign",
		reason: "price 1 on B's bound without maximum would give (0 + 0) - 1 = -1 at zero weights and call the whole feasible problem empty",
		p: func() *Problem {
			p := rowProblem()
			p.Bounds = []Bound{{Agent: 1, Group: AllItems, Max: Unlimited}}
			return p
		}(),
		r: func() *Result {
			r := rowResult()
			r.Certificate.Nodes[0] = Node{Parent: -1, Leaf: true, Empty: true, BoundPrices: []int64{1}, RowPrices: []int64{0}}
			return r
		}(),
		want: &CertificateError{Field: "Certificate.Nodes[0].BoundPrices[0]", Msg: "price 1 > 0 on a bound without maximum"},
	}, {
		name: "empty inner node", reason: "only leaves prove regions empty", p: emptyProblem(), r: emptyResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[0].Empty = true },
		want: &CertificateError{Field: "Certificate.Nodes[0].Empty", Msg: "an inner node is marked Empty"},
	}, {
		name: "feasible problem said infeasible", reason: "Verify's max flow finds an assignment",
		p: boundProblem(), r: &Result{Status: Infeasible},
		want: &CertificateError{Field: "Status", Msg: "status Infeasible, but the bound network has a feasible flow"},
	}, {
		name: "infeasible leaf not empty", reason: "a proof of infeasibility has only Empty leaves", p: infeasibleProblem(), r: infeasibleResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Empty = false },
		want: &CertificateError{Field: "Certificate.Nodes[2].Empty", Msg: "a leaf of a proof of infeasibility is not marked Empty"},
	}, {
		name: "infeasible leaf bound", reason: "without its row price the locking leaf's bound at zero weights is 0", p: infeasibleProblem(), r: infeasibleResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = 0 },
		want: &CertificateError{Field: "Certificate.Nodes[1]", Msg: "an Empty leaf whose bound at zero weights is 0.000, not negative"},
	}, {
		name: "infeasible proof of a feasible problem", reason: "without the veto the vetoing leaf holds c0 to B, c1 to A", p: infeasibleProblem(), r: infeasibleResult(),
		edit: func(p *Problem, r *Result) { p.Vetoes = nil },
		want: &CertificateError{Field: "Certificate.Nodes[2]", Msg: "an Empty leaf whose bound at zero weights is 0.000, not negative"},
	}, {
		name: "infeasible row price sign", reason: "an infeasibility proof obeys the sign rules", p: infeasibleProblem(), r: infeasibleResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].RowPrices[0] = -1 },
		want: &CertificateError{Field: "Certificate.Nodes[1].RowPrices[0]", Msg: "price -1 has the wrong sign for a <= row"},
	}, {
		name: "infeasible tree", reason: "the leaves of an infeasibility proof must cover every assignment", p: infeasibleProblem(), r: infeasibleResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes = r.Certificate.Nodes[:2] },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "an inner node with 1 children, want 2"},
	}, {
		name: "split price sign", reason: "the side \"at most\" takes a price >= 0", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].SplitPrices[0] = -1 },
		want: &CertificateError{Field: "Certificate.Nodes[1].SplitPrices[0]", Msg: "price -1 has the wrong sign for the side at most 1 of a split"},
	}, {
		name: "split price count", reason: "one price per split on the path", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].SplitPrices = nil },
		want: &CertificateError{Field: "Certificate.Nodes[2].SplitPrices", Msg: "has 0 prices for 1 splits on the path"},
	}, {
		name: "split bound", reason: "without its split price the side \"at most 1\" bounds 3 + 3 = 6", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].SplitPrices[0] = 0 },
		want: &CertificateError{Field: "Certificate.Nodes[1]", Msg: "leaf bound 6.000 is not below Objective+1 = 6"},
	}, {
		name: "split same side", reason: "the two children must take both sides", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Lock = true },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "children 1 and 2 both take the side at most 1 of the split"},
	}, {
		name: "split points differ", reason: "at most 1 and at least 3 leave out a count of 2", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Split = &Split{Agent: 0, Group: AllItems, At: 2} },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "children 1 and 2 do not split the same count"},
	}, {
		name: "split beside a pair", reason: "a split and a lock do not cover the region", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[2].Split = nil },
		want: &CertificateError{Field: "Certificate.Nodes[0]", Msg: "children 1 and 2 do not split the same count"},
	}, {
		name: "split out of range", reason: "a split names an existing agent and group", p: rowProblem(), r: splitResult(),
		edit: func(p *Problem, r *Result) { r.Certificate.Nodes[1].Split.Agent = 5 },
		want: &CertificateError{Field: "Certificate.Nodes[1].Split", Msg: "agent 5 or group -1 out of range"},
	}, {
		name: "infeasible with rows", reason: "without a certificate Verify cannot check infeasibility of rows",
		p: rowProblem(), r: &Result{Status: Infeasible},
		want: &CertificateError{Field: "Status", Msg: "infeasibility of a problem with rows cannot be checked without the solver"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.edit != nil {
				tt.edit(tt.p, tt.r)
			}
			err := Verify(tt.p, tt.r)
			var got *CertificateError
			if !errors.As(err, &got) || !errors.Is(err, ErrCertificate) {
				t.Fatalf("Verify = %v, want a *CertificateError wrapping ErrCertificate", err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(CertificateError{}, "Err")); diff != "" {
				t.Errorf("Verify mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// FuzzVerify feeds Verify tampered versions of branchResult: it must never
// panic, and whatever it accepts must be true (an accepted Optimal result
// has the brute-force optimum; an accepted Feasible one a feasible
// assignment).
func FuzzVerify(f *testing.F) {
	f.Add(int8(1), int8(0), int8(1), int8(0), int8(0), int8(1), int64(2), int64(0), int64(2), int64(5), 1.0, true, false)
	f.Add(int8(1), int8(1), int8(0), int8(1), int8(0), int8(2), int64(0), int64(-1), int64(1), int64(6), 0.5, false, true)
	f.Add(int8(2), int8(0), int8(1), int8(-1), int8(3), int8(0), int64(1<<62), int64(-1<<62), int64(0), int64(-3), 1e-300, true, true)
	f.Fuzz(func(t *testing.T, status, x0, x1, parent1, parent2, branchItem int8, mu1, mu2, den, obj int64, res float64, lock2, leaf0 bool) {
		p := rowProblem()
		r := branchResult()
		r.Status = Status(status)
		r.Assignment = []int{int(x0), int(x1)}
		c := r.Certificate
		c.Nodes[1].Parent, c.Nodes[2].Parent = int(parent1), int(parent2)
		c.Nodes[2].Branch.Item = int(branchItem)
		c.Nodes[1].RowPrices[0], c.Nodes[2].RowPrices[0] = mu1, mu2
		c.Nodes[2].Lock = lock2
		c.Nodes[0].Leaf = leaf0
		c.Denominator, c.Objective, c.Resolution = den, obj, res
		if err := Verify(p, r); err != nil {
			if !errors.Is(err, ErrCertificate) {
				t.Fatalf("Verify = %v, not wrapping ErrCertificate", err)
			}
			return
		}
		want := solveBrute(p, res)
		switch r.Status {
		case Optimal:
			if !assignmentHolds(p, r.Assignment) || c.Objective != want.bestScaled {
				t.Fatalf("Verify accepted %v with scaled objective %d; the optimum is %d", r.Assignment, c.Objective, want.bestScaled)
			}
		case Feasible:
			if !assignmentHolds(p, r.Assignment) {
				t.Fatalf("Verify accepted the infeasible assignment %v", r.Assignment)
			}
		}
	})
}
