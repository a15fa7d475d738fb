package main

import (
	"fmt"
	"io"
	"os"

	"github.com/coalitionlab/alliance/solver"
)

// runVerify is "seatshare verify".
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("verify", "[flags] PROBLEM.json RESULT.json", stderr)
	seatbench := fs.Bool("seatbench", false, "read the problem as a seatbench generator instance")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "seatshare verify: want a problem file and a result file, got %d arguments\n", len(pos))
		fs.Usage()
		return exitBadInput
	}
	in, err := readInput(pos[0], *seatbench)
	if err != nil {
		return report(stderr, "verify", pos[0], err)
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return report(stderr, "verify", pos[1], err)
	}
	defer f.Close()
	res, err := solver.ReadResult(f, in.problem)
	if err != nil {
		return report(stderr, "verify", pos[1], err)
	}
	if err := solver.Verify(in.problem, res); err != nil {
		fmt.Fprintf(stderr, "seatshare verify: %s: rejected: %v\n", pos[1], err)
		return exitFailure
	}
	if res.Assignment != nil {
		fmt.Fprintf(stdout, "verified: %s, objective %s\n", res.Status, formatFloat(res.Objective))
	} else {
		fmt.Fprintf(stdout, "verified: %s\n", res.Status)
	}
	return exitOK
}
