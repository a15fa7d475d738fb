package calibrate

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every error that reports bad input to this
// package. Check for it with errors.Is.
var ErrInvalid = errors.New("calibrate: invalid input")

// InputError reports a bad element of the input, such as
// "blocs.alliance[2].party" or "settings.start.scale". It wraps ErrInvalid
// and, when there is one, the underlying error (for example a
// *seatshare.ValidationError from the strength estimate).
type InputError struct {
	Field string // path to the bad element
	Err   error  // what is wrong
}

// Error returns "calibrate: invalid input: FIELD: ERR".
func (e *InputError) Error() string {
	return fmt.Sprintf("%v: %s: %v", ErrInvalid, e.Field, e.Err)
}

// Unwrap returns ErrInvalid and the underlying error.
func (e *InputError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// invalid returns an *InputError for field with a formatted message.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Err: fmt.Errorf(format, args...)}
}
