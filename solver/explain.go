package solver

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Caps on the work of the deletion filter of explainInfeasible: at most
// maxExplainChecks feasibility checks, whose networks hold at most
// maxExplainWork edges in all. The caps are counts, not times, so that the
// explanation of a problem never depends on the machine's speed.
const (
	maxExplainChecks = 2000
	maxExplainWork   = 1 << 24
)

// explainInfeasible explains why p, which the solver found infeasible, has
// no feasible assignment. It names a set of constraints that cannot hold
// together and gives the arithmetic in words.
//
// The constraints are the items' "must be assigned" rules, the minimums and
// maximums of the bounds, the rows, the locks and the vetoes; every item
// goes to at most one agent whatever the subset. Conflicts among locks and
// vetoes and items without an allowed option are found directly. Otherwise
// the problem's bounds (every agent's bounds that form a laminar family; rows
// left out) are written as a circulation with lower bounds (source -> agent
// bound trees -> items -> sink) and solved as a max flow with Dinic's
// algorithm; a minimum cut X then violates Hoffman's condition (the lower
// bounds of the edges entering X exceed the capacities of the edges leaving
// X), and the constraints on the cut edges are the conflict, with the
// arithmetic of the cut as the reason. Rows and non-laminar bounds need the
// general solver as feasibility oracle (on a copy of p with zero weights,
// each solve capped at explainNodeLimit nodes or s.NodeLimit if smaller);
// the reason then gives the range of one member's left-hand side (a row's,
// else a bound's count) under the others, found by the solver with that
// member's coefficients as weights, against its right-hand side.
//
// The conflict is then shrunk by a deletion filter (drop one member,
// re-check, keep it dropped if the rest stays infeasible); it is marked
// irreducible when every member was shown necessary. Conflicts without
// rows are filtered on a copy of p reduced to the items that matter to
// them. The filter makes at most maxExplainChecks checks on networks of at
// most maxExplainWork edges in all, each a max flow (Dinic: O(V^2 E), fast
// on these networks of unit capacities below the bound nodes), or at most
// maxGeneralChecks general solves, and stops early when ctx is done; an
// explanation whose filter stopped early is not marked irreducible. The
// conflict found is re-checked on its own at the end (one more network, or
// one more general solve); were it satisfiable, the explanation would fall
// back to every constraint of p, not marked irreducible. On the
// seatbench instances made infeasible by a Hall-type deficit in the largest
// state (BenchmarkExplain), Solve with its explanation took 0.08 s for india
// (an irreducible conflict of 80 constraints), 0.65 s for x10 (225) and
// 4.7 s for x100 (1094); made infeasible by a row, 0.2 s for india-side and
// 1.3 s for x10-side, on a loaded 2-core machine.
//
// See A. J. Hoffman, "Some recent applications of the theory of linear
// inequalities to extremal combinatorial analysis" (1960) for the
// circulation theorem, and J. W. Chinneck, "Feasibility and Infeasibility
// in Optimization" (2008), chapter 6, for the deletion filter.
func explainInfeasible(ctx context.Context, p *Problem, s *Settings) *InfeasibleError {
	if err := p.Validate(); err != nil {
		return &InfeasibleError{Reason: "cannot explain an invalid problem: " + err.Error()}
	}
	if ie := directConflict(p); ie != nil {
		return ie
	}
	e := &explainer{ctx: ctx, p: p, s: s, budget: new(budget)}
	all := allConstraints(p)

	// The laminar relaxation: no rows, and bounds that break an agent's
	// laminar family left out.
	m := newMask(p, all)
	clear(m.on[RowKind])
	nw := newExplainNet(p, m, true)
	var start []Constraint
	if !nw.feasible() {
		start = nw.cutConflict()
		if v, _ := e.check(start); v != infeasible {
			start = nw.enforced()
		}
	} else {
		if v, _ := e.check(all); v != infeasible {
			return &InfeasibleError{
				Conflict: all,
				Reason:   "the constraints cannot hold together: the solver found no assignment that satisfies them all, and no smaller conflict could be isolated",
			}
		}
		start = all
		// The flow part is satisfiable, so rows take part: try the rows
		// alone, then the rows with the bounds, before filtering one by one.
		isRow := func(c Constraint) bool { return c.Kind == RowKind }
		isRowOrBound := func(c Constraint) bool { return isRow(c) || c.Kind == MinKind || c.Kind == MaxKind }
		for _, keep := range []func(Constraint) bool{isRow, isRowOrBound} {
			sub := slices.DeleteFunc(slices.Clone(all), func(c Constraint) bool { return !keep(c) })
			if len(sub) < len(start) {
				if v, _ := e.check(sub); v == infeasible {
					start = sub
					break
				}
			}
		}
	}
	var conflict []Constraint
	irreducible := false
	if slices.ContainsFunc(start, func(c Constraint) bool { return c.Kind == RowKind }) {
		conflict, irreducible, _ = e.filter(start, 0)
	} else {
		// Subsets of a conflict without rows need only the items that
		// matter to it: filter on the smaller problem, and reduce again
		// whenever the conflict has shrunk to half its size.
		conflict = start
		for {
			q, qs, back := reduce(p, conflict)
			sub := &explainer{ctx: ctx, p: q, s: s, budget: e.budget}
			c, irr, shrunk := sub.filter(qs, len(qs)/2)
			conflict = conflict[:0:0]
			for _, x := range c {
				conflict = append(conflict, back(x))
			}
			sortConstraints(conflict)
			if !shrunk {
				irreducible = irr
				break
			}
		}
	}
	if e.confirm(conflict) == feasible {
		// Every shrinking step kept a set shown infeasible, so this
		// cannot happen unless a check is wrong; fall back to the whole
		// problem rather than name a conflict that can hold.
		return &InfeasibleError{Conflict: all, Reason: unconfirmedReason}
	}
	return &InfeasibleError{Conflict: conflict, Irreducible: irreducible, Reason: e.reason(conflict)}
}

// unconfirmedReason is the reason of the fallback explanation, given when
// the final re-check finds the shrunk conflict satisfiable.
const unconfirmedReason = "the constraints cannot hold together: the solver found no assignment that satisfies them all, and the smaller conflict isolated could not be confirmed"

// confirm re-checks that the constraints cs cannot hold together, with the
// network when it decides them, else with one general solve that does not
// count towards maxGeneralChecks.
func (e *explainer) confirm(cs []Constraint) verdict {
	m := newMask(e.p, cs)
	if !slices.Contains(m.on[RowKind], true) {
		if nw := newExplainNet(e.p, m, false); nw != nil {
			if nw.feasible() {
				return feasible
			}
			return infeasible
		}
	}
	return e.solveRelaxed(m)
}

// reduce restricts p to the constraints cs, which hold no row, and to the
// items that matter to them (see keptItems). It returns the smaller problem, cs in its
// terms, and the translation of its constraints back to p's. The same
// subsets of cs are satisfiable in both problems: an assignment of p
// restricted to the kept items keeps every enforced constraint, and the
// other items can stay unassigned.
func reduce(p *Problem, cs []Constraint) (*Problem, []Constraint, func(Constraint) Constraint) {
	keep := keptItems(p, newMask(p, cs))
	newIndex := make([]int, len(p.Items))
	var oldItem []int
	q := &Problem{Agents: p.Agents}
	for i, it := range p.Items {
		newIndex[i] = -1
		if keep[i] {
			newIndex[i] = len(q.Items)
			oldItem = append(oldItem, i)
			q.Items = append(q.Items, it)
		}
	}
	// Only the bounds in cs, and the groups they use.
	newBound := make(map[int]int)
	newGroup := map[int]int{AllItems: AllItems}
	var oldBound []int
	for _, c := range cs {
		if c.Kind != MinKind && c.Kind != MaxKind {
			continue
		}
		if _, ok := newBound[c.Index]; ok {
			continue
		}
		bd := p.Bounds[c.Index]
		if _, ok := newGroup[bd.Group]; !ok {
			ng := Group{Name: p.Groups[bd.Group].Name}
			for _, i := range p.Groups[bd.Group].Items {
				if keep[i] {
					ng.Items = append(ng.Items, newIndex[i])
				}
			}
			newGroup[bd.Group] = len(q.Groups)
			q.Groups = append(q.Groups, ng)
		}
		bd.Group = newGroup[bd.Group]
		newBound[c.Index] = len(q.Bounds)
		oldBound = append(oldBound, c.Index)
		q.Bounds = append(q.Bounds, bd)
	}
	var oldLock, oldVeto []int
	var qs []Constraint
	for _, c := range cs {
		switch c.Kind {
		case ItemKind:
			qs = append(qs, Constraint{ItemKind, newIndex[c.Index]})
		case MinKind, MaxKind:
			qs = append(qs, Constraint{c.Kind, newBound[c.Index]})
		case LockKind:
			l := p.Locks[c.Index]
			qs = append(qs, Constraint{LockKind, len(q.Locks)})
			q.Locks = append(q.Locks, Pair{newIndex[l.Item], l.Agent})
			oldLock = append(oldLock, c.Index)
		case VetoKind:
			if v := p.Vetoes[c.Index]; keep[v.Item] {
				qs = append(qs, Constraint{VetoKind, len(q.Vetoes)})
				q.Vetoes = append(q.Vetoes, Pair{newIndex[v.Item], v.Agent})
				oldVeto = append(oldVeto, c.Index)
			}
		}
	}
	sortConstraints(qs)
	back := func(c Constraint) Constraint {
		switch c.Kind {
		case ItemKind:
			return Constraint{ItemKind, oldItem[c.Index]}
		case LockKind:
			return Constraint{LockKind, oldLock[c.Index]}
		case VetoKind:
			return Constraint{VetoKind, oldVeto[c.Index]}
		}
		return Constraint{c.Kind, oldBound[c.Index]}
	}
	return q, qs, back
}

// directConflict finds the simplest causes: a lock on a pair that is not an
// option, a lock on a vetoed pair, two locks of one item to different
// agents, and an item without an allowed option. Each conflict it returns is
// irreducible.
func directConflict(p *Problem) *InfeasibleError {
	veto := firstVetoes(p)
	lockOf := make([]int, len(p.Items))
	for i := range lockOf {
		lockOf[i] = -1
	}
	for k, l := range p.Locks {
		if !hasOption(p, l.Item, l.Agent) {
			return &InfeasibleError{
				Conflict:    []Constraint{{LockKind, k}},
				Irreducible: true,
				Reason:      fmt.Sprintf("item %s is locked to agent %s, which is not one of its options", itemName(p, l.Item), agentName(p, l.Agent)),
			}
		}
		if v, ok := veto[l]; ok {
			return &InfeasibleError{
				Conflict:    []Constraint{{LockKind, k}, {VetoKind, v}},
				Irreducible: true,
				Reason:      fmt.Sprintf("item %s is both locked to and vetoed for agent %s", itemName(p, l.Item), agentName(p, l.Agent)),
			}
		}
	}
	for k, l := range p.Locks {
		j := lockOf[l.Item]
		if j < 0 {
			lockOf[l.Item] = k
			continue
		}
		if p.Locks[j].Agent != l.Agent {
			return &InfeasibleError{
				Conflict:    []Constraint{{LockKind, j}, {LockKind, k}},
				Irreducible: true,
				Reason: fmt.Sprintf("item %s is locked to agent %s and to agent %s, but it goes to one agent only: 2 > 1",
					itemName(p, l.Item), agentName(p, p.Locks[j].Agent), agentName(p, l.Agent)),
			}
		}
	}
	for i, it := range p.Items {
		var vetoes []Constraint
		var names []string
		for _, o := range it.Options {
			v, ok := veto[Pair{i, o.Agent}]
			if !ok {
				break
			}
			vetoes = append(vetoes, Constraint{VetoKind, v})
			names = append(names, "agent "+agentName(p, o.Agent))
		}
		if len(vetoes) < len(it.Options) {
			continue
		}
		c := append([]Constraint{{ItemKind, i}}, vetoes...)
		sortConstraints(c)
		reason := fmt.Sprintf("item %s must be assigned, but it has no options", itemName(p, i))
		if len(names) > 0 {
			reason = fmt.Sprintf("item %s must be assigned, but every option is vetoed: %s", itemName(p, i), joinAnd(names))
		}
		return &InfeasibleError{Conflict: c, Irreducible: true, Reason: reason}
	}
	return nil
}

// firstVetoes maps each vetoed pair to the index of its first veto.
func firstVetoes(p *Problem) map[Pair]int {
	veto := make(map[Pair]int, len(p.Vetoes))
	for k, v := range p.Vetoes {
		if _, ok := veto[v]; !ok {
			veto[v] = k
		}
	}
	return veto
}

func hasOption(p *Problem, item, agent int) bool {
	for _, o := range p.Items[item].Options {
		if o.Agent == agent {
			return true
		}
	}
	return false
}

// allConstraints lists every constraint of p that restricts anything, in
// the canonical order (by kind, then index).
func allConstraints(p *Problem) []Constraint {
	var c []Constraint
	for i := range p.Items {
		c = append(c, Constraint{ItemKind, i})
	}
	for b, bd := range p.Bounds {
		if bd.Min > 0 {
			c = append(c, Constraint{MinKind, b})
		}
	}
	for b, bd := range p.Bounds {
		if bd.Max != Unlimited {
			c = append(c, Constraint{MaxKind, b})
		}
	}
	for r := range p.Rows {
		c = append(c, Constraint{RowKind, r})
	}
	for k := range p.Locks {
		c = append(c, Constraint{LockKind, k})
	}
	for k := range p.Vetoes {
		c = append(c, Constraint{VetoKind, k})
	}
	return c
}

func sortConstraints(c []Constraint) {
	slices.SortFunc(c, func(a, b Constraint) int {
		if a.Kind != b.Kind {
			return cmp.Compare(a.Kind, b.Kind)
		}
		return cmp.Compare(a.Index, b.Index)
	})
}

// mask says which constraints are enforced; the others are relaxed.
type mask struct {
	on [VetoKind + 1][]bool
}

func newMask(p *Problem, cs []Constraint) mask {
	var m mask
	m.on[ItemKind] = make([]bool, len(p.Items))
	m.on[MinKind] = make([]bool, len(p.Bounds))
	m.on[MaxKind] = make([]bool, len(p.Bounds))
	m.on[RowKind] = make([]bool, len(p.Rows))
	m.on[LockKind] = make([]bool, len(p.Locks))
	m.on[VetoKind] = make([]bool, len(p.Vetoes))
	for _, c := range cs {
		m.on[c.Kind][c.Index] = true
	}
	return m
}

type verdict int

const (
	unknown verdict = iota
	feasible
	infeasible
)

// explainer holds the state of one explanation.
type explainer struct {
	ctx context.Context
	p   *Problem
	s   *Settings
	*budget
}

// budget counts the work of one explanation, shared by the explainers of
// its reduced problems.
type budget struct {
	checks  int
	work    int // edges of the networks built so far
	general int // checks made with the general solver
}

// check decides whether the constraints cs can hold together (everything
// else relaxed). When they cannot and a flow cut shows it, sub is the
// subset of cs on the cut.
func (e *explainer) check(cs []Constraint) (v verdict, sub []Constraint) {
	e.checks++
	p := e.p
	m := newMask(p, cs)
	veto := make(map[Pair]int)
	for k, on := range m.on[VetoKind] {
		if _, ok := veto[p.Vetoes[k]]; on && !ok {
			veto[p.Vetoes[k]] = k
		}
	}
	for k, on := range m.on[LockKind] {
		if !on {
			continue
		}
		l := p.Locks[k]
		if !hasOption(p, l.Item, l.Agent) {
			return infeasible, []Constraint{{LockKind, k}}
		}
		if v, ok := veto[l]; ok {
			return infeasible, []Constraint{{LockKind, k}, {VetoKind, v}}
		}
	}
	if !slices.Contains(m.on[RowKind], true) {
		if nw := newExplainNet(p, m, false); nw != nil {
			e.work += len(nw.edges)
			if nw.feasible() {
				return feasible, nil
			}
			return infeasible, nw.cutConflict()
		}
	}
	return e.generalCheck(m), nil
}

// maxGeneralChecks caps the feasibility checks that need the general
// solver (rows, or bounds that are not laminar); each is a branch and bound.
const maxGeneralChecks = 64

// explainNodeLimit caps the branch-and-bound nodes of one general
// feasibility check; a check that reaches it is undecided.
const explainNodeLimit = 20000

// nodeLimit is the node limit of the explainer's general solves:
// explainNodeLimit, or the caller's Settings.NodeLimit when smaller.
func (e *explainer) nodeLimit() int {
	if e.s != nil && e.s.NodeLimit > 0 && e.s.NodeLimit < explainNodeLimit {
		return e.s.NodeLimit
	}
	return explainNodeLimit
}

// generalCheck decides the constraints m enforces with the solver itself
// (see relaxedProblem); it is undecided once maxGeneralChecks are spent.
func (e *explainer) generalCheck(m mask) verdict {
	if e.general >= maxGeneralChecks {
		return unknown
	}
	e.general++
	return e.solveRelaxed(m)
}

// solveRelaxed decides the constraints m enforces with one branch and bound
// on relaxedProblem, capped at nodeLimit nodes.
func (e *explainer) solveRelaxed(m mask) verdict {
	res, err := solveCore(e.ctx, e.relaxedProblem(m, nil), &Settings{NodeLimit: e.nodeLimit()})
	switch {
	case err != nil || res == nil:
		return unknown
	case res.Status == Infeasible:
		return infeasible
	case res.Status == Optimal || res.Status == Feasible:
		return feasible
	}
	return unknown
}

// relaxedProblem is a copy of p that enforces only the constraints of m:
// bounds relaxed, only the enforced rows, locks and vetoes, and an extra
// last agent that may take every item whose "must be assigned" rule is
// relaxed. The weight of option (i, a) is weight(i, a), or zero when weight
// is nil; the extra agent's options weigh zero.
func (e *explainer) relaxedProblem(m mask, weight func(i, a int) float64) *Problem {
	p := e.p
	q := &Problem{
		Items:  make([]Item, len(p.Items)),
		Agents: append(slices.Clone(p.Agents), ""),
		Groups: p.Groups,
	}
	none := len(p.Agents)
	for i, it := range p.Items {
		opts := make([]Option, 0, len(it.Options)+1)
		for _, o := range it.Options {
			var w float64
			if weight != nil {
				w = weight(i, o.Agent)
			}
			opts = append(opts, Option{Agent: o.Agent, Weight: w})
		}
		if !m.on[ItemKind][i] {
			opts = append(opts, Option{Agent: none})
		}
		q.Items[i] = Item{Name: it.Name, Options: opts}
	}
	for b, bd := range p.Bounds {
		nb := Bound{Name: bd.Name, Agent: bd.Agent, Group: bd.Group, Max: Unlimited}
		if m.on[MinKind][b] {
			nb.Min = bd.Min
		}
		if m.on[MaxKind][b] {
			nb.Max = bd.Max
		}
		if nb.Min > 0 || nb.Max != Unlimited {
			q.Bounds = append(q.Bounds, nb)
		}
	}
	for r, on := range m.on[RowKind] {
		if on {
			q.Rows = append(q.Rows, p.Rows[r])
		}
	}
	for k, on := range m.on[LockKind] {
		if on {
			q.Locks = append(q.Locks, p.Locks[k])
		}
	}
	for k, on := range m.on[VetoKind] {
		if on {
			q.Vetoes = append(q.Vetoes, p.Vetoes[k])
		}
	}
	return q
}

// filter shrinks the infeasible set cs by deletion, in chunks: it tries to
// drop a run of members at once and halves the run length when that makes
// the rest satisfiable, down to single members (a dichotomic deletion
// filter). It reports whether every member of the result was shown
// necessary. When the set shrinks to at most stop members (stop > 0) it
// returns early with shrunk set, so that the caller can reduce the problem.
func (e *explainer) filter(cs []Constraint, stop int) (conflict []Constraint, irreducible, shrunk bool) {
	cur := slices.Clone(cs)
	done := make(map[Constraint]bool) // necessary, or undecided
	irreducible = true
	for size := max(1, len(cur)/8); ; size /= 2 {
		for k := 0; k < len(cur); {
			var chunk []Constraint
			var rest []Constraint
			for j, c := range cur {
				if j >= k && j < k+size && !done[c] {
					chunk = append(chunk, c)
				} else {
					rest = append(rest, c)
				}
			}
			if len(chunk) == 0 {
				k += size
				continue
			}
			if e.checks >= maxExplainChecks || e.work >= maxExplainWork || e.ctx.Err() != nil {
				return cur, false, false
			}
			switch v, sub := e.check(rest); {
			case v == infeasible:
				if sub != nil {
					rest = sub
				}
				sortConstraints(rest)
				cur = rest
				if len(cur) <= stop {
					return cur, false, true
				}
			case size > 1:
				k += size
			default:
				done[chunk[0]] = true
				irreducible = irreducible && v == feasible
				k++
			}
		}
		if size == 1 {
			return cur, irreducible, false
		}
	}
}

// reason gives the arithmetic of the conflict cs in words.
func (e *explainer) reason(cs []Constraint) string {
	p := e.p
	m := newMask(p, cs)
	if !slices.Contains(m.on[RowKind], true) {
		if nw := newExplainNet(p, m, false); nw != nil && !nw.feasible() {
			return nw.describe()
		}
	}
	if r, ok := e.targetReason(cs); ok {
		return r
	}
	var parts []string
	for _, c := range cs {
		parts = append(parts, describeConstraint(p, c))
	}
	return "no assignment satisfies all of: " + strings.Join(parts, "; ")
}

// describeConstraint says what one constraint demands.
func describeConstraint(p *Problem, c Constraint) string {
	switch c.Kind {
	case ItemKind:
		return fmt.Sprintf("item %s must be assigned", itemName(p, c.Index))
	case MinKind:
		b := p.Bounds[c.Index]
		return fmt.Sprintf("agent %s needs at least %d of %s%s", agentName(p, b.Agent), b.Min, groupPhrase(p, b.Group), boundTag(p, c.Index))
	case MaxKind:
		b := p.Bounds[c.Index]
		return fmt.Sprintf("agent %s may take at most %d of %s%s", agentName(p, b.Agent), b.Max, groupPhrase(p, b.Group), boundTag(p, c.Index))
	case RowKind:
		return fmt.Sprintf("row %s (%s)", rowName(p, c.Index), rowExpr(p, c.Index))
	case LockKind:
		l := p.Locks[c.Index]
		return fmt.Sprintf("item %s is locked to agent %s", itemName(p, l.Item), agentName(p, l.Agent))
	default:
		v := p.Vetoes[c.Index]
		return fmt.Sprintf("agent %s is vetoed for item %s", agentName(p, v.Agent), itemName(p, v.Item))
	}
}

// boundTag is " (NAME)" for a bound with a name, or "".
func boundTag(p *Problem, b int) string {
	if p.Bounds[b].Name == "" {
		return ""
	}
	return " (" + p.Bounds[b].Name + ")"
}

// groupPhrase is "group NAME" or "all items".
func groupPhrase(p *Problem, g int) string {
	if g == AllItems {
		return "all items"
	}
	return "group " + groupName(p, g)
}

// rowName returns the row's name, or "#r" when it has none.
func rowName(p *Problem, r int) string {
	if p.Rows[r].Name != "" {
		return p.Rows[r].Name
	}
	return fmt.Sprintf("#%d", r)
}

// joinAnd joins words as "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// itemList names items: "a, b and c", or the first few and a count.
func itemList(p *Problem, items []int) string {
	const show = 6
	var names []string
	for k, i := range items {
		if k == show && len(items) > show+1 {
			names = append(names, fmt.Sprintf("%d more", len(items)-show))
			break
		}
		names = append(names, itemName(p, i))
	}
	return joinAnd(names)
}

// explainGrid is the resolution of the ranges targetReason computes: it
// handles rows whose coefficients and right-hand side are multiples of it
// and below 2^20 in magnitude, so that the solver's scaled weights are
// exact.
const explainGrid = 1.0 / (1 << 20)

// targetReason explains a conflict that the flow cannot describe (it holds
// rows, or bounds that are not laminar) by one member, the target: its first
// row, else its first maximum, else its first minimum. The solver finds the
// range of the target's left-hand side under the conflict's other members
// (the target's coefficients as weights, maximised and minimised), which
// misses the target's right-hand side. It reports false when the range
// cannot be computed exactly.
func (e *explainer) targetReason(cs []Constraint) (string, bool) {
	p := e.p
	t := -1
	for _, kind := range []ConstraintKind{RowKind, MaxKind, MinKind} {
		if t = slices.IndexFunc(cs, func(c Constraint) bool { return c.Kind == kind }); t >= 0 {
			break
		}
	}
	if t < 0 {
		return "", false
	}
	target := cs[t]
	others := slices.Delete(slices.Clone(cs), t, t+1)
	var coef map[Pair]float64
	var sense Sense
	var rhs float64
	var head, lhs, unit string
	switch target.Kind {
	case RowKind:
		row := p.Rows[target.Index]
		coef, sense, rhs = rowCoefficients(p, target.Index), row.Sense, row.RHS
		head = fmt.Sprintf("row %s (%s) cannot hold", rowName(p, target.Index), rowExpr(p, target.Index))
		lhs = "its left-hand side is"
	default:
		b := p.Bounds[target.Index]
		coef = boundCoefficients(p, target.Index)
		sense, rhs = GreaterEq, float64(b.Min)
		if target.Kind == MaxKind {
			sense, rhs = LessEq, float64(b.Max)
		}
		head = describeConstraint(p, target)
		lhs = fmt.Sprintf("agent %s gets", agentName(p, b.Agent))
		unit = " of " + groupPhrase(p, b.Group)
	}
	onGrid := func(x float64) bool { return math.Abs(x) < 1<<20 && x/explainGrid == math.Trunc(x/explainGrid) }
	if !onGrid(rhs) {
		return "", false
	}
	for _, c := range coef {
		if !onGrid(c) {
			return "", false
		}
	}
	m := newMask(p, others)
	hi, ok1 := e.extreme(m, coef, 1)
	lo, ok2 := e.extreme(m, coef, -1)
	if !ok1 || !ok2 {
		return "", false
	}
	under := "whatever the assignment"
	switch {
	case len(others) > 0 && len(others) <= 4:
		var parts []string
		for _, c := range others {
			parts = append(parts, describeConstraint(p, c))
		}
		under = "when " + joinAnd(parts)
	case len(others) > 4:
		under = fmt.Sprintf("under the other %d constraints named", len(others))
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	switch {
	case sense != LessEq && hi < rhs:
		return fmt.Sprintf("%s: %s, %s at most %s%s: %s > %s", head, under, lhs, num(hi), unit, num(rhs), num(hi)), true
	case sense != GreaterEq && lo > rhs:
		return fmt.Sprintf("%s: %s, %s at least %s%s: %s > %s", head, under, lhs, num(lo), unit, num(lo), num(rhs)), true
	case sense == Equal:
		return fmt.Sprintf("%s: %s, %s between %s and %s%s but never exactly %s", head, under, lhs, num(lo), num(hi), unit, num(rhs)), true
	}
	return "", false
}

// boundCoefficients returns coefficient 1 for every pair that counts
// towards bound b.
func boundCoefficients(p *Problem, b int) map[Pair]float64 {
	bd := p.Bounds[b]
	c := make(map[Pair]float64)
	if bd.Group == AllItems {
		for i := range p.Items {
			c[Pair{i, bd.Agent}] = 1
		}
		return c
	}
	for _, i := range p.Groups[bd.Group].Items {
		c[Pair{i, bd.Agent}] = 1
	}
	return c
}

// extreme returns the largest value of sign times the row with
// coefficients coef under the constraints of m, times sign, computed
// exactly from the assignment the solver finds.
func (e *explainer) extreme(m mask, coef map[Pair]float64, sign float64) (float64, bool) {
	e.general++ // beyond maxGeneralChecks: targetReason makes two calls at most
	q := e.relaxedProblem(m, func(i, a int) float64 { return sign * coef[Pair{i, a}] })
	res, err := solveCore(e.ctx, q, &Settings{Resolution: explainGrid, NodeLimit: e.nodeLimit()})
	if err != nil || res == nil || res.Status != Optimal {
		return 0, false
	}
	var units int64 // the value in units of explainGrid, each term below 2^40
	for i, a := range res.Assignment {
		units += int64(coef[Pair{i, a}] / explainGrid)
	}
	return float64(units) * explainGrid, true
}

// rowCoefficients returns the coefficient of every (item, agent) pair in
// row r: its Terms' coefficients where the item is in the term's group,
// plus its PairTerms'.
func rowCoefficients(p *Problem, r int) map[Pair]float64 {
	c := make(map[Pair]float64)
	for _, t := range p.Rows[r].Terms {
		if t.Group == AllItems {
			for i := range p.Items {
				c[Pair{i, t.Agent}] += t.Coef
			}
			continue
		}
		for _, i := range p.Groups[t.Group].Items {
			c[Pair{i, t.Agent}] += t.Coef
		}
	}
	for _, t := range p.Rows[r].Pairs {
		c[Pair{t.Item, t.Agent}] += t.Coef
	}
	return c
}

// rowExpr writes row r as an expression, such as
// "INC's items in UP + SP's items in UP >= 20"; long rows are cut short.
func rowExpr(p *Problem, r int) string {
	row := p.Rows[r]
	var terms []string
	add := func(coef float64, what string) {
		switch coef {
		case 1:
			terms = append(terms, "+ "+what)
		case -1:
			terms = append(terms, "- "+what)
		default:
			op := "+ "
			if coef < 0 {
				op, coef = "- ", -coef
			}
			terms = append(terms, op+strconv.FormatFloat(coef, 'g', -1, 64)+" "+what)
		}
	}
	for _, t := range row.Terms {
		what := agentName(p, t.Agent) + "'s items"
		if t.Group != AllItems {
			what += " in " + groupName(p, t.Group)
		}
		add(t.Coef, what)
	}
	for _, t := range row.Pairs {
		add(t.Coef, fmt.Sprintf("[%s to %s]", itemName(p, t.Item), agentName(p, t.Agent)))
	}
	const show = 6
	if len(terms) > show {
		terms = append(terms[:show], fmt.Sprintf("+ %d more terms", len(terms)-show))
	}
	expr := strings.TrimPrefix(strings.Join(terms, " "), "+ ")
	if expr == "" {
		expr = "0"
	}
	return fmt.Sprintf("%s %s %s", expr, [...]string{"<=", ">=", "="}[row.Sense], strconv.FormatFloat(row.RHS, 'g', -1, 64))
}
