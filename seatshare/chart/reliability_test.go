package chart_test

import (
	"bytes"
	"errors"
	"image"
	_ "image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare/chart"
)

// tables returns the reliability tables of two forecasts of 200 seats.
func tables(t *testing.T) []chart.ReliabilitySeries {
	t.Helper()
	n := 200
	model := make([]float64, n)
	naive := make([]float64, n)
	won := make([]bool, n)
	for i := range n {
		x := (float64(i) + 0.5) / float64(n)
		model[i] = x
		naive[i] = 0.3
		// Won in a deterministic pattern whose rate rises with x.
		won[i] = math.Mod(float64(i)*0.618034, 1) < x
	}
	var out []chart.ReliabilitySeries
	for _, s := range []struct {
		name string
		p    []float64
	}{{"model", model}, {"baseline", naive}} {
		bins, err := scoring.Reliability(s.p, won, 10)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, chart.ReliabilitySeries{Name: s.name, Bins: bins})
	}
	return out
}

func TestWriteReliabilitySVG(t *testing.T) {
	p, err := chart.Reliability{Title: "Reliability, 2014->2019", Series: tables(t)}.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := chart.Write(&b, p, 0, 0, "svg"); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	if !strings.HasPrefix(strings.TrimSpace(svg), "<?xml") || !strings.Contains(svg, "<svg") {
		t.Fatalf("output is not an SVG document: %.80q", svg)
	}
	for _, want := range []string{
		"Reliability, 2014-&gt;2019", "perfect calibration", "model (200 seats)", "baseline (200 seats)",
		"Forecast probability that the alliance wins", "Share of the bin", "n=20",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

func TestWriteReliabilityPNG(t *testing.T) {
	t.Parallel()
	p, err := chart.Reliability{Series: tables(t)}.Plot()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := chart.Write(&b, p, 0, 0, "png"); err != nil {
		t.Fatal(err)
	}
	img, format, err := image.Decode(bytes.NewReader(b.Bytes()))
	if err != nil || format != "png" {
		t.Fatalf("decoding the PNG: %v (format %q)", err, format)
	}
	// The default size at chart.DPI.
	if got := img.Bounds().Size(); got != (image.Point{X: 1063, Y: 650}) {
		t.Errorf("PNG is %v, want 1063x650", got)
	}
	if dir := os.Getenv("CHART_OUT"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "reliability_test.png"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReliabilityBadInput(t *testing.T) {
	good := tables(t)
	bad := func(edit func(*scoring.ReliabilityBin)) []chart.ReliabilitySeries {
		s := []chart.ReliabilitySeries{{Name: "x", Bins: append([]scoring.ReliabilityBin(nil), good[0].Bins...)}}
		edit(&s[0].Bins[2])
		return s
	}
	tests := []struct {
		name   string
		reason string
		series []chart.ReliabilitySeries
		field  string
		index  int
	}{
		{"none", "a chart needs a series", nil, "Reliability.Series", -1},
		{"no name", "the legend needs a name", []chart.ReliabilitySeries{good[0], {Bins: good[0].Bins}}, "Reliability.Series[1].Name", -1},
		{"no seats", "an empty table says nothing", []chart.ReliabilitySeries{{Name: "x", Bins: make([]scoring.ReliabilityBin, 3)}}, "Reliability.Series[0].Bins", -1},
		{"negative count", "counts are not negative", bad(func(b *scoring.ReliabilityBin) { b.Count = -1 }), "Reliability.Series[0].Bins", 2},
		{"won above count", "wins within the count", bad(func(b *scoring.ReliabilityBin) { b.Won = b.Count + 1 }), "Reliability.Series[0].Bins", 2},
		{"predicted", "a probability", bad(func(b *scoring.ReliabilityBin) { b.Predicted = 1.5 }), "Reliability.Series[0].Bins", 2},
		{"observed", "a rate", bad(func(b *scoring.ReliabilityBin) { b.Observed = math.NaN() }), "Reliability.Series[0].Bins", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := chart.Reliability{Series: tc.series}.Plot()
			var ie *chart.InputError
			if !errors.As(err, &ie) || ie.Field != tc.field || ie.Index != tc.index || !errors.Is(err, chart.ErrInvalid) {
				t.Fatalf("Plot (%s): error %v, want *InputError on %s[%d]", tc.reason, err, tc.field, tc.index)
			}
		})
	}
}
