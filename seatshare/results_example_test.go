package seatshare_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/coalitionlab/alliance/seatshare"
)

func ExampleReadResults() {
	// Two constituencies, made up for the example. valid_votes includes
	// NOTA, so the candidates' votes fall short of it by the NOTA count.
	const results = `year,state,pc_no,pc_name,reserved,party,candidate,votes,valid_votes,electors
2019,Uttar Pradesh,1,ALPHA,GEN,SP,SOMEONE,41000,100000,160000
2019,Uttar Pradesh,1,ALPHA,GEN,BJP,ANOTHER,52000,100000,160000
2019,Uttar Pradesh,1,ALPHA,GEN,IND,"KUMAR, RAM",4000,100000,160000
2019,Uttar Pradesh,1,ALPHA,GEN,IND,"KUMAR, RAM",2000,100000,160000
2019,Uttar Pradesh,2,BETA,SC,BSP,THIRD,61000,90000,150000
2019,Uttar Pradesh,2,BETA,SC,BJP,FOURTH,28000,90000,150000
`
	e, err := seatshare.ReadResults(strings.NewReader(results), "example.csv")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range e.Constituencies {
		w, _ := c.Winner()
		fmt.Printf("%v %s (%v): %s won with %.1f%%, NOTA %d, %d candidates\n",
			c.ID(), c.Name, c.Reserved, w.Party, 100*c.Share(w.Party), c.NOTA(), len(c.Candidates))
	}
	fmt.Println(e.WinsByParty("Uttar Pradesh"))

	// A bad row is reported with its file, line and column.
	_, err = seatshare.ReadResults(strings.NewReader(strings.Replace(results, "28000", "-28000", 1)), "example.csv")
	fmt.Println(err)
	// Output:
	// Uttar Pradesh/1 ALPHA (GEN): BJP won with 52.0%, NOTA 1000, 4 candidates
	// Uttar Pradesh/2 BETA (SC): BSP won with 67.8%, NOTA 1000, 2 candidates
	// map[BJP:1 BSP:1]
	// seatshare: invalid input: example.csv:7: field votes: -28000 is negative
}
