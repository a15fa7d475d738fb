package solver

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestValidateErrors(t *testing.T) {
	// valid returns a small valid problem: agents A and B, items i and j
	// (both may go to either), group g = {i}.
	valid := func() Problem {
		return Problem{
			Agents: []string{"A", "B"},
			Items: []Item{
				{Name: "i", Options: []Option{{Agent: 0, Weight: 1}, {Agent: 1, Weight: 2}}},
				{Name: "j", Options: []Option{{Agent: 0, Weight: 1}, {Agent: 1, Weight: 2}}},
			},
			Groups: []Group{{Name: "g", Items: []int{0}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Min: 0, Max: 1}},
		}
	}
	tests := []struct {
		name   string
		reason string
		edit   func(p *Problem)
		want   *ProblemError // nil: valid
	}{
		{
			name:   "valid",
			reason: "the base problem breaks no rule",
			edit:   func(*Problem) {},
		},
		{
			name:   "empty names repeat",
			reason: "unnamed entries are not duplicates of each other",
			edit: func(p *Problem) {
				p.Items[0].Name, p.Items[1].Name = "", ""
				p.Agents = []string{"", ""}
			},
		},
		{
			name:   "duplicate agent",
			reason: "agent names are unique",
			edit:   func(p *Problem) { p.Agents[1] = "A" },
			want:   &ProblemError{Field: "Agents[1]", Msg: `name "A" already used by Agents[0]`},
		},
		{
			name:   "duplicate item",
			reason: "item names are unique; the later one is named, with the first",
			edit: func(p *Problem) {
				p.Items = append(p.Items, Item{Name: "j"}, Item{Name: "i"})
			},
			want: &ProblemError{Field: "Items[2]", Msg: `name "j" already used by Items[1]`},
		},
		{
			name:   "duplicate group",
			reason: "group names are unique",
			edit:   func(p *Problem) { p.Groups = append(p.Groups, Group{Name: "g"}) },
			want:   &ProblemError{Field: "Groups[1]", Msg: `name "g" already used by Groups[0]`},
		},
		{
			name:   "option agent out of range",
			reason: "agents are indexed 0..1",
			edit:   func(p *Problem) { p.Items[1].Options[1].Agent = 2 },
			want:   &ProblemError{Field: "Items[1].Options[1].Agent", Msg: "agent 2 out of range [0, 2)"},
		},
		{
			name:   "option agent twice",
			reason: "an agent appears once per item",
			edit:   func(p *Problem) { p.Items[1].Options[1].Agent = 0 },
			want:   &ProblemError{Field: "Items[1].Options[1].Agent", Msg: "agent A listed twice for item j"},
		},
		{
			name:   "infinite weight",
			reason: "weights are finite",
			edit:   func(p *Problem) { p.Items[0].Options[0].Weight = math.Inf(-1) },
			want:   &ProblemError{Field: "Items[0].Options[0].Weight", Msg: "weight -Inf is not finite"},
		},
		{
			name:   "group item out of range",
			reason: "items are indexed 0..1",
			edit:   func(p *Problem) { p.Groups[0].Items = []int{0, -1} },
			want:   &ProblemError{Field: "Groups[0].Items[1]", Msg: "item -1 out of range [0, 2)"},
		},
		{
			name:   "group item twice",
			reason: "an item appears once per group",
			edit:   func(p *Problem) { p.Groups[0].Items = []int{0, 0} },
			want:   &ProblemError{Field: "Groups[0].Items[1]", Msg: "item i listed twice in group g"},
		},
		{
			name:   "bound agent",
			reason: "agents are indexed 0..1",
			edit:   func(p *Problem) { p.Bounds = append(p.Bounds, Bound{Agent: 5, Group: AllItems}) },
			want:   &ProblemError{Field: "Bounds[1].Agent", Msg: "agent 5 out of range [0, 2)"},
		},
		{
			name:   "bound group",
			reason: "groups are indexed 0..0, or AllItems",
			edit:   func(p *Problem) { p.Bounds[0].Group = 1 },
			want:   &ProblemError{Field: "Bounds[0].Group", Msg: "group 1 out of range [0, 1) and not AllItems"},
		},
		{
			name:   "negative minimum",
			reason: "minimums are counts",
			edit:   func(p *Problem) { p.Bounds[0].Min = -1 },
			want:   &ProblemError{Field: "Bounds[0].Min", Msg: "minimum -1 is negative"},
		},
		{
			name:   "negative maximum",
			reason: "a maximum is a count or Unlimited",
			edit:   func(p *Problem) { p.Bounds[0].Max = -2 },
			want:   &ProblemError{Field: "Bounds[0].Max", Msg: "maximum -2 is negative and not Unlimited"},
		},
		{
			name:   "maximum below minimum",
			reason: "Min <= Max",
			edit:   func(p *Problem) { p.Bounds[0].Min = 2 },
			want:   &ProblemError{Field: "Bounds[0].Max", Msg: "maximum 1 is below minimum 2"},
		},
		{
			name:   "row term agent",
			reason: "agents are indexed 0..1",
			edit: func(p *Problem) {
				p.Rows = []Row{{}, {Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}, {Agent: 2, Group: AllItems, Coef: 1}}}}
			},
			want: &ProblemError{Field: "Rows[1].Terms[1].Agent", Msg: "agent 2 out of range [0, 2)"},
		},
		{
			name:   "row term group",
			reason: "groups are indexed 0..0, or AllItems",
			edit:   func(p *Problem) { p.Rows = []Row{{Terms: []Term{{Agent: 0, Group: -2, Coef: 1}}}} },
			want:   &ProblemError{Field: "Rows[0].Terms[0].Group", Msg: "group -2 out of range [0, 1) and not AllItems"},
		},
		{
			name:   "row term coefficient",
			reason: "coefficients are finite",
			edit:   func(p *Problem) { p.Rows = []Row{{Terms: []Term{{Agent: 0, Group: 0, Coef: math.NaN()}}}} },
			want:   &ProblemError{Field: "Rows[0].Terms[0].Coef", Msg: "coefficient NaN is not finite"},
		},
		{
			name:   "row pair item",
			reason: "items are indexed 0..1",
			edit:   func(p *Problem) { p.Rows = []Row{{Pairs: []PairTerm{{Item: 2, Agent: 0, Coef: 1}}}} },
			want:   &ProblemError{Field: "Rows[0].Pairs[0].Item", Msg: "item 2 out of range [0, 2)"},
		},
		{
			name:   "row pair agent",
			reason: "agents are indexed 0..1",
			edit:   func(p *Problem) { p.Rows = []Row{{Pairs: []PairTerm{{Item: 1, Agent: -1, Coef: 1}}}} },
			want:   &ProblemError{Field: "Rows[0].Pairs[0].Agent", Msg: "agent -1 out of range [0, 2)"},
		},
		{
			name:   "row pair coefficient",
			reason: "coefficients are finite",
			edit:   func(p *Problem) { p.Rows = []Row{{Pairs: []PairTerm{{Item: 1, Agent: 1, Coef: math.Inf(1)}}}} },
			want:   &ProblemError{Field: "Rows[0].Pairs[0].Coef", Msg: "coefficient +Inf is not finite"},
		},
		{
			name:   "row sense",
			reason: "senses are LessEq, GreaterEq or Equal",
			edit:   func(p *Problem) { p.Rows = []Row{{Sense: Equal + 1}} },
			want:   &ProblemError{Field: "Rows[0].Sense", Msg: "sense 3 is not LessEq, GreaterEq or Equal"},
		},
		{
			name:   "row right-hand side",
			reason: "right-hand sides are finite",
			edit:   func(p *Problem) { p.Rows = []Row{{RHS: math.NaN()}} },
			want:   &ProblemError{Field: "Rows[0].RHS", Msg: "right-hand side NaN is not finite"},
		},
		{
			name:   "lock item",
			reason: "items are indexed 0..1",
			edit:   func(p *Problem) { p.Locks = []Pair{{Item: 0, Agent: 0}, {Item: 7, Agent: 0}} },
			want:   &ProblemError{Field: "Locks[1].Item", Msg: "item 7 out of range [0, 2)"},
		},
		{
			name:   "veto agent",
			reason: "agents are indexed 0..1",
			edit:   func(p *Problem) { p.Vetoes = []Pair{{Item: 0, Agent: 3}} },
			want:   &ProblemError{Field: "Vetoes[0].Agent", Msg: "agent 3 out of range [0, 2)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.edit(&p)
			err := p.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate = %v, want nil (%s)", err, tt.reason)
				}
				return
			}
			var pe *ProblemError
			if !errors.As(err, &pe) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate = %v, want a *ProblemError (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, pe); diff != "" {
				t.Errorf("Validate error (-want +got), %s:\n%s", tt.reason, diff)
			}
		})
	}
}

// TestValidateNames checks the repeated-name check against a map: the
// error names the first index whose name repeats an earlier one, and that
// name's first index.
func TestValidateNames(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		// Few distinct names, so that repeats are common.
		names := rapid.SliceOfN(rapid.SampledFrom([]string{"", "a", "b", "c", "ab", "UP", "up"}), 0, 40).Draw(t, "names")
		list := rapid.IntRange(0, 2).Draw(t, "list")
		p := Problem{}
		field := ""
		switch list {
		case 0:
			p.Agents, field = names, "Agents"
		case 1:
			for _, s := range names {
				p.Items = append(p.Items, Item{Name: s})
			}
			field = "Items"
		case 2:
			for _, s := range names {
				p.Groups = append(p.Groups, Group{Name: s})
			}
			field = "Groups"
		}
		var want *ProblemError
		first := make(map[string]int)
		for i, s := range names {
			if j, ok := first[s]; ok && s != "" {
				want = &ProblemError{Field: fmt.Sprintf("%s[%d]", field, i), Msg: fmt.Sprintf("name %q already used by %s[%d]", s, field, j)}
				break
			}
			first[s] = i
		}
		err := p.Validate()
		if want == nil {
			if err != nil {
				t.Fatalf("Validate = %v, want nil: names %q do not repeat", err, names)
			}
			return
		}
		var pe *ProblemError
		if !errors.As(err, &pe) {
			t.Fatalf("Validate = %v, want %v", err, want)
		}
		if diff := cmp.Diff(want, pe); diff != "" {
			t.Fatalf("Validate error (-want +got):\n%s", diff)
		}
	})
}
