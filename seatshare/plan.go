package seatshare

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/solver"
)

// Source loads the results of the general election held in year.
type Source func(year int) (*Election, error)

// DataDir returns the Source that reads lsYYYY_candidates.csv from dir,
// the layout of the real results (see OpenData).
func DataDir(dir string) Source {
	return func(year int) (*Election, error) {
		return LoadResults(filepath.Join(dir, fmt.Sprintf("ls%d_candidates.csv", year)))
	}
}

// ErrInfeasible reports that the demands of a scenario cannot all be met.
// *InfeasibleError wraps it.
var ErrInfeasible = errors.New("seatshare: the demands cannot all be met")

// InfeasibleError explains why no plan meets every demand: the scenario
// elements that cannot hold together and the arithmetic. It matches
// ErrInfeasible and solver.ErrInfeasible with errors.Is.
type InfeasibleError struct {
	// Conflict lists the scenario elements in conflict, by field path
	// ("demands[0]", "locks[2]", "rules[0]") and name.
	Conflict []string
	// Reason is the solver's arithmetic.
	Reason string
	// Err is the solver's error: a *solver.InfeasibleError when the solver
	// explained the conflict, solver.ErrInfeasible otherwise.
	Err error
}

// Error implements error.
func (e *InfeasibleError) Error() string {
	return fmt.Sprintf("%v: %s", ErrInfeasible, e.Reason)
}

// Unwrap returns ErrInfeasible and the solver's error.
func (e *InfeasibleError) Unwrap() []error { return []error{ErrInfeasible, e.Err} }

// BaseInfo describes one base election of a plan.
type BaseInfo struct {
	Year   int     `json:"year"`
	Weight float64 `json:"weight"`
	// Source is where the results came from (Election.Source).
	Source string `json:"source"`
}

// Planner holds a scenario joined with its results: the seats in scope,
// each member's win probability in each seat, and the solver problem that
// the demands define. Build it with NewPlanner; its methods do not modify
// it, so one Planner may serve concurrent calls.
type Planner struct {
	scenario    *Scenario
	src         Source
	agents      []string           // the solver's agents: the members, then SeparateOption if any seat has it, then the friendly fights
	friendly    []friendlyPair     // the friendly fights' agents, in agent order
	entitlement map[string]float64 // exact quotas of the first quota rule, nil without one
	bases       []BaseInfo
	strength    *Strength
	members     []string
	seats       []SeatWeights
	problem     *solver.Problem
	constraints []constraint
	rules       []boundRule // the scenario's rules, then PlanSettings.Rules in derived planners
	// modelDefaults lists the model fields NewPlanner set from DefaultModel.
	modelDefaults []string
	// settings are the PlannerSettings it was built with, passed on to
	// the planners built from it.
	settings PlannerSettings
}

// PlannerSettings controls NewPlannerWith. The zero value, and a nil
// *PlannerSettings, build the planner NewPlanner builds.
type PlannerSettings struct {
	// Link, when not nil, turns every candidate's margin into its win
	// probability in place of the scenario's model.link: a win-probability
	// model of the caller's own, such as a heavier-tailed or skewed
	// distribution function. It must return a value in [0, 1] for every
	// finite margin; NewPlannerWith returns an error naming the seat and
	// candidate where it does not. It is used everywhere the planner's
	// probabilities are: plans, prices, switch costs, coalition values,
	// the individual-rationality rule, the simulation (which keeps every
	// seat's probability), and Robustness, which then probes the transfer
	// rate only (a custom link has no scale the planner knows of). Plans
	// report it as "link: custom (LinkName)" and leave Plan.Model.Link nil.
	Link scoring.Link
	// LinkName names Link in plans; empty means Link's Go type and fields
	// as fmt's "%T%+v" prints them.
	LinkName string
}

// linkName returns the name plans give the custom link, "" without one.
func (s PlannerSettings) linkName() string {
	switch {
	case s.Link == nil:
		return ""
	case s.LinkName != "":
		return s.LinkName
	}
	return fmt.Sprintf("%T%+v", s.Link, s.Link)
}

// NewPlanner validates s, loads its base elections (and the elections its
// rules name) from src, estimates the base strengths with EstimateStrength,
// computes the win probability of every member in every seat of the
// scenario's states, and turns the demands, rows, locks, vetoes and rules
// into a solver problem. Seats where no member is in the alliance are not
// the alliance's to share and are left out.
//
// Elections without Telangana seats are first mapped with
// AndhraPradeshTo2019, so that every election uses the same identities.
// Errors: a *ScenarioError naming the field for anything wrong with the
// scenario, including what only the results reveal (a state or seat that
// does not exist, a party found in no base election, a min larger than
// its set); the Source's error, wrapped with the year, when an election
// cannot be loaded. It takes O(B*n + S*M^2) time for B bases of n
// candidates, S seats and M members.
func NewPlanner(s *Scenario, src Source) (*Planner, error) {
	return NewPlannerWith(s, src, nil)
}

// NewPlannerWith is NewPlanner with settings; a nil set means the
// defaults. With set.Link, the scenario's model.link is not used (and
// not reported as defaulted when it is missing).
func NewPlannerWith(s *Scenario, src Source, set *PlannerSettings) (*Planner, error) {
	if set == nil {
		set = &PlannerSettings{}
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s, defaulted := s.withModelDefaults()
	if set.Link != nil {
		defaulted = slices.DeleteFunc(defaulted, func(f string) bool { return f == "model.link" })
	}
	pm, _ := s.partyMap() // validated
	settings, _ := s.Strength.settings()
	cache := make(map[int]*Election)
	load := func(field string, year int) (*Election, error) {
		if e, ok := cache[year]; ok {
			return e, nil
		}
		e, err := src(year)
		if err != nil {
			return nil, fmt.Errorf("seatshare: %s: loading the %d results: %w", field, year, err)
		}
		if len(e.State(Telangana)) == 0 && len(e.State(AndhraPradesh)) > 0 {
			if e, err = e.MapSeats(AndhraPradeshTo2019); err != nil {
				return nil, fmt.Errorf("seatshare: %s: %w", field, err)
			}
		}
		cache[year] = e
		return e, nil
	}
	p := &Planner{scenario: s, src: src, modelDefaults: defaulted, settings: *set}
	bases := make([]Base, len(s.Bases))
	for i, b := range s.Bases {
		f := fmt.Sprintf("bases[%d]", i)
		e, err := load(f+".year", b.Year)
		if err != nil {
			return nil, err
		}
		bases[i] = Base{Election: e, Weight: b.Weight, Parties: pm}
		for _, a := range b.Alliances {
			split, _ := parseSplit(a.Split)
			bases[i].Alliances = append(bases[i].Alliances, Alliance{
				Name: a.Name, Members: a.Members, States: a.States, Split: split, Fractions: a.Fractions,
			})
		}
		p.bases = append(p.bases, BaseInfo{Year: b.Year, Weight: b.Weight, Source: e.Source})
	}
	latest := bases[0].Election
	for _, b := range bases[1:] {
		if b.Election.Year > latest.Year {
			latest = b.Election
		}
	}
	// States and seats exist.
	for i, st := range s.States {
		if len(latest.State(st)) == 0 {
			return nil, serr(fmt.Sprintf("states[%d]", i), "no state %q in the %d results", st, latest.Year)
		}
	}
	for i, m := range s.Alliance {
		for j, st := range m.States {
			if len(latest.State(st)) == 0 {
				return nil, serr(fmt.Sprintf("alliance[%d].states[%d]", i, j), "no state %q in the %d results", st, latest.Year)
			}
		}
	}
	for i, o := range s.Overrides {
		id := SeatID{o.State, o.No}
		if _, ok := latest.Constituency(id); !ok {
			return nil, serr(fmt.Sprintf("overrides[%d].pc_no", i), "no seat %v in the %d results", id, latest.Year)
		}
		settings.Overrides = append(settings.Overrides, Override{Seat: id, Party: o.Party, Share: o.Share})
	}
	st, err := EstimateStrength(bases, settings)
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return nil, &ScenarioError{Field: ve.Field, Err: ve.Err}
		}
		return nil, err
	}
	p.strength = st

	// Party columns.
	col := make(map[string]int)
	for i, m := range s.Alliance {
		j, ok := st.PartyIndex(m.Party)
		if !ok {
			return nil, serr(fmt.Sprintf("alliance[%d].party", i), "party %q is in none of the base elections", m.Party)
		}
		col[m.Party] = j
		p.members = append(p.members, m.Party)
	}
	for i, r := range s.Rival {
		j, ok := st.PartyIndex(r)
		if !ok {
			return nil, serr(fmt.Sprintf("rival[%d]", i), "party %q is in none of the base elections", r)
		}
		col[r] = j
	}
	mod := newModel(s, col, set.Link)
	for i, a := range s.Model.Adjust {
		if _, ok := latest.Constituency(SeatID{a.State, a.No}); !ok {
			return nil, serr(fmt.Sprintf("model.adjust[%d].pc_no", i), "no seat %s/%d in the %d results", a.State, a.No, latest.Year)
		}
	}

	// Seats in scope, with their weights.
	cands := make([]int, 0, len(p.members))
	names := make([]string, 0, len(p.members))
	for i, id := range st.Seats() {
		if len(s.States) > 0 && !slices.Contains(s.States, id.State) {
			continue
		}
		c, _ := latest.Constituency(id)
		cands, names = cands[:0], names[:0]
		for _, m := range s.Alliance {
			if len(m.States) == 0 || slices.Contains(m.States, id.State) {
				cands = append(cands, col[m.Party])
				names = append(names, m.Party)
			}
		}
		if len(cands) == 0 {
			continue // no member is in the alliance here: not the alliance's seat
		}
		flags := func(col int) Imputation { return st.Cell(i, col).Flags }
		opts, err := mod.seatWeights(id, st.Row(i), flags, st.Parties(), cands, names)
		if err != nil {
			return nil, fmt.Errorf("seatshare: %w", err)
		}
		if slices.Contains(s.Separate, id.State) {
			sep, err := mod.separate(id, st.Row(i), flags, st.Parties(), cands, names)
			if err != nil {
				return nil, fmt.Errorf("seatshare: %w", err)
			}
			opts = append(opts, sep)
		}
		p.seats = append(p.seats, SeatWeights{ID: id, Name: c.Name, Category: c.Reserved, Options: opts})
	}

	p.agents = slices.Clone(p.members)
	if slices.ContainsFunc(p.seats, func(sw SeatWeights) bool { return slices.Contains(s.Separate, sw.ID.State) }) {
		p.agents = append(p.agents, SeparateOption)
	}
	for i, st := range s.Separate {
		if !slices.ContainsFunc(p.seats, func(sw SeatWeights) bool { return sw.ID.State == st }) {
			return nil, serr(fmt.Sprintf("separate[%d]", i), "no seats of state %q among the scenario's seats", st)
		}
	}
	// Planners built from this one (coalitions, robustness, individual
	// rationality) reuse the elections already loaded; the cache is not
	// written after the rules' elections are loaded.
	cached := func(year int) (*Election, error) {
		if e, ok := cache[year]; ok {
			return e, nil
		}
		return src(year)
	}
	enf := make([]Enforcement, len(s.Rules))
	var deferred []int // rules enforced after the friendly fights join
	for i, r := range s.Rules {
		f := fmt.Sprintf("rules[%d]", i)
		var e *Election
		if r.Year > 0 {
			if e, err = load(f+".year", r.Year); err != nil {
				return nil, err
			}
		}
		var rule LinearRule
		switch r.Kind {
		case "sitting":
			var pins []Pin
			pins, err = p.sittingPins(f, e, pm)
			rule = &SittingRule{Year: r.Year, Seats: pins}
		case "quota":
			var q *QuotaRule
			if q, err = p.quotaRule(f, r, e, pm); err == nil {
				rule = q
				if p.entitlement == nil {
					p.entitlement = q.Entitlement()
				}
			}
		case "individual-rationality":
			p.src = cached
			var ir *IndividualRationality
			if ir, err = p.IndividualRationality(context.Background()); err == nil {
				rule = ir
			}
		}
		if err != nil {
			return nil, err
		}
		p.rules = append(p.rules, boundRule{field: f, rule: rule})
		if r.Kind == "individual-rationality" {
			deferred = append(deferred, i) // enforced below, with the friendly fights
			continue
		}
		if enf[i], err = rule.Enforce(p); err != nil {
			return nil, err
		}
	}
	// The friendly fights come after the rules, which see the members'
	// own options only; individual rationality counts each member's part
	// of its fights, so it is enforced after them.
	if err := p.addFriendly(mod); err != nil {
		return nil, err
	}
	for _, i := range deferred {
		if enf[i], err = p.rules[i].rule.(LinearRule).Enforce(p); err != nil {
			return nil, err
		}
	}
	if err := p.buildProblem(enf); err != nil {
		return nil, err
	}
	p.src = cached
	return p, nil
}

// Scenario returns the planner's scenario. The caller must not modify it.
func (p *Planner) Scenario() *Scenario { return p.scenario }

// Strength returns the estimated base strengths.
func (p *Planner) Strength() *Strength { return p.strength }

// Seats returns the seats in scope, sorted by SeatID, with each eligible
// member's win probability. The caller must not modify them.
func (p *Planner) Seats() []SeatWeights { return p.seats }

// Problem returns a deep copy of the solver problem: one item per seat (in
// the order of Seats), one agent per member (in the scenario's order), the
// demands as Bounds, the rows as Rows, then locks and vetoes. The caller
// may modify it (re-weight options, add rows) without changing the
// planner. It costs O(size of the problem).
func (p *Planner) Problem() *solver.Problem {
	prob := cloneProblem(p.problem)
	prob.Agents = slices.Clone(prob.Agents)
	prob.Items = slices.Clone(prob.Items)
	for i := range prob.Items {
		prob.Items[i].Options = slices.Clone(prob.Items[i].Options)
	}
	for i := range prob.Groups {
		prob.Groups[i].Items = slices.Clone(prob.Groups[i].Items)
	}
	for i := range prob.Rows {
		prob.Rows[i].Terms = slices.Clone(prob.Rows[i].Terms)
		prob.Rows[i].Pairs = slices.Clone(prob.Rows[i].Pairs)
	}
	return prob
}

// Plan is an optimal seat-sharing plan with its explanation.
type Plan struct {
	// Scenario is the scenario's name.
	Scenario string `json:"scenario"`
	// Bases are the base elections the strengths come from.
	Bases []BaseInfo `json:"bases"`
	// Model holds the model's parameters in use, and ModelDefaults the
	// fields of it that the scenario left out and the calibrated defaults
	// filled (see DefaultModel), such as "model.link".
	Model         ModelSpec `json:"model"`
	ModelDefaults []string  `json:"model_defaults"`
	// CustomLink names the caller's own link (PlannerSettings.Link) when
	// the planner has one; Model.Link is then nil.
	CustomLink string `json:"custom_link,omitempty"`
	// Expected is the alliance's expected number of wins, the sum of the
	// chosen candidates' win probabilities.
	Expected float64 `json:"expected"`
	// Seats has one entry per seat, sorted by SeatID.
	Seats []SeatPlan `json:"seats"`
	// Parties has one entry per member, in the scenario's order.
	Parties []PartyPlan `json:"parties"`
	// Separate counts the seats where the members contest separately
	// (Party SeparateOption) and the alliance's expected wins there.
	Separate PartyPlan `json:"separate"`
	// Constraints lists the demands, rows, locks and vetoes, in that order,
	// each with its price.
	Constraints []ConstraintPlan `json:"constraints"`
	// Fairness reports each fairness rule (the scenario's, then
	// PlanSettings.Rules): its violations and, when enforced, its price.
	Fairness []RuleCheck `json:"fairness"`
	// Proportionality measures the split state by state against the
	// claims of the scenario's first quota rule; nil without one. A state
	// where no member contests a seat (every seat is contested separately)
	// has no split to measure and is left out.
	Proportionality []StateProportionality `json:"proportionality,omitempty"`
	// Simulation summarises the distribution of the total; nil when the
	// scenario asks for no simulation.
	Simulation *SimulationSummary `json:"simulation"`
	// Result is the solver's result, whose certificate solver.Verify checks
	// against Planner.Problem. Its Stats hold run times, so it is left out
	// of every written form of the plan.
	Result *solver.Result `json:"-"`
}

// SeatPlan is one seat of a plan.
type SeatPlan struct {
	ID       SeatID
	Name     string
	Category Category
	// Party contests the seat for the alliance, with win probability W and
	// margin Margin; Opponent is its strongest opponent. Strength is the
	// party's base strength there and Flags how it was estimated.
	Party    string
	Strength float64
	Flags    Imputation
	W        float64
	Margin   float64
	Opponent string
	// Alternative is the member with the highest win probability other
	// than Party (the first in member order on a tie), AltW its
	// probability; both are empty when nobody else may contest the seat.
	Alternative string
	AltW        float64
	// Regret is max(0, the best member's W - W): what the seat alone loses
	// to the demands. (The plan's total may still be optimal.)
	Regret float64
	// Alternatives lists the other members that may contest the seat, in
	// member order, each with the exact cost of giving it the seat.
	Alternatives []Alternative
	// Locked is true when a lock or a rule gave the seat to Party.
	Locked bool
}

// Alternative is another member that may contest a seat of a plan.
type Alternative struct {
	Party string  `json:"party"`
	W     float64 `json:"w"`
	// Cost is the reduced cost of the switch under the bounds: the
	// expected wins lost by the best plan that gives this party the seat
	// (every other seat may change too), never negative. It is nil when no
	// such plan meets the demands (the seat is locked, the party vetoed
	// there, or a bound forbids it), or when PlanSettings.NoSwitchCosts
	// skipped it.
	Cost *float64 `json:"cost"`
}

// PartyPlan is one member's part of a plan.
type PartyPlan struct {
	Party string `json:"party"`
	// Seats is the number of seats the party contests.
	Seats int `json:"seats"`
	// Expected is the party's expected wins, the sum of its W.
	Expected float64 `json:"expected"`
	// Entitlement is the party's exact quota of seats under the
	// scenario's first "quota" rule, summed over the states; nil without
	// such a rule.
	Entitlement *float64 `json:"entitlement,omitempty"`
}

// ConstraintPlan is one demand, row, lock or veto of a plan with its price.
type ConstraintPlan struct {
	Kind ConstraintKind `json:"kind"`
	// Field is the scenario element, such as "demands[0]", "rules[1]".
	Field string `json:"field"`
	Name  string `json:"name"`
	// Party is "" for rows.
	Party string `json:"party"`
	// Set describes the seats: a state, a category, a list, or the seat of
	// a lock or veto.
	Set string `json:"set"`
	// Value is the constraint's left-hand side at the plan: the party's
	// seats in the set for demands, the row's sum for rows, 1 or 0 for a
	// lock or veto (whether the pair is in the plan).
	Value float64 `json:"value"`
	// Binding reports whether the constraint holds with equality: a
	// demand at its min or max, a row at its right-hand side. Locks are
	// binding when the optimum without them differs; vetoes likewise.
	Binding bool `json:"binding"`
	// Relaxed is the gain in expected wins from loosening the constraint by
	// one seat (a demand's min down and max up by one, a row's right-hand
	// side by one); nil for locks and vetoes.
	Relaxed *float64 `json:"relaxed"`
	// Dropped is the gain in expected wins from removing the constraint.
	Dropped float64 `json:"dropped"`
}

// SimulationSummary is the distribution of the alliance's total wins under
// correlated swings (see scoring.Simulate).
type SimulationSummary struct {
	Scenarios int    `json:"scenarios"`
	Seed      uint64 `json:"seed"`
	// Mean and SD are the mean and standard deviation of the total, with
	// their Monte Carlo standard errors.
	Mean Estimate `json:"mean"`
	SD   Estimate `json:"sd"`
	// Quantiles are the 5%, 25%, 50%, 75% and 95% quantiles.
	Quantiles []Quantile `json:"quantiles"`
	// Target and AtLeastTarget give P(total >= Target); Target is 0 and
	// AtLeastTarget nil when the scenario sets none.
	Target        int       `json:"target"`
	AtLeastTarget *Estimate `json:"at_least_target,omitempty"`
	// Counts[k] is the number of scenarios in which the alliance won k
	// seats, for k from 0 to the number of seats.
	Counts []int64 `json:"counts"`
}

// Estimate is a Monte Carlo estimate with its standard error.
type Estimate struct {
	Value float64 `json:"value"`
	SE    float64 `json:"se"`
}

// Quantile is one quantile of the simulated total: the smallest k such that
// at least Level of the scenarios won k seats or fewer, with a 95%
// order-statistic interval [Lo, Hi] and the standard error it implies (see
// scoring.Distribution.Quantile).
type Quantile struct {
	Level float64 `json:"level"`
	Value int     `json:"value"`
	Lo    int     `json:"lo"`
	Hi    int     `json:"hi"`
	SE    float64 `json:"se"`
}

// quantileLevels are the quantiles a SimulationSummary reports.
var quantileLevels = [...]float64{0.05, 0.25, 0.5, 0.75, 0.95}

// Summarize returns the summary of a simulated distribution of the
// alliance's total: d as simulated under spec, with P(total >= target)
// when target is positive. The planner's simulations and the command's
// simulate both report through it.
func Summarize(d *scoring.Distribution, spec SimulationSpec, target int) *SimulationSummary {
	est := func(e scoring.Estimate) Estimate { return Estimate{Value: e.Value, SE: e.SE} }
	sum := &SimulationSummary{
		Scenarios: spec.Scenarios, Seed: spec.Seed, Mean: est(d.Mean()), SD: est(d.SD()),
		Target: target, Counts: d.Counts,
	}
	for _, level := range quantileLevels {
		q := d.Quantile(level)
		sum.Quantiles = append(sum.Quantiles, Quantile{Level: level, Value: q.Value, Lo: q.Lo, Hi: q.Hi, SE: q.SE})
	}
	if target > 0 {
		at := est(d.AtLeast(target))
		sum.AtLeastTarget = &at
	}
	return sum
}

// Plan solves the planner's problem and explains the optimum: every seat
// with its alternatives and the cost of switching to each (one re-solve
// per alternative, see Alternative), every party, every constraint with
// its price (two re-solves each, see ConstraintPlan), and the simulated
// distribution of the total when the scenario asks for it.
//
// Plan returns an *InfeasibleError when the demands cannot all be met, and
// ctx.Err() when ctx ends first. Its cost is 1 + A + 2*K solves for A
// alternatives over all seats and K constraints, plus the simulation's
// O(N*S) for N scenarios of S seats.
func (p *Planner) Plan(ctx context.Context) (*Plan, error) {
	return p.PlanWith(ctx, nil)
}

// PlanSettings controls Planner.PlanWith. The zero value, and a nil
// *PlanSettings, compute everything, as Plan does.
type PlanSettings struct {
	// NoSwitchCosts skips the switch costs of the seats' alternatives (one
	// solve per alternative, the bulk of the work on a national plan); the
	// alternatives are then listed with a nil Cost.
	NoSwitchCosts bool
	// Rules are fairness rules of the caller's own, beside the scenario's.
	// Each is checked on the plan (Plan.Fairness, field
	// "settings.rules[i]"); a LinearRule is also enforced, its constraints
	// listed and priced with the others, and its price of fairness
	// reported.
	Rules []FairnessRule
}

// PlanWith is Plan with settings; a nil s means the defaults. It returns a
// *ScenarioError when a rule of s cannot be enforced on the planner (a
// demand or pin naming a seat or party it does not have).
func (p *Planner) PlanWith(ctx context.Context, s *PlanSettings) (*Plan, error) {
	if s == nil {
		s = &PlanSettings{}
	}
	if len(s.Rules) > 0 {
		q, err := p.withRules(s.Rules)
		if err != nil {
			return nil, err
		}
		p = q
	}
	if len(p.seats) == 0 {
		return nil, serr("alliance", "no member is in the alliance in any seat of the scenario")
	}
	res, err := p.solve(ctx, p.problem)
	if err != nil {
		return nil, err
	}
	plan := &Plan{Scenario: p.scenario.Name, Bases: slices.Clone(p.bases), Model: p.scenario.Model, ModelDefaults: slices.Clone(p.modelDefaults), Result: res}
	if plan.ModelDefaults == nil {
		plan.ModelDefaults = []string{}
	}
	if plan.CustomLink = p.settings.linkName(); plan.CustomLink != "" {
		plan.Model.Link = nil
	}
	locked := make([]bool, len(p.seats))
	for _, l := range p.problem.Locks {
		locked[l.Item] = true
	}
	parties := make([]PartyPlan, len(p.agents))
	for a, m := range p.agents {
		parties[a].Party = m
	}
	for i, sw := range p.seats {
		a := res.Assignment[i]
		k := slices.IndexFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == p.agents[a] })
		o := sw.Options[k]
		sp := SeatPlan{
			ID: sw.ID, Name: sw.Name, Category: sw.Category,
			Party: o.Party, Strength: o.Strength, Flags: o.Flags, W: o.W, Margin: o.Margin, Opponent: o.Opponent,
			Locked: locked[i],
		}
		best := o.W
		for j, alt := range sw.Options {
			if j == k {
				continue
			}
			if sp.Alternative == "" || alt.W > sp.AltW {
				sp.Alternative, sp.AltW = alt.Party, alt.W
			}
			best = max(best, alt.W)
		}
		sp.Regret = best - o.W
		plan.Seats = append(plan.Seats, sp)
		plan.Expected += o.W
		p.credit(parties, i, a, o.W)
	}
	plan.Parties = parties[:len(p.members)]
	if p.entitlement != nil {
		for i := range plan.Parties {
			e := p.entitlement[plan.Parties[i].Party]
			plan.Parties[i].Entitlement = &e
		}
	}
	plan.Separate = PartyPlan{Party: SeparateOption}
	if k := slices.Index(p.agents, SeparateOption); k >= 0 {
		plan.Separate = parties[k]
	}
	if err := p.switchCosts(ctx, res, plan.Seats, !s.NoSwitchCosts); err != nil {
		return nil, err
	}
	if plan.Constraints, err = p.price(ctx, res); err != nil {
		return nil, err
	}
	if plan.Fairness, err = p.checkRules(ctx, plan, res); err != nil {
		return nil, err
	}
	if plan.Proportionality, err = p.proportionality(plan); err != nil {
		return nil, err
	}
	if plan.Simulation, err = p.simulate(plan); err != nil {
		return nil, err
	}
	return plan, nil
}

// solve runs the solver and translates infeasibility into the scenario's
// terms. It requires a proven optimum.
func (p *Planner) solve(ctx context.Context, prob *solver.Problem) (*solver.Result, error) {
	res, err := solver.Solve(ctx, prob, nil)
	var ie *solver.InfeasibleError
	switch {
	case errors.As(err, &ie):
		return nil, p.infeasible(prob, ie)
	case errors.Is(err, solver.ErrInfeasible):
		return nil, &InfeasibleError{Reason: "the solver found no explanation", Err: err}
	case err != nil:
		return nil, err
	case res.Status != solver.Optimal || res.Certificate == nil:
		return nil, fmt.Errorf("seatshare: solver stopped with status %v", res.Status)
	}
	return res, nil
}

// infeasible names the scenario elements of a solver conflict in prob
// (p.problem or a variant whose constraints keep p.problem's order).
func (p *Planner) infeasible(prob *solver.Problem, ie *solver.InfeasibleError) error {
	e := &InfeasibleError{Reason: ie.Reason, Err: ie}
	for _, c := range ie.Conflict {
		var kind ConstraintKind
		switch c.Kind {
		case solver.MinKind, solver.MaxKind:
			kind = DemandKind
		case solver.RowKind:
			kind = RowKind
		case solver.LockKind:
			kind = LockKind
		case solver.VetoKind:
			kind = VetoKind
		default:
			e.Conflict = append(e.Conflict, "seat "+prob.Items[c.Index].Name)
			continue
		}
		name := fmt.Sprintf("%v %d", kind, c.Index)
		for _, k := range p.constraints {
			if k.kind == kind && k.index == c.Index || kind == RowKind && k.rows != nil && slices.Contains(k.rows[:], c.Index) {
				name = k.field + " " + k.name
				break
			}
		}
		e.Conflict = append(e.Conflict, name)
	}
	return e
}

// simulate returns the plan's simulated distribution, or nil when the
// scenario asks for none.
func (p *Planner) simulate(plan *Plan) (*SimulationSummary, error) {
	sim := p.scenario.Simulation
	if sim.Scenarios == 0 {
		return nil, nil
	}
	cs := p.scenario.Model.Copula
	cop, err := scoring.NewCopula(cs.National, cs.State)
	if err != nil {
		return nil, &ScenarioError{Field: "model.copula", Err: err}
	}
	w := make([]float64, len(plan.Seats))
	states := make([]int, len(plan.Seats))
	for i, sp := range plan.Seats {
		w[i] = sp.W
		if i > 0 && sp.ID.State != plan.Seats[i-1].ID.State {
			states[i] = states[i-1] + 1
		} else if i > 0 {
			states[i] = states[i-1]
		}
	}
	d, err := scoring.Simulate(w, states, cop, sim.Scenarios, rand.New(rand.NewPCG(sim.Seed, 0)))
	if err != nil {
		return nil, fmt.Errorf("seatshare: simulation: %w", err)
	}
	sum := Summarize(d, sim, p.scenario.Target)
	return sum, nil
}

// cloneProblem copies the slices of prob that variants modify.
func cloneProblem(prob *solver.Problem) *solver.Problem {
	c := *prob
	c.Groups = slices.Clone(prob.Groups)
	c.Bounds = slices.Clone(prob.Bounds)
	c.Rows = slices.Clone(prob.Rows)
	c.Locks = slices.Clone(prob.Locks)
	c.Vetoes = slices.Clone(prob.Vetoes)
	return &c
}
