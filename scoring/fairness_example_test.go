package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

// Two parties split 80 seats; their claims are their MLAs (illustrative
// numbers in the spirit of the Uttar Pradesh talks).
func ExampleSeatsWEF1() {
	seats := []int{63, 17}
	mlas := []int64{111, 2}
	envy, _ := scoring.SeatsWEF1(seats, mlas)
	for _, e := range envy {
		fmt.Printf("party %d (%d seats for %d MLAs) envies party %d (%d seats for %d MLAs)\n",
			e.Party, e.Seats, e.Claim, e.Other, e.OtherSeats, e.OtherClaim)
	}
	short, _ := scoring.SeatsWPROP1(seats, mlas)
	for _, s := range short {
		share, _ := s.Share.Float64()
		fmt.Printf("party %d: %d seats + 1 < share %.2f\n", s.Party, s.Seats, share)
	}
	// Output:
	// party 0 (63 seats for 111 MLAs) envies party 1 (17 seats for 2 MLAs)
	// party 0: 63 seats + 1 < share 78.58
}

// Parties value constituencies differently (win probabilities); WEF1 and
// WPROP1 judge a split against entitlements.
func ExampleWEF1() {
	// Rows: parties; columns: constituencies; values: win probabilities.
	valuations := [][]float64{
		{0.7, 0.6, 0.5, 0.4},
		{0.2, 0.3, 0.9, 0.8},
	}
	owner := []int{0, 1, 1, 1} // party 1 contests three seats
	weights := []float64{2, 1} // party 0's claim is twice party 1's
	envy, _ := scoring.WEF1(valuations, owner, weights, 1e-12)
	for _, e := range envy {
		fmt.Printf("party %d: own %.1f per %.0f < other's %.1f - %.1f (seat %d) per %.0f\n",
			e.Agent, e.Own, e.OwnWeight, e.OtherBundle, e.Removed, e.Item, e.OtherWeight)
	}
	prop, _ := scoring.WPROP1(valuations, owner, weights, 1e-12)
	for _, p := range prop {
		fmt.Printf("party %d: own %.1f + seat %d's %.1f < share %.2f\n", p.Agent, p.Own, p.Item, p.Added, p.Share)
	}
	// Output:
	// party 0: own 0.7 per 2 < other's 1.5 - 0.6 (seat 1) per 1
	// party 0: own 0.7 + seat 1's 0.6 < share 1.47
}

// The price of a fairness rule in expected seats.
func ExampleNewPriceOfFairness() {
	p, err := scoring.NewPriceOfFairness(312.4, 305.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("the rule costs %.1f expected seats (%.1f%%)\n", p.Absolute, 100*p.Relative)
	// Output:
	// the rule costs 7.3 expected seats (2.3%)
}
