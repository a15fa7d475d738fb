package seatshare_test

import (
	"math"
	"slices"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// drawBases draws base elections within c with alliances among allied.
func drawBases(t *rapid.T, c seatsharetest.Config, allied []string) []seatshare.Base {
	return seatsharetest.Bases(c, allied).Draw(t, "bases")
}

func drawSettings(t *rapid.T) *seatshare.StrengthSettings {
	return &seatshare.StrengthSettings{
		ExcludeNOTA: rapid.Bool().Draw(t, "excludeNOTA"),
		Missing:     rapid.SampledFrom([]seatshare.MissingRule{seatshare.MissingZero, seatshare.MissingStateMean}).Draw(t, "missing"),
	}
}

var parties = []string{"P1", "P2", "P3", "P4", "P5"}

// Shares stay in [0, 1], the table has every seat and party, and every
// cell's provenance is consistent: a cell has contributing bases exactly
// when it was not filled, and is unflagged only when every base gave it a
// value.
func TestStrengthBounds(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bases := drawBases(t, seatsharetest.Config{Independents: true}, parties)
		set := drawSettings(t)
		st, err := seatshare.EstimateStrength(bases, set)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(bases[0].Election.Seats(), st.Seats()); diff != "" {
			t.Fatalf("Seats() mismatch (-want +got):\n%s", diff)
		}
		for _, p := range st.Parties() {
			if p == seatshare.Independent || !slices.IsSorted(st.Parties()) {
				t.Fatalf("Parties() = %v", st.Parties())
			}
		}
		all := seatshare.BaseSet(1<<len(bases) - 1)
		for i := range st.Seats() {
			if ind := st.Independent(i); !(ind >= 0 && ind <= 1) {
				t.Fatalf("Independent(%d) = %v, outside [0, 1]", i, ind)
			}
			for j := range st.Parties() {
				c := st.Cell(i, j)
				if !(c.Share >= 0 && c.Share <= 1) {
					t.Fatalf("cell (%d, %d) = %+v, share outside [0, 1]", i, j, c)
				}
				filled := c.Flags&(seatshare.ImputedZero|seatshare.ImputedStateMean) != 0
				if filled != (c.Bases == 0) {
					t.Fatalf("cell (%d, %d) = %+v (%v): filled %v with bases %b", i, j, c, c.Flags, filled, c.Bases)
				}
				if c.Flags == 0 && c.Bases != all {
					t.Fatalf("cell (%d, %d) = %+v unflagged but missing bases", i, j, c)
				}
				if c.Share != st.At(i, j) || c.Share != st.Row(i)[j] {
					t.Fatalf("Cell, At and Row disagree at (%d, %d)", i, j)
				}
			}
		}
	})
}

// A party that fielded its own candidate in every seat of every base, in
// no alliance, is never imputed: its cell is the weighted mean of its
// shares.
func TestStrengthContestedEverywhere(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := seatsharetest.Config{Independents: true, Always: []string{"P1"}}
		bases := drawBases(t, c, parties[1:])
		set := drawSettings(t)
		st, err := seatshare.EstimateStrength(bases, set)
		if err != nil {
			t.Fatal(err)
		}
		j, ok := st.PartyIndex("P1")
		if !ok {
			t.Fatalf("no column P1 in %v", st.Parties())
		}
		for i, id := range st.Seats() {
			want, wsum := 0.0, 0.0
			for _, b := range bases {
				c, _ := b.Election.Constituency(id)
				den := c.ValidVotes
				if set.ExcludeNOTA {
					den = c.Polled()
				}
				share := 0.0
				if den > 0 {
					share = float64(c.Votes("P1")) / float64(den)
				}
				want += b.Weight * share
				wsum += b.Weight
			}
			got := st.Cell(i, j)
			if got.Flags != 0 || math.Abs(got.Share-want/wsum) > 1e-12 {
				t.Fatalf("P1 at %v = %+v (%v), want %v unflagged", id, got, got.Flags, want/wsum)
			}
		}
	})
}

// Splitting an alliance candidate's votes and adding the parts back gives
// the votes the alliance's members polled, seat by seat.
func TestStrengthSplitPreservesVotes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := seatsharetest.Election(2019).Draw(t, "e")
		al := seatsharetest.Alliance(e, parties).Draw(t, "al")
		set := &seatshare.StrengthSettings{ExcludeNOTA: rapid.Bool().Draw(t, "excludeNOTA")}
		st, err := seatshare.EstimateStrength([]seatshare.Base{{Election: e, Weight: 1, Alliances: []seatshare.Alliance{al}}}, set)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := seatshare.EstimateStrength([]seatshare.Base{{Election: e, Weight: 1}}, set)
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range st.Seats() {
			merged, polled := 0.0, 0.0
			for _, m := range al.Members {
				c, _ := st.Lookup(id, m)
				merged += c.Share
				p, _ := plain.Lookup(id, m)
				polled += p.Share
			}
			if math.Abs(merged-polled) > 1e-12 {
				t.Fatalf("at %v members' strengths sum to %v, polled %v", id, merged, polled)
			}
			// Parties outside the alliance are untouched.
			for j, p := range st.Parties() {
				if slices.Contains(al.Members, p) {
					continue
				}
				if before, _ := plain.Lookup(id, p); st.Cell(i, j) != before {
					t.Fatalf("%s at %v changed from %+v to %+v", p, id, before, st.Cell(i, j))
				}
			}
		}
	})
}

// The order of the base elections and the scale of the weights do not
// matter.
func TestStrengthBaseOrderAndScale(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bases := drawBases(t, seatsharetest.Config{Independents: true}, parties)
		set := drawSettings(t)
		st, err := seatshare.EstimateStrength(bases, set)
		if err != nil {
			t.Fatal(err)
		}
		perm := rapid.Permutation(bases).Draw(t, "perm")
		scale := rapid.Float64Range(0.1, 10).Draw(t, "scale")
		for k := range perm {
			perm[k].Weight *= scale
		}
		st2, err := seatshare.EstimateStrength(perm, set)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(st.Parties(), st2.Parties()); diff != "" {
			t.Fatalf("Parties() mismatch (-want +got):\n%s", diff)
		}
		for i := range st.Seats() {
			for j := range st.Parties() {
				a, b := st.Cell(i, j), st2.Cell(i, j)
				if a.Flags != b.Flags || a.Bases.Len() != b.Bases.Len() || math.Abs(a.Share-b.Share) > 1e-9 {
					t.Fatalf("cell (%d, %d): %+v, then %+v after permuting and scaling the bases", i, j, a, b)
				}
			}
		}
	})
}

// Renaming a party with a PartyMap moves its column and changes nothing
// else; splitting it gives each successor its fraction.
func TestStrengthPartyMap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := seatsharetest.Election(2019).Draw(t, "e")
		old := rapid.SampledFrom(parties).Draw(t, "old")
		f := rapid.Float64Range(0.05, 0.95).Draw(t, "f")
		st, err := seatshare.EstimateStrength([]seatshare.Base{{Election: e, Weight: 1}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		pm, err := seatshare.NewPartyMap(seatshare.Rename{From: old, To: []seatshare.Successor{{"X", f}, {"Y", 1 - f}}})
		if err != nil {
			t.Fatal(err)
		}
		split, err := seatshare.EstimateStrength([]seatshare.Base{{Election: e, Weight: 1, Parties: pm}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range st.Seats() {
			for _, p := range st.Parties() {
				c, _ := st.Lookup(id, p)
				if p == old {
					x, _ := split.Lookup(id, "X")
					y, _ := split.Lookup(id, "Y")
					if math.Abs(x.Share-f*c.Share) > 1e-12 || math.Abs(y.Share-(1-f)*c.Share) > 1e-12 {
						t.Fatalf("%s at %v = %v split into %v and %v with fraction %v", old, id, c.Share, x.Share, y.Share, f)
					}
					continue
				}
				d, ok := split.Lookup(id, p)
				if !ok || !cmp.Equal(c, d, cmpopts.EquateApprox(0, 1e-12)) {
					t.Fatalf("%s at %v = %+v, then %+v after splitting %s", p, id, c, d, old)
				}
			}
		}
	})
}

// An override sets its cell exactly and nothing else.
func TestStrengthOverride(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bases := drawBases(t, seatsharetest.Config{Independents: true}, parties)
		set := drawSettings(t)
		st, err := seatshare.EstimateStrength(bases, set)
		if err != nil {
			t.Fatal(err)
		}
		o := seatshare.Override{
			Seat:  rapid.SampledFrom(st.Seats()).Draw(t, "seat"),
			Party: rapid.SampledFrom(append(slices.Clone(parties), "NEW")).Draw(t, "party"),
			Share: rapid.Float64Range(0, 1).Draw(t, "share"),
		}
		set.Overrides = []seatshare.Override{o}
		over, err := seatshare.EstimateStrength(bases, set)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range over.Seats() {
			for _, p := range over.Parties() {
				got, _ := over.Lookup(id, p)
				before, ok := st.Lookup(id, p)
				if !ok { // the new column
					before = seatshare.Cell{Flags: seatshare.ImputedZero}
				}
				if id == o.Seat && p == o.Party {
					before.Share, before.Flags = o.Share, before.Flags|seatshare.Overridden
				}
				if diff := cmp.Diff(before, got); diff != "" {
					t.Fatalf("%s at %v mismatch after %+v (-want +got):\n%s", p, id, o, diff)
				}
			}
		}
	})
}
