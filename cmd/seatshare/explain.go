package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/solver"
)

// frontierWidth is how many seat counts on each side of a demand's value
// "explain -demand" shows.
const frontierWidth = 3

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("explain", "[flags] [SCENARIO.json] -seat STATE/NO | -demand NAME\n\n"+
		"Explains one seat of the optimal plan (each member's strength, alliance vote, opponent, margin,\n"+
		"win probability, the exact cost of switching to it and the other seats such a switch moves) or\n"+
		"one demand (its value, whether it binds, its price relaxed by one seat and dropped, the seats\n"+
		"that change without it, and the best expected wins for nearby seat counts).\n"+
		"Without SCENARIO.json it uses the embedded ILLUSTRATIVE Uttar Pradesh scenario.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	seat := fs.String("seat", "", "explain the seat `STATE/NO` (such as \"Uttar Pradesh/36\") or the seat of that name (such as \"RAE BARELI\")")
	demand := fs.String("demand", "", "explain the demand, row, lock or veto `NAME`: its field (\"demands[0]\") or its name as the plan lists it")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 1 {
		return fail(stderr, "explain", "", usageError(fmt.Sprintf("want at most one scenario file, got %d arguments", len(pos))))
	}
	if (*seat == "") == (*demand == "") {
		return fail(stderr, "explain", "", usageError("give exactly one of -seat and -demand"))
	}
	if !checkFormat(stderr, "explain", *pf.format) {
		return exitBadInput
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	s, err := load("explain", file, *pf.data, true, stderr, func(sc *seatshare.Scenario) { sc.Simulation.Scenarios = 0 })
	if err != nil {
		return fail(stderr, "explain", file, err)
	}
	pr := newProgress(stderr, "explain")
	pr.step("solving and pricing")
	plan, err := s.planner.Plan(context.Background())
	pr.done()
	if err != nil {
		return fail(stderr, "explain", file, err)
	}
	if *seat != "" {
		ex, err := explainSeat(s.planner, plan, *seat)
		if err != nil {
			return fail(stderr, "explain", file, err)
		}
		err = ex.write(stdout, *pf.format, s)
		if err != nil {
			return fail(stderr, "explain", "", err)
		}
		return exitOK
	}
	ex, err := explainDemand(s.planner, plan, *demand)
	if err != nil {
		return fail(stderr, "explain", file, err)
	}
	if err := ex.write(stdout, *pf.format, s); err != nil {
		return fail(stderr, "explain", "", err)
	}
	return exitOK
}

// seatOption is one member that may contest an explained seat.
type seatOption struct {
	Party    string  `json:"party"`
	Planned  bool    `json:"planned"`
	Strength float64 `json:"strength"`
	Source   string  `json:"strength_source"`
	// Vote is the alliance vote with this candidate, Opponent the
	// strongest opponent and OpponentVote its vote; Margin = Vote -
	// OpponentVote + swing + adjust.
	Vote         float64 `json:"alliance_vote"`
	Opponent     string  `json:"opponent"`
	OpponentVote float64 `json:"opponent_vote"`
	Margin       float64 `json:"margin"`
	W            float64 `json:"w"`
	// Cost is the expected wins lost by the best plan that gives the
	// seat to this party; nil when no plan meeting the demands does, 0 for
	// the planned party.
	Cost *float64 `json:"switch_cost"`
	// Knock lists the other seats that the best such plan changes.
	Knock []seatshare.SeatChange `json:"other_changes"`
}

// seatExplanation is the output of "explain -seat".
type seatExplanation struct {
	State    string       `json:"state"`
	No       int          `json:"pc_no"`
	Name     string       `json:"name"`
	Reserved string       `json:"reserved"`
	Party    string       `json:"party"`
	Locked   bool         `json:"locked"`
	Options  []seatOption `json:"options"`
}

// findSeat returns the index in pl.Seats() of the seat named by arg:
// "State/No" or a constituency name (any case).
func findSeat(pl *seatshare.Planner, arg string) (int, error) {
	seats := pl.Seats()
	if i := strings.LastIndexByte(arg, '/'); i > 0 && allDigits(arg[i+1:]) {
		if no, err := strconv.Atoi(arg[i+1:]); err == nil {
			id := seatshare.SeatID{State: arg[:i], No: no}
			if k := slices.IndexFunc(seats, func(s seatshare.SeatWeights) bool { return s.ID == id }); k >= 0 {
				return k, nil
			}
			return 0, usageError(fmt.Sprintf("-seat %q: no seat %v among the scenario's %d seats", arg, id, len(seats)))
		}
	}
	var found []int
	for k, s := range seats {
		if strings.EqualFold(s.Name, arg) {
			found = append(found, k)
		}
	}
	switch len(found) {
	case 0:
		return 0, usageError(fmt.Sprintf("-seat %q: no seat of that name or number (write STATE/NO, such as %q)", arg, seats[0].ID.String()))
	case 1:
		return found[0], nil
	}
	var ids []string
	for _, k := range found {
		ids = append(ids, seats[k].ID.String())
	}
	return 0, usageError(fmt.Sprintf("-seat %q names %d seats: %s; write STATE/NO", arg, len(found), strings.Join(ids, ", ")))
}

// allDigits reports whether s is a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func explainSeat(pl *seatshare.Planner, plan *seatshare.Plan, arg string) (*seatExplanation, error) {
	k, err := findSeat(pl, arg)
	if err != nil {
		return nil, err
	}
	sw, sp := pl.Seats()[k], plan.Seats[k]
	ex := &seatExplanation{State: sw.ID.State, No: sw.ID.No, Name: sw.Name, Reserved: sw.Category.String(), Party: sp.Party, Locked: sp.Locked}
	prob := pl.Problem()
	for _, o := range sw.Options {
		opt := seatOption{Party: o.Party, Planned: o.Party == sp.Party, Strength: o.Strength, Source: o.Flags.String(),
			Vote: o.Vote, Opponent: o.Opponent, OpponentVote: o.OpponentVote, Margin: o.Margin, W: o.W}
		if opt.Planned {
			zero := 0.0
			opt.Cost = &zero
		} else {
			for _, a := range sp.Alternatives {
				if a.Party == o.Party {
					opt.Cost = a.Cost
				}
			}
			if opt.Cost != nil {
				forced := *prob
				forced.Locks = append(slices.Clone(prob.Locks), solver.Pair{Item: k, Agent: slices.Index(prob.Agents, o.Party)})
				x, err := solveAssignment(&forced)
				if err != nil {
					return nil, fmt.Errorf("switching %v to %s: %w", sw.ID, o.Party, err)
				}
				opt.Knock = changes(pl, plan, x, k)
			}
		}
		ex.Options = append(ex.Options, opt)
	}
	return ex, nil
}

// solveAssignment solves prob and returns the proven optimal assignment.
func solveAssignment(prob *solver.Problem) ([]int, error) {
	res, err := solver.Solve(context.Background(), prob, nil)
	if err != nil {
		return nil, err
	}
	if res.Status != solver.Optimal {
		return nil, fmt.Errorf("solver stopped with status %v", res.Status)
	}
	return res.Assignment, nil
}

// changes lists the seats other than skip (-1 for none) where assignment
// x differs from plan.
func changes(pl *seatshare.Planner, plan *seatshare.Plan, x []int, skip int) []seatshare.SeatChange {
	agents := pl.Problem().Agents
	out := []seatshare.SeatChange{}
	for i, sp := range plan.Seats {
		if i == skip || agents[x[i]] == sp.Party {
			continue
		}
		out = append(out, seatshare.SeatChange{ID: sp.ID, Seat: sp.ID.String(), Name: sp.Name, From: sp.Party, To: agents[x[i]]})
	}
	return out
}

func (ex *seatExplanation) write(w io.Writer, format string, s *session) error {
	switch format {
	case "json":
		return writeJSON(w, struct {
			Illustrative bool `json:"illustrative"`
			*seatExplanation
		}{s.illustrative, ex})
	case "csv":
		return writeRows(w, ex.rows(false))
	}
	s.banner(w)
	lock := ""
	if ex.Locked {
		lock = " (locked: a lock or a rule gives it to " + ex.Party + ")"
	}
	fmt.Fprintf(w, "Seat %s/%d %s (%s): the optimal plan fields %s%s\n\n", ex.State, ex.No, ex.Name, ex.Reserved, ex.Party, lock)
	fmt.Fprintf(w, "Each member that may contest it (shares and margins in %% of valid votes; alliance vote = the candidate's\n"+
		"strength plus the partners' transferred votes; P = win probability; switch cost = expected wins lost\n"+
		"by the best plan that gives the seat to this party, every other seat free to change)\n")
	if err := columns(w, ex.rows(true), "llrlrlrrrr"); err != nil {
		return err
	}
	for _, o := range ex.Options {
		switch {
		case o.Planned:
		case o.Cost == nil:
			fmt.Fprintf(w, "\nNo plan that meets the demands gives the seat to %s.\n", o.Party)
		case len(o.Knock) == 0:
			fmt.Fprintf(w, "\nGiving the seat to %s changes no other seat.\n", o.Party)
		default:
			fmt.Fprintf(w, "\nGiving the seat to %s: the best such plan also changes %d other seat(s):\n", o.Party, len(o.Knock))
			for _, c := range o.Knock {
				fmt.Fprintf(w, "  %s %s: %s -> %s\n", c.Seat, c.Name, c.From, c.To)
			}
		}
	}
	return nil
}

// rows returns the options as a table, for people (human) or CSV.
func (ex *seatExplanation) rows(human bool) [][]string {
	rows := [][]string{{"party", "planned", "strength", "estimated", "alliance_vote", "opponent", "opponent_vote", "margin", "w", "switch_cost"}}
	if human {
		rows[0] = []string{"party", "planned", "strength", "estimated", "alliance vote", "opponent", "its vote", "margin", "P", "switch cost"}
	}
	for _, o := range ex.Options {
		planned, cost := strconv.FormatBool(o.Planned), ""
		if o.Cost != nil {
			cost = strconv.FormatFloat(*o.Cost, 'f', 6, 64)
		}
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
		share, pct := f, f
		if human {
			planned = ""
			if o.Planned {
				planned = "planned"
			}
			cost = "infeasible"
			if o.Cost != nil {
				cost = fmt.Sprintf("%.4f", *o.Cost)
			}
			if o.Planned {
				cost = "-"
			}
			f = func(x float64) string { return fmt.Sprintf("%.3f", x) }
			share = func(x float64) string { return fmt.Sprintf("%.1f", 100*x) }
			pct = func(x float64) string { return fmt.Sprintf("%+.1f", 100*x) }
		}
		opp := o.Opponent
		if human && opp == "" {
			opp = "-"
		}
		rows = append(rows, []string{o.Party, planned, share(o.Strength), o.Source, share(o.Vote), opp, share(o.OpponentVote), pct(o.Margin), f(o.W), cost})
	}
	return rows
}

// writeRows writes rows as CSV.
func writeRows(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		cw.Write(r)
	}
	cw.Flush()
	return cw.Error()
}

// demandExplanation is the output of "explain -demand".
type demandExplanation struct {
	seatshare.ConstraintPlan
	// Without lists the seats that change when the constraint is dropped.
	Without []seatshare.SeatChange `json:"changes_without_it"`
	// Around is the best expected wins for values of a demand near its
	// value at the optimum: the demand replaced by "exactly k seats".
	Around []seatshare.FrontierPoint `json:"around"`
}

// findConstraint returns the index in plan.Constraints of the constraint
// named arg: its field, when only one constraint has it, or its name.
func findConstraint(plan *seatshare.Plan, arg string) (int, error) {
	var byField, byName []int
	for i, c := range plan.Constraints {
		if c.Field == arg {
			byField = append(byField, i)
		}
		if c.Name == arg {
			byName = append(byName, i)
		}
	}
	switch {
	case len(byName) == 1:
		return byName[0], nil
	case len(byField) == 1:
		return byField[0], nil
	case len(byField) > 1:
		var names []string
		for _, i := range byField[:min(len(byField), 5)] {
			names = append(names, strconv.Quote(plan.Constraints[i].Name))
		}
		more := ""
		if len(byField) > 5 {
			more = ", ..."
		}
		return 0, usageError(fmt.Sprintf("-demand %q: %s made %d constraints; name one: %s%s", arg, arg, len(byField), strings.Join(names, ", "), more))
	}
	var fields []string
	for _, c := range plan.Constraints {
		if !slices.Contains(fields, c.Field) {
			fields = append(fields, c.Field)
		}
	}
	if len(fields) == 0 {
		return 0, usageError(fmt.Sprintf("-demand %q: the scenario has no demands, rows, locks or vetoes", arg))
	}
	return 0, usageError(fmt.Sprintf("-demand %q: no such demand; the scenario has %s", arg, strings.Join(fields, ", ")))
}

func explainDemand(pl *seatshare.Planner, plan *seatshare.Plan, arg string) (*demandExplanation, error) {
	i, err := findConstraint(plan, arg)
	if err != nil {
		return nil, err
	}
	c := plan.Constraints[i]
	ex := &demandExplanation{ConstraintPlan: c, Without: []seatshare.SeatChange{}}
	// The constraints of each kind are in the order of the problem's
	// bounds, rows, locks and vetoes.
	idx := 0
	for _, d := range plan.Constraints[:i] {
		if d.Kind == c.Kind {
			idx++
		}
	}
	prob := pl.Problem()
	dropped := *prob
	switch c.Kind {
	case seatshare.DemandKind:
		dropped.Bounds = slices.Delete(slices.Clone(prob.Bounds), idx, idx+1)
	case seatshare.RowKind:
		dropped.Rows = slices.Delete(slices.Clone(prob.Rows), idx, idx+1)
	case seatshare.LockKind:
		dropped.Locks = slices.Delete(slices.Clone(prob.Locks), idx, idx+1)
	case seatshare.VetoKind:
		dropped.Vetoes = slices.Delete(slices.Clone(prob.Vetoes), idx, idx+1)
	}
	x, err := solveAssignment(&dropped)
	if err != nil {
		return nil, fmt.Errorf("dropping %s: %w", c.Field, err)
	}
	if c.Dropped > 0 {
		ex.Without = changes(pl, plan, x, -1)
	}
	if c.Kind != seatshare.DemandKind {
		return ex, nil
	}
	b := prob.Bounds[idx]
	size := len(prob.Items)
	if b.Group != solver.AllItems {
		size = len(prob.Groups[b.Group].Items)
	}
	v := int(c.Value)
	for k := max(0, v-frontierWidth); k <= min(size, v+frontierWidth); k++ {
		exact := *prob
		exact.Bounds = slices.Clone(prob.Bounds)
		exact.Bounds[idx].Min, exact.Bounds[idx].Max = k, k
		res, err := solver.Solve(context.Background(), &exact, nil)
		var ie *solver.InfeasibleError
		switch {
		case errors.As(err, &ie):
			ex.Around = append(ex.Around, seatshare.FrontierPoint{Seats: k, Reason: ie.Reason})
		case errors.Is(err, solver.ErrInfeasible):
			ex.Around = append(ex.Around, seatshare.FrontierPoint{Seats: k, Reason: "infeasible"})
		case err != nil:
			return nil, err
		case res.Status != solver.Optimal:
			return nil, fmt.Errorf("%s at %d seats: solver stopped with status %v", c.Field, k, res.Status)
		default:
			ex.Around = append(ex.Around, seatshare.FrontierPoint{Seats: k, Feasible: true, Expected: res.Objective})
		}
	}
	return ex, nil
}

func (ex *demandExplanation) write(w io.Writer, format string, s *session) error {
	switch format {
	case "json":
		return writeJSON(w, struct {
			Illustrative bool `json:"illustrative"`
			*demandExplanation
		}{s.illustrative, ex})
	case "csv":
		if ex.Kind != seatshare.DemandKind {
			return usageError("-format csv writes a demand's seat counts; " + ex.Field + " is a " + ex.Kind.String())
		}
		return seatshare.WriteFrontierCSV(w, ex.Around)
	}
	s.banner(w)
	c := ex.ConstraintPlan
	fmt.Fprintf(w, "%s %s: %s\n", c.Kind, c.Field, c.Name)
	if c.Party != "" {
		fmt.Fprintf(w, "  party %s, seats %s\n", c.Party, c.Set)
	}
	state := "slack: it holds with room to spare"
	if c.Binding {
		state = "binding"
		if c.Kind == seatshare.LockKind || c.Kind == seatshare.VetoKind {
			state = "binding: the optimum without it differs"
		}
	}
	fmt.Fprintf(w, "  value at the optimal plan: %s; %s\n", strconv.FormatFloat(c.Value, 'g', -1, 64), state)
	if c.Relaxed != nil {
		fmt.Fprintf(w, "  price: relaxing it by one seat gains %.4f expected wins; dropping it gains %.4f\n", *c.Relaxed, c.Dropped)
	} else {
		fmt.Fprintf(w, "  price: dropping it gains %.4f expected wins\n", c.Dropped)
	}
	if len(ex.Without) == 0 {
		fmt.Fprintf(w, "\nWithout it the optimal plan stays the same.\n")
	} else {
		fmt.Fprintf(w, "\nWithout it the best plan changes %d seat(s):\n", len(ex.Without))
		rows := [][]string{{"seat", "name", "now", "without it"}}
		for _, ch := range ex.Without {
			rows = append(rows, []string{ch.Seat, ch.Name, ch.From, ch.To})
		}
		if err := columns(w, rows, "llll"); err != nil {
			return err
		}
	}
	if ex.Around != nil {
		fmt.Fprintln(w)
		return seatshare.WriteFrontier(w, c.Party, c.Set+" (this demand replaced by exactly k; the others stay)", ex.Around)
	}
	return nil
}
