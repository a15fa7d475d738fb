package scoring

import "math"

// Real is the constraint of the index functions' arguments: vote and seat
// counts (integers) or shares (floats).
type Real interface {
	~int | ~int32 | ~int64 | ~float64
}

// shares returns x normalised to sum to one. It returns an *InputError for
// a negative or non-finite element, or a zero sum.
func shares[T Real](field string, x []T) ([]float64, error) {
	out := make([]float64, len(x))
	var sum float64
	for i, xi := range x {
		f := float64(xi)
		if !(f >= 0) || math.IsInf(f, 0) {
			return nil, invalid(field, i, "%v, want a finite value >= 0", f)
		}
		out[i] = f
		sum += f
	}
	if sum == 0 {
		return nil, invalid(field, -1, "sums to zero")
	}
	for i := range out {
		out[i] /= sum
	}
	return out, nil
}

// voteSeatShares normalises votes and seats and checks their lengths match.
func voteSeatShares[V, S Real](votes []V, seats []S) (v, s []float64, err error) {
	if len(votes) != len(seats) {
		return nil, nil, invalid("seats", -1, "length %d, want %d (one per party)", len(seats), len(votes))
	}
	if v, err = shares("votes", votes); err != nil {
		return nil, nil, err
	}
	if s, err = shares("seats", seats); err != nil {
		return nil, nil, err
	}
	return v, s, nil
}

// Gallagher returns the least-squares index of disproportionality,
// sqrt(½ Σ (v_i - s_i)²), where v_i and s_i are party i's vote and seat
// shares (M. Gallagher, "Proportionality, disproportionality and electoral
// systems", Electoral Studies 10(1), 1991). Votes and seats may be counts or
// shares; each is normalised to sum to one, so the index lies in [0, 1]
// (multiply by 100 for the usual percentage points). It is 0 exactly when
// seat shares equal vote shares.
//
// It returns an [*InputError] for mismatched lengths, a negative or
// non-finite value, or a zero total. Cost: O(n).
func Gallagher[V, S Real](votes []V, seats []S) (float64, error) {
	v, s, err := voteSeatShares(votes, seats)
	if err != nil {
		return 0, err
	}
	var sum float64
	for i := range v {
		d := v[i] - s[i]
		sum += d * d
	}
	return math.Sqrt(sum / 2), nil
}

// LoosemoreHanby returns the Loosemore-Hanby index of disproportionality,
// ½ Σ |v_i - s_i|, over vote and seat shares (J. Loosemore and V. J. Hanby,
// "The theoretical limits of maximum distortion", British Journal of
// Political Science 1(4), 1971): the share of seats that would have to move
// to make seat shares equal vote shares. It lies in [0, 1]; arguments and
// errors are those of [Gallagher].
func LoosemoreHanby[V, S Real](votes []V, seats []S) (float64, error) {
	v, s, err := voteSeatShares(votes, seats)
	if err != nil {
		return 0, err
	}
	var sum float64
	for i := range v {
		sum += math.Abs(v[i] - s[i])
	}
	return sum / 2, nil
}

// SainteLagueIndex returns the Sainte-Laguë index of disproportionality,
// Σ (s_i - v_i)² / v_i, over vote and seat shares (A. Sainte-Laguë, 1910; see
// Gallagher 1991): the chi-square distance that the Sainte-Laguë method
// minimises. Parties with no votes and no seats add nothing; a party with
// seats but no votes makes it +Inf. Arguments and errors are those of
// [Gallagher].
func SainteLagueIndex[V, S Real](votes []V, seats []S) (float64, error) {
	v, s, err := voteSeatShares(votes, seats)
	if err != nil {
		return 0, err
	}
	var sum float64
	for i := range v {
		switch {
		case v[i] > 0:
			d := s[i] - v[i]
			sum += d * d / v[i]
		case s[i] > 0:
			return math.Inf(1), nil
		}
	}
	return sum, nil
}

// DHondtIndex returns the D'Hondt index of disproportionality,
// max_i s_i / v_i over vote and seat shares (equivalently, each party's seats
// over its exact quota): how far the most over-represented party is
// over-represented, the quantity the D'Hondt method minimises (Gallagher
// 1991). It is at least 1, and 1 exactly when seat shares equal vote
// shares. Parties with no votes and no seats are skipped; a party with seats
// but no votes makes it +Inf. Arguments and errors are those of
// [Gallagher].
func DHondtIndex[V, S Real](votes []V, seats []S) (float64, error) {
	v, s, err := voteSeatShares(votes, seats)
	if err != nil {
		return 0, err
	}
	worst := 0.0
	for i := range v {
		switch {
		case v[i] > 0:
			worst = max(worst, s[i]/v[i])
		case s[i] > 0:
			return math.Inf(1), nil
		}
	}
	return worst, nil
}

// EffectiveParties returns the effective number of parties 1 / Σ p_i², where
// p_i are the shares of x (M. Laakso and R. Taagepera, "'Effective' number of
// parties", Comparative Political Studies 12(1), 1979). Pass vote counts for
// the effective number of electoral parties and seat counts for the
// effective number of parliamentary parties. It lies in [1, n], n when all
// shares are equal. It returns an [*InputError] for a negative or
// non-finite value or a zero total. Cost: O(n).
func EffectiveParties[T Real](x []T) (float64, error) {
	p, err := shares("x", x)
	if err != nil {
		return 0, err
	}
	var sum float64
	for _, pi := range p {
		sum += pi * pi
	}
	return 1 / sum, nil
}
