package seatshare_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gonum.org/v1/gonum/stat/distuv"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
)

func TestCoalitionValues(t *testing.T) {
	ctx := context.Background()
	s := readScenarioFile(t, "small.json")
	pl, err := seatshare.NewPlanner(s, smallSource)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := pl.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The grand coalition with its demands is the plan itself.
	v, err := pl.CoalitionValue(ctx, []string{"A", "B", "C"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(v-plan.Expected) > 1e-9 {
		t.Errorf("v(A,B,C) with demands = %v, plan's expected wins %v", v, plan.Expected)
	}
	// Dropping every demand can only gain.
	free, err := pl.CoalitionValue(ctx, []string{"C", "B", "A"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if free < v-1e-9 {
		t.Errorf("v without demands %v < v with demands %v", free, v)
	}
	// C is a member only in Beta: alone it contests Beta's 2 seats, with
	// A and B against it there.
	c, err := pl.CoalitionValue(ctx, []string{"C"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if c <= 0 || c > 2 {
		t.Errorf("v(C) = %v, want in (0, 2]", c)
	}
	if v0, err := pl.CoalitionValue(ctx, nil, false); err != nil || v0 != 0 {
		t.Errorf("v(empty) = %v, %v; want 0, nil", v0, err)
	}
	if _, err := pl.CoalitionValue(ctx, []string{"A", "R"}, false); !errors.Is(err, seatshare.ErrInvalid) {
		t.Errorf("v(A, R) error = %v, want ErrInvalid (R is not a member)", err)
	}
	// Shapley values add up to v(N) - v(empty) and C's alone value
	// matches.
	phi, err := pl.Shapley(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, m := range phi {
		sum += m.Shapley
	}
	if math.Abs(sum-free) > 1e-9 {
		t.Errorf("Shapley values sum to %v, v(N) = %v", sum, free)
	}
	if phi[2].Party != "C" || math.Abs(phi[2].Alone-c) > 1e-12 {
		t.Errorf("phi[2] = %+v, want C alone %v", phi[2], c)
	}
}

// oneSeat is a Source of one seat X/1 with the given vote shares (of
// 100,000 valid votes).
func oneSeat(shares map[string]int) seatshare.Source {
	var b strings.Builder
	b.WriteString("year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n")
	for _, p := range []string{"A", "B", "C", "R"} {
		if v, ok := shares[p]; ok {
			b.WriteString("2019,X,1,ONE,GEN," + p + "," + strings.ToLower(p) + "," + strconv.Itoa(v*1000) + ",100000,200000\n")
		}
	}
	text := b.String()
	return func(int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(text), "one.csv")
	}
}

// TestCoalitionConventionsByHand checks v(S) in one seat against hand
// computations under both conventions.
func TestCoalitionConventionsByHand(t *testing.T) {
	// A 30, B 20, C 15, R 25 (points); every transfer rate 0.5, lambda 0,
	// probit sigma 0.1.
	src := oneSeat(map[string]int{"A": 30, "B": 20, "C": 15, "R": 25})
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A"}, {Party: "B"}, {Party: "C"}},
		Rival:    []string{"R"},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.5)},
			Lambda:   ptr(0.0),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.1}},
		},
	}
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		t.Fatal(err)
	}
	phi := func(m float64) float64 { return distuv.UnitNormal.CDF(m / 0.1) }
	tests := []struct {
		name       string
		reason     string
		convention seatshare.Convention
		members    []string
		want       float64
	}{
		{"A alone", "A .30 against R .25, B .20 and C .15", seatshare.OutsidersAlone, []string{"A"}, phi(0.05)},
		{"A against allied B+C", "B leads the outsiders: .20 + .5*.15 = .275 beats R", seatshare.OutsidersAllied, []string{"A"}, phi(0.025)},
		{"B alone", "B .20 against A .30 contesting alone", seatshare.OutsidersAlone, []string{"B"}, phi(-0.10)},
		{"B against allied A+C", "A leads: .30 + .5*.15 = .375", seatshare.OutsidersAllied, []string{"B"}, phi(-0.175)},
		{"A+B", "A with B's half: .40 against R .25", seatshare.OutsidersAlone, []string{"A", "B"}, phi(0.15)},
		{"A+B, one outsider", "a single outsider contests alone under either convention", seatshare.OutsidersAllied, []string{"A", "B"}, phi(0.15)},
		{"all", "A with .5*(.20+.15): .475 against R .25", seatshare.OutsidersAllied, []string{"A", "B", "C"}, phi(0.225)},
		{"none", "the empty coalition is worth 0", seatshare.OutsidersAllied, nil, 0},
	}
	for _, tt := range tests {
		g, err := pl.Coalitions(seatshare.CoalitionSettings{Convention: tt.convention})
		if err != nil {
			t.Fatal(err)
		}
		got, err := g.Value(context.Background(), tt.members)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-8)); diff != "" {
			t.Errorf("%s (%s): v mismatch (-want +got):\n%s", tt.name, tt.reason, diff)
		}
	}
}

// TestGainCanBeNegative shows that taking in a party can lower v under
// OutsidersAlone: with no transfer and every untransferred vote going to
// the rival, B's voters only feed R.
func TestGainCanBeNegative(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		transfer float64
		lambda   float64
		negative bool
	}{
		{"leaky", "tau 0, lambda 1: B's 10 points go to R, A's margin falls from -.05 to -.15", 0, 1, true},
		{"loyal", "tau 1: B's 10 points go to A", 1, 1, false},
		{"balanced", "tau = lambda*(1-tau) at tau 1/3, lambda 1/2: no loss", 1.0 / 3, 0.5, false},
	}
	for _, tt := range tests {
		s := &seatshare.Scenario{
			Alliance: []seatshare.Member{{Party: "A"}, {Party: "B"}},
			Rival:    []string{"R"},
			Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
			Model: seatshare.ModelSpec{
				Transfer: &seatshare.TransferSpec{Default: ptr(tt.transfer)},
				Lambda:   ptr(tt.lambda),
				Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.1}},
			},
		}
		pl, err := seatshare.NewPlanner(s, oneSeat(map[string]int{"A": 40, "B": 10, "R": 45}))
		if err != nil {
			t.Fatal(err)
		}
		g, err := pl.Coalitions(seatshare.CoalitionSettings{})
		if err != nil {
			t.Fatal(err)
		}
		gain, err := g.Gain(context.Background(), []string{"A"}, "B")
		if err != nil {
			t.Fatal(err)
		}
		if got := gain < -1e-9; got != tt.negative {
			t.Errorf("%s (%s): gain %v, negative = %v, want %v", tt.name, tt.reason, gain, got, tt.negative)
		}
	}
}

func TestCoalitionErrors(t *testing.T) {
	pl, err := seatshare.NewPlanner(readScenarioFile(t, "small.json"), smallSource)
	if err != nil {
		t.Fatal(err)
	}
	g, err := pl.Coalitions(seatshare.CoalitionSettings{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tests := []struct {
		name   string
		reason string
		call   func() error
		field  string
	}{
		{"value-unknown", "R is the rival, not a member", func() error { _, err := g.Value(ctx, []string{"A", "R"}); return err }, "members[1]"},
		{"gain-unknown-coalition", "Z is nobody", func() error { _, err := g.Gain(ctx, []string{"Z"}, "A"); return err }, "members[0]"},
		{"gain-unknown-party", "R is not a member", func() error { _, err := g.Gain(ctx, []string{"A"}, "R"); return err }, "party"},
		{"gain-member-twice", "A is already in", func() error { _, err := g.Gain(ctx, []string{"A", "B"}, "A"); return err }, "party"},
		{"convention", "there are two conventions", func() error {
			_, err := pl.Coalitions(seatshare.CoalitionSettings{Convention: 7})
			return err
		}, "convention"},
		{"sample-without-rand", "sampling needs a caller's Rand", func() error {
			_, err := g.Shapley(ctx, &seatshare.ShapleySettings{Sample: true})
			return err
		}, "settings.rand"},
	}
	for _, tt := range tests {
		err := tt.call()
		var se *seatshare.ScenarioError
		if !errors.As(err, &se) || !errors.Is(err, seatshare.ErrInvalid) {
			t.Errorf("%s (%s): error %v, want a *ScenarioError", tt.name, tt.reason, err)
			continue
		}
		if se.Field != tt.field {
			t.Errorf("%s (%s): field %q, want %q", tt.name, tt.reason, se.Field, tt.field)
		}
	}
}

// members returns the names of the members of c among A, B, C.
func members(c scoring.Coalition) []string {
	var out []string
	for i, m := range []string{"A", "B", "C"} {
		if c.Has(i) {
			out = append(out, m)
		}
	}
	return out
}

// TestPropCoalitionMatchesRebuild checks the fast v(S) (the planner's
// problem restricted to S) against a planner rebuilt from S's restricted
// scenario, for every sub-alliance of generated scenarios.
func TestPropCoalitionMatchesRebuild(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Skip(err)
		}
		withDemands := rapid.Bool().Draw(t, "withDemands")
		g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: withDemands})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for c := scoring.Coalition(1); c < 8; c++ {
			want, werr := g.RebuiltValue(ctx, c)
			if errors.Is(werr, seatshare.ErrInvalid) {
				// The restricted scenario itself is invalid (a min larger
				// than S's seats, a separate state where S has none).
				continue
			}
			got, gerr := g.Value(ctx, members(c))
			if (werr != nil) != (gerr != nil) {
				t.Fatalf("v(%v): fast error %v, rebuilt error %v", members(c), gerr, werr)
			}
			if werr != nil {
				if !errors.Is(gerr, seatshare.ErrInfeasible) || !errors.Is(werr, seatshare.ErrInfeasible) {
					t.Fatalf("v(%v): errors %v and %v, want both infeasible", members(c), gerr, werr)
				}
				continue
			}
			if math.Abs(got-want) > 1e-6 {
				t.Fatalf("v(%v) = %v, rebuilt %v", members(c), got, want)
			}
		}
	})
}

// TestPropShapley checks, on generated scenarios under both conventions:
// the values add up to v(A) - v(empty); when the game is additive, the
// state-by-state exact values equal the all-subsets values of the game
// solved over every seat at once; and sampled values bracket the exact
// ones.
func TestPropShapley(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := drawGame(t)
		ctx := context.Background()
		res, err := g.Shapley(ctx, nil)
		skipUndefined(t, err)
		sum := 0.0
		for _, v := range res.Values {
			sum += v.Shapley
		}
		if math.Abs(sum-res.Total) > 1e-9 {
			t.Fatalf("values sum to %v, v(A) = %v", sum, res.Total)
		}
		if want := g.Additive(); (res.Method == seatshare.ShapleyByState) != want {
			t.Fatalf("method %v for an additive = %v game", res.Method, want)
		}
		whole, err := scoring.Shapley(3, wholeGame(t, g))
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range res.Values {
			if math.Abs(v.Shapley-whole[i]) > 1e-6 {
				t.Fatalf("%s: %v by %v, %v over all subsets of the whole game", v.Party, v.Shapley, res.Method, whole[i])
			}
		}
		sampled, err := g.Shapley(ctx, &seatshare.ShapleySettings{Rand: rand.New(rand.NewPCG(1, 2)), Sample: true, Permutations: 200, Confidence: 0.999999})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range sampled.Values {
			// Three players have 6 orders, so 200 samples cover each one;
			// the interval at 1 - 1e-6 holds the exact value except with
			// negligible probability, and the seed is fixed.
			if v.Interval == nil || whole[i] < v.Interval.Lo-1e-9 || whole[i] > v.Interval.Hi+1e-9 {
				t.Fatalf("%s: sampled %+v (interval %+v) misses the exact %v", v.Party, v, v.Interval, whole[i])
			}
		}
	})
}

// drawGame draws a generated scenario's coalition game under either
// convention, with or without demands; it skips scenarios whose planner
// cannot be built.
func drawGame(t *rapid.T) *seatshare.CoalitionGame {
	s, src := genCase(t)
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		t.Skip(err)
	}
	cs := seatshare.CoalitionSettings{
		Convention:  rapid.SampledFrom([]seatshare.Convention{seatshare.OutsidersAlone, seatshare.OutsidersAllied}).Draw(t, "convention"),
		WithDemands: rapid.Bool().Draw(t, "withDemands"),
	}
	g, err := pl.Coalitions(cs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// skipUndefined skips a drawn game that a sub-alliance makes undefined
// (its demands cannot be met, or its restricted scenario is invalid) and
// fails the test on any other error.
func skipUndefined(t *rapid.T, err error) {
	if errors.Is(err, seatshare.ErrInfeasible) || errors.Is(err, seatshare.ErrInvalid) {
		t.Skip("a sub-alliance's demands cannot be met, or its restricted scenario is invalid:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// wholeGame is g solved over every seat at once, without the
// state-by-state decomposition, as a scoring.Game of the three members.
func wholeGame(t *rapid.T, g *seatshare.CoalitionGame) scoring.Game {
	return func(c scoring.Coalition) float64 {
		v, err := g.WholeValue(context.Background(), c)
		if err != nil {
			t.Fatalf("v(%v) over every seat: %v", members(c), err)
		}
		return v
	}
}

// TestPropBanzhaf checks, on generated scenarios under both conventions,
// that the members' Banzhaf values equal scoring.Banzhaf over the game
// solved over every seat at once, by whichever method the game allows,
// and that the index adds up to 1.
func TestPropBanzhaf(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := drawGame(t)
		ctx := context.Background()
		res, err := g.Banzhaf(ctx)
		skipUndefined(t, err)
		if want := g.Additive(); (res.Method == seatshare.ShapleyByState) != want {
			t.Fatalf("method %v for an additive = %v game", res.Method, want)
		}
		whole, err := scoring.Banzhaf(3, wholeGame(t, g))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(whole, res.Raw, cmpopts.EquateApprox(0, 1e-6)); diff != "" {
			t.Fatalf("raw Banzhaf by %v (-all subsets of the whole game +got):\n%s", res.Method, diff)
		}
		sum := 0.0
		for _, x := range res.Index {
			sum += x
		}
		if res.Index != nil && math.Abs(sum-1) > 1e-9 {
			t.Fatalf("index %v adds up to %v", res.Index, sum)
		}
		negative := slices.ContainsFunc(res.Raw, func(x float64) bool { return x < 0 })
		if allZero := !slices.ContainsFunc(res.Raw, func(x float64) bool { return x != 0 }); (res.Index == nil) != (negative || allZero) {
			t.Fatalf("index %v for raw values %v", res.Index, res.Raw)
		}
	})
}

// TestPropMonotone checks when taking in a party cannot lower v under
// OutsidersAlone without demands: adding X moves a candidate's margin by
// at least s(X)*(tau - lambda*(1 - tau)) (X's voters transfer at tau, X no
// longer opposes, and at most lambda of the rest reach the rival), so v is
// monotone whenever tau >= lambda/(1 + lambda). TestGainCanBeNegative
// shows it is not in general.
func TestPropMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, src := genCase(t)
		tau := *s.Model.Transfer.Default
		if lam := *s.Model.Lambda; tau*(1+lam) < lam {
			s.Model.Lambda = ptr(tau / (1 - tau + 1e-12) * rapid.Float64Range(0, 1).Draw(t, "lambdaScale"))
			if *s.Model.Lambda > 1 {
				s.Model.Lambda = ptr(1.0)
			}
		}
		pl, err := seatshare.NewPlanner(s, src)
		if err != nil {
			t.Skip(err)
		}
		g, err := pl.Coalitions(seatshare.CoalitionSettings{})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for c := scoring.Coalition(0); c < 8; c++ {
			for x, party := range []string{"A", "B", "C"} {
				if c.Has(x) {
					continue
				}
				gain, err := g.Gain(ctx, members(c), party)
				if err != nil {
					t.Fatal(err)
				}
				if gain < -1e-6 {
					t.Fatalf("taking %s into %v loses %v (tau %v, lambda %v)", party, members(c), -gain, tau, *s.Model.Lambda)
				}
			}
		}
	})
}

// TestShapleySampledWhenLarge checks the path for a game that does not
// add up over states (a nationwide demand) with more than
// MaxShapleyMembers members: it needs a Rand, samples with intervals, and
// its values still add up to v(all members).
func TestShapleySampledWhenLarge(t *testing.T) {
	const n = seatshare.MaxShapleyMembers + 1
	var b strings.Builder
	b.WriteString("year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors\n")
	s := &seatshare.Scenario{
		Rival: []string{"R"},
		Bases: []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.6)},
			Lambda:   ptr(0.2),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.08}},
		},
	}
	for k := range n {
		party := "P" + strconv.Itoa(k)
		s.Alliance = append(s.Alliance, seatshare.Member{Party: party})
		for _, st := range []string{"X", "Y"} {
			b.WriteString("2019," + st + ",1,ONE,GEN," + party + ",c," + strconv.Itoa(1000+500*k) + ",100000,200000\n")
		}
	}
	b.WriteString("2019,X,1,ONE,GEN,R,r,40000,100000,200000\n2019,Y,1,ONE,GEN,R,r,45000,100000,200000\n")
	// P0 wants one of the two seats: a demand across the states.
	s.Demands = []seatshare.Demand{{Party: "P0", Min: 1}}
	text := b.String()
	pl, err := seatshare.NewPlanner(s, func(int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(text), "large.csv")
	})
	if err != nil {
		t.Fatal(err)
	}
	g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: true})
	if err != nil {
		t.Fatal(err)
	}
	if g.Additive() {
		t.Fatal("a nationwide demand, yet the game is additive")
	}
	ctx := context.Background()
	if _, err := g.Shapley(ctx, nil); !errors.Is(err, seatshare.ErrInvalid) {
		t.Fatalf("without a Rand: %v, want ErrInvalid", err)
	}
	res, err := g.Shapley(ctx, &seatshare.ShapleySettings{Rand: rand.New(rand.NewPCG(3, 4)), Permutations: 40})
	if err != nil {
		t.Fatal(err)
	}
	if res.Method != seatshare.ShapleySampled {
		t.Fatalf("method %v, want sampled", res.Method)
	}
	sum := 0.0
	for _, v := range res.Values {
		sum += v.Shapley
		if v.Interval == nil || v.Interval.Lo > v.Shapley || v.Interval.Hi < v.Shapley {
			t.Errorf("%s: %v with interval %+v", v.Party, v.Shapley, v.Interval)
		}
	}
	if math.Abs(sum-res.Total) > 1e-9 {
		t.Errorf("values sum to %v, v(all) = %v", sum, res.Total)
	}
}

// TestCoalitionGameConcurrent asks one game for every value from several
// goroutines at once (run with -race) and compares with a fresh game.
func TestCoalitionGameConcurrent(t *testing.T) {
	pl, err := seatshare.NewPlanner(readScenarioFile(t, "small.json"), smallSource)
	if err != nil {
		t.Fatal(err)
	}
	cs := seatshare.CoalitionSettings{Convention: seatshare.OutsidersAllied}
	shared, err := pl.Coalitions(cs)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	got := make([][8]float64, 4)
	done := make(chan error, len(got))
	for w := range got {
		go func() {
			for c := scoring.Coalition(1); c < 8; c++ {
				v, err := shared.Value(ctx, members(c))
				if err != nil {
					done <- err
					return
				}
				got[w][c] = v
			}
			done <- nil
		}()
	}
	for range got {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	fresh, err := pl.Coalitions(cs)
	if err != nil {
		t.Fatal(err)
	}
	for c := scoring.Coalition(1); c < 8; c++ {
		want, err := fresh.Value(ctx, members(c))
		if err != nil {
			t.Fatal(err)
		}
		for w := range got {
			if got[w][c] != want {
				t.Errorf("goroutine %d: v(%v) = %v, want %v", w, members(c), got[w][c], want)
			}
		}
	}
}

// TestCoalitionRationalityInOneState is the regression case of a rapid
// failure: when a member's individual-rationality row lies in one state,
// the game still adds up over states, and that state's solve must keep the
// row. A and B are allied in S1 only, where each alone expects more than
// half of the two seats, so no split of S1 is individually rational for
// both: v({A, B}) must be infeasible, as the rebuilt planner finds, while
// C's state S2 keeps the game additive.
func TestCoalitionRationalityInOneState(t *testing.T) {
	const results = `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,S1,1,PC1,GEN,A,A1,100,310,600
2019,S1,1,PC1,GEN,B,B1,100,310,600
2019,S1,1,PC1,GEN,C,C1,10,310,600
2019,S1,1,PC1,GEN,R,R1,100,310,600
2019,S1,2,PC2,GEN,A,A2,100,310,600
2019,S1,2,PC2,GEN,B,B2,100,310,600
2019,S1,2,PC2,GEN,R,R2,100,310,600
2019,S2,1,PC1,GEN,C,C3,150,310,600
2019,S2,1,PC1,GEN,R,R3,150,310,600
`
	src := func(int) (*seatshare.Election, error) {
		return seatshare.ReadResults(strings.NewReader(results), "regression.csv")
	}
	s := &seatshare.Scenario{
		Alliance: []seatshare.Member{{Party: "A", States: []string{"S1"}}, {Party: "B", States: []string{"S1"}}, {Party: "C", States: []string{"S2"}}},
		Rival:    []string{"R"},
		Bases:    []seatshare.BaseElection{{Year: 2019, Weight: 1}},
		Model: seatshare.ModelSpec{
			Transfer: &seatshare.TransferSpec{Default: ptr(0.5)},
			Lambda:   ptr(0.0),
			Link:     &seatshare.LinkSpec{Probit: &seatshare.ProbitSpec{Sigma: 0.1}},
		},
		Rules: []seatshare.Rule{{Kind: "individual-rationality"}},
	}
	pl, err := seatshare.NewPlanner(s, src)
	if err != nil {
		t.Fatal(err)
	}
	g, err := pl.Coalitions(seatshare.CoalitionSettings{WithDemands: true})
	if err != nil {
		t.Fatal(err)
	}
	if !g.Additive() {
		t.Fatal("the game does not add up over states; the case needs it to")
	}
	ctx := context.Background()
	ab := scoring.Coalition(0).With(0).With(1)
	_, rerr := g.RebuiltValue(ctx, ab)
	v, err := g.Value(ctx, []string{"A", "B"})
	if !errors.Is(rerr, seatshare.ErrInfeasible) || !errors.Is(err, seatshare.ErrInfeasible) {
		t.Fatalf("v({A, B}) = %v, %v; rebuilt: %v; want both infeasible", v, err, rerr)
	}
}
