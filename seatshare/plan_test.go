package seatshare_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
)

func ptr[T any](x T) *T { return &x }

// TestWeightsByHand checks the margin arithmetic of one seat against a
// hand computation.
func TestWeightsByHand(t *testing.T) {
	src := func(year int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(`year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,X,1,ONE,GEN,A,a,40000,100000,200000
2019,X,1,ONE,GEN,B,b,20000,100000,200000
2019,X,1,ONE,GEN,R,r,30000,100000,200000
2019,X,1,ONE,GEN,S,s,5000,100000,200000
2019,X,1,ONE,GEN,O,o,5000,100000,200000
`), "hand.csv")
	}
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A"}, {Party: "B"}},
		Separate: []string{"X"},
		Rival:    []string{"R", "S"},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer:      &seatshare.TransferSpec{Default: ptr(0.5)},
			RivalTransfer: &seatshare.TransferSpec{Default: ptr(1.0)},
			Lambda:        ptr(0.5),
			Link:          &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.1}},
			Swing:         seatshare.SwingSpec{National: 0.01},
			Adjust:        []seatshare.Adjustment{{State: "X", No: 1, Party: "A", Value: 0.02}},
		},
	}
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		t.Fatal(err)
	}
	// A: V = .40 + .5*.20 = .50; the rival R gets .30 + .05 + .5*(.5*.20)
	// = .40; m = .50 - .40 + .01 + .02 = .13; W = Phi(1.3).
	// B: V = .20 + .5*.40 = .40; rival .35 + .5*.20 = .45;
	// m = .40 - .45 + .01 = -.04; W = Phi(-0.4).
	// Separately: A alone faces R with .35 (and B with .20): m = .40 - .35
	// + .01 + .02 = .08; B alone faces A: m = .20 - .40 + .01 = -.19; W =
	// Phi(0.8) + Phi(-1.9).
	want := []seatshare.CandidateWeight{
		{Party: "A", Strength: 0.4, W: 0.9031995154143897, Margin: 0.13, Vote: 0.5, Opponent: "R", OpponentVote: 0.4},
		{Party: "B", Strength: 0.2, W: 0.3445782583896758, Margin: -0.04, Vote: 0.4, Opponent: "R", OpponentVote: 0.45},
		{Party: seatshare.SeparateOption, W: 0.8168611612326051, Margin: 0.08, Vote: 0.4, Opponent: "R", OpponentVote: 0.35},
	}
	if diff := cmp.Diff(want, pl.Seats()[0].Options, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("Seats()[0].Options mismatch (-want +got):\n%s", diff)
	}
}

// bruteForce returns the best objective of prob over every assignment, and
// whether any assignment is feasible. It takes time exponential in the
// number of items.
func bruteForce(prob *solver.Problem) (float64, bool) {
	x := make([]int, len(prob.Items))
	best, found := math.Inf(-1), false
	count := func(a, g int) int {
		n := 0
		if g == solver.AllItems {
			for _, b := range x {
				if b == a {
					n++
				}
			}
			return n
		}
		for _, i := range prob.Groups[g].Items {
			if x[i] == a {
				n++
			}
		}
		return n
	}
	feasible := func() bool {
		for _, b := range prob.Bounds {
			if n := count(b.Agent, b.Group); n < b.Min || (b.Max != solver.Unlimited && n > b.Max) {
				return false
			}
		}
		for _, r := range prob.Rows {
			lhs := 0.0
			for _, tm := range r.Terms {
				lhs += tm.Coef * float64(count(tm.Agent, tm.Group))
			}
			for _, pt := range r.Pairs {
				if x[pt.Item] == pt.Agent {
					lhs += pt.Coef
				}
			}
			if (r.Sense == solver.LessEq && lhs > r.RHS) || (r.Sense == solver.GreaterEq && lhs < r.RHS) || (r.Sense == solver.Equal && lhs != r.RHS) {
				return false
			}
		}
		for _, l := range prob.Locks {
			if x[l.Item] != l.Agent {
				return false
			}
		}
		for _, v := range prob.Vetoes {
			if x[v.Item] == v.Agent {
				return false
			}
		}
		return true
	}
	var rec func(i int, w float64)
	rec = func(i int, w float64) {
		if i == len(x) {
			if feasible() {
				found = true
				best = max(best, w)
			}
			return
		}
		for _, o := range prob.Items[i].Options {
			x[i] = o.Agent
			rec(i+1, w+o.Weight)
		}
	}
	rec(0, 0)
	return best, found
}

// genCase draws a small election (one or two states, at most six seats)
// and a scenario for it: members A, B and C (C possibly only in the first
// state), maybe a rival R, up to three demands, maybe a general row, a
// within-quota rule, a lock and a veto.
func genCase(t *rapid.T) (*seatshare.Scenario, seatshare.Source) {
	states := []string{"S1", "S2"}[:rapid.IntRange(1, 2).Draw(t, "nStates")]
	var b strings.Builder
	b.WriteString("year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n")
	type seat struct {
		state string
		no    int
		cat   string
	}
	var seats []seat
	for _, st := range states {
		n := rapid.IntRange(1, 3).Draw(t, "seats_"+st)
		for no := 1; no <= n; no++ {
			cat := rapid.SampledFrom([]string{"GEN", "GEN", "SC"}).Draw(t, fmt.Sprintf("cat_%s_%d", st, no))
			seats = append(seats, seat{st, no, cat})
			votes := map[string]int{}
			total := 0
			for _, p := range []string{"A", "B", "C", "R", "O"} {
				// Every party contests the first seat, so that each has a
				// column in the strength table.
				if len(seats) == 1 || p == "A" || rapid.Bool().Draw(t, fmt.Sprintf("contests_%s_%d_%s", st, no, p)) {
					votes[p] = rapid.IntRange(0, 50000).Draw(t, fmt.Sprintf("votes_%s_%d_%s", st, no, p))
					total += votes[p]
				}
			}
			valid := total + rapid.IntRange(1, 5000).Draw(t, fmt.Sprintf("nota_%s_%d", st, no))
			for _, p := range []string{"A", "B", "C", "R", "O"} {
				if v, ok := votes[p]; ok {
					fmt.Fprintf(&b, "2019,%s,%d,PC%d,%s,%s,%s%d,%d,%d,%d\n", st, no, no, cat, p, p, no, v, valid, 2*valid)
				}
			}
		}
	}
	text := b.String()
	src := func(year int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(text), "gen.csv")
	}
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A"}, {Party: "B"}, {Party: "C"}},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(rapid.Float64Range(0, 1).Draw(t, "transfer"))},
			Lambda:   ptr(0.0),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: rapid.Float64Range(0.02, 0.2).Draw(t, "sigma")}},
		},
	}
	if rapid.Bool().Draw(t, "separate") {
		s.Separate = []string{rapid.SampledFrom(states).Draw(t, "separateState")}
	}
	if rapid.Bool().Draw(t, "cOnlyInS1") {
		s.Alliance[2].States = []string{"S1"}
	}
	if rapid.Bool().Draw(t, "rival") {
		s.Rival = []string{"R"}
		s.Model.Lambda = ptr(rapid.Float64Range(0, 1).Draw(t, "lambda"))
	}
	members := []string{"A", "B", "C"}
	for k := range rapid.IntRange(0, 3).Draw(t, "nDemands") {
		d := seatshare.Demand{Party: rapid.SampledFrom(members).Draw(t, fmt.Sprintf("demand%d_party", k))}
		size := len(seats)
		switch rapid.IntRange(0, 2).Draw(t, fmt.Sprintf("demand%d_set", k)) {
		case 1:
			d.State = rapid.SampledFrom(states).Draw(t, fmt.Sprintf("demand%d_state", k))
			size = 0
			for _, st := range seats {
				if st.state == d.State {
					size++
				}
			}
		case 2:
			d.Category = "SC"
			size = 0
			for _, st := range seats {
				if st.cat == "SC" {
					size++
				}
			}
		}
		d.Min = rapid.IntRange(0, size).Draw(t, fmt.Sprintf("demand%d_min", k))
		if rapid.Bool().Draw(t, fmt.Sprintf("demand%d_hasMax", k)) || d.Min == 0 {
			d.Max = ptr(rapid.IntRange(d.Min, size+1).Draw(t, fmt.Sprintf("demand%d_max", k)))
		}
		s.Demands = append(s.Demands, d)
	}
	if rapid.Bool().Draw(t, "row") {
		// A general row such as "A + 2*B >= 2" or "A - C <= 1", which
		// takes the solver's general path.
		s.Rows = []seatshare.Row{{
			Terms: []seatshare.Term{
				{Party: "A", Coef: ptr(float64(rapid.IntRange(1, 2).Draw(t, "row_coefA")))},
				{Party: rapid.SampledFrom([]string{"B", "C"}).Draw(t, "row_party2"), Coef: ptr(float64(rapid.SampledFrom([]int{-1, 1, 2}).Draw(t, "row_coef2")))},
			},
			Sense: rapid.SampledFrom([]string{"<=", ">=", "="}).Draw(t, "row_sense"),
			RHS:   float64(rapid.IntRange(-1, len(seats)).Draw(t, "row_rhs")),
		}}
	}
	if rapid.Bool().Draw(t, "quota") {
		s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: map[string]int64{
			"A": int64(rapid.IntRange(1, 5).Draw(t, "quota_A")),
			"B": int64(rapid.IntRange(0, 5).Draw(t, "quota_B")),
			"C": int64(rapid.IntRange(0, 5).Draw(t, "quota_C")),
		}})
	}
	if rapid.IntRange(0, 3).Draw(t, "individualRationality") == 0 {
		s.Rules = append(s.Rules, seatshare.Rule{Kind: "individual-rationality"})
	}
	if rapid.Bool().Draw(t, "lock") {
		st := rapid.SampledFrom(seats).Draw(t, "lockSeat")
		s.Locks = []seatshare.Pin{{State: st.state, No: st.no, Party: "A"}}
	}
	if rapid.Bool().Draw(t, "veto") {
		st := rapid.SampledFrom(seats).Draw(t, "vetoSeat")
		s.Vetoes = []seatshare.Pin{{State: st.state, No: st.no, Party: "B"}}
	}
	return s, src
}

// TestPlanProperties checks, over generated scenarios, that the plan meets
// every demand, Verify accepts it and brute force finds nothing better;
// that switch costs and the second-best plan match brute force;
// that prices are never negative and equal the gain of re-planning with
// the demand relaxed; and that raising a party's minimum never raises the
// expected wins.
func TestPlanProperties(t *testing.T) {
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Fatalf("NewPlanner: %v", err)
		}
		best, feasible := bruteForce(pl.Problem())
		plan, err := pl.Plan(ctx)
		if !feasible {
			if !errors.Is(err, seatshare.ErrInfeasible) {
				t.Fatalf("Plan error = %v, want infeasible (brute force finds no plan)", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Plan: %v", err)
		}
		checkPlan(t, pl, plan)
		if math.Abs(plan.Expected-best) > 1e-7 {
			t.Fatalf("Expected = %v, brute force %v", plan.Expected, best)
		}
		// The switch cost of one alternative equals brute force with the
		// seat forced to it.
		i := rapid.IntRange(0, len(plan.Seats)-1).Draw(t, "switchSeat")
		if alts := plan.Seats[i].Alternatives; len(alts) > 0 {
			a := alts[rapid.IntRange(0, len(alts)-1).Draw(t, "switchAlt")]
			forced := pl.Problem()
			forced.Locks = append(forced.Locks, solver.Pair{Item: i, Agent: slices.Index(forced.Agents, a.Party)})
			fbest, ffeasible := bruteForce(forced)
			switch {
			case !ffeasible && a.Cost != nil:
				t.Fatalf("switching seat %d to %s costs %v, brute force finds no plan", i, a.Party, *a.Cost)
			case ffeasible && a.Cost == nil:
				t.Fatalf("switching seat %d to %s: no cost, brute force finds %v", i, a.Party, fbest)
			case ffeasible && math.Abs(best-fbest-*a.Cost) > 1e-7:
				t.Fatalf("switching seat %d to %s costs %v, brute force %v", i, a.Party, *a.Cost, best-fbest)
			}
		}
		// The second-best plan equals brute force over the plans that differ
		// from the optimum in some seat.
		alts, err := pl.Alternatives(ctx, 1)
		if err != nil {
			t.Fatalf("Alternatives: %v", err)
		}
		other := pl.Problem()
		nogood := solver.Row{Sense: solver.LessEq, RHS: float64(len(plan.Seats) - 1)}
		for i, seat := range plan.Seats {
			nogood.Pairs = append(nogood.Pairs, solver.PairTerm{Item: i, Agent: slices.Index(other.Agents, seat.Party), Coef: 1})
		}
		other.Rows = append(other.Rows, nogood)
		second, ok := bruteForce(other)
		switch {
		case !ok && len(alts) != 0:
			t.Fatalf("Alternatives found plan %+v, brute force none", alts[0])
		case ok && len(alts) != 1:
			t.Fatalf("Alternatives found no plan, brute force %v", second)
		case ok && math.Abs(alts[0].Expected-second) > 1e-7:
			t.Fatalf("second-best plan %v, brute force %v", alts[0].Expected, second)
		}
		if len(s.Demands) == 0 {
			return
		}
		k := rapid.IntRange(0, len(s.Demands)-1).Draw(t, "pricedDemand")
		c := plan.Constraints[k]
		// Re-plan with demand k relaxed by one seat.
		relaxed := *s
		relaxed.Demands = append([]seatshare.Demand(nil), s.Demands...)
		d := &relaxed.Demands[k]
		d.Min = max(d.Min-1, 0)
		if d.Max != nil {
			d.Max = ptr(*d.Max + 1)
		}
		if d.Min > 0 || d.Max != nil {
			rp, err := seatshare.NewPlanner(&relaxed, src)
			if err != nil {
				t.Fatalf("NewPlanner(relaxed): %v", err)
			}
			rplan, err := rp.Plan(ctx)
			if err != nil {
				t.Fatalf("Plan(relaxed): %v", err)
			}
			if got := rplan.Expected - plan.Expected; math.Abs(got-*c.Relaxed) > 1e-7 {
				t.Fatalf("relaxing demands[%d] gains %v, price says %v", k, got, *c.Relaxed)
			}
		}
		// Raise demand k's minimum by one seat.
		raised := *s
		raised.Demands = append([]seatshare.Demand(nil), s.Demands...)
		raised.Demands[k].Min++
		if m := raised.Demands[k].Max; m != nil && *m < raised.Demands[k].Min {
			return // raising the maximum too would relax the demand
		}
		rp, err := seatshare.NewPlanner(&raised, src)
		if err != nil {
			return // the minimum now exceeds its set
		}
		rplan, err := rp.Plan(ctx)
		if errors.Is(err, seatshare.ErrInfeasible) {
			return
		}
		if err != nil {
			t.Fatalf("Plan(raised): %v", err)
		}
		if rplan.Expected > plan.Expected+1e-9 {
			t.Fatalf("raising demands[%d].min raised the expected wins from %v to %v", k, plan.Expected, rplan.Expected)
		}
	})
}

// TestUttarPradeshRealData plans SP, INC and RLD in Uttar Pradesh from the
// real results, with INC's 2009 claim as a demand.
func TestUttarPradeshRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	src := seatshare.DataDir(dir)
	s, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	e2009, err := src(2009)
	if err != nil {
		t.Fatal(err)
	}
	if got := e2009.WinsByParty("Uttar Pradesh")["INC"]; got != 21 {
		t.Errorf("INC won %d UP seats in 2009, want 21", got)
	}
	s.Demands = append(s.Demands, seatshare.Demand{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 21})
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, pl, plan)
	if len(plan.Seats) != 80 {
		t.Errorf("%d seats, want 80", len(plan.Seats))
	}
	// Sitting members keep their seats: SP's 5 and INC's Rae Bareli.
	locks := 0
	for _, c := range plan.Constraints {
		if c.Kind == seatshare.LockKind {
			locks++
		}
	}
	if locks != 6 {
		t.Errorf("%d sitting-member locks, want 6 (SP 5, INC 1)", locks)
	}
}

func TestPlanWithoutSwitchCosts(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	full, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	quick, err := pl.PlanWith(context.Background(), &seatshare.PlanSettings{NoSwitchCosts: true})
	if err != nil {
		t.Fatal(err)
	}
	if quick.Expected != full.Expected || len(quick.Constraints) != len(full.Constraints) {
		t.Errorf("PlanWith(NoSwitchCosts) differs beyond the switch costs")
	}
	for i, seat := range quick.Seats {
		if len(seat.Alternatives) != len(full.Seats[i].Alternatives) {
			t.Errorf("seat %v: %d alternatives, want %d", seat.ID, len(seat.Alternatives), len(full.Seats[i].Alternatives))
		}
		for _, a := range seat.Alternatives {
			if a.Cost != nil {
				t.Errorf("seat %v: switch cost %v computed", seat.ID, *a.Cost)
			}
		}
	}
}

func BenchmarkPlanUttarPradesh(b *testing.B) {
	s, err := illustrative.Scenario()
	if err != nil {
		b.Fatal(err)
	}
	s.Demands = append(s.Demands, seatshare.Demand{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 19})
	pl, err := seatshare.NewPlanner(s, illustrative.Election)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	var plan *seatshare.Plan
	for b.Loop() {
		if plan, err = pl.Plan(ctx); err != nil {
			b.Fatal(err)
		}
	}
	solves := 1 + 2*len(plan.Constraints)
	for _, seat := range plan.Seats {
		solves += len(seat.Alternatives)
	}
	b.ReportMetric(float64(solves), "solves/op")
}

// BenchmarkPlanNational plans eight INDIA-bloc parties over all 543 seats
// from the real 2014 and 2019 results (SEATSHARE_DATA), with prices and
// 100,000 simulated scenarios but without switch costs.
func BenchmarkPlanNational(b *testing.B) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		b.Skip(seatshare.DataEnv + " is not set")
	}
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{
			{Party: "INC"}, {Party: "SP", States: []string{"Uttar Pradesh"}}, {Party: "AITC", States: []string{"West Bengal"}},
			{Party: "DMK", States: []string{"Tamil Nadu"}}, {Party: "RJD", States: []string{"Bihar", "Jharkhand"}},
			{Party: "CPM"}, {Party: "NCP", States: []string{"Maharashtra"}}, {Party: "SHS", States: []string{"Maharashtra"}},
		},
		Rival: []string{"BJP"},
		Bases: []seatshare.BaseElection{{Year: 2019, Weight: 0.6}, {Year: 2014, Weight: 0.4}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.6)},
			Lambda:   ptr(0.2),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.08}},
			Copula:   &seatshare.CopulaSpec{National: 0.5, State: 0.5},
		},
		Demands: []seatshare.Demand{
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 10},
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Bihar"}, Min: 9},
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Maharashtra"}, Min: 20},
		},
		Simulation: seatshare.SimulationSpec{Scenarios: 100000, Seed: 1},
	}
	pl, err := seatshare.NewPlanner(s, seatshare.DataDir(dir))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true}); err != nil {
			b.Fatal(err)
		}
	}
}
