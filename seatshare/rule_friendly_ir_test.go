package seatshare_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/seatshare"
)

// TestIndividualRationalityCountsFriendlyFights checks the individual-
// rationality rule with friendly fights against brute force on tiny
// scenarios (two members A and B, one to three seats, a friendly fight
// allowed everywhere). A member's part of a fight is computed here
// independently: w_A, A's win probability with B contesting alone, comes
// from a planner whose only member is A (and likewise w_B), and A's part
// is w_A * W / (w_A + w_B) for the fight's W. The rule's value alone is the
// sum of w_A over the seats. Brute force maximises the total over every
// assignment in which each member's expected wins, its fights' parts
// included, reach its value alone; the planner's optimum must equal it,
// and its plan's per-party expected wins must pass the rule.
func TestIndividualRationalityCountsFriendlyFights(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 3).Draw(t, "n")
		var b strings.Builder
		b.WriteString("year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n")
		for no := 1; no <= n; no++ {
			votes := make([]int, 4)
			total := 0
			for k, p := range []string{"A", "B", "R", "O"} {
				votes[k] = rapid.IntRange(0, 50000).Draw(t, fmt.Sprintf("votes_%d_%s", no, p))
				total += votes[k]
			}
			valid := total + 1000
			for k, p := range []string{"A", "B", "R", "O"} {
				fmt.Fprintf(&b, "2019,X,%d,PC%d,GEN,%s,%s%d,%d,%d,%d\n", no, no, p, p, no, votes[k], valid, 2*valid)
			}
		}
		text := b.String()
		src := func(int) (*seatshare.Election, error) {
			return seatshare.ReadResults(strings.NewReader(text), "tiny.csv")
		}
		model := seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(rapid.Float64Range(0, 1).Draw(t, "transfer"))},
			Lambda:   ptr(0.0),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: rapid.Float64Range(0.02, 0.2).Draw(t, "sigma")}},
		}
		scenario := func(members ...string) *seatshare.Scenario {
			s := &seatshare.Scenario{Rival: []string{"R"}, Bases: []seatshare.BaseElection{{Year: 2019, Weight: 1}}, Model: model}
			for _, m := range members {
				s.Alliance = append(s.Alliance, seatshare.Member{Party: m})
			}
			return s
		}
		// Each member alone: its probability per seat with the other
		// contesting against it.
		alone := make(map[string][]float64)
		value := make(map[string]float64)
		for _, m := range []string{"A", "B"} {
			pl, err := seatshare.NewPlanner(scenario(m), src)
			if err != nil {
				t.Fatal(err)
			}
			for _, sw := range pl.Seats() {
				alone[m] = append(alone[m], sw.Options[0].W)
				value[m] += sw.Options[0].W
			}
		}
		s := scenario("A", "B")
		s.Friendly = []seatshare.FriendlyFight{{Parties: []string{"A", "B"}}}
		s.Rules = []seatshare.Rule{{Kind: "individual-rationality"}}
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Fatal(err)
		}
		fight := seatshare.FriendlyName("A", "B")
		type choice struct {
			w, a, b float64 // the option's W and A's and B's parts of it
		}
		options := make([][]choice, n)
		for i, sw := range pl.Seats() {
			for _, o := range sw.Options {
				switch o.Party {
				case "A":
					options[i] = append(options[i], choice{o.W, o.W, 0})
				case "B":
					options[i] = append(options[i], choice{o.W, 0, o.W})
				case fight:
					wa, wb := alone["A"][i], alone["B"][i]
					if math.Abs(o.W-min(1, wa+wb)) > 1e-12 {
						t.Fatalf("seat %v: the fight's W %v, want min(1, %v + %v)", sw.ID, o.W, wa, wb)
					}
					c := choice{w: o.W}
					if wa+wb > 0 {
						c.a, c.b = wa*o.W/(wa+wb), wb*o.W/(wa+wb)
					}
					options[i] = append(options[i], c)
				default:
					t.Fatalf("seat %v: unexpected option %s", sw.ID, o.Party)
				}
			}
		}
		best, found := math.Inf(-1), false
		var rec func(i int, w, ea, eb float64)
		rec = func(i int, w, ea, eb float64) {
			if i == n {
				if ea >= value["A"]-seatshare.IRSlack && eb >= value["B"]-seatshare.IRSlack {
					best, found = max(best, w), true
				}
				return
			}
			for _, c := range options[i] {
				rec(i+1, w+c.w, ea+c.a, eb+c.b)
			}
		}
		rec(0, 0, 0, 0)
		plan, err := pl.PlanWith(context.Background(), &seatshare.PlanSettings{NoSwitchCosts: true})
		if !found {
			if !errors.Is(err, seatshare.ErrInfeasible) {
				t.Fatalf("brute force finds no individually rational plan; Plan returns %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("brute force finds %v; Plan returns %v", best, err)
		}
		// The solver scales weights to integers at its default resolution
		// 1e-9, so its optimum is within n of those units of the true one.
		if math.Abs(plan.Expected-best) > float64(n)*1e-9 {
			t.Fatalf("Plan expects %v, brute force %v", plan.Expected, best)
		}
		for _, pp := range plan.Parties {
			if pp.Expected < value[pp.Party]-2*seatshare.IRSlack {
				t.Fatalf("%s expects %v in the plan, %v alone", pp.Party, pp.Expected, value[pp.Party])
			}
		}
		for _, rc := range plan.Fairness {
			if len(rc.Violations) > 0 {
				t.Fatalf("the plan breaks %s: %+v", rc.Name, rc.Violations)
			}
		}
	})
}
