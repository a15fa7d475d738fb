package solver

import (
	"fmt"
	"hash/maphash"
	"math"
	"strconv"
)

// Validate reports the first structural error in p as a *ProblemError that
// names the field, or nil. It checks index ranges, duplicate names and
// options, finite weights and coefficients, senses, bounds with
// 0 <= Min <= Max, and fewer than 2^31-1 items, agents and groups.
// Conflicts between valid constraints (an item without options, colliding
// locks, minimums that add up past a group's size) are not structural
// errors: Solve reports them as infeasibility with an explanation.
// Validate takes time linear in the size of p (expected time: repeated
// names are found by hashing).
func (p *Problem) Validate() error {
	nItems, nAgents, nGroups := len(p.Items), len(p.Agents), len(p.Groups)
	if nItems >= math.MaxInt32 {
		return perr("Items", "%d items; the solver indexes at most 2^31-2", nItems)
	}
	if nAgents >= math.MaxInt32 {
		return perr("Agents", "%d agents; the solver indexes at most 2^31-2", nAgents)
	}
	if nGroups >= math.MaxInt32 {
		return perr("Groups", "%d groups; the solver indexes at most 2^31-2", nGroups)
	}
	names := newNameTable(max(nAgents, nItems, nGroups))
	if err := names.unique("Agents", nAgents, func(i int) string { return p.Agents[i] }); err != nil {
		return err
	}
	if err := names.unique("Items", nItems, func(i int) string { return p.Items[i].Name }); err != nil {
		return err
	}
	if err := names.unique("Groups", nGroups, func(i int) string { return p.Groups[i].Name }); err != nil {
		return err
	}
	// seen[a] == i+1 when item i lists agent a; member[i] == g+1 when
	// group g lists item i.
	marks := make([]int32, nAgents+nItems)
	seen, member := marks[:nAgents:nAgents], marks[nAgents:]
	for i, it := range p.Items {
		for j, o := range it.Options {
			// The field name is formatted only on error: Validate runs on
			// every Solve, and items can number in the millions.
			f := func() string { return fmt.Sprintf("Items[%d].Options[%d]", i, j) }
			if o.Agent < 0 || o.Agent >= nAgents {
				return perr(f()+".Agent", "agent %d out of range [0, %d)", o.Agent, nAgents)
			}
			if seen[o.Agent] == int32(i+1) {
				return perr(f()+".Agent", "agent %s listed twice for item %s", agentName(p, o.Agent), itemName(p, i))
			}
			seen[o.Agent] = int32(i + 1)
			if !finite(o.Weight) {
				return perr(f()+".Weight", "weight %v is not finite", o.Weight)
			}
		}
	}
	for g, gr := range p.Groups {
		for j, i := range gr.Items {
			if i < 0 || i >= nItems {
				return perr(fmt.Sprintf("Groups[%d].Items[%d]", g, j), "item %d out of range [0, %d)", i, nItems)
			}
			if member[i] == int32(g+1) {
				return perr(fmt.Sprintf("Groups[%d].Items[%d]", g, j), "item %s listed twice in group %s", itemName(p, i), groupName(p, g))
			}
			member[i] = int32(g + 1)
		}
	}
	// Field names are formatted only on error, as above.
	for b, bd := range p.Bounds {
		f := func() string { return "Bounds[" + strconv.Itoa(b) + "]" }
		if bd.Agent < 0 || bd.Agent >= nAgents {
			return perr(f()+".Agent", "agent %d out of range [0, %d)", bd.Agent, nAgents)
		}
		if bd.Group != AllItems && (bd.Group < 0 || bd.Group >= nGroups) {
			return perr(f()+".Group", "group %d out of range [0, %d) and not AllItems", bd.Group, nGroups)
		}
		if bd.Min < 0 {
			return perr(f()+".Min", "minimum %d is negative", bd.Min)
		}
		if bd.Max != Unlimited && bd.Max < bd.Min {
			if bd.Max < 0 {
				return perr(f()+".Max", "maximum %d is negative and not Unlimited", bd.Max)
			}
			return perr(f()+".Max", "maximum %d is below minimum %d", bd.Max, bd.Min)
		}
	}
	for r, row := range p.Rows {
		f := func() string { return "Rows[" + strconv.Itoa(r) + "]" }
		for j, t := range row.Terms {
			tf := func() string { return fmt.Sprintf("%s.Terms[%d]", f(), j) }
			if t.Agent < 0 || t.Agent >= nAgents {
				return perr(tf()+".Agent", "agent %d out of range [0, %d)", t.Agent, nAgents)
			}
			if t.Group != AllItems && (t.Group < 0 || t.Group >= nGroups) {
				return perr(tf()+".Group", "group %d out of range [0, %d) and not AllItems", t.Group, nGroups)
			}
			if !finite(t.Coef) {
				return perr(tf()+".Coef", "coefficient %v is not finite", t.Coef)
			}
		}
		for j, t := range row.Pairs {
			tf := func() string { return fmt.Sprintf("%s.Pairs[%d]", f(), j) }
			if err := checkPair(tf, t.Item, t.Agent, nItems, nAgents); err != nil {
				return err
			}
			if !finite(t.Coef) {
				return perr(tf()+".Coef", "coefficient %v is not finite", t.Coef)
			}
		}
		if row.Sense < LessEq || row.Sense > Equal {
			return perr(f()+".Sense", "sense %d is not LessEq, GreaterEq or Equal", row.Sense)
		}
		if !finite(row.RHS) {
			return perr(f()+".RHS", "right-hand side %v is not finite", row.RHS)
		}
	}
	for k, l := range p.Locks {
		f := func() string { return "Locks[" + strconv.Itoa(k) + "]" }
		if err := checkPair(f, l.Item, l.Agent, nItems, nAgents); err != nil {
			return err
		}
	}
	for k, v := range p.Vetoes {
		f := func() string { return "Vetoes[" + strconv.Itoa(k) + "]" }
		if err := checkPair(f, v.Item, v.Agent, nItems, nAgents); err != nil {
			return err
		}
	}
	return nil
}

// checkPair checks the item and agent of a pair; field formats the pair's
// field name, called only on error.
func checkPair(field func() string, item, agent, nItems, nAgents int) error {
	if item < 0 || item >= nItems {
		return perr(field()+".Item", "item %d out of range [0, %d)", item, nItems)
	}
	if agent < 0 || agent >= nAgents {
		return perr(field()+".Agent", "agent %d out of range [0, %d)", agent, nAgents)
	}
	return nil
}

// nameTable finds repeated names with an open-addressing hash table of
// indices (linear probing, at most 3/4 full), reused across lists: one
// small allocation where a map of strings would take several. A slot keeps
// the high 32 bits of its name's hash beside the index, so that names are
// compared only when their hashes agree.
type nameTable struct {
	seed maphash.Seed
	slot []uint64 // hash>>32<<32 | index+1 of the first holder of a name, or 0
}

// newNameTable returns a table for lists of up to n names.
func newNameTable(n int) *nameTable {
	return &nameTable{seed: maphash.MakeSeed(), slot: make([]uint64, tableSize(n))}
}

// tableSize is the power of two, at least 8, that keeps n names at most
// 3/4 of the table.
func tableSize(n int) int {
	size := 8
	for size < n+n/3 {
		size *= 2
	}
	return size
}

// unique reports the first name(i) (in index order, empty names skipped)
// that repeats an earlier one, as a *ProblemError naming field[i] and the
// earlier index. n must be at most the table's n. It takes expected time
// linear in n and the length of the names.
func (t *nameTable) unique(field string, n int, name func(int) string) error {
	size := tableSize(n)
	clear(t.slot[:size])
	mask := uint64(size - 1)
	for i := 0; i < n; i++ {
		s := name(i)
		if s == "" {
			continue
		}
		hash := maphash.String(t.seed, s)
		tag := hash >> 32 << 32
		for h := hash & mask; ; h = (h + 1) & mask {
			e := t.slot[h]
			if e == 0 {
				t.slot[h] = tag | uint64(i+1)
				break
			}
			if j := int(uint32(e)) - 1; e&^0xffffffff == tag && name(j) == s {
				return perr(fmt.Sprintf("%s[%d]", field, i), "name %q already used by %s[%d]", s, field, j)
			}
		}
	}
	return nil
}

func perr(field, format string, args ...any) error {
	return &ProblemError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// finite reports whether x is neither infinite nor NaN: x - x is 0 for
// finite x and NaN otherwise.
func finite(x float64) bool { return x-x == 0 }

// agentName returns the agent's name, or "#a" when it has none.
func agentName(p *Problem, a int) string {
	if a >= 0 && a < len(p.Agents) && p.Agents[a] != "" {
		return p.Agents[a]
	}
	return fmt.Sprintf("#%d", a)
}

// itemName returns the item's name, or "#i" when it has none.
func itemName(p *Problem, i int) string {
	if i >= 0 && i < len(p.Items) && p.Items[i].Name != "" {
		return p.Items[i].Name
	}
	return fmt.Sprintf("#%d", i)
}

// groupName returns the group's name, "all items" for AllItems, or "#g".
func groupName(p *Problem, g int) string {
	if g == AllItems {
		return "all items"
	}
	if g >= 0 && g < len(p.Groups) && p.Groups[g].Name != "" {
		return p.Groups[g].Name
	}
	return fmt.Sprintf("#%d", g)
}
