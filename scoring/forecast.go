// This file holds the metrics of probability forecasts of yes/no events
// (did the alliance win the seat?): the Brier score, the log loss, the area
// under the ROC curve and the reliability table. Each takes the forecast
// probabilities and the outcomes as parallel slices.

package scoring

import (
	"cmp"
	"math"
	"slices"
)

// LogLossEpsilon is how far [LogLoss] keeps a probability from 0 and 1: a
// forecast p is scored as if it were min(max(p, LogLossEpsilon),
// 1-LogLossEpsilon), so a confident miss costs at most
// -ln(1e-15) ~ 34.5 instead of infinity. The clamp changes nothing for
// forecasts between 1e-15 and 1-1e-15.
const LogLossEpsilon = 1e-15

// checkForecasts returns an *InputError unless p and won have the same
// positive length and every p[i] lies in [0, 1].
func checkForecasts(p []float64, won []bool) error {
	if len(p) == 0 {
		return invalid("p", -1, "no forecasts")
	}
	if len(won) != len(p) {
		return invalid("won", -1, "%d outcomes for %d forecasts", len(won), len(p))
	}
	for i, x := range p {
		if err := checkUnit("p", i, x); err != nil {
			return err
		}
	}
	return nil
}

// Brier returns the Brier score of the forecasts p of the outcomes won:
// the mean of (p[i] - y[i])^2 with y[i] = 1 when won[i] and 0 otherwise.
// It lies in [0, 1]; 0 is a perfect forecast and a constant 1/2 scores
// 1/4. It returns a [*InputError] when the slices differ in length, are
// empty, or a probability is outside [0, 1] or NaN. It takes O(n) time.
//
// See G. W. Brier, "Verification of forecasts expressed in terms of
// probability", Monthly Weather Review 78 (1950) 1-3.
func Brier(p []float64, won []bool) (float64, error) {
	if err := checkForecasts(p, won); err != nil {
		return 0, err
	}
	sum := 0.0
	for i, x := range p {
		d := x
		if won[i] {
			d = 1 - x
		}
		sum += d * d
	}
	return sum / float64(len(p)), nil
}

// LogLoss returns the mean negative log-likelihood of the outcomes won
// under the forecasts p, in nats: the mean of -ln(p[i]) over won events
// and -ln(1-p[i]) over lost ones, each probability first clamped to
// [LogLossEpsilon, 1-LogLossEpsilon] (see there). A constant forecast of
// 1/2 scores ln 2 ~ 0.693. It returns a [*InputError] as [Brier] does. It
// takes O(n) time.
func LogLoss(p []float64, won []bool) (float64, error) {
	if err := checkForecasts(p, won); err != nil {
		return 0, err
	}
	sum := 0.0
	for i, x := range p {
		sum += pointLogLoss(x, won[i])
	}
	return sum / float64(len(p)), nil
}

// pointLogLoss is the clamped negative log-likelihood of one outcome.
func pointLogLoss(p float64, won bool) float64 {
	p = min(max(p, LogLossEpsilon), 1-LogLossEpsilon)
	if won {
		return -math.Log(p)
	}
	return -math.Log1p(-p)
}

// AUC returns the area under the ROC curve of the forecasts p of the
// outcomes won: the probability that a randomly chosen won event has a
// higher forecast than a randomly chosen lost one, with ties counted as
// one half (the Mann-Whitney U statistic divided by the product of the
// numbers of won and lost events). 1 separates perfectly, 1/2 is no better
// than chance. AUC depends only on the order of the forecasts, so any
// strictly increasing transform of p leaves it unchanged; compare
// forecasts that rank alike with [LogLoss] or [Brier].
//
// It returns a [*InputError] as [Brier] does, and also when every outcome
// is the same (the AUC is then undefined). It takes O(n log n) time.
//
// See J. A. Hanley and B. J. McNeil, "The meaning and use of the area
// under a receiver operating characteristic (ROC) curve", Radiology 143
// (1982) 29-36.
func AUC(p []float64, won []bool) (float64, error) {
	if err := checkForecasts(p, won); err != nil {
		return 0, err
	}
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	// Sum of the mid-ranks (1-based) of the won events.
	var rankSum float64
	var nWon int
	for lo := 0; lo < len(idx); {
		hi := lo + 1
		for hi < len(idx) && p[idx[hi]] == p[idx[lo]] {
			hi++
		}
		mid := float64(lo+1+hi) / 2 // mean of the ranks lo+1..hi
		for _, i := range idx[lo:hi] {
			if won[i] {
				rankSum += mid
				nWon++
			}
		}
		lo = hi
	}
	nLost := len(p) - nWon
	if nWon == 0 || nLost == 0 {
		return 0, invalid("won", -1, "all %d outcomes are the same; the AUC needs both", len(p))
	}
	u := rankSum - float64(nWon)*float64(nWon+1)/2
	return u / (float64(nWon) * float64(nLost)), nil
}

// ReliabilityBin is one row of a reliability table: the forecasts that fell
// in [Lo, Hi) (the last bin also holds Hi = 1), how many there were, how
// many of those events happened, and the mean forecast against the observed
// rate.
type ReliabilityBin struct {
	Lo, Hi float64
	// Count is the number of forecasts in the bin; Won is how many of
	// their events happened.
	Count, Won int
	// Predicted is the mean forecast in the bin and Observed is Won/Count;
	// both are 0 when Count is 0.
	Predicted, Observed float64
}

// Reliability returns the reliability table of the forecasts p of the
// outcomes won over bins equal-width bins of [0, 1]: bin k holds the
// forecasts in [k/bins, (k+1)/bins), the last bin also holds 1. A well
// calibrated forecast has Observed close to Predicted in every bin with
// many forecasts. Every bin is returned, empty ones with Count 0, so
// tables of different forecasts line up.
//
// It returns a [*InputError] as [Brier] does, and when bins is not
// positive. It takes O(n + bins) time.
func Reliability(p []float64, won []bool, bins int) ([]ReliabilityBin, error) {
	if err := checkForecasts(p, won); err != nil {
		return nil, err
	}
	if bins < 1 {
		return nil, invalid("bins", -1, "%d is not positive", bins)
	}
	out := make([]ReliabilityBin, bins)
	sum := make([]float64, bins)
	for k := range out {
		out[k].Lo = float64(k) / float64(bins)
		out[k].Hi = float64(k+1) / float64(bins)
	}
	for i, x := range p {
		k := min(int(x*float64(bins)), bins-1)
		// x*bins can round across an edge; the edges are the rule.
		for k > 0 && x < out[k].Lo {
			k--
		}
		for k < bins-1 && x >= out[k].Hi {
			k++
		}
		out[k].Count++
		sum[k] += x
		if won[i] {
			out[k].Won++
		}
	}
	for k := range out {
		if n := out[k].Count; n > 0 {
			out[k].Predicted = sum[k] / float64(n)
			out[k].Observed = float64(out[k].Won) / float64(n)
		}
	}
	return out, nil
}
