package scoringtest

import (
	"math"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
)

// Probability returns a generator of win probabilities in [0, 1]. About one
// draw in ten is exactly 0 and one in ten exactly 1, because those edges
// take special paths (a seat that cannot be lost or won).
func Probability() *rapid.Generator[float64] {
	return rapid.Custom(func(t *rapid.T) float64 {
		switch kind := rapid.IntRange(0, 9).Draw(t, "kind"); kind {
		case 0:
			return 0
		case 1:
			return 1
		default:
			return rapid.Float64Range(0, 1).Draw(t, "p")
		}
	})
}

// Probabilities returns a generator of n win probabilities, each drawn by
// [Probability]. It panics if n is negative.
func Probabilities(n int) *rapid.Generator[[]float64] {
	if n < 0 {
		panic("scoringtest: negative length")
	}
	return rapid.SliceOfN(Probability(), n, n)
}

// Margins returns a generator of margins in vote-share points: mostly in
// [-1, 1], sometimes far outside it, sometimes infinite or exactly zero.
func Margins() *rapid.Generator[float64] {
	return rapid.OneOf(
		rapid.Float64Range(-1, 1),
		rapid.Float64Range(-1e6, 1e6),
		rapid.SampledFrom([]float64{math.Inf(-1), 0, math.Inf(1)}),
	)
}

// Links returns a generator of the built-in links with valid parameters:
// [scoring.Probit] with Sigma in [0.005, 0.5] or [scoring.Logistic] with Scale
// in [0.003, 0.3] (vote-share points).
func Links() *rapid.Generator[scoring.Link] {
	return rapid.OneOf(
		rapid.Map(rapid.Float64Range(0.005, 0.5), func(sigma float64) scoring.Link { return scoring.Probit{Sigma: sigma} }),
		rapid.Map(rapid.Float64Range(0.003, 0.3), func(scale float64) scoring.Link { return scoring.Logistic{Scale: scale} }),
	)
}

// Copulas returns a generator of valid copulas: the national loading in
// [0, 1], the state loading in [0, sqrt(1 - national^2)] and the seat loading
// completing the unit sum of squares. The edges (independent seats, a purely
// national or purely state-wide swing) are drawn often.
func Copulas() *rapid.Generator[scoring.Copula] {
	return rapid.Custom(func(t *rapid.T) scoring.Copula {
		national := rapid.Float64Range(0, 1).Draw(t, "national")
		state := rapid.Float64Range(0, math.Sqrt(1-national*national)).Draw(t, "state")
		c, err := scoring.NewCopula(national, state)
		if err != nil {
			t.Fatalf("scoringtest: NewCopula(%v, %v): %v", national, state, err)
		}
		return c
	})
}

// Transfers returns a generator of valid transfer matrices among the given
// number of parties: a default rate in [0, 1] and up to five per-pair rates.
// It panics if parties is negative.
func Transfers(parties int) *rapid.Generator[scoring.Transfer] {
	if parties < 0 {
		panic("scoringtest: negative number of parties")
	}
	return rapid.Custom(func(t *rapid.T) scoring.Transfer {
		tr := scoring.Transfer{Default: rapid.Float64Range(0, 1).Draw(t, "default")}
		if parties < 2 {
			return tr
		}
		n := rapid.IntRange(0, 5).Draw(t, "pairs")
		for range n {
			from := rapid.IntRange(0, parties-1).Draw(t, "from")
			to := rapid.IntRange(0, parties-2).Draw(t, "to")
			if to >= from {
				to++
			}
			if tr.Rates == nil {
				tr.Rates = make(map[[2]int]float64)
			}
			tr.Rates[[2]int{from, to}] = rapid.Float64Range(0, 1).Draw(t, "rate")
		}
		return tr
	})
}

// Seats returns a generator of valid seat descriptions over the given number
// of parties: shares drawn independently in [0, 1] (some exactly zero; their
// sum is not bounded, as scoring.Seat allows), each party put in the
// alliance, the rival bloc, one of two other blocs, or alone, each bloc with
// its own transfer matrix, a lambda (zero without a rival), and a swing and
// an adjustment in [-0.2, 0.2]. The alliance always has a candidate. It
// panics if parties is less than one.
func Seats(parties int) *rapid.Generator[scoring.Seat] {
	if parties < 1 {
		panic("scoringtest: a seat needs at least one party")
	}
	return rapid.Custom(func(t *rapid.T) scoring.Seat {
		s := scoring.Seat{Shares: make([]float64, parties)}
		for q := range s.Shares {
			if rapid.IntRange(0, 4).Draw(t, "zero") > 0 {
				s.Shares[q] = rapid.Float64Range(0, 1).Draw(t, "share")
			}
		}
		const (
			alliance = iota
			rival
			other0
			other1
			alone
		)
		candidate := rapid.IntRange(0, parties-1).Draw(t, "candidate")
		groups := make([][]int, alone+1)
		for q := range parties {
			g := alliance
			if q != candidate {
				g = rapid.IntRange(alliance, alone).Draw(t, "role")
			}
			groups[g] = append(groups[g], q)
		}
		bloc := func(members []int, cand int) scoring.Bloc {
			b := scoring.Bloc{Candidate: cand, Transfer: Transfers(parties).Draw(t, "transfer")}
			for _, q := range members {
				if q != cand {
					b.Partners = append(b.Partners, q)
				}
			}
			return b
		}
		s.Alliance = bloc(groups[alliance], candidate)
		if len(groups[rival]) > 0 {
			r := bloc(groups[rival], rapid.SampledFrom(groups[rival]).Draw(t, "rivalCandidate"))
			s.Rival = &r
			s.Lambda = rapid.Float64Range(0, 1).Draw(t, "lambda")
		}
		for _, g := range groups[other0:alone] {
			if len(g) > 0 {
				s.Blocs = append(s.Blocs, bloc(g, rapid.SampledFrom(g).Draw(t, "blocCandidate")))
			}
		}
		s.Swing = rapid.Float64Range(-0.2, 0.2).Draw(t, "swing")
		s.Adjust = rapid.Float64Range(-0.2, 0.2).Draw(t, "adjust")
		return s
	})
}

// CheckLink runs the properties every [scoring.Link] must have, as subtests
// of t: probabilities lie in [0, 1], they do not decrease as the margin
// grows, and a NaN margin gives NaN. Margins come from [Margins]. Use it to
// test a link of your own:
//
//	func TestMyLink(t *testing.T) { scoringtest.CheckLink(t, MyLink{}) }
func CheckLink(t *testing.T, l scoring.Link) {
	t.Helper()
	t.Run("InUnitInterval", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			margin := Margins().Draw(t, "margin")
			if p := l.Prob(margin); !(p >= 0 && p <= 1) {
				t.Fatalf("Prob(%v) = %v, want a value in [0, 1]", margin, p)
			}
		})
	})
	t.Run("Monotone", func(t *testing.T) {
		rapid.Check(t, func(t *rapid.T) {
			margin := Margins().Draw(t, "margin")
			step := rapid.OneOf(rapid.Float64Range(0, 1e-6), rapid.Float64Range(0, 1)).Draw(t, "step")
			higher := margin + step
			if p, q := l.Prob(margin), l.Prob(higher); p > q {
				t.Fatalf("Prob(%v) = %v > Prob(%v) = %v, want non-decreasing", margin, p, higher, q)
			}
		})
	})
	t.Run("NaN", func(t *testing.T) {
		if p := l.Prob(math.NaN()); !math.IsNaN(p) {
			t.Errorf("Prob(NaN) = %v, want NaN", p)
		}
	})
}
