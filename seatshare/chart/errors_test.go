package chart_test

import (
	"bytes"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/coalitionlab/alliance/seatshare/chart"
)

func TestBadInput(t *testing.T) {
	nan := math.NaN()
	d := func(edit func(*chart.Distribution)) func() (*plot.Plot, error) {
		x := chart.Distribution{Totals: []int{3, 4, 6}, Prob: []float64{0.25, 0.5, 0.25}, Target: 4}
		edit(&x)
		return x.Plot
	}
	pr := func(edit func(*chart.Prices)) func() (*plot.Plot, error) {
		x := prices()
		edit(&x)
		return x.Plot
	}
	sh := func(edit func(*chart.Shares)) func() (*plot.Plot, error) {
		x := shares()
		edit(&x)
		return x.Plot
	}
	fr := func(edit func(*chart.Frontier)) func() (*plot.Plot, error) {
		x := frontier()
		edit(&x)
		return x.Plot
	}
	tests := []struct {
		name   string
		reason string
		plot   func() (*plot.Plot, error)
		want   *chart.InputError
	}{
		{"distribution empty", "nothing to draw", d(func(x *chart.Distribution) { x.Totals, x.Prob = nil, nil }),
			&chart.InputError{Field: "Distribution.Totals", Index: -1, Reason: "empty"}},
		{"distribution lengths", "each total needs its probability", d(func(x *chart.Distribution) { x.Prob = x.Prob[:2] }),
			&chart.InputError{Field: "Distribution.Prob", Index: -1, Reason: "2 probabilities for 3 totals"}},
		{"distribution NaN", "NaN is no probability", d(func(x *chart.Distribution) { x.Prob[1] = nan }),
			&chart.InputError{Field: "Distribution.Prob", Index: 1, Reason: "NaN, want a probability in [0, 1]"}},
		{"distribution negative probability", "probabilities are in [0, 1]", d(func(x *chart.Distribution) { x.Prob[0] = -0.25 }),
			&chart.InputError{Field: "Distribution.Prob", Index: 0, Reason: "-0.25, want a probability in [0, 1]"}},
		{"distribution sum", "P(total >= K) needs the whole distribution", d(func(x *chart.Distribution) { x.Prob[2] = 0.2 }),
			&chart.InputError{Field: "Distribution.Prob", Index: -1, Reason: "probabilities sum to 0.95, want 1"}},
		{"distribution unsorted", "totals are listed once, in order", d(func(x *chart.Distribution) { x.Totals[2] = 4 }),
			&chart.InputError{Field: "Distribution.Totals", Index: 2, Reason: "4 after 4, want strictly increasing"}},
		{"distribution negative total", "seat totals are counts", d(func(x *chart.Distribution) { x.Totals[0] = -1 }),
			&chart.InputError{Field: "Distribution.Totals", Index: 0, Reason: "-1 seats, want 0 to 1000000"}},
		{"distribution negative target", "0 means no target; below is meaningless", d(func(x *chart.Distribution) { x.Target = -3 }),
			&chart.InputError{Field: "Distribution.Target", Index: -1, Reason: "-3 seats, want 0 to 1000000"}},
		{"distribution negative scenarios", "a count of simulations", d(func(x *chart.Distribution) { x.Scenarios = -1 }),
			&chart.InputError{Field: "Distribution.Scenarios", Index: -1, Reason: "-1, want >= 0 (0: exact)"}},
		{"prices empty", "nothing to draw", pr(func(x *chart.Prices) { x.Names, x.Lost = nil, nil }),
			&chart.InputError{Field: "Prices.Names", Index: -1, Reason: "empty"}},
		{"prices lengths", "each demand needs its price", pr(func(x *chart.Prices) { x.Lost = append(x.Lost, 1) }),
			&chart.InputError{Field: "Prices.Lost", Index: -1, Reason: "5 prices for 4 names"}},
		{"prices NaN", "a NaN bar has no length", pr(func(x *chart.Prices) { x.Lost[3] = nan }),
			&chart.InputError{Field: "Prices.Lost", Index: 3, Reason: "NaN seats, want 0 to 1000000"}},
		{"prices infinite", "an infinite bar has no end", pr(func(x *chart.Prices) { x.Lost[0] = math.Inf(1) }),
			&chart.InputError{Field: "Prices.Lost", Index: 0, Reason: "+Inf seats, want 0 to 1000000"}},
		{"prices negative", "a demand's price is never negative", pr(func(x *chart.Prices) { x.Lost[1] = -0.5 }),
			&chart.InputError{Field: "Prices.Lost", Index: 1, Reason: "-0.5 seats, want 0 to 1000000"}},
		{"prices relaxed length", "each demand needs its relaxed price", pr(func(x *chart.Prices) { x.Relaxed = []float64{1} }),
			&chart.InputError{Field: "Prices.Relaxed", Index: -1, Reason: "1 prices for 4 names"}},
		{"prices relaxed NaN", "a NaN bar has no length", pr(func(x *chart.Prices) { x.Relaxed = []float64{1, 0, math.NaN(), 0} }),
			&chart.InputError{Field: "Prices.Relaxed", Index: 2, Reason: "NaN seats, want 0 to 1000000"}},
		{"prices empty name", "an unlabelled bar means nothing", pr(func(x *chart.Prices) { x.Names[2] = "" }),
			&chart.InputError{Field: "Prices.Names", Index: 2, Reason: "empty name"}},
		{"prices duplicate name", "two bars with one label cannot be told apart", pr(func(x *chart.Prices) { x.Names[3] = x.Names[0] }),
			&chart.InputError{Field: "Prices.Names", Index: 3, Reason: `"INC gets its 2009 seats (21)" repeats Names[0]`}},
		{"shares empty", "nothing to draw", sh(func(x *chart.Shares) { x.Parties = nil }),
			&chart.InputError{Field: "Shares.Parties", Index: -1, Reason: "empty"}},
		{"shares seats length", "each party needs its seats", sh(func(x *chart.Shares) { x.Seats = x.Seats[:1] }),
			&chart.InputError{Field: "Shares.Seats", Index: -1, Reason: "1 counts for 3 parties"}},
		{"shares entitlement length", "each party needs its entitlement", sh(func(x *chart.Shares) { x.Entitlement = nil }),
			&chart.InputError{Field: "Shares.Entitlement", Index: -1, Reason: "0 entitlements for 3 parties"}},
		{"shares NaN", "a NaN entitlement cannot be drawn", sh(func(x *chart.Shares) { x.Entitlement[2] = nan }),
			&chart.InputError{Field: "Shares.Entitlement", Index: 2, Reason: "NaN seats, want 0 to 1000000"}},
		{"shares negative seats", "seats are counts", sh(func(x *chart.Shares) { x.Seats[1] = -2 }),
			&chart.InputError{Field: "Shares.Seats", Index: 1, Reason: "-2 seats, want 0 to 1000000"}},
		{"shares duplicate party", "two groups with one label", sh(func(x *chart.Shares) { x.Parties[2] = "SP" }),
			&chart.InputError{Field: "Shares.Parties", Index: 2, Reason: `"SP" repeats Parties[0]`}},
		{"shares empty party", "an unlabelled group means nothing", sh(func(x *chart.Shares) { x.Parties[0] = "" }),
			&chart.InputError{Field: "Shares.Parties", Index: 0, Reason: "empty name"}},
		{"frontier no party", "the axis names the party", fr(func(x *chart.Frontier) { x.Party = "" }),
			&chart.InputError{Field: "Frontier.Party", Index: -1, Reason: "empty"}},
		{"frontier empty", "no feasible point, no frontier", fr(func(x *chart.Frontier) { x.Seats, x.Expected = nil, nil }),
			&chart.InputError{Field: "Frontier.Seats", Index: -1, Reason: "empty (no feasible seat count)"}},
		{"frontier lengths", "each count needs its value", fr(func(x *chart.Frontier) { x.Expected = x.Expected[1:] }),
			&chart.InputError{Field: "Frontier.Expected", Index: -1, Reason: "17 values for 18 seat counts"}},
		{"frontier NaN", "a NaN point cannot be drawn", fr(func(x *chart.Frontier) { x.Expected[4] = nan }),
			&chart.InputError{Field: "Frontier.Expected", Index: 4, Reason: "NaN seats, want 0 to 1000000"}},
		{"frontier unsorted", "counts in order, once each", fr(func(x *chart.Frontier) { x.Seats[5] = x.Seats[4] }),
			&chart.InputError{Field: "Frontier.Seats", Index: 5, Reason: "7 after 7, want strictly increasing"}},
		{"frontier negative infeasible", "seat counts are counts", fr(func(x *chart.Frontier) { x.Infeasible[0] = -1 }),
			&chart.InputError{Field: "Frontier.Infeasible", Index: 0, Reason: "-1 seats, want 0 to 1000000"}},
		{"prices huge", "beyond any legislature; the axes would overflow", pr(func(x *chart.Prices) { x.Lost[2] = math.MaxFloat64 }),
			&chart.InputError{Field: "Prices.Lost", Index: 2, Reason: "1.7976931348623157e+308 seats, want 0 to 1000000"}},
		{"shares huge seats", "beyond any legislature", sh(func(x *chart.Shares) { x.Seats[0] = math.MaxInt }),
			&chart.InputError{Field: "Shares.Seats", Index: 0, Reason: "9223372036854775807 seats, want 0 to 1000000"}},
		{"distribution huge total", "beyond any legislature", d(func(x *chart.Distribution) { x.Totals[2] = 1_000_001 }),
			&chart.InputError{Field: "Distribution.Totals", Index: 2, Reason: "1000001 seats, want 0 to 1000000"}},
		{"distribution huge target", "beyond any legislature", d(func(x *chart.Distribution) { x.Target = math.MaxInt }),
			&chart.InputError{Field: "Distribution.Target", Index: -1, Reason: "9223372036854775807 seats, want 0 to 1000000"}},
		{"frontier huge infeasible", "beyond any legislature", fr(func(x *chart.Frontier) { x.Infeasible[4] = math.MaxInt }),
			&chart.InputError{Field: "Frontier.Infeasible", Index: 4, Reason: "9223372036854775807 seats, want 0 to 1000000"}},
		{"frontier claim elsewhere", "a claim off the frontier cannot be marked", fr(func(x *chart.Frontier) { x.Claim = 40 }),
			&chart.InputError{Field: "Frontier.Claim", Index: -1, Reason: "40 seats is neither in Seats nor in Infeasible"}},
		{"frontier both", "a count cannot be feasible and infeasible", fr(func(x *chart.Frontier) { x.Infeasible = []int{2, 5} }),
			&chart.InputError{Field: "Frontier.Infeasible", Index: 1, Reason: "5 is also in Seats[2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.plot()
			if p != nil {
				t.Errorf("Plot() returned a plot with error %v", err)
			}
			var ie *chart.InputError
			if !errors.As(err, &ie) || !errors.Is(err, chart.ErrInvalid) {
				t.Fatalf("Plot() error = %v, want an *InputError wrapping ErrInvalid (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, ie); diff != "" {
				t.Errorf("Plot() error mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestSaveErrors(t *testing.T) {
	p, err := shares().Plot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct {
		name   string
		reason string
		p      *plot.Plot
		w, h   vg.Length
		file   string
		want   error
	}{
		{"pdf", "only svg and png are supported", p, 0, 0, "a.pdf", &chart.FormatError{Format: "pdf"}},
		{"no extension", "the extension picks the format", p, 0, 0, "chart", &chart.FormatError{Format: ""}},
		{"nil plot", "nothing to draw", nil, 0, 0, "a.svg", &chart.InputError{Field: "p", Index: -1, Reason: "nil plot"}},
		{"negative width", "sizes are lengths", p, -1, 0, "a.png", &chart.InputError{Field: "w", Index: -1, Reason: "size -1 pt, want 0 (default) or in (0, 2880]"}},
		{"NaN height", "sizes are lengths", p, 0, vg.Length(math.NaN()), "a.png", &chart.InputError{Field: "h", Index: -1, Reason: "size NaN pt, want 0 (default) or in (0, 2880]"}},
		{"huge", "a PNG's memory is bounded", p, 0, 41 * vg.Inch, "a.png", &chart.InputError{Field: "h", Index: -1, Reason: "size 2952 pt, want 0 (default) or in (0, 2880]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, tt.file)
			err := chart.Save(tt.p, tt.w, tt.h, file)
			if diff := cmp.Diff(tt.want, err, cmp.Comparer(func(a, b error) bool { return a.Error() == b.Error() })); diff != "" {
				t.Errorf("Save(%s) error mismatch (-want +got) (%s):\n%s", tt.file, tt.reason, diff)
			}
			if errors.Is(err, chart.ErrFormat) == errors.Is(err, chart.ErrInvalid) {
				t.Errorf("Save(%s) error %v should match exactly one of ErrFormat and ErrInvalid", tt.file, err)
			}
			if _, err := os.Stat(file); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Save(%s) failed but left a file (stat error %v)", tt.file, err)
			}
		})
	}
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, 0, 0, "SVG"); !errors.Is(err, chart.ErrFormat) {
		t.Errorf(`Write(format "SVG") error = %v, want ErrFormat (Write takes lower case)`, err)
	}
}
