package seatshare_test

import (
	"context"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

// TestRobustness checks each range by re-planning at its ends: the plan
// is still optimal at Lo and Hi, and not at the search limit beyond a
// closed end.
func TestRobustness(t *testing.T) {
	ctx := context.Background()
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	party := make(map[seatshare.SeatID]string)
	for _, seat := range plan.Seats {
		party[seat.ID] = seat.Party
	}
	ranges, err := pl.Robustness(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ranges) != 2 {
		t.Fatalf("%d ranges, want 2", len(ranges))
	}
	// optimalAt reports whether the plan is optimal with parameter k set
	// to x.
	optimalAt := func(k int, x float64) bool {
		sc := *s
		sc.Simulation = seatshare.SimulationSpec{}
		if k == 0 {
			sc.Model.Link = &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: x}}
		} else {
			tr := *sc.Model.Transfer
			tr.Default = &x
			sc.Model.Transfer = &tr
		}
		q, err := seatshare.NewPlanner(&sc, smallSource)
		if err != nil {
			t.Fatal(err)
		}
		best, err := q.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true})
		if err != nil {
			t.Fatal(err)
		}
		e := 0.0
		for _, sw := range q.Seats() {
			for _, o := range sw.Options {
				if o.Party == party[sw.ID] {
					e += o.W
				}
			}
		}
		return e >= best.Expected-1e-9
	}
	for k, r := range ranges {
		if !(r.Lo <= r.Value && r.Value <= r.Hi) {
			t.Errorf("%s: range [%v, %v] misses the value %v", r.Parameter, r.Lo, r.Hi, r.Value)
		}
		for _, x := range []float64{r.Lo, r.Hi} {
			if !optimalAt(k, x) {
				t.Errorf("%s: plan not optimal at %v, inside [%v, %v]", r.Parameter, x, r.Lo, r.Hi)
			}
		}
		limits := [][2]float64{{r.Value / 10, r.Value * 10}, {0, 1}}[k]
		if !r.LoOpen && optimalAt(k, limits[0]) {
			t.Errorf("%s: closed at %v, yet optimal at the limit %v", r.Parameter, r.Lo, limits[0])
		}
		if !r.HiOpen && optimalAt(k, limits[1]) {
			t.Errorf("%s: closed at %v, yet optimal at the limit %v", r.Parameter, r.Hi, limits[1])
		}
		if math.IsNaN(r.Lo) || math.IsNaN(r.Hi) {
			t.Errorf("%s: NaN range", r.Parameter)
		}
	}
	t.Logf("%+v", ranges)
}
