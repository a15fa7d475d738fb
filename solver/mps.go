package solver

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MPSFormat selects the dialect written by WriteMPS.
type MPSFormat int

// The MPS dialects.
const (
	// FreeMPS separates fields by spaces; names and numbers have any
	// length. Every current solver reads it.
	FreeMPS MPSFormat = iota
	// FixedMPS puts fields in the fixed columns 2-3, 5-12, 15-22, 25-36,
	// 40-47 and 50-61 of the original IBM format: names have at most 8
	// characters and numbers at most 12.
	FixedMPS
)

// WriteMPS writes p as an MPS file with the same variables, rows and
// comments as WriteLP: binary variables x<i>_<a> (BV bounds), the objective
// row obj under OBJSENSE MAX, and the rows a<i>, lo<b>, hi<b>, r<r> and
// l<k>. Numbers are written in the shortest form that reads back to the same
// float64.
//
// FixedMPS cannot hold every problem: when a name would be longer than 8
// characters (items from 100,000 on, for instance) or a number needs more
// than 12 characters to be exact, WriteMPS writes nothing and returns a
// *ProblemError naming the field; free MPS or LP hold it. p must be valid.
// WriteMPS takes time linear in the size of the output.
//
// Not every reader honours OBJSENSE: GLPK 5.0 rejects the section (delete
// its two lines and run "glpsol --max --freemps FILE") and CBC 2.10 ignores
// it (run "cbc FILE -max -solve"); the LP file has no such trouble.
func WriteMPS(w io.Writer, p *Problem, f MPSFormat) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if f != FreeMPS && f != FixedMPS {
		return fmt.Errorf("solver: unknown MPS format %d", int(f))
	}
	lf := newLinearForm(p)
	if f == FixedMPS {
		if err := lf.checkFixed(); err != nil {
			return err
		}
	}
	// Column-wise entries: colRows[colStart[v]:colStart[v+1]] are the rows
	// of variable v, in row order; the last column is zero.
	nv := len(lf.vars)
	col := func(v int) int {
		if v == zeroVar {
			return nv
		}
		return v
	}
	colStart := make([]int, nv+3)
	for _, row := range lf.rows {
		for _, t := range row.terms {
			colStart[col(t.v)+2]++
		}
	}
	for c := 2; c < len(colStart); c++ {
		colStart[c] += colStart[c-1]
	}
	entries := make([]linTerm, colStart[nv+2]) // v holds the row index
	for r, row := range lf.rows {
		for _, t := range row.terms {
			c := col(t.v) + 1
			entries[colStart[c]] = linTerm{v: r, coef: t.coef}
			colStart[c]++
		}
	}

	mw := &mpsWriter{w: bufio.NewWriter(w), fixed: f == FixedMPS}
	for _, line := range lf.header() {
		mw.comment(line)
	}
	mw.raw("NAME          alliance\nOBJSENSE\n    MAX\nROWS\n")
	mw.record("N", "obj", "", "", "", "")
	senses := [...]string{LessEq: "L", GreaterEq: "G", Equal: "E"}
	for _, row := range lf.rows {
		mw.record(senses[row.sense], row.name, "", "", "", "")
	}
	mw.raw("COLUMNS\n")
	for c := 0; c <= nv; c++ {
		if c == nv && !lf.zero {
			break
		}
		name := "zero"
		if c < nv {
			name = lf.varName(c)
			if wt := lf.vars[c].weight; wt != 0 {
				mw.record("", name, "obj", formatFloat(wt), "", "")
			}
		}
		for _, e := range entries[colStart[c]:colStart[c+1]] {
			mw.record("", name, lf.rows[e.v].name, formatFloat(e.coef), "", "")
		}
	}
	mw.raw("RHS\n")
	for _, row := range lf.rows {
		if row.rhs != 0 {
			mw.record("", "RHS1", row.name, formatFloat(row.rhs), "", "")
		}
	}
	mw.raw("BOUNDS\n")
	for v := range lf.vars {
		mw.record("BV", "BND1", lf.varName(v), "", "", "")
	}
	if lf.zero {
		mw.record("FX", "BND1", "zero", "0", "", "")
	}
	mw.raw("ENDATA\n")
	return mw.flush()
}

// checkFixed reports the first name or number that does not fit fixed MPS.
func (lf *linearForm) checkFixed() error {
	p := lf.p
	for v, x := range lf.vars {
		if name := lf.varName(v); len(name) > 8 {
			return perr(fmt.Sprintf("Items[%d]", x.item), "variable name %s is longer than the 8 characters of fixed MPS; write free MPS", name)
		}
		if s := formatFloat(x.weight); len(s) > 12 {
			j := 0
			for j < len(p.Items[x.item].Options) && p.Items[x.item].Options[j].Agent != x.agent {
				j++
			}
			return perr(fmt.Sprintf("Items[%d].Options[%d].Weight", x.item, j), "weight %s needs more than the 12 characters of fixed MPS; write free MPS", s)
		}
	}
	for _, row := range lf.rows {
		if len(row.name) > 8 {
			return perr(rowField(row.name), "row name %s is longer than the 8 characters of fixed MPS; write free MPS", row.name)
		}
		for _, t := range row.terms {
			if s := formatFloat(t.coef); len(s) > 12 {
				return perr(rowField(row.name), "coefficient %s of %s needs more than the 12 characters of fixed MPS; write free MPS", s, lf.varName(t.v))
			}
		}
		if s := formatFloat(row.rhs); len(s) > 12 {
			return perr(rowField(row.name)+".RHS", "right-hand side %s needs more than the 12 characters of fixed MPS; write free MPS", s)
		}
	}
	return nil
}

// rowField names the Problem field behind a row of the linear form.
func rowField(name string) string {
	for _, pre := range [...]struct{ prefix, field string }{{"lo", "Bounds"}, {"hi", "Bounds"}, {"a", "Items"}, {"r", "Rows"}, {"l", "Locks"}} {
		if rest, ok := strings.CutPrefix(name, pre.prefix); ok {
			if _, err := strconv.Atoi(rest); err == nil {
				return pre.field + "[" + rest + "]"
			}
		}
	}
	return name
}

// mpsWriter writes MPS records in free or fixed columns.
type mpsWriter struct {
	w     *bufio.Writer
	fixed bool
	line  []byte
}

func (mw *mpsWriter) raw(s string) { mw.w.WriteString(s) }

// comment writes s as comment lines; fixed MPS lines are wrapped at 80
// characters.
func (mw *mpsWriter) comment(s string) {
	for mw.fixed && len(s) > 78 {
		cut := strings.LastIndexByte(s[:78], ' ')
		if cut <= 0 {
			for cut = 78; !utf8.RuneStart(s[cut]); cut-- {
			}
		}
		mw.raw("* " + s[:cut] + "\n")
		s = strings.TrimPrefix(s[cut:], " ")
	}
	mw.raw("* " + s + "\n")
}

// record writes one data line with fields 1 to 6; empty trailing fields
// are left out.
func (mw *mpsWriter) record(f1, f2, f3, f4, f5, f6 string) {
	b := mw.line[:0]
	if mw.fixed {
		// Columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61.
		fields := [...]string{f1, f2, f3, f4, f5, f6}
		starts := [...]int{1, 4, 14, 24, 39, 49}
		last := len(fields) - 1
		for last >= 0 && fields[last] == "" {
			last--
		}
		for k := 0; k <= last; k++ {
			for len(b) < starts[k] {
				b = append(b, ' ')
			}
			b = append(b, fields[k]...)
		}
	} else {
		// One leading space and single spaces between fields: CBC takes
		// deeper indentation for fixed columns.
		for _, f := range [...]string{f1, f2, f3, f4, f5, f6} {
			if f != "" {
				b = append(b, ' ')
				b = append(b, f...)
			}
		}
	}
	b = append(b, '\n')
	mw.w.Write(b)
	mw.line = b
}

func (mw *mpsWriter) flush() error { return mw.w.Flush() }
