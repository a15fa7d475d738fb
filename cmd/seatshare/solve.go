package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/coalitionlab/alliance/solver"
)

// runSolve is "seatshare solve".
func runSolve(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("solve", "[flags] PROBLEM.json", stderr)
	format := fs.String("format", "json", "output `format`: json, table or csv (item,agent,weight; nothing without an assignment)")
	verify := fs.Bool("verify", false, "check the result's certificate with solver.Verify")
	method := fs.String("method", "auto", "solution `path`: auto, flow (laminar problems only) or bnb (branch and bound)")
	resolution := fs.Float64("resolution", 0, "weight `unit` inside the solver (0: 1/weight_scale for -seatbench, else solver.DefaultResolution)")
	nodeLimit := fs.Int("node-limit", 0, "stop branch and bound after `n` nodes with the best assignment so far (0: no limit)")
	timeout := fs.Duration("timeout", 0, "stop after this `duration` with the best assignment so far (0: no limit)")
	seatbench := fs.Bool("seatbench", false, "read a seatbench generator instance instead of a solver JSON problem")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	file, ok := oneFile(fs, pos)
	if !ok {
		return exitBadInput
	}
	if *format != "json" && *format != "table" && *format != "csv" {
		fmt.Fprintf(stderr, "seatshare solve: -format %q: want json, table or csv\n", *format)
		return exitBadInput
	}
	s := &solver.Settings{NodeLimit: *nodeLimit}
	switch *method {
	case "auto":
		s.Method = solver.Auto
	case "flow":
		s.Method = solver.Flow
	case "bnb":
		s.Method = solver.BranchAndBound
	default:
		fmt.Fprintf(stderr, "seatshare solve: -method %q: want auto, flow or bnb\n", *method)
		return exitBadInput
	}
	if *nodeLimit < 0 || *timeout < 0 {
		fmt.Fprintf(stderr, "seatshare solve: -node-limit and -timeout must not be negative\n")
		return exitBadInput
	}

	in, err := readInput(file, *seatbench)
	if err != nil {
		return report(stderr, "solve", file, err)
	}
	s.Resolution = in.resolution(*resolution)
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	p := in.problem
	res, solveErr := solver.Solve(ctx, p, s)
	if res == nil {
		// No result at all: invalid input, a method that does not apply,
		// or an interruption before any assignment.
		return report(stderr, "solve", file, solveErr)
	}

	code := exitOK
	switch {
	case res.Status == solver.Infeasible:
		code = exitInfeasible
	case res.Assignment == nil:
		code = exitFailure
	}
	if *verify && res.Status != solver.Unknown {
		if err := solver.Verify(p, res); err != nil {
			fmt.Fprintf(stderr, "seatshare solve: %s: certificate rejected: %v\n", file, err)
			code = exitFailure
		} else {
			fmt.Fprintf(stderr, "seatshare solve: %s: verified: %s result checked by solver.Verify\n", file, res.Status)
		}
	}

	bw := bufio.NewWriter(stdout)
	switch *format {
	case "json":
		err = solver.WriteResult(bw, p, res, solveErr)
	case "table":
		err = writeTable(bw, p, res, solveErr)
	default:
		err = writeCSV(bw, p, res)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return report(stderr, "solve", file, err)
	}
	switch {
	case code == exitInfeasible:
		report(stderr, "solve", file, solveErr)
	case solveErr != nil:
		// A best-so-far answer after an interruption or a limit.
		fmt.Fprintf(stderr, "seatshare solve: %s: %s result: %v\n", file, res.Status, solveErr)
	}
	return code
}

// resolution returns the weight unit for the solver: flag when it is set,
// else 1/scale for a seatbench instance, else 0 (the solver's default).
func (in *input) resolution(flag float64) float64 {
	if flag == 0 && in.scale > 0 {
		return 1 / float64(in.scale)
	}
	return flag
}

// writeTable prints the result as aligned text: status, objective and
// statistics, then one line per item with its agent and weight.
func writeTable(w io.Writer, p *solver.Problem, res *solver.Result, solveErr error) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "status\t%s\n", res.Status)
	if res.Assignment != nil {
		fmt.Fprintf(tw, "objective\t%s\n", formatFloat(res.Objective))
	}
	st := res.Stats
	fmt.Fprintf(tw, "method\t%s\nnodes\t%d\nruntime\t%s\n", st.Method, st.Nodes, st.Runtime.Round(time.Microsecond))
	var ie *solver.InfeasibleError
	if errors.As(solveErr, &ie) {
		fmt.Fprintf(tw, "reason\t%s\n", ie.Reason)
		for _, c := range ie.Conflict {
			fmt.Fprintf(tw, "conflict\t%s\n", describeConstraint(p, c))
		}
	}
	if res.Assignment != nil {
		fmt.Fprintf(tw, "\nitem\tagent\tweight\n")
		for i, a := range res.Assignment {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Items[i].Name, p.Agents[a], formatFloat(weightOf(p, i, a)))
		}
	}
	return tw.Flush()
}

// writeCSV prints the assignment as CSV with the header item,agent,weight;
// it writes nothing when res has no assignment.
func writeCSV(w io.Writer, p *solver.Problem, res *solver.Result) error {
	if res.Assignment == nil {
		return nil
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"item", "agent", "weight"})
	for i, a := range res.Assignment {
		cw.Write([]string{p.Items[i].Name, p.Agents[a], formatFloat(weightOf(p, i, a))})
	}
	cw.Flush()
	return cw.Error()
}

// weightOf returns the weight of giving item i to agent a.
func weightOf(p *solver.Problem, i, a int) float64 {
	for _, o := range p.Items[i].Options {
		if o.Agent == a {
			return o.Weight
		}
	}
	return 0
}

// describeConstraint names a constraint of p for the table.
func describeConstraint(p *solver.Problem, c solver.Constraint) string {
	name := func(s string) string {
		if s == "" {
			return ""
		}
		return " " + strconv.Quote(s)
	}
	switch c.Kind {
	case solver.ItemKind:
		return fmt.Sprintf("item %d%s", c.Index, name(p.Items[c.Index].Name))
	case solver.MinKind, solver.MaxKind:
		b := p.Bounds[c.Index]
		group := "all items"
		if b.Group != solver.AllItems {
			group = p.Groups[b.Group].Name
		}
		limit := fmt.Sprintf("at least %d", b.Min)
		if c.Kind == solver.MaxKind {
			limit = fmt.Sprintf("at most %d", b.Max)
		}
		return fmt.Sprintf("bound %d%s: %s gets %s of %s", c.Index, name(b.Name), p.Agents[b.Agent], limit, group)
	case solver.RowKind:
		return fmt.Sprintf("row %d%s", c.Index, name(p.Rows[c.Index].Name))
	case solver.LockKind:
		l := p.Locks[c.Index]
		return fmt.Sprintf("lock %d: %s to %s", c.Index, p.Items[l.Item].Name, p.Agents[l.Agent])
	case solver.VetoKind:
		v := p.Vetoes[c.Index]
		return fmt.Sprintf("veto %d: %s not to %s", c.Index, p.Items[v.Item].Name, p.Agents[v.Agent])
	}
	return fmt.Sprintf("%s %d", c.Kind, c.Index)
}
