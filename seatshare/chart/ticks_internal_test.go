package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestTicksProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lo := rapid.Float64Range(-2e6, 2e6).Draw(t, "lo")
		width := rapid.Float64Range(1e-3, 3e6).Draw(t, "width")
		integer := rapid.Bool().Draw(t, "integer")
		hi := lo + width
		ts := ticks{integer: integer}.Ticks(lo, hi)
		labelled := 0
		for i, tk := range ts {
			if tk.Value < lo-1e-9 || tk.Value > hi+1e-9 {
				t.Fatalf("tick %v outside [%v, %v]", tk.Value, lo, hi)
			}
			if i > 0 && tk.Value <= ts[i-1].Value {
				t.Fatalf("ticks not increasing: %v after %v", tk.Value, ts[i-1].Value)
			}
			if integer && tk.Value != math.Round(tk.Value) {
				t.Fatalf("integer axis has tick %v", tk.Value)
			}
			if tk.IsMinor() {
				continue
			}
			labelled++
			if strings.HasPrefix(tk.Label, "-0") && strings.Trim(tk.Label, "-0.") == "" {
				t.Fatalf("label %q is a negative zero", tk.Label)
			}
			v, err := strconv.ParseFloat(tk.Label, 64)
			if err != nil || math.Abs(v-tk.Value) > 1e-9*max(1, math.Abs(tk.Value)) {
				t.Fatalf("label %q does not show value %v", tk.Label, tk.Value)
			}
		}
		if labelled > 11 {
			t.Fatalf("%d labelled ticks on [%v, %v], want at most 11", labelled, lo, hi)
		}
		// A range of at least one step always holds a label; integer axes
		// need a range holding an integer.
		if labelled == 0 && (!integer || width >= 1) && width >= 0.1 {
			t.Fatalf("no labelled tick on [%v, %v]", lo, hi)
		}
	})
}

func TestTicksTable(t *testing.T) {
	tests := []struct {
		name    string
		reason  string
		lo, hi  float64
		integer bool
		want    string
	}{
		{"seats", "a distribution's totals: every 5, minor at each integer", 27.5, 52.5, true, "30 35 40 45 50"},
		{"percent", "probabilities in percent", 0, 16.6, false, "0 2 4 6 8 10 12 14 16"},
		{"small counts", "a frontier over three seat counts", -0.5, 2.5, true, "0 1 2"},
		{"prices", "fractions of a seat", 0, 2.7, false, "0.0 0.5 1.0 1.5 2.0 2.5"},
		{"empty", "no range, no ticks", 3, 3, true, ""},
		{"just above zero", "rapid: 0 is within 1e-9 steps of lo but below it", 0.000244140625, 3.0000000002441406e+06, false,
			"500000 1000000 1500000 2000000 2500000 3000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tk := range (ticks{integer: tt.integer}).Ticks(tt.lo, tt.hi) {
				if !tk.IsMinor() {
					got = append(got, tk.Label)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("Ticks(%v, %v) labels = %q, want %q (%s)", tt.lo, tt.hi, g, tt.want, tt.reason)
			}
		})
	}
}
