package scoring_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/coalitionlab/alliance/scoring"
)

// fuzzReader decodes fuzz bytes into small ints and arbitrary floats,
// yielding zeros once the bytes run out.
type fuzzReader []byte

func (r *fuzzReader) int() int {
	if len(*r) == 0 {
		return 0
	}
	v := int(int8((*r)[0]))
	*r = (*r)[1:]
	return v
}

func (r *fuzzReader) float() float64 {
	if len(*r) < 8 {
		*r = nil
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(*r))
	*r = (*r)[8:]
	return v
}

func (r *fuzzReader) bloc(parties int) scoring.Bloc {
	b := scoring.Bloc{Candidate: r.int(), Transfer: scoring.Transfer{Default: r.float()}}
	for range r.int() & 3 {
		b.Partners = append(b.Partners, r.int())
	}
	if n := r.int() & 3; n > 0 {
		b.Transfer.Rates = map[[2]int]float64{}
		for range n {
			b.Transfer.Rates[[2]int{r.int(), r.int()}] = r.float()
		}
	}
	return b
}

// FuzzMargin feeds arbitrary seats to Margin: it must never panic, and
// whenever it accepts a seat the margin must be a number consistent with its
// parts.
func FuzzMargin(f *testing.F) {
	f.Add(uint8(3), []byte{})
	f.Add(uint8(6), []byte{1, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f})
	f.Fuzz(func(t *testing.T, parties uint8, data []byte) {
		r := fuzzReader(data)
		s := scoring.Seat{Shares: make([]float64, parties%12)}
		for q := range s.Shares {
			s.Shares[q] = r.float()
		}
		s.Alliance = r.bloc(len(s.Shares))
		if r.int()&1 == 1 {
			rival := r.bloc(len(s.Shares))
			s.Rival = &rival
		}
		s.Lambda = r.float()
		for range r.int() & 1 {
			s.Blocs = append(s.Blocs, r.bloc(len(s.Shares)))
		}
		s.Swing, s.Adjust = r.float(), r.float()
		m, parts, err := scoring.Margin(s)
		if err != nil {
			return
		}
		// Finite inputs give a finite margin unless Swing and Adjust are
		// themselves large enough to overflow.
		if math.IsNaN(m) || math.IsInf(m, 0) && !math.IsInf(math.Abs(s.Swing)+math.Abs(s.Adjust), 0) {
			t.Fatalf("Margin accepted %+v and returned %v", s, m)
		}
		if want := parts.Alliance - parts.Opponent + s.Swing + s.Adjust; m != want {
			t.Fatalf("margin %v, parts give %v", m, want)
		}
		if parts.Opponent < 0 || parts.Leaked < 0 || parts.Alliance < 0 {
			t.Fatalf("negative vote in %+v", parts)
		}
	})
}
