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

// CheckQuota returns, in party order, every party whose seats violate lower
// or upper quota: with house the sum of seats and total the sum of votes,
// party i's quota is house·votes[i]/total, and it should get its floor or
// its ceiling. The arithmetic is exact. Any allocation can be checked, not
// only one from [Apportion]; with a threshold, pass the qualifying parties'
// votes and zero for the others.
//
// It returns an [*InputError] for mismatched lengths, a negative count or
// zero total votes. Cost: O(n).
func CheckQuota(votes []int64, seats []int) ([]QuotaViolation, error) {
	if len(seats) != len(votes) {
		return nil, invalid("seats", -1, "length %d, want %d (one per party)", len(seats), len(votes))
	}
	total := new(big.Int)
	house := new(big.Int)
	for i, v := range votes {
		if v < 0 {
			return nil, invalid("votes", i, "negative (%d)", v)
		}
		if seats[i] < 0 {
			return nil, invalid("seats", i, "negative (%d)", seats[i])
		}
		total.Add(total, big.NewInt(v))
		house.Add(house, big.NewInt(int64(seats[i])))
	}
	if total.Sign() == 0 {
		return nil, invalid("votes", -1, "no party has votes")
	}
	var out []QuotaViolation
	for i, v := range votes {
		num := new(big.Int).Mul(house, big.NewInt(v))
		fl, r := new(big.Int).QuoRem(num, total, new(big.Int))
		floor := fl.Int64() // at most house, the sum of ints
		ceil := floor
		if r.Sign() != 0 {
			ceil++
		}
		if s := int64(seats[i]); s < floor || s > ceil {
			out = append(out, QuotaViolation{
				Party: i, Seats: seats[i],
				Quota: new(big.Rat).SetFrac(num, total),
				Floor: int(floor), Ceil: int(ceil),
			})
		}
	}
	return out, nil
}
