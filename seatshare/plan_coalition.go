package seatshare

import (
	"context"
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
)

// MaxShapleyMembers is the largest alliance for which Planner.Shapley
// evaluates every sub-alliance: 2^12 = 4096 plans.
const MaxShapleyMembers = 12

// CoalitionValue returns v(S), the best expected wins of the sub-alliance S
// of the planner's members under this convention: the members of S form
// the alliance (each where it is a member), and every member outside S
// contests alone, its base strength counting against S's candidates like
// any other party's. Seats where no member of S is in the alliance are
// not S's and count nothing. With withDemands, S keeps the scenario's
// demands, rows, locks, vetoes and rules that involve only its members
// (a row with a term of another party is dropped, a quota rule's numbers
// are restricted to S); without, S is unconstrained. The empty coalition
// is worth 0.
//
// "What does taking in party X add" is CoalitionValue(S plus X) minus
// CoalitionValue(S) on a planner whose scenario has X as a member.
//
// It returns a *ScenarioError naming "members[i]" for a party that is not
// a member, and an *InfeasibleError when S's demands cannot all be met.
// Each call re-estimates the strengths and solves once.
func (p *Planner) CoalitionValue(ctx context.Context, members []string, withDemands bool) (float64, error) {
	in := make(map[string]bool, len(members))
	for i, m := range members {
		if !slices.Contains(p.members, m) {
			return 0, serr(fmt.Sprintf("members[%d]", i), "party %q is not an alliance member", m)
		}
		in[m] = true
	}
	if len(in) == 0 {
		return 0, nil
	}
	sub, err := NewPlanner(restrict(p.scenario, in, withDemands), p.src)
	if err != nil {
		return 0, err
	}
	if len(sub.seats) == 0 {
		return 0, nil
	}
	res, err := sub.solve(ctx, sub.problem)
	if err != nil {
		return 0, err
	}
	return res.Objective, nil
}

// MemberValue is a member's Shapley value in the game of CoalitionValue.
type MemberValue struct {
	Party string `json:"party"`
	// Alone is v({party}): what the party wins as the only member.
	Alone float64 `json:"alone"`
	// Shapley is the party's average marginal contribution v(S + party) -
	// v(S) over the orders in which the members can join.
	Shapley float64 `json:"shapley"`
}

// Shapley returns each member's Shapley value of the game v(S) =
// CoalitionValue(S, withDemands), in member order (scoring.Shapley on
// every sub-alliance). The values add up to v(all members) - v(empty).
// With withDemands, a sub-alliance whose demands cannot be met makes the
// game undefined and Shapley returns its *InfeasibleError. It returns a
// *ScenarioError when the alliance has more than MaxShapleyMembers
// members. It costs 2^n - 1 planner builds and solves for n members.
func (p *Planner) Shapley(ctx context.Context, withDemands bool) ([]MemberValue, error) {
	n := len(p.members)
	if n > MaxShapleyMembers {
		return nil, serr("alliance", "%d members, more than the %d Shapley evaluates exactly", n, MaxShapleyMembers)
	}
	values := make([]float64, 1<<n)
	for c := 1; c < 1<<n; c++ {
		var s []string
		for i, m := range p.members {
			if c&(1<<i) != 0 {
				s = append(s, m)
			}
		}
		v, err := p.CoalitionValue(ctx, s, withDemands)
		if err != nil {
			return nil, fmt.Errorf("seatshare: coalition %v: %w", s, err)
		}
		values[c] = v
	}
	phi, err := scoring.Shapley(n, func(c scoring.Coalition) float64 { return values[c] })
	if err != nil {
		return nil, err
	}
	out := make([]MemberValue, n)
	for i, m := range p.members {
		out[i] = MemberValue{Party: m, Alone: values[1<<i], Shapley: phi[i]}
	}
	return out, nil
}

// restrict returns the scenario of the sub-alliance in (see
// CoalitionValue). It shares unchanged slices with s.
func restrict(s *Scenario, in map[string]bool, withDemands bool) *Scenario {
	r := *s
	r.Alliance = slices.DeleteFunc(slices.Clone(s.Alliance), func(m Member) bool { return !in[m.Party] })
	r.Simulation = SimulationSpec{}
	r.Target = 0
	tr := *s.Model.Transfer
	tr.Pairs = slices.DeleteFunc(slices.Clone(tr.Pairs), func(pr PairRate) bool { return !in[pr.From] || !in[pr.To] })
	r.Model.Transfer = &tr
	r.Model.Adjust = slices.DeleteFunc(slices.Clone(s.Model.Adjust), func(a Adjustment) bool { return !in[a.Party] })
	r.Demands, r.Rows, r.Locks, r.Vetoes, r.Rules = nil, nil, nil, nil, nil
	if !withDemands {
		return &r
	}
	r.Demands = slices.DeleteFunc(slices.Clone(s.Demands), func(d Demand) bool { return !in[d.Party] })
	r.Rows = slices.DeleteFunc(slices.Clone(s.Rows), func(row Row) bool {
		return slices.ContainsFunc(row.Terms, func(t Term) bool { return !in[t.Party] })
	})
	r.Locks = slices.DeleteFunc(slices.Clone(s.Locks), func(p Pin) bool { return !in[p.Party] })
	r.Vetoes = slices.DeleteFunc(slices.Clone(s.Vetoes), func(p Pin) bool { return !in[p.Party] })
	for _, rule := range s.Rules {
		if rule.Claim == "numbers" {
			nums := make(map[string]int64)
			for party, x := range rule.Numbers {
				if in[party] {
					nums[party] = x
				}
			}
			if len(nums) == 0 {
				continue
			}
			rule.Numbers = nums
		}
		r.Rules = append(r.Rules, rule)
	}
	return &r
}
