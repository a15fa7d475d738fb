// Command bsp asks whether the SP-INC-RLD alliance in Uttar Pradesh should
// take in the BSP.
//
// It values every sub-alliance S of {SP, INC, RLD} with and without the
// BSP, under the convention of seatshare.Planner.CoalitionValue: v(S) is
// the best expected wins of S when the members of S share the seats and
// every member outside S contests alone, its own voters counting against
// S's candidates like any other party's. v is computed twice: with the
// scenario's demands (sitting members keep the seats they won in 2019,
// among the members of S) and without any demand (pure winnability).
// It then prints the Shapley values of the four members (each party's
// average marginal contribution over the orders in which the alliance
// could have formed) and the BSP's marginal value v(S + BSP) - v(S) for
// each S, the "price" the alliance would pay by refusing it.
//
// With no files it runs on the ILLUSTRATIVE synthetic results embedded in
// package illustrative (not real results, and labelled so). With -data
// DIR, or SEATSHARE_DATA set, it reads the real results lsYYYY_candidates.csv.
//
// Usage:
//
//	go run ./examples/bsp [-data DIR] [-format table|json]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coalitionlab/alliance/examples/internal/cli"
	"github.com/coalitionlab/alliance/examples/internal/textout"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

// bsp is the party the alliance considers taking in.
const bsp = "BSP"

func main() {
	cli.Exit(run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv)))
}

// coalition is one row of the output: a sub-alliance of the partners
// without the BSP, its value, and its value with the BSP.
type coalition struct {
	Members []string `json:"members"`
	// V and VWithBSP are v(S) and v(S + BSP) with the demands;
	// Free and FreeWithBSP without any demand.
	V           float64 `json:"v"`
	VWithBSP    float64 `json:"v_with_bsp"`
	BSPAdds     float64 `json:"bsp_adds"`
	Free        float64 `json:"v_no_demands"`
	FreeWithBSP float64 `json:"v_with_bsp_no_demands"`
	FreeBSPAdds float64 `json:"bsp_adds_no_demands"`
}

// report is the program's result in JSON form.
type report struct {
	Source     string                  `json:"source"`
	Convention string                  `json:"convention"`
	Coalitions []coalition             `json:"coalitions"`
	Shapley    []seatshare.MemberValue `json:"shapley"`
	// ShapleyNoDemands are the Shapley values of the game without demands.
	ShapleyNoDemands []seatshare.MemberValue `json:"shapley_no_demands"`
	// Plan is the optimal plan of the four-party alliance.
	Plan []seatshare.PartyPlan `json:"plan_with_bsp"`
}

const convention = "v(S) = best expected wins of the members of S sharing the seats, every member outside S contesting alone"

func run(ctx context.Context, w io.Writer, args []string, dataEnv string) error {
	fs := flag.NewFlagSet("bsp", flag.ContinueOnError)
	fs.SetOutput(w)
	data := fs.String("data", dataEnv, "directory holding the real results lsYYYY_candidates.csv (default $SEATSHARE_DATA); empty uses the embedded ILLUSTRATIVE data")
	format := fs.String("format", "table", "output format: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bsp: unexpected argument %q", fs.Arg(0))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("bsp: -format %q is not table or json", *format)
	}
	src := seatshare.Source(illustrative.Election)
	if *data != "" {
		src = seatshare.DataDir(*data)
	}
	src = upOnly(src)
	sc, err := illustrative.Scenario()
	if err != nil {
		return err
	}
	sc.Name = "Uttar Pradesh: SP, INC, RLD and the BSP"
	sc.Alliance = append(sc.Alliance, seatshare.Member{Party: bsp})
	sc.Simulation = seatshare.SimulationSpec{}
	pl, err := seatshare.NewPlanner(sc, src)
	if err != nil {
		return err
	}
	partners := []string{"SP", "INC", "RLD"}
	rep := report{Convention: convention}
	plan, err := pl.Plan(ctx)
	if err != nil {
		return err
	}
	rep.Plan = plan.Parties
	var sources []string
	for _, b := range plan.Bases {
		sources = append(sources, fmt.Sprintf("%d: %s", b.Year, b.Source))
	}
	rep.Source = strings.Join(sources, "; ")

	value := func(s []string, withDemands bool) (float64, error) {
		v, err := pl.CoalitionValue(ctx, s, withDemands)
		if err != nil {
			return 0, fmt.Errorf("bsp: v(%s): %w", strings.Join(s, "+"), err)
		}
		return v, nil
	}
	// Every subset of the partners, in the order of binary counting: {},
	// {SP}, {INC}, {SP, INC}, ...
	for mask := 0; mask < 1<<len(partners); mask++ {
		var s []string
		for i, p := range partners {
			if mask&(1<<i) != 0 {
				s = append(s, p)
			}
		}
		c := coalition{Members: append([]string{}, s...)}
		withB := append(append([]string{}, s...), bsp)
		if c.V, err = value(s, true); err != nil {
			return err
		}
		if c.VWithBSP, err = value(withB, true); err != nil {
			return err
		}
		if c.Free, err = value(s, false); err != nil {
			return err
		}
		if c.FreeWithBSP, err = value(withB, false); err != nil {
			return err
		}
		c.BSPAdds, c.FreeBSPAdds = c.VWithBSP-c.V, c.FreeWithBSP-c.Free
		rep.Coalitions = append(rep.Coalitions, c)
	}
	if rep.Shapley, err = pl.Shapley(ctx, true); err != nil {
		return err
	}
	if rep.ShapleyNoDemands, err = pl.Shapley(ctx, false); err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeTable(w, rep)
}

// upOnly returns a Source that loads each year once from src and keeps
// only Uttar Pradesh: the program builds a planner for each of the 30
// coalitions it values, and each would otherwise read and estimate the
// whole country.
func upOnly(src seatshare.Source) seatshare.Source {
	cache := make(map[int]*seatshare.Election)
	return func(year int) (*seatshare.Election, error) {
		if e, ok := cache[year]; ok {
			return e, nil
		}
		e, err := src(year)
		if err != nil {
			return nil, err
		}
		if e, err = e.Select("Uttar Pradesh"); err != nil {
			return nil, err
		}
		cache[year] = e
		return e, nil
	}
}

// writeTable writes the report for people.
func writeTable(w io.Writer, rep report) error {
	var b strings.Builder
	if strings.Contains(rep.Source, illustrative.Label) {
		b.WriteString("*** ILLUSTRATIVE: synthetic Uttar Pradesh results, NOT real. Set SEATSHARE_DATA or -data DIR for the real results. ***\n")
	}
	fmt.Fprintf(&b, "Should the SP-INC-RLD alliance in Uttar Pradesh take in the BSP?\nResults: %s\n", rep.Source)
	fmt.Fprintf(&b, "Convention: %s.\n", rep.Convention)
	b.WriteString("\"Demands\" = sitting members keep the seats they won in 2019 (among the members of S); \"free\" = no demand.\n\n")
	b.WriteString("Coalition values (expected seats of 80)\n")
	rows := [][]string{{"S", "v(S)", "v(S+BSP)", "BSP adds", "free v(S)", "free v(S+BSP)", "BSP adds"}}
	for _, c := range rep.Coalitions {
		name := "{}"
		if len(c.Members) > 0 {
			name = "{" + strings.Join(c.Members, ", ") + "}"
		}
		rows = append(rows, []string{name, f2(c.V), f2(c.VWithBSP), signed(c.BSPAdds), f2(c.Free), f2(c.FreeWithBSP), signed(c.FreeBSPAdds)})
	}
	textout.Columns(&b, rows, "lrrrrrr")
	b.WriteString("\nShapley values of the four members (average marginal contribution, expected seats;\nalone = v({party}); the values add up to v(all four))\n")
	rows = [][]string{{"party", "alone", "Shapley", "free: alone", "free: Shapley"}}
	sum, sumFree := 0.0, 0.0
	for i, m := range rep.Shapley {
		f := rep.ShapleyNoDemands[i]
		rows = append(rows, []string{m.Party, f2(m.Alone), f2(m.Shapley), f2(f.Alone), f2(f.Shapley)})
		sum += m.Shapley
		sumFree += f.Shapley
	}
	rows = append(rows, []string{"total", "", f2(sum), "", f2(sumFree)})
	textout.Columns(&b, rows, "lrrrr")
	b.WriteString("\nThe optimal plan of the four-party alliance (with the demands)\n")
	rows = [][]string{{"party", "seats", "expected wins"}}
	for _, p := range rep.Plan {
		rows = append(rows, []string{p.Party, fmt.Sprint(p.Seats), f2(p.Expected)})
	}
	textout.Columns(&b, rows, "lrr")
	full := rep.Coalitions[len(rep.Coalitions)-1]
	verdict := "taking in the BSP adds"
	if full.BSPAdds < 0 {
		verdict = "taking in the BSP costs"
	}
	fmt.Fprintf(&b, "\nVerdict: v(SP+INC+RLD+BSP) - v(SP+INC+RLD) = %s expected seats: %s %.2f seats.\n", signed(full.BSPAdds), verdict, abs(full.BSPAdds))
	fmt.Fprintf(&b, "That is what the alliance gives up by refusing the BSP; the BSP's Shapley value, %.2f, is the\nshare of the four-party total its contribution would justify.\n", rep.Shapley[len(rep.Shapley)-1].Shapley)
	_, err := io.WriteString(w, b.String())
	return err
}

func f2(x float64) string { return fmt.Sprintf("%.2f", x) }

// signed writes x with a sign and 2 decimals, without "-0.00".
func signed(x float64) string {
	s := fmt.Sprintf("%+.2f", x)
	if s == "-0.00" {
		return "+0.00"
	}
	return s
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
