// Package synth generates the ILLUSTRATIVE (synthetic, not real) Uttar
// Pradesh results embedded in package illustrative.
//
// The 80 constituencies carry their real names, numbers and reservation
// categories (public facts). Everything else is made up: each party gets a
// standalone strength in each seat from a smooth regional profile times
// seeded log-normal noise; the parties contest the seats by simple rules
// that mimic each year's alliances; the vote shares are then scaled, party
// by party, until the state-wide shares equal the published figures of
// that year (Election Commission of India, as in the TCPD Lok Dhaba
// export): in 2019 BJP 49.56%, BSP 19.26%, SP 17.96%, INC 6.31%, RLD 1.67%,
// ADAL 1.20%, NOTA 0.84%; in 2009 BSP 27.42%, SP 23.26%, INC 18.25%, BJP
// 17.50%, RLD 3.27%, AD 0.84%. The rest of the vote (independents and
// smaller parties) goes to three independent candidates per seat.
// Seat-level numbers resemble the real ones only in their broad pattern.
package synth
