package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

func ExampleMargin() {
	// An illustrative seat (not real data). Parties by index: 0 INC, 1 SP,
	// 2 BJP, 3 RLD, 4 BSP. SP contests for the alliance and INC stands down;
	// BJP contests for the rival bloc and RLD stands down; BSP runs alone.
	seat := scoring.Seat{
		Shares: []float64{0.08, 0.30, 0.40, 0.05, 0.15},
		Alliance: scoring.Bloc{
			Candidate: 1,
			Partners:  []int{0},
			// 60% of a partner's voters follow it by default, 70% from INC to SP.
			Transfer: scoring.Transfer{Default: 0.6, Rates: map[[2]int]float64{{0, 1}: 0.7}},
		},
		Rival: &scoring.Bloc{Candidate: 2, Partners: []int{3}, Transfer: scoring.Transfer{Default: 0.8}},
		// Half of INC's voters who do not follow it to SP vote BJP.
		Lambda: 0.5,
		Swing:  0.03,
	}
	m, parts, err := scoring.Margin(seat)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alliance %.3f, leaked %.3f, rival %.3f, strongest opponent party %d\n",
		parts.Alliance, parts.Leaked, parts.Rival, parts.OpponentParty)
	fmt.Printf("margin %+.3f, win probability %.3f\n", m, scoring.Probit{Sigma: 0.05}.Prob(m))

	// An invalid rate is reported with its place.
	seat.Alliance.Transfer.Rates[[2]int{0, 1}] = 1.2
	_, _, err = scoring.Margin(seat)
	fmt.Println(err)
	// Output:
	// alliance 0.356, leaked 0.024, rival 0.452, strongest opponent party 2
	// margin -0.066, win probability 0.093
	// scoring: invalid input: Alliance.Transfer.Rates[0,1]: rate 1.2 not in [0, 1]
}
