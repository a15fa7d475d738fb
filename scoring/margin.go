package scoring

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Transfer is an asymmetric vote-transfer matrix: Rate(q, p) is the fraction of
// party q's standalone voters who vote for party p's candidate when q stands
// down for p. Parties are indices into a [Seat]'s Shares.
//
// The zero value transfers nothing.
type Transfer struct {
	// Default is the rate of every pair not listed in Rates; it must lie in
	// [0, 1].
	Default float64
	// Rates holds per-pair rates keyed by [2]int{from, to}; each must lie in
	// [0, 1], from and to must be distinct party indices. A nil map means
	// every pair uses Default.
	Rates map[[2]int]float64
}

// Rate returns the transfer rate from party from to party to: Rates[{from, to}]
// if present, Default otherwise. It takes O(1) expected time.
func (t Transfer) Rate(from, to int) float64 {
	if r, ok := t.Rates[[2]int{from, to}]; ok {
		return r
	}
	return t.Default
}

// Validate returns an [*InputError] naming the first invalid element of t (in
// increasing order of (from, to) for Rates) when Default or a rate is not in
// [0, 1] or NaN, when a key's index is outside [0, parties), or when a key
// transfers a party to itself. Field is "Transfer.Default" or, for example,
// "Transfer.Rates[2,0]". It takes O(r) time for r listed rates, O(r log r)
// when reporting an error.
func (t Transfer) Validate(parties int) error {
	return t.validate(func() string { return "Transfer" }, parties)
}

// validate is Validate with the matrix's field name, built only for an error.
func (t Transfer) validate(prefix func() string, parties int) error {
	if !inUnit(t.Default) {
		return invalid(prefix()+".Default", -1, "%v not in [0, 1]", t.Default)
	}
	bad := false
	for k, r := range t.Rates {
		if !rateOK(parties, k, r) {
			bad = true
			break
		}
	}
	if !bad {
		return nil
	}
	// Report the smallest offending key so that the error does not depend on
	// map iteration order.
	keys := make([][2]int, 0, len(t.Rates))
	for k := range t.Rates {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(a[1], b[1])
	})
	for _, k := range keys {
		if r := t.Rates[k]; !rateOK(parties, k, r) {
			return rateError(prefix(), parties, k, r)
		}
	}
	return nil
}

// rateOK reports whether rate r listed under key k is valid.
func rateOK(parties int, k [2]int, r float64) bool {
	return k[0] >= 0 && k[0] < parties && k[1] >= 0 && k[1] < parties && k[0] != k[1] && inUnit(r)
}

// rateError returns the error of the invalid rate r listed under key k.
func rateError(prefix string, parties int, k [2]int, r float64) error {
	field := fmt.Sprintf("%s.Rates[%d,%d]", prefix, k[0], k[1])
	switch {
	case k[0] < 0 || k[0] >= parties:
		return invalid(field, -1, "from-party %d not in [0, %d)", k[0], parties)
	case k[1] < 0 || k[1] >= parties:
		return invalid(field, -1, "to-party %d not in [0, %d)", k[1], parties)
	case k[0] == k[1]:
		return invalid(field, -1, "a party cannot transfer to itself")
	default:
		return invalid(field, -1, "rate %v not in [0, 1]", r)
	}
}

// Bloc is a group of parties that fields one common candidate in a seat: the
// candidate's party Candidate and the partners that stand down for it, whose
// standalone voters move to the candidate at the rates of Transfer.
type Bloc struct {
	// Candidate is the party index of the common candidate.
	Candidate int
	// Partners are the other members' party indices, each distinct and
	// different from Candidate. Nil means the candidate stands alone.
	Partners []int
	// Transfer gives the rate Rate(q, Candidate) for each partner q.
	Transfer Transfer
}

// Seat describes one candidacy in one seat: every party's standalone strength,
// the coalition whose candidate is scored, its rival bloc, other groups and
// parties contesting, and the seat's swing and adjustment. Every share and
// swing is a vote share (0.02 is two points). [Margin] evaluates it.
//
// Each party index may appear in at most one of Alliance, Rival and Blocs.
// Every other party with a positive share contests alone with that share; give
// a party that does not contest the seat a share of zero.
type Seat struct {
	// Shares holds each party's standalone vote share s_c(q), indexed by
	// party; each must lie in [0, 1]. Their sum is not checked, because
	// estimated standalone strengths need not add up to one.
	Shares []float64
	// Alliance is the coalition S: its candidate p and the partners S\{p}
	// with the alliance's transfer matrix tau.
	Alliance Bloc
	// Rival is the rival bloc with its own transfer matrix; nil means there is
	// no rival bloc in this seat.
	Rival *Bloc
	// Lambda is the part of the alliance partners' untransferred vote that
	// goes to the rival candidate; the rest abstains. It must lie in [0, 1],
	// and must be zero when Rival is nil.
	Lambda float64
	// Blocs are other groups that field a common candidate, for example the
	// alliance members outside S when they stay allied among themselves.
	// Their untransferred votes abstain.
	Blocs []Bloc
	// Swing is the state's swing toward the alliance, added to the margin.
	Swing float64
	// Adjust is the per-seat, per-candidate adjustment added to the margin.
	Adjust float64
}

// MarginParts are the terms of a margin, for explaining it.
type MarginParts struct {
	// Alliance is the alliance vote V: the candidate's share plus the
	// partners' transferred shares.
	Alliance float64
	// Leaked is the partners' untransferred vote, sum of (1-tau(q->p))*s(q).
	Leaked float64
	// Rival is the rival vote Rv: the rival bloc's arithmetic plus
	// Lambda*Leaked; zero when there is no rival bloc.
	Rival float64
	// Opponent is the strongest opponent's vote Opp, zero when nobody
	// opposes the alliance.
	Opponent float64
	// OpponentParty is the party index of the strongest opponent's candidate,
	// or -1 when nobody opposes the alliance. Ties go to the rival bloc, then
	// to Blocs in order, then to the lowest party index.
	OpponentParty int
}

// Margin returns the margin of the alliance candidate in s,
//
//	m = V - Opp + Swing + Adjust,
//
// where the alliance vote is V = s(p) + sum over partners q of tau(q->p)*s(q),
// the rival vote is the rival bloc's own arithmetic plus Lambda times the
// alliance's untransferred vote, each other bloc's vote is its own
// arithmetic, and Opp is the largest of the rival, the other blocs and the
// shares of parties contesting alone. All terms are vote shares, so a swing
// of 0.02 moves the margin by two points. The parts explain the margin.
//
// Margin returns an [*InputError] wrapping [ErrInvalid] naming the first
// invalid element: a share, rate or Lambda outside [0, 1] or NaN, a
// non-finite Swing or Adjust, a party index out of range or used twice, or a
// nonzero Lambda without a rival. It takes O(n + r) time for n parties and r
// listed transfer rates.
func Margin(s Seat) (m float64, parts MarginParts, err error) {
	owner, err := s.validate()
	if err != nil {
		return 0, MarginParts{OpponentParty: -1}, err
	}
	v, leaked := s.Alliance.vote(s.Shares)
	parts = MarginParts{Alliance: v, Leaked: leaked, OpponentParty: -1}
	if s.Rival != nil {
		rv, _ := s.Rival.vote(s.Shares)
		rv += s.Lambda * leaked
		parts.Rival = rv
		parts.Opponent = rv
		parts.OpponentParty = s.Rival.Candidate
	}
	for _, b := range s.Blocs {
		bv, _ := b.vote(s.Shares)
		if parts.OpponentParty < 0 || bv > parts.Opponent {
			parts.Opponent = bv
			parts.OpponentParty = b.Candidate
		}
	}
	for q, sh := range s.Shares {
		if owner[q] != 0 || sh == 0 {
			continue
		}
		if parts.OpponentParty < 0 || sh > parts.Opponent {
			parts.Opponent = sh
			parts.OpponentParty = q
		}
	}
	m = v - parts.Opponent + s.Swing + s.Adjust
	return m, parts, nil
}

// vote returns the bloc's vote and its partners' untransferred vote.
func (b Bloc) vote(shares []float64) (vote, leaked float64) {
	vote = shares[b.Candidate]
	for _, q := range b.Partners {
		r := b.Transfer.Rate(q, b.Candidate)
		vote += r * shares[q]
		leaked += (1 - r) * shares[q]
	}
	return vote, leaked
}

// Validate returns an [*InputError] wrapping [ErrInvalid] naming the first
// invalid element of s, as [Margin] does; see there for the rules. It takes
// O(n + r) time for n parties and r listed transfer rates.
func (s Seat) Validate() error {
	_, err := s.validate()
	return err
}

// validate is Validate; it also returns, for each party, 0 if the party is
// in no bloc and otherwise 1 + the bloc's id (see blocName).
func (s Seat) validate() ([]int, error) {
	n := len(s.Shares)
	for q, sh := range s.Shares {
		if err := checkUnit("Shares", q, sh); err != nil {
			return nil, err
		}
	}
	owner := make([]int, n)
	if err := s.Alliance.validate(0, owner); err != nil {
		return nil, err
	}
	if s.Rival != nil {
		if err := s.Rival.validate(1, owner); err != nil {
			return nil, err
		}
	}
	if err := checkUnit("Lambda", -1, s.Lambda); err != nil {
		return nil, err
	}
	if s.Rival == nil && s.Lambda != 0 {
		return nil, invalid("Lambda", -1, "%v is nonzero with no rival bloc to receive the votes", s.Lambda)
	}
	for i, b := range s.Blocs {
		if err := b.validate(2+i, owner); err != nil {
			return nil, err
		}
	}
	if math.IsNaN(s.Swing) || math.IsInf(s.Swing, 0) {
		return nil, invalid("Swing", -1, "%v is not finite", s.Swing)
	}
	if math.IsNaN(s.Adjust) || math.IsInf(s.Adjust, 0) {
		return nil, invalid("Adjust", -1, "%v is not finite", s.Adjust)
	}
	return owner, nil
}

// blocName returns the field name of the bloc with the given id: 0 is the
// alliance, 1 the rival, 2+i Blocs[i].
func blocName(id int) string {
	switch id {
	case 0:
		return "Alliance"
	case 1:
		return "Rival"
	default:
		return fmt.Sprintf("Blocs[%d]", id-2)
	}
}

// validate checks b's indices against len(owner), records b's members in
// owner as id+1, and checks b's transfer matrix.
func (b Bloc) validate(id int, owner []int) error {
	n := len(owner)
	claim := func(part string, index, q int) error {
		if q < 0 || q >= n {
			return invalid(blocName(id)+part, index, "party %d not in [0, %d)", q, n)
		}
		if owner[q] != 0 {
			return invalid(blocName(id)+part, index, "party %d already in %s", q, blocName(owner[q]-1))
		}
		owner[q] = id + 1
		return nil
	}
	if err := claim(".Candidate", -1, b.Candidate); err != nil {
		return err
	}
	for i, q := range b.Partners {
		if err := claim(".Partners", i, q); err != nil {
			return err
		}
	}
	return b.Transfer.validate(func() string { return blocName(id) + ".Transfer" }, n)
}

// inUnit reports whether x lies in [0, 1]; NaN does not.
func inUnit(x float64) bool { return x >= 0 && x <= 1 }

// checkUnit returns an *InputError for element index of field unless x
// lies in [0, 1].
func checkUnit(field string, index int, x float64) error {
	if !inUnit(x) {
		return invalid(field, index, "%v not in [0, 1]", x)
	}
	return nil
}
