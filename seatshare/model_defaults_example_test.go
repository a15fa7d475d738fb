package seatshare_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/seatshare"
)

// ExampleDefaultModel shows the calibrated parameters a scenario's model
// falls back to.
func ExampleDefaultModel() {
	m := seatshare.DefaultModel()
	fmt.Printf("probit sigma %g, transfer %g (rival bloc %g), lambda %g, national swing %g\n",
		m.Link.Probit.Sigma, *m.Transfer.Default, *m.RivalTransfer.Default, *m.Lambda, m.Swing.National)
	// Output:
	// probit sigma 0.209, transfer 0.473 (rival bloc 0.473), lambda 0, national swing 0
}
