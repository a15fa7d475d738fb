package solver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// resultDoc is the JSON result document as encoding/json decodes it.
type resultDoc struct {
	Format     string            `json:"format"`
	Status     string            `json:"status"`
	Objective  *float64          `json:"objective"`
	Assignment map[string]string `json:"assignment"`
	Error      string            `json:"error"`
	Infeasible *struct {
		Reason      string `json:"reason"`
		Irreducible bool   `json:"irreducible"`
		Conflict    []struct {
			Kind  string `json:"kind"`
			Index int    `json:"index"`
			Name  string `json:"name"`
		} `json:"conflict"`
	} `json:"infeasible"`
	Certificate *struct {
		Resolution  float64 `json:"resolution"`
		Objective   int64   `json:"objective"`
		Denominator int64   `json:"denominator"`
		Nodes       []struct {
			Parent int `json:"parent"`
			Branch *struct {
				Item  string `json:"item"`
				Agent string `json:"agent"`
			} `json:"branch"`
			Split *struct {
				Agent string `json:"agent"`
				Group int    `json:"group"`
				At    int    `json:"at"`
			} `json:"split"`
			Lock        bool    `json:"lock"`
			Leaf        bool    `json:"leaf"`
			Empty       bool    `json:"empty"`
			BoundPrices []int64 `json:"bound_prices"`
			RowPrices   []int64 `json:"row_prices"`
			SplitPrices []int64 `json:"split_prices"`
		} `json:"nodes"`
	} `json:"certificate"`
}

// TestWriteResultMatchesResult solves random problems and checks that the
// JSON document says what the Result and the error say.
func TestWriteResultMatchesResult(t *testing.T) {
	quarter := rapid.Custom(func(t *rapid.T) float64 { return float64(rapid.IntRange(-8, 8).Draw(t, "quarters")) / 4 })
	rapid.Check(t, func(t *rapid.T) {
		p := genProblemOf(t, quarter)
		res, err := Solve(context.Background(), p, nil)
		if res == nil {
			t.Fatalf("Solve: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteResult(&buf, p, res, err); err != nil {
			t.Fatalf("WriteResult: %v", err)
		}
		var doc resultDoc
		text := buf.String()
		back, rerr := ReadResult(bytes.NewReader(buf.Bytes()), p)
		if rerr != nil {
			t.Fatalf("ReadResult(WriteResult(r)): %v\n%s", rerr, text)
		}
		if diff := cmp.Diff(normaliseResult(res), back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ReadResult(WriteResult(r)) mismatch (-want +got):\n%s\n%s", diff, text)
		}
		if (Verify(p, res) == nil) != (Verify(p, back) == nil) {
			t.Fatalf("Verify(r) = %v but Verify(ReadResult(WriteResult(r))) = %v", Verify(p, res), Verify(p, back))
		}
		if !json.Valid(buf.Bytes()) {
			t.Fatalf("not JSON:\n%s", buf.String())
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("decoding: %v\n%s", err, buf.String())
		}
		if doc.Format != ResultFormat || doc.Status != res.Status.String() {
			t.Fatalf("format %q status %q, want %q %q", doc.Format, doc.Status, ResultFormat, res.Status)
		}
		if res.Assignment == nil {
			if doc.Objective != nil || doc.Assignment != nil {
				t.Fatalf("objective %v assignment %v, want null for a result without assignment", doc.Objective, doc.Assignment)
			}
		} else {
			want := map[string]string{}
			for i, a := range res.Assignment {
				want[p.Items[i].Name] = p.Agents[a]
			}
			if diff := cmp.Diff(want, doc.Assignment); diff != "" || doc.Objective == nil || *doc.Objective != res.Objective {
				t.Fatalf("objective %v (want %v), assignment (-want +got):\n%s", doc.Objective, res.Objective, diff)
			}
		}
		var ie *InfeasibleError
		if errors.As(err, &ie) {
			if doc.Infeasible == nil || doc.Infeasible.Reason != ie.Reason || len(doc.Infeasible.Conflict) != len(ie.Conflict) {
				t.Fatalf("infeasible = %+v, want %+v", doc.Infeasible, ie)
			}
			for k, c := range ie.Conflict {
				if got := doc.Infeasible.Conflict[k]; got.Kind != c.Kind.String() || got.Index != c.Index {
					t.Fatalf("conflict[%d] = %+v, want %v %d", k, got, c.Kind, c.Index)
				}
			}
		} else if doc.Infeasible != nil {
			t.Fatalf("infeasible member without an InfeasibleError")
		}
		if (err != nil) != (doc.Error != "") {
			t.Fatalf("error member %q for error %v", doc.Error, err)
		}
		c := res.Certificate
		if (c == nil) != (doc.Certificate == nil) {
			t.Fatalf("certificate %v written as %v", c, doc.Certificate)
		}
		if c == nil {
			return
		}
		dc := doc.Certificate
		if dc.Resolution != c.Resolution || dc.Objective != c.Objective || dc.Denominator != c.Denominator || len(dc.Nodes) != len(c.Nodes) {
			t.Fatalf("certificate header %+v, want %+v", dc, c)
		}
		for k, nd := range c.Nodes {
			got := dc.Nodes[k]
			if got.Parent != nd.Parent || got.Leaf != nd.Leaf || got.Empty != nd.Empty || (k > 0 && got.Lock != nd.Lock) {
				t.Fatalf("node %d = %+v, want %+v", k, got, nd)
			}
			switch sp := nd.Split; {
			case k > 0 && sp != nil:
				if got.Branch != nil || got.Split == nil || got.Split.Agent != p.Agents[sp.Agent] || got.Split.Group != sp.Group || got.Split.At != sp.At {
					t.Fatalf("node %d branch %+v, split %+v, want split %+v", k, got.Branch, got.Split, sp)
				}
			case k > 0 && (got.Split != nil || got.Branch == nil || got.Branch.Item != p.Items[nd.Branch.Item].Name || got.Branch.Agent != p.Agents[nd.Branch.Agent]):
				t.Fatalf("node %d branch = %+v, split %+v, want %+v", k, got.Branch, got.Split, nd.Branch)
			}
			if nd.Leaf {
				if diff := cmp.Diff(nd.BoundPrices, got.BoundPrices, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("node %d bound prices (-want +got):\n%s", k, diff)
				}
				if diff := cmp.Diff(nd.RowPrices, got.RowPrices, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("node %d row prices (-want +got):\n%s", k, diff)
				}
				if diff := cmp.Diff(nd.SplitPrices, got.SplitPrices, cmpopts.EquateEmpty()); diff != "" {
					t.Fatalf("node %d split prices (-want +got):\n%s", k, diff)
				}
			}
		}
	})
}

func TestWriteResultErrors(t *testing.T) {
	p := &Problem{Agents: []string{"A"}, Items: []Item{{Name: "i", Options: []Option{{Agent: 0, Weight: 1}}}}}
	tests := []struct {
		name   string
		reason string
		p      *Problem
		r      *Result
		field  string
	}{
		{"short assignment", "one agent per item", p, &Result{Assignment: []int{}}, "Result.Assignment"},
		{"agent range", "agents are indices into p.Agents", p, &Result{Assignment: []int{1}}, "Result.Assignment[0]"},
		{"branch range", "branch pairs are checked", p, &Result{Certificate: &Certificate{Nodes: []Node{{Parent: -1}, {Branch: Pair{Item: 2}}}}}, "Result.Certificate.Nodes[1].Branch"},
		{"unnamed item", "assignments are keyed by item name", &Problem{Items: []Item{{}}}, &Result{}, "Items[0].Name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteResult(&buf, tt.p, tt.r, nil)
			var pe *ProblemError
			if !errors.As(err, &pe) || pe.Field != tt.field {
				t.Fatalf("WriteResult = %v, want a *ProblemError on %s (%s)", err, tt.field, tt.reason)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteResult wrote %q before failing", buf.String())
			}
		})
	}
}

// TestResultJSONEmptyLeaf checks that an Empty leaf survives a round trip
// through WriteResult and ReadResult, and that the flag is written only on
// the node that has it.
// roundTrip writes r, reads it back, checks that nothing changed and that
// Verify accepts what it read, and returns the text.
func roundTrip(t *testing.T, p *Problem, r *Result) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteResult(&buf, p, r, nil); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	back, err := ReadResult(&buf, p)
	if err != nil {
		t.Fatalf("ReadResult(WriteResult(r)): %v\n%s", err, text)
	}
	if diff := cmp.Diff(normaliseResult(r), back, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
	}
	if err := Verify(p, back); err != nil {
		t.Errorf("Verify(ReadResult(WriteResult(r))) = %v", err)
	}
	return text
}

func TestResultJSONEmptyLeaf(t *testing.T) {
	p := emptyProblem()
	text := roundTrip(t, p, emptyResult())
	if n := strings.Count(text, `"empty"`); n != 1 || !strings.Contains(text, `"lock": true, "leaf": true, "empty": true, "bound_prices": [], "row_prices": [1]}`) {
		t.Fatalf("WriteResult wrote %d empty flags, want 1 on the locking leaf:\n%s", n, text)
	}
	// Without the flag the same prices do not prove the optimum.
	noFlag := strings.Replace(text, `, "empty": true`, "", 1)
	back, err := ReadResult(strings.NewReader(noFlag), p)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(p, back); !errors.Is(err, ErrCertificate) {
		t.Errorf("Verify without the empty flag = %v, want a rejection", err)
	}
}

// TestResultJSONSplit round-trips a certificate with a count split.
func TestResultJSONSplit(t *testing.T) {
	p := rowProblem()
	text := roundTrip(t, p, splitResult())
	for _, want := range []string{
		`"split": {"agent": "A", "group": -1, "at": 1}, "lock": true, "leaf": true, "bound_prices": [], "row_prices": [0], "split_prices": [1]}`,
		`"split": {"agent": "A", "group": -1, "at": 1}, "lock": false, "leaf": true, "empty": true, "bound_prices": [], "row_prices": [1], "split_prices": [-1]}`,
	} {
		if !strings.Contains(text, want) {
			t.Fatalf("WriteResult lacks %s:\n%s", want, text)
		}
	}
	bad := strings.Replace(text, `"group": -1`, `"group": 3`, 1)
	if _, err := ReadResult(strings.NewReader(bad), p); !errors.Is(err, ErrInvalid) {
		t.Errorf("ReadResult with split group 3 of 0 groups = %v, want an error wrapping ErrInvalid", err)
	}
}

func TestWriteResultNil(t *testing.T) {
	p := &Problem{Agents: []string{"A"}}
	var buf bytes.Buffer
	if err := WriteResult(&buf, p, nil, context.DeadlineExceeded); err != nil {
		t.Fatal(err)
	}
	want := `{
  "format": "alliance-solver-result/1",
  "status": "Unknown",
  "objective": null,
  "assignment": null,
  "stats": {"method": "Auto", "runtime_seconds": 0, "nodes": 0, "flow_solves": 0, "augmentations": 0},
  "error": "context deadline exceeded",
  "certificate": null
}
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("WriteResult(nil result) mismatch (-want +got):\n%s", diff)
	}
}

// normaliseResult returns a copy of r as ReadResult gives it back: the
// run time to the nanosecond, no prices on inner nodes, no branch on the
// root.
func normaliseResult(r *Result) *Result {
	out := *r
	out.Stats.Runtime = time.Duration(math.Round(r.Stats.Runtime.Seconds() * 1e9))
	if r.Certificate != nil {
		c := *r.Certificate
		c.Nodes = slices.Clone(c.Nodes)
		for k := range c.Nodes {
			if !c.Nodes[k].Leaf {
				c.Nodes[k].BoundPrices, c.Nodes[k].RowPrices = nil, nil
			}
			if k == 0 {
				c.Nodes[k].Branch, c.Nodes[k].Lock = Pair{}, false
			}
		}
		out.Certificate = &c
	}
	return &out
}

func TestReadResultErrors(t *testing.T) {
	p := &Problem{Agents: []string{"A", "B"}, Items: []Item{{Name: "i", Options: []Option{{Agent: 0, Weight: 1}}}, {Name: "j", Options: []Option{{Agent: 1, Weight: 1}}}}}
	const head = `"format": "alliance-solver-result/1", "status": "Optimal", "stats": {"method": "Flow", "runtime_seconds": 0, "nodes": 1, "flow_solves": 1, "augmentations": 0}, `
	tests := []struct {
		name   string
		reason string
		doc    string
		field  string
		msg    string
	}{
		{"format", "the version is checked", `{"format": "alliance-solver/1"}`, "format", "is not"},
		{"status", "statuses are named", `{"format": "alliance-solver-result/1", "status": "Great"}`, "status", "unknown status"},
		{"unknown item", "assignments name items", `{` + head + `"objective": 2, "assignment": {"k": "A"}, "certificate": null}`, "assignment.k", `unknown item "k"`},
		{"unknown agent", "assignments name agents", `{` + head + `"objective": 2, "assignment": {"i": "C", "j": "B"}, "certificate": null}`, "assignment.i", `unknown agent "C"`},
		{"twice", "an item once", `{` + head + `"objective": 2, "assignment": {"i": "A", "i": "B"}, "certificate": null}`, "assignment.i", "assigned twice"},
		{"missing item", "every item", `{` + head + `"objective": 2, "assignment": {"i": "A"}, "certificate": null}`, "assignment", `item "j" has no agent`},
		{"objective without assignment", "both or neither", `{` + head + `"objective": 2, "assignment": null, "certificate": null}`, "objective", "both"},
		{"missing certificate", "certificate is required (null for none)", `{` + head + `"objective": null, "assignment": null}`, "certificate", "missing required"},
		{"method", "methods are named", `{"format": "alliance-solver-result/1", "status": "Optimal", "stats": {"method": "Simplex"}}`, "stats.method", "unknown method"},
		{"price", "prices are integers", `{` + head + `"objective": null, "assignment": null, "certificate": {"resolution": 1, "objective": 0, "denominator": 1, "nodes": [{"parent": -1, "leaf": true, "bound_prices": [1.5]}]}}`, "certificate.nodes[0].bound_prices[0]", "want an integer"},
		{"branch", "branches name items", `{` + head + `"objective": null, "assignment": null, "certificate": {"resolution": 1, "objective": 0, "denominator": 1, "nodes": [{"parent": 0, "branch": {"item": "z", "agent": "A"}, "leaf": true}]}}`, "certificate.nodes[0].branch.item", "unknown item"},
		{"conflict kind", "kinds are named", `{` + head + `"objective": null, "assignment": null, "infeasible": {"reason": "", "irreducible": true, "conflict": [{"kind": "bound", "index": 0}]}, "certificate": null}`, "infeasible.conflict[0].kind", "unknown constraint kind"},
		{"trailing", "one document", `{` + head + `"objective": null, "assignment": null, "certificate": null} 1`, "(document)", "trailing data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ReadResult(strings.NewReader(tt.doc), p)
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("ReadResult = %+v, %v; want a *ProblemError (%s)", r, err, tt.reason)
			}
			if pe.Field != tt.field || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("ReadResult error = %q: %q, want field %q and a message containing %q (%s)", pe.Field, pe.Msg, tt.field, tt.msg, tt.reason)
			}
		})
	}
}

func FuzzReadResult(f *testing.F) {
	p, err := ReadProblem(strings.NewReader(`{"format": "alliance-solver/1", "agents": ["A", "B"],
	  "items": [{"name": "i", "options": {"A": 1, "B": 0.5}}, {"name": "j", "options": {"B": 2}}],
	  "bounds": [{"agent": "B", "min": 0, "max": 1}], "rows": [{"terms": [{"agent": "A", "coef": 1}], "sense": "<=", "rhs": 1}]}`))
	if err != nil {
		f.Fatal(err)
	}
	res, serr := Solve(context.Background(), p, nil)
	if res == nil {
		f.Fatal(serr)
	}
	var buf bytes.Buffer
	if err := WriteResult(&buf, p, res, serr); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	buf.Reset()
	if err := WriteResult(&buf, p, &Result{Status: Optimal, Objective: 0.5, Assignment: []int{1, 1}, Certificate: &Certificate{
		Resolution: 1e-9, Objective: 500000000, Denominator: 1, Nodes: []Node{
			{Parent: -1},
			{Parent: 0, Branch: Pair{0, 0}, Lock: true, Leaf: true, Empty: true, BoundPrices: []int64{0}, RowPrices: []int64{1}},
			{Parent: 0, Branch: Pair{0, 0}, Lock: false, Leaf: true, BoundPrices: []int64{0}, RowPrices: []int64{0}},
		}}}, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	buf.Reset()
	// A count split: A gets at most 0 or at least 1 of all items.
	if err := WriteResult(&buf, p, &Result{Status: Optimal, Objective: 0.5, Assignment: []int{1, 1}, Certificate: &Certificate{
		Resolution: 1e-9, Objective: 500000000, Denominator: 1, Nodes: []Node{
			{Parent: -1},
			{Parent: 0, Split: &Split{Agent: 0, Group: AllItems, At: 0}, Lock: true, Leaf: true, BoundPrices: []int64{0}, RowPrices: []int64{0}, SplitPrices: []int64{1}},
			{Parent: 0, Split: &Split{Agent: 0, Group: AllItems, At: 0}, Lock: false, Leaf: true, BoundPrices: []int64{0}, RowPrices: []int64{1}, SplitPrices: []int64{-1}},
		}}}, nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadResult(bytes.NewReader(data), p)
		if err != nil {
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("ReadResult error %v is not a *ProblemError wrapping ErrInvalid", err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("ReadResult accepted invalid JSON %q", data)
		}
		// Whatever Verify says, it must not panic on what ReadResult accepts.
		_ = Verify(p, r)
		var buf bytes.Buffer
		if err := WriteResult(&buf, p, r, nil); err != nil {
			t.Fatalf("WriteResult of a read result: %v", err)
		}
		back, err := ReadResult(&buf, p)
		if err != nil {
			t.Fatalf("ReadResult(WriteResult(r)): %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(normaliseResult(r), back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
