package seatshare_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
)

// planUnder plans c with the caller's rules, or reports that the demands
// are infeasible.
func planUnder(t *rapid.T, c *seatsharetest.Case, rules ...seatshare.FairnessRule) (*seatshare.Planner, *seatshare.Plan, bool) {
	pl, err := c.Planner()
	if err != nil {
		t.Fatalf("NewPlanner: %v", err)
	}
	plan, err := pl.PlanWith(context.Background(), &seatshare.PlanSettings{Rules: rules, NoSwitchCosts: true})
	if errors.Is(err, seatshare.ErrInfeasible) {
		return pl, nil, false
	}
	if err != nil {
		t.Fatalf("PlanWith: %v", err)
	}
	return pl, plan, true
}

// TestSecondPlaces is the property of Example_customRule under rapid: for
// every scenario, the optimal plan under the rule meets it, and its price
// of fairness is the drop in expected wins from the plan without it.
func TestSecondPlaces(t *testing.T) {
	cfg := seatsharetest.ScenarioConfig{Members: []string{"SP", "INC", "RLD"}, Rival: []string{"BJP"}}
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.ScenarioWith(cfg).Draw(t, "case")
		rule := SecondPlaces{Party: "INC", Election: c.Election}
		pl, plan, ok := planUnder(t, c, rule)
		if !ok {
			return
		}
		if v := rule.Check(plan); len(v) > 0 {
			t.Fatalf("the plan under the rule breaks it: %v", v)
		}
		check := plan.Fairness[len(plan.Fairness)-1]
		if check.Field != "settings.rules[0]" || !check.Enforced || len(check.Violations) != 0 {
			t.Fatalf("rule check %+v", check)
		}
		free, err := pl.PlanWith(context.Background(), &seatshare.PlanSettings{NoSwitchCosts: true})
		if err != nil {
			t.Fatalf("the plan without the rule: %v", err)
		}
		if check.Price == nil {
			if free.Expected > 0 {
				t.Fatalf("no price with best %v", free.Expected)
			}
			return
		}
		if check.Price.Absolute < 0 || check.Price.Relative < 0 {
			t.Fatalf("negative price of fairness %+v", *check.Price)
		}
		if math.Abs(check.Price.Best-free.Expected) > 1e-6 || math.Abs(check.Price.Fair-plan.Expected) > 1e-6 {
			t.Fatalf("price %+v, want best %v and fair %v", *check.Price, free.Expected, plan.Expected)
		}
	})
}

// demandRule is a linear rule made of one count demand, drawn at random
// to test the enforcement of any linear rule.
type demandRule struct{ d seatshare.Demand }

func (r demandRule) Name() string { return "test demand" }

func (r demandRule) Check(plan *seatshare.Plan) []seatshare.Violation {
	n := 0
	for _, sp := range plan.Seats {
		if sp.Party == r.d.Party && (r.d.State == "" || sp.ID.State == r.d.State) {
			n++
		}
	}
	switch {
	case n < r.d.Min:
		return []seatshare.Violation{{Party: r.d.Party, What: "seats", Got: float64(n), Bound: "min", Required: float64(r.d.Min)}}
	case r.d.Max != nil && n > *r.d.Max:
		return []seatshare.Violation{{Party: r.d.Party, What: "seats", Got: float64(n), Bound: "max", Required: float64(*r.d.Max)}}
	}
	return nil
}

func (r demandRule) Enforce(*seatshare.Planner) (seatshare.Enforcement, error) {
	return seatshare.Enforcement{Demands: []seatshare.Demand{r.d}}, nil
}

// TestLinearRuleHolds: whatever a linear rule's demands, the optimal plan
// under them satisfies the rule, every rule's price is not negative, and
// the scenario's own rules are reported first, in order.
func TestLinearRuleHolds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.Scenario().Draw(t, "case")
		d := seatshare.Demand{Party: rapid.SampledFrom([]string{"A", "B", "C"}).Draw(t, "party")}
		if rapid.Bool().Draw(t, "inState") {
			d.State = rapid.SampledFrom(c.Election.States()).Draw(t, "state")
		}
		size := 0
		for _, con := range c.Election.Constituencies {
			if d.State == "" || con.State == d.State {
				size++
			}
		}
		d.Min = rapid.IntRange(0, size).Draw(t, "min")
		if rapid.Bool().Draw(t, "hasMax") {
			hi := rapid.IntRange(d.Min, size).Draw(t, "max")
			d.Max = &hi
		}
		rule := demandRule{d}
		_, plan, ok := planUnder(t, c, rule)
		if !ok {
			return
		}
		if v := rule.Check(plan); len(v) > 0 {
			t.Fatalf("plan breaks the rule: %v", v)
		}
		if len(plan.Fairness) != len(c.Scenario.Rules)+1 {
			t.Fatalf("%d rule checks, want %d", len(plan.Fairness), len(c.Scenario.Rules)+1)
		}
		for _, rc := range plan.Fairness {
			if rc.Price != nil && (rc.Price.Absolute < 0 || rc.Price.Relative < 0 || rc.Price.Relative > 1) {
				t.Fatalf("%s: price %+v", rc.Field, *rc.Price)
			}
		}
	})
}

// TestIndividualRationality: the rule's values alone are the coalition
// values of single members, and in the plan it shapes every member
// expects at least its value alone.
func TestIndividualRationality(t *testing.T) {
	ctx := context.Background()
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.ScenarioWith(seatsharetest.ScenarioConfig{NoRules: true}).Draw(t, "case")
		pl, err := c.Planner()
		if err != nil {
			t.Fatal(err)
		}
		ir, err := pl.IndividualRationality(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ir.Alone {
			v, err := pl.CoalitionValue(ctx, []string{a.Party}, false)
			if err != nil {
				t.Fatal(err)
			}
			if v != a.Value || v < 0 {
				t.Fatalf("v({%s}) = %v, the rule has %v", a.Party, v, a.Value)
			}
		}
		_, plan, ok := planUnder(t, c, ir)
		if !ok {
			return
		}
		for _, pp := range plan.Parties {
			for _, a := range ir.Alone {
				if a.Party == pp.Party && pp.Expected < a.Value-1e-9 {
					t.Fatalf("%s expects %v in the alliance, %v alone", pp.Party, pp.Expected, a.Value)
				}
			}
		}
		if v := ir.Check(plan); len(v) > 0 {
			t.Fatalf("violations %v", v)
		}
	})
}

// The hand-made plan of TestRuleChecks: two states, three members.
func checkedPlan() *seatshare.Plan {
	seat := func(state string, no int, party string, w float64) seatshare.SeatPlan {
		return seatshare.SeatPlan{ID: seatshare.SeatID{State: state, No: no}, Name: "S", Party: party, W: w}
	}
	return &seatshare.Plan{
		Seats: []seatshare.SeatPlan{
			seat("X", 1, "A", 0.5), seat("X", 2, "A", 0.25), seat("X", 3, "B", 0.5),
			seat("Y", 1, "C", 0.75),
		},
		Parties: []seatshare.PartyPlan{
			{Party: "A", Seats: 2, Expected: 0.75},
			{Party: "B", Seats: 1, Expected: 0.5},
			{Party: "C", Seats: 1, Expected: 0.75},
		},
	}
}

func TestRuleChecks(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		rule   seatshare.FairnessRule
		want   []seatshare.Violation
	}{
		{
			"sitting kept", "a seat held by its winner is no violation",
			&seatshare.SittingRule{Year: 2019, Seats: []seatshare.Pin{{State: "X", No: 1, Party: "A"}}},
			nil,
		},
		{
			"sitting lost", "a winner's seat given to a partner is one violation, 0 of 1 seat",
			&seatshare.SittingRule{Year: 2019, Seats: []seatshare.Pin{{State: "X", No: 3, Party: "A"}, {State: "Y", No: 1, Party: "C"}}},
			[]seatshare.Violation{{Party: "A", Set: "X/3 S", What: "seat", Got: 0, Bound: "min", Required: 1}},
		},
		{
			"quota", "A above its ceiling in X, B below its floor; C within",
			&seatshare.QuotaRule{Claim: "numbers", States: []seatshare.StateQuota{
				{State: "X", Seats: 3, Members: []string{"A", "B"}, Claims: []int64{1, 3}, Exact: []float64{0.75, 2.25}, Floor: []int{0, 2}, Ceil: []int{1, 3}},
				{State: "Y", Seats: 1, Members: []string{"C"}, Claims: []int64{1}, Exact: []float64{1}, Floor: []int{1}, Ceil: []int{1}},
			}},
			[]seatshare.Violation{
				{Party: "A", Set: "X", What: "seats", Got: 2, Bound: "max", Required: 1},
				{Party: "B", Set: "X", What: "seats", Got: 1, Bound: "min", Required: 2},
			},
		},
		{
			"individual rationality", "B expects 0.5 but 0.6 alone; A's 0.75 meets its 0.75 exactly",
			&seatshare.IndividualRationality{Alone: []seatshare.PartyValue{{Party: "A", Value: 0.75}, {Party: "B", Value: 0.6}, {Party: "C", Value: 0}}},
			[]seatshare.Violation{{Party: "B", Set: "all seats", What: "expected wins", Got: 0.5, Bound: "min", Required: 0.6}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.rule.Check(checkedPlan())
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: violations (-want +got):\n%s\n(%s)", tt.rule.Name(), diff, tt.reason)
			}
		})
	}
}

func TestViolationString(t *testing.T) {
	v := seatshare.Violation{Party: "INC", Set: "Bihar", What: "seats", Got: 3, Bound: "min", Required: 4}
	if got, want := v.String(), "INC: 3 seats in Bihar, min 4"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	v = seatshare.Violation{Party: "SP", Set: "all seats", What: "expected wins", Got: 1.25, Bound: "min", Required: 1.5}
	if got, want := v.String(), "SP: 1.2500 expected wins in all seats, min 1.5000"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// checkOnly is a rule with no linear form: it is checked, not enforced.
type checkOnly struct{}

func (checkOnly) Name() string { return "A contests nothing" }

func (checkOnly) Check(plan *seatshare.Plan) []seatshare.Violation {
	for _, pp := range plan.Parties {
		if pp.Party == "A" && pp.Seats > 0 {
			return []seatshare.Violation{{Party: "A", Set: "all seats", What: "seats", Got: float64(pp.Seats), Bound: "max", Required: 0}}
		}
	}
	return nil
}

// badRule enforces a demand of a party that is not a member.
type badRule struct{ checkOnly }

func (badRule) Enforce(*seatshare.Planner) (seatshare.Enforcement, error) {
	return seatshare.Enforcement{Demands: []seatshare.Demand{{Party: "Z", Min: 1}}}, nil
}

func TestPlanWithRules(t *testing.T) {
	ctx := context.Background()
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{checkOnly{}}})
	if err != nil {
		t.Fatal(err)
	}
	got := plan.Fairness[len(plan.Fairness)-1]
	want := seatshare.RuleCheck{
		Field: "settings.rules[0]", Name: "A contests nothing", Enforced: false,
		Violations: []seatshare.Violation{{Party: "A", Set: "all seats", What: "seats", Got: 3, Bound: "max", Required: 0}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("check-only rule (-want +got):\n%s", diff)
	}
	if n := len(pl.Rules()); n != len(s.Rules) {
		t.Errorf("Rules() has %d rules after PlanWith, want the scenario's %d", n, len(s.Rules))
	}

	_, err = pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{badRule{}}})
	var se *seatshare.ScenarioError
	if !errors.As(err, &se) || se.Field != "settings.rules[0].party" || !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("a rule demanding seats for a non-member: error %v, want a *ScenarioError on settings.rules[0].party", err)
	}
	_, err = pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{nil}})
	if !errors.As(err, &se) || se.Field != "settings.rules[0]" {
		t.Errorf("a nil rule: error %v, want a *ScenarioError on settings.rules[0]", err)
	}
}

// TestScenarioRulesAsValues: the scenario's JSON rules become the
// built-in values, in order, and each value enforces what the JSON rule
// always did.
func TestScenarioRulesAsValues(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	s.Rules = append(s.Rules,
		seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: map[string]int64{"A": 2, "B": 1, "C": 1}},
		seatshare.Rule{Kind: "individual-rationality"},
	)
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	rules := pl.Rules()
	if len(rules) != 3 {
		t.Fatalf("%d rules, want 3", len(rules))
	}
	sit, ok1 := rules[0].(*seatshare.SittingRule)
	q, ok2 := rules[1].(*seatshare.QuotaRule)
	ir, ok3 := rules[2].(*seatshare.IndividualRationality)
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("rules are %T, %T, %T", rules[0], rules[1], rules[2])
	}
	wantPins := []seatshare.Pin{
		{State: "Alpha", No: 1, Party: "A", Reason: "won it in 2019"},
		{State: "Beta", No: 1, Party: "C", Reason: "won it in 2019"},
	}
	if diff := cmp.Diff(wantPins, sit.Seats); diff != "" {
		t.Errorf("sitting rule's seats (-want +got):\n%s", diff)
	}
	// Alpha has A and B (claims 2:1 of 4 seats), Beta A, B and C (2:1:1 of 2).
	wantQ := []seatshare.StateQuota{
		{State: "Alpha", Seats: 4, Members: []string{"A", "B"}, Claims: []int64{2e6, 1e6}, Exact: []float64{8.0 / 3, 4.0 / 3}, Floor: []int{2, 1}, Ceil: []int{3, 2}},
		{State: "Beta", Seats: 2, Members: []string{"A", "B", "C"}, Claims: []int64{2e6, 1e6, 1e6}, Exact: []float64{1, 0.5, 0.5}, Floor: []int{1, 0, 0}, Ceil: []int{1, 1, 1}},
	}
	if diff := cmp.Diff(wantQ, q.States, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("quota rule's states (-want +got):\n%s", diff)
	}
	if len(ir.Alone) != 3 {
		t.Errorf("individual rationality has %d values, want 3", len(ir.Alone))
	}
}

// TestRulesGolden renders the small scenario with all three built-in
// rules (the quota by numbers that give A three seats of Alpha, so that the rule
// has a price) and checks the fairness and
// proportionality reports against testdata/scenario/small.rules.*.golden
// (regenerate with -update and read the diff).
func TestRulesGolden(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	s.Rules = append(s.Rules,
		seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: map[string]int64{"A": 3, "B": 1, "C": 5}},
		seatshare.Rule{Kind: "individual-rationality"},
	)
	s.Demands = nil // the quota rule and individual rationality bind instead
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, pl, plan)
	for _, rc := range plan.Fairness {
		if len(rc.Violations) > 0 {
			t.Errorf("%s is enforced but violated: %v", rc.Field, rc.Violations)
		}
	}
	var b bytes.Buffer
	if err := seatshare.WriteTable(&b, plan); err != nil {
		t.Fatal(err)
	}
	golden(t, "small.rules.table.golden", b.Bytes())
	b.Reset()
	if err := seatshare.WriteJSON(&b, plan); err != nil {
		t.Fatal(err)
	}
	golden(t, "small.rules.json.golden", b.Bytes())
	for name, tab := range map[string]seatshare.Table{"small.rules.fairness.csv.golden": seatshare.FairnessTable, "small.rules.proportionality.csv.golden": seatshare.ProportionalityTable} {
		b.Reset()
		if err := seatshare.WriteCSV(&b, plan, tab); err != nil {
			t.Fatal(err)
		}
		golden(t, name, b.Bytes())
	}
}

// TestGeneratedPlansMatchBruteForce: on seatsharetest's scenarios (whose
// rules add locks, quota bounds and the real-coefficient rows of
// individual rationality), the plan's expected wins equal the brute-force
// optimum of the planner's problem, and the plan is infeasible exactly
// when brute force finds no assignment.
func TestGeneratedPlansMatchBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.Scenario().Draw(t, "case")
		pl, plan, ok := planUnder(t, c)
		best, feasible := bruteForce(pl.Problem())
		switch {
		case ok != feasible:
			t.Fatalf("planner feasible %v, brute force %v", ok, feasible)
		case ok && math.Abs(plan.Expected-best) > 1e-7:
			t.Fatalf("Expected = %v, brute force %v", plan.Expected, best)
		}
	})
}

// BenchmarkRulesUttarPradesh builds a planner for the illustrative Uttar
// Pradesh scenario with the quota rule (claim: 2009 wins) and plans it,
// without switch costs, with a user's rule (SecondPlaces for INC): each
// rule's price of fairness is one solve more. (Individual rationality is
// left out: under the calibrated sigma the members' values alone add up to
// more than the alliance can give them, so it is infeasible here.)
func BenchmarkRulesUttarPradesh(b *testing.B) {
	s, err := illustrative.Scenario()
	if err != nil {
		b.Fatal(err)
	}
	s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "wins", Year: 2009})
	s.Simulation = seatshare.SimulationSpec{}
	e2019, err := illustrative.Election(2019)
	if err != nil {
		b.Fatal(err)
	}
	settings := &seatshare.PlanSettings{NoSwitchCosts: true, Rules: []seatshare.FairnessRule{SecondPlaces{Party: "INC", Election: e2019}}}
	ctx := context.Background()
	b.ReportAllocs()
	var plan *seatshare.Plan
	for b.Loop() {
		pl, err := seatshare.NewPlanner(s, illustrative.Election)
		if err != nil {
			b.Fatal(err)
		}
		if plan, err = pl.PlanWith(ctx, settings); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(plan.Fairness)), "rules/op")
	b.ReportMetric(plan.Fairness[len(plan.Fairness)-1].Price.Absolute, "price-of-INC-rule")
}

// TestIndividualRationalityUttarPradesh records what the rule says about
// the illustrative Uttar Pradesh scenario under the calibrated model: the
// members' values alone (each contesting all 80 seats against the others)
// add up to more than the best alliance plan, so no plan gives every member
// its value alone, and the planner says which rows conflict.
func TestIndividualRationalityUttarPradesh(t *testing.T) {
	ctx := context.Background()
	s, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	s.Simulation = seatshare.SimulationSpec{}
	pl, err := seatshare.NewPlanner(s, illustrative.Election)
	if err != nil {
		t.Fatal(err)
	}
	best, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true})
	if err != nil {
		t.Fatal(err)
	}
	ir, err := pl.IndividualRationality(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, a := range ir.Alone {
		sum += a.Value
	}
	if sum <= best.Expected {
		t.Errorf("values alone sum to %v, not above the alliance's best %v", sum, best.Expected)
	}
	_, err = pl.PlanWith(ctx, &seatshare.PlanSettings{Rules: []seatshare.FairnessRule{ir}})
	var ie *seatshare.InfeasibleError
	if !errors.As(err, &ie) || len(ie.Conflict) == 0 {
		t.Fatalf("PlanWith(individual rationality) error %v, want an explained *InfeasibleError", err)
	}
	for _, c := range ie.Conflict {
		if !strings.HasPrefix(c, "settings.rules[0] ") {
			t.Errorf("conflict %q is not the rule's row", c)
		}
	}
}

// TestEvaluateFairness: a proposal is checked against the scenario's
// rules, with the numbers of each violation.
func TestEvaluateFairness(t *testing.T) {
	ctx := context.Background()
	s := readScenarioFile(t, "small.json")
	s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: map[string]int64{"A": 3, "B": 1, "C": 5}})
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true})
	if err != nil {
		t.Fatal(err)
	}
	var proposal []seatshare.Pin
	for _, sp := range plan.Seats {
		proposal = append(proposal, seatshare.Pin{State: sp.ID.State, No: sp.ID.No, Party: sp.Party})
	}
	ev, err := pl.Evaluate(ctx, proposal)
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range ev.Fairness {
		if len(rc.Violations) != 0 {
			t.Errorf("the optimal plan as a proposal breaks %s: %v", rc.Field, rc.Violations)
		}
	}
	if diff := cmp.Diff(plan.Proportionality, ev.Proportionality); diff != "" {
		t.Errorf("the optimal plan's proportionality differs as a proposal (-plan +proposal):\n%s", diff)
	}
	proposal[0].Party = "B" // Alpha/1, won by A in 2019
	ev, err = pl.Evaluate(ctx, proposal)
	if err != nil {
		t.Fatal(err)
	}
	got := [][]seatshare.Violation{ev.Fairness[0].Violations, ev.Fairness[1].Violations}
	want := [][]seatshare.Violation{
		{{Party: "A", Set: "Alpha/1 ONE", What: "seat", Got: 0, Bound: "min", Required: 1}},
		{
			{Party: "A", Set: "Alpha", What: "seats", Got: 2, Bound: "min", Required: 3},
			{Party: "B", Set: "Alpha", What: "seats", Got: 2, Bound: "max", Required: 1},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("violations of the sitting and quota rules (-want +got):\n%s", diff)
	}
}
