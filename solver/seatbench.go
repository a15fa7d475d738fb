package solver

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// SeatbenchInstance is a benchmark instance of the seatbench generator
// (formats "seatbench/1" and "seatbench/2") read into a Problem.
type SeatbenchInstance struct {
	// Problem is the instance as a solver problem; see ReadSeatbench.
	Problem *Problem
	// Witness is the generator's feasible assignment, one agent per item.
	Witness []int
	// WeightScale is the generator's weight grid: every weight is an exact
	// multiple of 1/WeightScale.
	WeightScale int64
}

// ReadSeatbench reads a seatbench instance and returns its Problem; it is
// the converter from the bench generator's JSON to this package's problem
// type. See ReadSeatbenchInstance for the mapping.
func ReadSeatbench(r io.Reader) (*Problem, error) {
	in, err := ReadSeatbenchInstance(r)
	if err != nil {
		return nil, err
	}
	return in.Problem, nil
}

// ReadSeatbenchInstance reads a seatbench instance (the JSON written by the
// generator in the seatbench suite, format "seatbench/1" or "seatbench/2")
// with its witness.
//
// The mapping: seat c is item "c<c>" and party p is agent "p<p>"; a seat's
// options are its parties with their weights, in file order. State s is
// group "s<s>". Each party's national [min, max] becomes a Bound on
// AllItems named "nl<p>", and each state bound a Bound on the state's group
// named "sl<p>_<s>" (max -1 is Unlimited). A locked seat gives a Lock. Each
// side row of seatbench/2 becomes a Row with the same name, sense and
// right-hand side, and one Term per term: its group is AllItems for state
// -1 and category "", the state's group for category "", and otherwise the
// group "SC" or "GEN" of the seats of that category, restricted to the
// state ("s<s>/SC") when the state is not -1. These category groups are
// created, in order of first use, only when a row needs them.
//
// Errors are *ProblemError values wrapping ErrInvalid. Errors of the
// document name the JSON path of the offending value, such as
// "seats[3].w"; structural errors of the resulting problem are those of
// Problem.Validate and name the Problem field, such as
// "Items[3].Options[1].Agent". ReadSeatbenchInstance takes time linear in
// the size of the document.
func ReadSeatbenchInstance(r io.Reader) (*SeatbenchInstance, error) {
	var doc struct {
		Format      string  `json:"format"`
		WeightScale float64 `json:"weight_scale"`
		States      []struct {
			ID    int `json:"id"`
			Seats int `json:"seats"`
		} `json:"states"`
		Parties []struct {
			ID  int `json:"id"`
			Min int `json:"min"`
			Max int `json:"max"`
		} `json:"parties"`
		StateBounds []struct {
			Party int `json:"party"`
			State int `json:"state"`
			Min   int `json:"min"`
			Max   int `json:"max"`
		} `json:"state_bounds"`
		Rows []struct {
			Name  string `json:"name"`
			Terms []struct {
				Party int     `json:"party"`
				State int     `json:"state"`
				Cat   string  `json:"cat"`
				Coef  float64 `json:"coef"`
			} `json:"terms"`
			Sense string  `json:"sense"`
			RHS   float64 `json:"rhs"`
		} `json:"rows"`
		Seats []struct {
			State   int       `json:"state"`
			Lock    int       `json:"lock"`
			Cat     string    `json:"cat"`
			Parties []int     `json:"parties"`
			W       []float64 `json:"w"`
		} `json:"seats"`
		Witness []int `json:"witness"`
	}
	if err := json.NewDecoder(r).Decode(&doc); err != nil {
		return nil, perr("(document)", "%v", err)
	}
	if doc.Format != "seatbench/1" && doc.Format != "seatbench/2" {
		return nil, perr("format", "format %q is not seatbench/1 or seatbench/2", doc.Format)
	}
	if doc.Format == "seatbench/1" && len(doc.Rows) > 0 {
		return nil, perr("rows", "seatbench/1 has no rows")
	}
	scale := doc.WeightScale
	if scale != math.Trunc(scale) || scale < 1 || scale > 1<<53 {
		return nil, perr("weight_scale", "weight scale %v is not a positive integer", scale)
	}
	nStates, nParties := len(doc.States), len(doc.Parties)
	p := &Problem{
		Agents: make([]string, nParties),
		Items:  make([]Item, len(doc.Seats)),
		Groups: make([]Group, nStates),
	}
	for s, st := range doc.States {
		if st.ID != s {
			return nil, perr(fmt.Sprintf("states[%d].id", s), "id %d is not the state's index %d", st.ID, s)
		}
		p.Groups[s] = Group{Name: "s" + strconv.Itoa(s)}
	}
	for k, pt := range doc.Parties {
		if pt.ID != k {
			return nil, perr(fmt.Sprintf("parties[%d].id", k), "id %d is not the party's index %d", pt.ID, k)
		}
		p.Agents[k] = "p" + strconv.Itoa(k)
	}
	options := make([]Option, 0, 4*len(doc.Seats))
	for c, st := range doc.Seats {
		f := fmt.Sprintf("seats[%d]", c)
		if st.State < 0 || st.State >= nStates {
			return nil, perr(f+".state", "state %d out of range [0, %d)", st.State, nStates)
		}
		if len(st.W) != len(st.Parties) {
			return nil, perr(f+".w", "%d weights for %d parties", len(st.W), len(st.Parties))
		}
		if st.Cat != "" && st.Cat != "SC" && st.Cat != "GEN" {
			return nil, perr(f+".cat", "category %q is not SC or GEN", st.Cat)
		}
		first := len(options)
		for j, a := range st.Parties {
			options = append(options, Option{Agent: a, Weight: st.W[j]})
		}
		p.Items[c] = Item{Name: "c" + strconv.Itoa(c), Options: options[first:len(options):len(options)]}
		p.Groups[st.State].Items = append(p.Groups[st.State].Items, c)
		if st.Lock != -1 {
			p.Locks = append(p.Locks, Pair{Item: c, Agent: st.Lock})
		}
	}
	for k, pt := range doc.Parties {
		p.Bounds = append(p.Bounds, Bound{Name: "nl" + strconv.Itoa(k), Agent: k, Group: AllItems, Min: pt.Min, Max: pt.Max})
	}
	for j, sb := range doc.StateBounds {
		if sb.State < 0 || sb.State >= nStates {
			return nil, perr(fmt.Sprintf("state_bounds[%d].state", j), "state %d out of range [0, %d)", sb.State, nStates)
		}
		p.Bounds = append(p.Bounds, Bound{
			Name:  fmt.Sprintf("sl%d_%d", sb.Party, sb.State),
			Agent: sb.Party, Group: sb.State, Min: sb.Min, Max: sb.Max,
		})
	}
	catGroup := map[string]int{} // "SC", "s3/SC" -> group index
	groupOf := func(state int, cat string) int {
		name := cat
		if state >= 0 {
			name = "s" + strconv.Itoa(state) + "/" + cat
		}
		if g, ok := catGroup[name]; ok {
			return g
		}
		g := Group{Name: name}
		for c, st := range doc.Seats {
			if st.Cat == cat && (state < 0 || st.State == state) {
				g.Items = append(g.Items, c)
			}
		}
		p.Groups = append(p.Groups, g)
		catGroup[name] = len(p.Groups) - 1
		return len(p.Groups) - 1
	}
	for r, row := range doc.Rows {
		f := fmt.Sprintf("rows[%d]", r)
		pr := Row{Name: row.Name, RHS: row.RHS}
		switch row.Sense {
		case "<=":
			pr.Sense = LessEq
		case ">=":
			pr.Sense = GreaterEq
		case "=", "==":
			pr.Sense = Equal
		default:
			return nil, perr(f+".sense", "sense %q is not <=, >= or =", row.Sense)
		}
		for j, t := range row.Terms {
			tf := fmt.Sprintf("%s.terms[%d]", f, j)
			if t.State < -1 || t.State >= nStates {
				return nil, perr(tf+".state", "state %d out of range [-1, %d)", t.State, nStates)
			}
			g := AllItems
			switch {
			case t.Cat != "" && t.Cat != "SC" && t.Cat != "GEN":
				return nil, perr(tf+".cat", "category %q is not \"\", SC or GEN", t.Cat)
			case t.Cat != "":
				g = groupOf(t.State, t.Cat)
			case t.State >= 0:
				g = t.State
			}
			pr.Terms = append(pr.Terms, Term{Agent: t.Party, Group: g, Coef: t.Coef})
		}
		p.Rows = append(p.Rows, pr)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(doc.Witness) != len(doc.Seats) {
		return nil, perr("witness", "%d entries for %d seats", len(doc.Witness), len(doc.Seats))
	}
	for c, a := range doc.Witness {
		if !slices.Contains(doc.Seats[c].Parties, a) {
			return nil, perr(fmt.Sprintf("witness[%d]", c), "party %d is not eligible for the seat", a)
		}
	}
	return &SeatbenchInstance{Problem: p, Witness: doc.Witness, WeightScale: int64(scale)}, nil
}
