package seatshare

import (
	"errors"
	"fmt"
)

// ErrInvalid is the sentinel wrapped by every error that reports bad input
// to this package. Check for it with errors.Is.
var ErrInvalid = errors.New("seatshare: invalid input")

// ParseError reports a bad row in a results file. It names the file (the
// source name given to the reader), the 1-based line on which the row starts
// (the header is line 1), and the column. Field is empty when the problem
// concerns the row as a whole (a wrong number of fields, a CSV syntax error).
//
// A ParseError matches both ErrInvalid and Err with errors.Is.
type ParseError struct {
	File  string // source name, as passed to ReadResults
	Row   int    // 1-based line number where the row starts
	Field string // column name, or "" for the whole row
	Err   error  // what is wrong
}

// Error returns "seatshare: invalid input: FILE:ROW: field FIELD: ERR".
func (e *ParseError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%v: %s:%d: %v", ErrInvalid, e.File, e.Row, e.Err)
	}
	return fmt.Sprintf("%v: %s:%d: field %s: %v", ErrInvalid, e.File, e.Row, e.Field, e.Err)
}

// Unwrap returns ErrInvalid and the underlying error.
func (e *ParseError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// ValidationError reports a bad element of an in-memory value: an
// election built by hand, a party map, a base election or an override.
// Field is a path to the element in Go-like syntax, such as
// "bases[1].alliances[0].members[2]" or "constituencies[4].candidates[0].votes".
//
// A ValidationError matches both ErrInvalid and Err with errors.Is.
type ValidationError struct {
	Field string // path to the bad element
	Err   error  // what is wrong
}

// Error returns "seatshare: invalid input: FIELD: ERR".
func (e *ValidationError) Error() string {
	return fmt.Sprintf("%v: %s: %v", ErrInvalid, e.Field, e.Err)
}

// Unwrap returns ErrInvalid and the underlying error.
func (e *ValidationError) Unwrap() []error { return []error{ErrInvalid, e.Err} }

// within prefixes the Field of a *ValidationError err with path, so an
// element's error names it from the caller's point of view; other errors
// are returned unchanged.
func within(path string, err error) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return &ValidationError{Field: path + ve.Field, Err: ve.Err}
	}
	return err
}

// invalid returns a *ValidationError for field with a formatted message.
func invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Err: fmt.Errorf(format, args...)}
}

// ErrNoData is returned by OpenData when the environment variable named by
// DataEnv is not set.
var ErrNoData = errors.New("seatshare: " + DataEnv + " is not set (it names the directory holding lsYYYY_candidates.csv)")
