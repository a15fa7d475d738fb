package seatshare_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

// lokSabhaStates are the seat counts of 36 states summing to 543, the
// shape of the Lok Sabha.
var lokSabhaStates = []int{80, 48, 42, 40, 39, 29, 28, 26, 25, 25, 21, 20, 17, 14, 14, 13, 11, 10, 7, 6, 5, 4, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// syntheticNational returns a made-up national question of the issue's
// size: 543 seats in 36 states, two base elections (2014 and 2019) with 28
// alliance parties M01..M28, a rival bloc R1+R2 and four other parties; a
// 28-member alliance in which M01 is a member everywhere and M02..M28 in
// one to three states each; per-state minimums for M01 in the ten largest
// states and for every partner in its first state; 100,000 simulated
// scenarios. The votes are random with a fixed seed, so every run measures
// the same work.
func syntheticNational() (*seatshare.Scenario, seatshare.Source) {
	rng := rand.New(rand.NewPCG(28, 543))
	state := func(k int) string { return fmt.Sprintf("State %02d", k) }
	members := make([][]int, 28) // member -> states
	members[0] = nil
	for m := 1; m < 28; m++ {
		members[m] = []int{m % 36, (m*5 + 3) % 36}
		if m <= 9 {
			members[m] = append(members[m], (m*11+1)%36)
		}
	}
	allied := func(m, st int) bool {
		if m == 0 {
			return true
		}
		for _, x := range members[m] {
			if x == st {
				return true
			}
		}
		return false
	}
	elections := map[int]*seatshare.Election{}
	for _, year := range []int{2014, 2019} {
		e := &seatshare.Election{Year: year}
		for st, n := range lokSabhaStates {
			for no := 1; no <= n; no++ {
				c := seatshare.Constituency{State: state(st), No: no, Name: fmt.Sprintf("SEAT %d/%d", st, no), Reserved: seatshare.General, ValidVotes: 1_000_000, Electors: 1_600_000}
				if no%6 == 0 {
					c.Reserved = seatshare.SC
				}
				var parties []string
				var shares []float64
				add := func(party string, share float64) {
					parties, shares = append(parties, party), append(shares, share)
				}
				add("R1", 0.25+0.2*rng.Float64())
				add("R2", 0.05*rng.Float64())
				for m := range 28 {
					if allied(m, st) || rng.IntN(8) == 0 {
						share := 0.02 + 0.08*rng.Float64()
						if allied(m, st) {
							share += 0.1 * rng.Float64()
						}
						add(fmt.Sprintf("M%02d", m+1), share)
					}
				}
				for o := range 4 {
					add(fmt.Sprintf("O%d", o+1), 0.03*rng.Float64())
				}
				total := 0.0
				for _, x := range shares {
					total += x
				}
				scale := min(1, 0.97/total) // a few points for NOTA
				for k, party := range parties {
					c.Candidates = append(c.Candidates, seatshare.Candidate{Party: party, Name: party + " candidate", Votes: int64(shares[k] * scale * 1_000_000)})
				}
				e.Constituencies = append(e.Constituencies, c)
			}
		}
		e.Sort()
		elections[year] = e
	}
	s := &seatshare.Scenario{
		Name:  "synthetic 28-party alliance over 543 seats (made-up results)",
		Rival: []string{"R1", "R2"},
		Bases: []seatshare.BaseElection{{Year: 2019, Weight: 0.6}, {Year: 2014, Weight: 0.4}},
		Model: seatshare.ModelSpec{
			Transfer:      &seatshare.TransferSpec{Default: ptr(0.6)},
			RivalTransfer: &seatshare.TransferSpec{Default: ptr(0.8)},
			Lambda:        ptr(0.2),
			Link:          &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.08}},
			Copula:        &seatshare.CopulaSpec{National: 0.5, State: 0.5},
		},
		Target:     272,
		Simulation: seatshare.SimulationSpec{Scenarios: 100_000, Seed: 1},
	}
	for m, sts := range members {
		mem := seatshare.Member{Party: fmt.Sprintf("M%02d", m+1)}
		for _, st := range sts {
			mem.States = append(mem.States, state(st))
		}
		s.Alliance = append(s.Alliance, mem)
		if m > 0 {
			s.Demands = append(s.Demands, seatshare.Demand{Party: mem.Party, SeatSet: seatshare.SeatSet{State: state(sts[0])}, Min: 1})
		}
	}
	for st := range 10 {
		s.Demands = append(s.Demands, seatshare.Demand{Party: "M01", SeatSet: seatshare.SeatSet{State: state(st)}, Min: lokSabhaStates[st] / 4})
	}
	return s, func(year int) (*seatshare.Election, error) {
		e, ok := elections[year]
		if !ok {
			return nil, fmt.Errorf("no %d results", year)
		}
		return e, nil
	}
}

// benchNational builds the planner, plans with prices for every demand
// (no switch costs) and the simulation, and computes the Shapley values
// with the demands, state by state; it reports the solves of the
// coalition game.
func benchNational(b *testing.B, s *seatshare.Scenario, src seatshare.Source) {
	ctx := context.Background()
	b.ReportAllocs()
	solves := 0
	for b.Loop() {
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pl.PlanWith(ctx, &seatshare.PlanSettings{NoSwitchCosts: true}); err != nil {
			b.Fatal(err)
		}
		g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: true})
		if err != nil {
			b.Fatal(err)
		}
		res, err := g.Shapley(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Method != seatshare.ShapleyByState {
			b.Fatalf("Shapley method %v, want exact by state", res.Method)
		}
		solves = g.Solves()
	}
	b.ReportMetric(float64(solves), "shapley-solves/op")
}

// BenchmarkNationalSynthetic is the speed target on made-up data:
// a 28-party alliance over 543 seats, with prices, 100,000 simulated
// scenarios and Shapley values. It always runs.
func BenchmarkNationalSynthetic(b *testing.B) {
	s, src := syntheticNational()
	benchNational(b, s, src)
}

// BenchmarkNationalPlan is the same on the real 2014 and 2019 results
// (SEATSHARE_DATA): a hypothetical 28-party alliance with its members by
// state and per-state minimums.
func BenchmarkNationalPlan(b *testing.B) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		b.Skip(seatshare.DataEnv + " is not set")
	}
	in := func(states ...string) []string { return states }
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{
			{Party: "INC"}, {Party: "SP", States: in("Uttar Pradesh")}, {Party: "RJD", States: in("Bihar")},
			{Party: "JMM", States: in("Jharkhand")}, {Party: "AITC", States: in("West Bengal")},
			{Party: "AAAP", States: in("Delhi", "Punjab", "Haryana", "Gujarat", "Goa")},
			{Party: "DMK", States: in("Tamil Nadu")}, {Party: "VCK", States: in("Tamil Nadu")},
			{Party: "CPI", States: in("Bihar", "Tamil Nadu")}, {Party: "CPM", States: in("Bihar", "Tamil Nadu", "Rajasthan")},
			{Party: "IUML", States: in("Kerala", "Tamil Nadu")}, {Party: "NCP", States: in("Maharashtra")},
			{Party: "SHS", States: in("Maharashtra")}, {Party: "CPI(ML)(L)", States: in("Bihar", "Jharkhand")},
			{Party: "JKN", States: in("Jammu & Kashmir")}, {Party: "JKPDP", States: in("Jammu & Kashmir")},
			{Party: "RSP", States: in("Kerala")}, {Party: "KEC(M)", States: in("Kerala")},
			{Party: "VIP", States: in("Bihar")}, {Party: "SWP", States: in("Maharashtra")},
			{Party: "AIFB", States: in("West Bengal")}, {Party: "AIUDF", States: in("Assam")},
			{Party: "BSP", States: in("Uttar Pradesh", "Madhya Pradesh")}, {Party: "RLD", States: in("Uttar Pradesh")},
			{Party: "JD(S)", States: in("Karnataka")}, {Party: "MNM", States: in("Tamil Nadu")},
			{Party: "VBA", States: in("Maharashtra")}, {Party: "NTK", States: in("Tamil Nadu")},
		},
		Rival: []string{"BJP"},
		Bases: []seatshare.BaseElection{{Year: 2019, Weight: 0.6}, {Year: 2014, Weight: 0.4}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.6)},
			Lambda:   ptr(0.2),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.08}},
			Copula:   &seatshare.CopulaSpec{National: 0.5, State: 0.5},
		},
		Demands: []seatshare.Demand{
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 10},
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Bihar"}, Min: 9},
			{Party: "INC", SeatSet: seatshare.SeatSet{State: "Maharashtra"}, Min: 20},
			{Party: "SP", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 60},
			{Party: "RJD", SeatSet: seatshare.SeatSet{State: "Bihar"}, Min: 20},
			{Party: "AITC", SeatSet: seatshare.SeatSet{State: "West Bengal"}, Min: 30},
			{Party: "DMK", SeatSet: seatshare.SeatSet{State: "Tamil Nadu"}, Min: 20},
		},
		Target:     272,
		Simulation: seatshare.SimulationSpec{Scenarios: 100_000, Seed: 1},
	}
	benchNational(b, s, seatshare.DataDir(dir))
}

// BenchmarkCoalitionUttarPradesh is Uttar Pradesh alone from the
// illustrative data: the plan with prices and simulation, and the
// four members' Shapley values with the demands.
func BenchmarkCoalitionUttarPradesh(b *testing.B) {
	s, err := illustrative.Scenario()
	if err != nil {
		b.Fatal(err)
	}
	benchNational(b, s, illustrative.Election)
}
