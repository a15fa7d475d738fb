package calibrate_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// TestRunSynthetic runs the whole report on generated elections and checks
// its shape and the inequalities maximum likelihood guarantees in sample.
func TestRunSynthetic(t *testing.T) {
	truth := calibrate.Params{Scale: 0.1, Transfer: 0.6, Lambda: 0.3}
	rng := rand.New(rand.NewPCG(9, 9))
	train := synthetic(t, rng, 5, 12, truth)
	test := synthetic(t, rng, 5, 12, truth)
	r, err := calibrate.Run(train, test, &calibrate.RunSettings{Folds: 3, Bins: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Fits) != 6 || len(r.TrainRows) != 7 || len(r.TestRows) != 11 || len(r.TrainCV) != 6 || len(r.TestCV) != 6 {
		t.Fatalf("%d fits, %d train rows, %d test rows, %d and %d cross-validation rows; want 6, 7, 11, 6, 6",
			len(r.Fits), len(r.TrainRows), len(r.TestRows), len(r.TrainCV), len(r.TestCV))
	}
	// State swings nest zero swing, and the model with transfer 1 and
	// lambda 0 is the combined share up to the choice of partners, so in
	// sample a state-swing fit is no worse than a zero-swing fit.
	for _, k := range []int{0, 3} {
		if r.Fits[k+2].LogLoss > r.Fits[k].LogLoss+1e-9 || r.Fits[k+1].LogLoss > r.Fits[k].LogLoss+1e-9 {
			t.Errorf("%v: log loss zero %v, national %v, state %v; swings should not hurt in sample",
				r.Fits[k].Forecast, r.Fits[k].LogLoss, r.Fits[k+1].LogLoss, r.Fits[k+2].LogLoss)
		}
	}
	for _, rows := range [][]calibrate.Row{r.TrainRows, r.TestRows, r.TrainCV, r.TestCV} {
		for _, x := range rows {
			if len(x.P) != x.Seats {
				t.Errorf("%s, %s: %d probabilities for %d seats", x.Forecast, x.Swing, len(x.P), x.Seats)
			}
			for _, p := range x.P {
				if !(p >= 0 && p <= 1) {
					t.Fatalf("%s, %s: probability %v", x.Forecast, x.Swing, p)
				}
			}
		}
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"fitted on 2009->2014 (", "Out of sample: 2009->2014 with parameters fitted on 2009->2014",
		calibrate.LabelState, calibrate.LabelCVZeroState, "Reliability of the model",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}

	// One pair: no test rows.
	one, err := calibrate.Run(train, nil, &calibrate.RunSettings{Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	if one.Test != "" || len(one.TestRows) != 0 || len(one.TestCV) != 0 || len(one.TrainCV) != 6 {
		t.Errorf("one pair: test %q with %d rows and %d cross-validation rows, %d training cross-validation rows",
			one.Test, len(one.TestRows), len(one.TestCV), len(one.TrainCV))
	}
}
