package calibrate_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/coalitionlab/alliance/seatshare/calibrate"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzReadBlocs: ReadBlocs never panics, fails only with an *InputError,
// and what it reads survives a round trip through JSON.
func FuzzReadBlocs(f *testing.F) {
	f.Add(`{"alliance": [{"party": "INC"}, {"party": "NCP", "states": ["Maharashtra"]}], "rival": [{"party": "BJP"}]}`)
	f.Add(`{"alliance": [], "rival": null}`)
	f.Add(`{"alliance": [{"party": "INC", "extra": 1}]}`)
	f.Add(`{} {}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, in string) {
		b, err := calibrate.ReadBlocs(bytes.NewReader([]byte(in)))
		if err != nil {
			var ie *calibrate.InputError
			if !errors.As(err, &ie) || !errors.Is(err, calibrate.ErrInvalid) {
				t.Fatalf("ReadBlocs(%q): error %v is not an *InputError", in, err)
			}
			return
		}
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		again, err := calibrate.ReadBlocs(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("ReadBlocs of its own output %s: %v", out, err)
		}
		if diff := cmp.Diff(b, again, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip (-first +second)\n%s", diff)
		}
	})
}
