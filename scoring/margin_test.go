package scoring_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

// Parties of the hand-worked seat below.
const (
	inc = iota
	sp
	bjp
	rld
	bsp
	oth
	numParties
)

// upSeat is an illustrative Uttar Pradesh seat: SP contests for the alliance
// with INC standing down, BJP for the rival bloc with RLD standing down, BSP
// and a small party alone.
func upSeat() scoring.Seat {
	return scoring.Seat{
		Shares: []float64{inc: 0.08, sp: 0.30, bjp: 0.40, rld: 0.05, bsp: 0.15, oth: 0.02},
		Alliance: scoring.Bloc{
			Candidate: sp,
			Partners:  []int{inc},
			Transfer:  scoring.Transfer{Default: 0.6, Rates: map[[2]int]float64{{inc, sp}: 0.7}},
		},
		Rival: &scoring.Bloc{
			Candidate: bjp,
			Partners:  []int{rld},
			Transfer:  scoring.Transfer{Default: 0.8},
		},
		Lambda: 0.5,
		Swing:  0.03,
		Adjust: 0.01,
	}
}

func TestMargin(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		seat   func() scoring.Seat
		want   float64
		parts  scoring.MarginParts
	}{
		{
			name:   "alliance arithmetic",
			reason: "V = .30 + .7*.08 = .356; leak = .3*.08 = .024; Rv = .40 + .8*.05 + .5*.024 = .452; m = .356 - .452 + .03 + .01",
			seat:   upSeat,
			want:   -0.056,
			parts:  scoring.MarginParts{Alliance: 0.356, Leaked: 0.024, Rival: 0.452, Opponent: 0.452, OpponentParty: bjp},
		},
		{
			name:   "no rival bloc",
			reason: "BJP and RLD contest alone; the strongest is BJP at .40; lambda must then be zero",
			seat: func() scoring.Seat {
				s := upSeat()
				s.Rival, s.Lambda = nil, 0
				return s
			},
			want:  0.356 - 0.40 + 0.04,
			parts: scoring.MarginParts{Alliance: 0.356, Leaked: 0.024, Opponent: 0.40, OpponentParty: bjp},
		},
		{
			name:   "other bloc is strongest",
			reason: "BSP and the small party ally (.15 + .5*.02 = .16) but stay below the rival",
			seat: func() scoring.Seat {
				s := upSeat()
				s.Blocs = []scoring.Bloc{{Candidate: bsp, Partners: []int{oth}, Transfer: scoring.Transfer{Default: 0.5}}}
				s.Shares[bjp] = 0.05
				return s
			},
			// Rv = .05 + .04 + .012 = .102 < .16.
			want:  0.356 - 0.16 + 0.04,
			parts: scoring.MarginParts{Alliance: 0.356, Leaked: 0.024, Rival: 0.102, Opponent: 0.16, OpponentParty: bsp},
		},
		{
			name:   "candidate alone and unopposed",
			reason: "with every other share zero nobody opposes: Opp = 0, party -1",
			seat: func() scoring.Seat {
				return scoring.Seat{Shares: []float64{0.4, 0, 0}, Alliance: scoring.Bloc{Candidate: 0}}
			},
			want:  0.4,
			parts: scoring.MarginParts{Alliance: 0.4, OpponentParty: -1},
		},
		{
			name:   "tie goes to the lowest party alone",
			reason: "parties 1 and 2 both have .3; the documented tie-break names party 1",
			seat: func() scoring.Seat {
				return scoring.Seat{Shares: []float64{0.3, 0.3, 0.3}, Alliance: scoring.Bloc{Candidate: 0}}
			},
			want:  0,
			parts: scoring.MarginParts{Alliance: 0.3, Opponent: 0.3, OpponentParty: 1},
		},
		{
			name:   "tie goes to the rival bloc",
			reason: "the rival (party 2) ties party 1 alone and is named first",
			seat: func() scoring.Seat {
				return scoring.Seat{Shares: []float64{0.3, 0.3, 0.3}, Alliance: scoring.Bloc{Candidate: 0}, Rival: &scoring.Bloc{Candidate: 2}}
			},
			want:  0,
			parts: scoring.MarginParts{Alliance: 0.3, Rival: 0.3, Opponent: 0.3, OpponentParty: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, parts, err := scoring.Margin(tt.seat())
			if err != nil {
				t.Fatalf("Margin: %v", err)
			}
			if diff := cmp.Diff(tt.want, m, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
				t.Errorf("Margin margin mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(tt.parts, parts, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
				t.Errorf("Margin parts mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

func TestMarginInvalid(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(s *scoring.Seat)
		field  string
		index  int
	}{
		{"share above one", "a share is a fraction of valid votes", func(s *scoring.Seat) { s.Shares[bsp] = 1.5 }, "Shares", bsp},
		{"negative share", "a share is a fraction of valid votes", func(s *scoring.Seat) { s.Shares[oth] = -0.01 }, "Shares", oth},
		{"NaN share", "NaN must not pass silently", func(s *scoring.Seat) { s.Shares[inc] = math.NaN() }, "Shares", inc},
		{"candidate out of range", "parties index Shares", func(s *scoring.Seat) { s.Alliance.Candidate = numParties }, "Alliance.Candidate", -1},
		{"partner out of range", "parties index Shares", func(s *scoring.Seat) { s.Alliance.Partners = []int{inc, -1} }, "Alliance.Partners", 1},
		{"partner twice", "a party belongs to one bloc once", func(s *scoring.Seat) { s.Alliance.Partners = []int{inc, inc} }, "Alliance.Partners", 1},
		{"party in both blocs", "a party cannot back both candidates", func(s *scoring.Seat) { s.Rival.Partners = []int{rld, inc} }, "Rival.Partners", 1},
		{"candidate is own partner", "the candidate's party cannot transfer to itself", func(s *scoring.Seat) { s.Alliance.Partners = []int{sp} }, "Alliance.Partners", 0},
		{"default rate above one", "a rate is a fraction", func(s *scoring.Seat) { s.Alliance.Transfer.Default = 1.01 }, "Alliance.Transfer.Default", -1},
		{"pair rate NaN", "rates are named by their pair", func(s *scoring.Seat) { s.Rival.Transfer.Rates = map[[2]int]float64{{rld, bjp}: math.NaN()} }, "Rival.Transfer.Rates[3,2]", -1},
		{"pair rate out of range", "a rate for a party that does not exist is a typo, not a no-op", func(s *scoring.Seat) { s.Alliance.Transfer.Rates[[2]int{9, sp}] = 0.5 }, "Alliance.Transfer.Rates[9,1]", -1},
		{"pair rate to itself", "meaningless", func(s *scoring.Seat) { s.Alliance.Transfer.Rates[[2]int{inc, inc}] = 0.5 }, "Alliance.Transfer.Rates[0,0]", -1},
		{"first bad pair reported", "errors do not depend on map order", func(s *scoring.Seat) {
			s.Alliance.Transfer.Rates = map[[2]int]float64{{5, 1}: 2, {1, 0}: -1, {0, 1}: 0.5, {4, 1}: 3}
		}, "Alliance.Transfer.Rates[1,0]", -1},
		{"lambda above one", "lambda is a fraction", func(s *scoring.Seat) { s.Lambda = 2 }, "Lambda", -1},
		{"lambda without rival", "the leaked votes would go nowhere while the caller expects them counted", func(s *scoring.Seat) { s.Rival = nil }, "Lambda", -1},
		{"bloc overlaps alliance", "blocs are disjoint", func(s *scoring.Seat) { s.Blocs = []scoring.Bloc{{Candidate: bsp, Partners: []int{sp}}} }, "Blocs[0].Partners", 0},
		{"infinite swing", "margins are finite", func(s *scoring.Seat) { s.Swing = math.Inf(1) }, "Swing", -1},
		{"NaN adjust", "margins are finite", func(s *scoring.Seat) { s.Adjust = math.NaN() }, "Adjust", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := upSeat()
			tt.edit(&s)
			_, _, err := scoring.Margin(s)
			var ie *scoring.InputError
			if !errors.Is(err, scoring.ErrInvalid) || !errors.As(err, &ie) {
				t.Fatalf("Margin = %v, want an *InputError (%s)", err, tt.reason)
			}
			if ie.Field != tt.field || ie.Index != tt.index {
				t.Errorf("Margin error names %s[%d], want %s[%d] (%s): %v", ie.Field, ie.Index, tt.field, tt.index, tt.reason, err)
			}
		})
	}
}

func TestTransferRate(t *testing.T) {
	tr := scoring.Transfer{Default: 0.6, Rates: map[[2]int]float64{{1, 0}: 0.2}}
	tests := []struct {
		name     string
		reason   string
		from, to int
		want     float64
	}{
		{"listed pair", "Rates overrides Default", 1, 0, 0.2},
		{"reverse pair", "transfers are asymmetric", 0, 1, 0.6},
		{"unlisted pair", "Default applies", 2, 0, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tr.Rate(tt.from, tt.to); got != tt.want {
				t.Errorf("Rate(%d, %d) = %v, want %v (%s)", tt.from, tt.to, got, tt.want, tt.reason)
			}
		})
	}
}

func TestTransferValidate(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		tr     scoring.Transfer
		field  string // empty when valid
	}{
		{"zero value", "transfers nothing, validly", scoring.Transfer{}, ""},
		{"full", "every rate in range", scoring.Transfer{Default: 1, Rates: map[[2]int]float64{{0, 1}: 0, {2, 1}: 1}}, ""},
		{"negative default", "a rate is a fraction", scoring.Transfer{Default: -0.5}, "Transfer.Default"},
		{"pair beyond parties", "three parties are 0, 1, 2", scoring.Transfer{Rates: map[[2]int]float64{{0, 3}: 0.5}}, "Transfer.Rates[0,3]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.tr.Validate(3)
			if tt.field == "" {
				if err != nil {
					t.Errorf("Validate(3) = %v, want nil (%s)", err, tt.reason)
				}
				return
			}
			var ie *scoring.InputError
			if !errors.As(err, &ie) || ie.Field != tt.field {
				t.Errorf("Validate(3) = %v, want an *InputError naming %s (%s)", err, tt.field, tt.reason)
			}
		})
	}
}

func TestTransferGeneratorIsValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		parties := rapid.IntRange(0, 8).Draw(t, "parties")
		tr := scoringtest.Transfers(parties).Draw(t, "tr")
		if err := tr.Validate(parties); err != nil {
			t.Fatalf("generated transfer over %d parties: %v", parties, err)
		}
	})
}

// drawSeat draws a valid seat over 1 to 7 parties.
func drawSeat(t *rapid.T) scoring.Seat {
	parties := rapid.IntRange(1, 7).Draw(t, "parties")
	return scoringtest.Seats(parties).Draw(t, "seat")
}

func mustMargin(t *rapid.T, s scoring.Seat) (float64, scoring.MarginParts) {
	m, parts, err := scoring.Margin(s)
	if err != nil {
		t.Fatalf("Margin of a generated seat: %v", err)
	}
	return m, parts
}

func TestMarginGeneratedSeatsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		if err := s.Validate(); err != nil {
			t.Fatalf("Validate of a generated seat: %v", err)
		}
		mustMargin(t, s)
	})
}

func TestMarginSwingIsAdditive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		delta := rapid.Float64Range(-0.5, 0.5).Draw(t, "delta")
		m, _ := mustMargin(t, s)
		s.Swing += delta
		m2, _ := mustMargin(t, s)
		if math.Abs(m2-(m+delta)) > 1e-12 {
			t.Fatalf("margin with swing +%v = %v, want %v + %v", delta, m2, m, delta)
		}
	})
}

func TestMarginOwnShareIsAdditive(t *testing.T) {
	// The candidate's own voters count for the alliance and never for an
	// opponent, so a point more for the candidate is a point more of margin.
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		p := s.Alliance.Candidate
		delta := rapid.Float64Range(0, 1-s.Shares[p]).Draw(t, "delta")
		m, _ := mustMargin(t, s)
		s.Shares[p] += delta
		m2, _ := mustMargin(t, s)
		if math.Abs(m2-(m+delta)) > 1e-12 {
			t.Fatalf("margin with own share +%v = %v, want %v + %v", delta, m2, m, delta)
		}
	})
}

func TestMarginMonotoneInAllianceTransfer(t *testing.T) {
	// Raising every alliance transfer rate moves votes from leakage (of
	// which the rival gets lambda) to the alliance: the margin cannot fall.
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		step := rapid.Float64Range(0, 1).Draw(t, "step")
		m, _ := mustMargin(t, s)
		raise := func(r float64) float64 { return r + step*(1-r) }
		tr := scoring.Transfer{Default: raise(s.Alliance.Transfer.Default), Rates: map[[2]int]float64{}}
		for k, r := range s.Alliance.Transfer.Rates {
			tr.Rates[k] = raise(r)
		}
		s.Alliance.Transfer = tr
		m2, _ := mustMargin(t, s)
		if m2 < m-1e-12 {
			t.Fatalf("margin fell from %v to %v when transfer rates rose by %v of their gap to 1", m, m2, step)
		}
	})
}

func TestMarginOpponentIsStrongest(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		_, parts := mustMargin(t, s)
		in := map[int]bool{s.Alliance.Candidate: true}
		votes := map[int]float64{} // opposing candidate's party -> vote
		addBloc := func(b scoring.Bloc, extra float64) {
			v := s.Shares[b.Candidate] + extra
			in[b.Candidate] = true
			for _, q := range b.Partners {
				v += b.Transfer.Rate(q, b.Candidate) * s.Shares[q]
				in[q] = true
			}
			votes[b.Candidate] = v
		}
		for _, q := range s.Alliance.Partners {
			in[q] = true
		}
		if s.Rival != nil {
			addBloc(*s.Rival, s.Lambda*parts.Leaked)
		}
		for _, b := range s.Blocs {
			addBloc(b, 0)
		}
		for q, sh := range s.Shares {
			if !in[q] && sh > 0 {
				votes[q] = sh
			}
		}
		if len(votes) == 0 {
			if parts.OpponentParty != -1 || parts.Opponent != 0 {
				t.Fatalf("no opponent, but parts = %+v", parts)
			}
			return
		}
		v, ok := votes[parts.OpponentParty]
		if !ok || math.Abs(v-parts.Opponent) > 1e-12 {
			t.Fatalf("OpponentParty %d has vote %v (found %v), want Opponent %v", parts.OpponentParty, v, ok, parts.Opponent)
		}
		for q, v := range votes {
			if v > parts.Opponent+1e-12 {
				t.Fatalf("party %d's candidate has %v > Opponent %v", q, v, parts.Opponent)
			}
		}
	})
}

func TestMarginRelabelingInvariant(t *testing.T) {
	// Party indices are names: renaming them changes nothing but the name of
	// the strongest opponent (whose vote stays the same).
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		n := len(s.Shares)
		ids := make([]int, n)
		for i := range ids {
			ids[i] = i
		}
		perm := rapid.Permutation(ids).Draw(t, "perm")
		mapBloc := func(b scoring.Bloc) scoring.Bloc {
			out := scoring.Bloc{Candidate: perm[b.Candidate], Transfer: scoring.Transfer{Default: b.Transfer.Default}}
			for _, q := range b.Partners {
				out.Partners = append(out.Partners, perm[q])
			}
			if b.Transfer.Rates != nil {
				out.Transfer.Rates = map[[2]int]float64{}
				for k, r := range b.Transfer.Rates {
					out.Transfer.Rates[[2]int{perm[k[0]], perm[k[1]]}] = r
				}
			}
			return out
		}
		r := s
		r.Shares = make([]float64, n)
		for q, sh := range s.Shares {
			r.Shares[perm[q]] = sh
		}
		r.Alliance = mapBloc(s.Alliance)
		if s.Rival != nil {
			rb := mapBloc(*s.Rival)
			r.Rival = &rb
		}
		r.Blocs = nil
		for _, b := range s.Blocs {
			r.Blocs = append(r.Blocs, mapBloc(b))
		}
		m, parts := mustMargin(t, s)
		m2, parts2 := mustMargin(t, r)
		if m != m2 || parts.Alliance != parts2.Alliance || parts.Rival != parts2.Rival || parts.Opponent != parts2.Opponent {
			t.Fatalf("relabeled margin %v %+v, want %v %+v", m2, parts2, m, parts)
		}
	})
}

func TestMarginRejectsInvalidShare(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := drawSeat(t)
		index := rapid.IntRange(0, len(s.Shares)-1).Draw(t, "index")
		bad := rapid.SampledFrom([]float64{math.NaN(), -1e-9, 1 + 1e-9, math.Inf(1)}).Draw(t, "bad")
		s.Shares[index] = bad
		_, _, err := scoring.Margin(s)
		var ie *scoring.InputError
		if !errors.As(err, &ie) || ie.Field != "Shares" || ie.Index != index {
			t.Fatalf("Margin with Shares[%d] = %v returned %v, want an *InputError naming Shares[%d]", index, bad, err, index)
		}
	})
}
