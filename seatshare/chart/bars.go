package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// box is a rectangle in data coordinates.
type box struct{ x0, x1, y0, y1 float64 }

// boxes is a plot.Plotter drawing filled rectangles whose sides are given
// in data units, so bars keep their proportions whatever the image size
// (plotter.BarChart takes its bar width in points instead).
type boxes struct {
	rects []box
	fill  color.Color
}

// Plot implements plot.Plotter.
func (b *boxes) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	edge := draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
	for _, r := range b.rects {
		pts := []vg.Point{
			{X: trX(r.x0), Y: trY(r.y0)},
			{X: trX(r.x1), Y: trY(r.y0)},
			{X: trX(r.x1), Y: trY(r.y1)},
			{X: trX(r.x0), Y: trY(r.y1)},
		}
		c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
		c.StrokeLines(edge, c.ClipLinesXY(append(pts, pts[0]))...)
	}
}

// DataRange implements plot.DataRanger.
func (b *boxes) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, r := range b.rects {
		xmin, xmax = min(xmin, r.x0, r.x1), max(xmax, r.x0, r.x1)
		ymin, ymax = min(ymin, r.y0, r.y1), max(ymax, r.y0, r.y1)
	}
	return xmin, xmax, ymin, ymax
}

// Thumbnail implements plot.Thumbnailer: a filled square for the legend.
func (b *boxes) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y},
		{X: c.Max.X, Y: c.Min.Y},
		{X: c.Max.X, Y: c.Max.Y},
		{X: c.Min.X, Y: c.Max.Y},
	}
	c.FillPolygon(b.fill, c.ClipPolygonXY(pts))
}

// label is one text drawn at a data point.
type label struct {
	x, y float64
	text string
}

// labels is a plot.Plotter drawing texts at data points in one style,
// shifted by (dx, dy) points. Unlike
// plotter.Labels it does not widen the axes to fit its texts; each chart
// leaves room for them itself.
type labels struct {
	items  []label
	style  draw.TextStyle
	dx, dy vg.Length
}

// Plot implements plot.Plotter.
func (l *labels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, it := range l.items {
		c.FillText(l.style, vg.Point{X: trX(it.x) + l.dx, Y: trY(it.y) + l.dy}, it.text)
	}
}

// seg is a straight line from (x0, y0) to (x1, y1) in data coordinates.
type seg struct{ x0, y0, x1, y1 float64 }

// segments is a plot.Plotter drawing straight lines in one style, with a
// legend thumbnail; it does not widen the axes.
type segments struct {
	lines []seg
	style draw.LineStyle
}

// Plot implements plot.Plotter.
func (s *segments) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, l := range s.lines {
		pts := []vg.Point{{X: trX(l.x0), Y: trY(l.y0)}, {X: trX(l.x1), Y: trY(l.y1)}}
		c.StrokeLines(s.style, c.ClipLinesXY(pts)...)
	}
}

// Thumbnail implements plot.Thumbnailer: a horizontal stroke.
func (s *segments) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(s.style, c.Min.X, y, c.Max.X, y)
}
