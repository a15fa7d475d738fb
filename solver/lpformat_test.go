package solver

import (
	"bytes"
	"errors"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// updateGolden (-update) rewrites the golden files of the file-format tests.
var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// readTestdataProblems returns the problems under testdata/problems by file
// stem.
func readTestdataProblems(t testing.TB) (names []string, problems []*Problem) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "problems", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata problems: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := ReadProblem(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".json"))
		problems = append(problems, p)
	}
	return names, problems
}

// ioGolden compares got with the file testdata/golden/name, or rewrites it
// with -update.
func ioGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestWriteLPGolden(t *testing.T) {
	names, problems := readTestdataProblems(t)
	for k, p := range problems {
		t.Run(names[k], func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteLP(&buf, p); err != nil {
				t.Fatal(err)
			}
			ioGolden(t, names[k]+".lp", buf.Bytes())
		})
	}
}

func TestWriteMPSGolden(t *testing.T) {
	names, problems := readTestdataProblems(t)
	for k, p := range problems {
		for _, f := range []struct {
			suffix string
			format MPSFormat
		}{{".mps", FreeMPS}, {".fixed.mps", FixedMPS}} {
			t.Run(names[k]+f.suffix, func(t *testing.T) {
				var buf bytes.Buffer
				if err := WriteMPS(&buf, p, f.format); err != nil {
					t.Fatal(err)
				}
				ioGolden(t, names[k]+f.suffix, buf.Bytes())
				if f.format == FixedMPS {
					for n, line := range strings.Split(buf.String(), "\n") {
						if len(line) > 80 {
							t.Errorf("line %d has %d characters, fixed MPS allows 80: %q", n+1, len(line), line)
						}
					}
				}
			})
		}
	}
}

func TestWriteFixedMPSLimits(t *testing.T) {
	many := &Problem{Agents: []string{"A"}, Items: make([]Item, 100001)}
	for i := range many.Items {
		many.Items[i].Options = []Option{{Agent: 0, Weight: 1}}
	}
	tests := []struct {
		name   string
		reason string
		p      *Problem
		field  string
	}{
		{"long weight", "0.1 + 0.2 needs 19 characters", &Problem{Agents: []string{"A"}, Items: []Item{{Options: []Option{{Agent: 0, Weight: 0.30000000000000004}}}}}, "Items[0].Options[0].Weight"},
		{"long rhs", "a right-hand side with 17 digits", &Problem{Agents: []string{"A"}, Rows: []Row{{RHS: 1.0000000000000002}}}, "Rows[0].RHS"},
		{"long coefficient", "a summed coefficient that needs 17 digits", &Problem{Agents: []string{"A"}, Items: []Item{{Options: []Option{{Agent: 0}}}},
			Rows: []Row{{Terms: []Term{{Agent: 0, Group: AllItems, Coef: 1}, {Agent: 0, Group: AllItems, Coef: 2.220446049250313e-16}}}}}, "Rows[0]"},
		{"many items", "x100000_0 has 9 characters", many, "Items[100000]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteMPS(&buf, tt.p, FixedMPS)
			var pe *ProblemError
			if !errors.As(err, &pe) || pe.Field != tt.field {
				t.Fatalf("WriteMPS(fixed) error = %v, want a *ProblemError on %s (%s)", err, tt.field, tt.reason)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteMPS wrote %d bytes before failing", buf.Len())
			}
			if err := WriteMPS(&buf, tt.p, FreeMPS); err != nil {
				t.Errorf("WriteMPS(free) = %v, want nil", err)
			}
		})
	}
}

func TestWriteLPInvalid(t *testing.T) {
	p := &Problem{Agents: []string{"A"}, Items: []Item{{Options: []Option{{Agent: 2}}}}}
	var buf bytes.Buffer
	for name, err := range map[string]error{"WriteLP": WriteLP(&buf, p), "WriteMPS": WriteMPS(&buf, p, FreeMPS)} {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s(invalid problem) = %v, want ErrInvalid", name, err)
		}
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q for an invalid problem", buf.String())
	}
}

// TestLinearFormMatchesProblem checks the expansion that WriteLP and
// WriteMPS print: every item has one assignment row over exactly its
// non-vetoed options, and for every choice of one variable per item the
// other rows hold exactly when the choice satisfies the problem's bounds,
// rows and locks. Coefficients are multiples of 1/4, so that sums are exact
// on both sides.
func TestLinearFormMatchesProblem(t *testing.T) {
	quarter := rapid.Custom(func(t *rapid.T) float64 { return float64(rapid.IntRange(-8, 8).Draw(t, "quarters")) / 4 })
	rapid.Check(t, func(t *rapid.T) {
		p := genProblemOf(t, quarter)
		lf := newLinearForm(p)
		vetoed := map[Pair]bool{}
		for _, v := range p.Vetoes {
			vetoed[v] = true
		}
		for i, it := range p.Items {
			row := lf.rows[i]
			var want []linTerm
			for _, o := range it.Options {
				if !vetoed[Pair{Item: i, Agent: o.Agent}] {
					want = append(want, linTerm{v: lf.find(i, o.Agent), coef: 1})
				}
			}
			if len(want) == 0 {
				want = []linTerm{{v: zeroVar, coef: 1}}
			}
			if diff := cmp.Diff(want, row.terms, cmp.AllowUnexported(linTerm{})); diff != "" || row.sense != Equal || row.rhs != 1 {
				t.Fatalf("assignment row of item %d: %+v (-want +got):\n%s", i, row, diff)
			}
		}
		choice := make([]int, len(p.Items)) // variable per item
		var walk func(i int)
		walk = func(i int) {
			if i < len(p.Items) {
				for v := lf.first[i]; v < lf.first[i+1]; v++ {
					choice[i] = v
					walk(i + 1)
				}
				return
			}
			agent := make([]int, len(p.Items))
			x := map[int]bool{}
			for i, v := range choice {
				agent[i] = lf.vars[v].agent
				x[v] = true
			}
			want := ioSatisfies(p, agent)
			got := true
			for _, row := range lf.rows[len(p.Items):] {
				got = got && rowHolds(row, x)
			}
			if got != want {
				t.Fatalf("assignment %v: linear form says feasible=%v, problem says %v", agent, got, want)
			}
		}
		walk(0)
	})
}

// ioSatisfies reports whether the assignment meets p's bounds, rows and locks,
// evaluated in exact arithmetic.
func ioSatisfies(p *Problem, agent []int) bool {
	in := func(g, i int) bool {
		if g == AllItems {
			return true
		}
		for _, j := range p.Groups[g].Items {
			if j == i {
				return true
			}
		}
		return false
	}
	count := func(a, g int) int {
		n := 0
		for i, b := range agent {
			if b == a && in(g, i) {
				n++
			}
		}
		return n
	}
	for _, b := range p.Bounds {
		n := count(b.Agent, b.Group)
		if n < b.Min || (b.Max != Unlimited && n > b.Max) {
			return false
		}
	}
	for _, r := range p.Rows {
		sum := new(big.Rat)
		for _, t := range r.Terms {
			sum.Add(sum, new(big.Rat).Mul(new(big.Rat).SetFloat64(t.Coef), big.NewRat(int64(count(t.Agent, t.Group)), 1)))
		}
		for _, t := range r.Pairs {
			if agent[t.Item] == t.Agent {
				sum.Add(sum, new(big.Rat).SetFloat64(t.Coef))
			}
		}
		if c := sum.Cmp(new(big.Rat).SetFloat64(r.RHS)); (r.Sense == LessEq && c > 0) || (r.Sense == GreaterEq && c < 0) || (r.Sense == Equal && c != 0) {
			return false
		}
	}
	for _, l := range p.Locks {
		if agent[l.Item] != l.Agent {
			return false
		}
	}
	return true
}

// rowHolds evaluates a row of the linear form at the 0-1 point x.
func rowHolds(row linRow, x map[int]bool) bool {
	sum := new(big.Rat)
	for _, t := range row.terms {
		if t.v != zeroVar && x[t.v] {
			sum.Add(sum, new(big.Rat).SetFloat64(t.coef))
		}
	}
	c := sum.Cmp(new(big.Rat).SetFloat64(row.rhs))
	switch row.sense {
	case LessEq:
		return c <= 0
	case GreaterEq:
		return c >= 0
	}
	return c == 0
}

func TestExactSum(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		coefs  []float64
		want   float64
	}{
		{"cancel", "1e16 + 1 - 1e16 loses the 1 in float64", []float64{1e16, 1, -1e16}, 1},
		{"tiny", "the smallest subnormal survives next to 1", []float64{1, 5e-324, -1}, 5e-324},
		{"tenths", "0.1 + 0.2 rounds once", []float64{0.1, 0.2}, 0.30000000000000004},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ts []linTerm
			for _, c := range tt.coefs {
				ts = append(ts, linTerm{coef: c})
			}
			if got := exactSum(ts); got != tt.want {
				t.Errorf("exactSum(%v) = %v, want %v (%s)", tt.coefs, got, tt.want, tt.reason)
			}
		})
	}
}
