package scoring_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

// indices computes every index of votes and seats.
func indices(votes []int64, seats []int) (map[string]float64, error) {
	out := make(map[string]float64)
	for name, f := range map[string]func([]int64, []int) (float64, error){
		"gallagher":       scoring.Gallagher[int64, int],
		"loosemore-hanby": scoring.LoosemoreHanby[int64, int],
		"sainte-lague":    scoring.SainteLagueIndex[int64, int],
		"dhondt":          scoring.DHondtIndex[int64, int],
	} {
		x, err := f(votes, seats)
		if err != nil {
			return nil, err
		}
		out[name] = x
	}
	var err error
	if out["enp-votes"], err = scoring.EffectiveParties(votes); err != nil {
		return nil, err
	}
	if out["enp-seats"], err = scoring.EffectiveParties(seats); err != nil {
		return nil, err
	}
	return out, nil
}

func TestIndicesTable(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		votes  []int64
		seats  []int
		want   map[string]float64
	}{
		{
			name:   "one-seat-moved",
			reason: "shares .5 .3 .2 against .6 .3 .1: differences ±.1",
			votes:  []int64{50, 30, 20},
			seats:  []int{6, 3, 1},
			want: map[string]float64{
				"gallagher": 0.1, "loosemore-hanby": 0.1,
				"sainte-lague": 0.01/0.5 + 0.01/0.2, "dhondt": 1.2,
				"enp-votes": 1 / 0.38, "enp-seats": 1 / 0.46,
			},
		},
		{
			name:   "proportional",
			reason: "seat shares equal vote shares",
			votes:  []int64{400, 400, 200},
			seats:  []int{2, 2, 1},
			want: map[string]float64{
				"gallagher": 0, "loosemore-hanby": 0, "sainte-lague": 0, "dhondt": 1,
				"enp-votes": 1 / 0.36, "enp-seats": 1 / 0.36,
			},
		},
		{
			name:   "seats-without-votes",
			reason: "a party with seats and no votes is infinitely over-represented",
			votes:  []int64{10, 0},
			seats:  []int{1, 1},
			want: map[string]float64{
				"gallagher": math.Sqrt(0.25), "loosemore-hanby": 0.5,
				"sainte-lague": math.Inf(1), "dhondt": math.Inf(1),
				"enp-votes": 1, "enp-seats": 2,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := indices(tt.votes, tt.seats)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("indices(%v, %v) mismatch (-want +got) (%s):\n%s", tt.votes, tt.seats, tt.reason, diff)
			}
		})
	}
}

func TestIndicesZeroWhenProportional(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seats := rapid.SliceOfN(rapid.IntRange(0, 50), 1, 10).Filter(func(s []int) bool {
			for _, x := range s {
				if x > 0 {
					return true
				}
			}
			return false
		}).Draw(t, "seats")
		k := rapid.Int64Range(1, 1000).Draw(t, "k")
		votes := make([]int64, len(seats))
		for i, s := range seats {
			votes[i] = int64(s) * k
		}
		got, err := indices(votes, seats)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]float64{"gallagher": 0, "loosemore-hanby": 0, "sainte-lague": 0, "dhondt": 1} {
			if math.Abs(got[name]-want) > 1e-12 {
				t.Fatalf("%s = %v for proportional seats, want %v", name, got[name], want)
			}
		}
	})
}

func TestGallagherAtMostLoosemoreHanby(t *testing.T) {
	// With d = v - s summing to zero and P its positive part, Σd² <= 2P²,
	// so sqrt(½Σd²) <= P = ½Σ|d|.
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.Votes(1, 10, 1000).Draw(t, "votes")
		seats := rapid.SliceOfN(rapid.IntRange(0, 30), len(votes), len(votes)).Filter(func(s []int) bool {
			for _, x := range s {
				if x > 0 {
					return true
				}
			}
			return false
		}).Draw(t, "seats")
		got, err := indices(votes, seats)
		if err != nil {
			t.Fatal(err)
		}
		if got["gallagher"] > got["loosemore-hanby"]+1e-12 {
			t.Fatalf("Gallagher %v > Loosemore-Hanby %v", got["gallagher"], got["loosemore-hanby"])
		}
		if got["dhondt"] < 1-1e-12 {
			t.Fatalf("D'Hondt index %v < 1", got["dhondt"])
		}
		if e := got["enp-votes"]; e < 1-1e-12 || e > float64(len(votes))+1e-9 {
			t.Fatalf("effective number of parties %v not in [1, %d]", e, len(votes))
		}
	})
}

func TestIndicesInvalid(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		call   func() error
		field  string
		index  int
	}{
		{"length", "one seat count per party", func() error { _, err := scoring.Gallagher([]int{1, 2}, []int{1}); return err }, "seats", -1},
		{"negative", "counts are non-negative", func() error { _, err := scoring.LoosemoreHanby([]int{1, -2}, []int{1, 1}); return err }, "votes", 1},
		{"nan", "shares are finite", func() error { _, err := scoring.DHondtIndex([]float64{1, math.NaN()}, []int{1, 1}); return err }, "votes", 1},
		{"no-seats", "seat shares need seats", func() error { _, err := scoring.SainteLagueIndex([]int{1}, []int{0}); return err }, "seats", -1},
		{"empty", "no parties", func() error { _, err := scoring.EffectiveParties([]int{}); return err }, "x", -1},
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
