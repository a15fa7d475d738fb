package scoringtest

import (
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
)

// Votes returns a generator of vote vectors with between minParties and
// maxParties parties (minParties >= 1), each count in [0, maxVotes], at least
// one of them positive. With a small maxVotes, equal counts and ties for
// the last seat are common.
func Votes(minParties, maxParties int, maxVotes int64) *rapid.Generator[[]int64] {
	return rapid.Custom(func(t *rapid.T) []int64 {
		v := rapid.SliceOfN(rapid.Int64Range(0, maxVotes), minParties, maxParties).Draw(t, "counts")
		i := rapid.IntRange(0, len(v)-1).Draw(t, "positive")
		if v[i] == 0 {
			v[i] = rapid.Int64Range(1, max(1, maxVotes)).Draw(t, "count")
		}
		return v
	})
}

// PositiveVotes returns a generator of vote vectors with between minParties
// and maxParties parties, each count in [1, maxVotes].
func PositiveVotes(minParties, maxParties int, maxVotes int64) *rapid.Generator[[]int64] {
	return rapid.SliceOfN(rapid.Int64Range(1, maxVotes), minParties, maxParties)
}

// House returns a generator of house sizes in [min, max], biased towards
// small values as rapid's integer generators are.
func House(min, max int) *rapid.Generator[int] {
	return rapid.IntRange(min, max)
}

// Method returns a generator of the six apportionment methods.
func Method() *rapid.Generator[scoring.Method] {
	return rapid.SampledFrom([]scoring.Method{
		scoring.Hamilton, scoring.DHondt, scoring.SainteLague,
		scoring.ModifiedSainteLague, scoring.HuntingtonHill, scoring.Adams,
	})
}

// DivisorMethod returns a generator of the five divisor methods: every
// method but Hamilton.
func DivisorMethod() *rapid.Generator[scoring.Method] {
	return rapid.SampledFrom([]scoring.Method{
		scoring.DHondt, scoring.SainteLague,
		scoring.ModifiedSainteLague, scoring.HuntingtonHill, scoring.Adams,
	})
}
