package scoring_test

import (
	"errors"
	"fmt"
	"math/big"

	"github.com/coalitionlab/alliance/scoring"
)

// Six parties share ten seats under every method (illustrative counts).
func ExampleApportion() {
	votes := []int64{47000, 16000, 15800, 12000, 6100, 3100}
	for _, m := range []scoring.Method{
		scoring.Hamilton, scoring.DHondt, scoring.SainteLague,
		scoring.ModifiedSainteLague, scoring.HuntingtonHill, scoring.Adams,
	} {
		a, err := scoring.Apportion(m, votes, 10, nil)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-22s %v\n", m, a.Seats)
	}
	// Output:
	// Hamilton               [5 2 1 1 1 0]
	// D'Hondt                [5 2 2 1 0 0]
	// Sainte-Laguë           [4 2 2 1 1 0]
	// modified Sainte-Laguë  [5 2 2 1 0 0]
	// Huntington-Hill        [4 2 1 1 1 1]
	// Adams                  [3 2 2 1 1 1]
}

// A threshold keeps small parties out; the divisor certificate shows why
// each party has its seats.
func ExampleApportion_threshold() {
	votes := []int64{47000, 16000, 15800, 12000, 6100, 3100}
	a, err := scoring.Apportion(scoring.DHondt, votes, 10, &scoring.ApportionSettings{Threshold: big.NewRat(5, 100)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("seats:", a.Seats, "excluded:", a.Excluded)
	d, _ := a.Divisor.Float64()
	fmt.Printf("divisor: %.1f votes per seat\n", d)
	for i, v := range votes[:5] {
		fmt.Printf("party %d: %d/%.1f = %.2f -> %d\n", i, v, d, float64(v)/d, a.Seats[i])
	}
	// Output:
	// seats: [5 2 2 1 0 0] excluded: [5]
	// divisor: 7866.7 votes per seat
	// party 0: 47000/7866.7 = 5.97 -> 5
	// party 1: 16000/7866.7 = 2.03 -> 2
	// party 2: 15800/7866.7 = 2.01 -> 2
	// party 3: 12000/7866.7 = 1.53 -> 1
	// party 4: 6100/7866.7 = 0.78 -> 0
}

// A tie for the last seat is reported with every valid result, or broken
// by the lower index on request.
func ExampleTieError() {
	votes := []int64{300, 200, 200}
	_, err := scoring.Apportion(scoring.DHondt, votes, 2, nil)
	var te *scoring.TieError
	if errors.As(err, &te) {
		fmt.Println(err)
		for r := range te.All() {
			fmt.Println("valid:", r)
		}
	}
	a, err := scoring.Apportion(scoring.DHondt, votes, 2, &scoring.ApportionSettings{TieBreak: scoring.LowerIndex})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("lower index:", a.Seats, "tie:", *a.Tie)
	// Output:
	// scoring: tie: D'Hondt: parties [1 2] compete for the last 1 seat(s)
	// valid: [1 1 0]
	// valid: [1 0 1]
	// lower index: [1 1 0] tie: {[1 2] 1}
}

// Adams's method gives every party with votes a seat, so it needs at least
// as many seats as parties.
func ExampleNoApportionmentError() {
	_, err := scoring.Apportion(scoring.Adams, []int64{50, 30, 15, 5}, 3, nil)
	fmt.Println(errors.Is(err, scoring.ErrNoApportionment))
	fmt.Println(err)
	// Output:
	// true
	// scoring: no apportionment: Adams with 3 seats and 4 qualifying parties: the method gives every qualifying party a seat
}

// Vote shares given as exact fractions apportion exactly.
func ExampleApportionRat() {
	shares := []*big.Rat{big.NewRat(1, 3), big.NewRat(1, 3), big.NewRat(1, 6), big.NewRat(1, 6)}
	a, err := scoring.ApportionRat(scoring.SainteLague, shares, 12, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Seats)
	// Output:
	// [4 4 2 2]
}

// CheckQuota finds the parties whose seats stray beyond their quota's floor
// or ceiling.
func ExampleCheckQuota() {
	votes := []int64{8200, 610, 600, 590}
	a, err := scoring.Apportion(scoring.DHondt, votes, 10, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := scoring.CheckQuota(votes, a.Seats)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Seats)
	for _, x := range v {
		fmt.Println(x)
	}
	// Output:
	// [10 0 0 0]
	// party 0: 10 seats above upper quota 9 (quota 41/5)
}
