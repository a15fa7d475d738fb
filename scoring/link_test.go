package scoring_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

func TestProbitLinkProperties(t *testing.T) {
	for _, sigma := range []float64{1e-3, 0.05, 1, 40} {
		scoringtest.CheckLink(t, scoring.Probit{Sigma: sigma})
	}
}

func TestLogisticLinkProperties(t *testing.T) {
	for _, scale := range []float64{1e-3, 0.03, 1, 40} {
		scoringtest.CheckLink(t, scoring.Logistic{Scale: scale})
	}
}

func TestStudentTExampleLinkProperties(t *testing.T) {
	// The whole-file example's own link passes the same suite.
	scoringtest.CheckLink(t, StudentT{Sigma: 0.05, Nu: 3})
}

func TestLinkValues(t *testing.T) {
	// Reference values: Phi from R's pnorm, the logistic from its formula.
	tests := []struct {
		name   string
		reason string
		link   scoring.Link
		margin float64
		want   float64
		tol    float64 // relative tolerance; zero means 1e-14
	}{
		{"probit zero", "symmetric link gives 1/2 at a tie", scoring.Probit{Sigma: 0.05}, 0, 0.5, 0},
		{"probit one sigma", "pnorm(1)", scoring.Probit{Sigma: 0.05}, 0.05, 0.8413447460685429, 0},
		{"probit minus two sigma", "pnorm(-2)", scoring.Probit{Sigma: 0.05}, -0.1, 0.022750131948179195, 0},
		{"probit far tail", "pnorm(-30) keeps relative precision through erfc; the rounding of x/sqrt(2) costs about 2x^2 ulps", scoring.Probit{Sigma: 1}, -30, 4.906713927148187e-198, 1e-12},
		{"probit +Inf", "a certain win", scoring.Probit{Sigma: 0.05}, math.Inf(1), 1, 0},
		{"probit -Inf", "a certain loss", scoring.Probit{Sigma: 0.05}, math.Inf(-1), 0, 0},
		{"logistic zero", "symmetric link gives 1/2 at a tie", scoring.Logistic{Scale: 0.03}, 0, 0.5, 0},
		{"logistic one scale", "1/(1+e^-1)", scoring.Logistic{Scale: 0.03}, 0.03, 0.7310585786300049, 0},
		{"logistic far tail", "e^-50/(1+e^-50)", scoring.Logistic{Scale: 1}, -50, 1.9287498479639178e-22, 0},
		{"logistic -Inf", "a certain loss", scoring.Logistic{Scale: 0.03}, math.Inf(-1), 0, 0},
		{"func", "LinkFunc calls the function", scoring.LinkFunc(func(m float64) float64 { return m }), 0.25, 0.25, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tol := tt.tol
			if tol == 0 {
				tol = 1e-14
			}
			got := tt.link.Prob(tt.margin)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(tol, 0)); diff != "" {
				t.Errorf("%T.Prob(%v) mismatch (-want +got): %s\n%s", tt.link, tt.margin, tt.reason, diff)
			}
		})
	}
}

func TestLinkSymmetry(t *testing.T) {
	// Both built-in links are distribution functions of symmetric
	// distributions, so F(-m) = 1 - F(m).
	for _, l := range []scoring.Link{scoring.Probit{Sigma: 0.05}, scoring.Logistic{Scale: 0.03}} {
		for _, m := range []float64{0, 0.001, 0.02, 0.1, 0.3} {
			if got, want := l.Prob(-m), 1-l.Prob(m); math.Abs(got-want) > 1e-15 {
				t.Errorf("%T.Prob(%v) = %v, want 1 - Prob(%v) = %v", l, -m, got, m, want)
			}
		}
	}
}

func TestLinkInvalidParameters(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		link   interface {
			scoring.Link
			Validate() error
		}
		field string
	}{
		{"probit zero sigma", "a zero sigma is a step function with no valid probability at the tie", scoring.Probit{}, "Probit.Sigma"},
		{"probit negative sigma", "sigma is a standard deviation", scoring.Probit{Sigma: -1}, "Probit.Sigma"},
		{"probit NaN sigma", "NaN is never a parameter", scoring.Probit{Sigma: math.NaN()}, "Probit.Sigma"},
		{"probit infinite sigma", "infinite sigma makes every seat a coin toss by accident", scoring.Probit{Sigma: math.Inf(1)}, "Probit.Sigma"},
		{"logistic zero scale", "a scale must be positive", scoring.Logistic{}, "Logistic.Scale"},
		{"logistic NaN scale", "NaN is never a parameter", scoring.Logistic{Scale: math.NaN()}, "Logistic.Scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.link.Validate()
			var ie *scoring.InputError
			if !errors.Is(err, scoring.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tt.field {
				t.Fatalf("Validate() = %v, want an *InputError for %s (%s)", err, tt.field, tt.reason)
			}
			if p := tt.link.Prob(0.01); !math.IsNaN(p) {
				t.Errorf("Prob(0.01) = %v with invalid parameters, want NaN", p)
			}
		})
	}
	for _, l := range []interface{ Validate() error }{scoring.Probit{Sigma: 0.05}, scoring.Logistic{Scale: 0.03}} {
		if err := l.Validate(); err != nil {
			t.Errorf("%T.Validate() = %v, want nil", l, err)
		}
	}
}
