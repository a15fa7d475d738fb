package solver

import (
	"bufio"
	"io"
	"strconv"
)

// WriteDIMACS writes a laminar problem as a DIMACS minimum-cost flow problem
// ("p min"), the input of LEMON, CS2 and "glpsol --mincost".
//
// Node 1 is the source with supply len(p.Items). Node b+2 stands for
// Bounds[b]; node len(p.Bounds)+2+i for item i, with supply -1 (it receives
// exactly one unit: its agent). The arcs are, in this order:
//
//   - one tree arc per bound, into its node from the node of the smallest
//     bound of the same agent whose set strictly contains it (or from the
//     source), with lower bound Min and capacity Max (len(p.Items) when
//     Unlimited, or Min if that is larger);
//   - one arc per usable (item, agent) pair, into the item's node from the
//     node of the deepest bound of the agent that holds the item (or from the
//     source), with capacity 1 and cost -W, where W = round(w/Resolution) is
//     the weight at the resolution of s (DefaultResolution when s or
//     s.Resolution is zero).
//
// Sets are taken over the items an agent may take; locks and vetoes remove
// the arcs they forbid, so an item without arcs makes the flow infeasible.
// The optimum of the problem is -(minimum cost) * Resolution, up to the
// rounding of the weights to the resolution. Comments ("c" lines) give the
// names of the nodes.
//
// A problem with rows, or with two bound sets of one agent that overlap
// without nesting, gives an error wrapping ErrNotLaminar; weights outside the
// range newModel supports (see Settings.Resolution) give a *ProblemError.
// WriteDIMACS takes time linear in the size of the output plus the cost of
// building the bound forest.
func WriteDIMACS(w io.Writer, p *Problem, s *Settings) error {
	if err := p.Validate(); err != nil {
		return err
	}
	m, err := newModel(p, s)
	if err != nil {
		return err
	}
	if !m.laminar {
		return m.notLaminar
	}
	n, nb := len(p.Items), len(p.Bounds)
	boundNode := func(b int32) int {
		if b < 0 {
			return 1
		}
		return int(b) + 2
	}
	itemNode := func(i int) int { return nb + 2 + i }
	nArcs := nb
	for _, wt := range m.w {
		if wt != disabledPair {
			nArcs++
		}
	}

	bw := bufio.NewWriter(w)
	bw.WriteString("c Written by github.com/coalitionlab/alliance/solver: minimum-cost flow form of a laminar problem.\n")
	bw.WriteString("c Maximum total weight = -(minimum cost) * " + formatFloat(m.resolution) + ".\n")
	bw.WriteString("c Node 1 is the source; node b+2 is bound b; node " + strconv.Itoa(nb+2) + "+i is item i.\n")
	for b, bd := range p.Bounds {
		bw.WriteString("c node " + strconv.Itoa(b+2) + ": bound " + strconv.Itoa(b) + quoteName(bd.Name) +
			", agent " + strconv.Quote(agentName(p, bd.Agent)) + " in " + strconv.Quote(groupName(p, bd.Group)) + "\n")
	}
	for i := range p.Items {
		bw.WriteString("c node " + strconv.Itoa(itemNode(i)) + ": item " + strconv.Quote(itemName(p, i)) + "\n")
	}
	var line []byte
	record := func(kind byte, fields ...int64) {
		line = append(line[:0], kind)
		for _, f := range fields {
			line = append(line, ' ')
			line = strconv.AppendInt(line, f, 10)
		}
		line = append(line, '\n')
		bw.Write(line)
	}
	bw.WriteString("p min " + strconv.Itoa(nb+1+n) + " " + strconv.Itoa(nArcs) + "\n")
	record('n', 1, int64(n))
	for i := range p.Items {
		record('n', int64(itemNode(i)), -1)
	}
	for b, bd := range p.Bounds {
		hi := bd.Max
		if hi == Unlimited {
			hi = max(n, bd.Min)
		}
		record('a', int64(boundNode(m.parent[b])), int64(b+2), int64(bd.Min), int64(hi), 0)
	}
	for k, wt := range m.w {
		if wt != disabledPair {
			record('a', int64(boundNode(m.leaf[k])), int64(itemNode(int(m.itemOf[k]))), 0, 1, -wt)
		}
	}
	return bw.Flush()
}
