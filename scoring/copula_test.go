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

func TestNewCopula(t *testing.T) {
	tests := []struct {
		name            string
		reason          string
		national, state float64
		want            scoring.Copula
		field           string // non-empty when an error is expected
	}{
		{"independent", "no shared component", 0, 0, scoring.Copula{Seat: 1}, ""},
		{"national only", "seats move as one", 1, 0, scoring.Copula{National: 1}, ""},
		{"pythagorean", "0.36 + 0.64 = 1 leaves nothing for seats", 0.6, 0.8, scoring.Copula{National: 0.6, State: 0.8}, ""},
		{"mixed", "seat = sqrt(1 - 0.09 - 0.16)", 0.3, 0.4, scoring.Copula{National: 0.3, State: 0.4, Seat: math.Sqrt(0.75)}, ""},
		{"negative national", "loadings are in [0, 1]", -0.1, 0, scoring.Copula{}, "Copula.National"},
		{"NaN state", "NaN is never a loading", 0.1, math.NaN(), scoring.Copula{}, "Copula.State"},
		{"too much", "0.64 + 0.64 > 1", 0.8, 0.8, scoring.Copula{}, "Copula.State"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scoring.NewCopula(tt.national, tt.state)
			if tt.field != "" {
				var ie *scoring.InputError
				if !errors.Is(err, scoring.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tt.field {
					t.Fatalf("NewCopula(%v, %v) = %v, want an *InputError naming %s (%s)", tt.national, tt.state, err, tt.field, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewCopula(%v, %v): %v", tt.national, tt.state, err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
				t.Errorf("NewCopula(%v, %v) mismatch (-want +got): %s\n%s", tt.national, tt.state, tt.reason, diff)
			}
		})
	}
}

func TestCopulaValidate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		c      scoring.Copula
		field  string // empty when valid
	}{
		{"rounded inputs", "0.6^2 + 0.8^2 rounds to 1 within the tolerance", scoring.Copula{National: 0.6, Seat: 0.8}, ""},
		{"zero value", "all loadings zero is not a distribution", scoring.Copula{}, "Copula"},
		{"sum above one", "1 + 0.01", scoring.Copula{National: 1, Seat: 0.1}, "Copula"},
		{"minus zero seat", "-0 equals 0, a valid loading", scoring.Copula{National: 1, Seat: math.Copysign(0, -1)}, ""},
		{"seat above one", "a loading above 1 cannot be completed", scoring.Copula{Seat: 1.5}, "Copula.Seat"},
		{"NaN", "NaN is never a loading", scoring.Copula{National: math.NaN(), Seat: 1}, "Copula.National"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			if tt.field == "" {
				if err != nil {
					t.Errorf("%+v.Validate() = %v, want nil (%s)", tt.c, err, tt.reason)
				}
				return
			}
			var ie *scoring.InputError
			if !errors.Is(err, scoring.ErrInvalid) || !errors.As(err, &ie) || ie.Field != tt.field {
				t.Errorf("%+v.Validate() = %v, want an *InputError naming %s (%s)", tt.c, err, tt.field, tt.reason)
			}
		})
	}
}

func TestCopulaGeneratorIsValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := scoringtest.Copulas().Draw(t, "c")
		if err := c.Validate(); err != nil {
			t.Fatalf("generated %+v: %v", c, err)
		}
		within, across := c.Correlation(true), c.Correlation(false)
		if !(0 <= across && across <= within && within <= 1+1e-9) {
			t.Fatalf("correlations across %v, within %v, want 0 <= across <= within <= 1", across, within)
		}
	})
}
