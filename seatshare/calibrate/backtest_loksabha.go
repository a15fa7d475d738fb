package calibrate

import (
	"fmt"

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
// http://toi.in/QSMJqb/a24gj). Partners that the Wikipedia tables leave
// out were found by listing, state by state, the parties that stood where
// the bloc's main party did not while it stood elsewhere in the state, and
// are members on these sources:
//
//   - 2014 UPA: the Mahan Dal (MD: Nagina, Etah, Badaun; "INC allied with
//     Rashtriya Lok Dal and Mahan Dal", Wikipedia, "2014 Indian general
//     election in Uttar Pradesh"); the RJD in Jharkhand (Palamu; Zee News,
//     "Jharkhand: Can Congress-JMM stop BJP?", 2014: Congress "in
//     coalition with the JMM and RJD"); the Socialist Janata (Democratic)
//     in Kerala (SJD: Palakkad, M. P. Veerendra Kumar; Wikipedia, "2014
//     Indian general election in Kerala", and NewsX, "16th Lok Sabha
//     elections 2014 Kerala: Full winners list"); the NCP in Gujarat
//     (Porbandar; The Economic Times, "Lok Sabha polls: Congress, NCP
//     finalise seat sharing arrangement in Gujarat", PTI, March 2014); the
//     CPI in Telangana (Khammam, K. Narayana; The Hans India, "CPI lays its
//     eyes on Khammam MP seat", 29 February 2024: "The CPI had contested in
//     2014 LS elections in alliance with the Congress party"); the BPF in
//     Assam (BOPF: Kokrajhar, with a friendly fight in Mangaldoi; The Assam
//     Tribune, 9 November 2017: "During the last two Lok Sabha polls, BPF
//     was part of the UPA and so, we had refrained from contesting from
//     that seat").
//   - 2014 NDA: the RPI(A) in Maharashtra (Satara, where neither the BJP
//     nor the Shiv Sena stood; The Indian Express, "BJP, two allies claim
//     Lok Sabha seat in Maharashtra", 2024: Athawale "joined the NDA ahead
//     of the 2014 Lok Sabha polls"); the National People's Party in
//     Meghalaya (NPEP: Tura, where the BJP fielded no candidate; Business
//     Standard, "Congress loses some ground to NPP and others in
//     Meghalaya", PTI, 17 May 2014, on the NPP's pre-poll alliance with
//     the BJP).
//   - 2019 UPA: the RJD in Jharkhand (Palamu; The New Indian Express,
//     "Congress to contest 7 seats, JMM gets 4 in Jharkhand Grand
//     Alliance", PTI, 25 March 2019: "The Mahagathbandhan has left the
//     Palamau seat to the RJD"; its candidate in Chatra was a friendly
//     fight); the JMM, CPI and CPI(M) in Odisha (Mayurbhanj, Aska,
//     Bhubaneswar; The New Indian Express, "Seat sharing talks start,
//     Odisha Congress to concede 3 to allies", 31 January 2024, on the
//     2019 arrangement: the Congress "had also conceded the Bhubaneswar
//     Lok Sabha seat to the CPM", fielded no candidate in Aska, and
//     Mayurbhanj "had also gone to the JMM"); the Jan Adhikar Party in
//     Uttar Pradesh (JANADIP: Etah, Machhlishahr, Chandauli; The Indian
//     Express, "Congress leaves 7 seats for SP-BSP-RLD alliance", 18 March
//     2019: an "electoral agreement of seven seats with the Jan Adhikar
//     Party").
//   - 2019 NDA: the Tamil Maanila Congress (Moopanar) in Tamil Nadu
//     (TMC(M): Thanjavur; Hindustan Times, "Lok Sabha 2019 constituency:
//     Thanjavur set for a three-cornered battle", 14 April 2019); the
//     Bharath Dharma Jana Sena and P. C. Thomas's Kerala Congress in Kerala
//     (BDJS: Wayanad, Alathur, Idukki, Mavelikkara; KEC: Kottayam; DNA
//     India, "Palakkad Lok Sabha election results 2019", 23 May 2019: "BJP
//     is contesting on 14 seats, Bharat Dharma Jana Sena (BDJS) on 5 seats
//     and PC Thomas-led Kerala Congress on 1 seat").
//
// Left out for want of a source: the BVA in Palghar 2014 (neither the INC
// nor the NCP stood) and the RSP (Bolshevik) in Alappuzha 2014 (the BJP
// did not stand), so Palghar 2014 has no UPA candidate and Alappuzha 2014
// no NDA one. Allies that stood as independents (2014 Kottayam, the NDA's
// Noble Mathew; 2019 Amravati, Navneet Rana; 2019 Mandya, Sumalatha) cannot
// be bloc members. Small partners whose candidates stood on a larger
// partner's symbol (in Tamil Nadu 2019, MDMK and KMDK on the DMK's) are
// counted under that label by the results and need no entry.

// ls2014 returns the blocs of the 2014 Lok Sabha election.
func ls2014() Blocs {
	return Blocs{
		Alliance: []Member{
			{Party: "INC"},
			{Party: "NCP", States: []string{"Bihar", "Gujarat", "Maharashtra"}},
			{Party: "RJD", States: []string{"Bihar", "Jharkhand"}},
			{Party: "JMM", States: []string{"Jharkhand"}},
			{Party: "RLD", States: []string{"Uttar Pradesh"}},
			{Party: "MD", States: []string{"Uttar Pradesh"}},
			{Party: "JKN", States: []string{"Jammu & Kashmir"}},
			{Party: "IUML", States: []string{"Kerala"}},
			{Party: "KEC(M)", States: []string{"Kerala"}},
			{Party: "RSP", States: []string{"Kerala"}},
			{Party: "SJD", States: []string{"Kerala"}},
			{Party: "CPI", States: []string{"Telangana"}},
			{Party: "BOPF", States: []string{"Assam"}},
		},
		Rival: []Member{
			{Party: "BJP"},
			{Party: "SHS", States: []string{"Maharashtra"}},
			{Party: "SWP", States: []string{"Maharashtra"}},
			{Party: "RSPS", States: []string{"Maharashtra"}},
			{Party: "RPI(A)", States: []string{"Maharashtra"}},
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
			{Party: "NPEP", States: []string{"Meghalaya"}},
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
			{Party: "CPI", States: []string{"Odisha", "Tamil Nadu"}},
			{Party: "CPM", States: []string{"Odisha", "Tamil Nadu"}},
			{Party: "IUML", States: []string{"Kerala", "Tamil Nadu"}},
			{Party: "KEC(M)", States: []string{"Kerala"}},
			{Party: "RSP", States: []string{"Kerala"}},
			{Party: "RJD", States: []string{"Bihar", "Jharkhand"}},
			{Party: "BLSP", States: []string{"Bihar"}},
			{Party: "HAMS", States: []string{"Bihar"}},
			{Party: "VSIP", States: []string{"Bihar"}},
			{Party: "CPI(ML)(L)", States: []string{"Bihar"}},
			{Party: "JMM", States: []string{"Jharkhand", "Odisha"}},
			{Party: "JVM", States: []string{"Jharkhand"}},
			{Party: "JD(S)", States: []string{"Karnataka"}},
			{Party: "JKN", States: []string{"Jammu & Kashmir"}},
			{Party: "JANADIP", States: []string{"Uttar Pradesh"}},
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
			{Party: "TMC(M)", States: []string{"Tamil Nadu"}},
			{Party: "AINRC", States: []string{"Puducherry"}},
			{Party: "AJSUP", States: []string{"Jharkhand"}},
			{Party: "AGP", States: []string{"Assam"}},
			{Party: "BOPF", States: []string{"Assam"}},
			{Party: "NDPP", States: []string{"Nagaland"}},
			{Party: "RLTP", States: []string{"Rajasthan"}},
			{Party: "BDJS", States: []string{"Kerala"}},
			{Party: "KEC", States: []string{"Kerala"}},
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
// partner's transferred votes from the candidate's own); LokSabhaSplitPairs
// gives the same pairs with splitting.
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

// Pre-election alliances of the base elections, for LokSabhaSplitPairs, in
// the base election's analysis labels (after the pair's PartyMap: 2009
// MUL is IUML, 2014 AD is ADAL) and 2019's state names (Telangana is seats
// 1-17 of undivided Andhra Pradesh). An alliance is listed in a state only
// where its parties shared the seats: every member fielded a candidate
// somewhere in the state (the split needs each member's state-wide share)
// and in some seat a member stood while another stood aside
// (TestLokSabhaAlliances checks both against the results). Friendly fights
// (two members in one seat, such as INC and JMM in three Jharkhand seats in
// 2009) are allowed; there each keeps its own votes. Arrangements whose
// partner had no candidate anywhere in the state (2009 Puducherry, INC
// with the DMK's support; 2014 Puducherry, AINRC with the BJP's; Nagaland,
// NPF with the BJP's) cannot be split by strength and are left out, as are
// candidates on a partner's symbol (2009 IUML in Vellore on the DMK's) and
// allies listed as independents (2009 SUCI in Jaynagar).
//
// Sources: the alliance sections of the Wikipedia articles "2009 Indian
// general election" (UPA, NDA, Third Front, Fourth Front), "Indian National
// Congress campaign for the 2009 Indian general election" (the UPA's
// seat-sharing table) and "2014 Indian general election", and their
// per-state articles, checked against which parties fielded candidates in
// which seats in the results files.

// LokSabhaSplit says which alliances of the base elections
// LokSabhaSplitPairs splits.
type LokSabhaSplit uint8

// The splits.
const (
	// SplitBlocs splits the UPA's and the NDA's state arrangements: the
	// blocs' alliances, as a scenario lists them for the planner.
	SplitBlocs LokSabhaSplit = iota
	// SplitAllFronts splits every seat-sharing alliance of the base
	// election: the blocs' and the other fronts' (2009: the Third Front in
	// Andhra Pradesh, Telangana, Odisha and Tamil Nadu, the Fourth Front in
	// Bihar and Jharkhand, the Left fronts in Kerala and West Bengal; 2014:
	// JD(U) and CPI in Bihar, the DMK's front in Tamil Nadu, the Left
	// fronts in Kerala and West Bengal).
	SplitAllFronts
)

// String returns "blocs" or "all fronts".
func (s LokSabhaSplit) String() string {
	switch s {
	case SplitBlocs:
		return "blocs"
	case SplitAllFronts:
		return "all fronts"
	}
	return fmt.Sprintf("LokSabhaSplit(%d)", uint8(s))
}

// alliance builds one seat-sharing alliance of a base election.
func alliance(name string, states []string, members ...string) seatshare.Alliance {
	return seatshare.Alliance{Name: name, Members: members, States: states}
}

func states(s ...string) []string { return s }

// alliances2009 returns the seat-sharing alliances of the 2009 Lok Sabha
// election: the UPA's and the NDA's, and the other fronts'.
func alliances2009() (blocs, fronts []seatshare.Alliance) {
	blocs = []seatshare.Alliance{
		alliance("2009 UPA Assam", states("Assam"), "INC", "BOPF"),
		alliance("2009 UPA Goa", states("Goa"), "INC", "NCP"),
		alliance("2009 UPA Jammu & Kashmir", states("Jammu & Kashmir"), "INC", "JKN"),
		alliance("2009 UPA Jharkhand", states("Jharkhand"), "INC", "JMM"),
		alliance("2009 UPA Kerala (UDF)", states("Kerala"), "INC", "IUML", "KEC(M)"),
		alliance("2009 UPA Maharashtra", states("Maharashtra"), "INC", "NCP", "RPI(A)", "RPI"),
		alliance("2009 UPA Tamil Nadu", states("Tamil Nadu"), "DMK", "INC", "VCK"),
		alliance("2009 UPA West Bengal", states("West Bengal"), "AITC", "INC"),
		alliance("2009 NDA Assam", states("Assam"), "BJP", "AGP"),
		alliance("2009 NDA Bihar and Jharkhand", states("Bihar", "Jharkhand"), "BJP", "JD(U)"),
		alliance("2009 NDA Haryana", states("Haryana"), "BJP", "INLD"),
		alliance("2009 NDA Maharashtra", states("Maharashtra"), "BJP", "SHS"),
		alliance("2009 NDA Punjab", states("Punjab"), "BJP", "SAD"),
		alliance("2009 NDA Uttar Pradesh", states("Uttar Pradesh"), "BJP", "RLD", "JD(U)"),
	}
	fronts = []seatshare.Alliance{
		alliance("2009 Third Front Andhra Pradesh", states("Andhra Pradesh"), "TDP", "CPM"),
		alliance("2009 Third Front Telangana", states("Telangana"), "TDP", "TRS", "CPI", "CPM"),
		alliance("2009 Third Front Odisha", states("Odisha"), "BJD", "CPI", "CPM", "NCP"),
		alliance("2009 Third Front Tamil Nadu", states("Tamil Nadu"), "ADMK", "PMK", "MDMK", "CPI", "CPM"),
		alliance("2009 Fourth Front Bihar and Jharkhand", states("Bihar", "Jharkhand"), "RJD", "LJP"),
		alliance("2009 Kerala LDF", states("Kerala"), "CPM", "CPI", "KEC"),
		alliance("2009 West Bengal Left Front", states("West Bengal"), "CPM", "CPI", "RSP", "AIFB"),
	}
	return blocs, fronts
}

// alliances2014 returns the seat-sharing alliances of the 2014 Lok Sabha
// election: the UPA's and the NDA's, and the other fronts'. The blocs'
// are ls2014's members in the states where they shared seats (2014 AD as
// ADAL); the AINRC in Puducherry and the NPF in Nagaland are left out, the
// BJP having fielded no candidate in either state.
func alliances2014() (blocs, fronts []seatshare.Alliance) {
	blocs = []seatshare.Alliance{
		alliance("2014 UPA Assam", states("Assam"), "INC", "BOPF"),
		alliance("2014 UPA Bihar", states("Bihar"), "INC", "RJD", "NCP"),
		alliance("2014 UPA Gujarat", states("Gujarat"), "INC", "NCP"),
		alliance("2014 UPA Jammu & Kashmir", states("Jammu & Kashmir"), "INC", "JKN"),
		alliance("2014 UPA Jharkhand", states("Jharkhand"), "INC", "JMM", "RJD"),
		alliance("2014 UPA Kerala (UDF)", states("Kerala"), "INC", "IUML", "KEC(M)", "RSP", "SJD"),
		alliance("2014 UPA Maharashtra", states("Maharashtra"), "INC", "NCP"),
		alliance("2014 UPA Telangana", states("Telangana"), "INC", "CPI"),
		alliance("2014 UPA Uttar Pradesh", states("Uttar Pradesh"), "INC", "RLD", "MD"),
		alliance("2014 NDA Andhra Pradesh and Telangana", states("Andhra Pradesh", "Telangana"), "BJP", "TDP"),
		alliance("2014 NDA Bihar", states("Bihar"), "BJP", "LJP", "BLSP"),
		alliance("2014 NDA Haryana", states("Haryana"), "BJP", "HJCBL"),
		alliance("2014 NDA Maharashtra", states("Maharashtra"), "BJP", "SHS", "SWP", "RSPS", "RPI(A)"),
		alliance("2014 NDA Meghalaya", states("Meghalaya"), "BJP", "NPEP"),
		alliance("2014 NDA Punjab", states("Punjab"), "BJP", "SAD"),
		alliance("2014 NDA Tamil Nadu", states("Tamil Nadu"), "BJP", "PMK", "DMDK", "MDMK"),
		alliance("2014 NDA Uttar Pradesh", states("Uttar Pradesh"), "BJP", "ADAL"),
	}
	fronts = []seatshare.Alliance{
		alliance("2014 JD(U) and CPI Bihar", states("Bihar"), "JD(U)", "CPI"),
		alliance("2014 DMK front Tamil Nadu", states("Tamil Nadu"), "DMK", "VCK", "IUML", "MAMAK", "PT"),
		alliance("2014 Kerala LDF", states("Kerala"), "CPM", "CPI", "JD(S)"),
		alliance("2014 West Bengal Left Front", states("West Bengal"), "CPM", "CPI", "RSP", "AIFB"),
	}
	return blocs, fronts
}

// LokSabhaSplitPairs returns the pairs of LokSabhaPairs with alliance
// splitting in the base strengths, as the planner computes them
// (seatshare.Base.Alliances, seatshare.SplitByStrength): in the base
// election, the votes of an alliance candidate are divided among its party
// and the partners that stood aside for it, in proportion to each party's
// mean share over the state's seats in that election (counting seats it
// did not fight as 0; with one base election this is the only reference,
// flag seatshare.ImputedSplitStateNow). The train pair splits alliances of
// 2009, the test pair of 2014; which ones is set by which (see the comment
// on alliances2009 in backtest_loksabha.go for every alliance and the
// sources). The blocs, party continuity and exclusions are those of
// LokSabhaPairs.
//
// It returns the errors of LokSabhaPairs, or an *InputError when which is
// unknown.
func LokSabhaSplitPairs(e2009, e2014, e2019 *seatshare.Election, which LokSabhaSplit) (train, test Pair, err error) {
	if which > SplitAllFronts {
		return Pair{}, Pair{}, invalid("split", "unknown split %d", which)
	}
	if train, test, err = LokSabhaPairs(e2009, e2014, e2019); err != nil {
		return Pair{}, Pair{}, err
	}
	b09, f09 := alliances2009()
	b14, f14 := alliances2014()
	train.BaseAlliances, test.BaseAlliances = b09, b14
	if which == SplitAllFronts {
		train.BaseAlliances = append(b09, f09...)
		test.BaseAlliances = append(b14, f14...)
	}
	return train, test, nil
}
