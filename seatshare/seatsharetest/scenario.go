package seatsharetest

import (
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/seatshare"
	"pgregory.net/rapid"
)

// ScenarioConfig bounds the scenarios Scenario draws. Each field's zero
// value means the default given in its comment.
type ScenarioConfig struct {
	// States is the largest number of states; 0 means 2.
	States int
	// Seats is the largest number of seats per state; 0 means 3. Plans of
	// small cases can be checked by brute force over every assignment.
	Seats int
	// Members are the alliance members; nil means A, B and C. The last
	// member is, in some cases, a member only in the first state (as the
	// AITC is only in West Bengal).
	Members []string
	// Rival are the parties of the rival bloc, present in some cases; nil
	// means R. One more party, O, contests everywhere outside both blocs.
	Rival []string
	// MaxDemands is the largest number of count demands; 0 means 3, and
	// a negative value means none.
	MaxDemands int
	// NoRules leaves out the generated fairness rules (within quota,
	// sitting members keep their seats, individual rationality), the
	// general row, the lock and the veto, so that a rule under test meets
	// only count demands.
	NoRules bool
}

// Case is one drawn scenario with the results it reads.
type Case struct {
	Scenario *seatshare.Scenario
	// Election is the base election, the 2019 results; every member, rival
	// party and O fields a candidate in every seat.
	Election *seatshare.Election
}

// Source returns the seatshare.Source that serves the case's election for
// every year the scenario asks for.
func (c *Case) Source() seatshare.Source {
	return func(int) (*seatshare.Election, error) { return c.Election, nil }
}

// Planner returns seatshare.NewPlanner of the case. It accepts every drawn
// case; the demands may still be infeasible, which Plan reports with
// seatshare.ErrInfeasible.
func (c *Case) Planner() (*seatshare.Planner, error) {
	return seatshare.NewPlanner(c.Scenario, c.Source())
}

// Strengthen returns a copy of c in which party's candidate gets votes
// more in every seat of state (every state when state is ""), the valid
// votes and electors growing with them: the party is stronger and nobody
// else's votes change. Use it to state that a rule or a plan is monotone
// in a party's strength. It returns an error when votes is negative or
// party fields no candidate in some seat it would strengthen.
func (c *Case) Strengthen(party, state string, votes int64) (*Case, error) {
	if votes < 0 {
		return nil, fmt.Errorf("seatsharetest: Strengthen by %d votes", votes)
	}
	e := *c.Election
	e.Constituencies = slices.Clone(e.Constituencies)
	for i := range e.Constituencies {
		con := &e.Constituencies[i]
		if state != "" && con.State != state {
			continue
		}
		con.Candidates = slices.Clone(con.Candidates)
		k := slices.IndexFunc(con.Candidates, func(cd seatshare.Candidate) bool { return cd.Party == party })
		if k < 0 {
			return nil, fmt.Errorf("seatsharetest: %s fields no candidate in %v", party, con.ID())
		}
		con.Candidates[k].Votes += votes
		con.ValidVotes += votes
		con.Electors += votes
	}
	e.Sort()
	if err := e.Validate(); err != nil {
		return nil, fmt.Errorf("seatsharetest: Strengthen: %w", err)
	}
	out := *c
	out.Election = &e
	return &out, nil
}

// Scenario returns a generator of small scenarios with the default
// ScenarioConfig: see ScenarioWith.
func Scenario() *rapid.Generator[*Case] { return ScenarioWith(ScenarioConfig{}) }

// ScenarioWith returns a generator of scenarios drawn within c, each with
// its election. A drawn scenario has:
//
//   - one base election (2019, weight 1) of one or more states, every
//     member, rival party and O contesting every seat, with some seats
//     reserved for SC;
//   - the members (the last maybe only in the first state), maybe the
//     rival bloc, maybe "no alliance candidate" as an option in one state;
//   - a drawn model: probit sigma in [0.02, 0.3], default transfer in
//     [0, 1], lambda in [0, 1] with a rival; or, in some cases, no model at
//     all (the calibrated defaults);
//   - up to MaxDemands count demands on all seats, a state or the SC
//     seats, with a min up to the set's size and maybe a max;
//   - unless NoRules: maybe a general row, a lock and a veto, and each of
//     the rules within quota (claim "numbers"), sitting members keep their
//     seats and individual rationality.
//
// seatshare.NewPlanner accepts every drawn scenario; the demands together
// may be infeasible. Cases shrink toward one state, few seats, no demands
// and no rules. It panics if c names fewer than two members: a
// programming mistake.
func ScenarioWith(c ScenarioConfig) *rapid.Generator[*Case] {
	members := c.Members
	if members == nil {
		members = []string{"A", "B", "C"}
	}
	if len(members) < 2 {
		panic("seatsharetest: ScenarioWith needs at least two members")
	}
	rival := c.Rival
	if rival == nil {
		rival = []string{"R"}
	}
	parties := append(append(slices.Clone(members), rival...), "O")
	cfg := Config{
		States:     orDefault(c.States, 2),
		Seats:      orDefault(c.Seats, 3),
		Parties:    parties,
		Always:     parties,
		Candidates: len(parties),
	}
	maxDemands := orDefault(c.MaxDemands, 3)
	if c.MaxDemands < 0 {
		maxDemands = 0
	}
	return rapid.Custom(func(t *rapid.T) *Case {
		e := ElectionsWith(cfg, 2019).Draw(t, "election")[0]
		states := e.States()
		s := &seatshare.Scenario{
			Name:  "generated",
			Bases: []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		}
		for _, m := range members {
			s.Alliance = append(s.Alliance, seatshare.Member{Party: m})
		}
		if rapid.Bool().Draw(t, "lastOnlyInFirstState") {
			s.Alliance[len(members)-1].States = []string{states[0]}
		}
		hasRival := rapid.Bool().Draw(t, "rival")
		if hasRival {
			s.Rival = slices.Clone(rival)
		}
		if rapid.Bool().Draw(t, "separate") {
			s.Separate = []string{rapid.SampledFrom(states).Draw(t, "separateState")}
		}
		if !rapid.Bool().Draw(t, "defaultModel") {
			tr := rapid.Float64Range(0, 1).Draw(t, "transfer")
			lambda := 0.0
			if hasRival {
				lambda = rapid.Float64Range(0, 1).Draw(t, "lambda")
			}
			s.Model = seatshare.ModelSpec{
				Transfer: &seatshare.TransferSpec{Default: &tr},
				Lambda:   &lambda,
				Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: rapid.Float64Range(0.02, 0.3).Draw(t, "sigma")}},
			}
			if len(s.Rival) >= 2 {
				rt := rapid.Float64Range(0, 1).Draw(t, "rivalTransfer")
				s.Model.RivalTransfer = &seatshare.TransferSpec{Default: &rt}
			}
		}
		seats := e.Constituencies
		count := func(ss seatshare.SeatSet) int {
			n := 0
			for _, con := range seats {
				if (ss.State == "" || con.State == ss.State) && (ss.Category == "" || con.Reserved.String() == ss.Category) {
					n++
				}
			}
			return n
		}
		for k := range rapid.IntRange(0, maxDemands).Draw(t, "demands") {
			d := seatshare.Demand{Party: rapid.SampledFrom(members).Draw(t, fmt.Sprintf("demand%dParty", k))}
			switch rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("demand%dSet", k)) {
			case 1:
				d.State = rapid.SampledFrom(states).Draw(t, fmt.Sprintf("demand%dState", k))
			case 2:
				if count(seatshare.SeatSet{Category: "SC"}) > 0 {
					d.Category = "SC"
				}
			}
			size := count(d.SeatSet)
			d.Min = rapid.IntRange(0, size).Draw(t, fmt.Sprintf("demand%dMin", k))
			if d.Min == 0 || rapid.Bool().Draw(t, fmt.Sprintf("demand%dHasMax", k)) {
				hi := rapid.IntRange(d.Min, size+1).Draw(t, fmt.Sprintf("demand%dMax", k))
				d.Max = &hi
			}
			s.Demands = append(s.Demands, d)
		}
		if c.NoRules {
			return &Case{Scenario: s, Election: e}
		}
		// Seats where a party is in the alliance, for locks and vetoes.
		memberAt := func(party, state string) bool {
			for _, m := range s.Alliance {
				if m.Party == party {
					return len(m.States) == 0 || slices.Contains(m.States, state)
				}
			}
			return false
		}
		pin := func(label string) (seatshare.Pin, bool) {
			con := rapid.SampledFrom(seats).Draw(t, label+"Seat")
			party := rapid.SampledFrom(members).Draw(t, label+"Party")
			return seatshare.Pin{State: con.State, No: con.No, Party: party}, memberAt(party, con.State)
		}
		if rapid.Bool().Draw(t, "row") {
			a, b := rapid.SampledFrom(members).Draw(t, "rowFirst"), rapid.SampledFrom(members).Draw(t, "rowSecond")
			coef := rapid.SampledFrom([]float64{-2, -1, 1, 2}).Draw(t, "rowCoef")
			s.Rows = append(s.Rows, seatshare.Row{
				Terms: []seatshare.Term{{Party: a}, {Party: b, SeatSet: seatshare.SeatSet{State: states[0]}, Coef: &coef}},
				Sense: rapid.SampledFrom([]string{"<=", ">=", "="}).Draw(t, "rowSense"),
				RHS:   float64(rapid.IntRange(0, len(seats)).Draw(t, "rowRHS")),
			})
		}
		if rapid.Bool().Draw(t, "lock") {
			if p, ok := pin("lock"); ok {
				s.Locks = append(s.Locks, p)
			}
		}
		if rapid.Bool().Draw(t, "veto") {
			if p, ok := pin("veto"); ok {
				s.Vetoes = append(s.Vetoes, p)
			}
		}
		if rapid.Bool().Draw(t, "quota") {
			nums := make(map[string]int64, len(members))
			for _, m := range members {
				nums[m] = int64(rapid.IntRange(1, 200).Draw(t, "quota"+m))
			}
			s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: nums})
		}
		if rapid.Bool().Draw(t, "sitting") {
			s.Rules = append(s.Rules, seatshare.Rule{Kind: "sitting", Year: 2019})
		}
		if rapid.Bool().Draw(t, "individualRationality") {
			s.Rules = append(s.Rules, seatshare.Rule{Kind: "individual-rationality"})
		}
		return &Case{Scenario: s, Election: e}
	})
}

// orDefault returns x, or def when x is not positive.
func orDefault(x, def int) int {
	if x <= 0 {
		return def
	}
	return x
}
