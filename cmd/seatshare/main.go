package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/coalitionlab/alliance/solver"
)

// Exit codes; see the package documentation.
const (
	exitOK         = 0
	exitInfeasible = 1
	exitBadInput   = 2
	exitFailure    = 3
)

// command is a subcommand: run gets the arguments after the command name.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order "seatshare -h" shows them.
func commands() []command {
	return []command{
		{"plan", "the optimal seat-sharing plan of a scenario, with prices and charts", runPlan},
		{"evaluate", "score a proposed plan (CSV) against the optimum", runEvaluate},
		{"explain", "one seat or one demand of the optimal plan in detail", runExplain},
		{"simulate", "the distribution of the alliance's total seats", runSimulate},
		{"frontier", "best expected wins for each seat count of one party", runFrontier},
		{"coalition", "what each member brings: Shapley values, the core, \"should we take in X\"", runCoalition},
		{"solve", "solve a solver-level JSON problem and print the result", runSolve},
		{"export", "write a problem as CPLEX LP, MPS, DIMACS min-cost flow or JSON", runExport},
		{"verify", "check a result file against its problem with solver.Verify", runVerify},
		{"calibrate", "backtest and fit the win-probability model on past results", runCalibrate},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args (without the program name) and
// returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitBadInput
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "seatshare: unknown command %q\n", name)
	usage(stderr)
	return exitBadInput
}

func usage(w io.Writer) {
	fmt.Fprint(w, "Usage: seatshare <command> [flags] [arguments]\n\nCommands:\n")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"seatshare <command> -h\" for the flags of a command.\n"+
		"Exit codes: 0 ok, 1 infeasible, 2 bad input or usage, 3 other failure.\n")
}

// newFlagSet returns a flag set whose usage message shows synopsis and
// the flags.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("seatshare "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: seatshare %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags anywhere among args and returns the other
// arguments. With -h it prints the usage to stdout and returns
// flag.ErrHelp; other errors have been reported on stderr.
func parseArgs(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	// The flag package would print the usage itself on -h (to stderr);
	// keep it quiet and print once, to the right stream.
	stderr := fs.Output()
	fs.SetOutput(io.Discard)
	defer fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stdout)
			} else {
				fs.SetOutput(stderr)
				fmt.Fprintln(stderr, err)
			}
			fs.Usage()
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseExit turns a parseArgs error into an exit code.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitBadInput
}

// formatFloat writes x in the shortest form that reads back exactly.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// oneFile checks that exactly one file argument was given.
func oneFile(fs *flag.FlagSet, pos []string) (string, bool) {
	if len(pos) != 1 {
		fmt.Fprintf(fs.Output(), "%s: want one problem file, got %d arguments\n", fs.Name(), len(pos))
		fs.Usage()
		return "", false
	}
	return pos[0], true
}

// input is a problem read from a file.
type input struct {
	problem *solver.Problem
	// scale is the seatbench weight grid (every weight is a multiple of
	// 1/scale), or 0 for a JSON problem.
	scale int64
}

// readInput reads a JSON problem, or a seatbench instance when seatbench is
// set.
func readInput(path string, seatbench bool) (*input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if seatbench {
		in, err := solver.ReadSeatbenchInstance(f)
		if err != nil {
			return nil, err
		}
		return &input{problem: in.Problem, scale: in.WeightScale}, nil
	}
	p, err := solver.ReadProblem(f)
	var pe *solver.ProblemError
	if errors.As(err, &pe) && pe.Field == "format" && strings.Contains(pe.Msg, `"seatbench/`) {
		return nil, &solver.ProblemError{Field: pe.Field, Msg: pe.Msg + " (read seatbench instances with -seatbench)"}
	}
	if err != nil {
		return nil, err
	}
	return &input{problem: p}, nil
}

// report prints err on stderr as "seatshare CMD: FILE: FIELD: message" and
// returns the exit code for it: exitBadInput for unreadable files and
// invalid problems, exitInfeasible for infeasibility, exitFailure otherwise.
func report(stderr io.Writer, cmd, file string, err error) int {
	prefix := "seatshare " + cmd + ": "
	if file != "" {
		prefix += file + ": "
	}
	var pe *solver.ProblemError
	var ie *solver.InfeasibleError
	var pathErr *os.PathError
	switch {
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "%s%s: %s\n", prefix, pe.Field, pe.Msg)
		return exitBadInput
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "%sinfeasible: %s\n", prefix, ie.Reason)
		return exitInfeasible
	case errors.Is(err, solver.ErrInfeasible):
		fmt.Fprintf(stderr, "%sinfeasible\n", prefix)
		return exitInfeasible
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "%s%v\n", prefix, pathErr.Err)
		return exitBadInput
	case errors.Is(err, solver.ErrInvalid), errors.Is(err, solver.ErrNotLaminar):
		fmt.Fprintf(stderr, "%s%s\n", prefix, strings.TrimPrefix(err.Error(), "solver: "))
		return exitBadInput
	}
	fmt.Fprintf(stderr, "%s%v\n", prefix, err)
	return exitFailure
}
