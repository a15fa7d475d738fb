package chart_test

import (
	"io"
	"testing"

	"github.com/coalitionlab/alliance/seatshare/chart"
)

// BenchmarkRender measures building each chart and writing it, so a
// command knows what -chart costs. Inputs are built once.
func BenchmarkRender(b *testing.B) {
	for _, c := range charts(b) {
		for _, format := range []string{"svg", "png"} {
			b.Run(c.name+"/"+format, func(b *testing.B) {
				b.ReportAllocs()
				w := &countWriter{}
				for b.Loop() {
					p, err := c.plot()
					if err != nil {
						b.Fatal(err)
					}
					if err := chart.Write(w, p, 0, 0, format); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(w.n)/float64(b.N), "bytes/op")
			})
		}
	}
}

// countWriter counts the bytes written to it.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)
