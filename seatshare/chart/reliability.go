package chart

import (
	"fmt"
	"image/color"

	"github.com/coalitionlab/alliance/scoring"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Reliability is a reliability (calibration) chart of probability
// forecasts: for each forecast, the mean forecast of each bin of seats
// against the share of those seats the alliance actually won, next to the
// diagonal of perfect calibration. Fill Series with the tables of
// scoring.Reliability (package calibrate's Report rows carry them).
type Reliability struct {
	// Title is the chart's title; "" means "Reliability of the forecasts".
	Title string
	// Series are the forecasts, drawn in order; the first (the model, say)
	// has its points labelled with the number of seats in their bin.
	Series []ReliabilitySeries
}

// ReliabilitySeries is one forecast's reliability table and the name the
// legend shows.
type ReliabilitySeries struct {
	Name string
	Bins []scoring.ReliabilityBin
}

// seats returns the number of seats of a series.
func (s ReliabilitySeries) seats() int {
	n := 0
	for _, b := range s.Bins {
		n += b.Count
	}
	return n
}

// Validate returns an *[InputError] naming the first field of r that
// [Reliability.Plot] rejects, or nil: no series, a series without a name
// or without seats, a bin whose count is negative, whose wins are outside
// [0, count], or whose Predicted or Observed is outside [0, 1] or NaN. It
// takes O(bins) time.
func (r Reliability) Validate() error {
	if len(r.Series) == 0 {
		return invalid("Reliability.Series", -1, "empty")
	}
	for i, s := range r.Series {
		field := fmt.Sprintf("Reliability.Series[%d]", i)
		if s.Name == "" {
			return invalid(field+".Name", -1, "empty name")
		}
		for k, b := range s.Bins {
			switch {
			case b.Count < 0:
				return invalid(field+".Bins", k, "count %d, want >= 0", b.Count)
			case b.Won < 0 || b.Won > b.Count:
				return invalid(field+".Bins", k, "won %d, want in [0, %d]", b.Won, b.Count)
			case !(b.Predicted >= 0 && b.Predicted <= 1):
				return invalid(field+".Bins", k, "predicted %v, want in [0, 1]", b.Predicted)
			case !(b.Observed >= 0 && b.Observed <= 1):
				return invalid(field+".Bins", k, "observed %v, want in [0, 1]", b.Observed)
			}
		}
		if s.seats() == 0 {
			return invalid(field+".Bins", -1, "no seats")
		}
	}
	return nil
}

// Plot draws r: the diagonal of perfect calibration (grey, dashed) and for
// each series a line through the points (mean forecast, observed win rate)
// of its non-empty bins, in the order of the bins, with the number of
// seats of each series in the legend. The points of the first series are
// labelled with their bin's count ("n=45"), so a reader can tell a
// well-supported bin from one of two seats. Both axes run from 0 to 1.
// Write the plot with [Save] or [Write].
//
// Plot returns the error of [Reliability.Validate]. It takes O(bins)
// time.
func (r Reliability) Plot() (*plot.Plot, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	title := r.Title
	if title == "" {
		title = "Reliability of the forecasts"
	}
	p := newPlot(title,
		"Forecast probability that the alliance wins (mean of the bin)",
		"Share of the bin's seats the alliance won")
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(hGrid(), vGrid())
	diag, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 1}})
	if err != nil {
		return nil, err
	}
	diag.Color = grey
	diag.Dashes = []vg.Length{vg.Points(5), vg.Points(3)}
	p.Add(diag)
	p.Legend.Add("perfect calibration", diag)
	colours := []color.Color{blue, vermillion, orange, skyBlue}
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}}
	for i, s := range r.Series {
		var xys plotter.XYs
		var labels []string
		for _, b := range s.Bins {
			if b.Count == 0 {
				continue
			}
			xys = append(xys, plotter.XY{X: b.Predicted, Y: b.Observed})
			labels = append(labels, fmt.Sprintf("n=%d", b.Count))
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		c := colours[i%len(colours)]
		line.Color = c
		line.Width = vg.Points(1.5)
		points.Color = c
		points.Shape = shapes[i%len(shapes)]
		points.Radius = vg.Points(3.5)
		p.Add(line, points)
		p.Legend.Add(fmt.Sprintf("%s (%d seats)", s.Name, s.seats()), line, points)
		if i == 0 {
			lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
			if err != nil {
				return nil, err
			}
			for k := range lb.TextStyle {
				lb.TextStyle[k] = textStyle(noteSize, draw.XLeft, draw.YTop)
				lb.TextStyle[k].Color = c
			}
			lb.Offset = vg.Point{X: vg.Points(6), Y: -vg.Points(3)}
			p.Add(lb)
		}
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs, p.Legend.YOffs = vg.Points(8), -vg.Points(4)
	return p, nil
}
