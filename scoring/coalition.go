package scoring

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Coalition is a set of players 0..63 as a bitmask: player i is a member
// when bit i is set. The zero value is the empty coalition.
type Coalition uint64

// MaxPlayers is the largest number of players a [Coalition] can hold.
const MaxPlayers = 64

// GrandCoalition returns the coalition of players 0..n-1. It panics if n is
// not in [0, MaxPlayers].
func GrandCoalition(n int) Coalition {
	if n < 0 || n > MaxPlayers {
		panic("scoring: GrandCoalition: n out of range")
	}
	if n == MaxPlayers {
		return ^Coalition(0)
	}
	return Coalition(1)<<n - 1
}

// Has reports whether player i is a member of c.
func (c Coalition) Has(i int) bool { return i >= 0 && i < MaxPlayers && c&(1<<i) != 0 }

// With returns c with player i added.
func (c Coalition) With(i int) Coalition { return c | 1<<i }

// Without returns c with player i removed.
func (c Coalition) Without(i int) Coalition { return c &^ (1 << i) }

// Len returns the number of members of c.
func (c Coalition) Len() int { return bits.OnesCount64(uint64(c)) }

// Members returns the members of c in increasing order.
func (c Coalition) Members() []int {
	m := make([]int, 0, c.Len())
	for x := uint64(c); x != 0; x &= x - 1 {
		m = append(m, bits.TrailingZeros64(x))
	}
	return m
}

// String returns the members of c in braces, such as "{0 2 5}".
func (c Coalition) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for k, i := range c.Members() {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(i))
	}
	b.WriteByte('}')
	return b.String()
}

// Game is a cooperative game in characteristic-function form: it returns
// the value v(S) of coalition S. It must be deterministic and return finite
// values; the functions of this package report a non-finite value as an
// [*InputError].
type Game func(s Coalition) float64

// MaxExactPlayers is the largest number of players for which [Shapley],
// [Banzhaf] and [CheckCore] evaluate every coalition: 2^20 values, 8 MiB.
const MaxExactPlayers = 20

// checkPlayers returns an *InputError unless 1 <= n <= max.
func checkPlayers(n, max int) error {
	if n < 1 || n > max {
		return invalid("n", -1, "%d players not in [1, %d]", n, max)
	}
	return nil
}

// value calls v and returns an *InputError if the value is not finite.
func value(v Game, s Coalition) (float64, error) {
	x := v(s)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, invalid("v", -1, "v(%v) = %v, not finite", s, x)
	}
	return x, nil
}

// table returns v(S) for every S in 0..2^n-1, indexed by the bitmask, each
// computed once.
func table(n int, v Game) ([]float64, error) {
	if err := checkPlayers(n, MaxExactPlayers); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, invalid("v", -1, "nil game")
	}
	t := make([]float64, 1<<n)
	for s := range t {
		x, err := value(v, Coalition(s))
		if err != nil {
			return nil, err
		}
		t[s] = x
	}
	return t, nil
}
