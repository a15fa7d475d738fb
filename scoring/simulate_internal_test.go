package scoring

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestSimulateSameForAnyWorkerCount(t *testing.T) {
	// Simulate's result must not depend on how chunks are spread over
	// goroutines; GOMAXPROCS only sets the worker count.
	rnd := rand.New(rand.NewPCG(1, 1))
	p := make([]float64, 40)
	states := make([]int, len(p))
	for i := range p {
		p[i] = rnd.Float64()
		states[i] = i % 7
	}
	p[3], p[5] = 0, 1
	c, err := NewCopula(0.4, 0.4)
	if err != nil {
		t.Fatal(err)
	}
	const scenarios = 9*chunkScenarios + 5
	want, err := simulate(p, states, c, scenarios, rand.New(rand.NewPCG(2, 3)), 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{2, 3, 7, 64} {
		got, err := simulate(p, states, c, scenarios, rand.New(rand.NewPCG(2, 3)), workers)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("simulate with %d workers differs from 1 worker", workers)
		}
	}
}

func TestChunkSeedIsSplitMix64(t *testing.T) {
	// The first outputs of SplitMix64 seeded with 0, as in the reference
	// implementation (https://prng.di.unimi.it/splitmix64.c).
	want := []uint64{0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f}
	for k, w := range want {
		if got := chunkSeed(0, k); got != w {
			t.Errorf("chunkSeed(0, %d) = %#x, want %#x", k, got, w)
		}
	}
}
