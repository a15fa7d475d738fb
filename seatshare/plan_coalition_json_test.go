package seatshare_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coalitionlab/alliance/seatshare"
)

// TestShapleyResultJSON checks that a ShapleyResult reads back what it
// writes, with its convention and method as words, and that unknown words
// are errors rather than a silent zero value.
func TestShapleyResultJSON(t *testing.T) {
	for _, conv := range []seatshare.Convention{seatshare.OutsidersAlone, seatshare.OutsidersAllied} {
		for _, m := range []seatshare.ShapleyMethod{seatshare.ShapleyByState, seatshare.ShapleyExact, seatshare.ShapleySampled} {
			want := &seatshare.ShapleyResult{
				Convention: conv, WithDemands: true, Method: m, Permutations: 7, Total: 2.5,
				Values: []seatshare.MemberValue{{Party: "SP", Alone: 1, Shapley: 1.25, Interval: &seatshare.Interval{SE: 0.1, Lo: 1, Hi: 1.5, Confidence: 0.95}}},
			}
			b, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			got := new(seatshare.ShapleyResult)
			if err := json.Unmarshal(b, got); err != nil {
				t.Fatalf("%s: %v", b, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s read back (-want +got):\n%s", b, diff)
			}
		}
	}
	for _, doc := range []string{`{"convention": "outsiders vanish"}`, `{"method": "guessed"}`, `{"method": "ShapleyMethod(7)"}`} {
		if err := json.Unmarshal([]byte(doc), new(seatshare.ShapleyResult)); err == nil {
			t.Errorf("%s: no error", doc)
		}
	}
}
