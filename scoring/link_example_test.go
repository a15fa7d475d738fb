package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

func ExampleProbit() {
	link := scoring.Probit{Sigma: 0.05} // a forecast error of five points
	for _, m := range []float64{-0.10, -0.05, 0, 0.02, 0.05, 0.10} {
		fmt.Printf("margin %+.2f: %.3f\n", m, link.Prob(m))
	}
	// Output:
	// margin -0.10: 0.023
	// margin -0.05: 0.159
	// margin +0.00: 0.500
	// margin +0.02: 0.655
	// margin +0.05: 0.841
	// margin +0.10: 0.977
}

func ExampleLogistic() {
	// Scale = Sigma*sqrt(3)/pi matches the probit's variance; the logistic
	// gives more chance in the tails.
	probit := scoring.Probit{Sigma: 0.05}
	logistic := scoring.Logistic{Scale: 0.05 * 0.5513288954217921}
	for _, m := range []float64{-0.15, -0.05, 0.05} {
		fmt.Printf("margin %+.2f: probit %.4f, logistic %.4f\n", m, probit.Prob(m), logistic.Prob(m))
	}
	// Output:
	// margin -0.15: probit 0.0013, logistic 0.0043
	// margin -0.05: probit 0.1587, logistic 0.1402
	// margin +0.05: probit 0.8413, logistic 0.8598
}
