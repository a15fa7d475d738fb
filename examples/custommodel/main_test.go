package main

import (
	"bytes"
	"context"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
)

var update = flag.Bool("update", false, "rewrite testdata/illustrative.golden")

// TestIllustrative runs the program on the embedded ILLUSTRATIVE data,
// checks that it runs the same twice and compares it with the golden file.
func TestIllustrative(t *testing.T) {
	var b, again bytes.Buffer
	if err := run(context.Background(), &b, nil, ""); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), &again, nil, ""); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two runs differ")
	}
	if !strings.Contains(b.String(), "*** ILLUSTRATIVE") {
		t.Error("the output does not say it is illustrative")
	}
	path := filepath.Join("testdata", "illustrative.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s; got:\n%s", path, b.String())
	}
}

// TestLinks checks that both links of the example are links: in [0, 1],
// non-decreasing in the margin, 1/2 at a zero margin, NaN for NaN.
func TestLinks(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sigma := rapid.Float64Range(0.01, 0.3).Draw(t, "sigma")
		other := rapid.Float64Range(0.01, 0.3).Draw(t, "other")
		nu := rapid.Float64Range(1, 30).Draw(t, "nu")
		lo := rapid.Float64Range(-1, 1).Draw(t, "lo")
		step := rapid.Float64Range(0, 1).Draw(t, "step")
		for _, l := range []scoring.Link{StudentT{Sigma: sigma, Nu: nu}, Skewed{Below: sigma, Above: other}} {
			a, b := l.Prob(lo), l.Prob(lo+step)
			if !(a >= 0 && b <= 1 && a <= b) {
				t.Fatalf("%#v: Prob(%v) = %v, Prob(%v) = %v", l, lo, a, lo+step, b)
			}
			if got := l.Prob(0); math.Abs(got-0.5) > 1e-12 {
				t.Fatalf("%#v: Prob(0) = %v, want 1/2", l, got)
			}
			if !math.IsNaN(l.Prob(math.NaN())) {
				t.Fatalf("%#v: Prob(NaN) is not NaN", l)
			}
		}
	})
}

// TestReweight checks the plumbing: re-weighting with the scenario's own
// probit gives back the planner's weights exactly and its optimum, a
// custom link's optimum is at least as good under that link as the
// probit's plan, and the planner's own problem is left untouched.
func TestReweight(t *testing.T) {
	sc, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	sc.Simulation = seatshare.SimulationSpec{}
	sc.Demands = append(sc.Demands, seatshare.Demand{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 19})
	pl, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		t.Fatal(err)
	}
	before := pl.Problem()
	beforeW := before.Items[0].Options[0].Weight
	same, err := reweight(pl, scoring.Probit{Sigma: pl.Scenario().Model.Link.Probit.Sigma})
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range same.Items {
		for k, o := range it.Options {
			if want := before.Items[i].Options[k].Weight; o.Weight != want {
				t.Fatalf("item %d option %d: weight %v, want the planner's %v", i, k, o.Weight, want)
			}
		}
	}
	plan, err := pl.Plan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res, err := solver.Solve(context.Background(), same, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(res.Objective-plan.Expected) > 1e-9 {
		t.Errorf("re-weighted probit optimum %v, planner's %v", res.Objective, plan.Expected)
	}
	heavy, err := reweight(pl, StudentT{Sigma: 0.08, Nu: 3})
	if err != nil {
		t.Fatal(err)
	}
	hres, err := solver.Solve(context.Background(), heavy, nil)
	if err != nil {
		t.Fatal(err)
	}
	probitPlan := 0.0
	for i, it := range heavy.Items {
		for _, o := range it.Options {
			if o.Agent == res.Assignment[i] {
				probitPlan += o.Weight
			}
		}
	}
	if hres.Objective < probitPlan-1e-9 {
		t.Errorf("Student-t optimum %v is below the probit plan's %v under the same link", hres.Objective, probitPlan)
	}
	if got := pl.Problem().Items[0].Options[0].Weight; got != beforeW {
		t.Errorf("reweight changed the planner's problem: weight %v, was %v", got, beforeW)
	}
}

// TestRealData runs the program on the real results when SEATSHARE_DATA is
// set.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, dir); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "ILLUSTRATIVE") || !strings.Contains(b.String(), "INC's claim: at least the 21 seats it won in 2009") {
		t.Errorf("real-data output:\n%s", b.String())
	}
}
