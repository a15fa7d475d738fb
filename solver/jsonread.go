package solver

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader reads a JSON document held in memory, driven by the schema of
// the caller: objects keep the order of their keys, repeated keys are
// caught, and every error names the JSON path where it happened and, for
// malformed text, the byte offset. It follows RFC 8259; as encoding/json,
// it replaces invalid UTF-8 in strings by U+FFFD. Values the schema does not
// expect are errors, never skipped, so the reader's recursion depth is that
// of the schema.
type jsonReader struct {
	data []byte
	pos  int
	// keys interns object keys, which repeat (field and agent names).
	keys map[string]string
}

// maxInterned bounds the number of interned keys.
const maxInterned = 1 << 12

func newJSONReader(r io.Reader) (*jsonReader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return &jsonReader{data: data, keys: make(map[string]string)}, nil
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

func (r *jsonReader) skipSpace() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte, or 0 at the end.
func (r *jsonReader) next() byte {
	r.skipSpace()
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}

// syntax reports malformed text at the current position.
func (r *jsonReader) syntax(path, want string) error {
	if r.pos >= len(r.data) {
		return jsonErr(path, "unexpected end of input, want %s", want)
	}
	return jsonErr(path, "malformed JSON at byte %d: want %s, got %q", r.pos, want, r.data[r.pos])
}

// describe names the kind of the value that starts at the current position.
func (r *jsonReader) describe() string {
	switch c := r.next(); {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	case c == '-' || (c >= '0' && c <= '9'):
		save := r.pos
		lit, err := r.number("")
		r.pos = save
		if err == nil {
			return "the number " + lit
		}
		return "a malformed number"
	case r.pos >= len(r.data):
		return "the end of input"
	default:
		return fmt.Sprintf("the character %q", c)
	}
}

// want reports a value of the wrong kind at path.
func (r *jsonReader) want(path, kind string) error {
	if r.skipSpace(); r.pos >= len(r.data) {
		return jsonErr(path, "unexpected end of input, want %s", kind)
	}
	return jsonErr(path, "want %s, got %s", kind, r.describe())
}

// literal consumes word (true, false or null) if it comes next.
func (r *jsonReader) literal(word string) bool {
	r.skipSpace()
	if bytes.HasPrefix(r.data[r.pos:], []byte(word)) {
		r.pos += len(word)
		return true
	}
	return false
}

// object reads an object at path and calls member for each key in order;
// member must read exactly one value.
func (r *jsonReader) object(path string, member func(key, kpath string) error) error {
	if r.next() != '{' {
		return r.want(path, "an object")
	}
	r.pos++
	if r.next() == '}' {
		r.pos++
		return nil
	}
	for {
		if r.next() != '"' {
			return r.syntax(path, "a string key")
		}
		key, err := r.key(path)
		if err != nil {
			return err
		}
		if r.next() != ':' {
			return r.syntax(path, "':' after the key")
		}
		r.pos++
		if err := member(key, jsonKey(path, key)); err != nil {
			return err
		}
		switch r.next() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return nil
		default:
			return r.syntax(path, "',' or '}' after an object member")
		}
	}
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
	if r.next() != '[' {
		return r.want(path, "an array")
	}
	r.pos++
	if r.next() == ']' {
		r.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := elem(i, jsonIndex(path, i)); err != nil {
			return err
		}
		switch r.next() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return nil
		default:
			return r.syntax(path, "',' or ']' after an array element")
		}
	}
}

// key reads an object key, interned when it is plain ASCII without
// escapes; the current byte is its opening quote.
func (r *jsonReader) key(path string) (string, error) {
	end := r.pos + 1
	for end < len(r.data) && r.data[end] != '"' && r.data[end] != '\\' && r.data[end] >= 0x20 && r.data[end] < utf8.RuneSelf {
		end++
	}
	if end >= len(r.data) || r.data[end] != '"' {
		return r.stringLit(path)
	}
	b := r.data[r.pos+1 : end]
	r.pos = end + 1
	if s, ok := r.keys[string(b)]; ok {
		return s, nil
	}
	s := string(b)
	if len(r.keys) < maxInterned {
		r.keys[s] = s
	}
	return s, nil
}

// stringLit reads a string literal; the current byte is its opening quote.
func (r *jsonReader) stringLit(path string) (string, error) {
	r.pos++
	start := r.pos
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		if c == '"' {
			s := string(r.data[start:r.pos])
			r.pos++
			return s, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return r.slowString(path, start)
		}
		r.pos++
	}
	return "", r.syntax(path, "the closing '\"' of a string")
}

// slowString finishes a string with escapes or non-ASCII bytes.
func (r *jsonReader) slowString(path string, start int) (string, error) {
	b := append([]byte(nil), r.data[start:r.pos]...)
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch {
		case c == '"':
			r.pos++
			return string(b), nil
		case c < 0x20:
			return "", jsonErr(path, "malformed JSON at byte %d: control character %q in a string", r.pos, c)
		case c >= utf8.RuneSelf:
			ru, size := utf8.DecodeRune(r.data[r.pos:])
			b = utf8.AppendRune(b, ru) // U+FFFD for invalid UTF-8
			r.pos += size
		case c != '\\':
			b = append(b, c)
			r.pos++
		default:
			if r.pos+1 >= len(r.data) {
				r.pos = len(r.data)
				return "", r.syntax(path, "an escape sequence")
			}
			e := r.data[r.pos+1]
			r.pos += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				ru, ok := r.hex4()
				if !ok {
					return "", jsonErr(path, "malformed JSON at byte %d: bad \\u escape", r.pos-2)
				}
				if utf16.IsSurrogate(ru) {
					ru = r.surrogatePair(ru)
				}
				b = utf8.AppendRune(b, ru)
			default:
				return "", jsonErr(path, "malformed JSON at byte %d: unknown escape \\%c", r.pos-2, e)
			}
		}
	}
	return "", r.syntax(path, "the closing '\"' of a string")
}

// surrogatePair reads the \uXXXX escape of the low surrogate that must
// follow the surrogate hi, just read, and returns the pair's rune. Without
// a valid low surrogate it reads nothing more and returns U+FFFD.
func (r *jsonReader) surrogatePair(hi rune) rune {
	if r.pos+1 >= len(r.data) || r.data[r.pos] != '\\' || r.data[r.pos+1] != 'u' {
		return utf8.RuneError
	}
	save := r.pos
	r.pos += 2
	if lo, ok := r.hex4(); ok {
		if ru := utf16.DecodeRune(hi, lo); ru != utf8.RuneError {
			return ru
		}
	}
	r.pos = save
	return utf8.RuneError
}

// hex4 reads four hexadecimal digits.
func (r *jsonReader) hex4() (rune, bool) {
	if r.pos+4 > len(r.data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(r.data[r.pos:r.pos+4]), 16, 16)
	if err != nil {
		return 0, false
	}
	r.pos += 4
	return rune(v), true
}

// number reads a number literal as RFC 8259 defines it.
func (r *jsonReader) number(path string) (string, error) {
	r.skipSpace()
	start := r.pos
	digits := func() int {
		n := 0
		for r.pos < len(r.data) && r.data[r.pos] >= '0' && r.data[r.pos] <= '9' {
			r.pos++
			n++
		}
		return n
	}
	if r.pos < len(r.data) && r.data[r.pos] == '-' {
		r.pos++
	}
	if r.pos < len(r.data) && r.data[r.pos] == '0' {
		r.pos++
	} else if digits() == 0 {
		return "", r.syntax(path, "a digit")
	}
	if r.pos < len(r.data) && r.data[r.pos] == '.' {
		r.pos++
		if digits() == 0 {
			return "", r.syntax(path, "a digit after '.'")
		}
	}
	if r.pos < len(r.data) && (r.data[r.pos] == 'e' || r.data[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.data) && (r.data[r.pos] == '+' || r.data[r.pos] == '-') {
			r.pos++
		}
		if digits() == 0 {
			return "", r.syntax(path, "a digit in the exponent")
		}
	}
	return string(r.data[start:r.pos]), nil
}

func (r *jsonReader) str(path string) (string, error) {
	if r.next() != '"' {
		return "", r.want(path, "a string")
	}
	return r.stringLit(path)
}

// enum reads a string that must be one of names, and returns its index;
// what names the kind of value in the error ("status", "method").
func (r *jsonReader) enum(path, what string, names []string) (int, error) {
	s, err := r.str(path)
	if err != nil {
		return 0, err
	}
	k := slices.Index(names, s)
	if k < 0 {
		return 0, jsonErr(path, "unknown %s %q", what, s)
	}
	return k, nil
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
	if r.literal("null") {
		return "", false, nil
	}
	if r.next() != '"' {
		return "", false, r.want(path, "a string or null")
	}
	s, err = r.stringLit(path)
	if err == nil && s == "" {
		err = jsonErr(path, "empty name")
	}
	return s, err == nil, err
}

func (r *jsonReader) float(path string) (float64, error) {
	if c := r.next(); c != '-' && (c < '0' || c > '9') {
		return 0, r.want(path, "a number")
	}
	lit, err := r.number(path)
	if err != nil {
		return 0, err
	}
	x, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		return 0, jsonErr(path, "number %s is out of the float64 range", lit)
	}
	return x, nil
}

// count reads a non-negative integer, or null when nullable (giving -1).
func (r *jsonReader) count(path string, nullable bool) (int, error) {
	if nullable && r.literal("null") {
		return -1, nil
	}
	want := "a non-negative integer"
	if nullable {
		want += " or null"
	}
	if c := r.next(); c != '-' && (c < '0' || c > '9') {
		return 0, r.want(path, want)
	}
	lit, err := r.number(path)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseInt(lit, 10, 0)
	if err != nil {
		return 0, jsonErr(path, "want %s, got %s", want, lit)
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
	if r.skipSpace(); r.pos < len(r.data) {
		return jsonErr("", "trailing data after the document at byte %d", r.pos)
	}
	return nil
}

// integer reads an integer of any sign that fits in an int64.
func (r *jsonReader) integer(path string) (int64, error) {
	if c := r.next(); c != '-' && (c < '0' || c > '9') {
		return 0, r.want(path, "an integer")
	}
	lit, err := r.number(path)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseInt(lit, 10, 64)
	if err != nil {
		return 0, jsonErr(path, "want an integer in the int64 range, got %s", lit)
	}
	return v, nil
}

// boolean reads true or false.
func (r *jsonReader) boolean(path string) (bool, error) {
	switch {
	case r.literal("true"):
		return true, nil
	case r.literal("false"):
		return false, nil
	}
	return false, r.want(path, "true or false")
}

// null consumes null if it comes next and reports whether it did.
func (r *jsonReader) null() bool { return r.literal("null") }

// integers reads an array of integers.
func (r *jsonReader) integers(path string) ([]int64, error) {
	out := []int64{}
	err := r.array(path, func(_ int, ipath string) error {
		v, err := r.integer(ipath)
		out = append(out, v)
		return err
	})
	return out, err
}
