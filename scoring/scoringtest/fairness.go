package scoringtest

import "pgregory.net/rapid"

// Split is an allocation of items to agents with valuations and
// entitlements, the input of scoring.WEF1 and scoring.WPROP1.
type Split struct {
	// Valuations[i][g] is agent i's value of item g.
	Valuations [][]float64
	// Owner[g] is the agent that gets item g, or -1 for nobody.
	Owner []int
	// Weights[i] is agent i's entitlement.
	Weights []float64
}

// Splits returns a generator of splits with between 1 and maxAgents agents
// and between 0 and maxItems items. Values are integers in [0, 10] and
// weights integers in [1, 10], stored as float64, so weighted comparisons
// are exact; about one item in eight is left unallocated.
func Splits(maxAgents, maxItems int) *rapid.Generator[Split] {
	return rapid.Custom(func(t *rapid.T) Split {
		n := rapid.IntRange(1, maxAgents).Draw(t, "agents")
		m := rapid.IntRange(0, maxItems).Draw(t, "items")
		s := Split{Valuations: make([][]float64, n), Owner: make([]int, m), Weights: make([]float64, n)}
		for i := range s.Valuations {
			s.Valuations[i] = make([]float64, m)
			for g, x := range rapid.SliceOfN(rapid.IntRange(0, 10), m, m).Draw(t, "values") {
				s.Valuations[i][g] = float64(x)
			}
			s.Weights[i] = float64(rapid.IntRange(1, 10).Draw(t, "weight"))
		}
		for g := range s.Owner {
			if rapid.IntRange(0, 7).Draw(t, "unallocated") == 0 {
				s.Owner[g] = -1
			} else {
				s.Owner[g] = rapid.IntRange(0, n-1).Draw(t, "owner")
			}
		}
		return s
	})
}

// SeatSplit is a split of identical seats among parties with integer
// claims, the input of scoring.SeatsWEF1 and scoring.SeatsWPROP1.
type SeatSplit struct {
	// Seats[i] is party i's seats.
	Seats []int
	// Claims[i] is party i's entitlement, positive.
	Claims []int64
}

// SeatSplits returns a generator of seat splits with between 1 and
// maxParties parties, seats in [0, maxSeats] and claims in [1, maxClaim].
func SeatSplits(maxParties, maxSeats int, maxClaim int64) *rapid.Generator[SeatSplit] {
	return rapid.Custom(func(t *rapid.T) SeatSplit {
		n := rapid.IntRange(1, maxParties).Draw(t, "parties")
		return SeatSplit{
			Seats:  rapid.SliceOfN(rapid.IntRange(0, maxSeats), n, n).Draw(t, "seats"),
			Claims: rapid.SliceOfN(rapid.Int64Range(1, maxClaim), n, n).Draw(t, "claims"),
		}
	})
}
