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
