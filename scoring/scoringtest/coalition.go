package scoringtest

import (
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
)

// TableGame is a coalition game stored as a table: Values[S] is v(S) for
// every bitmask S in [0, 2^N).
type TableGame struct {
	// N is the number of players.
	N int
	// Values holds v(S), indexed by the coalition's bitmask.
	Values []float64
}

// V returns v(s). It is the game as a [scoring.Game]: pass g.V.
func (g TableGame) V(s scoring.Coalition) float64 { return g.Values[s] }

// Game returns a generator of games with between minPlayers and maxPlayers
// players (1 <= minPlayers <= maxPlayers <= 10), v(∅) = 0 and every other
// value an integer in [-maxValue, maxValue], so that sums of values are
// exact. The games need not be monotone or superadditive.
func Game(minPlayers, maxPlayers int, maxValue int) *rapid.Generator[TableGame] {
	return rapid.Custom(func(t *rapid.T) TableGame {
		n := rapid.IntRange(minPlayers, maxPlayers).Draw(t, "players")
		vals := rapid.SliceOfN(rapid.IntRange(-maxValue, maxValue), 1<<n-1, 1<<n-1).Draw(t, "values")
		g := TableGame{N: n, Values: make([]float64, 1<<n)}
		for s, x := range vals {
			g.Values[s+1] = float64(x)
		}
		return g
	})
}

// WeightedGame is a weighted majority game: a coalition wins (value 1) when
// its members' weights reach Quota, and loses (value 0) otherwise.
type WeightedGame struct {
	// Weights holds each player's weight, such as its seats.
	Weights []int
	// Quota is the weight needed to win.
	Quota int
}

// V returns 1 if s's weight reaches the quota, else 0.
func (g WeightedGame) V(s scoring.Coalition) float64 {
	w := 0
	for i, x := range g.Weights {
		if s.Has(i) {
			w += x
		}
	}
	if w >= g.Quota {
		return 1
	}
	return 0
}

// Weighted returns a generator of weighted majority games with between
// minPlayers and maxPlayers players (1 <= minPlayers, maxPlayers <= 64,
// maxWeight >= 1), weights in [0, maxWeight] with at least one positive,
// and a quota between one and the total weight, so that the grand coalition
// wins.
func Weighted(minPlayers, maxPlayers, maxWeight int) *rapid.Generator[WeightedGame] {
	return rapid.Custom(func(t *rapid.T) WeightedGame {
		w := rapid.SliceOfN(rapid.IntRange(0, maxWeight), minPlayers, maxPlayers).Draw(t, "weights")
		if i := rapid.IntRange(0, len(w)-1).Draw(t, "positive"); w[i] == 0 {
			w[i] = rapid.IntRange(1, maxWeight).Draw(t, "weight")
		}
		total := 0
		for _, x := range w {
			total += x
		}
		q := rapid.IntRange(1, total).Draw(t, "quota")
		return WeightedGame{Weights: w, Quota: q}
	})
}

// ConvexGame is the supermodular game v(S) = a(S) + b(S)², with a(S) and
// b(S) the sums of A and B over S's members and B non-negative. Convex games
// have a nonempty core that contains their Shapley value (L. S. Shapley,
// "Cores of convex games", International Journal of Game Theory 1, 1971).
type ConvexGame struct {
	A, B []float64
}

// V returns a(s) + b(s)².
func (g ConvexGame) V(s scoring.Coalition) float64 {
	var a, b float64
	for i := range g.A {
		if s.Has(i) {
			a += g.A[i]
			b += g.B[i]
		}
	}
	return a + b*b
}

// Convex returns a generator of convex games with between minPlayers and
// maxPlayers players, integer A in [-10, 10] and integer B in [0, 10].
func Convex(minPlayers, maxPlayers int) *rapid.Generator[ConvexGame] {
	return rapid.Custom(func(t *rapid.T) ConvexGame {
		n := rapid.IntRange(minPlayers, maxPlayers).Draw(t, "players")
		g := ConvexGame{A: make([]float64, n), B: make([]float64, n)}
		for i, x := range rapid.SliceOfN(rapid.IntRange(-10, 10), n, n).Draw(t, "a") {
			g.A[i] = float64(x)
		}
		for i, x := range rapid.SliceOfN(rapid.IntRange(0, 10), n, n).Draw(t, "b") {
			g.B[i] = float64(x)
		}
		return g
	})
}
