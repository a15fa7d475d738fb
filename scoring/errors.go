package scoring

import (
	"errors"
	"fmt"
)

// ErrInvalid reports input that no function of the package accepts: a
// negative vote count, a length mismatch, a non-finite value, and the like.
// Errors that carry details wrap it; check for it with [errors.Is].
var ErrInvalid = errors.New("scoring: invalid input")

// ErrNoApportionment reports that the requested apportionment does not
// exist, for example Adams's method with fewer seats than parties with
// votes. [NoApportionmentError] wraps it.
var ErrNoApportionment = errors.New("scoring: no apportionment exists")

// ErrTie reports that several results are equally valid and no tie-break
// was requested. [TieError] wraps it and lists the alternatives.
var ErrTie = errors.New("scoring: tie")

// InputError describes invalid input: which field, which element of it,
// and why. It wraps [ErrInvalid].
type InputError struct {
	// Field names the argument or field, such as "votes" or "house".
	Field string
	// Index is the offending element of Field, or -1 when the error
	// concerns the field as a whole.
	Index int
	// Reason says what is wrong, in a few words.
	Reason string
}

// Error implements the error interface.
func (e *InputError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("scoring: invalid input: %s: %s", e.Field, e.Reason)
	}
	return fmt.Sprintf("scoring: invalid input: %s[%d]: %s", e.Field, e.Index, e.Reason)
}

// Unwrap returns [ErrInvalid].
func (e *InputError) Unwrap() error { return ErrInvalid }

// invalid returns an *InputError for element index of field.
func invalid(field string, index int, format string, args ...any) error {
	return &InputError{Field: field, Index: index, Reason: fmt.Sprintf(format, args...)}
}
