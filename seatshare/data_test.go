package seatshare

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// openData loads the real results for year, skipping the test when
// SEATSHARE_DATA is not set.
func openData(tb testing.TB, year int) *Election {
	tb.Helper()
	e, err := OpenData(year)
	if errors.Is(err, ErrNoData) {
		tb.Skipf("%s not set; skipping the real-data test", DataEnv)
	}
	if err != nil {
		tb.Fatalf("OpenData(%d): %v", year, err)
	}
	return e
}

// upAlliance2019 is the 2019 SP+BSP+RLD alliance in Uttar Pradesh.
var upAlliance2019 = Alliance{
	Name:    "UP 2019 SP+BSP+RLD",
	Members: []string{"SP", "BSP", "RLD"},
	States:  []string{"Uttar Pradesh"},
}

func TestRealWins(t *testing.T) {
	tests := []struct {
		name   string
		year   int
		state  string
		seats  int
		want   map[string]int // only these parties are compared
		reason string
	}{
		{
			name: "UP 2019", year: 2019, state: "Uttar Pradesh", seats: 80,
			want:   map[string]int{"BJP": 62, "BSP": 10, "SP": 5, "ADAL": 2, "INC": 1},
			reason: "published 2019 result; these are all 80 seats",
		},
		{
			name: "UP 2009", year: 2009, state: "Uttar Pradesh", seats: 80,
			want:   map[string]int{"INC": 21},
			reason: "INC's 22nd UP seat came in a by-election, which the file leaves out",
		},
		{name: "India 2009", year: 2009, seats: 543, want: map[string]int{"BJP": 116, "INC": 206}, reason: "published totals"},
		{name: "India 2014", year: 2014, seats: 543, want: map[string]int{"BJP": 282, "INC": 44}, reason: "published totals"},
		{name: "India 2019", year: 2019, seats: 543, want: map[string]int{"BJP": 303, "INC": 52}, reason: "published totals"},
	}
	elections := make(map[int]*Election)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := elections[tt.year]
			if e == nil {
				e = openData(t, tt.year)
				elections[tt.year] = e
			}
			wins := e.WinsByParty(tt.state)
			total := 0
			got := make(map[string]int)
			for p, n := range wins {
				total += n
				if _, ok := tt.want[p]; ok {
					got[p] = n
				}
			}
			if total != tt.seats {
				t.Errorf("seats in %q = %d, want %d", tt.state, total, tt.seats)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("WinsByParty(%q) mismatch (-want +got) (%s):\n%s", tt.state, tt.reason, diff)
			}
		})
	}
}

func TestRealQuirks(t *testing.T) {
	e09, e14, e19 := openData(t, 2009), openData(t, 2014), openData(t, 2019)
	for _, e := range []*Election{e09, e14, e19} {
		if err := e.Validate(); err != nil {
			t.Errorf("%d: Validate() = %v, want nil", e.Year, err)
		}
		if n := len(e.Constituencies); n != 543 {
			t.Errorf("%d: %d constituencies, want 543", e.Year, n)
		}
		cats := make(map[Category]int)
		for i := range e.Constituencies {
			cats[e.Constituencies[i].Reserved]++
		}
		if diff := cmp.Diff(map[Category]int{General: 412, SC: 84, ST: 47}, cats); diff != "" {
			t.Errorf("%d: reserved categories mismatch (-want +got):\n%s", e.Year, diff)
		}
	}
	// NOTA: none in 2009 (it did not exist); present everywhere in 2014;
	// everywhere in 2019 except Vellore, polled separately in August 2019.
	noNOTA := func(e *Election) []SeatID {
		var ids []SeatID
		for i := range e.Constituencies {
			if e.Constituencies[i].NOTA() == 0 {
				ids = append(ids, e.Constituencies[i].ID())
			}
		}
		return ids
	}
	if n := len(noNOTA(e09)); n != 543 {
		t.Errorf("2009: %d seats without NOTA, want all 543", n)
	}
	if ids := noNOTA(e14); len(ids) != 0 {
		t.Errorf("2014: seats without NOTA %v, want none", ids)
	}
	vellore := SeatID{State: "Tamil Nadu", No: 8}
	if diff := cmp.Diff([]SeatID{vellore}, noNOTA(e19)); diff != "" {
		t.Errorf("2019 seats without NOTA mismatch (-want +got):\n%s", diff)
	}
	if c, ok := e19.Constituency(vellore); !ok || c.Name != "VELLORE" {
		t.Errorf("2019 %v = %+v, %v; want VELLORE", vellore, c, ok)
	}
	// Independents stay separate candidates.
	if c, _ := e19.Constituency(SeatID{State: "Karnataka", No: 20}); c.Votes(Independent) <= c.Candidates[0].Votes {
		// Mandya 2019: Sumalatha (IND) won, with namesakes also standing as IND.
		t.Errorf("Mandya 2019: independents' total %d not above the winner's %d", c.Votes(Independent), c.Candidates[0].Votes)
	}
	if w, _ := e19.Constituency(SeatID{State: "Karnataka", No: 20}); w.Candidates[0].Party != Independent {
		t.Errorf("Mandya 2019 winner = %+v, want an independent", w.Candidates[0])
	}

	// Undivided Andhra Pradesh: 42 seats in 2009 and 2014; mapped to 2019
	// identities they are exactly the 2019 seats of AP and Telangana, and
	// mapping back restores the original.
	for _, e := range []*Election{e09, e14} {
		if n := len(e.State(AndhraPradesh)); n != 42 {
			t.Errorf("%d: %d seats in undivided AP, want 42", e.Year, n)
		}
		if n := len(e.State(Telangana)); n != 0 {
			t.Errorf("%d: %d seats in Telangana, want 0", e.Year, n)
		}
		m, err := e.MapSeats(AndhraPradeshTo2019)
		if err != nil {
			t.Fatalf("%d: MapSeats(AndhraPradeshTo2019): %v", e.Year, err)
		}
		if diff := cmp.Diff(e19.Seats(), m.Seats()); diff != "" {
			t.Errorf("%d mapped seats differ from 2019 (-2019 +mapped):\n%s", e.Year, diff)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("%d mapped: Validate() = %v", e.Year, err)
		}
		back, err := m.MapSeats(AndhraPradeshFrom2019)
		if err != nil {
			t.Fatalf("%d: MapSeats(AndhraPradeshFrom2019): %v", e.Year, err)
		}
		if diff := cmp.Diff(e, back); diff != "" {
			t.Errorf("%d round trip mismatch (-original +round trip):\n%s", e.Year, diff)
		}
	}
	// The mapping keeps the seat: 2014 AP 1 (Adilabad) is 2019 Telangana 1,
	// 2014 AP 18 is 2019 AP 1 (Araku).
	for _, tc := range []struct{ old, new SeatID }{
		{SeatID{AndhraPradesh, 1}, SeatID{Telangana, 1}},
		{SeatID{AndhraPradesh, 18}, SeatID{AndhraPradesh, 1}},
		{SeatID{AndhraPradesh, 42}, SeatID{AndhraPradesh, 25}},
	} {
		o, _ := e14.Constituency(tc.old)
		n, _ := e19.Constituency(tc.new)
		if o.Name != n.Name {
			t.Errorf("2014 %v is %q but 2019 %v is %q", tc.old, o.Name, tc.new, n.Name)
		}
	}
}

// realBases returns 2009, 2014 and 2019 as base elections in 2019's seat
// identities, with weights 0.2, 0.3, 0.5 and the 2019 UP alliance.
func realBases(tb testing.TB) []Base {
	tb.Helper()
	var bases []Base
	for _, b := range []struct {
		year   int
		weight float64
	}{{2009, 0.2}, {2014, 0.3}, {2019, 0.5}} {
		e := openData(tb, b.year)
		if b.year < 2019 {
			var err error
			if e, err = e.MapSeats(AndhraPradeshTo2019); err != nil {
				tb.Fatal(err)
			}
		}
		base := Base{Election: e, Weight: b.weight}
		if b.year == 2019 {
			base.Alliances = []Alliance{upAlliance2019}
		}
		if b.year == 2009 || b.year == 2014 {
			pm, err := NewPartyMap(Rename{From: "AD", To: []Successor{{"ADAL", 1}}})
			if err != nil {
				tb.Fatal(err)
			}
			base.Parties = pm
		}
		bases = append(bases, base)
	}
	return bases
}

func TestRealStrengthSP(t *testing.T) {
	bases := realBases(t)
	e19 := bases[2].Election
	var left []SeatID // UP seats without an SP candidate in 2019
	for _, c := range e19.State("Uttar Pradesh") {
		if _, ok := c.Candidate("SP"); !ok {
			left = append(left, c.ID())
		}
	}
	if len(left) != 43 {
		t.Fatalf("SP stood aside in %d UP seats in 2019, want 43", len(left))
	}
	// Amethi (36) and Rae Bareli (37) were left to INC by the whole
	// alliance, and SP stood in neither in 2009 or 2014 either: with the
	// default MissingZero they have no SP value at all. The other 41 seats
	// get SP's part of its partners' votes.
	amethi, raebareli := SeatID{"Uttar Pradesh", 36}, SeatID{"Uttar Pradesh", 37}
	for _, tc := range []struct {
		name  string
		bases []Base
		set   *StrengthSettings
		zero  []SeatID // seats where SP's share must be an ImputedZero 0
	}{
		{"2009+2014+2019", bases, nil, []SeatID{amethi, raebareli}},
		{"2009+2014+2019, state mean", bases, &StrengthSettings{Missing: MissingStateMean}, nil},
		{"2019 alone, state mean", bases[2:], &StrengthSettings{Missing: MissingStateMean}, nil},
		{"Uttar Pradesh alone", selectState(t, bases, "Uttar Pradesh"), nil, []SeatID{amethi, raebareli}},
		{"2019 alone, excluding NOTA", bases[2:], &StrengthSettings{Missing: MissingStateMean, ExcludeNOTA: true}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := EstimateStrength(tc.bases, tc.set)
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range left {
				c, ok := st.Lookup(id, "SP")
				if slices.Contains(tc.zero, id) {
					if !ok || c.Share != 0 || c.Flags != ImputedZero {
						t.Errorf("SP at %v = %+v (%v), want 0 flagged zero", id, c, c.Flags)
					}
					continue
				}
				if !ok || !(c.Share > 0) || c.Flags == 0 {
					t.Errorf("SP at %v = %+v (%v), want a positive, flagged share", id, c, c.Flags)
				}
			}
			// Where BJP fielded a candidate in every base, its cell is
			// observed: BJP was in no split alliance.
			for i, id := range st.Seats() {
				stood := true
				for _, b := range tc.bases {
					c, _ := b.Election.Constituency(id)
					_, ok := c.Candidate("BJP")
					stood = stood && ok
				}
				j, _ := st.PartyIndex("BJP")
				if cell := st.Cell(i, j); stood && cell.Flags != 0 {
					t.Errorf("BJP at %v flagged %v, want observed", id, cell.Flags)
				}
			}
		})
	}
}

// selectState restricts the bases to one state.
func selectState(tb testing.TB, bases []Base, state string) []Base {
	tb.Helper()
	out := slices.Clone(bases)
	for b := range out {
		e, err := out[b].Election.Select(state)
		if err != nil {
			tb.Fatal(err)
		}
		out[b].Election = e
	}
	return out
}

func BenchmarkReadResults2019(b *testing.B) {
	e := openData(b, 2019)
	var buf bytes.Buffer
	if err := WriteResults(&buf, e); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadResults(bytes.NewReader(data), "ls2019"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(8054, "rows/op")
}

func BenchmarkEstimateStrength(b *testing.B) {
	bases := realBases(b)
	b.ReportAllocs()
	var st *Strength
	for b.Loop() {
		var err error
		if st, err = EstimateStrength(bases, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(st.Seats())), "seats")
	b.ReportMetric(float64(len(st.Parties())), "parties")
}

// Estimating Uttar Pradesh alone gives the same cells as estimating the
// whole country: nothing in the method crosses a state border.
func TestRealStrengthStateLocal(t *testing.T) {
	bases := realBases(t)
	all, err := EstimateStrength(bases, &StrengthSettings{Missing: MissingStateMean})
	if err != nil {
		t.Fatal(err)
	}
	up, err := EstimateStrength(selectState(t, bases, "Uttar Pradesh"), &StrengthSettings{Missing: MissingStateMean})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(up.Seats()); n != 80 {
		t.Fatalf("UP table has %d seats, want 80", n)
	}
	for i, id := range up.Seats() {
		for j, p := range up.Parties() {
			want, ok := all.Lookup(id, p)
			if got := up.Cell(i, j); !ok || got != want {
				t.Fatalf("%s at %v: UP alone %+v, national %+v", p, id, got, want)
			}
		}
	}
}
