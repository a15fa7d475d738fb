package seatsharetest

import (
	"slices"

	"github.com/coalitionlab/alliance/seatshare"
	"pgregory.net/rapid"
)

// Alliance returns a generator of alliances among at least two of
// parties, over some of the states of e or all of them, with a drawn split
// rule (and fractions for seatshare.SplitFixed). It panics if parties has
// fewer than two labels.
func Alliance(e *seatshare.Election, parties []string) *rapid.Generator[seatshare.Alliance] {
	if len(parties) < 2 {
		panic("seatsharetest: an alliance needs two parties")
	}
	return rapid.Custom(func(t *rapid.T) seatshare.Alliance {
		members := rapid.SliceOfNDistinct(rapid.SampledFrom(parties), 2, len(parties), rapid.ID).Draw(t, "members")
		var states []string
		if rapid.Bool().Draw(t, "someStates") {
			states = rapid.SliceOfNDistinct(rapid.SampledFrom(e.States()), 1, -1, rapid.ID).Draw(t, "states")
		}
		al := seatshare.Alliance{
			Name:    "drawn",
			Members: members,
			States:  states,
			Split:   rapid.SampledFrom([]seatshare.SplitRule{seatshare.SplitByStrength, seatshare.SplitEqual, seatshare.SplitFixed}).Draw(t, "split"),
		}
		if al.Split == seatshare.SplitFixed {
			ints := rapid.SliceOfN(rapid.IntRange(1, 10), len(members), len(members)).Draw(t, "fractions")
			sum := 0
			for _, n := range ints {
				sum += n
			}
			al.Fractions = make(map[string]float64, len(members))
			for k, m := range members {
				al.Fractions[m] = float64(ints[k]) / float64(sum)
			}
		}
		return al
	})
}

// Bases returns a generator of one to three base elections (2009, 2014,
// 2019) with the same seats, drawn within c, each with a weight in
// [0.01, 10] and, in some of them, one alliance among allied (see
// Alliance). With fewer than two allied parties there are no alliances.
// Every drawn slice is accepted by seatshare.EstimateStrength.
func Bases(c Config, allied []string) *rapid.Generator[[]seatshare.Base] {
	allied = slices.Clone(allied)
	return rapid.Custom(func(t *rapid.T) []seatshare.Base {
		years := []int{2009, 2014, 2019}[:rapid.IntRange(1, 3).Draw(t, "bases")]
		es := ElectionsWith(c, years...).Draw(t, "elections")
		bases := make([]seatshare.Base, len(es))
		for b, e := range es {
			bases[b] = seatshare.Base{Election: e, Weight: rapid.Float64Range(0.01, 10).Draw(t, "weight")}
			if len(allied) >= 2 && rapid.Bool().Draw(t, "allied") {
				bases[b].Alliances = []seatshare.Alliance{Alliance(e, allied).Draw(t, "alliance")}
			}
		}
		return bases
	})
}
