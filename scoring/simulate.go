package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// chunkScenarios is the number of scenarios drawn from one random stream.
// It is part of the reproducibility contract: changing it changes every
// simulated result for a given seed.
const chunkScenarios = 1024

// z95 is the two-sided 95% standard normal quantile, Phi^-1(0.975).
const z95 = 1.959963984540054

// Distribution is the Monte Carlo distribution of the number of seats won,
// as returned by [Simulate]. Its methods report each statistic with its Monte
// Carlo standard error.
type Distribution struct {
	// Scenarios is the number of simulated scenarios.
	Scenarios int64
	// Counts[k] is the number of scenarios in which exactly k seats were
	// won; it has one entry more than there are seats.
	Counts []int64
	// SeatWins[c] is the number of scenarios in which seat c was won.
	SeatWins []int64
}

// Estimate is a Monte Carlo estimate with its standard error.
type Estimate struct {
	// Value is the estimate.
	Value float64
	// SE is its Monte Carlo standard error.
	SE float64
}

// QuantileEstimate is a Monte Carlo estimate of a quantile of the total. Lo
// and Hi bound a distribution-free 95% confidence interval built from order
// statistics (W. J. Conover, Practical Nonparametric Statistics, 3rd ed.,
// section 3.2, normal approximation to the binomial ranks); SE is
// (Hi-Lo)/(2*1.96), the standard error that interval implies.
type QuantileEstimate struct {
	// Value is the estimated quantile.
	Value int
	// Lo and Hi bound its 95% confidence interval.
	Lo, Hi int
	// SE is the standard error the interval implies.
	SE float64
}

// Simulate draws scenarios of the correlated election described by the win
// probabilities p (one per seat), the seats' states (any integer labels; seats
// with equal labels share a state component) and the copula c, and returns
// the distribution of the number of seats won. Seat i is won in a scenario
// when its latent variable (see [Copula]) falls below Phi^-1(p[i]), so its
// marginal win probability is p[i] whatever the copula.
//
// The work is split into fixed chunks of 1024 scenarios. Simulate takes two
// uint64 values from rnd and derives from them, by SplitMix64, the seeds of
// each chunk's own PCG stream (normal draws use the ziggurat method of
// Marsaglia and Tsang, 2000); chunks run on up to GOMAXPROCS goroutines and
// their integer counts are added. So the result depends only
// on p, states, c, scenarios and the state of rnd, never on GOMAXPROCS or
// scheduling. (Across architectures, last-bit differences in math.Exp or
// fused multiply-adds may flip a rare comparison.) Within a scenario the
// draws are: the national component, then, state by state in order of first
// appearance in states, the state's component followed by one seat component
// for each of its seats whose p is strictly between 0 and 1, in seat order.
// (Seats with p of 0 or 1 are decided without a draw.)
//
// It takes O(scenarios * (len(p) + states)) time and O(GOMAXPROCS * len(p))
// space, and allocates nothing per scenario.
//
// Simulate returns an [*InputError] wrapping [ErrInvalid] when p and states
// differ in length, a probability is outside [0, 1] or NaN, c is invalid, or
// scenarios is not positive. It panics if rnd is nil.
func Simulate(p []float64, states []int, c Copula, scenarios int, rnd *rand.Rand) (*Distribution, error) {
	return simulate(p, states, c, scenarios, rnd, runtime.GOMAXPROCS(0))
}

// simulate is Simulate with an explicit number of workers.
func simulate(p []float64, states []int, c Copula, scenarios int, rnd *rand.Rand, workers int) (*Distribution, error) {
	if rnd == nil {
		panic("scoring: Simulate with nil *rand.Rand")
	}
	if len(states) != len(p) {
		return nil, invalid("states", -1, "length %d differs from len(p) = %d", len(states), len(p))
	}
	for i, pi := range p {
		if err := checkUnit("p", i, pi); err != nil {
			return nil, err
		}
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if scenarios <= 0 {
		return nil, invalid("scenarios", -1, "%d is not positive", scenarios)
	}

	m := newSimModel(p, states, c)
	chunks := (scenarios-1)/chunkScenarios + 1
	base1, base2 := rnd.Uint64(), rnd.Uint64()
	workers = max(1, min(workers, chunks))

	d := &Distribution{
		Scenarios: int64(scenarios),
		Counts:    make([]int64, len(p)+1),
		SeatWins:  make([]int64, len(p)),
	}
	var (
		next int64 = -1
		mu   sync.Mutex
		wg   sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := m.newWorker()
			for {
				k := int(atomic.AddInt64(&next, 1))
				if k >= chunks {
					break
				}
				n := min(chunkScenarios, scenarios-k*chunkScenarios)
				w.src.Seed(chunkSeed(base1, k), chunkSeed(base2, k))
				m.run(w, n)
			}
			mu.Lock()
			defer mu.Unlock()
			for k, x := range w.counts {
				d.Counts[k] += x
			}
			for i, x := range w.wins {
				d.SeatWins[m.seat[i]] += x
			}
			for _, i := range m.sure {
				d.SeatWins[i] += w.scenarios
			}
		}()
	}
	wg.Wait()
	return d, nil
}

// chunkSeed returns the k-th output of the SplitMix64 generator started at
// base (G. L. Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom
// number generators", OOPSLA 2014): a bijective mix of base + (k+1)*gamma, so
// distinct chunks get distinct, well-mixed seeds.
func chunkSeed(base uint64, k int) uint64 {
	z := base + uint64(k+1)*0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// simModel is the precomputed form of a simulation: the seats whose outcome
// is random, grouped by state, with their thresholds Phi^-1(p).
type simModel struct {
	a, b, c float64
	// thr and seat describe the random seats: state by state in order of
	// first appearance, and in seat order within a state. The seats of
	// dense state j are thr[start[j]:start[j+1]].
	thr   []float64
	seat  []int
	start []int
	// sure lists the seats with p = 1.
	sure  []int
	seats int
	zig   *ziggurat
}

func newSimModel(p []float64, states []int, c Copula) *simModel {
	m := &simModel{a: c.National, b: c.State, c: c.Seat, seats: len(p), zig: newZiggurat()}
	// Number the states in order of first appearance, count each state's
	// random seats, and place the seats by a counting sort.
	dense := make(map[int]int)
	label := make([]int, len(p))
	var count []int
	for i, s := range states {
		j, ok := dense[s]
		if !ok {
			j = len(dense)
			dense[s] = j
			count = append(count, 0)
		}
		label[i] = j
		switch p[i] {
		case 0:
		case 1:
			m.sure = append(m.sure, i)
		default:
			count[j]++
		}
	}
	m.start = make([]int, len(count)+1)
	for j, n := range count {
		m.start[j+1] = m.start[j] + n
	}
	random := m.start[len(count)]
	m.thr = make([]float64, random)
	m.seat = make([]int, random)
	next := append([]int(nil), m.start[:len(count)]...)
	for i, pi := range p {
		if pi == 0 || pi == 1 {
			continue
		}
		k := next[label[i]]
		next[label[i]]++
		m.thr[k] = normalQuantile(pi)
		m.seat[k] = i
	}
	return m
}

// simWorker holds one goroutine's stream and accumulators.
type simWorker struct {
	src       *rand.PCG
	counts    []int64
	wins      []int64 // indexed like simModel.thr
	scenarios int64
}

func (m *simModel) newWorker() *simWorker {
	return &simWorker{
		src:    rand.NewPCG(0, 0),
		counts: make([]int64, m.seats+1),
		wins:   make([]int64, len(m.thr)),
	}
}

// run draws n scenarios from w's stream into w's accumulators.
func (m *simModel) run(w *simWorker, n int) {
	src, z := w.src, m.zig
	states := len(m.start) - 1
	base := len(m.sure)
	for range n {
		national := m.a * z.normal(src)
		total := base
		for j := range states {
			shift := national + m.b*z.normal(src)
			lo, hi := m.start[j], m.start[j+1]
			thr, wins := m.thr[lo:hi], w.wins[lo:hi]
			wins = wins[:len(thr)]
			if m.c == 0 {
				for i, t := range thr {
					won := wonBit(shift, t)
					total += int(won)
					wins[i] += int64(won)
				}
				continue
			}
			for i, t := range thr {
				// The common case of z.normal, inlined.
				u := src.Uint64()
				j := int32(u)
				layer := u >> 32 & (zigLayers - 1)
				nu := float64(j) * z.w[layer]
				if abs32(j) >= z.k[layer] {
					nu = z.slow(src, u)
				}
				won := wonBit(shift+m.c*nu, t)
				total += int(won)
				wins[i] += int64(won)
			}
		}
		w.counts[total]++
	}
	w.scenarios += int64(n)
}

// wonBit returns 1 if z < t and 0 otherwise, for finite z and t, without a
// branch: about half the comparisons of toss-up seats would mispredict.
// z - t is negative exactly when z < t (a tie gives +0), and its sign bit
// is the answer.
func wonBit(z, t float64) uint64 {
	return math.Float64bits(z-t) >> 63
}

// Mean returns the mean number of seats won, with standard error SD/sqrt(N).
// It takes O(seats) time.
func (d *Distribution) Mean() Estimate {
	n := float64(d.Scenarios)
	mean, _, _ := d.moments()
	return Estimate{Value: mean, SE: d.SD().Value / math.Sqrt(n)}
}

// SD returns the sample standard deviation s of the number of seats won (with
// divisor N-1; zero when N = 1), with the delta-method standard error
// sqrt((m4 - s^4) / N) / (2s), m4 being the fourth central moment; the error
// is 0 when s is 0. It takes O(seats) time.
func (d *Distribution) SD() Estimate {
	n := float64(d.Scenarios)
	_, m2, m4 := d.moments()
	if d.Scenarios < 2 {
		return Estimate{}
	}
	v := m2 * n / (n - 1)
	s := math.Sqrt(v)
	if s == 0 {
		return Estimate{}
	}
	return Estimate{Value: s, SE: math.Sqrt(max(m4-v*v, 0)/n) / (2 * s)}
}

// moments returns the mean and the second and fourth central moments (with
// divisor N) of the total.
func (d *Distribution) moments() (mean, m2, m4 float64) {
	n := float64(d.Scenarios)
	for k, x := range d.Counts {
		mean += float64(k) * float64(x)
	}
	mean /= n
	for k, x := range d.Counts {
		dk := float64(k) - mean
		dk2 := dk * dk
		m2 += dk2 * float64(x)
		m4 += dk2 * dk2 * float64(x)
	}
	return mean, m2 / n, m4 / n
}

// AtLeast returns the fraction of scenarios with at least k seats won, with
// binomial standard error sqrt(P(1-P)/N). It takes O(seats) time.
func (d *Distribution) AtLeast(k int) Estimate {
	var c int64
	for j := max(k, 0); j < len(d.Counts); j++ {
		c += d.Counts[j]
	}
	return proportion(c, d.Scenarios)
}

// SeatProb returns the fraction of scenarios in which seat i was won, with
// binomial standard error. It panics if i is out of range.
func (d *Distribution) SeatProb(i int) Estimate {
	return proportion(d.SeatWins[i], d.Scenarios)
}

// proportion returns c/n with its binomial standard error.
func proportion(c, n int64) Estimate {
	p := float64(c) / float64(n)
	return Estimate{Value: p, SE: math.Sqrt(p * (1 - p) / float64(n))}
}

// Quantile returns the lower q-quantile of the simulated total, the smallest
// k such that at least q*N scenarios won k seats or fewer (the k of the
// ceil(q*N)-th smallest scenario, the first one for q = 0), with a 95%
// order-statistic confidence interval. It takes O(seats) time and panics if q
// is outside [0, 1] or NaN.
func (d *Distribution) Quantile(q float64) QuantileEstimate {
	if !inUnit(q) {
		panic(fmt.Sprintf("scoring: quantile level %v not in [0, 1]", q))
	}
	n := float64(d.Scenarios)
	half := z95 * math.Sqrt(n*q*(1-q))
	est := QuantileEstimate{
		Value: d.rank(math.Ceil(q * n)),
		Lo:    d.rank(math.Floor(q*n - half)),
		Hi:    d.rank(math.Ceil(q*n+half) + 1),
	}
	est.SE = float64(est.Hi-est.Lo) / (2 * z95)
	return est
}

// rank returns the total of the r-th smallest scenario, r clamped to
// [1, N].
func (d *Distribution) rank(r float64) int {
	r = min(max(r, 1), float64(d.Scenarios))
	var cum int64
	for k, x := range d.Counts {
		cum += x
		if float64(cum) >= r {
			return k
		}
	}
	return len(d.Counts) - 1
}

// PMF returns the simulated distribution as frequencies, Counts[k]/N.
func (d *Distribution) PMF() PMF {
	f := make(PMF, len(d.Counts))
	for k, x := range d.Counts {
		f[k] = float64(x) / float64(d.Scenarios)
	}
	return f
}
