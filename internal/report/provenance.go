package report

import (
	"strings"
	"unicode/utf8"

	"github.com/designlint/designlint/design"
)

// This file says where a fact designlint read came from: the line, and the
// text of that line as the author wrote it, so that a figure can be traced
// to the words it was read from. inspect, estimate and the JSON format
// share it.

// sourceText finds the text of a document's lines.
type sourceText struct {
	src    string // the document, converted once: lines are slices of it
	starts []int  // the offset of each line
	// folded holds each line in lower case with its spaces collapsed,
	// made the first time find needs it.
	folded []string
}

// newSourceText indexes a document's lines; a document read without its
// text (Design.Source dropped) gives empty lines.
func newSourceText(d *design.Design) *sourceText {
	s := &sourceText{}
	if d == nil || len(d.Source) == 0 {
		return s
	}
	s.src = string(d.Source)
	s.starts = append(s.starts, 0)
	for i := 0; i < len(s.src); i++ {
		if s.src[i] == '\n' {
			s.starts = append(s.starts, i+1)
		}
	}
	return s
}

// line returns the text of a 1-based line, without its line break.
func (s *sourceText) line(n int) string {
	if n < 1 || n > len(s.starts) {
		return ""
	}
	start, end := s.starts[n-1], len(s.src)
	if n < len(s.starts) {
		end = s.starts[n] - 1
	}
	return strings.TrimSuffix(s.src[start:end], "\r")
}

// quoteLimit is how many characters of a line a quotation keeps.
const quoteLimit = 72

// quote returns the line a span starts on as the author wrote it, cleaned
// for any output: trimmed of indentation and of the block markers before
// the text (list bullets and numbers, quote markers), and shortened around
// the span to quoteLimit characters. It is "" when the text is not known.
func (s *sourceText) quote(sp design.Span) string {
	l := s.line(sp.Start.Line)
	if l == "" {
		return ""
	}
	from, to := sp.Start.Col-1, len(l)
	if sp.End.Line == sp.Start.Line && sp.End.Col > sp.Start.Col {
		to = sp.End.Col - 1
	}
	l, from, to = window(l, from, to)
	text, off := trimBlockMarkers(l)
	from, to = max(from-off, 0), min(max(to-off, 0), len(text))
	text, from, to = collapseSpaces(text, from, to)
	return Clean(excerpt(text, from, to, quoteLimit))
}

// quoteWindow is how much of a long line around the quoted part, and at
// its start, a quotation works on: enough for any excerpt, and a line
// holding thousands of figures costs each the same as a short one.
const quoteWindow = 256

// window cuts a long line to its start and the neighbourhood of the bytes
// from..to, returning the offsets of that part in what is kept.
func window(l string, from, to int) (string, int, int) {
	if len(l) <= 4*quoteWindow {
		return l, from, to
	}
	from, to = min(max(from, 0), len(l)), min(max(to, from), len(l))
	runeStart := func(i int) int {
		for i > 0 && i < len(l) && !utf8.RuneStart(l[i]) {
			i--
		}
		return i
	}
	head := runeStart(quoteWindow)
	a, b := runeStart(max(from-quoteWindow, head)), runeStart(min(to+quoteWindow, len(l)))
	if b < to {
		b = to
	}
	if a <= head {
		return l[:b], from, to
	}
	cut := l[:head] + " " + l[a:b]
	shift := a - head - 1
	return cut, from - shift, to - shift
}

// collapseSpaces turns each run of spaces and tabs into one space (a
// table's or a CUE file's alignment), moving the offsets from and to with
// the text.
func collapseSpaces(s string, from, to int) (string, int, int) {
	var b strings.Builder
	nf, nt := from, to
	for i := 0; i < len(s); i++ {
		blank := s[i] == ' ' || s[i] == '\t'
		if blank && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
			if i < from {
				nf--
			}
			if i < to {
				nt--
			}
			continue
		}
		if blank {
			b.WriteByte(' ')
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String(), nf, nt
}

// trimBlockMarkers removes the indentation and the list and quote markers
// that open a Markdown line, returning the rest and how many bytes went.
func trimBlockMarkers(l string) (string, int) {
	i := 0
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		j := i
		switch {
		case j < len(l) && l[j] == '>':
			j++
		case j+1 < len(l) && strings.ContainsRune("-*+", rune(l[j])) && l[j+1] == ' ':
			j += 2
		default:
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j == i || j+1 >= len(l) || (l[j] != '.' && l[j] != ')') || l[j+1] != ' ' {
				return l[i:], i
			}
			j += 2
		}
		i = j
	}
}

// excerpt shortens text to at most limit characters, keeping the bytes
// from..to (the part quoted for) in view: the start of the text (where
// its label is) and the part, with an ellipsis for each cut.
func excerpt(text string, from, to, limit int) string {
	text = strings.TrimRight(text, " \t")
	if utf8.RuneCountInString(text) <= limit {
		return text
	}
	from, to = min(max(from, 0), len(text)), min(max(to, from), len(text))
	r := []rune(text)
	toR := utf8.RuneCountInString(text[:to])
	if toR <= limit-1 {
		return strings.TrimRight(string(r[:limit-1]), " ") + "…"
	}
	head := limit / 3
	avail := limit - head - 1
	trailing := toR < len(r)
	if trailing {
		avail--
	}
	start := max(toR-avail, head)
	// Cut between words where one is near.
	for i := start; i < min(start+12, toR); i++ {
		if r[i] == ' ' {
			start = i
			break
		}
	}
	for i := head; i > head/2; i-- {
		if r[i] == ' ' {
			head = i
			break
		}
	}
	out := strings.TrimRight(string(r[:head]), " ") + " … " + strings.TrimLeft(string(r[start:toR]), " ")
	if trailing {
		out += "…"
	}
	return out
}

// targetOf finds the requirement whose target a value is (the
// availability the estimate takes from the requirements).
func targetOf(d *design.Design, name string, value float64) (design.Value, bool) {
	if d == nil || name != "availability" {
		return design.Value{}, false
	}
	for _, n := range d.NonFunctional {
		if n.Target != nil && n.Target.Quantity.Value == value {
			t := *n.Target
			t.Span = n.Span
			return t, true
		}
	}
	return design.Value{}, false
}

// findLines is how many lines after (and before) a component's own line
// find looks at: the text about a component stands near it. With each
// line folded once, the work is at most this many line searches a fact.
const findLines = 80

// find returns the first line, from line near on (then before it), that
// holds the first words of text, compared in lower case with spaces
// collapsed; 0 when none within findLines does. Four words are looked
// for, then two (a text may wrap after its first words).
func (s *sourceText) find(near int, text string) int {
	words := strings.Fields(strings.ToLower(text))
	if len(words) == 0 || near < 1 {
		return 0
	}
	if n := s.findWords(near, words[:min(len(words), 4)]); n > 0 || len(words) <= 2 {
		return n
	}
	return s.findWords(near, words[:2])
}

func (s *sourceText) findWords(near int, words []string) int {
	needle := strings.Join(words, " ")
	if s.folded == nil {
		s.folded = make([]string, len(s.starts))
		for i := range s.folded {
			l := s.line(i + 1)
			if len(l) > 4*quoteWindow {
				l = l[:4*quoteWindow]
			}
			s.folded[i] = strings.Join(strings.Fields(strings.ToLower(l)), " ")
		}
	}
	try := func(n int) bool { return strings.Contains(s.folded[n-1], needle) }
	for n := near; n <= min(near+findLines, len(s.starts)); n++ {
		if try(n) {
			return n
		}
	}
	for n := near - 1; n >= max(1, near-findLines); n-- {
		if try(n) {
			return n
		}
	}
	return 0
}
