package seatshare

import (
	"cmp"
	"fmt"
	"strconv"
)

// Category is the reservation category of a constituency: general, or
// reserved for Scheduled Castes or Scheduled Tribes. The zero value is
// General.
type Category uint8

// The reservation categories, as written in the reserved column.
const (
	General Category = iota // GEN
	SC                      // SC: reserved for Scheduled Castes
	ST                      // ST: reserved for Scheduled Tribes
)

// String returns "GEN", "SC" or "ST", or "Category(n)" for any other value.
func (c Category) String() string {
	switch c {
	case General:
		return "GEN"
	case SC:
		return "SC"
	case ST:
		return "ST"
	}
	return "Category(" + strconv.Itoa(int(c)) + ")"
}

// ParseCategory returns the Category written as s, which must be exactly
// "GEN", "SC" or "ST". Any other string gives an error wrapping ErrInvalid.
func ParseCategory(s string) (Category, error) {
	switch s {
	case "GEN":
		return General, nil
	case "SC":
		return SC, nil
	case "ST":
		return ST, nil
	}
	return 0, fmt.Errorf("reserved %q is not GEN, SC or ST: %w", s, ErrInvalid)
}

// SeatID identifies a constituency: its state (or union territory) and its
// number within the state. Names drift between elections (SARGUJA became
// SURGUJA), so elections are joined on SeatID, never on names.
type SeatID struct {
	State string
	No    int
}

// String returns "State/No", for example "Uttar Pradesh/36".
func (id SeatID) String() string { return id.State + "/" + strconv.Itoa(id.No) }

// Compare orders seat identities by state, then by number. It returns -1,
// 0 or +1 as id sorts before, equal to or after other.
func (id SeatID) Compare(other SeatID) int {
	if c := cmp.Compare(id.State, other.State); c != 0 {
		return c
	}
	return cmp.Compare(id.No, other.No)
}

// The states involved in the 2014 bifurcation of Andhra Pradesh.
const (
	AndhraPradesh = "Andhra Pradesh"
	Telangana     = "Telangana"
)

// AndhraPradeshTo2019 maps a constituency of undivided Andhra Pradesh, as
// listed in the 2009 and 2014 results (42 seats), onto its identity in
// 2019 and later: seats 1-17 became Telangana 1-17 and seats 18-42 became
// Andhra Pradesh 1-25 (number minus 17). The 2008 delimitation fixed the
// boundaries, so the seats are the same; only the state changed (Andhra
// Pradesh Reorganisation Act, 2014). Every other identity is returned
// unchanged, so apply it only to elections held before the bifurcation
// (Election.MapSeats does this for a whole election).
func AndhraPradeshTo2019(id SeatID) SeatID {
	if id.State != AndhraPradesh {
		return id
	}
	if id.No >= 1 && id.No <= 17 {
		return SeatID{State: Telangana, No: id.No}
	}
	return SeatID{State: AndhraPradesh, No: id.No - 17}
}

// AndhraPradeshFrom2019 is the inverse of AndhraPradeshTo2019: it maps
// Telangana n to Andhra Pradesh n and Andhra Pradesh n to Andhra Pradesh
// n+17. Every other identity is returned unchanged. Apply it only to
// elections held after the bifurcation.
func AndhraPradeshFrom2019(id SeatID) SeatID {
	switch id.State {
	case Telangana:
		return SeatID{State: AndhraPradesh, No: id.No}
	case AndhraPradesh:
		return SeatID{State: AndhraPradesh, No: id.No + 17}
	}
	return id
}

// Candidate is one candidate's result in a constituency. Party is the
// party label as written in the results (an abbreviation such as "BJP");
// independents all carry the label Independent and are separate candidates.
type Candidate struct {
	Party string
	Name  string
	Votes int64
}

// Constituency is one parliamentary constituency's result.
//
// ValidVotes includes the votes for None of the Above (NOTA) where NOTA
// existed (from 2013), so the candidates' votes sum to at most ValidVotes
// and the gap is NOTA (see Constituency.NOTA). Candidates are sorted by
// votes, most first, then by name, then by party: the first candidate is
// the winner, and a tie for first place (decided by lot in a real count)
// goes to the name that sorts first.
type Constituency struct {
	State      string
	No         int
	Name       string
	Reserved   Category
	ValidVotes int64
	Electors   int64
	Candidates []Candidate
}

// ID returns the constituency's identity.
func (c *Constituency) ID() SeatID { return SeatID{State: c.State, No: c.No} }

// Winner returns the first candidate (the winner when Candidates is sorted
// as documented on Constituency), or the zero Candidate and false when
// there are no candidates.
func (c *Constituency) Winner() (Candidate, bool) {
	if len(c.Candidates) == 0 {
		return Candidate{}, false
	}
	return c.Candidates[0], true
}

// Candidate returns the candidate of party, if party fielded one. For the
// label Independent it returns the independent with the most votes.
func (c *Constituency) Candidate(party string) (Candidate, bool) {
	for _, cand := range c.Candidates {
		if cand.Party == party {
			return cand, true
		}
	}
	return Candidate{}, false
}

// Votes returns the total votes of the candidates labelled party: the
// votes of its candidate, or, for the label Independent, of all the
// independents together.
func (c *Constituency) Votes(party string) int64 {
	var v int64
	for _, cand := range c.Candidates {
		if cand.Party == party {
			v += cand.Votes
		}
	}
	return v
}

// Share returns Votes(party) / ValidVotes, the party's vote share with
// NOTA counted in the denominator, or 0 when ValidVotes is not positive.
// For the label Independent it is the independents' combined share, which
// is not any one candidate's strength.
func (c *Constituency) Share(party string) float64 {
	if c.ValidVotes <= 0 {
		return 0
	}
	return float64(c.Votes(party)) / float64(c.ValidVotes)
}

// Polled returns the votes cast for candidates: the sum of the candidates'
// votes, which is ValidVotes minus NOTA.
func (c *Constituency) Polled() int64 {
	var v int64
	for _, cand := range c.Candidates {
		v += cand.Votes
	}
	return v
}

// NOTA returns ValidVotes - Polled(): the votes for None of the Above. It
// is zero where NOTA did not exist (2009) and where the source has no NOTA
// row (2019 Vellore, polled separately in August 2019).
func (c *Constituency) NOTA() int64 { return c.ValidVotes - c.Polled() }

// compareCandidates orders candidates by votes descending, then name, then
// party: the order documented on Constituency.
func compareCandidates(a, b Candidate) int {
	if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return cmp.Compare(a.Party, b.Party)
}
