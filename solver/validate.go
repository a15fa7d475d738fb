package solver

import (
	"fmt"
	"math"
	"strconv"
)

// Validate reports the first structural error in p as a *ProblemError that
// names the field, or nil. It checks index ranges, duplicate names and
// options, finite weights and coefficients, senses, and bounds with
// 0 <= Min <= Max. Conflicts between valid constraints (an item without
// options, colliding locks, minimums that add up past a group's size) are
// not structural errors: Solve reports them as infeasibility with an
// explanation. Validate takes time linear in the size of p.
func (p *Problem) Validate() error {
	nItems, nAgents, nGroups := len(p.Items), len(p.Agents), len(p.Groups)
	if err := uniqueNames("Agents", nAgents, func(i int) string { return p.Agents[i] }); err != nil {
		return err
	}
	if err := uniqueNames("Items", nItems, func(i int) string { return p.Items[i].Name }); err != nil {
		return err
	}
	if err := uniqueNames("Groups", nGroups, func(i int) string { return p.Groups[i].Name }); err != nil {
		return err
	}
	seen := make([]int, nAgents) // seen[a] == i+1 when item i lists agent a
	for i, it := range p.Items {
		for j, o := range it.Options {
			// The field name is formatted only on error: Validate runs on
			// every Solve, and items can number in the millions.
			f := func() string { return fmt.Sprintf("Items[%d].Options[%d]", i, j) }
			if o.Agent < 0 || o.Agent >= nAgents {
				return perr(f()+".Agent", "agent %d out of range [0, %d)", o.Agent, nAgents)
			}
			if seen[o.Agent] == i+1 {
				return perr(f()+".Agent", "agent %s listed twice for item %s", agentName(p, o.Agent), itemName(p, i))
			}
			seen[o.Agent] = i + 1
			if !finite(o.Weight) {
				return perr(f()+".Weight", "weight %v is not finite", o.Weight)
			}
		}
	}
	member := make([]int, nItems) // member[i] == g+1 when group g lists item i
	for g, gr := range p.Groups {
		for j, i := range gr.Items {
			if i < 0 || i >= nItems {
				return perr(fmt.Sprintf("Groups[%d].Items[%d]", g, j), "item %d out of range [0, %d)", i, nItems)
			}
			if member[i] == g+1 {
				return perr(fmt.Sprintf("Groups[%d].Items[%d]", g, j), "item %s listed twice in group %s", itemName(p, i), groupName(p, g))
			}
			member[i] = g + 1
		}
	}
	for b, bd := range p.Bounds {
		f := "Bounds[" + strconv.Itoa(b) + "]"
		if bd.Agent < 0 || bd.Agent >= nAgents {
			return perr(f+".Agent", "agent %d out of range [0, %d)", bd.Agent, nAgents)
		}
		if bd.Group != AllItems && (bd.Group < 0 || bd.Group >= nGroups) {
			return perr(f+".Group", "group %d out of range [0, %d) and not AllItems", bd.Group, nGroups)
		}
		if bd.Min < 0 {
			return perr(f+".Min", "minimum %d is negative", bd.Min)
		}
		if bd.Max != Unlimited && bd.Max < bd.Min {
			if bd.Max < 0 {
				return perr(f+".Max", "maximum %d is negative and not Unlimited", bd.Max)
			}
			return perr(f+".Max", "maximum %d is below minimum %d", bd.Max, bd.Min)
		}
	}
	for r, row := range p.Rows {
		f := fmt.Sprintf("Rows[%d]", r)
		for j, t := range row.Terms {
			tf := fmt.Sprintf("%s.Terms[%d]", f, j)
			if t.Agent < 0 || t.Agent >= nAgents {
				return perr(tf+".Agent", "agent %d out of range [0, %d)", t.Agent, nAgents)
			}
			if t.Group != AllItems && (t.Group < 0 || t.Group >= nGroups) {
				return perr(tf+".Group", "group %d out of range [0, %d) and not AllItems", t.Group, nGroups)
			}
			if !finite(t.Coef) {
				return perr(tf+".Coef", "coefficient %v is not finite", t.Coef)
			}
		}
		for j, t := range row.Pairs {
			tf := fmt.Sprintf("%s.Pairs[%d]", f, j)
			if err := checkPair(tf, t.Item, t.Agent, nItems, nAgents); err != nil {
				return err
			}
			if !finite(t.Coef) {
				return perr(tf+".Coef", "coefficient %v is not finite", t.Coef)
			}
		}
		if row.Sense < LessEq || row.Sense > Equal {
			return perr(f+".Sense", "sense %d is not LessEq, GreaterEq or Equal", row.Sense)
		}
		if !finite(row.RHS) {
			return perr(f+".RHS", "right-hand side %v is not finite", row.RHS)
		}
	}
	for k, l := range p.Locks {
		if err := checkPair(fmt.Sprintf("Locks[%d]", k), l.Item, l.Agent, nItems, nAgents); err != nil {
			return err
		}
	}
	for k, v := range p.Vetoes {
		if err := checkPair(fmt.Sprintf("Vetoes[%d]", k), v.Item, v.Agent, nItems, nAgents); err != nil {
			return err
		}
	}
	return nil
}

func checkPair(field string, item, agent, nItems, nAgents int) error {
	if item < 0 || item >= nItems {
		return perr(field+".Item", "item %d out of range [0, %d)", item, nItems)
	}
	if agent < 0 || agent >= nAgents {
		return perr(field+".Agent", "agent %d out of range [0, %d)", agent, nAgents)
	}
	return nil
}

func uniqueNames(field string, n int, name func(int) string) error {
	first := make(map[string]int, n)
	for i := 0; i < n; i++ {
		s := name(i)
		if s == "" {
			continue
		}
		if j, ok := first[s]; ok {
			return perr(fmt.Sprintf("%s[%d]", field, i), "name %q already used by %s[%d]", s, field, j)
		}
		first[s] = i
	}
	return nil
}

func perr(field, format string, args ...any) error {
	return &ProblemError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

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
