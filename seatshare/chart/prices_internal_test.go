package chart

import "testing"

func TestSeatsText(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		x      float64
		want   string
	}{
		{"zero", "an exact zero is 0.00", 0, "0.00"},
		{"tiny", "two decimals would show 0.00 for a positive price", 0.00033, "0.00033"},
		{"rounds up", "0.005 shows as 0.01 with two decimals", 0.005, "0.01"},
		{"seats", "two decimals", 2.347, "2.35"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := seatsText(tt.x); got != tt.want {
				t.Errorf("seatsText(%v) = %q, want %q (%s)", tt.x, got, tt.want, tt.reason)
			}
		})
	}
}
