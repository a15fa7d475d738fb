package calibrate_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"pgregory.net/rapid"
)

// synthConfig bounds the generated elections of the property tests.
var synthConfig = seatsharetest.Config{
	Parties: []string{"A1", "A2", "R1", "R2", "O1", "O2"},
}

var synthBlocs = calibrate.Blocs{
	Alliance: []calibrate.Member{{Party: "A1"}, {Party: "A2"}},
	Rival:    []calibrate.Member{{Party: "R1"}, {Party: "R2"}},
}

// synthElections draws a base and a later election of states states with
// seats seats each, from rng: in the base election every party of
// synthConfig stands, with votes drawn uniformly; in the later one A2 and
// R2 stand down in about half of the seats. (The seatsharetest generators
// draw small elections for shrinking; statistical tests need many seats.)
func synthElections(rng *rand.Rand, states, seats int) (base, later *seatshare.Election) {
	draw := func(year int, all bool) *seatshare.Election {
		e := &seatshare.Election{Year: year}
		for s := range states {
			for no := 1; no <= seats; no++ {
				c := seatshare.Constituency{
					State: fmt.Sprintf("S%02d", s), No: no, Name: fmt.Sprintf("SEAT %d %d", s, no),
					ValidVotes: 100000, Electors: 150000,
				}
				left := int64(100000)
				for k, party := range synthConfig.Parties {
					if !all && (party == "A2" || party == "R2") && rng.IntN(2) == 0 {
						continue
					}
					v := rng.Int64N(left/int64(len(synthConfig.Parties)-k) + 1)
					left -= v
					c.Candidates = append(c.Candidates, seatshare.Candidate{Party: party, Name: "C " + party, Votes: v})
				}
				e.Constituencies = append(e.Constituencies, c)
			}
		}
		e.Sort()
		return e
	}
	return draw(2009, true), draw(2014, false)
}

// synthetic returns a backtest of generated elections whose outcomes are
// redrawn from the model with parameters truth, using rng.
func synthetic(t testing.TB, rng *rand.Rand, states, seats int, truth calibrate.Params) *calibrate.Backtest {
	t.Helper()
	base, later := synthElections(rng, states, seats)
	b, err := calibrate.NewBacktest(calibrate.Pair{Base: base, Later: later, Blocs: synthBlocs})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Predict(nil, truth, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b.Seats {
		b.Seats[i].Won = rng.Float64() < p[i]
	}
	return b
}

// TestEstimateRecoversSigma simulates outcomes with a known sigma and
// fits it back. With n seats the maximum-likelihood estimate's relative
// standard error is about 1/sqrt(n*I) with I the Fisher information per
// seat; for the margins drawn here (spread over about +-0.5) and n > 250
// it is under 8%, so a 30% tolerance is about 4 standard errors on each
// of the fixed seeds.
func TestEstimateRecoversSigma(t *testing.T) {
	truth := calibrate.Params{Scale: 0.1, Transfer: 0.6, Lambda: 0.3}
	for seed := range 3 {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		b := synthetic(t, rng, 10, 40, truth)
		if len(b.Seats) < 250 {
			t.Fatalf("seed %d: %d seats, want at least 250 for the tolerance", seed, len(b.Seats))
		}
		start := truth
		start.Scale = 0.3
		fit, err := calibrate.Estimate(b, nil, &calibrate.Settings{Start: &start, FixTransfer: true, FixLambda: true})
		if err != nil {
			t.Fatal(err)
		}
		if rel := math.Abs(fit.Params.Scale-truth.Scale) / truth.Scale; rel > 0.3 {
			t.Errorf("seed %d, %d seats: fitted sigma %v, true %v", seed, len(b.Seats), fit.Params.Scale, truth.Scale)
		}
	}
}

// TestEstimateRecoversSwing does the same for a national swing.
func TestEstimateRecoversSwing(t *testing.T) {
	truth := calibrate.Params{Scale: 0.1, Transfer: 0.6, Lambda: 0.3, National: -0.08}
	for seed := range 3 {
		rng := rand.New(rand.NewPCG(uint64(seed), 11))
		b := synthetic(t, rng, 10, 40, truth)
		start := truth
		fit, err := calibrate.Estimate(b, nil, &calibrate.Settings{
			Start: &start, Swing: calibrate.SwingNational, FixScale: true, FixTransfer: true, FixLambda: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		// The swing's standard error is about sigma/sqrt(n*I'), under
		// 0.01 here; 0.04 is four of them.
		if d := math.Abs(fit.Params.National - truth.National); d > 0.04 {
			t.Errorf("seed %d: fitted swing %v, true %v", seed, fit.Params.National, truth.National)
		}
	}
}

// TestEstimateIsMaximum checks the optimiser: the fitted log loss is no
// worse than at the true parameters or at the start, for every swing
// mode, with every parameter free.
func TestEstimateIsMaximum(t *testing.T) {
	truth := calibrate.Params{Scale: 0.08, Transfer: 0.7, Lambda: 0.2, National: 0.03}
	rng := rand.New(rand.NewPCG(3, 5))
	b := synthetic(t, rng, 6, 20, truth)
	won := b.Won(nil)
	for _, fc := range []calibrate.Forecast{calibrate.Model, calibrate.Combined} {
		for _, sw := range []calibrate.Swing{calibrate.SwingZero, calibrate.SwingNational, calibrate.SwingState} {
			fit, err := calibrate.Estimate(b, nil, &calibrate.Settings{Forecast: fc, Swing: sw})
			if err != nil {
				t.Fatal(err)
			}
			for _, at := range []calibrate.Params{truth, {Scale: 0.08, Transfer: 0.7, Lambda: 0.2}} {
				if fc == calibrate.Combined {
					at.Transfer, at.Lambda = 1, 0
				}
				if sw != calibrate.SwingNational {
					at.National = 0
				}
				p, err := b.Forecast(nil, fc, at, nil)
				if err != nil {
					t.Fatal(err)
				}
				ref := logLoss(p, won)
				if fit.LogLoss > ref+1e-9 {
					t.Errorf("%v, %v: fitted log loss %v worse than %v at %+v", fc, sw, fit.LogLoss, ref, at)
				}
			}
			// The fit's own log loss matches its parameters' forecast.
			p, err := b.Forecast(nil, fc, fit.Params, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := logLoss(p, won); math.Abs(got-fit.LogLoss) > 1e-12 {
				t.Errorf("%v, %v: Fit.LogLoss %v, forecast of Fit.Params gives %v", fc, sw, fit.LogLoss, got)
			}
		}
	}
}

func logLoss(p []float64, won []bool) float64 {
	sum := 0.0
	for i, x := range p {
		x = min(max(x, 1e-15), 1-1e-15)
		if won[i] {
			sum -= math.Log(x)
		} else {
			sum -= math.Log1p(-x)
		}
	}
	return sum / float64(len(p))
}

// TestMarginMonotone: more lambda never raises the alliance's margin;
// more transfer never lowers it where the rival has no partners (the rate
// is shared by both blocs, so elsewhere it helps the rival too); and every
// forecast is a probability.
func TestMarginMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		es := seatsharetest.ElectionsWith(seatsharetest.Config{
			Parties: synthConfig.Parties, Independents: true,
		}, 2009, 2014).Draw(t, "elections")
		b, err := calibrate.NewBacktest(calibrate.Pair{Base: es[0], Later: es[1], Blocs: synthBlocs})
		if err != nil {
			// No alliance member stood anywhere: the only allowed error.
			if len(es[1].Constituencies) > 0 {
				return
			}
			t.Fatal(err)
		}
		if n := len(b.Seats) + countNot(b, calibrate.NotInLater); n != len(es[1].Constituencies) {
			t.Fatalf("%d seats and exclusions for %d constituencies", n, len(es[1].Constituencies))
		}
		tau := rapid.Float64Range(0, 1).Draw(t, "tau")
		dtau := rapid.Float64Range(0, 1-tau).Draw(t, "dtau")
		lambda := rapid.Float64Range(0, 1).Draw(t, "lambda")
		dlambda := rapid.Float64Range(0, 1-lambda).Draw(t, "dlambda")
		for i := range b.Seats {
			s := &b.Seats[i]
			for _, x := range s.Shares {
				if !(x >= 0 && x <= 1) {
					t.Fatalf("seat %v: share %v", s.ID, x)
				}
			}
			m, err := s.Margin(tau, lambda)
			if err != nil {
				t.Fatal(err)
			}
			up, _ := s.Margin(tau+dtau, lambda)
			down, _ := s.Margin(tau, lambda+dlambda)
			if len(s.RivalPartners) == 0 && up < m-1e-12 || down > m+1e-12 {
				t.Fatalf("seat %v: margin %v, with more transfer %v, with more lambda %v", s.ID, m, up, down)
			}
		}
		p, err := b.Predict(nil, calibrate.Params{Scale: 0.1, Transfer: tau, Lambda: lambda}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range p {
			if !(x >= 0 && x <= 1) {
				t.Fatalf("forecast %v", x)
			}
		}
	})
}

func countNot(b *calibrate.Backtest, r calibrate.Reason) int {
	return len(b.Excluded) - b.ExcludedBy(r)
}

// TestFoldsPartitionStates: every seat is in exactly one fold, and a state
// never spans two folds.
func TestFoldsPartitionStates(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		es := seatsharetest.ElectionsWith(seatsharetest.Config{
			States: 8, Parties: synthConfig.Parties, Always: []string{"A1"},
		}, 2009, 2014).Draw(t, "elections")
		b, err := calibrate.NewBacktest(calibrate.Pair{Base: es[0], Later: es[1], Blocs: synthBlocs})
		if err != nil {
			t.Fatal(err)
		}
		k := rapid.IntRange(2, 6).Draw(t, "k")
		seen := make([]int, len(b.Seats))
		fold := make(map[string]int)
		for f, seats := range calibrate.Folds(b, k) {
			for _, i := range seats {
				seen[i]++
				st := b.Seats[i].ID.State
				if g, ok := fold[st]; ok && g != f {
					t.Fatalf("state %s in folds %d and %d", st, g, f)
				}
				fold[st] = f
			}
		}
		for i, n := range seen {
			if n != 1 {
				t.Fatalf("seat %d in %d folds", i, n)
			}
		}
	})
}
