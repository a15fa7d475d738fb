package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// variable matches the parts of the output that differ between runs (the
// run time) or between correct solvers (statistics and certificates, which
// other tests check with solver.Verify).
var variable = regexp.MustCompile(`("stats": )\{[^\n]*\}|(?s)("certificate": )\{.*\]\}|(?m)^((?:runtime|nodes) +)\S+$`)

func normalise(s string) string { return variable.ReplaceAllString(s, "${1}${2}${3}X") }

func TestRun(t *testing.T) {
	td := func(name string) string { return filepath.Join("testdata", name) }
	tests := []struct {
		name   string
		reason string
		args   []string
		code   int
		golden bool   // compare stdout with testdata/golden/<name>.golden
		stdout string // wanted substring of stdout when not golden
		stderr string // wanted substring of stderr
	}{
		{name: "no args", reason: "usage on stderr", args: nil, code: 2, stderr: "Usage: seatshare <command>"},
		{name: "help", reason: "-h lists the commands on stdout", args: []string{"-h"}, code: 0, golden: true},
		{name: "help solve", reason: "help COMMAND is COMMAND -h", args: []string{"help", "solve"}, code: 0, stdout: "-verify"},
		{name: "solve help", reason: "-h on the solve level", args: []string{"solve", "-h"}, code: 0, golden: true},
		{name: "export help", reason: "-h on the export level", args: []string{"export", "-h"}, code: 0, golden: true},
		{name: "verify help", reason: "-h on the verify level", args: []string{"verify", "-h"}, code: 0, stdout: "Usage: seatshare verify [flags] PROBLEM.json RESULT.json"},
		{name: "verify one file", reason: "verify needs two files", args: []string{"verify", td("up8.json")}, code: 2, stderr: "want a problem file and a result file, got 1"},
		{name: "verify not a result", reason: "a problem is not a result", args: []string{"verify", td("up8.json"), td("up8.json")}, code: 2, stderr: `testdata/up8.json: format: format "alliance-solver/1" is not "alliance-solver-result/1"`},
		{name: "unknown command", reason: "names the command", args: []string{"plann"}, code: 2, stderr: `unknown command "plann"`},
		{name: "unknown flag", reason: "flag errors are usage errors", args: []string{"solve", "-fast", td("up8.json")}, code: 2, stderr: "flag provided but not defined: -fast"},
		{name: "no file", reason: "solve needs one file", args: []string{"solve"}, code: 2, stderr: "want one problem file, got 0"},
		{name: "missing file", reason: "names the file", args: []string{"solve", td("nope.json")}, code: 2, stderr: "nope.json: no such file"},
		{name: "bad format flag", reason: "only json, table and csv", args: []string{"solve", "-format", "xml", td("up8.json")}, code: 2, stderr: `-format "xml"`},
		{name: "bad agent", reason: "names file and JSON path", args: []string{"solve", td("bad-agent.json")}, code: 2,
			stderr: `seatshare solve: testdata/bad-agent.json: items[1].options.BSP: unknown agent "BSP"`},
		{name: "trailing", reason: "trailing data is bad input", args: []string{"solve", td("bad-trailing.json")}, code: 2, stderr: "(document): trailing data"},
		{name: "solve json", reason: "the laminar example, JSON result", args: []string{"solve", td("up8.json")}, code: 0, golden: true},
		{name: "solve table verify", reason: "flags after the file; Verify accepts", args: []string{"solve", td("up8.json"), "-format", "table", "-verify"}, code: 0, golden: true, stderr: "verified: Optimal"},
		{name: "solve csv", reason: "the assignment as CSV", args: []string{"solve", "-format", "csv", td("side.json")}, code: 0, golden: true},
		{name: "solve csv infeasible", reason: "no assignment, no rows; the reason on stderr", args: []string{"solve", "-format", "csv", td("infeasible.json")}, code: 1, stderr: "4 > 3"},
		{name: "solve side", reason: "rows take the general path", args: []string{"solve", "-verify", td("side.json")}, code: 0, golden: true, stderr: "verified"},
		{name: "solve side flow", reason: "the flow path cannot take rows", args: []string{"solve", "-method", "flow", td("side.json")}, code: 2, stderr: "not laminar"},
		{name: "solve infeasible", reason: "exit 1 with the explanation in the JSON", args: []string{"solve", td("infeasible.json")}, code: 1, golden: true, stderr: "infeasible:"},
		{name: "solve infeasible verify", reason: "Verify re-derives the infeasibility of a laminar problem", args: []string{"solve", "-verify", td("infeasible.json")}, code: 1, stderr: "verified: Infeasible"},
		{name: "solve node limit", reason: "a limit is passed to the solver; this instance closes at the root", args: []string{"solve", "-node-limit", "1", "-format", "table", td("side.json")}, code: 0, stdout: "status     Optimal"},
		{name: "bad method", reason: "only auto, flow and bnb", args: []string{"solve", "-method", "simplex", td("up8.json")}, code: 2, stderr: `-method "simplex"`},
		{name: "negative limit", reason: "limits are not negative", args: []string{"solve", "-node-limit", "-1", td("up8.json")}, code: 2, stderr: "must not be negative"},
		{name: "two files", reason: "one problem at a time", args: []string{"export", "-to", "lp", td("up8.json"), td("side.json")}, code: 2, stderr: "want one problem file, got 2"},
		{name: "solve infeasible table", reason: "the table lists the conflict", args: []string{"solve", "-format=table", td("infeasible.json")}, code: 1, golden: true},
		{name: "solve seatbench", reason: "reads the bench generator's instances", args: []string{"solve", "-seatbench", "-verify", td("seatbench-tiny.json")}, code: 0, golden: true},
		{name: "solve seatbench side", reason: "seatbench/2 side rows", args: []string{"solve", "-seatbench", "-verify", "-format", "table", td("seatbench-side.json")}, code: 0, golden: true},
		{name: "export lp", reason: "CPLEX LP", args: []string{"export", "-to", "lp", td("up8.json")}, code: 0, golden: true},
		{name: "export mps", reason: "free MPS", args: []string{"export", "-to", "mps", td("side.json")}, code: 0, golden: true},
		{name: "export fixed mps", reason: "fixed MPS", args: []string{"export", "-to", "fixed-mps", td("up8.json")}, code: 0, golden: true},
		{name: "export dimacs", reason: "DIMACS at the default resolution", args: []string{"export", "-to", "dimacs", td("up8.json")}, code: 0, golden: true},
		{name: "export dimacs seatbench", reason: "DIMACS at the instance's weight scale", args: []string{"export", "-seatbench", "-to", "dimacs", td("seatbench-tiny.json")}, code: 0, golden: true},
		{name: "export json seatbench", reason: "the seatbench converter", args: []string{"export", "-seatbench", "-to", "json", td("seatbench-side.json")}, code: 0, golden: true},
		{name: "export dimacs rows", reason: "rows have no network form", args: []string{"export", "-to", "dimacs", td("side.json")}, code: 2, stderr: "not laminar"},
		{name: "export no format", reason: "-to is required", args: []string{"export", td("up8.json")}, code: 2, stderr: `-to ""`},
		{name: "export seatbench as json problem", reason: "a seatbench file is not a solver problem", args: []string{"export", "-to", "lp", td("seatbench-tiny.json")}, code: 2,
			stderr: "testdata/seatbench-tiny.json: format: format \"seatbench/1\" is not \"alliance-solver/1\" (read seatbench instances with -seatbench)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("run(%q) = %d, want %d (%s)\nstderr: %s", tt.args, code, tt.code, tt.reason, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tt.args, stdout.String(), tt.stdout)
			}
			if tt.golden {
				golden(t, strings.ReplaceAll(tt.name, " ", "-")+".golden", normalise(stdout.String()))
			}
		})
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// TestSeatbenchConversion checks that converting a seatbench instance to the
// JSON problem format and solving that gives the result of solving the
// instance directly.
func TestSeatbenchConversion(t *testing.T) {
	for _, name := range []string{"seatbench-tiny.json", "seatbench-side.json"} {
		t.Run(name, func(t *testing.T) {
			converted := filepath.Join(t.TempDir(), "converted.json")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"export", "-seatbench", "-to", "json", "-o", converted, filepath.Join("testdata", name)}, &stdout, &stderr); code != 0 {
				t.Fatalf("export = %d: %s", code, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("export -o wrote %q to stdout", stdout.String())
			}
			solve := func(args ...string) map[string]any {
				var stdout, stderr bytes.Buffer
				if code := run(append([]string{"solve"}, args...), &stdout, &stderr); code != 0 {
					t.Fatalf("solve %q = %d: %s", args, code, stderr.String())
				}
				var doc map[string]any
				if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
					t.Fatalf("solve output is not JSON: %v\n%s", err, stdout.String())
				}
				delete(doc, "stats")
				return doc
			}
			// The converted problem keeps the weights, so at the same
			// resolution it gives the same result and certificate.
			direct := solve("-seatbench", filepath.Join("testdata", name))
			viaJSON := solve("-resolution", "1e-6", converted)
			if diff := cmp.Diff(direct, viaJSON); diff != "" {
				t.Errorf("solving the converted problem differs (-direct +converted):\n%s", diff)
			}
		})
	}
}

func TestExportOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "p.lp")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export", "-to", "lp", "-o", out, filepath.Join("testdata", "up8.json")}, &stdout, &stderr); code != 0 {
		t.Fatalf("export = %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "golden", "export-lp.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(data)); diff != "" {
		t.Errorf("-o file differs from stdout output (-want +got):\n%s", diff)
	}
	// A format that cannot hold the problem leaves no file behind.
	bad := filepath.Join(dir, "side.min")
	if code := run([]string{"export", "-to", "dimacs", "-o", bad, filepath.Join("testdata", "side.json")}, &stdout, &stderr); code != 2 {
		t.Errorf("export -to dimacs of rows = %d, want 2", code)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed export, want only p.lp", len(entries))
	}
}

// TestVerify solves problems into result files and checks them with
// "seatshare verify", then checks that tampered results are rejected.
func TestVerify(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		reason  string
		problem string
		flags   []string
		tamper  func(string) string
		code    int
		out     string // wanted substring of stdout
		stderr  string // wanted substring of stderr
	}{
		{name: "flow", reason: "a flow certificate", problem: "up8.json", code: 0, out: "verified: Optimal, objective 4.22"},
		{name: "general", reason: "a branch-and-bound certificate", problem: "side.json", code: 0, out: "verified: Optimal"},
		{name: "infeasible", reason: "Verify re-derives laminar infeasibility", problem: "infeasible.json", code: 0, out: "verified: Infeasible"},
		{name: "seatbench", reason: "problems from seatbench instances", problem: "seatbench-side.json", flags: []string{"-seatbench"}, code: 0, out: "verified: Optimal"},
		{name: "swapped seats", reason: "a changed assignment no longer matches the certificate", problem: "up8.json",
			tamper: func(s string) string { return strings.Replace(s, `"Kanpur": "INC"`, `"Kanpur": "SP"`, 1) }, code: 3, stderr: "rejected"},
		{name: "inflated objective", reason: "the certificate's objective is checked", problem: "up8.json",
			tamper: func(s string) string {
				return strings.Replace(s, `"objective": 4220000000`, `"objective": 4220000001`, 1)
			}, code: 3, stderr: "rejected"},
		{name: "unknown agent", reason: "a result naming an agent the problem lacks", problem: "up8.json",
			tamper: func(s string) string { return strings.Replace(s, `"Kanpur": "INC"`, `"Kanpur": "BSP"`, 1) }, code: 2, stderr: `assignment.Kanpur: unknown agent "BSP"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problem := filepath.Join("testdata", tt.problem)
			var stdout, stderr bytes.Buffer
			code := run(append(append([]string{"solve"}, tt.flags...), problem), &stdout, &stderr)
			if code != 0 && code != 1 {
				t.Fatalf("solve = %d: %s", code, stderr.String())
			}
			result := stdout.String()
			if tt.tamper != nil {
				changed := tt.tamper(result)
				if changed == result {
					t.Fatalf("tampering changed nothing in\n%s", result)
				}
				result = changed
			}
			file := filepath.Join(dir, tt.name+".json")
			if err := os.WriteFile(file, []byte(result), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout.Reset()
			stderr.Reset()
			code = run(append(append([]string{"verify"}, tt.flags...), problem, file), &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.out) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("verify = %d, stdout %q, stderr %q; want %d, %q, %q (%s)", code, stdout.String(), stderr.String(), tt.code, tt.out, tt.stderr, tt.reason)
			}
		})
	}
}

// TestHelpOnce checks that "-h" on every command prints its usage exactly
// once, on stdout, and nothing on stderr.
func TestHelpOnce(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{c.name, "-h"}, &stdout, &stderr); code != exitOK {
				t.Fatalf("run(%s -h) = %d, want %d", c.name, code, exitOK)
			}
			if n := strings.Count(stdout.String(), "Usage: seatshare "+c.name); n != 1 {
				t.Errorf("run(%s -h) printed the usage %d times on stdout, want 1", c.name, n)
			}
			if stderr.Len() != 0 {
				t.Errorf("run(%s -h) stderr = %q, want empty", c.name, stderr.String())
			}
		})
	}
}
