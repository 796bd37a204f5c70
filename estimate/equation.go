package estimate

import (
	"math"
	"strconv"
	"strings"
)

// This file checks calculations written out in prose: "100,000 users × 10
// requests/user = 10,000,000 requests/day", "100m / (30 * 24 * 3600) = ~40
// URLs/s", LaTeX included. Unit words are ignored for the arithmetic but
// their scale is honoured (10M, 2 KB, 200 ms); where a letter could mean two
// scales (B as billion or bytes, m as million or minutes) every reading is
// tried, and the equation is wrong only if none of them balances it.

// Mismatch is an equation whose sides disagree.
type Mismatch struct {
	// Start and End are byte offsets of the equation in the text given to
	// CheckEquations.
	Start, End int
	// Left is the side that was computed, Right the side it was compared
	// with, as written.
	Left, Right string
	// LeftValue and RightValue are their values (the closest readings).
	LeftValue, RightValue float64
	Ratio                 float64
}

// CheckEquations finds the equations in text and returns those whose sides
// differ by more than maxRatio either way.
func CheckEquations(text string, maxRatio float64) []Mismatch {
	if maxRatio <= 1 {
		maxRatio = 1.5
	}
	norm, offsets := normalizeMath(text)
	toks := tokenize(norm)
	var out []Mismatch
	for i := 0; i < len(toks); {
		chain, next := parseChain(toks, i)
		if len(chain) < 2 {
			i = max(next, i+1)
			continue
		}
		for k := 0; k+1 < len(chain); k++ {
			l, r := chain[k], chain[k+1]
			// A restatement ("40 requests per second = 100 million
			// requests per month") is a unit conversion, not
			// arithmetic designlint can check.
			if !l.ops && !r.ops {
				continue
			}
			ratio, lv, rv, ok := compare(l, r, maxRatio)
			if ok {
				continue
			}
			start, end := l.start, r.end
			if offsets != nil {
				start, end = offsets[l.start], offsets[min(r.end, len(offsets)-1)]
				if r.end >= len(offsets) {
					end = len(text)
				}
			}
			out = append(out, Mismatch{
				Start: start, End: end,
				Left: strings.TrimSpace(norm[l.start:l.end]), Right: strings.TrimSpace(norm[r.start:r.end]),
				LeftValue: lv, RightValue: rv, Ratio: ratio,
			})
		}
		i = next
	}
	return out
}

// compare evaluates both sides under every reading of their ambiguous
// scales and reports the best agreement. When one side writes no scale at
// all ("278 × 3 = 834 MB/s"), the other side's scales may be the unit the
// author left out, and it is also read without them.
func compare(l, r side, maxRatio float64) (ratio, lv, rv float64, ok bool) {
	ratio = math.Inf(1)
	lvals, rvals := l.values(), r.values()
	if !l.scaled() && r.scaled() {
		rvals = append(rvals, r.unscaled()...)
	}
	if l.scaled() && !r.scaled() {
		lvals = append(lvals, l.unscaled()...)
	}
	for _, a := range lvals {
		for _, b := range rvals {
			if math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
				continue
			}
			if q := Disagreement(a, b); q < ratio {
				ratio, lv, rv = q, a, b
			}
		}
	}
	if math.IsInf(ratio, 0) && lv == 0 && rv == 0 {
		// Nothing could be evaluated: not an equation after all.
		return 1, 0, 0, true
	}
	return ratio, lv, rv, ratio <= maxRatio
}

// normalizeMath turns LaTeX and typographic operators into plain ones and
// returns, for each byte of the result, the offset of the byte it came from.
func normalizeMath(s string) (string, []int) {
	if plainMath(s) {
		return s, nil
	}
	var b strings.Builder
	var off []int
	emit := func(text string, at int) {
		for i := 0; i < len(text); i++ {
			b.WriteByte(text[i])
			off = append(off, at)
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '$':
			i++
			continue
		case c == '\\':
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			cmd := s[i+1 : j]
			switch cmd {
			case "times", "cdot":
				emit(" × ", i)
			case "div":
				emit(" / ", i)
			case "approx", "sim", "simeq", "eq":
				emit(" ≈ ", i)
			case "rightarrow", "to", "Rightarrow":
				emit(" ≈ ", i)
			case "text", "mathrm", "textrm", "mbox", "textbf", "mathbf", "operatorname", "left", "right", "frac", "dfrac", "tfrac":
				if cmd == "frac" || cmd == "dfrac" || cmd == "tfrac" {
					// \frac{a}{b} → (a)/(b)
					if a, rest, ok := braced(s, j); ok {
						if bb, rest2, ok := braced(s, rest); ok {
							emit("(", i)
							inner, innerOff := normalizeMath(a)
							for k := 0; k < len(inner); k++ {
								b.WriteByte(inner[k])
								off = append(off, j+1+offsetAt(innerOff, k))
							}
							emit(")/(", rest)
							inner, innerOff = normalizeMath(bb)
							for k := 0; k < len(inner); k++ {
								b.WriteByte(inner[k])
								off = append(off, rest+1+offsetAt(innerOff, k))
							}
							emit(")", rest2-1)
							i = rest2
							continue
						}
					}
				}
				// the braces that follow are dropped below
			case "%":
			case "":
				// "\," "\ " "\;" "\%" "\{"
				if j < len(s) {
					switch s[j] {
					case '%':
						emit("%", i)
					case ',', ' ', ';', ':', '!':
						emit(" ", i)
					}
					j++
				}
			default:
				emit(" ", i)
			}
			i = j
			continue
		case c == '{' || c == '}':
			// "100{,}000" keeps its comma; other braces only group.
			i++
			continue
		}
		if r := s[i:]; strings.HasPrefix(r, "×") || strings.HasPrefix(r, "·") || strings.HasPrefix(r, "⋅") || strings.HasPrefix(r, "∗") {
			size := len("×")
			if strings.HasPrefix(r, "⋅") || strings.HasPrefix(r, "∗") {
				size = len("⋅")
			}
			emit(" × ", i)
			i += size
			continue
		}
		if r := s[i:]; strings.HasPrefix(r, "÷") {
			emit(" / ", i)
			i += len("÷")
			continue
		}
		for _, eq := range []string{"≈", "→", "≃", "≅", "⇒", "≐"} {
			if strings.HasPrefix(s[i:], eq) {
				emit(" ≈ ", i)
				i += len(eq)
				goto next
			}
		}
		b.WriteByte(c)
		off = append(off, i)
		i++
	next:
	}
	off = append(off, len(s))
	return b.String(), off
}

// offsetAt maps an offset of normalised text back; nil offsets mean the
// text was not changed.
func offsetAt(off []int, k int) int {
	if off == nil {
		return k
	}
	return off[k]
}

// plainMath reports whether s has nothing normalizeMath would change: no
// dollar, backslash or brace, and no byte that starts ×, ·, ÷, ≈ or →.
func plainMath(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '$', '\\', '{', '}', 0xC2, 0xC3, 0xE2:
			return false
		}
	}
	return true
}

// braced reads "{…}" at s[i:], with nesting.
func braced(s string, i int) (inner string, next int, ok bool) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) || s[i] != '{' {
		return "", i, false
	}
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[i+1 : j], j + 1, true
			}
		}
	}
	return "", i, false
}

type tokKind uint8

const (
	tNum tokKind = iota + 1
	tOp          // × / +
	tEq          // = ≈ ~
	tLParen
	tRParen
	tWord
	tSep // , ; : . and the like: an expression stops here
)

type token struct {
	kind  tokKind
	op    byte // for tOp: '*', '/', '+'
	val   float64
	alts  []float64 // the scales the token's unit could mean
	start int
	end   int
}

// tokenize splits normalised text into number, operator, equality,
// parenthesis, word and separator tokens.
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '"' || c == '\'' || c == '*' && i+1 < len(s) && s[i+1] == '*':
			if c == '*' {
				i += 2
				continue
			}
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if i > 0 && (isLetter(s[i-1]) || s[i-1] == '_') {
				// "p99", "v2": part of a word
				j := i + 1
				for j < len(s) && (isLetter(s[j]) || isDigit(s[j])) {
					j++
				}
				toks = append(toks, token{kind: tWord, start: i, end: j})
				i = j
				continue
			}
			t, j := numberToken(s, i)
			toks = append(toks, t)
			i = j
		case strings.HasPrefix(s[i:], "×"):
			toks = append(toks, token{kind: tOp, op: '*', start: i, end: i + len("×")})
			i += len("×")
		case strings.HasPrefix(s[i:], "≈"):
			toks = append(toks, token{kind: tEq, start: i, end: i + len("≈")})
			i += len("≈")
		case c == '*':
			toks = append(toks, token{kind: tOp, op: '*', start: i, end: i + 1})
			i++
		case c == '/':
			// "requests/day": a unit's period, not a division.
			j := i + 1
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j < len(s) && (isLetter(s[j]) && !isDivisorWord(s, j)) {
				k := j
				for k < len(s) && (isLetter(s[k]) || s[k] == '/') {
					k++
				}
				toks = append(toks, token{kind: tWord, start: i, end: k})
				i = k
				continue
			}
			toks = append(toks, token{kind: tOp, op: '/', start: i, end: i + 1})
			i++
		case c == '+':
			toks = append(toks, token{kind: tOp, op: '+', start: i, end: i + 1})
			i++
		case c == '^':
			toks = append(toks, token{kind: tOp, op: '^', start: i, end: i + 1})
			i++
		case c == '=':
			j := i
			for j < len(s) && s[j] == '=' {
				j++
			}
			toks = append(toks, token{kind: tEq, start: i, end: j})
			i = j
		case c == '~':
			// "≈" between sides; "= ~40" is "about 40", handled by
			// the number that follows.
			toks = append(toks, token{kind: tEq, start: i, end: i + 1})
			i++
		case c == '(':
			toks = append(toks, token{kind: tLParen, start: i, end: i + 1})
			i++
		case c == ')':
			toks = append(toks, token{kind: tRParen, start: i, end: i + 1})
			i++
		case c == 'x' && i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			toks = append(toks, token{kind: tOp, op: '*', start: i, end: i + 1})
			i++
		case isLetter(c) || c >= 0x80:
			j := i
			for j < len(s) && (isLetter(s[j]) || s[j] >= 0x80 && !strings.HasPrefix(s[j:], "×") && !strings.HasPrefix(s[j:], "≈") || s[j] == '-' || s[j] == '_' || isDigit(s[j]) && j > i) {
				j++
			}
			if j == i {
				j = i + 1
			}
			toks = append(toks, token{kind: tWord, start: i, end: j})
			i = j
		case c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '|':
			toks = append(toks, token{kind: tSep, start: i, end: i + 1})
			i++
		default:
			toks = append(toks, token{kind: tSep, start: i, end: i + 1})
			i++
		}
	}
	return toks
}

// isDivisorWord reports whether the word at s[j:] is a spelled-out number
// or scale that can follow a division ("/ million").
func isDivisorWord(s string, j int) bool {
	for _, w := range []string{"thousand", "million", "billion"} {
		if strings.HasPrefix(s[j:], w) {
			return true
		}
	}
	return false
}

// scaleWord maps the unit or scale written after a number to the scales it
// could mean: "KB" is 1e3, "B" billion or bytes, "m" million or minutes.
func scaleWord(w string) ([]float64, bool) {
	switch w {
	case "k", "K", "thousand", "thousands":
		return []float64{1e3}, true
	case "M", "million", "millions", "mn", "mil", "MM":
		return []float64{1e6}, true
	case "m":
		return []float64{1e6, 1}, true
	case "bn", "billion", "billions", "G", "g":
		return []float64{1e9}, true
	case "B", "b":
		return []float64{1e9, 1}, true
	case "T", "trillion", "tn":
		return []float64{1e12}, true
	case "%", "percent", "pct":
		return []float64{0.01}, true
	case "ms":
		return []float64{1e-3}, true
	case "us", "µs", "μs":
		return []float64{1e-6}, true
	case "ns":
		return []float64{1e-9}, true
	}
	// Byte and bit units: their prefix is the scale; bits and bytes are
	// not told apart here (a ×8 in prose is the author's conversion).
	if len(w) >= 2 && len(w) <= 4 {
		prefix := map[byte]float64{'k': 1e3, 'K': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18}
		if p, ok := prefix[w[0]]; ok {
			switch w[1:] {
			case "B", "b", "bit", "bps", "Bps":
				return []float64{p}, true
			case "iB":
				return []float64{math.Pow(1024, map[byte]float64{'k': 1, 'K': 1, 'M': 2, 'G': 3, 'T': 4, 'P': 5, 'E': 6}[w[0]])}, true
			}
		}
	}
	return nil, false
}

// numberToken reads a number and the scale written right after it.
func numberToken(s string, i int) (token, int) {
	start := i
	j := i
	var digits strings.Builder
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			digits.WriteByte(c)
		case c == ',' && j+4 <= len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 == len(s) || !isDigit(s[j+4])):
			// thousands separator
		case c == '.' && j+1 < len(s) && isDigit(s[j+1]):
			digits.WriteByte(c)
		case (c == 'e' || c == 'E') && j+1 < len(s) && isDigit(s[j+1]) && digits.Len() > 0:
			digits.WriteByte(c)
		default:
			goto done
		}
		j++
	}
done:
	v, err := strconv.ParseFloat(digits.String(), 64)
	if err != nil || math.IsInf(v, 0) {
		return token{kind: tWord, start: start, end: j}, j
	}
	t := token{kind: tNum, val: v, alts: []float64{1}, start: start}
	// The scale: attached ("10M", "2KB", "99%") or after one space
	// ("10 million", "2 KB", "200 ms").
	k := j
	for k < len(s) && k < j+4 && s[k] == ' ' {
		k++
	}
	e := k
	for e < len(s) && (isLetter(s[e]) || s[e] == '%' || strings.HasPrefix(s[e:], "µ") || strings.HasPrefix(s[e:], "μ")) {
		if strings.HasPrefix(s[e:], "µ") || strings.HasPrefix(s[e:], "μ") {
			e += len("µ")
			continue
		}
		e++
	}
	if e > k {
		w := s[k:e]
		// "3x" is a factor; its x is no operator.
		if w == "x" && k == j {
			t.end = e
			return t, e
		}
		if alts, ok := scaleWord(w); ok && (k == j || len(w) > 1 || w == "B" || w == "M" || w == "K" || w == "k" || w == "%") {
			t.alts = alts
			t.end = e
			return t, e
		}
	}
	t.end = j
	return t, j
}

// side is one member of a chain: an expression tree flattened to its
// token range, evaluated under every reading of its scales.
type side struct {
	toks       []token
	start, end int // byte offsets in the normalised text
	ops        bool
}

// scaled reports whether any number of the side has a scale or unit
// prefix.
func (sd side) scaled() bool {
	for _, t := range sd.toks {
		if t.kind == tNum && (len(t.alts) > 1 || t.alts[0] != 1) {
			return true
		}
	}
	return false
}

// unscaled evaluates the side with every scale taken as 1.
func (sd side) unscaled() []float64 {
	toks := make([]token, len(sd.toks))
	copy(toks, sd.toks)
	for i := range toks {
		if toks[i].kind == tNum {
			toks[i].alts = []float64{1}
		}
	}
	return side{toks: toks}.values()
}

func (sd side) values() []float64 {
	// Every combination of the ambiguous scales, bounded.
	var amb []int
	for i, t := range sd.toks {
		if t.kind == tNum && len(t.alts) > 1 {
			amb = append(amb, i)
		}
	}
	if len(amb) > 6 {
		amb = amb[:6]
	}
	var out []float64
	for mask := 0; mask < 1<<len(amb); mask++ {
		choice := map[int]float64{}
		for bit, ti := range amb {
			pick := (mask >> bit) & 1
			choice[ti] = sd.toks[ti].alts[pick]
		}
		p := &evaluator{toks: sd.toks, choice: choice}
		v, ok := p.expr()
		if ok && p.i == len(p.toks) {
			out = append(out, v)
		}
	}
	return out
}

// evaluator is a recursive-descent evaluator over a side's tokens; words
// after a number or a closing parenthesis are units and are skipped.
type evaluator struct {
	toks   []token
	i      int
	choice map[int]float64
}

func (p *evaluator) skipWords() {
	for p.i < len(p.toks) && p.toks[p.i].kind == tWord {
		p.i++
	}
}

func (p *evaluator) expr() (float64, bool) {
	v, ok := p.term()
	if !ok {
		return 0, false
	}
	for p.i < len(p.toks) && p.toks[p.i].kind == tOp && p.toks[p.i].op == '+' {
		p.i++
		w, ok := p.term()
		if !ok {
			return 0, false
		}
		v += w
	}
	return v, true
}

func (p *evaluator) term() (float64, bool) {
	v, ok := p.factor()
	if !ok {
		return 0, false
	}
	for p.i < len(p.toks) && p.toks[p.i].kind == tOp && (p.toks[p.i].op == '*' || p.toks[p.i].op == '/') {
		op := p.toks[p.i].op
		p.i++
		w, ok := p.factor()
		if !ok {
			return 0, false
		}
		if op == '*' {
			v *= w
		} else {
			if w == 0 {
				return 0, false
			}
			v /= w
		}
	}
	return v, true
}

func (p *evaluator) factor() (float64, bool) {
	v, ok := p.primary()
	if !ok {
		return 0, false
	}
	// "62^7": a power binds tighter than × and /.
	if p.i < len(p.toks) && p.toks[p.i].kind == tOp && p.toks[p.i].op == '^' {
		p.i++
		e, ok := p.primary()
		if !ok || e > 64 || e < -64 {
			return 0, false
		}
		v = math.Pow(v, e)
	}
	return v, true
}

func (p *evaluator) primary() (float64, bool) {
	if p.i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[p.i]
	switch t.kind {
	case tNum:
		p.i++
		scale := t.alts[0]
		if c, ok := p.choice[p.i-1]; ok {
			scale = c
		}
		p.skipWords()
		return t.val * scale, true
	case tLParen:
		p.i++
		v, ok := p.expr()
		if !ok || p.i >= len(p.toks) || p.toks[p.i].kind != tRParen {
			return 0, false
		}
		p.i++
		p.skipWords()
		return v, true
	}
	return 0, false
}

// parseChain reads "side = side (= side)…" starting at or after toks[i].
// It returns the sides found and where to continue.
func parseChain(toks []token, i int) ([]side, int) {
	// Find the start of an expression: a number or an opening parenthesis.
	for i < len(toks) && toks[i].kind != tNum && toks[i].kind != tLParen {
		i++
	}
	if i >= len(toks) {
		return nil, len(toks)
	}
	var chain []side
	for {
		sd, next, ok := parseSide(toks, i)
		if !ok {
			return chain, max(next, i+1)
		}
		chain = append(chain, sd)
		i = next
		// An equality joins the next side; "= ~40" is one equality.
		if i >= len(toks) || toks[i].kind != tEq {
			return chain, i
		}
		for i < len(toks) && toks[i].kind == tEq {
			i++
		}
		if i >= len(toks) || (toks[i].kind != tNum && toks[i].kind != tLParen) {
			return chain, i
		}
	}
}

// parseSide reads one side's tokens: numbers and parenthesised groups
// joined by operators, with unit words after numbers.
func parseSide(toks []token, i int) (side, int, bool) {
	start := i
	depth := 0
	expectOperand := true
	ops := false
	for i < len(toks) {
		t := toks[i]
		switch t.kind {
		case tNum:
			if !expectOperand {
				goto end
			}
			expectOperand = false
		case tLParen:
			if !expectOperand {
				goto end
			}
			depth++
		case tRParen:
			if depth == 0 || expectOperand {
				goto end
			}
			depth--
		case tOp:
			if expectOperand {
				goto end
			}
			ops = true
			expectOperand = true
		case tWord:
			if expectOperand {
				goto end
			}
		default:
			goto end
		}
		i++
	}
end:
	// Drop a trailing operator or unclosed group.
	for i > start && (toks[i-1].kind == tOp || toks[i-1].kind == tLParen) {
		i--
	}
	if i == start || !balanced(toks[start:i]) {
		return side{}, i, false
	}
	sd := side{toks: toks[start:i], start: toks[start].start, end: toks[i-1].end, ops: ops}
	return sd, i, true
}

func balanced(toks []token) bool {
	d := 0
	for _, t := range toks {
		switch t.kind {
		case tLParen:
			d++
		case tRParen:
			d--
		}
	}
	return d == 0
}
