package solver

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
	"pgregory.net/rapid"
)

// lpInstance is a small LP for the dense simplex tests: rows with senses,
// plus a convexity row sum x = 1 as the last row, which keeps it bounded.
type lpInstance struct {
	sense []Sense
	rhs   []float64
	cols  [][]float64
	cost  []float64
}

func (in lpInstance) build() *denseLP {
	lp := newDenseLP(in.sense, in.rhs)
	for k := range in.cols {
		lp.addColumn(in.cost[k], in.cols[k])
	}
	return lp
}

// bruteLP enumerates every set of at most m linearly independent columns of
// [A | slacks] and returns the best objective of a feasible basic solution,
// or ok=false when none exists. The convexity row keeps the LP bounded, so a
// feasible LP has an optimal basic solution among them.
func bruteLP(in lpInstance) (best float64, ok bool) {
	m, n := len(in.rhs), len(in.cols)
	var all [][]float64
	var cost []float64
	for k := range n {
		all = append(all, in.cols[k])
		cost = append(cost, in.cost[k])
	}
	for j := range m {
		if in.sense[j] == Equal {
			continue
		}
		c := make([]float64, m)
		c[j] = 1
		if in.sense[j] == GreaterEq {
			c[j] = -1
		}
		all = append(all, c)
		cost = append(cost, 0)
	}
	b := mat.NewVecDense(m, append([]float64(nil), in.rhs...))
	var pick []int
	var rec func(start int)
	rec = func(start int) {
		if len(pick) > 0 {
			// Solve B x = b for the picked columns by least squares and
			// keep it when B has full column rank and the residual is zero.
			bm := mat.NewDense(m, len(pick), nil)
			for p, k := range pick {
				for j := range m {
					bm.Set(j, p, all[k][j])
				}
			}
			var x, res mat.VecDense
			var svd mat.SVD
			if svd.Factorize(bm, mat.SVDNone) && svd.Rank(1e-9) == len(pick) && x.SolveVec(bm, b) == nil {
				res.MulVec(bm, &x)
				res.SubVec(&res, b)
				obj, feasible := 0.0, mat.Norm(&res, math.Inf(1)) < 1e-9
				for p, k := range pick {
					feasible = feasible && x.AtVec(p) >= -1e-9
					obj += cost[k] * x.AtVec(p)
				}
				if feasible && (!ok || obj > best) {
					best, ok = obj, true
				}
			}
		}
		if len(pick) == m {
			return
		}
		for k := start; k < len(all); k++ {
			pick = append(pick, k)
			rec(k + 1)
			pick = pick[:len(pick)-1]
		}
	}
	rec(0)
	return best, ok
}

func drawLP(t *rapid.T) lpInstance {
	m := rapid.IntRange(0, 3).Draw(t, "m")
	n := rapid.IntRange(1, 5).Draw(t, "n")
	var in lpInstance
	for range m {
		in.sense = append(in.sense, Sense(rapid.IntRange(0, 2).Draw(t, "sense")))
		in.rhs = append(in.rhs, float64(rapid.IntRange(-3, 5).Draw(t, "rhs")))
	}
	in.sense = append(in.sense, Equal)
	in.rhs = append(in.rhs, 1)
	for range n {
		col := make([]float64, m+1)
		for j := range m {
			col[j] = float64(rapid.IntRange(-3, 3).Draw(t, "coef"))
		}
		col[m] = 1
		in.cols = append(in.cols, col)
		in.cost = append(in.cost, float64(rapid.IntRange(-5, 5).Draw(t, "cost")))
	}
	return in
}

// checkDuals checks the optimality conditions of a solution: primal
// feasibility, dual sign rules, nonpositive reduced costs and equal primal
// and dual objectives.
func checkDuals(t *rapid.T, in lpInstance, x, y []float64, obj float64) {
	const tol = 1e-7
	m := len(in.rhs)
	primal, dual := 0.0, 0.0
	for k, xk := range x {
		if xk < -tol {
			t.Fatalf("x[%d] = %g < 0", k, xk)
		}
		primal += in.cost[k] * xk
		d := in.cost[k]
		for j := range m {
			d -= y[j] * in.cols[k][j]
		}
		if d > tol {
			t.Fatalf("reduced cost of column %d = %g > 0", k, d)
		}
	}
	for j := range m {
		act := 0.0
		for k, xk := range x {
			act += in.cols[k][j] * xk
		}
		switch in.sense[j] {
		case LessEq:
			if act > in.rhs[j]+tol || y[j] < -tol {
				t.Fatalf("row %d: activity %g <= %g, dual %g >= 0 violated", j, act, in.rhs[j], y[j])
			}
		case GreaterEq:
			if act < in.rhs[j]-tol || y[j] > tol {
				t.Fatalf("row %d: activity %g >= %g, dual %g <= 0 violated", j, act, in.rhs[j], y[j])
			}
		case Equal:
			if math.Abs(act-in.rhs[j]) > tol {
				t.Fatalf("row %d: activity %g != %g", j, act, in.rhs[j])
			}
		}
		dual += y[j] * in.rhs[j]
	}
	if math.Abs(primal-obj) > tol || math.Abs(dual-obj) > tol {
		t.Fatalf("primal %g, dual %g, reported %g: not equal", primal, dual, obj)
	}
}

// checkFarkas checks a phase-1 certificate of infeasibility: y·a_k >= 0 for
// every column, sign rules on y, and y·b < 0.
func checkFarkas(t *rapid.T, in lpInstance, y []float64) {
	const tol = 1e-7
	yb := 0.0
	for j, b := range in.rhs {
		yb += y[j] * b
		if (in.sense[j] == LessEq && y[j] < -tol) || (in.sense[j] == GreaterEq && y[j] > tol) {
			t.Fatalf("Farkas dual %g of row %d has the wrong sign", y[j], j)
		}
	}
	for k, col := range in.cols {
		s := 0.0
		for j, a := range col {
			s += y[j] * a
		}
		if s < -tol {
			t.Fatalf("Farkas: y·a_%d = %g < 0", k, s)
		}
	}
	if yb >= -tol {
		t.Fatalf("Farkas: y·b = %g, want < 0", yb)
	}
}

func TestDenseLPMatchesVertexEnumeration(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawLP(t)
		lp := in.build()
		st, err := lp.solve()
		if err != nil {
			t.Fatal(err)
		}
		best, ok := bruteLP(in)
		x, y, obj := lp.solution()
		switch {
		case !ok:
			if st != lpInfeasible {
				t.Fatalf("status %d, brute force finds no feasible basis", st)
			}
			checkFarkas(t, in, y)
		case st != lpOptimal:
			t.Fatalf("status %d, brute force optimum %g", st, best)
		default:
			if math.Abs(obj-best) > 1e-7 {
				t.Fatalf("objective %g, brute force %g", obj, best)
			}
			checkDuals(t, in, x, y, obj)
		}
	})
}

func TestDenseLPWarmStartMatchesColdStart(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawLP(t)
		extra := drawLP(t)
		// Append extra's columns, padded or cut to in's row count.
		lp := in.build()
		if _, err := lp.solve(); err != nil {
			t.Fatal(err)
		}
		m := len(in.rhs)
		all := in
		all.cols = append([][]float64(nil), in.cols...)
		all.cost = append([]float64(nil), in.cost...)
		for k, c := range extra.cols {
			col := make([]float64, m)
			copy(col[:m-1], c[:min(len(c)-1, m-1)])
			col[m-1] = 1
			lp.addColumn(extra.cost[k], col)
			all.cols = append(all.cols, col)
			all.cost = append(all.cost, extra.cost[k])
		}
		warm, err := lp.solve()
		if err != nil {
			t.Fatal(err)
		}
		cold := all.build()
		st, err := cold.solve()
		if err != nil {
			t.Fatal(err)
		}
		if warm != st {
			t.Fatalf("warm status %d, cold %d", warm, st)
		}
		_, _, wo := lp.solution()
		_, _, co := cold.solution()
		if st == lpOptimal && math.Abs(wo-co) > 1e-7 {
			t.Fatalf("warm objective %g, cold %g", wo, co)
		}
	})
}

func TestDenseLPUnbounded(t *testing.T) {
	// maximise x0 subject to x0 - x1 <= 1: unbounded along x0 = x1.
	lp := newDenseLP([]Sense{LessEq}, []float64{1})
	lp.addColumn(1, []float64{1})
	lp.addColumn(0, []float64{-1})
	st, err := lp.solve()
	if err != nil {
		t.Fatal(err)
	}
	if st != lpUnbounded {
		t.Fatalf("status %d, want lpUnbounded", st)
	}
}

// TestDenseLPDegenerate runs a classic cycling example for Dantzig's rule
// (Beale 1955) and checks that the solver reaches the optimum.
func TestDenseLPDegenerate(t *testing.T) {
	lp := newDenseLP([]Sense{LessEq, LessEq, LessEq}, []float64{0, 0, 1})
	cost := []float64{0.75, -150, 0.02, -6}
	cols := [][]float64{{0.25, 0.5, 0}, {-60, -90, 0}, {-0.04, -0.02, 1}, {9, 3, 0}}
	for k := range cols {
		lp.addColumn(cost[k], cols[k])
	}
	st, err := lp.solve()
	if err != nil {
		t.Fatal(err)
	}
	_, _, obj := lp.solution()
	if st != lpOptimal || math.Abs(obj-0.05) > 1e-9 {
		t.Fatalf("status %d objective %g, want optimal 0.05", st, obj)
	}
}

// TestDenseLPBlandMatchesVertexEnumeration runs the vertex-enumeration
// comparison with Bland's rule from the first pivot, on degenerate LPs: zero
// right-hand sides apart from the convexity row, and repeated columns.
func TestDenseLPBlandMatchesVertexEnumeration(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawLP(t)
		for j := range len(in.rhs) - 1 {
			in.rhs[j] = 0
		}
		for k := range in.cols {
			if rapid.Bool().Draw(t, "repeat") {
				in.cols = append(in.cols, in.cols[k])
				in.cost = append(in.cost, in.cost[k])
			}
		}
		lp := in.build()
		lp.blandFrom = 0
		st, err := lp.solve()
		if err != nil {
			t.Fatal(err)
		}
		best, ok := bruteLP(in)
		x, y, obj := lp.solution()
		switch {
		case !ok:
			if st != lpInfeasible {
				t.Fatalf("status %d, brute force finds no feasible basis", st)
			}
			checkFarkas(t, in, y)
		case st != lpOptimal || math.Abs(obj-best) > 1e-7:
			t.Fatalf("status %d objective %g, brute force optimum %g", st, obj, best)
		default:
			checkDuals(t, in, x, y, obj)
		}
	})
}
