package scoring

import (
	"fmt"
	"math/big"
)

// QuotaViolation is a party whose seats lie outside its quota's floor and
// ceiling.
type QuotaViolation struct {
	// Party is the party's index.
	Party int
	// Seats is its number of seats.
	Seats int
	// Quota is its exact quota house·votes/total.
	Quota *big.Rat
	// Floor and Ceil are the quota rounded down and up: lower quota asks
	// Seats >= Floor, upper quota Seats <= Ceil.
	Floor, Ceil int
}

// Lower reports whether v violates lower quota (too few seats); otherwise it
// violates upper quota (too many).
func (v QuotaViolation) Lower() bool { return v.Seats < v.Floor }

// String describes the violation, such as "party 2: 5 seats above upper
// quota 4 (quota 37/10)".
func (v QuotaViolation) String() string {
	if v.Lower() {
		return fmt.Sprintf("party %d: %d seats below lower quota %d (quota %s)", v.Party, v.Seats, v.Floor, v.Quota.RatString())
	}
	return fmt.Sprintf("party %d: %d seats above upper quota %d (quota %s)", v.Party, v.Seats, v.Ceil, v.Quota.RatString())
}

// Quota is a party's exact quota of a house and its two roundings.
type Quota struct {
	// Exact is house·votes/total.
	Exact *big.Rat
	// Floor and Ceil are Exact rounded down and up; they are equal when
	// Exact is an integer.
	Floor, Ceil int
}

// Quotas returns each party's quota of house seats: house·votes[i]/total,
// exactly, with its floor and ceiling. An allocation satisfies quota when
// every party's seats lie within its floor and ceiling, which makes the
// pair natural lower and upper bounds for a "within quota" rule. It returns
// an [*InputError] for a negative count, zero total votes or a house outside
// [0, MaxHouse]. Cost: O(n).
func Quotas(votes []int64, house int) ([]Quota, error) {
	if house < 0 || house > MaxHouse {
		return nil, invalid("house", -1, "%d not in [0, %d]", house, MaxHouse)
	}
	total := new(big.Int)
	for i, v := range votes {
		if v < 0 {
			return nil, invalid("votes", i, "negative (%d)", v)
		}
		total.Add(total, big.NewInt(v))
	}
	if total.Sign() == 0 {
		return nil, invalid("votes", -1, "no party has votes")
	}
	h := big.NewInt(int64(house))
	out := make([]Quota, len(votes))
	for i, v := range votes {
		num := new(big.Int).Mul(h, big.NewInt(v))
		fl, r := new(big.Int).QuoRem(num, total, new(big.Int))
		q := Quota{Exact: new(big.Rat).SetFrac(num, total), Floor: int(fl.Int64())} // at most house
		q.Ceil = q.Floor
		if r.Sign() != 0 {
			q.Ceil++
		}
		out[i] = q
	}
	return out, nil
}

// CheckQuota returns, in party order, every party whose seats violate lower
// or upper quota: with house the sum of seats, party i should get the floor
// or the ceiling of its quota (see [Quotas]). The arithmetic is exact. Any
// allocation can be checked, not only one from [Apportion]; with a
// threshold, pass the qualifying parties' votes and zero for the others.
//
// It returns an [*InputError] for mismatched lengths, a negative count,
// zero total votes or more than MaxHouse seats in all. Cost: O(n).
func CheckQuota(votes []int64, seats []int) ([]QuotaViolation, error) {
	if len(seats) != len(votes) {
		return nil, invalid("seats", -1, "length %d, want %d (one per party)", len(seats), len(votes))
	}
	house := 0
	for i, s := range seats {
		if s < 0 || s > MaxHouse-house {
			return nil, invalid("seats", i, "%d: negative, or the total passes %d", s, MaxHouse)
		}
		house += s
	}
	qs, err := Quotas(votes, house)
	if err != nil {
		return nil, err
	}
	var out []QuotaViolation
	for i, q := range qs {
		if s := seats[i]; s < q.Floor || s > q.Ceil {
			out = append(out, QuotaViolation{Party: i, Seats: s, Quota: q.Exact, Floor: q.Floor, Ceil: q.Ceil})
		}
	}
	return out, nil
}
