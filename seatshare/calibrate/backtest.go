package calibrate

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
)

// Member is a party of a bloc, and the states in which it belongs to the
// bloc (a party may ally in one state and fight alone in another).
type Member struct {
	// Party is the label in the later election.
	Party string `json:"party"`
	// States are the states where Party is in the bloc; empty means every
	// state.
	States []string `json:"states,omitempty"`
}

// Blocs are the two blocs of the later election: the alliance, whose wins
// are forecast, and its rival.
type Blocs struct {
	Alliance []Member `json:"alliance"`
	Rival    []Member `json:"rival"`
}

// ReadBlocs reads blocs from JSON, such as
//
//	{"alliance": [{"party": "INC"}, {"party": "NCP", "states": ["Maharashtra"]}],
//	 "rival":    [{"party": "BJP"}, {"party": "SHS", "states": ["Maharashtra"]}]}
//
// Unknown fields and trailing data are errors. It returns an *InputError
// naming "blocs" for bad JSON; NewBacktest checks the members. It takes
// O(n) time in the input's length.
func ReadBlocs(r io.Reader) (Blocs, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var b Blocs
	if err := dec.Decode(&b); err != nil {
		return Blocs{}, &InputError{Field: "blocs", Err: err}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Blocs{}, invalid("blocs", "data after the JSON document")
	}
	return b, nil
}

// Pair is a base election and a later election to forecast from it.
type Pair struct {
	// Base and Later are the two elections, with seat identities in common
	// (map undivided Andhra Pradesh with seatshare.AndhraPradeshTo2019 and
	// Election.MapSeats first). A seat is joined when its identity (state
	// and number) is in both; the others are excluded and counted.
	Base, Later *seatshare.Election
	// BaseParties maps the base election's labels onto the later
	// election's (renames, mergers, splits); nil keeps every label.
	BaseParties *seatshare.PartyMap
	// BaseAlliances are alliances of the base election whose candidates'
	// votes seatshare.EstimateStrength splits among the partners; nil
	// takes each party's own votes as its strength.
	BaseAlliances []seatshare.Alliance
	// Strength holds the settings of the strength estimate; nil means the
	// defaults (shares of valid votes, missing cells 0).
	Strength *seatshare.StrengthSettings
	// Blocs are the blocs of the later election.
	Blocs Blocs
}

// Side is the bloc a party belongs to in a seat's state.
type Side uint8

// The sides.
const (
	SideOther    Side = iota // in neither bloc
	SideAlliance             // in the alliance
	SideRival                // in the rival bloc
)

// String returns "other", "alliance" or "rival".
func (s Side) String() string {
	switch s {
	case SideOther:
		return "other"
	case SideAlliance:
		return "alliance"
	case SideRival:
		return "rival"
	}
	return fmt.Sprintf("Side(%d)", uint8(s))
}

// Reason says why a seat was left out of a backtest.
type Reason uint8

// The reasons.
const (
	// NotInBase: the later election's seat identity is not in the base
	// election, so its base strength is unknown (new or renumbered seat).
	NotInBase Reason = iota
	// NotInLater: the base election's seat identity is not in the later
	// election (abolished or renumbered seat).
	NotInLater
	// NoAllianceCandidate: no alliance member stood in the later election,
	// so there is no alliance candidate to forecast.
	NoAllianceCandidate
)

// String returns the reason in a few words.
func (r Reason) String() string {
	switch r {
	case NotInBase:
		return "seat not in the base election"
	case NotInLater:
		return "seat not in the later election"
	case NoAllianceCandidate:
		return "no alliance candidate"
	}
	return fmt.Sprintf("Reason(%d)", uint8(r))
}

// Exclusion is a seat left out of a backtest, and why.
type Exclusion struct {
	Seat   seatshare.SeatID
	Reason Reason
}

// Seat is one forecast seat of a backtest: who stood in the later
// election, their strengths in the base election, and who won.
type Seat struct {
	ID seatshare.SeatID
	// Parties are the parties that matter in the seat, and Shares their
	// standalone strengths estimated from the base election, in
	// [0, 1]. Index 0 is the alliance candidate's party.
	Parties []string
	Shares  []float64
	// Partners are the alliance members (indices into Parties) that did not
	// stand in the later election and transfer to the candidate.
	Partners []int
	// Rival is the index of the rival bloc's candidate, or -1 when no
	// rival member stood; RivalPartners are the rival members that did not
	// stand. Every other index of Parties stood alone: parties outside both
	// blocs and extra candidates of bloc members (friendly fights).
	Rival         int
	RivalPartners []int
	// Combined is the margin of the combined-share baseline: the sum of
	// all alliance members' base strengths less the larger of the rival
	// members' sum and the strongest other party standing.
	Combined float64
	// BaseWinner is the side of the base election's winner, under the
	// later election's blocs (after BaseParties; a split label counts as
	// its successor with the largest fraction).
	BaseWinner Side
	// Won reports whether an alliance member won the seat in the later
	// election.
	Won bool
}

// Backtest is a base election and a later one reduced to what a forecast
// needs: one Seat for every seat that can be forecast, and the excluded
// seats with their reasons. Build it with NewBacktest.
type Backtest struct {
	// BaseYear and LaterYear name the elections.
	BaseYear, LaterYear int
	// Seats are the forecast seats, sorted by identity.
	Seats []Seat
	// Excluded are the seats left out, sorted by identity.
	Excluded []Exclusion
}

// Label returns "BASE->LATER", such as "2014->2019".
func (b *Backtest) Label() string { return fmt.Sprintf("%d->%d", b.BaseYear, b.LaterYear) }

// ExcludedBy counts the excluded seats with reason r.
func (b *Backtest) ExcludedBy(r Reason) int {
	n := 0
	for _, e := range b.Excluded {
		if e.Reason == r {
			n++
		}
	}
	return n
}

// States returns the distinct states of the forecast seats, sorted.
func (b *Backtest) States() []string {
	var out []string
	for _, s := range b.Seats {
		if len(out) == 0 || out[len(out)-1] != s.ID.State {
			out = append(out, s.ID.State)
		}
	}
	return out
}

// Won returns the outcomes of the seats sel (indices into Seats; nil means
// all), in order.
func (b *Backtest) Won(sel []int) []bool {
	sel = b.all(sel)
	out := make([]bool, len(sel))
	for k, i := range sel {
		out[k] = b.Seats[i].Won
	}
	return out
}

// all returns sel, or every seat index when sel is nil.
func (b *Backtest) all(sel []int) []int {
	if sel != nil {
		return sel
	}
	sel = make([]int, len(b.Seats))
	for i := range sel {
		sel[i] = i
	}
	return sel
}

// blocIndex answers which side a party is on in a state.
type blocIndex map[string][]bloc

type bloc struct {
	side   Side
	states []string
}

func (x blocIndex) side(party, state string) Side {
	for _, b := range x[party] {
		if len(b.states) == 0 || slices.Contains(b.states, state) {
			return b.side
		}
	}
	return SideOther
}

// newBlocIndex validates the blocs against the later election.
func newBlocIndex(bl Blocs, later *seatshare.Election) (blocIndex, error) {
	x := make(blocIndex)
	states := later.States()
	add := func(name string, side Side, ms []Member) error {
		if len(ms) == 0 {
			return invalid("blocs."+name, "no members")
		}
		for i, m := range ms {
			field := fmt.Sprintf("blocs.%s[%d]", name, i)
			if m.Party == "" || m.Party == seatshare.Independent {
				return invalid(field+".party", "%q cannot be a bloc member", m.Party)
			}
			for j, st := range m.States {
				if _, ok := slices.BinarySearch(states, st); !ok {
					return invalid(fmt.Sprintf("%s.states[%d]", field, j), "no state %q in the %d election", st, later.Year)
				}
				if slices.Contains(m.States[:j], st) {
					return invalid(fmt.Sprintf("%s.states[%d]", field, j), "state %q repeats", st)
				}
			}
			for _, prev := range x[m.Party] {
				if overlap(prev.states, m.States) {
					return invalid(field, "party %s is listed twice for the same state", m.Party)
				}
			}
			x[m.Party] = append(x[m.Party], bloc{side: side, states: m.States})
		}
		return nil
	}
	if err := add("alliance", SideAlliance, bl.Alliance); err != nil {
		return nil, err
	}
	if err := add("rival", SideRival, bl.Rival); err != nil {
		return nil, err
	}
	return x, nil
}

// overlap reports whether two state lists (empty = every state) share a
// state.
func overlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, s := range a {
		if slices.Contains(b, s) {
			return true
		}
	}
	return false
}

// NewBacktest joins the base and later elections of p seat by seat and
// prepares every seat's forecast.
//
// The base strength of each party is seatshare.EstimateStrength of the base
// election alone, with p.BaseParties, p.BaseAlliances and p.Strength. In
// each joined seat of the later election:
//
//   - the alliance candidate is the alliance member that stood with the
//     largest base strength (on a tie, the label that sorts first); the
//     members that did not stand are its partners; members that stood as
//     well (a friendly fight) stand alone;
//   - the rival candidate and partners are chosen the same way; when no
//     rival member stood, the rival bloc's base votes have no candidate
//     and are dropped;
//   - every other party that stood keeps its base strength and stands
//     alone; parties that did not stand, new parties and independents
//     carry no base strength into the forecast;
//   - the outcome is whether an alliance member won.
//
// Seats are joined on identity; a seat whose identity is only in one
// election, and a seat where no alliance member stood, is excluded with
// its Reason. Boundaries are taken to be unchanged where identities match,
// which holds for the Lok Sabha from 2009 to 2019 (one delimitation, 2008)
// once Andhra Pradesh is mapped.
//
// NewBacktest returns an *InputError naming the field when an election is
// nil or invalid, a bloc is empty, a member is empty, Independent, lists a
// state the later election does not have, or is listed twice for a state,
// and when no seat can be forecast. It takes O(n log n + c) time for n
// seats and c candidates, plus the strength estimate.
func NewBacktest(p Pair) (*Backtest, error) {
	for _, e := range []struct {
		name string
		e    *seatshare.Election
	}{{"base", p.Base}, {"later", p.Later}} {
		if e.e == nil {
			return nil, invalid(e.name, "nil election")
		}
		if err := e.e.Validate(); err != nil {
			return nil, &InputError{Field: e.name, Err: err}
		}
	}
	blocs, err := newBlocIndex(p.Blocs, p.Later)
	if err != nil {
		return nil, err
	}
	st, err := seatshare.EstimateStrength([]seatshare.Base{{
		Election: p.Base, Weight: 1, Parties: p.BaseParties, Alliances: p.BaseAlliances,
	}}, p.Strength)
	if err != nil {
		return nil, &InputError{Field: "base strength", Err: err}
	}
	b := &Backtest{BaseYear: p.Base.Year, LaterYear: p.Later.Year}
	for _, id := range st.Seats() {
		if _, ok := p.Later.Index(id); !ok {
			b.Excluded = append(b.Excluded, Exclusion{Seat: id, Reason: NotInLater})
		}
	}
	for i := range p.Later.Constituencies {
		c := &p.Later.Constituencies[i]
		row, ok := st.SeatIndex(c.ID())
		if !ok {
			b.Excluded = append(b.Excluded, Exclusion{Seat: c.ID(), Reason: NotInBase})
			continue
		}
		base, _ := p.Base.Constituency(c.ID())
		seat, ok := newSeat(c, base, st, row, blocs, p.BaseParties)
		if !ok {
			b.Excluded = append(b.Excluded, Exclusion{Seat: c.ID(), Reason: NoAllianceCandidate})
			continue
		}
		b.Seats = append(b.Seats, seat)
	}
	slices.SortFunc(b.Excluded, func(x, y Exclusion) int { return x.Seat.Compare(y.Seat) })
	if len(b.Seats) == 0 {
		return nil, invalid("later", "no seat can be forecast (%d excluded)", len(b.Excluded))
	}
	return b, nil
}

// newSeat prepares the forecast of the later constituency c from row of
// the strength table; it reports false when no alliance member stood.
func newSeat(c, base *seatshare.Constituency, st *seatshare.Strength, row int, blocs blocIndex, pm *seatshare.PartyMap) (Seat, bool) {
	shares := st.Row(row)
	share := func(party string) float64 {
		if j, ok := st.PartyIndex(party); ok {
			return shares[j]
		}
		return 0
	}
	stood := make(map[string]bool, len(c.Candidates))
	var others []string // parties outside both blocs that stood, in ballot order
	for _, cand := range c.Candidates {
		if cand.Party == seatshare.Independent || stood[cand.Party] {
			continue
		}
		stood[cand.Party] = true
		if blocs.side(cand.Party, c.State) == SideOther {
			others = append(others, cand.Party)
		}
	}
	// Members of each bloc in this state, sorted by label.
	var members [3][]string
	for party, bs := range blocs {
		for _, bl := range bs {
			if len(bl.states) == 0 || slices.Contains(bl.states, c.State) {
				members[bl.side] = append(members[bl.side], party)
			}
		}
	}
	slices.Sort(members[SideAlliance])
	slices.Sort(members[SideRival])
	// pick returns the candidate, the other members that stood (friendly
	// fights) and the partners.
	pick := func(ms []string) (cand string, extra, partners []string) {
		best := -1.0
		for _, m := range ms {
			if stood[m] && share(m) > best {
				cand, best = m, share(m)
			}
		}
		for _, m := range ms {
			switch {
			case m == cand:
			case stood[m]:
				extra = append(extra, m)
			default:
				partners = append(partners, m)
			}
		}
		return cand, extra, partners
	}
	aCand, aExtra, aPartners := pick(members[SideAlliance])
	if aCand == "" {
		return Seat{}, false
	}
	s := Seat{ID: c.ID(), Rival: -1}
	add := func(party string) int {
		s.Parties = append(s.Parties, party)
		s.Shares = append(s.Shares, share(party))
		return len(s.Parties) - 1
	}
	add(aCand)
	for _, q := range aPartners {
		s.Partners = append(s.Partners, add(q))
	}
	rCand, rExtra, rPartners := pick(members[SideRival])
	if rCand != "" {
		s.Rival = add(rCand)
		for _, q := range rPartners {
			s.RivalPartners = append(s.RivalPartners, add(q))
		}
	}
	for _, q := range slices.Concat(aExtra, rExtra, others) {
		if share(q) > 0 {
			add(q)
		}
	}

	// Combined-share baseline.
	var sumA, sumR, other float64
	for _, m := range members[SideAlliance] {
		sumA += share(m)
	}
	for _, m := range members[SideRival] {
		sumR += share(m)
	}
	for _, q := range others {
		other = max(other, share(q))
	}
	s.Combined = sumA - max(sumR, other)

	if w, ok := c.Winner(); ok {
		s.Won = blocs.side(w.Party, c.State) == SideAlliance
	}
	if w, ok := base.Winner(); ok && w.Party != seatshare.Independent {
		succ := pm.Map(w.Party)
		top := succ[0]
		for _, x := range succ[1:] {
			if x.Fraction > top.Fraction {
				top = x
			}
		}
		s.BaseWinner = blocs.side(top.Party, c.State)
	}
	return s, true
}

// Params are the parameters of the model's forecast of a backtest seat.
type Params struct {
	// Scale is the link's scale: sigma of the probit, in vote-share points.
	Scale float64
	// Transfer is the default vote-transfer rate, used for every pair of
	// partners in both blocs (no per-pair rates).
	Transfer float64
	// Lambda is the part of the alliance partners' untransferred vote that
	// goes to the rival candidate.
	Lambda float64
	// National is the swing toward the alliance in every seat.
	National float64
	// States holds each state's swing toward the alliance, added to
	// National; a missing state has 0.
	States map[string]float64
}

// LinkFamily returns the link of a given scale; nil means the probit,
// scoring.Probit{Sigma: scale}.
type LinkFamily func(scale float64) scoring.Link

func (f LinkFamily) link(scale float64) scoring.Link {
	if f == nil {
		return scoring.Probit{Sigma: scale}
	}
	return f(scale)
}

// validate checks the parameters.
func (p Params) validate(field string) error {
	switch {
	case !(p.Scale > 0) || math.IsInf(p.Scale, 1):
		return invalid(field+".scale", "%v is not positive and finite", p.Scale)
	case !(p.Transfer >= 0 && p.Transfer <= 1):
		return invalid(field+".transfer", "%v is not in [0, 1]", p.Transfer)
	case !(p.Lambda >= 0 && p.Lambda <= 1):
		return invalid(field+".lambda", "%v is not in [0, 1]", p.Lambda)
	case math.IsNaN(p.National) || math.IsInf(p.National, 0):
		return invalid(field+".national", "%v is not finite", p.National)
	}
	for st, v := range p.States {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return invalid(field+".states["+st+"]", "%v is not finite", v)
		}
	}
	return nil
}

// Margin returns the model's margin in seat s without any swing: the
// alliance-arithmetic margin of scoring.Margin with one default transfer
// rate in both blocs and the given lambda. It takes O(k) time for the k
// parties of the seat.
func (s *Seat) Margin(transfer, lambda float64) (float64, error) {
	tr := scoring.Transfer{Default: transfer}
	seat := scoring.Seat{
		Shares:   s.Shares,
		Alliance: scoring.Bloc{Candidate: 0, Partners: s.Partners, Transfer: tr},
	}
	if s.Rival >= 0 {
		seat.Rival = &scoring.Bloc{Candidate: s.Rival, Partners: s.RivalPartners, Transfer: tr}
		seat.Lambda = lambda
	}
	m, _, err := scoring.Margin(seat)
	return m, err
}

// swing returns the swing of p in state.
func (p Params) swing(state string) float64 { return p.National + p.States[state] }

// Predict returns the model's win probability for the alliance in the
// seats sel (indices into Seats; nil means all) under p and the link
// family f. It returns an *InputError when p is invalid or a seat index is
// out of range. It takes O(k) time per seat.
func (b *Backtest) Predict(sel []int, p Params, f LinkFamily) ([]float64, error) {
	if err := p.validate("params"); err != nil {
		return nil, err
	}
	if err := b.checkSel(sel); err != nil {
		return nil, err
	}
	sel = b.all(sel)
	link := f.link(p.Scale)
	out := make([]float64, len(sel))
	for k, i := range sel {
		s := &b.Seats[i]
		m, err := s.Margin(p.Transfer, p.Lambda)
		if err != nil {
			return nil, &InputError{Field: fmt.Sprintf("seats[%d]", i), Err: err}
		}
		out[k] = link.Prob(m + p.swing(s.ID.State))
	}
	return out, nil
}

// checkSel returns an *InputError when an index of sel is out of range.
func (b *Backtest) checkSel(sel []int) error {
	for k, i := range sel {
		if i < 0 || i >= len(b.Seats) {
			return invalid(fmt.Sprintf("sel[%d]", k), "seat %d not in [0, %d)", i, len(b.Seats))
		}
	}
	return nil
}
