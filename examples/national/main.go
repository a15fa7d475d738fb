// Command national plans the INDIA bloc's seat sharing over all 543 Lok
// Sabha seats, state by state, on the real results.
//
// # The bloc
//
// The bloc had 26 parties when it took its name in Bengaluru on 18 July 2023
// (The Hindu, "Which are the 26 parties in the INDIA combine", 26 July
// 2023) and 28 at its Mumbai meeting of 31 August and 1 September 2023
// (India TV News, 30 August 2023, listing the Peasants and Workers Party
// as the newcomer; PTI, 31 August 2023, "PWP and one more party, name not
// confirmed"). The 27 named parties are INC, AITC, DMK, AAP, JD(U), RJD,
// JMM, NCP (the Sharad Pawar faction, later NCP(SP)), Shiv Sena (UBT), SP,
// RLD, Apna Dal (Kamerawadi), J&K National Conference, PDP, CPI(M), CPI,
// CPI(ML) Liberation, RSP, All India Forward Bloc, MDMK, VCK, Kongunadu
// Makkal Desia Katchi (KMDK), Manithaneya Makkal Katchi (MMK), IUML, Kerala
// Congress (M), Kerala Congress (Joseph) and PWPI; the 28th is not named
// in those reports, and the output says so.
//
// The cut-off is the seat-sharing talks of February and March 2024, from
// which the demands below come (SP-INC in Uttar Pradesh, 21 February;
// AAP-INC, 24 February; Bihar, 29 March): JD(U) left the bloc for the NDA
// on 28 January 2024 and RLD confirmed its move on 12 February 2024
// (joining formally on 2 March), so both count in the rival bloc and have
// no seats here. Apna Dal
// (Kamerawadi) and KMDK have no results of their own to estimate a
// strength from (AD(K): the undivided Apna Dal of 2014 is mapped to its
// faction that kept the votes, ADAL, now in the NDA, and in 2019 Krishna
// Patel stood on INC's ticket in Gonda; KMDK stood on BJP's ticket in
// Pollachi in 2014 and on DMK's in Namakkal in 2019), so they have none
// either. The other 23 are the alliance.
//
// # Where each member is one
//
// INC is a member everywhere. Every other party is a member in the states
// where, in 2014 or 2019, one of its candidates kept the deposit (polled
// more than a sixth of the seat's valid votes), by its TCPD label (AAP is AAAP,
// CPI(M) is CPM, CPI(ML) Liberation is CPI(ML)(L), the National Conference
// JKN, MMK MAMAK) or, for a party that split, its undivided predecessor's
// (SHS, NCP, KEC(M)). Smaller showings add little to the alliance's
// arithmetic and would only add players to the Shapley games. Added to the rule are the states
// of the bloc's 2024 deals that it misses: AAP in Gujarat, Haryana and Goa
// (the AAP-INC deal of 24 February 2024: AAP in Bharuch, Bhavnagar and
// Kurukshetra, INC in both Goa seats) and CPI(M) in Bihar (Khagaria, in
// the Mahagathbandhan deal of 29 March 2024). Taken from the rule are the
// undivided NCP's 2014 deposits in Bihar (Katihar) and Gujarat
// (Porbandar): the half-and-half split is a Maharashtra assumption, and
// Katihar's candidate, Tariq Anwar, joined INC in 2018. The result:
//
//   - SP: Uttar Pradesh. JMM: Jharkhand. DMK, VCK, MDMK, MMK: Tamil Nadu.
//     AIFB: West Bengal. KEC(M), KEC(J): Kerala. SS(UBT), PWPI:
//     Maharashtra. JKN, JKPDP: Jammu & Kashmir.
//   - RJD, CPI(ML)(L): Bihar, Jharkhand. AITC: Jharkhand, West Bengal.
//     IUML: Kerala, Tamil Nadu. RSP: Kerala, West Bengal. NCP(SP):
//     Lakshadweep, Maharashtra.
//   - CPI: Bihar, Kerala, Manipur, Tamil Nadu, West Bengal. CPI(M): Bihar,
//     Kerala, Tamil Nadu, Tripura, West Bengal.
//   - AAP: Chandigarh, Delhi, Goa, Gujarat, Haryana, Maharashtra
//     (Chandrapur, 2014), Punjab, Uttar Pradesh (Varanasi, 2014).
//
// This is the whole bloc sharing seats everywhere: in Kerala, West Bengal
// and Punjab its members fought each other in 2024, and the plan shows
// what sharing would have been worth there. With -separate, each seat of
// those three states may instead have no alliance candidate (the scenario's
// "separate" option: the members contest separately), and the plan chooses
// seat by seat. That option's win probability, min(1, the sum of the
// members' chances alone), counts a race the members both could win twice
// over, so the -separate plan's figures there are generous to separate
// contests; on the 2019 and 2014 results it picks them in 27 seats.
//
// # Splits and labels
//
// The Shiv Sena and the NCP split in 2022-23; each undivided party's votes
// go half to each faction (SHS(UBT) and SHS, NCP(SP) and NCP), a stated
// assumption: MLA counts went mostly to the other factions, voters are
// not MLAs, and there is no later Lok Sabha result to split by. The
// Kerala Congress (M) of 2014 and 2019 split in 2019-20 into Jose K.
// Mani's KEC(M) and P. J. Joseph's Kerala Congress (KEC(J) here), half
// each likewise; the two keep their halves of Kottayam and are left out of
// the UDF's vote splits (a split there favours whichever is listed first).
// The 2019 KEC label is P. C. Thomas's NDA candidate and stays a party
// contesting alone. TCPD labels the J&K PDP's 2019 Srinagar candidate PDP,
// which is mapped to JKPDP (the map also relabels two Kerala PDP
// candidates with under 0.2% each, harmlessly).
//
// # Demands
//
// Congress's state-wise minimums are those reported from the talks: Uttar
// Pradesh 10+, Bihar 9+, Jharkhand 9+, West Bengal 6, its 8 sitting seats
// in Punjab, Maharashtra 20+ and Delhi 3+; the regional partners ask for
// their own minimums (SP 60+, RJD 20+, JMM 4+, AITC 30+, SS(UBT) 18+,
// NCP(SP) 8+, AAP 4+ in Delhi, DMK 20+). The members added since make no
// demands: no sourced minimum of theirs was found.
//
// # Model and output
//
// Base strengths come from 2019 (weight 0.7) with 2014 as a second base
// (0.3), splitting the votes of each year's alliances among their
// partners: Uttar Pradesh, Bihar, Jharkhand, Maharashtra, Karnataka, the
// UDF and LDF in Kerala, the Left Front in West Bengal, and in Tamil Nadu
// the DMK's fronts and the 2014 NDA (BJP, DMDK, PMK, MDMK). MDMK's one
// 2019 candidate stood on DMK's ticket, so its strength comes from 2014.
// A party's value in a seat is averaged over the bases it stood in there,
// which for a party that sat out a whole state in 2019 would turn its 2014
// share into its whole strength (PWPI would take Maval at 0.97 on a 2014
// candidate who joined the BJP that year). So where a member sat out a
// state of its own in 2019 (no candidate, no 2019 alliance) and fought it
// alone in 2014, its 2014 shares there count at 2014's weight, 2019
// counting as zero: AAP in Gujarat and Maharashtra, PWPI in Maharashtra
// (strength overrides; see stale).
// The win-probability model is the calibrated default
// (seatshare.DefaultModel). The program prints the plan's per-party and
// per-state tables, the bloc's parties that are not in the plan and why,
// every demand with its price, 100,000 simulated elections with
// correlated swings, and each member's Shapley value, computed exactly
// state by state (every demand lies within one state, so coalition values
// add up over the states; the game here is without demands, members
// outside a coalition contesting alone). The largest game is Tamil Nadu's,
// 8 members and 2^8 = 256 solves of 39 seats.
//
// It needs the real results: set SEATSHARE_DATA or pass -data DIR.
// Without them it says so and exits with status 0. -scenario FILE also
// writes the scenario it builds as JSON (seatshare.ReadScenario's format),
// so that the command can take the questions further, for example
// "seatshare coalition -data DIR -demands FILE" or "seatshare explain
// -data DIR -demand 'INC 6 in West Bengal' FILE".
//
// Usage:
//
//	go run ./examples/national [-data DIR] [-format table|json] [-separate] [-scenario FILE]
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/coalitionlab/alliance/examples/internal/cli"
	"github.com/coalitionlab/alliance/examples/internal/textout"
	"github.com/coalitionlab/alliance/seatshare"
)

func main() {
	cli.Exit(run(context.Background(), os.Stdout, os.Args[1:], os.Getenv(seatshare.DataEnv)))
}

// noData is printed when the real results are not available.
const noData = "national: this example needs the real Lok Sabha results (lsYYYY_candidates.csv for 2014 and 2019).\n" +
	"Set SEATSHARE_DATA to the directory that holds them, or pass -data DIR. Nothing to do.\n"

// member is an alliance member: its label in the results (or the label the
// scenario's party map gives it), its common name, the states where it is
// one (nil: every state), and the labels of the results whose candidates
// are its own or its undivided predecessor's (nil: party).
type member struct {
	party  string
	name   string
	states []string
	labels []string
}

// record returns the labels of the results whose candidates are m's.
func (m member) record() []string {
	if m.labels == nil {
		return []string{m.party}
	}
	return m.labels
}

// members are the bloc's members in the plan; the doc comment gives the
// rule that chose their states.
var members = []member{
	{"INC", "Indian National Congress", nil, nil},
	{"SP", "Samajwadi Party", []string{"Uttar Pradesh"}, nil},
	{"RJD", "Rashtriya Janata Dal", []string{"Bihar", "Jharkhand"}, nil},
	{"JMM", "Jharkhand Mukti Morcha", []string{"Jharkhand"}, nil},
	{"AITC", "All India Trinamool Congress", []string{"Jharkhand", "West Bengal"}, nil},
	{"AAAP", "Aam Aadmi Party", []string{"Chandigarh", "Delhi", "Goa", "Gujarat", "Haryana", "Maharashtra", "Punjab", "Uttar Pradesh"}, nil},
	{"DMK", "Dravida Munnetra Kazhagam", []string{"Tamil Nadu"}, nil},
	{"VCK", "Viduthalai Chiruthaigal Katchi", []string{"Tamil Nadu"}, nil},
	{"CPI", "Communist Party of India", []string{"Bihar", "Kerala", "Manipur", "Tamil Nadu", "West Bengal"}, nil},
	{"CPM", "Communist Party of India (Marxist)", []string{"Bihar", "Kerala", "Tamil Nadu", "Tripura", "West Bengal"}, nil},
	{"IUML", "Indian Union Muslim League", []string{"Kerala", "Tamil Nadu"}, nil},
	{"SHS(UBT)", "Shiv Sena (Uddhav Balasaheb Thackeray)", []string{"Maharashtra"}, []string{"SHS"}},
	{"NCP(SP)", "Nationalist Congress Party (Sharadchandra Pawar)", []string{"Lakshadweep", "Maharashtra"}, []string{"NCP"}},
	{"CPI(ML)(L)", "CPI (Marxist-Leninist) Liberation", []string{"Bihar", "Jharkhand"}, nil},
	{"RSP", "Revolutionary Socialist Party", []string{"Kerala", "West Bengal"}, nil},
	{"AIFB", "All India Forward Bloc", []string{"West Bengal"}, nil},
	{"MDMK", "Marumalarchi Dravida Munnetra Kazhagam", []string{"Tamil Nadu"}, nil},
	{"MAMAK", "Manithaneya Makkal Katchi", []string{"Tamil Nadu"}, nil},
	{"JKN", "Jammu & Kashmir National Conference", []string{"Jammu & Kashmir"}, nil},
	{"JKPDP", "Jammu & Kashmir Peoples Democratic Party", []string{"Jammu & Kashmir"}, []string{"JKPDP", "PDP"}},
	{"KEC(M)", "Kerala Congress (M)", []string{"Kerala"}, nil},
	{"KEC(J)", "Kerala Congress (Joseph)", []string{"Kerala"}, []string{"KEC(M)"}},
	{"PWPI", "Peasants and Workers Party of India", []string{"Maharashtra"}, nil},
}

// outside is a party of the bloc's 28 that is not in the plan, and why.
type outside struct {
	Party  string `json:"party"`
	Reason string `json:"reason"`
}

// outsiders are the rest of the 28: the two that left before the talks
// and the members with no results of their own.
var outsiders = []outside{
	{"JD(U)", "left the bloc on 28 January 2024 for the NDA; counted in the rival bloc"},
	{"RLD", "confirmed its move to the NDA on 12 February 2024 (formally 2 March); counted in the rival bloc"},
	{"AD(K)", "Apna Dal (Kamerawadi): no results of its own (2014: undivided Apna Dal, mapped to ADAL; 2019: its leader stood on INC's ticket in Gonda)"},
	{"KMDK", "Kongunadu Makkal Desia Katchi: no results of its own (it stood on BJP's ticket in Pollachi in 2014 and on DMK's in Namakkal in 2019)"},
	{"(28th)", "the 28th party at the Mumbai meeting is not named in the reports used (PTI: \"name not confirmed\")"},
}

// rival is the NDA, by the labels of the results.
var rival = []string{"BJP", "JD(U)", "LJP", "SHS", "NCP", "ADAL", "AJSUP", "TDP", "JD(S)", "AGP", "PMK", "RLD"}

// demand is a minimum number of seats for a party in a state.
type demand struct {
	name  string
	party string
	state string
	min   int
}

var demands = []demand{
	{"INC 10+ in Uttar Pradesh", "INC", "Uttar Pradesh", 10},
	{"INC 9+ in Bihar", "INC", "Bihar", 9},
	{"INC 9+ in Jharkhand", "INC", "Jharkhand", 9},
	{"INC 6 in West Bengal", "INC", "West Bengal", 6},
	{"INC 20+ in Maharashtra", "INC", "Maharashtra", 20},
	{"INC 3+ in Delhi", "INC", "Delhi", 3},
	{"SP 60+ in Uttar Pradesh", "SP", "Uttar Pradesh", 60},
	{"RJD 20+ in Bihar", "RJD", "Bihar", 20},
	{"JMM 4+ in Jharkhand", "JMM", "Jharkhand", 4},
	{"AITC 30+ in West Bengal", "AITC", "West Bengal", 30},
	{"SS(UBT) 18+ in Maharashtra", "SHS(UBT)", "Maharashtra", 18},
	{"NCP(SP) 8+ in Maharashtra", "NCP(SP)", "Maharashtra", 8},
	{"AAP 4+ in Delhi", "AAAP", "Delhi", 4},
	{"DMK 20+ in Tamil Nadu", "DMK", "Tamil Nadu", 20},
}

// scenario builds the national scenario; punjab lists INC's 2019 wins in
// Punjab.
func scenario(punjab []seatshare.SeatRef) *seatshare.Scenario {
	sc := &seatshare.Scenario{
		Name:  "INDIA bloc 2024, all states",
		Rival: rival,
		Bases: []seatshare.BaseElection{
			{Year: 2019, Weight: 0.7, Alliances: []seatshare.PastAlliance{
				{Name: "UP 2019 SP+BSP+RLD", Members: []string{"SP", "BSP", "RLD"}, States: []string{"Uttar Pradesh"}},
				{Name: "UP 2019 NDA", Members: []string{"BJP", "ADAL"}, States: []string{"Uttar Pradesh"}},
				{Name: "Bihar 2019 Mahagathbandhan", Members: []string{"RJD", "INC"}, States: []string{"Bihar"}},
				{Name: "Bihar 2019 NDA", Members: []string{"BJP", "JD(U)", "LJP"}, States: []string{"Bihar"}},
				{Name: "Jharkhand 2019 UPA", Members: []string{"JMM", "INC"}, States: []string{"Jharkhand"}},
				{Name: "Maharashtra 2019 UPA", Members: []string{"INC", "NCP", "NCP(SP)"}, States: []string{"Maharashtra"}},
				{Name: "Maharashtra 2019 NDA", Members: []string{"BJP", "SHS", "SHS(UBT)"}, States: []string{"Maharashtra"}},
				{Name: "Tamil Nadu 2019 SPA", Members: []string{"DMK", "INC", "CPI", "CPM", "VCK", "IUML"}, States: []string{"Tamil Nadu"}},
				{Name: "Karnataka 2019 INC+JD(S)", Members: []string{"INC", "JD(S)"}, States: []string{"Karnataka"}},
				{Name: "Kerala 2019 UDF", Members: []string{"INC", "IUML", "RSP"}, States: []string{"Kerala"}},
				{Name: "Kerala 2019 LDF", Members: []string{"CPM", "CPI"}, States: []string{"Kerala"}},
				{Name: "West Bengal 2019 Left Front", Members: []string{"CPM", "CPI", "RSP", "AIFB"}, States: []string{"West Bengal"}},
			}},
			{Year: 2014, Weight: 0.3, Alliances: []seatshare.PastAlliance{
				{Name: "Bihar 2014 UPA", Members: []string{"INC", "RJD"}, States: []string{"Bihar"}},
				{Name: "Bihar 2014 NDA", Members: []string{"BJP", "LJP"}, States: []string{"Bihar"}},
				{Name: "Maharashtra 2014 UPA", Members: []string{"INC", "NCP", "NCP(SP)"}, States: []string{"Maharashtra"}},
				{Name: "Maharashtra 2014 NDA", Members: []string{"BJP", "SHS", "SHS(UBT)"}, States: []string{"Maharashtra"}},
				{Name: "UP 2014 NDA", Members: []string{"BJP", "ADAL"}, States: []string{"Uttar Pradesh"}},
				{Name: "Kerala 2014 UDF", Members: []string{"INC", "IUML", "RSP"}, States: []string{"Kerala"}},
				{Name: "Kerala 2014 LDF", Members: []string{"CPM", "CPI"}, States: []string{"Kerala"}},
				{Name: "West Bengal 2014 Left Front", Members: []string{"CPM", "CPI", "RSP", "AIFB"}, States: []string{"West Bengal"}},
				{Name: "Tamil Nadu 2014 DMK front", Members: []string{"DMK", "VCK", "IUML", "MAMAK"}, States: []string{"Tamil Nadu"}},
				{Name: "Tamil Nadu 2014 NDA", Members: []string{"BJP", "DMDK", "PMK", "MDMK"}, States: []string{"Tamil Nadu"}},
			}},
		},
		PartyMap: []seatshare.Rename{
			{From: "AD", To: []seatshare.Successor{{Party: "ADAL", Fraction: 1}}},
			{From: "SHS", To: []seatshare.Successor{{Party: "SHS(UBT)", Fraction: 0.5}, {Party: "SHS", Fraction: 0.5}}},
			{From: "NCP", To: []seatshare.Successor{{Party: "NCP(SP)", Fraction: 0.5}, {Party: "NCP", Fraction: 0.5}}},
			{From: "KEC(M)", To: []seatshare.Successor{{Party: "KEC(M)", Fraction: 0.5}, {Party: "KEC(J)", Fraction: 0.5}}},
			{From: "PDP", To: []seatshare.Successor{{Party: "JKPDP", Fraction: 1}}},
		},
		// The link, transfer rates and lambda are left to the calibrated
		// defaults of seatshare.DefaultModel; the copula is a choice.
		Model: seatshare.ModelSpec{
			Copula: &seatshare.CopulaSpec{National: 0.5, State: 0.5},
		},
		Target:     272,
		Simulation: seatshare.SimulationSpec{Scenarios: 100000, Seed: 2024},
	}
	for _, m := range members {
		sc.Alliance = append(sc.Alliance, seatshare.Member{Party: m.party, States: m.states})
	}
	for _, d := range demands {
		sc.Demands = append(sc.Demands, seatshare.Demand{Name: d.name, Party: d.party, SeatSet: seatshare.SeatSet{State: d.state}, Min: d.min})
	}
	sc.Demands = append(sc.Demands, seatshare.Demand{
		Name: fmt.Sprintf("INC keeps its %d sitting seats in Punjab", len(punjab)), Party: "INC",
		SeatSet: seatshare.SeatSet{Seats: punjab}, Min: len(punjab),
	})
	return sc
}

// cached returns a Source that loads each year once from src, with
// undivided Andhra Pradesh already in 2019's identities.
func cached(src seatshare.Source) seatshare.Source {
	full := make(map[int]*seatshare.Election)
	return func(year int) (*seatshare.Election, error) {
		if e, ok := full[year]; ok {
			return e, nil
		}
		e, err := src(year)
		if err != nil {
			return nil, err
		}
		if len(e.State(seatshare.Telangana)) == 0 && len(e.State(seatshare.AndhraPradesh)) > 0 {
			if e, err = e.MapSeats(seatshare.AndhraPradeshTo2019); err != nil {
				return nil, err
			}
		}
		full[year] = e
		return e, nil
	}
}

// stale returns the strength overrides for the members that sat out a
// state of theirs in 2019 (no candidate under any label of their record,
// no alliance of the scenario's 2019 base there) and fought it outside any
// alliance of its 2014 base: in each seat where such a member stood in
// 2014, its 2014 share counts at 2014's weight, 2019 counting as zero,
// rather than being renormalised into its whole strength. sc's bases are
// 2019 and 2014, in that order. It takes time linear in the two
// elections' candidates per member state.
func stale(sc *seatshare.Scenario, e2014, e2019 *seatshare.Election) []seatshare.ShareOverride {
	inAlliance := func(base int, party, state string) bool {
		return slices.ContainsFunc(sc.Bases[base].Alliances, func(a seatshare.PastAlliance) bool {
			return slices.Contains(a.Members, party) && slices.Contains(a.States, state)
		})
	}
	var out []seatshare.ShareOverride
	for _, m := range members {
		for _, st := range m.states {
			stood := slices.ContainsFunc(e2019.State(st), func(c seatshare.Constituency) bool {
				return slices.ContainsFunc(m.record(), func(l string) bool { _, ok := c.Candidate(l); return ok })
			})
			if stood || inAlliance(0, m.party, st) || inAlliance(1, m.party, st) {
				continue
			}
			for _, c := range e2014.State(st) {
				v := int64(0)
				for _, l := range m.record() {
					v += c.Votes(l)
				}
				if v > 0 {
					out = append(out, seatshare.ShareOverride{State: st, No: c.No, Party: m.party, Share: sc.Bases[1].Weight * float64(v) / float64(c.ValidVotes)})
				}
			}
		}
	}
	return out
}

// partyRow is one member's line of the output.
type partyRow struct {
	Party    string  `json:"party"`
	Seats    int     `json:"seats"`
	Expected float64 `json:"expected"`
	// Shapley is the member's Shapley value, summed over the states.
	Shapley float64 `json:"shapley"`
}

// stateRow is one state's line of the output.
type stateRow struct {
	State    string         `json:"state"`
	Seats    int            `json:"seats"`
	Expected float64        `json:"expected"`
	Split    map[string]int `json:"split"`
}

type report struct {
	Plan    *seatshare.Plan `json:"plan"`
	Parties []partyRow      `json:"parties"`
	// Scenario is the scenario the plan is of.
	Scenario *seatshare.Scenario `json:"-"`
	// Separate counts the seats where the members contest separately
	// (with -separate), and the alliance's expected wins there.
	Separate seatshare.PartyPlan `json:"separate"`
	// Outside lists the bloc's parties that are not in the plan, with
	// the reason.
	Outside []outside  `json:"outside"`
	States  []stateRow `json:"states"`
	// Grand is the alliance's value without demands, summed over the
	// states: the Shapley values add up to it.
	Grand float64 `json:"grand"`
}

func run(ctx context.Context, w io.Writer, args []string, dataEnv string) error {
	fs := flag.NewFlagSet("national", flag.ContinueOnError)
	fs.SetOutput(w)
	data := fs.String("data", dataEnv, "directory holding the real results lsYYYY_candidates.csv (default $SEATSHARE_DATA)")
	format := fs.String("format", "table", "output format: table or json")
	timing := fs.Bool("time", false, "report the run time of each step on stderr")
	scenarioFile := fs.String("scenario", "", "also write the scenario as JSON to `FILE`, for the seatshare command")
	separate := fs.Bool("separate", false, "in Kerala, West Bengal and Punjab, where the members fought each other in 2024, let each seat also have no alliance candidate (members contest separately); the plan chooses seat by seat")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("national: unexpected argument %q", fs.Arg(0))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("national: -format %q is not table or json", *format)
	}
	if *data == "" {
		_, err := io.WriteString(w, noData)
		return err
	}
	var laps io.Writer = io.Discard
	if *timing {
		laps = os.Stderr
	}
	rep, err := compute(ctx, *data, *separate, laps)
	if err != nil {
		return err
	}
	if *scenarioFile != "" {
		if err := writeScenario(*scenarioFile, rep.Scenario); err != nil {
			return fmt.Errorf("national: -scenario: %w", err)
		}
	}
	if *format == "json" {
		return writeJSON(w, rep)
	}
	return writeTable(w, rep)
}

// writeScenario writes sc to the file path as indented JSON.
func writeScenario(path string, sc *seatshare.Scenario) error {
	b, err := json.MarshalIndent(sc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// compute plans the national scenario on the results in the directory
// data and computes the Shapley values, writing the run time of each step
// to laps.
func compute(ctx context.Context, data string, separate bool, laps io.Writer) (*report, error) {
	start := time.Now()
	lap := func(what string) {
		fmt.Fprintf(laps, "national: %-40s %6.2fs\n", what, time.Since(start).Seconds())
	}
	source := cached(seatshare.DataDir(data))
	e2019, err := source(2019)
	if err != nil {
		return nil, err
	}
	var punjab []seatshare.SeatRef
	for _, c := range e2019.State("Punjab") {
		if win, ok := c.Winner(); ok && win.Party == "INC" {
			punjab = append(punjab, seatshare.SeatRef{State: c.State, No: c.No})
		}
	}
	sc := scenario(punjab)
	if separate {
		sc.Separate = fought
	}
	e2014, err := source(2014)
	if err != nil {
		return nil, err
	}
	sc.Overrides = stale(sc, e2014, e2019)
	pl, err := seatshare.NewPlanner(sc, source)
	if err != nil {
		return nil, err
	}
	lap("planner built")
	plan, err := pl.Plan(ctx)
	if err != nil {
		return nil, err
	}
	lap("plan, prices, switch costs, simulation")

	rep := report{Plan: plan, Outside: outsiders, Scenario: sc, Separate: plan.Separate}
	for _, pp := range plan.Parties {
		rep.Parties = append(rep.Parties, partyRow{Party: pp.Party, Seats: pp.Seats, Expected: pp.Expected})
	}
	for lo := 0; lo < len(plan.Seats); {
		row := stateRow{State: plan.Seats[lo].ID.State, Split: make(map[string]int)}
		for ; lo < len(plan.Seats) && plan.Seats[lo].ID.State == row.State; lo++ {
			row.Seats++
			row.Expected += plan.Seats[lo].W
			row.Split[plan.Seats[lo].Party]++
		}
		rep.States = append(rep.States, row)
	}

	// Shapley values of the game without demands, members outside a
	// coalition contesting alone: it adds up over the states, so the
	// values are exact state by state.
	game, err := pl.Coalitions(seatshare.CoalitionSettings{})
	if err != nil {
		return nil, err
	}
	phi, err := game.Shapley(ctx, nil)
	if err != nil {
		return nil, err
	}
	if phi.Method != seatshare.ShapleyByState {
		return nil, fmt.Errorf("national: Shapley values %s, not exact by state", phi.Method)
	}
	for _, m := range phi.Values {
		i := slices.IndexFunc(rep.Parties, func(r partyRow) bool { return r.Party == m.Party })
		rep.Parties[i].Shapley = m.Shapley
	}
	rep.Grand = phi.Total
	lap("Shapley values")
	return &rep, nil
}

// writeJSON writes rep as indented JSON.
func writeJSON(w io.Writer, rep *report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeTable writes rep as plain-text tables.
func writeTable(w io.Writer, rep *report) error {
	var b strings.Builder
	p := rep.Plan
	fmt.Fprintf(&b, "Seat-sharing plan: %s\nBase strengths from:\n", p.Scenario)
	for _, base := range p.Bases {
		fmt.Fprintf(&b, "  %d (weight %.2f): %s\n", base.Year, base.Weight, base.Source)
	}
	if l := p.Model.Link; l != nil && l.Probit != nil && p.Model.Transfer != nil && p.Model.Lambda != nil {
		fmt.Fprintf(&b, "Model: probit sigma %g, transfer rate %g, lambda %g (defaulted: %s)\n", l.Probit.Sigma, *p.Model.Transfer.Default, *p.Model.Lambda, strings.Join(p.ModelDefaults, ", "))
	}
	if len(rep.Scenario.Separate) > 0 {
		fmt.Fprintln(&b, "In Kerala, West Bengal and Punjab, where its members fought each other in 2024, a seat may also have")
		fmt.Fprintln(&b, "no alliance candidate (the members contest separately); the plan chooses seat by seat.")
	} else {
		fmt.Fprintln(&b, "The whole bloc shares seats in every state: in Kerala, West Bengal and Punjab its members fought")
		fmt.Fprintln(&b, "each other in 2024, so the plan there shows what sharing would have been worth (see -separate).")
	}
	fmt.Fprintf(&b, "Alliance expected wins: %.2f of %d seats\n", p.Expected, len(p.Seats))
	if s := p.Simulation; s != nil {
		fmt.Fprintf(&b, "Simulated total (%d correlated elections, seed %d): mean %.2f, SD %.2f seats\n", s.Scenarios, s.Seed, s.Mean.Value, s.SD.Value)
		var qs []string
		for _, q := range s.Quantiles {
			qs = append(qs, fmt.Sprintf("%g%%: %d", 100*q.Level, q.Value))
		}
		fmt.Fprintf(&b, "  quantiles (seats): %s\n", strings.Join(qs, ", "))
		if s.AtLeastTarget != nil {
			fmt.Fprintf(&b, "  P(total >= %d seats, a majority) = %.4f (MC s.e. %.4f)\n", s.Target, s.AtLeastTarget.Value, s.AtLeastTarget.SE)
		}
	}
	b.WriteString("\nParties (Shapley = average marginal contribution in expected seats, exact per state and summed;\nthe game has no demands and members outside a coalition contest alone)\n")
	rows := [][]string{{"party", "states", "seats", "expected wins", "Shapley", "name"}}
	for _, r := range rep.Parties {
		m := members[slices.IndexFunc(members, func(m member) bool { return m.party == r.Party })]
		n := "all"
		if m.states != nil {
			n = fmt.Sprint(len(m.states))
		}
		rows = append(rows, []string{r.Party, n, fmt.Sprint(r.Seats), fmt.Sprintf("%.2f", r.Expected), fmt.Sprintf("%.2f", r.Shapley), m.name})
	}
	if sep := rep.Separate; sep.Seats > 0 {
		rows = append(rows, []string{"(separate)", "", fmt.Sprint(sep.Seats), fmt.Sprintf("%.2f", sep.Expected), "", "no alliance candidate: the members contest separately"})
	}
	textout.Columns(&b, rows, "lrrrrl")
	fmt.Fprintf(&b, "Shapley values sum to %.2f, the alliance's expected wins without demands.\n", rep.Grand)
	fmt.Fprintf(&b, "\nThe bloc's other %d parties (%d in the plan, %d in all)\n", len(rep.Outside), len(rep.Parties), len(rep.Parties)+len(rep.Outside))
	rows = [][]string{{"party", "why it has no seats"}}
	for _, o := range rep.Outside {
		rows = append(rows, []string{o.Party, o.Reason})
	}
	textout.Columns(&b, rows, "ll")
	b.WriteString("\nDemands and their prices (expected wins the alliance gains by relaxing the demand by one seat / by dropping it)\n")
	rows = [][]string{{"demand", "value", "binding", "relax by 1", "drop"}}
	for _, c := range p.Constraints {
		relaxed := "-"
		if c.Relaxed != nil {
			relaxed = fmt.Sprintf("%.4f", *c.Relaxed)
		}
		bind := "no"
		if c.Binding {
			bind = "yes"
		}
		rows = append(rows, []string{c.Name, fmt.Sprint(c.Value), bind, relaxed, fmt.Sprintf("%.4f", c.Dropped)})
	}
	textout.Columns(&b, rows, "lrlrr")
	b.WriteString("\nStates where the alliance has more than one member\n")
	rows = [][]string{{"state", "seats", "expected wins", "split"}}
	for _, s := range rep.States {
		if len(s.Split) < 2 && !multi(s.State) {
			continue
		}
		var parts []string
		for _, m := range members {
			if n := s.Split[m.party]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", m.party, n))
			}
		}
		rows = append(rows, []string{s.State, fmt.Sprint(s.Seats), fmt.Sprintf("%.2f", s.Expected), strings.Join(parts, ", ")})
	}
	textout.Columns(&b, rows, "lrrl")
	_, err := io.WriteString(w, b.String())
	return err
}

// fought are the states where the bloc's members fought each other in
// 2024 (Kerala: UDF against LDF; West Bengal: AITC against INC and the
// Left; Punjab: AAP against INC).
var fought = []string{"Kerala", "Punjab", "West Bengal"}

// multi reports whether more than one member is in the alliance in state.
func multi(state string) bool {
	n := 0
	for _, m := range members {
		if len(m.states) == 0 || slices.Contains(m.states, state) {
			n++
		}
	}
	return n > 1
}
