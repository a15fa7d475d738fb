package chart

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// probTolerance is how far from 1 the probabilities of a Distribution may
// sum: room for rounding in a PMF of a few thousand terms, far below the
// smallest probability a bar chart shows (one pixel is about 0.3%).
const probTolerance = 1e-6

// tailMass is the probability each tail of a Distribution may leave off
// the x axis: totals below the 0.05% quantile or above the 99.95% quantile
// are not drawn (their bars would be under a thousandth of the axis
// height) unless the target or the mean is there.
const tailMass = 5e-4

// Distribution is the probability distribution of the alliance's total
// seats, as simulated under correlated swings ([DistributionOf]) or computed
// exactly for independent seats ([DistributionOfPMF]).
type Distribution struct {
	// Totals are seat totals, in [0, MaxSeats] and strictly increasing. A total
	// missing between two listed ones has probability zero.
	Totals []int
	// Prob[i] is the probability that the alliance wins exactly Totals[i]
	// seats. Each is in [0, 1] and they sum to 1 within 1e-6.
	Prob []float64
	// Target is the number of seats the alliance aims for, marked with
	// P(total >= Target); zero means no target.
	Target int
	// Scenarios is the number of simulated scenarios the probabilities
	// come from (by scoring.Simulate); the title then says "N simulated
	// elections with correlated swings". Zero means they are exact.
	Scenarios int64
}

// Validate returns an *[InputError] naming the first field of d that
// [Distribution.Plot] rejects, or nil.
func (d Distribution) Validate() error {
	if len(d.Totals) == 0 {
		return invalid("Distribution.Totals", -1, "empty")
	}
	if len(d.Prob) != len(d.Totals) {
		return invalid("Distribution.Prob", -1, "%d probabilities for %d totals", len(d.Prob), len(d.Totals))
	}
	sum := 0.0
	for i, t := range d.Totals {
		if err := count("Distribution.Totals", i, t); err != nil {
			return err
		}
		if i > 0 && t <= d.Totals[i-1] {
			return invalid("Distribution.Totals", i, "%d after %d, want strictly increasing", t, d.Totals[i-1])
		}
		p := d.Prob[i]
		if !(p >= 0 && p <= 1) {
			return invalid("Distribution.Prob", i, "%v, want a probability in [0, 1]", p)
		}
		sum += p
	}
	if math.Abs(sum-1) > probTolerance {
		return invalid("Distribution.Prob", -1, "probabilities sum to %v, want 1", sum)
	}
	if err := count("Distribution.Target", -1, d.Target); err != nil {
		return err
	}
	if d.Scenarios < 0 {
		return invalid("Distribution.Scenarios", -1, "%d, want >= 0 (0: exact)", d.Scenarios)
	}
	return nil
}

// Mean returns the expected total, the sum of Totals[i]*Prob[i]. It takes
// O(len(Totals)) time.
func (d Distribution) Mean() float64 {
	m := 0.0
	for i, t := range d.Totals {
		m += float64(t) * d.Prob[i]
	}
	return m
}

// AtLeast returns P(total >= k), the sum of Prob over Totals of at least
// k. It takes O(len(Totals)) time.
func (d Distribution) AtLeast(k int) float64 {
	s := 0.0
	for i, t := range d.Totals {
		if t >= k {
			s += d.Prob[i]
		}
	}
	return s
}

// Plot draws d as bars of probability (in percent) per total, with the
// totals that meet the target in a second colour, the target as a vertical
// line labelled "target K: P(total >= K) = x%", and the mean as a dashed
// line; the legend says which is which. The x axis shows every total
// between the 0.05% and 99.95% quantiles, widened to include the target
// and the mean. The returned plot may be restyled before [Save].
//
// Plot returns an *[InputError] when [Distribution.Validate] does. It takes
// O(len(Totals)) time.
func (d Distribution) Plot() (*plot.Plot, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	mean := d.Mean()
	lo, hi := d.span()
	lo, hi = min(lo, int(math.Floor(mean))), max(hi, int(math.Ceil(mean)))
	if d.Target > 0 {
		lo, hi = min(lo, d.Target-1), max(hi, d.Target)
	}

	title := "Distribution of the alliance's total seats"
	if d.Scenarios > 0 {
		title += fmt.Sprintf("\n%s simulated elections with correlated swings", thousands(d.Scenarios))
	}
	p := newPlot(title, "Seats won by the alliance", "Probability (%)")
	p.X.Tick.Marker = ticks{integer: true}

	below := &boxes{fill: skyBlue}
	above := &boxes{fill: blue}
	top := 0.0
	for i, t := range d.Totals {
		if t < lo || t > hi || d.Prob[i] == 0 {
			continue
		}
		pct := 100 * d.Prob[i]
		top = max(top, pct)
		b := box{x0: float64(t) - 0.42, x1: float64(t) + 0.42, y0: 0, y1: pct}
		if d.Target > 0 && t < d.Target {
			below.rects = append(below.rects, b)
		} else {
			above.rects = append(above.rects, b)
		}
	}
	// Room above the bars: the mean line reaches 1.04*top, the target's
	// label sits at 1.15*top to about 1.25*top, and the legend (three
	// entries, under a fifth of the height) fills the rest; without a
	// target the legend has two entries.
	ymax := top * 1.3
	if d.Target > 0 {
		ymax = top * 1.6
	}
	p.X.Min, p.X.Max = float64(lo)-0.5, float64(hi)+0.5
	p.Y.Min, p.Y.Max = 0, ymax

	p.Add(hGrid())
	if d.Target > 0 {
		p.Add(below, above)
		p.Legend.Add(fmt.Sprintf("fewer than %d seats", d.Target), below)
		p.Legend.Add(fmt.Sprintf("%d seats or more", d.Target), above)
	} else {
		p.Add(above)
		p.Legend.Add("probability of each total", above)
	}

	meanLine := &segments{
		lines: []seg{{x0: mean, y0: 0, x1: mean, y1: top * 1.04}},
		style: draw.LineStyle{Color: color.Black, Width: vg.Points(1.5), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}},
	}
	p.Add(meanLine)
	p.Legend.Add(fmt.Sprintf("mean %.1f seats", mean), meanLine)

	if d.Target > 0 {
		x := float64(d.Target) - 0.5
		target := &segments{
			lines: []seg{{x0: x, y0: 0, x1: x, y1: top * 1.25}},
			style: draw.LineStyle{Color: vermillion, Width: vg.Points(2)},
		}
		text := fmt.Sprintf("target %d: P(total >= %d) = %s", d.Target, d.Target, percent(d.AtLeast(d.Target)))
		// The label sits at the top of the line, on the side with more
		// room: to the right when the target is in the left half. The
		// legend is always clear of it (see ymax).
		align, dx := draw.XLeft, vg.Points(4)
		if x > (p.X.Min+p.X.Max)/2 {
			align, dx = draw.XRight, -vg.Points(4)
		}
		p.Add(target, &labels{
			items: []label{{x: x, y: top * 1.15, text: text}},
			style: textStyle(legendSize, align, draw.YBottom),
			dx:    dx,
		})
	}
	return p, nil
}

// span returns the totals at the tailMass and 1-tailMass quantiles.
func (d Distribution) span() (lo, hi int) {
	lo, hi = d.Totals[0], d.Totals[len(d.Totals)-1]
	cum := 0.0
	for i, t := range d.Totals {
		if cum += d.Prob[i]; cum > tailMass {
			lo = t
			break
		}
	}
	cum = 0
	for i := len(d.Totals) - 1; i >= 0; i-- {
		if cum += d.Prob[i]; cum > tailMass {
			hi = d.Totals[i]
			break
		}
	}
	return lo, hi
}

// percent formats a probability as a percentage with one decimal, or with
// as many more (up to six) as it takes not to show a positive probability
// as 0% or one below 1 as 100%.
func percent(p float64) string {
	for decimals := 1; decimals <= 6; decimals++ {
		s := strconv.FormatFloat(100*p, 'f', decimals, 64)
		zero := strings.Trim(s, "0.") == ""
		if !(p > 0 && zero) && !(p < 1 && strings.HasPrefix(s, "100")) {
			return s + "%"
		}
	}
	if p < 0.5 {
		return "< 0.000001%"
	}
	return "> 99.999999%"
}

// thousands formats n >= 0 with commas between groups of three digits.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
