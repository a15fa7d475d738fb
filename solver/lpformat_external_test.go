package solver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// randIOProblem draws a small problem with names: items in states, national
// and per-state bounds (laminar), locks and vetoes, and with general set,
// side rows that break the network form.
func randIOProblem(rng *rand.Rand, general bool) *Problem {
	nA, nI, nS := 2+rng.IntN(3), 3+rng.IntN(6), 1+rng.IntN(3)
	p := &Problem{}
	for a := 0; a < nA; a++ {
		p.Agents = append(p.Agents, "A"+strconv.Itoa(a))
	}
	for s := 0; s < nS; s++ {
		p.Groups = append(p.Groups, Group{Name: "S" + strconv.Itoa(s)})
	}
	for i := 0; i < nI; i++ {
		it := Item{Name: "i" + strconv.Itoa(i)}
		for a := 0; a < nA; a++ {
			if rng.Float64() < 0.7 || (a == nA-1 && len(it.Options) == 0) {
				it.Options = append(it.Options, Option{Agent: a, Weight: float64(rng.IntN(2001)-200) / 1000})
			}
		}
		p.Items = append(p.Items, it)
		s := rng.IntN(nS)
		p.Groups[s].Items = append(p.Groups[s].Items, i)
	}
	for a := 0; a < nA; a++ {
		if rng.Float64() < 0.6 {
			lo := rng.IntN(nI/nA + 2)
			hi := Unlimited
			if rng.Float64() < 0.6 {
				hi = lo + rng.IntN(3)
			}
			p.Bounds = append(p.Bounds, Bound{Agent: a, Group: AllItems, Min: lo, Max: hi})
		}
		for s := 0; s < nS; s++ {
			if rng.Float64() < 0.3 {
				lo := rng.IntN(2)
				p.Bounds = append(p.Bounds, Bound{Agent: a, Group: s, Min: lo, Max: lo + rng.IntN(2)})
			}
		}
	}
	if rng.Float64() < 0.3 {
		i := rng.IntN(nI)
		p.Locks = append(p.Locks, Pair{Item: i, Agent: p.Items[i].Options[rng.IntN(len(p.Items[i].Options))].Agent})
	}
	if rng.Float64() < 0.3 {
		p.Vetoes = append(p.Vetoes, Pair{Item: rng.IntN(nI), Agent: rng.IntN(nA)})
	}
	if general {
		for range 1 + rng.IntN(2) {
			row := Row{Sense: Sense(rng.IntN(3)), RHS: float64(rng.IntN(4))}
			for range 1 + rng.IntN(3) {
				row.Terms = append(row.Terms, Term{Agent: rng.IntN(nA), Group: rng.IntN(nS+1) - 1, Coef: float64(rng.IntN(5) - 2)})
			}
			if rng.Float64() < 0.5 {
				i := rng.IntN(nI)
				row.Pairs = append(row.Pairs, PairTerm{Item: i, Agent: rng.IntN(nA), Coef: 0.5})
			}
			p.Rows = append(p.Rows, row)
		}
	}
	return p
}

// externalResult is what an external solver reported.
type externalResult struct {
	feasible  bool
	objective float64 // of the maximisation
}

var (
	glpsolStatus = regexp.MustCompile(`(?m)^Status:\s+(.*)$`)
	glpsolObj    = regexp.MustCompile(`(?m)^Objective:\s+(?:\S+ = )?(\S+) \((MAX|MIN)imum\)`)
	cbcFirst     = regexp.MustCompile(`^(\w[\w ]*?) - objective value (\S+)`)
)

// runGLPSOL runs glpsol with args on file and reads its solution report.
func runGLPSOL(t *testing.T, file string, args ...string) externalResult {
	t.Helper()
	out := file + ".glpsol"
	cmd := exec.Command("glpsol", append(args, file, "-o", out)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("glpsol %v %s: %v\n%s", args, file, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	st := glpsolStatus.FindSubmatch(data)
	if st == nil {
		t.Fatalf("no status in glpsol report:\n%s", data)
	}
	status := string(st[1])
	switch {
	case strings.Contains(status, "OPTIMAL"):
		m := glpsolObj.FindSubmatch(data)
		if m == nil {
			t.Fatalf("no objective in glpsol report:\n%s", data)
		}
		x, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return externalResult{feasible: true, objective: x}
	case strings.Contains(status, "EMPTY"), strings.Contains(status, "INFEASIBLE"), strings.Contains(status, "UNDEFINED"):
		return externalResult{}
	}
	t.Fatalf("glpsol status %q", status)
	return externalResult{}
}

// runCBC runs cbc on file and reads the first line of its solution file.
func runCBC(t *testing.T, file string, args ...string) externalResult {
	t.Helper()
	out := file + ".cbc"
	args = append(append([]string{file}, args...), "-solve", "-solu", out)
	if msg, err := exec.Command("cbc", args...).CombinedOutput(); err != nil {
		t.Fatalf("cbc %s: %v\n%s", file, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m := cbcFirst.FindSubmatch(data)
	if m == nil {
		t.Fatalf("unexpected cbc solution file:\n%s", data)
	}
	switch string(m[1]) {
	case "Optimal":
		x, err := strconv.ParseFloat(string(m[2]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return externalResult{feasible: true, objective: x}
	case "Infeasible", "Integer infeasible":
		return externalResult{}
	}
	t.Fatalf("cbc status %q", m[1])
	return externalResult{}
}

// TestExternalSolvers writes small problems as LP, free and fixed MPS and
// DIMACS, solves the files with glpsol and cbc when they are installed, and
// compares status and optimum with Solve. It skips when neither binary is
// on PATH (CI need not have them) and in -short mode.
func TestExternalSolvers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external solvers")
	}
	_, errG := exec.LookPath("glpsol")
	_, errC := exec.LookPath("cbc")
	if errG != nil && errC != nil {
		t.Skip("neither glpsol nor cbc is installed")
	}
	dir := t.TempDir()
	type instance struct {
		name string
		p    *Problem
	}
	var cases []instance
	names, problems := readTestdataProblems(t)
	for k := range names {
		cases = append(cases, instance{names[k], problems[k]})
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	for k := range 30 {
		cases = append(cases, instance{fmt.Sprintf("laminar%02d", k), randIOProblem(rng, false)})
		cases = append(cases, instance{fmt.Sprintf("general%02d", k), randIOProblem(rng, true)})
	}
	compared := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Solve(context.Background(), c.p, nil)
			if err != nil && !errors.Is(err, ErrInfeasible) {
				if errors.Is(err, ErrNotLaminar) && len(c.p.Rows) > 0 {
					t.Skipf("Solve has no general path in this build: %v", err)
				}
				t.Fatalf("Solve: %v", err)
			}
			want := externalResult{feasible: res.Status != Infeasible, objective: res.Objective}
			check := func(what string, got externalResult) {
				t.Helper()
				if got.feasible != want.feasible || math.Abs(got.objective-want.objective) > 1e-6*(1+math.Abs(want.objective)) {
					t.Errorf("%s: feasible=%v objective=%v, Solve says feasible=%v objective=%v", what, got.feasible, got.objective, want.feasible, want.objective)
				}
				compared++
			}
			write := func(suffix string, f func(*bytes.Buffer) error) string {
				var buf bytes.Buffer
				if err := f(&buf); err != nil {
					t.Fatalf("writing %s: %v", suffix, err)
				}
				path := filepath.Join(dir, c.name+suffix)
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return path
			}
			lp := write(".lp", func(b *bytes.Buffer) error { return WriteLP(b, c.p) })
			mps := write(".mps", func(b *bytes.Buffer) error { return WriteMPS(b, c.p, FreeMPS) })
			fixed := write(".fixed.mps", func(b *bytes.Buffer) error { return WriteMPS(b, c.p, FixedMPS) })
			if errG == nil {
				check("glpsol --lp", runGLPSOL(t, lp, "--lp"))
				// GLPK reads no OBJSENSE section (see WriteMPS).
				for _, f := range []struct{ path, flag string }{{mps, "--freemps"}, {fixed, "--mps"}} {
					data, err := os.ReadFile(f.path)
					if err != nil {
						t.Fatal(err)
					}
					stripped := f.path + ".glpk"
					if err := os.WriteFile(stripped, bytes.Replace(data, []byte("OBJSENSE\n    MAX\n"), nil, 1), 0o644); err != nil {
						t.Fatal(err)
					}
					check("glpsol "+f.flag, runGLPSOL(t, stripped, "--max", f.flag))
				}
				// GLPK's DIMACS reader needs at least one arc line.
				if hasArc := slices.ContainsFunc(c.p.Items, func(it Item) bool { return len(it.Options) > 0 }); len(c.p.Rows) == 0 && (hasArc || len(c.p.Bounds) > 0) {
					dm := write(".min", func(b *bytes.Buffer) error { return WriteDIMACS(b, c.p, &Settings{Resolution: 1e-6}) })
					got := runGLPSOL(t, dm, "--mincost")
					got.objective = -got.objective * 1e-6
					check("glpsol --mincost", got)
				}
			}
			if errC == nil {
				check("cbc lp", runCBC(t, lp))
				// CBC ignores OBJSENSE (see WriteMPS).
				check("cbc mps", runCBC(t, mps, "-max"))
				check("cbc fixed mps", runCBC(t, fixed, "-max"))
			}
		})
	}
	t.Logf("%d comparisons with external solvers", compared)
}
