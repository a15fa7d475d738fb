package solver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkSolve solves the seatbench instances (see ../bench and
// BENCHMARKS.md) found in the directory named by SEATBENCH_DIR, such as
// india.json and x10.json written by the seatbench generator. It skips
// when SEATBENCH_DIR is unset and skips each missing instance. Each
// instance is read once, outside the timer; the timer covers Solve:
// validation, integer scaling, network construction and the flow.
func BenchmarkSolve(b *testing.B) {
	dir := os.Getenv("SEATBENCH_DIR")
	if dir == "" {
		b.Skip("SEATBENCH_DIR is not set")
	}
	for _, name := range []string{"india", "x10", "x100", "large", "india-side", "x10-side"} {
		b.Run(name, func(b *testing.B) {
			f, err := os.Open(filepath.Join(dir, name+".json"))
			if err != nil {
				b.Skipf("instance %s: %v", name, err)
			}
			p, err := ReadSeatbench(f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			var res *Result
			for b.Loop() {
				res, err = Solve(context.Background(), p, nil)
				if errors.Is(err, ErrNotLaminar) {
					b.Skipf("instance %s needs the general path: %v", name, err)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(res.Stats.Augmentations), "augmentations/op")
			b.ReportMetric(float64(res.Stats.Nodes), "nodes/op")
		})
	}
}
