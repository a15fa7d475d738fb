package seatshare

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/coalitionlab/alliance/solver"
)

// ReadProposal reads a proposed plan, such as the deal the parties signed,
// from CSV: a header naming the columns state, pc_no and party (in any
// order, each once, other columns ignored) and one row per seat. Errors
// are *ParseError values naming the source, the line and the column: a
// missing column, an empty field, a pc_no that is not a positive integer,
// or a seat listed twice. Whether the seats and parties fit a scenario is
// checked by Planner.Evaluate.
func ReadProposal(r io.Reader, name string) ([]Pin, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Row: 1, Err: errors.New("empty file (want a header with state, pc_no and party)")}
	}
	if err != nil {
		return nil, &ParseError{File: name, Row: 1, Err: err}
	}
	col := map[string]int{"state": -1, "pc_no": -1, "party": -1}
	for j, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if k, ok := col[h]; ok {
			if k >= 0 {
				return nil, &ParseError{File: name, Row: 1, Field: h, Err: errors.New("column repeats")}
			}
			col[h] = j
		}
	}
	for _, h := range []string{"state", "pc_no", "party"} {
		if col[h] < 0 {
			return nil, &ParseError{File: name, Row: 1, Field: h, Err: errors.New("missing column")}
		}
	}
	var pins []Pin
	seen := make(map[SeatID]int)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, &ParseError{File: name, Row: line, Err: err}
		}
		line, _ := cr.FieldPos(0)
		for _, h := range []string{"state", "pc_no", "party"} {
			if strings.TrimSpace(rec[col[h]]) == "" {
				return nil, &ParseError{File: name, Row: line, Field: h, Err: errors.New("empty")}
			}
		}
		no, err := strconv.Atoi(strings.TrimSpace(rec[col["pc_no"]]))
		if err != nil || no < 1 {
			return nil, &ParseError{File: name, Row: line, Field: "pc_no", Err: fmt.Errorf("%q is not a constituency number", rec[col["pc_no"]])}
		}
		pin := Pin{State: strings.TrimSpace(rec[col["state"]]), No: no, Party: strings.TrimSpace(rec[col["party"]])}
		id := SeatID{pin.State, pin.No}
		if prev, dup := seen[id]; dup {
			return nil, &ParseError{File: name, Row: line, Field: "pc_no", Err: fmt.Errorf("seat %v is already on line %d", id, prev)}
		}
		seen[id] = line
		pins = append(pins, pin)
	}
	if len(pins) == 0 {
		return nil, &ParseError{File: name, Row: 2, Err: errors.New("no seats")}
	}
	return pins, nil
}

// Evaluation compares a proposed plan with the optimum under the same
// demands.
type Evaluation struct {
	// Expected is the proposal's expected wins; Optimum is the best plan's
	// under the scenario's demands, and Gap = Optimum - Expected (negative
	// only when the proposal breaks a demand).
	Expected float64 `json:"expected"`
	Optimum  float64 `json:"optimum"`
	Gap      float64 `json:"gap"`
	// Seats has one entry per seat, sorted by SeatID.
	Seats []SeatEvaluation `json:"seats"`
	// Differences is the number of seats where the proposal and the
	// optimal plan field different parties.
	Differences int `json:"differences"`
	// Violations lists the scenario's demands, rows, locks and vetoes that
	// the proposal breaks, by field and name, with the proposal's value.
	Violations []string `json:"violations"`
	// Fairness checks the proposal against each of the scenario's fairness
	// rules (no prices: the proposal is not an optimum), and
	// Proportionality measures its split as Plan.Proportionality does.
	Fairness        []RuleCheck            `json:"fairness"`
	Proportionality []StateProportionality `json:"proportionality,omitempty"`
}

// SeatEvaluation is one seat of an Evaluation.
type SeatEvaluation struct {
	ID   SeatID `json:"-"`
	Name string `json:"name"`
	// Party is the proposal's party, W its win probability; Optimal and
	// OptimalW are the optimal plan's.
	Party    string  `json:"party"`
	W        float64 `json:"w"`
	Optimal  string  `json:"optimal"`
	OptimalW float64 `json:"optimal_w"`
}

// Evaluate scores a proposed plan (one Pin per seat of the planner, as
// ReadProposal returns) against the optimum under the same demands. It
// returns a *ScenarioError naming the proposal's element
// ("proposal[3].party") when a seat is not among the planner's seats, a
// party may not contest it, or a seat of the planner is missing; and an
// *InfeasibleError when the demands themselves cannot be met. It costs one
// solve.
func (p *Planner) Evaluate(ctx context.Context, proposal []Pin) (*Evaluation, error) {
	x := make([]int, len(p.seats))
	for i := range x {
		x[i] = -1
	}
	for k, pin := range proposal {
		f := fmt.Sprintf("proposal[%d]", k)
		i, ok := p.seatIndex(SeatID{pin.State, pin.No})
		if !ok {
			return nil, serr(f+".pc_no", "no seat %s/%d among the scenario's seats", pin.State, pin.No)
		}
		if x[i] >= 0 {
			return nil, serr(f+".pc_no", "seat %v is proposed twice", p.seats[i].ID)
		}
		if !slices.ContainsFunc(p.seats[i].Options, func(o CandidateWeight) bool { return o.Party == pin.Party }) {
			return nil, serr(f+".party", "party %q may not contest %v", pin.Party, p.seats[i].ID)
		}
		x[i] = slices.Index(p.agents, pin.Party)
	}
	for i, a := range x {
		if a < 0 {
			return nil, serr("proposal", "seat %v has no party", p.seats[i].ID)
		}
	}
	res, err := p.solve(ctx, p.problem)
	if err != nil {
		return nil, err
	}
	ev := &Evaluation{}
	for i, sw := range p.seats {
		w := func(a int) float64 {
			k := slices.IndexFunc(sw.Options, func(o CandidateWeight) bool { return o.Party == p.agents[a] })
			return sw.Options[k].W
		}
		se := SeatEvaluation{ID: sw.ID, Name: sw.Name, Party: p.agents[x[i]], W: w(x[i]), Optimal: p.agents[res.Assignment[i]], OptimalW: w(res.Assignment[i])}
		ev.Expected += se.W
		ev.Optimum += se.OptimalW
		if se.Party != se.Optimal {
			ev.Differences++
		}
		ev.Seats = append(ev.Seats, se)
	}
	ev.Gap = ev.Optimum - ev.Expected
	ev.Violations = p.violations(x)
	proposed := p.planOf(x)
	for _, br := range p.rules {
		vs := br.rule.Check(proposed)
		if vs == nil {
			vs = []Violation{}
		}
		_, linear := br.rule.(LinearRule)
		ev.Fairness = append(ev.Fairness, RuleCheck{Field: br.field, Name: br.rule.Name(), Enforced: linear, Violations: vs})
	}
	if ev.Proportionality, err = p.proportionality(proposed); err != nil {
		return nil, err
	}
	return ev, nil
}

// violations lists the constraints of p.problem that assignment x breaks.
func (p *Planner) violations(x []int) []string {
	prob := p.problem
	counts := p.counts(x)
	var out []string
	for _, c := range p.constraints {
		var broken bool
		var value string
		switch c.kind {
		case DemandKind:
			var n int
			n, _, broken = p.demandValue(c, counts)
			value = fmt.Sprintf("%d seats", n)
		case RowKind:
			r := prob.Rows[c.index]
			lhs := rowLHS(r, x, counts)
			switch r.Sense {
			case solver.LessEq:
				broken = lhs > r.RHS
			case solver.GreaterEq:
				broken = lhs < r.RHS
			case solver.Equal:
				broken = lhs != r.RHS
			}
			value = strconv.FormatFloat(lhs, 'g', -1, 64)
		case LockKind:
			l := prob.Locks[c.index]
			broken = x[l.Item] != l.Agent
			value = p.agents[x[l.Item]] + " contests it"
		case VetoKind:
			v := prob.Vetoes[c.index]
			broken = x[v.Item] == v.Agent
			value = p.agents[x[v.Item]] + " contests it"
		}
		if broken {
			out = append(out, fmt.Sprintf("%s %s: %s", c.field, c.name, value))
		}
	}
	return out
}
