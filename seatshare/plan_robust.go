package seatshare

import (
	"context"
	"fmt"
	"math"
	"slices"
)

// Range is an interval of one model parameter over which the optimal plan
// does not change.
type Range struct {
	// Parameter is the scenario field, such as "model.link.probit.sigma".
	Parameter string `json:"parameter"`
	// Value is the scenario's value.
	Value float64 `json:"value"`
	// Lo and Hi bound the values found where the plan is still optimal:
	// at each probed value in [Lo, Hi] the plan's expected wins equal the
	// best plan's. LoOpen (HiOpen) is true when the search stopped at the
	// edge of the parameter's domain or of the search (Value/10 and 10*Value
	// for scales, 0 and 1 for rates) without finding a change.
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	LoOpen bool    `json:"lo_open"`
	HiOpen bool    `json:"hi_open"`
}

// robustSteps is the number of bisection steps on each side: the interval
// ends are then within (edge distance)/2^robustSteps of the change.
const robustSteps = 12

// Robustness returns the ranges of the link's scale (sigma or the
// logistic scale) and of the default transfer rate over which the optimal
// plan stays optimal, each found by moving the parameter away from the
// scenario's value until the plan stops being optimal and bisecting the
// change to 12 steps. It assumes that the values where the plan is optimal
// form an interval around the scenario's value, which holds in the usual
// case of one crossing but is not checked. With a custom link
// (PlannerSettings.Link) only the transfer rate is probed. It costs about
// 2*(12+1) planner builds and solves per parameter.
func (p *Planner) Robustness(ctx context.Context) ([]Range, error) {
	base, err := p.solve(ctx, p.problem)
	if err != nil {
		return nil, err
	}
	plan := make(map[SeatID]string, len(p.seats))
	for i, sw := range p.seats {
		plan[sw.ID] = p.agents[base.Assignment[i]]
	}
	s := p.scenario
	type param struct {
		name   string
		value  float64
		lo, hi float64
		set    func(sc *Scenario, x float64)
	}
	var params []param
	switch l := s.Model.Link; {
	case p.settings.Link != nil:
		// A custom link has no scale the planner knows of.
	case l.Probit != nil:
		v := l.Probit.Sigma
		params = append(params, param{"model.link.probit.sigma", v, v / 10, v * 10, func(sc *Scenario, x float64) {
			sc.Model.Link = &LinkSpec{Probit: &ProbitSpec{Sigma: x}}
		}})
	default:
		v := l.Logistic.Scale
		params = append(params, param{"model.link.logistic.scale", v, v / 10, v * 10, func(sc *Scenario, x float64) {
			sc.Model.Link = &LinkSpec{Logistic: &LogisticSpec{Scale: x}}
		}})
	}
	params = append(params, param{"model.transfer.default", *s.Model.Transfer.Default, 0, 1, func(sc *Scenario, x float64) {
		tr := *sc.Model.Transfer
		tr.Default = &x
		sc.Model.Transfer = &tr
	}})
	var out []Range
	for _, pr := range params {
		optimal := func(x float64) (bool, error) {
			sc := *s
			sc.Simulation = SimulationSpec{}
			pr.set(&sc, x)
			q, err := NewPlannerWith(&sc, p.src, &p.settings)
			if err != nil {
				return false, err
			}
			res, err := q.solve(ctx, q.problem)
			if err != nil {
				return false, err
			}
			e := 0.0
			for _, sw := range q.seats {
				k := slices.IndexFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == plan[sw.ID] })
				e += sw.Options[k].W
			}
			// Both sums are over the same seats; allow their float
			// rounding, far below any real difference between plans.
			return e >= res.Objective-1e-9*max(1, math.Abs(res.Objective)), nil
		}
		r := Range{Parameter: pr.name, Value: pr.value}
		var err error
		if r.Lo, r.LoOpen, err = edge(pr.value, pr.lo, optimal); err != nil {
			return nil, fmt.Errorf("seatshare: robustness of %s: %w", pr.name, err)
		}
		if r.Hi, r.HiOpen, err = edge(pr.value, pr.hi, optimal); err != nil {
			return nil, fmt.Errorf("seatshare: robustness of %s: %w", pr.name, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// edge searches from v (where the plan is optimal) toward limit and
// returns the farthest value found where optimal holds, and whether it is
// limit itself.
func edge(v, limit float64, optimal func(float64) (bool, error)) (float64, bool, error) {
	if v == limit {
		return v, true, nil
	}
	ok, err := optimal(limit)
	if err != nil || ok {
		return limit, true, err
	}
	good, bad := v, limit
	for range robustSteps {
		mid := (good + bad) / 2
		ok, err := optimal(mid)
		if err != nil {
			return 0, false, err
		}
		if ok {
			good = mid
		} else {
			bad = mid
		}
	}
	return good, false, nil
}
