package chart_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

// describe prints a saved chart's format and its size or first line.
func describe(file string) {
	b, err := os.ReadFile(file)
	if err != nil {
		fmt.Println(err)
		return
	}
	switch filepath.Ext(file) {
	case ".png":
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: PNG, %d x %d pixels\n", filepath.Base(file), img.Bounds().Dx(), img.Bounds().Dy())
	case ".svg":
		fmt.Printf("%s: SVG, starts %q\n", filepath.Base(file), strings.SplitN(string(b), "\n", 2)[0])
	}
}

// The distribution of the alliance's total under correlated swings, from
// scoring.Simulate, with the target of 45 seats marked.
func ExampleDistributionOf() {
	// 80 seats with win probabilities from 5% to 95% (illustrative).
	p := make([]float64, 80)
	for i := range p {
		p[i] = 0.05 + 0.9*float64(i)/79
	}
	cop, err := scoring.NewCopula(0.4, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	sim, err := scoring.Simulate(p, make([]int, len(p)), cop, 20_000, rand.New(rand.NewPCG(7, 11)))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := chart.DistributionOf(sim, 45)
	fmt.Printf("mean %.1f seats, P(total >= 45) = %.3f\n", d.Mean(), d.AtLeast(45))

	plt, err := d.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plt.Title.Text)

	dir, err := os.MkdirTemp("", "chart")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"total.svg", "total.png"} {
		if err := chart.Save(plt, 0, 0, filepath.Join(dir, name)); err != nil {
			fmt.Println(err)
			return
		}
		describe(filepath.Join(dir, name))
	}
	// Output:
	// mean 40.0 seats, P(total >= 45) = 0.339
	// Distribution of the alliance's total seats
	// 20,000 simulated elections with correlated swings
	// total.svg: SVG, starts "<?xml version=\"1.0\"?>"
	// total.png: PNG, 1063 x 650 pixels
}

// Each demand's price, straight from a plan's constraints.
func ExamplePricesOf() {
	// A plan as seatshare.Planner.Plan returns it, cut down to its
	// constraints (illustrative numbers).
	plan := &seatshare.Plan{Constraints: []seatshare.ConstraintPlan{
		{Kind: seatshare.DemandKind, Field: "demands[0]", Name: "INC gets its 2009 seats", Dropped: 2.35},
		{Kind: seatshare.DemandKind, Field: "demands[1]", Name: "RLD at least 3", Dropped: 0.41},
		{Kind: seatshare.LockKind, Field: "locks[0]", Name: "Kannauj to SP", Dropped: 0},
	}}
	prices := chart.PricesOf(plan)
	for i, name := range prices.Names {
		fmt.Printf("%s: %.2f seats\n", name, prices.Lost[i])
	}
	plt, err := prices.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plt.Title.Text)
	fmt.Println(plt.X.Label.Text)
	// Output:
	// INC gets its 2009 seats: 2.35 seats
	// RLD at least 3: 0.41 seats
	// Price of each demand
	// expected wins the alliance gives up by honouring it
	// Expected seats lost (expected wins without the demand minus with it)
}

// Each party's seats against its entitlement, here its exact quota of the
// alliance's 80 seats by vote share (illustrative).
func ExampleShares_Plot() {
	s := chart.Shares{
		Parties:     []string{"SP", "INC", "RLD"},
		Seats:       []int{62, 15, 3},
		Entitlement: []float64{61.6, 14.2, 4.2},
		Basis:       "quota by 2019 vote share",
	}
	plt, err := s.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plt.Title.Text)
	fmt.Println(plt.Y.Label.Text)

	// A mistake in the input is named, not drawn.
	s.Entitlement = s.Entitlement[:2]
	_, err = s.Plot()
	fmt.Println(err)
	// Output:
	// Seats in the plan against entitlement
	// Seats (count)
	// chart: invalid input: Shares.Entitlement: 2 entitlements for 3 parties
}

// The negotiation frontier from seatshare.Planner.Frontier's points, with
// the counts no plan can meet.
func ExampleFrontierOf() {
	pts := []seatshare.FrontierPoint{
		{Seats: 5, Feasible: true, Expected: 39.6},
		{Seats: 6, Feasible: true, Expected: 39.7},
		{Seats: 7, Feasible: true, Expected: 39.65},
		{Seats: 8, Reason: "the other members' minimums leave at most 7 seats"},
	}
	f := chart.FrontierOf("INC", "Uttar Pradesh", pts)
	fmt.Println("feasible:", f.Seats, "infeasible:", f.Infeasible)
	o := f.Optimum()
	fmt.Printf("optimum at %d seats: %.2f expected wins\n", f.Seats[o], f.Expected[o])

	plt, err := f.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plt.Title.Text)
	fmt.Println(plt.X.Label.Text)
	// Output:
	// feasible: [5 6 7] infeasible: [8]
	// optimum at 6 seats: 39.70 expected wins
	// Negotiation frontier: INC in Uttar Pradesh
	// best expected wins for the alliance at each seat count
	// INC's seats in Uttar Pradesh (count)
}

// A distribution given by hand: the chart marks the target and reports
// the chance of reaching it.
func ExampleDistribution_Plot() {
	d := chart.Distribution{
		Totals: []int{38, 39, 40, 41, 42},
		Prob:   []float64{0.1, 0.2, 0.4, 0.2, 0.1},
		Target: 41,
	}
	plt, err := d.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(plt.Title.Text)
	fmt.Println(plt.X.Label.Text, "|", plt.Y.Label.Text)
	fmt.Printf("P(total >= 41) = %.0f%%, mean %.1f\n", 100*d.AtLeast(41), d.Mean())
	// Output:
	// Distribution of the alliance's total seats
	// Seats won by the alliance | Probability (%)
	// P(total >= 41) = 30%, mean 40.0
}

// Write draws into any io.Writer, such as an HTTP response; the format is
// "svg" or "png".
func ExampleWrite() {
	plt, err := chart.Frontier{Party: "RLD", Seats: []int{2, 3, 4}, Expected: []float64{40.1, 40.3, 40.2}}.Plot()
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := chart.Write(&buf, plt, 0, 0, "svg"); err != nil {
		fmt.Println(err)
		return
	}
	svg := buf.String()
	fmt.Println(strings.Contains(svg, "<svg"), strings.Contains(svg, "optimum: 3 seats, 40.30 expected wins"))

	err = chart.Write(&buf, plt, 0, 0, "gif")
	fmt.Println(err)
	// Output:
	// true true
	// chart: unsupported image format "gif" (want svg or png)
}
