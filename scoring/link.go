package scoring

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// Link turns a margin (in vote-share points, 0.02 is two points) into a win
// probability. Implementations must return a value in [0, 1] that does not
// decrease as the margin grows, and NaN for a NaN margin. [Probit] is the
// default; [Logistic] and any user type (see the whole-file example
// link_custom_example_test.go) plug in the same way.
type Link interface {
	Prob(margin float64) float64
}

// LinkFunc adapts an ordinary function to the [Link] interface, as
// http.HandlerFunc does for handlers.
type LinkFunc func(margin float64) float64

// Prob returns f(margin).
func (f LinkFunc) Prob(margin float64) float64 { return f(margin) }

// Probit is the default link, F(m) = Phi(m / Sigma), with Phi the standard
// normal distribution function: the margin is read as a forecast whose error
// is normal with standard deviation Sigma (in vote-share points). A zero
// margin gives 1/2; a margin of Sigma gives about 0.841.
//
// Phi is computed as erfc(-x/sqrt(2))/2, which keeps full relative precision
// in the lower tail.
type Probit struct {
	// Sigma is the standard deviation of the margin's error; it must be
	// positive and finite.
	Sigma float64
}

// Prob returns Phi(margin / p.Sigma). It returns NaN when margin is NaN or
// p.Sigma is not positive and finite (see [Probit.Validate]). It takes O(1)
// time.
func (p Probit) Prob(margin float64) float64 {
	if !(p.Sigma > 0) || math.IsInf(p.Sigma, 1) {
		return math.NaN()
	}
	return normalCDF(margin / p.Sigma)
}

// Validate returns an [*InputError] wrapping [ErrInvalid] unless p.Sigma is
// positive and finite.
func (p Probit) Validate() error {
	return checkScale("Probit.Sigma", p.Sigma)
}

// Logistic is the link F(m) = 1 / (1 + exp(-m / Scale)). Its tails are
// heavier than the probit's: with Scale = Sigma * sqrt(3) / pi both links have
// the same variance, and the logistic then gives long-shot candidates more
// chance.
type Logistic struct {
	// Scale is the logistic scale parameter; it must be positive and finite.
	Scale float64
}

// Prob returns 1 / (1 + exp(-margin / l.Scale)). It returns NaN when margin is
// NaN or l.Scale is not positive and finite (see [Logistic.Validate]). It
// takes O(1) time.
func (l Logistic) Prob(margin float64) float64 {
	if !(l.Scale > 0) || math.IsInf(l.Scale, 1) {
		return math.NaN()
	}
	x := margin / l.Scale
	if x < 0 {
		// exp(x) cannot overflow here, and this form keeps relative
		// precision for small probabilities.
		e := math.Exp(x)
		return e / (1 + e)
	}
	return 1 / (1 + math.Exp(-x))
}

// Validate returns an [*InputError] wrapping [ErrInvalid] unless l.Scale is
// positive and finite.
func (l Logistic) Validate() error {
	return checkScale("Logistic.Scale", l.Scale)
}

// checkScale returns an *InputError unless x is positive and finite.
func checkScale(field string, x float64) error {
	if !(x > 0) || math.IsInf(x, 1) {
		return invalid(field, -1, "%v is not positive and finite", x)
	}
	return nil
}

// normalCDF returns the standard normal distribution function at x.
func normalCDF(x float64) float64 {
	return 0.5 * math.Erfc(-x/math.Sqrt2)
}

// normalQuantile returns the standard normal quantile of p in [0, 1], using
// Wichura's algorithm AS241 (gonum mathext.NormalQuantile), accurate to about
// 1e-16; it returns -Inf for 0 and +Inf for 1.
func normalQuantile(p float64) float64 {
	return mathext.NormalQuantile(p)
}
