package solver

import (
	"fmt"
	"math"
	"math/big"
	"slices"
)

// CertificateError reports why Verify rejected a result.
type CertificateError struct {
	// Field names the part of the result that failed, in Go syntax, such
	// as "Assignment[3]" or "Certificate.Nodes[5].BoundPrices[2]".
	Field string
	// Msg says what failed, with the numbers.
	Msg string
	// Err is the underlying cause, such as a *ProblemError; it may be nil.
	Err error
}

// Error implements error.
func (e *CertificateError) Error() string {
	return "solver: certificate rejected: " + e.Field + ": " + e.Msg
}

// Unwrap returns ErrCertificate and the underlying cause, if any.
func (e *CertificateError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrCertificate, e.Err}
	}
	return []error{ErrCertificate}
}

func cerr(field, format string, args ...any) error {
	return &CertificateError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Verify checks r against p without trusting anything the solver computed,
// and returns nil when r is proven, or a *CertificateError (wrapping
// ErrCertificate) that says what failed.
//
// For every status with an assignment (Optimal and Feasible) Verify checks
// that p is valid, that every item goes to one of its options, every lock
// and veto and every bound holds, that every row holds exactly (the float64
// coefficients and right-hand sides are exact binary rationals, and the
// check uses integers scaled by a common power of two), and that
// r.Objective is the float64 total of the chosen weights up to rounding
// (relative error 1e-9).
//
// For Optimal it also checks the proof in r.Certificate, in exact integer
// arithmetic: the resolution; Objective equals the scaled objective
// sum of round(w/Resolution) of the assignment; the tree's shape (Nodes[0]
// is the only root, every other node's parent exists, no cycles, every
// inner node has exactly two children with the same Branch, one locking and
// one vetoing it, or with equal Splits, one on each side, and leaves have
// none, and only leaves are marked Empty); the sign rules of every leaf's
// prices, with one split price per Split edge on its path; that every leaf's Lagrangian bound
// (see Certificate) is below Objective+1; and that every Empty leaf's
// bound, with every weight taken as zero, is negative. Prices on inner
// nodes are ignored.
//
// For Infeasible with a certificate (Solve gives one), Verify
// checks the tree's shape as for Optimal and that every leaf is marked
// Empty and proves its region empty: its bound with every weight taken as
// zero is negative, or some item has no allowed agent in it. The leaves
// then cover every assignment, so none exists; Resolution, Objective and
// Denominator play no part. For Infeasible without a certificate, Verify
// re-derives infeasibility on its own when p has no rows and every agent's
// bound sets are laminar (a max-flow feasibility check, or a direct
// conflict among locks and vetoes); otherwise it cannot check the claim
// and returns an error saying so. A result with Status Unknown claims
// nothing and is accepted when it carries no assignment.
//
// Verify takes time O(size of p + leaves * (options * bounds per option +
// row nonzeros)) operations on integers of a few machine words; for
// Infeasible, one max flow (Dinic) on the bound network. On the seatbench
// instances (BenchmarkVerify) it took 1 ms for india, 16 ms for x10 and
// 0.21 s for x100 (54,300 items), on a loaded 2-core machine.
func Verify(p *Problem, r *Result) error {
	if err := p.Validate(); err != nil {
		return &CertificateError{Field: "problem", Msg: err.Error(), Err: err}
	}
	if r == nil {
		return cerr("result", "is nil")
	}
	switch r.Status {
	case Unknown:
		if r.Assignment != nil {
			return cerr("Assignment", "status Unknown carries an assignment")
		}
		return nil
	case Infeasible:
		return verifyInfeasible(p, r)
	case Optimal, Feasible:
	default:
		return cerr("Status", "unknown status %v", r.Status)
	}
	v := newVerifier(p)
	if err := v.assignment(r); err != nil {
		return err
	}
	if r.Status == Feasible {
		return nil
	}
	return v.certificate(r)
}

// verifyInfeasible re-derives infeasibility where it can without the solver.
func verifyInfeasible(p *Problem, r *Result) error {
	if r.Assignment != nil {
		return cerr("Assignment", "status Infeasible carries an assignment")
	}
	if r.Certificate != nil {
		return newVerifier(p).emptiness(r.Certificate)
	}
	if directConflict(p) != nil {
		return nil
	}
	if len(p.Rows) > 0 {
		return cerr("Status", "infeasibility of a problem with rows cannot be checked without the solver")
	}
	nw := newExplainNet(p, newMask(p, allConstraints(p)), false)
	if nw == nil {
		return cerr("Status", "infeasibility of a problem with non-laminar bounds cannot be checked without the solver")
	}
	if nw.feasible() {
		return cerr("Status", "status Infeasible, but the bound network has a feasible flow")
	}
	return nil
}

// verifier holds the problem in the exact form Verify checks.
type verifier struct {
	p *Problem
	// shift is the common power of two: every row coefficient and
	// right-hand side times 2^shift is an integer.
	shift uint
	// coef[r] maps a pair (item, agent) to its scaled row coefficient.
	coef []map[Pair]*big.Int
	rhs  []*big.Int
	// itemGroups[i] lists the groups that hold item i.
	itemGroups [][]int
}

func newVerifier(p *Problem) *verifier {
	v := &verifier{p: p, coef: make([]map[Pair]*big.Int, len(p.Rows)), rhs: make([]*big.Int, len(p.Rows))}
	v.itemGroups = make([][]int, len(p.Items))
	for g, gr := range p.Groups {
		for _, i := range gr.Items {
			v.itemGroups[i] = append(v.itemGroups[i], g)
		}
	}
	// The smallest shift that makes every coefficient an integer.
	for _, row := range p.Rows {
		v.shift = max(v.shift, twoExp(row.RHS))
		for _, t := range row.Terms {
			v.shift = max(v.shift, twoExp(t.Coef))
		}
		for _, t := range row.Pairs {
			v.shift = max(v.shift, twoExp(t.Coef))
		}
	}
	for r, row := range p.Rows {
		c := make(map[Pair]*big.Int)
		add := func(i, a int, x float64) {
			k := Pair{i, a}
			if c[k] == nil {
				c[k] = new(big.Int)
			}
			c[k].Add(c[k], v.scaled(x))
		}
		for _, t := range row.Terms {
			if t.Group == AllItems {
				for i := range p.Items {
					add(i, t.Agent, t.Coef)
				}
				continue
			}
			for _, i := range p.Groups[t.Group].Items {
				add(i, t.Agent, t.Coef)
			}
		}
		for _, t := range row.Pairs {
			add(t.Item, t.Agent, t.Coef)
		}
		v.coef[r] = c
		v.rhs[r] = v.scaled(row.RHS)
	}
	return v
}

// twoExp returns the k such that x*2^k is the smallest integer multiple:
// the exponent of the denominator of x as an exact binary rational.
func twoExp(x float64) uint {
	d := new(big.Rat).SetFloat64(x).Denom()
	return uint(d.BitLen() - 1)
}

// scaled returns x * 2^shift, an integer.
func (v *verifier) scaled(x float64) *big.Int {
	q := new(big.Rat).SetFloat64(x)
	n := new(big.Int).Lsh(q.Num(), v.shift)
	return n.Quo(n, q.Denom())
}

// rowValue returns the scaled left-hand side of row r under assignment x.
func (v *verifier) rowValue(r int, x []int) *big.Int {
	sum := new(big.Int)
	for i, a := range x {
		if c := v.coef[r][Pair{i, a}]; c != nil {
			sum.Add(sum, c)
		}
	}
	return sum
}

// assignment checks r.Assignment and r.Objective.
func (v *verifier) assignment(r *Result) error {
	p := v.p
	x := r.Assignment
	if len(x) != len(p.Items) {
		return cerr("Assignment", "has %d entries for %d items", len(x), len(p.Items))
	}
	var total, scale float64
	for i, a := range x {
		j := slices.IndexFunc(p.Items[i].Options, func(o Option) bool { return o.Agent == a })
		if j < 0 {
			return cerr(fmt.Sprintf("Assignment[%d]", i), "agent %d is not an option of item %s", a, itemName(p, i))
		}
		w := p.Items[i].Options[j].Weight
		total += w
		scale += math.Abs(w)
	}
	if math.Abs(r.Objective-total) > 1e-9*max(1, scale) {
		return cerr("Objective", "%v, but the chosen weights add up to %v", r.Objective, total)
	}
	for k, l := range p.Locks {
		if x[l.Item] != l.Agent {
			return cerr(fmt.Sprintf("Assignment[%d]", l.Item), "item %s goes to agent %s, but Locks[%d] locks it to agent %s",
				itemName(p, l.Item), agentName(p, x[l.Item]), k, agentName(p, l.Agent))
		}
	}
	for k, l := range p.Vetoes {
		if x[l.Item] == l.Agent {
			return cerr(fmt.Sprintf("Assignment[%d]", l.Item), "item %s goes to agent %s, which Vetoes[%d] forbids",
				itemName(p, l.Item), agentName(p, l.Agent), k)
		}
	}
	for b, bd := range p.Bounds {
		n := 0
		if bd.Group == AllItems {
			for _, a := range x {
				if a == bd.Agent {
					n++
				}
			}
		} else {
			for _, i := range p.Groups[bd.Group].Items {
				if x[i] == bd.Agent {
					n++
				}
			}
		}
		if n < bd.Min || (bd.Max != Unlimited && n > bd.Max) {
			return cerr(fmt.Sprintf("Bounds[%d]", b), "agent %s gets %d of %s, outside [%d, %s]",
				agentName(p, bd.Agent), n, groupPhrase(p, bd.Group), bd.Min, maxString(bd.Max))
		}
	}
	for ri, row := range p.Rows {
		lhs := v.rowValue(ri, x)
		c := lhs.Cmp(v.rhs[ri])
		if (row.Sense == LessEq && c > 0) || (row.Sense == GreaterEq && c < 0) || (row.Sense == Equal && c != 0) {
			return cerr(fmt.Sprintf("Rows[%d]", ri), "row %s: left-hand side %s %s right-hand side %v",
				rowName(p, ri), v.ratString(lhs), [...]string{">", "<", "!="}[row.Sense], row.RHS)
		}
	}
	return nil
}

func maxString(m int) string {
	if m == Unlimited {
		return "unlimited"
	}
	return fmt.Sprint(m)
}

// ratString writes the scaled integer n / 2^shift as a decimal with up to
// 30 significant digits.
func (v *verifier) ratString(n *big.Int) string {
	q := new(big.Rat).SetFrac(n, new(big.Int).Lsh(big.NewInt(1), v.shift))
	return new(big.Float).SetPrec(256).SetRat(q).Text('g', 30)
}

// certificate checks the optimality proof of r.
func (v *verifier) certificate(r *Result) error {
	p, c := v.p, r.Certificate
	if c == nil {
		return cerr("Certificate", "status Optimal without a certificate")
	}
	if !(c.Resolution > 0) || math.IsInf(c.Resolution, 0) {
		return cerr("Certificate.Resolution", "%v is not a positive finite number", c.Resolution)
	}
	if c.Denominator <= 0 {
		return cerr("Certificate.Denominator", "%d is not positive", c.Denominator)
	}
	// The scaled weights, recomputed.
	W := make([][]int64, len(p.Items))
	obj := new(big.Int)
	for i, it := range p.Items {
		W[i] = make([]int64, len(it.Options))
		for j, o := range it.Options {
			x := o.Weight / c.Resolution
			if !(math.Abs(x) < 1<<62) {
				return cerr(fmt.Sprintf("Items[%d].Options[%d].Weight", i, j), "weight %v is %g units of resolution %v, beyond 2^62", o.Weight, x, c.Resolution)
			}
			W[i][j] = int64(math.Round(x))
			if o.Agent == r.Assignment[i] {
				obj.Add(obj, big.NewInt(W[i][j]))
			}
		}
	}
	if !obj.IsInt64() || obj.Int64() != c.Objective {
		return cerr("Certificate.Objective", "%d, but the assignment's scaled objective is %s", c.Objective, obj)
	}
	leaves, err := v.tree(c)
	if err != nil {
		return err
	}
	// limit = (Objective + 1) * Den * 2^shift: every leaf's scaled bound
	// must be below it.
	limit := new(big.Int).Add(big.NewInt(c.Objective), big.NewInt(1))
	limit.Mul(limit, big.NewInt(c.Denominator))
	limit.Lsh(limit, v.shift)
	for _, n := range leaves {
		if c.Nodes[n].Empty {
			if err := v.emptyLeaf(c, n); err != nil {
				return err
			}
			continue
		}
		L, err := v.leafBound(c, n, W)
		if err != nil {
			return err
		}
		if L != nil && L.Cmp(limit) >= 0 {
			return cerr(fmt.Sprintf("Certificate.Nodes[%d]", n), "leaf bound %s is not below Objective+1 = %d",
				v.boundString(L, c.Denominator), c.Objective+1)
		}
	}
	return nil
}

// emptyLeaf checks that the Empty leaf n proves its region empty.
func (v *verifier) emptyLeaf(c *Certificate, n int) error {
	// Zero weights: every assignment in the region scores 0, so a negative
	// bound leaves it none.
	L, err := v.leafBound(c, n, nil)
	if err != nil {
		return err
	}
	if L != nil && L.Sign() >= 0 {
		return cerr(fmt.Sprintf("Certificate.Nodes[%d]", n), "an Empty leaf whose bound at zero weights is %s, not negative",
			v.boundString(L, max(c.Denominator, 1)))
	}
	return nil
}

// emptiness checks the proof of infeasibility c: a tree whose every leaf
// is Empty.
func (v *verifier) emptiness(c *Certificate) error {
	leaves, err := v.tree(c)
	if err != nil {
		return err
	}
	for _, n := range leaves {
		if !c.Nodes[n].Empty {
			return cerr(fmt.Sprintf("Certificate.Nodes[%d].Empty", n), "a leaf of a proof of infeasibility is not marked Empty")
		}
		if err := v.emptyLeaf(c, n); err != nil {
			return err
		}
	}
	return nil
}

// boundString writes a scaled bound L*Den*2^shift in units of Resolution.
func (v *verifier) boundString(L *big.Int, den int64) string {
	d := new(big.Int).Lsh(big.NewInt(den), v.shift)
	return new(big.Rat).SetFrac(L, d).FloatString(3)
}

// tree checks the shape of the certificate's tree and returns its leaves.
func (v *verifier) tree(c *Certificate) ([]int, error) {
	p := v.p
	n := len(c.Nodes)
	if n == 0 {
		return nil, cerr("Certificate.Nodes", "the tree is empty")
	}
	children := make([][]int, n)
	for k, nd := range c.Nodes {
		f := fmt.Sprintf("Certificate.Nodes[%d]", k)
		if k == 0 {
			if nd.Parent != -1 {
				return nil, cerr(f+".Parent", "the root's parent is %d, want -1", nd.Parent)
			}
			continue
		}
		if nd.Parent < 0 || nd.Parent >= n {
			return nil, cerr(f+".Parent", "parent %d out of range [0, %d)", nd.Parent, n)
		}
		if sp := nd.Split; sp != nil {
			if sp.Agent < 0 || sp.Agent >= len(p.Agents) || sp.Group < AllItems || sp.Group >= len(p.Groups) {
				return nil, cerr(f+".Split", "agent %d or group %d out of range", sp.Agent, sp.Group)
			}
		} else if nd.Branch.Item < 0 || nd.Branch.Item >= len(p.Items) || nd.Branch.Agent < 0 || nd.Branch.Agent >= len(p.Agents) {
			return nil, cerr(f+".Branch", "pair (%d, %d) out of range", nd.Branch.Item, nd.Branch.Agent)
		}
		children[nd.Parent] = append(children[nd.Parent], k)
	}
	// Every node must reach the root: walking up from it ends at node 0
	// within n steps, so there is no cycle.
	depth := make([]int, n) // 0 unknown, else depth+1
	depth[0] = 1
	for k := range c.Nodes {
		var path []int
		u := k
		for depth[u] == 0 {
			path = append(path, u)
			if len(path) > n {
				return nil, cerr(fmt.Sprintf("Certificate.Nodes[%d]", k), "the parent links form a cycle")
			}
			u = c.Nodes[u].Parent
		}
		for j := len(path) - 1; j >= 0; j-- {
			depth[path[j]] = depth[c.Nodes[path[j]].Parent] + 1
		}
	}
	var leaves []int
	for k, nd := range c.Nodes {
		f := fmt.Sprintf("Certificate.Nodes[%d]", k)
		ch := children[k]
		if nd.Leaf {
			if len(ch) > 0 {
				return nil, cerr(f, "a leaf with %d children", len(ch))
			}
			leaves = append(leaves, k)
			continue
		}
		if len(ch) != 2 {
			return nil, cerr(f, "an inner node with %d children, want 2", len(ch))
		}
		if nd.Empty {
			return nil, cerr(f+".Empty", "an inner node is marked Empty")
		}
		a, b := c.Nodes[ch[0]], c.Nodes[ch[1]]
		if (a.Split == nil) != (b.Split == nil) || (a.Split != nil && *a.Split != *b.Split) {
			return nil, cerr(f, "children %d and %d do not split the same count", ch[0], ch[1])
		}
		if a.Split != nil && a.Lock == b.Lock {
			return nil, cerr(f, "children %d and %d both take the side %s of the split", ch[0], ch[1], splitSide(a))
		}
		if a.Split == nil && (a.Branch != b.Branch || a.Lock == b.Lock) {
			return nil, cerr(f, "children %d and %d do not lock and veto the same pair: (%d, %d, lock %v) and (%d, %d, lock %v)",
				ch[0], ch[1], a.Branch.Item, a.Branch.Agent, a.Lock, b.Branch.Item, b.Branch.Agent, b.Lock)
		}
	}
	return leaves, nil
}

// splitSide describes the side of a split edge.
func splitSide(nd Node) string {
	if nd.Lock {
		return fmt.Sprintf("at most %d", nd.Split.At)
	}
	return fmt.Sprintf("at least %d", nd.Split.At+1)
}

// leafBound returns the leaf's Lagrangian bound times Den*2^shift, or nil
// when the leaf's region is empty (some item has no allowed agent), or an
// error when the prices break the sign rules. A nil W takes every scaled
// weight as zero.
func (v *verifier) leafBound(c *Certificate, n int, W [][]int64) (*big.Int, error) {
	p := v.p
	nd := c.Nodes[n]
	f := fmt.Sprintf("Certificate.Nodes[%d]", n)
	if len(nd.BoundPrices) != len(p.Bounds) {
		return nil, cerr(f+".BoundPrices", "has %d prices for %d bounds", len(nd.BoundPrices), len(p.Bounds))
	}
	if len(nd.RowPrices) != len(p.Rows) {
		return nil, cerr(f+".RowPrices", "has %d prices for %d rows", len(nd.RowPrices), len(p.Rows))
	}
	for b, pi := range nd.BoundPrices {
		if pi > 0 && p.Bounds[b].Max == Unlimited {
			return nil, cerr(fmt.Sprintf("%s.BoundPrices[%d]", f, b), "price %d > 0 on a bound without maximum", pi)
		}
	}
	for r, mu := range nd.RowPrices {
		s := p.Rows[r].Sense
		if (s == LessEq && mu < 0) || (s == GreaterEq && mu > 0) {
			return nil, cerr(fmt.Sprintf("%s.RowPrices[%d]", f, r), "price %d has the wrong sign for a %s row", mu, [...]string{"<=", ">="}[s])
		}
	}

	// The region: the problem's locks and vetoes plus the path's.
	lock := make(map[int]int) // item -> agent, or -1 when locked to two agents
	veto := make(map[Pair]bool)
	addLock := func(l Pair) {
		if a, ok := lock[l.Item]; ok && a != l.Agent {
			lock[l.Item] = -1
		} else if !ok {
			lock[l.Item] = l.Agent
		}
	}
	for _, l := range p.Locks {
		addLock(l)
	}
	for _, x := range p.Vetoes {
		veto[x] = true
	}
	var splits []Node // the split edges on the path, leaf first
	for u := n; u != 0; u = c.Nodes[u].Parent {
		switch nd := c.Nodes[u]; {
		case nd.Split != nil:
			splits = append(splits, nd)
		case nd.Lock:
			addLock(nd.Branch)
		default:
			veto[nd.Branch] = true
		}
	}
	slices.Reverse(splits)
	if len(nd.SplitPrices) != len(splits) {
		return nil, cerr(f+".SplitPrices", "has %d prices for %d splits on the path", len(nd.SplitPrices), len(splits))
	}
	for j, s := range nd.SplitPrices {
		if (splits[j].Lock && s < 0) || (!splits[j].Lock && s > 0) {
			return nil, cerr(fmt.Sprintf("%s.SplitPrices[%d]", f, j), "price %d has the wrong sign for the side %s of a split", s, splitSide(splits[j]))
		}
	}

	// Each bound's price, shifted, summed per (agent, group).
	den := big.NewInt(c.Denominator)
	type agentGroup struct{ agent, group int }
	byAgentGroup := make(map[agentGroup]*big.Int)
	for b, bd := range p.Bounds {
		k := agentGroup{bd.Agent, bd.Group}
		if byAgentGroup[k] == nil {
			byAgentGroup[k] = new(big.Int)
		}
		byAgentGroup[k].Add(byAgentGroup[k], big.NewInt(nd.BoundPrices[b]))
	}
	L := new(big.Int)
	val, best, t := new(big.Int), new(big.Int), new(big.Int)
	for i, it := range p.Items {
		found := false
		for j, o := range it.Options {
			a := o.Agent
			if veto[Pair{i, a}] {
				continue
			}
			if la, ok := lock[i]; ok && la != a {
				continue
			}
			// (Den*W - sum of bound prices) * 2^shift - sum of mu * A'.
			val.SetInt64(0)
			if W != nil {
				val.Mul(den, big.NewInt(W[i][j]))
			}
			if pi := byAgentGroup[agentGroup{a, AllItems}]; pi != nil {
				val.Sub(val, pi)
			}
			for _, g := range v.itemGroups[i] {
				if pi := byAgentGroup[agentGroup{a, g}]; pi != nil {
					val.Sub(val, pi)
				}
			}
			for j, s := range nd.SplitPrices {
				if sp := splits[j].Split; s != 0 && sp.Agent == a && (sp.Group == AllItems || slices.Contains(v.itemGroups[i], sp.Group)) {
					val.Sub(val, t.SetInt64(s))
				}
			}
			val.Lsh(val, v.shift)
			for r, mu := range nd.RowPrices {
				if cf := v.coef[r][Pair{i, a}]; cf != nil && mu != 0 {
					val.Sub(val, t.Mul(big.NewInt(mu), cf))
				}
			}
			if !found || val.Cmp(best) > 0 {
				best.Set(val)
			}
			found = true
		}
		if !found {
			return nil, nil
		}
		L.Add(L, best)
	}
	for b, pi := range nd.BoundPrices {
		rhs := int64(p.Bounds[b].Min)
		if pi > 0 {
			rhs = int64(p.Bounds[b].Max)
		}
		L.Add(L, t.Lsh(t.Mul(big.NewInt(pi), big.NewInt(rhs)), v.shift))
	}
	for r, mu := range nd.RowPrices {
		L.Add(L, t.Mul(big.NewInt(mu), v.rhs[r]))
	}
	for j, s := range nd.SplitPrices {
		rhs := big.NewInt(int64(splits[j].Split.At))
		if !splits[j].Lock {
			rhs.Add(rhs, big.NewInt(1)) // in big.Int: At+1 may overflow int
		}
		L.Add(L, t.Lsh(t.Mul(big.NewInt(s), rhs), v.shift))
	}
	return L, nil
}
