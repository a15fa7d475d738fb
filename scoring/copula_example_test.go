package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

func ExampleNewCopula() {
	// Latent correlation 0.16 across states and 0.16 + 0.25 = 0.41 within a
	// state; the seat's own part takes the rest of the unit variance.
	c, err := scoring.NewCopula(0.4, 0.5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("seat loading %.4f\n", c.Seat)
	fmt.Printf("correlation within a state %.2f, across states %.2f\n", c.Correlation(true), c.Correlation(false))

	_, err = scoring.NewCopula(0.8, 0.8)
	fmt.Println(err)
	// Output:
	// seat loading 0.7681
	// correlation within a state 0.41, across states 0.16
	// scoring: invalid input: Copula.State: National^2 + State^2 = 1.28 exceeds 1
}
