package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

// TestPlanCommands runs plan, evaluate, explain, simulate, frontier and
// coalition in process on the embedded illustrative results
// (SEATSHARE_DATA is cleared), checking exit codes, messages and, where
// marked, the whole output against testdata/golden/<name>.golden
// (regenerate with go test -update).
func TestPlanCommands(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	td := func(name string) string { return filepath.Join("testdata", name) }
	up := td("up-claim.json")
	tests := []struct {
		name   string
		reason string
		args   []string
		code   int
		golden bool
		stdout string
		stderr string
		more   []string // more wanted substrings of stdout
	}{
		{name: "plan help", reason: "-h on the plan level", args: []string{"plan", "-h"}, golden: true},
		{name: "evaluate help", reason: "-h on the evaluate level", args: []string{"evaluate", "-h"}, golden: true},
		{name: "explain help", reason: "-h on the explain level", args: []string{"explain", "-h"}, golden: true},
		{name: "simulate help", reason: "-h on the simulate level", args: []string{"simulate", "-h"}, golden: true},
		// The plan's own tables are seatshare.WriteTable's, whose goldens
		// live in package seatshare; this checks what the command adds.
		{name: "plan table", reason: "the full report, with frontier and next plans", args: []string{"plan", up, "-frontier", "INC", "-frontier-state", "Uttar Pradesh", "-alternatives", "2"},
			stdout: "*** ILLUSTRATIVE", stderr: "NOTE: no -data DIR", more: []string{
				"Seat-sharing plan: Uttar Pradesh test: SP, INC and RLD, INC asks for 19 seats",
				"Negotiation frontier: the alliance's best expected wins when INC gets exactly k seats of Uttar Pradesh",
				"17        15.0488  +0.0007",
				"Next best plans",
			}},
		{name: "plan embedded", reason: "no scenario: the embedded one, said loudly", args: []string{"plan", "-scenarios", "1000", "-format", "csv", "-table", "parties"}, golden: true,
			stderr: "NOTE: no scenario file given: using the embedded ILLUSTRATIVE Uttar Pradesh scenario"},
		{name: "plan csv constraints", reason: "one table as CSV", args: []string{"plan", "-format", "csv", "-table", "constraints", up}, golden: true},
		{name: "plan csv fairness", reason: "each rule with its price of fairness", args: []string{"plan", "-format", "csv", "-table", "fairness", td("up-quota.json")}, golden: true,
			stdout: "rules[1],within quota (claim: votes in 2019),true,"},
		{name: "plan csv proportionality", reason: "each state's indices against the quota rule's claims", args: []string{"plan", "-format", "csv", "-table", "proportionality", td("up-quota.json")}, golden: true,
			stdout: "Uttar Pradesh,votes in 2019,"},
		{name: "plan csv proportionality no quota", reason: "no quota rule: a header only, and a note", args: []string{"plan", "-format", "csv", "-table", "proportionality", "-scenarios", "0", up},
			stdout: "state,claim,gallagher,loosemore_hanby,wprop1_fails,wef1_fails\n", stderr: "the proportionality table has no rows"},
		{name: "plan csv fairness no rules", reason: "no fairness rule: a header only, and a note", args: []string{"plan", "-format", "csv", "-table", "fairness", "-scenarios", "0", td("up-norules.json")}, stdout: "field,rule,enforced,violations,best,fair,price,relative_price\n",
			stderr: "the fairness table has no rows"},
		{name: "plan json", reason: "JSON parses and says illustrative", args: []string{"plan", "-format", "json", "-scenarios", "0", up}, stdout: `"illustrative": true`},
		{name: "evaluate table", reason: "proposal against the optimum", args: []string{"evaluate", up, td("proposal.csv")}, golden: true, stdout: "The proposal breaks 1 demand(s)"},
		{name: "evaluate csv", reason: "per-seat CSV", args: []string{"evaluate", "-format", "csv", up, td("proposal.csv")}, golden: true},
		{name: "evaluate json", reason: "seats carry their state and number", args: []string{"evaluate", "-format", "json", up, td("proposal.csv")}, stdout: `"pc_no": 80`},
		{name: "explain seat", reason: "a seat with switch costs and knock-on changes", args: []string{"explain", up, "-seat", "Uttar Pradesh/21"}, golden: true, stdout: "Uttar Pradesh/34 MOHANLALGANJ: SP -> INC"},
		{name: "explain seat by name", reason: "a locked seat named in lower case", args: []string{"explain", up, "-seat", "rae bareli"}, golden: true, stdout: "locked"},
		{name: "explain seat json", reason: "JSON form", args: []string{"explain", "-format", "json", up, "-seat", "Uttar Pradesh/21"}, stdout: `"switch_cost": 0.2218`},
		{name: "explain demand", reason: "binding, prices, seats that change, frontier around it", args: []string{"explain", up, "-demand", "INC's 2009 claim"}, golden: true, stdout: "Without it the best plan changes 2 seat(s)"},
		{name: "explain demand field", reason: "by field; slack", args: []string{"explain", up, "-demand", "demands[1]"}, stdout: "slack"},
		{name: "explain demand csv", reason: "the seat counts around it", args: []string{"explain", "-format", "csv", up, "-demand", "demands[0]"}, golden: true},
		{name: "explain lock", reason: "a lock of the sitting rule", args: []string{"explain", up, "-demand", "lock SP in Uttar Pradesh/35 LUCKNOW (won it in 2019)"}, stdout: "lock rules[0]"},
		{name: "simulate table", reason: "summary and distribution", args: []string{"simulate", up, "-target", "20"}, golden: true, stdout: "P(total >= 20)"},
		{name: "simulate csv", reason: "the distribution as CSV", args: []string{"simulate", "-format", "csv", "-scenarios", "5000", "-seed", "3", up}, golden: true},

		{name: "frontier help", reason: "-h on the frontier level", args: []string{"frontier", "-h"}, golden: true},
		{name: "frontier table", reason: "one solve per count", args: []string{"frontier", "-party", "INC", "-state", "Uttar Pradesh", "-max", "25", up}, golden: true, stdout: "25        15.0407"},
		{name: "frontier csv", reason: "CSV with infeasible counts", args: []string{"frontier", "-format", "csv", "-party", "INC", "-max", "2", up}, stdout: "0,false,,"},
		{name: "frontier json", reason: "JSON", args: []string{"frontier", "-format", "json", "-party", "RLD", "-min", "3", "-max", "4", up}, stdout: `"party": "RLD"`},
		{name: "plan shapley", reason: "exact Shapley values after the plan", args: []string{"plan", "-shapley", "-scenarios", "0", up}, stdout: "SP      2.53     6.54"},
		{name: "plan shapley sampled", reason: "intervals", args: []string{"plan", "-shapley-samples", "50", "-scenarios", "0", up}, stdout: "95% interval"},
		{name: "simulate proposal", reason: "a proposed plan's distribution; its broken demand noted", args: []string{"simulate", "-proposal", td("proposal.csv"), up}, golden: true, stdout: "Expected wins (sum of the win probabilities): 14.67 of 80 seats", stderr: "NOTE: the proposal breaks demands[0]"},

		{name: "plan missing file", reason: "names the file", args: []string{"plan", td("nope.json")}, code: 2, stderr: "seatshare plan: testdata/nope.json: no such file"},
		{name: "plan unknown field", reason: "names the file and the field", args: []string{"plan", td("scenario-unknown-field.json")}, code: 2, stderr: `seatshare plan: testdata/scenario-unknown-field.json: json: unknown field "colour"`},
		{name: "plan bad rate", reason: "names the field", args: []string{"plan", td("scenario-bad-rate.json")}, code: 2, stderr: "model.transfer.default"},
		{name: "plan bad state", reason: "a demand outside the scenario's states", args: []string{"plan", td("scenario-bad-state.json")}, code: 2, stderr: `testdata/scenario-bad-state.json: demands[0].state: state "Uttar Pradesh" is not one of the scenario's states`},
		{name: "plan bad seat", reason: "what only the results reveal names the field too", args: []string{"plan", td("scenario-bad-seat.json")}, code: 2, stderr: `testdata/scenario-bad-seat.json: overrides[0].pc_no: no seat Uttar Pradesh/99`},
		{name: "plan infeasible", reason: "exit 1 with the conflict", args: []string{"plan", td("scenario-infeasible.json")}, code: 1, stderr: "in conflict: demands[0] INC wants 50"},
		{name: "plan no data dir", reason: "an unreadable results directory is bad input", args: []string{"plan", "-data", td("no-such-dir"), up}, code: 2, stderr: "no such file"},
		{name: "plan two files", reason: "one scenario", args: []string{"plan", up, up}, code: 2, stderr: "want at most one scenario file, got 2"},
		{name: "plan bad table", reason: "only five tables", args: []string{"plan", "-table", "x", up}, code: 2, stderr: `-table "x"`},
		{name: "plan bad format", reason: "only table, json, csv", args: []string{"plan", "-format", "xml", up}, code: 2, stderr: `-format "xml"`},
		{name: "plan bad chart format", reason: "only svg and png", args: []string{"plan", "-chart-format", "gif", up}, code: 2, stderr: `-chart-format "gif"`},
		{name: "plan gif chart", reason: "the chart package rejects the extension", args: []string{"plan", "-chart", filepath.Join(t.TempDir(), "d.gif"), up}, code: 2, stderr: "d.gif"},
		{name: "plan frontier state alone", reason: "needs a party", args: []string{"plan", "-frontier-state", "Uttar Pradesh", up}, code: 2, stderr: "-frontier-state needs -frontier"},
		{name: "plan frontier non-member", reason: "names the party", args: []string{"plan", "-frontier", "BJP", "-scenarios", "0", up}, code: 2, stderr: `party: party "BJP" is not an alliance member`},
		{name: "plan too many alternatives", reason: "bounded", args: []string{"plan", "-alternatives", "11", up}, code: 2, stderr: "-alternatives 11"},
		{name: "plan one sample", reason: "a sample needs two orders", args: []string{"plan", "-shapley-samples", "1", up}, code: 2, stderr: "-shapley-samples 1"},
		{name: "frontier no party", reason: "required", args: []string{"frontier", up}, code: 2, stderr: "-party is required"},
		{name: "frontier bad range", reason: "max below min", args: []string{"frontier", "-party", "INC", "-min", "5", "-max", "3", up}, code: 2, stderr: "-min 5 -max 3"},
		{name: "frontier bad state", reason: "no seats there", args: []string{"frontier", "-party", "INC", "-state", "Bihar", up}, code: 2, stderr: `-state "Bihar": no seat of the scenario is in it`},
		{name: "frontier min too big", reason: "beyond the set", args: []string{"frontier", "-party", "INC", "-min", "81", up}, code: 2, stderr: "-min 81 exceeds the 80 seats"},
		{name: "frontier non-member", reason: "names the party", args: []string{"frontier", "-party", "BJP", up}, code: 2, stderr: `party "BJP" is not an alliance member`},
		{name: "simulate bad proposal", reason: "names the proposal element", args: []string{"simulate", "-proposal", td("proposal-bad-party.csv"), up}, code: 2, stderr: "proposal-bad-party.csv: proposal[1].party"},
		{name: "evaluate one file", reason: "needs two", args: []string{"evaluate", up}, code: 2, stderr: "want a scenario file and a proposal file, got 1"},
		{name: "evaluate bad number", reason: "names file, line and column", args: []string{"evaluate", up, td("proposal-bad-number.csv")}, code: 2, stderr: "testdata/proposal-bad-number.csv:3: field pc_no"},
		{name: "evaluate no party column", reason: "missing column", args: []string{"evaluate", up, td("proposal-no-party.csv")}, code: 2, stderr: "proposal-no-party.csv:1: field party: missing column"},
		{name: "evaluate unknown seat", reason: "names the proposal element", args: []string{"evaluate", up, td("proposal-unknown-seat.csv")}, code: 2, stderr: "proposal[80]"},
		{name: "evaluate missing seat", reason: "every seat is needed", args: []string{"evaluate", up, td("proposal-missing-seat.csv")}, code: 2, stderr: "testdata/proposal-missing-seat.csv: proposal"},
		{name: "evaluate bad party", reason: "a non-member", args: []string{"evaluate", up, td("proposal-bad-party.csv")}, code: 2, stderr: "proposal[1].party"},
		{name: "explain neither", reason: "one of -seat and -demand", args: []string{"explain", up}, code: 2, stderr: "give exactly one of -seat and -demand"},
		{name: "explain both", reason: "one of -seat and -demand", args: []string{"explain", up, "-seat", "x", "-demand", "y"}, code: 2, stderr: "give exactly one of -seat and -demand"},
		{name: "explain unknown seat", reason: "names the argument", args: []string{"explain", up, "-seat", "Uttar Pradesh/81"}, code: 2, stderr: `no seat Uttar Pradesh/81 among the scenario's 80 seats`},
		{name: "explain unknown seat name", reason: "suggests the form", args: []string{"explain", up, "-seat", "Atlantis"}, code: 2, stderr: `write STATE/NO, such as "Uttar Pradesh/1"`},
		{name: "explain ambiguous rule", reason: "a rule makes several constraints", args: []string{"explain", up, "-demand", "rules[0]"}, code: 2, stderr: "rules[0] made 5 constraints"},
		{name: "explain unknown demand", reason: "lists the fields", args: []string{"explain", up, "-demand", "demands[7]"}, code: 2, stderr: "the scenario has demands[0], demands[1], rules[0]"},
		{name: "explain lock csv", reason: "CSV is for demands", args: []string{"explain", "-format", "csv", up, "-demand", "lock SP in Uttar Pradesh/35 LUCKNOW (won it in 2019)"}, code: 2, stderr: "is a lock"},
		{name: "simulate negative", reason: "counts are not negative", args: []string{"simulate", "-scenarios", "-5", up}, code: 2, stderr: "must not be negative"},
		{name: "simulate infeasible", reason: "exit 1", args: []string{"simulate", td("scenario-infeasible.json")}, code: 1, stderr: "infeasible"},

		{name: "coalition help", reason: "-h on the coalition level", args: []string{"coalition", "-h"}, golden: true},
		{name: "coalition table", reason: "members, core and what the RLD adds", args: []string{"coalition", "-join", "RLD", up}, golden: true, stdout: "Verdict: v(all) - v(all but RLD)"},
		{name: "coalition new member", reason: "-join adds the BSP where asked; sub-alliances keep the quota rule", args: []string{"coalition", "-join", "BSP", "-join-states", "Uttar Pradesh", "-demands", td("up-quota.json")}, golden: true, stdout: "What BSP adds to each sub-alliance S of the other members"},
		{name: "coalition demands infeasible", reason: "a sub-alliance that cannot meet its demands makes the game undefined: exit 1, naming it", args: []string{"coalition", "-demands", up}, code: 1, stderr: "coalition RLD: items Uttar Pradesh/77"},
		{name: "coalition allied", reason: "the other convention", args: []string{"coalition", "-allied", "-format", "csv", up}, golden: true, stdout: "party,alone,shapley,lo,hi,leaving_costs,banzhaf\n"},
		{name: "coalition sampled", reason: "intervals", args: []string{"coalition", "-samples", "40", up}, stdout: "estimated from 40 random orders"},
		{name: "coalition one sample", reason: "a sample needs two orders", args: []string{"coalition", "-samples", "1", up}, code: 2, stderr: "-samples 1"},
		{name: "coalition join states alone", reason: "needs -join", args: []string{"coalition", "-join-states", "Uttar Pradesh", up}, code: 2, stderr: "-join-states needs -join PARTY"},
		{name: "coalition join rival", reason: "a rival party cannot join", args: []string{"coalition", "-join", "BJP", up}, code: 2, stderr: "-join BJP: the party is in the scenario's rival bloc"},
		{name: "coalition join member states", reason: "a member keeps its states", args: []string{"coalition", "-join", "INC", "-join-states", "Uttar Pradesh", up}, code: 2, stderr: "INC is already a member"},
		{name: "coalition join bad state", reason: "the scenario checks the state", args: []string{"coalition", "-join", "BSP", "-join-states", "Atlantis", up}, code: 2, stderr: "Atlantis"},
		{name: "coalition two files", reason: "one scenario", args: []string{"coalition", up, up}, code: 2, stderr: "want at most one scenario file, got 2"},
		{name: "coalition bad format", reason: "only table, json, csv", args: []string{"coalition", "-format", "xml", up}, code: 2, stderr: `-format "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("run(%q) = %d, want %d (%s)\nstderr: %s", tt.args, code, tt.code, tt.reason, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("run(%q) stdout lacks %q; got:\n%s", tt.args, tt.stdout, stdout.String())
			}
			for _, want := range tt.more {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("run(%q) stdout lacks %q", tt.args, want)
				}
			}
			if code != 0 && stdout.Len() > 0 && !strings.HasSuffix(tt.name, "help") {
				t.Errorf("run(%q) failed but wrote %q to stdout", tt.args, stdout.String())
			}
			if tt.golden {
				golden(t, strings.ReplaceAll(tt.name, " ", "-")+".golden", stdout.String())
			}
		})
	}
}

// TestPlanDeterministic checks that two runs of every command give the same
// bytes, and that the JSON outputs parse.
func TestPlanDeterministic(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	up := filepath.Join("testdata", "up-claim.json")
	for _, args := range [][]string{
		{"plan", "-format", "json", up},
		{"simulate", "-format", "json", up},
		{"explain", "-format", "json", "-demand", "demands[0]", up},
		{"evaluate", "-format", "json", up, filepath.Join("testdata", "proposal.csv")},
	} {
		var a, b, stderr bytes.Buffer
		if code := run(args, &a, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		run(args, &b, &stderr)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("run(%q): two runs differ", args)
		}
		var doc map[string]any
		if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
			t.Errorf("run(%q): output is not JSON: %v", args, err)
		}
	}
}

// TestPlanSimulateAgree checks that simulate reproduces the plan's
// simulated distribution exactly: same probabilities, states and stream.
func TestPlanSimulateAgree(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	up := filepath.Join("testdata", "up-claim.json")
	var p, s, stderr bytes.Buffer
	if code := run([]string{"plan", "-format", "json", up}, &p, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	if code := run([]string{"simulate", "-format", "json", up}, &s, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	var plan struct {
		Plan struct {
			Expected   float64                     `json:"expected"`
			Simulation seatshare.SimulationSummary `json:"simulation"`
		} `json:"plan"`
	}
	var sim struct {
		Expected   float64                     `json:"expected"`
		Simulation seatshare.SimulationSummary `json:"simulation"`
	}
	if err := json.Unmarshal(p.Bytes(), &plan); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(s.Bytes(), &sim); err != nil {
		t.Fatal(err)
	}
	if plan.Plan.Expected != sim.Expected {
		t.Errorf("expected wins: plan %v, simulate %v", plan.Plan.Expected, sim.Expected)
	}
	if !slicesEqual(plan.Plan.Simulation.Counts, sim.Simulation.Counts) {
		t.Errorf("counts differ:\nplan     %v\nsimulate %v", plan.Plan.Simulation.Counts, sim.Simulation.Counts)
	}
}

func slicesEqual(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPlanShapley checks the Shapley values of "plan -shapley" against
// the game: the exact values add up to v(all members) without demands,
// and each exact value lies in the sampled 95% interval (fixed seed).
func TestPlanShapley(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	up := filepath.Join("testdata", "up-claim.json")
	values := func(args ...string) *seatshare.ShapleyResult {
		var stdout, stderr bytes.Buffer
		args = append([]string{"plan", "-format", "json", "-scenarios", "0"}, append(args, up)...)
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		var doc struct {
			Shapley *seatshare.ShapleyResult `json:"shapley"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Shapley
	}
	exact := values("-shapley")
	sampled := values("-shapley-samples", "200")
	if exact.Method == seatshare.ShapleySampled || sampled.Method != seatshare.ShapleySampled || sampled.Permutations != 200 {
		t.Errorf("methods %v and %v (%d orders), want exact and sampled from 200", exact.Method, sampled.Method, sampled.Permutations)
	}
	sc, err := readScenario(up)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		t.Fatal(err)
	}
	all, err := pl.CoalitionValue(context.Background(), []string{"SP", "INC", "RLD"}, false)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for i, r := range exact.Values {
		sum += r.Shapley
		s := sampled.Values[i]
		if s.Interval == nil || r.Shapley < s.Interval.Lo || r.Shapley > s.Interval.Hi || s.Alone != r.Alone || s.Party != r.Party {
			t.Errorf("%s: exact %v, alone %v; sampled %+v", r.Party, r.Shapley, r.Alone, s)
		}
	}
	if math.Abs(sum-all) > 1e-9 {
		t.Errorf("exact Shapley values sum to %v, want v(all) = %v", sum, all)
	}
}

// TestPlanCharts writes every chart in both formats and checks each file
// is an image of its kind with the expected title.
func TestPlanCharts(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	up := filepath.Join("testdata", "up-claim.json")
	for _, format := range []string{"svg", "png"} {
		dir := t.TempDir()
		dist := filepath.Join(dir, "single."+format)
		var stdout, stderr bytes.Buffer
		args := []string{"plan", "-chart", dist, "-chart-dir", dir, "-chart-format", format, "-frontier", "INC", "-frontier-state", "Uttar Pradesh", up}
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		for _, name := range []string{"single", "distribution", "prices", "shares", "frontier"} {
			file := filepath.Join(dir, name+"."+format)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stderr.String(), "wrote "+file) {
				t.Errorf("stderr does not name %s: %s", file, stderr.String())
			}
			switch format {
			case "png":
				if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
					t.Errorf("%s is not a PNG", file)
				}
			case "svg":
				if !bytes.Contains(b, []byte("<svg")) {
					t.Errorf("%s is not an SVG", file)
				}
			}
		}
		if format == "svg" {
			for name, want := range map[string]string{"shares": "entitlement", "prices": "INC&#39;s 2009 claim", "frontier": "INC"} {
				b, _ := os.ReadFile(filepath.Join(dir, name+".svg"))
				if !bytes.Contains(b, []byte(want)) {
					t.Errorf("%s.svg lacks %q", name, want)
				}
			}
		}
		for _, args := range [][]string{
			{"simulate", "-chart", filepath.Join(dir, "sim."+format), up},
			{"frontier", "-party", "INC", "-max", "30", "-chart", filepath.Join(dir, "front."+format), up},
		} {
			var sstdout, sstderr bytes.Buffer
			if code := run(args, &sstdout, &sstderr); code != 0 {
				t.Fatalf("run(%q) = %d: %s", args, code, sstderr.String())
			}
			file := args[len(args)-2]
			if fi, err := os.Stat(file); err != nil || fi.Size() == 0 || !strings.Contains(sstderr.String(), "wrote "+file) {
				t.Errorf("run(%q) wrote no %s: %v", args, file, err)
			}
		}
	}
}

// TestRealDataPlan runs plan on the real 2009 and 2019 results when
// SEATSHARE_DATA is set.
func TestRealDataPlan(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"plan", "-data", dir, filepath.Join("testdata", "up-claim.json")}, &stdout, &stderr); code != 0 {
		t.Fatalf("plan = %d: %s", code, stderr.String())
	}
	out := stdout.String()
	if strings.Contains(out, "ILLUSTRATIVE") || strings.Contains(stderr.String(), "ILLUSTRATIVE") {
		t.Error("a real-data plan says ILLUSTRATIVE")
	}
	for _, want := range []string{"ls2019_candidates.csv", "Uttar Pradesh/36  RAE BARELI"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
