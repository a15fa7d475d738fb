package scoring_test

import (
	"errors"
	"math/big"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/coalitionlab/alliance/scoring"
	"github.com/coalitionlab/alliance/scoring/scoringtest"
)

// fataler is the part of *testing.T and *rapid.T the helpers use.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// validResults returns every valid result of Apportion, sorted: the one
// result, or all alternatives of a tie. It returns the error for invalid
// input or no apportionment.
func validResults(t fataler, m scoring.Method, votes []int64, house int, th *big.Rat) ([][]int, error) {
	t.Helper()
	a, err := scoring.Apportion(m, votes, house, &scoring.ApportionSettings{Threshold: th})
	var te *scoring.TieError
	switch {
	case errors.As(err, &te):
		var all [][]int
		for r := range te.All() {
			all = append(all, r)
		}
		if len(all) < 2 {
			t.Fatalf("Apportion(%v, %v, %d) reported a tie with %d results", m, votes, house, len(all))
		}
		slices.SortFunc(all, slices.Compare)
		return all, nil
	case err != nil:
		return nil, err
	}
	return [][]int{a.Seats}, nil
}

// textbookDivisor returns the divisor of the (s+1)-th seat of method m as a
// rational, squared for Huntington-Hill, written from the textbook
// definitions independently of the package's scaled integers.
func textbookDivisor(m scoring.Method, s int) *big.Rat {
	r := new(big.Rat)
	switch m {
	case scoring.DHondt:
		return r.SetInt64(int64(s) + 1)
	case scoring.SainteLague:
		return r.SetFrac64(2*int64(s)+1, 2)
	case scoring.ModifiedSainteLague:
		if s == 0 {
			return r.SetFrac64(7, 10)
		}
		return r.SetFrac64(2*int64(s)+1, 2)
	case scoring.HuntingtonHill:
		return r.SetInt64(int64(s) * int64(s+1))
	case scoring.Adams:
		return r.SetInt64(int64(s))
	}
	panic("not a divisor method")
}

// naiveResults computes the valid results of m by listing every seat's
// priority (votes over divisor, squared for Huntington-Hill; +inf for a zero
// divisor) and taking the house highest, with big.Rat and no heap, and
// naiveHamilton for Hamilton. Parties below the threshold or without votes
// get nothing. It returns nil when no apportionment exists.
func naiveResults(m scoring.Method, votes []int64, house int, th *big.Rat) [][]int {
	total := int64(0)
	for _, v := range votes {
		total += v
	}
	var q []int
	for i, v := range votes {
		if v > 0 && (th == nil || big.NewRat(v, total).Cmp(th) >= 0) {
			q = append(q, i)
		}
	}
	if len(q) == 0 {
		return nil
	}
	if m == scoring.Hamilton {
		return naiveHamilton(votes, q, house)
	}
	type entry struct {
		party int
		inf   bool
		p     *big.Rat
	}
	var es []entry
	for _, i := range q {
		w := big.NewRat(votes[i], 1)
		if m == scoring.HuntingtonHill {
			w.Mul(w, w)
		}
		for s := 0; s < house; s++ {
			d := textbookDivisor(m, s)
			if d.Sign() == 0 {
				es = append(es, entry{party: i, inf: true})
				continue
			}
			es = append(es, entry{party: i, p: new(big.Rat).Quo(w, d)})
		}
	}
	cmpEntry := func(a, b entry) int {
		switch {
		case a.inf && b.inf:
			return 0
		case a.inf:
			return -1
		case b.inf:
			return 1
		}
		return b.p.Cmp(a.p)
	}
	slices.SortStableFunc(es, cmpEntry)
	if (m == scoring.Adams || m == scoring.HuntingtonHill) && house < len(q) {
		return nil
	}
	if house == 0 {
		return [][]int{make([]int, len(votes))}
	}
	cut := es[house-1]
	base := make([]int, len(votes))
	var tied []int
	for _, e := range es {
		switch c := cmpEntry(e, cut); {
		case c < 0:
			base[e.party]++
		case c == 0:
			tied = append(tied, e.party)
		}
	}
	k := house
	for _, s := range base {
		k -= s
	}
	return choose(base, tied, k)
}

// naiveHamilton is Hamilton's method on the qualifying parties q with
// big.Rat quotas.
func naiveHamilton(votes []int64, q []int, house int) [][]int {
	var total int64
	for _, i := range q {
		total += votes[i]
	}
	base := make([]int, len(votes))
	rem := make(map[int]*big.Rat)
	left := house
	for _, i := range q {
		quota := big.NewRat(votes[i]*int64(house), total)
		fl := new(big.Int).Quo(quota.Num(), quota.Denom())
		base[i] = int(fl.Int64())
		left -= base[i]
		rem[i] = new(big.Rat).Sub(quota, new(big.Rat).SetInt(fl))
	}
	order := slices.Clone(q)
	slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
	if left == 0 {
		return [][]int{base}
	}
	cut := rem[order[left-1]]
	var tied []int
	for _, i := range order {
		switch c := rem[i].Cmp(cut); {
		case c > 0:
			base[i]++
			left--
		case c == 0:
			tied = append(tied, i)
		}
	}
	return choose(base, tied, left)
}

// choose returns base plus one seat for each of every k-subset of tied,
// sorted.
func choose(base []int, tied []int, k int) [][]int {
	var out [][]int
	var rec func(start, k int, cur []int)
	rec = func(start, k int, cur []int) {
		if k == 0 {
			out = append(out, slices.Clone(cur))
			return
		}
		for i := start; i <= len(tied)-k; i++ {
			cur[tied[i]]++
			rec(i+1, k-1, cur)
			cur[tied[i]]--
		}
	}
	rec(0, k, slices.Clone(base))
	slices.SortFunc(out, slices.Compare)
	return out
}

// threshold draws no threshold half the time, else a share in [0, 1/2].
func threshold(t *rapid.T) *big.Rat {
	if !rapid.Bool().Draw(t, "hasThreshold") {
		return nil
	}
	return big.NewRat(rapid.Int64Range(0, 50).Draw(t, "thresholdPercent"), 100)
}

func TestApportionMatchesNaive(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.Method().Draw(t, "m")
		votes := scoringtest.Votes(1, 7, 12).Draw(t, "votes")
		house := scoringtest.House(0, 15).Draw(t, "house")
		th := threshold(t)
		got, err := validResults(t, m, votes, house, th)
		want := naiveResults(m, votes, house, th)
		if want == nil {
			if !errors.Is(err, scoring.ErrNoApportionment) {
				t.Fatalf("Apportion(%v, %v, %d, %v) error = %v, want ErrNoApportionment", m, votes, house, th, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Apportion(%v, %v, %d, %v): %v", m, votes, house, th, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Apportion(%v, %v, %d, %v) valid results mismatch (-naive +got):\n%s", m, votes, house, th, diff)
		}
	})
}

func TestSeatsSumToHouse(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.Method().Draw(t, "m")
		votes := scoringtest.Votes(1, 10, 1000).Draw(t, "votes")
		house := scoringtest.House(0, 60).Draw(t, "house")
		th := threshold(t)
		all, err := validResults(t, m, votes, house, th)
		if errors.Is(err, scoring.ErrNoApportionment) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			sum := 0
			for _, s := range r {
				sum += s
			}
			if sum != house {
				t.Fatalf("seats %v sum to %d, want house %d", r, sum, house)
			}
		}
	})
}

func TestNoApportionmentWhenFewerSeatsThanParties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := rapid.SampledFrom([]scoring.Method{scoring.Adams, scoring.HuntingtonHill}).Draw(t, "m")
		votes := scoringtest.Votes(1, 10, 100).Draw(t, "votes")
		house := scoringtest.House(0, 20).Draw(t, "house")
		withVotes := 0
		for _, v := range votes {
			if v > 0 {
				withVotes++
			}
		}
		_, err := validResults(t, m, votes, house, nil)
		var ne *scoring.NoApportionmentError
		if got, want := errors.As(err, &ne), house < withVotes; got != want {
			t.Fatalf("Apportion(%v, %v, %d): error %v; want no apportionment: %v", m, votes, house, err, want)
		}
		if ne != nil && (ne.Parties != withVotes || ne.House != house) {
			t.Fatalf("NoApportionmentError = %+v, want Parties %d House %d", ne, withVotes, house)
		}
	})
}

func TestHamiltonMeetsQuota(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.Votes(1, 10, 1000).Draw(t, "votes")
		house := scoringtest.House(0, 60).Draw(t, "house")
		all, err := validResults(t, scoring.Hamilton, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			if v, err := scoring.CheckQuota(votes, r); err != nil || len(v) > 0 {
				t.Fatalf("Hamilton(%v, %d) = %v violates quota: %v %v", votes, house, r, v, err)
			}
		}
	})
}

func TestDHondtMeetsLowerQuota(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.Votes(1, 10, 1000).Draw(t, "votes")
		house := scoringtest.House(0, 60).Draw(t, "house")
		all, err := validResults(t, scoring.DHondt, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			v, err := scoring.CheckQuota(votes, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range v {
				if x.Lower() {
					t.Fatalf("D'Hondt(%v, %d) = %v violates lower quota: %v", votes, house, r, x)
				}
			}
		}
	})
}

func TestAdamsMeetsUpperQuota(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		votes := scoringtest.PositiveVotes(1, 10, 1000).Draw(t, "votes")
		house := scoringtest.House(len(votes), 60).Draw(t, "house")
		all, err := validResults(t, scoring.Adams, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			v, err := scoring.CheckQuota(votes, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range v {
				if !x.Lower() {
					t.Fatalf("Adams(%v, %d) = %v violates upper quota: %v", votes, house, r, x)
				}
			}
		}
	})
}

// roundsTo reports whether s is a valid rounding of votes/d under method m
// (d squared for Huntington-Hill): the textbook rounding point between s-1
// and s is at most the quotient and the one between s and s+1 at least it.
func roundsTo(m scoring.Method, votes int64, s int, d *big.Rat) bool {
	q := new(big.Rat).Quo(big.NewRat(votes, 1), d)
	if m == scoring.HuntingtonHill {
		q.Mul(q, big.NewRat(votes, 1)) // votes²/d² = (votes/d)²
	}
	if q.Cmp(textbookDivisor(m, s)) > 0 {
		return false
	}
	return s == 0 || textbookDivisor(m, s-1).Cmp(q) <= 0
}

func TestDivisorCertificate(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.DivisorMethod().Draw(t, "m")
		votes := scoringtest.Votes(1, 8, 50).Draw(t, "votes")
		house := scoringtest.House(0, 40).Draw(t, "house")
		a, err := scoring.Apportion(m, votes, house, &scoring.ApportionSettings{TieBreak: scoring.LowerIndex})
		if errors.Is(err, scoring.ErrNoApportionment) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		all, err := validResults(t, m, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(all, func(r []int) bool { return slices.Equal(r, a.Seats) }) {
			t.Fatalf("tie-broken result %v not among the valid results %v", a.Seats, all)
		}
		if (a.Tie != nil) != (len(all) > 1) {
			t.Fatalf("Tie = %v with %d valid results", a.Tie, len(all))
		}
		// Every valid result, tied or not, rounds votes/Divisor.
		for _, r := range all {
			for i, v := range votes {
				if v > 0 && !roundsTo(m, v, r[i], a.Divisor) {
					t.Fatalf("%v: party %d: %d seats is not a rounding of %d/%s", m, i, r[i], v, a.Divisor.RatString())
				}
			}
			bad, err := scoring.CheckDivisor(m, votes, r, a.Divisor)
			if err != nil || len(bad) > 0 {
				t.Fatalf("CheckDivisor(%v, %v, %v, %s) = %v, %v; want none", m, votes, r, a.Divisor.RatString(), bad, err)
			}
		}
	})
}

func TestDivisorHouseMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.DivisorMethod().Draw(t, "m")
		votes := scoringtest.PositiveVotes(1, 8, 30).Draw(t, "votes")
		house := scoringtest.House(len(votes), 30).Draw(t, "house")
		small, err := validResults(t, m, votes, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		big, err := validResults(t, m, votes, house+1, nil)
		if err != nil {
			t.Fatal(err)
		}
		leq := func(x, y []int) bool {
			for i := range x {
				if x[i] > y[i] {
					return false
				}
			}
			return true
		}
		for _, x := range small {
			if !slices.ContainsFunc(big, func(y []int) bool { return leq(x, y) }) {
				t.Fatalf("%v: result %v at house %d has no result above it at house %d: %v", m, x, house, house+1, big)
			}
		}
		for _, y := range big {
			if !slices.ContainsFunc(small, func(x []int) bool { return leq(x, y) }) {
				t.Fatalf("%v: result %v at house %d has no result below it at house %d: %v", m, y, house+1, house, small)
			}
		}
	})
}

func TestDivisorPopulationMonotone(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.DivisorMethod().Draw(t, "m")
		n := rapid.IntRange(2, 6).Draw(t, "n")
		before := scoringtest.PositiveVotes(n, n, 40).Draw(t, "before")
		after := scoringtest.PositiveVotes(n, n, 40).Draw(t, "after")
		house := scoringtest.House(n, 25).Draw(t, "house")
		xs, err := validResults(t, m, before, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		ys, err := validResults(t, m, after, house, nil)
		if err != nil {
			t.Fatal(err)
		}
		// If i's votes grew strictly relative to j's, i must not lose a
		// seat while j gains one, whichever valid results are compared.
		for i := range n {
			for j := range n {
				if after[i]*before[j] <= before[i]*after[j] {
					continue
				}
				for _, x := range xs {
					for _, y := range ys {
						if y[i] < x[i] && y[j] > x[j] {
							t.Fatalf("%v: party %d's votes grew relative to %d's (%v -> %v) but seats went %v -> %v", m, i, j, before, after, x, y)
						}
					}
				}
			}
		}
	})
}

func TestApportionAnonymity(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.Method().Draw(t, "m")
		votes := scoringtest.Votes(1, 7, 20).Draw(t, "votes")
		house := scoringtest.House(0, 20).Draw(t, "house")
		th := threshold(t)
		perm := rapid.Permutation(seq(len(votes))).Draw(t, "perm")
		permuted := make([]int64, len(votes))
		for k, i := range perm {
			permuted[k] = votes[i]
		}
		want, err1 := validResults(t, m, votes, house, th)
		got, err2 := validResults(t, m, permuted, house, th)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v vs %v", err1, err2)
		}
		for k, r := range want {
			p := make([]int, len(r))
			for k2, i := range perm {
				p[k2] = r[i]
			}
			want[k] = p
		}
		slices.SortFunc(want, slices.Compare)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%v: permuting parties did not permute the results (-want +got):\n%s", m, diff)
		}
	})
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestApportionScalingInvariance(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.Method().Draw(t, "m")
		votes := scoringtest.Votes(1, 7, 50).Draw(t, "votes")
		house := scoringtest.House(0, 25).Draw(t, "house")
		k := rapid.Int64Range(2, 1_000_000_007).Draw(t, "k")
		th := threshold(t)
		scaled := make([]int64, len(votes))
		for i, v := range votes {
			scaled[i] = v * k
		}
		want, err1 := validResults(t, m, votes, house, th)
		got, err2 := validResults(t, m, scaled, house, th)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v vs %v", err1, err2)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%v: scaling votes by %d changed the results (-want +got):\n%s", m, k, diff)
		}
	})
}

func TestApportionRatMatchesApportion(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m := scoringtest.Method().Draw(t, "m")
		votes := scoringtest.Votes(1, 7, 50).Draw(t, "votes")
		house := scoringtest.House(0, 25).Draw(t, "house")
		// Shares votes[i]/total must apportion as the counts do.
		var total int64
		for _, v := range votes {
			total += v
		}
		shares := make([]*big.Rat, len(votes))
		for i, v := range votes {
			shares[i] = big.NewRat(v, total)
		}
		s := &scoring.ApportionSettings{TieBreak: scoring.LowerIndex}
		want, err1 := scoring.Apportion(m, votes, house, s)
		got, err2 := scoring.ApportionRat(m, shares, house, s)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v vs %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		if diff := cmp.Diff(want.Seats, got.Seats); diff != "" {
			t.Fatalf("%v: shares and counts apportion differently (-counts +shares):\n%s", m, diff)
		}
	})
}

func TestApportionLargeVotesExact(t *testing.T) {
	// Counts near 2^62 differ in their last digits; float64 would see them
	// as equal and break the tie arbitrarily.
	const big62 = int64(1) << 62
	tests := []struct {
		name   string
		reason string
		m      scoring.Method
		votes  []int64
		house  int
		want   []int
	}{
		{
			name:   "dhondt-last-digit",
			reason: "party 1 has one vote more, so it wins the single seat",
			m:      scoring.DHondt, votes: []int64{big62, big62 + 1}, house: 1,
			want: []int{0, 1},
		},
		{
			name:   "hill-last-digit",
			reason: "with one seat each, the third seat goes to the larger party by one vote",
			m:      scoring.HuntingtonHill, votes: []int64{big62 + 3, big62 + 2}, house: 3,
			want: []int{2, 1},
		},
		{
			name:   "hamilton-last-digit",
			reason: "quotas 1/2 ± 1/2^63: the larger remainder takes the seat",
			m:      scoring.Hamilton, votes: []int64{big62 - 1, big62}, house: 1,
			want: []int{0, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := scoring.Apportion(tt.m, tt.votes, tt.house, nil)
			if err != nil {
				t.Fatalf("Apportion: %v (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, a.Seats); diff != "" {
				t.Errorf("Apportion(%v, %v, %d) mismatch (-want +got) (%s):\n%s", tt.m, tt.votes, tt.house, tt.reason, diff)
			}
		})
	}
}

func TestAlabamaParadox(t *testing.T) {
	// Hamilton's method on votes 6, 6, 2 (a small instance of the paradox that
	// Balinski and Young 2001 describe): with 10 seats the quotas are 4.29,
	// 4.29, 1.43 and the spare seat goes to the third party's remainder
	// 0.43; with 11 seats the quotas are 4.71, 4.71, 1.57 and the two spare
	// seats go to the first two parties, so the third party loses a seat
	// when the house grows.
	votes := []int64{6, 6, 2}
	tests := []struct {
		name   string
		reason string
		house  int
		want   []int
	}{
		{name: "house-10", reason: "largest remainder 3/7 is the third party's", house: 10, want: []int{4, 4, 2}},
		{name: "house-11", reason: "remainders 5/7, 5/7 beat 4/7", house: 11, want: []int{5, 5, 1}},
	}
	var got [][]int
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := scoring.Apportion(scoring.Hamilton, votes, tt.house, nil)
			if err != nil {
				t.Fatalf("Apportion(Hamilton, %v, %d): %v", votes, tt.house, err)
			}
			if diff := cmp.Diff(tt.want, a.Seats); diff != "" {
				t.Errorf("Apportion(Hamilton, %v, %d) mismatch (-want +got) (%s):\n%s", votes, tt.house, tt.reason, diff)
			}
			got = append(got, a.Seats)
		})
	}
	if len(got) == 2 && got[1][2] >= got[0][2] {
		t.Errorf("party 2 went from %d to %d seats; the instance no longer shows the paradox", got[0][2], got[1][2])
	}
}

func TestApportionTies(t *testing.T) {
	tests := []struct {
		name     string
		reason   string
		m        scoring.Method
		votes    []int64
		house    int
		wantTie  *scoring.TieError
		wantAll  [][]int
		broken   []int
		brokenTy *scoring.Tie
	}{
		{
			name:    "dhondt-three-way",
			reason:  "three equal parties, two seats",
			m:       scoring.DHondt,
			votes:   []int64{5, 5, 5},
			house:   2,
			wantTie: &scoring.TieError{Method: scoring.DHondt, Base: []int{0, 0, 0}, Tie: scoring.Tie{Parties: []int{0, 1, 2}, Seats: 2}},
			wantAll: [][]int{{1, 1, 0}, {1, 0, 1}, {0, 1, 1}},
			broken:  []int{1, 1, 0},
		},
		{
			name:    "sainte-lague-cross-level",
			reason:  "6/4.5 = 2/1.5: party 0's fifth seat ties with party 2's second and party 1's fifth",
			m:       scoring.SainteLague,
			votes:   []int64{6, 6, 2},
			house:   10,
			wantTie: &scoring.TieError{Method: scoring.SainteLague, Base: []int{4, 4, 1}, Tie: scoring.Tie{Parties: []int{0, 1, 2}, Seats: 1}},
			wantAll: [][]int{{5, 4, 1}, {4, 5, 1}, {4, 4, 2}},
			broken:  []int{5, 4, 1},
		},
		{
			name:    "hamilton-equal-remainders",
			reason:  "remainders 1/2 and 1/2 for one seat; the zero-vote party is not in the tie",
			m:       scoring.Hamilton,
			votes:   []int64{3, 0, 3},
			house:   3,
			wantTie: &scoring.TieError{Method: scoring.Hamilton, Base: []int{1, 0, 1}, Tie: scoring.Tie{Parties: []int{0, 2}, Seats: 1}},
			wantAll: [][]int{{2, 0, 1}, {1, 0, 2}},
			broken:  []int{2, 0, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := scoring.Apportion(tt.m, tt.votes, tt.house, nil)
			var te *scoring.TieError
			if !errors.As(err, &te) || !errors.Is(err, scoring.ErrTie) {
				t.Fatalf("Apportion error = %v, want a *TieError (%s)", err, tt.reason)
			}
			if diff := cmp.Diff(tt.wantTie, te); diff != "" {
				t.Errorf("TieError mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			var all [][]int
			for r := range te.All() {
				all = append(all, r)
			}
			if diff := cmp.Diff(tt.wantAll, all); diff != "" {
				t.Errorf("All() mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			a, err := scoring.Apportion(tt.m, tt.votes, tt.house, &scoring.ApportionSettings{TieBreak: scoring.LowerIndex})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.broken, a.Seats); diff != "" {
				t.Errorf("LowerIndex seats mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(&tt.wantTie.Tie, a.Tie); diff != "" {
				t.Errorf("LowerIndex Tie mismatch (-want +got) (%s):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestApportionThreshold(t *testing.T) {
	// 5% threshold: 4.9% misses, exactly 5% qualifies.
	a, err := scoring.Apportion(scoring.SainteLague, []int64{601, 300, 50, 49}, 20, &scoring.ApportionSettings{Threshold: big.NewRat(5, 100)})
	if err != nil {
		t.Fatal(err)
	}
	want := &scoring.Apportionment{
		Method: scoring.SainteLague, Seats: []int{13, 6, 1, 0}, Excluded: []int{3},
		Divisor: a.Divisor, // checked below by CheckDivisor
	}
	if diff := cmp.Diff(want, a, ratComparer); diff != "" {
		t.Errorf("Apportion with threshold mismatch (-want +got):\n%s", diff)
	}
	bad, err := scoring.CheckDivisor(scoring.SainteLague, []int64{601, 300, 50, 0}, a.Seats, a.Divisor)
	if err != nil || len(bad) > 0 {
		t.Errorf("CheckDivisor = %v, %v; want none", bad, err)
	}
	_, err = scoring.Apportion(scoring.DHondt, []int64{30, 30, 40}, 5, &scoring.ApportionSettings{Threshold: big.NewRat(1, 2)})
	if !errors.Is(err, scoring.ErrNoApportionment) {
		t.Errorf("nobody reaching a 50%% threshold: error = %v, want ErrNoApportionment", err)
	}
}

func TestApportionInvalid(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		call   func() error
		field  string
		index  int
	}{
		{"negative-votes", "counts are non-negative", func() error {
			_, err := scoring.Apportion(scoring.DHondt, []int64{3, -1}, 2, nil)
			return err
		}, "votes", 1},
		{"no-votes", "nothing to be proportional to", func() error {
			_, err := scoring.Apportion(scoring.DHondt, []int64{0, 0}, 2, nil)
			return err
		}, "votes", -1},
		{"method", "the zero Method is not a method", func() error {
			_, err := scoring.Apportion(0, []int64{1}, 2, nil)
			return err
		}, "method", -1},
		{"house", "negative house", func() error {
			_, err := scoring.Apportion(scoring.Hamilton, []int64{1}, -1, nil)
			return err
		}, "house", -1},
		{"threshold", "a share above one", func() error {
			_, err := scoring.Apportion(scoring.Hamilton, []int64{1}, 1, &scoring.ApportionSettings{Threshold: big.NewRat(3, 2)})
			return err
		}, "Threshold", -1},
		{"tie-break", "unknown tie-break", func() error {
			_, err := scoring.Apportion(scoring.Hamilton, []int64{1}, 1, &scoring.ApportionSettings{TieBreak: 7})
			return err
		}, "TieBreak", -1},
		{"nil-rat", "a missing share", func() error {
			_, err := scoring.ApportionRat(scoring.Adams, []*big.Rat{big.NewRat(1, 2), nil}, 2, nil)
			return err
		}, "votes", 1},
		{"hamilton-certificate", "Hamilton has no divisor", func() error {
			_, err := scoring.CheckDivisor(scoring.Hamilton, []int64{1}, []int{1}, big.NewRat(1, 1))
			return err
		}, "method", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var ie *scoring.InputError
			if !errors.As(err, &ie) || !errors.Is(err, scoring.ErrInvalid) {
				t.Fatalf("error = %v, want an *InputError wrapping ErrInvalid (%s)", err, tt.reason)
			}
			if ie.Field != tt.field || ie.Index != tt.index {
				t.Errorf("error names %s[%d], want %s[%d] (%s)", ie.Field, ie.Index, tt.field, tt.index, tt.reason)
			}
		})
	}
}
