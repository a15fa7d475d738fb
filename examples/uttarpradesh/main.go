// Command uttarpradesh plans how SP, INC and RLD share the 80 Lok Sabha
// seats of Uttar Pradesh.
//
// INC asks for as many seats as it won in 2009; SP points to 2019, and
// every sitting member keeps its seat. The program prints the plan that
// maximises the alliance's expected wins under those demands, what INC's
// demand costs in expected seats, the negotiation frontier (the best
// expected wins for each number of seats INC could get), the next best
// plans, and how far sigma and the transfer rate may move before the plan
// changes.
//
// With no files it runs on the ILLUSTRATIVE synthetic results embedded in
// package illustrative (not real results, and labelled so in the output).
// With -data DIR, or SEATSHARE_DATA set, it reads the real results
// lsYYYY_candidates.csv from that directory.
//
// Usage:
//
//	go run ./examples/uttarpradesh [-data DIR] [-format table|json|csv] [-table seats|parties|constraints|frontier]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/coalitionlab/alliance/examples/internal/cli"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

const (
	state = "Uttar Pradesh"
	party = "INC"
	// frontierMax is the largest INC seat count on the frontier: well
	// past INC's 2009 claim (21 seats in the real results).
	frontierMax = 35
	// nextPlans is the number of next best plans shown.
	nextPlans = 3
)

func main() {
	cli.Exit(run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv)))
}

// report is the program's result in JSON form.
type report struct {
	Plan     *seatshare.Plan             `json:"plan"`
	Claim    claim                       `json:"inc_claim"`
	Frontier []seatshare.FrontierPoint   `json:"frontier"`
	Next     []seatshare.AlternativePlan `json:"next_best_plans"`
	Robust   []seatshare.Range           `json:"robustness"`
}

// claim is INC's 2009 claim and what it costs.
type claim struct {
	Wins2009    int     `json:"wins_2009"`
	SPWins2019  int     `json:"sp_wins_2019"`
	Binding     bool    `json:"binding"`
	RelaxedGain float64 `json:"relaxed_gain"`
	DroppedGain float64 `json:"dropped_gain"`
}

// run is the program: it parses args, plans, and writes the output to w.
// dataEnv is the value of SEATSHARE_DATA, the default of -data.
func run(ctx context.Context, w io.Writer, args []string, dataEnv string) error {
	fs := flag.NewFlagSet("uttarpradesh", flag.ContinueOnError)
	fs.SetOutput(w)
	data := fs.String("data", dataEnv, "directory holding the real results lsYYYY_candidates.csv (default $SEATSHARE_DATA); empty uses the embedded ILLUSTRATIVE data")
	format := fs.String("format", "table", "output format: table, json or csv")
	table := fs.String("table", "seats", "with -format csv, the table to write: seats, parties, constraints or frontier")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("uttarpradesh: unexpected argument %q", fs.Arg(0))
	}
	switch *format {
	case "table", "json", "csv":
	default:
		return fmt.Errorf("uttarpradesh: -format %q is not table, json or csv", *format)
	}

	src := seatshare.Source(illustrative.Election)
	if *data != "" {
		src = seatshare.DataDir(*data)
	}
	sc, err := illustrative.Scenario()
	if err != nil {
		return err
	}
	e2009, err := src(2009)
	if err != nil {
		return err
	}
	e2019, err := src(2019)
	if err != nil {
		return err
	}
	c := claim{
		Wins2009:   e2009.WinsByParty(state)[party],
		SPWins2019: e2019.WinsByParty(state)["SP"],
	}
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name:    fmt.Sprintf("INC's claim: at least the %d seats it won in 2009", c.Wins2009),
		Party:   party,
		SeatSet: seatshare.SeatSet{State: state},
		Min:     c.Wins2009,
	})
	claimField := fmt.Sprintf("demands[%d]", len(sc.Demands)-1)

	pl, err := seatshare.NewPlanner(sc, src)
	if err != nil {
		return err
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		return err
	}
	for _, k := range plan.Constraints {
		if k.Field == claimField {
			c.Binding, c.RelaxedGain, c.DroppedGain = k.Binding, *k.Relaxed, k.Dropped
		}
	}
	frontier, err := pl.Frontier(ctx, party, seatshare.SeatSet{State: state}, 0, frontierMax)
	if err != nil {
		return err
	}
	next, err := pl.Alternatives(ctx, nextPlans)
	if err != nil {
		return err
	}
	robust, err := pl.Robustness(ctx)
	if err != nil {
		return err
	}

	switch *format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(report{Plan: plan, Claim: c, Frontier: frontier, Next: next, Robust: robust})
	case "csv":
		switch *table {
		case "seats":
			return seatshare.WriteCSV(w, plan, seatshare.SeatTable)
		case "parties":
			return seatshare.WriteCSV(w, plan, seatshare.PartyTable)
		case "constraints":
			return seatshare.WriteCSV(w, plan, seatshare.ConstraintTable)
		case "frontier":
			return seatshare.WriteFrontierCSV(w, frontier)
		}
		return fmt.Errorf("uttarpradesh: -table %q is not seats, parties, constraints or frontier", *table)
	}
	if err := seatshare.WriteTable(w, plan); err != nil {
		return err
	}
	verdict := "does not bind: the optimal plan gives INC that many seats anyway"
	if c.Binding {
		verdict = "binds"
	}
	if _, err := fmt.Fprintf(w, `
What INC's demand costs
  INC won %d seats of %s in 2009 and asks for at least as many; SP won %d in 2019
  and keeps them (sitting members keep their seats). INC's demand %s.
  Relaxing it by one seat would gain %.4f expected wins; dropping it would gain %.4f.

`, c.Wins2009, state, c.SPWins2019, verdict, c.RelaxedGain, c.DroppedGain); err != nil {
		return err
	}
	if err := seatshare.WriteFrontier(w, party, state, frontier); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w); err != nil {
		return err
	}
	if err := seatshare.WriteAlternatives(w, next); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w); err != nil {
		return err
	}
	return seatshare.WriteRobustness(w, robust)
}
