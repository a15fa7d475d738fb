package solver

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"
)

// benchProblem builds a laminar problem shaped like the seatbench india
// instance scaled by factor: 543*factor items in 36 states, 28 agents of
// which 3 are eligible everywhere, national and per-state bounds.
func benchProblem(factor int) *Problem {
	rng := rand.New(rand.NewPCG(1, uint64(factor)))
	const nAgents, nStates = 28, 36
	n := 543 * factor
	p := &Problem{}
	for a := 0; a < nAgents; a++ {
		p.Agents = append(p.Agents, "p"+strconv.Itoa(a))
	}
	for s := 0; s < nStates; s++ {
		p.Groups = append(p.Groups, Group{Name: "s" + strconv.Itoa(s)})
	}
	home := make([]int, nAgents)
	for a := range home {
		home[a] = rng.IntN(nStates)
	}
	for i := 0; i < n; i++ {
		s := i * nStates / n
		it := Item{Name: "c" + strconv.Itoa(i)}
		for a := 0; a < nAgents; a++ {
			if (a < 3 || home[a] == s) && rng.Float64() < 0.7 {
				it.Options = append(it.Options, Option{Agent: a, Weight: float64(rng.IntN(1000001)) / 1e6})
			}
		}
		if len(it.Options) == 0 {
			it.Options = []Option{{Agent: rng.IntN(3), Weight: 0.5}}
		}
		p.Items = append(p.Items, it)
		p.Groups[s].Items = append(p.Groups[s].Items, i)
	}
	for a := 0; a < nAgents; a++ {
		p.Bounds = append(p.Bounds, Bound{Agent: a, Group: AllItems, Min: 0, Max: n / 4})
		if a < 3 {
			for s := 0; s < nStates; s += 3 {
				p.Bounds = append(p.Bounds, Bound{Agent: a, Group: s, Min: 1, Max: Unlimited})
			}
		}
	}
	return p
}

// BenchmarkIO measures the readers and writers on india-shaped problems of
// 543 and 5,430 items; SetBytes makes MB/s the speed of the JSON text.
func BenchmarkIO(b *testing.B) {
	for _, factor := range []int{1, 10} {
		p := benchProblem(factor)
		var doc bytes.Buffer
		if err := WriteProblem(&doc, p); err != nil {
			b.Fatal(err)
		}
		size := "items=" + strconv.Itoa(len(p.Items))
		writers := []struct {
			name  string
			write func(io.Writer) error
		}{
			{"WriteProblem", func(w io.Writer) error { return WriteProblem(w, p) }},
			{"WriteLP", func(w io.Writer) error { return WriteLP(w, p) }},
			{"WriteMPS", func(w io.Writer) error { return WriteMPS(w, p, FreeMPS) }},
			{"WriteDIMACS", func(w io.Writer) error { return WriteDIMACS(w, p, nil) }},
		}
		b.Run("ReadProblem/"+size, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(doc.Len()))
			for b.Loop() {
				if _, err := ReadProblem(bytes.NewReader(doc.Bytes())); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, w := range writers {
			b.Run(w.name+"/"+size, func(b *testing.B) {
				b.ReportAllocs()
				var out countWriter
				for b.Loop() {
					if err := w.write(&out); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(out)/float64(b.N), "bytes/op")
			})
		}
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
