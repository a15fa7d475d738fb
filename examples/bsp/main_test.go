package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/examples/internal/golden"
	"github.com/coalitionlab/alliance/seatshare"
)

var update = flag.Bool("update", false, "rewrite testdata/illustrative.golden")

// TestIllustrative runs the program on the embedded ILLUSTRATIVE data,
// checks that it runs the same twice, checks key lines and compares it
// with the golden file.
func TestIllustrative(t *testing.T) {
	golden.Run(t, "illustrative.golden", func(w io.Writer) error { return run(context.Background(), w, nil, "") },
		[]string{"*** ILLUSTRATIVE", "Convention: v(S) = best expected wins", "{SP, INC, RLD}", "Verdict: v(SP+INC+RLD+BSP) - v(SP+INC+RLD) ="}, *update)
}

// TestConsistent checks the JSON output against the game's identities:
// the Shapley values add up to v(all four), the BSP's marginal values are
// the differences of the coalition values, and v(empty) is 0.
func TestConsistent(t *testing.T) {
	var b bytes.Buffer
	if err := run(context.Background(), &b, []string{"-format", "json"}, ""); err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(b.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Coalitions) != 8 || len(rep.Shapley) != 4 {
		t.Fatalf("%d coalitions and %d Shapley values, want 8 and 4", len(rep.Coalitions), len(rep.Shapley))
	}
	full := rep.Coalitions[7]
	for _, game := range []struct {
		name string
		phi  []seatshare.MemberValue
		v    float64
	}{{"demands", rep.Shapley, full.VWithBSP}, {"free", rep.ShapleyNoDemands, full.FreeWithBSP}} {
		sum := 0.0
		for _, m := range game.phi {
			sum += m.Shapley
		}
		if math.Abs(sum-game.v) > 1e-9 {
			t.Errorf("%s: Shapley values sum to %v, want v(all) = %v", game.name, sum, game.v)
		}
	}
	if rep.Coalitions[0].V != 0 {
		t.Errorf("v({}) = %v, want 0", rep.Coalitions[0].V)
	}
	for _, c := range rep.Coalitions {
		if math.Abs(c.BSPAdds-(c.VWithBSP-c.V)) > 1e-12 {
			t.Errorf("%v: BSP adds %v, want %v", c.Members, c.BSPAdds, c.VWithBSP-c.V)
		}
	}
	if err := run(context.Background(), &bytes.Buffer{}, []string{"-format", "xml"}, ""); err == nil {
		t.Error("-format xml: no error")
	}
}

// TestRealData runs the program on the real results when SEATSHARE_DATA is
// set.
func TestRealData(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var b bytes.Buffer
	if err := run(context.Background(), &b, nil, dir); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "ILLUSTRATIVE") || !strings.Contains(b.String(), "ls2019_candidates.csv") {
		t.Errorf("real-data output:\n%s", b.String())
	}
}
