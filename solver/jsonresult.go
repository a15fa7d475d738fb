package solver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
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
// root; prices are integers; "empty": true marks an Empty node and is
// absent otherwise. A node whose Split is set has, instead of "branch",
// "split": {"agent", "group", "at"} with the agent's name and the group's
// index (-1 for all items), and a leaf with SplitPrices has "split_prices"
// after "row_prices". An Infeasible result from Solve carries a
// certificate whose every leaf is empty (see Certificate). When solveErr
// is not nil, an "error" member holds its text, and when it is an
// *InfeasibleError an "infeasible" member holds {"reason", "irreducible",
// "conflict": [{"kind", "index", "name"}]} with the constraints' kinds ("item", "min", "max", "row", "lock", "veto"),
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
			if sp := nd.Split; k > 0 && sp != nil {
				if sp.Agent < 0 || sp.Agent >= len(p.Agents) || sp.Group < AllItems || sp.Group >= len(p.Groups) {
					return perr(fmt.Sprintf("Result.Certificate.Nodes[%d].Split", k), "agent %d or group %d out of range", sp.Agent, sp.Group)
				}
				continue
			}
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
			if sp := nd.Split; k > 0 && sp != nil {
				jw.raw(", \"split\": {\"agent\": ")
				jw.str(p.Agents[sp.Agent])
				jw.raw(", \"group\": " + strconv.Itoa(sp.Group) + ", \"at\": " + strconv.Itoa(sp.At) + "}")
				jw.raw(", \"lock\": " + strconv.FormatBool(nd.Lock))
			} else if k > 0 {
				jw.raw(", \"branch\": ")
				jw.pair(p, nd.Branch, true)
				jw.raw(", \"lock\": " + strconv.FormatBool(nd.Lock))
			}
			jw.raw(", \"leaf\": " + strconv.FormatBool(nd.Leaf))
			if nd.Empty {
				jw.raw(", \"empty\": true")
			}
			if nd.Leaf {
				jw.raw(", \"bound_prices\": ")
				jw.ints(nd.BoundPrices)
				jw.raw(", \"row_prices\": ")
				jw.ints(nd.RowPrices)
				if len(nd.SplitPrices) > 0 {
					jw.raw(", \"split_prices\": ")
					jw.ints(nd.SplitPrices)
				}
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

var (
	resultFields     = []string{"format", "status", "objective", "assignment", "stats", "error", "infeasible", "certificate"}
	statsFields      = []string{"method", "runtime_seconds", "nodes", "flow_solves", "augmentations"}
	infeasibleFields = []string{"reason", "irreducible", "conflict"}
	conflictFields   = []string{"kind", "index", "name"}
	certFields       = []string{"resolution", "objective", "denominator", "nodes"}
	nodeFields       = []string{"parent", "branch", "lock", "leaf", "bound_prices", "row_prices", "empty", "split", "split_prices"}
	splitFields      = []string{"agent", "group", "at"}
)

// ReadResult reads a result document written by WriteResult for problem p,
// so that a result can be stored, shipped and checked later with Verify.
// Items and agents are resolved by name in p; the assignment must name every
// item exactly once, in any order. The "error" and "infeasible" members are
// explanations, not claims Verify checks: ReadResult checks their form and
// leaves them out of the Result. Errors are *ProblemError values wrapping
// ErrInvalid whose Field is the JSON path, such as "assignment.Amethi". An
// error reading r is returned as it is. ReadResult takes time linear in the
// size of the document.
func ReadResult(r io.Reader, p *Problem) (*Result, error) {
	if err := checkNamed(p); err != nil {
		return nil, err
	}
	jr, err := newJSONReader(r)
	if err != nil {
		return nil, err
	}
	agents := make(indexer, len(p.Agents))
	for a, n := range p.Agents {
		agents[n] = a
	}
	items := make(indexer, len(p.Items))
	for i, it := range p.Items {
		items[it.Name] = i
	}
	pair := func(path string) (Pair, error) {
		var names rawPair
		err := jr.fields(path, pairFields, 1<<0|1<<1, func(k int, fpath string) error {
			var err error
			if k == 0 {
				names.item, err = jr.name(fpath)
			} else {
				names.agent, err = jr.name(fpath)
			}
			return err
		})
		if err != nil {
			return Pair{}, err
		}
		return resolvePair(agents, items, names, path)
	}

	split := func(path string) (*Split, error) {
		sp := &Split{}
		err := jr.fields(path, splitFields, 1<<0|1<<1|1<<2, func(k int, fpath string) error {
			if k == 0 {
				name, err := jr.name(fpath)
				if err == nil {
					sp.Agent, err = agents.find("agent", name, fpath)
				}
				return err
			}
			v, err := jr.integer(fpath)
			switch {
			case err != nil:
			case k == 1 && (v < AllItems || v >= int64(len(p.Groups))):
				err = jsonErr(fpath, "group %d out of range [-1, %d)", v, len(p.Groups))
			case k == 2 && (v < math.MinInt || v > math.MaxInt):
				err = jsonErr(fpath, "split point %d beyond the int range", v)
			}
			if k == 1 {
				sp.Group = int(v)
			} else {
				sp.At = int(v)
			}
			return err
		})
		return sp, err
	}

	res := &Result{}
	var objective *float64
	err = jr.fields("", resultFields, 1<<0|1<<1|1<<2|1<<3|1<<4|1<<7, func(k int, path string) error {
		switch k {
		case 0:
			f, err := jr.str(path)
			if err == nil && f != ResultFormat {
				err = jsonErr(path, "format %q is not %q", f, ResultFormat)
			}
			return err
		case 1:
			st, err := jr.enum(path, "status", statusNames[:])
			res.Status = Status(st)
			return err
		case 2:
			if jr.null() {
				return nil
			}
			x, err := jr.float(path)
			objective = &x
			return err
		case 3:
			if jr.null() {
				return nil
			}
			res.Assignment = make([]int, len(p.Items))
			for i := range res.Assignment {
				res.Assignment[i] = -1
			}
			err := jr.object(path, func(key, kpath string) error {
				i, err := items.find("item", key, kpath)
				if err != nil {
					return err
				}
				if res.Assignment[i] >= 0 {
					return jsonErr(kpath, "item %q assigned twice", key)
				}
				name, err := jr.name(kpath)
				if err != nil {
					return err
				}
				res.Assignment[i], err = agents.find("agent", name, kpath)
				return err
			})
			if err != nil {
				return err
			}
			for i, a := range res.Assignment {
				if a < 0 {
					return jsonErr(path, "item %q has no agent", p.Items[i].Name)
				}
			}
			return nil
		case 4:
			return jr.fields(path, statsFields, 1<<0|1<<1|1<<2|1<<3|1<<4, func(k int, fpath string) error {
				switch k {
				case 0:
					m, err := jr.enum(fpath, "method", methodNames[:])
					res.Stats.Method = Method(m)
					return err
				case 1:
					x, err := jr.float(fpath)
					if err == nil && !(x >= 0 && x < 1e9) {
						err = jsonErr(fpath, "run time %v is not in [0, 1e9) seconds", x)
					}
					res.Stats.Runtime = time.Duration(math.Round(x * 1e9))
					return err
				}
				n, err := jr.count(fpath, false)
				switch k {
				case 2:
					res.Stats.Nodes = n
				case 3:
					res.Stats.FlowSolves = n
				case 4:
					res.Stats.Augmentations = n
				}
				return err
			})
		case 5:
			_, err := jr.str(path)
			return err
		case 6:
			return jr.fields(path, infeasibleFields, 1<<0|1<<1|1<<2, func(k int, fpath string) error {
				switch k {
				case 0:
					_, err := jr.str(fpath)
					return err
				case 1:
					_, err := jr.boolean(fpath)
					return err
				}
				return jr.array(fpath, func(_ int, cpath string) error {
					return jr.fields(cpath, conflictFields, 1<<0|1<<1, func(k int, ffpath string) error {
						switch k {
						case 0:
							s, err := jr.str(ffpath)
							if err == nil && !slices.Contains(kindNames[:], s) {
								err = jsonErr(ffpath, "unknown constraint kind %q", s)
							}
							return err
						case 1:
							_, err := jr.count(ffpath, false)
							return err
						}
						_, err := jr.str(ffpath)
						return err
					})
				})
			})
		}
		if jr.null() {
			return nil
		}
		c := &Certificate{}
		res.Certificate = c
		return jr.fields(path, certFields, 1<<0|1<<1|1<<2|1<<3, func(k int, fpath string) error {
			var err error
			switch k {
			case 0:
				c.Resolution, err = jr.float(fpath)
			case 1:
				c.Objective, err = jr.integer(fpath)
			case 2:
				c.Denominator, err = jr.integer(fpath)
			case 3:
				err = jr.array(fpath, func(_ int, npath string) error {
					var nd Node
					err := jr.fields(npath, nodeFields, 1<<0|1<<3, func(k int, nfpath string) error {
						var err error
						switch k {
						case 0:
							var v int64
							v, err = jr.integer(nfpath)
							nd.Parent = int(v)
							if err == nil && (v < -1 || v > math.MaxInt32) {
								err = jsonErr(nfpath, "parent %d is out of range", v)
							}
						case 1:
							nd.Branch, err = pair(nfpath)
						case 2:
							nd.Lock, err = jr.boolean(nfpath)
						case 3:
							nd.Leaf, err = jr.boolean(nfpath)
						case 4:
							nd.BoundPrices, err = jr.integers(nfpath)
						case 5:
							nd.RowPrices, err = jr.integers(nfpath)
						case 6:
							nd.Empty, err = jr.boolean(nfpath)
						case 7:
							nd.Split, err = split(nfpath)
						case 8:
							nd.SplitPrices, err = jr.integers(nfpath)
						}
						return err
					})
					c.Nodes = append(c.Nodes, nd)
					return err
				})
			}
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if err := jr.end(); err != nil {
		return nil, err
	}
	if (objective == nil) != (res.Assignment == nil) {
		return nil, jsonErr("objective", "objective and assignment must both be null or both be given")
	}
	if objective != nil {
		res.Objective = *objective
	}
	return res, nil
}
