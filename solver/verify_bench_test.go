package solver

import (
	"context"
	"testing"
)

// BenchmarkVerify verifies the results of seatbench instances (see
// BenchmarkSolve); the timer covers Verify only.
func BenchmarkVerify(b *testing.B) {
	for _, name := range []string{"india", "x10", "x100", "india-side"} {
		b.Run(name, func(b *testing.B) {
			p := readBench(b, name)
			r, err := Solve(context.Background(), p, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := Verify(p, r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(r.Certificate.Nodes)), "nodes")
		})
	}
}
