package report

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean neutralises text taken from a document before it is echoed in any
// format: escape sequences and control characters are removed (a terminal
// would act on them), line breaks and tabs become spaces (a new line could
// start a workflow command), Unicode bidirectional controls are removed (they
// make text read differently from what it is), "##[" is broken up and a
// leading "::" is defused, so that no document can issue a GitHub Actions
// workflow command through designlint's output.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b { // ESC: skip the whole sequence
			i = skipEscape(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f':
			b.WriteByte(' ')
		case r == utf8.RuneError && size == 1:
			b.WriteRune(unicode.ReplacementChar)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			// other control characters: dropped
		case isBidiControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return defuse(b.String())
}

// isPlain reports whether s needs no cleaning: printable ASCII without the
// sequences defuse breaks up.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return !strings.Contains(s, "##[") && !strings.HasPrefix(strings.TrimLeft(s, " "), "::")
}

// defuse breaks up what the Actions runner reads as a command: "##[" anywhere
// and "::" at the start, after any whitespace the runner trims (which is
// Unicode's, no-break and ideographic spaces included).
func defuse(s string) string {
	s = strings.ReplaceAll(s, "##[", "# #[")
	if t := strings.TrimLeftFunc(s, unicode.IsSpace); strings.HasPrefix(t, "::") {
		s = ": :" + t[2:]
	}
	return s
}

// ownCommand matches a workflow command designlint writes itself: an
// annotation level, properties whose values have every ':' and ','
// escaped, and the message.
var ownCommand = regexp.MustCompile(`^::(error|warning|notice)( [A-Za-z]+=[^:,]*(,[A-Za-z]+=[^:,]*)*)?::`)

// Guard is the last check on everything designlint prints, whatever the
// format: line by line, it removes escape sequences, control characters
// (tabs and line feeds excepted) and bidirectional controls, breaks up
// "##[", and defuses a line that starts with "::" (after whitespace) unless
// commands allows designlint's own annotations and the line is one. The
// printers clean what they take from documents already; Guard makes sure
// that a slip in one of them cannot become a workflow command.
func Guard(data []byte, commands bool) []byte {
	if guardPlain(data) {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data))
	for len(data) > 0 {
		line := data
		rest := []byte(nil)
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, rest = data[:i], data[i+1:]
		}
		out.WriteString(guardLine(string(line), commands))
		if rest != nil {
			out.WriteByte('\n')
		}
		data = rest
	}
	return out.Bytes()
}

// sgr matches a Select Graphic Rendition sequence: colour and weight only,
// nothing that moves the cursor, sets a title or makes a link.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

// GuardColor is Guard for the coloured text report on a terminal: it keeps
// the colour sequences the printer wrote. A line is kept as written only
// when, without its colours, Guard would leave it unchanged; any other line
// is guarded and loses its colours.
func GuardColor(data []byte) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	out.Grow(len(data))
	for _, l := range lines {
		line, nl := strings.CutSuffix(l, "\n")
		visible := sgr.ReplaceAllString(line, "")
		if g := guardLine(visible, false); g == visible {
			out.WriteString(line)
		} else {
			out.WriteString(g)
		}
		if nl {
			out.WriteByte('\n')
		}
	}
	return []byte(out.String())
}

// guardPlain reports whether data needs no guarding: printable ASCII,
// tabs and line feeds, no "##[" and no "::" anywhere.
func guardPlain(data []byte) bool {
	for _, c := range data {
		if (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return !bytes.Contains(data, []byte("##[")) && !bytes.Contains(data, []byte("::"))
}

func guardLine(line string, commands bool) string {
	if commands && ownCommand.MatchString(line) {
		// Escaped by the printer; only stray characters to remove.
		return strings.ReplaceAll(stripControls(line), "##[", "# #[")
	}
	return defuse(stripControls(line))
}

// stripControls removes escape sequences, control characters other than
// tabs, and bidirectional controls, keeping everything else as it is.
func stripControls(s string) string {
	clean := true
	for _, r := range s {
		if r == 0x1b || (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i = skipEscape(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(unicode.ReplacementChar)
		case r == '\t':
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// skipEscape returns the index just past the escape sequence starting at i:
// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), or ESC and one
// character.
func skipEscape(s string, i int) int {
	i++ // ESC
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		i++
		for i < len(s) && !(s[i] >= 0x40 && s[i] <= 0x7e) {
			i++
		}
		return min(i+1, len(s))
	case ']', 'P', '_', '^':
		i++
		for i < len(s) {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			i++
		}
		return i
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}
