package scoring_test

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

func TestCheckQuotaTable(t *testing.T) {
	// One dominant party: quota 8.2 of 10 seats, the others 0.61, 0.60,
	// 0.59.
	votes := []int64{8200, 610, 600, 590}
	tests := []struct {
		name   string
		reason string
		m      scoring.Method
		seats  []int
		want   []scoring.QuotaViolation
	}{
		{
			name:   "dhondt-upper",
			reason: "8200/10 = 820 still beats 610, so D'Hondt gives all 10 seats to the quota-8.2 party",
			m:      scoring.DHondt,
			seats:  []int{10, 0, 0, 0},
			want:   []scoring.QuotaViolation{{Party: 0, Seats: 10, Quota: big.NewRat(41, 5), Floor: 8, Ceil: 9}},
		},
		{
			name:   "adams-lower",
			reason: "Adams gives each small party its first seat, leaving 7 < 8",
			m:      scoring.Adams,
			seats:  []int{7, 1, 1, 1},
			want:   []scoring.QuotaViolation{{Party: 0, Seats: 7, Quota: big.NewRat(41, 5), Floor: 8, Ceil: 9}},
		},
		{
			name:   "hamilton-within",
			reason: "Hamilton meets quota",
			m:      scoring.Hamilton,
			seats:  []int{8, 1, 1, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := scoring.Apportion(tt.m, votes, 10, nil)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.seats, a.Seats); diff != "" {
				t.Fatalf("Apportion(%v) mismatch (-want +got) (%s):\n%s", tt.m, tt.reason, diff)
			}
			got, err := scoring.CheckQuota(votes, a.Seats)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, ratComparer); diff != "" {
				t.Errorf("CheckQuota(%v) mismatch (-want +got) (%s):\n%s", a.Seats, tt.reason, diff)
			}
		})
	}
}

func TestCheckQuotaMatchesDefinition(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.Votes(1, 8, 100).Draw(t, "votes")
		seats := rapid.SliceOfN(rapid.IntRange(0, 20), len(votes), len(votes)).Draw(t, "seats")
		got, err := scoring.CheckQuota(votes, seats)
		if err != nil {
			t.Fatal(err)
		}
		var total, house int64
		for i := range votes {
			total += votes[i]
			house += int64(seats[i])
		}
		var want []int
		for i, v := range votes {
			q := big.NewRat(house*v, total)
			// seats[i] must lie within one of q: |s - q| < 1.
			d := new(big.Rat).Sub(big.NewRat(int64(seats[i]), 1), q)
			if d.Abs(d).Cmp(big.NewRat(1, 1)) >= 0 {
				want = append(want, i)
			}
		}
		var parties []int
		for _, v := range got {
			parties = append(parties, v.Party)
		}
		if diff := cmp.Diff(want, parties); diff != "" {
			t.Fatalf("CheckQuota(%v, %v) parties mismatch (-want +got):\n%s", votes, seats, diff)
		}
	})
}

func TestQuotas(t *testing.T) {
	got, err := scoring.Quotas([]int64{8200, 610, 600, 590}, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []scoring.Quota{
		{Exact: big.NewRat(41, 5), Floor: 8, Ceil: 9},
		{Exact: big.NewRat(61, 100), Floor: 0, Ceil: 1},
		{Exact: big.NewRat(3, 5), Floor: 0, Ceil: 1},
		{Exact: big.NewRat(59, 100), Floor: 0, Ceil: 1},
	}
	if diff := cmp.Diff(want, got, ratComparer); diff != "" {
		t.Errorf("Quotas mismatch (-want +got):\n%s", diff)
	}
	got, err = scoring.Quotas([]int64{3, 1}, 8)
	if err != nil {
		t.Fatal(err)
	}
	want = []scoring.Quota{{Exact: big.NewRat(6, 1), Floor: 6, Ceil: 6}, {Exact: big.NewRat(2, 1), Floor: 2, Ceil: 2}}
	if diff := cmp.Diff(want, got, ratComparer); diff != "" {
		t.Errorf("Quotas with whole quotas mismatch (-want +got):\n%s", diff)
	}
}
