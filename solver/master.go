package solver

import (
	"errors"
	"math"
)

// This file holds a small dense linear-programming solver: the restricted
// master problem of the Dantzig–Wolfe decomposition in branch and bound has a
// few dozen rows (the dualised bounds and rows plus one convexity row), so a
// revised simplex method with an explicit dense basis inverse is both simple
// and fast enough. It works in float64; nothing it computes is trusted for a
// proof, because branch and bound recomputes every bound exactly from
// rounded prices.
//
// The method is the two-phase revised simplex method of Dantzig, with
// Dantzig's largest-coefficient pricing, a switch to Bland's smallest-index
// rule after a run of degenerate pivots (which cannot cycle; see R. G. Bland,
// "New finite pivoting rules for the simplex method", Mathematics of
// Operations Research 2(2), 1977), and a refactorisation of the basis inverse
// every lpRefactor pivots.

// lpStatus is the outcome of denseLP.solve.
type lpStatus int

const (
	lpOptimal    lpStatus = iota // an optimal basic solution was found
	lpInfeasible                 // phase 1 ended with positive artificials
	lpUnbounded                  // phase 2 found an improving ray
)

const (
	lpFeasTol   = 1e-9 // primal feasibility tolerance (absolute, on basic values)
	lpCostTol   = 1e-9 // default reduced-cost tolerance, relative to the largest |cost|
	lpPivotTol  = 1e-9 // smallest pivot element accepted
	lpRefactor  = 64   // pivots between refactorisations of the basis inverse
	lpBlandFrom = 32   // degenerate pivots in a row before Bland's rule takes over
)

// errLPStall reports that the simplex method exceeded its iteration limit,
// which only numerical trouble can cause.
var errLPStall = errors.New("solver: master LP iteration limit exceeded")

// denseLP is the linear program
//
//	maximise cost·x  subject to  row j of (sum_k x_k cols[k]) sense[j] rhs[j],  x >= 0.
//
// Columns may be appended between solves; the basis of the last solve is
// kept, so a re-solve after appending columns starts from it (a warm start).
// Every row gets a slack (LessEq, GreaterEq) and an artificial variable;
// in the basis, structural column k is encoded as k, the slack of row j as
// -(j+1) and the artificial of row j as -(m+j+1).
type denseLP struct {
	m     int
	sense []Sense
	rhs   []float64
	cols  [][]float64
	cost  []float64

	basis   []int       // basic variable of each row position
	binv    [][]float64 // inverse of the basis matrix, m x m
	xb      []float64   // basic values
	artSign []float64   // coefficient of row j's artificial in row j
	pivots  int         // pivots since the last refactorisation
	phase   int         // phase of the last solve: 1 or 2
	// costTol is the reduced cost above which a column improves the
	// phase-2 objective; zero means lpCostTol times the largest |cost|.
	costTol float64
	// blandFrom is the number of consecutive degenerate pivots after which
	// Bland's rule takes over (lpBlandFrom unless a test changes it).
	blandFrom int
}

// newDenseLP returns an LP with the given rows and no columns.
func newDenseLP(sense []Sense, rhs []float64) *denseLP {
	m := len(rhs)
	lp := &denseLP{m: m, sense: append([]Sense(nil), sense...), rhs: append([]float64(nil), rhs...), blandFrom: lpBlandFrom}
	lp.artSign = make([]float64, m)
	for j, b := range rhs {
		lp.artSign[j] = 1
		if b < 0 {
			lp.artSign[j] = -1
		}
	}
	return lp
}

// addColumn appends a structural column and returns its index.
func (lp *denseLP) addColumn(cost float64, col []float64) int {
	lp.cols = append(lp.cols, col)
	lp.cost = append(lp.cost, cost)
	return len(lp.cols) - 1
}

// column writes the dense column of variable v into dst.
func (lp *denseLP) column(v int, dst []float64) {
	clear(dst)
	switch {
	case v >= 0:
		copy(dst, lp.cols[v])
	case v >= -lp.m:
		j := -v - 1
		if lp.sense[j] == GreaterEq {
			dst[j] = -1
		} else {
			dst[j] = 1
		}
	default:
		j := -v - lp.m - 1
		dst[j] = lp.artSign[j]
	}
}

// isArtificial reports whether basis code v is an artificial variable.
func (lp *denseLP) isArtificial(v int) bool { return v < -lp.m }

// hasSlack reports whether row j has a slack variable.
func (lp *denseLP) hasSlack(j int) bool { return lp.sense[j] != Equal }

// varCost returns the objective coefficient of variable v in the given phase.
func (lp *denseLP) varCost(v, phase int) float64 {
	switch {
	case v >= 0:
		if phase == 1 {
			return 0
		}
		return lp.cost[v]
	case lp.isArtificial(v):
		if phase == 1 {
			return -1
		}
		return 0
	}
	return 0
}

// refactor recomputes the basis inverse and the basic values from scratch by
// Gauss–Jordan elimination with partial pivoting. It reports false when the
// basis matrix is numerically singular.
func (lp *denseLP) refactor() bool {
	m := lp.m
	a := make([][]float64, m) // a = [B | I], reduced to [I | B^-1]
	col := make([]float64, m)
	for i := range a {
		a[i] = make([]float64, 2*m)
		a[i][m+i] = 1
	}
	for p, v := range lp.basis {
		lp.column(v, col)
		for i := range m {
			a[i][p] = col[i]
		}
	}
	for c := range m {
		piv, best := -1, lpPivotTol
		for r := c; r < m; r++ {
			if x := math.Abs(a[r][c]); x > best {
				piv, best = r, x
			}
		}
		if piv < 0 {
			return false
		}
		a[c], a[piv] = a[piv], a[c]
		inv := 1 / a[c][c]
		for k := range a[c] {
			a[c][k] *= inv
		}
		for r := range m {
			if r == c || a[r][c] == 0 {
				continue
			}
			f := a[r][c]
			for k := range a[r] {
				a[r][k] -= f * a[c][k]
			}
		}
	}
	// Row p of [I | B^-1] is row p of the inverse: basis position p.
	lp.binv = make([][]float64, m)
	for p := range m {
		lp.binv[p] = a[p][m:]
	}
	lp.xb = make([]float64, m)
	for p := range m {
		s := 0.0
		for j := range m {
			s += lp.binv[p][j] * lp.rhs[j]
		}
		lp.xb[p] = s
	}
	lp.pivots = 0
	return true
}

// start sets up the all-artificial basis.
func (lp *denseLP) start() {
	lp.basis = make([]int, lp.m)
	for j := range lp.m {
		lp.basis[j] = -(lp.m + j + 1)
	}
	lp.refactor() // the artificial basis is diagonal and never singular
}

// duals returns y = c_B B^-1 for the given phase.
func (lp *denseLP) duals(phase int) []float64 {
	y := make([]float64, lp.m)
	for p, v := range lp.basis {
		c := lp.varCost(v, phase)
		if c == 0 {
			continue
		}
		for j := range lp.m {
			y[j] += c * lp.binv[p][j]
		}
	}
	return y
}

// solve runs the simplex method from the current basis (or the artificial
// basis when there is none) and reports the outcome. After lpOptimal or
// lpInfeasible, primal and dual values are available from solution; on
// lpInfeasible the duals are those of phase 1, a Farkas-type certificate
// candidate: y·b < 0 while y·a_k >= 0 for every column k, with y_j >= 0 on
// LessEq rows and y_j <= 0 on GreaterEq rows. Each pivot costs O(m^2 + m*n) for m rows and n
// columns.
func (lp *denseLP) solve() (lpStatus, error) {
	if lp.basis == nil || !lp.refactor() {
		lp.start()
	}
	infeasible := func() bool {
		for p, v := range lp.basis {
			if lp.isArtificial(v) && lp.xb[p] > lpFeasTol {
				return true
			}
		}
		return false
	}
	if infeasible() {
		lp.phase = 1
		st, err := lp.iterate(1)
		if err != nil {
			return st, err
		}
		if infeasible() {
			return lpInfeasible, nil
		}
	}
	lp.phase = 2
	return lp.iterate(2)
}

// iterate runs simplex pivots in the given phase until optimality or
// unboundedness.
func (lp *denseLP) iterate(phase int) (lpStatus, error) {
	m, n := lp.m, len(lp.cols)
	inBasis := make(map[int]int, m) // variable -> basis position
	for p, v := range lp.basis {
		inBasis[v] = p
	}
	tol := lpCostTol
	if phase == 2 {
		scale := 1.0
		for _, c := range lp.cost {
			scale = math.Max(scale, math.Abs(c))
		}
		tol *= scale
		if lp.costTol > 0 {
			tol = lp.costTol
		}
	}
	col := make([]float64, m)
	alpha := make([]float64, m)
	degenerate := 0
	limit := 50*(m+n) + 1000
	for it := 0; ; it++ {
		if it > limit {
			return lpOptimal, errLPStall
		}
		if lp.pivots >= lpRefactor && !lp.refactor() {
			return lpOptimal, errLPStall
		}
		y := lp.duals(phase)
		bland := degenerate >= lp.blandFrom
		// Pricing. Candidates in Bland order: structural columns, then slacks.
		enter, best := 0, tol
		found := false
		consider := func(v int) bool {
			if _, ok := inBasis[v]; ok {
				return false
			}
			lp.column(v, col)
			d := lp.varCost(v, phase)
			for j, a := range col {
				if a != 0 {
					d -= y[j] * a
				}
			}
			if d > best {
				enter, found = v, true
				if bland {
					return true
				}
				best = d
			}
			return false
		}
		stop := false
		for k := 0; k < n && !stop; k++ {
			stop = consider(k)
		}
		for j := 0; j < m && !stop; j++ {
			if lp.hasSlack(j) {
				stop = consider(-(j + 1))
			}
		}
		if !found {
			return lpOptimal, nil
		}
		// alpha = B^-1 a_enter.
		lp.column(enter, col)
		for p := range m {
			s := 0.0
			for j, a := range col {
				if a != 0 {
					s += lp.binv[p][j] * a
				}
			}
			alpha[p] = s
		}
		// Ratio test. In phase 2 basic artificials must stay at zero, so
		// any nonzero entry in their row blocks the step.
		leave, ratio := -1, math.Inf(1)
		for p := range m {
			a := alpha[p]
			var r float64
			switch {
			case phase == 2 && lp.isArtificial(lp.basis[p]) && math.Abs(a) > lpPivotTol:
				r = 0
			case a > lpPivotTol:
				r = math.Max(lp.xb[p], 0) / a
			default:
				continue
			}
			if leave < 0 || r < ratio-lpFeasTol {
				leave, ratio = p, r
				continue
			}
			if r <= ratio+lpFeasTol {
				// Tie: Bland takes the smallest variable order, otherwise
				// prefer the larger pivot for stability.
				if bland {
					if blandOrder(lp.basis[p], n, m) < blandOrder(lp.basis[leave], n, m) {
						leave, ratio = p, math.Min(r, ratio)
					}
				} else if math.Abs(a) > math.Abs(alpha[leave]) {
					leave, ratio = p, math.Min(r, ratio)
				}
			}
		}
		if leave < 0 {
			return lpUnbounded, nil
		}
		if ratio <= lpFeasTol {
			degenerate++
		} else {
			degenerate = 0
		}
		lp.pivot(leave, alpha)
		delete(inBasis, lp.basis[leave])
		lp.basis[leave] = enter
		inBasis[enter] = leave
	}
}

// blandOrder ranks variables for Bland's rule: structural columns first,
// then slacks, then artificials.
func blandOrder(v, n, m int) int {
	switch {
	case v >= 0:
		return v
	case v >= -m:
		return n - v - 1
	}
	return n - v - 1 // artificials: n + m + j, after the slacks
}

// pivot replaces the basic variable at position leave by the column whose
// B^-1 image is alpha, updating the inverse and the basic values.
func (lp *denseLP) pivot(leave int, alpha []float64) {
	piv := alpha[leave]
	theta := lp.xb[leave] / piv
	rowL := lp.binv[leave]
	for j := range rowL {
		rowL[j] /= piv
	}
	for p := range lp.m {
		if p == leave || alpha[p] == 0 {
			continue
		}
		f := alpha[p]
		row := lp.binv[p]
		for j := range row {
			row[j] -= f * rowL[j]
		}
		lp.xb[p] -= f * theta
	}
	lp.xb[leave] = theta
	lp.pivots++
}

// solution returns the values of the structural columns, the dual values of
// the rows for the phase the last solve ended in, and that phase's objective.
func (lp *denseLP) solution() (x, y []float64, obj float64) {
	x = make([]float64, len(lp.cols))
	for p, v := range lp.basis {
		if v >= 0 {
			x[v] = lp.xb[p]
		}
		obj += lp.varCost(v, lp.phase) * lp.xb[p]
	}
	return x, lp.duals(lp.phase), obj
}
