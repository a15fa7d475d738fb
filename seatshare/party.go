package seatshare

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Independent is the party label of independent candidates. Independents
// are separate candidates: they are never added together as if they were
// one party, and the strength table has no column for them.
const Independent = "IND"

// Successor is one party that inherits a share of an old party label's
// votes.
type Successor struct {
	Party    string
	Fraction float64 // in (0, 1]; the fractions of one label sum to 1
}

// Rename maps an old party label onto its successors. A plain rename has
// one successor with fraction 1 ({From: "AD", To: {{"ADAL", 1}}}); a split
// gives each successor its fraction of the old label's votes
// ({From: "SHS", To: {{"SHS(UBT)", 0.6}, {"SHS", 0.4}}}). A successor may
// keep the old label, as in the second example.
type Rename struct {
	From string
	To   []Successor
}

// fractionTolerance is how far the fractions of one label may sum from 1:
// enough for decimal fractions such as 0.1+0.2+0.7 written in JSON.
const fractionTolerance = 1e-9

// PartyMap maps the party labels of one election onto the labels used by
// the analysis, for parties that were renamed or split. It is applied once,
// not transitively: with AD->ADAL and ADAL->X, the label AD maps to ADAL.
// The zero value and a nil *PartyMap map every label to itself.
type PartyMap struct {
	to map[string][]Successor
}

// NewPartyMap returns the PartyMap for renames. It returns a
// *ValidationError naming the element ("renames[i].to[j].fraction") when a
// label is empty or is Independent, a From label repeats, a rename has no
// successors or repeats one, a fraction is outside (0, 1] or not finite,
// or the fractions of a label do not sum to 1 (within 1e-9). Successors
// are kept in the order given.
func NewPartyMap(renames ...Rename) (*PartyMap, error) {
	m := &PartyMap{to: make(map[string][]Successor, len(renames))}
	for i, r := range renames {
		field := fmt.Sprintf("renames[%d]", i)
		if err := checkLabel(r.From); err != nil {
			return nil, &ValidationError{Field: field + ".from", Err: err}
		}
		if _, dup := m.to[r.From]; dup {
			return nil, invalid(field+".from", "party %q is renamed twice", r.From)
		}
		if len(r.To) == 0 {
			return nil, invalid(field+".to", "party %q has no successors", r.From)
		}
		sum := 0.0
		for j, s := range r.To {
			sf := fmt.Sprintf("%s.to[%d]", field, j)
			if err := checkLabel(s.Party); err != nil {
				return nil, &ValidationError{Field: sf + ".party", Err: err}
			}
			if slices.ContainsFunc(r.To[:j], func(t Successor) bool { return t.Party == s.Party }) {
				return nil, invalid(sf+".party", "successor %q repeats", s.Party)
			}
			if !(s.Fraction > 0 && s.Fraction <= 1) {
				return nil, invalid(sf+".fraction", "fraction %v is not in (0, 1]", s.Fraction)
			}
			sum += s.Fraction
		}
		if math.Abs(sum-1) > fractionTolerance {
			return nil, invalid(field+".to", "fractions of %q sum to %v, not 1", r.From, sum)
		}
		m.to[r.From] = slices.Clone(r.To)
	}
	return m, nil
}

// Map returns the successors of label: the successors given for it, or
// the label itself with fraction 1. The caller must not modify the result.
func (m *PartyMap) Map(label string) []Successor {
	if s, ok := m.lookup(label); ok {
		return s
	}
	return []Successor{{Party: label, Fraction: 1}}
}

// lookup returns the successors given for label, and whether there are
// any; unlike Map it does not allocate for unmapped labels.
func (m *PartyMap) lookup(label string) ([]Successor, bool) {
	if m == nil {
		return nil, false
	}
	s, ok := m.to[label]
	return s, ok
}

// checkLabel reports why label cannot name a party, or nil.
func checkLabel(label string) error {
	switch {
	case label == "":
		return errors.New("empty party label")
	case label == Independent:
		return fmt.Errorf("independents (%s) are not a party", Independent)
	case strings.TrimSpace(label) != label:
		return fmt.Errorf("party label %q has leading or trailing space", label)
	}
	return nil
}
