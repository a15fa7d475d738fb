package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/coalitionlab/alliance/seatshare"
)

func runEvaluate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("evaluate", "[flags] SCENARIO.json PROPOSAL.csv\n\n"+
		"Scores a proposed plan (CSV with columns state, pc_no, party; one row per seat) against the\n"+
		"optimal plan under the same demands: expected wins of both, the gap, the demands the proposal\n"+
		"breaks (it is still scored), and every seat's win probability under both.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "seatshare evaluate: want a scenario file and a proposal file, got %d arguments\n", len(pos))
		fs.Usage()
		return exitBadInput
	}
	if !checkFormat(stderr, "evaluate", *pf.format) {
		return exitBadInput
	}
	file, propFile := pos[0], pos[1]
	proposal, err := readProposal(propFile)
	if err != nil {
		return fail(stderr, "evaluate", propFile, err)
	}
	s, err := load("evaluate", file, *pf.data, false, stderr, nil)
	if err != nil {
		return fail(stderr, "evaluate", file, err)
	}
	ev, err := s.planner.Evaluate(context.Background(), proposal)
	if err != nil {
		// Errors about the proposal name its elements ("proposal[3].party").
		return fail(stderr, "evaluate", propFile, err)
	}
	seats := evaluationSeats(ev)
	switch *pf.format {
	case "json":
		err = writeJSON(stdout, struct {
			Illustrative bool             `json:"illustrative"`
			Expected     float64          `json:"expected"`
			Optimum      float64          `json:"optimum"`
			Gap          float64          `json:"gap"`
			Differences  int              `json:"differences"`
			Violations   []string         `json:"violations"`
			Seats        []evaluationSeat `json:"seats"`
		}{s.illustrative, ev.Expected, ev.Optimum, ev.Gap, ev.Differences, nonNil(ev.Violations), seats})
	case "csv":
		err = writeEvaluationCSV(stdout, seats)
	default:
		s.banner(stdout)
		if err = seatshare.WriteEvaluation(stdout, ev); err == nil {
			err = writeEvaluationSeats(stdout, seats)
		}
	}
	if err != nil {
		return fail(stderr, "evaluate", "", err)
	}
	return exitOK
}

func readProposal(file string) ([]seatshare.Pin, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return seatshare.ReadProposal(f, file)
}

// evaluationSeat is one seat of an evaluation with its identity spelled
// out (seatshare.SeatEvaluation leaves it out of JSON).
type evaluationSeat struct {
	State    string  `json:"state"`
	No       int     `json:"pc_no"`
	Name     string  `json:"name"`
	Party    string  `json:"party"`
	W        float64 `json:"w"`
	Optimal  string  `json:"optimal"`
	OptimalW float64 `json:"optimal_w"`
	Differs  bool    `json:"differs"`
}

func evaluationSeats(ev *seatshare.Evaluation) []evaluationSeat {
	out := make([]evaluationSeat, len(ev.Seats))
	for i, s := range ev.Seats {
		out[i] = evaluationSeat{s.ID.State, s.ID.No, s.Name, s.Party, s.W, s.Optimal, s.OptimalW, s.Party != s.Optimal}
	}
	return out
}

// nonNil returns s, or an empty slice for nil, so that JSON shows [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeEvaluationCSV(w io.Writer, seats []evaluationSeat) error {
	cw := csv.NewWriter(w)
	f6 := func(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
	cw.Write([]string{"state", "pc_no", "pc_name", "party", "w", "optimal", "optimal_w", "differs"})
	for _, s := range seats {
		cw.Write([]string{s.State, strconv.Itoa(s.No), s.Name, s.Party, f6(s.W), s.Optimal, f6(s.OptimalW), strconv.FormatBool(s.Differs)})
	}
	cw.Flush()
	return cw.Error()
}

// writeEvaluationSeats writes every seat of the proposal with its win
// probability next to the optimal plan's.
func writeEvaluationSeats(w io.Writer, seats []evaluationSeat) error {
	rows := [][]string{{"seat", "name", "proposed", "P", "best plan", "P", "differs"}}
	for _, s := range seats {
		d := ""
		if s.Differs {
			d = "*"
		}
		rows = append(rows, []string{fmt.Sprintf("%s/%d", s.State, s.No), s.Name, s.Party, fmt.Sprintf("%.3f", s.W), s.Optimal, fmt.Sprintf("%.3f", s.OptimalW), d})
	}
	if _, err := fmt.Fprintf(w, "\nEvery seat of the proposal (P = win probability)\n"); err != nil {
		return err
	}
	return columns(w, rows, "lllrlrl")
}
