// Package textout holds what the example programs share for printing
// plain-text tables.
package textout

import (
	"strings"
	"unicode/utf8"
)

// Columns writes rows (the first is the header) to b, each cell padded to
// the widest cell of its column and aligned left ('l') or right ('r') as
// align says, one byte per column. Trailing spaces are trimmed. It takes
// time linear in the total size of the cells.
func Columns(b *strings.Builder, rows [][]string, align string) {
	width := make([]int, len(align))
	for _, r := range rows {
		for j, c := range r {
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		line := make([]string, len(r))
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if align[j] == 'r' {
				line[j] = pad + c
			} else {
				line[j] = c + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(line, "  "), " ") + "\n")
	}
}
