package textout

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestColumns(t *testing.T) {
	tests := []struct {
		name, reason string
		rows         [][]string
		align        string
		want         string
	}{
		{"aligned", "left and right alignment to the widest cell", [][]string{{"party", "seats"}, {"SP", "56"}, {"INC", "21"}}, "lr",
			"party  seats\nSP        56\nINC       21\n"},
		{"runes", "width counts runes, not bytes", [][]string{{"Sainte-Laguë", "x"}, {"D'Hondt", "y"}}, "ll",
			"Sainte-Laguë  x\nD'Hondt       y\n"},
		{"trailing", "trailing spaces are trimmed", [][]string{{"a", ""}, {"bb", ""}}, "ll",
			"a\nbb\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			Columns(&b, tt.rows, tt.align)
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("Columns (%s) mismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}
