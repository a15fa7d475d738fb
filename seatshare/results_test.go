package seatshare_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/seatsharetest"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

const header = "year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n"

// parseErr is the comparable view of a *seatshare.ParseError.
type parseErr struct {
	File  string
	Row   int
	Field string
	Msg   string
}

func viewParseError(t *testing.T, err error) parseErr {
	t.Helper()
	var pe *seatshare.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	return parseErr{File: pe.File, Row: pe.Row, Field: pe.Field, Msg: pe.Err.Error()}
}

func TestReadResultsBadInput(t *testing.T) {
	const ok = "2019,UP,1,AMETHI,GEN,BJP,A,60,100,200\n"
	tests := []struct {
		name   string
		csv    string
		want   parseErr
		reason string
	}{
		{"empty", "", parseErr{"f.csv", 1, "", "missing header"}, "no header at all"},
		{"missing column", strings.Replace(header, ",electors", "", 1) + "2019,UP,1,AMETHI,GEN,BJP,A,60,100\n",
			parseErr{"f.csv", 1, "electors", "missing column"}, "every column is required"},
		{"unknown column", strings.Replace(header, "\n", ",turnout\n", 1) + strings.Replace(ok, "\n", ",0.5\n", 1),
			parseErr{"f.csv", 1, "turnout", "unknown column"}, "extra columns are not silently ignored"},
		{"repeated column", strings.Replace(header, "\n", ",votes\n", 1) + strings.Replace(ok, "\n", ",60\n", 1),
			parseErr{"f.csv", 1, "votes", "column repeats"}, "which of the two would count?"},
		{"header only", header, parseErr{"f.csv", 1, "", "header but no candidate rows"}, "an election has seats"},
		{"short row", header + "2019,UP,1,AMETHI,GEN,BJP,A,60,100\n",
			parseErr{"f.csv", 2, "", "row has 9 fields, header has 10"}, "missing field"},
		{"long row", header + "2019,UP,1,AMETHI,GEN,BJP,A,60,100,200,7\n",
			parseErr{"f.csv", 2, "", "row has 11 fields, header has 10"}, "extra field"},
		{"bad integer", header + "2019,UP,1,AMETHI,GEN,BJP,A,6O,100,200\n",
			parseErr{"f.csv", 2, "votes", `"6O" is not an integer`}, "letter O for zero"},
		{"empty integer", header + "2019,UP,1,AMETHI,GEN,BJP,A,,100,200\n",
			parseErr{"f.csv", 2, "votes", `"" is not an integer`}, "blank votes are not zero"},
		{"overflow", header + "2019,UP,1,AMETHI,GEN,BJP,A,60,99999999999999999999,200\n",
			parseErr{"f.csv", 2, "valid_votes", `"99999999999999999999" is out of range`}, "beyond int64"},
		{"negative votes", header + "2019,UP,1,AMETHI,GEN,BJP,A,-5,100,200\n",
			parseErr{"f.csv", 2, "votes", "-5 is negative"}, "votes are counts"},
		{"zero pc_no", header + "2019,UP,0,AMETHI,GEN,BJP,A,60,100,200\n",
			parseErr{"f.csv", 2, "pc_no", "0 is not positive"}, "seats are numbered from 1"},
		{"zero valid votes", header + "2019,UP,1,AMETHI,GEN,BJP,A,0,0,200\n",
			parseErr{"f.csv", 2, "valid_votes", "0 is not positive"}, "shares would divide by zero"},
		{"votes above valid", header + "2019,UP,1,AMETHI,GEN,BJP,A,150,100,200\n",
			parseErr{"f.csv", 2, "votes", "150 exceeds valid_votes 100"}, "a candidate cannot poll more than all valid votes"},
		{"sum above valid", header + ok + "2019,UP,1,AMETHI,GEN,INC,B,70,100,200\n",
			parseErr{"f.csv", 3, "votes", "candidates' votes reach 130, more than valid_votes 100"}, "valid votes include every candidate's"},
		{"electors below valid", header + "2019,UP,1,AMETHI,GEN,BJP,A,60,100,90\n",
			parseErr{"f.csv", 2, "electors", "90 fewer than valid_votes 100"}, "turnout above 100%"},
		{"inconsistent valid votes", header + ok + "2019,UP,1,AMETHI,GEN,INC,B,30,120,200\n",
			parseErr{"f.csv", 3, "valid_votes", "120 differs from 100 on line 2"}, "one constituency, one total"},
		{"inconsistent electors", header + ok + "2019,UP,1,AMETHI,GEN,INC,B,30,100,201\n",
			parseErr{"f.csv", 3, "electors", "201 differs from 200 on line 2"}, "one constituency, one roll"},
		{"inconsistent name", header + ok + "2019,UP,1,AMETHY,GEN,INC,B,30,100,200\n",
			parseErr{"f.csv", 3, "pc_name", `"AMETHY" differs from "AMETHI" on line 2`}, "a typo would split nothing but must not pass"},
		{"inconsistent reserved", header + ok + "2019,UP,1,AMETHI,SC,INC,B,30,100,200\n",
			parseErr{"f.csv", 3, "reserved", "SC differs from GEN on line 2"}, "a seat has one category"},
		{"mixed years", header + ok + "2014,UP,2,RAE BARELI,GEN,INC,B,30,100,200\n",
			parseErr{"f.csv", 3, "year", "2014 differs from 2019 on line 2"}, "one file, one election"},
		{"bad reserved", header + "2019,UP,1,AMETHI,OBC,BJP,A,60,100,200\n",
			parseErr{"f.csv", 2, "reserved", `"OBC" is not GEN, SC or ST`}, "Lok Sabha seats are GEN, SC or ST"},
		{"lower-case reserved", header + "2019,UP,1,AMETHI,gen,BJP,A,60,100,200\n",
			parseErr{"f.csv", 2, "reserved", `"gen" is not GEN, SC or ST`}, "no silent case folding"},
		{"duplicate party", header + ok + "2019,UP,1,AMETHI,GEN,BJP,B,30,100,200\n",
			parseErr{"f.csv", 3, "party", "BJP already has a candidate on line 2"}, "a party fields one candidate per seat"},
		{"duplicate independent", header + "2019,UP,1,AMETHI,GEN,IND,X,5,100,200\n" + ok + "2019,UP,1,AMETHI,GEN,IND,X,5,100,200\n",
			parseErr{"f.csv", 4, "candidate", `independent "X" with 5 votes repeats line 2`}, "a repeated row would double-count"},
		{"empty party", header + "2019,UP,1,AMETHI,GEN,,A,60,100,200\n",
			parseErr{"f.csv", 2, "party", "empty"}, "every candidate has a label (IND for independents)"},
		{"empty candidate", header + "2019,UP,1,AMETHI,GEN,BJP,,60,100,200\n",
			parseErr{"f.csv", 2, "candidate", "empty"}, "every candidate has a name"},
		{"padded state", header + "2019, UP,1,AMETHI,GEN,BJP,A,60,100,200\n",
			parseErr{"f.csv", 2, "state", `" UP" has leading or trailing space`}, "' UP' and 'UP' would be different states"},
		{"bare quote", header + "2019,UP,1,AMETHI,GEN,BJP,A \"B\",60,100,200\n",
			parseErr{"f.csv", 2, "", `bare " in non-quoted-field`}, "CSV syntax"},
		{"line after multi-line field", header + "2019,UP,1,AMETHI,GEN,BJP,\"A\nB\",60,100,200\n2019,UP,1,AMETHI,GEN,INC,C,-1,100,200\n",
			parseErr{"f.csv", 4, "votes", "-1 is negative"}, "rows are numbered by line, and a quoted field can span lines"},
		{"zero year", header + "0,UP,1,AMETHI,GEN,BJP,A,60,100,200\n",
			parseErr{"f.csv", 2, "year", "0 is not positive"}, "no year 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := seatshare.ReadResults(strings.NewReader(tt.csv), "f.csv")
			if err == nil {
				t.Fatalf("ReadResults(%q) = %+v, nil; want error (%s)", tt.csv, e, tt.reason)
			}
			if e != nil {
				t.Errorf("ReadResults returned an election with error %v", err)
			}
			if diff := cmp.Diff(tt.want, viewParseError(t, err)); diff != "" {
				t.Errorf("ReadResults(%q) error mismatch (-want +got) (%s):\n%s", tt.csv, tt.reason, diff)
			}
		})
	}
}

func TestReadResultsQuirks(t *testing.T) {
	// Columns in another order, a byte order mark, rows out of order, two
	// independents with the same name (namesakes are common), a quoted
	// name with a comma, and a NOTA gap of 5 votes in seat 1.
	const in = "\ufeffstate,year,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n" +
		"UP,2019,2,RAE BARELI,GEN,INC,SONIA,70,100,150\n" +
		"UP,2019,1,AMETHI,GEN,IND,RAM,10,100,150\n" +
		"UP,2019,1,AMETHI,GEN,BJP,SMRITI,50,100,150\n" +
		"UP,2019,1,AMETHI,GEN,IND,RAM,5,100,150\n" +
		"UP,2019,1,AMETHI,GEN,INC,\"GANDHI, RAHUL\",30,100,150\n" +
		"Bihar,2019,40,JAMUI,SC,LJP,CHIRAG,80,90,120\n"
	got, err := seatshare.ReadResults(strings.NewReader(in), "quirks.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := &seatshare.Election{Year: 2019, Source: "quirks.csv", Constituencies: []seatshare.Constituency{
		{State: "Bihar", No: 40, Name: "JAMUI", Reserved: seatshare.SC, ValidVotes: 90, Electors: 120,
			Candidates: []seatshare.Candidate{{"LJP", "CHIRAG", 80}}},
		{State: "UP", No: 1, Name: "AMETHI", ValidVotes: 100, Electors: 150, Candidates: []seatshare.Candidate{
			{"BJP", "SMRITI", 50}, {"INC", "GANDHI, RAHUL", 30}, {"IND", "RAM", 10}, {"IND", "RAM", 5}}},
		{State: "UP", No: 2, Name: "RAE BARELI", ValidVotes: 100, Electors: 150,
			Candidates: []seatshare.Candidate{{"INC", "SONIA", 70}}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("ReadResults mismatch (-want +got):\n%s", diff)
	}
	amethi, _ := got.Constituency(seatshare.SeatID{State: "UP", No: 1})
	type summary struct {
		Winner            seatshare.Candidate
		NOTA, Polled, IND int64
		ShareBJP          float64
	}
	w, _ := amethi.Winner()
	gotS := summary{w, amethi.NOTA(), amethi.Polled(), amethi.Votes(seatshare.Independent), amethi.Share("BJP")}
	wantS := summary{seatshare.Candidate{"BJP", "SMRITI", 50}, 5, 95, 15, 0.5}
	if diff := cmp.Diff(wantS, gotS); diff != "" {
		t.Errorf("Amethi mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"BJP": 1, "INC": 1}, got.WinsByParty("UP")); diff != "" {
		t.Errorf("WinsByParty(UP) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"BJP": 1, "INC": 1, "LJP": 1}, got.WinsByParty("")); diff != "" {
		t.Errorf("WinsByParty() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"BJP", "INC", "LJP"}, got.Parties()); diff != "" {
		t.Errorf("Parties() mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Bihar", "UP"}, got.States()); diff != "" {
		t.Errorf("States() mismatch (-want +got):\n%s", diff)
	}
	if n := len(got.State("Kerala")); n != 0 {
		t.Errorf("State(Kerala) has %d seats, want 0", n)
	}
	up, err := got.Select("UP")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Constituencies[1:], up.Constituencies); diff != "" {
		t.Errorf("Select(UP) mismatch (-want +got):\n%s", diff)
	}
	for _, states := range [][]string{{"Kerala"}, {"UP", "UP"}} {
		if _, err := got.Select(states...); !errors.Is(err, seatshare.ErrInvalid) {
			t.Errorf("Select(%q) = %v, want ErrInvalid", states, err)
		}
	}
}

func TestValidate(t *testing.T) {
	valid := func() *seatshare.Election {
		return &seatshare.Election{Year: 2019, Constituencies: []seatshare.Constituency{
			{State: "A", No: 1, Name: "ONE", ValidVotes: 100, Electors: 100, Candidates: []seatshare.Candidate{{"P", "X", 60}, {"Q", "Y", 40}}},
			{State: "A", No: 2, Name: "TWO", ValidVotes: 100, Electors: 100, Candidates: []seatshare.Candidate{{"P", "Z", 60}}},
		}}
	}
	tests := []struct {
		name   string
		edit   func(e *seatshare.Election)
		want   string // ValidationError.Field
		reason string
	}{
		{"year", func(e *seatshare.Election) { e.Year = 0 }, "year", "years are positive"},
		{"empty", func(e *seatshare.Election) { e.Constituencies = nil }, "constituencies", "an election has seats"},
		{"unsorted seats", func(e *seatshare.Election) { e.Constituencies[1].No = 1 }, "constituencies[1]", "identities repeat"},
		{"bad category", func(e *seatshare.Election) { e.Constituencies[0].Reserved = 7 }, "constituencies[0].reserved", "GEN, SC or ST"},
		{"electors", func(e *seatshare.Election) { e.Constituencies[1].Electors = 99 }, "constituencies[1].electors", "turnout above 100%"},
		{"sum", func(e *seatshare.Election) { e.Constituencies[0].Candidates[1].Votes = 41 }, "constituencies[0].candidates[1].votes", "101 > 100"},
		{"order", func(e *seatshare.Election) {
			e.Constituencies[0].Candidates = []seatshare.Candidate{{"P", "Y", 10}, {"Q", "X", 10}}
		}, "constituencies[0].candidates[1]", "equal votes sort by name"},
		{"duplicate party", func(e *seatshare.Election) { e.Constituencies[0].Candidates[1].Party = "P" }, "constituencies[0].candidates[1].party", "one candidate per party"},
		{"no candidates", func(e *seatshare.Election) { e.Constituencies[1].Candidates = nil }, "constituencies[1].candidates", "someone stood"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := valid()
			tt.edit(e)
			err := e.Validate()
			var ve *seatshare.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, seatshare.ErrInvalid) {
				t.Fatalf("Validate() = %v, want a *ValidationError (%s)", err, tt.reason)
			}
			if ve.Field != tt.want {
				t.Errorf("Validate() field = %q, want %q (%v)", ve.Field, tt.want, err)
			}
		})
	}
	if err := valid().Validate(); err != nil {
		t.Errorf("Validate() of the valid election = %v", err)
	}
}

func TestMapSeatsCollision(t *testing.T) {
	e := &seatshare.Election{Year: 2014, Constituencies: []seatshare.Constituency{
		{State: "A", No: 1, Name: "ONE", ValidVotes: 1, Electors: 1, Candidates: []seatshare.Candidate{{"P", "X", 1}}},
		{State: "A", No: 2, Name: "TWO", ValidVotes: 1, Electors: 1, Candidates: []seatshare.Candidate{{"P", "X", 1}}},
	}}
	_, err := e.MapSeats(func(seatshare.SeatID) seatshare.SeatID { return seatshare.SeatID{State: "B", No: 1} })
	if !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("MapSeats onto one seat = %v, want ErrInvalid", err)
	}
	_, err = e.MapSeats(func(id seatshare.SeatID) seatshare.SeatID { return seatshare.SeatID{State: id.State, No: id.No - 1} })
	if !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("MapSeats onto seat 0 = %v, want ErrInvalid", err)
	}
}

func TestAndhraPradeshMapping(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		no := rapid.IntRange(1, 42).Draw(t, "no")
		old := seatshare.SeatID{State: seatshare.AndhraPradesh, No: no}
		got := seatshare.AndhraPradeshTo2019(old)
		if back := seatshare.AndhraPradeshFrom2019(got); back != old {
			t.Fatalf("From2019(To2019(%v)) = %v", old, back)
		}
		wantState, wantNo := seatshare.Telangana, no
		if no > 17 {
			wantState, wantNo = seatshare.AndhraPradesh, no-17
		}
		if got != (seatshare.SeatID{State: wantState, No: wantNo}) {
			t.Fatalf("To2019(%v) = %v", old, got)
		}
		other := seatshare.SeatID{State: rapid.SampledFrom([]string{"Kerala", "Uttar Pradesh"}).Draw(t, "state"), No: no}
		if seatshare.AndhraPradeshTo2019(other) != other || seatshare.AndhraPradeshFrom2019(other) != other {
			t.Fatalf("mapping changed %v", other)
		}
	})
}

// TestRoundTrip checks that generated elections are valid, that writing
// and reading gives them back, and that the order of the rows does not
// matter.
func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		e := seatsharetest.Election(2019).Draw(t, "e")
		if err := e.Validate(); err != nil {
			t.Fatalf("generated election invalid: %v", err)
		}
		var buf bytes.Buffer
		if err := seatshare.WriteResults(&buf, e); err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(strings.TrimSuffix(buf.String(), "\n"), "\n")
		rows := lines[1:]
		for i := range rows {
			rows[i] = strings.TrimSuffix(rows[i], "\n") + "\n"
		}
		perm := rapid.Permutation(rows).Draw(t, "perm")
		in := lines[0] + strings.Join(perm, "")
		got, err := seatshare.ReadResults(strings.NewReader(in), "")
		if err != nil {
			t.Fatalf("ReadResults(permuted %q): %v", in, err)
		}
		if diff := cmp.Diff(e, got); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

func TestOpenDataUnset(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	if _, err := seatshare.OpenData(2019); !errors.Is(err, seatshare.ErrNoData) || !strings.Contains(err.Error(), "SEATSHARE_DATA") {
		t.Errorf("OpenData with %s unset = %v, want ErrNoData naming the variable", seatshare.DataEnv, err)
	}
	t.Setenv(seatshare.DataEnv, t.TempDir())
	if _, err := seatshare.OpenData(2019); err == nil {
		t.Errorf("OpenData in an empty directory = nil error")
	}
}

func TestCategory(t *testing.T) {
	for _, c := range []seatshare.Category{seatshare.General, seatshare.SC, seatshare.ST} {
		got, err := seatshare.ParseCategory(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c.String(), got, err)
		}
	}
	if _, err := seatshare.ParseCategory("OBC"); !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("ParseCategory(OBC) = %v, want ErrInvalid", err)
	}
	if got := fmt.Sprint(seatshare.Category(9)); got != "Category(9)" {
		t.Errorf("Category(9).String() = %q", got)
	}
}
