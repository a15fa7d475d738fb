package seatsharetest_test

import (
	"context"
	"errors"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"pgregory.net/rapid"
)

// TestScenarioPlans checks the promise of ScenarioWith: NewPlanner accepts
// every drawn case, and the plan either exists and meets every constraint
// the scenario's rules enforce, or the demands are infeasible.
func TestScenarioPlans(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.Scenario().Draw(t, "case")
		pl, err := c.Planner()
		if err != nil {
			t.Fatalf("NewPlanner: %v", err)
		}
		plan, err := pl.Plan(context.Background())
		if errors.Is(err, seatshare.ErrInfeasible) {
			return
		}
		if err != nil {
			t.Fatalf("Plan: %v", err)
		}
		if len(plan.Fairness) != len(c.Scenario.Rules) {
			t.Fatalf("%d rule checks for %d rules", len(plan.Fairness), len(c.Scenario.Rules))
		}
		for _, rc := range plan.Fairness {
			if len(rc.Violations) > 0 {
				t.Fatalf("%s %s is enforced but violated: %v", rc.Field, rc.Name, rc.Violations)
			}
		}
	})
}

// TestStrengthen checks that Strengthen adds votes to one party only and
// leaves the case valid.
func TestStrengthen(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.ScenarioWith(seatsharetest.ScenarioConfig{NoRules: true}).Draw(t, "case")
		votes := rapid.Int64Range(0, 10000).Draw(t, "votes")
		s, err := c.Strengthen("A", "", votes)
		if err != nil {
			t.Fatal(err)
		}
		for i, con := range s.Election.Constituencies {
			old := c.Election.Constituencies[i]
			for _, cd := range old.Candidates {
				want := cd.Votes
				if cd.Party == "A" {
					want += votes
				}
				if got := con.Votes(cd.Party); got != want {
					t.Fatalf("%v %s: %d votes, want %d", con.ID(), cd.Party, got, want)
				}
			}
			if con.ValidVotes != old.ValidVotes+votes {
				t.Fatalf("%v: valid votes %d, want %d", con.ID(), con.ValidVotes, old.ValidVotes+votes)
			}
		}
		if _, err := c.Strengthen("A", "", -1); err == nil {
			t.Fatal("Strengthen by -1 votes: no error")
		}
	})
}

// TestQuotaMonotone states a monotonicity property with Strengthen: under
// a quota rule by votes, a member that gains votes in a state never loses
// entitlement there.
func TestQuotaMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.ScenarioWith(seatsharetest.ScenarioConfig{NoRules: true}).Draw(t, "case")
		c.Scenario.Rules = []seatshare.Rule{{Kind: "quota", Claim: "votes", Year: 2019}}
		// One vote for A everywhere, so that every state has a claim.
		c, err := c.Strengthen("A", "", 1)
		if err != nil {
			t.Fatal(err)
		}
		state := rapid.SampledFrom(c.Election.States()).Draw(t, "state")
		stronger, err := c.Strengthen("A", state, rapid.Int64Range(1, 50000).Draw(t, "votes"))
		if err != nil {
			t.Fatal(err)
		}
		exact := func(c *seatsharetest.Case) float64 {
			pl, err := c.Planner()
			if err != nil {
				t.Fatalf("NewPlanner: %v", err)
			}
			for _, sq := range pl.Rules()[0].(*seatshare.QuotaRule).States {
				if sq.State == state {
					return sq.Exact[0] // A is the first member
				}
			}
			t.Fatalf("no quota in %s", state)
			return 0
		}
		if before, after := exact(c), exact(stronger); after < before-1e-9 {
			t.Fatalf("A's quota in %s fell from %v to %v as it gained votes", state, before, after)
		}
	})
}
