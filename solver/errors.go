package solver

import (
	"errors"
	"strconv"
)

// Sentinel errors; check them with errors.Is.
var (
	// ErrInvalid reports a malformed problem; the error is a *ProblemError.
	ErrInvalid = errors.New("solver: invalid problem")
	// ErrInfeasible reports that no assignment satisfies every constraint;
	// the error is an *InfeasibleError that names the conflicting constraints.
	ErrInfeasible = errors.New("solver: problem is infeasible")
	// ErrNotLaminar reports that Method Flow was asked for a problem with
	// rows or with bound sets of one agent that overlap without nesting.
	ErrNotLaminar = errors.New("solver: problem is not laminar")
	// ErrCertificate reports that Verify rejected a result.
	ErrCertificate = errors.New("solver: certificate rejected")
)

// ProblemError describes a malformed problem. It names the offending field
// in Go syntax, such as "Items[3].Options[1].Agent".
type ProblemError struct {
	Field string
	Msg   string
}

// Error implements error.
func (e *ProblemError) Error() string { return "solver: invalid problem: " + e.Field + ": " + e.Msg }

// Unwrap returns ErrInvalid.
func (e *ProblemError) Unwrap() error { return ErrInvalid }

// InfeasibleError explains why a problem has no feasible assignment: a set
// of constraints that cannot hold together, and the arithmetic that shows it.
type InfeasibleError struct {
	// Conflict lists the constraints that cannot hold together, in a
	// deterministic order.
	Conflict []Constraint
	// Irreducible reports whether dropping any one member of Conflict
	// makes the rest satisfiable.
	Irreducible bool
	// Reason is the arithmetic in words, such as "agent INC needs at least
	// 22 and agent SP at least 65 of the 80 items in group UP: 87 > 80".
	Reason string
}

// Error implements error.
func (e *InfeasibleError) Error() string { return "solver: problem is infeasible: " + e.Reason }

// Unwrap returns ErrInfeasible.
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }

// ConstraintKind says which part of a Problem a Constraint refers to.
type ConstraintKind int

// The kinds of constraint.
const (
	// ItemKind is an item's "exactly one option" constraint; Index is the item.
	ItemKind ConstraintKind = iota
	// MinKind is the lower limit of Bounds[Index].
	MinKind
	// MaxKind is the upper limit of Bounds[Index].
	MaxKind
	// RowKind is Rows[Index].
	RowKind
	// LockKind is Locks[Index].
	LockKind
	// VetoKind is Vetoes[Index].
	VetoKind
)

var kindNames = [...]string{"item", "min", "max", "row", "lock", "veto"}

// String returns the kind's name.
func (k ConstraintKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "ConstraintKind(" + strconv.Itoa(int(k)) + ")"
}

// Constraint refers to one constraint of a Problem.
type Constraint struct {
	Kind  ConstraintKind
	Index int
}
