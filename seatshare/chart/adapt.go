package chart

import (
	"slices"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
)

// DistributionOf returns the simulated distribution d (see scoring.Simulate)
// as a chart input: every total from 0 to the number of seats with its
// simulated frequency, the given target, and d's scenario count. A nil d
// gives a Distribution that [Distribution.Plot] rejects. It takes O(seats)
// time.
func DistributionOf(d *scoring.Distribution, target int) Distribution {
	if d == nil {
		return Distribution{Target: target}
	}
	out := DistributionOfPMF(d.PMF(), target)
	out.Scenarios = d.Scenarios
	return out
}

// DistributionOfSummary returns the distribution of a plan's simulated
// total (seatshare.Plan's Simulation) as a chart input: each total k from 0
// with frequency Counts[k]/Scenarios, the summary's target and scenario
// count. A nil summary gives a Distribution that [Distribution.Plot]
// rejects. It takes O(len(sim.Counts)) time.
func DistributionOfSummary(sim *seatshare.SimulationSummary) Distribution {
	if sim == nil {
		return Distribution{}
	}
	d := Distribution{Target: sim.Target, Scenarios: int64(sim.Scenarios)}
	for k, c := range sim.Counts {
		d.Totals = append(d.Totals, k)
		d.Prob = append(d.Prob, float64(c)/float64(sim.Scenarios))
	}
	return d
}

// DistributionOfPMF returns the exact distribution f (such as
// scoring.PoissonBinomial's, for independent seats) as a chart input with
// the given target. It takes O(len(f)) time.
func DistributionOfPMF(f scoring.PMF, target int) Distribution {
	totals := make([]int, len(f))
	for k := range totals {
		totals[k] = k
	}
	return Distribution{Totals: totals, Prob: slices.Clone(f), Target: target}
}

// PricesOf returns the prices of plan's constraints of the given kinds, in
// plan order, each labelled by its name (its scenario field, such as
// "demands[2]", when the name is empty) and priced by the expected wins
// gained by dropping it (seatshare.ConstraintPlan.Dropped). Relaxed holds
// the gains from loosening each by one seat (ConstraintPlan.Relaxed) when
// every selected constraint has one, as demands and rows do; it is nil
// when any lacks one (locks and vetoes). With no kinds PricesOf takes the
// demands only. A nil plan gives empty Prices, which [Prices.Plot]
// rejects. It takes O(len(plan.Constraints)) time.
func PricesOf(plan *seatshare.Plan, kinds ...seatshare.ConstraintKind) Prices {
	if len(kinds) == 0 {
		kinds = []seatshare.ConstraintKind{seatshare.DemandKind}
	}
	var p Prices
	if plan == nil {
		return p
	}
	all := true
	for _, c := range plan.Constraints {
		if !slices.Contains(kinds, c.Kind) {
			continue
		}
		name := c.Name
		if name == "" {
			name = c.Field
		}
		p.Names = append(p.Names, name)
		p.Lost = append(p.Lost, c.Dropped)
		if c.Relaxed == nil {
			all = false
		} else {
			p.Relaxed = append(p.Relaxed, *c.Relaxed)
		}
	}
	if !all {
		p.Relaxed = nil
	}
	return p
}

// SharesOf returns each member's seats in plan against entitlement, which
// lists one entitlement per member in the order of plan.Parties (the
// scenario's order); basis describes how it was computed, for the legend.
// Lengths that differ are reported by [Shares.Plot]. A nil plan gives
// Shares with no parties. It takes O(len(plan.Parties)) time.
func SharesOf(plan *seatshare.Plan, entitlement []float64, basis string) Shares {
	s := Shares{Entitlement: slices.Clone(entitlement), Basis: basis}
	if plan == nil {
		return s
	}
	for _, pp := range plan.Parties {
		s.Parties = append(s.Parties, pp.Party)
		s.Seats = append(s.Seats, pp.Seats)
	}
	return s
}

// FrontierOf returns the planner's frontier points (seatshare.Planner's
// Frontier) for party over the seats named set (such as the state) as a
// chart input, feasible points in Seats and Expected and the others in
// Infeasible, each in the order given. It takes O(len(pts)) time.
func FrontierOf(party, set string, pts []seatshare.FrontierPoint) Frontier {
	f := Frontier{Party: party, Set: set}
	for _, pt := range pts {
		if !pt.Feasible {
			f.Infeasible = append(f.Infeasible, pt.Seats)
			continue
		}
		f.Seats = append(f.Seats, pt.Seats)
		f.Expected = append(f.Expected, pt.Expected)
	}
	return f
}
