// Package illustrative embeds ILLUSTRATIVE data for Uttar Pradesh: synthetic
// candidate-level results for 2009 and 2019 (NOT real results) and the
// scenario of the uttarpradesh example, so that the examples and tests run
// with no files at all.
//
// The 80 constituencies carry their real names, numbers and reservation
// categories. The votes are made up by a seeded generator
// (internal/synth, regenerate with go generate) whose state-wide vote
// shares equal the published figures of each year (2019: BJP 49.56%, BSP
// 19.26%, SP 17.96%, INC 6.31%, RLD 1.67%, ADAL 1.20%; 2009: BSP 27.42%,
// SP 23.26%, INC 18.25%, BJP 17.50%, RLD 3.27%, AD 0.84%), with the
// parties contesting as the year's alliances did. Seat by seat the
// numbers are fiction; every Election this package returns says so in its
// Source, and so does every plan built on it.
//
// For the real results set SEATSHARE_DATA (see seatshare.OpenData).
package illustrative
