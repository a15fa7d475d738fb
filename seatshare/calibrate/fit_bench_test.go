package calibrate_test

import (
	"math/rand/v2"
	"testing"

	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// BenchmarkEstimate fits every parameter of the model on 540 generated
// seats in 27 states (the size of a Lok Sabha backtest), for each swing
// mode, and reports the likelihood evaluations. With state swings every
// evaluation profiles 27 golden-section searches of about 45 steps, so a
// fit costs about 80 times a zero-swing fit.
func BenchmarkEstimate(b *testing.B) {
	truth := calibrate.Params{Scale: 0.1, Transfer: 0.6, Lambda: 0.3}
	bt := synthetic(b, rand.New(rand.NewPCG(1, 1)), 27, 20, truth)
	for _, sw := range []calibrate.Swing{calibrate.SwingZero, calibrate.SwingNational, calibrate.SwingState} {
		b.Run(sw.String(), func(b *testing.B) {
			b.ReportAllocs()
			evals := 0
			for b.Loop() {
				fit, err := calibrate.Estimate(bt, nil, &calibrate.Settings{Swing: sw})
				if err != nil {
					b.Fatal(err)
				}
				evals = fit.Evaluations
			}
			b.ReportMetric(float64(evals), "evaluations/op")
		})
	}
}
