package solver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readBench reads seatbench instance name from SEATBENCH_DIR, skipping b
// when the directory or the instance is missing.
func readBench(b *testing.B, name string) *Problem {
	dir := os.Getenv("SEATBENCH_DIR")
	if dir == "" {
		b.Skip("SEATBENCH_DIR is not set")
	}
	f, err := os.Open(filepath.Join(dir, name+".json"))
	if err != nil {
		b.Skipf("instance %s: %v", name, err)
	}
	defer f.Close()
	p, err := ReadSeatbench(f)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// hallDeficit makes p infeasible the Hall way: in its largest group, every
// agent eligible there gets a maximum so that together they can take one
// item fewer than the group holds. The irreducible conflict then names
// most of the group's items and every new maximum.
func hallDeficit(p *Problem) {
	g := 0
	for k := range p.Groups {
		if len(p.Groups[k].Items) > len(p.Groups[g].Items) {
			g = k
		}
	}
	var agents []int
	seen := make([]bool, len(p.Agents))
	for _, i := range p.Groups[g].Items {
		for _, o := range p.Items[i].Options {
			if !seen[o.Agent] {
				seen[o.Agent] = true
				agents = append(agents, o.Agent)
			}
		}
	}
	room := len(p.Groups[g].Items) - 1
	for k, a := range agents {
		share := room / len(agents)
		if k < room%len(agents) {
			share++
		}
		p.Bounds = append(p.Bounds, Bound{Name: "hall", Agent: a, Group: g, Max: share})
	}
}

// rowDeficit makes p infeasible with a row: agent 0 and agent 1 together
// get more items than both may take.
func rowDeficit(p *Problem) {
	n := 0
	for _, it := range p.Items {
		for _, o := range it.Options {
			if o.Agent <= 1 {
				n++
				break
			}
		}
	}
	p.Rows = append(p.Rows, Row{
		Name:  "deficit",
		Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}, {Agent: 1, Group: AllItems, Coef: 1}},
		Sense: GreaterEq,
		RHS:   float64(n + 1),
	})
}

// BenchmarkExplain explains seatbench instances (see BenchmarkSolve) made
// infeasible by hallDeficit, or by rowDeficit for the "-row" variants;
// the timer covers Solve, which finds the infeasibility and explains it.
// It reports the conflict's size.
func BenchmarkExplain(b *testing.B) {
	for _, name := range []string{"india", "x10", "x100", "india-side", "india-row", "india-side-row", "x10-side-row"} {
		b.Run(name, func(b *testing.B) {
			base, row := strings.CutSuffix(name, "-row")
			p := readBench(b, base)
			if row {
				rowDeficit(p)
			} else {
				hallDeficit(p)
			}
			b.ReportAllocs()
			var ie *InfeasibleError
			for b.Loop() {
				_, err := Solve(context.Background(), p, nil)
				if !errors.As(err, &ie) {
					b.Fatalf("Solve: %v, want an *InfeasibleError", err)
				}
			}
			b.ReportMetric(float64(len(ie.Conflict)), "constraints")
			if !ie.Irreducible {
				b.ReportMetric(0, "irreducible")
			} else {
				b.ReportMetric(1, "irreducible")
			}
		})
	}
}
