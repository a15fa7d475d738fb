package solver

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonReader walks a JSON document token by token, so that objects keep the
// order of their keys, duplicate keys are caught, and every error names the
// JSON path where it happened.
type jsonReader struct {
	dec *json.Decoder
}

func newJSONReader(r io.Reader) *jsonReader {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	return &jsonReader{dec: dec}
}

// jsonErr returns a *ProblemError whose Field is a JSON path.
func jsonErr(path, format string, args ...any) error {
	if path == "" {
		path = "(document)"
	}
	return &ProblemError{Field: path, Msg: fmt.Sprintf(format, args...)}
}

// jsonKey returns the path of member key of the object at path.
func jsonKey(path, key string) string {
	if isJSONIdent(key) {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// jsonIndex returns the path of element i of the array at path.
func jsonIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func isJSONIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// token reads the next token; a syntax error or a premature end names path
// and the byte offset.
func (r *jsonReader) token(path string) (json.Token, error) {
	t, err := r.dec.Token()
	if err == nil {
		return t, nil
	}
	if errors.Is(err, io.EOF) {
		return nil, jsonErr(path, "unexpected end of input")
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return nil, jsonErr(path, "malformed JSON at byte %d: %v", se.Offset, se)
	}
	return nil, jsonErr(path, "reading JSON: %v", err)
}

// describe names the kind of a token for messages.
func describe(t json.Token) string {
	switch v := t.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return "'" + v.String() + "'"
	case string:
		return "a string"
	case json.Number:
		return "the number " + string(v)
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", t)
}

// object reads an object at path and calls member for each key in order.
// member must read exactly one value.
func (r *jsonReader) object(path string, member func(key, kpath string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t != json.Delim('{') {
		return jsonErr(path, "want an object, got %s", describe(t))
	}
	for r.dec.More() {
		t, err := r.token(path)
		if err != nil {
			return err
		}
		key := t.(string) // the decoder guarantees a string key inside an object
		if err := member(key, jsonKey(path, key)); err != nil {
			return err
		}
	}
	_, err = r.token(path) // the closing '}'
	return err
}

// fields reads an object with a fixed set of keys; required is a bit mask
// over names. Unknown and repeated keys are errors.
func (r *jsonReader) fields(path string, names []string, required uint, field func(k int, kpath string) error) error {
	var seen uint
	err := r.object(path, func(key, kpath string) error {
		k := -1
		for j, n := range names {
			if n == key {
				k = j
				break
			}
		}
		if k < 0 {
			return jsonErr(kpath, "unknown field %q (want one of %s)", key, strings.Join(names, ", "))
		}
		if seen&(1<<k) != 0 {
			return jsonErr(kpath, "field %q repeated", key)
		}
		seen |= 1 << k
		return field(k, kpath)
	})
	if err != nil {
		return err
	}
	for k, n := range names {
		if required&(1<<k) != 0 && seen&(1<<k) == 0 {
			return jsonErr(jsonKey(path, n), "missing required field %q", n)
		}
	}
	return nil
}

// array reads an array at path and calls elem for each element.
func (r *jsonReader) array(path string, elem func(i int, ipath string) error) error {
	t, err := r.token(path)
	if err != nil {
		return err
	}
	if t != json.Delim('[') {
		return jsonErr(path, "want an array, got %s", describe(t))
	}
	for i := 0; r.dec.More(); i++ {
		if err := elem(i, jsonIndex(path, i)); err != nil {
			return err
		}
	}
	_, err = r.token(path) // the closing ']'
	return err
}

func (r *jsonReader) str(path string) (string, error) {
	t, err := r.token(path)
	if err != nil {
		return "", err
	}
	s, ok := t.(string)
	if !ok {
		return "", jsonErr(path, "want a string, got %s", describe(t))
	}
	return s, nil
}

// name reads a non-empty string.
func (r *jsonReader) name(path string) (string, error) {
	s, err := r.str(path)
	if err == nil && s == "" {
		err = jsonErr(path, "empty name")
	}
	return s, err
}

// optName reads a non-empty string or null; null gives ok == false.
func (r *jsonReader) optName(path string) (s string, ok bool, err error) {
	t, err := r.token(path)
	if err != nil || t == nil {
		return "", false, err
	}
	s, isStr := t.(string)
	if !isStr {
		return "", false, jsonErr(path, "want a string or null, got %s", describe(t))
	}
	if s == "" {
		return "", false, jsonErr(path, "empty name")
	}
	return s, true, nil
}

func (r *jsonReader) float(path string) (float64, error) {
	t, err := r.token(path)
	if err != nil {
		return 0, err
	}
	n, ok := t.(json.Number)
	if !ok {
		return 0, jsonErr(path, "want a number, got %s", describe(t))
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return 0, jsonErr(path, "number %s is out of the float64 range", n)
	}
	return x, nil
}

// count reads a non-negative integer, or null when nullable (giving -1).
func (r *jsonReader) count(path string, nullable bool) (int, error) {
	t, err := r.token(path)
	if err != nil {
		return 0, err
	}
	if t == nil && nullable {
		return -1, nil
	}
	n, ok := t.(json.Number)
	if !ok {
		want := "a non-negative integer"
		if nullable {
			want += " or null"
		}
		return 0, jsonErr(path, "want %s, got %s", want, describe(t))
	}
	v, err := strconv.ParseInt(string(n), 10, 0)
	if err != nil {
		return 0, jsonErr(path, "want a non-negative integer, got %s", n)
	}
	if v < 0 {
		return 0, jsonErr(path, "count %d is negative", v)
	}
	return int(v), nil
}

func (r *jsonReader) names(path string) ([]string, error) {
	var out []string
	err := r.array(path, func(_ int, ipath string) error {
		s, err := r.name(ipath)
		out = append(out, s)
		return err
	})
	return out, err
}

// end checks that nothing but white space follows the document.
func (r *jsonReader) end() error {
	t, err := r.dec.Token()
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return jsonErr("", "trailing data after the document at byte %d", se.Offset)
		}
		return jsonErr("", "trailing data after the document: %v", err)
	}
	return jsonErr("", "trailing data after the document: %s", describe(t))
}
