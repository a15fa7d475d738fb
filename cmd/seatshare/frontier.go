package main

import (
	"context"
	"fmt"
	"io"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

func runFrontier(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("frontier", "[flags] [SCENARIO.json] -party PARTY\n\n"+
		"Prints the negotiation frontier of one party: for each number of seats k it could get (in a state,\n"+
		"or over all the scenario's seats), the alliance's best expected wins when it gets exactly k, with\n"+
		"its other demands replaced and everyone else's kept. Counts no plan can meet are listed with the\n"+
		"reason. Without SCENARIO.json it uses the embedded ILLUSTRATIVE Uttar Pradesh scenario.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	party := fs.String("party", "", "the `PARTY` whose seat count varies (required)")
	state := fs.String("state", "", "count the party's seats in `STATE` only (default: all the scenario's seats)")
	lo := fs.Int("min", 0, "the smallest seat count `k`")
	hi := fs.Int("max", -1, "the largest seat count `k` (-1: every seat of the set)")
	chartFile := fs.String("chart", "", "write the frontier chart to `FILE` (.svg or .png)")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 1 {
		return fail(stderr, "frontier", "", usageError(fmt.Sprintf("want at most one scenario file, got %d arguments", len(pos))))
	}
	if *party == "" {
		return fail(stderr, "frontier", "", usageError("-party is required"))
	}
	if !checkFormat(stderr, "frontier", *pf.format) {
		return exitBadInput
	}
	if *lo < 0 || *hi < -1 || (*hi >= 0 && *hi < *lo) {
		return fail(stderr, "frontier", "", usageError(fmt.Sprintf("-min %d -max %d is not a range of seat counts", *lo, *hi)))
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	s, err := load("frontier", file, *pf.data, true, stderr, func(sc *seatshare.Scenario) { sc.Simulation = seatshare.SimulationSpec{} })
	if err != nil {
		return fail(stderr, "frontier", file, err)
	}
	size := 0
	for _, sw := range s.planner.Seats() {
		if *state == "" || sw.ID.State == *state {
			size++
		}
	}
	if size == 0 {
		return fail(stderr, "frontier", "", usageError(fmt.Sprintf("-state %q: no seat of the scenario is in it", *state)))
	}
	top := *hi
	if top < 0 || top > size {
		top = size
	}
	if *lo > top {
		return fail(stderr, "frontier", "", usageError(fmt.Sprintf("-min %d exceeds the %d seats of %s", *lo, size, setName(*state))))
	}
	// One solve per count, so that a terminal shows how far it has got.
	pr := newProgress(stderr, "frontier")
	set := seatshare.SeatSet{State: *state}
	var pts []seatshare.FrontierPoint
	for k := *lo; k <= top; k++ {
		pr.step("%s with %d seats (%d of %d)", *party, k, k-*lo+1, top-*lo+1)
		pt, err := s.planner.Frontier(context.Background(), *party, set, k, k)
		if err != nil {
			pr.done()
			return fail(stderr, "frontier", file, err)
		}
		pts = append(pts, pt...)
	}
	pr.done()
	if *chartFile != "" {
		p, err := chart.FrontierOf(*party, *state, pts).Plot()
		if err == nil {
			err = chart.Save(p, 0, 0, *chartFile)
		}
		if err != nil {
			return fail(stderr, "frontier", *chartFile, err)
		}
		fmt.Fprintf(stderr, "seatshare frontier: wrote %s\n", *chartFile)
	}
	switch *pf.format {
	case "json":
		err = writeJSON(stdout, struct {
			Illustrative bool `json:"illustrative"`
			*frontierJSON
		}{s.illustrative, newFrontierJSON(*party, *state, pts)})
	case "csv":
		err = seatshare.WriteFrontierCSV(stdout, pts)
	default:
		s.banner(stdout)
		err = seatshare.WriteFrontier(stdout, *party, setName(*state), pts)
	}
	if err != nil {
		return fail(stderr, "frontier", "", err)
	}
	return exitOK
}
