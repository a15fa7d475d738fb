package seatshare

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
)

// Scenario describes a seat-sharing question. Its JSON form is documented
// field by field below and by the complete example
// testdata/scenario/uttarpradesh.json; ReadScenario reads it.
//
// Fields that hold model parameters with no natural zero (the transfer
// rates, lambda, the link, the copula) are pointers: they must be given,
// and a missing one is an error rather than a silent default.
type Scenario struct {
	// Name describes the scenario in reports.
	Name string `json:"name,omitempty"`
	// States are the states (or union territories) whose seats are shared;
	// empty means every state of the base elections.
	States []string `json:"states,omitempty"`
	// Alliance lists the members, in the order reports use.
	Alliance []Member `json:"alliance"`
	// Separate lists states where "no alliance candidate" is an option in
	// every seat: the members contest separately, and the alliance wins
	// the seat with probability min(1, sum over members of each one's
	// probability standing alone against everyone else). The option is
	// labelled SeparateOption in plans; demands do not count it.
	Separate []string `json:"separate,omitempty"`
	// Friendly lists the friendly fights allowed: in the seats of each, two
	// members may both contest, as an option that counts for both (see
	// FriendlyFight).
	Friendly []FriendlyFight `json:"friendly,omitempty"`
	// Rival lists the parties of the rival bloc. In each seat the rival
	// member with the largest base strength (the first listed on a tie) is
	// the rival candidate and the others transfer to it. Empty means no
	// rival bloc: every non-member contests alone.
	Rival []string `json:"rival,omitempty"`
	// Bases are the base elections of the strength estimate; their weights
	// must sum to 1.
	Bases []BaseElection `json:"bases"`
	// PartyMap maps old party labels onto the labels used here, for every
	// base election (AD became ADAL).
	PartyMap []Rename `json:"party_map,omitempty"`
	// Overrides set cells of the strength table by hand.
	Overrides []ShareOverride `json:"overrides,omitempty"`
	// Strength holds the options of the strength estimate.
	Strength StrengthOptions `json:"strength"`
	// Model holds the win-probability model's parameters.
	Model ModelSpec `json:"model"`
	// Demands are count bounds: a party gets between Min and Max seats of a
	// set.
	Demands []Demand `json:"demands,omitempty"`
	// Locks give a seat to a party.
	Locks []Pin `json:"locks,omitempty"`
	// Vetoes keep a party out of a seat.
	Vetoes []Pin `json:"vetoes,omitempty"`
	// Rows are general linear demands, such as "INC + RLD >= 20 in UP".
	Rows []Row `json:"rows,omitempty"`
	// Rules generate demands, such as "sitting members keep their seats".
	Rules []Rule `json:"rules,omitempty"`
	// Target is the number of seats whose probability the plan reports
	// (P(total >= Target)); 0 means none.
	Target int `json:"target,omitempty"`
	// Simulation sets the Monte Carlo simulation of the total.
	Simulation SimulationSpec `json:"simulation"`
}

// Member is an alliance member and the states where it is in the alliance.
type Member struct {
	Party string `json:"party"`
	// States lists the states where the party is a member; empty means all
	// of the scenario's states. Elsewhere it contests alone.
	States []string `json:"states,omitempty"`
}

// BaseElection is a base election of the strength estimate.
type BaseElection struct {
	// Year names the general election; the Source loads it.
	Year int `json:"year"`
	// Weight is the election's weight, positive; the weights of all bases
	// sum to 1 (EstimateStrength renormalises them over the bases a party
	// contested).
	Weight float64 `json:"weight"`
	// Alliances are the pre-election alliances of that election, whose
	// candidates' votes are split among the partners.
	Alliances []PastAlliance `json:"alliances,omitempty"`
}

// PastAlliance is an alliance that fought a base election (see Alliance).
type PastAlliance struct {
	Name    string   `json:"name,omitempty"`
	Members []string `json:"members"`
	States  []string `json:"states,omitempty"`
	// Split is "strength" (the default when empty), "equal" or "fixed".
	Split string `json:"split,omitempty"`
	// Fractions are the members' fractions for the "fixed" split.
	Fractions map[string]float64 `json:"fractions,omitempty"`
}

// ShareOverride sets one cell of the strength table (see Override).
type ShareOverride struct {
	State string  `json:"state"`
	No    int     `json:"pc_no"`
	Party string  `json:"party"`
	Share float64 `json:"share"`
}

// StrengthOptions are the options of the strength estimate (see
// StrengthSettings).
type StrengthOptions struct {
	// ExcludeNOTA divides by the votes cast for candidates rather than by
	// valid votes.
	ExcludeNOTA bool `json:"exclude_nota,omitempty"`
	// Missing is "zero" (the default when empty) or "state-mean".
	Missing string `json:"missing,omitempty"`
}

// ModelSpec holds the parameters of the win-probability model of
// DESIGN.md: the margin m = V - Opp + swing + adjust and w = F(m).
type ModelSpec struct {
	// Transfer is the alliance's vote-transfer matrix tau; when it (or its
	// Default) is missing, the default rate is DefaultTransfer.
	Transfer *TransferSpec `json:"transfer,omitempty"`
	// RivalTransfer is the rival bloc's own transfer matrix, used when the
	// rival bloc has two or more parties; missing means DefaultTransfer.
	RivalTransfer *TransferSpec `json:"rival_transfer,omitempty"`
	// Lambda is the part of the alliance's untransferred vote that goes to
	// the rival candidate, in [0, 1], and 0 without a rival; missing means
	// DefaultLambda.
	Lambda *float64 `json:"lambda,omitempty"`
	// Link turns a margin into a win probability; missing means the probit
	// with DefaultSigma. The missing parameters are filled by NewPlanner
	// and listed in Plan.ModelDefaults (see DefaultModel for their source).
	Link *LinkSpec `json:"link,omitempty"`
	// Swing moves every margin toward the alliance.
	Swing SwingSpec `json:"swing"`
	// Adjust adds to one candidate's margin in one seat.
	Adjust []Adjustment `json:"adjust,omitempty"`
	// Copula sets how seats move together in the simulation; required when
	// Simulation.Scenarios is positive.
	Copula *CopulaSpec `json:"copula,omitempty"`
}

// TransferSpec is a vote-transfer matrix: Default for every pair, Pairs for
// the exceptions. Rates are in [0, 1].
type TransferSpec struct {
	Default *float64   `json:"default,omitempty"`
	Pairs   []PairRate `json:"pairs,omitempty"`
}

// PairRate is the transfer rate from party From's voters to party To's
// candidate.
type PairRate struct {
	From string  `json:"from"`
	To   string  `json:"to"`
	Rate float64 `json:"rate"`
}

// LinkSpec chooses the link: exactly one of Probit and Logistic.
type LinkSpec struct {
	// Probit is F(m) = Phi(m / sigma).
	Probit *ProbitSpec `json:"probit,omitempty"`
	// Logistic is F(m) = 1 / (1 + exp(-m / scale)).
	Logistic *LogisticSpec `json:"logistic,omitempty"`
}

// ProbitSpec is the probit link's parameter, in vote-share points (0.08 is
// eight points).
type ProbitSpec struct {
	Sigma float64 `json:"sigma"`
}

// LogisticSpec is the logistic link's parameter, in vote-share points.
type LogisticSpec struct {
	Scale float64 `json:"scale"`
}

// SwingSpec is a uniform swing toward the alliance: National everywhere plus
// each state's own, in vote-share points (0.02 moves every margin by two
// points).
type SwingSpec struct {
	National float64      `json:"national,omitempty"`
	States   []StateSwing `json:"states,omitempty"`
}

// StateSwing is one state's swing, added to the national one.
type StateSwing struct {
	State string  `json:"state"`
	Swing float64 `json:"swing"`
}

// Adjustment adds Value (vote-share points) to the margin of Party's
// candidate in one seat: what the data cannot know, such as a strong
// candidate.
type Adjustment struct {
	State string  `json:"state"`
	No    int     `json:"pc_no"`
	Party string  `json:"party"`
	Value float64 `json:"value"`
}

// CopulaSpec gives the national and state loadings of the Gaussian copula
// (see scoring.Copula); the seat loading is the rest.
type CopulaSpec struct {
	National float64 `json:"national"`
	State    float64 `json:"state"`
}

// SimulationSpec sets the Monte Carlo simulation: Scenarios draws (0 means
// none) from a PCG stream seeded with (Seed, 0).
type SimulationSpec struct {
	Scenarios int    `json:"scenarios,omitempty"`
	Seed      uint64 `json:"seed,omitempty"`
}

// SeatSet is a set of seats: a state, a reservation category, a state and
// a category, or a list of seats. All fields empty means every seat of the
// scenario. Seats excludes the other two fields.
type SeatSet struct {
	State string `json:"state,omitempty"`
	// Category is "GEN", "SC" or "ST".
	Category string    `json:"category,omitempty"`
	Seats    []SeatRef `json:"seats,omitempty"`
}

// SeatRef names a seat by state and number.
type SeatRef struct {
	State string `json:"state"`
	No    int    `json:"pc_no"`
}

// Demand says that Party gets between Min and Max seats of a set.
type Demand struct {
	// Name labels the demand in reports; empty means one is made up from
	// the party and the set.
	Name  string `json:"name,omitempty"`
	Party string `json:"party"`
	SeatSet
	// Min is the least number of seats, 0 for none.
	Min int `json:"min,omitempty"`
	// Max is the largest number of seats; nil means no upper limit.
	Max *int `json:"max,omitempty"`
}

// Pin is a lock or a veto: one seat and one party.
type Pin struct {
	State string `json:"state"`
	No    int    `json:"pc_no"`
	Party string `json:"party"`
	// Reason is free text for reports, such as "Amethi is not negotiable".
	Reason string `json:"reason,omitempty"`
}

// Row is a general linear demand: the sum over Terms of Coef times the
// number of seats Party gets in the term's set, compared with RHS.
type Row struct {
	Name  string `json:"name,omitempty"`
	Terms []Term `json:"terms"`
	// Sense is "<=", ">=" or "=".
	Sense string  `json:"sense"`
	RHS   float64 `json:"rhs"`
}

// Term is Coef (1 when nil) times the number of seats Party gets in a set.
type Term struct {
	Party string `json:"party"`
	SeatSet
	Coef *float64 `json:"coef,omitempty"`
}

// Rule is a fairness rule in a scenario document. NewPlanner turns each
// into its FairnessRule value (see Planner.Rules), which generates the
// demands that enforce it and checks the plan. Three kinds exist:
//
//   - "sitting" (SittingRule): every seat of the scenario won in Year by an
//     alliance member that is in the alliance there is locked to that
//     member.
//   - "quota" (QuotaRule): in each state of the scenario, each member's
//     seats lie within the floor and ceiling of its exact quota of the
//     state's seats, seats*claim/total over the members in the alliance
//     there (see scoring.Quotas). Claim says what the quota is proportional
//     to: "votes" (the members' votes in Year), "wins" (seats won in Year),
//     "seconds" (seats where the party came second in Year) or "numbers"
//     (the counts in Numbers, such as MLAs, with Year 0).
//   - "individual-rationality" (IndividualRationality): each member's
//     expected wins are at least what it expects alone, v({member}); no
//     Year, Claim or Numbers. NewPlanner computes the values with
//     Planner.CoalitionValue: one more planner build and solve per member.
type Rule struct {
	Kind  string `json:"kind"`
	Year  int    `json:"year,omitempty"`
	Claim string `json:"claim,omitempty"`
	// Numbers are the members' claims for Claim "numbers", non-negative.
	Numbers map[string]int64 `json:"numbers,omitempty"`
}

// ScenarioError reports a bad scenario. Field is the path of the bad
// element in the JSON document, such as "demands[2].max", or empty when the
// document as a whole is malformed. A ScenarioError matches both ErrInvalid
// and Err with errors.Is.
type ScenarioError struct {
	Source string // the name given to ReadScenario, or "" for a Scenario built in memory
	Field  string // JSON path of the bad element
	Err    error  // what is wrong
}

// Error returns "seatshare: invalid input: scenario SOURCE: FIELD: ERR".
func (e *ScenarioError) Error() string {
	var b strings.Builder
	b.WriteString(ErrInvalid.Error())
	b.WriteString(": scenario")
	if e.Source != "" {
		b.WriteString(" " + e.Source)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Err.Error())
	return b.String()
}

// Unwrap returns ErrInvalid and the underlying error.
func (e *ScenarioError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// serr returns a *ScenarioError without a source.
func serr(field, format string, args ...any) error {
	return &ScenarioError{Field: field, Err: fmt.Errorf(format, args...)}
}

// maxScenarioBytes caps the size of a scenario document, so that a reader
// cannot make ReadScenario hold an unbounded input in memory.
const maxScenarioBytes = 16 << 20

// maxScenarios caps Simulation.Scenarios: 10^8 draws of 543 seats take
// minutes, and more is a typing mistake.
const maxScenarios = 100_000_000

// ReadScenario reads one JSON scenario from r and validates it (see
// Scenario.Validate). name is the source's name, used in errors.
//
// Decoding is strict: an unknown field, a key repeated in one object, a
// value of the wrong type, a second JSON value after the first or a
// document larger than 16 MiB is an error. (Key matching is
// case-insensitive, as in encoding/json; repeats are found by exact
// match.) Every
// error is a *ScenarioError; syntax errors give the line and column.
func ReadScenario(r io.Reader, name string) (*Scenario, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxScenarioBytes+1))
	if err != nil {
		return nil, &ScenarioError{Source: name, Err: err}
	}
	if len(data) > maxScenarioBytes {
		return nil, &ScenarioError{Source: name, Err: fmt.Errorf("document is larger than %d bytes", maxScenarioBytes)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var s Scenario
	if err := dec.Decode(&s); err != nil {
		return nil, decodeError(name, data, err)
	}
	if err := duplicateKeys(data); err != nil {
		err.Source = name
		return nil, err
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		off := int64(len(data) - len(bytes.TrimLeft(data[end:], " \t\r\n")))
		line, col := position(data, off)
		return nil, &ScenarioError{Source: name, Err: fmt.Errorf("line %d, column %d: data after the scenario", line, col)}
	}
	if err := s.Validate(); err != nil {
		var se *ScenarioError
		if errors.As(err, &se) {
			se.Source = name
		}
		return nil, err
	}
	return &s, nil
}

// duplicateKeys returns a *ScenarioError naming the first key that repeats
// within one object of the first JSON value of data, which must be valid
// JSON; encoding/json would silently keep the last one.
func duplicateKeys(data []byte) *ScenarioError {
	dec := json.NewDecoder(bytes.NewReader(data))
	var walk func(path string) *ScenarioError
	walk = func(path string) *ScenarioError {
		tok, err := dec.Token()
		if err != nil {
			return &ScenarioError{Field: path, Err: err}
		}
		switch tok {
		case json.Delim('{'):
			seen := make(map[string]bool)
			for dec.More() {
				off := dec.InputOffset()
				kt, err := dec.Token()
				if err != nil {
					return &ScenarioError{Field: path, Err: err}
				}
				key := kt.(string)
				field := key
				if path != "" {
					field = path + "." + key
				}
				if seen[key] {
					rest := data[off:]
					line, col := position(data, off+int64(len(rest)-len(bytes.TrimLeft(rest, " \t\r\n,"))))
					return &ScenarioError{Field: field, Err: fmt.Errorf("line %d, column %d: key %q repeats", line, col, key)}
				}
				seen[key] = true
				if err := walk(field); err != nil {
					return err
				}
			}
			dec.Token() // '}'
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
			dec.Token() // ']'
		}
		return nil
	}
	return walk("")
}

// decodeError turns an encoding/json error into a *ScenarioError, with a
// line and column when encoding/json gives a position: at the offending
// character of a syntax error, after the value of a type error, at the end
// of a truncated document.
func decodeError(name string, data []byte, err error) error {
	var (
		syn *json.SyntaxError
		typ *json.UnmarshalTypeError
	)
	var off int64
	field := ""
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		off = syn.Offset - 1
	case errors.As(err, &typ):
		off = typ.Offset
		field = typ.Field
		err = fmt.Errorf("%s value cannot be a %v", typ.Value, typ.Type)
	case errors.Is(err, io.EOF):
		return &ScenarioError{Source: name, Err: errors.New("empty document")}
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	default:
		// Unknown fields: encoding/json gives no position.
		return &ScenarioError{Source: name, Err: err}
	}
	line, col := position(data, off)
	return &ScenarioError{Source: name, Field: field, Err: fmt.Errorf("line %d, column %d: %w", line, col, err)}
}

// position returns the 1-based line and column of byte offset off in data.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = 1 + len(before) - (bytes.LastIndexByte(before, '\n') + 1)
	return line, col
}

// WriteScenario writes s as indented JSON that ReadScenario reads back.
func WriteScenario(w io.Writer, s *Scenario) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// weightTolerance is how far the base weights may sum from 1: enough for
// decimal weights such as 0.1+0.2+0.7 written in JSON.
const weightTolerance = 1e-9

// Validate checks everything about s that does not need the results: each
// label, number and range, and the references between fields (a demand's
// party must be a member, a member's states must be scenario states).
// Checks against the results (a state or seat that does not exist, a min
// larger than its set) happen in NewPlanner. It returns the first problem
// as a *ScenarioError naming the field, in the order of the fields of
// Scenario, or nil. It takes time linear in the size of s, plus O(n log n)
// for duplicate checks.
func (s *Scenario) Validate() error {
	inScope := func(field, state string) error {
		if err := checkName(state); err != nil {
			return &ScenarioError{Field: field, Err: err}
		}
		if len(s.States) > 0 && !slices.Contains(s.States, state) {
			return serr(field, "state %q is not one of the scenario's states", state)
		}
		return nil
	}
	for i, st := range s.States {
		f := fmt.Sprintf("states[%d]", i)
		if err := checkName(st); err != nil {
			return &ScenarioError{Field: f, Err: err}
		}
		if slices.Contains(s.States[:i], st) {
			return serr(f, "state %q repeats", st)
		}
	}
	if len(s.Alliance) == 0 {
		return serr("alliance", "no members")
	}
	members := make([]string, 0, len(s.Alliance))
	for i, m := range s.Alliance {
		f := fmt.Sprintf("alliance[%d]", i)
		if err := checkLabel(m.Party); err != nil {
			return &ScenarioError{Field: f + ".party", Err: err}
		}
		if slices.Contains(members, m.Party) {
			return serr(f+".party", "party %q repeats", m.Party)
		}
		members = append(members, m.Party)
		for j, st := range m.States {
			g := fmt.Sprintf("%s.states[%d]", f, j)
			if err := inScope(g, st); err != nil {
				return err
			}
			if slices.Contains(m.States[:j], st) {
				return serr(g, "state %q repeats", st)
			}
		}
	}
	for i, st := range s.Separate {
		f := fmt.Sprintf("separate[%d]", i)
		if err := inScope(f, st); err != nil {
			return err
		}
		if slices.Contains(s.Separate[:i], st) {
			return serr(f, "state %q repeats", st)
		}
	}
	isMember := func(field, party string) error {
		if !slices.Contains(members, party) {
			return serr(field, "party %q is not an alliance member", party)
		}
		return nil
	}
	for i, p := range s.Rival {
		f := fmt.Sprintf("rival[%d]", i)
		if err := checkLabel(p); err != nil {
			return &ScenarioError{Field: f, Err: err}
		}
		if slices.Contains(members, p) {
			return serr(f, "party %q is also an alliance member", p)
		}
		if slices.Contains(s.Rival[:i], p) {
			return serr(f, "party %q repeats", p)
		}
	}
	if err := s.validateBases(); err != nil {
		return err
	}
	if _, err := s.partyMap(); err != nil {
		return err
	}
	for i, o := range s.Overrides {
		f := fmt.Sprintf("overrides[%d]", i)
		if err := checkSeatRef(f, SeatRef{o.State, o.No}, inScope); err != nil {
			return err
		}
		if err := checkLabel(o.Party); err != nil {
			return &ScenarioError{Field: f + ".party", Err: err}
		}
		if !(o.Share >= 0 && o.Share <= 1) {
			return serr(f+".share", "%v is not in [0, 1]", o.Share)
		}
	}
	if _, err := s.Strength.settings(); err != nil {
		return err
	}
	if err := s.validateModel(members, inScope, isMember); err != nil {
		return err
	}
	for i, d := range s.Demands {
		f := fmt.Sprintf("demands[%d]", i)
		if err := isMember(f+".party", d.Party); err != nil {
			return err
		}
		if err := d.SeatSet.validate(f, inScope); err != nil {
			return err
		}
		if d.Min < 0 {
			return serr(f+".min", "%d is negative", d.Min)
		}
		if d.Max != nil && *d.Max < d.Min {
			return serr(f+".max", "%d is below min %d", *d.Max, d.Min)
		}
		if d.Min == 0 && d.Max == nil {
			return serr(f, "neither min nor max is given")
		}
	}
	if err := validateFriendly(s.Friendly, isMember, inScope); err != nil {
		return err
	}
	for _, pins := range []struct {
		name string
		list []Pin
	}{{"locks", s.Locks}, {"vetoes", s.Vetoes}} {
		for i, p := range pins.list {
			f := fmt.Sprintf("%s[%d]", pins.name, i)
			if err := checkSeatRef(f, SeatRef{p.State, p.No}, inScope); err != nil {
				return err
			}
			if err := isMember(f+".party", p.Party); err != nil {
				return err
			}
			for j, q := range pins.list[:i] {
				if q.State == p.State && q.No == p.No && q.Party == p.Party {
					return serr(f, "repeats %s[%d]", pins.name, j)
				}
			}
		}
	}
	for i, r := range s.Rows {
		f := fmt.Sprintf("rows[%d]", i)
		if len(r.Terms) == 0 {
			return serr(f+".terms", "no terms")
		}
		for j, t := range r.Terms {
			g := fmt.Sprintf("%s.terms[%d]", f, j)
			if err := isMember(g+".party", t.Party); err != nil {
				return err
			}
			if err := t.SeatSet.validate(g, inScope); err != nil {
				return err
			}
			if t.Coef != nil && (!isFinite(*t.Coef) || *t.Coef == 0) {
				return serr(g+".coef", "%v is not finite and nonzero", *t.Coef)
			}
		}
		if _, err := parseSense(r.Sense); err != nil {
			return &ScenarioError{Field: f + ".sense", Err: err}
		}
		if !isFinite(r.RHS) {
			return serr(f+".rhs", "%v is not finite", r.RHS)
		}
	}
	for i, r := range s.Rules {
		if err := r.validate(fmt.Sprintf("rules[%d]", i), members); err != nil {
			return err
		}
		for j, q := range s.Rules[:i] {
			if q.Kind == r.Kind && q.Year == r.Year && q.Claim == r.Claim && r.Claim != "numbers" {
				return serr(fmt.Sprintf("rules[%d]", i), "repeats rules[%d]", j)
			}
		}
	}
	if s.Target < 0 {
		return serr("target", "%d is negative", s.Target)
	}
	if n := s.Simulation.Scenarios; n < 0 || n > maxScenarios {
		return serr("simulation.scenarios", "%d is not in [0, %d]", n, maxScenarios)
	}
	if s.Simulation.Scenarios > 0 && s.Model.Copula == nil {
		return serr("model.copula", "missing (needed by the simulation)")
	}
	return nil
}

// validateBases checks the base elections and their alliances' shapes;
// EstimateStrength checks the alliances against the results.
func (s *Scenario) validateBases() error {
	if len(s.Bases) == 0 {
		return serr("bases", "no base elections")
	}
	if len(s.Bases) > MaxBases {
		return serr("bases", "%d base elections, more than %d", len(s.Bases), MaxBases)
	}
	sum := 0.0
	for i, b := range s.Bases {
		f := fmt.Sprintf("bases[%d]", i)
		if b.Year <= 0 {
			return serr(f+".year", "%d is not a year", b.Year)
		}
		for j, c := range s.Bases[:i] {
			if c.Year == b.Year {
				return serr(f+".year", "%d repeats bases[%d]", b.Year, j)
			}
		}
		if !(b.Weight > 0) || math.IsInf(b.Weight, 1) {
			return serr(f+".weight", "%v is not positive and finite", b.Weight)
		}
		sum += b.Weight
		for j, a := range b.Alliances {
			if _, err := parseSplit(a.Split); err != nil {
				return &ScenarioError{Field: fmt.Sprintf("%s.alliances[%d].split", f, j), Err: err}
			}
		}
	}
	if math.Abs(sum-1) > weightTolerance {
		return serr("bases", "weights sum to %v, not 1", sum)
	}
	return nil
}

// validateModel checks s.Model.
func (s *Scenario) validateModel(members []string, inScope func(field, state string) error, isMember func(field, party string) error) error {
	m := &s.Model
	if m.Transfer != nil {
		if err := m.Transfer.validate("model.transfer", members); err != nil {
			return err
		}
	}
	switch {
	case m.RivalTransfer != nil:
		if len(s.Rival) == 0 {
			return serr("model.rival_transfer", "given without a rival bloc")
		}
		if err := m.RivalTransfer.validate("model.rival_transfer", s.Rival); err != nil {
			return err
		}
	}
	if m.Lambda != nil {
		if l := *m.Lambda; !(l >= 0 && l <= 1) {
			return serr("model.lambda", "%v is not in [0, 1]", l)
		}
		if *m.Lambda != 0 && len(s.Rival) == 0 {
			return serr("model.lambda", "%v is nonzero without a rival bloc", *m.Lambda)
		}
	}
	switch l := m.Link; {
	case l == nil:
	case l.Probit == nil && l.Logistic == nil:
		return serr("model.link", "empty (give probit or logistic, or leave the link out for the default)")
	case l.Probit != nil && l.Logistic != nil:
		return serr("model.link", "both probit and logistic are given")
	case l.Probit != nil && !isPositive(l.Probit.Sigma):
		return serr("model.link.probit.sigma", "%v is not positive and finite", l.Probit.Sigma)
	case l.Logistic != nil && !isPositive(l.Logistic.Scale):
		return serr("model.link.logistic.scale", "%v is not positive and finite", l.Logistic.Scale)
	}
	if x := m.Swing.National; !(math.Abs(x) <= 1) {
		return serr("model.swing.national", "%v is not in [-1, 1]", x)
	}
	for i, st := range m.Swing.States {
		f := fmt.Sprintf("model.swing.states[%d]", i)
		if err := inScope(f+".state", st.State); err != nil {
			return err
		}
		for j, o := range m.Swing.States[:i] {
			if o.State == st.State {
				return serr(f+".state", "state %q repeats model.swing.states[%d]", st.State, j)
			}
		}
		if !(math.Abs(st.Swing) <= 1) {
			return serr(f+".swing", "%v is not in [-1, 1]", st.Swing)
		}
	}
	for i, a := range m.Adjust {
		f := fmt.Sprintf("model.adjust[%d]", i)
		if err := checkSeatRef(f, SeatRef{a.State, a.No}, inScope); err != nil {
			return err
		}
		if err := isMember(f+".party", a.Party); err != nil {
			return err
		}
		if !(math.Abs(a.Value) <= 1) {
			return serr(f+".value", "%v is not in [-1, 1]", a.Value)
		}
		for j, o := range m.Adjust[:i] {
			if o.State == a.State && o.No == a.No && o.Party == a.Party {
				return serr(f, "repeats model.adjust[%d]", j)
			}
		}
	}
	if c := m.Copula; c != nil {
		if !(c.National >= 0 && c.National <= 1) {
			return serr("model.copula.national", "%v is not in [0, 1]", c.National)
		}
		if !(c.State >= 0 && c.State <= 1) {
			return serr("model.copula.state", "%v is not in [0, 1]", c.State)
		}
		if ss := c.National*c.National + c.State*c.State; ss > 1+1e-9 {
			return serr("model.copula", "national^2 + state^2 = %v exceeds 1", ss)
		}
	}
	return nil
}

// validate checks a rule.
func (r *Rule) validate(f string, members []string) error {
	switch r.Kind {
	case "sitting":
		if r.Claim != "" || r.Numbers != nil {
			return serr(f+".claim", "a sitting rule takes no claim")
		}
	case "quota":
		switch r.Claim {
		case "votes", "wins", "seconds":
			if r.Numbers != nil {
				return serr(f+".numbers", "numbers given with claim %q", r.Claim)
			}
		case "numbers":
			if r.Year != 0 {
				return serr(f+".year", "claim \"numbers\" takes no year")
			}
			if len(r.Numbers) == 0 {
				return serr(f+".numbers", "missing")
			}
			keys := slices.Sorted(maps.Keys(r.Numbers))
			for _, k := range keys {
				if !slices.Contains(members, k) {
					return serr(f+".numbers."+k, "party %q is not an alliance member", k)
				}
				if r.Numbers[k] < 0 {
					return serr(f+".numbers."+k, "%d is negative", r.Numbers[k])
				}
			}
			return nil
		default:
			return serr(f+".claim", "unknown claim %q (want \"votes\", \"wins\", \"seconds\" or \"numbers\")", r.Claim)
		}
	case "individual-rationality":
		if r.Claim != "" || r.Numbers != nil || r.Year != 0 {
			return serr(f+".claim", "an individual-rationality rule takes no year, claim or numbers")
		}
		return nil
	default:
		return serr(f+".kind", "unknown rule %q (want \"sitting\", \"quota\" or \"individual-rationality\")", r.Kind)
	}
	if r.Year <= 0 {
		return serr(f+".year", "%d is not a year", r.Year)
	}
	return nil
}

// validate checks a transfer matrix among parties.
func (t *TransferSpec) validate(field string, parties []string) error {
	if t.Default != nil && !(*t.Default >= 0 && *t.Default <= 1) {
		return serr(field+".default", "%v is not in [0, 1]", *t.Default)
	}
	for i, p := range t.Pairs {
		f := fmt.Sprintf("%s.pairs[%d]", field, i)
		if !slices.Contains(parties, p.From) {
			return serr(f+".from", "party %q is not in the bloc", p.From)
		}
		if !slices.Contains(parties, p.To) {
			return serr(f+".to", "party %q is not in the bloc", p.To)
		}
		if p.From == p.To {
			return serr(f+".to", "party %q cannot transfer to itself", p.To)
		}
		if !(p.Rate >= 0 && p.Rate <= 1) {
			return serr(f+".rate", "%v is not in [0, 1]", p.Rate)
		}
		for j, q := range t.Pairs[:i] {
			if q.From == p.From && q.To == p.To {
				return serr(f, "pair %s->%s repeats %s.pairs[%d]", p.From, p.To, field, j)
			}
		}
	}
	return nil
}

// validate checks a seat set's shape.
func (ss *SeatSet) validate(field string, inScope func(field, state string) error) error {
	if ss.State != "" {
		if err := inScope(field+".state", ss.State); err != nil {
			return err
		}
	}
	if ss.Category != "" {
		if _, err := ParseCategory(ss.Category); err != nil {
			return serr(field+".category", "%q is not GEN, SC or ST", ss.Category)
		}
	}
	if len(ss.Seats) > 0 && (ss.State != "" || ss.Category != "") {
		return serr(field+".seats", "a list of seats cannot be combined with a state or category")
	}
	for i, r := range ss.Seats {
		f := fmt.Sprintf("%s.seats[%d]", field, i)
		if err := checkSeatRef(f, r, inScope); err != nil {
			return err
		}
		for j, q := range ss.Seats[:i] {
			if q == r {
				return serr(f, "seat %s/%d repeats %s.seats[%d]", r.State, r.No, field, j)
			}
		}
	}
	return nil
}

// checkSeatRef checks the shape of a seat reference whose fields are
// field.state and field.pc_no.
func checkSeatRef(field string, r SeatRef, inScope func(field, state string) error) error {
	if err := inScope(field+".state", r.State); err != nil {
		return err
	}
	if r.No < 1 {
		return serr(field+".pc_no", "%d is not a constituency number", r.No)
	}
	return nil
}

// settings returns the StrengthSettings of o, without overrides.
func (o StrengthOptions) settings() (*StrengthSettings, error) {
	st := &StrengthSettings{ExcludeNOTA: o.ExcludeNOTA}
	switch o.Missing {
	case "", "zero":
		st.Missing = MissingZero
	case "state-mean":
		st.Missing = MissingStateMean
	default:
		return nil, serr("strength.missing", "unknown rule %q (want \"zero\" or \"state-mean\")", o.Missing)
	}
	return st, nil
}

// partyMap returns the PartyMap of s.PartyMap, with errors named by the
// scenario's field.
func (s *Scenario) partyMap() (*PartyMap, error) {
	pm, err := NewPartyMap(s.PartyMap...)
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return nil, &ScenarioError{Field: "party_map" + strings.TrimPrefix(ve.Field, "renames"), Err: ve.Err}
		}
		return nil, &ScenarioError{Field: "party_map", Err: err}
	}
	return pm, nil
}

// parseSplit returns the SplitRule named s.
func parseSplit(s string) (SplitRule, error) {
	switch s {
	case "", "strength":
		return SplitByStrength, nil
	case "equal":
		return SplitEqual, nil
	case "fixed":
		return SplitFixed, nil
	}
	return 0, fmt.Errorf("unknown split rule %q (want \"strength\", \"equal\" or \"fixed\")", s)
}

// checkName reports why s cannot be a state name, or nil.
func checkName(s string) error {
	switch {
	case s == "":
		return errors.New("empty state name")
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("state %q has leading or trailing space", s)
	}
	return nil
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func isPositive(x float64) bool { return x > 0 && !math.IsInf(x, 1) }
