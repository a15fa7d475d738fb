package scoring_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

var approx = cmpopts.EquateApprox(0, 1e-9)

// permutationShapley averages marginal contributions over all n! orders.
func permutationShapley(n int, v scoring.Game) []float64 {
	phi := make([]float64, n)
	count := 0
	var rec func(order []int, used scoring.Coalition)
	rec = func(order []int, used scoring.Coalition) {
		if len(order) == n {
			count++
			var c scoring.Coalition
			for _, i := range order {
				phi[i] += v(c.With(i)) - v(c)
				c = c.With(i)
			}
			return
		}
		for i := range n {
			if !used.Has(i) {
				rec(append(order, i), used.With(i))
			}
		}
	}
	rec(nil, 0)
	for i := range phi {
		phi[i] /= float64(count)
	}
	return phi
}

func TestShapleyMatchesPermutations(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 5, 20).Draw(t, "g")
		got, err := scoring.Shapley(g.N, g.V)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(permutationShapley(g.N, g.V), got, approx); diff != "" {
			t.Fatalf("Shapley mismatch (-all orders +got):\n%s", diff)
		}
	})
}

func TestShapleyEfficiency(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 7, 50).Draw(t, "g")
		phi, err := scoring.Shapley(g.N, g.V)
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		for _, x := range phi {
			sum += x
		}
		want := g.V(scoring.GrandCoalition(g.N)) - g.V(0)
		if diff := cmp.Diff(want, sum, approx); diff != "" {
			t.Fatalf("Shapley values %v sum to %v, want v(N) - v(∅) = %v", phi, sum, want)
		}
	})
}

// swap returns s with the memberships of players i and j exchanged.
func swap(s scoring.Coalition, i, j int) scoring.Coalition {
	a, b := s.Has(i), s.Has(j)
	s = s.Without(i).Without(j)
	if a {
		s = s.With(j)
	}
	if b {
		s = s.With(i)
	}
	return s
}

func TestShapleySymmetry(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(2, 6, 50).Draw(t, "g")
		i := rapid.IntRange(0, g.N-1).Draw(t, "i")
		j := rapid.IntRange(0, g.N-1).Filter(func(j int) bool { return j != i }).Draw(t, "j")
		// v(S) + v(swap(S)) makes i and j interchangeable.
		sym := func(s scoring.Coalition) float64 { return g.V(s) + g.V(swap(s, i, j)) }
		phi, err := scoring.Shapley(g.N, sym)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(phi[i], phi[j], approx); diff != "" {
			t.Fatalf("symmetric players %d and %d got %v and %v", i, j, phi[i], phi[j])
		}
	})
}

func TestShapleyNullPlayer(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 6, 50).Draw(t, "g")
		k := rapid.IntRange(0, g.N).Draw(t, "k")
		// Insert a null player at position k: v'(S) = v(S without k,
		// players above k shifted down).
		drop := func(s scoring.Coalition) scoring.Coalition {
			low := s & (1<<k - 1)
			high := (s >> (k + 1)) << k
			return low | high
		}
		ext := func(s scoring.Coalition) float64 { return g.V(drop(s)) }
		phi, err := scoring.Shapley(g.N+1, ext)
		if err != nil {
			t.Fatal(err)
		}
		base, err := scoring.Shapley(g.N, g.V)
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Insert(slices.Clone(base), k, 0)
		if diff := cmp.Diff(want, phi, approx); diff != "" {
			t.Fatalf("null player %d: mismatch (-want +got):\n%s", k, diff)
		}
		if math.Abs(phi[k]) > 1e-9 {
			t.Fatalf("null player %d got %v, want 0", k, phi[k])
		}
	})
}

func TestShapleyAdditivity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 6).Draw(t, "n")
		g := scoringtest.Game(n, n, 50).Draw(t, "g")
		h := scoringtest.Game(n, n, 50).Draw(t, "h")
		sum := func(s scoring.Coalition) float64 { return g.V(s) + h.V(s) }
		pg, err := scoring.Shapley(n, g.V)
		if err != nil {
			t.Fatal(err)
		}
		ph, err := scoring.Shapley(n, h.V)
		if err != nil {
			t.Fatal(err)
		}
		got, err := scoring.Shapley(n, sum)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, n)
		for i := range want {
			want[i] = pg[i] + ph[i]
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Fatalf("Shapley(v+w) != Shapley(v)+Shapley(w) (-sum of values +value of sum):\n%s", diff)
		}
	})
}

func TestShapleyEvaluatesEachCoalitionOnce(t *testing.T) {
	const n = 10
	calls := make(map[scoring.Coalition]int)
	_, err := scoring.Shapley(n, func(s scoring.Coalition) float64 {
		calls[s]++
		return float64(s.Len() * s.Len())
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 1<<n {
		t.Fatalf("v called on %d coalitions, want %d", len(calls), 1<<n)
	}
	for s, c := range calls {
		if c != 1 {
			t.Fatalf("v(%v) called %d times, want once", s, c)
		}
	}
}

func TestShapleyConvexGameInCore(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Convex(1, 7).Draw(t, "g")
		n := len(g.A)
		phi, err := scoring.Shapley(n, g.V)
		if err != nil {
			t.Fatal(err)
		}
		c, err := scoring.CheckCore(n, g.V, phi, 1e-9)
		if err != nil {
			t.Fatal(err)
		}
		if !c.InCore {
			t.Fatalf("Shapley value %v of a convex game is not in the core: %+v", phi, c)
		}
	})
}

func TestCheckCoreMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 6, 20).Draw(t, "g")
		x := make([]float64, g.N)
		for i := range x {
			x[i] = float64(rapid.IntRange(-20, 20).Draw(t, "x"))
		}
		c, err := scoring.CheckCore(g.N, g.V, x, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Brute force: the largest excess, lowest bitmask first.
		best, arg := math.Inf(-1), scoring.Coalition(0)
		var xn float64
		for s := scoring.Coalition(1); s <= scoring.GrandCoalition(g.N); s++ {
			var xs float64
			for _, i := range s.Members() {
				xs += x[i]
			}
			if e := g.V(s) - xs; e > best {
				best, arg = e, s
			}
			xn = xs
		}
		surplus := xn - g.V(scoring.GrandCoalition(g.N))
		want := &scoring.CoreCheck{InCore: best <= 0 && surplus <= 0, Surplus: surplus, Blocking: arg, Excess: best}
		if diff := cmp.Diff(want, c); diff != "" {
			t.Fatalf("CheckCore mismatch (-brute force +got):\n%s", diff)
		}
	})
}

func TestCheckCoreGloveGame(t *testing.T) {
	// Glove game: player 0 holds a left glove, players 1 and 2 right gloves;
	// a pair is worth 1. The core gives everything to player 0.
	v := func(s scoring.Coalition) float64 {
		if s.Has(0) && (s.Has(1) || s.Has(2)) {
			return 1
		}
		return 0
	}
	tests := []struct {
		name   string
		reason string
		x      []float64
		want   scoring.CoreCheck
	}{
		{
			name:   "scarce-side-takes-all",
			reason: "the unique core point; the largest excess is 0, first reached by {1}",
			x:      []float64{1, 0, 0},
			want:   scoring.CoreCheck{InCore: true, Surplus: 0, Blocking: 0b010, Excess: 0},
		},
		{
			name:   "equal-split",
			reason: "{0, 2} gets 1 but is paid 2/3: excess 1/3, and {0 1} ties with it at a lower bitmask",
			x:      []float64{1.0 / 3, 1.0 / 3, 1.0 / 3},
			want:   scoring.CoreCheck{InCore: false, Surplus: 0, Blocking: 0b011, Excess: 1.0 / 3},
		},
		{
			name:   "overpaid",
			reason: "paying out 2 when the alliance earns 1 is infeasible",
			x:      []float64{1, 1, 0},
			want:   scoring.CoreCheck{InCore: false, Surplus: 1, Blocking: 0b100, Excess: 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scoring.CheckCore(3, v, tt.x, 1e-12)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, *got, approx); diff != "" {
				t.Errorf("CheckCore(glove, %v) mismatch (-want +got) (%s):\n%s", tt.x, tt.reason, diff)
			}
		})
	}
}

func TestBanzhafMatchesSwingCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Weighted(1, 8, 10).Draw(t, "g")
		n := len(g.Weights)
		raw, err := scoring.Banzhaf(n, g.V)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, n)
		for s := scoring.Coalition(0); s <= scoring.GrandCoalition(n); s++ {
			for i := range n {
				if !s.Has(i) && g.V(s) == 0 && g.V(s.With(i)) == 1 {
					want[i]++
				}
			}
		}
		for i := range want {
			want[i] /= math.Ldexp(1, n-1)
		}
		if diff := cmp.Diff(want, raw, approx); diff != "" {
			t.Fatalf("Banzhaf mismatch (-swings +got):\n%s", diff)
		}
	})
}

func TestBanzhafTable(t *testing.T) {
	tests := []struct {
		name      string
		reason    string
		g         scoringtest.WeightedGame
		raw, norm []float64
	}{
		{
			name:   "quota-3-of-2-1-1",
			reason: "player 0 swings in {1}, {2}, {1 2}; players 1 and 2 each swing only with player 0 alone",
			g:      scoringtest.WeightedGame{Weights: []int{2, 1, 1}, Quota: 3},
			raw:    []float64{3.0 / 4, 1.0 / 4, 1.0 / 4},
			norm:   []float64{3.0 / 5, 1.0 / 5, 1.0 / 5},
		},
		{
			name:   "weight-is-not-power",
			reason: "weights 49 and 1 carry the same power: each swings only when joining player 0 alone",
			g:      scoringtest.WeightedGame{Weights: []int{50, 49, 1}, Quota: 51},
			raw:    []float64{3.0 / 4, 1.0 / 4, 1.0 / 4},
			norm:   []float64{3.0 / 5, 1.0 / 5, 1.0 / 5},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := scoring.Banzhaf(len(tt.g.Weights), tt.g.V)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.raw, raw, approx); diff != "" {
				t.Errorf("Banzhaf raw mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			norm, err := scoring.NormalizeBanzhaf(raw)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.norm, norm, approx); diff != "" {
				t.Errorf("Banzhaf normalised mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
	if _, err := scoring.NormalizeBanzhaf([]float64{0, 0}); !errors.Is(err, scoring.ErrInvalid) {
		t.Errorf("NormalizeBanzhaf(zeros) error = %v, want ErrInvalid", err)
	}
}

func TestShapleySampleEfficiencyAndDeterminism(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Convex(1, 30).Draw(t, "g")
		n := len(g.A)
		seed := rapid.Uint64().Draw(t, "seed")
		s := &scoring.SampleSettings{Permutations: 20}
		a, err := scoring.ShapleySample(n, g.V, rand.New(rand.NewPCG(seed, 1)), s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := scoring.ShapleySample(n, g.V, rand.New(rand.NewPCG(seed, 1)), s)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("same seed, different estimates:\n%s", diff)
		}
		var sum float64
		for _, x := range a.Value {
			sum += x
		}
		want := g.V(scoring.GrandCoalition(n)) - g.V(0)
		if diff := cmp.Diff(want, sum, cmpopts.EquateApprox(1e-9, 1e-9)); diff != "" {
			t.Fatalf("sampled values sum to %v, want v(N) - v(∅) = %v", sum, want)
		}
		for i := range n {
			if !(a.Lo[i] <= a.Value[i] && a.Value[i] <= a.Hi[i]) {
				t.Fatalf("player %d: interval [%v, %v] misses the estimate %v", i, a.Lo[i], a.Hi[i], a.Value[i])
			}
		}
	})
}

func TestShapleySampleCoverage(t *testing.T) {
	// Each of runs independent estimates with a 90% interval covers player
	// 0's exact value with probability close to 0.9 (the t interval is
	// asymptotically exact; with 400 orders the error is far below 0.01).
	// The count of covering runs is Binomial(runs, 0.9) under that model.
	// Fail only if it is below the 1e-6 quantile or above the 1-1e-6
	// quantile: a correct estimator fails by chance less than once in
	// 500,000 seeds, while a mis-scaled standard error (off by a factor of
	// 1.25 either way) moves the coverage to 0.80 or 0.96 and fails.
	const (
		runs       = 1000
		perms      = 400
		confidence = 0.9
		alpha      = 1e-6
	)
	g := scoringtest.ConvexGame{
		A: []float64{3, -2, 5, 0, 1, 4, -1, 2},
		B: []float64{1, 4, 0, 2, 3, 1, 5, 2},
	}
	n := len(g.A)
	exact, err := scoring.Shapley(n, g.V)
	if err != nil {
		t.Fatal(err)
	}
	// The game tabulated once (2^n values): the runs call it 3.6 million
	// times, which under the race detector dominated the test's time.
	table := make([]float64, 1<<n)
	for c := range table {
		table[c] = g.V(scoring.Coalition(c))
	}
	v := func(c scoring.Coalition) float64 { return table[c] }
	rnd := rand.New(rand.NewPCG(2024, 543))
	covered := 0
	for range runs {
		e, err := scoring.ShapleySample(n, v, rnd, &scoring.SampleSettings{Permutations: perms, Confidence: confidence})
		if err != nil {
			t.Fatal(err)
		}
		if e.Lo[0] <= exact[0] && exact[0] <= e.Hi[0] {
			covered++
		}
	}
	b := distuv.Binomial{N: runs, P: confidence}
	lo, hi := -1, runs+1
	for k := 0; k <= runs; k++ {
		if b.CDF(float64(k)) < alpha {
			lo = k
		}
		if 1-b.CDF(float64(k-1)) < alpha && hi > runs {
			hi = k
		}
	}
	if covered <= lo || covered >= hi {
		t.Fatalf("%d of %d intervals at %v covered the exact value %v; want between %d and %d exclusive", covered, runs, confidence, exact[0], lo, hi)
	}
	t.Logf("coverage %d/%d, acceptance (%d, %d)", covered, runs, lo, hi)
}

func TestCoalitionInvalid(t *testing.T) {
	nan := func(scoring.Coalition) float64 { return math.NaN() }
	one := func(scoring.Coalition) float64 { return 1 }
	tests := []struct {
		name   string
		reason string
		call   func() error
		field  string
	}{
		{"zero-players", "a game needs players", func() error { _, err := scoring.Shapley(0, one); return err }, "n"},
		{"too-many-exact", "2^21 coalitions is past the exact limit", func() error { _, err := scoring.Shapley(21, one); return err }, "n"},
		{"nil-game", "no callback", func() error { _, err := scoring.Banzhaf(3, nil); return err }, "v"},
		{"nan-value", "v must be finite", func() error { _, err := scoring.Shapley(3, nan); return err }, "v"},
		{"nil-rand", "randomness comes from the caller", func() error { _, err := scoring.ShapleySample(3, one, nil, nil); return err }, "rnd"},
		{"one-permutation", "no standard error from one draw", func() error {
			_, err := scoring.ShapleySample(3, one, rand.New(rand.NewPCG(1, 2)), &scoring.SampleSettings{Permutations: 1})
			return err
		}, "Permutations"},
		{"confidence-one", "an interval at level 1 is unbounded", func() error {
			_, err := scoring.ShapleySample(3, one, rand.New(rand.NewPCG(1, 2)), &scoring.SampleSettings{Confidence: 1})
			return err
		}, "Confidence"},
		{"core-length", "one payoff per player", func() error { _, err := scoring.CheckCore(3, one, []float64{1}, 0); return err }, "x"},
		{"among-duplicate", "a player listed twice", func() error { _, err := scoring.ShapleyAmong([]int{3, 5, 3}, one); return err }, "players"},
		{"among-range", "players fit a Coalition", func() error { _, err := scoring.ShapleyAmong([]int{64}, one); return err }, "players"},
		{"banzhaf-among-duplicate", "a player listed twice", func() error { _, err := scoring.BanzhafAmong([]int{1, 1}, one); return err }, "players"},
		{"banzhaf-among-nil", "no callback", func() error { _, err := scoring.BanzhafAmong([]int{1}, nil); return err }, "v"},
		{"core-tol", "tolerance must be >= 0", func() error { _, err := scoring.CheckCore(1, one, []float64{1}, -1); return err }, "tol"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var ie *scoring.InputError
			if !errors.As(err, &ie) || !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("error = %v, want an *InputError wrapping ErrInvalid (%s)", err, tt.reason)
			}
			if ie.Field != tt.field {
				t.Errorf("error names field %q, want %q (%s)", ie.Field, tt.field, tt.reason)
			}
		})
	}
}

func TestShapleyAmongMatchesFullGame(t *testing.T) {
	testAmongMatchesFullGame(t, "ShapleyAmong", scoring.Shapley, scoring.ShapleyAmong)
}

func TestBanzhafAmongMatchesFullGame(t *testing.T) {
	testAmongMatchesFullGame(t, "BanzhafAmong", scoring.Banzhaf, scoring.BanzhafAmong)
}

// testAmongMatchesFullGame spreads a small game's players over a larger set
// with null players in between: value among the real players gives their
// values in the full game, and in the small game itself.
func testAmongMatchesFullGame(t *testing.T, name string, value func(int, scoring.Game) ([]float64, error), among func([]int, scoring.Game) ([]float64, error)) {
	rapid.Check(t, func(t *rapid.T) {
		g := scoringtest.Game(1, 5, 20).Draw(t, "g")
		n := rapid.IntRange(g.N, 9).Draw(t, "n")
		where := rapid.Permutation(seq(n)).Draw(t, "where")[:g.N] // where[k]: global index of local player k
		v := func(s scoring.Coalition) float64 {
			var local scoring.Coalition
			for k, p := range where {
				if s.Has(p) {
					local = local.With(k)
				}
			}
			return g.V(local)
		}
		full, err := value(n, v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := among(where, v)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]float64, g.N)
		for k, p := range where {
			want[k] = full[p]
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Fatalf("%s(%v) mismatch (-full game +among):\n%s", name, where, diff)
		}
		direct, err := value(g.N, g.V)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(direct, got, approx); diff != "" {
			t.Fatalf("%s(%v) differs from the game's own value (-own +among):\n%s", name, where, diff)
		}
	})
}
