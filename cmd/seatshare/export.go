package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/coalitionlab/alliance/solver"
)

// runExport is "seatshare export".
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", "-to lp|mps|fixed-mps|dimacs|json [flags] PROBLEM.json", stderr)
	to := fs.String("to", "", "output `format`: lp (CPLEX LP), mps (free MPS), fixed-mps, dimacs (min-cost flow, laminar problems only) or json")
	resolution := fs.Float64("resolution", 0, "DIMACS cost `unit` (0: 1/weight_scale for -seatbench, else solver.DefaultResolution)")
	seatbench := fs.Bool("seatbench", false, "read a seatbench generator instance instead of a solver JSON problem")
	out := fs.String("o", "", "write to `file` instead of standard output")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	file, ok := oneFile(fs, pos)
	if !ok {
		return exitBadInput
	}
	var write func(w io.Writer, p *solver.Problem, s *solver.Settings) error
	switch *to {
	case "lp":
		write = func(w io.Writer, p *solver.Problem, _ *solver.Settings) error { return solver.WriteLP(w, p) }
	case "mps":
		write = func(w io.Writer, p *solver.Problem, _ *solver.Settings) error {
			return solver.WriteMPS(w, p, solver.FreeMPS)
		}
	case "fixed-mps":
		write = func(w io.Writer, p *solver.Problem, _ *solver.Settings) error {
			return solver.WriteMPS(w, p, solver.FixedMPS)
		}
	case "dimacs":
		write = solver.WriteDIMACS
	case "json":
		write = func(w io.Writer, p *solver.Problem, _ *solver.Settings) error { return solver.WriteProblem(w, p) }
	default:
		fmt.Fprintf(stderr, "seatshare export: -to %q: want lp, mps, fixed-mps, dimacs or json\n", *to)
		fs.Usage()
		return exitBadInput
	}
	in, err := readInput(file, *seatbench)
	if err != nil {
		return report(stderr, "export", file, err)
	}
	s := &solver.Settings{Resolution: in.resolution(*resolution)}

	// With -o, write to a temporary file beside the output and rename it
	// at the end, so that a problem the format cannot hold leaves no
	// partial file behind.
	var w io.Writer = stdout
	var f *os.File
	if *out != "" {
		if f, err = os.CreateTemp(filepath.Dir(*out), ".seatshare-export-*"); err != nil {
			return report(stderr, "export", *out, err)
		}
		defer os.Remove(f.Name()) // fails harmlessly after the rename
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := write(bw, in.problem, s); err != nil {
		if f != nil {
			f.Close()
		}
		return report(stderr, "export", file, err)
	}
	if err := bw.Flush(); err != nil {
		return report(stderr, "export", *out, err)
	}
	if f != nil {
		if err := f.Chmod(0o644); err != nil {
			f.Close()
			return report(stderr, "export", *out, err)
		}
		if err := f.Close(); err != nil {
			return report(stderr, "export", *out, err)
		}
		if err := os.Rename(f.Name(), *out); err != nil {
			return report(stderr, "export", *out, err)
		}
	}
	return exitOK
}
