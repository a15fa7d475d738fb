package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

// TestCoalitionIdentities checks the JSON report against the game it
// describes, valued independently through seatshare.Planner.CoalitionValue:
// the Shapley values add up to v(all), each leaving cost is v(all) - v(all
// but the member), the Banzhaf shares add up to 1, the core check agrees
// with the blocking coalition's numbers, and the -join table lists every
// sub-alliance of the others once, with gains that are differences of its
// values; the sampled values' intervals hold the exact ones.
func TestCoalitionIdentities(t *testing.T) {
	t.Setenv(seatshare.DataEnv, "")
	up := filepath.Join("testdata", "up-claim.json")
	report := func(file string, args ...string) *coalitionReport {
		t.Helper()
		var stdout, stderr bytes.Buffer
		args = append([]string{"coalition", "-format", "json"}, append(args, file)...)
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		rep := new(coalitionReport)
		if err := json.Unmarshal(stdout.Bytes(), rep); err != nil {
			t.Fatal(err)
		}
		return rep
	}
	// up-claim's sitting-member locks leave the RLD alone infeasible, so
	// the game with demands is checked on up-quota.
	for _, game := range []struct {
		file    string
		demands bool
	}{{up, false}, {filepath.Join("testdata", "up-quota.json"), true}} {
		demands := game.demands
		sc, err := readScenario(game.file)
		if err != nil {
			t.Fatal(err)
		}
		sc.Alliance = append(sc.Alliance, seatshare.Member{Party: "BSP", States: []string{"Uttar Pradesh"}})
		pl, err := seatshare.NewPlanner(sc, illustrative.Election)
		if err != nil {
			t.Fatal(err)
		}
		args := []string{"-join", "BSP", "-join-states", "Uttar Pradesh"}
		if demands {
			args = append(args, "-demands")
		}
		rep := report(game.file, args...)
		members := []string{"SP", "INC", "RLD", "BSP"}
		v := func(s []string) float64 {
			x, err := pl.CoalitionValue(context.Background(), s, demands)
			if err != nil {
				t.Fatal(err)
			}
			return x
		}
		res := rep.Shapley
		if got := partiesOf(res.Values); !slices.Equal(got, members) {
			t.Fatalf("demands %v: members %q, want %q", demands, got, members)
		}
		if math.Abs(res.Total-v(members)) > 1e-9 {
			t.Errorf("demands %v: total %v, want v(all) = %v", demands, res.Total, v(members))
		}
		sum, bz := 0.0, 0.0
		for i, m := range res.Values {
			sum += m.Shapley
			bz += rep.Banzhaf[i]
			rest := slices.Delete(slices.Clone(members), i, i+1)
			if want := res.Total - v(rest); math.Abs(rep.Leaving[i]-want) > 1e-9 {
				t.Errorf("demands %v: %s leaving costs %v, want %v", demands, m.Party, rep.Leaving[i], want)
			}
			if want := v([]string{m.Party}); math.Abs(m.Alone-want) > 1e-9 {
				t.Errorf("demands %v: %s alone %v, want %v", demands, m.Party, m.Alone, want)
			}
		}
		if math.Abs(sum-res.Total) > 1e-9 || math.Abs(bz-1) > 1e-9 {
			t.Errorf("demands %v: Shapley values sum to %v (want %v), Banzhaf shares to %v (want 1)", demands, sum, res.Total, bz)
		}
		c := rep.Core
		share := 0.0
		for _, m := range res.Values {
			if slices.Contains(c.Blocking, m.Party) {
				share += m.Shapley
			}
		}
		if want := v(c.Blocking) - share; math.Abs(c.Excess-want) > 1e-9 || c.InCore != (c.Excess <= coreTolerance && c.Surplus <= coreTolerance) {
			t.Errorf("demands %v: core %+v, want excess %v", demands, c, want)
		}
		j := rep.Join
		if j.Party != "BSP" || j.With != res.Total || math.Abs(j.Gain-(j.With-j.Without)) > 1e-12 || len(j.Coalitions) != 8 {
			t.Fatalf("demands %v: join %+v", demands, j)
		}
		seen := map[string]bool{}
		for _, r := range j.Coalitions {
			key := strings.Join(r.Members, "+")
			if seen[key] || slices.Contains(r.Members, "BSP") {
				t.Errorf("demands %v: row %q repeated or with the BSP", demands, key)
			}
			seen[key] = true
			if math.Abs(r.V-v(r.Members)) > 1e-9 || math.Abs(r.VWith-v(append(slices.Clone(r.Members), "BSP"))) > 1e-9 || math.Abs(r.Gain-(r.VWith-r.V)) > 1e-12 {
				t.Errorf("demands %v: row %+v disagrees with the game", demands, r)
			}
		}
		if last := j.Coalitions[len(j.Coalitions)-1]; len(last.Members) != 3 || last.V != j.Without {
			t.Errorf("demands %v: last row %+v, want the three others with v = %v", demands, last, j.Without)
		}
	}
	exact, sampled := report(up), report(up, "-samples", "300")
	for i, m := range exact.Shapley.Values {
		s := sampled.Shapley.Values[i]
		if s.Interval == nil || m.Shapley < s.Interval.Lo || m.Shapley > s.Interval.Hi {
			t.Errorf("%s: exact %v outside the sampled interval %+v", m.Party, m.Shapley, s.Interval)
		}
	}
}

// partiesOf returns the parties of values, in order.
func partiesOf(values []seatshare.MemberValue) []string {
	var out []string
	for _, m := range values {
		out = append(out, m.Party)
	}
	return out
}
