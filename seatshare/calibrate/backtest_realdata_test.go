package calibrate_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// lokSabhaElections opens the 2009, 2014 and 2019 results from
// SEATSHARE_DATA, or skips.
func lokSabhaElections(t testing.TB) [3]*seatshare.Election {
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
	return es
}

// backtests builds the backtests of two pairs.
func backtests(t testing.TB, trainPair, testPair calibrate.Pair) (train, test *calibrate.Backtest) {
	t.Helper()
	var err error
	if train, err = calibrate.NewBacktest(trainPair); err != nil {
		t.Fatal(err)
	}
	if test, err = calibrate.NewBacktest(testPair); err != nil {
		t.Fatal(err)
	}
	return train, test
}

// lokSabha builds the documented backtests from SEATSHARE_DATA, or skips.
func lokSabha(t testing.TB) (train, test *calibrate.Backtest) {
	t.Helper()
	es := lokSabhaElections(t)
	trainPair, testPair, err := calibrate.LokSabhaPairs(es[0], es[1], es[2])
	if err != nil {
		t.Fatal(err)
	}
	return backtests(t, trainPair, testPair)
}

// lokSabhaSplit builds the documented backtests with alliance splitting
// from SEATSHARE_DATA, or skips.
func lokSabhaSplit(t testing.TB, which calibrate.LokSabhaSplit) (train, test *calibrate.Backtest) {
	t.Helper()
	es := lokSabhaElections(t)
	trainPair, testPair, err := calibrate.LokSabhaSplitPairs(es[0], es[1], es[2], which)
	if err != nil {
		t.Fatal(err)
	}
	return backtests(t, trainPair, testPair)
}

type wantRow struct {
	forecast, swing     string
	logLoss, brier, auc float64
}

type wantFit struct {
	forecast                                calibrate.Forecast
	swing                                   calibrate.Swing
	scale, transfer, lambda, national, loss float64
}

// lokSabhaFigures are the documented figures of one Lok Sabha calibration
// (doc.go): fitted on 2009->2014, tested on 2014->2019. checkFigures fails
// when a recomputed figure differs from these by more than 1e-6.
type lokSabhaFigures struct {
	fits []wantFit
	// rates of the incumbent bloc by side of the base winner: other,
	// alliance, rival.
	rates [3]float64
	// reliability holds (seats, won) per bin of the model with the
	// state-swing fit's parameters and zero swing on the test pair.
	reliability                  [][2]int
	test, testCV, trainCV, train []wantRow
}

var (
	// noSplit: base strengths without alliance splitting (LokSabhaPairs).
	noSplit = lokSabhaFigures{
		fits: []wantFit{
			{calibrate.Model, calibrate.SwingZero, 0.546421846, 0.284931465, 1, 0, 0.635021703},
			{calibrate.Model, calibrate.SwingNational, 0.451811776, 1, 0.0193047285, -0.573971343, 0.308298563},
			{calibrate.Model, calibrate.SwingState, 0.217055552, 0.642957232, 5.64795988e-11, 0, 0.228804885},
			{calibrate.Combined, calibrate.SwingZero, 0.537863735, 1, 0, 0, 0.638435149},
			{calibrate.Combined, calibrate.SwingNational, 0.45444994, 1, 0, -0.575776211, 0.309468125},
			{calibrate.Combined, calibrate.SwingState, 0.219422771, 1, 0, 0, 0.231927037},
		},
		rates:       [3]float64{0.0306748466, 0.183406114, 0.0857142857},
		reliability: [][2]int{{191, 16}, {100, 10}, {74, 11}, {46, 9}, {35, 14}, {27, 9}, {11, 6}, {12, 4}, {5, 3}, {21, 13}},
		test: []wantRow{
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
		},
		testCV: []wantRow{
			{"model", "zero swing, states held out", 0.63924901, 0.158466449, 0.65127573},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.536226119, 0.14708281, 0.713620116},
			{"model", "national swing of the other states (hindsight), states held out", 0.58666001, 0.147278661, 0.601331197},
			{"combined share", "zero swing, states held out", 0.561857428, 0.168390701, 0.627363491},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.559312741, 0.163546214, 0.483397017},
			{"incumbent bloc", "no swing, states held out", 0.61710532, 0.179824705, 0.326414397},
		},
		trainCV: []wantRow{
			{"model", "zero swing, states held out", 0.66160471, 0.233540304, 0.71147024},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.773047194, 0.254394515, 0.714802738},
			{"model", "national swing of the other states (hindsight), states held out", 0.336622503, 0.0924432609, 0.659691117},
			{"combined share", "zero swing, states held out", 0.645744516, 0.228571198, 0.727595227},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.334244257, 0.0925154194, 0.662378615},
			{"incumbent bloc", "no swing, states held out", 0.348151759, 0.0986225749, 0.611853657},
		},
		train: []wantRow{
			{"model", "zero swing", 0.635021703, 0.223454624, 0.7205719},
			{"model", "national swing fitted in sample", 0.308298563, 0.0875456715, 0.731250224},
			{"model", "state swing fitted in sample", 0.228804885, 0.0648441996, 0.897803418},
			{"combined share", "zero swing", 0.638435149, 0.225350994, 0.730784391},
			{"combined share", "national swing fitted in sample", 0.309468125, 0.0881244531, 0.730784391},
			{"combined share", "state swing fitted in sample", 0.231927037, 0.0654558772, 0.898520085},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.324094299, 0.0942011233, 0.680761099},
		},
	}
	// splitBlocs: base strengths with the UPA's and NDA's alliances split
	// (LokSabhaSplitPairs with SplitBlocs).
	splitBlocs = lokSabhaFigures{
		fits: []wantFit{
			{calibrate.Model, calibrate.SwingZero, 0.524956712, 5.13916687e-12, 1, 0, 0.63826272},
			{calibrate.Model, calibrate.SwingNational, 0.476858297, 1, 0.395064771, -0.609733423, 0.314369672},
			{calibrate.Model, calibrate.SwingState, 0.205692295, 0.623469575, 3.65095176e-11, 0, 0.236215861},
			{calibrate.Combined, calibrate.SwingZero, 0.603423877, 1, 0, 0, 0.656752877},
			{calibrate.Combined, calibrate.SwingNational, 0.480772824, 1, 0, -0.612875503, 0.315491565},
			{calibrate.Combined, calibrate.SwingState, 0.215140338, 1, 0, 0, 0.240219871},
		},
		rates:       [3]float64{0.0306748466, 0.183406114, 0.0857142857},
		reliability: [][2]int{{190, 16}, {91, 10}, {74, 11}, {62, 15}, {39, 13}, {26, 8}, {10, 3}, {9, 4}, {9, 6}, {12, 9}},
		test: []wantRow{
			{"model", "zero swing", 0.506171646, 0.160199679, 0.685886848},
			{"model", "zero swing, parameters of the national-swing fit", 0.510626057, 0.164053742, 0.686725009},
			{"model", "national swing fitted after the fact (hindsight)", 0.435255406, 0.134154956, 0.686725009},
			{"model", "zero swing, parameters of the state-swing fit", 0.468113016, 0.142403545, 0.722913842},
			{"model", "state swings fitted after the fact (hindsight)", 0.151246718, 0.0458431933, 0.975890546},
			{"combined share", "zero swing", 0.533658909, 0.173921335, 0.690003698},
			{"combined share", "zero swing, parameters of the national-swing fit", 0.511472453, 0.164616099, 0.690003698},
			{"combined share", "national swing fitted after the fact (hindsight)", 0.435547229, 0.134700986, 0.690003698},
			{"combined share", "zero swing, parameters of the state-swing fit", 0.499223229, 0.149209803, 0.690003698},
			{"combined share", "state swings fitted after the fact (hindsight)", 0.154793695, 0.0459353752, 0.975101689},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.513205016, 0.153567571, 0.596178972},
		},
		testCV: []wantRow{
			{"model", "zero swing, states held out", 0.617372963, 0.165259111, 0.599753482},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.533745427, 0.15331793, 0.690595341},
			{"model", "national swing of the other states (hindsight), states held out", 0.58694147, 0.159923039, 0.514137804},
			{"combined share", "zero swing, states held out", 0.579066561, 0.165424432, 0.594601257},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.597474045, 0.164208945, 0.479156909},
			{"incumbent bloc", "no swing, states held out", 0.61710532, 0.179824705, 0.326414397},
		},
		trainCV: []wantRow{
			{"model", "zero swing, states held out", 0.672895417, 0.234412639, 0.618052818},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.787146119, 0.265303449, 0.668434443},
			{"model", "national swing of the other states (hindsight), states held out", 0.350834159, 0.0966602384, 0.594546171},
			{"combined share", "zero swing, states held out", 0.672610681, 0.239639325, 0.688501093},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.342185318, 0.095246824, 0.623893647},
			{"incumbent bloc", "no swing, states held out", 0.348151759, 0.0986225749, 0.611853657},
		},
		train: []wantRow{
			{"model", "zero swing", 0.63826272, 0.222805316, 0.63575447},
			{"model", "national swing fitted in sample", 0.314369672, 0.0890355926, 0.705306912},
			{"model", "state swing fitted in sample", 0.236215861, 0.0690285387, 0.890206758},
			{"combined share", "zero swing", 0.656752877, 0.232678584, 0.705091912},
			{"combined share", "national swing fitted in sample", 0.315491565, 0.0896067352, 0.705091912},
			{"combined share", "state swing fitted in sample", 0.240219871, 0.0690804194, 0.885835095},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.324094299, 0.0942011233, 0.680761099},
		},
	}
)

// checkFigures compares a report with the documented figures.
func checkFigures(t *testing.T, r *calibrate.Report, want lokSabhaFigures) {
	t.Helper()
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
	if len(r.Fits) != len(want.fits) {
		t.Fatalf("%d fits, want %d", len(r.Fits), len(want.fits))
	}
	for k, w := range want.fits {
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
	if diff := cmp.Diff(want.rates, r.Incumbent.Rates, approx); diff != "" {
		t.Errorf("incumbent rates (-want +got)\n%s", diff)
	}
	var gotCounts [][2]int
	for _, x := range r.TestRows {
		if x.Forecast == "model" && x.Swing == calibrate.LabelZeroState {
			for _, b := range x.Reliability {
				gotCounts = append(gotCounts, [2]int{b.Count, b.Won})
			}
		}
	}
	if diff := cmp.Diff(want.reliability, gotCounts); diff != "" {
		t.Errorf("reliability of the state-swing parameters, (seats, won) per bin (-want +got)\n%s", diff)
	}
	for _, tc := range []struct {
		name string
		want []wantRow
		got  []calibrate.Row
	}{{"test", want.test, r.TestRows}, {"test cross-validation", want.testCV, r.TestCV},
		{"train cross-validation", want.trainCV, r.TrainCV}, {"train", want.train, r.TrainRows}} {
		got := make([]wantRow, len(tc.got))
		for i, x := range tc.got {
			got[i] = wantRow{x.Forecast, x.Swing, x.LogLoss, x.Brier, x.AUC}
		}
		if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(wantRow{}), approx); diff != "" {
			t.Errorf("%s rows (-want +got)\n%s", tc.name, diff)
		}
	}
}

// TestLokSabhaFigures recomputes the documented calibration without
// alliance splitting from SEATSHARE_DATA and fails if any figure drifts.
// Run it with -v to print the report.
func TestLokSabhaFigures(t *testing.T) {
	t.Parallel()
	train, test := lokSabha(t)
	r, err := calibrate.Run(train, test, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, r, noSplit)
}

// TestLokSabhaSplitFigures recomputes, from SEATSHARE_DATA, the documented
// calibration with the blocs' alliances split (SplitBlocs), and the
// state-swing fit and its out-of-sample scores with every front split
// (SplitAllFronts), and fails if any figure drifts. Run it with -v to
// print the report.
func TestLokSabhaSplitFigures(t *testing.T) {
	t.Parallel()
	train, test := lokSabhaSplit(t, calibrate.SplitBlocs)
	r, err := calibrate.Run(train, test, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkFigures(t, r, splitBlocs)

	// Every front split: the state-swing fit, and its forecast of 2019
	// with zero swing.
	train, test = lokSabhaSplit(t, calibrate.SplitAllFronts)
	f, err := calibrate.Estimate(train, nil, &calibrate.Settings{Forecast: calibrate.Model, Swing: calibrate.SwingState})
	if err != nil {
		t.Fatal(err)
	}
	zero := f.Params
	zero.States = nil
	p, err := test.Predict(nil, zero, nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := calibrate.Score(p, test.Won(nil), 10)
	if err != nil {
		t.Fatal(err)
	}
	got := []float64{f.Params.Scale, f.Params.Transfer, f.Params.Lambda, f.LogLoss, sc.LogLoss, sc.Brier, sc.AUC}
	want := []float64{0.175691091, 1, 1.90163084e-06, 0.222401937, 0.530690409, 0.146620148, 0.695501048}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("all fronts: sigma, transfer, lambda, train log loss; test log loss, Brier, AUC (-want +got)\n%s", diff)
	}
	var top [2]int
	for _, b := range sc.Reliability {
		if b.Lo >= 0.9 {
			top = [2]int{b.Count, b.Won}
		}
	}
	if top != [2]int{23, 17} {
		t.Errorf("all fronts: %v seats forecast at 0.9 or more and won; want [23 17]", top)
	}

	// Where the forecasts differ: total log loss (nats) in four states of
	// 2019 without splitting, with the blocs' alliances split and with
	// every front split, each with its state-swing fit's parameters and
	// zero swing.
	plain, plainTest := lokSabha(t)
	fp, err := calibrate.Estimate(plain, nil, &calibrate.Settings{Forecast: calibrate.Model, Swing: calibrate.SwingState})
	if err != nil {
		t.Fatal(err)
	}
	zero = fp.Params
	zero.States = nil
	pPlain, err := plainTest.Predict(nil, zero, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pBlocs []float64
	for _, x := range r.TestRows {
		if x.Forecast == "model" && x.Swing == calibrate.LabelZeroState {
			pBlocs = x.P
		}
	}
	states := []string{"Bihar", "Karnataka", "Maharashtra", "Tamil Nadu"}
	var gotStates [][3]float64
	for _, st := range states {
		var sums [3]float64
		for k, x := range []struct {
			b *calibrate.Backtest
			p []float64
		}{{plainTest, pPlain}, {test, pBlocs}, {test, p}} {
			var ps []float64
			var won []bool
			for i, s := range x.b.Seats {
				if s.ID.State == st {
					ps = append(ps, x.p[i])
					won = append(won, s.Won)
				}
			}
			ll, err := scoring.LogLoss(ps, won)
			if err != nil {
				t.Fatal(err)
			}
			sums[k] = ll * float64(len(ps))
		}
		gotStates = append(gotStates, sums)
	}
	wantStates := [][3]float64{
		{22.756314936, 12.9475174188, 8.47426966841},
		{26.1020985195, 26.6261561152, 41.1250745226},
		{31.2875036366, 20.0120894432, 18.2086891611},
		{79.6751252725, 78.2036485033, 113.650544756},
	}
	if diff := cmp.Diff(wantStates, gotStates, cmpopts.EquateApprox(0, 1e-5)); diff != "" {
		t.Errorf("log loss in %v: no split, blocs, all fronts (-want +got)\n%s", states, diff)
	}
}

// TestLokSabhaAlliances checks every alliance LokSabhaSplitPairs splits
// against the base election's results: each member (under the pair's
// party mapping) fielded a candidate somewhere in each of the alliance's
// states, and in each state some seat had a member standing and another
// standing aside, so the parties shared seats there.
func TestLokSabhaAlliances(t *testing.T) {
	es := lokSabhaElections(t)
	train, test, err := calibrate.LokSabhaSplitPairs(es[0], es[1], es[2], calibrate.SplitAllFronts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []calibrate.Pair{train, test} {
		if len(p.BaseAlliances) == 0 {
			t.Fatalf("%d: no alliances", p.Base.Year)
		}
		for _, al := range p.BaseAlliances {
			if len(al.States) == 0 {
				t.Errorf("%s: no states", al.Name)
			}
			for _, st := range al.States {
				fielded := make(map[string]bool)
				shared := false
				for _, c := range p.Base.State(st) {
					stood := make(map[string]bool)
					for _, cand := range c.Candidates {
						for _, succ := range p.BaseParties.Map(cand.Party) {
							stood[succ.Party] = true
						}
					}
					in, out := 0, 0
					for _, m := range al.Members {
						if stood[m] {
							in++
							fielded[m] = true
						} else {
							out++
						}
					}
					shared = shared || in > 0 && out > 0
				}
				for _, m := range al.Members {
					if !fielded[m] {
						t.Errorf("%s: %s fielded no candidate in %s in %d", al.Name, m, st, p.Base.Year)
					}
				}
				if !shared {
					t.Errorf("%s: no seat of %s shared in %d", al.Name, st, p.Base.Year)
				}
			}
		}
	}
	// SplitBlocs keeps the blocs' alliances only.
	blocTrain, blocTest, err := calibrate.LokSabhaSplitPairs(es[0], es[1], es[2], calibrate.SplitBlocs)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct{ all, blocs []seatshare.Alliance }{{train.BaseAlliances, blocTrain.BaseAlliances}, {test.BaseAlliances, blocTest.BaseAlliances}} {
		var want []string
		for _, al := range x.all {
			if strings.Contains(al.Name, " UPA ") || strings.Contains(al.Name, " NDA ") {
				want = append(want, al.Name)
			}
		}
		var got []string
		for _, al := range x.blocs {
			got = append(got, al.Name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("SplitBlocs alliances (-UPA and NDA of SplitAllFronts +got)\n%s", diff)
		}
	}
}
