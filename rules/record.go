package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/designlint/designlint/design"
)

// This file reads a decision record or a proposal as the rules of
// kinds.go need it: the parts its headings make, wherever they stand, and
// what is said under them. A part a rule wants is found three ways, in
// this order of trust: a heading that names it with something written
// under it; a heading that names it with only a template's prompts under
// it (reported there); and otherwise the content itself — a sentence that
// says it, a heading shaped like it — wherever it is written.

// record is a Markdown decision record or proposal, split at its headings.
type record struct {
	d     *design.Design
	parts []design.Part
	// lower holds each part's text and heading, in lower case, for
	// phrases.
	lower []string
}

// readRecord splits a document at its headings. The rules of kinds.go
// run one after another on the same document (other documents are linted
// by other goroutines meanwhile), so the last few records are kept: a
// document is split once, not once per rule. A record is never changed
// once read, and a document is never changed while it is linted.
func readRecord(d *design.Design) record {
	recent.Lock()
	for _, r := range recent.records {
		if r.d == d {
			recent.Unlock()
			return r
		}
	}
	recent.Unlock()
	r := record{d: d, parts: d.Parts()}
	r.lower = make([]string, len(r.parts))
	for i, p := range r.parts {
		r.lower[i] = strings.ToLower(strings.ReplaceAll(p.Text+"\n"+p.Heading.Title, "’", "'"))
	}
	recent.Lock()
	recent.records[recent.next] = r
	recent.next = (recent.next + 1) % len(recent.records)
	recent.Unlock()
	return r
}

var recent struct {
	sync.Mutex
	records [16]record
	next    int
}

// filled reports whether a part whose heading names one of the roles has
// content.
func (r record) filled(roles ...design.SectionKind) bool {
	for i, p := range r.parts {
		if playsAny(p, roles) && r.holds(i, roles) {
			return true
		}
	}
	return false
}

// holds reports whether part i has content of its own, or a part under it
// does whose heading names no other role than the roles ("### Positive"
// under "## Consequences" is consequences; "### Goals" under "##
// Motivation" is goals, not motivation).
func (r record) holds(i int, roles []design.SectionKind) bool {
	if !r.parts[i].Empty {
		return true
	}
	for j := i + 1; j < len(r.parts) && r.parts[j].Heading.Level > r.parts[i].Heading.Level; j++ {
		if r.parts[j].Parent == i && (len(r.parts[j].Roles) == 0 || playsAny(r.parts[j], roles)) && r.holds(j, roles) {
			return true
		}
	}
	return false
}

// has reports whether the record has a part: a heading naming one of the
// roles with content, or, when no such heading is there at all, other
// evidence (said tells). A heading left with only a template's prompts is
// not made good by a sentence elsewhere: the template's slot is still
// unwritten, and is reported.
func (r record) has(roles []design.SectionKind, said func() bool) bool {
	if r.filled(roles...) {
		return true
	}
	if _, ok := r.unfilled(roles...); ok {
		return false
	}
	return said()
}

// unfilled returns the first part whose heading names one of the roles
// and that holds nothing but placeholders, or nothing at all.
func (r record) unfilled(roles ...design.SectionKind) (design.Part, bool) {
	for i, p := range r.parts {
		if playsAny(p, roles) && !r.holds(i, roles) {
			return p, true
		}
	}
	return design.Part{}, false
}

func playsAny(p design.Part, roles []design.SectionKind) bool {
	for _, k := range roles {
		if p.Is(k) {
			return true
		}
	}
	return false
}

// within reports whether part i, or a part enclosing it, names one of the
// roles: "### Current setup" under "## Context" is context.
func (r record) within(i int, roles []design.SectionKind) bool {
	for ; i >= 0; i = r.parts[i].Parent {
		if playsAny(r.parts[i], roles) {
			return true
		}
	}
	return false
}

// says reports whether a part with content says one of the phrases (lower
// case), in its text or its heading, leaving out the parts within the
// roles of except: a context that says "we will need to decide" has not
// decided.
func (r record) says(phrases phrases, except ...design.SectionKind) bool {
	for i, p := range r.parts {
		if p.Empty || r.within(i, except) {
			continue
		}
		if mentions(r.lower[i], phrases) {
			return true
		}
	}
	return false
}

// phrases is a set of lower-case phrases, indexed by their first byte so
// that a text is searched for all of them in one pass.
type phrases *[256][]string

func phraseSet(list ...string) phrases {
	var ps [256][]string
	for _, p := range list {
		ps[p[0]] = append(ps[p[0]], p)
	}
	return &ps
}

// mentions reports whether l (lower case) holds one of the phrases,
// starting a word, with no "no", "not", "without" or "never" just before
// it ("no alternatives were considered"). Unlike design.Affirms it takes
// a hypothetical as said: "the risk would be…" names a risk.
func mentions(l string, ps phrases) bool {
	word := false // the byte before i is part of a word
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !word {
			for _, p := range ps[c] {
				if strings.HasPrefix(l[i:], p) && !deniedBefore(l[:i]) {
					return true
				}
			}
		}
		word = isWordByte(c)
	}
	return false
}

// deniedBefore reports whether the word just before the end of l denies
// what follows ("no risk", "non-goal", "de-risks").
func deniedBefore(l string) bool {
	l = strings.TrimRight(l, " -")
	i := len(l)
	for i > 0 && (isWordByte(l[i-1]) || l[i-1] == '\'') {
		i--
	}
	switch w := l[i:]; w {
	case "no", "not", "non", "de", "without", "never", "nor", "neither":
		return true
	default:
		return strings.HasSuffix(w, "n't")
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// headingLike reports whether a part with content has a heading that
// matches.
func (r record) headingLike(match func(lower string) bool) bool {
	return r.countHeadings(match) > 0
}

// countHeadings counts the parts with content whose heading matches.
func (r record) countHeadings(match func(lower string) bool) int {
	n := 0
	for i, p := range r.parts {
		if p.Heading.Level > 0 && match(strings.ToLower(p.Heading.Title)) && r.holds(i, nil) {
			n++
		}
	}
	return n
}

// missing describes something a record lacks, for its finding.
type missing struct {
	element string // "section:decision", for baselines
	what    string // "decision"
	// lookedFor says what would have counted: `a "Decision" section`…
	lookedFor string
	// add says what to write.
	add   string
	roles []design.SectionKind
}

// report reports the missing part: at the heading of a part that names it
// but holds only placeholders (a template left unfilled), else at the top
// of the document, saying what designlint looked for.
func (r record) report(p *Pass, m missing) {
	if part, ok := r.unfilled(m.roles...); ok {
		state := "is empty"
		if part.Placeholders {
			state = "holds only placeholders"
		}
		p.Report(part.Heading.Span, m.element, "section %q %s, no %s yet; %s", part.Heading.Title, state, m.what, m.add)
		return
	}
	p.Report(design.Top, m.element, "no %s: %s; %s", m.what, m.lookedFor, m.add)
}

// oneOf quotes headings for a message: `"A", "B" or "C"`.
func oneOf(headings ...string) string {
	q := make([]string, len(headings))
	for i, h := range headings {
		q[i] = fmt.Sprintf("%q", h)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
