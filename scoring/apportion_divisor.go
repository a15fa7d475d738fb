package scoring

import (
	"math"
	"math/big"
)

// priorities compares the priorities of seats under a divisor method: the
// priority of party i's (s+1)-th seat is v[i]/d(s), with d the method's
// scaled divisor (for HuntingtonHill, v[i]^2/(s(s+1))). Comparisons
// cross-multiply in math/big, so they are exact.
type priorities struct {
	m    Method
	v    []*big.Int // votes, squared for HuntingtonHill
	a, b big.Int    // scratch
}

// cmp returns the sign of priority(i, si) - priority(j, sj).
func (p *priorities) cmp(i, si, j, sj int) int {
	p.a.SetInt64(p.m.div(sj))
	p.a.Mul(&p.a, p.v[i])
	p.b.SetInt64(p.m.div(si))
	p.b.Mul(&p.b, p.v[j])
	return p.a.Cmp(&p.b)
}

// std returns the priority of party i's (s+1)-th seat in textbook units
// (squared for HuntingtonHill). It panics if that priority is infinite;
// callers never ask for one.
func (p *priorities) std(i, s int) *big.Rat {
	num := new(big.Int).Mul(p.v[i], big.NewInt(p.m.scale()))
	return new(big.Rat).SetFrac(num, big.NewInt(p.m.div(s)))
}

// divisorMethod apportions h seats among parties with positive votes v by
// the divisor method m. It returns the seats, the tie for the last seats if
// any (the seats then give the tied seats to some of the tied parties), and
// the divisor certificate.
//
// It starts from the floating-point estimate round(v[i]*h/total), which is
// within about one seat of the answer for every party, and corrects it with
// a max-heap of next-seat priorities and a min-heap of last-seat priorities:
// first to the right house size, then by moving seats while some party's
// next seat outranks another's last seat. Every move raises the set of
// awarded priorities, so the loop ends, and at the end the awarded seats are
// exactly the h highest priorities.
func divisorMethod(m Method, v []*big.Int, h int) ([]int, *rawTie, *big.Rat) {
	n := len(v)
	p := &priorities{m: m, v: v}
	if m == HuntingtonHill {
		p.v = make([]*big.Int, n)
		for i, x := range v {
			p.v[i] = new(big.Int).Mul(x, x)
		}
	}
	seats := make([]int, n)
	minSeats := m.minSeats()
	// The estimate: each party's share of the house, rounded. Shares come
	// from big.Float quotients, so counts beyond float64's range still give
	// finite shares.
	total := new(big.Float)
	for _, x := range v {
		total.Add(total, new(big.Float).SetInt(x))
	}
	for i, x := range v {
		share, _ := new(big.Float).Quo(new(big.Float).SetInt(x), total).Float64()
		e := math.Round(share * float64(h))
		s := minSeats
		if e > float64(s) && e <= float64(h) { // false for NaN
			s = int(e)
		}
		seats[i] = s
	}

	// next(i) is the priority of i's next seat; last(i) that of its last
	// seat, +inf when it has none.
	nextBefore := func(a, b int) bool {
		c := p.cmp(a, seats[a], b, seats[b])
		return c > 0 || c == 0 && a < b
	}
	lastCmp := func(a, b int) int {
		switch {
		case seats[a] == 0 && seats[b] == 0:
			return 0
		case seats[a] == 0:
			return 1
		case seats[b] == 0:
			return -1
		}
		return p.cmp(a, seats[a]-1, b, seats[b]-1)
	}
	lastBefore := func(a, b int) bool {
		c := lastCmp(a, b)
		return c < 0 || c == 0 && a < b
	}
	next := newIndexHeap(n, nextBefore)
	last := newIndexHeap(n, lastBefore)
	sum := 0
	for _, s := range seats {
		sum += s
	}
	move := func(i, d int) {
		seats[i] += d
		sum += d
		next.fix(i)
		last.fix(i)
	}
	for sum < h {
		move(next.top(), +1)
	}
	for sum > h {
		move(last.top(), -1)
	}
	for {
		a, b := next.top(), last.top()
		if seats[b] == 0 || p.cmp(a, seats[a], b, seats[b]-1) <= 0 {
			break
		}
		move(a, +1)
		move(b, -1)
	}

	// Certificate and ties: lo = highest next priority, hi = lowest last.
	a, b := next.top(), last.top()
	lo := p.std(a, seats[a])
	if seats[b] == 0 || m.div(seats[b]-1) == 0 {
		// No finite last priority: any divisor above lo works.
		return seats, nil, lo.Add(lo, lo)
	}
	hi := p.std(b, seats[b]-1)
	if p.cmp(a, seats[a], b, seats[b]-1) < 0 {
		d := new(big.Rat).Add(lo, hi)
		return seats, nil, d.Quo(d, big.NewRat(2, 1))
	}
	t := &rawTie{}
	for i := range seats {
		switch {
		case seats[i] > 0 && p.cmp(i, seats[i]-1, b, seats[b]-1) == 0:
			t.parties = append(t.parties, i)
			t.winners = append(t.winners, i)
		case p.cmp(i, seats[i], a, seats[a]) == 0:
			t.parties = append(t.parties, i)
		}
	}
	return seats, t, lo
}

// CheckDivisor returns the parties whose seats are not the rounding of
// votes/d by the divisor method m, where d is a divisor in the units of
// [Apportionment.Divisor] (the squared divisor for HuntingtonHill). A
// quotient that falls exactly on a rounding point may round either way. A
// party with zero votes must have zero seats; to check a result with a
// threshold, set the excluded parties' votes to zero.
//
// The seats s of a party with votes v are a valid rounding when
// v/d(s) <= d <= v/d(s-1), with d(s) the divisor for the (s+1)-th seat and
// v/d(-1) = +inf. The comparisons are exact. It returns an [*InputError] for
// a method that is not a divisor method, mismatched lengths, negative
// counts or a non-positive d. Cost: O(n).
func CheckDivisor(m Method, votes []int64, seats []int, d *big.Rat) ([]int, error) {
	if !m.Divisor() {
		return nil, invalid("method", -1, "%s is not a divisor method", m)
	}
	if len(seats) != len(votes) {
		return nil, invalid("seats", -1, "length %d, want %d (one per party)", len(seats), len(votes))
	}
	if d == nil || d.Sign() <= 0 {
		return nil, invalid("divisor", -1, "not positive")
	}
	var bad []int
	var x, y big.Int
	for i, vi := range votes {
		si := seats[i]
		switch {
		case vi < 0:
			return nil, invalid("votes", i, "negative (%d)", vi)
		case si < 0 || si > MaxHouse:
			return nil, invalid("seats", i, "%d not in [0, %d]", si, MaxHouse)
		case vi == 0:
			if si != 0 {
				bad = append(bad, i)
			}
			continue
		}
		// w = v*scale (v^2 for HuntingtonHill); need w/div(s) <= d <= w/div(s-1).
		w := new(big.Int).SetInt64(vi)
		if m == HuntingtonHill {
			w.Mul(w, w)
		} else {
			w.Mul(w, big.NewInt(m.scale()))
		}
		x.Mul(w, d.Denom())
		y.Mul(d.Num(), big.NewInt(m.div(si)))
		ok := x.Cmp(&y) <= 0
		if ok && si > 0 {
			y.Mul(d.Num(), big.NewInt(m.div(si-1)))
			ok = y.Cmp(&x) <= 0
		}
		if !ok {
			bad = append(bad, i)
		}
	}
	return bad, nil
}

// indexHeap is a binary heap of the indices 0..n-1 ordered by before, whose
// keys may change: fix restores the order after index i's key changed.
type indexHeap struct {
	items  []int
	pos    []int
	before func(a, b int) bool
}

func newIndexHeap(n int, before func(a, b int) bool) *indexHeap {
	h := &indexHeap{items: make([]int, n), pos: make([]int, n), before: before}
	for i := range h.items {
		h.items[i] = i
		h.pos[i] = i
	}
	for i := n/2 - 1; i >= 0; i-- {
		h.down(i)
	}
	return h
}

func (h *indexHeap) top() int { return h.items[0] }

func (h *indexHeap) fix(i int) {
	k := h.pos[i]
	if !h.down(k) {
		h.up(k)
	}
}

func (h *indexHeap) swap(a, b int) {
	h.items[a], h.items[b] = h.items[b], h.items[a]
	h.pos[h.items[a]] = a
	h.pos[h.items[b]] = b
}

func (h *indexHeap) up(k int) {
	for k > 0 {
		parent := (k - 1) / 2
		if !h.before(h.items[k], h.items[parent]) {
			return
		}
		h.swap(k, parent)
		k = parent
	}
}

// down sifts position k down and reports whether it moved.
func (h *indexHeap) down(k int) bool {
	k0 := k
	n := len(h.items)
	for {
		c := 2*k + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && h.before(h.items[r], h.items[c]) {
			c = r
		}
		if !h.before(h.items[c], h.items[k]) {
			break
		}
		h.swap(k, c)
		k = c
	}
	return k > k0
}
