package english

import (
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

// Token kinds. A Word is a run of letters (digits may follow the first
// letter: "p99", "S3", "c6g"); a Number is an unsigned decimal; everything
// else is a Symbol of one character, or a LaTeX command ("\times").
const (
	Word Kind = iota + 1
	Number
	Symbol
)

// Token flags.
const (
	// Glued marks a number written inside an identifier or a path
	// ("v1.2", "db.2xlarge", "/v2"): never a figure.
	Glued uint8 = 1 << iota
	// Version marks a dotted number with more than one dot ("3.5.1").
	Version
	// Grouped marks a number written with thousands separators.
	Grouped
	// Code marks a token inside a code span.
	Code
	// Overflow marks a number too large to hold.
	Overflow
	// BadComma marks a comma inside a number that does not separate
	// groups of three digits ("1,5 KB").
	BadComma
)

// Token is one token of a text, with its byte span in that text.
type Token struct {
	Kind       Kind
	Flags      uint8
	Start, End int
	// Space is set when whitespace (or the start of the text) comes
	// before the token; Line when that whitespace breaks the line.
	Space, Line bool
	// Val is the value of a Number.
	Val float64
}

// Text is a tokenised piece of prose: a sentence, a list item, a table
// cell, a label's value.
type Text struct {
	Src    string
	lower  string
	Tokens []Token
	// steps counts the tokens looked at, added to Work when a reading
	// of the text ends.
	steps int64
}

// work counts the tokens every reading has looked at: a measure of the
// reader's work that does not depend on the machine, which tests hold to
// linear growth. Each Text counts its own steps and adds them here once.
var work atomic.Int64

// Work returns how many tokens the readers of this package have looked at
// since the program started.
func Work() int64 { return work.Load() }

// settle adds the text's steps to Work.
func (t *Text) settle() {
	work.Add(t.steps + int64(len(t.Tokens)))
	t.steps = 0
}

// Lex tokenises s.
func Lex(s string) *Text {
	t := &Text{Src: s, lower: lowerASCII(s)}
	// about one token in four bytes of prose: one allocation, mostly
	t.Tokens = lexInto(make([]Token, 0, len(s)/4+4), s)
	glueDates(s, t.Tokens)
	return t
}

// Str is the token's text as written.
func (t *Text) Str(i int) string {
	t.steps++
	return t.Src[t.Tokens[i].Start:t.Tokens[i].End]
}

// Low is the token's text in lower case (ASCII letters only are folded, so
// offsets stay the same).
func (t *Text) Low(i int) string {
	t.steps++
	return t.lower[t.Tokens[i].Start:t.Tokens[i].End]
}

// SpanOf returns the byte span of an amount in the text.
func (t *Text) SpanOf(a Amount) (start, end int) {
	return t.Tokens[a.First].Start, t.Tokens[a.Last-1].End
}

// phraseAt returns how many tokens the words span at token i, or 0. A
// word ending in "*" matches any word it starts; a hyphenated phrase
// matches only written tight ("read-your-writes", not "read - your").
func (t *Text) phraseAt(i int, words []string) int {
	k := i
	for _, want := range words {
		if k >= len(t.Tokens) {
			return 0
		}
		l := t.Low(k)
		if strings.HasSuffix(want, "*") {
			if !strings.HasPrefix(l, want[:len(want)-1]) {
				return 0
			}
		} else if l != want {
			return 0
		}
		if k > i && (want == "-" || t.Is(k-1, "-")) && t.Tokens[k].Space {
			return 0
		}
		k++
	}
	return k - i
}

// Is reports whether token i is the symbol or word w (compared in lower case).
func (t *Text) Is(i int, w string) bool {
	return i >= 0 && i < len(t.Tokens) && t.Low(i) == w
}

// IsWord reports whether token i is a word.
func (t *Text) IsWord(i int) bool {
	t.steps++
	return i >= 0 && i < len(t.Tokens) && t.Tokens[i].Kind == Word
}

// IsNumber reports whether token i is a number.
func (t *Text) IsNumber(i int) bool {
	t.steps++
	return i >= 0 && i < len(t.Tokens) && t.Tokens[i].Kind == Number
}

// Adjacent reports whether token i follows token i-1 with no space.
func (t *Text) Adjacent(i int) bool {
	return i > 0 && i < len(t.Tokens) && !t.Tokens[i].Space
}

// Between is the source text from the start of token i to the end of token
// j-1.
func (t *Text) Between(i, j int) string {
	if i >= j || i >= len(t.Tokens) {
		return ""
	}
	return t.Src[t.Tokens[i].Start:t.Tokens[j-1].End]
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// spaceLike reports the Unicode spaces design documents use between words
// and inside numbers (no-break, thin and narrow spaces).
func spaceLike(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x2009, 0x202F, 0x2007, 0x200A, 0x2002, 0x2003, 0x3000:
		return true
	}
	return false
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lexInto appends the tokens of s to toks. It reads every byte once: the
// lookahead for digit groups and exponents is bounded by the token it
// produces.
func lexInto(toks []Token, s string) []Token {
	space, line := true, false
	// braces records, for each open brace, whether it belongs to a LaTeX
	// text command (\text{KB}) whose braces are dropped.
	var braces uint64
	depth := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				space = true
				line = line || c == '\n'
				i++
				continue
			case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]) && (i == 0 || !isDigit(s[i-1])):
				tok, end := lexNumber(s, i)
				tok.Space = space
				tok.Line = line
				if i > 0 && !space && gluedAfter(s, i) {
					tok.Flags |= Glued
				}
				toks = append(toks, tok)
				i, space, line = end, false, false
				continue
			case isLetter(c) || c == '_':
				end := lexWord(s, i)
				toks = append(toks, Token{Kind: Word, Start: i, End: end, Space: space, Line: line})
				i, space, line = end, false, false
				continue
			case c == '\\':
				// A LaTeX command (\times, \frac) or a LaTeX space (\, \;).
				j := i + 1
				for j < len(s) && isLetter(s[j]) {
					j++
				}
				if j == i+1 {
					if j < len(s) && (s[j] == ',' || s[j] == ';' || s[j] == '!' || s[j] == ' ' || s[j] == ':') {
						i, space = j+1, true
						continue
					}
					if j < len(s) && s[j] == '\\' {
						// "\\" ends a line of LaTeX
						i, space, line = j+1, true, true
						continue
					}
					j = i + 1
				}
				cmd := s[i:j]
				switch cmd {
				case `\space`, `\quad`, `\qquad`, `\left`, `\right`, `\displaystyle`:
					i, space = j, true
					continue
				case `\text`, `\mathrm`, `\textrm`, `\textbf`, `\mathbf`, `\mbox`, `\operatorname`, `\textit`, `\mathit`:
					if j < len(s) && s[j] == '{' && depth < 64 {
						braces |= 1 << depth
						depth++
						i = j + 1
						continue
					}
				}
				toks = append(toks, Token{Kind: Symbol, Start: i, End: j, Space: space, Line: line})
				i, space, line = j, false, false
				continue
			}
			// Two-character operators.
			if i+1 < len(s) {
				switch s[i : i+2] {
				case "->", "=>", "~=", "<=", ">=", "**", "--", "==":
					toks = append(toks, Token{Kind: Symbol, Start: i, End: i + 2, Space: space, Line: line})
					i, space, line = i+2, false, false
					continue
				}
			}
			switch c {
			case '{':
				if depth < 64 {
					braces &^= 1 << depth
					depth++
				}
			case '}':
				if depth > 0 {
					depth--
					if braces&(1<<depth) != 0 {
						i++
						continue
					}
				}
			}
			toks = append(toks, Token{Kind: Symbol, Start: i, End: i + 1, Space: space, Line: line})
			i, space, line = i+1, false, false
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case spaceLike(r) || r == 0x200B || r == 0xFEFF:
			space = true
		case unicode.IsLetter(r):
			end := lexWord(s, i)
			toks = append(toks, Token{Kind: Word, Start: i, End: end, Space: space, Line: line})
			i, space, line = end, false, false
			continue
		default:
			toks = append(toks, Token{Kind: Symbol, Start: i, End: i + n, Space: space, Line: line})
			space, line = false, false
		}
		i += n
	}
	return toks
}

// lexWord returns the end of the word starting at i: letters, digits after
// the first letter, underscores, and apostrophes between letters.
func lexWord(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if isLetter(c) || isDigit(c) || c == '_' {
				j++
				continue
			}
			if c == '\'' && j+1 < len(s) && isLetter(s[j+1]) && j > i {
				j++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || r == '’' && j+n < len(s) && isLetter(s[j+n]) {
			j += n
			continue
		}
		break
	}
	return j
}

// lexNumber reads the number starting at i: digits with thousands
// separators (groups of exactly three), a fraction and an exponent.
func lexNumber(s string, i int) (Token, int) {
	start := i
	j := i
	var mant uint64
	digits, exp := 0, 0
	precise := true
	add := func(c byte) {
		if digits < 18 {
			mant = mant*10 + uint64(c-'0')
			digits++
		} else {
			exp++
			precise = false
		}
	}
	for j < len(s) && isDigit(s[j]) {
		add(s[j])
		j++
	}
	intDigits := j - start
	var flags uint8
	// Thousands separators: ",ddd" groups after one to three digits.
	if intDigits >= 1 && intDigits <= 3 {
		for j < len(s) && s[j] == ',' && allDigits(s, j+1, j+4) && (j+4 >= len(s) || !isDigit(s[j+4])) {
			for k := j + 1; k < j+4; k++ {
				add(s[k])
			}
			j += 4
			flags |= Grouped
		}
		// "100 000 000": groups set apart by spaces, two or more of them
		// (one alone may be two numbers: "3 100-byte records")
		if flags&Grouped == 0 {
			k, groups := j, 0
			for k < len(s) && s[k] == ' ' && allDigits(s, k+1, k+4) && (k+4 >= len(s) || !isDigit(s[k+4]) && !((s[k+4] == ',' || s[k+4] == '.') && k+5 < len(s) && isDigit(s[k+5]))) {
				k += 4
				groups++
			}
			if groups >= 2 {
				for ; j < k; j += 4 {
					for m := j + 1; m < j+4; m++ {
						add(s[m])
					}
				}
				flags |= Grouped
			}
		}
	}
	// "1,5": a decimal comma, or a slip; either way not a number to guess.
	if intDigits > 0 && j+1 < len(s) && s[j] == ',' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k-j-1 != 3 {
			return Token{Kind: Number, Flags: flags | BadComma, Start: start, End: k, Val: float64(mant)}, k
		}
	}
	if j < len(s) && s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			if digits < 18 {
				mant = mant*10 + uint64(s[j]-'0')
				digits++
				exp--
			} else {
				precise = false
			}
			j++
		}
		// A second dot makes a version or an address, not a number.
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			for j < len(s) && (isDigit(s[j]) || s[j] == '.' && j+1 < len(s) && isDigit(s[j+1])) {
				j++
			}
			return Token{Kind: Number, Flags: flags | Version, Start: start, End: j}, j
		}
	}
	// An exponent: "1e6", "2.5E-3"; not "2ex" nor "1em".
	if j+1 < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		neg := false
		if s[k] == '+' || s[k] == '-' {
			neg = s[k] == '-'
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			e := 0
			m := k
			for m < len(s) && isDigit(s[m]) {
				if e < 10000 {
					e = e*10 + int(s[m]-'0')
				}
				m++
			}
			if m >= len(s) || !isLetter(s[m]) {
				if neg {
					e = -e
				}
				exp += e
				j = m
			}
		}
	}
	tok := Token{Kind: Number, Flags: flags, Start: start, End: j}
	switch {
	case exp > 300:
		tok.Flags |= Overflow
		tok.Val = math.Inf(1)
	case !precise || exp < -300:
		v, err := strconv.ParseFloat(cleanNumber(s[start:j]), 64)
		if err != nil || math.IsInf(v, 0) || v == 0 && exp < -300 {
			tok.Flags |= Overflow
			v = math.Inf(1)
		}
		tok.Val = v
	case exp < 0 && -exp < len(powers):
		tok.Val = float64(mant) / powers[-exp]
	default:
		tok.Val = float64(mant) * pow10(exp)
	}
	return tok, j
}

// gluedAfter reports whether a number starting at s[i] continues an
// identifier, a path or a date: "db.2xlarge", "us-east-1", "ISO-8601",
// "2024-03-01".
func gluedAfter(s string, i int) bool {
	p := s[i-1]
	switch {
	case isLetter(p) || p == '_' || p == '.' && s[i] != '.':
		return true
	case (p == '-' || p == ':') && i >= 2 && isLetter(s[i-2]):
		return true
	}
	return false
}

// glueDates marks the numbers of dates and clock times ("2024-03-01",
// "12:00:00"): three numbers joined by the same separator with no space.
func glueDates(s string, toks []Token) {
	for i := 0; i+4 < len(toks); i++ {
		a, b := toks[i+1], toks[i+3]
		if toks[i].Kind != Number || toks[i+2].Kind != Number || toks[i+4].Kind != Number || a.Kind != Symbol || b.Kind != Symbol {
			continue
		}
		sep := s[a.Start:a.End]
		if (sep != "-" && sep != ":" && sep != "/") || s[b.Start:b.End] != sep {
			continue
		}
		if a.Space || toks[i+2].Space || b.Space || toks[i+4].Space {
			continue
		}
		for k := i; k <= i+4; k += 2 {
			toks[k].Flags |= Glued
		}
	}
	for i := 2; i < len(toks); i++ {
		n, sep, prev := &toks[i], toks[i-1], toks[i-2]
		if n.Kind != Number || n.Space || sep.Space || sep.Kind != Symbol || s[sep.Start:sep.End] != ":" {
			continue
		}
		switch {
		case prev.Kind == Word && hasDigit(s[prev.Start:prev.End]), prev.Kind == Number && prev.Flags&Glued != 0:
			// "T12:00:00Z"
			n.Flags |= Glued
		case prev.Kind == Number && n.End-n.Start == 2 && clockAfter(s, toks, i, prev):
			// "9:30 am", "at 18:45", "12:00 UTC"
			n.Flags |= Glued
			toks[i-2].Flags |= Glued
		}
	}
}

// clockAfter reports a clock time ending at token i: followed by am, pm or
// a time zone, or preceded by "at".
func clockAfter(s string, toks []Token, i int, hour Token) bool {
	if i+1 < len(toks) && toks[i+1].Kind == Word {
		switch lowerASCII(s[toks[i+1].Start:toks[i+1].End]) {
		case "am", "pm", "utc", "gmt", "z":
			return true
		}
	}
	if i >= 3 && toks[i-3].Kind == Word && lowerASCII(s[toks[i-3].Start:toks[i-3].End]) == "at" {
		return true
	}
	return s[toks[i].Start] == '0' && hour.Val <= 24
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func allDigits(s string, i, j int) bool {
	if j > len(s) {
		return false
	}
	for k := i; k < j; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return true
}

func cleanNumber(s string) string {
	b := make([]byte, 0, len(s)+1)
	if len(s) > 0 && s[0] == '.' {
		b = append(b, '0')
	}
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	return string(b)
}

var powers = func() [40]float64 {
	var p [40]float64
	v := 1.0
	for i := range p {
		p[i] = v
		v *= 10
	}
	return p
}()

func pow10(e int) float64 {
	switch {
	case e >= 0 && e < len(powers):
		return powers[e]
	case e < 0 && -e < len(powers):
		return 1 / powers[-e]
	}
	return math.Pow(10, float64(e))
}
