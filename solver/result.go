package solver

import (
	"fmt"
	"time"
)

// Status is the outcome of a solve.
type Status int

// The statuses a solve can end in.
const (
	// Unknown means no feasible assignment was found before the solve
	// stopped (cancelled or a limit reached) and infeasibility was not proven.
	Unknown Status = iota
	// Optimal means the assignment is optimal and the certificate proves it.
	Optimal
	// Feasible means the assignment satisfies every constraint but the
	// solve stopped before proving it optimal.
	Feasible
	// Infeasible means no assignment satisfies every constraint.
	Infeasible
)

var statusNames = [...]string{"Unknown", "Optimal", "Feasible", "Infeasible"}

// String returns the status name.
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Proven reports whether the status is a proof: optimality or infeasibility.
func (s Status) Proven() bool { return s == Optimal || s == Infeasible }

// Result is the outcome of Solve.
type Result struct {
	Status Status
	// Objective is the total weight of the chosen options, summed in
	// float64 over the original weights.
	Objective float64
	// Assignment holds the chosen agent of each item; nil when no feasible
	// assignment was found.
	Assignment []int
	// Certificate proves the status; see Verify.
	Certificate *Certificate
	Stats       Stats
}

// Stats describes the work done by a solve.
type Stats struct {
	// Method is the path that solved the problem.
	Method Method
	// Runtime is the wall-clock time of the solve.
	Runtime time.Duration
	// Nodes is the number of branch-and-bound nodes (1 on the flow path).
	Nodes int
	// FlowSolves is the number of network solves, including those inside
	// branch and bound.
	FlowSolves int
	// Augmentations is the number of augmenting paths across all network solves.
	Augmentations int
}

// Certificate is a proof of optimality that Verify checks in exact
// arithmetic without trusting the solver.
//
// Weights are scaled to integers W = round(w / Resolution). The certificate
// is a branch-and-bound tree: the root stands for every assignment; an inner
// node has exactly two children that lock and veto the same (item, agent)
// pair, or that take the two sides of the same count Split. Every leaf
// carries Lagrange multipliers (prices) on the bounds, the rows and the
// splits on its path; they give an upper bound on the scaled objective of
// every assignment in the leaf's region. The proof holds when every leaf's bound is below
// Objective+1, since every scaled objective is an integer. A leaf marked
// Empty instead proves that its region holds no feasible assignment: its
// bound computed with every weight taken as zero is negative, while every
// assignment in the region would have scaled objective 0 under those
// weights. Such prices are a Farkas-type ray; they need no scaling against
// the weights, so they fit in int64 however small the row coefficients are
// next to the weights. On the flow path the tree is a single leaf whose
// prices are the network's node potentials.
//
// A certificate can also prove infeasibility: with Status Infeasible,
// Solve returns a tree whose every leaf is Empty, so that no region holds
// an assignment (on the flow path a single leaf, whose bound prices come
// from a saturated cut of the network). Resolution, Objective and Denominator are
// then set as for Optimal but play no part in the proof.
type Certificate struct {
	// Resolution is the weight unit: W = round(w / Resolution).
	Resolution float64
	// Objective is the scaled objective of the result's assignment.
	Objective int64
	// Denominator scales the prices: a price p means p/Denominator units
	// of Resolution.
	Denominator int64
	// Nodes is the branch-and-bound tree; Nodes[0] is the root.
	Nodes []Node
}

// Node is a node of a certificate's branch-and-bound tree.
type Node struct {
	// Parent is the index of the parent node, or -1 for the root.
	Parent int
	// Branch is the (item, agent) pair fixed on the edge from the parent;
	// ignored for the root and when Split is set.
	Branch Pair
	// Lock is true when the edge from the parent locks Branch, false when
	// it vetoes it. On a Split edge it is true for the side "at most
	// Split.At" and false for "at least Split.At+1".
	Lock bool
	// Split, when not nil, makes the edge from the parent a count split
	// instead of a lock or veto of Branch: both children of a node carry
	// equal Splits, one with Lock true and one with Lock false, and
	// together they cover every assignment, since a count is an integer.
	Split *Split
	// Leaf is true for a node without children; only leaves carry prices.
	Leaf bool
	// Empty is true for a leaf whose prices prove its region empty: the
	// Lagrangian bound computed with every weight taken as zero is
	// negative. It is false on inner nodes and on leaves whose prices bound
	// the objective.
	Empty bool
	// BoundPrices holds one price per problem Bound. A positive price uses
	// the bound's Max, a negative one its Min.
	BoundPrices []int64
	// RowPrices holds one price per problem Row: >= 0 for LessEq rows,
	// <= 0 for GreaterEq rows, any sign for Equal rows.
	RowPrices []int64
	// SplitPrices holds one price per Split edge on the path from the
	// root to the leaf, root first (empty when there is none): >= 0 for an
	// "at most" edge, <= 0 for an "at least" edge. A split with price s
	// enters the leaf's Lagrangian bound as a bound of its agent and group
	// would, with s/Denominator units subtracted from each of the agent's
	// options on the group's items, and s times At (at most) or At+1 (at
	// least) added.
	SplitPrices []int64
}

// Split is a branch on a count: the number of items of Group (or of all
// items, when Group is AllItems) that go to Agent is at most At on one
// side and at least At+1 on the other. Branch and bound splits such a
// count when the LP relaxation makes it fractional; such a general
// disjunction can close a gap that (item, agent) branches close only in
// many nodes.
type Split struct {
	// Agent is the agent whose items are counted.
	Agent int
	// Group is the group of the counted items, or AllItems.
	Group int
	// At is the largest count of the "at most" side.
	At int
}

// Method selects the solution path.
type Method int

// The solution paths.
const (
	// Auto uses the flow path when every agent's bounds form a laminar
	// family and there are no rows, and branch and bound otherwise.
	Auto Method = iota
	// Flow is the min-cost-flow path; it fails with ErrNotLaminar on
	// problems it cannot express.
	Flow
	// BranchAndBound is the general exact path; it accepts every problem.
	BranchAndBound
)

var methodNames = [...]string{"Auto", "Flow", "BranchAndBound"}

// String returns the method name.
func (m Method) String() string {
	if m >= 0 && int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// DefaultResolution is the weight resolution used when Settings.Resolution
// is zero.
const DefaultResolution = 1e-9

// Settings controls Solve. The zero value, and a nil *Settings, mean defaults.
type Settings struct {
	// Resolution is the weight unit used inside the solver: weights are
	// rounded to multiples of it. Zero means DefaultResolution.
	//
	// Supported range: every weight w must satisfy |w|/Resolution <= 2^53,
	// and (len(Items) + 2*len(Bounds) + 2) * max|w|/Resolution <= 2^60;
	// Solve rejects other problems with a *ProblemError naming the largest
	// weight. With the default 1e-9, weights up to about 1.15e9/(n+2B+2) in
	// absolute value are accepted for n items and B bounds (about 1150 for
	// a million items), and never more than 2^53*1e-9, about 9.0e6. Each
	// weight moves by at most Resolution/2 when rounded, so the returned
	// assignment's total weight is within len(Items)*Resolution of the true
	// optimum. A negative, NaN or infinite Resolution is an error naming
	// Settings.Resolution.
	Resolution float64
	// Method selects the solution path. Zero means Auto.
	Method Method
	// NodeLimit caps the branch-and-bound nodes. Zero means no limit.
	NodeLimit int
}
