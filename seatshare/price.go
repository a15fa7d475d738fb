package seatshare

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/solver"
)

// price computes the value of every constraint at the optimum res and its
// prices by re-solving variants of the problem.
//
// Prices are exact: they are differences of the solver's scaled integer
// objectives (Certificate.Objective) times the resolution, so they do not
// carry float rounding, and each variant's feasible set contains the
// original's, so a proven optimum can only gain. A negative difference
// would mean a solver fault and is reported as an error.
func (p *Planner) price(ctx context.Context, res *solver.Result) ([]ConstraintPlan, error) {
	prob := p.problem
	counts := p.counts(res.Assignment)
	out := make([]ConstraintPlan, 0, len(p.constraints))
	for _, c := range p.constraints {
		cp := ConstraintPlan{Kind: c.kind, Field: c.field, Name: c.name, Party: c.party, Set: c.set}
		var relaxed, dropped *solver.Problem
		switch c.kind {
		case DemandKind:
			n, binding, _ := p.demandValue(c, counts)
			cp.Value, cp.Binding = float64(n), binding
			if c.rows != nil {
				relaxed, dropped = relaxFriendly(prob, *c.rows)
				break
			}
			relaxed = cloneProblem(prob)
			rb := &relaxed.Bounds[c.index]
			rb.Min = max(rb.Min-1, 0)
			if rb.Max != solver.Unlimited {
				rb.Max++
			}
			dropped = cloneProblem(prob)
			dropped.Bounds = slices.Delete(dropped.Bounds, c.index, c.index+1)
		case RowKind:
			r := prob.Rows[c.index]
			lhs := rowLHS(r, res.Assignment, counts)
			cp.Value = lhs
			cp.Binding = lhs == r.RHS
			relaxed = cloneProblem(prob)
			rr := &relaxed.Rows[c.index]
			switch r.Sense {
			case solver.LessEq:
				rr.RHS++
			case solver.GreaterEq:
				rr.RHS--
			case solver.Equal:
				// |lhs - rhs| <= 1 is two rows.
				rr.Sense, rr.RHS = solver.LessEq, r.RHS+1
				lo := r
				lo.Sense, lo.RHS = solver.GreaterEq, r.RHS-1
				relaxed.Rows = append(relaxed.Rows, lo)
			}
			dropped = cloneProblem(prob)
			dropped.Rows = slices.Delete(dropped.Rows, c.index, c.index+1)
		case LockKind, VetoKind:
			pins := prob.Locks
			if c.kind == VetoKind {
				pins = prob.Vetoes
			}
			pair := pins[c.index]
			if res.Assignment[pair.Item] == pair.Agent {
				cp.Value = 1
			}
			dropped = cloneProblem(prob)
			if c.kind == LockKind {
				dropped.Locks = slices.Delete(dropped.Locks, c.index, c.index+1)
			} else {
				dropped.Vetoes = slices.Delete(dropped.Vetoes, c.index, c.index+1)
			}
		}
		if relaxed != nil {
			gain, err := p.gain(ctx, res, relaxed, c)
			if err != nil {
				return nil, err
			}
			cp.Relaxed = &gain
		}
		gain, err := p.gain(ctx, res, dropped, c)
		if err != nil {
			return nil, err
		}
		cp.Dropped = gain
		if c.kind == LockKind || c.kind == VetoKind {
			cp.Binding = gain > 0
		}
		out = append(out, cp)
	}
	return out, nil
}

// switchCosts fills the Alternatives of every seat: for each other member
// that may contest it, the exact loss of the best plan that gives it the
// seat (a re-solve with that lock added), or nil when there is none or
// solve is false.
func (p *Planner) switchCosts(ctx context.Context, res *solver.Result, seats []SeatPlan, solve bool) error {
	prob := p.problem
	locked := make([]bool, len(p.seats))
	for _, l := range prob.Locks {
		locked[l.Item] = true
	}
	vetoed := make(map[solver.Pair]bool, len(prob.Vetoes))
	for _, v := range prob.Vetoes {
		vetoed[v] = true
	}
	forced := cloneProblem(prob)
	forced.Locks = append(forced.Locks, solver.Pair{})
	last := len(forced.Locks) - 1
	for i, sw := range p.seats {
		for _, o := range sw.Options {
			if o.Party == seats[i].Party {
				continue
			}
			alt := Alternative{Party: o.Party, W: o.W}
			pair := solver.Pair{Item: i, Agent: slices.Index(p.agents, o.Party)}
			if solve && !locked[i] && !vetoed[pair] {
				forced.Locks[last] = pair
				r, err := solver.Solve(ctx, forced, nil)
				switch {
				case errors.Is(err, solver.ErrInfeasible):
				case err != nil:
					return err
				case r.Status != solver.Optimal:
					return fmt.Errorf("seatshare: switching %v to %s: solver stopped with status %v", sw.ID, o.Party, r.Status)
				default:
					// A restriction can only lose, so the difference is
					// never negative for proven optima.
					loss, err := objectiveGain(r, res, fmt.Sprintf("switch %v to %s", sw.ID, o.Party))
					if err != nil {
						return err
					}
					alt.Cost = &loss
				}
			}
			seats[i].Alternatives = append(seats[i].Alternatives, alt)
		}
	}
	return nil
}

// gain solves a relaxation of the planner's problem and returns how many
// expected wins it gains over res.
func (p *Planner) gain(ctx context.Context, res *solver.Result, relaxed *solver.Problem, c constraint) (float64, error) {
	r, err := p.solve(ctx, relaxed)
	if err != nil {
		return 0, fmt.Errorf("seatshare: pricing %s: %w", c.field, err)
	}
	return objectiveGain(res, r, c.field)
}

// objectiveGain returns the exact difference of two optima's objectives,
// from their certificates, as expected wins.
func objectiveGain(base, other *solver.Result, field string) (float64, error) {
	bc, oc := base.Certificate, other.Certificate
	if bc.Resolution != oc.Resolution {
		return 0, fmt.Errorf("seatshare: pricing %s: resolutions %v and %v differ", field, bc.Resolution, oc.Resolution)
	}
	d := oc.Objective - bc.Objective
	if d < 0 {
		return 0, fmt.Errorf("seatshare: pricing %s: internal error: a relaxation lost %d units of %v", field, -d, bc.Resolution)
	}
	return float64(d) * bc.Resolution, nil
}

// isInfeasible reports whether err says the solver proved infeasibility.
func isInfeasible(err error) bool { return errors.Is(err, solver.ErrInfeasible) }

// counts returns a function giving the number of items of agent a in group
// g (or solver.AllItems) under assignment x.
func (p *Planner) counts(x []int) func(a, g int) int {
	return func(a, g int) int {
		n := 0
		if g == solver.AllItems {
			for _, b := range x {
				if b == a {
					n++
				}
			}
			return n
		}
		for _, i := range p.problem.Groups[g].Items {
			if x[i] == a {
				n++
			}
		}
		return n
	}
}

// FrontierPoint is one point of a negotiation frontier: the best expected
// wins when the party gets exactly Seats seats of the set.
type FrontierPoint struct {
	Seats int `json:"seats"`
	// Feasible is false when no plan meets the other demands with this
	// count; Reason then says why.
	Feasible bool    `json:"feasible"`
	Expected float64 `json:"expected"`
	Reason   string  `json:"reason,omitempty"`
}

// Frontier returns, for each k from lo to hi, the best expected wins when
// party gets exactly k seats of the set (the planner's problem with
// party's demands on that exact set replaced by min = max = k; the other
// demands stay; a friendly fight of party's counts as its seat). It
// returns a *ScenarioError naming the argument when
// party is not a member, the set does not resolve, or lo > hi or lo < 0.
// It costs hi-lo+1 solves.
func (p *Planner) Frontier(ctx context.Context, party string, set SeatSet, lo, hi int) ([]FrontierPoint, error) {
	a := slices.Index(p.members, party)
	if a < 0 {
		return nil, serr("party", "party %q is not an alliance member", party)
	}
	if err := set.validate("set", func(field, state string) error { return nil }); err != nil {
		return nil, err
	}
	items, name, err := p.resolve("set", set)
	if err != nil {
		return nil, err
	}
	if lo < 0 || hi < lo {
		return nil, serr("range", "[%d, %d] is not a range of seat counts", lo, hi)
	}
	base := cloneProblem(p.problem)
	g := solver.AllItems
	if len(items) < len(p.seats) {
		g = slices.IndexFunc(base.Groups, func(gr solver.Group) bool { return gr.Name == name })
		if g < 0 {
			g = len(base.Groups)
			base.Groups = append(base.Groups, solver.Group{Name: name, Items: items})
		}
	}
	base.Bounds = slices.DeleteFunc(base.Bounds, func(b solver.Bound) bool { return b.Agent == a && b.Group == g })
	base.Rows = p.withoutFriendlyDemands(base.Rows, a, g)
	out := make([]FrontierPoint, 0, hi-lo+1)
	for k := lo; k <= hi; k++ {
		prob := cloneProblem(base)
		exact := fmt.Sprintf("%s exactly %d in %s", party, k, name)
		if fas := p.friendlyAgents(a); len(fas) > 0 {
			// The party's friendly fights count too.
			prob.Rows = append(prob.Rows, solver.Row{Name: exact, Terms: friendlyTerms(a, g, fas), Sense: solver.Equal, RHS: float64(k)})
		} else {
			prob.Bounds = append(prob.Bounds, solver.Bound{Name: exact, Agent: a, Group: g, Min: k, Max: k})
		}
		res, err := solver.Solve(ctx, prob, nil)
		var ie *solver.InfeasibleError
		switch {
		case errors.As(err, &ie):
			out = append(out, FrontierPoint{Seats: k, Reason: ie.Reason})
			continue
		case errors.Is(err, solver.ErrInfeasible):
			out = append(out, FrontierPoint{Seats: k, Reason: "infeasible"})
			continue
		case err != nil:
			return nil, err
		case res.Status != solver.Optimal:
			return nil, fmt.Errorf("seatshare: frontier at %d: solver stopped with status %v", k, res.Status)
		}
		out = append(out, FrontierPoint{Seats: k, Feasible: true, Expected: res.Objective})
	}
	return out, nil
}

// rowLHS returns the left-hand side of r under assignment x, with counts
// from p.counts(x): its terms' counts and its pairs' indicators.
func rowLHS(r solver.Row, x []int, counts func(a, g int) int) float64 {
	lhs := 0.0
	for _, t := range r.Terms {
		lhs += t.Coef * float64(counts(t.Agent, t.Group))
	}
	for _, t := range r.Pairs {
		if x[t.Item] == t.Agent {
			lhs += t.Coef
		}
	}
	return lhs
}
