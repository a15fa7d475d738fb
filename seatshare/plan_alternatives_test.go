package seatshare_test

import (
	"context"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

func TestAlternatives(t *testing.T) {
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
	alts, err := pl.Alternatives(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(alts) != 3 {
		t.Fatalf("%d alternatives, want 3", len(alts))
	}
	prev := plan.Expected
	for _, a := range alts {
		if a.Loss < 0 || a.Expected > prev+1e-9 || len(a.Changes) == 0 {
			t.Errorf("plan %d: expected %v (previous %v), loss %v, %d changes", a.Rank, a.Expected, prev, a.Loss, len(a.Changes))
		}
		if math.Abs(plan.Expected-a.Expected-a.Loss) > 1e-9 {
			t.Errorf("plan %d: loss %v, expected wins %v and %v", a.Rank, a.Loss, plan.Expected, a.Expected)
		}
		prev = a.Expected
	}
	if _, err := pl.Alternatives(ctx, 0); err == nil {
		t.Error("Alternatives(0) = nil error")
	}
}

func BenchmarkAlternativesUttarPradesh(b *testing.B) {
	s, err := illustrative.Scenario()
	if err != nil {
		b.Fatal(err)
	}
	pl, err := seatshare.NewPlanner(s, illustrative.Election)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pl.Alternatives(ctx, 3); err != nil {
			b.Fatal(err)
		}
	}
}
