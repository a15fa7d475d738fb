package solver

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// ioGenName draws short names that exercise JSON escaping.
var ioGenName = rapid.OneOf(
	rapid.StringMatching(`[A-Za-z][A-Za-z0-9 ]{0,5}`),
	rapid.StringOfN(rapid.Rune(), 1, 5, -1),
	rapid.SampledFrom([]string{`a"b`, `back\slash`, "new\nline", "tab\t", "<=", "Rae Bareli", "ñ", "\u2028", "x.y"}),
)

// ioGenWeight draws finite floats including the awkward ones.
var ioGenWeight = rapid.OneOf(
	rapid.Float64(),
	rapid.Float64Range(-1, 1),
	rapid.SampledFrom([]float64{0, math.Copysign(0, -1), 0.1, 1e-9, 5e-324, math.MaxFloat64, -math.SmallestNonzeroFloat64, 1e21, 123456789.123456789}),
)

// genNamedProblem draws a valid problem in which every agent, item and
// group has a name, as the JSON format needs.
func genNamedProblem(t *rapid.T) *Problem { return genProblemOf(t, ioGenWeight) }

// genProblemOf is genNamedProblem with weights, coefficients and right-hand
// sides drawn from ioGenWeight.
func genProblemOf(t *rapid.T, ioGenWeight *rapid.Generator[float64]) *Problem {
	distinct := func(label string, max int) []string {
		return rapid.SliceOfNDistinct(ioGenName, 0, max, func(s string) string { return s }).Draw(t, label)
	}
	p := &Problem{Agents: distinct("agentNames", 4)}
	itemNames := distinct("itemNames", 6)
	nA, nI := len(p.Agents), len(itemNames)
	for _, name := range itemNames {
		it := Item{Name: name}
		if nA > 0 {
			for _, a := range rapid.Permutation(ioSeq(nA)).Draw(t, "agentOrder")[:rapid.IntRange(0, nA).Draw(t, "nOptions")] {
				it.Options = append(it.Options, Option{Agent: a, Weight: ioGenWeight.Draw(t, "weight")})
			}
		}
		p.Items = append(p.Items, it)
	}
	for _, name := range distinct("groupNames", 3) {
		g := Group{Name: name}
		if nI > 0 {
			g.Items = rapid.Permutation(ioSeq(nI)).Draw(t, "groupOrder")[:rapid.IntRange(0, nI).Draw(t, "groupSize")]
		}
		p.Groups = append(p.Groups, g)
	}
	if nA == 0 {
		return p
	}
	group := rapid.IntRange(AllItems, len(p.Groups)-1)
	for range rapid.IntRange(0, 3).Draw(t, "nBounds") {
		b := Bound{
			Name:  rapid.OneOf(rapid.Just(""), ioGenName).Draw(t, "boundName"),
			Agent: rapid.IntRange(0, nA-1).Draw(t, "boundAgent"),
			Group: group.Draw(t, "boundGroup"),
			Min:   rapid.IntRange(0, 5).Draw(t, "min"),
			Max:   Unlimited,
		}
		if rapid.Bool().Draw(t, "limited") {
			b.Max = b.Min + rapid.IntRange(0, 5).Draw(t, "slack")
		}
		p.Bounds = append(p.Bounds, b)
	}
	for range rapid.IntRange(0, 2).Draw(t, "nRows") {
		row := Row{
			Name:  rapid.OneOf(rapid.Just(""), ioGenName).Draw(t, "rowName"),
			Sense: Sense(rapid.IntRange(0, 2).Draw(t, "sense")),
			RHS:   ioGenWeight.Draw(t, "rhs"),
		}
		for range rapid.IntRange(0, 3).Draw(t, "nTerms") {
			row.Terms = append(row.Terms, Term{
				Agent: rapid.IntRange(0, nA-1).Draw(t, "termAgent"),
				Group: group.Draw(t, "termGroup"),
				Coef:  ioGenWeight.Draw(t, "coef"),
			})
		}
		if nI > 0 {
			for range rapid.IntRange(0, 2).Draw(t, "nPairs") {
				row.Pairs = append(row.Pairs, PairTerm{
					Item:  rapid.IntRange(0, nI-1).Draw(t, "pairItem"),
					Agent: rapid.IntRange(0, nA-1).Draw(t, "pairAgent"),
					Coef:  ioGenWeight.Draw(t, "pairCoef"),
				})
			}
		}
		p.Rows = append(p.Rows, row)
	}
	if nI > 0 {
		pair := rapid.Custom(func(t *rapid.T) Pair {
			return Pair{Item: rapid.IntRange(0, nI-1).Draw(t, "item"), Agent: rapid.IntRange(0, nA-1).Draw(t, "agent")}
		})
		p.Locks = rapid.SliceOfN(pair, 0, 2).Draw(t, "locks")
		p.Vetoes = rapid.SliceOfN(pair, 0, 2).Draw(t, "vetoes")
	}
	return p
}

func ioSeq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestProblemJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genNamedProblem(t)
		if err := p.Validate(); err != nil {
			t.Fatalf("generator made an invalid problem: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteProblem(&buf, p); err != nil {
			t.Fatalf("WriteProblem: %v", err)
		}
		text := buf.String()
		got, err := ReadProblem(strings.NewReader(text))
		if err != nil {
			t.Fatalf("ReadProblem(WriteProblem(p)): %v\n%s", err, text)
		}
		if diff := cmp.Diff(p, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("ReadProblem(WriteProblem(p)) mismatch (-want +got):\n%s\n%s", diff, text)
		}
		// Bit-exact floats, including the sign of zero.
		for i := range p.Items {
			for j, o := range p.Items[i].Options {
				if math.Float64bits(o.Weight) != math.Float64bits(got.Items[i].Options[j].Weight) {
					t.Fatalf("weight %d/%d: %v read back as %v", i, j, o.Weight, got.Items[i].Options[j].Weight)
				}
			}
		}
		var again bytes.Buffer
		if err := WriteProblem(&again, got); err != nil {
			t.Fatalf("WriteProblem(again): %v", err)
		}
		if again.String() != text {
			t.Fatalf("writing the read problem changed the text:\n%s\n---\n%s", text, again.String())
		}
	})
}

func TestReadProblemErrors(t *testing.T) {
	const head = `"format": "alliance-solver/1", "agents": ["A", "B"], `
	const items = `"items": [{"name": "i", "options": {"A": 1}}, {"name": "j", "options": {"A": 0.5, "B": 2}}]`
	tests := []struct {
		name   string
		reason string
		doc    string
		field  string // wanted ProblemError.Field
		msg    string // wanted substring of the message
	}{
		{"empty", "no document at all", ``, "(document)", "end of input"},
		{"not object", "the document must be an object", `[]`, "(document)", "want an object"},
		{"trailing", "data after the document", `{` + head + items + `} {}`, "(document)", "trailing data"},
		{"trailing garbage", "a stray character after the document", `{` + head + items + `}x`, "(document)", "trailing data"},
		{"syntax", "a missing comma", `{"format": "alliance-solver/1" "agents": []}`, "(document)", "malformed JSON at byte 31"},
		{"format", "the version is checked", `{"format": "alliance-solver/2", "agents": [], "items": []}`, "format", "is not"},
		{"missing format", "format is required", `{"agents": [], "items": []}`, "format", "missing required"},
		{"missing items", "items is required", `{"format": "alliance-solver/1", "agents": []}`, "items", "missing required"},
		{"unknown field", "typos are caught", `{` + head + items + `, "bound": []}`, "bound", "unknown field"},
		{"repeated field", "JSON allows repeated keys; we do not", `{` + head + items + `, "items": []}`, "items", "repeated"},
		{"duplicate agent", "agent names are unique", `{"format": "alliance-solver/1", "agents": ["A", "A"], "items": []}`, "agents[1]", "already used by agents[0]"},
		{"empty agent", "names are non-empty", `{"format": "alliance-solver/1", "agents": [""], "items": []}`, "agents[0]", "empty name"},
		{"duplicate item", "item names are unique", `{` + head + `"items": [{"name": "i", "options": {}}, {"name": "i", "options": {}}]}`, "items[1].name", "already used"},
		{"unknown option agent", "options name agents", `{` + head + `"items": [{"name": "i", "options": {"C": 1}}]}`, "items[0].options.C", `unknown agent "C"`},
		{"quoted path", "odd keys are quoted in the path", `{` + head + `"items": [{"name": "i", "options": {"C D": 1}}]}`, `items[0].options["C D"]`, "unknown agent"},
		{"repeated option", "an agent appears once per item", `{` + head + `"items": [{"name": "i", "options": {"A": 1, "A": 2}}]}`, "items[0].options.A", "listed twice"},
		{"weight string", "weights are numbers", `{` + head + `"items": [{"name": "i", "options": {"A": "1"}}]}`, "items[0].options.A", "want a number"},
		{"weight overflow", "weights must be finite", `{` + head + `"items": [{"name": "i", "options": {"A": 1e999}}]}`, "items[0].options.A", "float64 range"},
		{"missing options", "options are required", `{` + head + `"items": [{"name": "i"}]}`, "items[0].options", "missing required"},
		{"group unknown item", "groups list item names", `{` + head + items + `, "groups": [{"name": "g", "items": ["k"]}]}`, "groups[0].items[0]", `unknown item "k"`},
		{"group repeated item", "an item appears once per group", `{` + head + items + `, "groups": [{"name": "g", "items": ["i", "i"]}]}`, "groups[0].items[1]", "listed twice"},
		{"duplicate group", "group names are unique", `{` + head + items + `, "groups": [{"name": "g", "items": []}, {"name": "g", "items": []}]}`, "groups[1].name", "already used"},
		{"bound agent", "bounds name agents", `{` + head + items + `, "bounds": [{"agent": "Z", "min": 0, "max": 1}]}`, "bounds[0].agent", "unknown agent"},
		{"bound group", "bounds name groups", `{` + head + items + `, "bounds": [{"agent": "A", "group": "g", "min": 0, "max": 1}]}`, "bounds[0].group", "unknown group"},
		{"bound min fraction", "counts are integers", `{` + head + items + `, "bounds": [{"agent": "A", "min": 1.5, "max": 2}]}`, "bounds[0].min", "non-negative integer"},
		{"bound min negative", "counts are non-negative", `{` + head + items + `, "bounds": [{"agent": "A", "min": -1, "max": 2}]}`, "bounds[0].min", "negative"},
		{"bound max negative", "unlimited is null, not -1", `{` + head + items + `, "bounds": [{"agent": "A", "min": 0, "max": -1}]}`, "bounds[0].max", "negative"},
		{"bound max below min", "min <= max", `{` + head + items + `, "bounds": [{"agent": "A", "min": 2, "max": 1}]}`, "bounds[0].max", "below minimum"},
		{"bound missing max", "max is required (null for none)", `{` + head + items + `, "bounds": [{"agent": "A", "min": 2}]}`, "bounds[0].max", "missing required"},
		{"bad sense", "senses are <=, >= or =", `{` + head + items + `, "rows": [{"terms": [], "sense": "<", "rhs": 1}]}`, "rows[0].sense", "is not"},
		{"term agent", "terms name agents", `{` + head + items + `, "rows": [{"terms": [{"agent": "Q", "coef": 1}], "sense": "=", "rhs": 1}]}`, "rows[0].terms[0].agent", "unknown agent"},
		{"term coef", "coef is required", `{` + head + items + `, "rows": [{"terms": [{"agent": "A"}], "sense": "=", "rhs": 1}]}`, "rows[0].terms[0].coef", "missing required"},
		{"pair item", "pairs name items", `{` + head + items + `, "rows": [{"terms": [], "pairs": [{"item": "q", "agent": "A", "coef": 1}], "sense": "=", "rhs": 1}]}`, "rows[0].pairs[0].item", "unknown item"},
		{"lock agent", "locks name agents", `{` + head + items + `, "locks": [{"item": "i", "agent": "C"}]}`, "locks[0].agent", "unknown agent"},
		{"veto item", "vetoes name items", `{` + head + items + `, "vetoes": [{"item": "z", "agent": "A"}]}`, "vetoes[0].item", "unknown item"},
		{"veto not object", "vetoes are objects", `{` + head + items + `, "vetoes": [["i", "A"]]}`, "vetoes[0]", "want an object"},
		{"truncated", "the input ends inside the items", `{` + head + `"items": [{"name": "i", "options": {"A": 1}}`, "items", "end of input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadProblem(strings.NewReader(tt.doc))
			if err == nil {
				t.Fatalf("ReadProblem(%s) = %+v, want an error (%s)", tt.doc, p, tt.reason)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ReadProblem error %v does not wrap ErrInvalid", err)
			}
			var pe *ProblemError
			if !errors.As(err, &pe) {
				t.Fatalf("ReadProblem error %T is not a *ProblemError", err)
			}
			if pe.Field != tt.field || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("ReadProblem error = %q: %q, want field %q and a message containing %q (%s)", pe.Field, pe.Msg, tt.field, tt.msg, tt.reason)
			}
		})
	}
}

func TestReadProblemOptional(t *testing.T) {
	doc := `{"items": [{"options": {"B": 0.25, "A": -1}, "name": "i"}], "agents": ["A", "B"], "format": "alliance-solver/1",
	  "bounds": [{"agent": "B", "group": null, "min": 0, "max": null}, {"name": "", "agent": "A", "min": 1, "max": 1}],
	  "rows": [{"terms": [{"agent": "A", "group": null, "coef": 2}], "sense": ">=", "rhs": 0.5}]}`
	got, err := ReadProblem(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := &Problem{
		Agents: []string{"A", "B"},
		Items:  []Item{{Name: "i", Options: []Option{{Agent: 1, Weight: 0.25}, {Agent: 0, Weight: -1}}}},
		Bounds: []Bound{{Agent: 1, Group: AllItems, Max: Unlimited}, {Agent: 0, Group: AllItems, Min: 1, Max: 1}},
		Rows:   []Row{{Terms: []Term{{Agent: 0, Group: AllItems, Coef: 2}}, Sense: GreaterEq, RHS: 0.5}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("ReadProblem mismatch (-want +got):\n%s", diff)
	}
}

func TestWriteProblemNeedsNames(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		p      *Problem
		field  string
	}{
		{"unnamed agent", "options are keyed by agent name", &Problem{Agents: []string{""}}, "Agents[0]"},
		{"unnamed item", "groups list item names", &Problem{Items: []Item{{}}}, "Items[0].Name"},
		{"unnamed group", "bounds name groups", &Problem{Groups: []Group{{}}}, "Groups[0].Name"},
		{"bad utf8", "JSON text is UTF-8", &Problem{Agents: []string{"\xff"}}, "Agents[0]"},
		{"invalid", "the problem is validated first", &Problem{Agents: []string{"A"}, Bounds: []Bound{{Agent: 3}}}, "Bounds[0].Agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteProblem(&buf, tt.p)
			var pe *ProblemError
			if !errors.As(err, &pe) || pe.Field != tt.field {
				t.Fatalf("WriteProblem error = %v, want a *ProblemError on %s (%s)", err, tt.field, tt.reason)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteProblem wrote %q before failing", buf.String())
			}
		})
	}
}

// TestTestdataProblems checks that every problem under testdata/problems
// loads and is written back byte for byte (they are kept in canonical form).
func TestTestdataProblems(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "problems", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata problems: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ReadProblem(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteProblem(&buf, p); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(data), buf.String()); diff != "" {
				t.Errorf("%s is not in canonical form (-file +written):\n%s", f, diff)
			}
		})
	}
}

func FuzzReadProblem(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "problems", "*.json"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadProblem(bytes.NewReader(data))
		if err != nil {
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("ReadProblem error %v is not a *ProblemError wrapping ErrInvalid", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("ReadProblem returned an invalid problem: %v", err)
		}
		// Differential check against encoding/json: the text is valid
		// JSON, and strings decode the same (escapes, surrogates and
		// invalid UTF-8 included).
		if !json.Valid(data) {
			t.Fatalf("ReadProblem accepted invalid JSON %q", data)
		}
		var std struct {
			Agents []string
			Items  []struct{ Name string }
		}
		if err := json.Unmarshal(data, &std); err != nil {
			t.Fatalf("encoding/json rejects accepted input: %v", err)
		}
		var items []string
		for _, it := range p.Items {
			items = append(items, it.Name)
		}
		var stdItems []string
		for _, it := range std.Items {
			stdItems = append(stdItems, it.Name)
		}
		if diff := cmp.Diff(std.Agents, p.Agents, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("agent names differ from encoding/json (-std +ours):\n%s", diff)
		}
		if diff := cmp.Diff(stdItems, items, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("item names differ from encoding/json (-std +ours):\n%s", diff)
		}
		var buf bytes.Buffer
		if err := WriteProblem(&buf, p); err != nil {
			t.Fatalf("WriteProblem of a read problem: %v", err)
		}
		q, err := ReadProblem(&buf)
		if err != nil {
			t.Fatalf("ReadProblem(WriteProblem(p)): %v", err)
		}
		if diff := cmp.Diff(p, q, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
