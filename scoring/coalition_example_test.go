package scoring_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/coalitionlab/alliance/scoring"
)

// A three-party alliance: together the parties win 60 seats, pairs win
// less, and alone each wins a little (illustrative values of v).
func allianceGame(s scoring.Coalition) float64 {
	values := map[scoring.Coalition]float64{
		0b000: 0, 0b001: 20, 0b010: 10, 0b100: 5,
		0b011: 40, 0b101: 30, 0b110: 18, 0b111: 60,
	}
	return values[s]
}

func ExampleShapley() {
	phi, err := scoring.Shapley(3, allianceGame)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, x := range phi {
		fmt.Printf("party %d: %.2f\n", i, x)
	}
	// Output:
	// party 0: 29.83
	// party 1: 18.83
	// party 2: 11.33
}

// Sampled Shapley values with 95% intervals, for games too large to
// enumerate (here a small one, to compare with the exact value).
func ExampleShapleySample() {
	rnd := rand.New(rand.NewPCG(1, 2))
	e, err := scoring.ShapleySample(3, allianceGame, rnd, &scoring.SampleSettings{Permutations: 20000})
	if err != nil {
		fmt.Println(err)
		return
	}
	exact, _ := scoring.Shapley(3, allianceGame)
	for i := range e.Value {
		fmt.Printf("party %d: interval covers exact %.2f: %v\n", i, exact[i], e.Lo[i] <= exact[i] && exact[i] <= e.Hi[i])
	}
	// Output:
	// party 0: interval covers exact 29.83: true
	// party 1: interval covers exact 18.83: true
	// party 2: interval covers exact 11.33: true
}

// Banzhaf power in a weighted majority: 50, 49 and 1 seats, majority 51.
func ExampleBanzhaf() {
	w := []int{50, 49, 1}
	v := func(s scoring.Coalition) float64 {
		sum := 0
		for _, i := range s.Members() {
			sum += w[i]
		}
		if sum >= 51 {
			return 1
		}
		return 0
	}
	raw, _ := scoring.Banzhaf(3, v)
	norm, _ := scoring.NormalizeBanzhaf(raw)
	fmt.Println(raw, norm)
	// Output:
	// [0.75 0.25 0.25] [0.6 0.2 0.2]
}

// Three ways to share the alliance's 60 seats: paying party 0 less than
// the 20 it wins alone is blocked by party 0 leaving.
func ExampleCheckCore() {
	for _, x := range [][]float64{{20, 20, 20}, {15, 25, 20}, {30, 20, 10}} {
		c, err := scoring.CheckCore(3, allianceGame, x, 1e-9)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%v: in core %v; largest excess %.0f by %v\n", x, c.InCore, c.Excess, c.Blocking)
	}
	// Output:
	// [20 20 20]: in core true; largest excess 0 by {0}
	// [15 25 20]: in core false; largest excess 5 by {0}
	// [30 20 10]: in core true; largest excess 0 by {0 1 2}
}

// A game that adds up over states: in state A parties 0 and 1 are allied,
// in state B parties 1 and 2. Each state's game is solved exactly among its
// own parties and the values are added up.
func ExampleShapleyAmong() {
	stateA := func(s scoring.Coalition) float64 { // parties 0 and 1
		switch {
		case s.Has(0) && s.Has(1):
			return 10
		case s.Has(0):
			return 6
		case s.Has(1):
			return 2
		}
		return 0
	}
	stateB := func(s scoring.Coalition) float64 { // parties 1 and 2
		if s.Has(1) && s.Has(2) {
			return 8
		}
		if s.Has(1) || s.Has(2) {
			return 3
		}
		return 0
	}
	total := make([]float64, 3)
	for _, st := range []struct {
		parties []int
		v       scoring.Game
	}{{[]int{0, 1}, stateA}, {[]int{1, 2}, stateB}} {
		phi, err := scoring.ShapleyAmong(st.parties, st.v)
		if err != nil {
			fmt.Println(err)
			return
		}
		for k, p := range st.parties {
			total[p] += phi[k]
		}
	}
	whole, _ := scoring.Shapley(3, func(s scoring.Coalition) float64 { return stateA(s) + stateB(s) })
	fmt.Println("by state:", total)
	fmt.Println("whole:   ", whole)
	// Output:
	// by state: [7 7 4]
	// whole:    [7 7 4]
}
