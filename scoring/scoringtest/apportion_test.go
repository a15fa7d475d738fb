package scoringtest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

func TestVotesInRangeWithAPositiveCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.Votes(1, 6, 3).Draw(t, "votes")
		positive := false
		for _, v := range votes {
			if v < 0 || v > 3 {
				t.Fatalf("count %d outside [0, 3]", v)
			}
			positive = positive || v > 0
		}
		if len(votes) < 1 || len(votes) > 6 || !positive {
			t.Fatalf("votes %v: want 1 to 6 counts, one positive", votes)
		}
	})
}

func TestSplitsAreWellFormed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := scoringtest.Splits(4, 6).Draw(t, "s")
		for i, row := range s.Valuations {
			if len(row) != len(s.Owner) || s.Weights[i] < 1 {
				t.Fatalf("agent %d: %d values for %d items, weight %v", i, len(row), len(s.Owner), s.Weights[i])
			}
		}
		for g, o := range s.Owner {
			if o < -1 || o >= len(s.Valuations) {
				t.Fatalf("item %d owned by %d", g, o)
			}
		}
	})
}
