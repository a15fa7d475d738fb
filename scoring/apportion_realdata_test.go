package scoring_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
)

// nationalResult is one Lok Sabha election summed nationally: each party's
// votes and the constituencies its candidates won.
type nationalResult struct {
	parties []string
	votes   []int64
	won     []int
}

// readNational reads a candidate-level results file of the schema in
// $SEATSHARE_DATA/README.md (rows sorted by constituency, winner first).
func readNational(path string) (*nationalResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := make(map[string]int)
	for i, h := range header {
		col[h] = i
	}
	for _, c := range []string{"state", "pc_no", "party", "votes"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: no column %q", path, c)
		}
	}
	votes := make(map[string]int64)
	won := make(map[string]int)
	last := ""
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseInt(rec[col["votes"]], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: votes: %v", path, line, err)
		}
		p := rec[col["party"]]
		votes[p] += v
		if pc := rec[col["state"]] + "/" + rec[col["pc_no"]]; pc != last {
			won[p]++ // the first row of each constituency is its winner
			last = pc
		}
	}
	n := &nationalResult{}
	for p := range votes {
		n.parties = append(n.parties, p)
	}
	slices.Sort(n.parties)
	for _, p := range n.parties {
		n.votes = append(n.votes, votes[p])
		n.won = append(n.won, won[p])
	}
	return n, nil
}

// TestRealLokSabha compares first-past-the-post results with proportional
// apportionments of the same national votes. It needs the real data: set
// SEATSHARE_DATA to the directory of ls20XX_candidates.csv.
func TestRealLokSabha(t *testing.T) {
	dir := os.Getenv("SEATSHARE_DATA")
	if dir == "" {
		t.Skip("SEATSHARE_DATA unset: no real data")
	}
	for _, year := range []int{2009, 2014, 2019} {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			n, err := readNational(filepath.Join(dir, fmt.Sprintf("ls%d_candidates.csv", year)))
			if err != nil {
				t.Fatal(err)
			}
			house := 0
			for _, w := range n.won {
				house += w
			}
			if house != 543 {
				t.Fatalf("%d constituencies, want 543", house)
			}
			fptp, err := scoring.Gallagher(n.votes, n.won)
			if err != nil {
				t.Fatal(err)
			}
			enpVotes, _ := scoring.EffectiveParties(n.votes)
			enpSeats, _ := scoring.EffectiveParties(n.won)
			// Duverger's mechanical effect: plurality shrinks the field.
			if enpSeats >= enpVotes {
				t.Errorf("effective parties by seats %.2f >= by votes %.2f", enpSeats, enpVotes)
			}
			t.Logf("first past the post: Gallagher %.2f points, effective parties %.2f by votes, %.2f by seats", 100*fptp, enpVotes, enpSeats)
			s := &scoring.ApportionSettings{TieBreak: scoring.LowerIndex}
			for _, m := range []scoring.Method{scoring.Hamilton, scoring.SainteLague, scoring.DHondt} {
				a, err := scoring.Apportion(m, n.votes, house, s)
				if err != nil {
					t.Fatal(err)
				}
				g, err := scoring.Gallagher(n.votes, a.Seats)
				if err != nil {
					t.Fatal(err)
				}
				if g >= fptp {
					t.Errorf("%v: Gallagher %.4f not below first past the post's %.4f", m, g, fptp)
				}
				q, err := scoring.CheckQuota(n.votes, a.Seats)
				if err != nil {
					t.Fatal(err)
				}
				if m == scoring.Hamilton && len(q) > 0 {
					t.Errorf("Hamilton violates quota on real data: %v", q)
				}
				t.Logf("%v: Gallagher %.2f points, %d quota violations", m, 100*g, len(q))
			}
		})
	}
}
