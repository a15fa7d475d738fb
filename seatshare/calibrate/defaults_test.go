package calibrate_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// TestDefaultsMatchFit refits the model on the real 2009 -> 2014 results
// with the blocs' 2009 alliances split in the base strengths, as the
// planner splits a scenario's alliances (LokSabhaSplitPairs, SplitBlocs),
// and state swings, as the package documentation describes, and fails
// when the fitted sigma, transfer rate and lambda, rounded to three
// decimals, differ from seatshare's calibrated defaults.
func TestDefaultsMatchFit(t *testing.T) {
	train, _ := lokSabhaSplit(t, calibrate.SplitBlocs)
	f, err := calibrate.Estimate(train, nil, &calibrate.Settings{Forecast: calibrate.Model, Swing: calibrate.SwingState})
	if err != nil {
		t.Fatal(err)
	}
	round := func(x float64) float64 { return math.Round(x*1000) / 1000 }
	type params struct{ Sigma, Transfer, Lambda float64 }
	want := params{seatshare.DefaultSigma, seatshare.DefaultTransfer, seatshare.DefaultLambda}
	got := params{round(f.Params.Scale), round(f.Params.Transfer), round(f.Params.Lambda)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seatshare's defaults (-) against the rounded fit (+):\n%s", diff)
	}
	// The default model is the fitted one with zero swing.
	d := seatshare.DefaultModel()
	if d.Link.Probit.Sigma != want.Sigma || *d.Transfer.Default != want.Transfer || *d.RivalTransfer.Default != want.Transfer || *d.Lambda != want.Lambda || d.Swing.National != 0 || len(d.Swing.States) != 0 {
		t.Errorf("DefaultModel() = %+v does not carry the constants", d)
	}
}
