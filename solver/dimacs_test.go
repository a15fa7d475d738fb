package solver

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// dimacsNet is a parsed DIMACS minimum-cost flow problem.
type dimacsNet struct {
	nodes  int
	supply map[int]int64
	arcs   []dimacsArc
}

type dimacsArc struct{ from, to, low, cap, cost int64 }

// parseDIMACS reads a "p min" file strictly: one problem line before any
// node or arc line, and every node index in range.
func parseDIMACS(text string) (*dimacsNet, error) {
	net := &dimacsNet{supply: map[int]int64{}}
	nArcs := -1
	sc := bufio.NewScanner(strings.NewReader(text))
	for ln := 1; sc.Scan(); ln++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "c" {
			continue
		}
		nums := make([]int64, 0, 5)
		for _, s := range f[1:] {
			if f[0] == "p" && s == "min" {
				continue
			}
			x, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", ln, err)
			}
			nums = append(nums, x)
		}
		switch {
		case f[0] == "p" && len(nums) == 2 && net.nodes == 0:
			net.nodes, nArcs = int(nums[0]), int(nums[1])
		case f[0] == "n" && len(nums) == 2 && net.nodes > 0 && nums[0] >= 1 && nums[0] <= int64(net.nodes):
			net.supply[int(nums[0])] = nums[1]
		case f[0] == "a" && len(nums) == 5 && net.nodes > 0 && min(nums[0], nums[1]) >= 1 && max(nums[0], nums[1]) <= int64(net.nodes):
			net.arcs = append(net.arcs, dimacsArc{nums[0], nums[1], nums[2], nums[3], nums[4]})
		default:
			return nil, fmt.Errorf("line %d: unexpected %q", ln, sc.Text())
		}
	}
	if nArcs != len(net.arcs) {
		return nil, fmt.Errorf("problem line says %d arcs, file has %d", nArcs, len(net.arcs))
	}
	return net, nil
}

// TestDIMACSMatchesProblem checks the network WriteDIMACS prints against the
// problem: for every choice of one option per item, the choice gives a
// feasible flow (tree arcs within their bounds, every item fed by one arc)
// exactly when it satisfies the problem, and then the flow costs minus the
// scaled weight.
func TestDIMACSMatchesProblem(t *testing.T) {
	quarter := rapid.Custom(func(t *rapid.T) float64 { return float64(rapid.IntRange(-8, 8).Draw(t, "quarters")) / 4 })
	laminar := 0
	rapid.Check(t, func(t *rapid.T) {
		p := genProblemOf(t, quarter)
		p.Rows = nil
		var buf bytes.Buffer
		err := WriteDIMACS(&buf, p, &Settings{Resolution: 0.25})
		if errors.Is(err, ErrNotLaminar) {
			if buf.Len() != 0 {
				t.Fatalf("WriteDIMACS wrote %d bytes for a non-laminar problem", buf.Len())
			}
			return
		}
		if err != nil {
			t.Fatalf("WriteDIMACS: %v", err)
		}
		laminar++
		net, err := parseDIMACS(buf.String())
		if err != nil {
			t.Fatalf("parse: %v\n%s", err, buf.String())
		}
		n, nb := len(p.Items), len(p.Bounds)
		if net.nodes != nb+1+n || net.supply[1] != int64(n) {
			t.Fatalf("nodes %d, source supply %d; want %d nodes and supply %d", net.nodes, net.supply[1], nb+1+n, n)
		}
		// Every node is an end of some arc or has a supply: the problem
		// line counts no isolated node.
		used := map[int64]bool{1: true}
		for _, a := range net.arcs {
			used[a.from], used[a.to] = true, true
		}
		for v := range net.supply {
			used[int64(v)] = true
		}
		if len(used) != net.nodes {
			t.Fatalf("%d of %d nodes are used", len(used), net.nodes)
		}
		// Arcs into each item node, in pair order; tree arcs by head.
		into := make([][]dimacsArc, n)
		tree := map[int64]dimacsArc{}
		for _, a := range net.arcs {
			if it := int(a.to) - nb - 2; it >= 0 {
				if a.low != 0 || a.cap != 1 {
					t.Fatalf("item arc %+v is not [0, 1]", a)
				}
				into[it] = append(into[it], a)
			} else {
				if _, dup := tree[a.to]; dup || a.from > int64(nb+1) || a.cost != 0 {
					t.Fatalf("bad tree arc %+v", a)
				}
				tree[a.to] = a
			}
		}
		for i := 0; i < n; i++ {
			if net.supply[nb+2+i] != -1 {
				t.Fatalf("item %d has supply %d, want -1", i, net.supply[nb+2+i])
			}
		}
		vetoed := map[Pair]bool{}
		for _, v := range p.Vetoes {
			vetoed[v] = true
		}
		locked := func(i, a int) bool {
			for _, l := range p.Locks {
				if l.Item == i && l.Agent != a {
					return false
				}
			}
			return true
		}
		choice := make([]int, n)
		var walk func(i int)
		walk = func(i int) {
			if i < n {
				for j := range p.Items[i].Options {
					choice[i] = j
					walk(i + 1)
				}
				return
			}
			agent := make([]int, n)
			wantFeasible := true
			var weight int64
			outflow := map[int64]int64{}
			netFeasible := true
			var cost int64
			for i, j := range choice {
				o := p.Items[i].Options[j]
				agent[i] = o.Agent
				weight += int64(o.Weight * 4)
				if vetoed[Pair{Item: i, Agent: o.Agent}] {
					wantFeasible = false
				}
				// The arc of option j is the k-th arc into the item, k the
				// number of enabled options before j.
				enabled := !vetoed[Pair{Item: i, Agent: o.Agent}] && locked(i, o.Agent)
				k := 0
				for jj := 0; jj < j; jj++ {
					if a := p.Items[i].Options[jj].Agent; !vetoed[Pair{Item: i, Agent: a}] && locked(i, a) {
						k++
					}
				}
				if !enabled {
					netFeasible = false
					continue
				}
				a := into[i][k]
				outflow[a.from]++
				cost += a.cost
			}
			wantFeasible = wantFeasible && ioSatisfies(p, agent)
			if netFeasible {
				// Push the flow up the tree: the flow into a bound node is
				// what leaves it.
				var flowInto func(v int64) int64
				flowInto = func(v int64) int64 {
					f := outflow[v]
					for _, a := range tree {
						if a.from == v {
							f += flowInto(a.to)
						}
					}
					return f
				}
				for v, a := range tree {
					if f := flowInto(v); f < a.low || f > a.cap {
						netFeasible = false
					}
				}
			}
			if netFeasible != wantFeasible {
				t.Fatalf("assignment %v: network feasible=%v, problem feasible=%v\n%s", agent, netFeasible, wantFeasible, buf.String())
			}
			if netFeasible && cost != -weight {
				t.Fatalf("assignment %v: cost %d, want %d", agent, cost, -weight)
			}
		}
		walk(0)
	})
	if laminar == 0 {
		t.Error("no laminar problem was drawn")
	}
}

func TestWriteDIMACSErrors(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		p      *Problem
		s      *Settings
		want   error
	}{
		{"rows", "rows have no network form", &Problem{Rows: []Row{{}}}, nil, ErrNotLaminar},
		{"overlap", "two sets of one agent overlap without nesting", &Problem{
			Agents: []string{"A"},
			Items:  []Item{{Options: []Option{{Agent: 0}}}, {Options: []Option{{Agent: 0}}}, {Options: []Option{{Agent: 0}}}},
			Groups: []Group{{Items: []int{0, 1}}, {Items: []int{1, 2}}},
			Bounds: []Bound{{Agent: 0, Group: 0, Max: 1}, {Agent: 0, Group: 1, Max: 1}},
		}, nil, ErrNotLaminar},
		{"weight range", "a weight beyond 2^53 units of the resolution", &Problem{
			Agents: []string{"A"}, Items: []Item{{Options: []Option{{Agent: 0, Weight: 1e10}}}},
		}, nil, ErrInvalid},
		{"invalid", "the problem is validated", &Problem{Bounds: []Bound{{Agent: 1}}}, nil, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteDIMACS(&buf, tt.p, tt.s); !errors.Is(err, tt.want) {
				t.Fatalf("WriteDIMACS = %v, want %v (%s)", err, tt.want, tt.reason)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteDIMACS wrote %q before failing", buf.String())
			}
		})
	}
}

func TestWriteDIMACSGolden(t *testing.T) {
	names, problems := readTestdataProblems(t)
	for k, p := range problems {
		t.Run(names[k], func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteDIMACS(&buf, p, &Settings{Resolution: 1e-6})
			if errors.Is(err, ErrNotLaminar) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ioGolden(t, names[k]+".min", buf.Bytes())
		})
	}
}
