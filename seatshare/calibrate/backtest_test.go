package calibrate_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// seat builds a constituency of state s, number no, with 1000 valid votes
// and the candidates given as party, votes, party, votes, ...
func seat(s string, no int, pv ...any) seatshare.Constituency {
	c := seatshare.Constituency{State: s, No: no, Name: fmt.Sprintf("%s %d", s, no), ValidVotes: 1000, Electors: 2000}
	for k := 0; k < len(pv); k += 2 {
		c.Candidates = append(c.Candidates, seatshare.Candidate{
			Party: pv[k].(string), Name: fmt.Sprintf("C%d", k), Votes: int64(pv[k+1].(int)),
		})
	}
	return c
}

func election(year int, cs ...seatshare.Constituency) *seatshare.Election {
	e := &seatshare.Election{Year: year, Constituencies: cs}
	e.Sort()
	return e
}

// handPair is a base and a later election of four seats in two states.
// A/1: the alliance (A1, A2) and the rival (R1, R2) each field one
// candidate; A/2: a friendly fight between A1 and A2, and O stands; A/3
// is not in the later election; B/1: A2 is in the alliance only in A, so
// in B no alliance member stands (excluded); B/2: new in the later
// election.
func handPair() calibrate.Pair {
	base := election(2009,
		seat("A", 1, "A1", 400, "A2", 100, "R1", 300, "R2", 150),
		seat("A", 2, "A1", 200, "A2", 300, "R1", 350, "O", 100),
		seat("A", 3, "A1", 500, "R1", 400),
		seat("B", 1, "A2", 600, "R1", 300),
	)
	later := election(2014,
		seat("A", 1, "A1", 500, "R1", 450),
		seat("A", 2, "A1", 300, "A2", 300, "R1", 350, "O", 50),
		seat("B", 1, "A2", 600, "R1", 300),
		seat("B", 2, "A1", 600, "R1", 300),
	)
	return calibrate.Pair{
		Base: base, Later: later,
		Blocs: calibrate.Blocs{
			Alliance: []calibrate.Member{{Party: "A1", States: []string{"A"}}, {Party: "A2", States: []string{"A"}}},
			Rival:    []calibrate.Member{{Party: "R1"}, {Party: "R2"}},
		},
	}
}

func TestNewBacktestByHand(t *testing.T) {
	b, err := calibrate.NewBacktest(handPair())
	if err != nil {
		t.Fatal(err)
	}
	want := &calibrate.Backtest{
		BaseYear: 2009, LaterYear: 2014,
		Seats: []calibrate.Seat{
			{
				// A2 stood down for A1 (the only member standing), R2 for R1.
				ID: seatshare.SeatID{State: "A", No: 1}, Parties: []string{"A1", "A2", "R1", "R2"},
				Shares: []float64{0.4, 0.1, 0.3, 0.15}, Partners: []int{1}, Rival: 2, RivalPartners: []int{3},
				Combined: 0.5 - 0.45, BaseWinner: calibrate.SideAlliance, Won: true,
			},
			{
				// Friendly fight: A2 is stronger in the base, so it is the
				// candidate and A1 stands alone; R2 has no base strength
				// here and stays a (zero) partner.
				ID: seatshare.SeatID{State: "A", No: 2}, Parties: []string{"A2", "R1", "R2", "A1", "O"},
				Shares: []float64{0.3, 0.35, 0, 0.2, 0.1}, Rival: 1, RivalPartners: []int{2},
				Combined: 0.5 - 0.35, BaseWinner: calibrate.SideRival, Won: false,
			},
		},
		Excluded: []calibrate.Exclusion{
			{Seat: seatshare.SeatID{State: "A", No: 3}, Reason: calibrate.NotInLater},
			{Seat: seatshare.SeatID{State: "B", No: 1}, Reason: calibrate.NoAllianceCandidate},
			{Seat: seatshare.SeatID{State: "B", No: 2}, Reason: calibrate.NotInBase},
		},
	}
	if diff := cmp.Diff(want, b, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("NewBacktest: (-want +got)\n%s", diff)
	}
	if got := b.ExcludedBy(calibrate.NotInBase); got != 1 {
		t.Errorf("ExcludedBy(NotInBase) = %d, want 1", got)
	}
	// Seat A/1 by hand: V = 0.4 + 0.5*0.1 = 0.45; rival 0.3 + 0.5*0.15 +
	// 0.2*0.5*0.1 = 0.385; margin 0.065, plus swing 0.01.
	p, err := b.Predict([]int{0}, calibrate.Params{Scale: 0.1, Transfer: 0.5, Lambda: 0.2, National: 0.01}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want0 := 0.5 * math.Erfc(-0.75/math.Sqrt2)
	if math.Abs(p[0]-want0) > 1e-12 {
		t.Errorf("Predict(A/1) = %v, want Phi(0.075/0.1) = %v", p[0], want0)
	}
}

func TestNewBacktestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(p *calibrate.Pair)
		field  string
	}{
		{"nil base", "an election is required", func(p *calibrate.Pair) { p.Base = nil }, "base"},
		{"nil later", "an election is required", func(p *calibrate.Pair) { p.Later = nil }, "later"},
		{"invalid later", "elections are validated", func(p *calibrate.Pair) { p.Later.Year = 0 }, "later"},
		{"no alliance", "a bloc needs members", func(p *calibrate.Pair) { p.Blocs.Alliance = nil }, "blocs.alliance"},
		{"no rival", "a bloc needs members", func(p *calibrate.Pair) { p.Blocs.Rival = nil }, "blocs.rival"},
		{"independent member", "independents are not a party", func(p *calibrate.Pair) {
			p.Blocs.Rival = append(p.Blocs.Rival, calibrate.Member{Party: seatshare.Independent})
		}, "blocs.rival[2].party"},
		{"empty member", "a label is required", func(p *calibrate.Pair) { p.Blocs.Alliance[0].Party = "" }, "blocs.alliance[0].party"},
		{"unknown state", "states must exist in the later election", func(p *calibrate.Pair) {
			p.Blocs.Alliance[1].States = []string{"Z"}
		}, "blocs.alliance[1].states[0]"},
		{"repeated state", "a state once per member", func(p *calibrate.Pair) {
			p.Blocs.Alliance[1].States = []string{"A", "A"}
		}, "blocs.alliance[1].states[1]"},
		{"both blocs", "a party is in one bloc per state", func(p *calibrate.Pair) {
			p.Blocs.Rival = append(p.Blocs.Rival, calibrate.Member{Party: "A1"})
		}, "blocs.rival[2]"},
		{"bad alliance", "base alliances go to the strength estimate", func(p *calibrate.Pair) {
			p.BaseAlliances = []seatshare.Alliance{{Name: "x", Members: []string{"A1"}}}
		}, "base strength"},
		{"nothing to forecast", "no alliance member stands anywhere", func(p *calibrate.Pair) {
			p.Blocs.Alliance = []calibrate.Member{{Party: "NOBODY"}}
		}, "later"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := handPair()
			tc.edit(&p)
			_, err := calibrate.NewBacktest(p)
			var ie *calibrate.InputError
			if !errors.As(err, &ie) || ie.Field != tc.field || !errors.Is(err, calibrate.ErrInvalid) {
				t.Fatalf("NewBacktest (%s): error %v, want *InputError on %q", tc.reason, err, tc.field)
			}
		})
	}
}

func TestEstimateBadInput(t *testing.T) {
	b, err := calibrate.NewBacktest(handPair())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		reason string
		sel    []int
		s      *calibrate.Settings
		field  string
	}{
		{"index", "seat indices must exist", []int{5}, nil, "sel[0]"},
		{"empty", "nothing to fit", []int{}, nil, "sel"},
		{"scale", "a scale must be positive", nil, &calibrate.Settings{Start: &calibrate.Params{Scale: -1}}, "settings.start.scale"},
		{"transfer", "rates lie in [0, 1]", nil, &calibrate.Settings{Start: &calibrate.Params{Scale: 1, Transfer: 2}}, "settings.start.transfer"},
		{"lambda", "lambda lies in [0, 1]", nil, &calibrate.Settings{Start: &calibrate.Params{Scale: 1, Lambda: math.NaN()}}, "settings.start.lambda"},
		{"bound", "the state bound is positive", nil, &calibrate.Settings{StateBound: -1}, "settings.state_bound"},
		{"swing", "known swings only", nil, &calibrate.Settings{Swing: 9}, "settings.swing"},
		{"forecast", "known forecasts only", nil, &calibrate.Settings{Forecast: 9}, "settings.forecast"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calibrate.Estimate(b, tc.sel, tc.s)
			var ie *calibrate.InputError
			if !errors.As(err, &ie) || ie.Field != tc.field {
				t.Fatalf("Estimate (%s): error %v, want *InputError on %q", tc.reason, err, tc.field)
			}
		})
	}
	if _, err := b.Predict(nil, calibrate.Params{Scale: 0.1, National: math.Inf(1)}, nil); !errors.Is(err, calibrate.ErrInvalid) {
		t.Errorf("Predict with an infinite swing: error %v, want ErrInvalid", err)
	}
	if _, err := calibrate.FitIncumbent(b, []int{-1}); !errors.Is(err, calibrate.ErrInvalid) {
		t.Errorf("FitIncumbent with index -1: error %v, want ErrInvalid", err)
	}
	if _, err := calibrate.Run(b, b, &calibrate.RunSettings{Folds: 1}); !errors.Is(err, calibrate.ErrInvalid) {
		t.Errorf("Run with 1 fold: error %v, want ErrInvalid", err)
	}
}

func TestLokSabhaSplitPairsBadInput(t *testing.T) {
	e := election(2009, seat("A", 1, "A1", 400))
	for _, tc := range []struct {
		name   string
		reason string
		es     [3]*seatshare.Election
		which  calibrate.LokSabhaSplit
		field  string
	}{
		{name: "unknown split", reason: "only SplitBlocs and SplitAllFronts exist", es: [3]*seatshare.Election{e, e, e}, which: calibrate.SplitAllFronts + 1, field: "split"},
		{name: "nil election", reason: "LokSabhaPairs' check applies", es: [3]*seatshare.Election{e, nil, e}, which: calibrate.SplitBlocs, field: "elections"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := calibrate.LokSabhaSplitPairs(tc.es[0], tc.es[1], tc.es[2], tc.which)
			var ie *calibrate.InputError
			if !errors.As(err, &ie) || !errors.Is(err, calibrate.ErrInvalid) || ie.Field != tc.field {
				t.Errorf("error %v, want an *InputError naming %q (%s)", err, tc.field, tc.reason)
			}
		})
	}
}

func TestLokSabhaSplitString(t *testing.T) {
	for _, tc := range []struct {
		which calibrate.LokSabhaSplit
		want  string
	}{{calibrate.SplitBlocs, "blocs"}, {calibrate.SplitAllFronts, "all fronts"}, {7, "LokSabhaSplit(7)"}} {
		if got := tc.which.String(); got != tc.want {
			t.Errorf("%d.String() = %q, want %q", uint8(tc.which), got, tc.want)
		}
	}
}
