package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

// defaultScenarios is the number of simulated elections when neither the
// scenario nor -scenarios sets one: the Monte Carlo standard error of
// P(total >= target) is then at most 0.5/sqrt(100000) = 0.0016.
const defaultScenarios = 100000

func runSimulate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("simulate", "[flags] [SCENARIO.json]\n\n"+
		"Simulates the optimal plan's (or with -proposal a proposed plan's) total seats under correlated swings (the scenario's Gaussian\n"+
		"copula; every seat keeps its win probability) and prints the mean, SD, quantiles,\n"+
		"P(total >= target) and the distribution. The seed makes runs reproducible.\n"+
		"Without SCENARIO.json it uses the embedded ILLUSTRATIVE Uttar Pradesh scenario.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	scenarios := fs.Int("scenarios", 0, fmt.Sprintf("number of simulated elections (0: the scenario's simulation.scenarios, else %d)", defaultScenarios))
	seed := fs.Uint64("seed", 0, "`seed` of the simulation (0: the scenario's simulation.seed)")
	target := fs.Int("target", 0, "report P(total >= `N`) (0: the scenario's target)")
	chartFile := fs.String("chart", "", "write the distribution chart to `FILE` (.svg or .png)")
	propFile := fs.String("proposal", "", "simulate the proposed plan in `FILE`.csv (columns state, pc_no, party) instead of the optimal plan")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 1 {
		return fail(stderr, "simulate", "", usageError(fmt.Sprintf("want at most one scenario file, got %d arguments", len(pos))))
	}
	if !checkFormat(stderr, "simulate", *pf.format) {
		return exitBadInput
	}
	if *scenarios < 0 || *target < 0 {
		return fail(stderr, "simulate", "", usageError("-scenarios and -target must not be negative"))
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	var spec seatshare.SimulationSpec
	var tgt int
	s, err := load("simulate", file, *pf.data, true, stderr, func(sc *seatshare.Scenario) {
		spec, tgt = sc.Simulation, sc.Target
		sc.Simulation = seatshare.SimulationSpec{} // the planner need not simulate
	})
	if err != nil {
		return fail(stderr, "simulate", file, err)
	}
	if *scenarios > 0 {
		spec.Scenarios = *scenarios
	} else if spec.Scenarios == 0 {
		spec.Scenarios = defaultScenarios
	}
	if *seed != 0 {
		spec.Seed = *seed
	}
	if *target > 0 {
		tgt = *target
	}
	sc := s.planner.Scenario()
	if sc.Model.Copula == nil {
		return fail(stderr, "simulate", file, &seatshare.ScenarioError{Field: "model.copula", Err: errNoCopula})
	}
	cop, err := scoring.NewCopula(sc.Model.Copula.National, sc.Model.Copula.State)
	if err != nil {
		return fail(stderr, "simulate", file, &seatshare.ScenarioError{Field: "model.copula", Err: err})
	}
	pr := newProgress(stderr, "simulate")
	seats := s.planner.Seats()
	w := make([]float64, len(seats))
	what := "the optimal plan"
	if *propFile != "" {
		what = "the proposal " + *propFile
		proposal, err := readProposal(*propFile)
		if err != nil {
			return fail(stderr, "simulate", *propFile, err)
		}
		pr.step("scoring the proposal")
		ev, err := s.planner.Evaluate(context.Background(), proposal)
		if err != nil {
			pr.done()
			return fail(stderr, "simulate", *propFile, err)
		}
		for _, v := range ev.Violations {
			fmt.Fprintf(stderr, "seatshare simulate: NOTE: the proposal breaks %s\n", v)
		}
		for i, se := range ev.Seats { // sorted by SeatID, as seats are
			w[i] = se.W
		}
	} else {
		pr.step("solving")
		prob := s.planner.Problem()
		x, err := solveAssignment(prob)
		if err != nil {
			pr.done()
			return fail(stderr, "simulate", file, err)
		}
		for i := range seats {
			for _, o := range prob.Items[i].Options {
				if o.Agent == x[i] {
					w[i] = o.Weight
				}
			}
		}
	}
	// The same probabilities, state indices and random stream as
	// seatshare.Planner.Plan, so the numbers agree with "seatshare plan".
	states := make([]int, len(seats))
	expected := 0.0
	for i, sw := range seats {
		expected += w[i]
		if i > 0 {
			states[i] = states[i-1]
			if sw.ID.State != seats[i-1].ID.State {
				states[i]++
			}
		}
	}
	pr.step("simulating %d elections of %d seats", spec.Scenarios, len(seats))
	d, err := scoring.Simulate(w, states, cop, spec.Scenarios, rand.New(rand.NewPCG(spec.Seed, 0)))
	pr.done()
	if err != nil {
		return fail(stderr, "simulate", file, err)
	}
	sum := seatshare.Summarize(d, spec, tgt)
	if *chartFile != "" {
		p, err := chart.DistributionOf(d, tgt).Plot()
		if err == nil {
			err = chart.Save(p, 0, 0, *chartFile)
		}
		if err != nil {
			return fail(stderr, "simulate", *chartFile, err)
		}
		fmt.Fprintf(stderr, "seatshare simulate: wrote %s\n", *chartFile)
	}
	switch *pf.format {
	case "json":
		err = writeJSON(stdout, struct {
			Illustrative bool                         `json:"illustrative"`
			Scenario     string                       `json:"scenario"`
			Plan         string                       `json:"plan"`
			Seats        int                          `json:"seats"`
			Expected     float64                      `json:"expected"`
			Simulation   *seatshare.SimulationSummary `json:"simulation"`
		}{s.illustrative, sc.Name, what, len(seats), expected, sum})
	case "csv":
		err = writeDistributionCSV(stdout, sum)
	default:
		s.banner(stdout)
		err = writeSimulation(stdout, sc, what, len(seats), expected, sum)
	}
	if err != nil {
		return fail(stderr, "simulate", "", err)
	}
	return exitOK
}

var errNoCopula = usageError("the simulation needs the copula's national and state loadings")

// writeSimulation writes the summary and the distribution for people.
func writeSimulation(w io.Writer, sc *seatshare.Scenario, what string, seats int, expected float64, sum *seatshare.SimulationSummary) error {
	name := sc.Name
	if name == "" {
		name = "(unnamed scenario)"
	}
	fmt.Fprintf(w, "Distribution of the alliance's total seats under %s: %s\n", what, name)
	fmt.Fprintf(w, "Expected wins (sum of the win probabilities): %.2f of %d seats\n", expected, seats)
	fmt.Fprintf(w, "%d simulated elections, seed %d; seats move together through a Gaussian copula\n"+
		"(national loading %g, state loading %g), each keeping its own win probability\n\n",
		sum.Scenarios, sum.Seed, sc.Model.Copula.National, sc.Model.Copula.State)
	rows := [][]string{{"statistic", "seats", "Monte Carlo s.e. / 95% interval"}}
	rows = append(rows, []string{"mean", fmt.Sprintf("%.2f", sum.Mean.Value), fmt.Sprintf("%.3f", sum.Mean.SE)})
	rows = append(rows, []string{"standard deviation", fmt.Sprintf("%.2f", sum.SD.Value), fmt.Sprintf("%.3f", sum.SD.SE)})
	for _, q := range sum.Quantiles {
		rows = append(rows, []string{fmt.Sprintf("%g%% quantile", 100*q.Level), strconv.Itoa(q.Value), fmt.Sprintf("[%d, %d]", q.Lo, q.Hi)})
	}
	if a := sum.AtLeastTarget; a != nil {
		rows = append(rows, []string{fmt.Sprintf("P(total >= %d)", sum.Target), fmt.Sprintf("%.3f", a.Value), fmt.Sprintf("%.3f", a.SE)})
	}
	if err := columns(w, rows, "lrl"); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nDistribution (totals with at least one simulated election; %% of elections)\n")
	rows = [][]string{{"total", "elections", "P(= total)", "P(>= total)", ""}}
	n := float64(sum.Scenarios)
	var above int64 = 0
	for _, c := range sum.Counts {
		above += c
	}
	for k, c := range sum.Counts {
		if c > 0 {
			bar := ""
			for range int(200 * float64(c) / n) {
				bar += "#"
			}
			rows = append(rows, []string{strconv.Itoa(k), strconv.FormatInt(c, 10), fmt.Sprintf("%.2f", 100*float64(c)/n), fmt.Sprintf("%.2f", 100*float64(above)/n), bar})
		}
		above -= c
	}
	return columns(w, rows, "rrrrl")
}

// writeDistributionCSV writes one line per total from 0 to the number of
// seats: total, elections, p (the share of elections with that total) and
// p_at_least.
func writeDistributionCSV(w io.Writer, sum *seatshare.SimulationSummary) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"total", "elections", "p", "p_at_least"})
	var above int64
	for _, c := range sum.Counts {
		above += c
	}
	n := float64(sum.Scenarios)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	for k, c := range sum.Counts {
		cw.Write([]string{strconv.Itoa(k), strconv.FormatInt(c, 10), f(float64(c) / n), f(float64(above) / n)})
		above -= c
	}
	cw.Flush()
	return cw.Error()
}
