package seatshare_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/scenario")

// smallResults are the made-up results of the golden scenario: two states,
// six seats, parties A, B, C (alliance), R, S (rival) and O.
var smallResults = map[int]string{
	2019: `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,Alpha,1,ONE,GEN,A,a1,40000,90000,150000
2019,Alpha,1,ONE,GEN,R,r1,35000,90000,150000
2019,Alpha,1,ONE,GEN,O,o1,10000,90000,150000
2019,Alpha,2,TWO,GEN,B,b2,30000,90000,150000
2019,Alpha,2,TWO,GEN,R,r2,38000,90000,150000
2019,Alpha,2,TWO,GEN,S,s2,5000,90000,150000
2019,Alpha,2,TWO,GEN,O,o2,12000,90000,150000
2019,Alpha,3,THREE,SC,A,a3,25000,80000,150000
2019,Alpha,3,THREE,SC,B,b3,20000,80000,150000
2019,Alpha,3,THREE,SC,R,r3,30000,80000,150000
2019,Alpha,4,FOUR,GEN,A,a4,31000,80000,150000
2019,Alpha,4,FOUR,GEN,R,r4,33000,80000,150000
2019,Alpha,4,FOUR,GEN,S,s4,8000,80000,150000
2019,Beta,1,UNO,GEN,C,c5,45000,85000,150000
2019,Beta,1,UNO,GEN,R,r5,30000,85000,150000
2019,Beta,1,UNO,GEN,A,a5,5000,85000,150000
2019,Beta,2,DUE,ST,R,r6,40000,90000,150000
2019,Beta,2,DUE,ST,C,c6,30000,90000,150000
2019,Beta,2,DUE,ST,B,b6,10000,90000,150000
2019,Beta,2,DUE,ST,A,a6,6000,90000,150000
`,
	2014: `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2014,Alpha,1,ONE,GEN,A,a1,30000,85000,140000
2014,Alpha,1,ONE,GEN,B,b1,15000,85000,140000
2014,Alpha,1,ONE,GEN,R,r1,32000,85000,140000
2014,Alpha,2,TWO,GEN,A,a2,20000,82000,140000
2014,Alpha,2,TWO,GEN,B,b2,22000,82000,140000
2014,Alpha,2,TWO,GEN,R,r2,30000,82000,140000
2014,Alpha,2,TWO,GEN,S,s2,4000,82000,140000
2014,Alpha,3,THREE,SC,A,a3,22000,75000,140000
2014,Alpha,3,THREE,SC,B,b3,18000,75000,140000
2014,Alpha,3,THREE,SC,R,r3,28000,75000,140000
2014,Alpha,4,FOUR,GEN,A,a4,25000,74000,140000
2014,Alpha,4,FOUR,GEN,B,b4,12000,74000,140000
2014,Alpha,4,FOUR,GEN,R,r4,29000,74000,140000
2014,Beta,1,UNO,GEN,C,c5,35000,80000,140000
2014,Beta,1,UNO,GEN,R,r5,36000,80000,140000
2014,Beta,1,UNO,GEN,B,b5,4000,80000,140000
2014,Beta,2,DUE,ST,R,r6,38000,82000,140000
2014,Beta,2,DUE,ST,C,c6,28000,82000,140000
2014,Beta,2,DUE,ST,A,a6,7000,82000,140000
`,
}

// smallSource is the Source of smallResults.
func smallSource(year int) (*seatshare.Election, error) {
	text, ok := smallResults[year]
	if !ok {
		return nil, fmt.Errorf("no results for %d", year)
	}
	return seatshare.ReadResults(strings.NewReader(text), fmt.Sprintf("small%d.csv", year))
}

// readScenarioFile reads a scenario of testdata/scenario.
func readScenarioFile(t testing.TB, name string) *seatshare.Scenario {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "scenario", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := seatshare.ReadScenario(f, name)
	if err != nil {
		t.Fatalf("ReadScenario(%s): %v", name, err)
	}
	return s
}

// failer is the part of testing.TB and *rapid.T that checkPlan uses.
type failer interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// checkPlan checks that plan meets every demand, row, lock and veto of
// pl's problem, that its totals add up, and that solver.Verify accepts its
// certificate.
func checkPlan(t failer, pl *seatshare.Planner, plan *seatshare.Plan) {
	t.Helper()
	prob := pl.Problem()
	if err := solver.Verify(prob, plan.Result); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	agent := make(map[string]int)
	for a, name := range prob.Agents {
		agent[name] = a
	}
	x := make([]int, len(plan.Seats))
	sum := 0.0
	for i, s := range plan.Seats {
		x[i] = agent[s.Party]
		sum += s.W
		if s.Regret < 0 {
			t.Errorf("seat %v: regret %v < 0", s.ID, s.Regret)
		}
		for _, a := range s.Alternatives {
			if a.Cost != nil && *a.Cost < 0 {
				t.Errorf("seat %v: switching to %s costs %v < 0", s.ID, a.Party, *a.Cost)
			}
		}
	}
	if d := sum - plan.Expected; d > 1e-9 || d < -1e-9 {
		t.Errorf("Expected = %v, sum of W = %v", plan.Expected, sum)
	}
	count := func(a, g int) int {
		n := 0
		if g == solver.AllItems {
			for _, b := range x {
				if b == a {
					n++
				}
			}
			return n
		}
		for _, i := range prob.Groups[g].Items {
			if x[i] == a {
				n++
			}
		}
		return n
	}
	for i, b := range prob.Bounds {
		if n := count(b.Agent, b.Group); n < b.Min || (b.Max != solver.Unlimited && n > b.Max) {
			t.Errorf("bound %d %q: count %d not in [%d, %d]", i, b.Name, n, b.Min, b.Max)
		}
	}
	for i, r := range prob.Rows {
		lhs := 0.0
		for _, tm := range r.Terms {
			lhs += tm.Coef * float64(count(tm.Agent, tm.Group))
		}
		for _, pt := range r.Pairs {
			if x[pt.Item] == pt.Agent {
				lhs += pt.Coef
			}
		}
		ok := map[solver.Sense]bool{solver.LessEq: lhs <= r.RHS+1e-9, solver.GreaterEq: lhs >= r.RHS-1e-9, solver.Equal: lhs == r.RHS}[r.Sense]
		if !ok {
			t.Errorf("row %d %q: lhs %v violates %v %v", i, r.Name, lhs, r.Sense, r.RHS)
		}
	}
	for _, l := range prob.Locks {
		if x[l.Item] != l.Agent {
			t.Errorf("lock %v broken", l)
		}
	}
	for _, v := range prob.Vetoes {
		if x[v.Item] == v.Agent {
			t.Errorf("veto %v broken", v)
		}
	}
	for _, c := range plan.Constraints {
		if c.Dropped < 0 || (c.Relaxed != nil && (*c.Relaxed < 0 || *c.Relaxed > c.Dropped+1e-9)) {
			t.Errorf("%s: prices relaxed %v, dropped %v: want 0 <= relaxed <= dropped", c.Field, c.Relaxed, c.Dropped)
		}
	}
}

func TestCompleteScenario(t *testing.T) {
	s := readScenarioFile(t, "complete.json")
	pl, err := seatshare.NewPlanner(s, illustrative.Election)
	if err != nil {
		t.Fatalf("NewPlanner: %v", err)
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatalf("Plan: %v", err)
	}
	checkPlan(t, pl, plan)
	if got, want := len(plan.Seats), 80; got != want {
		t.Errorf("len(Seats) = %d, want %d", got, want)
	}
	// 5 demands and 3 quota bounds, 2 rows, the explicit lock, the sitting
	// members' locks (one of them is Rae Bareli), and the veto.
	kinds := make(map[seatshare.ConstraintKind]int)
	for _, c := range plan.Constraints {
		kinds[c.Kind]++
	}
	if kinds[seatshare.DemandKind] != 8 || kinds[seatshare.RowKind] != 2 || kinds[seatshare.VetoKind] != 1 || kinds[seatshare.LockKind] < 2 {
		t.Errorf("constraint kinds = %v", kinds)
	}
	if plan.Simulation == nil || plan.Simulation.AtLeastTarget == nil {
		t.Fatalf("no simulation with a target")
	}
	// The simulated mean must agree with the exact expectation within 5
	// Monte Carlo standard errors (a failure rate below 1e-6).
	if m := plan.Simulation.Mean; m.Value < plan.Expected-5*m.SE || m.Value > plan.Expected+5*m.SE {
		t.Errorf("simulated mean %v ± %v, exact %v", m.Value, m.SE, plan.Expected)
	}
}

// TestScenarioRoundTrip checks that WriteScenario's output reads back to
// the same scenario.
func TestScenarioRoundTrip(t *testing.T) {
	for _, name := range []string{"complete.json", "small.json"} {
		s := readScenarioFile(t, name)
		var b bytes.Buffer
		if err := seatshare.WriteScenario(&b, s); err != nil {
			t.Fatal(err)
		}
		back, err := seatshare.ReadScenario(&b, name)
		if err != nil {
			t.Fatalf("%s: reading back: %v", name, err)
		}
		x, _ := json.Marshal(s)
		y, _ := json.Marshal(back)
		if !bytes.Equal(x, y) {
			t.Errorf("%s: round trip differs:\n%s\n%s", name, x, y)
		}
	}
}

func TestBadScenarios(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "scenario", "small.json"))
	if err != nil {
		t.Fatal(err)
	}
	// edit decodes small.json, applies f to it and encodes it again.
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal(base, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	obj := func(m map[string]any, path ...any) map[string]any {
		var cur any = m
		for _, p := range path {
			switch k := p.(type) {
			case string:
				cur = cur.(map[string]any)[k]
			case int:
				cur = cur.([]any)[k]
			}
		}
		return cur.(map[string]any)
	}
	const pre = "seatshare: invalid input: scenario bad.json: "
	tests := []struct {
		name, reason string
		doc          string
		want         string
	}{
		{"empty", "nothing to decode", ``, pre + "empty document"},
		{"syntax", "a missing brace, reported with its position", `{"alliance": [}`, pre + "line 1, column 15: invalid character '}' looking for beginning of value"},
		{"truncated", "the document ends early", `{"alliance": [`, pre + "line 1, column 15: unexpected EOF"},
		{"repeated key", "encoding/json would keep the last value silently", `{"target": 3, "alliance": [{"party": "A", "party": "B"}]}`, pre + `alliance[0].party: line 1, column 43: key "party" repeats`},
		{"trailing", "a second value after the scenario", `{} {}`, pre + "line 1, column 4: data after the scenario"},
		{"unknown field", "strict decoding", edit(func(m map[string]any) { m["alliances"] = 1 }), pre + `json: unknown field "alliances"`},
		{"wrong type", "a string where a number belongs", edit(func(m map[string]any) { m["target"] = "three" }), pre + "target: line 1, column 864: string value cannot be a int"},
		{"no alliance", "at least one member", edit(func(m map[string]any) { delete(m, "alliance") }), pre + "alliance: no members"},
		{"IND member", "independents are not a party", edit(func(m map[string]any) { obj(m, "alliance", 0)["party"] = "IND" }), pre + "alliance[0].party: independents (IND) are not a party"},
		{"repeated member", "members are distinct", edit(func(m map[string]any) { obj(m, "alliance", 1)["party"] = "A" }), pre + `alliance[1].party: party "A" repeats`},
		{"member state outside scope", "a member's states lie in the scenario's", edit(func(m map[string]any) { m["states"] = []string{"Alpha"} }), pre + `alliance[2].states[0]: state "Beta" is not one of the scenario's states`},
		{"rival is member", "the blocs are disjoint", edit(func(m map[string]any) { m["rival"] = []string{"R", "B"} }), pre + `rival[1]: party "B" is also an alliance member`},
		{"no bases", "the strengths need an election", edit(func(m map[string]any) { m["bases"] = []any{} }), pre + "bases: no base elections"},
		{"weights", "weights sum to 1", edit(func(m map[string]any) { obj(m, "bases", 0)["weight"] = 0.5 }), pre + "bases: weights sum to 0.75, not 1"},
		{"zero weight", "weights are positive", edit(func(m map[string]any) { obj(m, "bases", 1)["weight"] = 0 }), pre + "bases[1].weight: 0 is not positive and finite"},
		{"repeated year", "one weight per election", edit(func(m map[string]any) { obj(m, "bases", 1)["year"] = 2019 }), pre + "bases[1].year: 2019 repeats bases[0]"},
		{"split rule", "known split rules only", edit(func(m map[string]any) { obj(m, "bases", 0, "alliances", 0)["split"] = "half" }), pre + `bases[0].alliances[0].split: unknown split rule "half" (want "strength", "equal" or "fixed")`},
		{"party map fraction", "fractions in (0, 1]", edit(func(m map[string]any) {
			m["party_map"] = []any{map[string]any{"from": "X", "to": []any{map[string]any{"party": "A", "fraction": 1.5}}}}
		}), pre + "party_map[0].to[0].fraction: fraction 1.5 is not in (0, 1]"},
		{"empty link", "a link given must say which", edit(func(m map[string]any) { obj(m, "model")["link"] = map[string]any{} }), pre + "model.link: empty (give probit or logistic, or leave the link out for the default)"},
		{"transfer rate", "rates lie in [0, 1]", edit(func(m map[string]any) { obj(m, "model", "transfer")["default"] = 1.2 }), pre + "model.transfer.default: 1.2 is not in [0, 1]"},
		{"pair rate", "rates lie in [0, 1]", edit(func(m map[string]any) { obj(m, "model", "transfer", "pairs", 0)["rate"] = -0.1 }), pre + "model.transfer.pairs[0].rate: -0.1 is not in [0, 1]"},
		{"pair outside bloc", "transfers are between members", edit(func(m map[string]any) { obj(m, "model", "transfer", "pairs", 0)["from"] = "R" }), pre + `model.transfer.pairs[0].from: party "R" is not in the bloc`},
		{"transfer default", "a rate given is a rate", edit(func(m map[string]any) { obj(m, "model", "transfer")["default"] = 1.5 }), pre + "model.transfer.default: 1.5 is not in [0, 1]"},
		{"lambda", "lambda lies in [0, 1]", edit(func(m map[string]any) { obj(m, "model")["lambda"] = 2 }), pre + "model.lambda: 2 is not in [0, 1]"},
		{"two links", "exactly one link", edit(func(m map[string]any) {
			obj(m, "model", "link")["logistic"] = map[string]any{"scale": 0.05}
		}), pre + "model.link: both probit and logistic are given"},
		{"sigma", "sigma is positive", edit(func(m map[string]any) { obj(m, "model", "link", "probit")["sigma"] = 0 }), pre + "model.link.probit.sigma: 0 is not positive and finite"},
		{"copula", "loadings' squares sum to at most 1", edit(func(m map[string]any) { obj(m, "model", "copula")["state"] = 0.9 }), pre + "model.copula: national^2 + state^2 = 1.17 exceeds 1"},
		{"demand party", "demands are by members", edit(func(m map[string]any) { obj(m, "demands", 0)["party"] = "R" }), pre + `demands[0].party: party "R" is not an alliance member`},
		{"demand min", "counts are not negative", edit(func(m map[string]any) { obj(m, "demands", 0)["min"] = -1 }), pre + "demands[0].min: -1 is negative"},
		{"demand max below min", "max >= min", edit(func(m map[string]any) { obj(m, "demands", 0)["max"] = 1 }), pre + "demands[0].max: 1 is below min 2"},
		{"empty demand", "a demand bounds something", edit(func(m map[string]any) { delete(obj(m, "demands", 1), "max") }), pre + "demands[1]: neither min nor max is given"},
		{"category", "GEN, SC or ST", edit(func(m map[string]any) { obj(m, "demands", 0)["category"] = "OBC" }), pre + `demands[0].category: "OBC" is not GEN, SC or ST`},
		{"seats and state", "a list excludes a state", edit(func(m map[string]any) {
			obj(m, "demands", 0)["seats"] = []any{map[string]any{"state": "Alpha", "pc_no": 1}}
		}), pre + "demands[0].seats: a list of seats cannot be combined with a state or category"},
		{"veto pc_no", "constituency numbers start at 1", edit(func(m map[string]any) { obj(m, "vetoes", 0)["pc_no"] = 0 }), pre + "vetoes[0].pc_no: 0 is not a constituency number"},
		{"row sense", "three senses", edit(func(m map[string]any) { obj(m, "rows", 0)["sense"] = "=>" }), pre + `rows[0].sense: "=>" is not "<=", ">=" or "="`},
		{"row coef", "coefficients are nonzero", edit(func(m map[string]any) { obj(m, "rows", 0, "terms", 0)["coef"] = 0 }), pre + "rows[0].terms[0].coef: 0 is not finite and nonzero"},
		{"rule kind", "known rules only", edit(func(m map[string]any) { obj(m, "rules", 0)["kind"] = "share" }), pre + `rules[0].kind: unknown rule "share" (want "sitting", "quota" or "individual-rationality")`},
		{"quota claim", "known claims only", edit(func(m map[string]any) { obj(m, "rules", 0)["kind"] = "quota"; obj(m, "rules", 0)["claim"] = "mlas" }), pre + `rules[0].claim: unknown claim "mlas" (want "votes", "wins", "seconds" or "numbers")`},
		{"quota numbers party", "numbers are the members'", edit(func(m map[string]any) {
			m["rules"] = []any{map[string]any{"kind": "quota", "claim": "numbers", "numbers": map[string]any{"A": 3, "R": 1}}}
		}), pre + `rules[0].numbers.R: party "R" is not an alliance member`},
		{"target", "targets are seat counts", edit(func(m map[string]any) { m["target"] = -1 }), pre + "target: -1 is negative"},
		{"scenarios", "the simulation size is bounded", edit(func(m map[string]any) { obj(m, "simulation")["scenarios"] = 1e9 }), pre + "simulation.scenarios: 1000000000 is not in [0, 100000000]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := seatshare.ReadScenario(strings.NewReader(tt.doc), "bad.json")
			if err == nil {
				t.Fatalf("ReadScenario = nil error, want %q (%s)", tt.want, tt.reason)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("ReadScenario error\n got %q\nwant %q\n(%s)", got, tt.want, tt.reason)
			}
			var se *seatshare.ScenarioError
			if !errors.As(err, &se) || !errors.Is(err, seatshare.ErrInvalid) {
				t.Errorf("error %T does not wrap a *ScenarioError and ErrInvalid", err)
			}
		})
	}
}

// TestBadScenariosAgainstData is the catalogue of scenarios that are well
// formed but do not fit the results.
func TestBadScenariosAgainstData(t *testing.T) {
	const pre = "seatshare: invalid input: scenario: "
	tests := []struct {
		name, reason string
		edit         func(s *seatshare.Scenario)
		want         string
	}{
		{"unknown state", "a state the results do not have", func(s *seatshare.Scenario) { s.States = []string{"Alpha", "Beta", "Gamma"} }, pre + `states[2]: no state "Gamma" in the 2019 results`},
		{"unknown party", "a member found in no base election", func(s *seatshare.Scenario) { s.Alliance = append(s.Alliance, seatshare.Member{Party: "Z"}) }, pre + `alliance[3].party: party "Z" is in none of the base elections`},
		{"unknown rival", "a rival found in no base election", func(s *seatshare.Scenario) { s.Rival = []string{"R", "Q"} }, pre + `rival[1]: party "Q" is in none of the base elections`},
		{"unknown seat", "a lock on a seat that does not exist", func(s *seatshare.Scenario) {
			s.Locks = []seatshare.Pin{{State: "Alpha", No: 9, Party: "A"}}
		}, pre + "locks[0].pc_no: no seat Alpha/9 among the scenario's seats"},
		{"lock ineligible", "C is not in the alliance in Alpha", func(s *seatshare.Scenario) {
			s.Locks = []seatshare.Pin{{State: "Alpha", No: 1, Party: "C"}}
		}, pre + `locks[0].party: party "C" is not in the alliance in Alpha`},
		{"min too large", "a min larger than its set", func(s *seatshare.Scenario) { s.Demands[2].Min = 3 }, pre + "demands[2].min: 3 exceeds the 2 seats of Beta"},
		{"unknown list seat", "a listed seat that does not exist", func(s *seatshare.Scenario) {
			s.Demands[0] = seatshare.Demand{Party: "A", SeatSet: seatshare.SeatSet{Seats: []seatshare.SeatRef{{State: "Beta", No: 7}}}, Min: 1}
		}, pre + "demands[0].seats[0].pc_no: no seat Beta/7 among the scenario's seats"},
		{"past alliance state", "EstimateStrength's check, named by the scenario's field", func(s *seatshare.Scenario) {
			s.Bases[0].Alliances[0].States = []string{"Gamma"}
		}, pre + `bases[0].alliances[0].states[0]: no state "Gamma" in the 2019 election`},
		{"override seat", "an override of a seat that does not exist", func(s *seatshare.Scenario) {
			s.Overrides = []seatshare.ShareOverride{{State: "Beta", No: 5, Party: "A", Share: 0.1}}
		}, pre + "overrides[0].pc_no: no seat Beta/5 in the 2019 results"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := readScenarioFile(t, "small.json")
			tt.edit(s)
			_, err := seatshare.NewPlanner(s, smallSource)
			if err == nil {
				t.Fatalf("NewPlanner = nil error, want %q (%s)", tt.want, tt.reason)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("NewPlanner error\n got %q\nwant %q\n(%s)", got, tt.want, tt.reason)
			}
			if !errors.Is(err, seatshare.ErrInvalid) {
				t.Errorf("error %T does not wrap ErrInvalid", err)
			}
		})
	}
}

func TestQuotaRule(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "numbers", Numbers: map[string]int64{"A": 3, "B": 1, "C": 2}})
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checkPlan(t, pl, plan)
	// Alpha: A and B share 4 seats 3:1; Beta: A, B and C share 2 seats
	// 3:1:2, quotas 1, 1/3 and 2/3.
	var got []string
	for _, c := range plan.Constraints {
		if c.Field == "rules[1]" {
			got = append(got, c.Name)
		}
	}
	want := []string{
		"A within quota in Alpha: 3-3 (quota 3.00 of 4 seats by numbers)",
		"B within quota in Alpha: 1-1 (quota 1.00 of 4 seats by numbers)",
		"A within quota in Beta: 1-1 (quota 1.00 of 2 seats by numbers)",
		"B within quota in Beta: 0-1 (quota 0.33 of 2 seats by numbers)",
		"C within quota in Beta: 0-1 (quota 0.67 of 2 seats by numbers)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quota demands (-want +got):\n%s", diff)
	}
	// Entitlements add the states' exact quotas: A 3 + 1, B 1 + 1/3, C 2/3.
	var ent []float64
	for _, pp := range plan.Parties {
		ent = append(ent, *pp.Entitlement)
	}
	if diff := cmp.Diff([]float64{4, 4.0 / 3, 2.0 / 3}, ent, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("entitlements (-want +got):\n%s", diff)
	}
	// Claims from the 2019 wins: A won Alpha/1 and C Beta/1 (B nothing).
	s = readScenarioFile(t, "small.json")
	s.Rules = append(s.Rules, seatshare.Rule{Kind: "quota", Claim: "wins", Year: 2019})
	if pl, err = seatshare.NewPlanner(s, smallSource); err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, b := range pl.Problem().Bounds[3:] {
		got = append(got, b.Name)
	}
	want = []string{
		"A within quota in Alpha: 4-4 (quota 4.00 of 4 seats by wins in 2019)",
		"B within quota in Alpha: 0-0 (quota 0.00 of 4 seats by wins in 2019)",
		"A within quota in Beta: 0-0 (quota 0.00 of 2 seats by wins in 2019)",
		"B within quota in Beta: 0-0 (quota 0.00 of 2 seats by wins in 2019)",
		"C within quota in Beta: 2-2 (quota 2.00 of 2 seats by wins in 2019)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("quota demands by 2019 wins (-want +got):\n%s", diff)
	}
}

func TestInfeasibleScenario(t *testing.T) {
	s := readScenarioFile(t, "small.json")
	// A needs 2 of Alpha's 4 seats and B 3 of them: 5 > 4.
	s.Demands = append(s.Demands, seatshare.Demand{Party: "B", SeatSet: seatshare.SeatSet{State: "Alpha"}, Min: 3})
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pl.Plan(context.Background())
	var ie *seatshare.InfeasibleError
	if !errors.As(err, &ie) || !errors.Is(err, seatshare.ErrInfeasible) || !errors.Is(err, solver.ErrInfeasible) {
		t.Fatalf("Plan error = %v, want an *InfeasibleError", err)
	}
	if len(ie.Conflict) == 0 {
		t.Errorf("no conflict named: %v", err)
	}
	found := false
	for _, c := range ie.Conflict {
		found = found || strings.HasPrefix(c, "demands[3] ")
	}
	if !found {
		t.Errorf("conflict %q does not name demands[3]", ie.Conflict)
	}
}

// golden compares got with testdata/scenario/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "scenario", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestGolden(t *testing.T) {
	render := func() map[string][]byte {
		s := readScenarioFile(t, "small.json")
		pl, err := seatshare.NewPlanner(s, smallSource)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := pl.Plan(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		checkPlan(t, pl, plan)
		out := make(map[string][]byte)
		var b bytes.Buffer
		if err := seatshare.WriteTable(&b, plan); err != nil {
			t.Fatal(err)
		}
		out["small.table.golden"] = bytes.Clone(b.Bytes())
		b.Reset()
		if err := seatshare.WriteJSON(&b, plan); err != nil {
			t.Fatal(err)
		}
		out["small.json.golden"] = bytes.Clone(b.Bytes())
		for name, tab := range map[string]seatshare.Table{"seats": seatshare.SeatTable, "parties": seatshare.PartyTable, "constraints": seatshare.ConstraintTable} {
			b.Reset()
			if err := seatshare.WriteCSV(&b, plan, tab); err != nil {
				t.Fatal(err)
			}
			out["small."+name+".csv.golden"] = bytes.Clone(b.Bytes())
		}
		b.Reset()
		if err := seatshare.WriteWeightsCSV(&b, pl.Seats()); err != nil {
			t.Fatal(err)
		}
		out["small.weights.csv.golden"] = bytes.Clone(b.Bytes())
		pts, err := pl.Frontier(context.Background(), "A", seatshare.SeatSet{State: "Alpha"}, 2, 4)
		if err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := seatshare.WriteFrontier(&b, "A", "Alpha", pts); err != nil {
			t.Fatal(err)
		}
		out["small.frontier.golden"] = bytes.Clone(b.Bytes())
		alts, err := pl.Alternatives(context.Background(), 2)
		if err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := seatshare.WriteAlternatives(&b, alts); err != nil {
			t.Fatal(err)
		}
		out["small.alternatives.golden"] = bytes.Clone(b.Bytes())
		return out
	}
	first, second := render(), render()
	for name, got := range first {
		if !bytes.Equal(got, second[name]) {
			t.Errorf("%s differs between two runs", name)
		}
		golden(t, name, got)
	}
}
