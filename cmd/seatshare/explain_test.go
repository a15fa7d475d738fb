package main

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/coalitionlab/alliance/seatshare/illustrative"
)

var (
	fuzzOnce sync.Once
	fuzzPl   *seatshare.Planner
	fuzzPlan *seatshare.Plan
	fuzzErr  error
)

// fuzzPlanner plans the embedded illustrative scenario once for the fuzz
// targets.
func fuzzPlanner() (*seatshare.Planner, *seatshare.Plan, error) {
	fuzzOnce.Do(func() {
		sc, err := illustrative.Scenario()
		if err != nil {
			fuzzErr = err
			return
		}
		sc.Simulation = seatshare.SimulationSpec{}
		if fuzzPl, fuzzErr = seatshare.NewPlanner(sc, illustrative.Election); fuzzErr != nil {
			return
		}
		fuzzPlan, fuzzErr = fuzzPl.Plan(context.Background())
	})
	return fuzzPl, fuzzPlan, fuzzErr
}

// FuzzFindSeat checks that any -seat argument either names a seat by its
// state and number (digits only; leading zeros allowed) or by its name in
// any case, or is a usage error; it never panics.
func FuzzFindSeat(f *testing.F) {
	for _, s := range []string{"Uttar Pradesh/36", "rae bareli", "Uttar Pradesh/0", "Uttar Pradesh/-1", "/", "Uttar Pradesh/", "/36", "Bihar/1", "Uttar Pradesh/99999999999999999999", "AMETHI"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		pl, _, err := fuzzPlanner()
		if err != nil {
			t.Fatal(err)
		}
		k, err := findSeat(pl, arg)
		if err != nil {
			if _, ok := err.(usageError); !ok {
				t.Fatalf("findSeat(%q): error %T %v, want a usageError", arg, err, err)
			}
			return
		}
		sw := pl.Seats()[k]
		byNumber := false
		if i := strings.LastIndexByte(arg, '/'); i > 0 && allDigits(arg[i+1:]) {
			no, err := strconv.Atoi(arg[i+1:])
			byNumber = err == nil && arg[:i] == sw.ID.State && no == sw.ID.No
		}
		if !byNumber && !strings.EqualFold(sw.Name, arg) {
			t.Fatalf("findSeat(%q) = %v %s", arg, sw.ID, sw.Name)
		}
	})
}

// FuzzFindConstraint checks that any -demand argument either names one
// constraint by field or name, or is a usage error.
func FuzzFindConstraint(f *testing.F) {
	for _, s := range []string{"rules[0]", "demands[0]", "lock SP in Uttar Pradesh/35 LUCKNOW (won it in 2019)", "", "rules[", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		_, plan, err := fuzzPlanner()
		if err != nil {
			t.Fatal(err)
		}
		i, err := findConstraint(plan, arg)
		if err != nil {
			if _, ok := err.(usageError); !ok {
				t.Fatalf("findConstraint(%q): error %T %v, want a usageError", arg, err, err)
			}
			return
		}
		if c := plan.Constraints[i]; c.Field != arg && c.Name != arg {
			t.Fatalf("findConstraint(%q) = %s %q", arg, c.Field, c.Name)
		}
	})
}
