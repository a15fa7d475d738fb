package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

// renames collects repeated -rename OLD=NEW flags.
type renames []seatshare.Rename

func (r *renames) String() string {
	var parts []string
	for _, x := range *r {
		parts = append(parts, x.From+"="+x.To[0].Party)
	}
	return strings.Join(parts, ",")
}

func (r *renames) Set(s string) error {
	from, to, ok := strings.Cut(s, "=")
	if !ok || from == "" || to == "" {
		return fmt.Errorf("want OLD=NEW, got %q", s)
	}
	*r = append(*r, seatshare.Rename{From: from, To: []seatshare.Successor{{Party: to, Fraction: 1}}})
	return nil
}

// runCalibrate is "seatshare calibrate".
func runCalibrate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("calibrate", "[flags] BASE.csv LATER.csv [TEST.csv]", stderr)
	blocsFile := fs.String("blocs", "", "JSON `file` of the alliance and rival blocs in LATER.csv (see calibrate.ReadBlocs)")
	testBlocsFile := fs.String("test-blocs", "", "JSON `file` of the blocs in TEST.csv; default: those of -blocs")
	lokSabha := fs.Bool("lok-sabha", false, "the Lok Sabha 2009, 2014, 2019 files with the built-in UPA and NDA blocs (calibrate.LokSabhaSplitPairs)")
	split := fs.String("split", "blocs", "with -lok-sabha, the base elections' alliances whose votes are split among the partners: `blocs` (the UPA's and NDA's arrangements, as the calibrated defaults were fitted), fronts (every seat-sharing front) or none")
	var rn renames
	fs.Var(&rn, "rename", "map a base election's party label OLD onto NEW (repeatable)")
	folds := fs.Int("folds", 5, "folds of whole states for cross-validation")
	bins := fs.Int("bins", 10, "bins of the reliability table")
	chartFile := fs.String("chart", "", "write the reliability chart to `file` (.svg or .png)")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) != 2 && len(pos) != 3 || *lokSabha && len(pos) != 3 {
		fmt.Fprintf(stderr, "seatshare calibrate: want BASE.csv LATER.csv [TEST.csv] (three files with -lok-sabha), got %d arguments\n", len(pos))
		fs.Usage()
		return exitBadInput
	}
	if !*lokSabha && *blocsFile == "" {
		fmt.Fprintln(stderr, "seatshare calibrate: -blocs is required (or -lok-sabha)")
		fs.Usage()
		return exitBadInput
	}
	splits := map[string]calibrate.LokSabhaSplit{"blocs": calibrate.SplitBlocs, "fronts": calibrate.SplitAllFronts}
	if _, ok := splits[*split]; !ok && *split != "none" {
		fmt.Fprintf(stderr, "seatshare calibrate: -split %q is not blocs, fronts or none\n", *split)
		return exitBadInput
	}
	es := make([]*seatshare.Election, len(pos))
	for i, path := range pos {
		if es[i], err = seatshare.LoadResults(path); err != nil {
			return calibrateError(stderr, path, err)
		}
	}
	var pairs []calibrate.Pair
	if *lokSabha {
		var train, test calibrate.Pair
		if which, ok := splits[*split]; ok {
			train, test, err = calibrate.LokSabhaSplitPairs(es[0], es[1], es[2], which)
		} else {
			train, test, err = calibrate.LokSabhaPairs(es[0], es[1], es[2])
		}
		if err != nil {
			return calibrateError(stderr, "", err)
		}
		pairs = []calibrate.Pair{train, test}
	} else {
		if pairs, err = userPairs(es, rn, *blocsFile, *testBlocsFile); err != nil {
			return calibrateError(stderr, "", err)
		}
	}
	backtests := make([]*calibrate.Backtest, 2)
	for i, p := range pairs {
		if backtests[i], err = calibrate.NewBacktest(p); err != nil {
			return calibrateError(stderr, pos[i+1], err)
		}
	}
	r, err := calibrate.Run(backtests[0], backtests[1], &calibrate.RunSettings{Folds: *folds, Bins: *bins})
	if err != nil {
		return calibrateError(stderr, "", err)
	}
	if err := r.WriteText(stdout); err != nil {
		return calibrateError(stderr, "", err)
	}
	if *chartFile != "" {
		if err := writeReliabilityChart(r, *chartFile); err != nil {
			return calibrateError(stderr, *chartFile, err)
		}
	}
	return exitOK
}

// userPairs builds the pairs of the user's files: es[0]->es[1] and, with
// three files, es[1]->es[2]. Elections held before a later one that has
// Telangana are mapped with seatshare.AndhraPradeshTo2019.
func userPairs(es []*seatshare.Election, rn renames, blocsFile, testBlocsFile string) ([]calibrate.Pair, error) {
	telangana := false
	for _, e := range es {
		telangana = telangana || len(e.State(seatshare.Telangana)) > 0
	}
	mapped := make([]*seatshare.Election, len(es))
	for i, e := range es {
		mapped[i] = e
		if telangana && len(e.State(seatshare.Telangana)) == 0 {
			m, err := e.MapSeats(seatshare.AndhraPradeshTo2019)
			if err != nil {
				return nil, err
			}
			mapped[i] = m
		}
	}
	pm, err := seatshare.NewPartyMap(rn...)
	if err != nil {
		return nil, err
	}
	blocs, err := readBlocs(blocsFile)
	if err != nil {
		return nil, err
	}
	testBlocs := blocs
	if testBlocsFile != "" {
		if testBlocs, err = readBlocs(testBlocsFile); err != nil {
			return nil, err
		}
	}
	pairs := []calibrate.Pair{{Base: mapped[0], Later: mapped[1], BaseParties: pm, Blocs: blocs}}
	if len(es) == 3 {
		pairs = append(pairs, calibrate.Pair{Base: mapped[1], Later: mapped[2], BaseParties: pm, Blocs: testBlocs})
	}
	return pairs, nil
}

func readBlocs(path string) (calibrate.Blocs, error) {
	f, err := os.Open(path)
	if err != nil {
		return calibrate.Blocs{}, err
	}
	defer f.Close()
	b, err := calibrate.ReadBlocs(f)
	if err != nil {
		return calibrate.Blocs{}, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// writeReliabilityChart draws the reliability of the zero-swing forecasts:
// on the test pair when there is one, else held out by states.
func writeReliabilityChart(r *calibrate.Report, path string) error {
	rows, label := r.TestRows, "out of sample, "+r.Test
	if len(rows) == 0 {
		rows, label = r.TrainCV, "states held out, "+r.Train
	}
	// Three forecasts keep the chart readable: the model with the
	// recommended (state-swing fit) parameters first, so its points carry
	// the counts, then the two baselines.
	var series []chart.ReliabilitySeries
	for _, want := range []struct{ forecast, swing, name string }{
		{"model", calibrate.LabelZeroState, "model, parameters of the state-swing fit"},
		{"model", calibrate.LabelCVZeroState, "model, parameters of the state-swing fit"},
		{"combined share", calibrate.LabelZero, "combined share, zero-swing fit"},
		{"combined share", calibrate.LabelCVZero, "combined share, zero-swing fit"},
		{"incumbent bloc", calibrate.LabelNoSwing, "incumbent bloc"},
		{"incumbent bloc", calibrate.LabelCVNoSwing, "incumbent bloc"},
	} {
		for _, x := range rows {
			if x.Forecast == want.forecast && x.Swing == want.swing {
				series = append(series, chart.ReliabilitySeries{Name: want.name, Bins: x.Reliability})
			}
		}
	}
	p, err := chart.Reliability{Title: "Reliability of the forecasts (" + label + ")", Series: series}.Plot()
	if err != nil {
		return err
	}
	return chart.Save(p, 0, 0, path)
}

// calibrateError prints err and returns its exit code: exitBadInput for
// unreadable or invalid input, exitFailure otherwise.
func calibrateError(stderr io.Writer, file string, err error) int {
	prefix := "seatshare calibrate: "
	if file != "" && !strings.Contains(err.Error(), file) {
		prefix += file + ": "
	}
	fmt.Fprintf(stderr, "%s%v\n", prefix, err)
	var pathErr *os.PathError
	switch {
	case errors.As(err, &pathErr), errors.Is(err, seatshare.ErrInvalid), errors.Is(err, calibrate.ErrInvalid),
		errors.Is(err, chart.ErrInvalid), errors.Is(err, chart.ErrFormat):
		return exitBadInput
	}
	return exitFailure
}
