package chart

import (
	"fmt"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Frontier is a negotiation frontier: for each number of seats one party
// gets, the alliance's best expected wins ([FrontierOf] fills it from the
// planner's).
type Frontier struct {
	// Party is the party whose seat count varies; non-empty.
	Party string
	// Set names the seats it is counted over, such as "Uttar Pradesh";
	// empty means all seats.
	Set string
	// Seats are the party's seat counts with a feasible plan, in [0,
	// MaxSeats] and strictly increasing; at least one.
	Seats []int
	// Expected[i] is the best expected wins when the party gets Seats[i]
	// seats, in [0, MaxSeats].
	Expected []float64
	// Infeasible are the seat counts no plan can give the party while
	// meeting the other demands; in [0, MaxSeats], strictly increasing and
	// disjoint from Seats. They are marked on the x axis.
	Infeasible []int
	// Claim is the seat count the party asks for, marked with its cost
	// against the optimum; it must be in Seats or Infeasible. Zero means
	// no claim is marked.
	Claim int
}

// Validate returns an *[InputError] naming the first field of f that
// [Frontier.Plot] rejects, or nil. It takes O(n) time for n seat counts.
func (f Frontier) Validate() error {
	if f.Party == "" {
		return invalid("Frontier.Party", -1, "empty")
	}
	if len(f.Seats) == 0 {
		return invalid("Frontier.Seats", -1, "empty (no feasible seat count)")
	}
	if len(f.Expected) != len(f.Seats) {
		return invalid("Frontier.Expected", -1, "%d values for %d seat counts", len(f.Expected), len(f.Seats))
	}
	if err := increasing("Frontier.Seats", f.Seats); err != nil {
		return err
	}
	for i, e := range f.Expected {
		if err := amount("Frontier.Expected", i, e); err != nil {
			return err
		}
	}
	if err := increasing("Frontier.Infeasible", f.Infeasible); err != nil {
		return err
	}
	for i, j := 0, 0; i < len(f.Infeasible) && j < len(f.Seats); {
		switch a, b := f.Infeasible[i], f.Seats[j]; {
		case a == b:
			return invalid("Frontier.Infeasible", i, "%d is also in Seats[%d]", a, j)
		case a < b:
			i++
		default:
			j++
		}
	}
	if f.Claim != 0 && !slices.Contains(f.Seats, f.Claim) && !slices.Contains(f.Infeasible, f.Claim) {
		return invalid("Frontier.Claim", -1, "%d seats is neither in Seats nor in Infeasible", f.Claim)
	}
	return nil
}

// increasing returns an *InputError unless xs is strictly increasing and
// each element is in [0, MaxSeats].
func increasing(field string, xs []int) error {
	for i, x := range xs {
		if err := count(field, i, x); err != nil {
			return err
		}
		if i > 0 && x <= xs[i-1] {
			return invalid(field, i, "%d after %d, want strictly increasing", x, xs[i-1])
		}
	}
	return nil
}

// Optimum returns the index in Seats of the highest Expected, the smallest
// seat count on a tie. It panics if Seats is empty.
func (f Frontier) Optimum() int {
	best := 0
	for i, e := range f.Expected {
		if e > f.Expected[best] {
			best = i
		}
	}
	return best
}

// Plot draws f as points joined by lines between consecutive seat counts,
// the optimum ([Frontier.Optimum]) ringed and labelled, infeasible counts
// as crosses along the bottom, and the claim, if any, as a triangle whose
// legend entry gives its expected wins and their gap to the optimum. The returned plot may be restyled
// before saving.
//
// Plot returns an *[InputError] when [Frontier.Validate] does. It takes
// O(n) time for n seat counts.
func (f Frontier) Plot() (*plot.Plot, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	where := f.Party + "'s seats"
	if f.Set != "" {
		where += " in " + f.Set
	}
	title := "Negotiation frontier: " + f.Party
	if f.Set != "" {
		title += " in " + f.Set
	}
	title += "\nbest expected wins for the alliance at each seat count"
	p := newPlot(title, where+" (count)", "Alliance's best expected wins (seats)")
	p.X.Tick.Marker = ticks{integer: true}

	lo, hi := f.Expected[0], f.Expected[0]
	for _, e := range f.Expected {
		lo, hi = min(lo, e), max(hi, e)
	}
	// Room below for the crosses and above for the optimum's label and
	// the legend (up to four entries, under a quarter of the height).
	pad := max((hi-lo)*0.15, 0.5)
	ymin, ymax := max(lo-pad, 0), hi+3.5*pad
	if f.Claim != 0 {
		ymax += pad
	}

	line := &segments{style: draw.LineStyle{Color: blue, Width: vg.Points(2)}}
	pts := make(plotter.XYs, len(f.Seats))
	for i, k := range f.Seats {
		pts[i] = plotter.XY{X: float64(k), Y: f.Expected[i]}
		if i > 0 && f.Seats[i-1] == k-1 {
			line.lines = append(line.lines, seg{x0: float64(k - 1), y0: f.Expected[i-1], x1: float64(k), y1: f.Expected[i]})
		}
	}
	dots := &plotter.Scatter{XYs: pts, GlyphStyle: draw.GlyphStyle{Color: blue, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}}

	o := f.Optimum()
	best := &plotter.Scatter{
		XYs:        plotter.XYs{{X: float64(f.Seats[o]), Y: f.Expected[o]}},
		GlyphStyle: draw.GlyphStyle{Color: vermillion, Radius: vg.Points(7), Shape: draw.RingGlyph{}},
	}
	text := fmt.Sprintf("optimum: %d seats, %.2f expected wins", f.Seats[o], f.Expected[o])
	xlo := float64(min(f.Seats[0], firstOr(f.Infeasible, f.Seats[0])))
	xhi := float64(max(f.Seats[len(f.Seats)-1], lastOr(f.Infeasible, f.Seats[len(f.Seats)-1])))
	align, dx := draw.XLeft, vg.Points(10)
	if float64(f.Seats[o]) > (xlo+xhi)/2 {
		align, dx = draw.XRight, -vg.Points(10)
	}
	note := &labels{
		items: []label{{x: float64(f.Seats[o]), y: f.Expected[o], text: text}},
		style: textStyle(legendSize, align, draw.YBottom),
		dx:    dx, dy: vg.Points(6),
	}
	p.Add(hGrid(), line, dots, best, note)
	p.Legend.Add("best plan at this seat count", line, dots)
	p.Legend.Add("optimum", best)

	if len(f.Infeasible) > 0 {
		xs := make(plotter.XYs, len(f.Infeasible))
		for i, k := range f.Infeasible {
			xs[i] = plotter.XY{X: float64(k), Y: ymin}
		}
		cross := &plotter.Scatter{XYs: xs, GlyphStyle: draw.GlyphStyle{Color: grey, Radius: vg.Points(4), Shape: draw.CrossGlyph{}}}
		p.Add(cross)
		p.Legend.Add("no plan meets the other demands", cross)
	}
	if f.Claim != 0 {
		claim := &plotter.Scatter{GlyphStyle: draw.GlyphStyle{Color: orange, Radius: vg.Points(5), Shape: draw.PyramidGlyph{}}}
		text := fmt.Sprintf("%s's claim: %d seats, no plan meets the other demands", f.Party, f.Claim)
		if i := slices.Index(f.Seats, f.Claim); i >= 0 {
			claim.XYs = plotter.XYs{{X: float64(f.Claim), Y: f.Expected[i]}}
			text = fmt.Sprintf("%s's claim: %d seats, %.2f expected wins (%s below the optimum)",
				f.Party, f.Claim, f.Expected[i], seatsText(f.Expected[o]-f.Expected[i]))
		} else {
			claim.XYs = plotter.XYs{{X: float64(f.Claim), Y: ymin}}
		}
		p.Add(claim)
		p.Legend.Add(text, claim)
	}
	p.X.Min, p.X.Max = xlo-0.5, xhi+0.5
	p.Y.Min, p.Y.Max = ymin, ymax
	return p, nil
}

// firstOr returns xs[0], or def when xs is empty.
func firstOr(xs []int, def int) int {
	if len(xs) == 0 {
		return def
	}
	return xs[0]
}

// lastOr returns the last element of xs, or def when xs is empty.
func lastOr(xs []int, def int) int {
	if len(xs) == 0 {
		return def
	}
	return xs[len(xs)-1]
}
