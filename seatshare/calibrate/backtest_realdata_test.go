package calibrate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// lokSabha builds the documented backtests from SEATSHARE_DATA, or skips.
func lokSabha(t testing.TB) (train, test *calibrate.Backtest) {
	t.Helper()
	var es [3]*seatshare.Election
	for i, year := range []int{2009, 2014, 2019} {
		e, err := seatshare.OpenData(year)
		if errors.Is(err, seatshare.ErrNoData) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		es[i] = e
	}
	trainPair, testPair, err := calibrate.LokSabhaPairs(es[0], es[1], es[2])
	if err != nil {
		t.Fatal(err)
	}
	if train, err = calibrate.NewBacktest(trainPair); err != nil {
		t.Fatal(err)
	}
	if test, err = calibrate.NewBacktest(testPair); err != nil {
		t.Fatal(err)
	}
	return train, test
}

type wantRow struct {
	forecast, swing     string
	logLoss, brier, auc float64
}

// The documented figures (doc.go): fitted on 2009->2014, tested on
// 2014->2019. TestLokSabhaFigures fails when a recomputed figure differs
// from these by more than 1e-6.
var (
	wantFits = []struct {
		forecast                                calibrate.Forecast
		swing                                   calibrate.Swing
		scale, transfer, lambda, national, loss float64
	}{
		{calibrate.Model, calibrate.SwingZero, 0.546421846, 0.284931465, 1, 0, 0.635021703},
		{calibrate.Model, calibrate.SwingNational, 0.451811776, 1, 0.0193047285, -0.573971343, 0.308298563},
		{calibrate.Model, calibrate.SwingState, 0.217055552, 0.642957232, 5.64795988e-11, 0, 0.228804885},
		{calibrate.Combined, calibrate.SwingZero, 0.537863735, 1, 0, 0, 0.638435149},
		{calibrate.Combined, calibrate.SwingNational, 0.45444994, 1, 0, -0.575776211, 0.309468125},
		{calibrate.Combined, calibrate.SwingState, 0.219422771, 1, 0, 0, 0.231927037},
	}
	// Incumbent rates by side of the base winner: other, alliance, rival.
	wantRates = [3]float64{0.0306748466, 0.183406114, 0.0857142857}
	wantTest  = []wantRow{
		{"model", "zero swing", 0.509545328, 0.163159876, 0.713077776},
		{"model", "zero swing, parameters of the national-swing fit", 0.518276176, 0.163760941, 0.696708986},
		{"model", "national swing fitted after the fact (hindsight)", 0.445978839, 0.137579432, 0.696708986},
		{"model", "zero swing, parameters of the state-swing fit", 0.50800041, 0.144484262, 0.728608406},
		{"model", "state swings fitted after the fact (hindsight)", 0.172216862, 0.0496721801, 0.969604339},
		{"combined share", "zero swing", 0.531662336, 0.170934886, 0.693405645},
		{"combined share", "zero swing, parameters of the national-swing fit", 0.520570201, 0.164840821, 0.693405645},
		{"combined share", "national swing fitted after the fact (hindsight)", 0.448483599, 0.138766507, 0.693405645},
		{"combined share", "zero swing, parameters of the state-swing fit", 0.566549346, 0.152086428, 0.693405645},
		{"combined share", "state swings fitted after the fact (hindsight)", 0.193227617, 0.0546057079, 0.964747935},
		{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.513205016, 0.153567571, 0.596178972},
	}
	wantTestCV = []wantRow{
		{"model", "zero swing, states held out", 0.63924901, 0.158466449, 0.65127573},
		{"model", "zero swing, parameters of the state-swing fit, states held out", 0.536226119, 0.14708281, 0.713620116},
		{"model", "national swing of the other states (hindsight), states held out", 0.58666001, 0.147278661, 0.601331197},
		{"combined share", "zero swing, states held out", 0.561857428, 0.168390701, 0.627363491},
		{"combined share", "national swing of the other states (hindsight), states held out", 0.559312741, 0.163546214, 0.483397017},
		{"incumbent bloc", "no swing, states held out", 0.61710532, 0.179824705, 0.326414397},
	}
	wantTrainCV = []wantRow{
		{"model", "zero swing, states held out", 0.66160471, 0.233540304, 0.71147024},
		{"model", "zero swing, parameters of the state-swing fit, states held out", 0.773047194, 0.254394515, 0.714802738},
		{"model", "national swing of the other states (hindsight), states held out", 0.336622503, 0.0924432609, 0.659691117},
		{"combined share", "zero swing, states held out", 0.645744516, 0.228571198, 0.727595227},
		{"combined share", "national swing of the other states (hindsight), states held out", 0.334244257, 0.0925154194, 0.662378615},
		{"incumbent bloc", "no swing, states held out", 0.348151759, 0.0986225749, 0.611853657},
	}
	wantTrain = []wantRow{
		{"model", "zero swing", 0.635021703, 0.223454624, 0.7205719},
		{"model", "national swing fitted in sample", 0.308298563, 0.0875456715, 0.731250224},
		{"model", "state swing fitted in sample", 0.228804885, 0.0648441996, 0.897803418},
		{"combined share", "zero swing", 0.638435149, 0.225350994, 0.730784391},
		{"combined share", "national swing fitted in sample", 0.309468125, 0.0881244531, 0.730784391},
		{"combined share", "state swing fitted in sample", 0.231927037, 0.0654558772, 0.898520085},
		{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.324094299, 0.0942011233, 0.680761099},
	}
)

// TestLokSabhaFigures recomputes the documented calibration from
// SEATSHARE_DATA and fails if any figure drifts. Run it with -v to print
// the report.
func TestLokSabhaFigures(t *testing.T) {
	train, test := lokSabha(t)
	r, err := calibrate.Run(train, test, nil)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		var b strings.Builder
		if err := r.WriteText(&b); err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + b.String())
	}
	approx := cmpopts.EquateApprox(0, 1e-6)
	if r.TrainSeats != 532 || r.TestSeats != 522 || r.TrainExcluded != [3]int{0, 0, 11} || r.TestExcluded != [3]int{0, 0, 21} {
		t.Errorf("seats %d and %d, excluded %v and %v; want 532 and 522, [0 0 11] and [0 0 21]",
			r.TrainSeats, r.TestSeats, r.TrainExcluded, r.TestExcluded)
	}
	for k, w := range wantFits {
		if k >= len(r.Fits) {
			t.Fatalf("%d fits, want %d", len(r.Fits), len(wantFits))
		}
		f := r.Fits[k]
		got := []float64{f.Params.Scale, f.Params.Transfer, f.Params.Lambda, f.Params.National, f.LogLoss}
		want := []float64{w.scale, w.transfer, w.lambda, w.national, w.loss}
		if f.Forecast != w.forecast || f.Swing != w.swing {
			t.Errorf("fit %d is %v, %v; want %v, %v", k, f.Forecast, f.Swing, w.forecast, w.swing)
		}
		if diff := cmp.Diff(want, got, approx); diff != "" {
			t.Errorf("fit %d (%v, %v): scale, transfer, lambda, national, log loss (-want +got)\n%s", k, w.forecast, w.swing, diff)
		}
	}
	if diff := cmp.Diff(wantRates, r.Incumbent.Rates, approx); diff != "" {
		t.Errorf("incumbent rates (-want +got)\n%s", diff)
	}
	// The reliability table of the recommended parameters (doc.go).
	wantCounts := [][2]int{{191, 16}, {100, 10}, {74, 11}, {46, 9}, {35, 14}, {27, 9}, {11, 6}, {12, 4}, {5, 3}, {21, 13}}
	var gotCounts [][2]int
	for _, x := range r.TestRows {
		if x.Forecast == "model" && x.Swing == calibrate.LabelZeroState {
			for _, b := range x.Reliability {
				gotCounts = append(gotCounts, [2]int{b.Count, b.Won})
			}
		}
	}
	if diff := cmp.Diff(wantCounts, gotCounts); diff != "" {
		t.Errorf("reliability of the state-swing parameters, (seats, won) per bin (-want +got)\n%s", diff)
	}
	for _, tc := range []struct {
		name string
		want []wantRow
		got  []calibrate.Row
	}{{"test", wantTest, r.TestRows}, {"test cross-validation", wantTestCV, r.TestCV},
		{"train cross-validation", wantTrainCV, r.TrainCV}, {"train", wantTrain, r.TrainRows}} {
		got := make([]wantRow, len(tc.got))
		for i, x := range tc.got {
			got[i] = wantRow{x.Forecast, x.Swing, x.LogLoss, x.Brier, x.AUC}
		}
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(wantRow{}), approx); diff != "" {
			t.Errorf("%s rows (-want +got)\n%s", tc.name, diff)
		}
	}
}
