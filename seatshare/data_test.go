package seatshare

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// openData loads the real results for year, skipping the test when
// SEATSHARE_DATA is not set.
func openData(tb testing.TB, year int) *Election {
	tb.Helper()
	e, err := OpenData(year)
	if errors.Is(err, ErrNoData) {
		tb.Skipf("%s not set; skipping the real-data test", DataEnv)
	}
	if err != nil {
		tb.Fatalf("OpenData(%d): %v", year, err)
	}
	return e
}

// upAlliance2019 is the 2019 SP+BSP+RLD alliance in Uttar Pradesh.
var upAlliance2019 = Alliance{
	Name:    "UP 2019 SP+BSP+RLD",
	Members: []string{"SP", "BSP", "RLD"},
	States:  []string{"Uttar Pradesh"},
}

func TestRealWins(t *testing.T) {
	tests := []struct {
		name   string
		year   int
		state  string
		seats  int
		want   map[string]int // only these parties are compared
		reason string
	}{
		{
			name: "UP 2019", year: 2019, state: "Uttar Pradesh", seats: 80,
			want:   map[string]int{"BJP": 62, "BSP": 10, "SP": 5, "ADAL": 2, "INC": 1},
			reason: "published 2019 result; these are all 80 seats",
		},
		{
			name: "UP 2009", year: 2009, state: "Uttar Pradesh", seats: 80,
			want:   map[string]int{"INC": 21},
			reason: "INC's 22nd UP seat came in a by-election, which the file leaves out",
		},
		{name: "India 2009", year: 2009, seats: 543, want: map[string]int{"BJP": 116, "INC": 206}, reason: "published totals"},
		{name: "India 2014", year: 2014, seats: 543, want: map[string]int{"BJP": 282, "INC": 44}, reason: "published totals"},
		{name: "India 2019", year: 2019, seats: 543, want: map[string]int{"BJP": 303, "INC": 52}, reason: "published totals"},
	}
	elections := make(map[int]*Election)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := elections[tt.year]
			if e == nil {
				e = openData(t, tt.year)
				elections[tt.year] = e
			}
			wins := e.WinsByParty(tt.state)
			total := 0
			got := make(map[string]int)
			for p, n := range wins {
				total += n
				if _, ok := tt.want[p]; ok {
					got[p] = n
				}
			}
			if total != tt.seats {
				t.Errorf("seats in %q = %d, want %d", tt.state, total, tt.seats)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("WinsByParty(%q) mismatch (-want +got) (%s):\n%s", tt.state, tt.reason, diff)
			}
		})
	}
}
