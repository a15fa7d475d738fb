package solver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ResultFormat is the value of the "format" member of a JSON result
// document; see WriteResult.
const ResultFormat = "alliance-solver-result/1"

// WriteResult writes the outcome of Solve(ctx, p, s) as JSON, naming items
// and agents as WriteProblem does:
//
//	{
//	  "format": "alliance-solver-result/1",
//	  "status": "Optimal",
//	  "objective": 1.16,
//	  "assignment": {"Amethi": "INC", "Kairana": "RLD"},
//	  "stats": {"method": "Flow", "runtime_seconds": 4.2e-05, "nodes": 1, "flow_solves": 1, "augmentations": 2},
//	  "certificate": {"resolution": 1e-09, "objective": 1160000000, "denominator": 1, "nodes": [
//	    {"parent": -1, "leaf": true, "bound_prices": [0, 0], "row_prices": [0]}
//	  ]}
//	}
//
// "status" is the Status name. "objective" and "assignment" (item name to
// agent name, in item order) are null when r has no assignment. "stats"
// mirrors Stats. "certificate" mirrors Certificate, or is null: a node's
// "branch" names the item and agent of its Branch pair and is absent on the
// root; prices are integers. When solveErr is not nil, an "error" member
// holds its text, and when it is an *InfeasibleError an "infeasible" member
// holds {"reason", "irreducible", "conflict": [{"kind", "index", "name"}]}
// with the constraints' kinds ("item", "min", "max", "row", "lock", "veto"),
// their indices in p, and their names when they have one. A nil r is
// written as status "Unknown" with the error.
//
// Item and agent names must be present and unique as for WriteProblem;
// otherwise WriteResult writes nothing and returns a *ProblemError. It also
// returns a *ProblemError when r does not fit p (an assignment of the wrong
// length or an agent out of range). It takes time linear in the size of p
// and of the certificate.
func WriteResult(w io.Writer, p *Problem, r *Result, solveErr error) error {
	if err := checkNamed(p); err != nil {
		return err
	}
	if r == nil {
		r = &Result{}
	}
	if r.Assignment != nil {
		if len(r.Assignment) != len(p.Items) {
			return perr("Result.Assignment", "%d agents for %d items", len(r.Assignment), len(p.Items))
		}
		for i, a := range r.Assignment {
			if a < 0 || a >= len(p.Agents) {
				return perr(fmt.Sprintf("Result.Assignment[%d]", i), "agent %d out of range [0, %d)", a, len(p.Agents))
			}
		}
	}
	if c := r.Certificate; c != nil {
		for k, nd := range c.Nodes {
			if k > 0 && (nd.Branch.Item < 0 || nd.Branch.Item >= len(p.Items) || nd.Branch.Agent < 0 || nd.Branch.Agent >= len(p.Agents)) {
				return perr(fmt.Sprintf("Result.Certificate.Nodes[%d].Branch", k), "pair %+v out of range", nd.Branch)
			}
		}
	}

	jw := &jsonWriter{w: bufio.NewWriter(w)}
	jw.raw("{\n  \"format\": ")
	jw.str(ResultFormat)
	jw.raw(",\n  \"status\": ")
	jw.str(r.Status.String())
	jw.raw(",\n  \"objective\": ")
	if r.Assignment == nil {
		jw.raw("null,\n  \"assignment\": null")
	} else {
		jw.float(r.Objective)
		jw.raw(",\n  \"assignment\": {")
		for i, a := range r.Assignment {
			jw.sep(i, ",")
			jw.raw("\n    ")
			jw.str(p.Items[i].Name)
			jw.raw(": ")
			jw.str(p.Agents[a])
		}
		if len(r.Assignment) > 0 {
			jw.raw("\n  ")
		}
		jw.raw("}")
	}
	st := r.Stats
	jw.raw(",\n  \"stats\": {\"method\": ")
	jw.str(st.Method.String())
	jw.raw(", \"runtime_seconds\": ")
	jw.float(st.Runtime.Seconds())
	jw.raw(", \"nodes\": " + strconv.Itoa(st.Nodes) + ", \"flow_solves\": " + strconv.Itoa(st.FlowSolves) +
		", \"augmentations\": " + strconv.Itoa(st.Augmentations) + "}")
	if solveErr != nil {
		jw.raw(",\n  \"error\": ")
		jw.str(strings.ToValidUTF8(solveErr.Error(), "\uFFFD"))
		var ie *InfeasibleError
		if errors.As(solveErr, &ie) {
			jw.raw(",\n  \"infeasible\": {\"reason\": ")
			jw.str(strings.ToValidUTF8(ie.Reason, "\uFFFD"))
			jw.raw(", \"irreducible\": " + strconv.FormatBool(ie.Irreducible) + ", \"conflict\": [")
			for k, c := range ie.Conflict {
				jw.sep(k, ", ")
				jw.raw("{\"kind\": ")
				jw.str(c.Kind.String())
				jw.raw(", \"index\": " + strconv.Itoa(c.Index))
				if name := constraintName(p, c); name != "" {
					jw.raw(", \"name\": ")
					jw.str(name)
				}
				jw.raw("}")
			}
			jw.raw("]}")
		}
	}
	jw.raw(",\n  \"certificate\": ")
	if c := r.Certificate; c == nil {
		jw.raw("null")
	} else {
		jw.raw("{\"resolution\": ")
		jw.float(c.Resolution)
		jw.raw(", \"objective\": " + strconv.FormatInt(c.Objective, 10) + ", \"denominator\": " + strconv.FormatInt(c.Denominator, 10) + ", \"nodes\": [")
		for k, nd := range c.Nodes {
			jw.sep(k, ",")
			jw.raw("\n    {\"parent\": " + strconv.Itoa(nd.Parent))
			if k > 0 {
				jw.raw(", \"branch\": ")
				jw.pair(p, nd.Branch, true)
				jw.raw(", \"lock\": " + strconv.FormatBool(nd.Lock))
			}
			jw.raw(", \"leaf\": " + strconv.FormatBool(nd.Leaf))
			if nd.Leaf {
				jw.raw(", \"bound_prices\": ")
				jw.ints(nd.BoundPrices)
				jw.raw(", \"row_prices\": ")
				jw.ints(nd.RowPrices)
			}
			jw.raw("}")
		}
		if len(c.Nodes) > 0 {
			jw.raw("\n  ")
		}
		jw.raw("]}")
	}
	jw.raw("\n}\n")
	return jw.flush()
}

// ints writes a JSON array of integers.
func (jw *jsonWriter) ints(xs []int64) {
	jw.buf = append(jw.buf[:0], '[')
	for k, x := range xs {
		if k > 0 {
			jw.buf = append(jw.buf, ", "...)
		}
		jw.buf = strconv.AppendInt(jw.buf, x, 10)
	}
	jw.buf = append(jw.buf, ']')
	jw.bytes(jw.buf)
}

// constraintName returns the name of the constraint in p, or "".
func constraintName(p *Problem, c Constraint) string {
	switch c.Kind {
	case ItemKind:
		if c.Index >= 0 && c.Index < len(p.Items) {
			return p.Items[c.Index].Name
		}
	case MinKind, MaxKind:
		if c.Index >= 0 && c.Index < len(p.Bounds) {
			return p.Bounds[c.Index].Name
		}
	case RowKind:
		if c.Index >= 0 && c.Index < len(p.Rows) {
			return p.Rows[c.Index].Name
		}
	}
	return ""
}
