package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coalitionlab/alliance/examples/internal/golden"
	"github.com/coalitionlab/alliance/seatshare"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestNoData checks that without the real results the program says what
// it needs, naming SEATSHARE_DATA, and succeeds.
func TestNoData(t *testing.T) {
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Set SEATSHARE_DATA") {
		t.Errorf("output = %q", b.String())
	}
	golden.Check(t, "nodata.golden", b.Bytes(), *update)
	for _, args := range [][]string{{"-format", "xml"}, {"extra"}} {
		if err := run(context.Background(), &bytes.Buffer{}, args, ""); err == nil {
			t.Errorf("run(%q) = nil error", args)
		}
	}
}

// sharedPlan computes the national plan with full sharing on the results
// in dir once for every test that reads it.
var sharedPlan = func() func(t *testing.T, dir string) *report {
	var (
		once sync.Once
		rep  *report
		err  error
	)
	return func(t *testing.T, dir string) *report {
		t.Helper()
		once.Do(func() { rep, err = compute(context.Background(), dir, false, io.Discard) })
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
}()

// TestRealData runs the national plan on the real results when
// SEATSHARE_DATA is set: the golden table, every demand met, every member
// only in its states, every one of the bloc's 28 parties in the output
// (with seats or the reason it has none), and Shapley values that add up
// to the alliance's value without demands, which is at least the plan's.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	// One computation, written in both formats: the work is the same for
	// both (run differs only in the writer), and it is the bulk of the
	// test's time under -race.
	r := sharedPlan(t, dir)
	var b, j bytes.Buffer
	if err := writeTable(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := writeJSON(&j, r); err != nil {
		t.Fatal(err)
	}
	// The table names its source files; write the data directory as the
	// variable so the golden file holds wherever the data lives.
	got := bytes.ReplaceAll(b.Bytes(), []byte(dir), []byte("$"+seatshare.DataEnv))
	golden.Check(t, "real.golden", got, *update)

	// -scenario's file reads back as the very scenario planned, so the
	// seatshare command reproduces the plan from it.
	file := filepath.Join(t.TempDir(), "national.json")
	if err := writeScenario(file, r.Scenario); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	back, err := seatshare.ReadScenario(f, file)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r.Scenario, back); diff != "" {
		t.Errorf("the scenario file reads back differently (-planned +read):\n%s", diff)
	}

	var rep struct {
		Plan struct {
			Expected float64 `json:"expected"`
			Seats    []struct {
				State string `json:"state"`
				Party string `json:"party"`
			} `json:"seats"`
			Constraints []struct {
				Name  string  `json:"name"`
				Value float64 `json:"value"`
			} `json:"constraints"`
		} `json:"plan"`
		Parties []partyRow `json:"parties"`
		Outside []outside  `json:"outside"`
		Grand   float64    `json:"grand"`
	}
	if err := json.Unmarshal(j.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Plan.Seats) != 543 {
		t.Errorf("%d seats, want 543", len(rep.Plan.Seats))
	}
	states := make(map[string][]string)
	for _, m := range members {
		states[m.party] = m.states
	}
	for _, s := range rep.Plan.Seats {
		st, ok := states[s.Party]
		switch {
		case !ok:
			t.Errorf("a seat in %s goes to %q, not a member", s.State, s.Party)
		case st != nil && !slices.Contains(st, s.State):
			t.Errorf("%s contests a seat in %s, outside its states %v", s.Party, s.State, st)
		}
	}
	for i, d := range demands {
		if got := rep.Plan.Constraints[i].Value; got < float64(d.min) {
			t.Errorf("%s: %v seats", d.name, got)
		}
	}

	// The bloc's 28: every member has a row, every other party a reason,
	// and the table prints both.
	if n := len(rep.Parties) + len(rep.Outside); n != 28 {
		t.Errorf("%d members and %d others: %d parties, want the bloc's 28", len(rep.Parties), len(rep.Outside), n)
	}
	var inPlan []string
	for _, p := range rep.Parties {
		inPlan = append(inPlan, p.Party)
	}
	var want []string
	for _, m := range members {
		want = append(want, m.party)
	}
	if diff := cmp.Diff(want, inPlan); diff != "" {
		t.Errorf("members in the output (-want +got):\n%s", diff)
	}
	table := b.String()
	for _, p := range rep.Parties {
		if !strings.Contains(table, "\n"+p.Party+" ") {
			t.Errorf("the table has no row for %s", p.Party)
		}
	}
	if diff := cmp.Diff(outsiders, rep.Outside); diff != "" {
		t.Errorf("parties outside the plan (-want +got):\n%s", diff)
	}
	lines := strings.Split(table, "\n")
	for _, o := range rep.Outside {
		printed := slices.ContainsFunc(lines, func(l string) bool {
			return strings.HasPrefix(l, o.Party+" ") && strings.HasSuffix(l, " "+o.Reason)
		})
		if o.Reason == "" || slices.Contains(want, o.Party) || !printed {
			t.Errorf("%s: not in the table with a reason, or also a member (reason %q)", o.Party, o.Reason)
		}
	}

	// Efficiency: the Shapley values add up to v(all members) without
	// demands, which no demand can raise.
	sum := 0.0
	for _, p := range rep.Parties {
		sum += p.Shapley
	}
	if math.Abs(sum-rep.Grand) > 1e-6 || math.IsNaN(sum) {
		t.Errorf("Shapley values sum to %v, not the alliance's value %v", sum, rep.Grand)
	}
	if rep.Grand < rep.Plan.Expected-1e-9 {
		t.Errorf("value without demands %v is below the plan's %v", rep.Grand, rep.Plan.Expected)
	}
}

// TestMembership checks the members' states against the rule of the doc
// comment, recomputed from the real results: the states where a
// candidate under one of the party's labels polled more than a sixth of
// the valid votes in 2014 or 2019, plus the states of its 2024 deals,
// minus the stated exceptions.
func TestMembership(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	deals := map[string][]string{
		"AAAP": {"Gujarat", "Haryana", "Goa"},
		"CPM":  {"Bihar"},
	}
	dropped := map[string][]string{
		"NCP(SP)": {"Bihar", "Gujarat"},
	}
	deposits := make(map[string]map[string]bool) // label -> states
	for _, year := range []int{2014, 2019} {
		e, err := seatshare.DataDir(dir)(year)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range e.Constituencies {
			for _, cand := range c.Candidates {
				if 6*cand.Votes > c.ValidVotes {
					if deposits[cand.Party] == nil {
						deposits[cand.Party] = make(map[string]bool)
					}
					deposits[cand.Party][c.State] = true
				}
			}
		}
	}
	for _, m := range members {
		if m.party == "INC" {
			if m.states != nil {
				t.Errorf("INC is a member only in %v", m.states)
			}
			continue
		}
		var want []string
		for _, l := range m.record() {
			for st := range deposits[l] {
				if !slices.Contains(dropped[m.party], st) {
					want = append(want, st)
				}
			}
		}
		want = append(want, deals[m.party]...)
		slices.Sort(want)
		want = slices.Compact(want)
		got := slices.Sorted(slices.Values(m.states))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (%s): states (-rule +program):\n%s", m.party, m.name, diff)
		}
	}
}

// TestStale checks which members' 2014 shares count at 2014's weight:
// those that sat out a state of theirs in 2019 and fought it alone in
// 2014, as the doc comment lists them.
func TestStale(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	src := cached(seatshare.DataDir(dir))
	e2014, err := src(2014)
	if err != nil {
		t.Fatal(err)
	}
	e2019, err := src(2019)
	if err != nil {
		t.Fatal(err)
	}
	sc := scenario(nil)
	var got []string
	for _, o := range stale(sc, e2014, e2019) {
		if !(o.Share > 0 && o.Share <= sc.Bases[1].Weight) {
			t.Errorf("%s in %s/%d: share %v outside (0, %v]", o.Party, o.State, o.No, o.Share, sc.Bases[1].Weight)
		}
		if s := o.Party + " in " + o.State; !slices.Contains(got, s) {
			got = append(got, s)
		}
	}
	want := []string{"AAAP in Gujarat", "AAAP in Maharashtra", "PWPI in Maharashtra"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stale strengths (-want +got):\n%s", diff)
	}
}

// BenchmarkNational times the whole program on the real results: the
// national plan with prices for every demand and switch costs, 100,000
// simulated elections and the per-state Shapley values.
func BenchmarkNational(b *testing.B) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		b.Skip(seatshare.DataEnv + " is not set")
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := run(context.Background(), io.Discard, nil, dir); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSeparate plans with -separate on the real results when
// SEATSHARE_DATA is set: the option to contest separately in Kerala,
// West Bengal and Punjab only adds choices, so the plan does at least as
// well as full sharing; the option appears only in those states; and the
// table counts its seats.
func TestSeparate(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	shared := sharedPlan(t, dir)
	sep, err := compute(context.Background(), dir, true, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if sep.Plan.Expected < shared.Plan.Expected-1e-9 {
		t.Errorf("with the option %v expected wins, without %v", sep.Plan.Expected, shared.Plan.Expected)
	}
	n := 0
	for _, s := range sep.Plan.Seats {
		if s.Party != seatshare.SeparateOption {
			continue
		}
		n++
		if !slices.Contains(fought, s.ID.State) {
			t.Errorf("%v: members contest separately outside %v", s.ID, fought)
		}
	}
	if n == 0 || n != sep.Separate.Seats || shared.Separate.Seats != 0 {
		t.Errorf("%d separate seats in the plan, %d in the report, %d without the option", n, sep.Separate.Seats, shared.Separate.Seats)
	}
	var b bytes.Buffer
	if err := writeTable(&b, sep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\n(separate)") {
		t.Errorf("the table has no (separate) row:\n%s", b.String())
	}
}
