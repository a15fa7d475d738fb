package seatshare

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// MaxBases is the largest number of base elections EstimateStrength
// accepts.
const MaxBases = 16

// SplitRule says how the votes of an alliance candidate are divided among
// the candidate's party and the partners that stood aside for it.
type SplitRule uint8

const (
	// SplitByStrength divides the votes in proportion to each party's
	// reference strength. For each party of the split separately, that is
	// the first of these that exists:
	//  1. its own share in the same seat, averaged over the other base
	//     elections in which it fielded a candidate there, with their
	//     weights (flag ImputedSplitSeat);
	//  2. its state-wide share in the other base elections in which it
	//     fielded a candidate somewhere in the state: the mean of its share
	//     over all the state's seats, counting seats it did not fight as
	//     0, so a party that fights a few strongholds is not taken to be
	//     as strong everywhere (weighted mean over those elections; flag
	//     ImputedSplitState);
	//  3. the same state-wide share in this election (flag
	//     ImputedSplitStateNow).
	// When some party of the split has none of these, or they sum to 0,
	// the votes are divided equally (flag ImputedSplitEqual). Reference
	// strengths use the shares parties won with their own candidates,
	// before any split, so the estimate is not circular. The cells of a
	// split carry the flags of every source used for it. This is the zero
	// value and the default.
	SplitByStrength SplitRule = iota
	// SplitEqual gives each party of the split an equal part (flag
	// ImputedSplitEqual).
	SplitEqual
	// SplitFixed divides the votes by the alliance's Fractions,
	// renormalised over the parties of the split (flag ImputedSplitFixed).
	SplitFixed
)

// String returns the rule's name: "strength", "equal" or "fixed".
func (r SplitRule) String() string {
	switch r {
	case SplitByStrength:
		return "strength"
	case SplitEqual:
		return "equal"
	case SplitFixed:
		return "fixed"
	}
	return fmt.Sprintf("SplitRule(%d)", uint8(r))
}

// Alliance is a pre-election alliance in a base election: its members
// stood aside for one another, so an alliance candidate's votes include
// the transferred votes of the partners that did not contest the seat.
type Alliance struct {
	// Name identifies the alliance in errors, such as "UP 2019 SP+BSP+RLD".
	Name string
	// Members are the parties of the alliance, at least two, distinct, in
	// the analysis labels (after the base's PartyMap).
	Members []string
	// States restricts the alliance to these states; empty means all the
	// states of the election. Each must be a state of the election.
	States []string
	// Split is how a candidate's votes are divided; the zero value is
	// SplitByStrength.
	Split SplitRule
	// Fractions gives each member's fraction for SplitFixed: one entry per
	// member, each in (0, 1], summing to 1. It must be empty for the other
	// rules.
	Fractions map[string]float64
}

// Base is one base election of a strength estimate.
type Base struct {
	// Election holds the results, with seat identities already mapped to
	// those of the other bases (see Election.MapSeats).
	Election *Election
	// Weight is the election's weight, positive and finite. Weights need
	// not sum to 1: each cell is averaged over the bases that give it a
	// value, with their weights renormalised.
	Weight float64
	// Parties maps the election's party labels onto the analysis labels;
	// nil keeps every label.
	Parties *PartyMap
	// Alliances are the alliances that fought this election. A party may
	// be in at most one alliance in a state.
	Alliances []Alliance
}

// MissingRule says how EstimateStrength fills a cell for which no base
// election gives a value: the party neither fielded a candidate in the
// seat nor had an alliance partner's votes there split to it.
type MissingRule uint8

const (
	// MissingZero sets the cell to 0 (flag ImputedZero). This is the zero
	// value and the default: a party with no record in a seat is given no
	// strength there unless the caller overrides the cell.
	MissingZero MissingRule = iota
	// MissingStateMean sets the cell to the party's mean estimate over the
	// seats of the same state that have a value (flag ImputedStateMean),
	// or to 0 when there are none (flag ImputedZero).
	MissingStateMean
)

// Override sets one cell of a strength table to a share the caller
// chooses, in [0, 1].
type Override struct {
	Seat  SeatID
	Party string
	Share float64
}

// StrengthSettings holds the options of EstimateStrength. The zero value
// (and a nil pointer) gives the defaults.
type StrengthSettings struct {
	// ExcludeNOTA computes shares over the votes cast for candidates
	// (valid votes minus NOTA) instead of over valid votes. The default
	// (false) divides by valid votes, which include NOTA from 2014 on;
	// NOTA did not exist in 2009, so there the two are the same. Setting it
	// makes the years comparable at the cost of leaving NOTA voters out of
	// every denominator. A seat whose candidates polled no votes has all
	// shares 0.
	ExcludeNOTA bool
	// Missing says how to fill cells with no value; the zero value is
	// MissingZero.
	Missing MissingRule
	// Overrides are applied last, each to one cell (flag Overridden). An
	// override may name a party absent from every base, which adds a
	// column. A cell may be overridden only once.
	Overrides []Override
}

// Imputation is a set of flags telling how a cell of a Strength table was
// obtained. The zero value means the party fielded its own candidate in
// the seat in every base election, under its own label or a plain rename,
// and the cell is the weighted mean of those shares.
type Imputation uint16

// The flags of an Imputation. A cell can carry several.
const (
	// ImputedRenormalised: the party has no value in at least one base
	// election at this seat, so the mean is over the others with their
	// weights renormalised.
	ImputedRenormalised Imputation = 1 << iota
	// ImputedSplitSeat: in at least one base election the value is a part
	// of an alliance candidate's votes, divided using some party's own
	// share in this seat in the other base elections (see SplitByStrength).
	ImputedSplitSeat
	// ImputedSplitState: as ImputedSplitSeat, using some party's
	// state-wide share in the other base elections.
	ImputedSplitState
	// ImputedSplitStateNow: as ImputedSplitSeat, using some party's
	// state-wide share in the same election.
	ImputedSplitStateNow
	// ImputedSplitEqual: as ImputedSplitSeat, divided equally (rule
	// SplitEqual, or SplitByStrength without reference strengths).
	ImputedSplitEqual
	// ImputedSplitFixed: as ImputedSplitSeat, divided by fixed fractions.
	ImputedSplitFixed
	// ImputedPartySplit: in at least one base election the value is a
	// fraction (below 1) of a split party's votes, from a PartyMap.
	ImputedPartySplit
	// ImputedZero: no base election gives a value; the cell is 0.
	ImputedZero
	// ImputedStateMean: no base election gives a value; the cell is the
	// party's mean over the state's seats that have one.
	ImputedStateMean
	// Overridden: the caller set the cell. The other flags describe the
	// estimate it replaced.
	Overridden
)

var imputationNames = [...]string{
	"renormalised", "split-seat", "split-state", "split-state-now", "split-equal",
	"split-fixed", "party-split", "zero", "state-mean", "overridden",
}

// String returns the flags' names joined by "|", or "observed" for none.
func (f Imputation) String() string {
	if f == 0 {
		return "observed"
	}
	var b strings.Builder
	for i, name := range imputationNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(name)
		}
	}
	if rest := f &^ (1<<len(imputationNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "0x%x", uint16(rest))
	}
	return b.String()
}

// BaseSet is a set of base elections, by their index in the slice passed
// to EstimateStrength: bit i is base i.
type BaseSet uint16

// Has reports whether base i is in the set.
func (s BaseSet) Has(i int) bool { return i >= 0 && i < MaxBases && s&(1<<i) != 0 }

// Len returns the number of bases in the set.
func (s BaseSet) Len() int { return bits.OnesCount16(uint16(s)) }

// Cell is one entry of a Strength table with its provenance.
type Cell struct {
	Share float64    // standalone vote share, in [0, 1]
	Flags Imputation // how the share was obtained
	Bases BaseSet    // the base elections that gave the party a value here
}

// Strength is a table of standalone vote shares: one row per seat (sorted
// by SeatID), one column per party (sorted by label), dense, with each
// cell's flags and contributing bases. A row need not sum to 1, since
// parties may be averaged over different elections. Independents have no
// column (see Independent). Read it with At, Cell, Row and Lookup; the
// zero value is an empty table.
type Strength struct {
	seats   []SeatID
	parties []string
	share   []float64 // row-major, len(seats)*len(parties)
	flags   []Imputation
	bases   []BaseSet
	ind     []float64 // per seat, see Independent
}

// Seats returns the row identities, sorted. The caller must not modify
// the slice.
func (s *Strength) Seats() []SeatID { return s.seats }

// Parties returns the column labels, sorted. The caller must not modify
// the slice.
func (s *Strength) Parties() []string { return s.parties }

// SeatIndex returns the row of seat id, and whether there is one. It takes
// O(log n) time.
func (s *Strength) SeatIndex(id SeatID) (int, bool) {
	return slices.BinarySearchFunc(s.seats, id, SeatID.Compare)
}

// PartyIndex returns the column of party, and whether there is one. It
// takes O(log n) time.
func (s *Strength) PartyIndex(party string) (int, bool) {
	return slices.BinarySearch(s.parties, party)
}

// At returns the share in row i, column j. It panics if i or j is out of
// range.
func (s *Strength) At(i, j int) float64 {
	return s.share[s.index(i, j)]
}

// Cell returns row i, column j with its provenance. It panics if i or j
// is out of range.
func (s *Strength) Cell(i, j int) Cell {
	k := s.index(i, j)
	return Cell{Share: s.share[k], Flags: s.flags[k], Bases: s.bases[k]}
}

// Row returns the shares of row i, indexed like Parties. The slice is the
// table's own storage: the caller must not modify it. It panics if i is
// out of range.
func (s *Strength) Row(i int) []float64 {
	s.checkRow(i)
	n := len(s.parties)
	return s.share[i*n : (i+1)*n : (i+1)*n]
}

// Independent returns the strength of independents in row i: the
// weighted mean over the base elections of the share of the independent
// with the most votes (0 in an election where none stood). Independents
// are separate candidates and a strong one rarely stands again, so this
// is a record of the past, not a party's strength; it is never split,
// renormalised or filled. It panics if i is out of range.
func (s *Strength) Independent(i int) float64 {
	s.checkRow(i)
	return s.ind[i]
}

// Lookup returns the cell of seat id and party, and whether the table has
// both. It takes O(log n) time.
func (s *Strength) Lookup(id SeatID, party string) (Cell, bool) {
	i, ok := s.SeatIndex(id)
	if !ok {
		return Cell{}, false
	}
	j, ok := s.PartyIndex(party)
	if !ok {
		return Cell{}, false
	}
	return s.Cell(i, j), true
}

// checkRow panics if i is not a row of s.
func (s *Strength) checkRow(i int) {
	if i < 0 || i >= len(s.seats) {
		panic(fmt.Sprintf("seatshare: row %d out of range [0, %d)", i, len(s.seats)))
	}
}

func (s *Strength) index(i, j int) int {
	if i < 0 || i >= len(s.seats) || j < 0 || j >= len(s.parties) {
		panic(fmt.Sprintf("seatshare: cell (%d, %d) out of range [0, %d)x[0, %d)", i, j, len(s.seats), len(s.parties)))
	}
	return i*len(s.parties) + j
}

// entry is one party's value in one seat of one base election.
type entry struct {
	party int // column
	share float64
	flags Imputation
}

// baseData is one base election reduced to sparse per-seat values in the
// analysis labels.
type baseData struct {
	obs [][]entry // per seat, the parties' own shares, sorted by party
	ind []float64 // per seat, the share of the independent with the most votes
	val [][]entry // per seat, after alliance splits, sorted by party
	// stateSum and stateN hold, per state and party, the sum and count of
	// own shares over the seats where the party fielded a candidate;
	// stateSeats holds the number of seats of each state.
	stateSum   [][]float64
	stateN     [][]int
	stateSeats []int
}

func find(es []entry, party int) (int, bool) {
	return slices.BinarySearchFunc(es, party, func(e entry, p int) int { return e.party - p })
}

// EstimateStrength estimates each party's standalone vote share in each
// seat from the base elections, as follows.
//
//  1. Shares. In each base election a candidate's share is votes / valid
//     votes (or votes / votes cast for candidates, with ExcludeNOTA). The
//     party label is mapped by the base's PartyMap; a split label gives
//     each successor its fraction of the share (flag ImputedPartySplit),
//     and labels mapped onto the same party add up. Independents are left
//     out of the columns (see Strength.Independent).
//  2. Alliance splits. For each alliance of the base and each seat in its
//     states where at least one member fielded a candidate (under its
//     analysis label, after the PartyMap) and at least one did not, the member with the most votes (the first in Members on
//     a tie) is the alliance candidate. Its share is divided among itself
//     and the members that did not field a candidate, by the alliance's
//     SplitRule; members that fought the seat against it keep their own
//     share. The parts add up to the candidate's share exactly.
//  3. Averaging. A cell is the weighted mean of the values the base
//     elections give it (own or split), with the weights renormalised over
//     those bases (flag ImputedRenormalised when some base gives none).
//  4. Missing cells (no base gives a value) are filled by the Missing
//     rule, then Overrides are applied.
//
// Every base election must have the same seats (map undivided Andhra
// Pradesh first with Election.MapSeats and AndhraPradeshTo2019); the table
// has one row per seat and one column per party label found in the bases
// (after mapping), in an alliance, or in an override. s may be nil.
//
// EstimateStrength returns a *ValidationError naming the element
// ("bases[1].alliances[0].fractions") when there is no base or more than
// MaxBases, an election is nil or invalid, a weight is not positive and
// finite, the bases' seats differ, an alliance is malformed (fewer than two
// members, a repeated or invalid member, an unknown state, a party in two
// alliances in one state, bad fractions), or an override names an unknown
// seat, a bad party or a share outside [0, 1], or repeats a cell.
//
// It takes O(B*(n + S*m)) time, for B bases, n candidates, S seats and m
// alliance members, plus O(S*P) for the table of P parties: 11-13 ms and
// 10 MB for 2009, 2014 and 2019 (543 seats, 1059 parties;
// BenchmarkEstimateStrength, 2-core AMD EPYC, busy).
func EstimateStrength(bases []Base, s *StrengthSettings) (*Strength, error) {
	if s == nil {
		s = &StrengthSettings{}
	}
	if len(bases) == 0 {
		return nil, invalid("bases", "no base elections")
	}
	if len(bases) > MaxBases {
		return nil, invalid("bases", "%d base elections, more than %d", len(bases), MaxBases)
	}
	if s.Missing > MissingStateMean {
		return nil, invalid("missing", "unknown rule %d", s.Missing)
	}
	for b, base := range bases {
		field := fmt.Sprintf("bases[%d]", b)
		if base.Election == nil {
			return nil, invalid(field+".election", "nil election")
		}
		if err := base.Election.Validate(); err != nil {
			return nil, within(field+".election.", err)
		}
		if !(base.Weight > 0) || math.IsInf(base.Weight, 1) {
			return nil, invalid(field+".weight", "%v is not positive and finite", base.Weight)
		}
		if b > 0 {
			if err := sameSeats(bases[0].Election, base.Election); err != nil {
				return nil, invalid(field+".election", "%v", err)
			}
		}
	}
	seats := bases[0].Election.Seats()

	// Columns: every analysis label.
	labels := make(map[string]bool)
	for b, base := range bases {
		for i := range base.Election.Constituencies {
			for _, cand := range base.Election.Constituencies[i].Candidates {
				if cand.Party == Independent {
					continue
				}
				succs, ok := base.Parties.lookup(cand.Party)
				if !ok {
					labels[cand.Party] = true
				}
				for _, succ := range succs {
					labels[succ.Party] = true
				}
			}
		}
		for a, al := range base.Alliances {
			if err := checkAlliance(base.Election, al); err != nil {
				return nil, within(fmt.Sprintf("bases[%d].alliances[%d]", b, a), err)
			}
			for _, m := range al.Members {
				labels[m] = true
			}
		}
		if err := checkAllianceOverlap(base); err != nil {
			return nil, within(fmt.Sprintf("bases[%d]", b), err)
		}
	}
	type cellKey struct {
		seat  SeatID
		party string
	}
	overridden := make(map[cellKey]bool, len(s.Overrides))
	for k, o := range s.Overrides {
		field := fmt.Sprintf("overrides[%d]", k)
		if _, ok := slices.BinarySearchFunc(seats, o.Seat, SeatID.Compare); !ok {
			return nil, invalid(field+".seat", "no seat %v in the base elections", o.Seat)
		}
		if err := checkLabel(o.Party); err != nil {
			return nil, &ValidationError{Field: field + ".party", Err: err}
		}
		if !(o.Share >= 0 && o.Share <= 1) {
			return nil, invalid(field+".share", "%v is not in [0, 1]", o.Share)
		}
		key := cellKey{o.Seat, o.Party}
		if overridden[key] {
			return nil, invalid(field, "cell %v %s is overridden twice", o.Seat, o.Party)
		}
		overridden[key] = true
		labels[o.Party] = true
	}
	parties := make([]string, 0, len(labels))
	for p := range labels {
		parties = append(parties, p)
	}
	slices.Sort(parties)
	col := make(map[string]int, len(parties))
	for j, p := range parties {
		col[p] = j
	}

	// State ranges over the common seat order.
	var stateOf []int // seat -> state index
	var stateLo []int // state index -> first seat
	for i, id := range seats {
		if i == 0 || id.State != seats[i-1].State {
			stateLo = append(stateLo, i)
		}
		stateOf = append(stateOf, len(stateLo)-1)
	}
	stateLo = append(stateLo, len(seats))
	nStates := len(stateLo) - 1

	data := make([]baseData, len(bases))
	for b, base := range bases {
		data[b] = observe(base, s.ExcludeNOTA, col, stateOf, nStates)
	}
	for b, base := range bases {
		splitAlliances(bases, data, b, base, col, seats, stateOf)
	}

	// Averaging.
	nP := len(parties)
	st := &Strength{
		seats:   seats,
		parties: parties,
		share:   make([]float64, len(seats)*nP),
		flags:   make([]Imputation, len(seats)*nP),
		bases:   make([]BaseSet, len(seats)*nP),
	}
	st.ind = make([]float64, len(seats))
	total := 0.0
	for b, base := range bases {
		total += base.Weight
		for i, v := range data[b].ind {
			st.ind[i] += base.Weight * v
		}
	}
	for i := range st.ind {
		st.ind[i] = min(st.ind[i]/total, 1) // rounding only
	}
	wsum := make([]float64, nP) // per party, the weight of the bases that gave row i a value
	all := BaseSet(1<<len(bases) - 1)
	for i := range seats {
		row := i * nP
		for b, base := range bases {
			for _, e := range data[b].val[i] {
				k := row + e.party
				st.share[k] += base.Weight * e.share
				wsum[e.party] += base.Weight
				st.flags[k] |= e.flags
				st.bases[k] |= 1 << b
			}
		}
		for b := range bases {
			for _, e := range data[b].val[i] {
				k := row + e.party
				if w := wsum[e.party]; w > 0 {
					st.share[k] = min(st.share[k]/w, 1) // rounding only: each value is in [0, 1]
					wsum[e.party] = 0
					if st.bases[k] != all {
						st.flags[k] |= ImputedRenormalised
					}
				}
			}
		}
	}

	// Missing cells.
	for q := range nP {
		for si := range nStates {
			lo, hi := stateLo[si], stateLo[si+1]
			fill, flag := 0.0, ImputedZero
			if s.Missing == MissingStateMean {
				sum, n := 0.0, 0
				for i := lo; i < hi; i++ {
					if k := i*nP + q; st.bases[k] != 0 {
						sum += st.share[k]
						n++
					}
				}
				if n > 0 {
					fill, flag = min(sum/float64(n), 1), ImputedStateMean
				}
			}
			for i := lo; i < hi; i++ {
				if k := i*nP + q; st.bases[k] == 0 {
					st.share[k], st.flags[k] = fill, flag
				}
			}
		}
	}

	for _, o := range s.Overrides {
		i, _ := st.SeatIndex(o.Seat)
		k := i*nP + col[o.Party]
		st.share[k] = o.Share
		st.flags[k] |= Overridden
	}
	return st, nil
}

// sameSeats reports how the seats of e differ from those of ref, or nil.
func sameSeats(ref, e *Election) error {
	a, b := ref.Constituencies, e.Constituencies
	for i := 0; i < len(a) || i < len(b); i++ {
		switch {
		case i >= len(a):
			return fmt.Errorf("seat %v is not in bases[0]", b[i].ID())
		case i >= len(b):
			return fmt.Errorf("seat %v of bases[0] is missing", a[i].ID())
		}
		switch a[i].ID().Compare(b[i].ID()) {
		case -1:
			return fmt.Errorf("seat %v of bases[0] is missing", a[i].ID())
		case 1:
			return fmt.Errorf("seat %v is not in bases[0]", b[i].ID())
		}
	}
	return nil
}

// checkAlliance validates one alliance against its election. Field paths
// in the returned *ValidationError start with "." or are empty.
func checkAlliance(e *Election, al Alliance) error {
	if len(al.Members) < 2 {
		return invalid(".members", "alliance %q has %d members, fewer than 2", al.Name, len(al.Members))
	}
	for i, m := range al.Members {
		if err := checkLabel(m); err != nil {
			return &ValidationError{Field: fmt.Sprintf(".members[%d]", i), Err: err}
		}
		if slices.Contains(al.Members[:i], m) {
			return invalid(fmt.Sprintf(".members[%d]", i), "member %q repeats", m)
		}
	}
	for i, st := range al.States {
		if len(e.State(st)) == 0 {
			return invalid(fmt.Sprintf(".states[%d]", i), "no state %q in the %d election", st, e.Year)
		}
		if slices.Contains(al.States[:i], st) {
			return invalid(fmt.Sprintf(".states[%d]", i), "state %q repeats", st)
		}
	}
	switch al.Split {
	case SplitByStrength, SplitEqual:
		if len(al.Fractions) != 0 {
			return invalid(".fractions", "fractions given with split rule %v", al.Split)
		}
	case SplitFixed:
		if len(al.Fractions) != len(al.Members) {
			return invalid(".fractions", "%d fractions for %d members", len(al.Fractions), len(al.Members))
		}
		sum := 0.0
		for _, m := range al.Members {
			f, ok := al.Fractions[m]
			if !ok {
				return invalid(".fractions", "no fraction for member %q", m)
			}
			if !(f > 0 && f <= 1) {
				return invalid(".fractions["+m+"]", "%v is not in (0, 1]", f)
			}
			sum += f
		}
		if math.Abs(sum-1) > fractionTolerance {
			return invalid(".fractions", "fractions sum to %v, not 1", sum)
		}
	default:
		return invalid(".split", "unknown split rule %d", al.Split)
	}
	return nil
}

// checkAllianceOverlap reports a party that is in two alliances of base in
// one state.
func checkAllianceOverlap(base Base) error {
	type key struct{ state, party string }
	owner := make(map[key]int)
	for a, al := range base.Alliances {
		states := al.States
		if len(states) == 0 {
			states = base.Election.States()
		}
		for _, st := range states {
			for _, m := range al.Members {
				k := key{st, m}
				if prev, dup := owner[k]; dup {
					return invalid(fmt.Sprintf(".alliances[%d].members", a), "%q is also in alliances[%d] in %s", m, prev, st)
				}
				owner[k] = a
			}
		}
	}
	return nil
}

// observe reduces a base election to per-seat shares in analysis labels.
func observe(base Base, excludeNOTA bool, col map[string]int, stateOf []int, nStates int) baseData {
	e := base.Election
	nP := len(col)
	d := baseData{
		obs:        make([][]entry, len(e.Constituencies)),
		ind:        make([]float64, len(e.Constituencies)),
		stateSum:   make([][]float64, nStates),
		stateN:     make([][]int, nStates),
		stateSeats: make([]int, nStates),
	}
	for si := range nStates {
		d.stateSum[si] = make([]float64, nP)
		d.stateN[si] = make([]int, nP)
	}
	one := [1]Successor{{Fraction: 1}} // an unmapped label
	for i := range e.Constituencies {
		c := &e.Constituencies[i]
		den := c.ValidVotes
		if excludeNOTA {
			den = c.Polled()
		}
		var es []entry
		for _, cand := range c.Candidates {
			share := 0.0
			if den > 0 {
				share = float64(cand.Votes) / float64(den)
			}
			if cand.Party == Independent {
				d.ind[i] = max(d.ind[i], share)
				continue
			}
			succs, ok := base.Parties.lookup(cand.Party)
			if !ok {
				one[0].Party = cand.Party
				succs = one[:]
			}
			for _, succ := range succs {
				var flag Imputation
				if succ.Fraction < 1 {
					flag = ImputedPartySplit
				}
				q := col[succ.Party]
				if k, ok := find(es, q); ok {
					es[k].share += succ.Fraction * share
					es[k].flags |= flag
				} else {
					es = slices.Insert(es, k, entry{party: q, share: succ.Fraction * share, flags: flag})
				}
			}
		}
		for k := range es {
			es[k].share = min(es[k].share, 1) // rounding only: the shares of a seat sum to at most 1
		}
		d.obs[i] = es
		si := stateOf[i]
		d.stateSeats[si]++
		for _, en := range es {
			d.stateSum[si][en.party] += en.share
			d.stateN[si][en.party]++
		}
	}
	return d
}

// splitAlliances computes data[b].val from data[b].obs by dividing the
// votes of alliance candidates among the partners.
func splitAlliances(bases []Base, data []baseData, b int, base Base, col map[string]int, seats []SeatID, stateOf []int) {
	d := &data[b]
	d.val = make([][]entry, len(d.obs))
	for i, es := range d.obs {
		d.val[i] = slices.Clone(es)
	}
	var group []int     // indices in al.Members of the parties sharing the votes
	var ref []float64   // their reference strengths
	var memberCol []int // columns of the alliance members
	for _, al := range base.Alliances {
		memberCol = memberCol[:0]
		for _, m := range al.Members {
			memberCol = append(memberCol, col[m])
		}
		for i, id := range seats {
			if len(al.States) > 0 && !slices.Contains(al.States, id.State) {
				continue
			}
			obs := d.obs[i]
			carrier, best := -1, -1.0
			absent := 0
			for _, q := range memberCol {
				if k, ok := find(obs, q); ok {
					if obs[k].share > best {
						carrier, best = q, obs[k].share
					}
				} else {
					absent++
				}
			}
			if carrier < 0 || absent == 0 {
				continue
			}
			group = group[:0]
			for m, q := range memberCol {
				if _, ok := find(obs, q); q == carrier || !ok {
					group = append(group, m)
				}
			}
			ref = slices.Grow(ref[:0], len(group))[:len(group)]
			flag := referenceStrength(bases, data, b, al, memberCol, group, ref, i, stateOf[i])
			total := 0.0
			for _, r := range ref {
				total += r
			}
			val := d.val[i]
			for g, m := range group {
				q := memberCol[m]
				part := best * ref[g] / total
				if g == len(group)-1 {
					// The last part takes what is left, so the parts add
					// up to the candidate's share exactly.
					part = best
					for h := range g {
						part -= best * ref[h] / total
					}
					part = max(part, 0)
				}
				if k, ok := find(val, q); ok {
					val[k].share = part
					val[k].flags |= flag
				} else {
					val = slices.Insert(val, k, entry{party: q, share: part, flags: flag})
				}
			}
			d.val[i] = val
		}
	}
}

// referenceStrength fills ref with the reference strengths of the members
// in group (indices in al.Members, whose columns are memberCol) for a split
// in seat i (state si) of base b, following al.Split, and returns the flag
// that records the source. The values sum to a positive number.
func referenceStrength(bases []Base, data []baseData, b int, al Alliance, memberCol, group []int, ref []float64, i, si int) Imputation {
	switch al.Split {
	case SplitFixed:
		for g, m := range group {
			ref[g] = al.Fractions[al.Members[m]]
		}
		return ImputedSplitFixed
	case SplitByStrength:
		var flags Imputation
		total := 0.0
		for g, m := range group {
			r, flag, ok := memberStrength(bases, data, b, memberCol[m], i, si)
			if !ok {
				flags = 0
				break
			}
			ref[g] = r
			total += r
			flags |= flag
		}
		if flags != 0 && total > 0 {
			return flags
		}
	}
	for g := range ref {
		ref[g] = 1
	}
	return ImputedSplitEqual
}

// memberStrength returns the reference strength of party q for a split in
// seat i (state si) of base b, the flag naming its source, and whether
// there is one; see SplitByStrength.
func memberStrength(bases []Base, data []baseData, b, q, i, si int) (float64, Imputation, bool) {
	// Same seat, other bases.
	sum, w := 0.0, 0.0
	for o := range bases {
		if k, ok := find(data[o].obs[i], q); o != b && ok {
			sum += bases[o].Weight * data[o].obs[i][k].share
			w += bases[o].Weight
		}
	}
	if w > 0 {
		return sum / w, ImputedSplitSeat, true
	}
	// Same state, other bases in which q stood somewhere in the state.
	for o := range bases {
		if o != b && data[o].stateN[si][q] > 0 {
			sum += bases[o].Weight * data[o].stateSum[si][q] / float64(data[o].stateSeats[si])
			w += bases[o].Weight
		}
	}
	if w > 0 {
		return sum / w, ImputedSplitState, true
	}
	// Same state, this base.
	if data[b].stateN[si][q] > 0 {
		return data[b].stateSum[si][q] / float64(data[b].stateSeats[si]), ImputedSplitStateNow, true
	}
	return 0, 0, false
}
