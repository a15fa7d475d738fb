package seatshare_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
)

func ExampleEstimateStrength() {
	// Made-up results for two seats. In 2014 everyone stood; in 2019 SP
	// and BSP were allied, BSP standing in seat 1 and SP in seat 2.
	const r2014 = `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2014,UP,1,ONE,GEN,BJP,A,45,100,150
2014,UP,1,ONE,GEN,SP,B,25,100,150
2014,UP,1,ONE,GEN,BSP,C,20,100,150
2014,UP,2,TWO,GEN,BJP,D,40,100,150
2014,UP,2,TWO,GEN,SP,E,35,100,150
2014,UP,2,TWO,GEN,BSP,F,15,100,150
`
	const r2019 = `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,UP,1,ONE,GEN,BJP,A,50,100,150
2019,UP,1,ONE,GEN,BSP,C,45,100,150
2019,UP,2,TWO,GEN,BJP,D,48,100,150
2019,UP,2,TWO,GEN,SP,E,50,100,150
`
	read := func(csv, name string) *seatshare.Election {
		e, err := seatshare.ReadResults(strings.NewReader(csv), name)
		if err != nil {
			log.Fatal(err)
		}
		return e
	}
	st, err := seatshare.EstimateStrength([]seatshare.Base{
		{Election: read(r2014, "2014.csv"), Weight: 0.4},
		{Election: read(r2019, "2019.csv"), Weight: 0.6, Alliances: []seatshare.Alliance{
			{Name: "SP+BSP", Members: []string{"SP", "BSP"}, States: []string{"UP"}},
		}},
	}, nil)
	if err != nil {
		log.Fatal(err)
	}
	// Seat 1: BSP's 45% in 2019 is divided 25:20 between SP and BSP (their
	// 2014 shares there), giving SP 25% and BSP 20%; averaged with 2014's
	// identical shares, they stay so. BJP stood both times: observed.
	for i, id := range st.Seats() {
		for j, p := range st.Parties() {
			c := st.Cell(i, j)
			fmt.Printf("%v %-3s %.3f %v\n", id, p, c.Share, c.Flags)
		}
	}
	// Output:
	// UP/1 BJP 0.480 observed
	// UP/1 BSP 0.200 split-seat
	// UP/1 SP  0.250 split-seat
	// UP/2 BJP 0.448 observed
	// UP/2 BSP 0.150 split-seat
	// UP/2 SP  0.350 split-seat
}
