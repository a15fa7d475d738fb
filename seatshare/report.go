package seatshare

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MarshalJSON writes a seat with its identity spelled out (state, pc_no,
// name and reserved: "GEN", "SC" or "ST") and its Flags as text
// (strength_source, see Imputation.String).
func (s SeatPlan) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		State       string        `json:"state"`
		No          int           `json:"pc_no"`
		Name        string        `json:"name"`
		Reserved    string        `json:"reserved"`
		Party       string        `json:"party"`
		Strength    float64       `json:"strength"`
		Source      string        `json:"strength_source"`
		W           float64       `json:"w"`
		Margin      float64       `json:"margin"`
		Opponent    string        `json:"opponent"`
		Alternative string        `json:"alternative"`
		AltW        float64       `json:"alternative_w"`
		Regret      float64       `json:"regret"`
		Locked      bool          `json:"locked"`
		Alts        []Alternative `json:"alternatives"`
	}{s.ID.State, s.ID.No, s.Name, s.Category.String(), s.Party, s.Strength, s.Flags.String(), s.W, s.Margin, s.Opponent, s.Alternative, s.AltW, s.Regret, s.Locked, s.Alternatives})
}

// switchCost returns the cost of giving s to its Alternative, or nil.
func (s *SeatPlan) switchCost() *float64 {
	for _, a := range s.Alternatives {
		if a.Party == s.Alternative {
			return a.Cost
		}
	}
	return nil
}

// WriteJSON writes p as indented JSON. The output depends only on p, so
// the same plan gives the same bytes on the same architecture.
func WriteJSON(w io.Writer, p *Plan) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(p)
}

// Table selects one table of a plan for WriteCSV.
type Table uint8

// The tables of a plan.
const (
	// SeatTable has one row per seat: state, pc_no, pc_name, reserved,
	// party, strength, strength_source (the Imputation flags), w, margin, opponent, alternative, alternative_w, regret,
	// switch_cost (the cost of giving the seat to alternative; empty when
	// no plan does), locked.
	SeatTable Table = iota
	// PartyTable has one row per member, and one for SeparateOption when
	// the plan uses it: party, seats, expected_wins.
	PartyTable
	// ConstraintTable has one row per demand, row, lock and veto: field,
	// kind, name, party, set, value, binding, relaxed_gain (empty for locks
	// and vetoes), dropped_gain.
	ConstraintTable
	// FairnessTable has one row per fairness rule: field, rule, enforced,
	// violations (each as Violation.String, joined by "; "), best, fair,
	// price and relative_price (the price of fairness; empty when the
	// rule is not enforced).
	FairnessTable
	// ProportionalityTable has one row per state of Plan.Proportionality:
	// state, claim, gallagher, loosemore_hanby, wprop1_fails and wef1_fails
	// (joined by "; ").
	ProportionalityTable
)

// WriteCSV writes one table of p as CSV with a header line. Probabilities
// and margins are written with 6 decimals, expected wins with 6 decimals.
// It returns an error for an unknown table or a failed write.
func WriteCSV(w io.Writer, p *Plan, t Table) error {
	cw := csv.NewWriter(w)
	f6 := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	switch t {
	case SeatTable:
		cw.Write([]string{"state", "pc_no", "pc_name", "reserved", "party", "strength", "strength_source", "w", "margin", "opponent", "alternative", "alternative_w", "regret", "switch_cost", "locked"})
		for _, s := range p.Seats {
			cost := ""
			if c := s.switchCost(); c != nil {
				cost = f6(*c)
			}
			cw.Write([]string{s.ID.State, strconv.Itoa(s.ID.No), s.Name, s.Category.String(), s.Party, f6(s.Strength), s.Flags.String(), f6(s.W), f6(s.Margin), s.Opponent, s.Alternative, f6(s.AltW), f6(s.Regret), cost, strconv.FormatBool(s.Locked)})
		}
	case PartyTable:
		cw.Write([]string{"party", "seats", "expected_wins"})
		for _, pp := range p.Parties {
			cw.Write([]string{pp.Party, strconv.Itoa(pp.Seats), f6(pp.Expected)})
		}
		if sp := p.Separate; sp.Seats > 0 {
			cw.Write([]string{sp.Party, strconv.Itoa(sp.Seats), f6(sp.Expected)})
		}
	case ConstraintTable:
		cw.Write([]string{"field", "kind", "name", "party", "set", "value", "binding", "relaxed_gain", "dropped_gain"})
		for _, c := range p.Constraints {
			relaxed := ""
			if c.Relaxed != nil {
				relaxed = f6(*c.Relaxed)
			}
			cw.Write([]string{c.Field, c.Kind.String(), c.Name, c.Party, c.Set, strconv.FormatFloat(c.Value, 'g', -1, 64), strconv.FormatBool(c.Binding), relaxed, f6(c.Dropped)})
		}
	case FairnessTable:
		cw.Write([]string{"field", "rule", "enforced", "violations", "best", "fair", "price", "relative_price"})
		for _, rc := range p.Fairness {
			best, fair, price, rel := "", "", "", ""
			if pr := rc.Price; pr != nil {
				best, fair, price, rel = f6(pr.Best), f6(pr.Fair), f6(pr.Absolute), f6(pr.Relative)
			}
			cw.Write([]string{rc.Field, rc.Name, strconv.FormatBool(rc.Enforced), joinViolations(rc.Violations), best, fair, price, rel})
		}
	case ProportionalityTable:
		cw.Write([]string{"state", "claim", "gallagher", "loosemore_hanby", "wprop1_fails", "wef1_fails"})
		for _, sp := range p.Proportionality {
			cw.Write([]string{sp.State, sp.Claim, f6(sp.Gallagher), f6(sp.LoosemoreHanby), strings.Join(sp.WPROP1, "; "), strings.Join(sp.WEF1, "; ")})
		}
	default:
		return fmt.Errorf("seatshare: unknown table %d", t)
	}
	cw.Flush()
	return cw.Error()
}

// WriteTable writes p as a report for people: a header with the data
// sources, the alliance's expected wins and simulated distribution, then
// the per-party, per-demand and per-seat tables with aligned columns and
// their units. Probabilities are written with 3 decimals, margins in
// vote-share points with 1 decimal, expected wins with 2 decimals and
// prices with 4.
func WriteTable(w io.Writer, p *Plan) error {
	ew := &errWriter{w: w}
	if p.Scenario != "" {
		ew.printf("Seat-sharing plan: %s\n", p.Scenario)
	} else {
		ew.printf("Seat-sharing plan\n")
	}
	ew.printf("Base strengths from:\n")
	for _, b := range p.Bases {
		ew.printf("  %d (weight %.2f): %s\n", b.Year, b.Weight, b.Source)
	}
	ew.printf("Model: %s\n", p.Model.describe(p.CustomLink))
	if len(p.ModelDefaults) > 0 {
		ew.printf("  calibrated defaults (seatshare.DefaultModel) for: %s\n", strings.Join(p.ModelDefaults, ", "))
	} else {
		ew.printf("  every parameter given by the scenario\n")
	}
	ew.printf("Alliance expected wins: %.2f of %d seats\n", p.Expected, len(p.Seats))
	if s := p.Simulation; s != nil {
		ew.printf("Simulated total (%d correlated scenarios, seed %d): mean %.2f (MC s.e. %.2f), SD %.2f seats\n",
			s.Scenarios, s.Seed, s.Mean.Value, s.Mean.SE, s.SD.Value)
		var qs []string
		for _, q := range s.Quantiles {
			qs = append(qs, fmt.Sprintf("%g%%: %d", 100*q.Level, q.Value))
		}
		ew.printf("  quantiles (seats): %s\n", strings.Join(qs, ", "))
		if s.AtLeastTarget != nil {
			ew.printf("  P(total >= %d seats) = %.3f (MC s.e. %.3f)\n", s.Target, s.AtLeastTarget.Value, s.AtLeastTarget.SE)
		}
	}

	ew.printf("\nParties (expected wins = sum of the party's win probabilities; entitlement = exact quota of seats\n" +
		"under the scenario's first quota rule, \"-\" without one)\n")
	rows := [][]string{{"party", "seats", "expected wins", "wins per seat", "entitlement"}}
	total := 0
	for _, pp := range p.Parties {
		per, ent := "-", "-"
		if pp.Seats > 0 {
			per = fmt.Sprintf("%.3f", pp.Expected/float64(pp.Seats))
		}
		if pp.Entitlement != nil {
			ent = fmt.Sprintf("%.2f", *pp.Entitlement)
		}
		rows = append(rows, []string{pp.Party, strconv.Itoa(pp.Seats), fmt.Sprintf("%.2f", pp.Expected), per, ent})
		total += pp.Seats
	}
	if sp := p.Separate; sp.Seats > 0 {
		rows = append(rows, []string{sp.Party, strconv.Itoa(sp.Seats), fmt.Sprintf("%.2f", sp.Expected), fmt.Sprintf("%.3f", sp.Expected/float64(sp.Seats)), "-"})
		total += sp.Seats
	}
	rows = append(rows, []string{"total", strconv.Itoa(total), fmt.Sprintf("%.2f", p.Expected), "", ""})
	ew.columns(rows, "lrrrr")

	if len(p.Constraints) > 0 {
		ew.printf("\nDemands and their prices (price = expected wins the alliance gains by relaxing the demand by one seat / by dropping it)\n")
		rows = [][]string{{"field", "demand", "value", "binding", "relax by 1", "drop"}}
		for _, c := range p.Constraints {
			relaxed := "-"
			if c.Relaxed != nil {
				relaxed = fmt.Sprintf("%.4f", *c.Relaxed)
			}
			rows = append(rows, []string{c.Field, c.Name, fmtNum(c.Value), yesNo(c.Binding), relaxed, fmt.Sprintf("%.4f", c.Dropped)})
		}
		ew.columns(rows, "llrlrr")
	}

	if len(p.Fairness) > 0 {
		ew.printf("\nFairness rules (price of fairness = best expected wins without the rule - with it, and as %% of the best)\n")
		rows = [][]string{{"field", "rule", "enforced", "violations", "best", "fair", "price", "price %"}}
		for _, rc := range p.Fairness {
			best, fair, price, rel := "-", "-", "-", "-"
			if pr := rc.Price; pr != nil {
				best, fair, price, rel = fmt.Sprintf("%.4f", pr.Best), fmt.Sprintf("%.4f", pr.Fair), fmt.Sprintf("%.4f", pr.Absolute), fmt.Sprintf("%.2f", 100*pr.Relative)
			}
			rows = append(rows, []string{rc.Field, rc.Name, yesNo(rc.Enforced), strconv.Itoa(len(rc.Violations)), best, fair, price, rel})
		}
		ew.columns(rows, "llllrrrr")
		for _, rc := range p.Fairness {
			for _, v := range rc.Violations {
				ew.printf("  %s violation: %s\n", rc.Field, v)
			}
		}
	}
	if len(p.Proportionality) > 0 {
		ew.printf("\nProportionality of the split against the claim of the first quota rule (indices in %% of seats;\n" +
			"WPROP1: seats + 1 >= proportional share; WEF1: no envy after removing one seat)\n")
		rows = [][]string{{"state", "claim", "Gallagher", "Loosemore-Hanby", "WPROP1", "WEF1"}}
		for _, sp := range p.Proportionality {
			rows = append(rows, []string{sp.State, sp.Claim, fmt.Sprintf("%.2f", 100*sp.Gallagher), fmt.Sprintf("%.2f", 100*sp.LoosemoreHanby), passFail(sp.WPROP1), passFail(sp.WEF1)})
		}
		ew.columns(rows, "llrrll")
	}

	ew.printf("\nSeats (strength = the party's base vote share in %%, and how it was estimated; P = win probability;\n" +
		"margin in vote-share points; regret = best member's P - P;\n" +
		"switch cost = expected wins lost by the best plan that gives the seat to the next best member)\n")
	rows = [][]string{{"seat", "name", "res", "party", "strength", "estimated", "P", "margin", "opponent", "next best", "its P", "regret", "switch cost", "locked"}}
	for _, s := range p.Seats {
		alt, altW, cost := "-", "-", "-"
		if s.Alternative != "" {
			alt, altW = s.Alternative, fmt.Sprintf("%.3f", s.AltW)
			cost = "infeasible"
			if c := s.switchCost(); c != nil {
				cost = fmt.Sprintf("%.4f", *c)
			}
		}
		opp := s.Opponent
		if opp == "" {
			opp = "-"
		}
		locked := ""
		if s.Locked {
			locked = "locked"
		}
		rows = append(rows, []string{s.ID.String(), s.Name, s.Category.String(), s.Party,
			fmt.Sprintf("%.1f", 100*s.Strength), s.Flags.String(), fmt.Sprintf("%.3f", s.W),
			fmt.Sprintf("%+.1f", 100*s.Margin), opp, alt, altW, fmt.Sprintf("%.3f", s.Regret), cost, locked})
	}
	ew.columns(rows, "llllrllrllrrrl")
	return ew.err
}

// WriteFrontier writes a negotiation frontier as a table: for each seat
// count of party in set, the best expected wins and the change from the
// previous count.
func WriteFrontier(w io.Writer, party, set string, pts []FrontierPoint) error {
	ew := &errWriter{w: w}
	ew.printf("Negotiation frontier: the alliance's best expected wins when %s gets exactly k seats of %s\n", party, set)
	rows := [][]string{{"k", "expected wins", "change"}}
	prev, havePrev := 0.0, false
	for _, pt := range pts {
		if !pt.Feasible {
			rows = append(rows, []string{strconv.Itoa(pt.Seats), "infeasible", pt.Reason})
			havePrev = false
			continue
		}
		change := ""
		if havePrev {
			change = signed4(pt.Expected - prev)
		}
		rows = append(rows, []string{strconv.Itoa(pt.Seats), fmt.Sprintf("%.4f", pt.Expected), change})
		prev, havePrev = pt.Expected, true
	}
	ew.columns(rows, "rrl")
	return ew.err
}

// WriteFrontierCSV writes a negotiation frontier as CSV with the columns
// seats, feasible, expected_wins (empty when infeasible) and reason.
func WriteFrontierCSV(w io.Writer, pts []FrontierPoint) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"seats", "feasible", "expected_wins", "reason"})
	for _, pt := range pts {
		e := ""
		if pt.Feasible {
			e = strconv.FormatFloat(pt.Expected, 'f', 6, 64)
		}
		cw.Write([]string{strconv.Itoa(pt.Seats), strconv.FormatBool(pt.Feasible), e, pt.Reason})
	}
	cw.Flush()
	return cw.Error()
}

// errWriter remembers the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// columns writes rows (the first is the header) with each column padded
// to its widest cell, aligned left ('l') or right ('r') as align says, two
// spaces between columns and no trailing space. Widths count runes.
func (e *errWriter) columns(rows [][]string, align string) {
	width := make([]int, len(align))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], len([]rune(c)))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		b.Reset()
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-len([]rune(c)))
			if j > 0 {
				b.WriteString("  ")
			}
			if align[j] == 'r' {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		e.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

// signed4 writes x with a sign and 4 decimals, without "-0.0000" for
// tiny negative numbers.
func signed4(x float64) string {
	s := fmt.Sprintf("%+.4f", x)
	if s == "-0.0000" {
		return "+0.0000"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// WriteEvaluation writes an Evaluation as a table: the proposal's and the
// optimum's expected wins, the demands the proposal breaks, its check
// against each fairness rule and its proportionality, and the seats where
// the two differ.
func WriteEvaluation(w io.Writer, ev *Evaluation) error {
	ew := &errWriter{w: w}
	ew.printf("Proposal: %.2f expected wins; best plan under the same demands: %.2f; gap %s\n", ev.Expected, ev.Optimum, signed4(ev.Gap))
	if len(ev.Violations) == 0 {
		ew.printf("The proposal meets every demand.\n")
	} else {
		ew.printf("The proposal breaks %d demand(s):\n", len(ev.Violations))
		for _, v := range ev.Violations {
			ew.printf("  %s\n", v)
		}
	}
	if len(ev.Fairness) > 0 {
		ew.printf("\nFairness rules\n")
	}
	for _, rc := range ev.Fairness {
		if len(rc.Violations) == 0 {
			ew.printf("  %s %s: met\n", rc.Field, rc.Name)
			continue
		}
		ew.printf("  %s %s: %d violation(s)\n", rc.Field, rc.Name, len(rc.Violations))
		for _, v := range rc.Violations {
			ew.printf("    %s\n", v)
		}
	}
	for _, sp := range ev.Proportionality {
		ew.printf("  proportionality in %s against %s: Gallagher %.2f%%, Loosemore-Hanby %.2f%%, WPROP1 %s, WEF1 %s\n",
			sp.State, sp.Claim, 100*sp.Gallagher, 100*sp.LoosemoreHanby, passFail(sp.WPROP1), passFail(sp.WEF1))
	}
	ew.printf("\nSeats where the proposal differs from the best plan (%d of %d; P = win probability)\n", ev.Differences, len(ev.Seats))
	rows := [][]string{{"seat", "name", "proposed", "P", "best plan", "P", "change"}}
	for _, s := range ev.Seats {
		if s.Party == s.Optimal {
			continue
		}
		rows = append(rows, []string{s.ID.String(), s.Name, s.Party, fmt.Sprintf("%.3f", s.W), s.Optimal, fmt.Sprintf("%.3f", s.OptimalW), fmt.Sprintf("%+.3f", s.OptimalW-s.W)})
	}
	ew.columns(rows, "lllrlrr")
	return ew.err
}

// WriteAlternatives writes the next best plans as a table: rank, expected
// wins, the loss against the optimum, and the seats that change hands.
func WriteAlternatives(w io.Writer, alts []AlternativePlan) error {
	ew := &errWriter{w: w}
	ew.printf("Next best plans (loss = expected wins below the optimal plan)\n")
	rows := [][]string{{"rank", "expected wins", "loss", "changes from the optimal plan"}}
	for _, a := range alts {
		var ch []string
		for _, c := range a.Changes {
			ch = append(ch, fmt.Sprintf("%s %s %s->%s", c.Seat, c.Name, c.From, c.To))
		}
		rows = append(rows, []string{strconv.Itoa(a.Rank), fmt.Sprintf("%.4f", a.Expected), fmt.Sprintf("%.4f", a.Loss), strings.Join(ch, "; ")})
	}
	ew.columns(rows, "rrrl")
	return ew.err
}

// WriteRobustness writes the ranges of the model's parameters over which
// the plan stays optimal, one line each.
func WriteRobustness(w io.Writer, ranges []Range) error {
	ew := &errWriter{w: w}
	ew.printf("Robustness: the plan stays optimal while each parameter alone moves within\n")
	for _, r := range ranges {
		lo, hi := fmt.Sprintf("%.4g", r.Lo), fmt.Sprintf("%.4g", r.Hi)
		if r.LoOpen {
			lo += " (search limit)"
		}
		if r.HiOpen {
			hi += " (search limit)"
		}
		ew.printf("  %s = %.4g: [%s, %s]\n", r.Parameter, r.Value, lo, hi)
	}
	return ew.err
}

// WriteWeightsCSV writes every candidacy of seats (Planner.Seats) as CSV,
// one row per seat and option: state, pc_no, pc_name, reserved, party,
// strength (the base vote share), strength_source (its Imputation flags,
// so imputed cells can be checked and overridden in the scenario), vote
// (the alliance vote), opponent, opponent_vote, margin and w.
func WriteWeightsCSV(w io.Writer, seats []SeatWeights) error {
	cw := csv.NewWriter(w)
	f6 := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	cw.Write([]string{"state", "pc_no", "pc_name", "reserved", "party", "strength", "strength_source", "vote", "opponent", "opponent_vote", "margin", "w"})
	for _, sw := range seats {
		for _, o := range sw.Options {
			cw.Write([]string{sw.ID.State, strconv.Itoa(sw.ID.No), sw.Name, sw.Category.String(), o.Party, f6(o.Strength), o.Flags.String(),
				f6(o.Vote), o.Opponent, f6(o.OpponentVote), f6(o.Margin), f6(o.W)})
		}
	}
	cw.Flush()
	return cw.Error()
}

// joinViolations writes violations as one field.
func joinViolations(vs []Violation) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = v.String()
	}
	return strings.Join(s, "; ")
}

// passFail writes "pass" for no failures and the failures otherwise.
func passFail(fails []string) string {
	if len(fails) == 0 {
		return "pass"
	}
	return "fail: " + strings.Join(fails, "; ")
}
