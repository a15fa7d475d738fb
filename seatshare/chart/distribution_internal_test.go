package chart

import "testing"

func TestPercent(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		p      float64
		want   string
	}{
		{"zero", "an exact zero", 0, "0.0%"},
		{"one", "an exact certainty", 1, "100.0%"},
		{"plain", "one decimal", 0.118, "11.8%"},
		{"tiny", "a positive chance is not 0%", 0.00012, "0.01%"},
		{"near one", "an uncertain outcome is not 100%", 0.9996, "99.96%"},
		{"very near one", "more decimals until it is not 100", 0.9999996, "99.99996%"},
		{"negligible", "beyond six decimals", 1e-12, "< 0.000001%"},
		{"almost sure", "beyond six decimals", 1 - 1e-12, "> 99.999999%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percent(tt.p); got != tt.want {
				t.Errorf("percent(%v) = %q, want %q (%s)", tt.p, got, tt.want, tt.reason)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {100000, "100,000"}, {1234567, "1,234,567"}} {
		if got := thousands(tt.n); got != tt.want {
			t.Errorf("thousands(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
