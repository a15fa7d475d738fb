package chart

import (
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Shares is each party's seats in a plan against its entitlement ([SharesOf]
// fills it from a plan).
type Shares struct {
	// Parties name the alliance's members, drawn left to right in this
	// order. Each is non-empty and distinct.
	Parties []string
	// Seats[i] is the number of seats party i contests in the plan, in [0,
	// MaxSeats].
	Seats []int
	// Entitlement[i] is the seats party i is entitled to, such as its
	// exact quota of the alliance's seats by vote share; in [0, MaxSeats].
	Entitlement []float64
	// Basis says how the entitlement was computed, such as "quota by 2019
	// vote share"; it is shown in the legend. Empty means none is shown.
	Basis string
}

// Validate returns an *[InputError] naming the first field of s that
// [Shares.Plot] rejects, or nil. It takes O(n) time for n parties.
func (s Shares) Validate() error {
	if len(s.Parties) == 0 {
		return invalid("Shares.Parties", -1, "empty")
	}
	if len(s.Seats) != len(s.Parties) {
		return invalid("Shares.Seats", -1, "%d counts for %d parties", len(s.Seats), len(s.Parties))
	}
	if len(s.Entitlement) != len(s.Parties) {
		return invalid("Shares.Entitlement", -1, "%d entitlements for %d parties", len(s.Entitlement), len(s.Parties))
	}
	seen := make(map[string]int, len(s.Parties))
	for i, name := range s.Parties {
		if name == "" {
			return invalid("Shares.Parties", i, "empty name")
		}
		if j, ok := seen[name]; ok {
			return invalid("Shares.Parties", i, "%q repeats Parties[%d]", name, j)
		}
		seen[name] = i
		if err := count("Shares.Seats", i, s.Seats[i]); err != nil {
			return err
		}
		if err := amount("Shares.Entitlement", i, s.Entitlement[i]); err != nil {
			return err
		}
	}
	return nil
}

// Plot draws s as grouped bars: for each party its seats in the plan (blue)
// beside its entitlement (orange), each value written above its bar
// (upwards when there are more than six parties), party names on the x
// axis (slanted when there are more than eight). The
// returned plot may be restyled before saving.
//
// Plot returns an *[InputError] when [Shares.Validate] does. It takes O(n)
// time for n parties.
func (s Shares) Plot() (*plot.Plot, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	p := newPlot("Seats in the plan against entitlement", "Alliance member", "Seats (count)")
	seats := &boxes{fill: blue}
	ent := &boxes{fill: orange}
	// With more than six parties the values are written upwards, so
	// neighbouring labels do not run into each other.
	slanted := len(s.Parties) > 6
	style := textStyle(noteSize, draw.XCenter, draw.YBottom)
	headroom := 1.3
	if slanted {
		style = textStyle(noteSize, draw.XLeft, draw.YCenter)
		style.Rotation = math.Pi / 2
		headroom = 1.45
	}
	vals := &labels{style: style, dy: vg.Points(2)}
	top := 0.0
	for i := range s.Parties {
		x, n, e := float64(i), float64(s.Seats[i]), s.Entitlement[i]
		seats.rects = append(seats.rects, box{x0: x - 0.4, x1: x - 0.02, y0: 0, y1: n})
		ent.rects = append(ent.rects, box{x0: x + 0.02, x1: x + 0.4, y0: 0, y1: e})
		vals.items = append(vals.items,
			label{x: x - 0.21, y: n, text: strconv.Itoa(s.Seats[i])},
			label{x: x + 0.21, y: e, text: strconv.FormatFloat(e, 'f', 1, 64)})
		top = max(top, n, e)
	}
	if top == 0 {
		top = 1
	}
	p.Y.Tick.Marker = ticks{integer: true}
	p.Add(hGrid(), seats, ent, vals)
	p.NominalX(s.Parties...)
	if len(s.Parties) > 8 {
		p.X.Tick.Label.Rotation = math.Pi / 4
		p.X.Tick.Label.XAlign = draw.XRight
		p.X.Tick.Label.YAlign = draw.YCenter
	}
	p.X.Min, p.X.Max = -0.6, float64(len(s.Parties))-0.4
	// Room above the bars for their values and the legend.
	p.Y.Min, p.Y.Max = 0, top*headroom
	p.Legend.Add("seats in the plan", seats)
	name := "entitlement"
	if s.Basis != "" {
		name += " (" + s.Basis + ")"
	}
	p.Legend.Add(name, ent)
	return p, nil
}
