package scoring_test

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
)

// FuzzApportion feeds arbitrary vote vectors (16-bit counts, so ties are
// common) and house sizes to every method. It checks that nothing panics,
// that every error is one of the package's, and that every result or
// alternative of a tie fills the house and, for divisor methods, passes the
// divisor certificate.
func FuzzApportion(f *testing.F) {
	f.Add(uint8(2), uint16(10), []byte{0, 6, 0, 6, 0, 2})
	f.Add(uint8(6), uint16(3), []byte{0, 1, 0, 1, 0, 1, 0, 1})
	f.Add(uint8(1), uint16(0), []byte{0, 0, 0, 0})
	f.Add(uint8(5), uint16(7), []byte{255, 255, 0, 1, 128, 0})
	f.Fuzz(func(t *testing.T, method uint8, house uint16, data []byte) {
		m := scoring.Method(method % 8) // includes invalid 0 and 7
		votes := make([]int64, len(data)/2)
		for i := range votes {
			votes[i] = int64(binary.BigEndian.Uint16(data[2*i:]))
		}
		a, err := scoring.Apportion(m, votes, int(house), nil)
		var te *scoring.TieError
		var results [][]int
		switch {
		case errors.As(err, &te):
			n := 0
			for r := range te.All() {
				results = append(results, r)
				if n++; n == 100 {
					break
				}
			}
			if len(results) < 2 {
				t.Fatalf("tie with %d alternatives", len(results))
			}
			a, err = scoring.Apportion(m, votes, int(house), &scoring.ApportionSettings{TieBreak: scoring.LowerIndex})
			if err != nil {
				t.Fatalf("tie-break failed: %v", err)
			}
		case errors.Is(err, scoring.ErrInvalid) || errors.Is(err, scoring.ErrNoApportionment):
			return
		case err != nil:
			t.Fatalf("unexpected error %v", err)
		default:
			results = [][]int{a.Seats}
		}
		for _, r := range results {
			sum := 0
			for i, s := range r {
				if s < 0 || votes[i] == 0 && s > 0 {
					t.Fatalf("party %d with %d votes has %d seats", i, votes[i], s)
				}
				sum += s
			}
			if sum != int(house) {
				t.Fatalf("seats %v sum to %d, want %d", r, sum, house)
			}
			if m.Divisor() {
				bad, err := scoring.CheckDivisor(m, votes, r, a.Divisor)
				if err != nil || len(bad) > 0 {
					t.Fatalf("CheckDivisor(%v, %v, %v) = %v, %v", m, votes, r, bad, err)
				}
			}
		}
	})
}
