package scoring

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// Shapley returns the Shapley value of the n-player game v: player i's
// average marginal contribution v(S ∪ {i}) - v(S) over the n! orders in
// which the players can join (L. S. Shapley, "A value for n-person games",
// 1953). It evaluates v once on each of the 2^n coalitions, so n is at most
// [MaxExactPlayers]; the values sum to v(N) - v(∅).
//
// The Shapley value is the only value that is efficient (it shares out
// v(N) - v(∅)), symmetric (interchangeable players get the same),
// null-player (a player who adds nothing gets nothing) and additive
// (the value of v + w is the sum of the values).
//
// Cost: 2^n calls of v and O(n 2^n) time, 8·2^n bytes. It returns an
// [*InputError] for n outside [1, MaxExactPlayers], a nil v or a
// non-finite v(S).
func Shapley(n int, v Game) ([]float64, error) {
	t, err := table(n, v)
	if err != nil {
		return nil, err
	}
	// sum[i*n+k] accumulates i's marginal contributions to the coalitions
	// of size k that lack i; each size class has weight 1/(n C(n-1, k)).
	sum := make([]float64, n*n)
	for s := range t {
		k := Coalition(s).Len()
		if k == n {
			continue
		}
		for i := range n {
			if s&(1<<i) == 0 {
				sum[i*n+k] += t[s|1<<i] - t[s]
			}
		}
	}
	phi := make([]float64, n)
	for i := range phi {
		c := 1.0 // C(n-1, k)
		for k := range n {
			phi[i] += sum[i*n+k] / (float64(n) * c)
			c = c * float64(n-1-k) / float64(k+1)
		}
	}
	return phi, nil
}

// SampleSettings holds the options of [ShapleySample]. A nil *SampleSettings
// means the zero value, that is the defaults.
type SampleSettings struct {
	// Permutations is the number of random orders drawn; zero means 1000.
	// It must be at least 2.
	Permutations int
	// Confidence is the level of the confidence intervals, in (0, 1); zero
	// means 0.95.
	Confidence float64
}

// ShapleyEstimate is a sampled Shapley value with its uncertainty.
type ShapleyEstimate struct {
	// Value is each player's mean marginal contribution over the sampled
	// orders. The values sum to v(N) - v(∅) up to rounding, whatever the
	// sample.
	Value []float64
	// StdErr is the standard error of each Value: the sample standard
	// deviation of the marginal contributions over sqrt(Permutations).
	StdErr []float64
	// Lo and Hi bound each player's confidence interval,
	// Value ± t·StdErr with t the Student-t quantile with
	// Permutations-1 degrees of freedom.
	Lo, Hi []float64
	// Confidence is the level of the intervals.
	Confidence float64
	// Permutations is the number of orders drawn.
	Permutations int
}

// ShapleySample estimates the Shapley value of the n-player game v by
// sampling orders of the players uniformly with rnd (permutation sampling:
// J. Castro, D. Gómez and J. Tejada, "Polynomial calculation of the Shapley
// value based on sampling", Computers & Operations Research 36(5), 2009). In
// each order, each player's marginal contribution to the players before it
// is one independent draw of a variable whose mean is its Shapley value, so
// the interval is a standard t interval. Use it beyond [MaxExactPlayers]
// players, or for any n when 2^n evaluations of v are too costly.
//
// The result depends only on the sequence rnd produces. Cost: 1 +
// n·Permutations calls of v and O(n·Permutations) time. It returns an
// [*InputError] for n outside [1, MaxPlayers], a nil v or rnd, bad
// settings, or a non-finite v(S).
func ShapleySample(n int, v Game, rnd *rand.Rand, s *SampleSettings) (*ShapleyEstimate, error) {
	if err := checkPlayers(n, MaxPlayers); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, invalid("v", -1, "nil game")
	}
	if rnd == nil {
		return nil, invalid("rnd", -1, "nil *rand.Rand")
	}
	if s == nil {
		s = &SampleSettings{}
	}
	m, conf := s.Permutations, s.Confidence
	if m == 0 {
		m = 1000
	}
	if conf == 0 {
		conf = 0.95
	}
	if m < 2 {
		return nil, invalid("Permutations", -1, "%d, want at least 2", m)
	}
	if !(conf > 0 && conf < 1) {
		return nil, invalid("Confidence", -1, "%v not in (0, 1)", conf)
	}
	empty, err := value(v, 0)
	if err != nil {
		return nil, err
	}
	// Welford's running mean and sum of squared deviations per player.
	mean := make([]float64, n)
	m2 := make([]float64, n)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for r := 1; r <= m; r++ {
		rnd.Shuffle(n, func(a, b int) { order[a], order[b] = order[b], order[a] })
		var c Coalition
		prev := empty
		for _, i := range order {
			c = c.With(i)
			x, err := value(v, c)
			if err != nil {
				return nil, err
			}
			d := (x - prev) - mean[i]
			mean[i] += d / float64(r)
			m2[i] += d * ((x - prev) - mean[i])
			prev = x
		}
	}
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(m - 1)}.Quantile((1 + conf) / 2)
	e := &ShapleyEstimate{
		Value:        mean,
		StdErr:       make([]float64, n),
		Lo:           make([]float64, n),
		Hi:           make([]float64, n),
		Confidence:   conf,
		Permutations: m,
	}
	for i := range mean {
		e.StdErr[i] = math.Sqrt(m2[i]/float64(m-1)) / math.Sqrt(float64(m))
		e.Lo[i] = mean[i] - t*e.StdErr[i]
		e.Hi[i] = mean[i] + t*e.StdErr[i]
	}
	return e, nil
}

// ShapleyAmong returns the Shapley value of the game v restricted to the
// listed players: coalitions are subsets of players, passed to v as
// ordinary bitmasks of the full game, and the result holds one value per
// listed player, in the order given. When every unlisted player is a null
// player of v (adds nothing to any coalition), the result equals those
// players' values in the full game, whose unlisted players get 0. That is
// how a game that adds up over states is solved exactly although the whole
// alliance is too large: call ShapleyAmong once per state with the parties
// allied there and add the values up.
//
// Cost: 2^len(players) calls of v; len(players) is at most
// [MaxExactPlayers]. It returns an [*InputError] for a player outside [0,
// MaxPlayers) or listed twice, and the errors of [Shapley].
func ShapleyAmong(players []int, v Game) ([]float64, error) {
	local, err := among(players, v)
	if err != nil {
		return nil, err
	}
	return Shapley(len(players), local)
}

// among returns v restricted to players: the game of len(players) players
// whose local coalition s stands for the players listed at s's positions.
// It returns an [*InputError] for a player outside [0, MaxPlayers) or
// listed twice, and for a nil v.
func among(players []int, v Game) (Game, error) {
	var seen Coalition
	for k, p := range players {
		if p < 0 || p >= MaxPlayers {
			return nil, invalid("players", k, "%d not in [0, %d)", p, MaxPlayers)
		}
		if seen.Has(p) {
			return nil, invalid("players", k, "player %d listed twice", p)
		}
		seen = seen.With(p)
	}
	if v == nil {
		return nil, invalid("v", -1, "nil game")
	}
	return func(s Coalition) float64 {
		var g Coalition
		for k, p := range players {
			if s.Has(k) {
				g = g.With(p)
			}
		}
		return v(g)
	}, nil
}
