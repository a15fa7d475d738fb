package seatshare

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/solver"
)

// ConstraintKind says what a plan's Constraint comes from.
type ConstraintKind uint8

// The kinds of constraint.
const (
	// DemandKind is a count bound from Scenario.Demands.
	DemandKind ConstraintKind = iota
	// RowKind is a general row from Scenario.Rows.
	RowKind
	// LockKind is a lock from Scenario.Locks or from a rule.
	LockKind
	// VetoKind is a veto from Scenario.Vetoes.
	VetoKind
)

var constraintKindNames = [...]string{"demand", "row", "lock", "veto"}

// String returns "demand", "row", "lock" or "veto".
func (k ConstraintKind) String() string {
	if int(k) < len(constraintKindNames) {
		return constraintKindNames[k]
	}
	return "ConstraintKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText returns the kind's name, so JSON shows it as a string.
func (k ConstraintKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// constraint ties a solver constraint to the scenario element it came
// from.
type constraint struct {
	kind  ConstraintKind
	field string // scenario path, such as "demands[0]" or "rules[1]"
	name  string
	party string // "" for rows
	set   string // the seat set, in words; the seat for locks and vetoes
	index int    // into the problem's Bounds, Rows, Locks or Vetoes
	// rows are the ">= min" and "<= max" rows (-1 for none) of a demand
	// whose party takes part in a friendly fight (see friendlyRows); index
	// is then -1.
	rows *[2]int
}

// buildProblem turns the planner's weights and the scenario's demands,
// locks, vetoes, rows, and what its rules enforce (enf[i] for rules[i])
// into p.problem and p.constraints.
func (p *Planner) buildProblem(enf []Enforcement) error {
	s := p.scenario
	b := p.newBuilder(&solver.Problem{Agents: slices.Clone(p.agents)})
	for _, sw := range p.seats {
		it := solver.Item{Name: sw.ID.String()}
		for _, o := range sw.Options {
			it.Options = append(it.Options, solver.Option{Agent: b.agent[o.Party], Weight: o.W})
		}
		b.prob.Items = append(b.prob.Items, it)
	}
	for i, d := range s.Demands {
		if err := b.demand(fmt.Sprintf("demands[%d]", i), d); err != nil {
			return err
		}
	}
	for r, e := range enf {
		for _, d := range e.Demands {
			if err := b.demand(fmt.Sprintf("rules[%d]", r), d); err != nil {
				return err
			}
		}
	}
	for i, r := range s.Rows {
		f := fmt.Sprintf("rows[%d]", i)
		row := solver.Row{Sense: mustSense(r.Sense), RHS: r.RHS}
		var words []string
		for j, t := range r.Terms {
			g, set, _, err := b.group(fmt.Sprintf("%s.terms[%d]", f, j), t.SeatSet)
			if err != nil {
				return err
			}
			c := 1.0
			if t.Coef != nil {
				c = *t.Coef
			}
			row.Terms = append(row.Terms, solver.Term{Agent: b.agent[t.Party], Group: g, Coef: c})
			words = append(words, termWords(j, c, t.Party, set))
		}
		name := r.Name
		if name == "" {
			name = strings.Join(words, " ") + " " + r.Sense + " " + strconv.FormatFloat(r.RHS, 'g', -1, 64)
		}
		row.Name = name
		p.constraints = append(p.constraints, constraint{kind: RowKind, field: f, name: name, set: strings.Join(words, " "), index: len(b.prob.Rows)})
		b.prob.Rows = append(b.prob.Rows, row)
	}
	for r, e := range enf {
		for _, row := range e.Rows {
			if err := b.row(fmt.Sprintf("rules[%d]", r), row); err != nil {
				return err
			}
		}
	}
	for i, pin := range s.Locks {
		if err := b.pin(LockKind, fmt.Sprintf("locks[%d]", i), pin); err != nil {
			return err
		}
	}
	for r, e := range enf {
		for _, pin := range e.Locks {
			if err := b.pin(LockKind, fmt.Sprintf("rules[%d]", r), pin); err != nil {
				return err
			}
		}
	}
	for i, pin := range s.Vetoes {
		if err := b.pin(VetoKind, fmt.Sprintf("vetoes[%d]", i), pin); err != nil {
			return err
		}
	}
	for r, e := range enf {
		for _, pin := range e.Vetoes {
			if err := b.pin(VetoKind, fmt.Sprintf("rules[%d]", r), pin); err != nil {
				return err
			}
		}
	}
	p.friendlyRows(b.prob)
	if err := b.prob.Validate(); err != nil {
		return fmt.Errorf("seatshare: internal error: building the solver problem: %w", err)
	}
	p.problem = b.prob
	return nil
}

// builder adds constraints to a solver problem of p, recording each in
// p.constraints.
type builder struct {
	p      *Planner
	prob   *solver.Problem
	agent  map[string]int
	groups map[string]int
	locked map[solver.Pair]bool
}

// newBuilder returns a builder that adds to prob, whose groups and locks
// it takes over.
func (p *Planner) newBuilder(prob *solver.Problem) *builder {
	b := &builder{p: p, prob: prob, agent: make(map[string]int, len(p.agents)), groups: make(map[string]int), locked: make(map[solver.Pair]bool)}
	for a, m := range p.agents {
		b.agent[m] = a
	}
	for g, gr := range prob.Groups {
		b.groups[gr.Name] = g
	}
	for _, l := range prob.Locks {
		b.locked[l] = true
	}
	return b
}

// group returns the group of a seat set (solver.AllItems for every seat),
// its name and its number of seats, adding the group when it is new.
func (b *builder) group(field string, ss SeatSet) (int, string, int, error) {
	items, name, err := b.p.resolve(field, ss)
	if err != nil {
		return 0, "", 0, err
	}
	if len(items) == len(b.p.seats) {
		return solver.AllItems, name, len(items), nil
	}
	if g, ok := b.groups[name]; ok {
		return g, name, len(items), nil
	}
	g := len(b.prob.Groups)
	b.groups[name] = g
	b.prob.Groups = append(b.prob.Groups, solver.Group{Name: name, Items: items})
	return g, name, len(items), nil
}

// demand adds d as a bound; f names it in errors and reports.
func (b *builder) demand(f string, d Demand) error {
	a, ok := b.agent[d.Party]
	if !ok || d.Party == SeparateOption {
		return serr(f+".party", "party %q is not an alliance member", d.Party)
	}
	g, set, n, err := b.group(f, d.SeatSet)
	if err != nil {
		return err
	}
	if d.Min > n {
		return serr(f+".min", "%d exceeds the %d seats of %s", d.Min, n, set)
	}
	if d.Min < 0 {
		return serr(f+".min", "%d is negative", d.Min)
	}
	if d.Max != nil && *d.Max < d.Min {
		return serr(f+".max", "%d is below the min %d", *d.Max, d.Min)
	}
	bd := solver.Bound{Agent: a, Group: g, Min: d.Min, Max: solver.Unlimited}
	if d.Max != nil {
		bd.Max = *d.Max
	}
	name := d.Name
	if name == "" {
		name = d.Party + " " + describeBounds(d.Min, d.Max) + " in " + set
	}
	bd.Name = name
	b.p.constraints = append(b.p.constraints, constraint{kind: DemandKind, field: f, name: name, party: d.Party, set: set, index: len(b.prob.Bounds)})
	b.prob.Bounds = append(b.prob.Bounds, bd)
	return nil
}

// row adds a rule's row, given in the indices of the planner's problem.
func (b *builder) row(f string, r solver.Row) error {
	for j, t := range r.Pairs {
		if t.Item < 0 || t.Item >= len(b.prob.Items) || t.Agent < 0 || t.Agent >= len(b.prob.Agents) {
			return serr(fmt.Sprintf("%s.pairs[%d]", f, j), "pair (%d, %d) is not a seat and agent of the planner", t.Item, t.Agent)
		}
	}
	for j, t := range r.Terms {
		if t.Agent < 0 || t.Agent >= len(b.prob.Agents) || (t.Group != solver.AllItems && (t.Group < 0 || t.Group >= len(b.prob.Groups))) {
			return serr(fmt.Sprintf("%s.terms[%d]", f, j), "term (agent %d, group %d) is not in the planner's problem", t.Agent, t.Group)
		}
	}
	r.Pairs, r.Terms = slices.Clone(r.Pairs), slices.Clone(r.Terms)
	c := constraint{kind: RowKind, field: f, name: r.Name, index: len(b.prob.Rows)}
	// One party's row (such as individual rationality) names the party.
	agents := make(map[int]bool)
	for _, t := range r.Terms {
		agents[t.Agent] = true
	}
	items := make(map[int]bool)
	for _, t := range r.Pairs {
		agents[t.Agent] = true
		items[t.Item] = true
	}
	if len(agents) == 1 {
		for a := range agents {
			c.party = b.prob.Agents[a]
		}
	}
	c.set = fmt.Sprintf("%d terms over groups, %d seats weighted one by one", len(r.Terms), len(items))
	if len(r.Terms) == 0 {
		c.set = fmt.Sprintf("%d seats, weighted one by one", len(items))
	}
	b.p.constraints = append(b.p.constraints, c)
	b.prob.Rows = append(b.prob.Rows, r)
	return nil
}

// pin adds a lock or a veto; field names it in errors and reports.
func (b *builder) pin(kind ConstraintKind, field string, pin Pin) error {
	p := b.p
	item, ok := p.seatIndex(SeatID{pin.State, pin.No})
	if !ok {
		return serr(field+".pc_no", "no seat %s/%d among the scenario's seats", pin.State, pin.No)
	}
	a := b.agent[pin.Party]
	if !slices.ContainsFunc(p.seats[item].Options, func(o CandidateWeight) bool { return o.Party == pin.Party }) {
		return serr(field+".party", "party %q is not in the alliance in %s", pin.Party, pin.State)
	}
	pair := solver.Pair{Item: item, Agent: a}
	seat := p.seats[item]
	name := pin.Party + " in " + seatLabel(seat.ID, seat.Name)
	c := constraint{kind: kind, field: field, party: pin.Party, set: seatLabel(seat.ID, seat.Name)}
	if kind == LockKind {
		if b.locked[pair] {
			return nil // a rule's lock repeating an explicit one adds nothing
		}
		b.locked[pair] = true
		c.name, c.index = "lock "+name, len(b.prob.Locks)
		b.prob.Locks = append(b.prob.Locks, pair)
	} else {
		c.name, c.index = "veto "+name, len(b.prob.Vetoes)
		b.prob.Vetoes = append(b.prob.Vetoes, pair)
	}
	if pin.Reason != "" {
		c.name += " (" + pin.Reason + ")"
	}
	p.constraints = append(p.constraints, c)
	return nil
}

// resolve returns the sorted item indices of a seat set and its name in
// words. field names the set in errors.
func (p *Planner) resolve(field string, ss SeatSet) ([]int, string, error) {
	var items []int
	if len(ss.Seats) > 0 {
		labels := make([]string, len(ss.Seats))
		for i, r := range ss.Seats {
			item, ok := p.seatIndex(SeatID(r))
			if !ok {
				return nil, "", serr(fmt.Sprintf("%s.seats[%d].pc_no", field, i), "no seat %s/%d among the scenario's seats", r.State, r.No)
			}
			items = append(items, item)
		}
		slices.Sort(items)
		for i, item := range items {
			labels[i] = p.seats[item].ID.String()
		}
		return items, "seats " + strings.Join(labels, ", "), nil
	}
	var cat Category
	if ss.Category != "" {
		cat, _ = ParseCategory(ss.Category) // validated
	}
	if ss.State != "" && !slices.ContainsFunc(p.seats, func(sw SeatWeights) bool { return sw.ID.State == ss.State }) {
		return nil, "", serr(field+".state", "no seats of state %q among the scenario's seats", ss.State)
	}
	for i, sw := range p.seats {
		if (ss.State == "" || sw.ID.State == ss.State) && (ss.Category == "" || sw.Category == cat) {
			items = append(items, i)
		}
	}
	var name string
	switch {
	case ss.State != "" && ss.Category != "":
		name = ss.State + " " + ss.Category + " seats"
	case ss.State != "":
		name = ss.State
	case ss.Category != "":
		name = ss.Category + " seats"
	default:
		name = "all seats"
	}
	return items, name, nil
}

// seatIndex returns the planner's index of seat id.
func (p *Planner) seatIndex(id SeatID) (int, bool) {
	return slices.BinarySearchFunc(p.seats, id, func(sw SeatWeights, id SeatID) int { return sw.ID.Compare(id) })
}

// sittingPins returns the locks of a "sitting" rule: every seat of the
// planner won in e by a party that is a member there (after the party
// map). field names the rule in errors.
func (p *Planner) sittingPins(field string, e *Election, pm *PartyMap) ([]Pin, error) {
	var pins []Pin
	for _, sw := range p.seats {
		c, ok := e.Constituency(sw.ID)
		if !ok {
			return nil, serr(field+".year", "the %d election has no seat %v", e.Year, sw.ID)
		}
		w, ok := c.Winner()
		if !ok || w.Party == Independent {
			continue
		}
		var heirs []string
		for _, succ := range pm.Map(w.Party) {
			if slices.ContainsFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == succ.Party }) {
				heirs = append(heirs, succ.Party)
			}
		}
		switch len(heirs) {
		case 0:
		case 1:
			pins = append(pins, Pin{State: sw.ID.State, No: sw.ID.No, Party: heirs[0], Reason: fmt.Sprintf("won it in %d", e.Year)})
		default:
			return nil, serr(field, "the %d winner of %v (%s) maps onto several members: %s", e.Year, sw.ID, w.Party, strings.Join(heirs, ", "))
		}
	}
	return pins, nil
}

// quotaScale turns fractional claims (a split party's share of a win)
// into the integers scoring.Quotas takes.
const quotaScale = 1e6

// quotaRule returns the QuotaRule of a scenario's "quota" rule: in each
// state of the planner, each member in the alliance there gets between the
// floor and the ceiling of its quota of the state's seats. e is the rule's
// election (nil for claim "numbers"); field names the rule in errors.
func (p *Planner) quotaRule(field string, r Rule, e *Election, pm *PartyMap) (*QuotaRule, error) {
	out := &QuotaRule{Claim: r.Claim, Year: r.Year}
	for lo := 0; lo < len(p.seats); {
		st := p.seats[lo].ID.State
		hi := lo
		for hi < len(p.seats) && p.seats[hi].ID.State == st {
			hi++
		}
		var members []string
		for _, o := range p.seats[lo].Options {
			if o.Party != SeparateOption {
				members = append(members, o.Party)
			}
		}
		claim := make([]float64, len(members))
		add := func(label string, x float64) {
			for _, succ := range pm.Map(label) {
				if k := slices.Index(members, succ.Party); k >= 0 {
					claim[k] += succ.Fraction * x
				}
			}
		}
		for _, sw := range p.seats[lo:hi] {
			if r.Claim == "numbers" {
				break
			}
			c, ok := e.Constituency(sw.ID)
			if !ok {
				return nil, serr(field+".year", "the %d election has no seat %v", e.Year, sw.ID)
			}
			switch r.Claim {
			case "votes":
				for _, cand := range c.Candidates {
					if cand.Party != Independent {
						add(cand.Party, float64(cand.Votes))
					}
				}
			case "wins", "seconds":
				k := 0
				if r.Claim == "seconds" {
					k = 1
				}
				if k < len(c.Candidates) && c.Candidates[k].Party != Independent {
					add(c.Candidates[k].Party, 1)
				}
			}
		}
		if r.Claim == "numbers" {
			for k, m := range members {
				claim[k] = float64(r.Numbers[m])
			}
		}
		votes := make([]int64, len(members))
		for k, x := range claim {
			votes[k] = int64(math.Round(x * quotaScale))
		}
		house := hi - lo
		qs, err := scoring.Quotas(votes, house)
		if err != nil {
			return nil, serr(field, "no member has a claim (%s) in %s", r.Claim, st)
		}
		sq := StateQuota{State: st, Seats: house, Members: members, Claims: votes}
		for _, q := range qs {
			exact, _ := q.Exact.Float64()
			sq.Exact = append(sq.Exact, exact)
			sq.Floor = append(sq.Floor, q.Floor)
			sq.Ceil = append(sq.Ceil, q.Ceil)
		}
		out.States = append(out.States, sq)
		lo = hi
	}
	return out, nil
}

// parseSense returns the solver sense written as s.
func parseSense(s string) (solver.Sense, error) {
	switch s {
	case "<=":
		return solver.LessEq, nil
	case ">=":
		return solver.GreaterEq, nil
	case "=":
		return solver.Equal, nil
	}
	return 0, fmt.Errorf("%q is not \"<=\", \">=\" or \"=\"", s)
}

// mustSense is parseSense for a validated scenario.
func mustSense(s string) solver.Sense {
	sense, err := parseSense(s)
	if err != nil {
		panic("seatshare: unvalidated sense " + s)
	}
	return sense
}

// describeBounds writes min and max as "min 3", "max 5", "3-5" or
// "exactly 4".
func describeBounds(min int, max *int) string {
	switch {
	case max == nil:
		return "min " + strconv.Itoa(min)
	case min == *max:
		return "exactly " + strconv.Itoa(min)
	case min == 0:
		return "max " + strconv.Itoa(*max)
	}
	return strconv.Itoa(min) + "-" + strconv.Itoa(*max)
}

// termWords writes the j-th term of a row, such as "+ 2*INC in UP".
func termWords(j int, c float64, party, set string) string {
	sign := "+ "
	if c < 0 {
		sign, c = "- ", -c
	}
	if j == 0 {
		sign = strings.TrimSuffix(sign, " ")
		if sign == "+" {
			sign = ""
		}
	}
	coef := ""
	if c != 1 {
		coef = strconv.FormatFloat(c, 'g', -1, 64) + "*"
	}
	return sign + coef + party + " in " + set
}

// seatLabel writes a seat as "Uttar Pradesh/36 RAE BARELI".
func seatLabel(id SeatID, name string) string {
	if name == "" {
		return id.String()
	}
	return id.String() + " " + name
}
