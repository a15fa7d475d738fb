package seatshare_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
	"github.com/google/go-cmp/cmp"
)

// FuzzReadResults checks that ReadResults never panics, that every error
// is a *ParseError wrapping ErrInvalid and naming a line, and that every
// election it accepts is valid and survives WriteResults and ReadResults
// unchanged. Seeds are in testdata/fuzz/FuzzReadResults.
func FuzzReadResults(f *testing.F) {
	f.Add([]byte(header + "2019,UP,1,AMETHI,GEN,BJP,A,60,100,200\n2019,UP,1,AMETHI,GEN,IND,B,30,100,200\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := seatshare.ReadResults(bytes.NewReader(data), "fuzz.csv")
		if err != nil {
			var pe *seatshare.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, seatshare.ErrInvalid) || pe.Row < 1 || pe.File != "fuzz.csv" {
				t.Fatalf("ReadResults error %v (%T) is not a *ParseError wrapping ErrInvalid with a row", err, err)
			}
			if e != nil {
				t.Fatalf("ReadResults returned an election with error %v", err)
			}
			return
		}
		if err := e.Validate(); err != nil {
			t.Fatalf("ReadResults accepted an invalid election: %v", err)
		}
		var buf bytes.Buffer
		if err := seatshare.WriteResults(&buf, e); err != nil {
			t.Fatalf("WriteResults: %v", err)
		}
		back, err := seatshare.ReadResults(&buf, "fuzz.csv")
		if err != nil {
			t.Fatalf("ReadResults(WriteResults(e)): %v\n%q", err, buf.String())
		}
		if diff := cmp.Diff(e, back); diff != "" {
			t.Fatalf("round trip mismatch (-read +round trip):\n%s", diff)
		}
	})
}
