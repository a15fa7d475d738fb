package solver

// AllItems is the group index that stands for every item of the problem.
// A Bound or Term whose Group is AllItems counts the agent's items anywhere.
const AllItems = -1

// Unlimited is the Bound.Max value that means "no upper limit".
const Unlimited = -1

// Problem is a weighted assignment problem with bounded group counts.
//
// Every item goes to exactly one of its options (an eligible agent with a
// weight). Bounds say that an agent gets between Min and Max of the items of
// a group; Rows are general linear constraints over the assignment; Locks and
// Vetoes fix or forbid single (item, agent) pairs. The objective is to
// maximise the total weight of the chosen options.
//
// Items, agents and groups are referred to by their index in the
// corresponding slice. Names are for messages and files; they must be unique
// within their slice when given, and may be empty.
type Problem struct {
	// Items lists the items with their options.
	Items []Item
	// Agents lists the agents' names.
	Agents []string
	// Groups lists named sets of items, referred to by Bounds and Terms.
	Groups []Group
	// Bounds are count bounds: agent gets between Min and Max items of a group.
	Bounds []Bound
	// Rows are general linear rows over the assignment.
	Rows []Row
	// Locks force an item to an agent.
	Locks []Pair
	// Vetoes forbid an item to an agent.
	Vetoes []Pair
}

// Item is one thing to assign, with the agents that may take it.
type Item struct {
	// Name identifies the item in messages and files.
	Name string
	// Options lists the eligible agents, each at most once, with weights.
	Options []Option
}

// Option is an eligible agent of an item and the weight of giving the item
// to that agent.
type Option struct {
	Agent  int
	Weight float64
}

// Group is a named set of items.
type Group struct {
	Name string
	// Items holds item indices, each at most once, in any order.
	Items []int
}

// Bound says that Agent gets between Min and Max of the items in Group.
type Bound struct {
	// Name identifies the bound in explanations; it may be empty, in which
	// case messages describe the bound by agent and group.
	Name  string
	Agent int
	// Group is a group index or AllItems.
	Group int
	// Min is the least number of items; 0 means no lower limit.
	Min int
	// Max is the largest number of items; Unlimited means no upper limit.
	Max int
}

// Sense is the direction of a Row.
type Sense int

// The senses of a row.
const (
	LessEq    Sense = iota // sum <= RHS
	GreaterEq              // sum >= RHS
	Equal                  // sum == RHS
)

// Row is a general linear constraint over the assignment:
//
//	sum over Terms of Coef * (items of Agent in Group)
//	  + sum over Pairs of Coef * [item goes to agent]   Sense   RHS
type Row struct {
	Name string
	// Terms count an agent's items in a group, each with a coefficient.
	Terms []Term
	// Pairs put a coefficient on single (item, agent) assignments, for
	// rows such as "the total weight of a's items >= 12.5".
	Pairs []PairTerm
	Sense Sense
	RHS   float64
}

// Term is Coef times the number of items of Agent in Group (or AllItems).
type Term struct {
	Agent int
	Group int
	Coef  float64
}

// PairTerm is Coef times the indicator that Item goes to Agent.
type PairTerm struct {
	Item  int
	Agent int
	Coef  float64
}

// Pair names one (item, agent) assignment, as in a lock or a veto.
type Pair struct {
	Item  int
	Agent int
}
