package english

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/designlint/designlint/estimate"
)

// ParseError says why a text is not a quantity.
type ParseError struct {
	Input  string
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%q is not a quantity: %s", e.Input, e.Reason)
}

// maxQuantityText bounds what ParseQuantity reads: a value, not a document.
const maxQuantityText = 200

// ParseQuantity reads the whole of s as one quantity, the way a value is
// written in a label, a table cell, a YAML or CUE field or on the command
// line: "10M", "about 2 KB", "99.99%", "3x", "10:1", "10M/day", "500
// req/s", "5 years", "10 million daily active users". Words after the
// figure that say what it counts are allowed; anything else is an error
// naming the reason.
//
// want, when not zero, is the dimension the caller expects; it settles the
// readings designlint otherwise refuses to guess: a lower-case m (million
// or minutes) and a bare B (billion or bytes). The result is not converted
// to want.
func ParseQuantity(s string, want estimate.Dim, cal estimate.Calendar) (estimate.Quantity, error) {
	q, err := parseQuantity(strings.TrimSpace(s), want, cal)
	if err != nil {
		return estimate.Quantity{}, &ParseError{Input: s, Reason: err.Error()}
	}
	return q, nil
}

func parseQuantity(s string, want estimate.Dim, cal estimate.Calendar) (estimate.Quantity, error) {
	switch {
	case s == "":
		return estimate.Quantity{}, fmt.Errorf("empty")
	case len(s) > maxQuantityText:
		return estimate.Quantity{}, fmt.Errorf("too long for a value")
	case !utf8.ValidString(s):
		return estimate.Quantity{}, fmt.Errorf("not UTF-8 text")
	}
	if cal.DaysPerMonth == 0 {
		cal = estimate.DefaultCalendar
	}
	t := Lex(s)
	defer t.settle()
	if len(t.Tokens) == 0 {
		return estimate.Quantity{}, fmt.Errorf("no number")
	}
	first := t.Tokens[0]
	switch {
	case first.Kind == Symbol && (t.Str(0) == "-" || t.Str(0) == "−") && len(t.Tokens) > 1 && t.IsNumber(1):
		return estimate.Quantity{}, fmt.Errorf("negative values are not allowed")
	case first.Kind == Symbol && t.Str(0) == "+":
		return estimate.Quantity{}, fmt.Errorf("write the number without a sign")
	case first.Kind == Symbol && t.Str(0) == "±":
		return estimate.Quantity{}, fmt.Errorf("a tolerance is not a value")
	}
	for i, tok := range t.Tokens {
		t.steps++
		if tok.Kind != Number {
			continue
		}
		switch {
		case tok.Flags&Overflow != 0:
			return estimate.Quantity{}, fmt.Errorf("number out of range")
		case tok.End-tok.Start > 40:
			return estimate.Quantity{}, fmt.Errorf("number too long")
		case tok.Val != 0 && tok.Val < 1e-300:
			return estimate.Quantity{}, fmt.Errorf("number out of range")
		case i+1 < len(t.Tokens) && !t.Tokens[i+1].Space && t.IsWord(i+1) && (t.Str(i) == "0" && (t.Low(i + 1)[0] == 'x' || t.Low(i + 1)[0] == 'b') && len(t.Low(i+1)) > 1 || t.Str(i + 1)[0] == '_'):
			return estimate.Quantity{}, fmt.Errorf("only decimal numbers are accepted")
		case t.Is(i+1, ":") && t.IsNumber(i+2) && t.Tokens[i+2].Val == 0:
			return estimate.Quantity{}, fmt.Errorf("ratio with a zero denominator")
		case i+1 < len(t.Tokens) && t.Is(i+1, ",") && !t.Tokens[i+1].Space && t.IsNumber(i+2) && !t.Tokens[i+2].Space:
			return estimate.Quantity{}, fmt.Errorf("%q: a comma must separate groups of three digits", t.Between(i, i+3))
		}
	}
	as := t.Amounts(cal)
	if len(as) == 0 {
		return estimate.Quantity{}, fmt.Errorf("no number")
	}
	if len(as) > 1 {
		return estimate.Quantity{}, fmt.Errorf("unexpected %q after the value", t.Src[t.Tokens[as[1].First].Start:])
	}
	a := as[0]
	if a.Bad != "" {
		return estimate.Quantity{}, fmt.Errorf("%s", a.Bad)
	}
	if a.First > 0 {
		return estimate.Quantity{}, fmt.Errorf("unexpected %q before the value", t.Between(0, a.First))
	}
	for i := a.Last; i < len(t.Tokens); i++ {
		t.steps++
		tok := t.Tokens[i]
		switch {
		case tok.Kind == Word:
		case tok.Kind == Symbol && strings.Contains("()-.'", t.Str(i)):
		case t.Is(i, "/") && t.IsWord(i+1):
			if _, ok := periodWords[t.Low(i+1)]; ok && a.HasPer {
				return estimate.Quantity{}, fmt.Errorf("two periods")
			}
		case tok.Kind == Symbol && t.Str(i) == "%":
			return estimate.Quantity{}, fmt.Errorf("%% after a unit")
		default:
			return estimate.Quantity{}, fmt.Errorf("unexpected %q", t.Src[tok.Start:])
		}
	}
	if a.Pair && a.B == 0 {
		return estimate.Quantity{}, fmt.Errorf("ratio with a zero denominator")
	}
	q := a.Quantity
	switch {
	case a.AmbigM && want == estimate.Duration:
		// "5m": five minutes
		q = estimate.Quantity{Value: a.Written / 1e6 * 60, Dim: estimate.Duration}
	case a.AmbigM && want == 0 && !a.HasPer && a.Noun[0] == a.Noun[1]:
		return estimate.Quantity{}, fmt.Errorf("ambiguous: m may mean million or minutes; write M or min")
	case a.AmbigB && want == estimate.Bytes:
		// "500B": five hundred bytes
		q = estimate.Quantity{Value: a.Written / 1e9, Dim: estimate.Bytes}
	}
	if a.Range {
		q.Value = a.Hi
	}
	if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) || q.Value < 0 {
		return estimate.Quantity{}, fmt.Errorf("number out of range")
	}
	return q, nil
}
