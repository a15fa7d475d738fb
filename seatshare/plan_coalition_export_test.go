package seatshare

import (
	"context"

	"github.com/coalitionlab/alliance/scoring"
)

// WholeValue is v(s) solved over every seat at once, without the
// state-by-state decomposition: the reference for additive games.
func (g *CoalitionGame) WholeValue(ctx context.Context, s scoring.Coalition) (float64, error) {
	return g.cached(ctx, -1, s)
}

// RebuiltValue is v(s) computed by building a planner for the sub-alliance
// s from its restricted scenario, the reference for the fast path
// (OutsidersAlone only).
func (g *CoalitionGame) RebuiltValue(ctx context.Context, s scoring.Coalition) (float64, error) {
	if s == 0 {
		return 0, nil
	}
	return g.rebuilt(ctx, s)
}
