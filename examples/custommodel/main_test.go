package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/examples/internal/golden"
	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

var update = flag.Bool("update", false, "rewrite testdata/illustrative.golden")

// TestIllustrative runs the program on the embedded ILLUSTRATIVE data,
// checks that it runs the same twice, says it is illustrative, and compares
// it with the golden file.
func TestIllustrative(t *testing.T) {
	golden.Run(t, "illustrative.golden", func(w io.Writer) error { return run(context.Background(), w, nil, "") },
		[]string{"*** ILLUSTRATIVE"}, *update)
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

// TestPlannerLink checks what the example relies on: through
// seatshare.NewPlannerWith a link of its own gives each seat's party its
// probability of the scenario link's margin, the plan's table names the
// link, and the plan is at least as good under that link as the probit's
// plan, which Planner.Evaluate scores.
func TestPlannerLink(t *testing.T) {
	ctx := context.Background()
	sc, err := illustrative.Scenario()
	if err != nil {
		t.Fatal(err)
	}
	sc.Simulation = seatshare.SimulationSpec{}
	sc.Demands = append(sc.Demands, seatshare.Demand{Party: "INC", SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: 22})
	probit, err := seatshare.NewPlanner(sc, illustrative.Election)
	if err != nil {
		t.Fatal(err)
	}
	base, err := probit.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	link := StudentT{Sigma: 0.08, Nu: 3}
	pl, err := seatshare.NewPlannerWith(sc, illustrative.Election, &seatshare.PlannerSettings{Link: link, LinkName: "t3"})
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	margins := make(map[string]float64)
	for _, sw := range probit.Seats() {
		for _, o := range sw.Options {
			margins[sw.ID.String()+"/"+o.Party] = o.Margin
		}
	}
	for _, s := range plan.Seats {
		m, ok := margins[s.ID.String()+"/"+s.Party]
		if !ok {
			t.Fatalf("seat %v: party %s is no option of the probit planner", s.ID, s.Party)
		}
		if want := link.Prob(m); math.Abs(s.W-want) > 1e-12 {
			t.Errorf("seat %v, %s: W %v, want t3(%v) = %v", s.ID, s.Party, s.W, m, want)
		}
	}
	pins := make([]seatshare.Pin, len(base.Seats))
	for i, s := range base.Seats {
		pins[i] = seatshare.Pin{State: s.ID.State, No: s.ID.No, Party: s.Party}
	}
	ev, err := pl.Evaluate(ctx, pins)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(ev.Optimum-plan.Expected) > 1e-9 || ev.Expected > plan.Expected+1e-9 {
		t.Errorf("under t3: optimum %v (plan %v), the probit's plan %v", ev.Optimum, plan.Expected, ev.Expected)
	}
	var b bytes.Buffer
	if err := seatshare.WriteTable(&b, plan); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Model: link: custom (t3)") {
		t.Errorf("the plan's table does not name the custom link:\n%s", b.String())
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
	if strings.Contains(b.String(), "ILLUSTRATIVE") || !strings.Contains(b.String(), "INC's claim: at least 24 seats, the 21 it won in 2009 and 3 more") {
		t.Errorf("real-data output:\n%s", b.String())
	}
}
