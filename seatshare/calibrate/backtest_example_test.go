package calibrate_test

import (
	"fmt"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/calibrate"
)

// Two seats: in the later election the alliance's partner INC stands down
// for SP in seat 1, and both stand in seat 2.
func ExampleNewBacktest() {
	seat := func(no int, votes map[string]int64) seatshare.Constituency {
		c := seatshare.Constituency{State: "Uttar Pradesh", No: no, Name: fmt.Sprint("SEAT ", no), ValidVotes: 1000, Electors: 1600}
		for _, party := range []string{"BJP", "SP", "INC", "BSP"} {
			if v, ok := votes[party]; ok {
				c.Candidates = append(c.Candidates, seatshare.Candidate{Party: party, Name: party + " candidate", Votes: v})
			}
		}
		return c
	}
	base := &seatshare.Election{Year: 2014, Constituencies: []seatshare.Constituency{
		seat(1, map[string]int64{"BJP": 420, "SP": 300, "INC": 150, "BSP": 100}),
		seat(2, map[string]int64{"BJP": 380, "SP": 250, "INC": 120, "BSP": 200}),
	}}
	later := &seatshare.Election{Year: 2019, Constituencies: []seatshare.Constituency{
		seat(1, map[string]int64{"BJP": 450, "SP": 470}),
		seat(2, map[string]int64{"BJP": 500, "SP": 250, "INC": 60, "BSP": 150}),
	}}
	base.Sort()
	later.Sort()
	b, err := calibrate.NewBacktest(calibrate.Pair{
		Base: base, Later: later,
		Blocs: calibrate.Blocs{
			Alliance: []calibrate.Member{{Party: "SP"}, {Party: "INC"}},
			Rival:    []calibrate.Member{{Party: "BJP"}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := b.Predict(nil, calibrate.Params{Scale: 0.217, Transfer: 0.643}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range b.Seats {
		m, _ := s.Margin(0.643, 0)
		fmt.Printf("%v: %s with partners %d, margin %+.3f, P(win) %.3f, won %v\n", s.ID, s.Parties[0], len(s.Partners), m, p[i], s.Won)
	}
	// Output:
	// Uttar Pradesh/1: SP with partners 1, margin -0.024, P(win) 0.457, won true
	// Uttar Pradesh/2: SP with partners 0, margin -0.130, P(win) 0.275, won false
}
