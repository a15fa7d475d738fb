package chart

import (
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// minPriceAxis is the shortest price axis, in seats.
const minPriceAxis = 0.5

// Prices is the price of each demand of a plan: how many expected seats the
// alliance loses by honouring it ([PricesOf] fills it from a plan).
type Prices struct {
	// Names label the demands, drawn top to bottom in this order. Each is
	// non-empty and distinct.
	Names []string
	// Lost[i] is the expected seats demand i costs the alliance: the gain
	// in expected wins from dropping it. Each is in [0, MaxSeats].
	Lost []float64
	// Relaxed[i], when Relaxed is not nil, is the gain in expected wins
	// from loosening demand i by one seat (its minimum down or its maximum
	// up by one); it is drawn as a second bar. Each is in [0, MaxSeats].
	Relaxed []float64
}

// Validate returns an *[InputError] naming the first field of p that
// [Prices.Plot] rejects, or nil. It takes O(n log n) time for n demands.
func (p Prices) Validate() error {
	if len(p.Names) == 0 {
		return invalid("Prices.Names", -1, "empty")
	}
	if len(p.Lost) != len(p.Names) {
		return invalid("Prices.Lost", -1, "%d prices for %d names", len(p.Lost), len(p.Names))
	}
	if p.Relaxed != nil && len(p.Relaxed) != len(p.Names) {
		return invalid("Prices.Relaxed", -1, "%d prices for %d names", len(p.Relaxed), len(p.Names))
	}
	seen := make(map[string]int, len(p.Names))
	for i, n := range p.Names {
		if n == "" {
			return invalid("Prices.Names", i, "empty name")
		}
		if j, ok := seen[n]; ok {
			return invalid("Prices.Names", i, "%q repeats Names[%d]", n, j)
		}
		seen[n] = i
		if err := amount("Prices.Lost", i, p.Lost[i]); err != nil {
			return err
		}
		if p.Relaxed != nil {
			if err := amount("Prices.Relaxed", i, p.Relaxed[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Plot draws p as one horizontal bar per demand, its length the expected
// seats lost, the value written at its end (two decimals, or two
// significant digits below 0.01) and the demand's name on the y axis. With
// Relaxed, each demand has a second, orange bar below the first and a
// legend says which is which. The axis spans at least half a seat, so a
// negligible price looks negligible. The default image size fits about 20 demands; pass a larger
// height to [Save] for more (about 14 points per demand). The returned
// plot may be restyled before saving.
//
// Plot returns an *[InputError] when [Prices.Validate] does. It takes O(n)
// time for n demands.
func (p Prices) Plot() (*plot.Plot, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	pl := newPlot("Price of each demand\nexpected wins the alliance gives up by honouring it",
		"Expected seats lost (expected wins without the demand minus with it)", "")
	n := len(p.Names)
	dropped := &boxes{fill: vermillion}
	relaxed := &boxes{fill: orange}
	// YCenter centres the font's full height, descent included, which
	// sits the digits a little low; dy lifts them to the bar's middle.
	style := textStyle(tickSize, draw.XLeft, draw.YCenter)
	if p.Relaxed != nil {
		style = textStyle(noteSize, draw.XLeft, draw.YCenter)
	}
	vals := &labels{style: style, dx: vg.Points(4), dy: vg.Points(1.5)}
	names := make([]string, n)
	top := 0.0
	for i, l := range p.Lost {
		y := float64(n - 1 - i) // first demand at the top
		names[n-1-i] = p.Names[i]
		if p.Relaxed == nil {
			dropped.rects = append(dropped.rects, box{x0: 0, x1: l, y0: y - 0.35, y1: y + 0.35})
			vals.items = append(vals.items, label{x: l, y: y, text: seatsText(l)})
			top = max(top, l)
			continue
		}
		r := p.Relaxed[i]
		dropped.rects = append(dropped.rects, box{x0: 0, x1: l, y0: y + 0.01, y1: y + 0.39})
		relaxed.rects = append(relaxed.rects, box{x0: 0, x1: r, y0: y - 0.39, y1: y - 0.01})
		vals.items = append(vals.items, label{x: l, y: y + 0.2, text: seatsText(l)}, label{x: r, y: y - 0.2, text: seatsText(r)})
		top = max(top, l, r)
	}
	pl.Add(vGrid(), dropped, vals)
	pl.NominalY(names...)
	pl.Y.Min, pl.Y.Max = -0.6, float64(n)-0.4
	pl.Y.Tick.Length = 0
	if p.Relaxed != nil {
		pl.Add(relaxed)
		pl.Legend.Add("dropping the demand", dropped)
		pl.Legend.Add("relaxing it by one seat", relaxed)
		// Empty rows above the first demand keep the legend (two entries,
		// about 30 points) clear of the bars when each demand has at least
		// the 30 points of its share of Height.
		pl.Y.Max += 1.6
	}
	// Room on the right for the value of the longest bar, and an axis of
	// at least half a seat, so prices of a thousandth of a seat do not
	// fill the chart.
	pl.X.Min, pl.X.Max = 0, max(top*1.15, minPriceAxis)
	return pl, nil
}

// Height returns an image height at which p's chart is legible: at least
// [DefaultHeight], and 16 points per demand (30 with Relaxed) plus 5 cm
// for the title, the axis and the legend. It takes O(1) time.
func (p Prices) Height() vg.Length {
	row := vg.Points(16)
	if p.Relaxed != nil {
		row = vg.Points(30)
	}
	return max(DefaultHeight, vg.Length(len(p.Names))*row+5*vg.Centimeter)
}

// seatsText formats a number of seats with two decimals, or with two
// significant digits when two decimals would show a positive value as
// 0.00.
func seatsText(x float64) string {
	if x > 0 && x < 0.005 {
		return strconv.FormatFloat(x, 'g', 2, 64)
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}
