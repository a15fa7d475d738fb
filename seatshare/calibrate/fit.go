package calibrate

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/coalitionlab/alliance/scoring"
)

// Forecast names a way of forecasting a backtest seat from its margin.
type Forecast uint8

// The forecasts with a margin.
const (
	// Model is the library's model: the alliance-arithmetic margin of
	// Seat.Margin, with a transfer rate and lambda.
	Model Forecast = iota
	// Combined is the combined-share baseline: Seat.Combined, every
	// member's full strength summed in both blocs (full transfer, lambda
	// 0), through the same link family with its own fitted scale.
	Combined
)

// String returns "model" or "combined share".
func (f Forecast) String() string {
	switch f {
	case Model:
		return "model"
	case Combined:
		return "combined share"
	}
	return fmt.Sprintf("Forecast(%d)", uint8(f))
}

// Swing says which swing a fit estimates.
type Swing uint8

// The swings.
const (
	// SwingZero fixes every swing at 0: the forecast that can be made
	// before the election.
	SwingZero Swing = iota
	// SwingNational fits one national swing toward the alliance. Fitted on
	// the election being forecast, it is hindsight.
	SwingNational
	// SwingState fits one swing per state (and no national swing), each
	// within [-StateBound, StateBound]. Fitted on the election being
	// forecast, it is hindsight.
	SwingState
)

// String returns "zero swing", "national swing" or "state swing".
func (s Swing) String() string {
	switch s {
	case SwingZero:
		return "zero swing"
	case SwingNational:
		return "national swing"
	case SwingState:
		return "state swing"
	}
	return fmt.Sprintf("Swing(%d)", uint8(s))
}

// defaultStart is where Estimate starts when Settings.Start is nil.
var defaultStart = Params{Scale: 0.08, Transfer: 0.7, Lambda: 0.2}

// DefaultStateBound is the bound on a state's swing when
// Settings.StateBound is 0: 50 points of margin either way. Real state
// swings in the margin reach 35 points (Rajasthan, INC against BJP, 2009
// to 2014: +10.6 to -25.2).
const DefaultStateBound = 0.5

// Settings are the options of Estimate. The zero value (and a nil
// pointer) fits the model's scale, transfer rate and lambda with zero
// swing under the probit link, from the start Scale 0.08, Transfer 0.7,
// Lambda 0.2.
type Settings struct {
	// Forecast is what to fit; the zero value is Model.
	Forecast Forecast
	// Link is the link family; nil means the probit.
	Link LinkFamily
	// Swing is which swing to fit; the zero value is SwingZero.
	Swing Swing
	// Start is the starting point and the value of every fixed parameter;
	// nil means Scale 0.08, Transfer 0.7, Lambda 0.2 and no swing. Its
	// swings are ignored: the fitted swings start at 0.
	Start *Params
	// FixScale, FixTransfer and FixLambda keep a parameter at its Start
	// value. With all three fixed only the swing is fitted: use it to fit
	// the swing of a later election in hindsight with parameters fitted
	// before it.
	FixScale, FixTransfer, FixLambda bool
	// StateBound bounds each state swing for SwingState; 0 means
	// DefaultStateBound. A state where the alliance won every seat, or
	// none, has no finite best swing and ends at the bound.
	StateBound float64
}

// Fit is the result of Estimate.
type Fit struct {
	// Params are the fitted parameters. For Combined, Transfer is 1 and
	// Lambda 0 (full transfer), whatever the start.
	Params   Params
	Forecast Forecast
	Swing    Swing
	// Seats is the number of seats fitted.
	Seats int
	// LogLoss is the mean negative log-likelihood of the outcomes at
	// Params (scoring.LogLoss, with its clamping), in nats per seat.
	LogLoss float64
	// Evaluations counts the likelihood evaluations.
	Evaluations int
}

// objective is the negative log-likelihood of a fit as a function of the
// free parameters, transformed so that every value is feasible: scale =
// exp(x), transfer and lambda = (1 + sin x)/2.
type objective struct {
	b      *Backtest
	sel    []int
	won    []bool
	s      Settings
	start  Params
	bound  float64
	groups map[string][]int // state -> positions in sel, for SwingState
	states []string         // sorted keys of groups
	m0     []float64        // margins without swing, per position in sel
	terms  []terms          // per position in sel
	evals  int
}

// terms are the parts of a seat's model margin that do not depend on the
// parameters, so that a fit need not call scoring.Margin (and validate the
// seat) at every step. margin(tau, lambda) equals Seat.Margin(tau,
// lambda), which the tests check.
type terms struct {
	own, partners       float64 // the alliance candidate's share, its partners' total
	rival, rivalPartner float64 // the same for the rival bloc
	hasRival            bool
	alone               float64 // the strongest party standing alone
}

// terms returns the seat's terms after validating it once through
// scoring.Margin.
func (s *Seat) terms() (terms, error) {
	if _, err := s.Margin(0.5, 0.5); err != nil {
		return terms{}, err
	}
	t := terms{own: s.Shares[0], hasRival: s.Rival >= 0}
	in := make([]bool, len(s.Shares))
	in[0] = true
	for _, q := range s.Partners {
		t.partners += s.Shares[q]
		in[q] = true
	}
	if t.hasRival {
		t.rival = s.Shares[s.Rival]
		in[s.Rival] = true
		for _, q := range s.RivalPartners {
			t.rivalPartner += s.Shares[q]
			in[q] = true
		}
	}
	for q, x := range s.Shares {
		if !in[q] {
			t.alone = max(t.alone, x)
		}
	}
	return t, nil
}

// margin returns the model margin at transfer rate tau and lambda: the
// arithmetic of scoring.Margin with one default rate in both blocs.
func (t terms) margin(tau, lambda float64) float64 {
	v := t.own + tau*t.partners
	opp := t.alone
	if t.hasRival {
		opp = max(opp, t.rival+tau*t.rivalPartner+lambda*(1-tau)*t.partners)
	}
	return v - opp
}

func (o *objective) decode(x []float64) Params {
	p := o.start
	p.National, p.States = 0, nil
	k := 0
	if !o.s.FixScale {
		p.Scale = math.Exp(x[k])
		k++
	}
	if o.s.Forecast == Model {
		if !o.s.FixTransfer {
			p.Transfer = (1 + math.Sin(x[k])) / 2
			k++
		}
		if !o.s.FixLambda {
			p.Lambda = (1 + math.Sin(x[k])) / 2
			k++
		}
	} else {
		p.Transfer, p.Lambda = 1, 0
	}
	if o.s.Swing == SwingNational {
		p.National = x[k]
	}
	return p
}

func (o *objective) encode(p Params) []float64 {
	var x []float64
	if !o.s.FixScale {
		x = append(x, math.Log(p.Scale))
	}
	if o.s.Forecast == Model {
		if !o.s.FixTransfer {
			x = append(x, math.Asin(2*p.Transfer-1))
		}
		if !o.s.FixLambda {
			x = append(x, math.Asin(2*p.Lambda-1))
		}
	}
	if o.s.Swing == SwingNational {
		x = append(x, 0)
	}
	return x
}

// value returns the total negative log-likelihood at x; for SwingState it
// also fits the state swings, stored in *states when states is not nil.
func (o *objective) value(x []float64, states map[string]float64) float64 {
	o.evals++
	p := o.decode(x)
	for k, i := range o.sel {
		if o.s.Forecast == Combined {
			o.m0[k] = o.b.Seats[i].Combined
			continue
		}
		o.m0[k] = o.terms[k].margin(p.Transfer, p.Lambda)
	}
	link := o.s.Link.link(p.Scale)
	if o.s.Swing != SwingState {
		return nll(link, o.m0, o.won, nil, p.National)
	}
	total := 0.0
	for _, st := range o.states {
		g := o.groups[st]
		f := func(sw float64) float64 { return nll(link, o.m0, o.won, g, sw) }
		sw := goldenMin(f, -o.bound, o.bound)
		if states != nil {
			states[st] = sw
		}
		total += f(sw)
	}
	return total
}

// nll returns the negative log-likelihood of the positions g (nil: all)
// with margins m + swing.
func nll(link scoring.Link, m []float64, won []bool, g []int, swing float64) float64 {
	sum := 0.0
	if g == nil {
		for k := range m {
			sum += pointLoss(link.Prob(m[k]+swing), won[k])
		}
		return sum
	}
	for _, k := range g {
		sum += pointLoss(link.Prob(m[k]+swing), won[k])
	}
	return sum
}

// pointLoss is the negative log-likelihood of one outcome with the
// clamping of scoring.LogLoss. A NaN probability (a link that fails)
// costs +Inf.
func pointLoss(p float64, won bool) float64 {
	if math.IsNaN(p) {
		return math.Inf(1)
	}
	p = min(max(p, scoring.LogLossEpsilon), 1-scoring.LogLossEpsilon)
	if won {
		return -math.Log(p)
	}
	return -math.Log1p(-p)
}

// goldenMin returns the minimiser of the unimodal f on [lo, hi] by
// golden-section search, to within 1e-9.
// See https://en.wikipedia.org/wiki/Golden-section_search.
func goldenMin(f func(float64) float64, lo, hi float64) float64 {
	invPhi := (math.Sqrt(5) - 1) / 2
	a, b := lo, hi
	c, d := b-invPhi*(b-a), a+invPhi*(b-a)
	fc, fd := f(c), f(d)
	for b-a > 1e-9 {
		if fc <= fd {
			b, d, fd = d, c, fc
			c = b - invPhi*(b-a)
			fc = f(c)
		} else {
			a, c, fc = c, d, fd
			d = a + invPhi*(b-a)
			fd = f(d)
		}
	}
	// The ends are candidates too, for a state that the alliance won
	// everywhere or nowhere.
	best, fbest := (a+b)/2, f((a+b)/2)
	for _, x := range [...]float64{lo, hi} {
		if fx := f(x); fx < fbest {
			best, fbest = x, fx
		}
	}
	return best
}

// Estimate fits the parameters of s.Forecast to the outcomes of the seats
// sel of b (indices into b.Seats; nil means all) by maximum likelihood:
// it minimises the sum over seats of -ln F(m) for seats the alliance won
// and -ln(1 - F(m)) for the others, F the link, each probability clamped
// as scoring.LogLoss does.
//
// The free parameters (the scale, the transfer rate and lambda unless
// fixed, and the national swing for SwingNational) are found by the
// Nelder-Mead simplex method (see nelderMead; run twice, the second time
// from the first's optimum), after transforms that keep them
// feasible: scale = exp(x), transfer and lambda = (1 + sin x)/2. For
// SwingState each state's swing is profiled out at every step by
// golden-section search on [-StateBound, StateBound], which finds the
// optimum because the log-likelihood of the probit and logistic links is
// concave in the swing. Everything is deterministic.
//
// Estimate returns an *InputError when a seat index is out of range, the
// settings are invalid (a start outside the parameters' ranges, a
// negative or non-finite StateBound) or the seats give nothing to fit.
// It takes O(e*n) time for e evaluations (a few hundred) over n seats;
// with SwingState each evaluation costs about 40 passes over the seats.
func Estimate(b *Backtest, sel []int, s *Settings) (*Fit, error) {
	var set Settings
	if s != nil {
		set = *s
	}
	start := defaultStart
	if set.Start != nil {
		start = *set.Start
		start.National, start.States = 0, nil
	}
	if err := start.validate("settings.start"); err != nil {
		return nil, err
	}
	bound := set.StateBound
	switch {
	case bound == 0:
		bound = DefaultStateBound
	case !(bound > 0) || math.IsInf(bound, 1):
		return nil, invalid("settings.state_bound", "%v is not positive and finite", bound)
	}
	if set.Forecast > Combined {
		return nil, invalid("settings.forecast", "unknown forecast %d", set.Forecast)
	}
	if set.Swing > SwingState {
		return nil, invalid("settings.swing", "unknown swing %d", set.Swing)
	}
	if err := b.checkSel(sel); err != nil {
		return nil, err
	}
	sel = b.all(sel)
	if len(sel) == 0 {
		return nil, invalid("sel", "no seats to fit")
	}
	o := &objective{
		b: b, sel: sel, won: b.Won(sel), s: set, start: start, bound: bound,
		m0: make([]float64, len(sel)), terms: make([]terms, len(sel)),
	}
	for k, i := range sel {
		t, err := b.Seats[i].terms()
		if err != nil {
			return nil, &InputError{Field: fmt.Sprintf("seats[%d]", i), Err: err}
		}
		o.terms[k] = t
	}
	if set.Swing == SwingState {
		o.groups = make(map[string][]int)
		for k, i := range sel {
			st := b.Seats[i].ID.State
			if _, ok := o.groups[st]; !ok {
				o.states = append(o.states, st)
			}
			o.groups[st] = append(o.groups[st], k)
		}
	}
	x := o.encode(start)
	if len(x) > 0 {
		f := func(x []float64) float64 { return o.value(x, nil) }
		// A restart from the first optimum guards against a collapsed
		// simplex, the known failure of the method.
		x = nelderMead(f, x, 0.3)
		x = nelderMead(f, x, 0.1)
	}
	p := o.decode(x)
	var states map[string]float64
	if set.Swing == SwingState {
		states = make(map[string]float64, len(o.states))
	}
	total := o.value(x, states)
	p.States = states
	return &Fit{
		Params: p, Forecast: set.Forecast, Swing: set.Swing, Seats: len(sel),
		LogLoss: total / float64(len(sel)), Evaluations: o.evals,
	}, nil
}

// Forecast returns the win probabilities of forecast fc for the seats sel
// (nil: all) under p and the link family f: the link of the margin
// (Seat.Margin for Model, Seat.Combined for Combined) plus the swing of
// the seat's state. It returns an *InputError when p is invalid or a seat
// index is out of range. It takes O(k) time per seat of k parties.
func (b *Backtest) Forecast(sel []int, fc Forecast, p Params, f LinkFamily) ([]float64, error) {
	if fc == Model {
		return b.Predict(sel, p, f)
	}
	if fc != Combined {
		return nil, invalid("forecast", "unknown forecast %d", fc)
	}
	if err := p.validate("params"); err != nil {
		return nil, err
	}
	if err := b.checkSel(sel); err != nil {
		return nil, err
	}
	sel = b.all(sel)
	link := f.link(p.Scale)
	out := make([]float64, len(sel))
	for k, i := range sel {
		s := &b.Seats[i]
		out[k] = link.Prob(s.Combined + p.swing(s.ID.State))
	}
	return out, nil
}

// Incumbent is the baseline "the previous winner's bloc wins again": the
// probability that the alliance wins a seat is Rates[side], side the bloc
// of the base election's winner there (Seat.BaseWinner).
type Incumbent struct {
	Rates [3]float64 // indexed by Side
}

// FitIncumbent fits the Incumbent baseline to the seats sel of b (nil:
// all) by maximum likelihood: each rate is the share of seats the alliance
// won among those whose base winner was on that side; a side with no seat
// gets the overall share. It returns an *InputError when sel is empty or
// an index is out of range. It takes O(n) time.
func FitIncumbent(b *Backtest, sel []int) (Incumbent, error) {
	if err := b.checkSel(sel); err != nil {
		return Incumbent{}, err
	}
	sel = b.all(sel)
	if len(sel) == 0 {
		return Incumbent{}, invalid("sel", "no seats to fit")
	}
	var n, w [3]int
	total := 0
	for _, i := range sel {
		s := &b.Seats[i]
		n[s.BaseWinner]++
		if s.Won {
			w[s.BaseWinner]++
			total++
		}
	}
	var in Incumbent
	for side := range in.Rates {
		if n[side] == 0 {
			in.Rates[side] = float64(total) / float64(len(sel))
			continue
		}
		in.Rates[side] = float64(w[side]) / float64(n[side])
	}
	return in, nil
}

// Predict returns the baseline's probabilities for the seats sel of b
// (nil: all). It returns an *InputError when an index is out of range.
func (in Incumbent) Predict(b *Backtest, sel []int) ([]float64, error) {
	if err := b.checkSel(sel); err != nil {
		return nil, err
	}
	sel = b.all(sel)
	out := make([]float64, len(sel))
	for k, i := range sel {
		out[k] = in.Rates[b.Seats[i].BaseWinner]
	}
	return out, nil
}

// nelderMead returns a minimiser of f near x0 by the Nelder-Mead simplex
// method with the standard coefficients (reflection 1, expansion 2,
// contraction 1/2, shrink 1/2), from the simplex x0 plus step along each
// axis. It stops when the simplex's values differ by at most 1e-10 (plus
// 1e-12 relative) or after 200 iterations per dimension. It is
// deterministic; ties keep the earlier vertex.
//
// See J. A. Nelder and R. Mead, "A simplex method for function
// minimization", The Computer Journal 7 (1965) 308-313, and J. C.
// Lagarias et al., "Convergence properties of the Nelder-Mead simplex
// method in low dimensions", SIAM J. Optim. 9 (1998) 112-147.
func nelderMead(f func([]float64) float64, x0 []float64, step float64) []float64 {
	n := len(x0)
	pts := make([][]float64, n+1)
	val := make([]float64, n+1)
	for i := range pts {
		pts[i] = slices.Clone(x0)
		if i > 0 {
			pts[i][i-1] += step
		}
		val[i] = f(pts[i])
	}
	order := make([]int, n+1)
	centroid := make([]float64, n)
	at := func(t float64, worst []float64) []float64 {
		// centroid + t*(centroid - worst)
		y := make([]float64, n)
		for j := range y {
			y[j] = centroid[j] + t*(centroid[j]-worst[j])
		}
		return y
	}
	for iter := 0; iter < 200*n; iter++ {
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(val[a], val[b]) })
		best, worst, second := order[0], order[n], order[n-1]
		if val[worst]-val[best] <= 1e-10+1e-12*math.Abs(val[best]) {
			break
		}
		clear(centroid)
		for _, i := range order[:n] {
			for j := range centroid {
				centroid[j] += pts[i][j] / float64(n)
			}
		}
		xr := at(1, pts[worst])
		fr := f(xr)
		switch {
		case fr < val[best]:
			xe := at(2, pts[worst])
			if fe := f(xe); fe < fr {
				pts[worst], val[worst] = xe, fe
			} else {
				pts[worst], val[worst] = xr, fr
			}
		case fr < val[second]:
			pts[worst], val[worst] = xr, fr
		default:
			t := -0.5 // inside contraction
			if fr < val[worst] {
				t = 0.5 // outside contraction
			}
			xc := at(t, pts[worst])
			fc := f(xc)
			if fc < min(fr, val[worst]) {
				pts[worst], val[worst] = xc, fc
				continue
			}
			for _, i := range order[1:] {
				for j := range pts[i] {
					pts[i][j] = pts[best][j] + (pts[i][j]-pts[best][j])/2
				}
				val[i] = f(pts[i])
			}
		}
	}
	best := 0
	for i := range val {
		if val[i] < val[best] {
			best = i
		}
	}
	return pts[best]
}
