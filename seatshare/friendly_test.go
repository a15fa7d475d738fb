package seatshare_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
)

// fightScenario is one seat where A (30 points) and B (25) face R (40),
// with every transfer rate 0.5, lambda 0 and probit sigma 0.1.
func fightScenario() *seatshare.Scenario {
	return &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A"}, {Party: "B"}},
		Friendly: []seatshare.FriendlyFight{{Parties: []string{"A", "B"}}},
		Rival:    []string{"R"},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.5)},
			Lambda:   ptr(0.0),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.1}},
		},
	}
}

// TestFriendlyFightByHand checks the fight's win probability and that its
// seat counts for both parties' demands and in the report.
func TestFriendlyFightByHand(t *testing.T) {
	s := fightScenario()
	// Both demand the only seat: only the fight meets both.
	s.Demands = []seatshare.Demand{{Party: "A", Min: 1}, {Party: "B", Min: 1}}
	pl, err := seatshare.NewPlanner(s, oneSeat(map[string]int{"A": 30, "B": 25, "R": 40}))
	if err != nil {
		t.Fatal(err)
	}
	phi := func(m float64) float64 { return distuv.UnitNormal.CDF(m / 0.1) }
	// A with B's half: .425 against R .40; B with A's half: .40 against
	// .40; in the fight each faces R .40 with the other's votes its own:
	// A at -.10, B at -.15.
	want := []float64{phi(0.025), phi(0), phi(-0.10) + phi(-0.15)}
	var got []float64
	for _, o := range pl.Seats()[0].Options {
		got = append(got, o.W)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("options' W mismatch (-want +got):\n%s", diff)
	}
	if name := pl.Seats()[0].Options[2].Party; name != "A+B (friendly fight)" {
		t.Errorf("option %q, want %q", name, "A+B (friendly fight)")
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if plan.Seats[0].Party != seatshare.FriendlyName("A", "B") {
		t.Fatalf("seat goes to %s, want the fight", plan.Seats[0].Party)
	}
	checkPlan(t, pl, plan)
	wantParties := []seatshare.PartyPlan{
		{Party: "A", Seats: 1, Expected: phi(-0.10)},
		{Party: "B", Seats: 1, Expected: phi(-0.15)},
	}
	if diff := cmp.Diff(wantParties, plan.Parties, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("parties mismatch (-want +got):\n%s", diff)
	}
	for _, c := range plan.Constraints {
		if c.Value != 1 || !c.Binding || c.Relaxed == nil || *c.Relaxed <= 0 {
			t.Errorf("%s: value %v binding %v relaxed %v; want 1, binding, a positive price", c.Field, c.Value, c.Binding, c.Relaxed)
		}
	}
	// A's frontier counts the fight as A's seat: with A at 0 seats B
	// contests alone (B's demand stays), at 1 the fight meets both.
	pts, err := pl.Frontier(context.Background(), "A", seatshare.SeatSet{}, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	wantPts := []seatshare.FrontierPoint{{Seats: 0, Feasible: true, Expected: phi(0)}, {Seats: 1, Feasible: true, Expected: phi(-0.10) + phi(-0.15)}}
	if diff := cmp.Diff(wantPts, pts, cmpopts.EquateApprox(0, 1e-8)); diff != "" {
		t.Errorf("frontier mismatch (-want +got):\n%s", diff)
	}
	var b bytes.Buffer
	if err := seatshare.WriteTable(&b, plan); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "A+B (friendly fight)") {
		t.Errorf("report lacks the fight:\n%s", b.String())
	}
	// Without the demands A alone is better than the fight.
	s.Demands = nil
	pl, err = seatshare.NewPlanner(s, oneSeat(map[string]int{"A": 30, "B": 25, "R": 40}))
	if err != nil {
		t.Fatal(err)
	}
	if plan, err = pl.Plan(context.Background()); err != nil || plan.Seats[0].Party != "A" {
		t.Errorf("free plan: %v, %v; want A", plan, err)
	}
}

func TestFriendlyFightErrors(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(s *seatshare.Scenario)
		field  string
	}{
		{"one-party", "a fight needs two", func(s *seatshare.Scenario) { s.Friendly[0].Parties = []string{"A"} }, "friendly[0].parties"},
		{"not-member", "R is the rival", func(s *seatshare.Scenario) { s.Friendly[0].Parties[1] = "R" }, "friendly[0].parties[1]"},
		{"itself", "A cannot fight A", func(s *seatshare.Scenario) { s.Friendly[0].Parties[1] = "A" }, "friendly[0].parties[1]"},
		{"bad-category", "OBC is no category", func(s *seatshare.Scenario) { s.Friendly[0].Category = "OBC" }, "friendly[0].category"},
		{"unknown-state", "no state Y in the results", func(s *seatshare.Scenario) { s.Friendly[0].State = "Y" }, "friendly[0].state"},
		{"twice", "the same pair twice", func(s *seatshare.Scenario) {
			s.Friendly = append(s.Friendly, seatshare.FriendlyFight{Parties: []string{"B", "A"}})
		}, "friendly[1].parties"},
		{"never-allied", "the set, SC seats, has no seat where A and C are both members", func(s *seatshare.Scenario) {
			s.Alliance[1].States = []string{"X"}
			s.Alliance = append(s.Alliance, seatshare.Member{Party: "C", States: []string{"X"}})
			s.Friendly[0].Parties = []string{"A", "C"}
			s.Alliance[0].States = []string{"X"}
			s.Friendly[0].Category = "SC"
		}, "friendly[0]"},
	}
	for _, tt := range tests {
		s := fightScenario()
		tt.edit(s)
		_, err := seatshare.NewPlanner(s, oneSeat(map[string]int{"A": 30, "B": 25, "C": 5, "R": 40}))
		var se *seatshare.ScenarioError
		if !errors.As(err, &se) || !errors.Is(err, seatshare.ErrInvalid) {
			t.Errorf("%s (%s): error %v, want a *ScenarioError", tt.name, tt.reason, err)
			continue
		}
		if se.Field != tt.field {
			t.Errorf("%s (%s): field %q (%v), want %q", tt.name, tt.reason, se.Field, err, tt.field)
		}
	}
}

// TestPropFriendlyBruteForce adds friendly fights to generated scenarios
// and checks the plan against brute force over the solver problem, and
// every demand directly: a party's seats in a set count its fights.
func TestPropFriendlyBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		pairs := [][]string{{"A", "B"}, {"B", "C"}, {"A", "C"}}
		for k := range rapid.IntRange(1, 2).Draw(t, "nFights") {
			ff := seatshare.FriendlyFight{Parties: pairs[k]}
			if rapid.Bool().Draw(t, "fightInS1") {
				ff.State = "S1"
			}
			s.Friendly = append(s.Friendly, ff)
		}
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Skip(err)
		}
		prob := pl.Problem()
		best, feasible := bruteForce(prob)
		plan, err := pl.Plan(context.Background())
		if !feasible {
			if !errors.Is(err, seatshare.ErrInfeasible) {
				t.Fatalf("brute force finds no plan, Plan: %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkPlan(t, pl, plan)
		if math.Abs(plan.Expected-best) > 1e-6 {
			t.Fatalf("expected %v, brute force %v", plan.Expected, best)
		}
		for i, d := range s.Demands {
			n := 0
			for _, sp := range plan.Seats {
				inSet := (d.State == "" || sp.ID.State == d.State) && (d.Category == "" || sp.Category.String() == d.Category)
				fight := strings.HasSuffix(sp.Party, " (friendly fight)") && slices.Contains(strings.Split(strings.TrimSuffix(sp.Party, " (friendly fight)"), "+"), d.Party)
				if inSet && (sp.Party == d.Party || fight) {
					n++
				}
			}
			if n < d.Min || d.Max != nil && n > *d.Max {
				t.Fatalf("demands[%d] %+v: %d seats", i, d, n)
			}
			if c := plan.Constraints[i]; c.Value != float64(n) {
				t.Fatalf("demands[%d]: reported value %v, counted %d", i, c.Value, n)
			}
		}
		// Coalition values with the fights: the fast path matches a
		// planner rebuilt for each sub-alliance, and the Shapley values
		// add up.
		g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: true})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for c := scoring.Coalition(1); c < 8; c++ {
			want, werr := g.RebuiltValue(ctx, c)
			got, gerr := g.Value(ctx, members(c))
			if werr != nil || gerr != nil {
				continue // compared in TestPropCoalitionMatchesRebuild
			}
			if math.Abs(got-want) > 1e-6 {
				t.Fatalf("v(%v) = %v, rebuilt %v", members(c), got, want)
			}
		}
		all, err := g.Value(ctx, []string{"A", "B", "C"})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(all-plan.Expected) > 1e-6 {
			t.Fatalf("v(all) with demands %v, plan %v", all, plan.Expected)
		}
	})
}

func TestReadScenarioFriendly(t *testing.T) {
	const doc = `{"alliance": [{"party": "A"}, {"party": "B"}], "friendly": [{"parties": ["A", "B"], "state": "X"}],
"bases": [{"year": 2019, "weight": 1}],
"model": {"transfer": {"default": 0.5}, "lambda": 0, "link": {"probit": {"sigma": 0.1}}}}`
	s, err := seatshare.ReadScenario(strings.NewReader(doc), "friendly.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []seatshare.FriendlyFight{{Parties: []string{"A", "B"}, SeatSet: seatshare.SeatSet{State: "X"}}}
	if diff := cmp.Diff(want, s.Friendly); diff != "" {
		t.Errorf("Friendly mismatch (-want +got):\n%s", diff)
	}
	bad := strings.Replace(doc, `["A", "B"]`, `["A", "Q"]`, 1)
	_, err = seatshare.ReadScenario(strings.NewReader(bad), "friendly.json")
	var se *seatshare.ScenarioError
	if !errors.As(err, &se) || se.Field != "friendly[0].parties[1]" {
		t.Errorf("error %v, want one naming friendly[0].parties[1]", err)
	}
}
