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
			{calibrate.Model, calibrate.SwingZero, 0.555668394, 0.0531193358, 1, 0, 0.632318677},
			{calibrate.Model, calibrate.SwingNational, 0.472388616, 0.772745031, 1.22369337e-11, -0.60421063, 0.306399208},
			{calibrate.Model, calibrate.SwingState, 0.225368574, 0.501386666, 1.76006432e-11, 0, 0.231507828},
			{calibrate.Combined, calibrate.SwingZero, 0.583842889, 1, 0, 0, 0.644062119},
			{calibrate.Combined, calibrate.SwingNational, 0.476547555, 1, 0, -0.611612398, 0.30695686},
			{calibrate.Combined, calibrate.SwingState, 0.231301955, 1, 0, 0, 0.236770008},
		},
		rates:       [3]float64{0.0299401198, 0.181034483, 0.085106383},
		reliability: [][2]int{{188, 15}, {105, 11}, {67, 8}, {51, 10}, {41, 15}, {26, 8}, {12, 8}, {16, 5}, {4, 4}, {19, 11}},
		test: []wantRow{
			{"model", "zero swing", 0.507574903, 0.161766118, 0.719063789},
			{"model", "zero swing, parameters of the national-swing fit", 0.50855926, 0.161618193, 0.718845501},
			{"model", "national swing fitted after the fact (hindsight)", 0.429860811, 0.133461356, 0.718845501},
			{"model", "zero swing, parameters of the state-swing fit", 0.483143534, 0.14169274, 0.738830948},
			{"model", "state swings fitted after the fact (hindsight)", 0.164181318, 0.0479244232, 0.971040504},
			{"combined share", "zero swing", 0.536031014, 0.173263948, 0.694591317},
			{"combined share", "zero swing, parameters of the national-swing fit", 0.52091476, 0.165473134, 0.694591317},
			{"combined share", "national swing fitted after the fact (hindsight)", 0.442867635, 0.137105859, 0.694591317},
			{"combined share", "zero swing, parameters of the state-swing fit", 0.548936869, 0.150798231, 0.694591317},
			{"combined share", "state swings fitted after the fact (hindsight)", 0.188737355, 0.0539524938, 0.964831433},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.508714886, 0.15182243, 0.597865632},
		},
		testCV: []wantRow{
			{"model", "zero swing, states held out", 0.63708114, 0.157221005, 0.650497211},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.551798683, 0.146360841, 0.711836042},
			{"model", "national swing of the other states (hindsight), states held out", 0.567140155, 0.139155869, 0.619839922},
			{"combined share", "zero swing, states held out", 0.564322166, 0.168257121, 0.622920204},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.52759843, 0.151331068, 0.531918506},
			{"incumbent bloc", "no swing, states held out", 0.579993194, 0.166560405, 0.360211011},
		},
		trainCV: []wantRow{
			{"model", "zero swing, states held out", 0.657053998, 0.23016804, 0.701786532},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.756970121, 0.251267609, 0.721131823},
			{"model", "national swing of the other states (hindsight), states held out", 0.340566604, 0.0938287048, 0.650974312},
			{"combined share", "zero swing, states held out", 0.665444213, 0.235484758, 0.721026111},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.340897215, 0.094107056, 0.648965785},
			{"incumbent bloc", "no swing, states held out", 0.347292514, 0.0979585489, 0.597114063},
		},
		train: []wantRow{
			{"model", "zero swing", 0.632318677, 0.221986249, 0.7156348},
			{"model", "national swing fitted in sample", 0.306399208, 0.0873156221, 0.731315409},
			{"model", "state swing fitted in sample", 0.231507828, 0.0664501492, 0.894464216},
			{"combined share", "zero swing", 0.644062119, 0.227305496, 0.734099158},
			{"combined share", "national swing fitted in sample", 0.30695686, 0.0875078668, 0.734099158},
			{"combined share", "state swing fitted in sample", 0.236770008, 0.0676674771, 0.894428979},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.320803718, 0.0930103232, 0.681313647},
		},
	}
	// splitBlocs: base strengths with the UPA's and NDA's alliances split
	// (LokSabhaSplitPairs with SplitBlocs).
	splitBlocs = lokSabhaFigures{
		fits: []wantFit{
			{calibrate.Model, calibrate.SwingZero, 0.504404801, 1.2156276e-11, 1, 0, 0.632433033},
			{calibrate.Model, calibrate.SwingNational, 0.500471091, 1, 0.0648532808, -0.646961439, 0.312226819},
			{calibrate.Model, calibrate.SwingState, 0.20887594, 0.472792982, 2.78730372e-11, 0, 0.236926698},
			{calibrate.Combined, calibrate.SwingZero, 0.66281845, 1, 0, 0, 0.661230086},
			{calibrate.Combined, calibrate.SwingNational, 0.49942111, 1, 0, -0.645409774, 0.312228578},
			{calibrate.Combined, calibrate.SwingState, 0.224453893, 1, 0, 0, 0.243024673},
		},
		rates:       [3]float64{0.0299401198, 0.181034483, 0.085106383},
		reliability: [][2]int{{193, 14}, {87, 12}, {71, 11}, {63, 11}, {43, 16}, {28, 6}, {10, 4}, {17, 9}, {9, 7}, {8, 5}},
		test: []wantRow{
			{"model", "zero swing", 0.501688356, 0.158252988, 0.679383944},
			{"model", "zero swing, parameters of the national-swing fit", 0.515722943, 0.166272244, 0.682464225},
			{"model", "national swing fitted after the fact (hindsight)", 0.434736067, 0.13428306, 0.682464225},
			{"model", "zero swing, parameters of the state-swing fit", 0.458693671, 0.141146587, 0.730924084},
			{"model", "state swings fitted after the fact (hindsight)", 0.152921494, 0.046730872, 0.974314819},
			{"combined share", "zero swing", 0.542431223, 0.177714779, 0.688649042},
			{"combined share", "zero swing, parameters of the national-swing fit", 0.514262149, 0.165797885, 0.688649042},
			{"combined share", "national swing fitted after the fact (hindsight)", 0.432842403, 0.133794312, 0.688649042},
			{"combined share", "zero swing, parameters of the state-swing fit", 0.493559789, 0.149435524, 0.688649042},
			{"combined share", "state swings fitted after the fact (hindsight)", 0.157480909, 0.0469317196, 0.973829736},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.508714886, 0.15182243, 0.597865632},
		},
		testCV: []wantRow{
			{"model", "zero swing, states held out", 0.606609123, 0.163838501, 0.600945913},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.510978542, 0.151310318, 0.698471986},
			{"model", "national swing of the other states (hindsight), states held out", 0.565338248, 0.152570738, 0.527916566},
			{"combined share", "zero swing, states held out", 0.577182347, 0.165949742, 0.590468106},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.555665538, 0.149164524, 0.535217075},
			{"incumbent bloc", "no swing, states held out", 0.579993194, 0.166560405, 0.360211011},
		},
		trainCV: []wantRow{
			{"model", "zero swing, states held out", 0.671837032, 0.233541471, 0.618203601},
			{"model", "zero swing, parameters of the state-swing fit, states held out", 0.773813731, 0.260428678, 0.674160471},
			{"model", "national swing of the other states (hindsight), states held out", 0.347042012, 0.0959153557, 0.602522992},
			{"combined share", "zero swing, states held out", 0.698647415, 0.250129308, 0.690404877},
			{"combined share", "national swing of the other states (hindsight), states held out", 0.340746367, 0.0947515026, 0.623771098},
			{"incumbent bloc", "no swing, states held out", 0.347292514, 0.0979585489, 0.597114063},
		},
		train: []wantRow{
			{"model", "zero swing", 0.632433033, 0.220256681, 0.630254766},
			{"model", "national swing fitted in sample", 0.312226819, 0.0886673111, 0.709397794},
			{"model", "state swing fitted in sample", 0.236926698, 0.069954122, 0.887416752},
			{"combined share", "zero swing", 0.661230086, 0.234442935, 0.709397794},
			{"combined share", "national swing fitted in sample", 0.312228578, 0.0886604922, 0.709397794},
			{"combined share", "state swing fitted in sample", 0.243024673, 0.0701854549, 0.881708305},
			{"incumbent bloc", "no swing (rates fitted on the training pair)", 0.320803718, 0.0930103232, 0.681313647},
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
	if r.TrainSeats != 540 || r.TestSeats != 529 || r.TrainExcluded != [3]int{0, 0, 3} || r.TestExcluded != [3]int{0, 0, 14} {
		t.Errorf("seats %d and %d, excluded %v and %v; want 540 and 529, [0 0 3] and [0 0 14]",
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
	want := []float64{0.175818488, 0.843645342, 1.67804659e-12, 0.224741398, 0.502188591, 0.144084351, 0.712539413}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
		t.Errorf("all fronts: sigma, transfer, lambda, train log loss; test log loss, Brier, AUC (-want +got)\n%s", diff)
	}
	var top [2]int
	for _, b := range sc.Reliability {
		if b.Lo >= 0.9 {
			top = [2]int{b.Count, b.Won}
		}
	}
	if top != [2]int{20, 14} {
		t.Errorf("all fronts: %v seats forecast at 0.9 or more and won; want [20 14]", top)
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
		{22.2712039563, 14.6332898693, 9.24553710461},
		{23.1251970789, 23.5705393232, 36.030460494},
		{29.014148603, 20.6825557754, 18.4654314761},
		{73.1327116149, 72.262989268, 103.515124342},
	}
	if diff := cmp.Diff(wantStates, gotStates, cmpopts.EquateApprox(0, 1e-5)); diff != "" {
		t.Errorf("log loss in %v: no split, blocs, all fronts (-want +got)\n%s", states, diff)
	}
}

// TestLokSabhaAlliances checks every alliance LokSabhaSplitPairs splits
// against the base election's results: each member (under the pair's
// party mapping) fielded a candidate somewhere in each of the alliance's
// states, and in each state some seat had a member standing and another
// standing aside, so the parties shared seats there. It also checks that
// every bloc member of the later elections fielded a candidate in each
// state it is listed for.
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
	// Every bloc member limited to some states fielded a candidate in each
	// of them in the later election.
	for _, p := range []calibrate.Pair{train, test} {
		for _, ms := range [][]calibrate.Member{p.Blocs.Alliance, p.Blocs.Rival} {
			for _, m := range ms {
				for _, st := range m.States {
					stood := false
					for _, c := range p.Later.State(st) {
						for _, cand := range c.Candidates {
							stood = stood || cand.Party == m.Party
						}
					}
					if !stood {
						t.Errorf("%d bloc member %s fielded no candidate in %s", p.Later.Year, m.Party, st)
					}
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
