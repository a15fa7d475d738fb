package solver

import (
	"context"
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// flowBrute returns the largest scaled objective over every assignment of
// m's enabled pairs that satisfies m's bounds, and false when none does.
// It enumerates all assignments: use it on a handful of items only.
func flowBrute(m *model) (int64, bool) {
	p := m.p
	n := len(p.Items)
	pick := make([]int32, n)
	best, found := int64(math.MinInt64), false
	var rec func(i int, obj int64)
	rec = func(i int, obj int64) {
		if i == n {
			if boundsHold(p, m, pick) && (!found || obj > best) {
				best, found = obj, true
			}
			return
		}
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if m.w[k] != disabledPair {
				pick[i] = k
				rec(i+1, obj+m.w[k])
			}
		}
	}
	rec(0, 0)
	return best, found
}

// boundsHold reports whether the pairs pick satisfy every bound of p.
func boundsHold(p *Problem, m *model, pick []int32) bool {
	for _, bd := range p.Bounds {
		c := 0
		for i, k := range pick {
			if int(m.agent[k]) == bd.Agent && inGroup(p, bd.Group, i) {
				c++
			}
		}
		if c < bd.Min || (bd.Max != Unlimited && c > bd.Max) {
			return false
		}
	}
	return true
}

func inGroup(p *Problem, g, i int) bool {
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

// lagrangian evaluates the certificate's bound (Den = 1, no rows) for the
// bound prices price over the model's enabled pairs, in exact arithmetic.
// ok is false when some item has no enabled pair.
func lagrangian(m *model, price []int64) (l *big.Int, ok bool) {
	p := m.p
	l = new(big.Int)
	for i := range p.Items {
		var best *big.Int
		for k := m.start[i]; k < m.start[i+1]; k++ {
			if m.w[k] == disabledPair {
				continue
			}
			v := big.NewInt(m.w[k])
			for b, bd := range p.Bounds {
				if bd.Agent == int(m.agent[k]) && inGroup(p, bd.Group, i) {
					v.Sub(v, big.NewInt(price[b]))
				}
			}
			if best == nil || v.Cmp(best) > 0 {
				best = v
			}
		}
		if best == nil {
			return nil, false
		}
		l.Add(l, best)
	}
	for b, bd := range p.Bounds {
		lim := bd.Min
		if price[b] > 0 {
			lim = bd.Max
		}
		l.Add(l, new(big.Int).Mul(big.NewInt(price[b]), big.NewInt(int64(lim))))
	}
	return l, true
}

// checkCertificate reports the first way in which res fails to prove its
// assignment optimal for the laminar problem p, or "".
func checkCertificate(p *Problem, m *model, res *Result) string {
	c := res.Certificate
	if c == nil || len(c.Nodes) != 1 || !c.Nodes[0].Leaf || c.Denominator != 1 {
		return "certificate is not a single leaf with denominator 1"
	}
	price := c.Nodes[0].BoundPrices
	if len(price) != len(p.Bounds) {
		return "wrong number of bound prices"
	}
	for b, bd := range p.Bounds {
		if price[b] > 0 && bd.Max == Unlimited {
			return "positive price on a bound without Max"
		}
	}
	pick := make([]int32, len(p.Items))
	var obj int64
	for i, a := range res.Assignment {
		k := m.pair(i, a)
		if k < 0 || m.w[k] == disabledPair {
			return "assignment uses a pair that is not enabled"
		}
		pick[i] = int32(k)
		obj += m.w[k]
	}
	if !boundsHold(p, m, pick) {
		return "assignment violates a bound"
	}
	if obj != c.Objective {
		return "certificate objective differs from the assignment's"
	}
	l, ok := lagrangian(m, price)
	if !ok || l.Cmp(big.NewInt(obj)) != 0 {
		return "Lagrangian bound differs from the objective"
	}
	return ""
}

// laminarProblem draws a small problem whose bound sets are laminar for
// every agent: groups are a partition of the items into regions plus a
// sub-region of each, and bounds sit on all items, regions and
// sub-regions, sometimes twice on the same set.
func laminarProblem(t *rapid.T, maxItems int) *Problem {
	n := rapid.IntRange(0, maxItems).Draw(t, "n")
	nAgents := rapid.IntRange(1, 4).Draw(t, "nAgents")
	nRegions := rapid.IntRange(1, 3).Draw(t, "nRegions")
	p := &Problem{Agents: make([]string, nAgents)}
	region := make([]int, n)
	for i := range region {
		region[i] = rapid.IntRange(0, nRegions-1).Draw(t, "region")
	}
	for r := 0; r < nRegions; r++ {
		var all, sub []int
		for i := 0; i < n; i++ {
			if region[i] == r {
				all = append(all, i)
				if len(all)%2 == 1 {
					sub = append(sub, i)
				}
			}
		}
		p.Groups = append(p.Groups, Group{Items: all}, Group{Items: sub})
	}
	for i := 0; i < n; i++ {
		var it Item
		for a := 0; a < nAgents; a++ {
			if rapid.IntRange(0, 3).Draw(t, "eligible") > 0 {
				it.Options = append(it.Options, Option{Agent: a, Weight: float64(rapid.IntRange(-5, 20).Draw(t, "weight"))})
			}
		}
		if len(it.Options) == 0 {
			it.Options = []Option{{Agent: rapid.IntRange(0, nAgents-1).Draw(t, "onlyAgent"), Weight: 1}}
		}
		p.Items = append(p.Items, it)
	}
	nBounds := rapid.IntRange(0, 6).Draw(t, "nBounds")
	for b := 0; b < nBounds; b++ {
		g := rapid.IntRange(-1, len(p.Groups)-1).Draw(t, "group")
		lo := 0
		if rapid.IntRange(0, 2).Draw(t, "hasMin") == 0 {
			lo = rapid.IntRange(1, 2).Draw(t, "min")
		}
		hi := Unlimited
		if rapid.Bool().Draw(t, "hasMax") {
			hi = lo + rapid.IntRange(0, 2).Draw(t, "slack")
		}
		p.Bounds = append(p.Bounds, Bound{Agent: rapid.IntRange(0, nAgents-1).Draw(t, "agent"), Group: g, Min: lo, Max: hi})
	}
	if n > 0 {
		for range rapid.IntRange(0, 1).Draw(t, "nLocks") {
			p.Locks = append(p.Locks, Pair{Item: rapid.IntRange(0, n-1).Draw(t, "lockItem"), Agent: rapid.IntRange(0, nAgents-1).Draw(t, "lockAgent")})
		}
		for range rapid.IntRange(0, 2).Draw(t, "nVetoes") {
			p.Vetoes = append(p.Vetoes, Pair{Item: rapid.IntRange(0, n-1).Draw(t, "vetoItem"), Agent: rapid.IntRange(0, nAgents-1).Draw(t, "vetoAgent")})
		}
	}
	return p
}

func TestFlowMatchesBruteForce(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := laminarProblem(t, 7)
		m, err := newModel(p, &Settings{Resolution: 1})
		if err != nil {
			t.Fatalf("newModel: %v", err)
		}
		if !m.laminar {
			t.Fatalf("generated problem is not laminar: %v", m.notLaminar)
		}
		want, feasible := flowBrute(m)
		res, err := solveCore(context.Background(), p, &Settings{Resolution: 1, Method: Flow})
		if err != nil {
			t.Fatalf("solveCore: %v", err)
		}
		if !feasible {
			if res.Status != Infeasible {
				t.Fatalf("status %v, brute force finds no assignment", res.Status)
			}
			// The proof is one Empty leaf, from the saturated cut or an
			// item without an enabled pair.
			if c := res.Certificate; c == nil || len(c.Nodes) != 1 || !c.Nodes[0].Empty {
				t.Fatalf("infeasible without a one-leaf Empty certificate: %+v", res.Certificate)
			}
			if err := Verify(p, res); err != nil {
				t.Fatalf("Verify = %v", err)
			}
			return
		}
		if res.Status != Optimal {
			t.Fatalf("status %v, brute force finds objective %d", res.Status, want)
		}
		if res.Certificate.Objective != want {
			t.Fatalf("objective %d, brute force %d", res.Certificate.Objective, want)
		}
		if msg := checkCertificate(p, m, res); msg != "" {
			t.Fatal(msg)
		}
	})
}

func TestFlowDeterministic(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := laminarProblem(t, 12)
		a, errA := Solve(context.Background(), p, nil)
		b, errB := Solve(context.Background(), p, nil)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("errors differ: %v and %v", errA, errB)
		}
		if a == nil || b == nil {
			return
		}
		a.Stats.Runtime, b.Stats.Runtime = 0, 0
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two solves differ (-first +second):\n%s", diff)
		}
	})
}

func TestFlowTable(t *testing.T) {
	three := func(w ...float64) Item {
		it := Item{}
		for a, x := range w {
			it.Options = append(it.Options, Option{Agent: a, Weight: x})
		}
		return it
	}
	tests := []struct {
		name   string
		reason string
		p      Problem
		want   []int // assignment; nil when infeasible
	}{
		{
			name:   "no bounds",
			reason: "every item takes its best option",
			p:      Problem{Agents: []string{"A", "B"}, Items: []Item{three(1, 2), three(3, 1), three(2, 2)}},
			want:   []int{1, 0, 0},
		},
		{
			name:   "max forces a swap",
			reason: "A may take one item; it keeps the one where it loses most by moving (item 1: 5 vs 1)",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(4, 2), three(5, 1), three(3, 2)},
				Bounds: []Bound{{Agent: 0, Group: AllItems, Max: 1}},
			},
			want: []int{1, 0, 1},
		},
		{
			name:   "min pulls items",
			reason: "B needs two items; items 2 and 0 cost least to move (1 and 2)",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(4, 2), three(5, 1), three(3, 2)},
				Bounds: []Bound{{Agent: 1, Group: AllItems, Min: 2, Max: Unlimited}},
			},
			want: []int{1, 0, 1},
		},
		{
			name:   "nested bounds",
			reason: "A takes at most 2 overall and at least 1 in group {2,3}; best is items 0 and 3",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(9, 0), three(8, 0), three(5, 4), three(6, 4)},
				Groups: []Group{{Name: "g", Items: []int{2, 3}}},
				Bounds: []Bound{
					{Agent: 0, Group: AllItems, Max: 2},
					{Agent: 0, Group: 0, Min: 1, Max: Unlimited},
				},
			},
			want: []int{0, 1, 1, 0},
		},
		{
			name:   "chain through a third agent",
			reason: "A is capped at 1; item 1 moves to C and C's cap pushes item 2 to B",
			p: Problem{
				Agents: []string{"A", "B", "C"},
				Items: []Item{
					{Options: []Option{{0, 10}}},
					{Options: []Option{{0, 9}, {2, 8}}},
					{Options: []Option{{1, 1}, {2, 5}}},
				},
				Bounds: []Bound{
					{Agent: 0, Group: AllItems, Max: 1},
					{Agent: 2, Group: AllItems, Max: 1},
				},
			},
			want: []int{0, 2, 1},
		},
		{
			name:   "lock and veto",
			reason: "item 0 is locked to B, item 1 may not go to A",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(4, 2), three(5, 1)},
				Locks:  []Pair{{Item: 0, Agent: 1}},
				Vetoes: []Pair{{Item: 1, Agent: 0}},
			},
			want: []int{1, 1},
		},
		{
			name:   "minimums exceed the items",
			reason: "A and B each need two of three items",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(1, 1), three(1, 1), three(1, 1)},
				Bounds: []Bound{
					{Agent: 0, Group: AllItems, Min: 2, Max: Unlimited},
					{Agent: 1, Group: AllItems, Min: 2, Max: Unlimited},
				},
			},
		},
		{
			name:   "item without options",
			reason: "the only option is vetoed",
			p: Problem{
				Agents: []string{"A"},
				Items:  []Item{three(1)},
				Vetoes: []Pair{{Item: 0, Agent: 0}},
			},
		},
		{
			name:   "minimum on a set the agent cannot take",
			reason: "B is not eligible in group g, so its minimum there fails",
			p: Problem{
				Agents: []string{"A", "B"},
				Items:  []Item{three(1), three(1, 1)},
				Groups: []Group{{Items: []int{0}}},
				Bounds: []Bound{{Agent: 1, Group: 0, Min: 1, Max: Unlimited}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Solve(context.Background(), &tt.p, &Settings{Method: Flow})
			if tt.want == nil {
				if !errors.Is(err, ErrInfeasible) || res == nil || res.Status != Infeasible {
					t.Fatalf("Solve = %v, %v; want Infeasible and ErrInfeasible (%s)", res, err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Solve: %v (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, res.Assignment); diff != "" {
				t.Errorf("assignment (-want +got), %s:\n%s", tt.reason, diff)
			}
			m, _ := newModel(&tt.p, nil)
			if msg := checkCertificate(&tt.p, m, res); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestFlowWithinResolution checks the documented rounding error: with a
// coarse resolution r, the returned assignment's total of the unrounded
// weights is within n*r of the best total over all feasible assignments.
func TestFlowWithinResolution(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := laminarProblem(t, 6)
		for i := range p.Items {
			for j := range p.Items[i].Options {
				p.Items[i].Options[j].Weight = rapid.Float64Range(-3, 3).Draw(t, "w")
			}
		}
		r := rapid.SampledFrom([]float64{0.5, 0.25, 0.1, 1e-3}).Draw(t, "resolution")
		res, err := solveCore(context.Background(), p, &Settings{Resolution: r})
		if err != nil {
			t.Fatal(err)
		}
		m, _ := newModel(p, &Settings{Resolution: r})
		// Brute force over the unrounded weights.
		best, found := math.Inf(-1), false
		pick := make([]int32, len(p.Items))
		var rec func(i int, sum float64)
		rec = func(i int, sum float64) {
			if i == len(p.Items) {
				if boundsHold(p, m, pick) && sum > best {
					best, found = sum, true
				}
				return
			}
			for k := m.start[i]; k < m.start[i+1]; k++ {
				if m.w[k] != disabledPair {
					pick[i] = k
					rec(i+1, sum+p.Items[i].Options[k-m.start[i]].Weight)
				}
			}
		}
		rec(0, 0)
		if found != (res.Status == Optimal) {
			t.Fatalf("status %v, brute force feasible %v", res.Status, found)
		}
		if !found {
			return
		}
		if tol := float64(len(p.Items)) * r; res.Objective < best-tol-1e-9 || res.Objective > best+1e-9 {
			t.Fatalf("objective %v, true optimum %v, allowed gap %v", res.Objective, best, tol)
		}
	})
}

func TestFlowCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &Problem{
		Agents: []string{"A", "B"},
		Items:  []Item{{Options: []Option{{0, 2}, {1, 1}}}, {Options: []Option{{0, 2}, {1, 1}}}},
		Bounds: []Bound{{Agent: 0, Group: AllItems, Max: 1}},
	}
	if _, err := Solve(ctx, p, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("Solve with a cancelled context: error %v, want context.Canceled", err)
	}
}

// TestFlowWarmStartMatchesCold solves a network for a sequence of weight
// vectors, each from the end state of the previous solve, and checks every
// warm solve against a cold one: the same feasibility and objective, an
// assignment of that objective within the bounds, and prices whose
// Lagrangian bound equals it.
func TestFlowWarmStartMatchesCold(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := laminarProblem(t, 10)
		m, err := newModel(p, &Settings{Resolution: 1})
		if err != nil {
			t.Fatalf("newModel: %v", err)
		}
		nw, err := newNetwork(m)
		if err != nil {
			t.Fatalf("newNetwork: %v", err)
		}
		var warm flowWarm
		for step := range rapid.IntRange(2, 8).Draw(t, "nSteps") {
			w := make([]int64, len(m.w))
			for k, mw := range m.w {
				switch {
				case mw == disabledPair || rapid.IntRange(0, 9).Draw(t, "disable") == 0:
					w[k] = disabledPair
				default:
					w[k] = int64(rapid.IntRange(-30, 30).Draw(t, "w"))
				}
			}
			cold, errCold := nw.solve(context.Background(), w)
			got, errWarm := nw.solveFrom(context.Background(), w, &warm)
			if (errCold == nil) != (errWarm == nil) {
				t.Fatalf("step %d: cold error %v, warm error %v", step, errCold, errWarm)
			}
			if errCold != nil {
				if !errors.Is(errWarm, errFlowInfeasible) || warm.valid {
					t.Fatalf("step %d: warm error %v with state kept %v, want errFlowInfeasible and no state", step, errWarm, warm.valid)
				}
				continue
			}
			if got.objective != cold.objective {
				t.Fatalf("step %d: warm objective %d, cold %d", step, got.objective, cold.objective)
			}
			mw := *m
			mw.w = w
			var obj int64
			for i, k := range got.pair {
				if k < m.start[i] || k >= m.start[i+1] || w[k] == disabledPair {
					t.Fatalf("step %d: item %d gets pair %d, not an enabled pair of it", step, i, k)
				}
				obj += w[k]
			}
			if obj != got.objective || !boundsHold(p, m, got.pair) {
				t.Fatalf("step %d: assignment of objective %d (reported %d), bounds hold %v", step, obj, got.objective, boundsHold(p, m, got.pair))
			}
			if l, ok := lagrangian(&mw, got.price); !ok || l.Cmp(big.NewInt(obj)) != 0 {
				t.Fatalf("step %d: Lagrangian bound %v of the warm prices, objective %d", step, l, obj)
			}
		}
	})
}
