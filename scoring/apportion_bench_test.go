package scoring_test

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
)

// benchVotes returns n vote counts drawn uniformly from [1, 10^7] with a
// fixed seed: sizes like national party totals in a large election.
func benchVotes(n int) []int64 {
	rnd := rand.New(rand.NewPCG(1, 2))
	v := make([]int64, n)
	for i := range v {
		v[i] = 1 + rnd.Int64N(10_000_000)
	}
	return v
}

// BenchmarkApportion measures each method on the sizes of the issue (10^6
// seats among 1,000 parties), of the Lok Sabha (543 seats among 28
// alliance parties) and in between.
func BenchmarkApportion(b *testing.B) {
	sizes := []struct{ parties, house int }{
		{28, 543},
		{1000, 10_000},
		{1000, 1_000_000},
	}
	methods := []struct {
		name string
		m    scoring.Method
	}{
		{"Hamilton", scoring.Hamilton}, {"DHondt", scoring.DHondt}, {"SainteLague", scoring.SainteLague},
		{"ModifiedSainteLague", scoring.ModifiedSainteLague}, {"HuntingtonHill", scoring.HuntingtonHill}, {"Adams", scoring.Adams},
	}
	s := &scoring.ApportionSettings{TieBreak: scoring.LowerIndex}
	for _, size := range sizes {
		votes := benchVotes(size.parties)
		for _, m := range methods {
			b.Run(fmt.Sprintf("%s/parties=%d/seats=%d", m.name, size.parties, size.house), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := scoring.Apportion(m.m, votes, size.house, s); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkShapleySample measures permutation sampling for 28 players (the
// INDIA bloc's size) with a cheap game: a weighted majority game whose value
// is one popcount-style pass over the members.
func BenchmarkShapleySample(b *testing.B) {
	const n = 28
	rnd := rand.New(rand.NewPCG(3, 4))
	w := make([]int, n)
	total := 0
	for i := range w {
		w[i] = 1 + rnd.IntN(100)
		total += w[i]
	}
	quota := total/2 + 1
	v := func(s scoring.Coalition) float64 {
		sum := 0
		for x := uint64(s); x != 0; x &= x - 1 {
			sum += w[bits.TrailingZeros64(x)]
		}
		if sum >= quota {
			return 1
		}
		return 0
	}
	for _, perms := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("players=%d/permutations=%d", n, perms), func(b *testing.B) {
			b.ReportAllocs()
			s := &scoring.SampleSettings{Permutations: perms}
			for b.Loop() {
				if _, err := scoring.ShapleySample(n, v, rand.New(rand.NewPCG(5, 6)), s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*perms), "v-calls/op")
		})
	}
}

// BenchmarkShapley measures the exact Shapley value with a cheap game.
func BenchmarkShapley(b *testing.B) {
	for _, n := range []int{10, 16, 20} {
		b.Run(fmt.Sprintf("players=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			v := func(s scoring.Coalition) float64 { k := float64(s.Len()); return k * k }
			for b.Loop() {
				if _, err := scoring.Shapley(n, v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(uint64(1)<<n), "v-calls/op")
		})
	}
}
