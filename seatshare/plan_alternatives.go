package seatshare

import (
	"context"
	"fmt"

	"github.com/coalitionlab/alliance/solver"
)

// MaxAlternativePlans caps the number of plans Planner.Alternatives
// returns; each one adds a row and a branch-and-bound solve.
const MaxAlternativePlans = 10

// AlternativePlan is one of the best plans after the optimum.
type AlternativePlan struct {
	// Rank is 2 for the second-best plan, 3 for the third, and so on.
	Rank int `json:"rank"`
	// Expected is the plan's expected wins; Loss is the optimum's minus
	// this, exact and never negative.
	Expected float64 `json:"expected"`
	Loss     float64 `json:"loss"`
	// Changes lists the seats where the plan differs from the optimum.
	Changes []SeatChange `json:"changes"`
}

// SeatChange is a seat that an alternative plan gives to another party.
type SeatChange struct {
	ID   SeatID `json:"-"`
	Seat string `json:"seat"`
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// Alternatives returns the k best plans after the optimum, best first,
// each meeting every demand: plan j is the best plan that differs in at
// least one seat from the optimum and from plans 2..j-1 (a "no-good" row
// per excluded plan, sum over seats of [seat keeps its party] <= seats-1,
// solved on the solver's general path). It returns fewer than k plans
// when no other plan meets the demands, an *InfeasibleError when the
// demands cannot be met at all, and a *ScenarioError when k is not in
// [1, MaxAlternativePlans]. It costs k+1 solves, the last k by branch and
// bound.
func (p *Planner) Alternatives(ctx context.Context, k int) ([]AlternativePlan, error) {
	if k < 1 || k > MaxAlternativePlans {
		return nil, serr("k", "%d is not in [1, %d]", k, MaxAlternativePlans)
	}
	best, err := p.solve(ctx, p.problem)
	if err != nil {
		return nil, err
	}
	prob := cloneProblem(p.problem)
	prev := best.Assignment
	var out []AlternativePlan
	for rank := 2; rank <= k+1; rank++ {
		row := solver.Row{Name: fmt.Sprintf("differs from plan %d", rank-1), Sense: solver.LessEq, RHS: float64(len(prev) - 1)}
		for i, a := range prev {
			row.Pairs = append(row.Pairs, solver.PairTerm{Item: i, Agent: a, Coef: 1})
		}
		prob.Rows = append(prob.Rows, row)
		res, err := solver.Solve(ctx, prob, nil)
		switch {
		case isInfeasible(err):
			return out, nil
		case err != nil:
			return nil, err
		case res.Status != solver.Optimal:
			return nil, fmt.Errorf("seatshare: alternative plan %d: solver stopped with status %v", rank, res.Status)
		}
		loss, err := objectiveGain(res, best, fmt.Sprintf("alternative plan %d", rank))
		if err != nil {
			return nil, err
		}
		alt := AlternativePlan{Rank: rank, Expected: res.Objective, Loss: loss}
		for i, a := range res.Assignment {
			if a != best.Assignment[i] {
				sw := p.seats[i]
				alt.Changes = append(alt.Changes, SeatChange{ID: sw.ID, Seat: sw.ID.String(), Name: sw.Name, From: p.agents[best.Assignment[i]], To: p.agents[a]})
			}
		}
		out = append(out, alt)
		prev = res.Assignment
	}
	return out, nil
}
