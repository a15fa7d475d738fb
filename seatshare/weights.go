package seatshare

import (
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
)

// SeatWeights is one seat of a Planner with the win probability of each
// alliance member that may contest it.
type SeatWeights struct {
	ID       SeatID
	Name     string
	Category Category
	// Options lists the members in the alliance in the seat's state, in
	// the scenario's member order.
	Options []CandidateWeight
}

// CandidateWeight is the score of one alliance candidate in one seat, with
// the terms of its margin (see scoring.Margin).
type CandidateWeight struct {
	Party string
	// Strength is the candidate party's base strength s_c(p), a vote
	// share, and Flags tells how it was estimated (see Imputation).
	Strength float64
	Flags    Imputation
	// W is the win probability F(Margin).
	W float64
	// Margin is V - Opp + swing + adjust, in vote-share points.
	Margin float64
	// Vote is the alliance vote V: the candidate's base strength plus the
	// partners' transferred strength.
	Vote float64
	// Opponent is the party of the strongest opponent's candidate, or ""
	// when nobody opposes the alliance; OpponentVote is its vote.
	Opponent     string
	OpponentVote float64
}

// SeparateOption is the label of the "no alliance candidate" option in the
// seats of Scenario.Separate: the members contest separately.
const SeparateOption = "(separate)"

// separate scores the "no alliance candidate" option of a seat: each member
// of cands stands alone (the others, in the alliance or not, contest alone
// too) and the option's W is min(1, the sum of their win probabilities).
// Margin, Vote and Opponent are those of the member with the largest
// margin.
func (m *model) separate(id SeatID, shares []float64, flags func(col int) Imputation, parties []string, cands []int, names []string) (CandidateWeight, error) {
	return m.separateWith(id, shares, flags, parties, cands, names, nil)
}

// separateWith is separate with other blocs in the seat (see
// seatWeightsWith).
func (m *model) separateWith(id SeatID, shares []float64, flags func(col int) Imputation, parties []string, cands []int, names []string, blocs []scoring.Bloc) (CandidateWeight, error) {
	out := CandidateWeight{Party: SeparateOption}
	sum := 0.0
	for k := range cands {
		alone, err := m.seatWeightsWith(id, shares, flags, parties, cands[k:k+1], names[k:k+1], blocs)
		if err != nil {
			return CandidateWeight{}, err
		}
		a := alone[0]
		sum += a.W
		if k == 0 || a.Margin > out.Margin {
			out.Margin, out.Vote, out.Opponent, out.OpponentVote = a.Margin, a.Vote, a.Opponent, a.OpponentVote
		}
	}
	out.W = min(sum, 1)
	return out, nil
}

// model is the scoring side of a scenario, in the strength table's party
// columns.
type model struct {
	link     scoring.Link
	transfer scoring.Transfer
	rival    []int // rival columns, in the scenario's order
	rivalTr  scoring.Transfer
	lambda   float64
	national float64
	swing    map[string]float64 // per state, added to national
	adjust   map[adjustKey]float64
}

type adjustKey struct {
	seat  SeatID
	party string
}

// newModel converts s.Model to column indices of st. col maps a label to
// its column; it has every alliance member and rival party. A non-nil
// link replaces the scenario's.
func newModel(s *Scenario, col map[string]int, link scoring.Link) *model {
	m := &model{
		lambda:   *s.Model.Lambda,
		national: s.Model.Swing.National,
		swing:    make(map[string]float64, len(s.Model.Swing.States)),
		adjust:   make(map[adjustKey]float64, len(s.Model.Adjust)),
	}
	switch l := s.Model.Link; {
	case link != nil:
		m.link = link
	case l.Probit != nil:
		m.link = scoring.Probit{Sigma: l.Probit.Sigma}
	default:
		m.link = scoring.Logistic{Scale: l.Logistic.Scale}
	}
	m.transfer = transfer(s.Model.Transfer, col)
	for _, r := range s.Rival {
		m.rival = append(m.rival, col[r])
	}
	if s.Model.RivalTransfer != nil {
		m.rivalTr = transfer(s.Model.RivalTransfer, col)
	}
	for _, st := range s.Model.Swing.States {
		m.swing[st.State] = st.Swing
	}
	for _, a := range s.Model.Adjust {
		m.adjust[adjustKey{SeatID{a.State, a.No}, a.Party}] = a.Value
	}
	return m
}

// transfer converts a validated TransferSpec.
func transfer(t *TransferSpec, col map[string]int) scoring.Transfer {
	tr := scoring.Transfer{Default: *t.Default}
	if len(t.Pairs) > 0 {
		tr.Rates = make(map[[2]int]float64, len(t.Pairs))
		for _, p := range t.Pairs {
			tr.Rates[[2]int{col[p.From], col[p.To]}] = p.Rate
		}
	}
	return tr
}

// seatWeights scores every eligible member (columns cands, labels names) in
// seat id whose base strengths are shares (indexed by column, labels
// parties) with the estimate's flags.
//
// The alliance candidate's partners are the other eligible members; members
// not in the alliance in this state, and every party outside both blocs,
// contest alone. The rival candidate is the rival party with the largest
// share, the first listed on a tie.
func (m *model) seatWeights(id SeatID, shares []float64, flags func(col int) Imputation, parties []string, cands []int, names []string) ([]CandidateWeight, error) {
	return m.seatWeightsWith(id, shares, flags, parties, cands, names, nil)
}

// seatWeightsWith is seatWeights with other blocs in the seat, such as the
// members outside a sub-alliance that stay allied among themselves (see
// scoring.Seat.Blocs); their parties must not be among cands.
func (m *model) seatWeightsWith(id SeatID, shares []float64, flags func(col int) Imputation, parties []string, cands []int, names []string, blocs []scoring.Bloc) ([]CandidateWeight, error) {
	var rival *scoring.Bloc
	if len(m.rival) > 0 {
		best := m.rival[0]
		for _, q := range m.rival[1:] {
			if shares[q] > shares[best] {
				best = q
			}
		}
		rival = &scoring.Bloc{Candidate: best, Transfer: m.rivalTr}
		for _, q := range m.rival {
			if q != best {
				rival.Partners = append(rival.Partners, q)
			}
		}
	}
	out := make([]CandidateWeight, len(cands))
	partners := make([]int, 0, len(cands))
	for k, p := range cands {
		partners = partners[:0]
		for _, q := range cands {
			if q != p {
				partners = append(partners, q)
			}
		}
		seat := scoring.Seat{
			Shares:   shares,
			Alliance: scoring.Bloc{Candidate: p, Partners: slices.Clip(partners), Transfer: m.transfer},
			Rival:    rival,
			Lambda:   m.lambda,
			Blocs:    blocs,
			Swing:    m.national + m.swing[id.State],
			Adjust:   m.adjust[adjustKey{id, names[k]}],
		}
		if rival == nil {
			seat.Lambda = 0
		}
		mg, parts, err := scoring.Margin(seat)
		if err != nil {
			return nil, fmt.Errorf("seat %v, candidate %s: %w", id, names[k], err)
		}
		w := m.link.Prob(mg)
		if !(w >= 0 && w <= 1) {
			return nil, fmt.Errorf("seat %v, candidate %s: link gives %v for margin %v", id, names[k], w, mg)
		}
		cw := CandidateWeight{Party: names[k], Strength: shares[p], Flags: flags(p), W: w, Margin: mg, Vote: parts.Alliance, OpponentVote: parts.Opponent}
		if parts.OpponentParty >= 0 {
			cw.Opponent = parties[parts.OpponentParty]
		}
		out[k] = cw
	}
	return out, nil
}
