package design

import (
	"strings"
)

// Part is the stretch of a Markdown document under one heading, down to
// the next heading of any level. The rules about decision records and
// proposals read parts rather than Sections: the role a heading names
// counts wherever the heading stands ("### Consequences" under "## Decision
// Outcome" is still the consequences, though the reader folds it into the
// decision), and what those rules look for may be said in prose under any
// heading.
type Part struct {
	// Heading is the part's heading; Level 0 for the text above the first
	// heading.
	Heading Heading
	// Roles lists the section kinds and roles the heading names by its
	// own words, whatever section encloses it. The document's title names
	// none.
	Roles []SectionKind
	// Text is what is written under the heading, up to the next heading:
	// one line per paragraph, list item or table row, with comments,
	// placeholders and code left out.
	Text string
	// Empty is set when the part holds nothing but placeholders, or
	// nothing, before the next heading; Placeholders when it holds some
	// (a template's prompts, in text or in comments). What the parts
	// under it hold is theirs: whether a "## Motivation" whose only
	// content is its "### Goals" states a motivation is for its reader
	// to say.
	Empty, Placeholders bool
	// Parent is the index of the enclosing part (the nearest heading of a
	// higher level above it), or -1.
	Parent int
}

// Is reports whether the part's heading names the role.
func (p Part) Is(kind SectionKind) bool {
	for _, k := range p.Roles {
		if k == kind {
			return true
		}
	}
	return false
}

// Parts splits a Markdown document at its headings. It returns nil for a
// structured document, whose fields are its Sections.
func (d *Design) Parts() []Part {
	if d.Format != Markdown || len(d.Source) == 0 {
		return nil
	}
	lines := strings.Split(string(d.Source), "\n")
	first := 0
	if fm, ok := findFrontMatter(d.Source); ok {
		first = strings.Count(string(d.Source[:fm.end]), "\n") + 1
	}
	parts := make([]Part, 0, len(d.Headings)+1)
	bodyStart := first
	var stack []int // indexes of the open parts, outermost first
	titleSeen := false
	for i := 0; i <= len(d.Headings); i++ {
		end := len(lines)
		if i < len(d.Headings) {
			end = d.Headings[i].Span.Start.Line - 1
		}
		if i == 0 {
			parts = append(parts, Part{Parent: -1})
		}
		last := &parts[len(parts)-1]
		last.Text, last.Placeholders, last.Empty = readBody(lines, bodyStart, end)
		if i == len(d.Headings) {
			break
		}
		h := d.Headings[i]
		for len(stack) > 0 && parts[stack[len(stack)-1]].Heading.Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		p := Part{Heading: h, Parent: -1}
		if len(stack) > 0 {
			p.Parent = stack[len(stack)-1]
		}
		// The first "#" heading is the title, unless the reader took
		// it for a section ("# Context").
		title := h.Level == 1 && !titleSeen && h.Kind == ""
		titleSeen = titleSeen || h.Level == 1
		if !title {
			p.Roles = headingNames(h.Title)
		}
		parts = append(parts, p)
		stack = append(stack, len(parts)-1)
		bodyStart = max(h.Span.End.Line, h.Span.Start.Line)
		if bodyStart < len(lines) && isSetextUnderline(lines[bodyStart]) {
			bodyStart++
		}
	}
	return parts
}

// headingNames lists the section kind and the roles a heading names.
func headingNames(title string) []SectionKind {
	norm := normalizeHeading(title)
	kind, _ := classifyNormalized(norm)
	roles := headingRoles(norm)
	out := make([]SectionKind, 0, len(roles)+1)
	if kind != "" {
		out = append(out, kind)
	}
	for _, r := range roles {
		if r != kind {
			out = append(out, r)
		}
	}
	return out
}

func isSetextUnderline(l string) bool {
	t := strings.TrimSpace(l)
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

// readBody reads lines [from, to) (0-based) under a heading: the text of
// its paragraphs, list items and table rows that are not placeholders,
// whether it held placeholders, and whether it held nothing else. Code
// counts as content but not as text; HTML comments count as nothing.
func readBody(lines []string, from, to int) (text string, placeholders, empty bool) {
	var b strings.Builder
	var block strings.Builder
	empty = true
	flush := func() {
		raw := block.String()
		block.Reset()
		t := plainText(raw)
		if t == "" || isAnchorLink(raw) {
			// Nothing, or an entry of a table of contents.
			return
		}
		if isPlaceholder(t) {
			placeholders = true
			return
		}
		empty = false
		b.WriteString(t)
		b.WriteByte('\n')
	}
	inComment, fence := false, ""
	for i := from; i < to && i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r")
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
			} else if strings.TrimSpace(l) != "" {
				empty = false
			}
			continue
		}
		var commented bool
		l, inComment, commented = dropComments(l, inComment)
		// A template's prompts are often comments: a part with nothing
		// but comments is a template's part left unfilled.
		placeholders = placeholders || commented
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fence = t[:3]
		case strings.HasPrefix(t, "|"):
			flush()
			block.WriteString(tableRow(t))
			flush()
		default:
			if item, ok := listItem(t); ok {
				flush()
				t = item
			}
			if block.Len() > 0 {
				block.WriteByte(' ')
			}
			block.WriteString(t)
		}
	}
	flush()
	return b.String(), placeholders, empty
}

// dropComments removes HTML comments from a line; inComment says whether
// the line starts inside one, and the results whether it ends inside one
// and whether it held any comment text.
func dropComments(l string, inComment bool) (string, bool, bool) {
	var b strings.Builder
	commented := false
	for l != "" {
		if inComment {
			j := strings.Index(l, "-->")
			if j < 0 {
				return b.String(), true, commented || strings.TrimSpace(l) != ""
			}
			commented = commented || strings.TrimSpace(l[:j]) != ""
			l, inComment = l[j+3:], false
			continue
		}
		j := strings.Index(l, "<!--")
		if j < 0 {
			b.WriteString(l)
			break
		}
		b.WriteString(l[:j])
		l, inComment = l[j+4:], true
	}
	return b.String(), inComment, commented
}

// isAnchorLink reports a block that is nothing but a link to a heading of
// the same document: an entry of a table of contents.
func isAnchorLink(raw string) bool {
	t := strings.TrimSpace(raw)
	j := strings.Index(t, "](#")
	return strings.HasPrefix(t, "[") && j > 0 && strings.HasSuffix(t, ")") && !strings.Contains(t[j+3:], "](")
}

// listItem strips a list marker, a quote marker or a task box from the
// start of a line.
func listItem(t string) (string, bool) {
	item := false
	for {
		switch {
		case strings.HasPrefix(t, ">"):
			t = strings.TrimSpace(t[1:])
			item = true
			continue
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ':
			t = strings.TrimSpace(t[2:])
			item = true
			continue
		case strings.HasPrefix(t, "[ ] ") || strings.HasPrefix(t, "[x] ") || strings.HasPrefix(t, "[X] "):
			t = strings.TrimSpace(t[4:])
			continue
		}
		n := 0
		for n < len(t) && n < 4 && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		if n > 0 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && t[n+1] == ' ' {
			t = strings.TrimSpace(t[n+2:])
			item = true
			continue
		}
		return t, item
	}
}

// tableRow reads a table row as "first cell: other cells"; a delimiter
// row reads as nothing.
func tableRow(t string) string {
	var cells []string
	for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
		c = strings.TrimSpace(c)
		if strings.Trim(c, ":- ") == "" {
			continue
		}
		cells = append(cells, c)
	}
	if len(cells) < 2 {
		return strings.Join(cells, "")
	}
	return cells[0] + ": " + strings.Join(cells[1:], " ")
}

// inlineMarks are the emphasis and code marks plainText drops.
var inlineMarks = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")

// plainText flattens the inline Markdown of a block as far as placeholders
// and phrases need: emphasis and code marks go, a link keeps its text.
func plainText(s string) string {
	if strings.ContainsAny(s, "*_`\\") {
		s = inlineMarks.Replace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '*' {
			continue
		}
		if c == '!' && i+1 < len(s) && s[i+1] == '[' {
			// An image is content, whatever its alt text.
			b.WriteString("image ")
			continue
		}
		if c == '[' {
			// [text](url) reads as text.
			if j := strings.Index(s[i:], "]("); j > 0 {
				if k := strings.IndexByte(s[i+j:], ')'); k > 0 {
					b.WriteString(s[i+1 : i+j])
					i += j + k
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}
