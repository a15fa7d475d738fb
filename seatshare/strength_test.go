package seatshare_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// seat builds a constituency of state S with the given candidates
// ("party", votes pairs) and valid votes; electors are twice the valid
// votes.
func seat(no int, valid int64, cands ...any) seatshare.Constituency {
	c := seatshare.Constituency{State: "S", No: no, Name: fmt.Sprintf("SEAT %d", no), ValidVotes: valid, Electors: 2 * valid}
	for k := 0; k < len(cands); k += 2 {
		p := cands[k].(string)
		c.Candidates = append(c.Candidates, seatshare.Candidate{Party: p, Name: "CANDIDATE " + p, Votes: int64(cands[k+1].(int))})
	}
	return c
}

func election(year int, seats ...seatshare.Constituency) *seatshare.Election {
	e := &seatshare.Election{Year: year, Constituencies: seats}
	e.Sort()
	return e
}

// cells returns the table as "S/no PARTY" -> Cell.
func cells(st *seatshare.Strength) map[string]seatshare.Cell {
	m := make(map[string]seatshare.Cell)
	for i, id := range st.Seats() {
		for j, p := range st.Parties() {
			m[id.String()+" "+p] = st.Cell(i, j)
		}
	}
	return m
}

const (
	b0 = seatshare.BaseSet(1)
	b1 = seatshare.BaseSet(2)
	bb = b0 | b1
)

func TestEstimateStrength(t *testing.T) {
	// Two elections of one state with two seats. In 2019 A and B were
	// allied: B stood aside in seat 1, A in seat 2. E stood once, in 2014.
	e14 := election(2014,
		seat(1, 100, "A", 40, "B", 30, "C", 20, "E", 5),
		seat(2, 80, "A", 20, "B", 50))
	e19 := election(2019,
		seat(1, 100, "A", 60, "C", 30),
		seat(2, 100, "B", 70, "C", 10))
	ab := seatshare.Alliance{Name: "AB", Members: []string{"A", "B"}}
	bases := func(al seatshare.Alliance) []seatshare.Base {
		return []seatshare.Base{{Election: e14, Weight: 1}, {Election: e19, Weight: 3, Alliances: []seatshare.Alliance{al}}}
	}
	const (
		seatF  = seatshare.ImputedSplitSeat
		renorm = seatshare.ImputedRenormalised
		zero   = seatshare.ImputedZero
	)
	mean := func(v14, v19 float64) float64 { return (v14 + 3*v19) / 4 }
	// Split by strength: seat 1's 0.6 divided 0.4:0.3 (2014 seat 1), seat
	// 2's 0.7 divided 0.25:0.625 (2014 seat 2).
	byStrength := map[string]seatshare.Cell{
		"S/1 A": {mean(0.4, 0.6*4/7), seatF, bb},
		"S/1 B": {mean(0.3, 0.6*3/7), seatF, bb},
		"S/1 C": {mean(0.2, 0.3), 0, bb},
		"S/1 E": {0.05, renorm, b0},
		"S/2 A": {mean(0.25, 0.7*0.25/0.875), seatF, bb},
		"S/2 B": {mean(0.625, 0.7*0.625/0.875), seatF, bb},
		"S/2 C": {0.1, renorm, b1},
		"S/2 E": {0, zero, 0},
	}
	with := func(m map[string]seatshare.Cell, edits map[string]seatshare.Cell) map[string]seatshare.Cell {
		out := make(map[string]seatshare.Cell)
		for k, v := range m {
			out[k] = v
		}
		for k, v := range edits {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name   string
		bases  []seatshare.Base
		set    *seatshare.StrengthSettings
		want   map[string]seatshare.Cell
		reason string
	}{
		{"by strength", bases(ab), nil, byStrength, "the documented method, computed by hand"},
		{"equal", bases(seatshare.Alliance{Members: []string{"A", "B"}, Split: seatshare.SplitEqual}), nil,
			with(byStrength, map[string]seatshare.Cell{
				"S/1 A": {mean(0.4, 0.3), seatshare.ImputedSplitEqual, bb},
				"S/1 B": {mean(0.3, 0.3), seatshare.ImputedSplitEqual, bb},
				"S/2 A": {mean(0.25, 0.35), seatshare.ImputedSplitEqual, bb},
				"S/2 B": {mean(0.625, 0.35), seatshare.ImputedSplitEqual, bb},
			}), "halves"},
		{"fixed", bases(seatshare.Alliance{Members: []string{"A", "B"}, Split: seatshare.SplitFixed, Fractions: map[string]float64{"A": 0.25, "B": 0.75}}), nil,
			with(byStrength, map[string]seatshare.Cell{
				"S/1 A": {mean(0.4, 0.15), seatshare.ImputedSplitFixed, bb},
				"S/1 B": {mean(0.3, 0.45), seatshare.ImputedSplitFixed, bb},
				"S/2 A": {mean(0.25, 0.175), seatshare.ImputedSplitFixed, bb},
				"S/2 B": {mean(0.625, 0.525), seatshare.ImputedSplitFixed, bb},
			}), "a quarter and three quarters"},
		{"state mean and override", bases(ab), &seatshare.StrengthSettings{
			Missing:   seatshare.MissingStateMean,
			Overrides: []seatshare.Override{{Seat: seatshare.SeatID{State: "S", No: 2}, Party: "C", Share: 0.5}, {Seat: seatshare.SeatID{State: "S", No: 1}, Party: "NEW", Share: 0.01}},
		}, with(byStrength, map[string]seatshare.Cell{
			"S/2 E":   {0.05, seatshare.ImputedStateMean, 0},
			"S/2 C":   {0.5, renorm | seatshare.Overridden, b1},
			"S/1 NEW": {0.01, zero | seatshare.Overridden, 0},
			"S/2 NEW": {0, zero, 0},
		}), "E's only value fills its other seat; overrides win and may add a party"},
		{"excluding NOTA", bases(ab), &seatshare.StrengthSettings{ExcludeNOTA: true},
			map[string]seatshare.Cell{
				"S/1 A": {mean(40.0/95, 2.0/3*4/7), seatF, bb},
				"S/1 B": {mean(30.0/95, 2.0/3*3/7), seatF, bb},
				"S/1 C": {mean(20.0/95, 1.0/3), 0, bb},
				"S/1 E": {5.0 / 95, renorm, b0},
				"S/2 A": {mean(2.0/7, 7.0/8*2/7), seatF, bb},
				"S/2 B": {mean(5.0/7, 7.0/8*5/7), seatF, bb},
				"S/2 C": {1.0 / 8, renorm, b1},
				"S/2 E": {0, zero, 0},
			}, "shares over the candidates' votes: 2014 seats polled 95 and 70, 2019 seats 90 and 80"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := seatshare.EstimateStrength(tt.bases, tt.set)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, cells(st), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("EstimateStrength mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSplitReferenceSources(t *testing.T) {
	abc := []seatshare.Alliance{{Members: []string{"A", "B"}}}
	tests := []struct {
		name   string
		bases  []seatshare.Base
		want   map[string]seatshare.Cell
		reason string
	}{
		{
			name: "seat then state history",
			bases: []seatshare.Base{
				{Election: election(2014, seat(1, 100, "A", 50), seat(2, 100, "A", 30, "B", 40)), Weight: 1},
				{Election: election(2019, seat(1, 100, "A", 60), seat(2, 100, "A", 50)), Weight: 1, Alliances: abc},
			},
			// Seat 1 in 2019: A's reference is its 2014 share there (0.5);
			// B never stood in seat 1, so its reference is its 2014
			// state-wide share (0 + 0.4) / 2 = 0.2. Seat 2: both stood in
			// 2014 (0.3, 0.4).
			want: map[string]seatshare.Cell{
				"S/1 A": {(0.5 + 0.6*0.5/0.7) / 2, seatshare.ImputedSplitSeat | seatshare.ImputedSplitState, bb},
				"S/1 B": {0.6 * 0.2 / 0.7, seatshare.ImputedSplitSeat | seatshare.ImputedSplitState | seatshare.ImputedRenormalised, b1},
				"S/2 A": {(0.3 + 0.5*0.3/0.7) / 2, seatshare.ImputedSplitSeat, bb},
				"S/2 B": {(0.4 + 0.5*0.4/0.7) / 2, seatshare.ImputedSplitSeat, bb},
			},
			reason: "each party takes the first reference it has",
		},
		{
			name: "this election's state",
			bases: []seatshare.Base{
				{Election: election(2019, seat(1, 100, "A", 60), seat(2, 100, "B", 40)), Weight: 1, Alliances: abc},
			},
			// State-wide shares in 2019: A 0.3, B 0.2.
			want: map[string]seatshare.Cell{
				"S/1 A": {0.6 * 0.6, seatshare.ImputedSplitStateNow, b0},
				"S/1 B": {0.6 * 0.4, seatshare.ImputedSplitStateNow, b0},
				"S/2 A": {0.4 * 0.6, seatshare.ImputedSplitStateNow, b0},
				"S/2 B": {0.4 * 0.4, seatshare.ImputedSplitStateNow, b0},
			},
			reason: "with one base, the state-wide shares of that election",
		},
		{
			name: "equal",
			bases: []seatshare.Base{
				{Election: election(2019, seat(1, 100, "A", 60), seat(2, 100, "A", 50)), Weight: 1, Alliances: abc},
			},
			want: map[string]seatshare.Cell{
				"S/1 A": {0.3, seatshare.ImputedSplitEqual, b0},
				"S/1 B": {0.3, seatshare.ImputedSplitEqual, b0},
				"S/2 A": {0.25, seatshare.ImputedSplitEqual, b0},
				"S/2 B": {0.25, seatshare.ImputedSplitEqual, b0},
			},
			reason: "B stood nowhere: no reference, so halves",
		},
		{
			name: "friendly fight",
			bases: []seatshare.Base{
				{Election: election(2019, seat(1, 100, "A", 50, "B", 20), seat(2, 100, "C", 30)), Weight: 1,
					Alliances: []seatshare.Alliance{{Members: []string{"A", "B", "C"}}}},
			},
			// Seat 1: A carries the alliance and shares with C (state-wide
			// A 0.25, C 0.15); B fought A and keeps its own 0.2. Seat 2: C
			// shares with A and B (0.25, 0.1, 0.15).
			want: map[string]seatshare.Cell{
				"S/1 A": {0.5 * 0.25 / 0.4, seatshare.ImputedSplitStateNow, b0},
				"S/1 B": {0.2, 0, b0},
				"S/1 C": {0.5 * 0.15 / 0.4, seatshare.ImputedSplitStateNow, b0},
				"S/2 A": {0.3 * 0.25 / 0.5, seatshare.ImputedSplitStateNow, b0},
				"S/2 B": {0.3 * 0.1 / 0.5, seatshare.ImputedSplitStateNow, b0},
				"S/2 C": {0.3 * 0.15 / 0.5, seatshare.ImputedSplitStateNow, b0},
			},
			reason: "members that fight the alliance candidate keep their votes",
		},
		{
			name: "party map",
			bases: []seatshare.Base{
				{Election: election(2019, seat(1, 100, "SHS", 50, "AD", 10, "ADAL", 5)), Weight: 1, Parties: mustPartyMap(t,
					seatshare.Rename{From: "SHS", To: []seatshare.Successor{{"SHS(UBT)", 0.6}, {"SHS", 0.4}}},
					seatshare.Rename{From: "AD", To: []seatshare.Successor{{"ADAL", 1}}})},
			},
			want: map[string]seatshare.Cell{
				"S/1 SHS(UBT)": {0.3, seatshare.ImputedPartySplit, b0},
				"S/1 SHS":      {0.2, seatshare.ImputedPartySplit, b0},
				"S/1 ADAL":     {0.15, 0, b0},
			},
			reason: "a split divides the votes; a rename onto an existing label adds them",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := seatshare.EstimateStrength(tt.bases, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, cells(st), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("EstimateStrength mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func mustPartyMap(t *testing.T, renames ...seatshare.Rename) *seatshare.PartyMap {
	t.Helper()
	m, err := seatshare.NewPartyMap(renames...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// validationErr is the comparable view of a *seatshare.ValidationError.
type validationErr struct {
	Field string
	Msg   string
}

func viewValidationError(t *testing.T, err error) validationErr {
	t.Helper()
	var ve *seatshare.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *ValidationError", err, err)
	}
	if !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	return validationErr{Field: ve.Field, Msg: ve.Err.Error()}
}

func TestEstimateStrengthBadInput(t *testing.T) {
	e := election(2019, seat(1, 100, "A", 60, "B", 30), seat(2, 100, "A", 50))
	other := election(2014, seat(1, 100, "A", 60), seat(3, 100, "A", 50))
	al := func(edit func(a *seatshare.Alliance)) []seatshare.Base {
		a := seatshare.Alliance{Name: "AB", Members: []string{"A", "B"}}
		edit(&a)
		return []seatshare.Base{{Election: e, Weight: 1, Alliances: []seatshare.Alliance{a}}}
	}
	one := []seatshare.Base{{Election: e, Weight: 1}}
	s1 := seatshare.SeatID{State: "S", No: 1}
	tests := []struct {
		name   string
		bases  []seatshare.Base
		set    *seatshare.StrengthSettings
		want   validationErr
		reason string
	}{
		{"no bases", nil, nil, validationErr{"bases", "no base elections"}, "nothing to estimate from"},
		{"too many bases", make([]seatshare.Base, 17), nil, validationErr{"bases", "17 base elections, more than 16"}, "BaseSet holds 16"},
		{"nil election", []seatshare.Base{{Weight: 1}}, nil, validationErr{"bases[0].election", "nil election"}, "no results"},
		{"invalid election", []seatshare.Base{{Election: &seatshare.Election{Year: 2019}, Weight: 1}}, nil,
			validationErr{"bases[0].election.constituencies", "no constituencies"}, "the election's own error, located"},
		{"zero weight", []seatshare.Base{{Election: e}}, nil, validationErr{"bases[0].weight", "0 is not positive and finite"}, "weights are positive"},
		{"NaN weight", []seatshare.Base{{Election: e, Weight: math.NaN()}}, nil, validationErr{"bases[0].weight", "NaN is not positive and finite"}, "NaN"},
		{"infinite weight", []seatshare.Base{{Election: e, Weight: math.Inf(1)}}, nil, validationErr{"bases[0].weight", "+Inf is not positive and finite"}, "Inf"},
		{"seats differ", []seatshare.Base{{Election: e, Weight: 1}, {Election: other, Weight: 1}}, nil,
			validationErr{"bases[1].election", "seat S/2 of bases[0] is missing"}, "forgot to map seats"},
		{"one member", al(func(a *seatshare.Alliance) { a.Members = a.Members[:1] }), nil,
			validationErr{"bases[0].alliances[0].members", `alliance "AB" has 1 members, fewer than 2`}, "an alliance of one"},
		{"repeated member", al(func(a *seatshare.Alliance) { a.Members = []string{"A", "B", "A"} }), nil,
			validationErr{"bases[0].alliances[0].members[2]", `member "A" repeats`}, "counted twice"},
		{"independent member", al(func(a *seatshare.Alliance) { a.Members[1] = "IND" }), nil,
			validationErr{"bases[0].alliances[0].members[1]", "independents (IND) are not a party"}, "independents are separate"},
		{"unknown state", al(func(a *seatshare.Alliance) { a.States = []string{"T"} }), nil,
			validationErr{"bases[0].alliances[0].states[0]", `no state "T" in the 2019 election`}, "typo in a state"},
		{"unknown rule", al(func(a *seatshare.Alliance) { a.Split = 9 }), nil,
			validationErr{"bases[0].alliances[0].split", "unknown split rule 9"}, "no such rule"},
		{"fractions with strength rule", al(func(a *seatshare.Alliance) { a.Fractions = map[string]float64{"A": 1} }), nil,
			validationErr{"bases[0].alliances[0].fractions", "fractions given with split rule strength"}, "not silently ignored"},
		{"fixed without member", al(func(a *seatshare.Alliance) {
			a.Split, a.Fractions = seatshare.SplitFixed, map[string]float64{"A": 0.5, "C": 0.5}
		}), nil, validationErr{"bases[0].alliances[0].fractions", `no fraction for member "B"`}, "every member needs one"},
		{"fixed sum", al(func(a *seatshare.Alliance) {
			a.Split, a.Fractions = seatshare.SplitFixed, map[string]float64{"A": 0.5, "B": 0.4}
		}), nil, validationErr{"bases[0].alliances[0].fractions", "fractions sum to 0.9, not 1"}, "fractions sum to 1"},
		{"fixed zero", al(func(a *seatshare.Alliance) {
			a.Split, a.Fractions = seatshare.SplitFixed, map[string]float64{"A": 1, "B": 0}
		}), nil, validationErr{"bases[0].alliances[0].fractions[B]", "0 is not in (0, 1]"}, "a member with no share is no member"},
		{"two alliances", []seatshare.Base{{Election: e, Weight: 1, Alliances: []seatshare.Alliance{
			{Members: []string{"A", "B"}}, {Members: []string{"C", "A"}, States: []string{"S"}}}}}, nil,
			validationErr{"bases[0].alliances[1].members", `"A" is also in alliances[0] in S`}, "whose votes would A carry?"},
		{"override seat", one, &seatshare.StrengthSettings{Overrides: []seatshare.Override{{Seat: seatshare.SeatID{State: "S", No: 9}, Party: "A"}}},
			validationErr{"overrides[0].seat", "no seat S/9 in the base elections"}, "unknown seat"},
		{"override share", one, &seatshare.StrengthSettings{Overrides: []seatshare.Override{{Seat: s1, Party: "A", Share: 1.5}}},
			validationErr{"overrides[0].share", "1.5 is not in [0, 1]"}, "shares are fractions"},
		{"override NaN", one, &seatshare.StrengthSettings{Overrides: []seatshare.Override{{Seat: s1, Party: "A", Share: math.NaN()}}},
			validationErr{"overrides[0].share", "NaN is not in [0, 1]"}, "NaN"},
		{"override party", one, &seatshare.StrengthSettings{Overrides: []seatshare.Override{{Seat: s1, Party: ""}}},
			validationErr{"overrides[0].party", "empty party label"}, "which party?"},
		{"override twice", one, &seatshare.StrengthSettings{Overrides: []seatshare.Override{{Seat: s1, Party: "A"}, {Seat: s1, Party: "A", Share: 0.1}}},
			validationErr{"overrides[1]", "cell S/1 A is overridden twice"}, "which one wins?"},
		{"missing rule", one, &seatshare.StrengthSettings{Missing: 7}, validationErr{"missing", "unknown rule 7"}, "no such rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := seatshare.EstimateStrength(tt.bases, tt.set)
			if err == nil {
				t.Fatalf("EstimateStrength = %v, nil; want error (%s)", st, tt.reason)
			}
			if diff := cmp.Diff(tt.want, viewValidationError(t, err)); diff != "" {
				t.Errorf("EstimateStrength error mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestNewPartyMapBadInput(t *testing.T) {
	to := func(s ...seatshare.Successor) []seatshare.Successor { return s }
	tests := []struct {
		name    string
		renames []seatshare.Rename
		want    validationErr
		reason  string
	}{
		{"empty from", []seatshare.Rename{{From: "", To: to(seatshare.Successor{"X", 1})}}, validationErr{"renames[0].from", "empty party label"}, "rename what?"},
		{"independent", []seatshare.Rename{{From: "IND", To: to(seatshare.Successor{"X", 1})}}, validationErr{"renames[0].from", "independents (IND) are not a party"}, "independents are separate candidates"},
		{"padded", []seatshare.Rename{{From: "AD ", To: to(seatshare.Successor{"X", 1})}}, validationErr{"renames[0].from", `party label "AD " has leading or trailing space`}, "would never match"},
		{"twice", []seatshare.Rename{{From: "AD", To: to(seatshare.Successor{"X", 1})}, {From: "AD", To: to(seatshare.Successor{"Y", 1})}},
			validationErr{"renames[1].from", `party "AD" is renamed twice`}, "which one?"},
		{"no successors", []seatshare.Rename{{From: "AD"}}, validationErr{"renames[0].to", `party "AD" has no successors`}, "votes would vanish"},
		{"repeated successor", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"X", 0.5}, seatshare.Successor{"X", 0.5})}},
			validationErr{"renames[0].to[1].party", `successor "X" repeats`}, "say 1"},
		{"zero fraction", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"X", 1}, seatshare.Successor{"Y", 0})}},
			validationErr{"renames[0].to[1].fraction", "fraction 0 is not in (0, 1]"}, "fractions in (0, 1]"},
		{"big fraction", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"X", 1.2})}},
			validationErr{"renames[0].to[0].fraction", "fraction 1.2 is not in (0, 1]"}, "fractions in (0, 1]"},
		{"NaN fraction", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"X", math.NaN()})}},
			validationErr{"renames[0].to[0].fraction", "fraction NaN is not in (0, 1]"}, "NaN"},
		{"sum", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"X", 0.6}, seatshare.Successor{"Y", 0.3})}},
			validationErr{"renames[0].to", `fractions of "SHS" sum to 0.8999999999999999, not 1`}, "votes would vanish"},
		{"independent successor", []seatshare.Rename{{From: "SHS", To: to(seatshare.Successor{"IND", 1})}},
			validationErr{"renames[0].to[0].party", "independents (IND) are not a party"}, "independents are separate candidates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := seatshare.NewPartyMap(tt.renames...)
			if err == nil {
				t.Fatalf("NewPartyMap = %v, nil; want error (%s)", m, tt.reason)
			}
			if diff := cmp.Diff(tt.want, viewValidationError(t, err)); diff != "" {
				t.Errorf("NewPartyMap error mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestPartyMap(t *testing.T) {
	m := mustPartyMap(t, seatshare.Rename{From: "SHS", To: []seatshare.Successor{{"SHS(UBT)", 0.6}, {"SHS", 0.4}}})
	if diff := cmp.Diff([]seatshare.Successor{{"SHS(UBT)", 0.6}, {"SHS", 0.4}}, m.Map("SHS")); diff != "" {
		t.Errorf("Map(SHS) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]seatshare.Successor{{"BJP", 1}}, m.Map("BJP")); diff != "" {
		t.Errorf("Map(BJP) mismatch (-want +got):\n%s", diff)
	}
	var nilMap *seatshare.PartyMap
	if diff := cmp.Diff([]seatshare.Successor{{"BJP", 1}}, nilMap.Map("BJP")); diff != "" {
		t.Errorf("nil Map(BJP) mismatch (-want +got):\n%s", diff)
	}
}

func TestImputationString(t *testing.T) {
	for _, tc := range []struct {
		f    seatshare.Imputation
		want string
	}{
		{0, "observed"},
		{seatshare.ImputedRenormalised | seatshare.ImputedSplitSeat, "renormalised|split-seat"},
		{seatshare.Overridden | 1<<14, "overridden|0x4000"},
	} {
		if got := tc.f.String(); got != tc.want {
			t.Errorf("Imputation(%d).String() = %q, want %q", uint16(tc.f), got, tc.want)
		}
	}
}

func TestStrengthIndependent(t *testing.T) {
	st, err := seatshare.EstimateStrength([]seatshare.Base{
		{Election: election(2014, seat(1, 100, "A", 40, "IND", 30, "IND", 10)), Weight: 1},
		{Election: election(2019, seat(1, 100, "A", 50)), Weight: 3},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The strongest independent polled 30% in 2014; none stood in 2019.
	if got, want := st.Independent(0), 0.3/4; math.Abs(got-want) > 1e-15 {
		t.Errorf("Independent(0) = %v, want %v", got, want)
	}
	if diff := cmp.Diff([]string{"A"}, st.Parties()); diff != "" {
		t.Errorf("Parties() mismatch (-want +got): independents have no column\n%s", diff)
	}
}
