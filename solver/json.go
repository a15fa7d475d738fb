package solver

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// ProblemFormat is the value of the "format" member of a JSON problem
// document; see ReadProblem.
const ProblemFormat = "alliance-solver/1"

// ReadProblem reads a problem in the JSON format "alliance-solver/1" and
// validates it. Everything is referred to by name:
//
//	{
//	  "format": "alliance-solver/1",
//	  "agents": ["INC", "SP", "RLD"],
//	  "items": [
//	    {"name": "Amethi", "options": {"INC": 0.61, "SP": 0.52}},
//	    {"name": "Kairana", "options": {"SP": 0.48, "RLD": 0.55}}
//	  ],
//	  "groups": [{"name": "west", "items": ["Kairana"]}],
//	  "bounds": [
//	    {"name": "INC floor", "agent": "INC", "min": 1, "max": null},
//	    {"agent": "RLD", "group": "west", "min": 0, "max": 1}
//	  ],
//	  "rows": [
//	    {"name": "SP+RLD", "terms": [{"agent": "SP", "coef": 1}, {"agent": "RLD", "coef": 1}],
//	     "pairs": [{"item": "Amethi", "agent": "INC", "coef": -0.5}], "sense": ">=", "rhs": 0.5}
//	  ],
//	  "locks": [{"item": "Amethi", "agent": "INC"}],
//	  "vetoes": [{"item": "Kairana", "agent": "SP"}]
//	}
//
// The members, in any order:
//
//   - "format" (required): the string "alliance-solver/1".
//   - "agents" (required): the agents' names, unique and non-empty. Agent k
//     of the Problem is the k-th name.
//   - "items" (required): one object per item with a unique non-empty
//     "name" and "options", an object from agent name to weight (a finite
//     number of any sign). The options keep the order in which they are
//     written.
//   - "groups": objects with a unique non-empty "name" and "items", a list of
//     item names, each at most once.
//   - "bounds": objects with "agent", "min" (a non-negative integer) and
//     "max" (a non-negative integer, or null for no upper limit), an
//     optional "group" (a group name; absent or null means all items) and an
//     optional "name".
//   - "rows": objects with "terms" (each {"agent", "group", "coef"}, where
//     "group" is optional as in bounds), optional "pairs" (each {"item",
//     "agent", "coef"}), "sense" ("<=", ">=" or "="), "rhs" and an optional
//     "name". A row reads: the sum over terms of coef times the number of
//     the agent's items in the group, plus the sum over pairs of coef times
//     1 if the item goes to the agent, compared by sense with rhs.
//   - "locks" and "vetoes": objects {"item", "agent"}.
//
// Absent lists are empty. Unknown members, repeated keys, unknown names and
// data after the document are errors. Every error is a *ProblemError
// wrapping ErrInvalid whose Field is the JSON path of the offending value,
// such as "items[3].options.INC" or "bounds[0].max". Structural checks are
// those of Problem.Validate; conflicts between valid constraints are left to
// Solve. An error reading r is returned as it is. ReadProblem takes time
// linear in the size of the document.
func ReadProblem(r io.Reader) (*Problem, error) {
	jr, err := newJSONReader(r)
	if err != nil {
		return nil, err
	}
	var raw rawProblem
	if err := raw.read(jr); err != nil {
		return nil, err
	}
	if err := jr.end(); err != nil {
		return nil, err
	}
	p, err := raw.resolve()
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// rawProblem is a JSON problem document before names are resolved.
type rawProblem struct {
	format string
	agents []string
	items  []rawItem
	groups []rawGroup
	bounds []rawBound
	rows   []rawRow
	locks  []rawPair
	vetoes []rawPair
	// The options of all items, in document order.
	optAgent  []string
	optWeight []float64
}

// rawItem is an item whose options are optAgent[first:end] and
// optWeight[first:end] of its rawProblem.
type rawItem struct {
	name       string
	first, end int
}

type rawGroup struct {
	name  string
	items []string
}

type rawBound struct {
	name, agent, group string // group "" means all items
	min, max           int    // max -1 means unlimited
}

type rawRow struct {
	name  string
	terms []rawTerm
	pairs []rawPairTerm
	sense Sense
	rhs   float64
}

type rawTerm struct {
	agent, group string
	coef         float64
}

type rawPairTerm struct {
	item, agent string
	coef        float64
}

type rawPair struct{ item, agent string }

var (
	problemFields = []string{"format", "agents", "items", "groups", "bounds", "rows", "locks", "vetoes"}
	itemFields    = []string{"name", "options"}
	groupFields   = []string{"name", "items"}
	boundFields   = []string{"name", "agent", "group", "min", "max"}
	rowFields     = []string{"name", "terms", "pairs", "sense", "rhs"}
	termFields    = []string{"agent", "group", "coef"}
	pairTermField = []string{"item", "agent", "coef"}
	pairFields    = []string{"item", "agent"}
)

func (raw *rawProblem) read(jr *jsonReader) error {
	return jr.fields("", problemFields, 1<<0|1<<1|1<<2, func(k int, path string) error {
		var err error
		switch k {
		case 0:
			raw.format, err = jr.str(path)
			if err == nil && raw.format != ProblemFormat {
				err = jsonErr(path, "format %q is not %q", raw.format, ProblemFormat)
			}
		case 1:
			raw.agents, err = jr.names(path)
		case 2:
			err = jr.array(path, func(_ int, ipath string) error {
				it, err := raw.readItem(jr, ipath)
				raw.items = append(raw.items, it)
				return err
			})
		case 3:
			err = jr.array(path, func(_ int, ipath string) error {
				var g rawGroup
				err := jr.fields(ipath, groupFields, 1<<0|1<<1, func(k int, fpath string) error {
					var err error
					if k == 0 {
						g.name, err = jr.name(fpath)
					} else {
						g.items, err = jr.names(fpath)
					}
					return err
				})
				raw.groups = append(raw.groups, g)
				return err
			})
		case 4:
			err = jr.array(path, func(_ int, ipath string) error {
				b, err := readBound(jr, ipath)
				raw.bounds = append(raw.bounds, b)
				return err
			})
		case 5:
			err = jr.array(path, func(_ int, ipath string) error {
				row, err := readRow(jr, ipath)
				raw.rows = append(raw.rows, row)
				return err
			})
		case 6, 7:
			var pairs []rawPair
			err = jr.array(path, func(_ int, ipath string) error {
				var pr rawPair
				err := jr.fields(ipath, pairFields, 1<<0|1<<1, func(k int, fpath string) error {
					var err error
					if k == 0 {
						pr.item, err = jr.name(fpath)
					} else {
						pr.agent, err = jr.name(fpath)
					}
					return err
				})
				pairs = append(pairs, pr)
				return err
			})
			if k == 6 {
				raw.locks = pairs
			} else {
				raw.vetoes = pairs
			}
		}
		return err
	})
}

func (raw *rawProblem) readItem(jr *jsonReader, path string) (rawItem, error) {
	it := rawItem{first: len(raw.optAgent), end: len(raw.optAgent)}
	err := jr.fields(path, itemFields, 1<<0|1<<1, func(k int, fpath string) error {
		if k == 0 {
			var err error
			it.name, err = jr.name(fpath)
			return err
		}
		// The options are appended after those of the previous items.
		it.first = len(raw.optAgent)
		err := jr.object(fpath, func(key, opath string) error {
			w, err := jr.float(opath)
			raw.optAgent = append(raw.optAgent, key)
			raw.optWeight = append(raw.optWeight, w)
			return err
		})
		it.end = len(raw.optAgent)
		return err
	})
	return it, err
}

func readBound(jr *jsonReader, path string) (rawBound, error) {
	b := rawBound{max: Unlimited}
	err := jr.fields(path, boundFields, 1<<1|1<<3|1<<4, func(k int, fpath string) error {
		var err error
		switch k {
		case 0:
			b.name, err = jr.str(fpath)
		case 1:
			b.agent, err = jr.name(fpath)
		case 2:
			b.group, _, err = jr.optName(fpath)
		case 3:
			b.min, err = jr.count(fpath, false)
		case 4:
			b.max, err = jr.count(fpath, true)
		}
		return err
	})
	return b, err
}

func readRow(jr *jsonReader, path string) (rawRow, error) {
	var row rawRow
	err := jr.fields(path, rowFields, 1<<1|1<<3|1<<4, func(k int, fpath string) error {
		var err error
		switch k {
		case 0:
			row.name, err = jr.str(fpath)
		case 1:
			err = jr.array(fpath, func(_ int, tpath string) error {
				var t rawTerm
				err := jr.fields(tpath, termFields, 1<<0|1<<2, func(k int, tfpath string) error {
					var err error
					switch k {
					case 0:
						t.agent, err = jr.name(tfpath)
					case 1:
						t.group, _, err = jr.optName(tfpath)
					case 2:
						t.coef, err = jr.float(tfpath)
					}
					return err
				})
				row.terms = append(row.terms, t)
				return err
			})
		case 2:
			err = jr.array(fpath, func(_ int, tpath string) error {
				var t rawPairTerm
				err := jr.fields(tpath, pairTermField, 1<<0|1<<1|1<<2, func(k int, tfpath string) error {
					var err error
					switch k {
					case 0:
						t.item, err = jr.name(tfpath)
					case 1:
						t.agent, err = jr.name(tfpath)
					case 2:
						t.coef, err = jr.float(tfpath)
					}
					return err
				})
				row.pairs = append(row.pairs, t)
				return err
			})
		case 3:
			var s string
			s, err = jr.str(fpath)
			if err == nil {
				row.sense, err = parseSense(s, fpath)
			}
		case 4:
			row.rhs, err = jr.float(fpath)
		}
		return err
	})
	return row, err
}

// senseText holds the JSON spelling of each Sense.
var senseText = [...]string{LessEq: "<=", GreaterEq: ">=", Equal: "="}

func parseSense(s, path string) (Sense, error) {
	for k, t := range senseText {
		if s == t {
			return Sense(k), nil
		}
	}
	return 0, jsonErr(path, "sense %q is not \"<=\", \">=\" or \"=\"", s)
}

// indexer maps names to indices.
type indexer map[string]int

func newIndexer(kind string, names []string, path func(i int) string) (indexer, error) {
	ix := make(indexer, len(names))
	for i, n := range names {
		if j, ok := ix[n]; ok {
			return nil, jsonErr(path(i), "%s name %q already used by %s", kind, n, path(j))
		}
		ix[n] = i
	}
	return ix, nil
}

func (ix indexer) find(kind, name, path string) (int, error) {
	i, ok := ix[name]
	if !ok {
		return 0, jsonErr(path, "unknown %s %q", kind, name)
	}
	return i, nil
}

// group resolves an optional group name; "" is AllItems.
func (ix indexer) group(name, path string) (int, error) {
	if name == "" {
		return AllItems, nil
	}
	return ix.find("group", name, path)
}

// resolve turns names into indices and checks everything Validate checks,
// naming JSON paths.
func (raw *rawProblem) resolve() (*Problem, error) {
	agents, err := newIndexer("agent", raw.agents, func(i int) string { return jsonIndex("agents", i) })
	if err != nil {
		return nil, err
	}
	itemNames := make([]string, len(raw.items))
	for i, it := range raw.items {
		itemNames[i] = it.name
	}
	items, err := newIndexer("item", itemNames, func(i int) string { return jsonIndex("items", i) + ".name" })
	if err != nil {
		return nil, err
	}
	groupNames := make([]string, len(raw.groups))
	for g, gr := range raw.groups {
		groupNames[g] = gr.name
	}
	groups, err := newIndexer("group", groupNames, func(g int) string { return jsonIndex("groups", g) + ".name" })
	if err != nil {
		return nil, err
	}

	p := &Problem{Agents: raw.agents, Items: make([]Item, len(raw.items))}
	seen := make([]int, len(raw.agents)) // seen[a] == i+1 when item i lists agent a
	all := make([]Option, len(raw.optAgent))
	for i, it := range raw.items {
		opts := all[it.first:it.end:it.end]
		for j, name := range raw.optAgent[it.first:it.end] {
			path := func() string { return jsonKey(jsonIndex("items", i)+".options", name) }
			a, ok := agents[name]
			if !ok {
				return nil, jsonErr(path(), "unknown agent %q", name)
			}
			if seen[a] == i+1 {
				return nil, jsonErr(path(), "agent %q listed twice", name)
			}
			seen[a] = i + 1
			opts[j] = Option{Agent: a, Weight: raw.optWeight[it.first+j]}
		}
		p.Items[i] = Item{Name: it.name, Options: opts}
	}

	member := make([]int, len(raw.items)) // member[i] == g+1 when group g lists item i
	p.Groups = make([]Group, len(raw.groups))
	for g, gr := range raw.groups {
		idx := make([]int, len(gr.items))
		for j, name := range gr.items {
			path := func() string { return jsonIndex(jsonIndex("groups", g)+".items", j) }
			i, ok := items[name]
			if !ok {
				return nil, jsonErr(path(), "unknown item %q", name)
			}
			if member[i] == g+1 {
				return nil, jsonErr(path(), "item %q listed twice", name)
			}
			member[i] = g + 1
			idx[j] = i
		}
		p.Groups[g] = Group{Name: gr.name, Items: idx}
	}

	p.Bounds = make([]Bound, len(raw.bounds))
	for b, rb := range raw.bounds {
		path := jsonIndex("bounds", b)
		a, err := agents.find("agent", rb.agent, path+".agent")
		if err != nil {
			return nil, err
		}
		g, err := groups.group(rb.group, path+".group")
		if err != nil {
			return nil, err
		}
		if rb.max != Unlimited && rb.max < rb.min {
			return nil, jsonErr(path+".max", "maximum %d is below minimum %d", rb.max, rb.min)
		}
		p.Bounds[b] = Bound{Name: rb.name, Agent: a, Group: g, Min: rb.min, Max: rb.max}
	}

	p.Rows = make([]Row, len(raw.rows))
	for r, rr := range raw.rows {
		path := jsonIndex("rows", r)
		row := Row{Name: rr.name, Sense: rr.sense, RHS: rr.rhs}
		if len(rr.terms) > 0 {
			row.Terms = make([]Term, len(rr.terms))
		}
		for j, t := range rr.terms {
			tpath := jsonIndex(path+".terms", j)
			a, err := agents.find("agent", t.agent, tpath+".agent")
			if err != nil {
				return nil, err
			}
			g, err := groups.group(t.group, tpath+".group")
			if err != nil {
				return nil, err
			}
			row.Terms[j] = Term{Agent: a, Group: g, Coef: t.coef}
		}
		if len(rr.pairs) > 0 {
			row.Pairs = make([]PairTerm, len(rr.pairs))
		}
		for j, t := range rr.pairs {
			tpath := jsonIndex(path+".pairs", j)
			pr, err := resolvePair(agents, items, rawPair{t.item, t.agent}, tpath)
			if err != nil {
				return nil, err
			}
			row.Pairs[j] = PairTerm{Item: pr.Item, Agent: pr.Agent, Coef: t.coef}
		}
		p.Rows[r] = row
	}

	if p.Locks, err = resolvePairs(agents, items, raw.locks, "locks"); err != nil {
		return nil, err
	}
	if p.Vetoes, err = resolvePairs(agents, items, raw.vetoes, "vetoes"); err != nil {
		return nil, err
	}
	return p, nil
}

func resolvePair(agents, items indexer, pr rawPair, path string) (Pair, error) {
	i, err := items.find("item", pr.item, path+".item")
	if err != nil {
		return Pair{}, err
	}
	a, err := agents.find("agent", pr.agent, path+".agent")
	return Pair{Item: i, Agent: a}, err
}

func resolvePairs(agents, items indexer, raw []rawPair, path string) ([]Pair, error) {
	out := make([]Pair, len(raw))
	for k, pr := range raw {
		var err error
		if out[k], err = resolvePair(agents, items, pr, jsonIndex(path, k)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkNamed reports a *ProblemError unless p is valid, every agent, item
// and group has a name (the JSON formats refer to them by name), and every
// name is valid UTF-8.
func checkNamed(p *Problem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	check := func(field, name string, required bool) error {
		if required && name == "" {
			return perr(field, "the JSON format needs a name")
		}
		if !utf8.ValidString(name) {
			return perr(field, "name %q is not valid UTF-8", name)
		}
		return nil
	}
	for a, n := range p.Agents {
		if err := check(fmt.Sprintf("Agents[%d]", a), n, true); err != nil {
			return err
		}
	}
	for i, it := range p.Items {
		if err := check(fmt.Sprintf("Items[%d].Name", i), it.Name, true); err != nil {
			return err
		}
	}
	for g, gr := range p.Groups {
		if err := check(fmt.Sprintf("Groups[%d].Name", g), gr.Name, true); err != nil {
			return err
		}
	}
	for b, bd := range p.Bounds {
		if err := check(fmt.Sprintf("Bounds[%d].Name", b), bd.Name, false); err != nil {
			return err
		}
	}
	for r, row := range p.Rows {
		if err := check(fmt.Sprintf("Rows[%d].Name", r), row.Name, false); err != nil {
			return err
		}
	}
	return nil
}

// WriteProblem writes p in the JSON format read by ReadProblem, one item,
// group, bound, row, lock or veto per line, in the order of p's slices.
// Weights and coefficients are written in the shortest form that reads back
// to the same float64, so ReadProblem returns a Problem equal to p (up to
// nil versus empty slices). p must be valid, and every agent, item and group
// must have a name; otherwise WriteProblem writes nothing and returns a
// *ProblemError. It takes time linear in the size of p.
func WriteProblem(w io.Writer, p *Problem) error {
	if err := checkNamed(p); err != nil {
		return err
	}
	jw := &jsonWriter{w: bufio.NewWriter(w)}
	jw.raw("{\n  \"format\": ")
	jw.str(ProblemFormat)
	jw.raw(",\n  \"agents\": [")
	for a, n := range p.Agents {
		jw.sep(a, ", ")
		jw.str(n)
	}
	jw.raw("],\n  \"items\": [")
	for i, it := range p.Items {
		jw.line(i)
		jw.raw(`{"name": `)
		jw.str(it.Name)
		jw.raw(`, "options": {`)
		for j, o := range it.Options {
			jw.sep(j, ", ")
			jw.str(p.Agents[o.Agent])
			jw.raw(": ")
			jw.float(o.Weight)
		}
		jw.raw("}}")
	}
	jw.close(len(p.Items), "groups")
	for g, gr := range p.Groups {
		jw.line(g)
		jw.raw(`{"name": `)
		jw.str(gr.Name)
		jw.raw(`, "items": [`)
		for j, i := range gr.Items {
			jw.sep(j, ", ")
			jw.str(p.Items[i].Name)
		}
		jw.raw("]}")
	}
	jw.close(len(p.Groups), "bounds")
	for b, bd := range p.Bounds {
		jw.line(b)
		jw.raw("{")
		if bd.Name != "" {
			jw.raw(`"name": `)
			jw.str(bd.Name)
			jw.raw(", ")
		}
		jw.raw(`"agent": `)
		jw.str(p.Agents[bd.Agent])
		jw.group(p, bd.Group)
		jw.raw(`, "min": `)
		jw.raw(strconv.Itoa(bd.Min))
		jw.raw(`, "max": `)
		if bd.Max == Unlimited {
			jw.raw("null")
		} else {
			jw.raw(strconv.Itoa(bd.Max))
		}
		jw.raw("}")
	}
	jw.close(len(p.Bounds), "rows")
	for r, row := range p.Rows {
		jw.line(r)
		jw.raw("{")
		if row.Name != "" {
			jw.raw(`"name": `)
			jw.str(row.Name)
			jw.raw(", ")
		}
		jw.raw(`"terms": [`)
		for j, t := range row.Terms {
			jw.sep(j, ", ")
			jw.raw(`{"agent": `)
			jw.str(p.Agents[t.Agent])
			jw.group(p, t.Group)
			jw.raw(`, "coef": `)
			jw.float(t.Coef)
			jw.raw("}")
		}
		jw.raw("]")
		if len(row.Pairs) > 0 {
			jw.raw(`, "pairs": [`)
			for j, t := range row.Pairs {
				jw.sep(j, ", ")
				jw.pair(p, Pair{Item: t.Item, Agent: t.Agent}, false)
				jw.raw(`, "coef": `)
				jw.float(t.Coef)
				jw.raw("}")
			}
			jw.raw("]")
		}
		jw.raw(`, "sense": `)
		jw.str(senseText[row.Sense])
		jw.raw(`, "rhs": `)
		jw.float(row.RHS)
		jw.raw("}")
	}
	jw.close(len(p.Rows), "locks")
	for k, l := range p.Locks {
		jw.line(k)
		jw.pair(p, l, true)
	}
	jw.close(len(p.Locks), "vetoes")
	for k, v := range p.Vetoes {
		jw.line(k)
		jw.pair(p, v, true)
	}
	jw.close(len(p.Vetoes), "")
	jw.raw("}\n")
	return jw.flush()
}

// jsonWriter writes JSON text and keeps the first write error.
type jsonWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

func (jw *jsonWriter) bytes(b []byte) {
	if jw.err == nil {
		_, jw.err = jw.w.Write(b)
	}
}

func (jw *jsonWriter) str(s string) {
	jw.buf = appendJSONString(jw.buf[:0], s)
	jw.bytes(jw.buf)
}

func (jw *jsonWriter) float(x float64) {
	jw.buf = strconv.AppendFloat(jw.buf[:0], x, 'g', -1, 64)
	jw.bytes(jw.buf)
}

// sep writes s before every element but the first.
func (jw *jsonWriter) sep(i int, s string) {
	if i > 0 {
		jw.raw(s)
	}
}

// line starts element i of a one-element-per-line list.
func (jw *jsonWriter) line(i int) {
	jw.sep(i, ",")
	jw.raw("\n    ")
}

// close ends a one-element-per-line list of n elements and, unless next is
// empty, opens the list named next.
func (jw *jsonWriter) close(n int, next string) {
	if n > 0 {
		jw.raw("\n  ")
	}
	jw.raw("]")
	if next != "" {
		jw.raw(",\n  ")
		jw.str(next)
		jw.raw(": [")
	} else {
		jw.raw("\n")
	}
}

// group writes a ", "group": name" member unless g is AllItems.
func (jw *jsonWriter) group(p *Problem, g int) {
	if g != AllItems {
		jw.raw(`, "group": `)
		jw.str(p.Groups[g].Name)
	}
}

// pair writes {"item": .., "agent": ..}, leaving the object open unless
// closed is set.
func (jw *jsonWriter) pair(p *Problem, pr Pair, closed bool) {
	jw.raw(`{"item": `)
	jw.str(p.Items[pr.Item].Name)
	jw.raw(`, "agent": `)
	jw.str(p.Agents[pr.Agent])
	if closed {
		jw.raw("}")
	}
}

func (jw *jsonWriter) flush() error {
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// appendJSONString appends s as a JSON string. s must be valid UTF-8. Only
// the characters JSON requires are escaped, so "<=" stays readable.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
