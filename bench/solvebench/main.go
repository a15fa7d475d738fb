// Command solvebench solves one seatbench instance with package solver and
// prints one RESULT line in the format of the seatbench anchors, so that
// bench/compare.sh can put it next to LEMON's.
//
// Usage:
//
//	solvebench [-r REPS] [-anchor COST] [-assign FILE] [-method auto|flow|bnb] STEM.json
//
// The instance is read once; each of the REPS runs times only
// solver.Solve (validation, integer scaling, network construction and the
// solve). solve_s is the median run. The objective is checked on the
// generator's weight grid: micro is the sum of round(w*weight_scale) over
// the chosen pairs, and with -anchor (LEMON's integer cost, a negative
// number) check=ok means micro == -COST. -assign writes the assignment as
// "seat party" lines for `seatbench -check`.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/coalitionlab/alliance/solver"
)

func main() {
	reps := flag.Int("r", 3, "number of timed runs")
	anchor := flag.Int64("anchor", 1, "LEMON's integer cost to check against (1: no check)")
	assign := flag.String("assign", "", "write the assignment to this file")
	method := flag.String("method", "auto", "auto, flow or bnb")
	flag.Parse()
	if flag.NArg() != 1 || *reps < 1 {
		fmt.Fprintln(os.Stderr, "usage: solvebench [-r REPS] [-anchor COST] [-assign FILE] [-method auto|flow|bnb] STEM.json")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *reps, *anchor, *assign, *method); err != nil {
		fmt.Fprintln(os.Stderr, "solvebench:", err)
		os.Exit(1)
	}
}

func run(path string, reps int, anchor int64, assignPath, method string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	t0 := time.Now()
	in, err := solver.ReadSeatbenchInstance(bufio.NewReader(f))
	f.Close()
	if err != nil {
		return err
	}
	read := time.Since(t0)
	s := &solver.Settings{}
	switch method {
	case "auto":
	case "flow":
		s.Method = solver.Flow
	case "bnb":
		s.Method = solver.BranchAndBound
	default:
		return fmt.Errorf("unknown method %q", method)
	}
	p := in.Problem
	var res *solver.Result
	runs := make([]float64, reps)
	for r := range runs {
		t := time.Now()
		res, err = solver.Solve(context.Background(), p, s)
		runs[r] = time.Since(t).Seconds()
		if err != nil {
			return err
		}
	}
	verr := solver.Verify(p, res)
	var micro int64
	for c, a := range res.Assignment {
		for _, o := range p.Items[c].Options {
			if o.Agent == a {
				micro += int64(math.Round(o.Weight * float64(in.WeightScale)))
			}
		}
	}
	check := "none"
	if anchor != 1 {
		check = "ok"
		if micro != -anchor {
			check = fmt.Sprintf("MISMATCH(anchor=%d)", -anchor)
		}
	}
	verified := "ok"
	if verr != nil {
		verified = strings.ReplaceAll(verr.Error(), " ", "_")
	}
	if assignPath != "" {
		var b strings.Builder
		for c, a := range res.Assignment {
			fmt.Fprintf(&b, "%d %d\n", c, a)
		}
		if err := os.WriteFile(assignPath, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	sorted := slices.Clone(runs)
	slices.Sort(sorted)
	var rs []string
	for _, x := range runs {
		rs = append(rs, fmt.Sprintf("%.6f", x))
	}
	fmt.Printf("RESULT solver=alliance-%s status=%s micro=%d obj=%.6f solve_s=%.6f runs=[%s] read_s=%.3f check=%s verify=%s augmentations=%d flowsolves=%d nodes=%d\n",
		strings.ToLower(res.Stats.Method.String()), strings.ToUpper(res.Status.String()), micro, float64(micro)/float64(in.WeightScale),
		sorted[(len(sorted)-1)/2], strings.Join(rs, ","), read.Seconds(), check, verified,
		res.Stats.Augmentations, res.Stats.FlowSolves, res.Stats.Nodes)
	return nil
}
