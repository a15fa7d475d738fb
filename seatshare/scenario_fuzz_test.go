package seatshare_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

// FuzzReadScenario checks that ReadScenario never panics, that every error
// is a *ScenarioError, that an accepted scenario survives WriteScenario and
// ReadScenario unchanged, and that NewPlanner on the small results returns
// a plan or an error without panicking.
func FuzzReadScenario(f *testing.F) {
	for _, name := range []string{"complete.json", "small.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "scenario", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"alliance": [{"party": "A"}], "bases": [{"year": 2019, "weight": 1}]}`))
	f.Add([]byte(`{} {}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		s, err := seatshare.ReadScenario(bytes.NewReader(doc), "fuzz.json")
		if err != nil {
			var se *seatshare.ScenarioError
			if !errors.As(err, &se) || !errors.Is(err, seatshare.ErrInvalid) {
				t.Fatalf("error %v (%T) is not a *ScenarioError", err, err)
			}
			return
		}
		var b bytes.Buffer
		if err := seatshare.WriteScenario(&b, s); err != nil {
			t.Fatalf("WriteScenario: %v", err)
		}
		back, err := seatshare.ReadScenario(&b, "again.json")
		if err != nil {
			t.Fatalf("reading back %s: %v", b.Bytes(), err)
		}
		x, _ := json.Marshal(s)
		y, _ := json.Marshal(back)
		if !bytes.Equal(x, y) {
			t.Fatalf("round trip differs:\n%s\n%s", x, y)
		}
		if _, err := seatshare.NewPlanner(s, smallSource); err != nil && !errors.Is(err, seatshare.ErrInvalid) {
			// The small source has only 2014 and 2019; other years fail
			// to load, which is not ErrInvalid.
			if _, lerr := smallSource(0); lerr == nil {
				t.Fatalf("NewPlanner: %v", err)
			}
		}
	})
}
