package scoring_test

import (
	"errors"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// forecasts draws n forecasts in [0, 1] (with repeats, so ties occur) and
// outcomes with at least one event of each kind.
func forecasts(t *rapid.T) ([]float64, []bool) {
	n := rapid.IntRange(2, 40).Draw(t, "n")
	// Forecasts on a grid of thousandths, so that ties occur and a
	// strictly increasing transform keeps distinct forecasts distinct in
	// floating point.
	levels := rapid.SliceOfN(rapid.IntRange(0, 1000), 1, 8).Draw(t, "levels")
	p := make([]float64, n)
	for i := range p {
		p[i] = float64(rapid.SampledFrom(levels).Draw(t, "level")) / 1000
	}
	won := rapid.SliceOfN(rapid.Bool(), n, n).Draw(t, "won")
	won[0], won[1] = true, false
	return p, won
}

func TestAUCInvariantUnderMonotoneTransform(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, won := forecasts(t)
		power := rapid.Float64Range(0.1, 10).Draw(t, "power")
		q := make([]float64, len(p))
		for i, x := range p {
			q[i] = math.Pow(x, power) // strictly increasing on [0, 1]
		}
		a, err := scoring.AUC(p, won)
		if err != nil {
			t.Fatal(err)
		}
		b, err := scoring.AUC(q, won)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(a-b) > 1e-12 {
			t.Fatalf("AUC(p) = %v, AUC(p^%v) = %v", a, power, b)
		}
	})
}

// TestAUCMatchesPairCount compares the rank formula with the definition:
// the share of (won, lost) pairs ordered correctly, ties counted half.
func TestAUCMatchesPairCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, won := forecasts(t)
		var good float64
		var pairs int
		for i := range p {
			for j := range p {
				if !won[i] || won[j] {
					continue
				}
				pairs++
				switch {
				case p[i] > p[j]:
					good++
				case p[i] == p[j]:
					good += 0.5
				}
			}
		}
		got, err := scoring.AUC(p, won)
		if err != nil {
			t.Fatal(err)
		}
		if want := good / float64(pairs); math.Abs(got-want) > 1e-12 {
			t.Fatalf("AUC = %v, pair count gives %v", got, want)
		}
	})
}

func TestBrierAndLogLossOfPerfectForecast(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		_, won := forecasts(t)
		p := make([]float64, len(won))
		for i, w := range won {
			if w {
				p[i] = 1
			}
		}
		b, err := scoring.Brier(p, won)
		if err != nil || b != 0 {
			t.Fatalf("Brier(perfect) = %v, %v; want 0", b, err)
		}
		l, err := scoring.LogLoss(p, won)
		if err != nil || l > 2*scoring.LogLossEpsilon {
			t.Fatalf("LogLoss(perfect) = %v, %v; want about 1e-15", l, err)
		}
	})
}

func TestConstantHalf(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		_, won := forecasts(t)
		p := make([]float64, len(won))
		for i := range p {
			p[i] = 0.5
		}
		l, err := scoring.LogLoss(p, won)
		if err != nil || math.Abs(l-math.Ln2) > 1e-15 {
			t.Fatalf("LogLoss(1/2) = %v, %v; want ln 2", l, err)
		}
		b, _ := scoring.Brier(p, won)
		if b != 0.25 {
			t.Fatalf("Brier(1/2) = %v, want 1/4", b)
		}
		a, _ := scoring.AUC(p, won)
		if a != 0.5 {
			t.Fatalf("AUC(1/2) = %v, want 1/2", a)
		}
	})
}

// TestReliabilityAddsUp checks that the bins partition the forecasts:
// counts and wins add up, each forecast's bin holds it, and the bin means
// reproduce the overall means.
func TestReliabilityAddsUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, won := forecasts(t)
		bins := rapid.IntRange(1, 20).Draw(t, "bins")
		table, err := scoring.Reliability(p, won, bins)
		if err != nil {
			t.Fatal(err)
		}
		if len(table) != bins {
			t.Fatalf("%d bins, want %d", len(table), bins)
		}
		var n, w int
		var sumP float64
		for _, b := range table {
			n += b.Count
			w += b.Won
			sumP += b.Predicted * float64(b.Count)
			if b.Count > 0 && (b.Predicted < b.Lo-1e-12 || b.Predicted > b.Hi+1e-12) {
				t.Fatalf("bin [%v, %v) has mean forecast %v", b.Lo, b.Hi, b.Predicted)
			}
		}
		wantW, wantP := 0, 0.0
		for i, x := range p {
			wantP += x
			if won[i] {
				wantW++
			}
		}
		if n != len(p) || w != wantW || math.Abs(sumP-wantP) > 1e-9 {
			t.Fatalf("bins hold %d forecasts, %d wins, sum %v; want %d, %d, %v", n, w, sumP, len(p), wantW, wantP)
		}
	})
}

func TestForecastTable(t *testing.T) {
	p := []float64{0.9, 0.8, 0.3, 0.3, 0.1}
	won := []bool{true, false, true, false, false}
	// Brier: (0.01 + 0.64 + 0.49 + 0.09 + 0.01)/5 = 0.248.
	// AUC: won {0.9, 0.3} vs lost {0.8, 0.3, 0.1}: 0.9 beats 3; 0.3 beats
	// 0.1, ties 0.3 -> 4.5 of 6 pairs.
	want := []struct {
		name   string
		reason string
		f      func([]float64, []bool) (float64, error)
		want   float64
	}{
		{"brier", "hand computation", scoring.Brier, 0.248},
		{"auc", "ties count half", scoring.AUC, 0.75},
		{"logloss", "hand computation", scoring.LogLoss,
			-(math.Log(0.9) + math.Log(0.2) + math.Log(0.3) + math.Log(0.7) + math.Log(0.9)) / 5},
	}
	for _, tc := range want {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.f(p, won)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("%s (%s): (-want +got)\n%s", tc.name, tc.reason, diff)
			}
		})
	}
	table, err := scoring.Reliability(p, won, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantTable := []scoring.ReliabilityBin{
		{Lo: 0, Hi: 0.5, Count: 3, Won: 1, Predicted: 0.7 / 3, Observed: 1.0 / 3},
		{Lo: 0.5, Hi: 1, Count: 2, Won: 1, Predicted: 0.85, Observed: 0.5},
	}
	if diff := cmp.Diff(wantTable, table, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("Reliability: (-want +got)\n%s", diff)
	}
}

func TestLogLossClamps(t *testing.T) {
	got, err := scoring.LogLoss([]float64{0, 1}, []bool{true, false})
	if err != nil {
		t.Fatal(err)
	}
	// 1-1e-15 is not exact in floating point, so the second miss costs
	// -ln(1e-15) only to about 1e-3.
	if want := -math.Log(scoring.LogLossEpsilon); math.Abs(got-want) > 1e-3 {
		t.Fatalf("LogLoss of two confident misses = %v, want %v", got, want)
	}
}

func TestForecastBadInput(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		p      []float64
		won    []bool
		field  string
	}{
		{"empty", "no forecasts", nil, nil, "p"},
		{"length", "outcomes must match forecasts", []float64{0.5}, []bool{true, false}, "won"},
		{"nan", "NaN is not a probability", []float64{0.5, math.NaN()}, []bool{true, false}, "p"},
		{"above one", "1.5 is not a probability", []float64{1.5, 0}, []bool{true, false}, "p"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for name, f := range map[string]func([]float64, []bool) (float64, error){
				"Brier": scoring.Brier, "LogLoss": scoring.LogLoss, "AUC": scoring.AUC,
			} {
				_, err := f(tc.p, tc.won)
				var ie *scoring.InputError
				if !errors.As(err, &ie) || ie.Field != tc.field || !errors.Is(err, scoring.ErrInvalid) {
					t.Errorf("%s (%s): error %v, want *InputError on %s", name, tc.reason, err, tc.field)
				}
			}
			if _, err := scoring.Reliability(tc.p, tc.won, 5); !errors.Is(err, scoring.ErrInvalid) {
				t.Errorf("Reliability (%s): error %v, want ErrInvalid", tc.reason, err)
			}
		})
	}
	if _, err := scoring.AUC([]float64{0.2, 0.4}, []bool{true, true}); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("AUC with one class: error %v, want ErrInvalid", err)
	}
	if _, err := scoring.Reliability([]float64{0.2}, []bool{true}, 0); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("Reliability with 0 bins: error %v, want ErrInvalid", err)
	}
}
