package scoring

import (
	"math"
	"math/rand/v2"
)

// The simulation draws its standard normals with the ziggurat method of
// G. Marsaglia and W. W. Tsang, "The Ziggurat Method for Generating Random
// Variables", Journal of Statistical Software 5(8), 2000
// (https://doi.org/10.18637/jss.v005.i08), with 128 layers. As J. A. Doornik
// recommends ("An Improved Ziggurat Method to Generate Normal Random
// Samples", 2005), the layer index and the value come from different bits of
// one 64-bit draw. Drawing directly from a concrete *rand.PCG lets the common
// case (over 98% of draws: one Uint64, a multiply and a compare) be inlined
// in the simulation loop.

const (
	// zigLayers is the number of layers; the layer index takes 7 bits.
	zigLayers = 128
	// zigR is where the tail starts, and zigV the area of each layer, for 128
	// layers (Marsaglia and Tsang 2000, section 3).
	zigR = 3.442619855899
	zigV = 9.91256303526217e-3
	// zigScale is 2^31: values are drawn as 32-bit signed integers.
	zigScale = 1 << 31
)

// ziggurat holds the tables of the method.
type ziggurat struct {
	// k[i] bounds |j| for immediate acceptance in layer i.
	k [zigLayers]uint32
	// w[i] scales a 32-bit signed integer j to the value j*w[i].
	w [zigLayers]float64
	// f[i] is the unnormalised density exp(-x^2/2) at layer i's edge.
	f [zigLayers]float64
}

// newZiggurat computes the tables (Marsaglia and Tsang 2000, section 4).
func newZiggurat() *ziggurat {
	z := new(ziggurat)
	x := zigR
	q := zigV / math.Exp(-0.5*x*x) // width of the base strip's rectangle
	z.k[0] = uint32(x / q * zigScale)
	z.w[0] = q / zigScale
	z.f[0] = 1
	z.w[zigLayers-1] = x / zigScale
	z.f[zigLayers-1] = math.Exp(-0.5 * x * x)
	// z.k[1] stays 0: the top layer has no rectangle inside the curve.
	for i := zigLayers - 2; i >= 1; i-- {
		prev := x
		x = math.Sqrt(-2 * math.Log(zigV/x+math.Exp(-0.5*x*x)))
		z.k[i+1] = uint32(x / prev * zigScale)
		z.f[i] = math.Exp(-0.5 * x * x)
		z.w[i] = x / zigScale
	}
	return z
}

// normal returns a standard normal draw from src.
func (z *ziggurat) normal(src *rand.PCG) float64 {
	u := src.Uint64()
	j := int32(u)
	i := u >> 32 & (zigLayers - 1)
	if abs32(j) < z.k[i] {
		return float64(j) * z.w[i]
	}
	return z.slow(src, u)
}

// slow finishes a draw whose first 64 bits u fell outside the layer's inner
// rectangle: it accepts u's value in the wedge under the curve, draws from
// the tail for the base strip, or starts over.
func (z *ziggurat) slow(src *rand.PCG, u uint64) float64 {
	for {
		j := int32(u)
		i := u >> 32 & (zigLayers - 1)
		x := float64(j) * z.w[i]
		switch {
		case abs32(j) < z.k[i]:
			return x
		case i == 0:
			return z.tail(src, j > 0)
		case z.f[i]+uniform(src)*(z.f[i-1]-z.f[i]) < math.Exp(-0.5*x*x):
			return x
		}
		u = src.Uint64()
	}
}

// tail draws from the normal tail beyond zigR (Marsaglia's method, 1964).
func (z *ziggurat) tail(src *rand.PCG, positive bool) float64 {
	for {
		x := -math.Log(uniform(src)) / zigR
		y := -math.Log(uniform(src))
		if y+y >= x*x {
			if positive {
				return zigR + x
			}
			return -zigR - x
		}
	}
}

// uniform returns a uniform draw in (0, 1].
func uniform(src *rand.PCG) float64 {
	return float64(src.Uint64()>>11+1) * 0x1p-53
}

func abs32(j int32) uint32 {
	if j < 0 {
		return uint32(-j)
	}
	return uint32(j)
}
