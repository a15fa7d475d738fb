package calibrate

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/coalitionlab/alliance/scoring"
)

// Scores are the metrics of one forecast of a set of seats.
type Scores struct {
	Seats int
	// LogLoss (nats per seat, clamped as scoring.LogLoss), Brier and AUC
	// (scoring.AUC) of the forecast.
	LogLoss, Brier, AUC float64
	// Reliability is the reliability table.
	Reliability []scoring.ReliabilityBin
}

// Score returns the metrics of the forecasts p of the outcomes won with a
// reliability table of bins bins. It returns the *scoring.InputError of the
// metric that fails (for example the AUC when every outcome is the same).
// It takes O(n log n + bins) time.
func Score(p []float64, won []bool, bins int) (Scores, error) {
	var s Scores
	var err error
	s.Seats = len(p)
	if s.LogLoss, err = scoring.LogLoss(p, won); err != nil {
		return Scores{}, err
	}
	if s.Brier, err = scoring.Brier(p, won); err != nil {
		return Scores{}, err
	}
	if s.AUC, err = scoring.AUC(p, won); err != nil {
		return Scores{}, err
	}
	if s.Reliability, err = scoring.Reliability(p, won, bins); err != nil {
		return Scores{}, err
	}
	return s, nil
}

// Row is one forecast's scores in a Report.
type Row struct {
	// Forecast names the forecast: "model", "combined share" or
	// "incumbent bloc".
	Forecast string
	// Swing says which swing the forecast used and where it came from.
	Swing string
	Scores
	// P are the forecast probabilities, one per seat of the backtest
	// scored, in the backtest's seat order.
	P []float64
}

// The swing labels of a Report's rows.
const (
	LabelZero        = "zero swing"
	LabelZeroNat     = "zero swing, parameters of the national-swing fit"
	LabelZeroState   = "zero swing, parameters of the state-swing fit"
	LabelNational    = "national swing fitted after the fact (hindsight)"
	LabelState       = "state swings fitted after the fact (hindsight)"
	LabelNoSwing     = "no swing (rates fitted on the training pair)"
	LabelCVZero      = "zero swing, states held out"
	LabelCVZeroState = "zero swing, parameters of the state-swing fit, states held out"
	LabelCVNoSwing   = "no swing, states held out"
	LabelCVNation    = "national swing of the other states (hindsight), states held out"
)

// Report is a calibration of the model on one pair of elections and its
// out-of-sample test on another. Build it with Run.
type Report struct {
	// Train and Test are the backtests' labels, such as "2009->2014".
	Train, Test string
	// TrainSeats and TestSeats count the forecast seats; TrainExcluded and
	// TestExcluded count the excluded ones by Reason.
	TrainSeats, TestSeats       int
	TrainExcluded, TestExcluded [3]int
	// Fits are the fits on the training pair: the model and the combined
	// share, each with zero, national and state swing, in that order.
	Fits []*Fit
	// Incumbent is the incumbent-bloc baseline fitted on the training pair.
	Incumbent Incumbent
	// TestRows score the test pair out of sample, with parameters fitted
	// on the training pair (swings, where labelled, fitted after the fact
	// on the test pair itself).
	TestRows []Row
	// TrainRows score the training pair in sample, for reference.
	TrainRows []Row
	// TrainCV and TestCV hold out whole states within each pair: the
	// states are dealt into Folds folds (sorted by number of seats, most
	// first, then by name, and dealt in turn), each fold is forecast with
	// parameters fitted on the others, and the forecasts are pooled.
	TrainCV, TestCV []Row
	Folds           int
}

// RunSettings are the options of Run; the zero value (and nil) means the
// probit link, 10 reliability bins, 5 folds and DefaultStateBound.
type RunSettings struct {
	Link       LinkFamily
	Bins       int     // reliability bins; 0 means 10
	Folds      int     // folds of states for cross-validation; 0 means 5
	StateBound float64 // see Settings; 0 means DefaultStateBound
}

// Run calibrates the model on train and tests it on test. With test nil
// it calibrates on train alone: the fits, the in-sample scores and the
// cross-validation by states, without the test fields.
//
// On train it fits, by maximum likelihood (Estimate), the model's scale,
// transfer rate and lambda and the combined-share baseline's scale, each
// three times: with zero swing, with a national swing and with state
// swings; and the incumbent-bloc baseline (FitIncumbent). On test it
// scores, out of sample: the zero-swing fits with zero swing (the
// forecast one could make before the election); the national-swing and
// state-swing fits with the swings fitted after the fact on test, the
// other parameters kept from train (labelled hindsight); and the
// incumbent baseline. It also scores train in sample and cross-validates
// each pair by holding out whole states (see Report).
//
// Run returns the first error of a fit or a metric, such as an AUC
// undefined because the alliance won every seat of a fold. It takes about
// 5 fits per pair and fold, each O(e*n).
func Run(train, test *Backtest, s *RunSettings) (*Report, error) {
	var rs RunSettings
	if s != nil {
		rs = *s
	}
	if rs.Bins == 0 {
		rs.Bins = 10
	}
	if rs.Folds == 0 {
		rs.Folds = 5
	}
	if rs.Bins < 1 {
		return nil, invalid("settings.bins", "%d is not positive", rs.Bins)
	}
	if rs.Folds < 2 {
		return nil, invalid("settings.folds", "%d is fewer than 2", rs.Folds)
	}
	if train == nil {
		return nil, invalid("train", "nil backtest")
	}
	r := &Report{Train: train.Label(), TrainSeats: len(train.Seats), Folds: rs.Folds}
	for _, reason := range []Reason{NotInBase, NotInLater, NoAllianceCandidate} {
		r.TrainExcluded[reason] = train.ExcludedBy(reason)
	}
	if test != nil {
		r.Test, r.TestSeats = test.Label(), len(test.Seats)
		for _, reason := range []Reason{NotInBase, NotInLater, NoAllianceCandidate} {
			r.TestExcluded[reason] = test.ExcludedBy(reason)
		}
	}
	row := func(b *Backtest, forecast, swing string, p []float64) (Row, error) {
		sc, err := Score(p, b.Won(nil), rs.Bins)
		if err != nil {
			return Row{}, fmt.Errorf("calibrate: %s %s, %s: %w", b.Label(), forecast, swing, err)
		}
		return Row{Forecast: forecast, Swing: swing, Scores: sc, P: p}, nil
	}
	labels := [...]string{LabelZero, LabelNational, LabelState}
	for _, fc := range []Forecast{Model, Combined} {
		for sw := SwingZero; sw <= SwingState; sw++ {
			fit, err := Estimate(train, nil, &Settings{Forecast: fc, Link: rs.Link, Swing: sw, StateBound: rs.StateBound})
			if err != nil {
				return nil, err
			}
			r.Fits = append(r.Fits, fit)
			p, err := train.Forecast(nil, fc, fit.Params, rs.Link)
			if err != nil {
				return nil, err
			}
			trainLabel := sw.String() + " fitted in sample"
			if sw == SwingZero {
				trainLabel = LabelZero
			}
			tr, err := row(train, fc.String(), trainLabel, p)
			if err != nil {
				return nil, err
			}
			r.TrainRows = append(r.TrainRows, tr)
			if test == nil {
				continue
			}
			params := fit.Params
			if sw != SwingZero {
				// The same parameters with zero swing: what they give
				// before the election.
				zero := params
				zero.National, zero.States = 0, nil
				p, err := test.Forecast(nil, fc, zero, rs.Link)
				if err != nil {
					return nil, err
				}
				label := LabelZeroNat
				if sw == SwingState {
					label = LabelZeroState
				}
				x, err := row(test, fc.String(), label, p)
				if err != nil {
					return nil, err
				}
				r.TestRows = append(r.TestRows, x)
				start := params
				hind, err := Estimate(test, nil, &Settings{
					Forecast: fc, Link: rs.Link, Swing: sw, Start: &start,
					FixScale: true, FixTransfer: true, FixLambda: true, StateBound: rs.StateBound,
				})
				if err != nil {
					return nil, err
				}
				params = hind.Params
			}
			if p, err = test.Forecast(nil, fc, params, rs.Link); err != nil {
				return nil, err
			}
			te, err := row(test, fc.String(), labels[sw], p)
			if err != nil {
				return nil, err
			}
			r.TestRows = append(r.TestRows, te)
		}
	}
	in, err := FitIncumbent(train, nil)
	if err != nil {
		return nil, err
	}
	r.Incumbent = in
	for _, b := range []*Backtest{train, test} {
		if b == nil {
			continue
		}
		p, err := in.Predict(b, nil)
		if err != nil {
			return nil, err
		}
		x, err := row(b, "incumbent bloc", LabelNoSwing, p)
		if err != nil {
			return nil, err
		}
		if b == train {
			r.TrainRows = append(r.TrainRows, x)
		} else {
			r.TestRows = append(r.TestRows, x)
		}
	}
	if r.TrainCV, err = crossValidate(train, rs); err != nil {
		return nil, err
	}
	if test != nil {
		if r.TestCV, err = crossValidate(test, rs); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Folds deals the states of b into k folds: sorted by number of seats,
// most first, then by name, and dealt in turn. It returns the seat indices
// of each fold, in seat order.
func Folds(b *Backtest, k int) [][]int {
	count := make(map[string]int)
	for _, s := range b.Seats {
		count[s.ID.State]++
	}
	states := b.States()
	slices.SortStableFunc(states, func(x, y string) int {
		if c := cmp.Compare(count[y], count[x]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	fold := make(map[string]int, len(states))
	for i, st := range states {
		fold[st] = i % k
	}
	out := make([][]int, k)
	for i, s := range b.Seats {
		f := fold[s.ID.State]
		out[f] = append(out[f], i)
	}
	return out
}

// crossValidate holds out whole states of b, fold by fold.
func crossValidate(b *Backtest, rs RunSettings) ([]Row, error) {
	folds := Folds(b, rs.Folds)
	type spec struct {
		fc    Forecast
		swing Swing // fitted on the other folds
		zero  bool  // forecast the held-out fold with zero swing
		label string
	}
	specs := []spec{
		{Model, SwingZero, true, LabelCVZero},
		{Model, SwingState, true, LabelCVZeroState},
		{Model, SwingNational, false, LabelCVNation},
		{Combined, SwingZero, true, LabelCVZero},
		{Combined, SwingNational, false, LabelCVNation},
	}
	n := len(b.Seats)
	ps := make([][]float64, len(specs)+1)
	for i := range ps {
		ps[i] = make([]float64, n)
	}
	for f, held := range folds {
		if len(held) == 0 {
			continue
		}
		var rest []int
		for g, seats := range folds {
			if g != f {
				rest = append(rest, seats...)
			}
		}
		slices.Sort(rest)
		for k, sp := range specs {
			fit, err := Estimate(b, rest, &Settings{Forecast: sp.fc, Link: rs.Link, Swing: sp.swing, StateBound: rs.StateBound})
			if err != nil {
				return nil, err
			}
			params := fit.Params
			if sp.zero {
				params.National, params.States = 0, nil
			}
			p, err := b.Forecast(held, sp.fc, params, rs.Link)
			if err != nil {
				return nil, err
			}
			for j, i := range held {
				ps[k][i] = p[j]
			}
		}
		in, err := FitIncumbent(b, rest)
		if err != nil {
			return nil, err
		}
		p, err := in.Predict(b, held)
		if err != nil {
			return nil, err
		}
		for j, i := range held {
			ps[len(specs)][i] = p[j]
		}
	}
	won := b.Won(nil)
	var rows []Row
	for k := range ps {
		forecast, label := "incumbent bloc", LabelCVNoSwing
		if k < len(specs) {
			forecast, label = specs[k].fc.String(), specs[k].label
		}
		sc, err := Score(ps[k], won, rs.Bins)
		if err != nil {
			return nil, fmt.Errorf("calibrate: %s cross-validation, %s: %w", b.Label(), forecast, err)
		}
		rows = append(rows, Row{Forecast: forecast, Swing: label, Scores: sc, P: ps[k]})
	}
	return rows, nil
}

// WriteText writes the report as plain-text tables: the fitted
// parameters, the out-of-sample test, the cross-validations, the in-sample
// scores and the reliability table of the model with the state-swing
// fit's parameters and zero swing on the test pair. Numbers are rounded for reading; the Report holds them in full.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	if r.Test != "" {
		fmt.Fprintf(&b, "Calibration: fitted on %s (%d seats), tested on %s (%d seats)\n",
			r.Train, r.TrainSeats, r.Test, r.TestSeats)
	} else {
		fmt.Fprintf(&b, "Calibration: fitted on %s (%d seats); no test pair\n", r.Train, r.TrainSeats)
	}
	for _, x := range []struct {
		label string
		n     [3]int
	}{{r.Train, r.TrainExcluded}, {r.Test, r.TestExcluded}} {
		if x.label == "" {
			continue
		}
		fmt.Fprintf(&b, "Excluded in %s: %d not in the base election, %d not in the later election, %d without an alliance candidate\n",
			x.label, x.n[NotInBase], x.n[NotInLater], x.n[NoAllianceCandidate])
	}
	fmt.Fprintf(&b, "\nMaximum-likelihood fits on %s:\n", r.Train)
	fmt.Fprintf(&b, "  %-15s %-15s %8s %8s %8s %9s %9s\n", "forecast", "swing", "sigma", "transfer", "lambda", "national", "log loss")
	for _, f := range r.Fits {
		fmt.Fprintf(&b, "  %-15s %-15s %8.4f %8.4f %8.4f %9.4f %9.4f\n",
			f.Forecast, f.Swing, f.Params.Scale, f.Params.Transfer, f.Params.Lambda, f.Params.National, f.LogLoss)
	}
	fmt.Fprintf(&b, "  incumbent bloc: P(alliance wins) = %.4f after an alliance win, %.4f after a rival win, %.4f after another party's win\n",
		r.Incumbent.Rates[SideAlliance], r.Incumbent.Rates[SideRival], r.Incumbent.Rates[SideOther])
	table := func(title string, rows []Row) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		fmt.Fprintf(&b, "  %-15s %-66s %8s %8s %8s\n", "forecast", "swing", "log loss", "Brier", "AUC")
		for _, x := range rows {
			fmt.Fprintf(&b, "  %-15s %-66s %8.4f %8.4f %8.4f\n", x.Forecast, x.Swing, x.LogLoss, x.Brier, x.AUC)
		}
	}
	table(fmt.Sprintf("Out of sample: %s with parameters fitted on %s", r.Test, r.Train), r.TestRows)
	table(fmt.Sprintf("Cross-validation on %s, %d folds of whole states", r.Test, r.Folds), r.TestCV)
	table(fmt.Sprintf("Cross-validation on %s, %d folds of whole states", r.Train, r.Folds), r.TrainCV)
	table(fmt.Sprintf("In sample: %s", r.Train), r.TrainRows)
	if rel, label := r.reliabilityRow(); rel != nil {
		fmt.Fprintf(&b, "\nReliability of the model on %s (%s):\n", label, rel.Swing)
		fmt.Fprintf(&b, "  %-12s %6s %6s %10s %9s\n", "forecast", "seats", "won", "mean fcst", "won rate")
		for _, bin := range rel.Reliability {
			fmt.Fprintf(&b, "  [%.1f, %.1f%s %6d %6d %10.3f %9.3f\n", bin.Lo, bin.Hi, closing(bin.Hi), bin.Count, bin.Won, bin.Predicted, bin.Observed)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reliabilityRow returns the row whose reliability WriteText shows, and
// its pair's label: the model with the state-swing fit's parameters and
// zero swing (the recommended defaults), on the test pair, or held out by
// states on the training pair when there is no test pair.
func (r *Report) reliabilityRow() (*Row, string) {
	for i, x := range r.TestRows {
		if x.Forecast == Model.String() && x.Swing == LabelZeroState {
			return &r.TestRows[i], r.Test
		}
	}
	for i, x := range r.TrainCV {
		if x.Forecast == Model.String() && x.Swing == LabelCVZeroState {
			return &r.TrainCV[i], r.Train
		}
	}
	return nil, ""
}

// closing returns the bracket that closes a bin ending at hi.
func closing(hi float64) string {
	if hi == 1 {
		return "]   "
	}
	return ")   "
}
