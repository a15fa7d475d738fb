package scoring_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
)

// benchSeats returns 543 win probabilities spread over 36 states, sized like
// the Lok Sabha (543 constituencies, 36 states and union territories).
func benchSeats() ([]float64, []int) {
	rnd := rand.New(rand.NewPCG(1, 2))
	p := make([]float64, 543)
	states := make([]int, 543)
	for i := range p {
		p[i] = rnd.Float64()
		states[i] = i % 36
	}
	return p, states
}

// BenchmarkSimulate543x100k measures the speed target: 100,000
// correlated scenarios over 543 seats.
func BenchmarkSimulate543x100k(b *testing.B) {
	p, states := benchSeats()
	cop, err := scoring.NewCopula(0.4, 0.5)
	if err != nil {
		b.Fatal(err)
	}
	const scenarios = 100_000
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.Simulate(p, states, cop, scenarios, rand.New(rand.NewPCG(3, 4))); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(scenarios)*float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
}

// BenchmarkPoissonBinomial543 measures the exact distribution of 543 seats.
func BenchmarkPoissonBinomial543(b *testing.B) {
	p, _ := benchSeats()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.PoissonBinomial(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulate runs 10,000 scenarios over several seat counts, with
// independent and with correlated seats.
func BenchmarkSimulate(b *testing.B) {
	correlated, err := scoring.NewCopula(0.4, 0.5)
	if err != nil {
		b.Fatal(err)
	}
	copulas := []struct {
		name string
		c    scoring.Copula
	}{
		{"independent", scoring.Copula{Seat: 1}},
		{"correlated", correlated},
	}
	const scenarios = 10_000
	for _, seats := range []int{80, 543} {
		rnd := rand.New(rand.NewPCG(uint64(seats), 1))
		p := make([]float64, seats)
		states := make([]int, seats)
		for i := range p {
			p[i] = rnd.Float64()
			states[i] = i % 36
		}
		for _, c := range copulas {
			b.Run(fmt.Sprintf("seats=%d/%s", seats, c.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := scoring.Simulate(p, states, c.c, scenarios, rand.New(rand.NewPCG(3, 4))); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(scenarios)*float64(b.N)/b.Elapsed().Seconds(), "scenarios/s")
			})
		}
	}
}

// BenchmarkMargin measures one margin of the hand-worked Uttar Pradesh seat
// (six parties, two blocs), validation included.
func BenchmarkMargin(b *testing.B) {
	s := upSeat()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := scoring.Margin(s); err != nil {
			b.Fatal(err)
		}
	}
}
