package scoring

import (
	"fmt"
	"iter"
	"math"
	"math/big"
	"slices"
)

// Method is an apportionment method: a rule that turns vote counts and a
// house size into whole seats. The zero value is not a method.
//
// The axioms named in each method's comment are those of Balinski and Young,
// Fair Representation, 2nd ed. (Brookings, 2001): quota (lower: a party never
// gets fewer seats than the floor of its exact quota house*votes/total;
// upper: never more than the ceiling), house monotonicity (adding a seat
// never takes a seat away from a party), population monotonicity (if party
// i's votes grow relative to party j's, i does not lose a seat to j) and
// bias (systematic favour of large or small parties; F. Pukelsheim,
// Proportional Representation, 2nd ed., Springer 2017). Balinski and
// Young prove that the divisor methods are exactly the population-monotone
// methods and that no population-monotone method satisfies quota (their
// impossibility theorem), so every method here fails something.
type Method int

const (
	// Hamilton is the largest-remainder method (Hare quota): each party
	// gets the floor of its quota and the remaining seats go to the largest
	// remainders. It satisfies lower and upper quota, is unbiased, and fails
	// house monotonicity (the Alabama paradox) and population monotonicity
	// (Balinski and Young 2001).
	Hamilton Method = iota + 1
	// DHondt is the divisor method with divisors 1, 2, 3, ... (Jefferson's
	// method; rounding down). It is house- and population-monotone,
	// satisfies lower quota, fails upper quota, and favours large parties
	// (Balinski and Young 2001; Pukelsheim 2017).
	DHondt
	// SainteLague is the divisor method with divisors 1, 3, 5, ... (Webster's
	// method; standard rounding). It is house- and population-monotone,
	// fails lower and upper quota (rarely), and is unbiased (Balinski and
	// Young 2001; Pukelsheim 2017).
	SainteLague
	// ModifiedSainteLague is Sainte-Laguë with the first divisor 1.4 in
	// place of 1 (used in Norway and Sweden), that is divisors 1.4, 3, 5, 7,
	// .... It is house- and population-monotone (as every divisor method),
	// fails lower and upper quota, and works against small parties, whose
	// first seat is made dearer (Pukelsheim 2017).
	ModifiedSainteLague
	// HuntingtonHill is the divisor method with divisors sqrt(s(s+1)) for
	// the (s+1)-th seat (geometric rounding; the method of the US House
	// since 1941). Its first divisor is 0, so every party with votes gets a
	// seat. It is house- and population-monotone, fails lower and upper
	// quota, and slightly favours small parties (Balinski and Young 2001).
	HuntingtonHill
	// Adams is the divisor method with divisors 0, 1, 2, ... (rounding up).
	// Every party with votes gets a seat. It is house- and
	// population-monotone, satisfies upper quota, fails lower quota, and
	// favours small parties (Balinski and Young 2001).
	Adams
)

// String returns the method's name.
func (m Method) String() string {
	switch m {
	case Hamilton:
		return "Hamilton"
	case DHondt:
		return "D'Hondt"
	case SainteLague:
		return "Sainte-Laguë"
	case ModifiedSainteLague:
		return "modified Sainte-Laguë"
	case HuntingtonHill:
		return "Huntington-Hill"
	case Adams:
		return "Adams"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// Divisor reports whether m is a divisor method (every method but
// [Hamilton]).
func (m Method) Divisor() bool { return m.valid() && m != Hamilton }

func (m Method) valid() bool { return m >= Hamilton && m <= Adams }

// minSeats returns the seats every qualifying party receives under m: 1 for
// the methods whose first divisor is 0, else 0.
func (m Method) minSeats() int {
	if m == Adams || m == HuntingtonHill {
		return 1
	}
	return 0
}

// div returns the divisor for the (s+1)-th seat (s >= 0) in scaled integer
// units: for HuntingtonHill the squared divisor s(s+1); for the others the
// divisor times scale().
func (m Method) div(s int) int64 {
	t := int64(s)
	switch m {
	case DHondt:
		return t + 1
	case SainteLague:
		return 2*t + 1
	case ModifiedSainteLague:
		if t == 0 {
			return 7
		}
		return 10*t + 5
	case HuntingtonHill:
		return t * (t + 1)
	case Adams:
		return t
	}
	panic("scoring: div of non-divisor method") // unreachable: callers check m.Divisor
}

// scale returns the factor between div and the textbook divisor (for
// HuntingtonHill, between div and the squared divisor).
func (m Method) scale() int64 {
	switch m {
	case SainteLague:
		return 2
	case ModifiedSainteLague:
		return 10
	}
	return 1
}

// TieBreak says what to do when several results are equally valid.
type TieBreak int

const (
	// ReportTie returns a [*TieError] listing the valid results. It is the
	// zero value.
	ReportTie TieBreak = iota
	// LowerIndex gives the tied seats to the tied parties with the lowest
	// indices, and records the tie in [Apportionment.Tie].
	LowerIndex
)

// ApportionSettings holds the options of [Apportion] and [ApportionRat]. A
// nil *ApportionSettings means the zero value: no threshold and ties
// reported.
type ApportionSettings struct {
	// Threshold is the vote share below which a party gets no seats: a
	// party qualifies when votes/total >= Threshold, where total counts
	// every party. Seats are then shared among the qualifying parties by
	// their votes. Nil or zero means no threshold; it must lie in [0, 1].
	Threshold *big.Rat
	// TieBreak says what to do with a tie for the last seats; the zero
	// value reports it.
	TieBreak TieBreak
}

// Tie describes a tie for the last seats: Seats seats go to Seats of the
// Parties, one each, and every such choice is a valid result.
type Tie struct {
	// Parties lists the tied parties in increasing order.
	Parties []int
	// Seats is the number of seats they compete for, 0 < Seats < len(Parties).
	Seats int
}

// Apportionment is the result of [Apportion].
type Apportionment struct {
	// Method is the method used.
	Method Method
	// Seats holds each party's seats, in input order; they sum to the
	// house size.
	Seats []int
	// Excluded lists, in increasing order, the parties with votes that fell
	// below the threshold.
	Excluded []int
	// Tie, when not nil, is the tie that ApportionSettings.TieBreak
	// resolved.
	Tie *Tie
	// Divisor is a divisor certificate, for divisor methods only (nil for
	// Hamilton): each qualifying party's seats are the method's rounding of
	// votes/Divisor, as [CheckDivisor] verifies. Its units are votes per
	// seat, with the textbook divisors d(s) = s+1 (D'Hondt), s+1/2
	// (Sainte-Laguë), 0.7 then s+1/2 (modified Sainte-Laguë) and s (Adams).
	// For HuntingtonHill it holds the square of the divisor, because the
	// rounding points sqrt(s(s+1)) can make the divisor itself irrational.
	// It is the midpoint of the certificate interval, or its only point
	// when there is a tie.
	Divisor *big.Rat
}

// TieError reports a tie for the last seats. The valid results are Base plus
// one seat for each of Tie.Seats parties chosen among Tie.Parties. It wraps
// [ErrTie].
type TieError struct {
	// Method is the method used.
	Method Method
	// Base holds the seats every valid result gives, without the tied
	// seats.
	Base []int
	// Tie says who competes for how many seats.
	Tie Tie
}

// Error implements the error interface.
func (e *TieError) Error() string {
	return fmt.Sprintf("scoring: tie: %s: parties %v compete for the last %d seat(s)", e.Method, e.Tie.Parties, e.Tie.Seats)
}

// Unwrap returns [ErrTie].
func (e *TieError) Unwrap() error { return ErrTie }

// All yields every valid result, each as a new slice, in lexicographic order
// of the chosen parties. There are C(len(Tie.Parties), Tie.Seats) of them;
// stop early by breaking out of the loop.
func (e *TieError) All() iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		k, p := e.Tie.Seats, e.Tie.Parties
		if k <= 0 || k > len(p) {
			return
		}
		pick := make([]int, k)
		for i := range pick {
			pick[i] = i
		}
		for {
			s := slices.Clone(e.Base)
			for _, c := range pick {
				s[p[c]]++
			}
			if !yield(s) {
				return
			}
			// Advance to the next k-combination of len(p) elements.
			i := k - 1
			for i >= 0 && pick[i] == len(p)-k+i {
				i--
			}
			if i < 0 {
				return
			}
			pick[i]++
			for j := i + 1; j < k; j++ {
				pick[j] = pick[j-1] + 1
			}
		}
	}
}

// NoApportionmentError reports that no apportionment exists. It wraps
// [ErrNoApportionment].
type NoApportionmentError struct {
	// Method is the method asked for.
	Method Method
	// House is the house size asked for.
	House int
	// Parties is the number of qualifying parties.
	Parties int
	// Reason says why, in a few words.
	Reason string
}

// Error implements the error interface.
func (e *NoApportionmentError) Error() string {
	return fmt.Sprintf("scoring: no apportionment: %s with %d seats and %d qualifying parties: %s", e.Method, e.House, e.Parties, e.Reason)
}

// Unwrap returns [ErrNoApportionment].
func (e *NoApportionmentError) Unwrap() error { return ErrNoApportionment }

// MaxHouse is the largest house size [Apportion] accepts.
const MaxHouse = math.MaxInt32

// Apportion shares house seats among parties in proportion to votes by
// method m. Parties with zero votes, and parties below s.Threshold, get no
// seats.
//
// Every comparison is exact (math/big), so no seat depends on floating-point
// rounding. When the last seats are tied, Apportion returns a [*TieError]
// unless s.TieBreak resolves the tie. [Adams] and [HuntingtonHill] give every
// qualifying party a seat, so with fewer seats than such parties Apportion
// returns a [*NoApportionmentError]. Invalid input (a negative count, an
// unknown method, a house outside [0, MaxHouse], no votes at all) gives an
// [*InputError].
//
// Hamilton takes O(n log n) comparisons for n parties. A divisor method
// first estimates the divisor in floating point, which puts every party
// within about one seat of its final count, and then corrects the estimate
// exactly with two heaps: O(n log n) comparisons whatever the house size.
func Apportion(m Method, votes []int64, house int, s *ApportionSettings) (*Apportionment, error) {
	v := make([]*big.Int, len(votes))
	for i, x := range votes {
		if x < 0 {
			return nil, invalid("votes", i, "negative (%d)", x)
		}
		v[i] = big.NewInt(x)
	}
	return apportion(m, v, house, s)
}

// ApportionRat is [Apportion] for votes given as exact rationals, such as
// vote shares. It scales them to integers by the least common multiple of
// their denominators, so the result is that of [Apportion] on those
// integers.
func ApportionRat(m Method, votes []*big.Rat, house int, s *ApportionSettings) (*Apportionment, error) {
	lcm := big.NewInt(1)
	var g big.Int
	for i, r := range votes {
		if r == nil {
			return nil, invalid("votes", i, "nil")
		}
		if r.Sign() < 0 {
			return nil, invalid("votes", i, "negative (%s)", r.RatString())
		}
		d := r.Denom()
		g.GCD(nil, nil, lcm, d)
		lcm.Mul(lcm, new(big.Int).Quo(d, &g))
	}
	v := make([]*big.Int, len(votes))
	for i, r := range votes {
		x := new(big.Int).Quo(lcm, r.Denom())
		v[i] = x.Mul(x, r.Num())
	}
	return apportion(m, v, house, s)
}

// apportion is Apportion on non-negative big integers.
func apportion(m Method, v []*big.Int, house int, s *ApportionSettings) (*Apportionment, error) {
	if s == nil {
		s = &ApportionSettings{}
	}
	if !m.valid() {
		return nil, invalid("method", -1, "unknown method %d", int(m))
	}
	if house < 0 || house > MaxHouse {
		return nil, invalid("house", -1, "%d not in [0, %d]", house, MaxHouse)
	}
	if s.TieBreak != ReportTie && s.TieBreak != LowerIndex {
		return nil, invalid("TieBreak", -1, "unknown tie-break %d", int(s.TieBreak))
	}
	total := new(big.Int)
	for _, x := range v {
		total.Add(total, x)
	}
	if total.Sign() == 0 {
		return nil, invalid("votes", -1, "no party has votes")
	}
	res := &Apportionment{Method: m, Seats: make([]int, len(v))}
	var q []int // qualifying parties
	t := s.Threshold
	if t != nil && (t.Sign() < 0 || t.Cmp(big.NewRat(1, 1)) > 0) {
		return nil, invalid("Threshold", -1, "%s not in [0, 1]", t.RatString())
	}
	var lhs, rhs big.Int
	for i, x := range v {
		if x.Sign() == 0 {
			continue
		}
		if t != nil && t.Sign() > 0 {
			// x/total < num/den  <=>  x*den < num*total.
			lhs.Mul(x, t.Denom())
			rhs.Mul(t.Num(), total)
			if lhs.Cmp(&rhs) < 0 {
				res.Excluded = append(res.Excluded, i)
				continue
			}
		}
		q = append(q, i)
	}
	if len(q) == 0 {
		return nil, &NoApportionmentError{Method: m, House: house, Parties: 0, Reason: "no party reaches the threshold"}
	}
	if house < len(q)*m.minSeats() {
		return nil, &NoApportionmentError{Method: m, House: house, Parties: len(q), Reason: "the method gives every qualifying party a seat"}
	}
	qv := make([]*big.Int, len(q))
	for k, i := range q {
		qv[k] = v[i]
	}
	var seats []int
	var tie *rawTie
	if m == Hamilton {
		seats, tie = hamilton(qv, house)
	} else {
		seats, tie, res.Divisor = divisorMethod(m, qv, house)
	}
	if tie != nil {
		// Take the tied seats away from the parties that hold them now,
		// leaving the base that every valid result shares.
		for _, p := range tie.winners {
			seats[p]--
		}
	}
	for k, i := range q {
		res.Seats[i] = seats[k]
	}
	if tie == nil {
		return res, nil
	}
	t2 := &Tie{Parties: make([]int, len(tie.parties)), Seats: len(tie.winners)}
	for k, p := range tie.parties {
		t2.Parties[k] = q[p]
	}
	if s.TieBreak == ReportTie {
		return nil, &TieError{Method: m, Base: res.Seats, Tie: *t2}
	}
	for _, p := range t2.Parties[:t2.Seats] {
		res.Seats[p]++
	}
	res.Tie = t2
	return res, nil
}

// rawTie is a tie among the qualifying parties, in their compact indices:
// parties (increasing) compete, and winners (a subset) hold the tied seats
// in the result computed.
type rawTie struct {
	parties, winners []int
}
