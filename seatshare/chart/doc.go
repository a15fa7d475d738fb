// Package chart draws the seat-sharing planner's results as images a reader
// understands without the code: the distribution of the alliance's total
// seats with the target marked, the price of each demand, each party's seats
// against its entitlement, the negotiation frontier for one party, and the
// reliability of the win-probability forecasts.
//
// Each chart is a plain input struct with a Plot method returning a
// *[plot.Plot] from gonum.org/v1/plot, titled, with axis labels that name
// their units and a legend:
//
//   - [Distribution]: probability (%) of each total, the target as a
//     vertical line labelled with P(total >= target), the mean dashed;
//   - [Prices]: one horizontal bar per demand, the expected seats it costs;
//   - [Shares]: per party, its seats in the plan beside its entitlement;
//   - [Frontier]: the best expected wins for each seat count of one party,
//     with the optimum marked and counts that no plan can meet crossed;
//   - [Reliability]: forecast win probability against the share of seats
//     actually won, beside the diagonal of perfect calibration.
//
// Adapters fill them from the planner's and the scoring package's types:
// [DistributionOf], [DistributionOfSummary], [DistributionOfPMF],
// [PricesOf], [SharesOf] and [FrontierOf]. [Save] writes a plot as SVG or
// PNG by the file's extension, [Write] to any io.Writer. Every chart is sized for [DefaultWidth] by
// [DefaultHeight] (18 x 11 cm; PNG at [DPI] dots per inch).
//
// Bad input (an empty series, a NaN, lengths that differ) gives an
// *[InputError] wrapping [ErrInvalid] that names the field and element;
// nothing is dropped or clamped silently. Equal input gives byte-identical
// SVG.
//
// Package chart imports seatshare and scoring; they never import it, so
// programs that do not draw do not compile the plotting module.
package chart
