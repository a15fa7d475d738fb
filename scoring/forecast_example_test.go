package scoring_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/scoring"
)

// Four seats forecast for the alliance, and who actually won them.
func ExampleBrier() {
	p := []float64{0.9, 0.7, 0.4, 0.2}
	won := []bool{true, false, true, false}
	brier, _ := scoring.Brier(p, won)
	logLoss, _ := scoring.LogLoss(p, won)
	auc, _ := scoring.AUC(p, won)
	fmt.Printf("Brier %.4f, log loss %.4f, AUC %.2f\n", brier, logLoss, auc)
	// Output:
	// Brier 0.2250, log loss 0.6122, AUC 0.75
}

func ExampleReliability() {
	p := []float64{0.1, 0.15, 0.3, 0.6, 0.65, 0.9, 0.95}
	won := []bool{false, false, true, true, false, true, true}
	table, _ := scoring.Reliability(p, won, 2)
	for _, b := range table {
		fmt.Printf("[%.1f, %.1f): %d seats, forecast %.3f, won %.3f\n", b.Lo, b.Hi, b.Count, b.Predicted, b.Observed)
	}
	// Output:
	// [0.0, 0.5): 3 seats, forecast 0.183, won 0.333
	// [0.5, 1.0): 4 seats, forecast 0.775, won 0.750
}
