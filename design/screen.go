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
// the line that tripped the limit.

// Screening limits.
const (
	maxNesting        = 32  // list and quote markers chained at a line start
	maxIndent         = 256 // columns of indentation before a list item or quote
	maxTableColumns   = 128
	maxUnclosed       = 4096 // unclosed [ or runs of emphasis markers in one block
	maxDelimiterRun   = 4096 // one run of * _ ` ~ [ characters
	screenTabColumns  = 4
	runScanThreshold  = 2048 // occurrences of one marker in a file
	screenFenceLength = 3
)

// screenMarkdown scans src once and refuses input that would make the
// parser work super-linearly.
func screenMarkdown(src []byte, opts Options) error {
	_ = opts
	lines := 0
	inFence := false
	var fenceChar byte
	fenceLen := 0
	unclosed := 0
	blank := true
	// Runs of emphasis markers and unclosed brackets only matter in their
	// thousands; counting them first (fast) spares reading every byte of
	// ordinary documents.
	scanRuns := false
	for _, c := range []byte("*_`~<[") {
		if bytes.Count(src, []byte{c}) > runScanThreshold {
			scanRuns = true
			break
		}
	}
	for i := 0; i < len(src); {
		lines++
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j
		}
		line := src[i:end]
		next := end + 1
		// Fenced code blocks are not parsed for inline structure.
		indent, j := 0, 0
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			if line[j] == '\t' {
				indent += screenTabColumns
			} else {
				indent++
			}
			j++
		}
		if f, n := fenceAt(line[j:]); n >= screenFenceLength {
			if !inFence {
				inFence, fenceChar, fenceLen = true, f, n
			} else if f == fenceChar && n >= fenceLen {
				inFence = false
			}
			i = next
			continue
		}
		if inFence {
			i = next
			continue
		}
		if j == len(line) {
			blank = true
			unclosed = 0
			i = next
			continue
		}
		if blank {
			unclosed = 0
		}
		blank = false
		depth, k := 0, j
		for k < len(line) {
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
				if m < len(line) && (line[m] == '.' || line[m] == ')') && (m+1 == len(line) || line[m+1] == ' ') {
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
				return tooComplex(lines, j+1, fmt.Sprintf("more than %d nested list or quote markers", maxNesting))
			}
		}
		if depth > 0 && indent > maxIndent {
			return tooComplex(lines, 1, fmt.Sprintf("a list item or quote indented by more than %d columns", maxIndent))
		}
		if bytes.IndexByte(line, '|') >= 0 && isDelimiterRow(line) {
			if cols := countColumns(line); cols > maxTableColumns {
				return tooComplex(lines, 1, fmt.Sprintf("a table with %d columns (limit %d)", cols, maxTableColumns))
			}
		}
		if !scanRuns {
			i = next
			continue
		}
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
				return tooComplex(lines, k+1, fmt.Sprintf("a run of more than %d %q characters", maxDelimiterRun, c))
			}
		}
		if unclosed > maxUnclosed {
			return tooComplex(lines, 1, fmt.Sprintf("more than %d unclosed brackets in one paragraph", maxUnclosed))
		}
		i = next
	}
	return nil
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

// fenceAt returns the fence character and the length of the run at the
// start of s, if s opens or closes a fenced code block.
func fenceAt(s []byte) (byte, int) {
	if len(s) == 0 || (s[0] != '`' && s[0] != '~') {
		return 0, 0
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	return s[0], n
}

// isDelimiterRow reports whether a line is a table's delimiter row:
// pipes, dashes, colons and spaces, with at least one pipe and one dash.
func isDelimiterRow(line []byte) bool {
	pipe, dash := false, false
	for _, c := range line {
		switch c {
		case '|':
			pipe = true
		case '-':
			dash = true
		case ':', ' ', '\t', '\r':
		default:
			return false
		}
	}
	return pipe && dash
}

func countColumns(line []byte) int {
	n := 1
	for _, c := range line {
		if c == '|' {
			n++
		}
	}
	return n
}
