package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

func ExamplePoissonBinomial() {
	// Four independent seats.
	pmf, err := scoring.PoissonBinomial([]float64{0.9, 0.6, 0.5, 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for k, pk := range pmf {
		fmt.Printf("P(%d) = %.4f\n", k, pk)
	}
	fmt.Printf("mean %.2f, sd %.4f, median %d, P(at least 3) %.4f\n",
		pmf.Mean(), pmf.SD(), pmf.Quantile(0.5), pmf.AtLeast(3))
	// Output:
	// P(0) = 0.0160
	// P(1) = 0.1880
	// P(2) = 0.4300
	// P(3) = 0.3120
	// P(4) = 0.0540
	// mean 2.20, sd 0.8602, median 2, P(at least 3) 0.3660
}
