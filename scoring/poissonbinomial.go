package scoring

import (
	"fmt"
	"math"
)

// PMF is the probability mass function of a count: PMF[k] is the probability
// that the count equals k. [PoissonBinomial] returns one; [Distribution.PMF]
// converts a simulation to one.
type PMF []float64

// PoissonBinomial returns the exact distribution of the number of seats won
// when seat i is won with probability p[i], independently of the others (the
// Poisson-binomial distribution). The result has len(p)+1 entries.
//
// It uses the direct recurrence f_i(k) = f_{i-1}(k)(1-p_i) + f_{i-1}(k-1)p_i,
// which adds only nonnegative terms and so loses no precision to
// cancellation; see Y. Hong, "On computing the distribution function for the
// Poisson binomial distribution", Computational Statistics & Data Analysis 59
// (2013), section 2. It takes O(n^2) time and O(n) space for n = len(p).
//
// It returns an [*InputError] wrapping [ErrInvalid] naming the first p[i] that
// is outside [0, 1] or NaN.
func PoissonBinomial(p []float64) (PMF, error) {
	for i, pi := range p {
		if err := checkUnit("p", i, pi); err != nil {
			return nil, err
		}
	}
	f := make(PMF, len(p)+1)
	f[0] = 1
	for i, pi := range p {
		q := 1 - pi
		for k := i + 1; k > 0; k-- {
			f[k] = f[k]*q + f[k-1]*pi
		}
		f[0] *= q
	}
	return f, nil
}

// Mean returns the mean of f, sum of k*f[k]. It takes O(len(f)) time.
func (f PMF) Mean() float64 {
	var m float64
	for k, pk := range f {
		m += float64(k) * pk
	}
	return m
}

// SD returns the standard deviation of f. It takes O(len(f)) time.
func (f PMF) SD() float64 {
	m := f.Mean()
	var v float64
	for k, pk := range f {
		d := float64(k) - m
		v += d * d * pk
	}
	return math.Sqrt(v)
}

// AtLeast returns the probability that the count is at least k: 1 for
// k <= 0, 0 for k >= len(f), and otherwise the tail sum, added from the far
// end so that small tails keep their relative precision. It takes
// O(len(f)) time.
func (f PMF) AtLeast(k int) float64 {
	if k <= 0 {
		return 1
	}
	var s float64
	for j := len(f) - 1; j >= k; j-- {
		s += f[j]
	}
	return s
}

// Quantile returns the lower q-quantile of f: the smallest k with
// f[0]+...+f[k] >= q. When rounding leaves the total mass below q it returns
// the largest k with f[k] > 0. Quantile(0) is the smallest k with f[k] > 0. It
// takes O(len(f)) time and panics if q is outside [0, 1] or NaN, or if f has
// no positive entry.
func (f PMF) Quantile(q float64) int {
	if !inUnit(q) {
		panic(fmt.Sprintf("scoring: quantile level %v not in [0, 1]", q))
	}
	last := -1
	var cum float64
	for k, pk := range f {
		if pk <= 0 {
			continue
		}
		last = k
		cum += pk
		if cum >= q {
			return k
		}
	}
	if last < 0 {
		panic("scoring: quantile of a PMF with no positive mass")
	}
	return last
}
