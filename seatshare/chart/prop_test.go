package chart_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/seatshare/chart"
)

func TestDeterministic(t *testing.T) {
	for _, c := range charts(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			formats := []string{"svg"}
			if c.name == "distribution" { // PNG is slow; one chart shows the rasteriser is deterministic too
				formats = append(formats, "png")
			}
			for _, format := range formats {
				var out [2][]byte
				for i := range out {
					p, err := c.plot()
					if err != nil {
						t.Fatal(err)
					}
					var buf bytes.Buffer
					if err := chart.Write(&buf, p, 0, 0, format); err != nil {
						t.Fatal(err)
					}
					out[i] = buf.Bytes()
				}
				if !bytes.Equal(out[0], out[1]) {
					t.Errorf("two %s renderings of the same input differ (%d and %d bytes)", format, len(out[0]), len(out[1]))
				}
			}
		})
	}
}

// svgText renders p as SVG and returns its texts, one a line.
func svgText(t fataler, p *plot.Plot) string {
	t.Helper()
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, 0, 0, "svg"); err != nil {
		t.Fatalf("Write(svg) error = %v", err)
	}
	return strings.Join(svgTexts(t, buf.Bytes()), "\n")
}

func genDistribution(t *rapid.T) chart.Distribution {
	n := rapid.IntRange(1, 40).Draw(t, "n")
	total := rapid.IntRange(0, 100).Draw(t, "first")
	d := chart.Distribution{
		Target:    rapid.IntRange(0, total+2*n+5).Draw(t, "target"),
		Scenarios: rapid.Int64Range(0, 1_000_000).Draw(t, "scenarios"),
	}
	weights := rapid.SliceOfN(rapid.Float64Range(0, 1), n, n).Draw(t, "weights")
	sum := 0.0
	for i := range n {
		if i > 0 {
			total += rapid.IntRange(1, 3).Draw(t, "gap")
		}
		d.Totals = append(d.Totals, total)
		sum += weights[i]
	}
	if sum == 0 {
		weights[0], sum = 1, 1
	}
	for _, w := range weights {
		d.Prob = append(d.Prob, w/sum)
	}
	return d
}

func TestDistributionProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		d := genDistribution(t)
		if err := d.Validate(); err != nil {
			t.Fatalf("Validate() = %v on a generated distribution", err)
		}
		mean := d.Mean()
		if mean < float64(d.Totals[0])-1e-9 || mean > float64(d.Totals[len(d.Totals)-1])+1e-9 {
			t.Fatalf("Mean() = %v outside [%d, %d]", mean, d.Totals[0], d.Totals[len(d.Totals)-1])
		}
		if a := d.AtLeast(0); math.Abs(a-1) > 1e-9 {
			t.Fatalf("AtLeast(0) = %v, want 1", a)
		}
		for k := 1; k <= d.Totals[len(d.Totals)-1]+1; k++ {
			if d.AtLeast(k) > d.AtLeast(k-1)+1e-15 {
				t.Fatalf("AtLeast(%d) = %v > AtLeast(%d) = %v", k, d.AtLeast(k), k-1, d.AtLeast(k-1))
			}
		}
		p, err := d.Plot()
		if err != nil {
			t.Fatalf("Plot() error = %v", err)
		}
		text := svgText(t, p)
		want := []string{fmt.Sprintf("mean %.1f seats", mean)}
		if d.Target > 0 {
			want = append(want, fmt.Sprintf("target %d: P(total >= %d) = ", d.Target, d.Target))
		}
		if d.Scenarios > 0 {
			want = append(want, "simulated elections")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Fatalf("SVG texts lack %q:\n%s", w, text)
			}
		}
	})
}

// genName draws a short label: letters, digits, spaces and punctuation
// that SVG must escape.
func genName(t *rapid.T, label string) string {
	return rapid.StringMatching(`[A-Za-z][A-Za-z0-9 &<>'"()]{0,20}`).Draw(t, label)
}

func genNames(t *rapid.T, n int, label string) []string {
	return rapid.SliceOfNDistinct(rapid.Custom(func(t *rapid.T) string { return genName(t, "name") }), n, n, rapid.ID).Draw(t, label)
}

func TestPricesProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 25).Draw(t, "n")
		p := chart.Prices{
			Names: genNames(t, n, "names"),
			Lost:  rapid.SliceOfN(rapid.Float64Range(0, 50), n, n).Draw(t, "lost"),
		}
		if rapid.Bool().Draw(t, "withRelaxed") {
			p.Relaxed = rapid.SliceOfN(rapid.Float64Range(0, 50), n, n).Draw(t, "relaxed")
		}
		pl, err := p.Plot()
		if err != nil {
			t.Fatalf("Plot() error = %v", err)
		}
		text := svgText(t, pl)
		if got := strings.Contains(text, "relaxing it by one seat"); got != (p.Relaxed != nil) {
			t.Fatalf("legend shows the relaxed price: %v, want %v", got, p.Relaxed != nil)
		}
		for i, name := range p.Names {
			if !strings.Contains(text, name) {
				t.Fatalf("SVG texts lack demand %d %q:\n%s", i, name, text)
			}
		}
	})
}

func TestSharesProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 30).Draw(t, "n")
		s := chart.Shares{
			Parties:     genNames(t, n, "parties"),
			Seats:       rapid.SliceOfN(rapid.IntRange(0, 80), n, n).Draw(t, "seats"),
			Entitlement: rapid.SliceOfN(rapid.Float64Range(0, 80), n, n).Draw(t, "entitlement"),
			Basis:       genName(t, "basis"),
		}
		pl, err := s.Plot()
		if err != nil {
			t.Fatalf("Plot() error = %v", err)
		}
		text := svgText(t, pl)
		for _, want := range append(s.Parties, "entitlement ("+s.Basis+")") {
			if !strings.Contains(text, want) {
				t.Fatalf("SVG texts lack %q:\n%s", want, text)
			}
		}
	})
}

func TestFrontierProperties(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(t, "n")
		f := chart.Frontier{Party: genName(t, "party"), Set: rapid.SampledFrom([]string{"", "Bihar"}).Draw(t, "set")}
		k := rapid.IntRange(0, 5).Draw(t, "first")
		for range n {
			if rapid.Bool().Draw(t, "infeasible") {
				f.Infeasible = append(f.Infeasible, k)
			} else {
				f.Seats = append(f.Seats, k)
				f.Expected = append(f.Expected, rapid.Float64Range(0, 80).Draw(t, "expected"))
			}
			k += rapid.IntRange(1, 2).Draw(t, "step")
		}
		if len(f.Seats) == 0 {
			f.Seats, f.Expected = []int{k}, []float64{1}
		}
		all := append(slices.Clone(f.Seats), f.Infeasible...)
		if claim := rapid.SampledFrom(all).Draw(t, "claim"); claim != 0 && rapid.Bool().Draw(t, "claimed") {
			f.Claim = claim
		}
		o := f.Optimum()
		for i, e := range f.Expected {
			if e > f.Expected[o] || (e == f.Expected[o] && i < o) {
				t.Fatalf("Optimum() = %d (%v), but Expected[%d] = %v", o, f.Expected[o], i, e)
			}
		}
		pl, err := f.Plot()
		if err != nil {
			t.Fatalf("Plot() error = %v", err)
		}
		text := svgText(t, pl)
		want := []string{fmt.Sprintf("optimum: %d seats, %.2f expected wins", f.Seats[o], f.Expected[o]), f.Party + "'s seats"}
		if len(f.Infeasible) > 0 {
			want = append(want, "no plan meets the other demands")
		}
		if f.Claim != 0 {
			want = append(want, fmt.Sprintf("%s's claim: %d seats, ", f.Party, f.Claim))
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Fatalf("SVG texts lack %q:\n%s", w, text)
			}
		}
	})
}

// TestNaNRejected puts a NaN into each float element of each chart's
// input in turn: every one must be named by the error.
func TestNaNRejected(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		which := rapid.IntRange(0, 3).Draw(t, "which")
		var (
			draw  func() (*plot.Plot, error)
			field string
			index int
		)
		switch which {
		case 0:
			d := genDistribution(t)
			index = rapid.IntRange(0, len(d.Prob)-1).Draw(t, "index")
			d.Prob[index], field, draw = math.NaN(), "Distribution.Prob", d.Plot
		case 1:
			p := prices()
			index = rapid.IntRange(0, len(p.Lost)-1).Draw(t, "index")
			p.Lost[index], field, draw = math.NaN(), "Prices.Lost", p.Plot
		case 2:
			s := shares()
			index = rapid.IntRange(0, len(s.Entitlement)-1).Draw(t, "index")
			s.Entitlement[index], field, draw = math.NaN(), "Shares.Entitlement", s.Plot
		case 3:
			f := frontier()
			index = rapid.IntRange(0, len(f.Expected)-1).Draw(t, "index")
			f.Expected[index], field, draw = math.NaN(), "Frontier.Expected", f.Plot
		}
		_, err := draw()
		var ie *chart.InputError
		if !errors.As(err, &ie) || ie.Field != field || ie.Index != index {
			t.Fatalf("Plot() error = %v, want an *InputError on %s[%d]", err, field, index)
		}
	})
}
