package scoring

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

func TestZigguratIsStandardNormal(t *testing.T) {
	// Chi-square goodness of fit of 2,000,000 draws over 200 bins equally
	// likely under the standard normal, plus two bins for the tails beyond
	// the ziggurat's tail start, which the equal bins barely see. A correct
	// generator fails with probability 1e-6 (the test's fixed seed decides).
	const draws, bins = 2_000_000, 200
	z := newZiggurat()
	src := rand.NewPCG(17, 18)
	counts := make([]float64, bins)
	var lowTail, highTail float64
	// Beyond zigR, 1 - Phi(|x|) scaled by 1 - Phi(zigR) is uniform on (0, 1];
	// tailCounts bins it to check the shape of the tail draws.
	const tailBins = 10
	tailCounts := make([]float64, tailBins)
	tailMass := normalCDF(-zigR)
	for range draws {
		x := z.normal(src)
		b := int(normalCDF(x) * bins)
		counts[min(b, bins-1)]++
		if x < -zigR {
			lowTail++
		}
		if x > zigR {
			highTail++
		}
		if math.Abs(x) > zigR {
			u := normalCDF(-math.Abs(x)) / tailMass
			tailCounts[min(int(u*tailBins), tailBins-1)]++
		}
	}
	var chi2 float64
	exp := float64(draws) / bins
	for _, c := range counts {
		chi2 += (c - exp) * (c - exp) / exp
	}
	tailExp := draws * normalCDF(-zigR)
	for _, c := range []float64{lowTail, highTail} {
		chi2 += (c - tailExp) * (c - tailExp) / tailExp
	}
	// The two tail cells overlap the outer equal bins, so they add at most
	// two degrees of freedom; counting both is the conservative choice.
	if p := (distuv.ChiSquared{K: bins - 1 + 2}).Survival(chi2); p < 1e-6 {
		t.Errorf("chi-square %v over %d bins and 2 tails: p-value %.3g < 1e-6", chi2, bins, p)
	}
	var tailChi2, tailN float64
	for _, c := range tailCounts {
		tailN += c
	}
	for _, c := range tailCounts {
		e := tailN / tailBins
		tailChi2 += (c - e) * (c - e) / e
	}
	if p := (distuv.ChiSquared{K: tailBins - 1}).Survival(tailChi2); p < 1e-6 {
		t.Errorf("tail shape: chi-square %v over %d bins of %v tail draws: p-value %.3g < 1e-6", tailChi2, tailBins, tailN, p)
	}
}

func TestZigguratLayersHaveEqualArea(t *testing.T) {
	// Every layer, and the base strip with the tail, has area zigV under
	// the unnormalised density exp(-x^2/2) (Marsaglia and Tsang 2000), up to
	// the 13 digits to which zigR is given.
	z := newZiggurat()
	x := func(i int) float64 { return z.w[i] * zigScale }
	for i := 1; i < zigLayers; i++ {
		if got := x(i) * (z.f[i-1] - z.f[i]); math.Abs(got-zigV) > 1e-8*zigV {
			t.Errorf("layer %d has area %v, want %v", i, got, zigV)
		}
		if want := math.Exp(-0.5 * x(i) * x(i)); math.Abs(z.f[i]-want) > 1e-15 {
			t.Errorf("f[%d] = %v, want exp(-x^2/2) = %v", i, z.f[i], want)
		}
		if want := uint32(x(i-1) / x(i) * zigScale); i > 1 && z.k[i] != want {
			t.Errorf("k[%d] = %d, want x[%d]/x[%d] * 2^31 = %d", i, z.k[i], i-1, i, want)
		}
	}
	base := zigR*math.Exp(-0.5*zigR*zigR) + math.Sqrt(math.Pi/2)*math.Erfc(zigR/math.Sqrt2)
	if math.Abs(base-zigV) > 1e-8*zigV {
		t.Errorf("base strip and tail have area %v, want %v", base, zigV)
	}
	if got := z.w[0] * zigScale * z.f[zigLayers-1]; math.Abs(got-zigV) > 1e-12 {
		t.Errorf("base rectangle stand-in has area %v, want %v", got, zigV)
	}
}

func TestWonBit(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		z, t   float64
		want   uint64
	}{
		{"below", "won", -1, 0.5, 1},
		{"above", "lost", 1, 0.5, 0},
		{"equal", "a tie is not below the threshold", 0.25, 0.25, 0},
		{"zero threshold", "0 - 0 is +0", 0, 0, 0},
		{"tiny gap", "subnormal differences keep their sign", -5e-324, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := wonBit(tt.z, tt.t); got != tt.want {
				t.Errorf("wonBit(%v, %v) = %d, want %d (%s)", tt.z, tt.t, got, tt.want, tt.reason)
			}
		})
	}
}
