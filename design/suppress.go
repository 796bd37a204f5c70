package design

import (
	"strings"
)

// Directives are written in comments:
//
//	<!-- designlint-disable rule-a,rule-b -- reason -->        whole document
//	<!-- designlint-disable-next rule-a -- reason until 2027-03-31 -->
//	// designlint-disable-next rule-a -- reason                 (CUE)
//
// The reader records them as written; the rules package applies them and
// reports those without a reason, expired or unused.

const directivePrefix = "designlint-disable"

// parseDirective reads the text of a comment (without its delimiters). It
// reports false when the comment is not a designlint directive.
func parseDirective(text string) (Suppression, bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, directivePrefix) {
		return Suppression{}, false
	}
	t = t[len(directivePrefix):]
	var s Suppression
	switch {
	case strings.HasPrefix(t, "-next-line"):
		s.Next = true
		t = t[len("-next-line"):]
	case strings.HasPrefix(t, "-next"):
		s.Next = true
		t = t[len("-next"):]
	case t == "" || t[0] == ' ' || t[0] == '\t':
	default:
		return Suppression{}, false
	}
	rules, reason := t, ""
	if i := strings.Index(t, "--"); i >= 0 {
		rules, reason = t[:i], strings.TrimSpace(t[i+2:])
	}
	for _, r := range strings.FieldsFunc(rules, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' || c == '\n' }) {
		s.Rules = append(s.Rules, r)
	}
	s.Reason = reason
	s.Until = untilDate(reason)
	return s, true
}

// untilDate finds "until YYYY-MM-DD" in a reason.
func untilDate(reason string) string {
	l := lower(reason)
	i := strings.Index(l, "until ")
	if i < 0 {
		return ""
	}
	d := strings.TrimSpace(reason[i+len("until "):])
	if len(d) >= 10 {
		d = d[:10]
	}
	return d
}

// htmlComment handles an HTML comment found at src[start:end]: a block of
// its own, or inline in a paragraph.
func (r *mdReader) htmlComment(start, end int, block bool) {
	raw := string(r.src[start:end])
	for {
		i := strings.Index(raw, "<!--")
		if i < 0 {
			return
		}
		// The comment closes after its opening: "<!-->" is not closed
		// by its own dashes.
		j := strings.Index(raw[i+4:], "-->")
		inner := raw[i+4:]
		if j >= 0 {
			inner = raw[i+4 : i+4+j]
		}
		if s, ok := parseDirective(inner); ok {
			s.Span = r.lines.span(start+i, start+i+len(inner)+4)
			r.d.Suppressions = append(r.d.Suppressions, s)
			if s.Next {
				r.pendingNext = append(r.pendingNext, len(r.d.Suppressions)-1)
			}
		}
		if j < 0 {
			return
		}
		raw = raw[i+4+j+3:]
		start += i + 4 + j + 3
	}
}
