// This example shows a win-probability link of your own plugged in where the
// built-in Probit goes. StudentT has heavier tails than the probit: a
// candidate trailing by three sigmas keeps a real chance, as upsets in
// low-information seats suggest.

package scoring_test

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/coalitionlab/alliance/scoring"
)

// StudentT is the link F(m) = T_nu(m / Sigma), with T_nu the distribution
// function of Student's t with Nu degrees of freedom. As Nu grows it tends to
// scoring.Probit{Sigma}.
type StudentT struct {
	Sigma float64
	Nu    float64
}

// Prob implements scoring.Link. Like the built-in links it returns NaN for a
// NaN margin or invalid parameters, and stays in [0, 1] and non-decreasing
// otherwise (check it with scoringtest.CheckLink).
func (l StudentT) Prob(margin float64) float64 {
	if !(l.Sigma > 0) || !(l.Nu > 0) || math.IsNaN(margin) {
		return math.NaN()
	}
	return distuv.StudentsT{Mu: 0, Sigma: l.Sigma, Nu: l.Nu}.CDF(margin)
}

// expectedWins works with any link: it sums the win probabilities of the
// margins.
func expectedWins(link scoring.Link, margins []float64) float64 {
	var e float64
	for _, m := range margins {
		e += link.Prob(m)
	}
	return e
}

func Example_studentTLink() {
	// Margins of five seats, in vote-share points.
	margins := []float64{-0.15, -0.04, 0, 0.03, 0.12}
	links := []struct {
		name string
		link scoring.Link
	}{
		{"probit", scoring.Probit{Sigma: 0.05}},
		{"student-t, 3 df", StudentT{Sigma: 0.05, Nu: 3}},
	}
	for _, l := range links {
		fmt.Printf("%-16s", l.name)
		for _, m := range margins {
			fmt.Printf(" %.3f", l.link.Prob(m))
		}
		fmt.Printf("  E = %.3f\n", expectedWins(l.link, margins))
	}

	// The seats' probabilities feed the exact distribution of the total as
	// with any other link.
	p := make([]float64, len(margins))
	for i, m := range margins {
		p[i] = StudentT{Sigma: 0.05, Nu: 3}.Prob(m)
	}
	pmf, err := scoring.PoissonBinomial(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("P(at least 3 of 5) = %.3f\n", pmf.AtLeast(3))
	// Output:
	// probit           0.001 0.212 0.500 0.726 0.992  E = 2.431
	// student-t, 3 df  0.029 0.241 0.500 0.705 0.952  E = 2.427
	// P(at least 3 of 5) = 0.466
}
