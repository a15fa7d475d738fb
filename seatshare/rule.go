package seatshare

import (
	"context"
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/solver"
)

// FairnessRule is a fairness rule as a value: it checks a plan and reports
// each violation with its numbers. The built-in rules (SittingRule,
// QuotaRule, IndividualRationality) implement it, and a caller's own rule
// is their peer: pass it in PlanSettings.Rules and Planner.PlanWith checks
// it, enforces it when it is also a LinearRule, and prices it.
type FairnessRule interface {
	// Name describes the rule in reports.
	Name() string
	// Check returns the rule's violations in plan, in an order that
	// depends only on plan; none when plan meets the rule.
	Check(plan *Plan) []Violation
}

// LinearRule is a FairnessRule that linear constraints can enforce.
type LinearRule interface {
	FairnessRule
	// Enforce returns the demands, locks, vetoes and rows that every plan
	// of pl meeting them meets the rule with. It must not modify pl.
	Enforce(pl *Planner) (Enforcement, error)
}

// Enforcement holds what enforces a LinearRule on a planner.
type Enforcement struct {
	// Demands are count bounds, as in Scenario.Demands.
	Demands []Demand
	// Locks and Vetoes restrict single seats, as in Scenario.Locks and
	// Scenario.Vetoes.
	Locks, Vetoes []Pin
	// Rows are general rows in the indices of the planner's solver
	// problem (see Planner.Problem): item i is the planner's seat i (see
	// Planner.Seats), agent a is Problem().Agents[a], and Group indexes
	// Problem().Groups or is solver.AllItems. Pairs put a real coefficient
	// on one seat going to one party, as the win-probability weights of
	// IndividualRationality do.
	Rows []solver.Row
}

// Violation is one breach of a fairness rule, with its numbers: Party got
// Got in Set where the rule requires at least (Bound "min") or at most
// (Bound "max") Required.
type Violation struct {
	Party string `json:"party"`
	// Set describes the seats: a state, a seat, or "all seats".
	Set string `json:"set"`
	// What names the quantity: "seats", "expected wins" or "seat" (1 when
	// the party holds the seat).
	What     string  `json:"what"`
	Got      float64 `json:"got"`
	Bound    string  `json:"bound"`
	Required float64 `json:"required"`
}

// String writes the violation as "INC: 3 seats in Bihar, min 4".
func (v Violation) String() string {
	return fmt.Sprintf("%s: %s %s in %s, %s %s", v.Party, fmtNum(v.Got), v.What, v.Set, v.Bound, fmtNum(v.Required))
}

// fmtNum writes integers without decimals and other values with 4.
func fmtNum(x float64) string {
	if x == float64(int64(x)) {
		return fmt.Sprintf("%d", int64(x))
	}
	return fmt.Sprintf("%.4f", x)
}

// RuleCheck is a plan's report on one fairness rule.
type RuleCheck struct {
	// Field is the rule's place: "rules[i]" for the scenario's rules,
	// "settings.rules[i]" for PlanSettings.Rules.
	Field string `json:"field"`
	Name  string `json:"name"`
	// Enforced is true for a LinearRule, whose constraints the plan obeys.
	Enforced bool `json:"enforced"`
	// Violations are the rule's complaints about the plan; an enforced
	// rule has none unless it is wrong about its own enforcement.
	Violations []Violation `json:"violations"`
	// Price is the price of fairness of an enforced rule: the best
	// expected wins without the rule's constraints against the plan's.
	// It is nil for a rule that is not enforced and when the best total
	// is 0 (the relative price is then undefined).
	Price *FairnessPrice `json:"price"`
}

// FairnessPrice is the price of fairness of a rule (see
// scoring.PriceOfFairness): Best is the best expected wins without the
// rule, Fair with it, Absolute = Best - Fair (exact, from the solver's
// certificates, never negative) and Relative = Absolute/Best.
type FairnessPrice struct {
	Best     float64 `json:"best"`
	Fair     float64 `json:"fair"`
	Absolute float64 `json:"absolute"`
	Relative float64 `json:"relative"`
}

// boundRule is a rule of a planner with its place.
type boundRule struct {
	field string
	rule  FairnessRule
}

// Rules returns the fairness rules of the planner's scenario as values,
// in the scenario's order: a SittingRule or QuotaRule for each "sitting"
// or "quota" rule, an IndividualRationality for each
// "individual-rationality" rule.
func (p *Planner) Rules() []FairnessRule {
	var out []FairnessRule
	for _, br := range p.rules {
		if br.field[0] == 'r' { // "rules[i]"; settings' rules live in derived planners only
			out = append(out, br.rule)
		}
	}
	return out
}

// withRules returns a planner that also enforces (when linear) and checks
// the caller's rules, named "settings.rules[i]". p is not modified.
func (p *Planner) withRules(rules []FairnessRule) (*Planner, error) {
	q := *p
	q.constraints = slices.Clone(p.constraints)
	q.rules = slices.Clone(p.rules)
	b := q.newBuilder(cloneProblem(p.problem))
	for i, r := range rules {
		f := fmt.Sprintf("settings.rules[%d]", i)
		if r == nil {
			return nil, serr(f, "nil rule")
		}
		q.rules = append(q.rules, boundRule{field: f, rule: r})
		lr, ok := r.(LinearRule)
		if !ok {
			continue
		}
		e, err := lr.Enforce(p)
		if err != nil {
			return nil, fmt.Errorf("seatshare: %s (%s): %w", f, r.Name(), err)
		}
		for _, d := range e.Demands {
			if err := b.demand(f, d); err != nil {
				return nil, err
			}
		}
		for _, row := range e.Rows {
			if err := b.row(f, row); err != nil {
				return nil, err
			}
		}
		for _, pin := range e.Locks {
			if err := b.pin(LockKind, f, pin); err != nil {
				return nil, err
			}
		}
		for _, pin := range e.Vetoes {
			if err := b.pin(VetoKind, f, pin); err != nil {
				return nil, err
			}
		}
	}
	if err := b.prob.Validate(); err != nil {
		return nil, serr("settings.rules", "the rules' constraints do not make a valid problem: %v", err)
	}
	q.problem = b.prob
	return &q, nil
}

// checkRules reports every rule of p on plan, pricing the enforced ones
// with one solve each.
func (p *Planner) checkRules(ctx context.Context, plan *Plan, res *solver.Result) ([]RuleCheck, error) {
	var out []RuleCheck
	for _, br := range p.rules {
		rc := RuleCheck{Field: br.field, Name: br.rule.Name(), Violations: br.rule.Check(plan)}
		if rc.Violations == nil {
			rc.Violations = []Violation{}
		}
		_, rc.Enforced = br.rule.(LinearRule)
		if rc.Enforced {
			free, err := p.solve(ctx, p.without(br.field))
			if err != nil {
				return nil, fmt.Errorf("seatshare: pricing %s: %w", br.field, err)
			}
			gain, err := objectiveGain(res, free, br.field)
			if err != nil {
				return nil, err
			}
			if best := plan.Expected + gain; best > 0 {
				pf, err := scoring.NewPriceOfFairness(best, plan.Expected)
				if err != nil {
					return nil, fmt.Errorf("seatshare: pricing %s: %w", br.field, err)
				}
				rc.Price = &FairnessPrice{Best: pf.Best, Fair: pf.Fair, Absolute: gain, Relative: pf.Relative}
			}
		}
		out = append(out, rc)
	}
	return out, nil
}

// without returns p's problem without the constraints of the scenario
// element field.
func (p *Planner) without(field string) *solver.Problem {
	drop := make(map[ConstraintKind]map[int]bool)
	for _, c := range p.constraints {
		if c.field == field {
			if drop[c.kind] == nil {
				drop[c.kind] = make(map[int]bool)
			}
			drop[c.kind][c.index] = true
		}
	}
	q := cloneProblem(p.problem)
	q.Bounds = deleteIndices(q.Bounds, drop[DemandKind])
	q.Rows = deleteIndices(q.Rows, drop[RowKind])
	q.Locks = deleteIndices(q.Locks, drop[LockKind])
	q.Vetoes = deleteIndices(q.Vetoes, drop[VetoKind])
	return q
}

// deleteIndices returns s without the elements whose index is in drop.
func deleteIndices[T any](s []T, drop map[int]bool) []T {
	out := s[:0]
	for i, x := range s {
		if !drop[i] {
			out = append(out, x)
		}
	}
	return out
}

// planSeat returns the plan's seat id.
func planSeat(plan *Plan, id SeatID) (*SeatPlan, bool) {
	i, ok := slices.BinarySearchFunc(plan.Seats, id, func(sp SeatPlan, id SeatID) int { return sp.ID.Compare(id) })
	if !ok {
		return nil, false
	}
	return &plan.Seats[i], true
}

// SittingRule is "sitting members keep their seats": each of Seats is
// locked to its party, the member that won it in Year.
type SittingRule struct {
	Year  int
	Seats []Pin
}

// Name implements FairnessRule.
func (r *SittingRule) Name() string {
	return fmt.Sprintf("sitting members keep their seats (winners of %d)", r.Year)
}

// Check reports each seat of r.Seats that the plan gives to another party
// (or that the plan does not contain).
func (r *SittingRule) Check(plan *Plan) []Violation {
	var out []Violation
	for _, pin := range r.Seats {
		id := SeatID{pin.State, pin.No}
		sp, ok := planSeat(plan, id)
		if ok && sp.Party == pin.Party {
			continue
		}
		set := id.String()
		if ok {
			set = seatLabel(id, sp.Name)
		}
		out = append(out, Violation{Party: pin.Party, Set: set, What: "seat", Got: 0, Bound: "min", Required: 1})
	}
	return out
}

// Enforce locks every seat of r.Seats to its party.
func (r *SittingRule) Enforce(*Planner) (Enforcement, error) {
	return Enforcement{Locks: slices.Clone(r.Seats)}, nil
}

// QuotaRule is "within quota": in each state, each member's seats lie
// within the floor and ceiling of its exact quota of the state's seats,
// house*claim/total over the members in the alliance there (see
// scoring.Quotas).
type QuotaRule struct {
	// Claim is what the quotas are proportional to ("votes", "wins",
	// "seconds" or "numbers"), in Year (0 for "numbers").
	Claim string
	Year  int
	// States holds the quotas, one entry per state, in seat order.
	States []StateQuota
}

// StateQuota is one state's quotas under a QuotaRule.
type StateQuota struct {
	State string
	// Seats is the number of seats of the state in the plan.
	Seats int
	// Members are the members in the alliance in the state, in member
	// order; Claims their claims times 1e6, rounded (so that a split
	// party's fraction of a vote or a seat survives as an integer); Exact
	// their exact quotas and Floor, Ceil the bounds.
	Members     []string
	Claims      []int64
	Exact       []float64
	Floor, Ceil []int
}

// Name implements FairnessRule.
func (r *QuotaRule) Name() string {
	if r.Year > 0 {
		return fmt.Sprintf("within quota (claim: %s in %d)", r.Claim, r.Year)
	}
	return fmt.Sprintf("within quota (claim: %s)", r.Claim)
}

// Check reports each member whose seats in a state fall below the floor
// or above the ceiling of its quota.
func (r *QuotaRule) Check(plan *Plan) []Violation {
	var out []Violation
	for _, sq := range r.States {
		for k, m := range sq.Members {
			n := 0
			for _, sp := range plan.Seats {
				if sp.ID.State == sq.State && sp.Party == m {
					n++
				}
			}
			switch {
			case n < sq.Floor[k]:
				out = append(out, Violation{Party: m, Set: sq.State, What: "seats", Got: float64(n), Bound: "min", Required: float64(sq.Floor[k])})
			case n > sq.Ceil[k]:
				out = append(out, Violation{Party: m, Set: sq.State, What: "seats", Got: float64(n), Bound: "max", Required: float64(sq.Ceil[k])})
			}
		}
	}
	return out
}

// Enforce returns one demand per state and member: between the floor and
// the ceiling of its quota.
func (r *QuotaRule) Enforce(*Planner) (Enforcement, error) {
	what := r.Claim
	if r.Year > 0 {
		what = fmt.Sprintf("%s in %d", r.Claim, r.Year)
	}
	var e Enforcement
	for _, sq := range r.States {
		for k, m := range sq.Members {
			ceil := sq.Ceil[k]
			e.Demands = append(e.Demands, Demand{
				Name:    fmt.Sprintf("%s within quota in %s: %d-%d (quota %.2f of %d seats by %s)", m, sq.State, sq.Floor[k], ceil, sq.Exact[k], sq.Seats, what),
				Party:   m,
				SeatSet: SeatSet{State: sq.State},
				Min:     sq.Floor[k],
				Max:     &ceil,
			})
		}
	}
	return e, nil
}

// Entitlement returns each member's exact quotas summed over the states.
func (r *QuotaRule) Entitlement() map[string]float64 {
	out := make(map[string]float64)
	for _, sq := range r.States {
		for k, m := range sq.Members {
			out[m] += sq.Exact[k]
		}
	}
	return out
}

// PartyValue is a number attached to a party.
type PartyValue struct {
	Party string  `json:"party"`
	Value float64 `json:"value"`
}

// IndividualRationality is "no member expects fewer wins inside the
// alliance than alone": each member's expected wins in the plan (the sum
// of its win probabilities over the seats it contests) are at least
// v({member}), Planner.CoalitionValue of the member alone without demands
// (every other member contests alone against it).
type IndividualRationality struct {
	// Alone holds v({member}) for each member, in member order.
	Alone []PartyValue
}

// IRSlack is the tolerance, in expected wins, of IndividualRationality:
// its rows ask for v({member}) - IRSlack and its check accepts that much
// less, so that float rounding of a sum taken in another order cannot make
// an attainable value look infeasible.
const IRSlack = 1e-9

// IndividualRationality returns the rule with v({member}) for each member,
// computed with CoalitionValue(ctx, {member}, false): one planner build and
// solve per member.
func (p *Planner) IndividualRationality(ctx context.Context) (*IndividualRationality, error) {
	r := &IndividualRationality{}
	for _, m := range p.members {
		v, err := p.CoalitionValue(ctx, []string{m}, false)
		if err != nil {
			return nil, fmt.Errorf("seatshare: v({%s}): %w", m, err)
		}
		r.Alone = append(r.Alone, PartyValue{Party: m, Value: v})
	}
	return r, nil
}

// Name implements FairnessRule.
func (r *IndividualRationality) Name() string {
	return "individual rationality (each member expects at least its wins alone)"
}

// Check reports each member whose expected wins in plan fall short of
// its value alone by more than IRSlack.
func (r *IndividualRationality) Check(plan *Plan) []Violation {
	var out []Violation
	for _, a := range r.Alone {
		got := 0.0
		for _, pp := range plan.Parties {
			if pp.Party == a.Party {
				got = pp.Expected
			}
		}
		if got < a.Value-IRSlack {
			out = append(out, Violation{Party: a.Party, Set: "all seats", What: "expected wins", Got: got, Bound: "min", Required: a.Value})
		}
	}
	return out
}

// Enforce returns one row per member with a positive value alone: the sum
// over seats of w(seat, member) times [member contests the seat], plus the
// member's part of w in each friendly fight it takes part in (the split
// Plan.Parties uses, see FriendlyFight) times [the fight is chosen], >=
// v({member}) - IRSlack.
func (r *IndividualRationality) Enforce(pl *Planner) (Enforcement, error) {
	var e Enforcement
	for i, a := range r.Alone {
		if a.Value <= 0 {
			continue
		}
		agent := slices.Index(pl.agents, a.Party)
		if agent < 0 {
			return Enforcement{}, serr(fmt.Sprintf("alone[%d].party", i), "party %q is not a member of the planner", a.Party)
		}
		row := solver.Row{
			Name:  fmt.Sprintf("%s expects at least %.4f, its wins alone", a.Party, a.Value),
			Sense: solver.GreaterEq,
			RHS:   a.Value - IRSlack,
		}
		for item, sw := range pl.seats {
			for _, o := range sw.Options {
				if o.Party == a.Party && o.W > 0 {
					row.Pairs = append(row.Pairs, solver.PairTerm{Item: item, Agent: agent, Coef: o.W})
				}
			}
			for k, fp := range pl.friendly {
				parts, ok := fp.parts[item]
				if !ok || (fp.a != agent && fp.b != agent) {
					continue
				}
				part := parts[0]
				if fp.b == agent {
					part = parts[1]
				}
				if part > 0 {
					row.Pairs = append(row.Pairs, solver.PairTerm{Item: item, Agent: pl.friendlyBase() + k, Coef: part})
				}
			}
		}
		e.Rows = append(e.Rows, row)
	}
	return e, nil
}

// StateProportionality measures how far one state's split is from the
// claims of the scenario's first quota rule.
type StateProportionality struct {
	State string `json:"state"`
	// Claim describes the claim, such as "wins in 2009".
	Claim string `json:"claim"`
	// Gallagher and LoosemoreHanby are the disproportionality indices of
	// the members' seats against their claims, in [0, 1] (see
	// scoring.Gallagher and scoring.LoosemoreHanby).
	Gallagher      float64 `json:"gallagher"`
	LoosemoreHanby float64 `json:"loosemore_hanby"`
	// WPROP1 lists the members with a positive claim whose seats plus one
	// fall short of their proportional share of the state's seats, and
	// WEF1 each pair "A envies B" of members with positive claims where A's
	// seats per claim stay below B's even after taking one seat from B
	// (see scoring.SeatsWPROP1 and scoring.SeatsWEF1); both are exact and
	// empty when the split passes.
	WPROP1 []string `json:"wprop1_fails"`
	WEF1   []string `json:"wef1_fails"`
}

// proportionality measures plan against the first quota rule of p's
// scenario, state by state; nil without one.
func (p *Planner) proportionality(plan *Plan) ([]StateProportionality, error) {
	var q *QuotaRule
	for _, br := range p.rules {
		if qr, ok := br.rule.(*QuotaRule); ok && br.field[0] == 'r' {
			q = qr
			break
		}
	}
	if q == nil {
		return nil, nil
	}
	claim := q.Claim
	if q.Year > 0 {
		claim = fmt.Sprintf("%s in %d", q.Claim, q.Year)
	}
	var out []StateProportionality
	for _, sq := range q.States {
		seats := make([]int, len(sq.Members))
		for _, sp := range plan.Seats {
			if sp.ID.State == sq.State {
				if k := slices.Index(sq.Members, sp.Party); k >= 0 {
					seats[k]++
				}
			}
		}
		sp := StateProportionality{State: sq.State, Claim: claim, WPROP1: []string{}, WEF1: []string{}}
		var err error
		if sp.Gallagher, err = scoring.Gallagher(sq.Claims, seats); err != nil {
			// No member holds a seat (all went to the separate option).
			continue
		}
		if sp.LoosemoreHanby, err = scoring.LoosemoreHanby(sq.Claims, seats); err != nil {
			return nil, fmt.Errorf("seatshare: proportionality in %s: %w", sq.State, err)
		}
		var names []string
		var ps []int
		var cs []int64
		for k, c := range sq.Claims {
			if c > 0 {
				names = append(names, sq.Members[k])
				ps = append(ps, seats[k])
				cs = append(cs, c)
			}
		}
		short, err := scoring.SeatsWPROP1(ps, cs)
		if err != nil {
			return nil, fmt.Errorf("seatshare: proportionality in %s: %w", sq.State, err)
		}
		for _, s := range short {
			share, _ := s.Share.Float64()
			sp.WPROP1 = append(sp.WPROP1, fmt.Sprintf("%s: %d seats + 1 < share %.2f", names[s.Party], s.Seats, share))
		}
		envy, err := scoring.SeatsWEF1(ps, cs)
		if err != nil {
			return nil, fmt.Errorf("seatshare: proportionality in %s: %w", sq.State, err)
		}
		for _, e := range envy {
			sp.WEF1 = append(sp.WEF1, fmt.Sprintf("%s envies %s (%d vs %d seats)", names[e.Party], names[e.Other], e.Seats, e.OtherSeats))
		}
		out = append(out, sp)
	}
	return out, nil
}

// planOf returns the plan of assignment x with what rules check: each
// seat's party and win probability, each member's seats and expected wins.
func (p *Planner) planOf(x []int) *Plan {
	plan := &Plan{Scenario: p.scenario.Name}
	parties := make([]PartyPlan, len(p.agents))
	for a, m := range p.agents {
		parties[a].Party = m
	}
	for i, sw := range p.seats {
		k := slices.IndexFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == p.agents[x[i]] })
		o := sw.Options[k]
		plan.Seats = append(plan.Seats, SeatPlan{ID: sw.ID, Name: sw.Name, Category: sw.Category, Party: o.Party, Strength: o.Strength, Flags: o.Flags, W: o.W, Margin: o.Margin, Opponent: o.Opponent})
		plan.Expected += o.W
		p.credit(parties, i, x[i], o.W)
	}
	plan.Parties = parties[:len(p.members)]
	return plan
}
