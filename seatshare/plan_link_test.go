package seatshare_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/solver"
)

// halfProbit is a link of the test's own: the probit with sigma Sigma
// below a zero margin and Sigma/2 above it.
type halfProbit struct{ Sigma float64 }

func (l halfProbit) Prob(m float64) float64 {
	if m < 0 {
		return scoring.Probit{Sigma: l.Sigma}.Prob(m)
	}
	return scoring.Probit{Sigma: l.Sigma / 2}.Prob(m)
}

// badLink returns a value outside [0, 1].
type badLink struct{}

func (badLink) Prob(float64) float64 { return 2 }

// TestCustomLinkProperties checks, over generated scenarios, that a custom
// link equal to the scenario's probit gives the scenario's plan, and that
// another custom link gives every option its probability of the same
// margin and a plan that is optimal for those weights.
func TestCustomLinkProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Skip(err)
		}
		sigma := pl.Scenario().Model.Link.Probit.Sigma
		same, err := seatshare.NewPlannerWith(s, src, &seatshare.PlannerSettings{Link: scoring.Probit{Sigma: sigma}})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(pl.Seats(), same.Seats()); diff != "" {
			t.Fatalf("the scenario's link as a custom link changes the seats (-want +got):\n%s", diff)
		}
		link := halfProbit{Sigma: sigma}
		own, err := seatshare.NewPlannerWith(s, src, &seatshare.PlannerSettings{Link: link})
		if err != nil {
			t.Fatal(err)
		}
		for i, sw := range own.Seats() {
			for k, o := range sw.Options {
				base := pl.Seats()[i].Options[k]
				if o.Margin != base.Margin {
					t.Fatalf("seat %v, %s: margin %v, want the scenario link's %v", sw.ID, o.Party, o.Margin, base.Margin)
				}
				if o.Party == seatshare.SeparateOption || strings.Contains(o.Party, "+") {
					continue // sums of several candidates' probabilities
				}
				if want := link.Prob(o.Margin); math.Abs(o.W-want) > 1e-12 {
					t.Fatalf("seat %v, %s: W %v, want link.Prob(%v) = %v", sw.ID, o.Party, o.W, o.Margin, want)
				}
			}
		}
		want, feasible := bruteForce(own.Problem())
		plan, err := own.PlanWith(context.Background(), &seatshare.PlanSettings{NoSwitchCosts: true})
		if !feasible {
			if !errors.Is(err, seatshare.ErrInfeasible) {
				t.Fatalf("infeasible by brute force, Plan returns %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(plan.Expected-want) > 1e-9 {
			t.Fatalf("expected wins %v under the custom link, brute force %v", plan.Expected, want)
		}
		if plan.Model.Link != nil || plan.CustomLink == "" {
			t.Fatalf("plan reports link %+v, custom %q", plan.Model.Link, plan.CustomLink)
		}
	})
}

// TestCustomLinkReported checks that a plan names its custom link in the
// table and the JSON, and does not list model.link among the defaults.
func TestCustomLinkReported(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		set    seatshare.PlannerSettings
		want   string
	}{
		{
			name:   "named",
			reason: "LinkName is what the plan prints",
			set:    seatshare.PlannerSettings{Link: halfProbit{Sigma: 0.1}, LinkName: "half probit"},
			want:   "half probit",
		},
		{
			name:   "unnamed",
			reason: "without a name the plan prints the link's type and fields",
			set:    seatshare.PlannerSettings{Link: halfProbit{Sigma: 0.1}},
			want:   "seatshare_test.halfProbit{Sigma:0.1}",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readScenarioFile(t, "small.json")
			s.Model.Link = nil // defaulted without a custom link
			pl, err := seatshare.NewPlannerWith(s, smallSource, &tt.set)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := pl.Plan(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, plan.CustomLink); diff != "" {
				t.Errorf("%s: CustomLink (-want +got):\n%s", tt.reason, diff)
			}
			if slices.Contains(plan.ModelDefaults, "model.link") {
				t.Errorf("ModelDefaults %v lists model.link, which the custom link replaces", plan.ModelDefaults)
			}
			var b bytes.Buffer
			if err := seatshare.WriteTable(&b, plan); err != nil {
				t.Fatal(err)
			}
			if line := "Model: link: custom (" + tt.want + ")"; !strings.Contains(b.String(), line) {
				t.Errorf("the table lacks %q:\n%s", line, b.String())
			}
			b.Reset()
			if err := seatshare.WriteJSON(&b, plan); err != nil {
				t.Fatal(err)
			}
			var got struct {
				CustomLink string `json:"custom_link"`
				Model      struct {
					Link *seatshare.LinkSpec `json:"link"`
				} `json:"model"`
			}
			if err := json.Unmarshal(b.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.CustomLink != tt.want || got.Model.Link != nil {
				t.Errorf("JSON custom_link %q, model.link %+v; want %q and none", got.CustomLink, got.Model.Link, tt.want)
			}
		})
	}
}

// TestCustomLinkDefaultsAndErrors checks that the zero settings give the
// scenario's link and that a link out of [0, 1] is an error naming the
// seat.
func TestCustomLinkDefaultsAndErrors(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	zero, err := seatshare.NewPlannerWith(s, smallSource, &seatshare.PlannerSettings{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pl.Seats(), zero.Seats()); diff != "" {
		t.Errorf("zero PlannerSettings change the seats (-want +got):\n%s", diff)
	}
	_, err = seatshare.NewPlannerWith(s, smallSource, &seatshare.PlannerSettings{Link: badLink{}})
	if err == nil || !strings.Contains(err.Error(), "seat ") || !strings.Contains(err.Error(), "link gives 2") {
		t.Errorf("a link giving 2: error %v, want one naming the seat and the value", err)
	}
}

// TestProblemIsACopy checks that writing anywhere into the problem that
// Planner.Problem returns leaves the planner's next Problem and Plan
// unchanged.
func TestProblemIsACopy(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Skip(err)
		}
		ctx := context.Background()
		before, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true})
		if err != nil {
			t.Skip(err) // an infeasible case has no plan to compare
		}
		want := pl.Problem()
		got := pl.Problem()
		for i := range got.Items {
			for k := range got.Items[i].Options {
				got.Items[i].Options[k].Weight = -1
				got.Items[i].Options[k].Agent = 0
			}
		}
		for i := range got.Agents {
			got.Agents[i] = "changed"
		}
		for i := range got.Groups {
			for k := range got.Groups[i].Items {
				got.Groups[i].Items[k] = 0
			}
		}
		for i := range got.Rows {
			for k := range got.Rows[i].Terms {
				got.Rows[i].Terms[k].Coef = 1e6
			}
			for k := range got.Rows[i].Pairs {
				got.Rows[i].Pairs[k].Coef = 1e6
			}
		}
		for i := range got.Bounds {
			got.Bounds[i].Min = 0
		}
		got.Locks = append(got.Locks[:0], solver.Pair{})
		got.Vetoes = append(got.Vetoes[:0], solver.Pair{})
		if diff := cmp.Diff(want, pl.Problem()); diff != "" {
			t.Fatalf("writing into Problem's result changed the planner's problem (-want +got):\n%s", diff)
		}
		after, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, after, cmpopts.IgnoreFields(solver.Stats{}, "Runtime")); diff != "" {
			t.Fatalf("writing into Problem's result changed the next plan (-want +got):\n%s", diff)
		}
	})
}

// TestCustomLinkRobustness checks that Robustness under a custom link
// probes the transfer rate only, and builds its planners with the same
// link: a custom probit gives the transfer range that the scenario with
// that probit gives.
func TestCustomLinkRobustness(t *testing.T) {
	ctx := context.Background()
	s := readScenarioFile(t, "small.json")
	s.Model.Link = &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.3}}
	pl, err := seatshare.NewPlannerWith(s, smallSource, &seatshare.PlannerSettings{Link: scoring.Probit{Sigma: 0.05}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := pl.Robustness(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Parameter != "model.transfer.default" {
		t.Fatalf("ranges %+v, want the transfer rate's only", got)
	}
	s.Model.Link = &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.05}}
	same, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	want, err := same.Robustness(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want[1:], got); diff != "" {
		t.Errorf("transfer range under the custom probit differs from the scenario probit's (-want +got):\n%s", diff)
	}
}
