package main

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coalitionlab/alliance/seatshare"
)

// writeElections writes three generated elections of the same 60 seats
// (4 states of 15) into dir and returns their paths. Parties A and B are
// the alliance, R and S the rival; B and S stand down in some seats.
func writeElections(t *testing.T, dir string) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var paths []string
	for _, year := range []int{2009, 2014, 2019} {
		e := &seatshare.Election{Year: year}
		for s := range 4 {
			for no := 1; no <= 15; no++ {
				c := seatshare.Constituency{
					State: fmt.Sprintf("State %c", 'A'+s), No: no, Name: fmt.Sprintf("SEAT %d", no),
					ValidVotes: 10000, Electors: 15000,
				}
				left := int64(10000)
				for k, party := range []string{"A", "B", "R", "S", "O"} {
					if (party == "B" || party == "S") && rng.IntN(2) == 0 {
						continue
					}
					v := rng.Int64N(left/int64(5-k) + 1)
					left -= v
					c.Candidates = append(c.Candidates, seatshare.Candidate{Party: party, Name: "C " + party, Votes: v})
				}
				e.Constituencies = append(e.Constituencies, c)
			}
		}
		e.Sort()
		path := filepath.Join(dir, fmt.Sprintf("ls%d.csv", year))
		var b bytes.Buffer
		if err := seatshare.WriteResults(&b, e); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

func TestCalibrateCommand(t *testing.T) {
	dir := t.TempDir()
	files := writeElections(t, dir)
	blocs := filepath.Join(dir, "blocs.json")
	if err := os.WriteFile(blocs, []byte(`{"alliance": [{"party": "A"}, {"party": "B"}], "rival": [{"party": "R"}, {"party": "S"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	badBlocs := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badBlocs, []byte(`{"alliance": [{"party": "A", "seats": 3}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	png := filepath.Join(dir, "reliability.png")
	tests := []struct {
		name   string
		reason string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"three files", "fit on the first pair, test on the second", []string{"calibrate", "-blocs", blocs, "-folds", "3", "-chart", png, files[0], files[1], files[2]}, 0,
			"Out of sample: 2014->2019 with parameters fitted on 2009->2014", ""},
		{"two files", "one pair: fits and states held out", []string{"calibrate", "-blocs", blocs, "-folds", "3", "-rename", "O=X", files[0], files[1]}, 0,
			"Cross-validation on 2009->2014, 3 folds of whole states", ""},
		{"no blocs", "the blocs are the user's", []string{"calibrate", files[0], files[1]}, 2, "", "-blocs is required"},
		{"one file", "a pair is needed", []string{"calibrate", "-blocs", blocs, files[0]}, 2, "", "got 1 arguments"},
		{"lok sabha needs three", "the preset is three elections", []string{"calibrate", "-lok-sabha", files[0], files[1]}, 2, "", "three files with -lok-sabha"},
		{"bad split", "blocs, fronts or none", []string{"calibrate", "-lok-sabha", "-split", "all", files[0], files[1], files[2]}, 2, "", `-split "all" is not blocs, fronts or none`},
		{"missing file", "unreadable input is bad input", []string{"calibrate", "-blocs", blocs, files[0], filepath.Join(dir, "none.csv")}, 2, "", "no such file"},
		{"bad blocs", "unknown fields are errors", []string{"calibrate", "-blocs", badBlocs, files[0], files[1]}, 2, "", "unknown field"},
		{"bad rename", "OLD=NEW", []string{"calibrate", "-blocs", blocs, "-rename", "X", files[0], files[1]}, 2, "", "want OLD=NEW"},
		{"unknown member state", "blocs are checked against the election", []string{"calibrate", "-blocs", writeFile(t, dir, "st.json",
			`{"alliance": [{"party": "A", "states": ["Nowhere"]}], "rival": [{"party": "R"}]}`), files[0], files[1]}, 2, "", `no state "Nowhere"`},
		{"bad chart", "charts are svg or png", []string{"calibrate", "-blocs", blocs, "-chart", filepath.Join(dir, "x.gif"), files[0], files[1]}, 2, "", "unsupported image format"},
	}
	// The cases run in parallel (three of them fit the model), inside a
	// group that waits for them before the chart is checked.
	t.Run("cases", func(t *testing.T) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				var stdout, stderr bytes.Buffer
				code := run(tt.args, &stdout, &stderr)
				if code != tt.code {
					t.Errorf("run(%q) = %d, want %d (%s)\nstderr: %s", tt.args, code, tt.code, tt.reason, stderr.String())
				}
				if !strings.Contains(stdout.String(), tt.stdout) {
					t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout.String())
				}
				if !strings.Contains(stderr.String(), tt.stderr) {
					t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.stderr)
				}
			})
		}
	})
	f, err := os.Open(png)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, format, err := image.Decode(f); err != nil || format != "png" {
		t.Errorf("the chart is not a PNG: %v (%q)", err, format)
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCalibrateLokSabha fits the Lok Sabha preset on the real results when
// SEATSHARE_DATA is set: by default with the blocs' alliances split, which
// gives the calibrated defaults (seatshare.DefaultModel is this fit to
// three decimals; seatshare/calibrate's TestDefaultsMatchFit checks it),
// and with -split none the fit without splitting.
func TestCalibrateLokSabha(t *testing.T) {
	dir := os.Getenv(seatshare.DataEnv)
	if dir == "" {
		t.Skip(seatshare.DataEnv + " is not set")
	}
	var files []string
	for _, y := range []int{2009, 2014, 2019} {
		files = append(files, filepath.Join(dir, fmt.Sprintf("ls%d_candidates.csv", y)))
	}
	for _, tt := range []struct {
		split string
		row   string
	}{
		{"blocs", fmt.Sprintf("state swing       %.4f   %.4f   0.0000", 0.2089, 0.4728)},
		{"none", fmt.Sprintf("state swing       %.4f   %.4f   0.0000", 0.2254, 0.5014)},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"calibrate", "-lok-sabha", "-split", tt.split, "-folds", "2"}, files...)
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("run(%q) = %d: %s", args, code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.row) {
			t.Errorf("-split %s: no row %q in:\n%s", tt.split, tt.row, stdout.String())
		}
	}
}
