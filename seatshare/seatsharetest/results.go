// Package seatsharetest provides rapid generators of seatshare values,
// for property tests of code built on package seatshare, in the way
// net/http/httptest serves net/http. Every generated value is valid: an
// Election passes seatshare.Election.Validate.
//
// Generated elections are small by default (up to 3 states of up to 4
// seats, up to 6 candidates a seat) so that rapid shrinks failures to a
// readable case.
//
// Scenario and ScenarioWith draw whole planning cases (a scenario with its
// election), so that a fairness rule of one's own can be stated as a
// property in a few lines: "for every scenario, the optimal plan under my
// rule satisfies my rule" (plan with seatshare.PlanSettings.Rules and call
// the rule's Check), or "my rule is monotone in a party's strength" (compare
// a case with Case.Strengthen's copy). See the seatshare package's
// Example_customRule.
package seatsharetest

import (
	"fmt"
	"slices"

	"github.com/coalitionlab/alliance/seatshare"
	"pgregory.net/rapid"
)

// Config bounds the elections the generators draw. Each field's zero
// value means the default given in its comment.
type Config struct {
	// States is the largest number of states; 0 means 3.
	States int
	// Seats is the largest number of seats per state; 0 means 4.
	Seats int
	// Parties are the party labels candidates are drawn from (besides
	// independents); nil means P1, P2, P3, P4, P5. Labels must be valid
	// (not empty, not seatshare.Independent, no surrounding space).
	Parties []string
	// Always are parties (among Parties) that field a candidate in every
	// seat.
	Always []string
	// Candidates is the largest number of candidates per seat; 0 means 6.
	// A seat may exceed it to fit the Always parties.
	Candidates int
	// Independents reports whether independents may stand.
	Independents bool
	// MaxValidVotes is the largest number of valid votes in a seat; 0
	// means 100000.
	MaxValidVotes int64
}

func (c Config) withDefaults() Config {
	if c.States <= 0 {
		c.States = 3
	}
	if c.Seats <= 0 {
		c.Seats = 4
	}
	if c.Parties == nil {
		c.Parties = []string{"P1", "P2", "P3", "P4", "P5"}
	}
	if c.Candidates <= 0 {
		c.Candidates = 6
	}
	if c.MaxValidVotes <= 0 {
		c.MaxValidVotes = 100000
	}
	return c
}

// Election returns a generator of elections held in year, drawn with the
// default Config and independents.
func Election(year int) *rapid.Generator[*seatshare.Election] {
	return ElectionWith(Config{Independents: true}, year)
}

// ElectionWith returns a generator of elections held in year, drawn
// within c.
func ElectionWith(c Config, year int) *rapid.Generator[*seatshare.Election] {
	return rapid.Custom(func(t *rapid.T) *seatshare.Election {
		return ElectionsWith(c, year).Draw(t, "elections")[0]
	})
}

// Elections returns a generator of one election per year, all with the
// same constituencies (identities, names and categories), drawn with the
// default Config and independents. Use it to draw base elections for
// seatshare.EstimateStrength, or use Bases.
func Elections(years ...int) *rapid.Generator[[]*seatshare.Election] {
	return ElectionsWith(Config{Independents: true}, years...)
}

// ElectionsWith returns a generator of one election per year, all with
// the same constituencies, drawn within c. It panics if years is empty
// or c names an invalid label: those are programming mistakes.
func ElectionsWith(c Config, years ...int) *rapid.Generator[[]*seatshare.Election] {
	if len(years) == 0 {
		panic("seatsharetest: no years")
	}
	c = c.withDefaults()
	if len(c.Parties) == 0 && !c.Independents {
		panic("seatsharetest: no parties and no independents")
	}
	for _, p := range c.Parties {
		if p == "" || p == seatshare.Independent {
			panic(fmt.Sprintf("seatsharetest: invalid party label %q", p))
		}
	}
	for _, p := range c.Always {
		if !slices.Contains(c.Parties, p) {
			panic(fmt.Sprintf("seatsharetest: Always party %q is not in Parties", p))
		}
	}
	return rapid.Custom(func(t *rapid.T) []*seatshare.Election {
		skeleton := drawSeats(t, c)
		out := make([]*seatshare.Election, len(years))
		for y, year := range years {
			e := &seatshare.Election{Year: year, Constituencies: slices.Clone(skeleton)}
			for i := range e.Constituencies {
				drawResult(t, c, &e.Constituencies[i])
			}
			e.Sort()
			out[y] = e
		}
		return out
	})
}

// drawSeats draws the constituencies without results.
func drawSeats(t *rapid.T, c Config) []seatshare.Constituency {
	states := rapid.IntRange(1, c.States).Draw(t, "states")
	var seats []seatshare.Constituency
	for s := range states {
		state := fmt.Sprintf("State %c", 'A'+s)
		n := rapid.IntRange(1, c.Seats).Draw(t, "seats")
		for no := 1; no <= n; no++ {
			seats = append(seats, seatshare.Constituency{
				State:    state,
				No:       no,
				Name:     fmt.Sprintf("SEAT %c%d", 'A'+s, no),
				Reserved: rapid.SampledFrom([]seatshare.Category{seatshare.General, seatshare.SC, seatshare.ST}).Draw(t, "reserved"),
			})
		}
	}
	return seats
}

// drawResult draws the valid votes, electors and candidates of seat.
func drawResult(t *rapid.T, c Config, seat *seatshare.Constituency) {
	seat.ValidVotes = rapid.Int64Range(1, c.MaxValidVotes).Draw(t, "validVotes")
	seat.Electors = seat.ValidVotes + rapid.Int64Range(0, seat.ValidVotes).Draw(t, "extraElectors")
	parties := rapid.Permutation(c.Parties).Draw(t, "parties")
	// Always parties first, then a drawn number of others.
	slices.SortStableFunc(parties, func(a, b string) int {
		return boolRank(slices.Contains(c.Always, a)) - boolRank(slices.Contains(c.Always, b))
	})
	n := rapid.IntRange(max(1, len(c.Always)), max(c.Candidates, len(c.Always))).Draw(t, "candidates")
	var labels []string
	next := 0 // in parties
	for k := range n {
		switch {
		case k < len(c.Always):
			labels = append(labels, parties[next])
			next++
		case c.Independents && rapid.Bool().Draw(t, "independent"):
			labels = append(labels, seatshare.Independent)
		case next < len(parties):
			labels = append(labels, parties[next])
			next++
		}
	}
	if len(labels) == 0 { // no parties to draw from: an independent stands
		labels = append(labels, seatshare.Independent)
	}
	// Votes: weights scaled to the valid votes, with a weight for NOTA,
	// so the candidates' votes sum to at most ValidVotes.
	weights := make([]int64, len(labels))
	nota := rapid.Int64Range(0, 100).Draw(t, "notaWeight")
	total := nota
	for k := range weights {
		weights[k] = rapid.Int64Range(0, 1000).Draw(t, "weight")
		total += weights[k]
	}
	seat.Candidates = make([]seatshare.Candidate, len(labels))
	for k, label := range labels {
		votes := int64(0)
		if total > 0 {
			votes = seat.ValidVotes * weights[k] / total
		}
		seat.Candidates[k] = seatshare.Candidate{
			Party: label,
			Name:  fmt.Sprintf("CANDIDATE %s %d %d", seat.State[len(seat.State)-1:], seat.No, k+1),
			Votes: votes,
		}
	}
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}
