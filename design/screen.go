package design

import (
	"bytes"
	"fmt"
)

// goldmark does more than linear work on a few shapes of input: a long
// chain of list or quote markers on one line ("- - - - …", "> > > …"), very
// deep nesting by indentation, tables with hundreds of columns, thousands of
// unclosed brackets or emphasis markers in one block. No design document
// looks like that, so designlint refuses such input before parsing it, with
// the line that tripped the limit. The screen is one pass over the bytes:
// it is the work budget of Markdown parsing.

// Screening limits.
const (
	maxNesting       = 32  // list and quote markers chained at a line start
	maxIndent        = 256 // columns of indentation before a list item or quote
	maxTableColumns  = 128
	maxUnclosed      = 4096 // unclosed [ or runs of emphasis markers in one block
	maxDelimiterRun  = 4096 // one run of * _ ` ~ [ characters
	screenTabColumns = 4
	runScanThreshold = 2048 // occurrences of one marker in a file
	// maxElements bounds the elements of a document (a line or a
	// number is two; a table cell, link, code span, autolink, escape or
	// entity one): goldmark's syntax tree takes about two hundred bytes an
	// element, and the reader makes a token and a figure of every number.
	// The largest real documents we have (140 and 310 KB) have ten
	// thousand.
	maxElements = 150_000
)

// elementChars are the characters that start an element of the syntax
// tree within a line: table cells, links and images, code spans,
// autolinks and raw HTML, escapes, entities.
var elementChars = []byte("|[`<\\&")

// screenMarkdown scans src once and refuses input that would make the
// parser work super-linearly.
func screenMarkdown(src []byte, opts Options) error {
	_ = opts
	_, err := screen(src)
	return err
}

// screen is screenMarkdown counting its work: the bytes it looked at,
// some of them twice (a line's start, then all of it).
func screen(src []byte) (work int64, err error) {
	lines := 0
	var fences fenceTracker
	unclosed := 0
	blank := true
	// Runs of emphasis markers and unclosed brackets only matter in their
	// thousands; counting them first (fast) spares reading every byte of
	// ordinary documents.
	scanRuns := false
	for _, c := range []byte("*_~") {
		if bytes.Count(src, []byte{c}) > runScanThreshold {
			scanRuns = true
			break
		}
	}
	elements := 0
	for _, c := range elementChars {
		n := bytes.Count(src, []byte{c})
		elements += n
		if n > runScanThreshold && (c == '`' || c == '<' || c == '[') {
			scanRuns = true
		}
	}
	work = int64(len(src)) * int64(2+len(elementChars))
	// A number takes at least two bytes with what separates it from the
	// next: counting them only matters for documents that large.
	if elements+len(src)+2*bytes.Count(src, []byte{'\n'})+3 > maxElements {
		elements += 2 * digitRuns(src)
		work += int64(len(src))
	}
	for i := 0; i < len(src); {
		lines++
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j
		}
		line := src[i:end]
		next := end + 1
		indent, j := 0, 0
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			if line[j] == '\t' {
				indent += screenTabColumns - indent%screenTabColumns
			} else {
				indent++
			}
			j++
		}
		work += int64(j)
		// Fenced code is not parsed for inline structure.
		if fences.skip(line, j, indent) {
			i = next
			continue
		}
		if j == len(line) || (j == len(line)-1 && line[j] == '\r') {
			blank = true
			unclosed = 0
			i = next
			continue
		}
		if blank {
			unclosed = 0
		}
		blank = false
		if elements += 2; elements > maxElements {
			return work, &Error{Msg: fmt.Sprintf("input too complex: more than %d Markdown elements (a line or a number counts two; a table cell, link, code span, autolink, escape or entity one)", maxElements)}
		}
		depth, k := 0, j
		for k < len(line) {
			work++
			c := line[k]
			switch {
			case c == '>':
				depth++
				k++
			case (c == '-' || c == '*' || c == '+') && k+1 < len(line) && (line[k+1] == ' ' || line[k+1] == '\t'):
				depth++
				k += 2
			case c >= '0' && c <= '9':
				m := k
				for m < len(line) && m-k < 9 && line[m] >= '0' && line[m] <= '9' {
					m++
				}
				work += int64(m - k)
				if m < len(line) && (line[m] == '.' || line[m] == ')') && (m+1 == len(line) || line[m+1] == ' ' || line[m+1] == '\t') {
					depth++
					k = m + 1
					continue
				}
				k = len(line)
				continue
			case c == ' ' || c == '\t':
				k++
				continue
			default:
				k = len(line)
				continue
			}
			if depth > maxNesting {
				return work, tooComplex(lines, j+1, fmt.Sprintf("more than %d nested list or quote markers", maxNesting))
			}
		}
		if depth > 0 && indent > maxIndent {
			return work, tooComplex(lines, 1, fmt.Sprintf("a list item or quote indented by more than %d columns", maxIndent))
		}
		if cols, ok := delimiterRowColumns(line[containerEnd(line, j):]); ok {
			work += int64(len(line))
			if cols > maxTableColumns {
				return work, tooComplex(lines, 1, fmt.Sprintf("a table with %d columns (limit %d)", cols, maxTableColumns))
			}
		}
		if !scanRuns {
			i = next
			continue
		}
		work += int64(len(line) - j)
		run, runChar := 0, byte(0)
		for k := j; k < len(line); k++ {
			c := line[k]
			switch screenClass[c] {
			case classPlain:
				runChar = 0
				continue
			case classSpace:
				continue
			case classOpen:
				unclosed++
			case classClose:
				if unclosed > 0 {
					unclosed--
				}
				runChar = 0
				continue
			}
			if c == runChar {
				run++
			} else {
				run, runChar = 1, c
			}
			if run > maxDelimiterRun {
				return work, tooComplex(lines, k+1, fmt.Sprintf("a run of more than %d %q characters", maxDelimiterRun, c))
			}
		}
		if unclosed > maxUnclosed {
			return work, tooComplex(lines, 1, fmt.Sprintf("more than %d unclosed brackets in one paragraph", maxUnclosed))
		}
		i = next
	}
	return work, nil
}

// digitRuns counts the runs of ASCII digits in src.
func digitRuns(src []byte) int {
	n, in := 0, false
	for _, c := range src {
		d := c-'0' < 10
		if d && !in {
			n++
		}
		in = d
	}
	return n
}

// Byte classes for the screen's inner loop.
const (
	classPlain = iota
	classSpace
	classRun   // * _ ` ~ <: emphasis, code and HTML openers
	classOpen  // [
	classClose // ]
)

var screenClass = func() [256]uint8 {
	var t [256]uint8
	for _, c := range []byte("*_`~<") {
		t[c] = classRun
	}
	t['['] = classOpen
	t[']'] = classClose
	t[' '] = classSpace
	return t
}()

func tooComplex(line, col int, what string) error {
	return &Error{Pos: Pos{Line: line, Col: col}, Msg: "input too complex: " + what}
}

// fenceTracker follows fenced code blocks as CommonMark delimits them, so
// that the screen can pass over their content. It only needs to be sure
// of the fences it passes over: screening a code block costs nothing but
// the chance of refusing odd code, while passing over text the parser
// reads would let that text escape the screen. So it recognises a fence
// only at the top level of the document (no indentation, no list or quote
// marker, not inside an HTML block), where CommonMark's rule is simple; on
// any other line that might open or close a fence it stops passing over
// anything for the rest of the file.
type fenceTracker struct {
	open bool
	ch   byte
	n    int
	// html is the end of the HTML block the line is in, if any.
	html htmlEnd
	// lost is set once a fence was seen that the tracker cannot place.
	lost bool
}

// htmlEnd is how an HTML block ends (CommonMark's seven kinds, grouped).
type htmlEnd uint8

const (
	htmlNone    htmlEnd = iota
	htmlBlank           // kinds 6 and 7: at a blank line
	htmlScript          // kind 1; kinds 1 to 5 end at a line holding their end marker
	htmlComment         // kind 2
	htmlPI              // kind 3
	htmlDecl            // kind 4
	htmlCDATA           // kind 5
)

// skip reports whether a line is inside a fenced code block (its fences
// included). j is where the line's indentation ends, indent its width in
// columns.
func (t *fenceTracker) skip(line []byte, j, indent int) bool {
	rest := bytes.TrimRight(line[j:], " \t\r")
	if t.open {
		if ch, n := fenceRun(rest); ch == t.ch && n >= t.n && n == len(rest) && indent <= 3 {
			t.open = false
		}
		return true
	}
	inHTML := t.html != htmlNone
	t.html = t.html.after(line, len(rest) == 0)
	if t.lost {
		return false
	}
	k := containerEnd(line, j)
	ch, n := fenceRun(bytes.TrimLeft(line[k:], " \t"))
	if n < 3 {
		if !inHTML && k == j && indent <= 3 {
			t.html = startsHTML(line[j:])
			t.html = t.html.after(line[j:], false)
		}
		return false
	}
	if k > j || indent > 0 || inHTML {
		// In a list item, a quote, an HTML block, an indented code
		// block: CommonMark's answer depends on what encloses it.
		t.lost = true
		return false
	}
	if ch == '`' && bytes.IndexByte(rest[n:], '`') >= 0 {
		// Not a fence: a backtick fence's info string has no
		// backtick. The line is a paragraph's.
		return false
	}
	t.open, t.ch, t.n = true, ch, n
	return true
}

// fenceRun returns the character and length of the run of backticks or
// tildes that s starts with, if any.
func fenceRun(s []byte) (byte, int) {
	if len(s) == 0 || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return s[0], n
}

// containerEnd returns where the list and quote markers at the start of
// line (from j, after its indentation) end.
func containerEnd(line []byte, j int) int {
	k := j
	for k < len(line) {
		switch c := line[k]; {
		case c == '>':
			k++
		case (c == '-' || c == '*' || c == '+') && k+1 < len(line) && (line[k+1] == ' ' || line[k+1] == '\t'):
			k += 2
		case c >= '0' && c <= '9':
			m := k
			for m < len(line) && m-k < 9 && line[m] >= '0' && line[m] <= '9' {
				m++
			}
			if m < len(line) && (line[m] == '.' || line[m] == ')') && (m+1 == len(line) || line[m+1] == ' ' || line[m+1] == '\t') {
				k = m + 1
				continue
			}
			return k
		case c == ' ' || c == '\t':
			k++
		default:
			return k
		}
	}
	return k
}

// startsHTML tells whether a top-level line starts an HTML block, and how
// that block ends. It errs towards seeing one: inside one, the fence
// tracker gives up on fences.
func startsHTML(line []byte) htmlEnd {
	if len(line) == 0 || line[0] != '<' {
		return htmlNone
	}
	lower := bytes.ToLower(line[:min(len(line), 12)])
	for _, tag := range []string{"<script", "<pre", "<style", "<textarea"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			rest := lower[len(tag):]
			if len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '>' || rest[0] == '\r' {
				return htmlScript
			}
		}
	}
	switch {
	case bytes.HasPrefix(line, []byte("<!--")):
		return htmlComment
	case bytes.HasPrefix(line, []byte("<![CDATA[")):
		return htmlCDATA
	case bytes.HasPrefix(line, []byte("<?")):
		return htmlPI
	case len(line) > 2 && line[1] == '!' && (line[2]|0x20) >= 'a' && (line[2]|0x20) <= 'z':
		return htmlDecl
	}
	return htmlBlank
}

// after is the state after a line of the block: htmlNone once the line
// ends it.
func (h htmlEnd) after(line []byte, blank bool) htmlEnd {
	var marker string
	switch h {
	case htmlNone:
		return htmlNone
	case htmlBlank:
		if blank {
			return htmlNone
		}
		return h
	case htmlScript:
		lower := bytes.ToLower(line)
		for _, end := range []string{"</script>", "</pre>", "</style>", "</textarea>"} {
			if bytes.Contains(lower, []byte(end)) {
				return htmlNone
			}
		}
		return h
	case htmlComment:
		marker = "-->"
	case htmlPI:
		marker = "?>"
	case htmlDecl:
		marker = ">"
	case htmlCDATA:
		marker = "]]>"
	}
	if bytes.Contains(line, []byte(marker)) {
		return htmlNone
	}
	return h
}

// delimiterRowColumns reports whether a line (its indentation and
// container markers removed) is a table's delimiter row, and its number of
// columns, counted as goldmark counts them: the cells between pipes, less
// a blank first and last.
func delimiterRowColumns(line []byte) (int, bool) {
	pipe, dash, allDash := false, false, true
	for _, c := range line {
		switch c {
		case '|':
			pipe = true
		case '-':
			dash = true
		case ':', ' ', '\t', '\r':
		default:
			return 0, false
		}
		if c != '-' {
			allDash = false
		}
	}
	if !pipe || !dash || allDash {
		return 0, false
	}
	cells := bytes.Split(line, []byte{'|'})
	if isBlankCell(cells[0]) {
		cells = cells[1:]
	}
	if len(cells) > 0 && isBlankCell(cells[len(cells)-1]) {
		cells = cells[:len(cells)-1]
	}
	return len(cells), true
}

func isBlankCell(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r")) == 0
}
