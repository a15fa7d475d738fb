package seatshare_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

func TestEvaluate(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// The optimal plan, proposed, has no gap.
	var b strings.Builder
	b.WriteString("state,pc_no,party\n")
	for _, seat := range plan.Seats {
		fmt.Fprintf(&b, "%s,%d,%s\n", seat.ID.State, seat.ID.No, seat.Party)
	}
	prop, err := seatshare.ReadProposal(strings.NewReader(b.String()), "optimal.csv")
	if err != nil {
		t.Fatal(err)
	}
	ev, err := pl.Evaluate(context.Background(), prop)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Gap != 0 || ev.Differences != 0 || len(ev.Violations) != 0 || math.Abs(ev.Expected-plan.Expected) > 1e-12 {
		t.Errorf("optimal proposal: gap %v, %d differences, violations %q", ev.Gap, ev.Differences, ev.Violations)
	}
	// A takes Alpha, C Beta/1 and B Beta/2: the locks, B's cap, C's
	// minimum and the row A + B >= 3 in Alpha (4) all hold, but the plan
	// is worse than the optimum.
	prop, err = seatshare.ReadProposal(strings.NewReader("party,state,pc_no\nA,Alpha,1\nA,Alpha,2\nA,Alpha,3\nA,Alpha,4\nC,Beta,1\nB,Beta,2\n"), "p.csv")
	if err != nil {
		t.Fatal(err)
	}
	ev, err = pl.Evaluate(context.Background(), prop)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Gap <= 0 || ev.Differences == 0 {
		t.Errorf("gap %v, %d differences: want a positive gap", ev.Gap, ev.Differences)
	}
	if len(ev.Violations) != 0 {
		t.Errorf("violations %q, want none", ev.Violations)
	}
	var out bytes.Buffer
	if err := seatshare.WriteEvaluation(&out, ev); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "The proposal meets every demand.") {
		t.Errorf("WriteEvaluation:\n%s", out.String())
	}
	// Breaking the lock of Beta/1 and B's cap.
	prop, _ = seatshare.ReadProposal(strings.NewReader("state,pc_no,party\nAlpha,1,B\nAlpha,2,B\nAlpha,3,A\nAlpha,4,A\nBeta,1,B\nBeta,2,C\n"), "bad.csv")
	ev, err = pl.Evaluate(context.Background(), prop)
	if err != nil {
		t.Fatal(err)
	}
	wantV := []string{
		"demands[1] B at most 1: 3 seats",
		"rules[0] lock A in Alpha/1 ONE (won it in 2019): B contests it",
		"rules[0] lock C in Beta/1 UNO (won it in 2019): B contests it",
	}
	if fmt.Sprint(ev.Violations) != fmt.Sprint(wantV) {
		t.Errorf("violations\n got %q\nwant %q", ev.Violations, wantV)
	}
}

func TestBadProposals(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	all := "state,pc_no,party\nAlpha,1,A\nAlpha,2,A\nAlpha,3,A\nAlpha,4,A\nBeta,1,C\n"
	tests := []struct {
		name, reason, csv, want string
	}{
		{"empty", "no header", "", "seatshare: invalid input: p.csv:1: empty file (want a header with state, pc_no and party)"},
		{"no party column", "three columns needed", "state,pc_no\nAlpha,1\n", "seatshare: invalid input: p.csv:1: field party: missing column"},
		{"bad number", "pc_no is a number", "state,pc_no,party\nAlpha,one,A\n", `seatshare: invalid input: p.csv:2: field pc_no: "one" is not a constituency number`},
		{"empty party", "every field is given", "state,pc_no,party\nAlpha,1,\n", "seatshare: invalid input: p.csv:2: field party: empty"},
		{"twice", "one party per seat", "state,pc_no,party\nAlpha,1,A\nAlpha,1,B\n", "seatshare: invalid input: p.csv:3: field pc_no: seat Alpha/1 is already on line 2"},
		{"unknown seat", "the seat must exist", all + "Beta,3,C\n", "seatshare: invalid input: scenario: proposal[5].pc_no: no seat Beta/3 among the scenario's seats"},
		{"ineligible", "C is not in the alliance in Alpha", strings.Replace(all, "Alpha,4,A", "Alpha,4,C", 1) + "Beta,2,C\n", `seatshare: invalid input: scenario: proposal[3].party: party "C" may not contest Alpha/4`},
		{"missing seat", "every seat gets a party", all, "seatshare: invalid input: scenario: proposal: seat Beta/2 has no party"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prop, err := seatshare.ReadProposal(strings.NewReader(tt.csv), "p.csv")
			if err == nil {
				_, err = pl.Evaluate(context.Background(), prop)
			}
			if err == nil {
				t.Fatalf("no error, want %q (%s)", tt.want, tt.reason)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error\n got %q\nwant %q\n(%s)", got, tt.want, tt.reason)
			}
			if !errors.Is(err, seatshare.ErrInvalid) {
				t.Errorf("%T does not wrap ErrInvalid", err)
			}
		})
	}
}

// FuzzReadProposal checks that ReadProposal never panics and that every
// error wraps ErrInvalid.
func FuzzReadProposal(f *testing.F) {
	f.Add("state,pc_no,party\nAlpha,1,A\n")
	f.Add("party,state,pc_no,extra\nA,Alpha,2,x\n")
	f.Add("state,pc_no,party\n\"Alpha,1,A\n")
	f.Fuzz(func(t *testing.T, doc string) {
		pins, err := seatshare.ReadProposal(strings.NewReader(doc), "fuzz.csv")
		if err != nil {
			if !errors.Is(err, seatshare.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		for _, p := range pins {
			if p.No < 1 || p.State == "" || p.Party == "" {
				t.Fatalf("accepted pin %+v", p)
			}
		}
	})
}
