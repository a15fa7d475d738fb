package seatshare

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/solver"
)

// FriendlyFight allows a friendly fight between two members in the seats of
// a set: both contest, and the seat counts for both parties' demands. In a
// plan the option is labelled FriendlyName(a, b).
//
// Its win probability is the chance that either member wins, which are
// disjoint events: w = min(1, w_a + w_b), where w_a is a's win probability
// with b contesting alone against it (b's voters do not transfer to a;
// b's share counts as an opponent like any other party's) and the other
// members in the alliance there standing down for a, and w_b likewise. The
// other members' transfers are thus counted toward each of the two, which
// matters only in seats with three or more members; the cap at 1 keeps the
// sum a probability.
type FriendlyFight struct {
	// Parties are the two members, distinct.
	Parties []string `json:"parties"`
	// SeatSet is where the fight is allowed (every seat where both are in
	// the alliance when empty); only the seats of the set where both are
	// members get the option.
	SeatSet
}

// FriendlyName returns the label of the friendly fight of members a and
// b, such as "INC+CPM (friendly fight)", in the order given.
func FriendlyName(a, b string) string { return a + "+" + b + " (friendly fight)" }

// validateFriendly checks the friendly fights of a scenario: two distinct
// members each, a valid seat set, no pair listed twice for one set.
func validateFriendly(fs []FriendlyFight, isMember func(field, party string) error, inScope func(field, state string) error) error {
	for i, ff := range fs {
		f := "friendly[" + strconv.Itoa(i) + "]"
		if len(ff.Parties) != 2 {
			return serr(f+".parties", "%d parties, want 2", len(ff.Parties))
		}
		for j, party := range ff.Parties {
			if err := isMember(fmt.Sprintf("%s.parties[%d]", f, j), party); err != nil {
				return err
			}
		}
		if ff.Parties[0] == ff.Parties[1] {
			return serr(f+".parties[1]", "party %q fights itself", ff.Parties[1])
		}
		if err := ff.SeatSet.validate(f, inScope); err != nil {
			return err
		}
	}
	return nil
}

// friendlyPair is the solver agent of one friendly fight: members a and b
// (indices into Planner.members), in the scenario's order of the pair.
type friendlyPair struct {
	a, b int
	// parts holds, for each seat (planner index) with the option, the two
	// members' parts of its W: w_a and w_b scaled to add up to W.
	parts map[int][2]float64
}

// addFriendly appends the friendly fights' agents to p.agents and their
// options to the seats; mod scores them. It returns a *ScenarioError naming "friendly[i]" for a
// set where the two are never both in the alliance.
func (p *Planner) addFriendly(mod *model) error {
	s := p.scenario
	for i, ff := range s.Friendly {
		f := "friendly[" + strconv.Itoa(i) + "]"
		items, name, err := p.resolve(f, ff.SeatSet)
		if err != nil {
			return err
		}
		a, b := slices.Index(p.members, ff.Parties[0]), slices.Index(p.members, ff.Parties[1])
		label := FriendlyName(ff.Parties[0], ff.Parties[1])
		if slices.Contains(p.agents, label) || slices.Contains(p.agents, FriendlyName(ff.Parties[1], ff.Parties[0])) {
			return serr(f+".parties", "the pair %s and %s is listed twice", ff.Parties[0], ff.Parties[1])
		}
		fp := friendlyPair{a: a, b: b, parts: make(map[int][2]float64)}
		for _, it := range items {
			sw := &p.seats[it]
			has := func(party string) bool {
				return slices.ContainsFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == party })
			}
			if !has(ff.Parties[0]) || !has(ff.Parties[1]) {
				continue
			}
			var cands []int
			var names []string
			for _, o := range sw.Options {
				if k := slices.Index(p.members, o.Party); k >= 0 {
					j, _ := p.strength.PartyIndex(o.Party)
					cands, names = append(cands, j), append(names, o.Party)
				}
			}
			row, _ := p.strength.SeatIndex(sw.ID)
			flags := func(col int) Imputation { return p.strength.Cell(row, col).Flags }
			o, parts, err := friendlyWeight(mod, p.strength.Row(row), flags, p.strength.Parties(), sw.ID, cands, names, ff.Parties[0], ff.Parties[1], nil)
			if err != nil {
				return fmt.Errorf("seatshare: %w", err)
			}
			sw.Options = append(sw.Options, o)
			fp.parts[it] = parts
		}
		if len(fp.parts) == 0 {
			return serr(f, "%s and %s are never both in the alliance in %s", ff.Parties[0], ff.Parties[1], name)
		}
		p.agents = append(p.agents, label)
		p.friendly = append(p.friendly, fp)
	}
	return nil
}

// friendlyWeight scores the friendly fight of parties x and y in a seat
// whose eligible members are cands (columns of shares) named names;
// shares, flags and parties are the seat's strengths by column, their
// flags and labels. See FriendlyFight for the formula. Margin,
// Vote and Opponent are those of the member with the larger margin;
// Strength is the two members' strengths added. parts are x's and y's
// win probabilities scaled to add up to W.
func friendlyWeight(mod *model, shares []float64, flags func(col int) Imputation, parties []string, id SeatID, cands []int, names []string, x, y string, blocs []scoring.Bloc) (o CandidateWeight, parts [2]float64, err error) {
	out := CandidateWeight{Party: FriendlyName(x, y)}
	sum := 0.0
	for k, who := range []string{x, y} {
		other := y
		if k == 1 {
			other = x
		}
		var c []int
		var n []string
		for j, name := range names {
			if name != other {
				c, n = append(c, cands[j]), append(n, name)
			}
		}
		ws, err := mod.seatWeightsWith(id, shares, flags, parties, c, n, blocs)
		if err != nil {
			return CandidateWeight{}, parts, err
		}
		w := ws[slices.Index(n, who)]
		sum += w.W
		parts[k] = w.W
		out.Strength += w.Strength
		out.Flags |= w.Flags
		if k == 0 || w.Margin > out.Margin {
			out.Margin, out.Vote, out.Opponent, out.OpponentVote = w.Margin, w.Vote, w.Opponent, w.OpponentVote
		}
	}
	out.W = min(sum, 1)
	if sum > 0 {
		parts[0], parts[1] = parts[0]*out.W/sum, parts[1]*out.W/sum
	}
	return out, parts, nil
}

// friendlyAgents returns, for member agent a, the agents of the friendly
// fights it takes part in.
func (p *Planner) friendlyAgents(a int) []int {
	var out []int
	for k, fp := range p.friendly {
		if fp.a == a || fp.b == a {
			out = append(out, p.friendlyBase()+k)
		}
	}
	return out
}

// credit adds seat i, given to agent a with win probability w, to parties
// (indexed by agent): one seat and w expected wins for a member or the
// separate option, and for a friendly fight one seat for each of its two
// members and each member's part of w.
func (p *Planner) credit(parties []PartyPlan, i, a int, w float64) {
	if f := a - p.friendlyBase(); f >= 0 && len(p.friendly) > 0 {
		fp := p.friendly[f]
		parts := fp.parts[i]
		parties[fp.a].Seats++
		parties[fp.b].Seats++
		parties[fp.a].Expected += parts[0]
		parties[fp.b].Expected += parts[1]
		return
	}
	parties[a].Seats++
	parties[a].Expected += w
}

// friendlyBase returns the agent index of the first friendly fight.
func (p *Planner) friendlyBase() int { return len(p.agents) - len(p.friendly) }

// friendlyRows turns every bound on a member that takes part in a friendly
// fight into rows that count the fights' seats too (a ">= Min" row and a
// "<= Max" row as needed), since a solver bound counts one agent; each
// row term of such a member gets the fights' terms too. The demands'
// constraints then refer to their rows (constraint.rows).
func (p *Planner) friendlyRows(prob *solver.Problem) {
	if len(p.friendly) == 0 {
		return
	}
	for j := range prob.Rows {
		r := &prob.Rows[j]
		var extra []solver.Term
		for _, t := range r.Terms {
			for _, fa := range p.friendlyAgents(t.Agent) {
				extra = append(extra, solver.Term{Agent: fa, Group: t.Group, Coef: t.Coef})
			}
		}
		r.Terms = append(slices.Clone(r.Terms), extra...)
	}
	var keep []solver.Bound
	moved := make(map[int][2]int) // old bound index -> rows
	newIndex := make(map[int]int) // old bound index -> new bound index
	for j, b := range prob.Bounds {
		fas := p.friendlyAgents(b.Agent)
		if len(fas) == 0 {
			newIndex[j] = len(keep)
			keep = append(keep, b)
			continue
		}
		terms := friendlyTerms(b.Agent, b.Group, fas)
		rows := [2]int{-1, -1}
		if b.Min > 0 {
			rows[0] = len(prob.Rows)
			prob.Rows = append(prob.Rows, solver.Row{Name: b.Name + " (min)", Terms: terms, Sense: solver.GreaterEq, RHS: float64(b.Min)})
		}
		if b.Max != solver.Unlimited {
			rows[1] = len(prob.Rows)
			prob.Rows = append(prob.Rows, solver.Row{Name: b.Name + " (max)", Terms: slices.Clone(terms), Sense: solver.LessEq, RHS: float64(b.Max)})
		}
		moved[j] = rows
	}
	prob.Bounds = keep
	for k := range p.constraints {
		c := &p.constraints[k]
		if c.kind != DemandKind {
			continue
		}
		if rows, ok := moved[c.index]; ok {
			c.rows, c.index = &rows, -1
		} else {
			c.index = newIndex[c.index]
		}
	}
	// A veto keeps the member out of the seat altogether: out of its
	// friendly fights there too.
	for _, v := range slices.Clone(prob.Vetoes) {
		for _, fa := range p.friendlyAgents(v.Agent) {
			if slices.ContainsFunc(prob.Items[v.Item].Options, func(o solver.Option) bool { return o.Agent == fa }) {
				prob.Vetoes = append(prob.Vetoes, solver.Pair{Item: v.Item, Agent: fa})
			}
		}
	}
}

// demandValue returns the number of seats a demand counts under x (its
// party's seats in its set, friendly fights included) and whether it holds
// with equality at its min or max.
func (p *Planner) demandValue(c constraint, counts func(a, g int) int) (n int, binding bool, broken bool) {
	prob := p.problem
	if c.rows == nil {
		b := prob.Bounds[c.index]
		n = counts(b.Agent, b.Group)
		binding = (b.Min > 0 && n == b.Min) || (b.Max != solver.Unlimited && n == b.Max)
		return n, binding, n < b.Min || (b.Max != solver.Unlimited && n > b.Max)
	}
	var terms []solver.Term
	for _, r := range c.rows {
		if r >= 0 {
			terms = prob.Rows[r].Terms
		}
	}
	for _, t := range terms {
		n += counts(t.Agent, t.Group)
	}
	for _, r := range c.rows {
		if r >= 0 {
			rhs := int(prob.Rows[r].RHS)
			binding = binding || n == rhs
			broken = broken || (prob.Rows[r].Sense == solver.GreaterEq && n < rhs) || (prob.Rows[r].Sense == solver.LessEq && n > rhs)
		}
	}
	return n, binding, broken
}

// friendlyOptions returns the friendly fights' options of seat i for the
// coalition s of a CoalitionGame: those of the pairs with both members in
// s, scored with s's members (cands, names: columns of the seat's compact
// shares) as the alliance and blocs as the other blocs.
func (g *CoalitionGame) friendlyOptions(i int, s scoring.Coalition, shares []float64, cands []int, names []string, blocs []scoring.Bloc) ([]CandidateWeight, error) {
	p := g.p
	var out []CandidateWeight
	for k, fp := range p.friendly {
		label := p.agents[p.friendlyBase()+k]
		if !s.Has(fp.a) || !s.Has(fp.b) || !slices.ContainsFunc(p.seats[i].Options, func(o CandidateWeight) bool { return o.Party == label }) {
			continue
		}
		o, _, err := friendlyWeight(g.mod, shares, func(int) Imputation { return 0 }, g.parties, p.seats[i].ID, cands, names, p.members[fp.a], p.members[fp.b], blocs)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// relaxFriendly returns the variants of prob that loosen a demand turned
// into rows (see friendlyRows) by one seat, and that drop it.
func relaxFriendly(prob *solver.Problem, rows [2]int) (relaxed, dropped *solver.Problem) {
	relaxed = cloneProblem(prob)
	if rows[0] >= 0 {
		relaxed.Rows[rows[0]].RHS = max(relaxed.Rows[rows[0]].RHS-1, 0)
	}
	if rows[1] >= 0 {
		relaxed.Rows[rows[1]].RHS++
	}
	dropped = cloneProblem(prob)
	for _, r := range []int{max(rows[0], rows[1]), min(rows[0], rows[1])} {
		if r >= 0 {
			dropped.Rows = slices.Delete(dropped.Rows, r, r+1)
		}
	}
	return relaxed, dropped
}

// friendlyTerms returns the terms that count member agent a's seats in
// group g together with those of its friendly fights fas.
func friendlyTerms(a, g int, fas []int) []solver.Term {
	terms := []solver.Term{{Agent: a, Group: g, Coef: 1}}
	for _, fa := range fas {
		terms = append(terms, solver.Term{Agent: fa, Group: g, Coef: 1})
	}
	return terms
}

// withoutFriendlyDemands returns rows (of p.problem, or a clone in the
// same order) without the rows of member agent a's demands on group g that
// friendlyRows made.
func (p *Planner) withoutFriendlyDemands(rows []solver.Row, a, g int) []solver.Row {
	var drop []int
	for _, c := range p.constraints {
		if c.rows == nil {
			continue
		}
		for _, r := range c.rows {
			if r >= 0 && rows[r].Terms[0].Agent == a && rows[r].Terms[0].Group == g {
				drop = append(drop, r)
			}
		}
	}
	slices.Sort(drop)
	for _, r := range slices.Backward(drop) {
		rows = slices.Delete(rows, r, r+1)
	}
	return rows
}
