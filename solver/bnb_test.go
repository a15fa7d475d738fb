package solver

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// bnbSolve runs the general path on p directly.
func bnbSolve(ctx context.Context, p *Problem, s *Settings) (*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	m, err := newModel(p, s)
	if err != nil {
		return nil, err
	}
	return branchAndBound(ctx, m, s)
}

// bnbProblem draws a small problem with overlapping bound sets and rows with
// real coefficients of both signs, pair terms, locks and vetoes.
func bnbProblem(t *rapid.T) *Problem {
	nItems := rapid.IntRange(1, 6).Draw(t, "nItems")
	nAgents := rapid.IntRange(1, 3).Draw(t, "nAgents")
	grid := rapid.Bool().Draw(t, "grid")
	p := &Problem{}
	for a := range nAgents {
		p.Agents = append(p.Agents, fmt.Sprintf("A%d", a))
	}
	for i := range nItems {
		it := Item{Name: fmt.Sprintf("i%d", i)}
		for a := range nAgents {
			if rapid.IntRange(0, 4).Draw(t, "skip") == 0 {
				continue
			}
			w := float64(rapid.IntRange(-8, 32).Draw(t, "weight")) / 8
			if !grid {
				w = rapid.Float64Range(-1, 4).Draw(t, "weight")
			}
			it.Options = append(it.Options, Option{Agent: a, Weight: w})
		}
		p.Items = append(p.Items, it)
	}
	for g := range rapid.IntRange(0, 3).Draw(t, "nGroups") {
		gr := Group{Name: fmt.Sprintf("g%d", g)}
		for i := range nItems {
			if rapid.Bool().Draw(t, "member") {
				gr.Items = append(gr.Items, i)
			}
		}
		p.Groups = append(p.Groups, gr)
	}
	group := func(label string) int { return rapid.IntRange(AllItems, len(p.Groups)-1).Draw(t, label) }
	for range rapid.IntRange(0, 4).Draw(t, "nBounds") {
		b := Bound{Agent: rapid.IntRange(0, nAgents-1).Draw(t, "boundAgent"), Group: group("boundGroup"), Max: Unlimited}
		b.Min = rapid.IntRange(0, 2).Draw(t, "min")
		if rapid.Bool().Draw(t, "hasMax") {
			b.Max = b.Min + rapid.IntRange(0, 2).Draw(t, "slack")
		}
		p.Bounds = append(p.Bounds, b)
	}
	coefs := []float64{1, -1, 0.5, 2, -1.5, 0.25}
	for r := range rapid.IntRange(0, 3).Draw(t, "nRows") {
		row := Row{Name: fmt.Sprintf("r%d", r), Sense: Sense(rapid.IntRange(0, 2).Draw(t, "sense"))}
		for range rapid.IntRange(0, 2).Draw(t, "nTerms") {
			row.Terms = append(row.Terms, Term{
				Agent: rapid.IntRange(0, nAgents-1).Draw(t, "termAgent"),
				Group: group("termGroup"),
				Coef:  rapid.SampledFrom(coefs).Draw(t, "termCoef"),
			})
		}
		for range rapid.IntRange(0, 2).Draw(t, "nPairs") {
			row.Pairs = append(row.Pairs, PairTerm{
				Item:  rapid.IntRange(0, nItems-1).Draw(t, "pairItem"),
				Agent: rapid.IntRange(0, nAgents-1).Draw(t, "pairAgent"),
				Coef:  rapid.SampledFrom(coefs).Draw(t, "pairCoef"),
			})
		}
		row.RHS = float64(rapid.IntRange(-4, 8).Draw(t, "rhs")) / 2
		p.Rows = append(p.Rows, row)
	}
	for range rapid.IntRange(0, 1).Draw(t, "nLocks") {
		p.Locks = append(p.Locks, Pair{rapid.IntRange(0, nItems-1).Draw(t, "lockItem"), rapid.IntRange(0, nAgents-1).Draw(t, "lockAgent")})
	}
	for range rapid.IntRange(0, 1).Draw(t, "nVetoes") {
		p.Vetoes = append(p.Vetoes, Pair{rapid.IntRange(0, nItems-1).Draw(t, "vetoItem"), rapid.IntRange(0, nAgents-1).Draw(t, "vetoAgent")})
	}
	return p
}

// bnbBrute enumerates every assignment of p and returns the best scaled
// objective sum of round(w/res), with exact row checks in big.Rat.
func bnbBrute(p *Problem, res float64) (best int64, feasible bool) {
	locked := make([]int, len(p.Items))
	for i := range locked {
		locked[i] = -1
	}
	conflict := false
	for _, l := range p.Locks {
		if locked[l.Item] >= 0 && locked[l.Item] != l.Agent {
			conflict = true
		}
		locked[l.Item] = l.Agent
	}
	if conflict {
		return 0, false
	}
	vetoed := func(i, a int) bool {
		for _, v := range p.Vetoes {
			if v.Item == i && v.Agent == a {
				return true
			}
		}
		return false
	}
	inGroup := func(g, i int) bool {
		if g == AllItems {
			return true
		}
		for _, j := range p.Groups[g].Items {
			if j == i {
				return true
			}
		}
		return false
	}
	x := make([]int, len(p.Items))
	var rec func(i int, obj int64)
	rec = func(i int, obj int64) {
		if i < len(p.Items) {
			for _, o := range p.Items[i].Options {
				if (locked[i] >= 0 && o.Agent != locked[i]) || vetoed(i, o.Agent) {
					continue
				}
				x[i] = o.Agent
				rec(i+1, obj+int64(math.Round(o.Weight/res)))
			}
			return
		}
		for _, b := range p.Bounds {
			n := 0
			for j, a := range x {
				if a == b.Agent && inGroup(b.Group, j) {
					n++
				}
			}
			if n < b.Min || (b.Max != Unlimited && n > b.Max) {
				return
			}
		}
		for _, row := range p.Rows {
			act := new(big.Rat)
			for _, t := range row.Terms {
				for j, a := range x {
					if a == t.Agent && inGroup(t.Group, j) {
						act.Add(act, new(big.Rat).SetFloat64(t.Coef))
					}
				}
			}
			for _, t := range row.Pairs {
				if x[t.Item] == t.Agent {
					act.Add(act, new(big.Rat).SetFloat64(t.Coef))
				}
			}
			c := act.Cmp(new(big.Rat).SetFloat64(row.RHS))
			if (row.Sense == LessEq && c > 0) || (row.Sense == GreaterEq && c < 0) || (row.Sense == Equal && c != 0) {
				return
			}
		}
		if !feasible || obj > best {
			best, feasible = obj, true
		}
	}
	rec(0, 0)
	return best, feasible
}

func TestBranchAndBoundMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := bnbProblem(t)
		res, err := bnbSolve(context.Background(), p, nil)
		if err != nil {
			t.Fatalf("branchAndBound: %v\nproblem %+v", err, *p)
		}
		best, feasible := bnbBrute(p, DefaultResolution)
		if !feasible {
			if res.Status != Infeasible {
				t.Fatalf("status %v, brute force finds no feasible assignment", res.Status)
			}
			return
		}
		if res.Status != Optimal {
			t.Fatalf("status %v, brute force optimum %d", res.Status, best)
		}
		if res.Certificate.Objective != best {
			t.Fatalf("scaled objective %d, brute force %d", res.Certificate.Objective, best)
		}
		if err := Verify(p, res); err != nil {
			t.Fatalf("Verify: %v", err)
		}
	})
}

// TestBranchAndBoundAgreesWithFlow checks the general path against the flow
// path on laminar problems without rows.
func TestBranchAndBoundAgreesWithFlow(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := bnbProblem(t)
		p.Rows = nil
		m, err := newModel(p, nil)
		if err != nil || !m.laminar {
			t.Skip("not laminar")
		}
		flow, err := solveFlow(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		res, err := bnbSolve(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != flow.Status {
			t.Fatalf("status %v, flow path %v", res.Status, flow.Status)
		}
		if res.Status == Optimal && res.Certificate.Objective != flow.Certificate.Objective {
			t.Fatalf("objective %d, flow path %d", res.Certificate.Objective, flow.Certificate.Objective)
		}
	})
}

func TestBranchAndBoundDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := bnbProblem(t)
		a, errA := bnbSolve(context.Background(), p, nil)
		b, errB := bnbSolve(context.Background(), p, nil)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("errors differ: %v, %v", errA, errB)
		}
		if errA != nil {
			return
		}
		a.Stats.Runtime, b.Stats.Runtime = 0, 0
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two runs differ (-first +second):\n%s", diff)
		}
	})
}

// bnbHard is a problem whose LP relaxation is fractional, so that branch
// and bound needs several nodes: items go to one of two agents, the weights
// favour agent 0, and an odd-cycle of rows forbids many pairs together.
func bnbHard(n int) *Problem {
	p := &Problem{Agents: []string{"a", "b"}}
	for i := range n {
		p.Items = append(p.Items, Item{Options: []Option{{Agent: 0, Weight: 1 + float64(i%5)/8}, {Agent: 1, Weight: 0}}})
	}
	for i := range n {
		j := (i + 1) % n
		p.Rows = append(p.Rows, Row{Pairs: []PairTerm{{Item: i, Agent: 0, Coef: 1}, {Item: j, Agent: 0, Coef: 1}}, Sense: LessEq, RHS: 1})
	}
	return p
}

func TestBranchAndBoundNodeLimit(t *testing.T) {
	p := bnbHard(9)
	full, err := bnbSolve(context.Background(), p, nil)
	if err != nil || full.Status != Optimal {
		t.Fatalf("full solve: %v, %v", full, err)
	}
	if full.Stats.Nodes < 3 {
		t.Fatalf("full solve took %d nodes; the test needs a problem that branches", full.Stats.Nodes)
	}
	res, err := bnbSolve(context.Background(), p, &Settings{NodeLimit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status.Proven() || res.Stats.Nodes != 1 || res.Certificate != nil {
		t.Fatalf("NodeLimit 1: status %v after %d nodes, certificate %v", res.Status, res.Stats.Nodes, res.Certificate != nil)
	}
	if err := Verify(p, res); err != nil {
		t.Fatalf("Verify: %v", err)
	}
}

func TestBranchAndBoundCancel(t *testing.T) {
	p := bnbHard(9)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := bnbSolve(ctx, p, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if res == nil || res.Status.Proven() {
		t.Fatalf("result %v, want an unproven best-so-far", res)
	}
	if err := Verify(p, res); err != nil {
		t.Fatalf("Verify: %v", err)
	}
}
