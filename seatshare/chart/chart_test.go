package chart_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

var outDir = flag.String("out", "", "also write every rendered chart into this `directory`, to look at")

// upProbs are 80 illustrative win probabilities, a smooth spread from 0.05
// to 0.95, standing in for a plan's seats.
func upProbs() []float64 {
	p := make([]float64, 80)
	for i := range p {
		p[i] = 0.05 + 0.9*float64(i)/79
	}
	return p
}

func distribution(t testing.TB) chart.Distribution {
	f, err := scoring.PoissonBinomial(upProbs())
	if err != nil {
		t.Fatal(err)
	}
	return chart.DistributionOfPMF(f, 45)
}

func prices() chart.Prices {
	return chart.Prices{
		Names: []string{"INC gets its 2009 seats (21)", "RLD at least 3 in west UP", "SP keeps its sitting seats", "INC in Amethi and Rae Bareli"},
		Lost:  []float64{2.347, 0.412, 0, 0.05},
	}
}

func shares() chart.Shares {
	return chart.Shares{
		Parties:     []string{"SP", "INC", "RLD"},
		Seats:       []int{62, 15, 3},
		Entitlement: []float64{61.6, 14.2, 4.2},
		Basis:       "quota by 2019 vote share",
	}
}

func frontier() chart.Frontier {
	return chart.Frontier{
		Party:      "INC",
		Set:        "Uttar Pradesh",
		Seats:      []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20},
		Expected:   []float64{39.1, 39.4, 39.6, 39.7, 39.75, 39.7, 39.6, 39.4, 39.1, 38.8, 38.4, 38.0, 37.5, 37.0, 36.4, 35.8, 35.1, 34.4},
		Infeasible: []int{0, 1, 2, 21, 22},
		Claim:      15,
	}
}

// charts are the package's charts on the fixtures above, each with texts
// a reader must find in the image.
func charts(t testing.TB) []struct {
	name  string
	plot  func() (*plot.Plot, error)
	texts []string
} {
	return []struct {
		name  string
		plot  func() (*plot.Plot, error)
		texts []string
	}{
		{"distribution", distribution(t).Plot, []string{
			"Distribution of the alliance's total seats", "Seats won by the alliance", "Probability (%)",
			"target 45: P(total >= 45) =", "fewer than 45 seats", "45 seats or more", "mean 40.0 seats",
		}},
		{"prices", prices().Plot, []string{
			"Price of each demand", "Expected seats lost", "INC gets its 2009 seats (21)", "RLD at least 3 in west UP", "2.35", "0.00",
		}},
		{"shares", shares().Plot, []string{
			"Seats in the plan against entitlement", "Seats (count)", "Alliance member", "SP", "RLD",
			"seats in the plan", "entitlement (quota by 2019 vote share)", "61.6", "62",
		}},
		{"frontier", frontier().Plot, []string{
			"Negotiation frontier: INC in Uttar Pradesh", "INC's seats in Uttar Pradesh (count)",
			"Alliance's best expected wins (seats)", "optimum: 7 seats, 39.75 expected wins", "no plan meets the other demands",
			"INC's claim: 15 seats, 37.50 expected wins (2.25 below the optimum)",
		}},
		{"distribution_simulated_far_target", simulated(t, 58).Plot, []string{
			"20,000 simulated elections with correlated swings", "target 58: P(total >= 58) = ", "fewer than 58 seats",
		}},
		{"distribution_no_target", simulated(t, 0).Plot, []string{"probability of each total", "mean 40."}},
		{"shares_national", nationalShares().Plot, []string{"INC", "JMM", "entitlement"}},
		{"prices_relaxed", chart.Prices{
			Names:   []string{"INC gets its 2009 seats (21)", "RLD at least 3 in west UP", "SP keeps its sitting seats"},
			Lost:    []float64{2.347, 0.412, 0},
			Relaxed: []float64{0.31, 0.412, 0},
		}.Plot, []string{"dropping the demand", "relaxing it by one seat", "2.35", "0.31"}},
		{"prices_relaxed_many", func() (*plot.Plot, error) {
			p := manyPrices()
			for _, l := range p.Lost {
				p.Relaxed = append(p.Relaxed, l/3)
			}
			return p.Plot()
		}, []string{"dropping the demand", "relaxing it by one seat"}},
		{"prices_many", manyPrices().Plot, []string{"demand 20: JMM 5+", "demand 1: INC at least 10 in Uttar Pradesh"}},
		{"frontier_gap", chart.Frontier{Party: "RJD", Seats: []int{18, 20}, Expected: []float64{24.2, 24.9}, Infeasible: []int{19}}.Plot,
			[]string{"Negotiation frontier: RJD", "RJD's seats (count)", "optimum: 20 seats, 24.90 expected wins"}},
		{"frontier_one", chart.Frontier{Party: "AAP", Set: "Delhi", Seats: []int{4}, Expected: []float64{2.1}}.Plot,
			[]string{"optimum: 4 seats, 2.10 expected wins"}},
		{"frontier_infeasible_claim", chart.Frontier{Party: "RJD", Seats: []int{18, 20}, Expected: []float64{24.2, 24.9}, Infeasible: []int{19, 21}, Claim: 21}.Plot,
			[]string{"RJD's claim: 21 seats, no plan meets the other demands"}},
	}
}

// simulated is the distribution of upProbs's total under a national swing,
// from 20,000 scenarios.
func simulated(t testing.TB, target int) chart.Distribution {
	cop, err := scoring.NewCopula(0.4, 0)
	if err != nil {
		t.Fatal(err)
	}
	p := upProbs()
	sim, err := scoring.Simulate(p, make([]int, len(p)), cop, 20_000, rand.New(rand.NewPCG(7, 11)))
	if err != nil {
		t.Fatal(err)
	}
	return chart.DistributionOf(sim, target)
}

// nationalShares has twelve parties, so the names are slanted.
func nationalShares() chart.Shares {
	parties := []string{"INC", "SP", "AITC", "DMK", "SS(UBT)", "NCP(SP)", "RJD", "AAP", "JMM", "CPI(M)", "IUML", "VCK"}
	s := chart.Shares{Parties: parties, Basis: "Sainte-Lague on 2019 votes"}
	for i := range parties {
		s.Seats = append(s.Seats, 330/(i+2)-5)
		s.Entitlement = append(s.Entitlement, 310/float64(i+2)-3.3)
	}
	return s
}

// manyPrices has twenty demands with long names.
func manyPrices() chart.Prices {
	var p chart.Prices
	for i := range 20 {
		p.Names = append(p.Names, fmt.Sprintf("demand %d: %s", i+1, []string{"INC at least 10 in Uttar Pradesh", "RJD keeps Saran", "CPI(M) in Kerala keeps its seats", "JMM 5+"}[i%4]))
		p.Lost = append(p.Lost, float64(i%7)*0.37)
	}
	return p
}

// fataler is the part of *testing.T and *rapid.T that svgTexts uses.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// svgTexts returns the character data of every <text> element in an SVG
// document, failing the test if it is not well-formed XML.
func svgTexts(t fataler, b []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var texts []string
	depth := 0
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				depth++
				cur.Reset()
			}
		case xml.CharData:
			if depth > 0 {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				depth--
				texts = append(texts, cur.String())
			}
		}
	}
	return texts
}

// Drawing takes seconds under the race detector (a PNG most of all), so the
// tests that draw many charts run in parallel.

func TestChartsRender(t *testing.T) {
	for _, c := range charts(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p, err := c.plot()
			if err != nil {
				t.Fatalf("Plot() error = %v", err)
			}
			dir := t.TempDir()
			svgFile, pngFile := filepath.Join(dir, c.name+".svg"), filepath.Join(dir, c.name+".PNG")
			for _, f := range []string{svgFile, pngFile} {
				if err := chart.Save(p, 0, 0, f); err != nil {
					t.Fatalf("Save(%s) error = %v", f, err)
				}
				if *outDir != "" {
					b, _ := os.ReadFile(f)
					if err := os.WriteFile(filepath.Join(*outDir, filepath.Base(strings.ToLower(f))), b, 0o666); err != nil {
						t.Fatal(err)
					}
				}
			}

			b, err := os.ReadFile(pngFile)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			// 18 cm x 11 cm at 150 dpi.
			if got, want := img.Bounds().Dx(), 1063; abs(got-want) > 1 {
				t.Errorf("PNG width = %d px, want %d", got, want)
			}
			if got, want := img.Bounds().Dy(), 650; abs(got-want) > 1 {
				t.Errorf("PNG height = %d px, want %d", got, want)
			}
			if n := colours(img, 4); n < 4 {
				t.Errorf("PNG has %d distinct colours, want a drawn chart (>= 4)", n)
			}

			b, err = os.ReadFile(svgFile)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(svgTexts(t, b), "\n")
			for _, want := range c.texts {
				if !strings.Contains(all, want) {
					t.Errorf("SVG texts lack %q; have:\n%s", want, all)
				}
			}
		})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// colours counts the distinct colours of img, stopping at limit.
func colours(img image.Image, limit int) int {
	seen := make(map[color.RGBA64]bool)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[color.RGBA64{R: uint16(r), G: uint16(g), B: uint16(bl), A: uint16(a)}] = true
			if len(seen) >= limit {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// TestExtremes renders inputs at the edges of what Validate accepts: each
// must draw, in finite time, an image that decodes.
func TestExtremes(t *testing.T) {
	big := float64(chart.MaxSeats)
	tests := []struct {
		name   string
		reason string
		plot   func() (*plot.Plot, error)
	}{
		{"price of MaxSeats", "the axis reaches 1.15 * MaxSeats", chart.Prices{Names: []string{"a"}, Lost: []float64{big}}.Plot},
		{"shares of MaxSeats", "the axis reaches 1.3 * MaxSeats", chart.Shares{Parties: []string{"a"}, Seats: []int{chart.MaxSeats}, Entitlement: []float64{big}}.Plot},
		{"frontier at MaxSeats", "one point at the top of the range", chart.Frontier{Party: "a", Seats: []int{chart.MaxSeats - 1}, Expected: []float64{big}, Infeasible: []int{chart.MaxSeats}}.Plot},
		{"frontier across the range", "two points a million apart", chart.Frontier{Party: "a", Seats: []int{0, chart.MaxSeats}, Expected: []float64{0, big}}.Plot},
		{"distribution across the range", "two totals a million apart, target at the end", chart.Distribution{Totals: []int{0, chart.MaxSeats}, Prob: []float64{0.5, 0.5}, Target: chart.MaxSeats}.Plot},
		{"certain total", "all mass on one total", chart.Distribution{Totals: []int{0, 1, 2}, Prob: []float64{0, 1, 0}}.Plot},
		{"tiny prices", "a thousandth of a seat", chart.Prices{Names: []string{"a", "b"}, Lost: []float64{0.00033, 0}}.Plot},
		{"zero prices", "every bar of length zero", chart.Prices{Names: []string{"a", "b"}, Lost: []float64{0, 0}}.Plot},
		{"zero shares", "every bar of height zero", chart.Shares{Parties: []string{"a"}, Seats: []int{0}, Entitlement: []float64{0}}.Plot},
		{"flat frontier", "all points equal: the optimum is the smallest count", chart.Frontier{Party: "a", Seats: []int{0, 1, 2}, Expected: []float64{0, 0, 0}}.Plot},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := tt.plot()
			if err != nil {
				t.Fatalf("Plot() error = %v (%s)", err, tt.reason)
			}
			var buf bytes.Buffer
			if err := chart.Write(&buf, p, 0, 0, "png"); err != nil {
				t.Fatalf("Write(png) error = %v (%s)", err, tt.reason)
			}
			if _, err := png.Decode(&buf); err != nil {
				t.Fatalf("PNG does not decode: %v (%s)", err, tt.reason)
			}
		})
	}
}

func TestSVGFontFallbacks(t *testing.T) {
	p, err := shares().Plot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, 0, 0, "svg"); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	if strings.Contains(svg, "font-family:Liberation Sans;") {
		t.Error("SVG names Liberation Sans without fallbacks")
	}
	if !strings.Contains(svg, "font-family:'Liberation Sans',Arial,Helvetica,sans-serif;") {
		t.Error("SVG lacks the Liberation Sans font list with fallbacks")
	}
	svgTexts(t, buf.Bytes()) // still well-formed
}

// TestPricesHeight renders many demands at the height Prices.Height
// recommends; look at the images with -out.
func TestPricesHeight(t *testing.T) {
	plain := manyPrices()
	relaxed := manyPrices()
	for _, l := range relaxed.Lost {
		relaxed.Relaxed = append(relaxed.Relaxed, l/3)
	}
	for name, p := range map[string]chart.Prices{"prices_many_tall": plain, "prices_relaxed_many_tall": relaxed} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := p.Height()
			if h <= chart.DefaultHeight {
				t.Errorf("%s: Height() = %v, want more than the default %v for 20 demands", name, h, chart.DefaultHeight)
			}
			pl, err := p.Plot()
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := chart.Write(&buf, pl, 0, h, "png"); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := img.Bounds().Dy(), int(math.Round(float64(h)/72*chart.DPI)); abs(got-want) > 1 {
				t.Errorf("%s: PNG height = %d px, want %d", name, got, want)
			}
			if *outDir != "" {
				if err := chart.Save(pl, 0, h, filepath.Join(*outDir, name+".png")); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if h := prices().Height(); h != chart.DefaultHeight {
		t.Errorf("Height() of 4 demands = %v, want the default %v", h, chart.DefaultHeight)
	}
}
