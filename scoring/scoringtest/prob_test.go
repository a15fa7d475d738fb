package scoringtest_test

import (
	"math"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

func TestProbabilitiesAreProbabilities(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 20).Draw(t, "n")
		p := scoringtest.Probabilities(n).Draw(t, "p")
		if len(p) != n {
			t.Fatalf("len = %d, want %d", len(p), n)
		}
		if _, err := scoring.PoissonBinomial(p); err != nil {
			t.Fatalf("generated %v: %v", p, err)
		}
	})
}

func TestCopulasAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if c := scoringtest.Copulas().Draw(t, "c"); c.Validate() != nil {
			t.Fatalf("generated %+v: %v", c, c.Validate())
		}
	})
}

func TestTransfersAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parties := rapid.IntRange(0, 6).Draw(t, "parties")
		if tr := scoringtest.Transfers(parties).Draw(t, "tr"); tr.Validate(parties) != nil {
			t.Fatalf("generated %+v over %d parties: %v", tr, parties, tr.Validate(parties))
		}
	})
}

func TestSeatsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parties := rapid.IntRange(1, 8).Draw(t, "parties")
		s := scoringtest.Seats(parties).Draw(t, "s")
		if len(s.Shares) != parties {
			t.Fatalf("%d shares, want %d", len(s.Shares), parties)
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("generated seat: %v", err)
		}
	})
}

func TestMarginsAreNotNaN(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if m := scoringtest.Margins().Draw(t, "m"); math.IsNaN(m) {
			t.Fatal("generated NaN")
		}
	})
}

func TestLinksAreValidAndMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := scoringtest.Links().Draw(t, "l")
		if v, ok := l.(interface{ Validate() error }); !ok || v.Validate() != nil {
			t.Fatalf("generated %#v is not a valid built-in link", l)
		}
		lo := rapid.Float64Range(-0.5, 0.5).Draw(t, "lo")
		hi := lo + rapid.Float64Range(0, 0.5).Draw(t, "step")
		if l.Prob(lo) > l.Prob(hi) {
			t.Fatalf("%#v: Prob(%v) > Prob(%v)", l, lo, hi)
		}
	})
}

func TestCheckLinkAcceptsBuiltInLinks(t *testing.T) {
	scoringtest.CheckLink(t, scoring.Probit{Sigma: 0.05})
	scoringtest.CheckLink(t, scoring.Logistic{Scale: 0.03})
}
