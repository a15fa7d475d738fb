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
// and logistic, field model.link); a link of your own goes in through
// seatshare.NewPlannerWith and seatshare.PlannerSettings.Link. The planner
// then uses it everywhere: the optimal plan, every demand's price, the
// switch costs, the simulated total under the scenario's copula, and
// Planner.Evaluate, which here scores the probit's plan under each link.
// Every plan says which link it used ("link: custom (...)" in its Model
// line), so a custom model is never silent.
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
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/coalitionlab/alliance/examples/internal/cli"
	"github.com/coalitionlab/alliance/examples/internal/textout"
	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
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
	cli.Exit(run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv)))
}

// model is a named link; a nil link is the scenario's own.
type model struct {
	name string
	link scoring.Link
}

// outcome is one link's optimal plan, and the probit's plan scored under
// that link.
type outcome struct {
	plan   *seatshare.Plan
	probit *seatshare.Evaluation
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
	// INC's claim to the seats it won in 2009 and three more, a hard
	// bargaining position: a binding demand makes the plan trade seats
	// against one another, which is where the link's shape matters. (Its
	// bare 2009 claim does not bind on the illustrative data.) Without a
	// binding demand every non-decreasing link picks the member with the
	// largest margin in each seat, and all links give the same plan.
	e2009, err := src(2009)
	if err != nil {
		return err
	}
	claim := e2009.WinsByParty("Uttar Pradesh")["INC"] + 3
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name: fmt.Sprintf("INC's claim: at least %d seats, the %d it won in 2009 and 3 more", claim, claim-3), Party: "INC",
		SeatSet: seatshare.SeatSet{State: "Uttar Pradesh"}, Min: claim,
	})
	base, err := seatshare.NewPlanner(sc, src)
	if err != nil {
		return err
	}
	sigma := base.Scenario().Model.Link.Probit.Sigma // the calibrated default, filled by NewPlanner
	models := []model{
		{fmt.Sprintf("probit, sigma %g (the scenario's)", sigma), nil},
		{fmt.Sprintf("Student's t, 3 df, scale %g", sigma), StudentT{Sigma: sigma, Nu: 3}},
		{fmt.Sprintf("skewed: sigma %.3g below 0, %.3g above", 2*sigma, sigma/2), Skewed{Below: 2 * sigma, Above: sigma / 2}},
	}
	var outs []outcome
	for _, m := range models {
		pl := base
		if m.link != nil {
			if pl, err = seatshare.NewPlannerWith(sc, src, &seatshare.PlannerSettings{Link: m.link, LinkName: m.name}); err != nil {
				return fmt.Errorf("custommodel: %s: %w", m.name, err)
			}
		}
		plan, err := pl.Plan(ctx)
		if err != nil {
			return fmt.Errorf("custommodel: %s: %w", m.name, err)
		}
		o := outcome{plan: plan}
		if len(outs) > 0 {
			pins := make([]seatshare.Pin, len(outs[0].plan.Seats))
			for i, s := range outs[0].plan.Seats {
				pins[i] = seatshare.Pin{State: s.ID.State, No: s.ID.No, Party: s.Party}
			}
			if o.probit, err = pl.Evaluate(ctx, pins); err != nil {
				return fmt.Errorf("custommodel: %s: the probit's plan: %w", m.name, err)
			}
		}
		outs = append(outs, o)
	}
	return write(w, *data == "", sc, models, outs)
}

func write(w io.Writer, illus bool, sc *seatshare.Scenario, models []model, outs []outcome) error {
	var b strings.Builder
	if illus {
		b.WriteString("*** ILLUSTRATIVE: synthetic Uttar Pradesh results, NOT real. Set SEATSHARE_DATA or -data DIR for the real results. ***\n")
	}
	fmt.Fprintf(&b, "Your own win-probability model: %s\n", sc.Name)
	for _, d := range sc.Demands {
		fmt.Fprintf(&b, "Demand: %s\n", d.Name)
	}
	b.WriteString("Each link turns the same margins into win probabilities inside the planner\n" +
		"(seatshare.NewPlannerWith with PlannerSettings.Link); every demand, lock and rule of the scenario holds.\n" +
		"Within a seat every non-decreasing link ranks the members alike, so the link changes the plan only\n" +
		"where demands make seats trade against one another.\n\n")
	b.WriteString("P(win) at a margin of (vote-share points)\n")
	margins := []float64{-0.30, -0.20, -0.10, -0.05, 0, 0.05, 0.10, 0.20}
	head := []string{"link"}
	for _, m := range margins {
		head = append(head, fmt.Sprintf("%+.0f", 100*m))
	}
	rows := [][]string{head}
	probit := scoring.Probit{Sigma: outs[0].plan.Model.Link.Probit.Sigma}
	for _, m := range models {
		l := m.link
		if l == nil {
			l = probit
		}
		row := []string{m.name}
		for _, x := range margins {
			row = append(row, fmt.Sprintf("%.3f", l.Prob(x)))
		}
		rows = append(rows, row)
	}
	textout.Columns(&b, rows, "lrrrrrrrr")

	b.WriteString("\nThe planner's optimal plan under each link (expected wins, the demand's price and the simulated total\n" +
		"use that link's probabilities; 'probit plan' = the expected wins, under this link, of the plan that\n" +
		"is optimal under the probit, from Planner.Evaluate)\n")
	head = []string{"link (Model line of the plan)", "expected", "probit plan", "gain"}
	for _, pp := range outs[0].plan.Parties {
		head = append(head, pp.Party)
	}
	head = append(head, "INC claim price", "SD", "5%", "95%", fmt.Sprintf("P(>= %d)", sc.Target), "seats changed")
	rows = [][]string{head}
	for _, o := range outs {
		p := o.plan
		label := "link: custom (" + p.CustomLink + ")"
		if p.CustomLink == "" {
			label = "probit sigma " + fmt.Sprint(p.Model.Link.Probit.Sigma)
		}
		probitPlan, changed := p.Expected, 0
		if o.probit != nil {
			probitPlan, changed = o.probit.Expected, o.probit.Differences
		}
		row := []string{label, fmt.Sprintf("%.2f", p.Expected), fmt.Sprintf("%.2f", probitPlan), fmt.Sprintf("%+.5f", p.Expected-probitPlan)}
		for _, pp := range p.Parties {
			row = append(row, fmt.Sprint(pp.Seats))
		}
		price := "-"
		for _, c := range p.Constraints {
			if c.Field == fmt.Sprintf("demands[%d]", len(sc.Demands)-1) {
				price = fmt.Sprintf("%.2f", c.Dropped)
			}
		}
		sim := p.Simulation
		row = append(row, price, fmt.Sprintf("%.2f", sim.SD.Value), quantile(sim, 0.05), quantile(sim, 0.95),
			fmt.Sprintf("%.3f", sim.AtLeastTarget.Value), fmt.Sprint(changed))
		rows = append(rows, row)
	}
	textout.Columns(&b, rows, strings.Repeat("l", 1)+strings.Repeat("r", len(head)-1))

	for k, o := range outs[1:] {
		var lines []string
		for _, s := range o.probit.Seats {
			if s.Party != s.Optimal {
				lines = append(lines, fmt.Sprintf("  %s %s: %s (P %.3f) -> %s (P %.3f)", s.ID, s.Name, s.Party, s.W, s.Optimal, s.OptimalW))
			}
		}
		name := models[k+1].name
		if len(lines) == 0 {
			fmt.Fprintf(&b, "\n%s: the same plan as the probit.\n", name)
			continue
		}
		fmt.Fprintf(&b, "\n%s changes %d seat(s) from the probit's plan, gaining %.5f expected wins under its own link\n(P under this link):\n%s\n", name, len(lines), o.probit.Gap, strings.Join(lines, "\n"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quantile returns the simulated total's quantile at level, "-" when the
// plan does not report it.
func quantile(sim *seatshare.SimulationSummary, level float64) string {
	for _, q := range sim.Quantiles {
		if q.Level == level {
			return fmt.Sprint(q.Value)
		}
	}
	return "-"
}
