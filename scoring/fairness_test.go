package scoring_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

var ratComparer = cmp.Comparer(func(a, b *big.Rat) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
})

// weightedPicking allocates every item by the weighted picking sequence of
// Chakraborty, Igarashi, Suksompong and Zick (2021): at each step the agent
// with the smallest t_i/w_i (t_i its items so far; lowest index on ties)
// takes its most valued remaining item (lowest index on ties). Their
// theorem: the result is WEF1.
func weightedPicking(s scoringtest.Split) []int {
	n, m := len(s.Valuations), len(s.Owner)
	owner := make([]int, m)
	for g := range owner {
		owner[g] = -1
	}
	t := make([]float64, n)
	for range m {
		p := 0
		for i := 1; i < n; i++ {
			// t_i/w_i < t_p/w_p, cross-multiplied; integers, so exact.
			if t[i]*s.Weights[p] < t[p]*s.Weights[i] {
				p = i
			}
		}
		best := -1
		for g := range m {
			if owner[g] < 0 && (best < 0 || s.Valuations[p][g] > s.Valuations[p][best]) {
				best = g
			}
		}
		owner[best] = p
		t[p]++
	}
	return owner
}

func TestWeightedPickingSequenceIsWEF1(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := scoringtest.Splits(5, 12).Draw(t, "s")
		owner := weightedPicking(s)
		v, err := scoring.WEF1(s.Valuations, owner, s.Weights, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(v) > 0 {
			t.Fatalf("picking-sequence allocation %v is not WEF1: %+v", owner, v)
		}
	})
}

// unitSplit turns a seat split into items: party i owns seats[i] items that
// everyone values at one.
func unitSplit(ss scoringtest.SeatSplit) (val [][]float64, owner []int, w []float64) {
	for i, s := range ss.Seats {
		for range s {
			owner = append(owner, i)
		}
	}
	for i := range ss.Seats {
		row := make([]float64, len(owner))
		for g := range row {
			row[g] = 1
		}
		val = append(val, row)
		w = append(w, float64(ss.Claims[i]))
	}
	return val, owner, w
}

func TestSeatsFairnessMatchesItems(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ss := scoringtest.SeatSplits(6, 8, 20).Draw(t, "ss")
		val, owner, w := unitSplit(ss)
		envy, err := scoring.SeatsWEF1(ss.Seats, ss.Claims)
		if err != nil {
			t.Fatal(err)
		}
		envyItems, err := scoring.WEF1(val, owner, w, 0)
		if err != nil {
			t.Fatal(err)
		}
		pairs := func(n int) [][2]int { return make([][2]int, 0, n) }
		a, b := pairs(len(envy)), pairs(len(envyItems))
		for _, e := range envy {
			a = append(a, [2]int{e.Party, e.Other})
		}
		for _, e := range envyItems {
			b = append(b, [2]int{e.Agent, e.Other})
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("SeatsWEF1 and WEF1 disagree (-seats +items):\n%s", diff)
		}
		short, err := scoring.SeatsWPROP1(ss.Seats, ss.Claims)
		if err != nil {
			t.Fatal(err)
		}
		shortItems, err := scoring.WPROP1(val, owner, w, 0)
		if err != nil {
			t.Fatal(err)
		}
		var c, d []int
		for _, x := range short {
			c = append(c, x.Party)
		}
		for _, x := range shortItems {
			d = append(d, x.Agent)
		}
		if diff := cmp.Diff(c, d); diff != "" {
			t.Fatalf("SeatsWPROP1 and WPROP1 disagree (-seats +items):\n%s", diff)
		}
	})
}

func TestAdamsIsSeatsWEF1(t *testing.T) {
	// Adams's divisor certificate v_i/s_i <= d <= v_j/(s_j-1) gives
	// s_i/v_i >= (s_j-1)/v_j: exactly WEF1 with claims = votes.
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.PositiveVotes(1, 8, 100).Draw(t, "votes")
		house := scoringtest.House(len(votes), 40).Draw(t, "house")
		all, err := validResults(t, scoring.Adams, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			v, err := scoring.SeatsWEF1(r, votes)
			if err != nil || len(v) > 0 {
				t.Fatalf("Adams(%v, %d) = %v is not WEF1: %+v %v", votes, house, r, v, err)
			}
		}
	})
}

func TestDHondtIsSeatsWPROP1(t *testing.T) {
	// Lower quota s_i >= floor(q_i) > q_i - 1 gives s_i + 1 > q_i.
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.PositiveVotes(1, 8, 100).Draw(t, "votes")
		house := scoringtest.House(0, 40).Draw(t, "house")
		all, err := validResults(t, scoring.DHondt, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			v, err := scoring.SeatsWPROP1(r, votes)
			if err != nil || len(v) > 0 {
				t.Fatalf("D'Hondt(%v, %d) = %v is not WPROP1: %+v %v", votes, house, r, v, err)
			}
		}
	})
}

func TestFairnessTable(t *testing.T) {
	// Two parties with claims 3 and 1 over four seats (items 0-3); party 0
	// values every seat at 1, party 1 values seat 3 at 5 and the others at
	// 1.
	val := [][]float64{{1, 1, 1, 1}, {1, 1, 1, 5}}
	w := []float64{3, 1}
	tests := []struct {
		name   string
		reason string
		owner  []int
		envy   []scoring.EnvyViolation
		prop   []scoring.PropViolation
	}{
		{
			name:   "proportional",
			reason: "party 0 has 3 seats for claim 3, party 1 its favourite",
			owner:  []int{0, 0, 0, 1},
		},
		{
			name:   "party-1-takes-all-but-one",
			reason: "party 0 values 1 seat at 1/3 per claim and party 1's 3 seats minus one at 2/1",
			owner:  []int{0, 1, 1, 1},
			envy: []scoring.EnvyViolation{{
				Agent: 0, Other: 1, Own: 1, OtherBundle: 3, Item: 1, Removed: 1, OwnWeight: 3, OtherWeight: 1,
			}},
			prop: []scoring.PropViolation{{Agent: 0, Own: 1, Item: 1, Added: 1, Share: 3}},
		},
		{
			name:   "unallocated-favourite",
			reason: "seat 3 goes to nobody: party 1 (share 2) gets 1 + 5 from it, so WPROP1 holds; party 0 (share 3) has 2 + 1",
			owner:  []int{0, 0, 1, -1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			envy, err := scoring.WEF1(val, tt.owner, w, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.envy, envy); diff != "" {
				t.Errorf("WEF1 mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			prop, err := scoring.WPROP1(val, tt.owner, w, 0)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.prop, prop); diff != "" {
				t.Errorf("WPROP1 mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSeatsFairnessTable(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		seats  []int
		claims []int64
		envy   []scoring.SeatEnvy
		short  []scoring.SeatShortfall
	}{
		{
			name:   "samajwadi-vs-congress",
			reason: "claims 111 and 2 (MLAs): 60 and 20 seats; Congress's 19 after one removal per 2 outweighs 60 per 111, and SP's share 80*111/113 = 78.6 > 61",
			seats:  []int{60, 20},
			claims: []int64{111, 2},
			envy:   []scoring.SeatEnvy{{Party: 0, Other: 1, Seats: 60, OtherSeats: 20, Claim: 111, OtherClaim: 2}},
			short:  []scoring.SeatShortfall{{Party: 0, Seats: 60, Share: big.NewRat(80*111, 113)}},
		},
		{
			name:   "proportional",
			reason: "78 and 2 seats is within one seat of 78.6 and 1.4",
			seats:  []int{78, 2},
			claims: []int64{111, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			envy, err := scoring.SeatsWEF1(tt.seats, tt.claims)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.envy, envy); diff != "" {
				t.Errorf("SeatsWEF1 mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			short, err := scoring.SeatsWPROP1(tt.seats, tt.claims)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.short, short, ratComparer); diff != "" {
				t.Errorf("SeatsWPROP1 mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestIndividualRationalityAndPrice(t *testing.T) {
	ir, err := scoring.IndividualRationality([]float64{10, 3.5, 2}, []float64{9, 4, 2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]scoring.IRViolation{{Party: 1, Got: 3.5, Alone: 4}}, ir); diff != "" {
		t.Errorf("IndividualRationality mismatch (-want +got):\n%s", diff)
	}
	p, err := scoring.NewPriceOfFairness(300, 285)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(scoring.PriceOfFairness{Best: 300, Fair: 285, Absolute: 15, Relative: 0.05}, p, approx); diff != "" {
		t.Errorf("NewPriceOfFairness mismatch (-want +got):\n%s", diff)
	}
	if _, err := scoring.NewPriceOfFairness(300, 301); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("NewPriceOfFairness(300, 301) error = %v, want ErrInvalid: a fair plan cannot beat the best", err)
	}
}

func TestFairnessInvalid(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		call   func() error
		field  string
		index  int
	}{
		{"ragged", "one value per item", func() error {
			_, err := scoring.WEF1([][]float64{{1, 2}, {1}}, []int{0, 1}, []float64{1, 1}, 0)
			return err
		}, "valuations", 1},
		{"negative-value", "goods have non-negative values", func() error {
			_, err := scoring.WPROP1([][]float64{{-1}}, []int{0}, []float64{1}, 0)
			return err
		}, "valuations", 0},
		{"owner-range", "owners are agents or -1", func() error {
			_, err := scoring.WEF1([][]float64{{1}}, []int{3}, []float64{1}, 0)
			return err
		}, "owner", 0},
		{"zero-weight", "entitlements are positive", func() error {
			_, err := scoring.WEF1([][]float64{{1}}, []int{0}, []float64{0}, 0)
			return err
		}, "weights", 0},
		{"zero-claim", "claims are positive", func() error {
			_, err := scoring.SeatsWEF1([]int{1, 2}, []int64{1, 0})
			return err
		}, "claims", 1},
		{"ir-length", "one standalone value per party", func() error {
			_, err := scoring.IndividualRationality([]float64{1}, nil, 0)
			return err
		}, "alone", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var ie *scoring.InputError
			if !errors.As(err, &ie) || !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("error = %v, want an *InputError wrapping ErrInvalid (%s)", err, tt.reason)
			}
			if ie.Field != tt.field || ie.Index != tt.index {
				t.Errorf("error names %s[%d], want %s[%d] (%s)", ie.Field, ie.Index, tt.field, tt.index, tt.reason)
			}
		})
	}
}
