package calibrate

import (
	"github.com/coalitionlab/alliance/seatshare"
)

// Bloc definitions and party continuity for the Lok Sabha backtests, in
// the party labels of the TCPD files (see ../shared/data/README.md). The
// alliance is the Congress-led United Progressive Alliance (UPA), the
// ancestor of the INDIA bloc; the rival is the BJP-led National
// Democratic Alliance (NDA). Each bloc lists the parties that fielded
// candidates under its seat-sharing arrangement, restricted to the states
// where they did so; parties that fought alone elsewhere are outside both
// blocs there. Sources: the seat-sharing tables of the Wikipedia articles
// "2014 Indian general election" and "2019 Indian general election"
// (sections on the NDA and UPA), checked against which parties fielded
// candidates where in the results files; the 2019 Assam arrangement (AGP 3
// seats, BPF Kokrajhar) also from Zee News, "BJP wins 36.1% votes in
// Assam, Congress 35.3%" (May 2019), and The Times of India, "Assam
// election results: Dry run continues for BJP allies" (24 May 2019,
// http://toi.in/QSMJqb/a24gj). Small partners whose candidates
// stood on a larger partner's symbol (in Tamil Nadu 2019, MDMK and KMDK
// on the DMK's) are counted under that label by the results and need no
// entry.

// ls2014 returns the blocs of the 2014 Lok Sabha election.
func ls2014() Blocs {
	return Blocs{
		Alliance: []Member{
			{Party: "INC"},
			{Party: "NCP", States: []string{"Bihar", "Maharashtra"}},
			{Party: "RJD", States: []string{"Bihar"}},
			{Party: "JMM", States: []string{"Jharkhand"}},
			{Party: "RLD", States: []string{"Uttar Pradesh"}},
			{Party: "JKN", States: []string{"Jammu & Kashmir"}},
			{Party: "IUML", States: []string{"Kerala"}},
			{Party: "KEC(M)", States: []string{"Kerala"}},
			{Party: "RSP", States: []string{"Kerala"}},
		},
		Rival: []Member{
			{Party: "BJP"},
			{Party: "SHS", States: []string{"Maharashtra"}},
			{Party: "SWP", States: []string{"Maharashtra"}},
			{Party: "RSPS", States: []string{"Maharashtra"}},
			{Party: "TDP", States: []string{"Andhra Pradesh", "Telangana"}},
			{Party: "LJP", States: []string{"Bihar"}},
			{Party: "BLSP", States: []string{"Bihar"}},
			{Party: "SAD", States: []string{"Punjab"}},
			{Party: "AD", States: []string{"Uttar Pradesh"}},
			{Party: "HJCBL", States: []string{"Haryana"}},
			{Party: "PMK", States: []string{"Tamil Nadu"}},
			{Party: "DMDK", States: []string{"Tamil Nadu"}},
			{Party: "MDMK", States: []string{"Tamil Nadu"}},
			{Party: "AINRC", States: []string{"Puducherry"}},
			{Party: "NPF", States: []string{"Nagaland"}},
		},
	}
}

// ls2019 returns the blocs of the 2019 Lok Sabha election.
func ls2019() Blocs {
	return Blocs{
		Alliance: []Member{
			{Party: "INC"},
			{Party: "NCP", States: []string{"Maharashtra"}},
			{Party: "SWP", States: []string{"Maharashtra"}},
			{Party: "BVA", States: []string{"Maharashtra"}},
			{Party: "DMK", States: []string{"Tamil Nadu"}},
			{Party: "VCK", States: []string{"Tamil Nadu"}},
			{Party: "CPI", States: []string{"Tamil Nadu"}},
			{Party: "CPM", States: []string{"Tamil Nadu"}},
			{Party: "IUML", States: []string{"Kerala", "Tamil Nadu"}},
			{Party: "KEC(M)", States: []string{"Kerala"}},
			{Party: "RSP", States: []string{"Kerala"}},
			{Party: "RJD", States: []string{"Bihar"}},
			{Party: "BLSP", States: []string{"Bihar"}},
			{Party: "HAMS", States: []string{"Bihar"}},
			{Party: "VSIP", States: []string{"Bihar"}},
			{Party: "CPI(ML)(L)", States: []string{"Bihar"}},
			{Party: "JMM", States: []string{"Jharkhand"}},
			{Party: "JVM", States: []string{"Jharkhand"}},
			{Party: "JD(S)", States: []string{"Karnataka"}},
			{Party: "JKN", States: []string{"Jammu & Kashmir"}},
		},
		Rival: []Member{
			{Party: "BJP"},
			{Party: "SHS", States: []string{"Maharashtra"}},
			{Party: "JD(U)", States: []string{"Bihar"}},
			{Party: "LJP", States: []string{"Bihar"}},
			{Party: "SAD", States: []string{"Punjab"}},
			{Party: "ADAL", States: []string{"Uttar Pradesh"}},
			{Party: "ADMK", States: []string{"Tamil Nadu"}},
			{Party: "PMK", States: []string{"Tamil Nadu"}},
			{Party: "DMDK", States: []string{"Tamil Nadu"}},
			{Party: "AINRC", States: []string{"Puducherry"}},
			{Party: "AJSUP", States: []string{"Jharkhand"}},
			{Party: "AGP", States: []string{"Assam"}},
			{Party: "BOPF", States: []string{"Assam"}},
			{Party: "NDPP", States: []string{"Nagaland"}},
			{Party: "RLTP", States: []string{"Rajasthan"}},
		},
	}
}

// LokSabhaPairs returns the two Lok Sabha backtest pairs the package
// documentation reports: train, 2009 -> 2014, and test, 2014 -> 2019,
// from the 2009, 2014 and 2019 results (seatshare.OpenData). The 2009 and
// 2014 results are mapped onto 2019's seat identities
// (seatshare.AndhraPradeshTo2019), so Telangana's 17 seats are Telangana
// in every pair. The blocs are the UPA (alliance) and the NDA (rival) of
// the later election (see the comment on ls2014 and ls2019 in
// backtest_loksabha.go for the members and sources). Party continuity:
// 2009 MUL (Muslim League) is 2014 IUML, AUDF is AIUDF, and the PRAP
// (Praja Rajyam, merged into the INC in 2011) counts as INC; 2014 AD (Apna
// Dal) is 2019 ADAL (Apna Dal (Soneylal), the faction in the NDA). Base
// strengths are each party's own share of valid votes in the base
// election, with no alliance splitting (one base election cannot tell a
// partner's transferred votes from the candidate's own).
//
// It returns the error of Election.MapSeats or NewPartyMap, or an
// *InputError when an election is nil.
func LokSabhaPairs(e2009, e2014, e2019 *seatshare.Election) (train, test Pair, err error) {
	for _, e := range []*seatshare.Election{e2009, e2014, e2019} {
		if e == nil {
			return Pair{}, Pair{}, invalid("elections", "nil election")
		}
	}
	m2009, err := e2009.MapSeats(seatshare.AndhraPradeshTo2019)
	if err != nil {
		return Pair{}, Pair{}, err
	}
	m2014, err := e2014.MapSeats(seatshare.AndhraPradeshTo2019)
	if err != nil {
		return Pair{}, Pair{}, err
	}
	p0914, err := seatshare.NewPartyMap(
		seatshare.Rename{From: "MUL", To: []seatshare.Successor{{Party: "IUML", Fraction: 1}}},
		seatshare.Rename{From: "AUDF", To: []seatshare.Successor{{Party: "AIUDF", Fraction: 1}}},
		seatshare.Rename{From: "PRAP", To: []seatshare.Successor{{Party: "INC", Fraction: 1}}},
	)
	if err != nil {
		return Pair{}, Pair{}, err
	}
	p1419, err := seatshare.NewPartyMap(
		seatshare.Rename{From: "AD", To: []seatshare.Successor{{Party: "ADAL", Fraction: 1}}},
	)
	if err != nil {
		return Pair{}, Pair{}, err
	}
	train = Pair{Base: m2009, Later: m2014, BaseParties: p0914, Blocs: ls2014()}
	test = Pair{Base: m2014, Later: e2019, BaseParties: p1419, Blocs: ls2019()}
	return train, test, nil
}
