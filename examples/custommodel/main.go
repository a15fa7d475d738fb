// Command custommodel plugs a win-probability model of your own into the
// seat-sharing planner.
//
// A link turns a candidate's margin (alliance vote minus the strongest
// opponent's, in vote-share points) into a win probability; anything with
// a method Prob(margin float64) float64 is a scoring.Link. This program
// defines two of its own next to the scenario's probit:
//
//   - StudentT, Student's t with 3 degrees of freedom: heavier tails, so a
//     candidate trailing by 20 points keeps a real chance of an upset;
//   - Skewed, a two-piece normal with a wider spread below a zero margin
//     than above it: trailing candidates catch up more often than leading
//     ones collapse (an assumption for the demonstration, not an estimate).
//
// How it plugs in. A scenario file names only the built-in links (probit
// and logistic, field model.link), so a link of your own cannot go through
// seatshare.Planner.Plan. The planner exposes what a link needs: every
// candidate's margin (Planner.Seats) and the solver problem its demands
// define (Planner.Problem, one option per seat and member whose Weight is
// the win probability). The program replaces each weight by its own link's
// probability of the same margin, solves with solver.Solve (every demand,
// lock and rule of the scenario still holds, and solver.Verify checks the
// certificate), and simulates the total with scoring.Simulate under the
// scenario's copula, which keeps every seat's probability whatever the link.
// Prices and switch costs would need the same re-weighting for each
// re-solve; Plan computes them for the built-in links only.
//
// With no files it runs on the ILLUSTRATIVE synthetic results embedded in
// package illustrative (not real results, and labelled so). With -data
// DIR, or SEATSHARE_DATA set, it reads the real results lsYYYY_candidates.csv.
//
// Usage:
//
//	go run ./examples/custommodel [-data DIR]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
	"github.com/coalitionlab/alliance/solver"
)

// StudentT is the link F(m) = T_nu(m / Sigma), Student's t distribution
// function with Nu degrees of freedom; as Nu grows it tends to
// scoring.Probit{Sigma}.
type StudentT struct {
	Sigma, Nu float64
}

// Prob implements scoring.Link: NaN for a NaN margin or bad parameters, a
// non-decreasing value in [0, 1] otherwise.
func (l StudentT) Prob(margin float64) float64 {
	if !(l.Sigma > 0) || !(l.Nu > 0) || math.IsNaN(margin) {
		return math.NaN()
	}
	return distuv.StudentsT{Mu: 0, Sigma: l.Sigma, Nu: l.Nu}.CDF(margin)
}

// Skewed is a two-piece normal link: F(m) = Phi(m / Below) for m < 0 and
// Phi(m / Above) for m >= 0. Both pieces give 1/2 at m = 0, so it is
// continuous and non-decreasing; Below > Above makes upsets by trailing
// candidates likelier than losses by leading ones.
type Skewed struct {
	Below, Above float64
}

// Prob implements scoring.Link.
func (l Skewed) Prob(margin float64) float64 {
	if !(l.Below > 0) || !(l.Above > 0) || math.IsNaN(margin) {
		return math.NaN()
	}
	s := l.Above
	if margin < 0 {
		s = l.Below
	}
	return scoring.Probit{Sigma: s}.Prob(margin)
}

func main() {
	err := run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv))
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, seatshare.ErrInfeasible), errors.Is(err, solver.ErrInfeasible):
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// model is a named link.
type model struct {
	name string
	link scoring.Link
}

// outcome is one link's optimal plan.
type outcome struct {
	name     string
	weights  []float64 // per seat, of the plan's party
	assign   []int     // agent per seat
	expected float64
	// probitPlan is the expected wins, under this link, of the plan that
	// is optimal under the probit.
	probitPlan float64
	sim        *scoring.Distribution
}

func run(ctx context.Context, w io.Writer, args []string, dataEnv string) error {
	fs := flag.NewFlagSet("custommodel", flag.ContinueOnError)
	fs.SetOutput(w)
	data := fs.String("data", dataEnv, "directory holding the real results lsYYYY_candidates.csv (default $SEATSHARE_DATA); empty uses the embedded ILLUSTRATIVE data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("custommodel: unexpected argument %q", fs.Arg(0))
	}
	src := seatshare.Source(illustrative.Election)
	if *data != "" {
		src = seatshare.DataDir(*data)
	}
	sc, err := illustrative.Scenario()
	if err != nil {
		return err
	}
	sc.Simulation = seatshare.SimulationSpec{} // simulated below, per link
	// INC's claim to the seats it won in 2009, as in the uttarpradesh
	// example: a binding demand makes the plan trade seats against one
	// another, which is where the link's shape matters. Without one, every
	// non-decreasing link picks the member with the largest margin in
	// each seat, and all links give the same plan.
	e2009, err := src(2009)
	if err != nil {
		return err
	}
	claim := e2009.WinsByParty("Uttar Pradesh")["INC"]
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name: fmt.Sprintf("INC's claim: at least the %d seats it won in 2009", claim), Party: "INC",
		SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: claim,
	})
	pl, err := seatshare.NewPlanner(sc, src)
	if err != nil {
		return err
	}
	sigma := pl.Scenario().Model.Link.Probit.Sigma // the calibrated default, filled by NewPlanner
	models := []model{
		{fmt.Sprintf("probit, sigma %g (the scenario's)", sigma), scoring.Probit{Sigma: sigma}},
		{fmt.Sprintf("Student's t, 3 df, scale %g", sigma), StudentT{Sigma: sigma, Nu: 3}},
		{fmt.Sprintf("skewed: sigma %.3g below 0, %.3g above", 1.5*sigma, 0.75*sigma), Skewed{Below: 1.5 * sigma, Above: 0.75 * sigma}},
	}
	cop, err := scoring.NewCopula(sc.Model.Copula.National, sc.Model.Copula.State)
	if err != nil {
		return err
	}
	seats := pl.Seats()
	states := make([]int, len(seats))
	for i := 1; i < len(seats); i++ {
		states[i] = states[i-1]
		if seats[i].ID.State != seats[i-1].ID.State {
			states[i]++
		}
	}
	var outs []outcome
	for _, m := range models {
		prob, err := reweight(pl, m.link)
		if err != nil {
			return fmt.Errorf("custommodel: %s: %w", m.name, err)
		}
		res, err := solver.Solve(ctx, prob, nil)
		if err != nil {
			return fmt.Errorf("custommodel: %s: %w", m.name, err)
		}
		if err := solver.Verify(prob, res); err != nil {
			return fmt.Errorf("custommodel: %s: the solver's certificate fails: %w", m.name, err)
		}
		o := outcome{name: m.name, assign: res.Assignment, weights: make([]float64, len(seats))}
		for i := range seats {
			for _, opt := range prob.Items[i].Options {
				if opt.Agent == res.Assignment[i] {
					o.weights[i] = opt.Weight
				}
			}
			o.expected += o.weights[i]
		}
		if len(outs) > 0 {
			for i := range seats {
				for _, opt := range prob.Items[i].Options {
					if opt.Agent == outs[0].assign[i] {
						o.probitPlan += opt.Weight
					}
				}
			}
		} else {
			o.probitPlan = o.expected
		}
		if o.sim, err = scoring.Simulate(o.weights, states, cop, 100000, rand.New(rand.NewPCG(2024, 0))); err != nil {
			return err
		}
		outs = append(outs, o)
	}
	return write(w, *data == "", pl, models, outs)
}

// reweight returns the planner's problem with every option's weight
// replaced by link's probability of the candidate's margin.
func reweight(pl *seatshare.Planner, link scoring.Link) (*solver.Problem, error) {
	prob := pl.Problem()
	// Problem's copy shares its items and their options with the planner;
	// copy them before writing.
	prob.Items = append([]solver.Item(nil), prob.Items...)
	for i, sw := range pl.Seats() {
		prob.Items[i].Options = append([]solver.Option(nil), prob.Items[i].Options...)
		for k, opt := range prob.Items[i].Options {
			margin, ok := marginOf(sw, prob.Agents[opt.Agent])
			if !ok {
				return nil, fmt.Errorf("seat %v: no margin for %s", sw.ID, prob.Agents[opt.Agent])
			}
			p := link.Prob(margin)
			if math.IsNaN(p) || p < 0 || p > 1 {
				return nil, fmt.Errorf("seat %v: the link gives %v for the margin %v", sw.ID, p, margin)
			}
			prob.Items[i].Options[k].Weight = p
		}
	}
	return prob, nil
}

// marginOf returns party's margin in seat sw.
func marginOf(sw seatshare.SeatWeights, party string) (float64, bool) {
	for _, o := range sw.Options {
		if o.Party == party {
			return o.Margin, true
		}
	}
	return 0, false
}

func write(w io.Writer, illus bool, pl *seatshare.Planner, models []model, outs []outcome) error {
	var b strings.Builder
	agents := pl.Problem().Agents
	seats := pl.Seats()
	sc := pl.Scenario()
	if illus {
		b.WriteString("*** ILLUSTRATIVE: synthetic Uttar Pradesh results, NOT real. Set SEATSHARE_DATA or -data DIR for the real results. ***\n")
	}
	fmt.Fprintf(&b, "Your own win-probability model: %s\n", sc.Name)
	for _, d := range sc.Demands {
		fmt.Fprintf(&b, "Demand: %s\n", d.Name)
	}
	b.WriteString("Each link turns the same margins (Planner.Seats) into win probabilities; the planner's problem\n" +
		"(Planner.Problem, every demand, lock and rule of the scenario) is re-weighted and solved with solver.Solve.\n" +
		"Within a seat every non-decreasing link ranks the members alike, so the link changes the plan only\n" +
		"where demands make seats trade against one another.\n\n")
	b.WriteString("P(win) at a margin of (vote-share points)\n")
	margins := []float64{-0.30, -0.20, -0.10, -0.05, 0, 0.05, 0.10, 0.20}
	head := []string{"link"}
	for _, m := range margins {
		head = append(head, fmt.Sprintf("%+.0f", 100*m))
	}
	rows := [][]string{head}
	for _, m := range models {
		row := []string{m.name}
		for _, x := range margins {
			row = append(row, fmt.Sprintf("%.3f", m.link.Prob(x)))
		}
		rows = append(rows, row)
	}
	columns(&b, rows, "lrrrrrrrr")

	b.WriteString("\nThe optimal plan under each link (expected wins and the simulated total use that link's probabilities;\n" +
		"'probit plan' = the expected wins, under this link, of the plan that is optimal under the probit)\n")
	head = []string{"link", "expected", "probit plan", "gain"}
	head = append(head, agents...)
	head = append(head, "SD", "5%", "95%", "P(>= 30)", "seats changed")
	rows = [][]string{head}
	for _, o := range outs {
		count := make([]int, len(agents))
		changed := 0
		for i, a := range o.assign {
			count[a]++
			if a != outs[0].assign[i] {
				changed++
			}
		}
		row := []string{o.name, fmt.Sprintf("%.2f", o.expected), fmt.Sprintf("%.2f", o.probitPlan), fmt.Sprintf("%+.2f", o.expected-o.probitPlan)}
		for _, c := range count {
			row = append(row, fmt.Sprint(c))
		}
		row = append(row, fmt.Sprintf("%.2f", o.sim.SD().Value), fmt.Sprint(o.sim.Quantile(0.05).Value), fmt.Sprint(o.sim.Quantile(0.95).Value),
			fmt.Sprintf("%.3f", o.sim.AtLeast(30).Value), fmt.Sprint(changed))
		rows = append(rows, row)
	}
	columns(&b, rows, strings.Repeat("l", 1)+strings.Repeat("r", len(head)-1))

	for _, o := range outs[1:] {
		var lines []string
		for i, a := range o.assign {
			if a != outs[0].assign[i] {
				lines = append(lines, fmt.Sprintf("  %s %s: %s -> %s", seats[i].ID, seats[i].Name, agents[outs[0].assign[i]], agents[a]))
			}
		}
		if len(lines) == 0 {
			fmt.Fprintf(&b, "\n%s: the same plan as the probit.\n", o.name)
			continue
		}
		fmt.Fprintf(&b, "\n%s changes %d seat(s) from the probit's plan:\n%s\n", o.name, len(lines), strings.Join(lines, "\n"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// columns writes rows (the first is the header) padded to the widest cell
// of each column, aligned left ('l') or right ('r').
func columns(b *strings.Builder, rows [][]string, align string) {
	width := make([]int, len(align))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], len([]rune(c)))
		}
	}
	for _, r := range rows {
		line := make([]string, len(r))
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-len([]rune(c)))
			if align[j] == 'r' {
				line[j] = pad + c
			} else {
				line[j] = c + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(line, "  "), " ") + "\n")
	}
}
