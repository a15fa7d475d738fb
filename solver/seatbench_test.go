package solver

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// seatbenchDoc is a small seatbench/2 instance: two states, three parties,
// four seats (seat 1 locked, seats 0 and 3 reserved), one row of each family.
const seatbenchDoc = `{"format":"seatbench/2",
"params":{"seats":4,"parties":3,"states":2,"seed":1},
"weight_scale":1000000,
"states":[{"id":0,"seats":2},{"id":1,"seats":2}],
"parties":[{"id":0,"kind":"national","states":[0,1],"min":1,"max":3},
           {"id":1,"kind":"regional","states":[0],"min":0,"max":2},
           {"id":2,"kind":"regional","states":[1],"min":0,"max":2}],
"state_bounds":[{"party":0,"state":1,"min":1,"max":-1}],
"rows":[{"name":"sc_p0","terms":[{"party":0,"state":-1,"cat":"SC","coef":1}],"sense":">=","rhs":1},
        {"name":"cr_p0_p1_s0","terms":[{"party":0,"state":0,"cat":"","coef":1},{"party":1,"state":0,"cat":"","coef":1}],"sense":">=","rhs":2},
        {"name":"tr_p0_s0_s1","terms":[{"party":0,"state":0,"cat":"","coef":1},{"party":0,"state":1,"cat":"SC","coef":-1}],"sense":"<=","rhs":1}],
"seats":[{"state":0,"lock":-1,"cat":"SC","parties":[0,1],"w":[0.25,0.5]},
         {"state":0,"lock":1,"cat":"GEN","parties":[0,1],"w":[0.125,0.75]},
         {"state":1,"lock":-1,"cat":"GEN","parties":[0,2],"w":[0.5,0.375]},
         {"state":1,"lock":-1,"cat":"SC","parties":[2],"w":[0.625]}],
"witness":[0,1,0,2]}`

func TestReadSeatbench(t *testing.T) {
	in, err := ReadSeatbenchInstance(strings.NewReader(seatbenchDoc))
	if err != nil {
		t.Fatal(err)
	}
	want := &SeatbenchInstance{
		Problem: &Problem{
			Items: []Item{
				{Name: "c0", Options: []Option{{0, 0.25}, {1, 0.5}}},
				{Name: "c1", Options: []Option{{0, 0.125}, {1, 0.75}}},
				{Name: "c2", Options: []Option{{0, 0.5}, {2, 0.375}}},
				{Name: "c3", Options: []Option{{2, 0.625}}},
			},
			Agents: []string{"p0", "p1", "p2"},
			Groups: []Group{
				{Name: "s0", Items: []int{0, 1}},
				{Name: "s1", Items: []int{2, 3}},
				{Name: "SC", Items: []int{0, 3}},
				{Name: "s1/SC", Items: []int{3}},
			},
			Bounds: []Bound{
				{Name: "nl0", Agent: 0, Group: AllItems, Min: 1, Max: 3},
				{Name: "nl1", Agent: 1, Group: AllItems, Min: 0, Max: 2},
				{Name: "nl2", Agent: 2, Group: AllItems, Min: 0, Max: 2},
				{Name: "sl0_1", Agent: 0, Group: 1, Min: 1, Max: Unlimited},
			},
			Rows: []Row{
				{Name: "sc_p0", Terms: []Term{{Agent: 0, Group: 2, Coef: 1}}, Sense: GreaterEq, RHS: 1},
				{Name: "cr_p0_p1_s0", Terms: []Term{{Agent: 0, Group: 0, Coef: 1}, {Agent: 1, Group: 0, Coef: 1}}, Sense: GreaterEq, RHS: 2},
				{Name: "tr_p0_s0_s1", Terms: []Term{{Agent: 0, Group: 0, Coef: 1}, {Agent: 0, Group: 3, Coef: -1}}, Sense: LessEq, RHS: 1},
			},
			Locks: []Pair{{Item: 1, Agent: 1}},
		},
		Witness:     []int{0, 1, 0, 2},
		WeightScale: 1000000,
	}
	if diff := cmp.Diff(want, in); diff != "" {
		t.Errorf("ReadSeatbenchInstance (-want +got):\n%s", diff)
	}
}

func TestReadSeatbenchErrors(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   [2]string // replace edit[0] by edit[1] in seatbenchDoc
		field  string
	}{
		{name: "format", reason: "only seatbench/1 and /2 are known", edit: [2]string{`"seatbench/2"`, `"seatbench/9"`}, field: "format"},
		{name: "rows in version 1", reason: "seatbench/1 has no rows", edit: [2]string{`"seatbench/2"`, `"seatbench/1"`}, field: "rows"},
		{name: "weight scale", reason: "the grid must be a positive integer", edit: [2]string{`"weight_scale":1000000`, `"weight_scale":0.5`}, field: "weight_scale"},
		{name: "state id", reason: "states are listed in id order", edit: [2]string{`{"id":1,"seats":2}`, `{"id":7,"seats":2}`}, field: "states[1].id"},
		{name: "party id", reason: "parties are listed in id order", edit: [2]string{`{"id":2,"kind"`, `{"id":0,"kind"`}, field: "parties[2].id"},
		{name: "seat state", reason: "state 5 does not exist", edit: [2]string{`{"state":1,"lock":-1,"cat":"SC"`, `{"state":5,"lock":-1,"cat":"SC"`}, field: "seats[3].state"},
		{name: "weights", reason: "one weight per party", edit: [2]string{`"w":[0.625]`, `"w":[0.625,1]`}, field: "seats[3].w"},
		{name: "seat category", reason: "categories are SC or GEN", edit: [2]string{`"cat":"GEN","parties":[0,1]`, `"cat":"ST","parties":[0,1]`}, field: "seats[1].cat"},
		{name: "bound state", reason: "state 4 does not exist", edit: [2]string{`"state":1,"min":1`, `"state":4,"min":1`}, field: "state_bounds[0].state"},
		{name: "sense", reason: "senses are <=, >= and =", edit: [2]string{`"sense":"<="`, `"sense":"<"`}, field: "rows[2].sense"},
		{name: "term state", reason: "state 3 does not exist", edit: [2]string{`"state":1,"cat":"SC","coef":-1`, `"state":3,"cat":"SC","coef":-1`}, field: "rows[2].terms[1].state"},
		{name: "term category", reason: "categories are empty, SC or GEN", edit: [2]string{`"cat":"SC","coef":1}],"sense":">="`, `"cat":"OBC","coef":1}],"sense":">="`}, field: "rows[0].terms[0].cat"},
		{name: "witness length", reason: "one party per seat", edit: [2]string{`"witness":[0,1,0,2]`, `"witness":[0,1,0]`}, field: "witness"},
		{name: "witness party", reason: "seat 3 has only party 2", edit: [2]string{`"witness":[0,1,0,2]`, `"witness":[0,1,0,1]`}, field: "witness[3]"},
		{name: "party of a seat", reason: "party 9 does not exist (Validate)", edit: [2]string{`"parties":[2],`, `"parties":[9],`}, field: "Items[3].Options[0].Agent"},
		{name: "syntax", reason: "not JSON", edit: [2]string{`"format":`, `"format"`}, field: "(document)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(seatbenchDoc, tt.edit[0], tt.edit[1], 1)
			if doc == seatbenchDoc {
				t.Fatalf("edit %q not found", tt.edit[0])
			}
			_, err := ReadSeatbench(strings.NewReader(doc))
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("ReadSeatbench error = %v, want a *ProblemError (%s)", err, tt.reason)
			}
			if pe.Field != tt.field {
				t.Errorf("field = %q, want %q (%s); error: %v", pe.Field, tt.field, tt.reason, err)
			}
		})
	}
}

func FuzzReadSeatbench(f *testing.F) {
	f.Add(seatbenchDoc)
	f.Add(strings.Replace(seatbenchDoc, `"seatbench/2"`, `"seatbench/1"`, 1))
	f.Add(`{"format":"seatbench/1","weight_scale":1,"states":[],"parties":[],"seats":[],"witness":[]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		in, err := ReadSeatbenchInstance(strings.NewReader(doc))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if err := in.Problem.Validate(); err != nil {
			t.Fatalf("accepted problem fails Validate: %v", err)
		}
		if len(in.Witness) != len(in.Problem.Items) {
			t.Fatalf("%d witness entries for %d items", len(in.Witness), len(in.Problem.Items))
		}
	})
}

// TestSeatbenchAnchors solves the laminar seatbench instances in
// SEATBENCH_DIR and compares the objective on the generator's 1e-6 grid with
// the optimum that LEMON, CLP and CBC agree on (../shared/bench/README.md).
func TestSeatbenchAnchors(t *testing.T) {
	dir := os.Getenv("SEATBENCH_DIR")
	if dir == "" {
		t.Skip("SEATBENCH_DIR is not set")
	}
	anchors := []struct {
		name  string
		micro int64
	}{
		{"india", 413752959},
		{"x10", 3981811317},
		{"x100", 40689602504},
	}
	for _, a := range anchors {
		t.Run(a.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, a.name+".json"))
			if err != nil {
				t.Skipf("instance %s: %v", a.name, err)
			}
			in, err := ReadSeatbenchInstance(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			res, err := Solve(context.Background(), in.Problem, nil)
			if err != nil {
				t.Fatal(err)
			}
			var micro int64
			for c, agent := range res.Assignment {
				for _, o := range in.Problem.Items[c].Options {
					if o.Agent == agent {
						micro += int64(math.Round(o.Weight * float64(in.WeightScale)))
					}
				}
			}
			if micro != a.micro {
				t.Errorf("objective %d micro-units, anchors agree on %d", micro, a.micro)
			}
			m, err := newModel(in.Problem, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(in.Problem.Items) <= 6000 {
				if msg := checkCertificate(in.Problem, m, res); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}
