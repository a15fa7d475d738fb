package seatshare_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

func TestCoalitionValues(t *testing.T) {
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
	// The grand coalition with its demands is the plan itself.
	v, err := pl.CoalitionValue(ctx, []string{"A", "B", "C"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(v-plan.Expected) > 1e-9 {
		t.Errorf("v(A,B,C) with demands = %v, plan's expected wins %v", v, plan.Expected)
	}
	// Dropping every demand can only gain.
	free, err := pl.CoalitionValue(ctx, []string{"C", "B", "A"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if free < v-1e-9 {
		t.Errorf("v without demands %v < v with demands %v", free, v)
	}
	// C is a member only in Beta: alone it contests Beta's 2 seats, with
	// A and B against it there.
	c, err := pl.CoalitionValue(ctx, []string{"C"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if c <= 0 || c > 2 {
		t.Errorf("v(C) = %v, want in (0, 2]", c)
	}
	if v0, err := pl.CoalitionValue(ctx, nil, false); err != nil || v0 != 0 {
		t.Errorf("v(empty) = %v, %v; want 0, nil", v0, err)
	}
	if _, err := pl.CoalitionValue(ctx, []string{"A", "R"}, false); !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("v(A, R) error = %v, want ErrInvalid (R is not a member)", err)
	}
	// Shapley values add up to v(N) - v(empty) and C's alone value
	// matches.
	phi, err := pl.Shapley(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, m := range phi {
		sum += m.Shapley
	}
	if math.Abs(sum-free) > 1e-9 {
		t.Errorf("Shapley values sum to %v, v(N) = %v", sum, free)
	}
	if phi[2].Party != "C" || math.Abs(phi[2].Alone-c) > 1e-12 {
		t.Errorf("phi[2] = %+v, want C alone %v", phi[2], c)
	}
}
