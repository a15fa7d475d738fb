package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// illustrativeBanner heads every table computed from the embedded
// illustrative data, so that nobody mistakes it for an analysis of real
// results.
const illustrativeBanner = "*** ILLUSTRATIVE: synthetic Uttar Pradesh results, NOT real. Set SEATSHARE_DATA or -data DIR for the real results. ***\n"

// exitCodes ends the usage message of the planning commands.
const exitCodes = "Exit codes: 0 ok, 1 the demands cannot all be met, 2 bad input or usage, 3 other failure."

// planFlags are the flags shared by the commands that build a planner.
type planFlags struct {
	data   *string
	format *string
}

// addPlanFlags defines -data and -format on fs.
func addPlanFlags(fs *flag.FlagSet) planFlags {
	return planFlags{
		data:   fs.String("data", os.Getenv(seatshare.DataEnv), "read the real results lsYYYY_candidates.csv from `DIR` (default $"+seatshare.DataEnv+"); empty uses the embedded ILLUSTRATIVE synthetic Uttar Pradesh results"),
		format: fs.String("format", "table", "output `format`: table, json or csv"),
	}
}

// checkFormat reports a -format other than table, json and csv.
func checkFormat(stderr io.Writer, cmd, format string) bool {
	switch format {
	case "table", "json", "csv":
		return true
	}
	fmt.Fprintf(stderr, "seatshare %s: -format %q is not table, json or csv\n", cmd, format)
	return false
}

// session is a scenario joined with its results.
type session struct {
	cmd  string
	file string // the scenario file, "" for the embedded scenario
	// illustrative is true when the results are the embedded synthetic
	// ones.
	illustrative bool
	planner      *seatshare.Planner
}

// load reads the scenario in file (the embedded illustrative scenario
// when file is "" and allowEmbedded is set) and builds its planner on the
// results in dir (the embedded illustrative results when dir is ""). It
// says on stderr when it uses embedded data. edit, when not nil, may change
// the scenario before the planner is built.
func load(cmd, file, dir string, allowEmbedded bool, stderr io.Writer, edit func(*seatshare.Scenario)) (*session, error) {
	s := &session{cmd: cmd, file: file}
	var sc *seatshare.Scenario
	var err error
	if file == "" {
		if !allowEmbedded {
			return nil, usageError("want a scenario file")
		}
		fmt.Fprintf(stderr, "seatshare %s: NOTE: no scenario file given: using the embedded ILLUSTRATIVE Uttar Pradesh scenario\n", cmd)
		sc, err = illustrative.Scenario()
	} else {
		sc, err = readScenario(file)
	}
	if err != nil {
		return nil, err
	}
	if edit != nil {
		edit(sc)
	}
	src := seatshare.DataDir(dir)
	if dir == "" {
		s.illustrative = true
		fmt.Fprintf(stderr, "seatshare %s: NOTE: no -data DIR and $%s unset: using the embedded ILLUSTRATIVE synthetic Uttar Pradesh results (%v), NOT real results\n", cmd, seatshare.DataEnv, illustrative.Years())
		src = illustrative.Election
	}
	if s.planner, err = seatshare.NewPlanner(sc, src); err != nil {
		return nil, err
	}
	return s, nil
}

func readScenario(file string) (*seatshare.Scenario, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return seatshare.ReadScenario(f, file)
}

// banner writes the illustrative banner before a table when the session
// runs on embedded data.
func (s *session) banner(w io.Writer) {
	if s.illustrative {
		fmt.Fprint(w, illustrativeBanner)
	}
}

// usageError is a usage mistake found after flag parsing.
type usageError string

func (e usageError) Error() string { return string(e) }

// fail prints err on stderr as "seatshare CMD: FILE: FIELD: message" and
// returns its exit code: exitInfeasible when the demands cannot all be
// met (with the conflicting scenario elements), exitBadInput for bad
// input (a usage mistake, an unreadable file, an invalid scenario,
// results file, proposal or chart request), exitFailure otherwise.
func fail(stderr io.Writer, cmd, file string, err error) int {
	prefix := "seatshare " + cmd + ": "
	var se *seatshare.ScenarioError
	var ie *seatshare.InfeasibleError
	var pathErr *os.PathError
	var ue usageError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "%s%s\n", prefix, ue)
		return exitBadInput
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "%sinfeasible: %s\n", prefix, ie.Reason)
		for _, c := range ie.Conflict {
			fmt.Fprintf(stderr, "  in conflict: %s\n", c)
		}
		return exitInfeasible
	case errors.Is(err, seatshare.ErrInfeasible), errors.Is(err, solver.ErrInfeasible):
		fmt.Fprintf(stderr, "%s%s\n", prefix, trimPkg(err.Error()))
		return exitInfeasible
	case errors.As(err, &se):
		src := se.Source
		if src == "" {
			src = file
		}
		if src == "" {
			src = "embedded scenario"
		}
		if se.Field == "" {
			fmt.Fprintf(stderr, "%s%s: %v\n", prefix, src, se.Err)
		} else {
			fmt.Fprintf(stderr, "%s%s: %s: %v\n", prefix, src, se.Field, se.Err)
		}
		return exitBadInput
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "%s%s: %v\n", prefix, pathErr.Path, pathErr.Err)
		return exitBadInput
	case errors.Is(err, seatshare.ErrInvalid), errors.Is(err, chart.ErrInvalid), errors.Is(err, chart.ErrFormat):
		fmt.Fprintf(stderr, "%s%s\n", prefix, trimPkg(err.Error()))
		return exitBadInput
	}
	fmt.Fprintf(stderr, "%s%s\n", prefix, trimPkg(err.Error()))
	return exitFailure
}

// trimPkg drops the leading "seatshare: " of an error message, which the
// command's own prefix replaces.
func trimPkg(msg string) string { return strings.TrimPrefix(msg, "seatshare: ") }

// charts are the chart flags of the plan command.
type charts struct {
	dist   *string
	dir    *string
	format *string
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("plan", "[flags] [SCENARIO.json]\n\n"+
		"Finds the plan that maximises the alliance's expected wins under the scenario's demands and\n"+
		"prints it: per party, per demand (binding or not, and its price in expected wins) and per seat\n"+
		"(win probability, next best member, switch cost), with the simulated distribution of the total.\n"+
		"Without SCENARIO.json it plans the embedded ILLUSTRATIVE Uttar Pradesh scenario.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	table := fs.String("table", "seats", "with -format csv, the `table` to write: seats, parties, constraints, fairness (each fairness rule: violations and price of fairness) or proportionality (each state's disproportionality against the first quota rule's claims)")
	ch := charts{
		dist:   fs.String("chart", "", "write the distribution of the alliance's total seats to `FILE` (.svg or .png)"),
		dir:    fs.String("chart-dir", "", "write all the charts to `DIR`: distribution, prices (each demand's cost), shares (seats against entitlement) and, with -frontier, frontier"),
		format: fs.String("chart-format", "svg", "image `format` of the -chart-dir charts: svg or png"),
	}
	frontierParty := fs.String("frontier", "", "also compute the negotiation frontier of `PARTY`: the best expected wins for each number of seats it could get")
	frontierState := fs.String("frontier-state", "", "count the -frontier party's seats in `STATE` only (default: all the scenario's seats)")
	alts := fs.Int("alternatives", 0, fmt.Sprintf("also list the `K` next best plans (at most %d)", seatshare.MaxAlternativePlans))
	shapley := fs.Bool("shapley", false, "also compute each member's Shapley value: exact (state by state when no demand crosses a state) when affordable, else sampled; see -shapley-samples and the coalition command")
	samples := fs.Int("shapley-samples", 0, "estimate the Shapley values from `N` random orders of the members (default: exact when affordable, else 1000 orders)")
	shapleyDemands := fs.Bool("shapley-demands", false, "coalitions keep the scenario's demands among their members (default: no demands)")
	scenarios := fs.Int("scenarios", -1, "simulate `N` correlated elections (-1: the scenario's simulation.scenarios; 0: none)")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 1 {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("want at most one scenario file, got %d arguments", len(pos))))
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	if !checkFormat(stderr, "plan", *pf.format) {
		return exitBadInput
	}
	tables := map[string]seatshare.Table{
		"seats": seatshare.SeatTable, "parties": seatshare.PartyTable, "constraints": seatshare.ConstraintTable,
		"fairness": seatshare.FairnessTable, "proportionality": seatshare.ProportionalityTable,
	}
	if _, ok := tables[*table]; !ok {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("-table %q is not seats, parties, constraints, fairness or proportionality", *table)))
	}
	if *ch.format != "svg" && *ch.format != "png" {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("-chart-format %q is not svg or png", *ch.format)))
	}
	if *frontierState != "" && *frontierParty == "" {
		return fail(stderr, "plan", "", usageError("-frontier-state needs -frontier PARTY"))
	}
	if *alts < 0 || *alts > seatshare.MaxAlternativePlans {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("-alternatives %d is not in [0, %d]", *alts, seatshare.MaxAlternativePlans)))
	}
	if *samples < 0 || *samples == 1 {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("-shapley-samples %d: want 0 (exact) or at least 2", *samples)))
	}
	if *samples > 0 {
		*shapley = true
	}
	if *scenarios < -1 {
		return fail(stderr, "plan", "", usageError(fmt.Sprintf("-scenarios %d is negative", *scenarios)))
	}
	edit := func(sc *seatshare.Scenario) {
		if *scenarios >= 0 {
			sc.Simulation.Scenarios = *scenarios
		}
	}
	s, err := load("plan", file, *pf.data, true, stderr, edit)
	if err != nil {
		return fail(stderr, "plan", file, err)
	}
	ctx := context.Background()
	pr := newProgress(stderr, "plan")
	pl := s.planner
	pr.step("solving, pricing %d constraints and simulating %d scenarios", len(pl.Problem().Bounds)+len(pl.Problem().Rows)+len(pl.Problem().Locks)+len(pl.Problem().Vetoes), pl.Scenario().Simulation.Scenarios)
	plan, err := pl.Plan(ctx)
	if err != nil {
		pr.done()
		return fail(stderr, "plan", file, err)
	}
	var frontier []seatshare.FrontierPoint
	set := seatshare.SeatSet{State: *frontierState}
	if *frontierParty != "" {
		hi := len(plan.Seats)
		if *frontierState != "" {
			hi = 0
			for _, sp := range plan.Seats {
				if sp.ID.State == *frontierState {
					hi++
				}
			}
		}
		pr.step("negotiation frontier of %s: %d solves", *frontierParty, hi+1)
		if frontier, err = pl.Frontier(ctx, *frontierParty, set, 0, hi); err != nil {
			pr.done()
			return fail(stderr, "plan", file, err)
		}
	}
	var next []seatshare.AlternativePlan
	if *alts > 0 {
		pr.step("%d next best plans", *alts)
		if next, err = pl.Alternatives(ctx, *alts); err != nil {
			pr.done()
			return fail(stderr, "plan", file, err)
		}
	}
	var values *seatshare.ShapleyResult
	convention := ""
	if *shapley {
		pr.step("Shapley values of %d members", len(pl.Problem().Agents))
		g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: *shapleyDemands})
		if err == nil {
			values, err = shapleyValues(ctx, g, *samples, pl.Scenario().Simulation.Seed)
		}
		if err != nil {
			pr.done()
			return fail(stderr, "plan", file, err)
		}
		convention = describeGame(values)
	}
	pr.done()

	if err := writeCharts(s, plan, frontier, *frontierParty, *frontierState, ch, stderr); err != nil {
		return fail(stderr, "plan", file, err)
	}
	switch *pf.format {
	case "json":
		err = writeJSON(stdout, struct {
			Illustrative bool                        `json:"illustrative"`
			Plan         *seatshare.Plan             `json:"plan"`
			Frontier     *frontierJSON               `json:"frontier,omitempty"`
			Next         []seatshare.AlternativePlan `json:"next_best_plans,omitempty"`
			Convention   string                      `json:"shapley_convention,omitempty"`
			Shapley      *seatshare.ShapleyResult    `json:"shapley,omitempty"`
		}{s.illustrative, plan, newFrontierJSON(*frontierParty, *frontierState, frontier), next, convention, values})
	case "csv":
		switch {
		case *table == "fairness" && len(plan.Fairness) == 0:
			fmt.Fprintln(stderr, "seatshare plan: NOTE: the scenario has no fairness rules: the fairness table has no rows")
		case *table == "proportionality" && len(plan.Proportionality) == 0:
			fmt.Fprintln(stderr, "seatshare plan: NOTE: no state to measure (the scenario has no quota rule, or no member holds a seat): the proportionality table has no rows")
		}
		err = seatshare.WriteCSV(stdout, plan, tables[*table])
	default:
		s.banner(stdout)
		err = seatshare.WriteTable(stdout, plan)
		if err == nil && frontier != nil {
			fmt.Fprintln(stdout)
			err = seatshare.WriteFrontier(stdout, *frontierParty, setName(*frontierState), frontier)
		}
		if err == nil && *alts > 0 {
			fmt.Fprintln(stdout)
			err = seatshare.WriteAlternatives(stdout, next)
		}
		if err == nil && values != nil {
			err = writeShapley(stdout, values)
		}
	}
	if err != nil {
		return fail(stderr, "plan", "", err)
	}
	return exitOK
}

// frontierJSON is a frontier in the JSON output.
type frontierJSON struct {
	Party  string                    `json:"party"`
	Set    string                    `json:"set"`
	Points []seatshare.FrontierPoint `json:"points"`
}

func newFrontierJSON(party, state string, pts []seatshare.FrontierPoint) *frontierJSON {
	if pts == nil {
		return nil
	}
	return &frontierJSON{Party: party, Set: setName(state), Points: pts}
}

// setName names a frontier's set in reports.
func setName(state string) string {
	if state == "" {
		return "all the scenario's seats"
	}
	return state
}

// writeCharts writes the charts the flags ask for and names each file on
// stderr.
func writeCharts(s *session, plan *seatshare.Plan, frontier []seatshare.FrontierPoint, party, state string, ch charts, stderr io.Writer) error {
	if *ch.dist == "" && *ch.dir == "" {
		return nil
	}
	var files []string
	var plots []func() error
	add := func(file string, build func() (plotter, error), h vg.Length) {
		files = append(files, file)
		plots = append(plots, func() error {
			p, err := build()
			if err != nil {
				return fmt.Errorf("chart %s: %w", file, err)
			}
			if err := chart.Save(p, 0, h, file); err != nil {
				return fmt.Errorf("chart %s: %w", file, err)
			}
			return nil
		})
	}
	dist := func() (plotter, error) {
		if plan.Simulation == nil {
			return nil, usageError("the distribution chart needs a simulation: set simulation.scenarios in the scenario or -scenarios N")
		}
		return distributionChart(plan.Simulation).Plot()
	}
	if *ch.dist != "" {
		add(*ch.dist, dist, 0)
	}
	if dir := *ch.dir; dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		name := func(base string) string { return filepath.Join(dir, base+"."+*ch.format) }
		if plan.Simulation != nil {
			add(name("distribution"), dist, 0)
		} else {
			fmt.Fprintf(stderr, "seatshare plan: no distribution chart: the scenario simulates nothing (use -scenarios N)\n")
		}
		pr := pricesChart(plan)
		if len(pr.Names) > 0 {
			add(name("prices"), pr.Plot, max(chart.DefaultHeight, vg.Length(len(pr.Names))*14+4*vg.Centimeter))
		} else {
			fmt.Fprintf(stderr, "seatshare plan: no prices chart: the scenario has no demands\n")
		}
		ent, basis := entitlement(s.planner, plan)
		add(name("shares"), chart.SharesOf(plan, ent, basis).Plot, 0)
		if frontier != nil {
			add(name("frontier"), chart.FrontierOf(party, state, frontier).Plot, 0)
		}
	}
	for i, f := range plots {
		if err := f(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "seatshare plan: wrote %s\n", files[i])
	}
	return nil
}

// plotter is what chart.Save draws.
type plotter = *plot.Plot

// distributionChart is the chart input of a simulated total.
func distributionChart(sim *seatshare.SimulationSummary) chart.Distribution {
	d := chart.Distribution{Target: sim.Target, Scenarios: int64(sim.Scenarios)}
	for k, c := range sim.Counts {
		d.Totals = append(d.Totals, k)
		d.Prob = append(d.Prob, float64(c)/float64(sim.Scenarios))
	}
	return d
}

// pricesChart is the chart input of the plan's demands and rows, or of all
// its constraints when it has neither.
func pricesChart(plan *seatshare.Plan) chart.Prices {
	p := chart.PricesOf(plan, seatshare.DemandKind, seatshare.RowKind)
	if len(p.Names) == 0 && len(plan.Constraints) > 0 {
		p = chart.PricesOf(plan, seatshare.DemandKind, seatshare.RowKind, seatshare.LockKind, seatshare.VetoKind)
	}
	return p
}

// entitlement returns each member's seats by proportion of base strength:
// in each state, the state's seats in the plan shared among the members
// there in proportion to their summed base vote shares over those seats,
// then summed over the states.
func entitlement(pl *seatshare.Planner, plan *seatshare.Plan) ([]float64, string) {
	members := make([]string, len(plan.Parties))
	for i, pp := range plan.Parties {
		members[i] = pp.Party
	}
	ent := make([]float64, len(members))
	seats := pl.Seats()
	for lo := 0; lo < len(seats); {
		hi := lo
		for hi < len(seats) && seats[hi].ID.State == seats[lo].ID.State {
			hi++
		}
		sum := make([]float64, len(members))
		total := 0.0
		for _, sw := range seats[lo:hi] {
			for _, o := range sw.Options {
				j := slices.Index(members, o.Party)
				sum[j] += o.Strength
				total += o.Strength
			}
		}
		if total > 0 {
			for j := range sum {
				ent[j] += float64(hi-lo) * sum[j] / total
			}
		}
		lo = hi
	}
	return ent, "quota by base vote share, state by state"
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// columns writes rows (the first is the header) with each column padded
// to its widest cell, aligned left ('l') or right ('r') as align says, two
// spaces between columns and no trailing space.
func columns(w io.Writer, rows [][]string, align string) error {
	width := make([]int, len(align))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		line := make([]string, len(r))
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if align[j] == 'r' {
				line[j] = pad + c
			} else {
				line[j] = c + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(line, "  "), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
