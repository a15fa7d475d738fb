package synth

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// Seed is the seed of every random stream of the generator. Changing it
// changes the embedded data; the test in package illustrative checks that
// the embedded files equal the generator's output.
const Seed = 20240101

// State is the state the generator covers.
const State = "Uttar Pradesh"

// Seat is a constituency of Uttar Pradesh as delimited in 2008.
type Seat struct {
	No       int
	Name     string
	Reserved string
}

// Seats are the 80 constituencies of Uttar Pradesh: numbers, names (in the
// upper-case spelling of the Election Commission) and categories.
var Seats = []Seat{
	{1, "SAHARANPUR", "GEN"}, {2, "KAIRANA", "GEN"}, {3, "MUZAFFARNAGAR", "GEN"}, {4, "BIJNOR", "GEN"},
	{5, "NAGINA", "SC"}, {6, "MORADABAD", "GEN"}, {7, "RAMPUR", "GEN"}, {8, "SAMBHAL", "GEN"},
	{9, "AMROHA", "GEN"}, {10, "MEERUT", "GEN"}, {11, "BAGHPAT", "GEN"}, {12, "GHAZIABAD", "GEN"},
	{13, "GAUTAM BUDDHA NAGAR", "GEN"}, {14, "BULANDSHAHR", "SC"}, {15, "ALIGARH", "GEN"}, {16, "HATHRAS", "SC"},
	{17, "MATHURA", "GEN"}, {18, "AGRA", "SC"}, {19, "FATEHPUR SIKRI", "GEN"}, {20, "FIROZABAD", "GEN"},
	{21, "MAINPURI", "GEN"}, {22, "ETAH", "GEN"}, {23, "BADAUN", "GEN"}, {24, "AONLA", "GEN"},
	{25, "BAREILLY", "GEN"}, {26, "PILIBHIT", "GEN"}, {27, "SHAHJAHANPUR", "SC"}, {28, "KHERI", "GEN"},
	{29, "DHAURAHRA", "GEN"}, {30, "SITAPUR", "GEN"}, {31, "HARDOI", "SC"}, {32, "MISRIKH", "SC"},
	{33, "UNNAO", "GEN"}, {34, "MOHANLALGANJ", "SC"}, {35, "LUCKNOW", "GEN"}, {36, "RAE BARELI", "GEN"},
	{37, "AMETHI", "GEN"}, {38, "SULTANPUR", "GEN"}, {39, "PRATAPGARH", "GEN"}, {40, "FARRUKHABAD", "GEN"},
	{41, "ETAWAH", "SC"}, {42, "KANNAUJ", "GEN"}, {43, "KANPUR", "GEN"}, {44, "AKBARPUR", "GEN"},
	{45, "JALAUN", "SC"}, {46, "JHANSI", "GEN"}, {47, "HAMIRPUR", "GEN"}, {48, "BANDA", "GEN"},
	{49, "FATEHPUR", "GEN"}, {50, "KAUSHAMBI", "SC"}, {51, "PHULPUR", "GEN"}, {52, "ALLAHABAD", "GEN"},
	{53, "BARABANKI", "SC"}, {54, "FAIZABAD", "GEN"}, {55, "AMBEDKAR NAGAR", "GEN"}, {56, "BAHRAICH", "SC"},
	{57, "KAISERGANJ", "GEN"}, {58, "SHRAWASTI", "GEN"}, {59, "GONDA", "GEN"}, {60, "DOMARIYAGANJ", "GEN"},
	{61, "BASTI", "GEN"}, {62, "SANT KABIR NAGAR", "GEN"}, {63, "MAHARAJGANJ", "GEN"}, {64, "GORAKHPUR", "GEN"},
	{65, "KUSHI NAGAR", "GEN"}, {66, "DEORIA", "GEN"}, {67, "BANSGAON", "SC"}, {68, "LALGANJ", "SC"},
	{69, "AZAMGARH", "GEN"}, {70, "GHOSI", "GEN"}, {71, "SALEMPUR", "GEN"}, {72, "BALLIA", "GEN"},
	{73, "JAUNPUR", "GEN"}, {74, "MACHHLISHAHR", "SC"}, {75, "GHAZIPUR", "GEN"}, {76, "CHANDAULI", "GEN"},
	{77, "VARANASI", "GEN"}, {78, "BHADOHI", "GEN"}, {79, "MIRZAPUR", "GEN"}, {80, "ROBERTSGANJ", "SC"},
}

// party is one party of a synthetic election: its label, its target
// state-wide share and its standalone strength profile.
type party struct {
	label  string
	target float64
	// level and slope give the profile level*(1 + slope*(x - 1/2)) over
	// x = (seat number - 1)/79, west to east.
	level, slope float64
	// noise is the standard deviation of the log-normal seat noise.
	noise float64
}

// year is the description of one synthetic election.
type year struct {
	year     int
	valid    float64 // mean valid votes per seat
	turnout  float64 // valid votes / electors
	nota     float64 // NOTA share of valid votes
	parties  []party
	transfer float64 // rate at which an alliance partner's voters follow
}

var years = map[int]year{
	2019: {
		year: 2019, valid: 1081017, turnout: 0.59, nota: 0.00838, transfer: 0.55,
		parties: []party{
			{"BJP", 0.4956, 0.50, 0.10, 0.18},
			{"BSP", 0.1926, 0.22, -0.20, 0.20},
			{"SP", 0.1796, 0.22, 0.10, 0.25},
			{"INC", 0.0631, 0.05, 0.00, 0.50},
			{"RLD", 0.0167, 0.02, -4.00, 0.40},
			{"ADAL", 0.0120, 0.03, 3.00, 0.30},
			{"IND", 1 - 0.00838 - (0.4956 + 0.1926 + 0.1796 + 0.0631 + 0.0167 + 0.0120), 0.04, 0.00, 0.40},
		},
	},
	2009: {
		year: 2009, valid: 692589, turnout: 0.48, nota: 0, transfer: 0.75,
		parties: []party{
			{"BSP", 0.2742, 0.27, -0.10, 0.15},
			{"SP", 0.2326, 0.24, 0.15, 0.25},
			{"INC", 0.1825, 0.14, 0.20, 0.45},
			{"BJP", 0.1750, 0.18, 0.00, 0.25},
			{"RLD", 0.0327, 0.03, -4.00, 0.40},
			{"AD", 0.0084, 0.02, 3.00, 0.40},
			{"IND", 1 - (0.2742 + 0.2326 + 0.1825 + 0.1750 + 0.0327 + 0.0084), 0.09, 0.00, 0.30},
		},
	},
}

// incStrongholds are the seats where Congress's strength is concentrated:
// Rae Bareli and Amethi, where the other parties have long stood aside,
// and a seeded draw of other seats (see strongholds).
const incStrongholds = 24

// Years returns the years the generator covers.
func Years() []int { return []int{2009, 2019} }

// Generate returns the synthetic results of year in the CSV schema of
// seatshare.ReadResults, with every candidate named "ILLUSTRATIVE <party>".
// It returns an error for a year it does not cover. The output depends
// only on year and Seed.
func Generate(y int) ([]byte, error) {
	spec, ok := years[y]
	if !ok {
		return nil, fmt.Errorf("synth: no synthetic election for %d (have %v)", y, Years())
	}
	strength := strengths(spec)
	contest := contests(spec, strength)
	votes := calibrate(spec, strength, contest)
	return write(spec, votes, contest)
}

// strengths returns each party's standalone strength in each seat, before
// calibration: seat-major, party columns in spec order.
func strengths(spec year) [][]float64 {
	rnd := rand.New(rand.NewPCG(Seed, uint64(spec.year)))
	strong := strongholds()
	out := make([][]float64, len(Seats))
	for i := range Seats {
		x := float64(i) / float64(len(Seats)-1)
		row := make([]float64, len(spec.parties))
		for j, p := range spec.parties {
			prof := p.level * math.Exp(p.slope*(x-0.5))
			row[j] = prof * math.Exp(p.noise*rnd.NormFloat64())
		}
		inc := slices.IndexFunc(spec.parties, func(p party) bool { return p.label == "INC" })
		switch no := Seats[i].No; {
		case no == 36 || no == 37:
			row[inc] *= 6
		case strong[no]:
			row[inc] *= 3.5
		}
		if Seats[i].Reserved == "SC" {
			bsp := slices.IndexFunc(spec.parties, func(p party) bool { return p.label == "BSP" })
			row[bsp] *= 1.25
		}
		out[i] = row
	}
	return out
}

// strongholds returns Congress's strongholds: seats 36 and 37 and a seeded
// draw of incStrongholds-2 others.
func strongholds() map[int]bool {
	rnd := rand.New(rand.NewPCG(Seed, 1))
	strong := map[int]bool{36: true, 37: true}
	for len(strong) < incStrongholds {
		strong[1+rnd.IntN(len(Seats))] = true
	}
	return strong
}

// contests returns, per seat and party (spec order), whether the party
// fields a candidate, and per seat the alliance candidate whose votes
// include its partners' (-1 when none), mimicking the year's alliances:
// in 2019 SP, BSP and RLD shared the seats and left Rae Bareli and Amethi
// to INC, BJP left two seats to ADAL; in 2009 BJP and RLD were allied.
type contest struct {
	fields  [][]bool
	carrier []int   // per seat, alliance candidate column or -1
	friends [][]int // per seat, partner columns that stood aside for the carrier
}

func contests(spec year, st [][]float64) contest {
	n, m := len(Seats), len(spec.parties)
	col := func(label string) int {
		return slices.IndexFunc(spec.parties, func(p party) bool { return p.label == label })
	}
	c := contest{fields: make([][]bool, n), carrier: make([]int, n), friends: make([][]int, n)}
	for i := range c.fields {
		c.fields[i] = make([]bool, m)
		for j := range m {
			c.fields[i][j] = true
		}
		c.carrier[i] = -1
	}
	// top returns the k seats (indices) with the largest key, ties to the
	// lower number, among those that pass keep.
	top := func(k int, key func(i int) float64, keep func(i int) bool) []int {
		var idx []int
		for i := range n {
			if keep(i) {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch ka, kb := key(a), key(b); {
			case ka > kb:
				return -1
			case ka < kb:
				return 1
			}
			return 0
		})
		return idx[:min(k, len(idx))]
	}
	all := func(int) bool { return true }
	skip := func(j, k int) { // party j stays out of its k weakest seats
		for _, i := range top(k, func(i int) float64 { return -st[i][j] }, func(i int) bool { return c.fields[i][j] }) {
			c.fields[i][j] = false
		}
	}
	ally := func(i, carrier int, partners ...int) {
		c.carrier[i] = carrier
		for _, q := range partners {
			c.fields[i][q] = false
			c.friends[i] = append(c.friends[i], q)
		}
	}
	switch spec.year {
	case 2019:
		sp, bsp, rld, inc, bjp, adal := col("SP"), col("BSP"), col("RLD"), col("INC"), col("BJP"), col("ADAL")
		rldSeats := top(3, func(i int) float64 { return st[i][rld] }, all)
		adalSeats := top(2, func(i int) float64 { return st[i][adal] }, all)
		taken := make(map[int]bool)
		for _, i := range adalSeats {
			c.fields[i][bjp] = false
		}
		for _, i := range rldSeats {
			ally(i, rld, sp, bsp)
			taken[i] = true
		}
		for i := range n {
			if Seats[i].No == 36 || Seats[i].No == 37 {
				c.fields[i][sp], c.fields[i][bsp], c.fields[i][rld] = false, false, false
				taken[i] = true
			}
		}
		spSeats := top(37, func(i int) float64 { return st[i][sp] / (st[i][sp] + st[i][bsp]) }, func(i int) bool { return !taken[i] })
		for _, i := range spSeats {
			ally(i, sp, bsp, rld)
			taken[i] = true
		}
		for i := range n {
			if !taken[i] {
				ally(i, bsp, sp, rld)
			}
			if !slices.Contains(rldSeats, i) {
				c.fields[i][rld] = false
			}
			if !slices.Contains(adalSeats, i) {
				c.fields[i][adal] = false
			}
		}
		skip(inc, 13)
	case 2009:
		sp, rld, inc, bjp, ad := col("SP"), col("RLD"), col("INC"), col("BJP"), col("AD")
		rldSeats := top(7, func(i int) float64 { return st[i][rld] }, all)
		for i := range n {
			if slices.Contains(rldSeats, i) {
				ally(i, rld, bjp)
			} else {
				c.fields[i][rld] = false
				ally(i, bjp, rld)
			}
			if Seats[i].No == 36 || Seats[i].No == 37 {
				c.fields[i][sp] = false
			}
		}
		skip(bjp, 2)
		skip(sp, 3)
		skip(inc, 11)
		skip(ad, 50)
	}
	return c
}

// calibrate scales each party's strength until the state-wide shares equal
// the targets, and returns the votes per seat and party. It uses iterative
// proportional fitting: each round multiplies a party's factor by its
// target over its current share; 200 rounds bring every share within
// rounding of its target.
func calibrate(spec year, st [][]float64, c contest) [][]int64 {
	m := len(spec.parties)
	factor := make([]float64, m)
	for j := range factor {
		factor[j] = 1
	}
	valid := validVotes(spec)
	var total float64
	for _, v := range valid {
		total += v
	}
	shares := func() [][]float64 {
		out := make([][]float64, len(Seats))
		for i, row := range st {
			raw := make([]float64, m)
			sum := 0.0
			for j := range m {
				if c.fields[i][j] {
					raw[j] = factor[j] * row[j]
				}
			}
			if k := c.carrier[i]; k >= 0 && c.fields[i][k] {
				for _, q := range c.friends[i] {
					raw[k] += spec.transfer * factor[q] * row[q]
				}
			}
			for _, r := range raw {
				sum += r
			}
			for j := range raw {
				raw[j] *= (1 - spec.nota) / sum
			}
			out[i] = raw
		}
		return out
	}
	for range 2000 {
		sh := shares()
		for j := range m {
			got := 0.0
			for i := range sh {
				got += sh[i][j] * valid[i]
			}
			if got > 0 {
				factor[j] *= spec.parties[j].target * total / got
			}
		}
	}
	sh := shares()
	votes := make([][]int64, len(Seats))
	for i := range sh {
		votes[i] = make([]int64, m)
		for j := range m {
			votes[i][j] = int64(math.Floor(sh[i][j] * valid[i]))
		}
	}
	return votes
}

// validVotes returns each seat's valid votes: the year's mean times seeded
// noise of 8%.
func validVotes(spec year) []float64 {
	rnd := rand.New(rand.NewPCG(Seed, uint64(spec.year)+1))
	out := make([]float64, len(Seats))
	for i := range out {
		out[i] = math.Round(spec.valid * (1 + 0.08*rnd.NormFloat64()))
	}
	return out
}

// write formats the election as CSV, rows sorted by seat then votes
// descending, as in the real files.
func write(spec year, votes [][]int64, c contest) ([]byte, error) {
	valid := validVotes(spec)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"year", "state", "pc_no", "pc_name", "reserved", "party", "candidate", "votes", "valid_votes", "electors"})
	for i, s := range Seats {
		type row struct {
			label string
			votes int64
		}
		var rows []row
		for j, p := range spec.parties {
			if c.fields[i][j] {
				rows = append(rows, row{p.label, votes[i][j]})
			}
		}
		slices.SortStableFunc(rows, func(a, b row) int {
			switch {
			case a.votes > b.votes:
				return -1
			case a.votes < b.votes:
				return 1
			}
			return 0
		})
		vv := int64(valid[i])
		electors := int64(math.Round(valid[i] / spec.turnout))
		// The independents' vote is split among three candidates.
		for k, r := range rows {
			if r.label == "IND" {
				a, b := r.votes/2, r.votes*3/10
				rows[k].votes = a
				rows = append(rows, row{"IND", b}, row{"IND", r.votes - a - b})
				break
			}
		}
		slices.SortStableFunc(rows, func(a, b row) int {
			switch {
			case a.votes > b.votes:
				return -1
			case a.votes < b.votes:
				return 1
			}
			return 0
		})
		ind := 0
		for _, r := range rows {
			name := "ILLUSTRATIVE " + r.label
			if r.label == "IND" {
				ind++
				name += " " + strconv.Itoa(ind)
			}
			w.Write([]string{
				strconv.Itoa(spec.year), State, strconv.Itoa(s.No), s.Name, s.Reserved,
				r.label, name, strconv.FormatInt(r.votes, 10),
				strconv.FormatInt(vv, 10), strconv.FormatInt(electors, 10),
			})
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
