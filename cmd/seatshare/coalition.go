package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/seatshare"
)

// maxJoinTable is the largest number of other members for which coalition
// -join lists v(S) and v(S + PARTY) for every sub-alliance S of them
// (2^6 = 64 rows).
const maxJoinTable = 6

// maxCoreMembers is the largest alliance whose every sub-alliance coalition
// values for the core check: 2^16 values, each a sum of cached per-state
// values when the game adds up over states. Games that do not add up stop
// at seatshare.MaxShapleyMembers, one solve per value.
const maxCoreMembers = 16

func runCoalition(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("coalition", "[flags] [SCENARIO.json]\n\n"+
		"Values the alliance as a cooperative game: v(S) is the best expected wins of the sub-alliance S when\n"+
		"its members share the seats (each where it is a member). Prints each member's value alone, its\n"+
		"Shapley value (exact state by state when no demand crosses a state, exact over every sub-alliance up\n"+
		"to "+fmt.Sprint(seatshare.MaxShapleyMembers)+" members, sampled beyond), what the alliance loses if it leaves, its normalised Banzhaf\n"+
		"index, and whether the Shapley split is in the core (for up to "+fmt.Sprint(maxCoreMembers)+" members). With -join PARTY it\n"+
		"answers \"should we take in PARTY\": what PARTY adds to the alliance and to each sub-alliance.\n"+
		"Without SCENARIO.json it uses the embedded ILLUSTRATIVE Uttar Pradesh scenario.\n"+exitCodes, stderr)
	pf := addPlanFlags(fs)
	demands := fs.Bool("demands", false, "sub-alliances keep the scenario's demands, locks, vetoes and rules among their members (default: no demands)")
	allied := fs.Bool("allied", false, "the members outside a sub-alliance stay allied among themselves (default: they contest alone)")
	samples := fs.Int("samples", 0, "estimate the Shapley values from `N` random orders of the members (0: exact when affordable, else 1000 orders)")
	seed := fs.Uint64("seed", 0, "seed of the sampled orders (0: the scenario's simulation seed)")
	join := fs.String("join", "", "the `PARTY` the alliance considers taking in; added as a member when the scenario does not list it")
	joinStates := fs.String("join-states", "", "with -join, a comma-separated list of the `STATES` where a new member joins (default: all the scenario's states)")
	pos, err := parseArgs(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(pos) > 1 {
		return fail(stderr, "coalition", "", usageError(fmt.Sprintf("want at most one scenario file, got %d arguments", len(pos))))
	}
	if !checkFormat(stderr, "coalition", *pf.format) {
		return exitBadInput
	}
	if *samples < 0 || *samples == 1 {
		return fail(stderr, "coalition", "", usageError(fmt.Sprintf("-samples %d: want 0 or at least 2", *samples)))
	}
	if *joinStates != "" && *join == "" {
		return fail(stderr, "coalition", "", usageError("-join-states needs -join PARTY"))
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	var joinErr error
	edit := func(sc *seatshare.Scenario) {
		sc.Simulation = seatshare.SimulationSpec{Seed: sc.Simulation.Seed}
		if *join != "" {
			joinErr = addMember(sc, *join, *joinStates)
		}
	}
	s, err := load("coalition", file, *pf.data, true, stderr, edit)
	if joinErr != nil {
		err = joinErr
	}
	if err != nil {
		return fail(stderr, "coalition", file, err)
	}
	if *seed == 0 {
		*seed = s.planner.Scenario().Simulation.Seed
	}
	settings := seatshare.CoalitionSettings{WithDemands: *demands}
	if *allied {
		settings.Convention = seatshare.OutsidersAllied
	}
	pr := newProgress(stderr, "coalition")
	rep, err := valueGame(context.Background(), s.planner, settings, *samples, *seed, *join, pr)
	pr.done()
	if err != nil {
		return fail(stderr, "coalition", file, err)
	}
	rep.Illustrative = s.illustrative
	switch *pf.format {
	case "json":
		err = writeJSON(stdout, rep)
	case "csv":
		err = writeMembersCSV(stdout, rep)
	default:
		s.banner(stdout)
		err = writeCoalition(stdout, s.planner.Scenario().Name, rep)
	}
	if err != nil {
		return fail(stderr, "coalition", "", err)
	}
	return exitOK
}

// addMember makes party a member of sc in the comma-separated states (all
// of sc's states when empty), unless it is one already.
func addMember(sc *seatshare.Scenario, party, states string) error {
	if slices.Contains(sc.Rival, party) {
		return usageError(fmt.Sprintf("-join %s: the party is in the scenario's rival bloc", party))
	}
	var in []string
	if states != "" {
		for st := range strings.SplitSeq(states, ",") {
			in = append(in, strings.TrimSpace(st))
		}
	}
	for _, m := range sc.Alliance {
		if m.Party == party {
			if in != nil {
				return usageError(fmt.Sprintf("-join-states: %s is already a member of the scenario's alliance, in the states it lists", party))
			}
			return nil
		}
	}
	sc.Alliance = append(sc.Alliance, seatshare.Member{Party: party, States: in})
	return nil
}

// coalitionReport is the coalition command's result.
type coalitionReport struct {
	Illustrative bool   `json:"illustrative"`
	Game         string `json:"game"`
	// Shapley holds v(all members), each member's value alone and its
	// Shapley value.
	Shapley *seatshare.ShapleyResult `json:"shapley"`
	// Leaving is, per member, v(all) - v(all but the member): what the
	// alliance loses if it leaves.
	Leaving []float64 `json:"leaving"`
	// Banzhaf is the normalised Banzhaf index, per member; nil when it
	// cannot be computed (see Note).
	Banzhaf []float64 `json:"banzhaf,omitempty"`
	// Core checks the Shapley split against every sub-alliance; nil when
	// the alliance is too large. When the split is in the core, Blocking
	// and Excess are those of the proper sub-alliance closest to
	// blocking.
	Core *coreJSON `json:"core,omitempty"`
	// Note says why Banzhaf or Core is missing.
	Note string    `json:"note,omitempty"`
	Join *joinJSON `json:"join,omitempty"`
}

// coreJSON is scoring.CoreCheck with the blocking coalition by name.
type coreJSON struct {
	InCore   bool     `json:"in_core"`
	Surplus  float64  `json:"surplus"`
	Blocking []string `json:"blocking"`
	Excess   float64  `json:"excess"`
}

// joinJSON answers "should we take in Party".
type joinJSON struct {
	Party string `json:"party"`
	// Without and With are v(the others) and v(all members); Gain is
	// their difference.
	Without float64 `json:"without"`
	With    float64 `json:"with"`
	Gain    float64 `json:"gain"`
	// Coalitions lists every sub-alliance of the others with and without
	// Party, when there are at most maxJoinTable others.
	Coalitions []joinRow `json:"coalitions,omitempty"`
}

// joinRow is a sub-alliance S of the others: v(S), v(S + party), gain.
type joinRow struct {
	Members []string `json:"members"`
	V       float64  `json:"v"`
	VWith   float64  `json:"v_with"`
	Gain    float64  `json:"gain"`
}

// valueGame computes the coalition report of the planner's members under
// settings; join, when not "", is a member whose entry asks what it adds.
func valueGame(ctx context.Context, pl *seatshare.Planner, settings seatshare.CoalitionSettings, samples int, seed uint64, join string, pr *progress) (*coalitionReport, error) {
	g, err := pl.Coalitions(settings)
	if err != nil {
		return nil, err
	}
	pr.step("Shapley values of %d members", len(pl.Problem().Agents))
	res, err := shapleyValues(ctx, g, samples, seed)
	if err != nil {
		return nil, err
	}
	rep := &coalitionReport{Game: describeGame(res), Shapley: res}
	members := make([]string, len(res.Values))
	for i, m := range res.Values {
		members[i] = m.Party
	}
	n := len(members)
	all := scoring.GrandCoalition(n)
	var firstErr error
	value := func(s scoring.Coalition) float64 {
		if firstErr != nil || s == 0 {
			return 0
		}
		v, err := g.Value(ctx, namesOf(members, s))
		if err != nil {
			firstErr = fmt.Errorf("coalition %s: %w", coalitionName(members, s), err)
		}
		return v
	}
	for i := range n {
		pr.step("the alliance without %s", members[i])
		rep.Leaving = append(rep.Leaving, res.Total-value(all.Without(i)))
	}
	if firstErr != nil {
		return nil, firstErr
	}
	pr.step("Banzhaf values")
	bz, err := g.Banzhaf(ctx)
	switch {
	case err == nil:
		rep.Banzhaf = bz.Index
		if bz.Index == nil {
			rep.Note = "Banzhaf index omitted: a member lowers some coalition's value, or none ever changes one"
		}
	case errors.Is(err, seatshare.ErrInvalid):
		rep.Note = fmt.Sprintf("Banzhaf index omitted: %d members in a game that does not add up over states", n)
	default:
		return nil, err
	}
	if limit := coreLimit(g); n > limit {
		rep.Note = strings.TrimPrefix(rep.Note+"; ", "; ") + fmt.Sprintf("core check omitted: %d members, more than the %d whose every sub-alliance is valued", n, limit)
	} else {
		pr.step("core check over %d sub-alliances", 1<<n-1)
		// Every sub-alliance's value, once: the core check and the
		// closest proper sub-alliance both read them.
		vals := make([]float64, 1<<n)
		for s := range vals {
			vals[s] = value(scoring.Coalition(s))
		}
		if firstErr != nil {
			return nil, firstErr
		}
		table := func(s scoring.Coalition) float64 { return vals[s] }
		phi := make([]float64, n)
		for i, m := range res.Values {
			phi[i] = m.Shapley
		}
		cc, err := scoring.CheckCore(n, table, phi, coreTolerance)
		if err != nil {
			return nil, err
		}
		rep.Core = &coreJSON{InCore: cc.InCore, Surplus: cc.Surplus, Blocking: namesOf(members, cc.Blocking), Excess: cc.Excess}
		if cc.InCore && n > 1 {
			// The grand coalition's excess is 0 in the core; the margin
			// of stability is the largest excess of a proper sub-alliance.
			c, e := properMaxExcess(n, table, phi)
			rep.Core.Blocking, rep.Core.Excess = namesOf(members, c), e
		}
	}
	if join == "" {
		return rep, nil
	}
	k := slices.Index(members, join)
	if k < 0 {
		return nil, usageError(fmt.Sprintf("-join %s: the party is not a member of the alliance", join))
	}
	j := &joinJSON{Party: join, With: res.Total, Without: value(all.Without(k))}
	j.Gain = j.With - j.Without
	if n-1 <= maxJoinTable {
		others := all.Without(k)
		for s := range scoring.Coalition(1 << n) {
			if s&^others != 0 {
				continue
			}
			pr.step("%s with and without %s", coalitionName(members, s), join)
			v, vw := value(s), value(s.With(k))
			j.Coalitions = append(j.Coalitions, joinRow{Members: namesOf(members, s), V: v, VWith: vw, Gain: vw - v})
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	rep.Join = j
	return rep, nil
}

// properMaxExcess returns the proper sub-alliance with the largest excess
// v(S) - x(S) (the lowest bitmask among equals), and that excess.
func properMaxExcess(n int, v scoring.Game, x []float64) (scoring.Coalition, float64) {
	best, excess := scoring.Coalition(0), math.Inf(-1)
	for s := scoring.Coalition(1); s < scoring.GrandCoalition(n); s++ {
		e := v(s)
		for _, i := range s.Members() {
			e -= x[i]
		}
		if e > excess {
			best, excess = s, e
		}
	}
	return best, excess
}

// coreTolerance absorbs rounding in sums of expected wins.
const coreTolerance = 1e-9

// coreLimit is the largest alliance whose every sub-alliance g values for
// the Banzhaf index and the core check.
func coreLimit(g *seatshare.CoalitionGame) int {
	if g.Additive() {
		return maxCoreMembers
	}
	return seatshare.MaxShapleyMembers
}

// shapleyValues returns the members' Shapley values in g: exact when affordable,
// else (or when samples > 0) from samples random orders (1000 when 0)
// drawn from a PCG stream seeded with seed.
func shapleyValues(ctx context.Context, g *seatshare.CoalitionGame, samples int, seed uint64) (*seatshare.ShapleyResult, error) {
	return g.Shapley(ctx, &seatshare.ShapleySettings{
		Rand: rand.New(rand.NewPCG(seed, 0)), Sample: samples > 0, Permutations: samples,
	})
}

// describeGame states the game and how its Shapley values were computed.
func describeGame(res *seatshare.ShapleyResult) string {
	s := "v(S) = the best expected wins of sub-alliance S when its members share the seats; "
	if res.Convention == seatshare.OutsidersAllied {
		s += "the members outside S stay allied among themselves"
	} else {
		s += "every member outside S contests alone"
	}
	if res.WithDemands {
		s += "; S keeps the scenario's demands among its members"
	} else {
		s += "; no demands"
	}
	if res.Method == seatshare.ShapleySampled {
		return s + fmt.Sprintf("; Shapley values estimated from %d random orders of the members (95%% intervals)", res.Permutations)
	}
	return s + "; Shapley values " + res.Method.String()
}

// namesOf returns the members of s in member order.
func namesOf(members []string, s scoring.Coalition) []string {
	out := []string{}
	for i, m := range members {
		if s.Has(i) {
			out = append(out, m)
		}
	}
	return out
}

// coalitionName writes s as "{SP, INC}".
func coalitionName(members []string, s scoring.Coalition) string {
	return "{" + strings.Join(namesOf(members, s), ", ") + "}"
}

// writeShapley writes the members' Shapley values for people.
func writeShapley(w io.Writer, res *seatshare.ShapleyResult) error {
	fmt.Fprintf(w, "\nShapley values of the members (average marginal contribution in expected wins; alone = v({party}))\n  %s\n", describeGame(res))
	sampled := res.Method == seatshare.ShapleySampled
	head := []string{"party", "alone", "Shapley"}
	if sampled {
		head = append(head, "95% interval")
	}
	out := [][]string{head}
	for _, m := range res.Values {
		row := []string{m.Party, fmt.Sprintf("%.2f", m.Alone), fmt.Sprintf("%.2f", m.Shapley)}
		if sampled {
			row = append(row, fmt.Sprintf("[%.2f, %.2f]", m.Interval.Lo, m.Interval.Hi))
		}
		out = append(out, row)
	}
	return columns(w, out, "lrrl")
}

// writeCoalition writes the coalition report for people.
func writeCoalition(w io.Writer, name string, rep *coalitionReport) error {
	if name == "" {
		name = "(unnamed scenario)"
	}
	res := rep.Shapley
	fmt.Fprintf(w, "Coalition game of the alliance: %s\n  %s\n", name, rep.Game)
	fmt.Fprintf(w, "v(all %d members) = %.2f expected seats\n\n", len(res.Values), res.Total)
	fmt.Fprintln(w, "Members (alone = v({party}); Shapley = average marginal contribution; leaving costs = v(all) - v(all but the party);")
	fmt.Fprintln(w, "Banzhaf = normalised Banzhaf index, the party's share of all marginal contributions)")
	sampled := res.Method == seatshare.ShapleySampled
	head := []string{"party", "alone", "Shapley"}
	align := "lrr"
	if sampled {
		head, align = append(head, "95% interval"), align+"l"
	}
	head, align = append(head, "leaving costs"), align+"r"
	if rep.Banzhaf != nil {
		head, align = append(head, "Banzhaf"), align+"r"
	}
	rows := [][]string{head}
	for i, m := range res.Values {
		row := []string{m.Party, fmt.Sprintf("%.2f", m.Alone), fmt.Sprintf("%.2f", m.Shapley)}
		if sampled {
			row = append(row, fmt.Sprintf("[%.2f, %.2f]", m.Interval.Lo, m.Interval.Hi))
		}
		row = append(row, fmt.Sprintf("%.2f", rep.Leaving[i]))
		if rep.Banzhaf != nil {
			row = append(row, fmt.Sprintf("%.3f", rep.Banzhaf[i]))
		}
		rows = append(rows, row)
	}
	total := []string{"total", "", fmt.Sprintf("%.2f", res.Total)}
	rows = append(rows, append(total, make([]string, len(head)-len(total))...))
	if err := columns(w, rows, align); err != nil {
		return err
	}
	fmt.Fprintln(w)
	alone := 0.0
	for _, m := range res.Values {
		alone += m.Alone
	}
	if rep.Note != "" {
		fmt.Fprintln(w, strings.ToUpper(rep.Note[:1])+rep.Note[1:]+".")
	}
	switch c := rep.Core; {
	case c == nil:
		// Too many members; the note says so.
	case c.InCore:
		fmt.Fprintf(w, "Core: the Shapley split is in the core: no sub-alliance wins more on its own than the split gives\n"+
			"its members (the closest is {%s}, %.2f seats short of its share).\n", strings.Join(c.Blocking, ", "), -c.Excess)
	case alone > res.Total+coreTolerance:
		fmt.Fprintf(w, "Core: empty. The members' values alone add up to %.2f, more than the %.2f of all of them together,\n"+
			"so every split leaves some member better off alone; the most-blocking is {%s}, %.2f seats above its\n"+
			"Shapley share. (Each value alone is scored in its own election, where the member's chances in a seat\n"+
			"need not leave room for the other members'.)\n", alone, res.Total, strings.Join(c.Blocking, ", "), c.Excess)
	default:
		fmt.Fprintf(w, "Core: the Shapley split is NOT in the core: {%s} would win %.2f seats more on its own than the\n"+
			"split gives its members.\n", strings.Join(c.Blocking, ", "), c.Excess)
	}
	if rep.Join == nil {
		return nil
	}
	j := rep.Join
	if j.Coalitions != nil {
		fmt.Fprintf(w, "\nWhat %s adds to each sub-alliance S of the other members (expected seats)\n", j.Party)
		rows := [][]string{{"S", "v(S)", "v(S+" + j.Party + ")", j.Party + " adds"}}
		for _, r := range j.Coalitions {
			rows = append(rows, []string{"{" + strings.Join(r.Members, ", ") + "}", fmt.Sprintf("%.2f", r.V), fmt.Sprintf("%.2f", r.VWith), fmt.Sprintf("%+.2f", r.Gain)})
		}
		if err := columns(w, rows, "lrrr"); err != nil {
			return err
		}
	}
	verdict := "adds"
	if j.Gain < 0 {
		verdict = "costs"
	}
	phi := res.Values[slices.IndexFunc(res.Values, func(m seatshare.MemberValue) bool { return m.Party == j.Party })].Shapley
	_, err := fmt.Fprintf(w, "\nVerdict: v(all) - v(all but %s) = %.2f - %.2f = %+.2f expected seats: taking in %s %s %.2f seats.\n"+
		"Its Shapley value, %.2f, is the share of the total its contribution would justify.\n",
		j.Party, j.With, j.Without, j.Gain, j.Party, verdict, math.Abs(j.Gain), phi)
	return err
}

// writeMembersCSV writes the members' table as CSV.
func writeMembersCSV(w io.Writer, rep *coalitionReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"party", "alone", "shapley", "lo", "hi", "leaving_costs", "banzhaf"})
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for i, m := range rep.Shapley.Values {
		lo, hi := m.Shapley, m.Shapley
		if m.Interval != nil {
			lo, hi = m.Interval.Lo, m.Interval.Hi
		}
		bz := ""
		if rep.Banzhaf != nil {
			bz = num(rep.Banzhaf[i])
		}
		cw.Write([]string{m.Party, num(m.Alone), num(m.Shapley), num(lo), num(hi), num(rep.Leaving[i]), bz})
	}
	cw.Flush()
	return cw.Error()
}
