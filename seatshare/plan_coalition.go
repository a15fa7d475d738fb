package seatshare

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/solver"
)

// MaxShapleyMembers is the largest alliance for which a Shapley value that
// does not add up over states is computed exactly, over every
// sub-alliance: 2^12 = 4096 plans. Larger alliances are sampled.
const MaxShapleyMembers = 12

// Convention says what the alliance members outside a sub-alliance S do in
// the game of CoalitionGame.
type Convention uint8

// The conventions.
const (
	// OutsidersAlone: every member outside S contests alone, its base
	// strength counting against S's candidates like any other party's.
	OutsidersAlone Convention = iota
	// OutsidersAllied: in each seat the members outside S that are in the
	// alliance there stay allied among themselves and field one common
	// candidate: the one with the largest bloc vote s(t) + sum over the
	// other outsiders q of tau(q->t)*s(q) (the first in member order on a
	// tie), at the alliance's transfer rates. Their untransferred vote
	// abstains (see scoring.Seat.Blocs).
	OutsidersAllied
)

var conventionNames = [...]string{"outsiders contest alone", "outsiders stay allied"}

// String describes the convention in words.
func (c Convention) String() string {
	if int(c) < len(conventionNames) {
		return conventionNames[c]
	}
	return "Convention(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText returns the convention's description, so JSON shows it as a
// string.
func (c Convention) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a description MarshalText writes.
func (c *Convention) UnmarshalText(b []byte) error {
	k := slices.Index(conventionNames[:], string(b))
	if k < 0 {
		return fmt.Errorf("seatshare: unknown coalition convention %q", b)
	}
	*c = Convention(k)
	return nil
}

// CoalitionSettings choose the game v(S) of a CoalitionGame.
type CoalitionSettings struct {
	// Convention says what the members outside S do.
	Convention Convention
	// WithDemands keeps, for S, the scenario's demands, rows, locks,
	// vetoes and rules that involve only S's members (a row with a term of
	// another party is dropped; a quota rule is apportioned among S's
	// members). Without, S is unconstrained.
	WithDemands bool
}

// CoalitionGame is the cooperative game of a planner's alliance members:
// v(S) is the best expected wins of the sub-alliance S under the chosen
// settings. The members of S form the alliance in the seats where each is
// a member; the seats where no member of S is in the alliance are not S's
// and count nothing; the model, the rival bloc, the seats' "no alliance
// candidate" options and the base strengths are the planner's. The empty
// coalition is worth 0 and the grand coalition with its demands is the
// planner's plan.
//
// Every v(S) is an exact solve (solver.Solve) of the planner's problem
// restricted to S, cached, so each coalition is solved once per game
// (twice at most when two goroutines ask for it at the same moment). When no demand, row or rule crosses a state (see Additive), v(S)
// is the sum over the states of S's value there, and each state's value
// is cached by the members allied there, so a national game costs a few
// solves per state rather than one national solve per coalition. A
// "quota" rule is apportioned anew among S's members in each state. With
// WithDemands, a member's "individual-rationality" row counts its expected
// wins under S's own weights; it spans every seat, so v(S) is then one
// solve over all of them. With a rule other than "sitting", "quota" and
// "individual-rationality" (its values may change with the coalition), or
// a quota or individual-rationality rule together with friendly fights,
// each v(S) instead rebuilds a planner for S (re-estimating the
// strengths) and solves it: far slower.
//
// Build it with Planner.Coalitions. It is safe for concurrent use.
type CoalitionGame struct {
	p        *Planner
	settings CoalitionSettings
	mod      *model              // the model in the compact columns
	cols     []int               // compact column of each member
	parties  []string            // the compact columns' labels
	shares   [][]float64         // each seat's shares in the compact columns
	states   [][2]int            // seat ranges [lo, hi) of the states, in seat order
	players  []scoring.Coalition // members allied in each state or named by its constraints
	eligible []scoring.Coalition // members allied in each seat
	separate []bool              // seat has the "no alliance candidate" option
	groupLo  []int               // first and last item of each problem group
	groupHi  []int
	additive bool
	rebuild  bool
	// quotas are the scenario's "quota" rules, apportioned anew among each
	// coalition's members; quotaBound marks the bounds of the planner's
	// problem that they made for the whole alliance.
	quotas     []coalitionQuota
	quotaBound map[int]bool
	// ir are the rows of the scenario's "individual-rationality" rules,
	// rebuilt for each coalition from its own weights; irRow marks the
	// rows of the planner's problem that they made for the whole alliance.
	ir    []coalitionIR
	irRow map[int]bool

	mu     sync.Mutex
	cache  map[gameKey]float64
	solves int
}

// gameKey identifies a cached value: a coalition's value in one state, or
// (state -1) in every seat.
type gameKey struct {
	state int
	s     scoring.Coalition
}

// Coalitions returns the coalition game of the planner's members under s.
// It returns a *ScenarioError naming "alliance" when the alliance has more
// than 64 members (coalitions are bitmasks). It takes O(S*M) time for S
// seats and M members; no solve happens until a value is asked for.
func (p *Planner) Coalitions(s CoalitionSettings) (*CoalitionGame, error) {
	if len(p.members) > 64 {
		return nil, serr("alliance", "%d members, more than the 64 a coalition game supports", len(p.members))
	}
	if s.Convention > OutsidersAllied {
		return nil, serr("convention", "unknown convention %d", s.Convention)
	}
	g := &CoalitionGame{p: p, settings: s, cache: make(map[gameKey]float64)}
	// Compact columns: the members, the rival parties, and one column
	// holding the largest share of every other party in the seat, which
	// is all the margin needs of parties that contest alone. A margin then
	// costs O(M + R) rather than O(all parties of the results).
	col := make(map[string]int)
	var strengthCols []int
	for _, m := range slices.Concat(p.members, p.scenario.Rival) {
		if _, ok := col[m]; ok {
			continue
		}
		j, _ := p.strength.PartyIndex(m)
		col[m] = len(g.parties)
		g.parties = append(g.parties, m)
		strengthCols = append(strengthCols, j)
	}
	for _, m := range p.members {
		g.cols = append(g.cols, col[m])
	}
	g.parties = append(g.parties, "(others)")
	g.mod = newModel(p.scenario, col, p.settings.Link)
	member := make(map[string]int, len(p.members))
	for i, m := range p.members {
		member[m] = i
	}
	inCompact := make([]bool, len(p.strength.Parties()))
	for _, j := range strengthCols {
		inCompact[j] = true
	}
	for i, sw := range p.seats {
		r, _ := p.strength.SeatIndex(sw.ID)
		row := p.strength.Row(r)
		sh := make([]float64, len(g.parties))
		for k, j := range strengthCols {
			sh[k] = row[j]
		}
		for j, x := range row {
			if !inCompact[j] {
				sh[len(sh)-1] = max(sh[len(sh)-1], x)
			}
		}
		g.shares = append(g.shares, sh)
		var e scoring.Coalition
		sep := false
		for _, o := range sw.Options {
			if k, ok := member[o.Party]; ok {
				e = e.With(k)
			} else if o.Party == SeparateOption {
				sep = true
			}
		}
		g.eligible = append(g.eligible, e)
		g.separate = append(g.separate, sep)
		if i == 0 || sw.ID.State != p.seats[i-1].ID.State {
			g.states = append(g.states, [2]int{i, i})
			g.players = append(g.players, 0)
		}
		k := len(g.states) - 1
		g.states[k][1] = i + 1
		g.players[k] |= e
	}
	if p.problem == nil {
		// NewPlanner asks for values without demands (a rule's v({member}))
		// before it has built the problem.
		if s.WithDemands {
			return nil, errors.New("seatshare: internal error: coalition values with demands before the problem is built")
		}
		g.additive = true
		return g, nil
	}
	for _, gr := range p.problem.Groups {
		lo, hi := len(p.seats), -1
		for _, it := range gr.Items {
			lo, hi = min(lo, it), max(hi, it)
		}
		g.groupLo, g.groupHi = append(g.groupLo, lo), append(g.groupHi, hi)
	}
	if s.WithDemands {
		g.rebuild = slices.ContainsFunc(p.scenario.Rules, func(r Rule) bool {
			return r.Kind != "sitting" && (r.Kind != "quota" && r.Kind != "individual-rationality" || len(p.friendly) > 0)
		})
		if !g.rebuild {
			g.setQuotas()
			g.setIR()
		}
	}
	g.additive = !g.rebuild && (!s.WithDemands || g.crossing() == "")
	return g, nil
}

// Settings returns the game's settings.
func (g *CoalitionGame) Settings() CoalitionSettings { return g.settings }

// Additive reports whether v adds up over the states: true without
// demands, and with them when no demand or row counts seats of two states
// and no planner is rebuilt per coalition (see CoalitionGame). Shapley
// then computes
// exact values state by state.
func (g *CoalitionGame) Additive() bool { return g.additive }

// Solves returns the number of solves the game has run so far.
func (g *CoalitionGame) Solves() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.solves
}

// crossing returns the name of the first bound or row of the planner's
// problem whose seats lie in two or more states, or "".
func (g *CoalitionGame) crossing() string {
	prob := g.p.problem
	stateOf := func(item int) int {
		k, _ := slices.BinarySearchFunc(g.states, item, func(r [2]int, item int) int {
			switch {
			case r[1] <= item:
				return -1
			case r[0] > item:
				return 1
			}
			return 0
		})
		return k
	}
	// span returns the state of a group's seats, -1 for none, -2 for
	// several.
	span := func(gr int) int {
		if gr == solver.AllItems {
			if len(g.states) == 1 {
				return 0
			}
			return -2
		}
		if g.groupHi[gr] < 0 {
			return -1
		}
		lo, hi := stateOf(g.groupLo[gr]), stateOf(g.groupHi[gr])
		if lo != hi {
			return -2
		}
		return lo
	}
	join := func(a, b int) int {
		switch {
		case a == -1:
			return b
		case b == -1 || a == b:
			return a
		}
		return -2
	}
	// A member that a state's constraint names is a player there even
	// where it is not allied: its demand can make the state infeasible.
	name := func(st, agent int) {
		if agent < len(g.p.members) {
			g.players[max(st, 0)] = g.players[max(st, 0)].With(agent)
		}
	}
	for _, b := range prob.Bounds {
		st := span(b.Group)
		if st == -2 {
			return b.Name
		}
		name(st, b.Agent)
	}
	for _, r := range prob.Rows {
		st := -1
		for _, t := range r.Terms {
			st = join(st, span(t.Group))
		}
		for _, pt := range r.Pairs {
			st = join(st, stateOf(pt.Item))
		}
		if st == -2 {
			return r.Name
		}
		for _, t := range r.Terms {
			name(st, t.Agent)
		}
		for _, pt := range r.Pairs {
			name(st, pt.Agent)
		}
	}
	return ""
}

// coalition converts member names to a coalition; field names the
// argument in errors.
func (g *CoalitionGame) coalition(field string, members []string) (scoring.Coalition, error) {
	var s scoring.Coalition
	for i, m := range members {
		k := slices.Index(g.p.members, m)
		if k < 0 {
			return 0, serr(fmt.Sprintf("%s[%d]", field, i), "party %q is not an alliance member", m)
		}
		s = s.With(k)
	}
	return s, nil
}

// Value returns v(S) for the members named. It returns a *ScenarioError
// naming "members[i]" for a party that is not a member, an
// *InfeasibleError when S's demands cannot all be met, and ctx.Err() when
// ctx ends first. Cost: at most one solve per state (additive game) or one
// solve, none when cached.
func (g *CoalitionGame) Value(ctx context.Context, members []string) (float64, error) {
	s, err := g.coalition("members", members)
	if err != nil {
		return 0, err
	}
	return g.value(ctx, s)
}

// Gain returns v(S + party) - v(S): what taking party into the
// sub-alliance S adds (the BSP question). It may be negative: under
// OutsidersAlone a party whose voters transfer poorly and leak to the
// rival can cost more than it brings. It returns a *ScenarioError naming
// "party" when party is not a member or already in S, and the errors of
// Value.
func (g *CoalitionGame) Gain(ctx context.Context, members []string, party string) (float64, error) {
	s, err := g.coalition("members", members)
	if err != nil {
		return 0, err
	}
	k := slices.Index(g.p.members, party)
	switch {
	case k < 0:
		return 0, serr("party", "party %q is not an alliance member", party)
	case s.Has(k):
		return 0, serr("party", "party %q is already in the coalition", party)
	}
	with, err := g.value(ctx, s.With(k))
	if err != nil {
		return 0, err
	}
	without, err := g.value(ctx, s)
	if err != nil {
		return 0, err
	}
	return with - without, nil
}

// value returns v(s).
func (g *CoalitionGame) value(ctx context.Context, s scoring.Coalition) (float64, error) {
	if !g.additive {
		return g.cached(ctx, -1, s)
	}
	total := 0.0
	for k := range g.states {
		v, err := g.cached(ctx, k, s&g.players[k])
		if err != nil {
			return 0, err
		}
		total += v
	}
	return total, nil
}

// cached returns the value of s in state k (every seat for k = -1),
// solving it once.
func (g *CoalitionGame) cached(ctx context.Context, k int, s scoring.Coalition) (float64, error) {
	if s == 0 {
		return 0, nil
	}
	key := gameKey{k, s}
	g.mu.Lock()
	v, ok := g.cache[key]
	g.mu.Unlock()
	if ok {
		return v, nil
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	lo, hi := 0, len(g.p.seats)
	if k >= 0 {
		lo, hi = g.states[k][0], g.states[k][1]
	}
	var err error
	if g.rebuild {
		v, err = g.rebuilt(ctx, s)
	} else {
		v, err = g.solve(ctx, s, lo, hi)
	}
	if err != nil {
		return 0, err
	}
	g.mu.Lock()
	g.cache[key] = v
	g.solves++
	g.mu.Unlock()
	return v, nil
}

// members returns the names of the members of s, in member order.
func (g *CoalitionGame) members(s scoring.Coalition) []string {
	var out []string
	for i, m := range g.p.members {
		if s.Has(i) {
			out = append(out, m)
		}
	}
	return out
}

// rebuilt solves a planner built for the sub-alliance s (the path for
// rules whose numbers depend on the coalition).
func (g *CoalitionGame) rebuilt(ctx context.Context, s scoring.Coalition) (float64, error) {
	in := make(map[string]bool)
	for _, m := range g.members(s) {
		in[m] = true
	}
	sub, err := NewPlannerWith(restrict(g.p.scenario, in, g.settings.WithDemands), g.p.src, &g.p.settings)
	if err != nil {
		return 0, fmt.Errorf("seatshare: coalition %v: %w", g.members(s), err)
	}
	if len(sub.seats) == 0 {
		return 0, nil
	}
	prob := sub.problem
	if g.settings.Convention != OutsidersAlone {
		// The sub-planner scores S's candidates with the outsiders alone;
		// rescore them under the game's convention. Its seats are the
		// planner's seats where S has a member, with the same options.
		prob = cloneProblem(prob)
		prob.Items = slices.Clone(prob.Items)
		for j, sw := range sub.seats {
			i, _ := g.p.seatIndex(sw.ID)
			opts, err := g.weights(i, s)
			if err != nil {
				return 0, err
			}
			it := &prob.Items[j]
			it.Options = slices.Clone(it.Options)
			for k := range it.Options {
				it.Options[k].Weight = opts[k].W
			}
		}
	}
	res, err := sub.solve(ctx, prob)
	if err != nil {
		return 0, fmt.Errorf("seatshare: coalition %v: %w", g.members(s), err)
	}
	return res.Objective, nil
}

// weights returns the options of seat i for coalition s: its members'
// win probabilities under the game's convention, then the "no alliance
// candidate" option when the seat has one.
func (g *CoalitionGame) weights(i int, s scoring.Coalition) ([]CandidateWeight, error) {
	p := g.p
	sw := p.seats[i]
	shares := g.shares[i]
	flags := func(int) Imputation { return 0 } // only W is used
	var cands []int
	var names []string
	for k, m := range p.members {
		if s.Has(k) && g.eligible[i].Has(k) {
			cands = append(cands, g.cols[k])
			names = append(names, m)
		}
	}
	var blocs []scoring.Bloc
	if out := g.eligible[i] &^ s; g.settings.Convention == OutsidersAllied && out.Len() > 1 {
		blocs = []scoring.Bloc{g.outsiders(shares, out)}
	}
	opts, err := g.mod.seatWeightsWith(sw.ID, shares, flags, g.parties, cands, names, blocs)
	if err != nil {
		return nil, fmt.Errorf("seatshare: %w", err)
	}
	if g.separate[i] {
		sep, err := g.mod.separateWith(sw.ID, shares, flags, g.parties, cands, names, blocs)
		if err != nil {
			return nil, fmt.Errorf("seatshare: %w", err)
		}
		opts = append(opts, sep)
	}
	ff, err := g.friendlyOptions(i, s, shares, cands, names, blocs)
	if err != nil {
		return nil, fmt.Errorf("seatshare: %w", err)
	}
	return append(opts, ff...), nil
}

// outsiders returns the bloc of the members out (two or more) under
// OutsidersAllied.
func (g *CoalitionGame) outsiders(shares []float64, out scoring.Coalition) scoring.Bloc {
	ks := out.Members()
	best, bestVote := -1, 0.0
	for _, t := range ks {
		ct := g.cols[t]
		v := shares[ct]
		for _, q := range ks {
			if q != t {
				v += g.mod.transfer.Rate(g.cols[q], ct) * shares[g.cols[q]]
			}
		}
		if best < 0 || v > bestVote {
			best, bestVote = t, v
		}
	}
	b := scoring.Bloc{Candidate: g.cols[best], Transfer: g.mod.transfer}
	for _, q := range ks {
		if q != best {
			b.Partners = append(b.Partners, g.cols[q])
		}
	}
	return b
}

// solve returns v(s) over the seats [lo, hi): the planner's problem with
// the seats where s has no member left out, the options of s's members
// scored for s, and (with demands) the constraints that lie in the range
// and involve only s's members.
func (g *CoalitionGame) solve(ctx context.Context, s scoring.Coalition, lo, hi int) (float64, error) {
	p := g.p
	// A friendly fight is in when both its members are.
	agentIn := func(a int) bool {
		if f := a - p.friendlyBase(); f >= 0 && len(p.friendly) > 0 {
			return s.Has(p.friendly[f].a) && s.Has(p.friendly[f].b)
		}
		return a < len(p.members) && s.Has(a)
	}
	prob := &solver.Problem{Agents: p.agents}
	index := make([]int, hi-lo) // new item index of seat lo+j, or -1
	for j := range index {
		i := lo + j
		index[j] = -1
		if g.eligible[i]&s == 0 {
			continue
		}
		opts, err := g.weights(i, s)
		if err != nil {
			return 0, err
		}
		it := solver.Item{Name: p.seats[i].ID.String()}
		for _, o := range opts {
			a := slices.Index(p.agents, o.Party)
			it.Options = append(it.Options, solver.Option{Agent: a, Weight: o.W})
		}
		index[j] = len(prob.Items)
		prob.Items = append(prob.Items, it)
	}
	if g.settings.WithDemands {
		if err := g.constrain(prob, p.problem, s, lo, hi, index, agentIn); err != nil {
			return 0, err
		}
	}
	if len(prob.Items) == 0 && len(prob.Bounds) == 0 && len(prob.Rows) == 0 {
		return 0, nil
	}
	res, err := solver.Solve(ctx, prob, nil)
	var ie *solver.InfeasibleError
	switch {
	case errors.As(err, &ie):
		return 0, g.infeasible(prob, s, ie)
	case err != nil:
		return 0, fmt.Errorf("seatshare: coalition %v: %w", g.members(s), err)
	case res.Status != solver.Optimal:
		return 0, fmt.Errorf("seatshare: coalition %v: solver stopped with status %v", g.members(s), res.Status)
	}
	return res.Objective, nil
}

// constrain adds to prob the constraints of full that lie in the seats
// [lo, hi) and involve only agents for which agentIn holds; index maps
// seat lo+j to its item in prob (-1 when left out).
func (g *CoalitionGame) constrain(prob, full *solver.Problem, s scoring.Coalition, lo, hi int, index []int, agentIn func(int) bool) error {
	whole := lo == 0 && hi == len(g.p.seats)
	inRange := func(gr int) bool {
		if gr == solver.AllItems {
			return whole
		}
		if g.groupHi[gr] < 0 { // an empty set: counted in the first range
			return lo == 0
		}
		return g.groupLo[gr] >= lo && g.groupHi[gr] < hi
	}
	groups := make(map[int]int)
	group := func(gr int) int {
		if gr == solver.AllItems {
			return gr
		}
		if k, ok := groups[gr]; ok {
			return k
		}
		ng := solver.Group{Name: full.Groups[gr].Name}
		for _, it := range full.Groups[gr].Items {
			if k := index[it-lo]; k >= 0 {
				ng.Items = append(ng.Items, k)
			}
		}
		groups[gr] = len(prob.Groups)
		prob.Groups = append(prob.Groups, ng)
		return groups[gr]
	}
	for j, b := range full.Bounds {
		if agentIn(b.Agent) && inRange(b.Group) && !g.quotaBound[j] {
			b.Group = group(b.Group)
			prob.Bounds = append(prob.Bounds, b)
		}
	}
rows:
	for i, r := range full.Rows {
		if g.irRow[i] {
			continue
		}
		for _, t := range r.Terms {
			// A friendly fight's term (added to a member's) counts 0 when
			// the fight is out.
			isFight := t.Agent >= g.p.friendlyBase() && len(g.p.friendly) > 0
			if !isFight && !agentIn(t.Agent) || !inRange(t.Group) {
				continue rows
			}
		}
		for _, pt := range r.Pairs {
			if !agentIn(pt.Agent) || pt.Item < lo || pt.Item >= hi {
				continue rows
			}
		}
		nr := r
		nr.Terms = slices.Clone(r.Terms)
		for j := range nr.Terms {
			nr.Terms[j].Group = group(nr.Terms[j].Group)
		}
		nr.Pairs = nil
		for _, pt := range r.Pairs {
			pt.Item = index[pt.Item-lo]
			nr.Pairs = append(nr.Pairs, pt)
		}
		prob.Rows = append(prob.Rows, nr)
	}
	pins := func(in []solver.Pair) []solver.Pair {
		var out []solver.Pair
		for _, pr := range in {
			if agentIn(pr.Agent) && pr.Item >= lo && pr.Item < hi {
				pr.Item = index[pr.Item-lo]
				out = append(out, pr)
			}
		}
		return out
	}
	prob.Locks, prob.Vetoes = pins(full.Locks), pins(full.Vetoes)
	// A member's rationality row is in the solve of the seats it spans: a
	// state's when it lies in one state (the game may then add up over
	// states), else only the solve over every seat.
	g.irRows(prob, lo, hi, agentIn)
	return g.quotaBounds(prob, s, lo, hi, index)
}

// coalitionIR is a member's row of an "individual-rationality" rule: the
// member's expected wins in S's plan, under S's own weights, at least its
// value alone (which does not depend on S).
type coalitionIR struct {
	agent int
	name  string
	rhs   float64
	// lo and hi are the first and last seat of the full alliance's row
	// (-1 and -1 when it has none): the row is in a state's solve when
	// they lie in the state, as for a group.
	lo, hi int
}

// setIR finds the rows of the scenario's individual-rationality rules,
// which Enforce made one per member with a positive value alone, in
// member order.
func (g *CoalitionGame) setIR() {
	p := g.p
	g.irRow = make(map[int]bool)
	for _, br := range p.rules {
		ir, ok := br.rule.(*IndividualRationality)
		if !ok {
			continue
		}
		var rows []int
		for _, c := range p.constraints {
			if c.field == br.field && c.kind == RowKind {
				rows = append(rows, c.index)
			}
		}
		k := 0
		for _, a := range ir.Alone {
			if a.Value <= 0 {
				continue
			}
			r := p.problem.Rows[rows[k]]
			c := coalitionIR{agent: slices.Index(p.agents, a.Party), name: r.Name, rhs: r.RHS, lo: -1, hi: -1}
			for _, pt := range r.Pairs {
				if c.lo < 0 || pt.Item < c.lo {
					c.lo = pt.Item
				}
				c.hi = max(c.hi, pt.Item)
			}
			g.ir = append(g.ir, c)
			g.irRow[rows[k]] = true
			k++
		}
	}
}

// irRows adds to prob, whose items are coalition S's seats in [lo, hi)
// with S's weights, the individual-rationality row of each member for
// which agentIn holds and whose row lies in those seats.
func (g *CoalitionGame) irRows(prob *solver.Problem, lo, hi int, agentIn func(int) bool) {
	for _, r := range g.ir {
		in := r.lo >= lo && r.hi < hi
		if r.lo < 0 { // no seat: counted in the first range, as an empty group
			in = lo == 0
		}
		if !agentIn(r.agent) || !in {
			continue
		}
		row := solver.Row{Name: r.name, Sense: solver.GreaterEq, RHS: r.rhs}
		for k, it := range prob.Items {
			for _, o := range it.Options {
				if o.Agent == r.agent && o.Weight > 0 {
					row.Pairs = append(row.Pairs, solver.PairTerm{Item: k, Agent: r.agent, Coef: o.Weight})
				}
			}
		}
		prob.Rows = append(prob.Rows, row)
	}
}

// coalitionQuota is a "quota" rule of the scenario (field "rules[i]").
type coalitionQuota struct {
	field string
	rule  *QuotaRule
	// numbers are the rule's numbers for claim "numbers", nil otherwise.
	numbers map[string]int64
}

// setQuotas finds the scenario's quota rules and the bounds they made.
func (g *CoalitionGame) setQuotas() {
	p := g.p
	fields := make(map[string]bool)
	for i, r := range p.scenario.Rules {
		if r.Kind != "quota" {
			continue
		}
		f := fmt.Sprintf("rules[%d]", i)
		for _, br := range p.rules {
			if q, ok := br.rule.(*QuotaRule); ok && br.field == f {
				cq := coalitionQuota{field: f, rule: q}
				if r.Claim == "numbers" {
					cq.numbers = r.Numbers
				}
				g.quotas = append(g.quotas, cq)
				fields[f] = true
			}
		}
	}
	g.quotaBound = make(map[int]bool)
	for _, c := range p.constraints {
		if c.kind == DemandKind && fields[c.field] && c.rows == nil {
			g.quotaBound[c.index] = true
		}
	}
}

// quotaBounds adds to prob the bounds of the quota rules for coalition s
// in the states within the seats [lo, hi): each member of s allied in a
// state gets between the floor and the ceiling of its quota among s's
// members there, as a planner rebuilt for s would give (a "numbers" rule
// naming none of s's members does not apply). It returns a *ScenarioError
// naming the rule when s's members in a state have no claim at all.
func (g *CoalitionGame) quotaBounds(prob *solver.Problem, s scoring.Coalition, lo, hi int, index []int) error {
	p := g.p
	for _, cq := range g.quotas {
		if cq.numbers != nil && !slices.ContainsFunc(g.members(s), func(m string) bool { _, ok := cq.numbers[m]; return ok }) {
			continue
		}
		for _, r := range g.states {
			if r[0] < lo || r[1] > hi {
				continue
			}
			st := p.seats[r[0]].ID.State
			sq := cq.rule.States[slices.IndexFunc(cq.rule.States, func(q StateQuota) bool { return q.State == st })]
			var agents []int
			var claims []int64
			for j, m := range sq.Members {
				if a := slices.Index(p.members, m); s.Has(a) {
					agents, claims = append(agents, a), append(claims, sq.Claims[j])
				}
			}
			if len(agents) == 0 {
				continue
			}
			qs, err := scoring.Quotas(claims, sq.Seats)
			if err != nil {
				return serr(cq.field, "no member of %s has a claim (%s) in %s", strings.Join(g.members(s), "+"), cq.rule.Claim, st)
			}
			grp := solver.Group{Name: st + " (" + cq.field + ")"}
			for i := r[0]; i < r[1]; i++ {
				if x := index[i-lo]; x >= 0 {
					grp.Items = append(grp.Items, x)
				}
			}
			prob.Groups = append(prob.Groups, grp)
			for j, a := range agents {
				prob.Bounds = append(prob.Bounds, solver.Bound{
					Name:  fmt.Sprintf("%s within quota in %s: %d-%d", p.members[a], st, qs[j].Floor, qs[j].Ceil),
					Agent: a, Group: len(prob.Groups) - 1, Min: qs[j].Floor, Max: qs[j].Ceil,
				})
			}
		}
	}
	return nil
}

// infeasible explains that coalition s's demands conflict, naming the
// constraints of its problem prob.
func (g *CoalitionGame) infeasible(prob *solver.Problem, s scoring.Coalition, ie *solver.InfeasibleError) error {
	e := &InfeasibleError{Reason: fmt.Sprintf("coalition %s: %s", strings.Join(g.members(s), "+"), ie.Reason), Err: ie}
	for _, c := range ie.Conflict {
		switch c.Kind {
		case solver.MinKind, solver.MaxKind:
			e.Conflict = append(e.Conflict, prob.Bounds[c.Index].Name)
		case solver.RowKind:
			e.Conflict = append(e.Conflict, prob.Rows[c.Index].Name)
		case solver.LockKind:
			pr := prob.Locks[c.Index]
			e.Conflict = append(e.Conflict, "lock "+prob.Agents[pr.Agent]+" in "+prob.Items[pr.Item].Name)
		case solver.VetoKind:
			pr := prob.Vetoes[c.Index]
			e.Conflict = append(e.Conflict, "veto "+prob.Agents[pr.Agent]+" in "+prob.Items[pr.Item].Name)
		default:
			e.Conflict = append(e.Conflict, "seat "+prob.Items[c.Index].Name)
		}
	}
	return e
}

// CoalitionValue returns v(S) for the members named, under
// OutsidersAlone, with or without S's demands: Coalitions(...).Value on a
// fresh game (see CoalitionGame for the convention and the cost).
//
// "What does taking in party X add" is CoalitionGame.Gain.
func (p *Planner) CoalitionValue(ctx context.Context, members []string, withDemands bool) (float64, error) {
	g, err := p.Coalitions(CoalitionSettings{WithDemands: withDemands})
	if err != nil {
		return 0, err
	}
	return g.Value(ctx, members)
}

// MemberValue is a member's Shapley value in a coalition game.
type MemberValue struct {
	Party string `json:"party"`
	// Alone is v({party}): what the party wins as the only member.
	Alone float64 `json:"alone"`
	// Shapley is the party's average marginal contribution v(S + party) -
	// v(S) over the orders in which the members can join.
	Shapley float64 `json:"shapley"`
	// Interval is the sampling uncertainty of Shapley; nil when it is
	// exact.
	Interval *Interval `json:"interval,omitempty"`
}

// Interval is a confidence interval [Lo, Hi] at level Confidence around a
// sampled estimate with standard error SE.
type Interval struct {
	SE         float64 `json:"se"`
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
	Confidence float64 `json:"confidence"`
}

// ShapleyMethod says how Shapley values were computed.
type ShapleyMethod uint8

// The methods.
const (
	// ShapleyByState: exact in each state over the members allied there
	// (scoring.ShapleyAmong), summed over the states; for additive games.
	ShapleyByState ShapleyMethod = iota
	// ShapleyExact: exact over every sub-alliance (scoring.Shapley).
	ShapleyExact
	// ShapleySampled: sampled orders of the members
	// (scoring.ShapleySample), with confidence intervals.
	ShapleySampled
)

var shapleyMethodNames = [...]string{"exact by state", "exact", "sampled"}

// String describes the method.
func (m ShapleyMethod) String() string {
	if int(m) < len(shapleyMethodNames) {
		return shapleyMethodNames[m]
	}
	return "ShapleyMethod(" + strconv.Itoa(int(m)) + ")"
}

// MarshalText returns the method's description, so JSON shows it as a
// string.
func (m ShapleyMethod) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a description MarshalText writes.
func (m *ShapleyMethod) UnmarshalText(b []byte) error {
	k := slices.Index(shapleyMethodNames[:], string(b))
	if k < 0 {
		return fmt.Errorf("seatshare: unknown Shapley method %q", b)
	}
	*m = ShapleyMethod(k)
	return nil
}

// ShapleySettings control CoalitionGame.Shapley. A nil *ShapleySettings
// means the zero value.
type ShapleySettings struct {
	// Rand is the source of the sampled orders; required when the values
	// must be sampled (a game that does not add up over states with more
	// than MaxShapleyMembers members, or a state with more than
	// scoring.MaxExactPlayers members) or when Sample is set.
	Rand *rand.Rand
	// Sample forces sampling even when exact values are affordable.
	Sample bool
	// Permutations and Confidence are passed to scoring.ShapleySample;
	// zero means its defaults (1000 orders, 95%).
	Permutations int
	Confidence   float64
}

// ShapleyResult holds the members' Shapley values.
type ShapleyResult struct {
	Convention  Convention    `json:"convention"`
	WithDemands bool          `json:"with_demands"`
	Method      ShapleyMethod `json:"method"`
	// Permutations is the number of random orders the sampled values
	// come from; 0 when they are exact.
	Permutations int `json:"permutations,omitempty"`
	// Total is v(every member); the exact values add up to it, and the
	// sampled ones do too, up to rounding.
	Total float64 `json:"total"`
	// Values has one entry per member, in member order.
	Values []MemberValue `json:"values"`
}

// Shapley returns each member's Shapley value in the game. When the game
// is additive it is exact state by state: scoring.ShapleyAmong over the
// members allied in each state, summed (2^k solves of one state for k
// members there). Otherwise it is exact over every sub-alliance up to
// MaxShapleyMembers members (2^n - 1 solves) and sampled beyond, with
// settings.Rand (1 + n*Permutations values, each a cached solve); without
// a Rand it then returns a *ScenarioError naming "settings.rand". A
// sub-alliance whose demands cannot be met makes the game undefined:
// Shapley returns its *InfeasibleError.
func (g *CoalitionGame) Shapley(ctx context.Context, settings *ShapleySettings) (*ShapleyResult, error) {
	if settings == nil {
		settings = &ShapleySettings{}
	}
	n := len(g.p.members)
	out := &ShapleyResult{Convention: g.settings.Convention, WithDemands: g.settings.WithDemands, Values: make([]MemberValue, n)}
	var firstErr error
	game := func(k int) scoring.Game { return g.game(ctx, k, &firstErr) }
	fail := func(err error) error {
		if firstErr != nil {
			return firstErr
		}
		return fmt.Errorf("seatshare: Shapley values: %w", err)
	}
	exactByState := g.byState() && !settings.Sample
	phi := make([]float64, n)
	switch {
	case exactByState:
		out.Method = ShapleyByState
		for k, pl := range g.players {
			ks := pl.Members()
			vals, err := scoring.ShapleyAmong(ks, game(k))
			if err != nil {
				return nil, fail(err)
			}
			for j, i := range ks {
				phi[i] += vals[j]
			}
		}
	case n <= MaxShapleyMembers && !settings.Sample:
		out.Method = ShapleyExact
		vals, err := scoring.Shapley(n, game(-1))
		if err != nil {
			return nil, fail(err)
		}
		copy(phi, vals)
	default:
		if settings.Rand == nil {
			return nil, serr("settings.rand", "%d members need sampled Shapley values, and no Rand is given", n)
		}
		out.Method = ShapleySampled
		est, err := scoring.ShapleySample(n, game(-1), settings.Rand, &scoring.SampleSettings{Permutations: settings.Permutations, Confidence: settings.Confidence})
		if err != nil {
			return nil, fail(err)
		}
		copy(phi, est.Value)
		out.Permutations = est.Permutations
		for i := range out.Values {
			out.Values[i].Interval = &Interval{SE: est.StdErr[i], Lo: est.Lo[i], Hi: est.Hi[i], Confidence: est.Confidence}
		}
	}
	total, err := g.value(ctx, scoring.GrandCoalition(n))
	if err != nil {
		return nil, err
	}
	out.Total = total
	for i, m := range g.p.members {
		alone, err := g.value(ctx, scoring.Coalition(0).With(i))
		if err != nil {
			return nil, err
		}
		out.Values[i].Party, out.Values[i].Alone, out.Values[i].Shapley = m, alone, phi[i]
	}
	return out, nil
}

// game returns the game in state k (all seats for k < 0) as a
// scoring.Game. The first error of a value is stored in *firstErr, and
// every value from then on is NaN, which the scoring functions reject.
func (g *CoalitionGame) game(ctx context.Context, k int, firstErr *error) scoring.Game {
	return func(s scoring.Coalition) float64 {
		if *firstErr != nil {
			return math.NaN()
		}
		var v float64
		var err error
		if k < 0 {
			v, err = g.value(ctx, s)
		} else {
			v, err = g.cached(ctx, k, s)
		}
		if err != nil {
			*firstErr = err
			return math.NaN()
		}
		return v
	}
}

// byState reports whether values can be computed exactly state by state:
// the game adds up over states, and each state has at most
// scoring.MaxExactPlayers members.
func (g *CoalitionGame) byState() bool {
	if !g.additive {
		return false
	}
	for _, pl := range g.players {
		if pl.Len() > scoring.MaxExactPlayers {
			return false
		}
	}
	return true
}

// BanzhafResult holds the members' Banzhaf values.
type BanzhafResult struct {
	Convention  Convention `json:"convention"`
	WithDemands bool       `json:"with_demands"`
	// Method is ShapleyByState or ShapleyExact: Banzhaf values are never
	// sampled.
	Method ShapleyMethod `json:"method"`
	// Raw is each member's raw Banzhaf value: its average marginal
	// contribution v(S + party) - v(S) over the 2^(n-1) sub-alliances S
	// without it, in member order.
	Raw []float64 `json:"raw"`
	// Index is Raw normalised to add up to 1; nil when a raw value is
	// negative (a member that can lower a coalition's value: shares of a
	// total would mislead) or every raw value is 0.
	Index []float64 `json:"index,omitempty"`
}

// Banzhaf returns each member's Banzhaf value in the game (J. F. Banzhaf,
// "Weighted voting doesn't work", 1965): exact state by state
// (scoring.BanzhafAmong per state, summed; the raw value is linear in the
// game) when the game is additive, else exact over every sub-alliance up
// to MaxShapleyMembers members. Larger games that do not add up over
// states return a *ScenarioError naming "alliance". A sub-alliance whose
// demands cannot be met makes the game undefined: Banzhaf returns its
// *InfeasibleError.
func (g *CoalitionGame) Banzhaf(ctx context.Context) (*BanzhafResult, error) {
	n := len(g.p.members)
	out := &BanzhafResult{Convention: g.settings.Convention, WithDemands: g.settings.WithDemands, Raw: make([]float64, n)}
	var firstErr error
	fail := func(err error) error {
		if firstErr != nil {
			return firstErr
		}
		return fmt.Errorf("seatshare: Banzhaf values: %w", err)
	}
	switch {
	case g.byState():
		out.Method = ShapleyByState
		for k, pl := range g.players {
			ks := pl.Members()
			vals, err := scoring.BanzhafAmong(ks, g.game(ctx, k, &firstErr))
			if err != nil {
				return nil, fail(err)
			}
			for j, i := range ks {
				out.Raw[i] += vals[j]
			}
		}
	case n <= MaxShapleyMembers:
		out.Method = ShapleyExact
		vals, err := scoring.Banzhaf(n, g.game(ctx, -1, &firstErr))
		if err != nil {
			return nil, fail(err)
		}
		copy(out.Raw, vals)
	default:
		return nil, serr("alliance", "%d members and a game that does not add up over states: Banzhaf values need 2^%d solves", n, n)
	}
	if !slices.ContainsFunc(out.Raw, func(x float64) bool { return x < 0 }) {
		if idx, err := scoring.NormalizeBanzhaf(out.Raw); err == nil {
			out.Index = idx
		}
	}
	return out, nil
}

// Shapley returns each member's Shapley value of the game v(S) =
// CoalitionValue(S, withDemands), in member order: CoalitionGame.Shapley
// without sampling settings. It returns a *ScenarioError when the values
// would have to be sampled (use Coalitions and CoalitionGame.Shapley with
// a Rand), and an *InfeasibleError when a sub-alliance's demands cannot be
// met.
func (p *Planner) Shapley(ctx context.Context, withDemands bool) ([]MemberValue, error) {
	g, err := p.Coalitions(CoalitionSettings{WithDemands: withDemands})
	if err != nil {
		return nil, err
	}
	res, err := g.Shapley(ctx, nil)
	if err != nil {
		return nil, err
	}
	return res.Values, nil
}

// restrict returns the scenario of the sub-alliance in (see
// CoalitionGame). It shares unchanged slices with s.
func restrict(s *Scenario, in map[string]bool, withDemands bool) *Scenario {
	r := *s
	r.Alliance = slices.DeleteFunc(slices.Clone(s.Alliance), func(m Member) bool { return !in[m.Party] })
	r.Simulation = SimulationSpec{}
	r.Target = 0
	tr := *s.Model.Transfer
	tr.Pairs = slices.DeleteFunc(slices.Clone(tr.Pairs), func(pr PairRate) bool { return !in[pr.From] || !in[pr.To] })
	r.Model.Transfer = &tr
	r.Model.Adjust = slices.DeleteFunc(slices.Clone(s.Model.Adjust), func(a Adjustment) bool { return !in[a.Party] })
	r.Friendly = slices.DeleteFunc(slices.Clone(s.Friendly), func(f FriendlyFight) bool { return !in[f.Parties[0]] || !in[f.Parties[1]] })
	r.Demands, r.Rows, r.Locks, r.Vetoes, r.Rules = nil, nil, nil, nil, nil
	if !withDemands {
		return &r
	}
	r.Demands = slices.DeleteFunc(slices.Clone(s.Demands), func(d Demand) bool { return !in[d.Party] })
	r.Rows = slices.DeleteFunc(slices.Clone(s.Rows), func(row Row) bool {
		return slices.ContainsFunc(row.Terms, func(t Term) bool { return !in[t.Party] })
	})
	r.Locks = slices.DeleteFunc(slices.Clone(s.Locks), func(p Pin) bool { return !in[p.Party] })
	r.Vetoes = slices.DeleteFunc(slices.Clone(s.Vetoes), func(p Pin) bool { return !in[p.Party] })
	for _, rule := range s.Rules {
		if rule.Claim == "numbers" {
			nums := make(map[string]int64)
			for party, x := range rule.Numbers {
				if in[party] {
					nums[party] = x
				}
			}
			if len(nums) == 0 {
				continue
			}
			rule.Numbers = nums
		}
		r.Rules = append(r.Rules, rule)
	}
	return &r
}
