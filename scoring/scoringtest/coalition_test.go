package scoringtest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

func TestGameHasZeroEmptyValue(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 5, 10).Draw(t, "g")
		if len(g.Values) != 1<<g.N || g.V(0) != 0 {
			t.Fatalf("game with %d players has %d values and v(∅) = %v", g.N, len(g.Values), g.V(0))
		}
	})
}

func TestConvexGameIsSupermodular(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Convex(1, 8).Draw(t, "g")
		all := scoring.GrandCoalition(len(g.A))
		s := scoring.Coalition(rapid.Uint64Range(0, uint64(all)).Draw(t, "s"))
		u := scoring.Coalition(rapid.Uint64Range(0, uint64(all)).Draw(t, "u"))
		if g.V(s|u)+g.V(s&u) < g.V(s)+g.V(u) {
			t.Fatalf("v(%v ∪ %v) + v(∩) = %v < v(S) + v(T) = %v", s, u, g.V(s|u)+g.V(s&u), g.V(s)+g.V(u))
		}
	})
}

func TestWeightedGameIsMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Weighted(1, 8, 10).Draw(t, "g")
		all := scoring.GrandCoalition(len(g.Weights))
		s := scoring.Coalition(rapid.Uint64Range(0, uint64(all)).Draw(t, "s"))
		i := rapid.IntRange(0, len(g.Weights)-1).Draw(t, "i")
		if g.V(s) > g.V(s.With(i)) {
			t.Fatalf("adding player %d to %v loses", i, s)
		}
		if g.V(all) != 1 {
			t.Fatalf("the grand coalition (weight >= quota %d) loses", g.Quota)
		}
	})
}
