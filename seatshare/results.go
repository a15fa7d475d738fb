package seatshare

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Column names of a results file, in the order WriteResults writes them.
// ReadResults accepts the columns in any order, each exactly once.
var resultColumns = [...]string{
	"year", "state", "pc_no", "pc_name", "reserved",
	"party", "candidate", "votes", "valid_votes", "electors",
}

const (
	colYear = iota
	colState
	colPCNo
	colPCName
	colReserved
	colParty
	colCandidate
	colVotes
	colValidVotes
	colElectors
	numColumns
)

// DataEnv is the environment variable naming the directory that holds the
// real results files lsYYYY_candidates.csv. See OpenData.
const DataEnv = "SEATSHARE_DATA"

// Election is the result of one general election.
//
// A valid Election (see Validate) has at least one constituency, its
// constituencies sorted by SeatID with no identity repeated, and each
// constituency's candidates sorted as documented on Constituency.
type Election struct {
	Year           int
	Source         string // where the results were read from; "" when built in memory
	Constituencies []Constituency
}

// Seats returns the identities of the constituencies, in order.
func (e *Election) Seats() []SeatID {
	ids := make([]SeatID, len(e.Constituencies))
	for i := range e.Constituencies {
		ids[i] = e.Constituencies[i].ID()
	}
	return ids
}

// Index returns the index in Constituencies of the constituency id, and
// whether it exists. It takes O(log n) time and requires the constituencies
// to be sorted, as they are in a valid Election.
func (e *Election) Index(id SeatID) (int, bool) {
	return slices.BinarySearchFunc(e.Constituencies, id, func(c Constituency, id SeatID) int {
		return c.ID().Compare(id)
	})
}

// Constituency returns the constituency id, or nil and false when the
// election has none. The pointer refers into e.Constituencies. It takes
// O(log n) time.
func (e *Election) Constituency(id SeatID) (*Constituency, bool) {
	i, ok := e.Index(id)
	if !ok {
		return nil, false
	}
	return &e.Constituencies[i], true
}

// State returns the constituencies of state, a subslice of
// e.Constituencies (empty when the election has none there). It takes
// O(log n) time.
func (e *Election) State(state string) []Constituency {
	lo, _ := slices.BinarySearchFunc(e.Constituencies, state, func(c Constituency, s string) int {
		return strings.Compare(c.State, s)
	})
	hi := lo
	for hi < len(e.Constituencies) && e.Constituencies[hi].State == state {
		hi++
	}
	return e.Constituencies[lo:hi:hi]
}

// States returns the distinct states of the election, sorted.
func (e *Election) States() []string {
	var states []string
	for i := range e.Constituencies {
		if s := e.Constituencies[i].State; len(states) == 0 || states[len(states)-1] != s {
			states = append(states, s)
		}
	}
	return states
}

// Parties returns the distinct party labels of the election's candidates,
// sorted, without Independent.
func (e *Election) Parties() []string {
	seen := make(map[string]bool)
	for i := range e.Constituencies {
		for _, cand := range e.Constituencies[i].Candidates {
			if cand.Party != Independent {
				seen[cand.Party] = true
			}
		}
	}
	parties := make([]string, 0, len(seen))
	for p := range seen {
		parties = append(parties, p)
	}
	slices.Sort(parties)
	return parties
}

// WinsByParty returns the number of constituencies each party won in
// state, or in the whole election when state is "". Seats won by
// independents are counted under Independent. Parties that won nothing are
// absent from the map.
func (e *Election) WinsByParty(state string) map[string]int {
	cs := e.Constituencies
	if state != "" {
		cs = e.State(state)
	}
	wins := make(map[string]int)
	for i := range cs {
		if w, ok := cs[i].Winner(); ok {
			wins[w.Party]++
		}
	}
	return wins
}

// Select returns the election restricted to states, in the usual order,
// sharing the constituencies' candidate slices with e. It returns a
// *ValidationError naming the element ("states[1]") when a state has no
// constituencies in e or repeats. It takes O(n + k log n) time for n
// constituencies and k states.
func (e *Election) Select(states ...string) (*Election, error) {
	out := &Election{Year: e.Year, Source: e.Source}
	for i, st := range states {
		if slices.Contains(states[:i], st) {
			return nil, invalid(fmt.Sprintf("states[%d]", i), "state %q repeats", st)
		}
		cs := e.State(st)
		if len(cs) == 0 {
			return nil, invalid(fmt.Sprintf("states[%d]", i), "no state %q in the %d election", st, e.Year)
		}
		out.Constituencies = append(out.Constituencies, cs...)
	}
	slices.SortStableFunc(out.Constituencies, func(a, b Constituency) int { return a.ID().Compare(b.ID()) })
	return out, nil
}

// Sort puts the constituencies in SeatID order and each constituency's
// candidates in the order documented on Constituency, the orders Validate
// requires. Use it after building or editing an Election by hand. It
// takes O(n log n) time.
func (e *Election) Sort() {
	slices.SortStableFunc(e.Constituencies, func(a, b Constituency) int { return a.ID().Compare(b.ID()) })
	for i := range e.Constituencies {
		slices.SortStableFunc(e.Constituencies[i].Candidates, compareCandidates)
	}
}

// MapSeats returns a copy of e in which every constituency's identity is
// replaced by f(identity), re-sorted. Use it with AndhraPradeshTo2019 to
// put the 2009 or 2014 results in 2019's identities. The copy shares the
// candidate slices with e. MapSeats returns a *ValidationError when f
// gives two constituencies the same identity or gives an identity with an
// empty state or a number below 1. It takes O(n log n) time.
func (e *Election) MapSeats(f func(SeatID) SeatID) (*Election, error) {
	out := &Election{Year: e.Year, Source: e.Source, Constituencies: slices.Clone(e.Constituencies)}
	for i := range out.Constituencies {
		c := &out.Constituencies[i]
		id := f(c.ID())
		if id.State == "" || id.No < 1 {
			return nil, invalid(fmt.Sprintf("constituencies[%d]", i), "%v maps to invalid identity %q/%d", c.ID(), id.State, id.No)
		}
		c.State, c.No = id.State, id.No
	}
	slices.SortStableFunc(out.Constituencies, func(a, b Constituency) int { return a.ID().Compare(b.ID()) })
	for i := 1; i < len(out.Constituencies); i++ {
		if id := out.Constituencies[i].ID(); id == out.Constituencies[i-1].ID() {
			return nil, invalid("constituencies", "two constituencies map to %v", id)
		}
	}
	return out, nil
}

// Validate reports whether e is a valid Election, returning nil or a
// *ValidationError naming the first bad element, such as
// "constituencies[3].candidates[1].votes". The rules are those ReadResults
// enforces on a file (see there), plus the sort orders documented on
// Election and Constituency. It takes O(n log n) time in the number of
// candidates.
func (e *Election) Validate() error {
	if e.Year < 1 {
		return invalid("year", "%d is not positive", e.Year)
	}
	if len(e.Constituencies) == 0 {
		return invalid("constituencies", "no constituencies")
	}
	parties := make(map[string]int)
	for i := range e.Constituencies {
		c := &e.Constituencies[i]
		// The element paths are built only when there is an error.
		at := func(sub string) string { return fmt.Sprintf("constituencies[%d]%s", i, sub) }
		if err := checkText(c.State); err != nil {
			return &ValidationError{Field: at(".state"), Err: err}
		}
		if c.No < 1 {
			return invalid(at(".no"), "%d is not positive", c.No)
		}
		if i > 0 && e.Constituencies[i-1].ID().Compare(c.ID()) >= 0 {
			return invalid(at(""), "%v is not after %v", c.ID(), e.Constituencies[i-1].ID())
		}
		if err := checkText(c.Name); err != nil {
			return &ValidationError{Field: at(".name"), Err: err}
		}
		if c.Reserved > ST {
			return invalid(at(".reserved"), "%v is not GEN, SC or ST", c.Reserved)
		}
		if c.ValidVotes < 1 {
			return invalid(at(".valid_votes"), "%d is not positive", c.ValidVotes)
		}
		if c.Electors < c.ValidVotes {
			return invalid(at(".electors"), "%d fewer than valid_votes %d", c.Electors, c.ValidVotes)
		}
		if len(c.Candidates) == 0 {
			return invalid(at(".candidates"), "no candidates")
		}
		clear(parties)
		var sum int64
		for j, cand := range c.Candidates {
			cat := func(sub string) string { return at(fmt.Sprintf(".candidates[%d]%s", j, sub)) }
			if err := checkText(cand.Party); err != nil {
				return &ValidationError{Field: cat(".party"), Err: err}
			}
			if err := checkText(cand.Name); err != nil {
				return &ValidationError{Field: cat(".name"), Err: err}
			}
			if cand.Votes < 0 {
				return invalid(cat(".votes"), "%d is negative", cand.Votes)
			}
			if cand.Votes > c.ValidVotes-sum {
				return invalid(cat(".votes"), "candidates' votes sum to more than valid_votes %d", c.ValidVotes)
			}
			sum += cand.Votes
			if j > 0 {
				switch compareCandidates(c.Candidates[j-1], cand) {
				case 0:
					return invalid(cat(""), "duplicate candidate %q (%s)", cand.Name, cand.Party)
				case 1:
					return invalid(cat(""), "candidate %q is out of order (votes descending, then name, then party)", cand.Name)
				}
			}
			if cand.Party != Independent {
				if k, dup := parties[cand.Party]; dup {
					return invalid(cat(".party"), "party %s already has candidate %d", cand.Party, k)
				}
				parties[cand.Party] = j
			}
		}
	}
	return nil
}

// checkText reports why s cannot be a name or label, or nil.
func checkText(s string) error {
	switch {
	case s == "":
		return errors.New("empty")
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%q has leading or trailing space", s)
	}
	return nil
}

// pcState is what ReadResults remembers about a constituency while reading.
type pcState struct {
	sum  int64 // votes read so far
	rows []int // line of each candidate, parallel to Candidates
	// seen indexes the candidates by candKey once there are more than
	// linearScan of them; before that the duplicate check scans.
	seen map[candKey]int
}

// linearScan is the number of candidates of a constituency up to which
// the duplicate check scans them instead of using a map (real
// constituencies have about 15).
const linearScan = 32

// candKey identifies a candidate row for the duplicate check: a party
// label (other than Independent) may appear once per constituency, and
// independents are duplicates when name and votes both repeat.
type candKey struct {
	party string
	name  string
	votes int64
}

func keyOf(c Candidate) candKey {
	if c.Party == Independent {
		return candKey{party: c.Party, name: c.Name, votes: c.Votes}
	}
	return candKey{party: c.Party}
}

// duplicate returns the index of an earlier candidate of c that cand
// repeats, if any, and records cand (appended next) for later checks.
func (pc *pcState) duplicate(c *Constituency, cand Candidate) (int, bool) {
	if pc.seen == nil && len(c.Candidates) < linearScan {
		for k, prev := range c.Candidates {
			if prev.Party == cand.Party && (cand.Party != Independent || prev.Name == cand.Name && prev.Votes == cand.Votes) {
				return k, true
			}
		}
		return 0, false
	}
	key := keyOf(cand)
	if pc.seen == nil {
		pc.seen = make(map[candKey]int, 2*linearScan)
		for k, prev := range c.Candidates {
			pc.seen[keyOf(prev)] = k
		}
	}
	if k, dup := pc.seen[key]; dup {
		return k, true
	}
	pc.seen[key] = len(c.Candidates)
	return 0, false
}

// ReadResults reads candidate-level results in CSV from r. name is the
// source's name (usually a file name), used in errors and kept as
// Election.Source.
//
// The first line is a header naming the columns year, state, pc_no,
// pc_name, reserved, party, candidate, votes, valid_votes and electors, in
// any order, each exactly once. Every later line is one candidate. The
// rules, each reported as a *ParseError naming the line and column:
//
//   - every row has exactly one field per column;
//   - text fields are not empty and have no leading or trailing space;
//   - year, pc_no and valid_votes are positive integers; votes and
//     electors are integers, votes not negative;
//   - all rows have the same year;
//   - reserved is GEN, SC or ST;
//   - rows of one constituency (same state and pc_no) agree on pc_name,
//     reserved, valid_votes and electors;
//   - votes <= valid_votes, the votes of a constituency's candidates sum
//     to at most valid_votes (the rest is NOTA), and valid_votes <=
//     electors;
//   - a party other than Independent has at most one candidate per
//     constituency, and no independent's row (name and votes) repeats.
//
// When several rules fail, the error reports the first failing row, and in
// it the first failing column in the order of the list above. A header
// with no rows is an error. The returned Election is valid (see
// Election.Validate); the order of the input rows does not matter.
// ReadResults takes O(n log n) time in the number of rows: 6-7 ms and
// 1.8 MB for the 8054 rows of 2019 (BenchmarkReadResults2019, 2-core AMD
// EPYC, busy).
func ReadResults(r io.Reader, name string) (*Election, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	perr := func(row int, col int, format string, args ...any) error {
		field := ""
		if col >= 0 {
			field = resultColumns[col]
		}
		return &ParseError{File: name, Row: row, Field: field, Err: fmt.Errorf(format, args...)}
	}
	csvErr := func(err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &ParseError{File: name, Row: pe.StartLine, Err: pe.Err}
		}
		return fmt.Errorf("seatshare: reading %s: %w", name, err)
	}

	header, err := cr.Read()
	if err == io.EOF {
		return nil, perr(1, -1, "missing header")
	}
	if err != nil {
		return nil, csvErr(err)
	}
	var pos [numColumns]int // pos[col] = index of the column in the file
	for i := range pos {
		pos[i] = -1
	}
	for i, h := range header {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff") // byte order mark
		}
		col := slices.Index(resultColumns[:], h)
		switch {
		case col < 0:
			return nil, &ParseError{File: name, Row: 1, Field: h, Err: errors.New("unknown column")}
		case pos[col] >= 0:
			return nil, perr(1, col, "column repeats")
		}
		pos[col] = i
	}
	for col, p := range pos {
		if p < 0 {
			return nil, perr(1, col, "missing column")
		}
	}

	e := &Election{Source: name}
	var pcs []pcState // parallel to e.Constituencies
	index := make(map[SeatID]int, 600)
	last := -1 // the previous row's constituency: rows usually come grouped
	intern := make(map[string]string, 2000)
	internStr := func(s string) string {
		if t, ok := intern[s]; ok {
			return t
		}
		s = strings.Clone(s)
		intern[s] = s
		return s
	}
	yearRow := 0
	var f [numColumns]string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		row, _ := cr.FieldPos(0)
		if len(rec) != numColumns {
			return nil, perr(row, -1, "row has %d fields, header has %d", len(rec), numColumns)
		}
		for col := range f {
			f[col] = rec[pos[col]]
		}
		for _, col := range [...]int{colState, colPCName, colParty, colCandidate} {
			if err := checkText(f[col]); err != nil {
				return nil, &ParseError{File: name, Row: row, Field: resultColumns[col], Err: err}
			}
		}
		var num [numColumns]int64
		for _, col := range [...]int{colYear, colPCNo, colVotes, colValidVotes, colElectors} {
			v, err := strconv.ParseInt(f[col], 10, 64)
			if err != nil {
				if errors.Is(err, strconv.ErrRange) {
					return nil, perr(row, col, "%q is out of range", f[col])
				}
				return nil, perr(row, col, "%q is not an integer", f[col])
			}
			switch {
			case v < 0:
				return nil, perr(row, col, "%d is negative", v)
			case v == 0 && col != colVotes && col != colElectors:
				return nil, perr(row, col, "0 is not positive")
			}
			num[col] = v
		}
		if num[colYear] > 1<<31-1 || num[colPCNo] > 1<<31-1 {
			c := colYear
			if num[colYear] <= 1<<31-1 {
				c = colPCNo
			}
			return nil, perr(row, c, "%d is out of range", num[c])
		}
		year := int(num[colYear])
		if yearRow == 0 {
			e.Year, yearRow = year, row
		} else if year != e.Year {
			return nil, perr(row, colYear, "%d differs from %d on line %d", year, e.Year, yearRow)
		}
		reserved, err := ParseCategory(f[colReserved])
		if err != nil {
			return nil, perr(row, colReserved, "%q is not GEN, SC or ST", f[colReserved])
		}
		id := SeatID{State: f[colState], No: int(num[colPCNo])}
		k := last
		if k < 0 || e.Constituencies[k].No != id.No || e.Constituencies[k].State != id.State {
			var ok bool
			if k, ok = index[id]; !ok {
				id.State = internStr(id.State)
				k = len(e.Constituencies)
				index[id] = k
				pcs = append(pcs, pcState{rows: make([]int, 0, 16)})
				e.Constituencies = append(e.Constituencies, Constituency{
					State: id.State, No: id.No, Name: strings.Clone(f[colPCName]), Reserved: reserved,
					ValidVotes: num[colValidVotes], Electors: num[colElectors],
					Candidates: make([]Candidate, 0, 16),
				})
			}
		}
		last = k
		c, pc := &e.Constituencies[k], &pcs[k]
		first := row
		if len(pc.rows) > 0 {
			first = pc.rows[0]
		}
		switch {
		case f[colPCName] != c.Name:
			return nil, perr(row, colPCName, "%q differs from %q on line %d", f[colPCName], c.Name, first)
		case reserved != c.Reserved:
			return nil, perr(row, colReserved, "%v differs from %v on line %d", reserved, c.Reserved, first)
		}
		votes, valid := num[colVotes], num[colValidVotes]
		switch {
		case valid != c.ValidVotes:
			return nil, perr(row, colValidVotes, "%d differs from %d on line %d", valid, c.ValidVotes, first)
		case num[colElectors] != c.Electors:
			return nil, perr(row, colElectors, "%d differs from %d on line %d", num[colElectors], c.Electors, first)
		case votes > valid:
			return nil, perr(row, colVotes, "%d exceeds valid_votes %d", votes, valid)
		case votes > valid-pc.sum:
			return nil, perr(row, colVotes, "candidates' votes reach %d, more than valid_votes %d", pc.sum+votes, valid)
		case c.Electors < valid:
			return nil, perr(row, colElectors, "%d fewer than valid_votes %d", c.Electors, valid)
		}
		pc.sum += votes
		// The candidate's name shares memory with the rest of its line,
		// which encoding/csv allocates afresh for every record.
		cand := Candidate{Party: internStr(f[colParty]), Name: f[colCandidate], Votes: votes}
		if d, dup := pc.duplicate(c, cand); dup {
			if cand.Party == Independent {
				return nil, perr(row, colCandidate, "independent %q with %d votes repeats line %d", cand.Name, votes, pc.rows[d])
			}
			return nil, perr(row, colParty, "%s already has a candidate on line %d", cand.Party, pc.rows[d])
		}
		c.Candidates = append(c.Candidates, cand)
		pc.rows = append(pc.rows, row)
	}
	if len(e.Constituencies) == 0 {
		return nil, perr(1, -1, "header but no candidate rows")
	}
	e.Sort()
	return e, nil
}

// LoadResults reads the results file at path with ReadResults, using the
// path as the source name.
func LoadResults(path string) (*Election, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadResults(f, path)
}

// OpenData loads lsYYYY_candidates.csv for year from the directory named
// by the environment variable DataEnv (SEATSHARE_DATA). It returns an
// error wrapping ErrNoData when the variable is not set, and a
// *ParseError when the file's rows are not all of year.
func OpenData(year int) (*Election, error) {
	dir := os.Getenv(DataEnv)
	if dir == "" {
		return nil, ErrNoData
	}
	path := filepath.Join(dir, fmt.Sprintf("ls%d_candidates.csv", year))
	e, err := LoadResults(path)
	if err != nil {
		return nil, err
	}
	if e.Year != year {
		return nil, &ParseError{File: path, Row: 2, Field: "year", Err: fmt.Errorf("file holds %d, not %d", e.Year, year)}
	}
	return e, nil
}

// WriteResults writes e to w as CSV in the format ReadResults reads, with
// the columns in the order year, state, pc_no, pc_name, reserved, party,
// candidate, votes, valid_votes, electors, and the rows in e's order. It
// first validates e and returns its *ValidationError, writing nothing,
// when e is not valid. ReadResults of the output gives back e (with the
// new source name).
func WriteResults(w io.Writer, e *Election) error {
	if err := e.Validate(); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(resultColumns[:]); err != nil {
		return err
	}
	year := strconv.Itoa(e.Year)
	rec := make([]string, numColumns)
	for i := range e.Constituencies {
		c := &e.Constituencies[i]
		rec[colYear], rec[colState], rec[colPCNo] = year, c.State, strconv.Itoa(c.No)
		rec[colPCName], rec[colReserved] = c.Name, c.Reserved.String()
		rec[colValidVotes] = strconv.FormatInt(c.ValidVotes, 10)
		rec[colElectors] = strconv.FormatInt(c.Electors, 10)
		for _, cand := range c.Candidates {
			rec[colParty], rec[colCandidate] = cand.Party, cand.Name
			rec[colVotes] = strconv.FormatInt(cand.Votes, 10)
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
