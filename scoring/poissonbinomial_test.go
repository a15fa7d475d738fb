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

// bruteForcePMF enumerates all 2^n outcomes.
func bruteForcePMF(p []float64) scoring.PMF {
	n := len(p)
	f := make(scoring.PMF, n+1)
	for mask := 0; mask < 1<<n; mask++ {
		prob, wins := 1.0, 0
		for i, pi := range p {
			if mask&(1<<i) != 0 {
				prob *= pi
				wins++
			} else {
				prob *= 1 - pi
			}
		}
		f[wins] += prob
	}
	return f
}

func mustPB(t interface{ Fatalf(string, ...any) }, p []float64) scoring.PMF {
	f, err := scoring.PoissonBinomial(p)
	if err != nil {
		t.Fatalf("PoissonBinomial(%v): %v", p, err)
	}
	return f
}

func TestPoissonBinomialMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 10).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		got := mustPB(t, p)
		if diff := cmp.Diff(bruteForcePMF(p), got, cmpopts.EquateApprox(0, 1e-13)); diff != "" {
			t.Fatalf("PoissonBinomial(%v) mismatch with enumeration (-want +got):\n%s", p, diff)
		}
	})
}

func TestPoissonBinomialSumsToOne(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 600).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		var sum float64
		for _, pk := range mustPB(t, p) {
			if !(pk >= 0) {
				t.Fatalf("negative or NaN mass %v", pk)
			}
			sum += pk
		}
		// Each step rounds each entry once; the mass drifts by at most a few
		// ulps per step.
		if math.Abs(sum-1) > float64(n+1)*4e-16 {
			t.Fatalf("PMF of %d seats sums to %v", n, sum)
		}
	})
}

func TestPoissonBinomialMoments(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 200).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		var mean, variance float64
		for _, pi := range p {
			mean += pi
			variance += pi * (1 - pi)
		}
		f := mustPB(t, p)
		if got := f.Mean(); math.Abs(got-mean) > 1e-10*(1+mean) {
			t.Fatalf("Mean() = %v, want sum of p = %v", got, mean)
		}
		if got, want := f.SD(), math.Sqrt(variance); math.Abs(got-want) > 1e-7*(1+want) {
			t.Fatalf("SD() = %v, want sqrt(sum p(1-p)) = %v", got, want)
		}
	})
}

func TestPoissonBinomialComplementReverses(t *testing.T) {
	// Winning with probabilities 1-p is losing with probabilities p.
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 50).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		q := make([]float64, n)
		for i, pi := range p {
			q[i] = 1 - pi
		}
		f, g := mustPB(t, p), mustPB(t, q)
		for k := range f {
			if math.Abs(f[k]-g[n-k]) > 1e-13 {
				t.Fatalf("P(k=%d | p) = %v, P(k=%d | 1-p) = %v", k, f[k], n-k, g[n-k])
			}
		}
	})
}

func TestPMFQuantileIsLowerQuantile(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 30).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		q := rapid.Float64Range(0, 1).Draw(t, "q")
		f := mustPB(t, p)
		k := f.Quantile(q)
		if f[k] <= 0 {
			t.Fatalf("Quantile(%v) = %d has no mass", q, k)
		}
		below := 1 - f.AtLeast(k)  // P(total < k)
		upto := 1 - f.AtLeast(k+1) // P(total <= k)
		const tol = 1e-12
		if below >= q+tol && q > 0 {
			t.Fatalf("Quantile(%v) = %d, but P(total < %d) = %v already reaches q", q, k, k, below)
		}
		if upto < q-tol {
			t.Fatalf("Quantile(%v) = %d, but P(total <= %d) = %v < q", q, k, k, upto)
		}
	})
}

func TestPMFAtLeast(t *testing.T) {
	f := scoring.PMF{0.125, 0.375, 0.375, 0.125} // three fair coins
	tests := []struct {
		name   string
		reason string
		k      int
		want   float64
	}{
		{"below range", "every total is at least -1", -1, 1},
		{"zero", "every total is at least 0", 0, 1},
		{"two", "3/8 + 1/8", 2, 0.5},
		{"three", "all three heads", 3, 0.125},
		{"above range", "no total exceeds the number of seats", 4, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.AtLeast(tt.k); got != tt.want {
				t.Errorf("AtLeast(%d) = %v, want %v (%s)", tt.k, got, tt.want, tt.reason)
			}
		})
	}
	if got := f.Quantile(0.5); got != 1 {
		t.Errorf("Quantile(0.5) = %d, want 1 (P(total <= 1) = 1/2 exactly)", got)
	}
	if got := f.Quantile(0); got != 0 {
		t.Errorf("Quantile(0) = %d, want 0, the smallest total with mass", got)
	}
	if got := f.Quantile(1); got != 3 {
		t.Errorf("Quantile(1) = %d, want 3", got)
	}
}

func TestPoissonBinomialInvalid(t *testing.T) {
	for i, bad := range []float64{-0.1, 1.1, math.NaN()} {
		p := []float64{0.5, 0.5, 0.5}
		p[i] = bad
		_, err := scoring.PoissonBinomial(p)
		var ie *scoring.InputError
		if !errors.Is(err, scoring.ErrInvalid) || !errors.As(err, &ie) || ie.Field != "p" || ie.Index != i {
			t.Errorf("PoissonBinomial(%v) = %v, want an *InputError naming p[%d]", p, err, i)
		}
	}
}
