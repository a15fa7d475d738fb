package chart_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

func TestDistributionOf(t *testing.T) {
	cop, err := scoring.NewCopula(0.5, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	p := upProbs()
	states := make([]int, len(p))
	sim, err := scoring.Simulate(p, states, cop, 20_000, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	d := chart.DistributionOf(sim, 45)
	if err := d.Validate(); err != nil {
		t.Fatalf("DistributionOf(Simulate(...)).Validate() = %v", err)
	}
	if d.Scenarios != 20_000 || d.Target != 45 || len(d.Totals) != 81 {
		t.Errorf("DistributionOf = {Scenarios: %d, Target: %d, %d totals}, want {20000, 45, 81}", d.Scenarios, d.Target, len(d.Totals))
	}
	// The chart's statistics are the simulation's own.
	opt := cmpopts.EquateApprox(0, 1e-12)
	if diff := cmp.Diff(sim.Mean().Value, d.Mean(), opt); diff != "" {
		t.Errorf("Mean() differs from the simulation's (-sim +chart):\n%s", diff)
	}
	for _, k := range []int{0, 30, 45, 80, 81} {
		if diff := cmp.Diff(sim.AtLeast(k).Value, d.AtLeast(k), opt); diff != "" {
			t.Errorf("AtLeast(%d) differs from the simulation's (-sim +chart):\n%s", k, diff)
		}
	}
	if err := chart.DistributionOf(nil, 3).Validate(); err == nil {
		t.Error("DistributionOf(nil).Validate() = nil, want an error")
	}
}

func TestDistributionOfPMF(t *testing.T) {
	f, err := scoring.PoissonBinomial([]float64{0.5, 0.5})
	if err != nil {
		t.Fatal(err)
	}
	want := chart.Distribution{Totals: []int{0, 1, 2}, Prob: []float64{0.25, 0.5, 0.25}, Target: 2}
	got := chart.DistributionOfPMF(f, 2)
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
		t.Errorf("DistributionOfPMF mismatch (-want +got):\n%s", diff)
	}
	f[0] = 7 // the chart input keeps its own copy
	if got.Prob[0] != 0.25 {
		t.Errorf("DistributionOfPMF aliases its argument: Prob[0] = %v after the PMF changed", got.Prob[0])
	}
}

func TestPricesOf(t *testing.T) {
	one, half, zero := 1.0, 0.5, 0.0
	plan := &seatshare.Plan{Constraints: []seatshare.ConstraintPlan{
		{Kind: seatshare.DemandKind, Field: "demands[0]", Name: "INC at least 21", Relaxed: &one, Dropped: 2.5},
		{Kind: seatshare.RowKind, Field: "rules[0]", Name: "within quota", Relaxed: &half, Dropped: 0.75},
		{Kind: seatshare.DemandKind, Field: "demands[1]", Relaxed: &zero, Dropped: 0},
		{Kind: seatshare.LockKind, Field: "locks[0]", Name: "Amethi to INC", Dropped: 0.5},
	}}
	tests := []struct {
		name   string
		reason string
		kinds  []seatshare.ConstraintKind
		want   chart.Prices
	}{
		{"default", "demands only, unnamed ones by field, with their relaxed prices", nil,
			chart.Prices{Names: []string{"INC at least 21", "demands[1]"}, Lost: []float64{2.5, 0}, Relaxed: []float64{1, 0}}},
		{"demands and rows", "kinds select, plan order kept", []seatshare.ConstraintKind{seatshare.RowKind, seatshare.DemandKind},
			chart.Prices{Names: []string{"INC at least 21", "within quota", "demands[1]"}, Lost: []float64{2.5, 0.75, 0}, Relaxed: []float64{1, 0.5, 0}}},
		{"rows and locks", "a lock has no relaxed price, so none is shown", []seatshare.ConstraintKind{seatshare.LockKind, seatshare.RowKind},
			chart.Prices{Names: []string{"within quota", "Amethi to INC"}, Lost: []float64{0.75, 0.5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, chart.PricesOf(plan, tt.kinds...)); diff != "" {
				t.Errorf("PricesOf mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
	if diff := cmp.Diff(chart.Prices{}, chart.PricesOf(nil)); diff != "" {
		t.Errorf("PricesOf(nil) mismatch (-want +got):\n%s", diff)
	}
}

func TestSharesOf(t *testing.T) {
	plan := &seatshare.Plan{Parties: []seatshare.PartyPlan{{Party: "SP", Seats: 62, Expected: 30}, {Party: "INC", Seats: 15}, {Party: "RLD", Seats: 3}}}
	ent := []float64{61.6, 14.2, 4.2}
	want := shares()
	got := chart.SharesOf(plan, ent, "quota by 2019 vote share")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("SharesOf mismatch (-want +got):\n%s", diff)
	}
	ent[0] = 0
	if got.Entitlement[0] != 61.6 {
		t.Errorf("SharesOf aliases its entitlement argument")
	}
	if err := chart.SharesOf(plan, ent[:2], "").Validate(); err == nil {
		t.Error("SharesOf with 2 entitlements for 3 parties: Validate() = nil, want an error")
	}
}

func TestFrontierOf(t *testing.T) {
	pts := []seatshare.FrontierPoint{
		{Seats: 1, Reason: "RLD needs 3 seats"},
		{Seats: 2, Feasible: true, Expected: 40.5},
		{Seats: 3, Feasible: true, Expected: 40.25},
		{Seats: 4, Reason: "infeasible"},
	}
	want := chart.Frontier{Party: "INC", Set: "Uttar Pradesh", Seats: []int{2, 3}, Expected: []float64{40.5, 40.25}, Infeasible: []int{1, 4}}
	if diff := cmp.Diff(want, chart.FrontierOf("INC", "Uttar Pradesh", pts)); diff != "" {
		t.Errorf("FrontierOf mismatch (-want +got):\n%s", diff)
	}
}

func TestDistributionOfSummary(t *testing.T) {
	sim := &seatshare.SimulationSummary{Scenarios: 8, Target: 2, Counts: []int64{1, 4, 3}}
	want := chart.Distribution{Totals: []int{0, 1, 2}, Prob: []float64{0.125, 0.5, 0.375}, Target: 2, Scenarios: 8}
	if diff := cmp.Diff(want, chart.DistributionOfSummary(sim)); diff != "" {
		t.Errorf("DistributionOfSummary mismatch (-want +got):\n%s", diff)
	}
	if err := chart.DistributionOfSummary(nil).Validate(); err == nil {
		t.Error("DistributionOfSummary(nil).Validate() = nil, want an error")
	}
	// A summary whose counts do not add up to its scenarios is caught.
	sim.Counts[0] = 2
	var ie *chart.InputError
	if err := chart.DistributionOfSummary(sim).Validate(); !errors.As(err, &ie) || ie.Field != "Distribution.Prob" {
		t.Errorf("DistributionOfSummary(counts summing to 9 of 8).Validate() = %v, want an *InputError on Distribution.Prob", err)
	}
}
