package scoring_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/coalitionlab/alliance/scoring"
)

func ExampleSimulate() {
	// Ten seats in two states, each a toss-up or better (illustrative).
	p := []float64{0.5, 0.6, 0.7, 0.8, 0.9, 0.5, 0.6, 0.7, 0.8, 0.9}
	states := []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}

	// A national swing shared by all seats, a state swing and seat noise.
	cop, err := scoring.NewCopula(0.5, 0.4)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := scoring.Simulate(p, states, cop, 100_000, rand.New(rand.NewPCG(2024, 543)))
	if err != nil {
		fmt.Println(err)
		return
	}
	mean, sd, atLeast8 := d.Mean(), d.SD(), d.AtLeast(8)
	fmt.Printf("mean %.3f ± %.3f\n", mean.Value, mean.SE)
	fmt.Printf("sd %.2f ± %.3f\n", sd.Value, sd.SE)
	fmt.Printf("P(at least 8) %.3f ± %.3f\n", atLeast8.Value, atLeast8.SE)
	for _, q := range []float64{0.05, 0.5, 0.95} {
		e := d.Quantile(q)
		fmt.Printf("quantile %.2f: %d (95%% interval %d..%d)\n", q, e.Value, e.Lo, e.Hi)
	}

	// Independent seats have the same mean but a narrower total.
	exact, err := scoring.PoissonBinomial(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("independent: sd %.2f, P(at least 8) %.3f\n", exact.SD(), exact.AtLeast(8))
	// Output:
	// mean 7.002 ± 0.007
	// sd 2.22 ± 0.005
	// P(at least 8) 0.472 ± 0.002
	// quantile 0.05: 3 (95% interval 3..3)
	// quantile 0.50: 7 (95% interval 7..7)
	// quantile 0.95: 10 (95% interval 10..10)
	// independent: sd 1.38, P(at least 8) 0.372
}
