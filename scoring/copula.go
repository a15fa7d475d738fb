package scoring

import (
	"math"
)

// copulaTolerance is how far the squared loadings of a Copula may sum from
// one: far above rounding error (0.6^2 + 0.8^2 is off by 1e-16), far below
// any difference a user could mean.
const copulaTolerance = 1e-9

// Copula is a Gaussian copula of seat outcomes with a national, a state and a
// seat component. Seat c is won when
//
//	Z_c = National*eta_nation + State*eta_state(c) + Seat*nu_c < Phi^-1(w_c),
//
// with eta_nation, every eta_state and every nu_c independent standard
// normals. Z_c is standard normal, so seat c is won with probability w_c
// whatever link produced w_c; the loadings only set how seats move together.
// Two seats' latent variables have correlation National^2 + State^2 within a
// state and National^2 across states.
//
// Loadings must lie in [0, 1] and their squares must sum to one (within
// 1e-9); [NewCopula] completes the seat loading from the other two. The zero
// value is invalid; Copula{Seat: 1} makes seats independent.
// A negative loading would give the same distribution of outcomes, since each
// component is symmetric and shared with one sign.
type Copula struct {
	// National is the loading a of the national component.
	National float64
	// State is the loading b of the state component.
	State float64
	// Seat is the loading c of the seat's own component.
	Seat float64
}

// NewCopula returns the copula with the given national and state loadings
// and Seat = sqrt(1 - national^2 - state^2). It returns an [*InputError] when a
// loading is outside [0, 1] or NaN, or when national^2 + state^2 > 1.
func NewCopula(national, state float64) (Copula, error) {
	if err := checkUnit("Copula.National", -1, national); err != nil {
		return Copula{}, err
	}
	if err := checkUnit("Copula.State", -1, state); err != nil {
		return Copula{}, err
	}
	rest := 1 - national*national - state*state
	if rest < -copulaTolerance {
		return Copula{}, invalid("Copula.State", -1, "National^2 + State^2 = %.6g exceeds 1", 1-rest)
	}
	return Copula{National: national, State: state, Seat: math.Sqrt(max(rest, 0))}, nil
}

// Validate returns an [*InputError] wrapping [ErrInvalid] when a loading is
// outside [0, 1] or NaN, or when the squared loadings do not sum to one
// within 1e-9.
func (c Copula) Validate() error {
	if err := checkUnit("Copula.National", -1, c.National); err != nil {
		return err
	}
	if err := checkUnit("Copula.State", -1, c.State); err != nil {
		return err
	}
	if err := checkUnit("Copula.Seat", -1, c.Seat); err != nil {
		return err
	}
	sum := c.National*c.National + c.State*c.State + c.Seat*c.Seat
	if math.Abs(sum-1) > copulaTolerance {
		return invalid("Copula", -1, "squared loadings sum to %v, not 1", sum)
	}
	return nil
}

// Correlation returns the correlation of two distinct seats' latent normal
// variables: National^2 + State^2 when they share a state, National^2
// otherwise. (The correlation of the win indicators is smaller and depends on
// the seats' probabilities.)
func (c Copula) Correlation(sameState bool) float64 {
	if sameState {
		return c.National*c.National + c.State*c.State
	}
	return c.National * c.National
}
