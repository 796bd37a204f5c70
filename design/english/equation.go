package english

import (
	"math"
	"sort"

	"github.com/designlint/designlint/estimate"
)

// Equation is a calculation written out in a text: sides joined by
// relations ("A × B = C", "A / B ≈ C ≈ D", LaTeX included).
type Equation struct {
	// Start and End are the byte span of the calculation in the text.
	Start, End int
	t          *Text
	amounts    []Amount
	sides      []eqSide
}

type eqSide struct {
	from, to int // tokens
	n        int // amounts on the side
	ops      bool
	first    int // index of the first amount
}

// eqMarks says, per amount of a text, whether it is an operand of a
// calculation or its result.
type eqMarks struct {
	operand, result []bool
}

// relation reports whether token i joins two sides of a calculation.
func (t *Text) relation(i int, afterAmount bool) bool {
	switch t.Str(i) {
	case "=", "≈", "≃", "→", "->", "=>", "⇒", "==", `\approx`, `\to`, `\rightarrow`, `\Rightarrow`, `\simeq`, `\equiv`, "≅":
		return true
	case "~", `\sim`, "∼", ":":
		// "2B / (24 × 3600) ~ 23K" or "100M * 10 : 1B": a relation only
		// after a calculation and when spaced; "~50M" and "= ~40" are
		// hedges.
		return afterAmount && t.Tokens[i].Space
	}
	return false
}

// isOperator reports an arithmetic operator at token i.
func (t *Text) isOperator(i int) bool {
	switch t.Str(i) {
	case "×", "*", "/", "÷", "+", "−", "·", `\times`, `\cdot`, `\div`, "^", `\frac`:
		return true
	case "-", "–":
		return t.Tokens[i].Space
	case "x", "X":
		return t.IsWord(i)
	}
	return false
}

// equations finds the calculations of a sentence and marks their operands
// and results.
func (fr *figureReader) equations(s *sentence) eqMarks {
	t := fr.t
	m := eqMarks{operand: fr.marks(), result: fr.marks()}
	if len(s.amounts) < 2 {
		return m
	}
	var sides []eqSide
	cur := eqSide{from: s.body, first: -1}
	k := 0 // next amount of the sentence
	lastWasAmount := false
	for i := s.body; i < s.to; i++ {
		for k < len(s.amounts) && fr.amounts[s.amounts[k]].Last <= i {
			k++
		}
		if k < len(s.amounts) && fr.amounts[s.amounts[k]].First == i {
			a := fr.amounts[s.amounts[k]]
			if cur.first < 0 {
				cur.first = s.amounts[k]
			}
			cur.n++
			i = a.Last - 1
			lastWasAmount = true
			continue
		}
		if t.Tokens[i].Kind == Symbol && t.relation(i, lastWasAmount || cur.ops && cur.n > 0) {
			if t.Str(i) == ":" && !cur.ops {
				continue
			}
			cur.to = i
			sides = append(sides, cur)
			cur = eqSide{from: i + 1, first: -1}
			lastWasAmount = false
			continue
		}
		if t.isOperator(i) && cur.n > 0 {
			cur.ops = true
		}
		if t.Is(i, ")") || t.Is(i, "}") {
			continue
		}
		if t.Tokens[i].Kind == Word {
			continue
		}
		lastWasAmount = false
	}
	cur.to = s.to
	sides = append(sides, cur)
	// Sides without figures do not take part ("Assume peak = 3 × average").
	var real []eqSide
	for _, sd := range sides {
		if sd.n > 0 {
			real = append(real, sd)
		}
	}
	if len(real) < 2 {
		return m
	}
	for si, sd := range real {
		last := si == len(real)-1
		for _, ai := range s.amounts {
			a := fr.amounts[ai]
			if a.First < sd.from || a.First >= sd.to {
				continue
			}
			if last && sd.n == 1 && !sd.ops {
				m.result[ai] = true
			} else {
				m.operand[ai] = true
			}
		}
	}
	eq := Equation{t: t, amounts: fr.amounts, sides: real}
	eq.Start = t.Tokens[real[0].from].Start
	if real[0].first >= 0 {
		eq.Start = t.Tokens[fr.amounts[real[0].first].First].Start
	}
	lastSide := real[len(real)-1]
	eq.End = t.Tokens[max(lastSide.to-1, lastSide.from)].End
	fr.out.Equations = append(fr.out.Equations, eq)
	return m
}

func (fr *figureReader) marks() []bool { return make([]bool, len(fr.amounts)) }

// Text is the calculation as written.
func (e Equation) Text() string { return e.t.Src[e.Start:e.End] }

// Mismatch is a relation of a calculation that does not hold.
type Mismatch struct {
	// Left and Right are the two sides as written.
	Left, Right string
	// LeftValue and RightValue are what they come to, in the units
	// written (2 KB is 2000, 10M/day is 10,000,000).
	LeftValue, RightValue float64
	// Ratio is the larger over the smaller.
	Ratio float64
	// Start and End are the byte span of the two sides in the text.
	Start, End int
}

// Check evaluates every relation of the calculation and returns the first
// that is off by more than maxRatio, if any. A side that cannot be
// evaluated is not a slip; it leaves its relations unchecked.
func (e Equation) Check(maxRatio float64) (Mismatch, bool) {
	vals := make([][]sideValue, len(e.sides))
	for i, sd := range e.sides {
		vals[i] = e.evaluate(sd)
	}
	for i := 0; i+1 < len(e.sides); i++ {
		l, r := vals[i], vals[i+1]
		if len(l) == 0 || len(r) == 0 {
			continue
		}
		if holds(e.sides[i], e.sides[i+1], l, r, maxRatio) {
			continue
		}
		best := l[0]
		rv := r[0]
		mm := Mismatch{
			Left:      e.t.Between(e.sides[i].from, e.sides[i].to),
			Right:     e.t.Between(e.sides[i+1].from, e.sides[i+1].to),
			LeftValue: best.written, RightValue: rv.written,
			Ratio: disagreement(best.written, rv.written),
		}
		mm.Start = e.t.Tokens[e.sides[i].from].Start
		mm.End = e.t.Tokens[max(e.sides[i+1].to-1, e.sides[i+1].from)].End
		return mm, true
	}
	return Mismatch{}, false
}

// holds reports whether one relation holds under some reading: the written
// values agree, or the values converted to base units do (a per-day figure
// restated per second). A restatement of one quantity in another unit
// ("10 Gbps = 10 GB/s") is judged by its units alone.
func holds(ls, rs eqSide, l, r []sideValue, maxRatio float64) bool {
	restatement := ls.n == 1 && !ls.ops && rs.n == 1 && !rs.ops
	if restatement && l[0].dims != 0 && l[0].dims == r[0].dims {
		for _, a := range l {
			for _, b := range r {
				if disagreement(a.base, b.base) <= maxRatio {
					return true
				}
			}
		}
		return false
	}
	for _, a := range l {
		for _, b := range r {
			if disagreement(a.written, b.written) <= maxRatio || disagreement(a.base, b.base) <= maxRatio {
				return true
			}
		}
	}
	return false
}

func disagreement(a, b float64) float64 {
	a, b = math.Abs(a), math.Abs(b)
	if a == 0 || b == 0 {
		if a == b {
			return 1
		}
		return math.Inf(1)
	}
	if a > b {
		return a / b
	}
	return b / a
}

// sideValue is one reading of a side: its written and base values, and for
// a single figure the family of its unit.
type sideValue struct {
	written, base float64
	dims          unitFamily
}

type unitFamily uint8

const (
	famNone unitFamily = iota
	famRate
	famByteRate
	famBytes
	famDuration
)

// evaluate reads a side under each reading of its ambiguous figures ("50B":
// billions or bytes; "5m": millions or minutes) and each reading of a
// division by a product written tight ("600GB/24x3600").
func (e Equation) evaluate(sd eqSide) []sideValue {
	var amb []int
	for i := range e.amounts {
		a := e.amounts[i]
		if a.First >= sd.from && a.First < sd.to && (a.AmbigB || a.AmbigM) && len(amb) < 3 {
			amb = append(amb, i)
		}
	}
	var out []sideValue
	for mask := 0; mask < 1<<len(amb); mask++ {
		for _, tight := range [2]bool{false, true} {
			ev := evaluator{e: &e, to: sd.to, i: sd.from, tight: tight}
			for b, ai := range amb {
				if mask&(1<<b) != 0 {
					if ev.alt == nil {
						ev.alt = map[int]bool{}
					}
					ev.alt[ai] = true
				}
			}
			v, ok := ev.expr()
			ev.skipNoise()
			if !ok || ev.i < sd.to || ev.steps > maxEvalSteps {
				continue
			}
			if math.IsNaN(v.written) || math.IsInf(v.written, 0) || math.IsNaN(v.base) || math.IsInf(v.base, 0) {
				continue
			}
			if sd.n == 1 && !sd.ops {
				v.dims = e.family(sd)
			}
			out = append(out, v)
			if !ev.sawTight {
				break
			}
		}
	}
	return out
}

// family is the unit family of the single figure on a side.
func (e Equation) family(sd eqSide) unitFamily {
	for _, a := range e.amounts {
		if a.First < sd.from || a.First >= sd.to {
			continue
		}
		switch {
		case a.Dim == estimate.ByteRate || a.Dim == estimate.Bytes && a.HasPer:
			return famByteRate
		case a.Dim == estimate.Rate || a.HasPer:
			return famRate
		case a.Dim == estimate.Bytes:
			return famBytes
		case a.Dim == estimate.Duration:
			return famDuration
		}
		return famNone
	}
	return famNone
}

// maxEvalSteps bounds the work spent on one side.
const maxEvalSteps = 10000

type evaluator struct {
	e        *Equation
	i, to    int
	alt      map[int]bool
	tight    bool
	sawTight bool
	steps    int
}

// amountAt returns the amount starting at token i.
func (ev *evaluator) amountAt(i int) (int, bool) {
	as := ev.e.amounts
	k := sort.Search(len(as), func(k int) bool { return as[k].First >= i })
	return k, k < len(as) && as[k].First == i
}

// skipNoise skips words and signs that carry no arithmetic: unit words
// between figures, dollar signs of LaTeX, table bars, code quotes.
func (ev *evaluator) skipNoise() {
	t := ev.e.t
	for ev.i < ev.to {
		ev.steps++
		if t.IsWord(ev.i) && !t.Is(ev.i, "x") {
			ev.i++
			continue
		}
		switch t.Str(ev.i) {
		case "$", "|", ",", "`", "**", "'", "\"", "&", "!", "?":
			ev.i++
			continue
		}
		return
	}
}

func (ev *evaluator) expr() (sideValue, bool) {
	ev.skipNoise()
	v, ok := ev.term()
	if !ok {
		return v, false
	}
	for ev.i < ev.to && ev.steps < maxEvalSteps {
		ev.steps++
		t := ev.e.t
		op := t.Str(ev.i)
		if op != "+" && op != "−" && !((op == "-" || op == "–") && t.Tokens[ev.i].Space) {
			break
		}
		ev.i++
		ev.skipNoise()
		w, ok := ev.term()
		if !ok {
			return v, false
		}
		if op == "+" {
			v.written += w.written
			v.base += w.base
		} else {
			v.written -= w.written
			v.base -= w.base
		}
	}
	return v, true
}

func (ev *evaluator) term() (sideValue, bool) {
	v, ok := ev.factor()
	if !ok {
		return v, false
	}
	t := ev.e.t
	for ev.i < ev.to && ev.steps < maxEvalSteps {
		ev.steps++
		ev.skipWords()
		if ev.i >= ev.to {
			break
		}
		op := t.Str(ev.i)
		switch op {
		case "×", "*", "x", "X", "·", `\times`, `\cdot`:
			if (op == "x" || op == "X") && !t.IsWord(ev.i) {
				return v, true
			}
			ev.i++
			w, ok := ev.factor()
			if !ok {
				return v, false
			}
			v.written *= w.written
			v.base *= w.base
		case "/", "÷", `\div`:
			tight := !t.Tokens[ev.i].Space && ev.i+1 < len(t.Tokens) && !t.Tokens[ev.i+1].Space
			ev.i++
			w, ok := ev.factor()
			if !ok {
				return v, false
			}
			if tight && ev.tightProduct() {
				ev.sawTight = true
				if ev.tight {
					// "600GB/24x3600": divide by the whole product.
					for ev.tightProduct() {
						ev.i++
						x, ok := ev.factor()
						if !ok {
							return v, false
						}
						w.written *= x.written
						w.base *= x.base
					}
				}
			}
			if w.written == 0 || w.base == 0 {
				return v, false
			}
			v.written /= w.written
			v.base /= w.base
		default:
			return v, true
		}
	}
	return v, true
}

// skipWords skips unit words and nouns between a figure and an operator
// ("100,000 users × 10 requests/user").
func (ev *evaluator) skipWords() {
	t := ev.e.t
	for ev.i < ev.to && t.IsWord(ev.i) && !t.Is(ev.i, "x") {
		ev.i++
	}
}

// tightProduct reports a multiplication sign written with no space on
// either side at the current token ("24x3600").
func (ev *evaluator) tightProduct() bool {
	t := ev.e.t
	if ev.i >= ev.to || ev.i+1 >= len(t.Tokens) {
		return false
	}
	switch t.Str(ev.i) {
	case "×", "*", "x", "X", `\times`:
		return !t.Tokens[ev.i].Space && !t.Tokens[ev.i+1].Space
	}
	return false
}

func (ev *evaluator) factor() (sideValue, bool) {
	ev.skipNoise()
	t := ev.e.t
	if ev.i >= ev.to {
		return sideValue{}, false
	}
	neg := false
	if s := t.Str(ev.i); s == "−" || s == "-" {
		neg = true
		ev.i++
	}
	v, ok := ev.primary()
	if !ok {
		return v, false
	}
	// An aside in parentheses right after a figure ("200 bytes (50
	// symbols x 4 bytes)") explains it; it is not multiplied.
	for ev.i < ev.to && (t.Is(ev.i, "(") || t.Is(ev.i, "[")) && t.Tokens[ev.i].Space {
		if !ev.skipGroup() {
			break
		}
	}
	if ev.i < ev.to && t.Is(ev.i, "^") {
		ev.i++
		p, ok := ev.primary()
		if !ok {
			return v, false
		}
		v.written = math.Pow(v.written, p.written)
		v.base = math.Pow(v.base, p.written)
	}
	if neg {
		v.written, v.base = -v.written, -v.base
	}
	return v, true
}

// skipGroup skips a bracketed aside; it reports false when it is not
// closed before the end of the side.
func (ev *evaluator) skipGroup() bool {
	t := ev.e.t
	depth := 0
	for j := ev.i; j < ev.to; j++ {
		switch t.Str(j) {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
			if depth == 0 {
				ev.i = j + 1
				return true
			}
		}
	}
	return false
}

func (ev *evaluator) primary() (sideValue, bool) {
	t := ev.e.t
	ev.steps++
	if ev.i >= ev.to || ev.steps > maxEvalSteps {
		return sideValue{}, false
	}
	switch t.Str(ev.i) {
	case "(", "{", "[":
		closer := map[string]string{"(": ")", "{": "}", "[": "]"}[t.Str(ev.i)]
		ev.i++
		v, ok := ev.expr()
		if !ok {
			return v, false
		}
		ev.skipWords()
		if ev.i >= ev.to || t.Str(ev.i) != closer {
			return v, false
		}
		ev.i++
		return v, true
	case `\frac`:
		ev.i++
		num, ok := ev.primary()
		if !ok {
			return num, false
		}
		den, ok := ev.primary()
		if !ok || den.written == 0 || den.base == 0 {
			return num, false
		}
		return sideValue{written: num.written / den.written, base: num.base / den.base}, true
	}
	k, ok := ev.amountAt(ev.i)
	if !ok {
		return sideValue{}, false
	}
	a := ev.e.amounts[k]
	ev.i = a.Last
	return amountValue(a, ev.alt[k]), true
}

// amountValue is a figure's written value and its value in base units per
// second: what a calculation multiplies.
func amountValue(a Amount, alt bool) sideValue {
	w := a.Written
	base := a.Value
	switch {
	case alt && a.AmbigB:
		// "50B": fifty bytes
		w = a.Written / 1e9
		base = w
	case alt && a.AmbigM:
		// "5m": five minutes
		w = a.Written / 1e6
		base = w * 60
	}
	if a.HasPer && (a.Dim == estimate.Bytes || a.Dim == estimate.Duration) {
		base /= estimate.DefaultCalendar.Seconds(a.Per)
	}
	if a.Range {
		base = (a.Lo + a.Hi) / 2
	}
	return sideValue{written: w, base: base}
}
