package solver

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strconv"
)

// linearForm is a problem written out as a 0-1 integer program: one binary
// variable per (item, option) pair that is not vetoed, and explicit rows.
// WriteLP and WriteMPS print it.
type linearForm struct {
	p *Problem
	// vars lists the variables in item order, then option order.
	vars []linVar
	// first[i] is the index in vars of item i's first variable.
	first []int
	// ofAgent[a] lists agent a's variables in increasing order.
	ofAgent [][]int
	rows    []linRow
	// zero reports whether the rows use the variable "zero", fixed at 0,
	// which stands for an empty left-hand side.
	zero bool
}

type linVar struct {
	item, agent int
	weight      float64
}

type linRow struct {
	name    string
	comment string
	terms   []linTerm // sorted by variable; a variable index -1 is "zero"
	sense   Sense
	rhs     float64
}

type linTerm struct {
	v    int
	coef float64
}

// zeroVar is the variable index of "zero" in a linTerm.
const zeroVar = -1

// newLinearForm expands p into variables and rows. Rows are, in order: the
// assignment row a<i> of every item, the bound rows lo<b> (when Min > 0) and
// hi<b> (when Max is not Unlimited), the rows r<r>, and the lock rows l<k>.
// A problem without any of these gets the row none: zero = 0.
// A vetoed pair has no variable. A row whose left-hand side has no variable
// is written over the variable zero, so that it keeps its meaning (0 sense
// rhs) in every reader.
func newLinearForm(p *Problem) *linearForm {
	vetoed := make(map[Pair]bool, len(p.Vetoes))
	for _, v := range p.Vetoes {
		vetoed[v] = true
	}
	options := 0
	for _, it := range p.Items {
		options += len(it.Options)
	}
	lf := &linearForm{
		p:     p,
		first: make([]int, len(p.Items)+1),
		vars:  make([]linVar, 0, options),
		rows:  make([]linRow, 0, len(p.Items)+2*len(p.Bounds)+len(p.Rows)+len(p.Locks)+1),
	}
	for i, it := range p.Items {
		lf.first[i] = len(lf.vars)
		for _, o := range it.Options {
			if !vetoed[Pair{Item: i, Agent: o.Agent}] {
				lf.vars = append(lf.vars, linVar{item: i, agent: o.Agent, weight: o.Weight})
			}
		}
	}
	lf.first[len(p.Items)] = len(lf.vars)
	lf.ofAgent = make([][]int, len(p.Agents))
	for v, x := range lf.vars {
		lf.ofAgent[x.agent] = append(lf.ofAgent[x.agent], v)
	}

	for i := range p.Items {
		terms := make([]linTerm, 0, lf.first[i+1]-lf.first[i])
		for v := lf.first[i]; v < lf.first[i+1]; v++ {
			terms = append(terms, linTerm{v: v, coef: 1})
		}
		lf.add(linRow{name: "a" + strconv.Itoa(i), comment: "item " + strconv.Quote(p.Items[i].Name) + " goes to exactly one agent",
			terms: terms, sense: Equal, rhs: 1})
	}
	for b, bd := range p.Bounds {
		var terms []linTerm
		lf.agentVars(bd.Agent, bd.Group, func(v int) { terms = append(terms, linTerm{v: v, coef: 1}) })
		slices.SortFunc(terms, func(x, y linTerm) int { return x.v - y.v })
		desc := fmt.Sprintf("bound %d%s: agent %s in %s", b, quoteName(bd.Name), strconv.Quote(agentName(p, bd.Agent)), strconv.Quote(groupName(p, bd.Group)))
		if bd.Min > 0 {
			lf.add(linRow{name: "lo" + strconv.Itoa(b), comment: desc + ", at least " + strconv.Itoa(bd.Min),
				terms: terms, sense: GreaterEq, rhs: float64(bd.Min)})
		}
		if bd.Max != Unlimited {
			lf.add(linRow{name: "hi" + strconv.Itoa(b), comment: desc + ", at most " + strconv.Itoa(bd.Max),
				terms: terms, sense: LessEq, rhs: float64(bd.Max)})
		}
	}
	for r, row := range p.Rows {
		lf.add(linRow{name: "r" + strconv.Itoa(r), comment: fmt.Sprintf("row %d%s", r, quoteName(row.Name)),
			terms: lf.rowTerms(row), sense: row.Sense, rhs: row.RHS})
	}
	for k, l := range p.Locks {
		var terms []linTerm
		if v := lf.find(l.Item, l.Agent); v >= 0 {
			terms = []linTerm{{v: v, coef: 1}}
		}
		lf.add(linRow{name: "l" + strconv.Itoa(k), comment: fmt.Sprintf("lock %d: item %s goes to agent %s", k,
			strconv.Quote(itemName(p, l.Item)), strconv.Quote(agentName(p, l.Agent))), terms: terms, sense: Equal, rhs: 1})
	}
	if len(lf.rows) == 0 {
		// Some readers reject a program without rows.
		lf.add(linRow{name: "none", comment: "the problem has no constraint", sense: Equal})
	}
	return lf
}

// add appends a row, writing an empty left-hand side over zero.
func (lf *linearForm) add(row linRow) {
	if len(row.terms) == 0 {
		row.terms = []linTerm{{v: zeroVar, coef: 1}}
		row.comment += " (no variable: the left-hand side is the fixed variable zero)"
		lf.zero = true
	}
	lf.rows = append(lf.rows, row)
}

// find returns the variable of (item, agent), or -1 when there is none.
func (lf *linearForm) find(item, agent int) int {
	for v := lf.first[item]; v < lf.first[item+1]; v++ {
		if lf.vars[v].agent == agent {
			return v
		}
	}
	return -1
}

// agentVars calls f with every variable of agent a whose item is in group
// g (or anywhere, for AllItems).
func (lf *linearForm) agentVars(a, g int, f func(v int)) {
	if g == AllItems {
		for _, v := range lf.ofAgent[a] {
			f(v)
		}
		return
	}
	for _, i := range lf.p.Groups[g].Items {
		if v := lf.find(i, a); v >= 0 {
			f(v)
		}
	}
}

// rowTerms expands a row's terms and pairs to variables. The coefficients of
// one variable are summed exactly and rounded once to float64; variables
// whose sum is zero are left out.
func (lf *linearForm) rowTerms(row Row) []linTerm {
	var raw []linTerm
	for _, t := range row.Terms {
		lf.agentVars(t.Agent, t.Group, func(v int) { raw = append(raw, linTerm{v: v, coef: t.Coef}) })
	}
	for _, t := range row.Pairs {
		if v := lf.find(t.Item, t.Agent); v >= 0 {
			raw = append(raw, linTerm{v: v, coef: t.Coef})
		}
	}
	slices.SortStableFunc(raw, func(x, y linTerm) int { return x.v - y.v })
	var out []linTerm
	for lo := 0; lo < len(raw); {
		hi := lo + 1
		for hi < len(raw) && raw[hi].v == raw[lo].v {
			hi++
		}
		c := raw[lo].coef
		if hi-lo > 1 {
			c = exactSum(raw[lo:hi])
		}
		if c != 0 {
			out = append(out, linTerm{v: raw[lo].v, coef: c})
		}
		lo = hi
	}
	return out
}

// exactSum returns the sum of the coefficients rounded once to float64.
// 2200 bits hold any sum of fewer than 2^100 finite float64 values exactly.
func exactSum(ts []linTerm) float64 {
	s := new(big.Float).SetPrec(2200)
	var x big.Float
	for _, t := range ts {
		s.Add(s, x.SetFloat64(t.coef))
	}
	f, _ := s.Float64()
	return f
}

// varName returns the name of variable v: x<item>_<agent>, or zero.
func (lf *linearForm) varName(v int) string { return string(lf.appendVarName(nil, v)) }

// appendVarName appends the name of variable v to b.
func (lf *linearForm) appendVarName(b []byte, v int) []byte {
	if v == zeroVar {
		return append(b, "zero"...)
	}
	b = append(b, 'x')
	b = strconv.AppendInt(b, int64(lf.vars[v].item), 10)
	b = append(b, '_')
	return strconv.AppendInt(b, int64(lf.vars[v].agent), 10)
}

// header returns the comment lines that explain the names.
func (lf *linearForm) header() []string {
	p := lf.p
	lines := []string{
		"Written by github.com/coalitionlab/alliance/solver: maximise the total weight.",
		fmt.Sprintf("%d items, %d agents, %d binary variables, %d rows.", len(p.Items), len(p.Agents), len(lf.vars), len(lf.rows)),
		"x<i>_<a> is 1 when item i goes to agent a; vetoed pairs have no variable.",
		"Rows: a<i> item i, lo<b>/hi<b> bound b, r<r> row r, l<k> lock k.",
	}
	for a := range p.Agents {
		lines = append(lines, fmt.Sprintf("agent %d: %s", a, strconv.Quote(p.Agents[a])))
	}
	for g := range p.Groups {
		lines = append(lines, fmt.Sprintf("group %d: %s", g, strconv.Quote(p.Groups[g].Name)))
	}
	return lines
}

// WriteLP writes p as a CPLEX LP file: maximise the total weight over binary
// variables x<i>_<a> (item i goes to agent a) subject to one row per item
// (a<i>: exactly one agent), the bound rows lo<b> and hi<b>, the general
// rows r<r> with their terms expanded to variables, and the lock rows l<k>
// (x = 1). Vetoed pairs get no variable. The names of items, agents, groups,
// bounds and rows appear in comments. Numbers are written in the shortest
// form that reads back to the same float64 (coefficients that several terms
// put on one variable are summed exactly, then rounded once). A row with no
// variable is written over a variable "zero" fixed at 0, so that "0 >= 1"
// stays infeasible in every reader. Any external MIP solver that reads the
// file finds the same optimum as Solve. p must be valid; otherwise WriteLP
// writes nothing and returns a *ProblemError. It takes time linear in the
// size of the output.
func WriteLP(w io.Writer, p *Problem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	lf := newLinearForm(p)
	bw := bufio.NewWriter(w)
	for _, line := range lf.header() {
		bw.WriteString("\\ " + line + "\n")
	}
	bw.WriteString("Maximize\n obj:")
	var obj []linTerm
	for v, x := range lf.vars {
		if x.weight != 0 {
			obj = append(obj, linTerm{v: v, coef: x.weight})
		}
	}
	if len(obj) == 0 {
		obj = []linTerm{{v: zeroVar, coef: 0}}
		lf.zero = true
	}
	lf.writeLPTerms(bw, obj)
	bw.WriteString("\nSubject To\n")
	for _, row := range lf.rows {
		bw.WriteString(" \\ " + row.name + ": " + row.comment + "\n " + row.name + ":")
		lf.writeLPTerms(bw, row.terms)
		bw.WriteString(" " + senseText[row.sense] + " " + formatFloat(row.rhs) + "\n")
	}
	if lf.zero {
		bw.WriteString("Bounds\n zero = 0\n")
	}
	if len(lf.vars) > 0 {
		bw.WriteString("Binaries\n")
		for v := range lf.vars {
			if v > 0 && v%10 == 0 {
				bw.WriteString("\n")
			}
			bw.WriteString(" " + lf.varName(v))
		}
		bw.WriteString("\n")
	}
	bw.WriteString("End\n")
	return bw.Flush()
}

// writeLPTerms writes " c1 x1 + c2 x2 ...", ten terms to a line.
func (lf *linearForm) writeLPTerms(bw *bufio.Writer, terms []linTerm) {
	b := make([]byte, 0, 64)
	for k, t := range terms {
		b = b[:0]
		if k > 0 && k%10 == 0 {
			b = append(b, "\n   "...)
		}
		c := t.coef
		switch {
		case math.Signbit(c):
			b = append(b, " -"...)
			c = -c
		case k > 0:
			b = append(b, " +"...)
		}
		if c != 1 {
			b = append(b, ' ')
			b = strconv.AppendFloat(b, c, 'g', -1, 64)
		}
		b = append(b, ' ')
		b = lf.appendVarName(b, t.v)
		bw.Write(b)
	}
}

// quoteName returns " " and the quoted name, or "" for an empty name.
func quoteName(name string) string {
	if name == "" {
		return ""
	}
	return " " + strconv.Quote(name)
}

// formatFloat writes x in the shortest form that reads back exactly.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
