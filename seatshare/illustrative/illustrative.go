// Package illustrative embeds ILLUSTRATIVE data for Uttar Pradesh: synthetic
// candidate-level results for 2009 and 2019 (NOT real results) and the
// scenario of the uttarpradesh example, so that the examples and tests run
// with no files at all.
//
// The 80 constituencies carry their real names, numbers and reservation
// categories. The votes are made up by a seeded generator
// (internal/synth, regenerate with go generate) whose state-wide vote
// shares equal the published figures of each year (2019: BJP 49.56%, BSP
// 19.26%, SP 17.96%, INC 6.31%, RLD 1.67%, ADAL 1.20%; 2009: BSP 27.42%,
// SP 23.26%, INC 18.25%, BJP 17.50%, RLD 3.27%, AD 0.84%), with the
// parties contesting as the year's alliances did. Seat by seat the
// numbers are fiction; every Election this package returns says so in its
// Source, and so does every plan built on it.
//
// For the real results set SEATSHARE_DATA (see seatshare.OpenData).
package illustrative

//go:generate go run ./internal/gen -dir .

import (
	"bytes"
	"embed"
	"fmt"

	"github.com/coalitionlab/alliance/seatshare"
)

//go:embed up2009.csv up2019.csv uttarpradesh.json
var files embed.FS

// Label marks the data as illustrative in every Election's Source.
const Label = "ILLUSTRATIVE synthetic results, not real"

// Years lists the years with synthetic results.
func Years() []int { return []int{2009, 2019} }

// Election returns the synthetic results of year for Uttar Pradesh; its
// Source reads "ILLUSTRATIVE synthetic results, not real: upYYYY.csv". It
// returns an error for a year other than those of Years. Election has the
// signature of a seatshare.Source.
func Election(year int) (*seatshare.Election, error) {
	name := fmt.Sprintf("up%d.csv", year)
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("illustrative: no synthetic results for %d (have %v)", year, Years())
	}
	return seatshare.ReadResults(bytes.NewReader(b), Label+": "+name)
}

// Scenario returns the scenario of the uttarpradesh example: SP, INC and
// RLD share the 80 seats of Uttar Pradesh against BJP and Apna Dal (S),
// with 2019 and 2009 as base elections and sitting members keeping their
// seats. The example adds INC's claim to its 2009 seats as a demand. The
// scenario gives no transfer rates, lambda or link, so the planner uses the
// calibrated defaults (seatshare.DefaultModel); it gives only the copula,
// which the calibration does not fit.
func Scenario() (*seatshare.Scenario, error) {
	b, err := files.ReadFile("uttarpradesh.json")
	if err != nil {
		return nil, err
	}
	return seatshare.ReadScenario(bytes.NewReader(b), "uttarpradesh.json")
}
