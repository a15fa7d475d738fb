package chart_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

// TestPlannerCharts draws the four charts of the uttarpradesh example's
// illustrative scenario, with INC's claim to its 2009 seats, through the
// adapters: the planner's own types must fill every chart.
func TestPlannerCharts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sc, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	e2009, err := illustrative.Election(2009)
	if err != nil {
		t.Fatal(err)
	}
	const state = "Uttar Pradesh"
	claim := e2009.WinsByParty(state)["INC"]
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name: "INC's claim: its 2009 seats", Party: "INC", SeatSet: seatshare.SeatSet{State: state}, Min: claim,
	})
	pl, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pts, err := pl.Frontier(ctx, "INC", seatshare.SeatSet{State: state}, 0, 30)
	if err != nil {
		t.Fatal(err)
	}

	// Entitlement: each member's exact quota of the seats by its 2009
	// votes in the state, when the three contested separately.
	votes := make([]int64, len(plan.Parties))
	for _, c := range e2009.Constituencies {
		for _, cand := range c.Candidates {
			for i, pp := range plan.Parties {
				if cand.Party == pp.Party && c.State == state {
					votes[i] += cand.Votes
				}
			}
		}
	}
	quotas, err := scoring.Quotas(votes, len(plan.Seats))
	if err != nil {
		t.Fatal(err)
	}
	ent := make([]float64, len(quotas))
	for i, q := range quotas {
		ent[i], _ = q.Exact.Float64()
	}

	// The distribution of the plan's total under a national and a state
	// swing (illustrative correlations).
	w := make([]float64, len(plan.Seats))
	for i, s := range plan.Seats {
		w[i] = s.W
	}
	cop, err := scoring.NewCopula(0.5, 0.2)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := scoring.Simulate(w, make([]int, len(w)), cop, 20_000, rand.New(rand.NewPCG(2024, 80)))
	if err != nil {
		t.Fatal(err)
	}
	target := int(plan.Expected) + 3
	frontier := chart.FrontierOf("INC", state, pts)
	frontier.Claim = claim

	tests := []struct {
		name  string
		plot  func() (*plot.Plot, error)
		texts []string
	}{
		{"planner_distribution", chart.DistributionOf(sim, target).Plot, []string{"target"}},
		{"planner_prices", chart.PricesOf(plan).Plot, []string{"INC's claim: its 2009 seats"}},
		{"planner_shares", chart.SharesOf(plan, ent, "quota by 2009 votes").Plot, []string{"SP", "INC", "RLD", "quota by 2009 votes"}},
		{"planner_frontier", frontier.Plot, []string{"INC's seats in Uttar Pradesh (count)", "optimum: ", fmt.Sprintf("INC's claim: %d seats, ", claim)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.plot()
			if err != nil {
				t.Fatalf("Plot() error = %v", err)
			}
			var buf bytes.Buffer
			if err := chart.Write(&buf, p, 0, 0, "svg"); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(svgTexts(t, buf.Bytes()), "\n")
			for _, want := range tt.texts {
				if !strings.Contains(text, want) {
					t.Errorf("SVG texts lack %q:\n%s", want, text)
				}
			}
			if *outDir != "" {
				if err := chart.Save(p, 0, 0, filepath.Join(*outDir, tt.name+".png")); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(*outDir, tt.name+".svg"), buf.Bytes(), 0o666); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
