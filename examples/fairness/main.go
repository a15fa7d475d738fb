// Command fairness splits the 80 Lok Sabha seats of Uttar Pradesh among
// SP, INC and RLD by each party's claim, under each apportionment method,
// and prices fairness.
//
// The claims are those the parties cite in the talks: the seats each won
// in 2009 (INC's argument), the seats each won in 2019 (SP's), their votes
// in 2019, and their MLAs in the 403-member Uttar Pradesh assembly elected
// in 2022 (SP 111, INC 2, RLD 8; Election Commission of India, results of
// the 2022 Uttar Pradesh Legislative Assembly election). For each claim and
// each method of scoring.Apportion it prints the split and its
// disproportionality against the claim (Gallagher's least-squares index and
// the Loosemore-Hanby index, in percentage points). It then compares the
// split of the plan that maximises expected wins with every claim, and the
// price of fairness: the expected wins the alliance gives up when every
// party's seats must lie within the floor and ceiling of its exact quota
// by that claim (the "quota" rule of package seatshare).
//
// With no files it runs on the ILLUSTRATIVE synthetic results embedded in
// package illustrative (not real results, and labelled so). With -data
// DIR, or SEATSHARE_DATA set, it reads the real results lsYYYY_candidates.csv.
//
// Usage:
//
//	go run ./examples/fairness [-data DIR] [-format table|json]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coalitionlab/alliance/examples/internal/cli"
	"github.com/coalitionlab/alliance/examples/internal/textout"
	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

const state = "Uttar Pradesh"

// parties are the members, in the order of every table.
var parties = []string{"SP", "INC", "RLD"}

// mlas2022 are the members' seats in the Uttar Pradesh Legislative
// Assembly elected in 2022 (403 seats), from the Election Commission of
// India's results.
var mlas2022 = map[string]int64{"SP": 111, "INC": 2, "RLD": 8}

// methods are the apportionment methods compared.
var methods = []scoring.Method{scoring.Hamilton, scoring.DHondt, scoring.SainteLague, scoring.ModifiedSainteLague, scoring.HuntingtonHill, scoring.Adams}

func main() {
	cli.Exit(run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv)))
}

// claim is one basis for a split and the rule that enforces it.
type claim struct {
	Name   string  `json:"name"`
	Counts []int64 `json:"counts"` // per party, in the order of parties
	rule   seatshare.Rule
	// Quotas are the exact quotas of the 80 seats.
	Quotas []float64 `json:"quotas"`
	Splits []split   `json:"splits"`
	// Plan is the optimal plan's disproportionality against the claim.
	Plan index `json:"optimal_plan"`
	// Fair is the best plan within quota by the claim; Reason says why
	// there is none when it is nil.
	Fair   *fairPlan `json:"within_quota"`
	Reason string    `json:"infeasible,omitempty"`
}

// split is one method's apportionment of a claim.
type split struct {
	Method string `json:"method"`
	Seats  []int  `json:"seats"`
	Tie    bool   `json:"tie"`
	index
}

// index holds the disproportionality of seats against a claim, as
// fractions (0.05 is five points).
type index struct {
	Gallagher      float64 `json:"gallagher"`
	LoosemoreHanby float64 `json:"loosemore_hanby"`
}

// fairPlan is the best plan under the quota rule and its price.
type fairPlan struct {
	Seats    []int   `json:"seats"`
	Expected float64 `json:"expected"`
	// Price is the price of fairness: the optimum's expected wins minus
	// these, absolute and relative.
	Price scoring.PriceOfFairness `json:"price"`
}

type report struct {
	Source    string  `json:"source"`
	Best      []int   `json:"optimal_seats"`
	BestValue float64 `json:"optimal_expected"`
	Claims    []claim `json:"claims"`
}

func run(ctx context.Context, w io.Writer, args []string, dataEnv string) error {
	fs := flag.NewFlagSet("fairness", flag.ContinueOnError)
	fs.SetOutput(w)
	data := fs.String("data", dataEnv, "directory holding the real results lsYYYY_candidates.csv (default $SEATSHARE_DATA); empty uses the embedded ILLUSTRATIVE data")
	format := fs.String("format", "table", "output format: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("fairness: unexpected argument %q", fs.Arg(0))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("fairness: -format %q is not table or json", *format)
	}
	src := seatshare.Source(illustrative.Election)
	if *data != "" {
		src = seatshare.DataDir(*data)
	}
	e2009, err := src(2009)
	if err != nil {
		return err
	}
	e2019, err := src(2019)
	if err != nil {
		return err
	}
	wins := func(e *seatshare.Election) []int64 {
		m := e.WinsByParty(state)
		out := make([]int64, len(parties))
		for i, p := range parties {
			out[i] = int64(m[p])
		}
		return out
	}
	votes := make([]int64, len(parties))
	for _, c := range e2019.State(state) {
		for i, p := range parties {
			votes[i] += c.Votes(p)
		}
	}
	mlas := make([]int64, len(parties))
	for i, p := range parties {
		mlas[i] = mlas2022[p]
	}
	claims := []claim{
		{Name: "2009 Lok Sabha wins", Counts: wins(e2009), rule: seatshare.Rule{Kind: "quota", Year: 2009, Claim: "wins"}},
		{Name: "2019 Lok Sabha wins", Counts: wins(e2019), rule: seatshare.Rule{Kind: "quota", Year: 2019, Claim: "wins"}},
		{Name: "2019 Lok Sabha votes", Counts: votes, rule: seatshare.Rule{Kind: "quota", Year: 2019, Claim: "votes"}},
		{Name: "2022 UP assembly MLAs (ECI)", Counts: mlas, rule: seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: mlas2022}},
	}

	sc, err := illustrative.Scenario()
	if err != nil {
		return err
	}
	sc.Simulation = seatshare.SimulationSpec{}
	pl, err := seatshare.NewPlanner(sc, src)
	if err != nil {
		return err
	}
	best, err := pl.Plan(ctx)
	if err != nil {
		return err
	}
	rep := report{BestValue: best.Expected, Best: partySeats(best)}
	var sources []string
	for _, b := range best.Bases {
		sources = append(sources, fmt.Sprintf("%d: %s", b.Year, b.Source))
	}
	rep.Source = strings.Join(sources, "; ")
	house := len(best.Seats)

	for _, c := range claims {
		total := int64(0)
		for _, x := range c.Counts {
			total += x
		}
		for _, x := range c.Counts {
			c.Quotas = append(c.Quotas, float64(house)*float64(x)/float64(total))
		}
		for _, m := range methods {
			a, err := scoring.Apportion(m, c.Counts, house, &scoring.ApportionSettings{TieBreak: scoring.LowerIndex})
			if err != nil {
				return fmt.Errorf("fairness: %s by %v: %w", c.Name, m, err)
			}
			ix, err := disproportionality(c.Counts, a.Seats)
			if err != nil {
				return err
			}
			c.Splits = append(c.Splits, split{Method: m.String(), Seats: a.Seats, Tie: a.Tie != nil, index: ix})
		}
		if c.Plan, err = disproportionality(c.Counts, rep.Best); err != nil {
			return err
		}
		fairSc := *sc
		fairSc.Rules = append(append([]seatshare.Rule{}, sc.Rules...), c.rule)
		fpl, err := seatshare.NewPlanner(&fairSc, src)
		if err != nil {
			return err
		}
		fair, err := fpl.Plan(ctx)
		var ie *seatshare.InfeasibleError
		switch {
		case errors.As(err, &ie):
			c.Reason = ie.Reason
		case err != nil:
			return err
		default:
			price, err := scoring.NewPriceOfFairness(best.Expected, fair.Expected)
			if err != nil {
				return err
			}
			c.Fair = &fairPlan{Seats: partySeats(fair), Expected: fair.Expected, Price: price}
		}
		rep.Claims = append(rep.Claims, c)
	}
	if *format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return writeTable(w, rep)
}

// partySeats returns the members' seats in plan, in the order of parties.
func partySeats(plan *seatshare.Plan) []int {
	out := make([]int, len(parties))
	for _, pp := range plan.Parties {
		for i, p := range parties {
			if pp.Party == p {
				out[i] = pp.Seats
			}
		}
	}
	return out
}

func disproportionality(claim []int64, seats []int) (index, error) {
	g, err := scoring.Gallagher(claim, seats)
	if err != nil {
		return index{}, err
	}
	lh, err := scoring.LoosemoreHanby(claim, seats)
	if err != nil {
		return index{}, err
	}
	return index{Gallagher: g, LoosemoreHanby: lh}, nil
}

func writeTable(w io.Writer, rep report) error {
	var b strings.Builder
	if strings.Contains(rep.Source, illustrative.Label) {
		b.WriteString("*** ILLUSTRATIVE: synthetic Uttar Pradesh results, NOT real. Set SEATSHARE_DATA or -data DIR for the real results. ***\n")
	}
	fmt.Fprintf(&b, "Splitting the 80 seats of Uttar Pradesh among SP, INC and RLD by each party's claim\nResults: %s\n", rep.Source)
	b.WriteString("MLAs: 2022 Uttar Pradesh Legislative Assembly election, 403 seats (Election Commission of India).\n")
	b.WriteString("Indices are in percentage points of the claim: Gallagher = sqrt(1/2 sum (claim share - seat share)^2),\n" +
		"Loosemore-Hanby = 1/2 sum |claim share - seat share|.\n")
	for _, c := range rep.Claims {
		var cs, qs []string
		for i, p := range parties {
			cs = append(cs, fmt.Sprintf("%s %d", p, c.Counts[i]))
			qs = append(qs, fmt.Sprintf("%s %.2f", p, c.Quotas[i]))
		}
		fmt.Fprintf(&b, "\nClaim: %s (%s); exact quotas of 80 seats: %s\n", c.Name, strings.Join(cs, ", "), strings.Join(qs, ", "))
		rows := [][]string{append(append([]string{"method"}, parties...), "Gallagher", "Loosemore-Hanby")}
		for _, s := range c.Splits {
			name := s.Method
			if s.Tie {
				name += " (tie, to the first listed)"
			}
			row := []string{name}
			for _, x := range s.Seats {
				row = append(row, fmt.Sprint(x))
			}
			rows = append(rows, append(row, pct(s.Gallagher), pct(s.LoosemoreHanby)))
		}
		textout.Columns(&b, rows, "lrrrrr")
	}
	var bs []string
	for i, p := range parties {
		bs = append(bs, fmt.Sprintf("%s %d", p, rep.Best[i]))
	}
	fmt.Fprintf(&b, "\nThe plan that maximises expected wins (%.2f) gives %s.\n", rep.BestValue, strings.Join(bs, ", "))
	b.WriteString("Its disproportionality against each claim, and the price of fairness: the best plan within quota\n" +
		"(each party's seats within the floor and ceiling of its exact quota by the claim), its expected wins,\n" +
		"and the expected wins it gives up (absolute and as a share of the optimum)\n")
	rows := [][]string{{"claim", "Gallagher", "Loosemore-Hanby", "within quota: SP/INC/RLD", "expected", "price", "relative"}}
	for _, c := range rep.Claims {
		row := []string{c.Name, pct(c.Plan.Gallagher), pct(c.Plan.LoosemoreHanby)}
		if c.Fair == nil {
			row = append(row, "infeasible: "+c.Reason, "", "", "")
		} else {
			var s []string
			for _, x := range c.Fair.Seats {
				s = append(s, fmt.Sprint(x))
			}
			row = append(row, strings.Join(s, "/"), fmt.Sprintf("%.2f", c.Fair.Expected), fmt.Sprintf("%.4f", c.Fair.Price.Absolute), fmt.Sprintf("%.2f%%", 100*c.Fair.Price.Relative))
		}
		rows = append(rows, row)
	}
	textout.Columns(&b, rows, "lrrlrrr")
	_, err := io.WriteString(w, b.String())
	return err
}

// pct writes a fraction in percentage points with 2 decimals.
func pct(x float64) string { return fmt.Sprintf("%.2f", 100*x) }
