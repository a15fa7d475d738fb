package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

// The disproportionality of a D'Hondt result (illustrative counts).
func ExampleGallagher() {
	votes := []int64{47000, 16000, 15800, 12000, 6100, 3100}
	seats := []int{5, 2, 2, 1, 0, 0}
	g, _ := scoring.Gallagher(votes, seats)
	lh, _ := scoring.LoosemoreHanby(votes, seats)
	sl, _ := scoring.SainteLagueIndex(votes, seats)
	dh, _ := scoring.DHondtIndex(votes, seats)
	fmt.Printf("Gallagher %.2f points, Loosemore-Hanby %.2f points\n", 100*g, 100*lh)
	fmt.Printf("Sainte-Laguë %.4f, D'Hondt %.3f\n", sl, dh)
	// Output:
	// Gallagher 6.84 points, Loosemore-Hanby 11.20 points
	// Sainte-Laguë 0.1184, D'Hondt 1.266
}

// The effective number of parties by votes and by seats.
func ExampleEffectiveParties() {
	votes := []int64{47000, 16000, 15800, 12000, 6100, 3100}
	seats := []int{5, 2, 2, 1, 0, 0}
	ev, _ := scoring.EffectiveParties(votes)
	es, _ := scoring.EffectiveParties(seats)
	fmt.Printf("by votes %.2f, by seats %.2f\n", ev, es)
	// Output:
	// by votes 3.44, by seats 2.94
}
