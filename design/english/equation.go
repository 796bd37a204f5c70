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
	// first is the first amount of the calculation, whose words say
	// what its result counts; -1 when there is none.
	first int
}

// relation reports whether token i joins two sides of a calculation.
func (t *Text) relation(i int, afterAmount bool) bool {
	switch t.Str(i) {
	case "=", "==":
		// "min.insync.replicas=2", "RF=3": an assignment, not a relation
		return !(t.IsWord(i-1) && !t.Tokens[i].Space && i+1 < len(t.Tokens) && !t.Tokens[i+1].Space)
	case "≈", "≃", "→", "->", "=>", "⇒", `\approx`, `\to`, `\rightarrow`, `\Rightarrow`, `\simeq`, `\equiv`, "≅":
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
	m := eqMarks{operand: fr.marks(), result: fr.marks(), first: -1}
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
			if a.Paren && cur.n > 0 {
				// "10 searches (10:1 read-to-write ratio)": an aside
				i = a.Last - 1
				continue
			}
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
		if (t.Is(i, "-") || t.Is(i, "–") || t.Is(i, "—")) && t.Tokens[i].Space && t.IsWord(i-1) && t.IsNumber(i+1) {
			// "Read - 200M reads a day QPS - 200M / 86,400 = 2,300": a
			// dash after words ends a description; the calculation
			// starts after it.
			cur = eqSide{from: i + 1, first: -1}
			lastWasAmount = false
			continue
		}
		if len(sides) == 0 && cur.n > 0 && !cur.ops {
			// "each user uploads 2 a day, so uploads come to 10M × 2 =
			// 20M", "kept for 2 years: 19 GB × 730": what comes before
			// the clause is not an operand (after a label a clause stays
			// one: the label names the result)
			if s.label == 0 && fr.ctx.Label == "" && t.Is(i, ",") && t.startsClause(i+1) {
				cur = eqSide{from: i + 2, first: -1}
				lastWasAmount = false
				i++
				continue
			}
			if t.Is(i, ":") && t.IsWord(i-1) {
				cur = eqSide{from: i + 1, first: -1}
				lastWasAmount = false
				continue
			}
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
	// Sides without figures do not take part ("Assume peak = 3 × average"),
	// nor does a description that states one figure in words ("20% of
	// daily queries are new = 100M × 0.2").
	var real []eqSide
	for i, sd := range sides {
		if sd.n == 0 || i == 0 && len(sides) > 1 && sd.n == 1 && !sd.ops && fr.descriptive(sd) {
			continue
		}
		real = append(real, sd)
	}
	if len(real) < 2 {
		return m
	}
	anyOps := false
	for _, sd := range real {
		anyOps = anyOps || sd.ops
	}
	k = 0
	for si, sd := range real {
		last := si == len(real)-1
		for k < len(s.amounts) && fr.amounts[s.amounts[k]].First < sd.from {
			k++
		}
		for ; k < len(s.amounts) && fr.amounts[s.amounts[k]].First < sd.to; k++ {
			ai := s.amounts[k]
			if a := fr.amounts[ai]; a.Paren && ai != sd.first && t.Is(a.First-1, "(") && (t.IsWord(a.Last) || t.Is(a.Last, ")")) {
				// "10 searches (10:1 read-to-write ratio)": an aside,
				// read as any figure
				continue
			}
			// The result of a calculation is a claim; that of a
			// conversion ("1 request per second = 2.5 million requests
			// per month") is neither an input nor a claim.
			switch {
			case last && !sd.ops && anyOps && fr.amounts[ai].First == fr.amounts[sd.first].First:
				m.result[ai] = true
			case last && !sd.ops && anyOps:
				// "= 46 — so peak is about 230 TPS": a comment after the
				// result is read as any sentence
			case !last && si > 0 && sd.ops && ai == sd.first && real[si-1].ops && real[si-1].n >= 2 && fr.amounts[ai].Dim != estimate.Bytes:
				// "100M × 0.2 = 20M new searches × 20 bytes = 400 MB": the
				// link a chain goes on from is the result before it
				m.result[ai] = true
			case !last && si > 0 && sd.n == 1 && !sd.ops && real[si-1].ops && fr.amounts[ai].Dim != estimate.Bytes:
				// "10M × 10 = 100M a day = 100,000,000 / 86,400 = 1,160":
				// a link of a chain is the result of the side before it
				// (a size there is often a day's traffic on its way to a
				// rate, read as the rate)
				m.result[ai] = true
			default:
				m.operand[ai] = true
			}
		}
	}
	m.first = real[0].first
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

// startsClause reports a word that starts, after a comma, a clause a
// calculation may follow as a new thought: one that announces a result
// ("so", "hence", "giving", "in total"), "which" or "meaning".
func (t *Text) startsClause(i int) bool {
	if !t.IsWord(i) {
		return false
	}
	l := t.Low(i)
	return l == "which" || l == "meaning" || wordConcepts(l).has(cResult)
}

// descriptive reports a side that is one figure followed by several words:
// a statement, not a value.
func (fr *figureReader) descriptive(sd eqSide) bool {
	t := fr.t
	a := fr.amounts[sd.first]
	words := 0
	for i := a.Last; i < sd.to; i++ {
		if t.IsWord(i) {
			words++
		}
	}
	return words >= 3
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
		// "100M × 0.2 = 20M new searches × 20 bytes = 400 MB": a running
		// calculation, whose next side starts with the result so far.
		if e.sides[i+1].ops {
			first := e.firstTerm(e.sides[i+1])
			if len(first) > 0 && holds(e.sides[i], eqSide{n: 1}, l, first, maxRatio) {
				continue
			}
		}
		// Report the reading that comes closest.
		best, rv := l[0], r[0]
		for _, a := range l {
			for _, b := range r {
				if disagreement(a.written, b.written) < disagreement(best.written, rv.written) {
					best, rv = a, b
				}
			}
		}
		from := e.sides[i].from
		if k := e.firstAmount(e.sides[i]); k < len(e.amounts) && e.amounts[k].First < e.sides[i].to {
			from = e.amounts[k].First
		}
		mm := Mismatch{
			Left:      e.t.Between(from, e.sides[i].to),
			Right:     e.t.Between(e.sides[i+1].from, e.sides[i+1].to),
			LeftValue: best.written, RightValue: rv.written,
			Ratio: disagreement(best.written, rv.written),
		}
		mm.Start = e.t.Tokens[from].Start
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
	if restatement && (l[0].dims == famNone || r[0].dims == famNone || l[0].dims != r[0].dims) {
		// "10 categories per user = 100 million items": shorthand that
		// cannot be checked.
		return true
	}
	if restatement {
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
			// Bits on one side and bytes on the other with no factor of
			// 8 between them: only the units can say ("1B × 30 bytes /
			// 86,400 = 300 Kbps").
			unitsOnly := a.bits != b.bits && (a.bytes || b.bytes) && !a.eight && !b.eight
			if !unitsOnly && disagreement(a.written, b.written) <= maxRatio || disagreement(a.base, b.base) <= maxRatio {
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
	// bits and bytes say which the side's units count; eight says it
	// multiplies or divides by 8 (a conversion between them).
	bits, bytes, eight bool
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
	for i := e.firstAmount(sd); i < len(e.amounts) && e.amounts[i].First < sd.to; i++ {
		if a := e.amounts[i]; (a.AmbigB || a.AmbigM || a.SpacedB) && len(amb) < 3 {
			amb = append(amb, i)
		}
	}
	if sd.from > e.sides[0].from && sd.n > 1 && !sd.ops {
		// "= 40 MB/s on average, 80 MB/s at peak": the first figure is
		// the result, the rest a comment.
		return e.firstTerm(sd)
	}
	out := e.evaluateFrom(sd, sd.from, amb)
	if len(out) == 0 {
		// "Given 100,000 users, 100,000 × 10 = 1M": what comes before the
		// last comma, colon or dollar sign introduces the calculation.
		for i := sd.to - 1; i > sd.from; i-- {
			if s := e.t.Str(i); s == "," || s == ":" || s == "$" {
				return e.evaluateFrom(sd, i+1, amb)
			}
		}
	}
	return out
}

// evaluateFrom reads a side from token from under each reading.
func (e Equation) evaluateFrom(sd eqSide, from int, amb []int) []sideValue {
	var out []sideValue
	for mask := 0; mask < 1<<len(amb); mask++ {
		for _, tight := range [2]bool{false, true} {
			ev := evaluator{e: &e, to: sd.to, i: from, tight: tight}
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
			v.bits, v.bytes, v.eight = ev.bits, ev.bytes, ev.eight
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

// firstTerm reads the first figure of a side alone.
func (e Equation) firstTerm(sd eqSide) []sideValue {
	i := e.firstAmount(sd)
	if i >= len(e.amounts) || e.amounts[i].First >= sd.to {
		return nil
	}
	return []sideValue{amountValue(e.amounts[i], false)}
}

// family is the unit family of the single figure on a side.
func (e Equation) family(sd eqSide) unitFamily {
	if i := e.firstAmount(sd); i < len(e.amounts) && e.amounts[i].First < sd.to {
		a := e.amounts[i]
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
	}
	return famNone
}

// firstAmount returns the index of the first amount on a side.
func (e Equation) firstAmount(sd eqSide) int {
	return sort.Search(len(e.amounts), func(k int) bool { return e.amounts[k].First >= sd.from })
}

// maxEvalSteps bounds the work spent on one side.
const maxEvalSteps = 10000

type evaluator struct {
	e                  *Equation
	i, to              int
	alt                map[int]bool
	tight              bool
	sawTight           bool
	steps              int
	bits, bytes, eight bool
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
		case "$", "|", ",", "`", "**", "'", "\"", "&", "!", "?", ".", ";", ":":
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
	// symbols x 4 bytes)", "0.2(cache factor)") explains it; it is not
	// multiplied.
	for ev.i < ev.to && (t.Is(ev.i, "(") || t.Is(ev.i, "[")) && (t.Tokens[ev.i].Space || !ev.groupHasNumber()) {
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

// groupHasNumber reports a number inside the bracket at the current token.
func (ev *evaluator) groupHasNumber() bool {
	t := ev.e.t
	for j := ev.i + 1; j < ev.to; j++ {
		if t.Is(j, ")") || t.Is(j, "]") {
			return false
		}
		if t.IsNumber(j) {
			return true
		}
	}
	return false
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
	switch {
	case a.Bits:
		ev.bits = true
	case a.Dim == estimate.Bytes || a.Dim == estimate.ByteRate:
		ev.bytes = true
	case a.Bare && a.Value == 8:
		ev.eight = true
	}
	return amountValue(a, ev.alt[k]), true
}

// amountValue is a figure's written value and its value in base units per
// second: what a calculation multiplies.
func amountValue(a Amount, alt bool) sideValue {
	w := a.Written
	base := a.Value
	switch {
	case alt && a.SpacedB:
		// "216 B": 216 billion
		w = a.Written * 1e9
		base = w
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

// Factor is a figure a calculation multiplies by, or divides by.
type Factor struct {
	Amount
	Divide bool
	// Start and End are its byte span in the text.
	Start, End int
}

// Factors reads a calculation written as a product: the figures its first
// side multiplies or divides ("2M × 300 KB / 86,400"; a division by a
// parenthesised or tight product divides by each: "/ (24 × 3600)",
// "/24x3600"), and the figure its last side comes to. ok is false for a
// sum, a difference or a calculation of another shape.
func (e Equation) Factors() (factors []Factor, result Factor, ok bool) {
	if len(e.sides) < 2 {
		return nil, Factor{}, false
	}
	t := e.t
	first, last := e.sides[0], e.sides[len(e.sides)-1]
	if last.n != 1 || last.ops {
		return nil, Factor{}, false
	}
	ri := e.firstAmount(last)
	if ri >= len(e.amounts) {
		return nil, Factor{}, false
	}
	ra := e.amounts[ri]
	result = Factor{Amount: ra, Start: t.Tokens[ra.First].Start, End: t.Tokens[ra.Last-1].End}
	divide, group, tight := false, 0, false
	for i := first.from; i < first.to; i++ {
		t.steps++
		if k, at := (&evaluator{e: &e}).amountAt(i); at && k < len(e.amounts) {
			a := e.amounts[k]
			if a.Last > first.to {
				return nil, Factor{}, false
			}
			if a.Paren && len(factors) > 0 && t.Is(a.First-1, "(") && (t.IsWord(a.Last) || t.Is(a.Last, ")")) {
				// "600MB (1 video avg size)": an aside, no factor
				i = a.Last - 1
				continue
			}
			factors = append(factors, Factor{Amount: a, Divide: divide, Start: t.Tokens[a.First].Start, End: t.Tokens[a.Last-1].End})
			if group == 0 && !tight {
				divide = false
			}
			i = a.Last - 1
			continue
		}
		switch s := t.Str(i); s {
		case "/", "÷", `\div`:
			divide = true
			tight = !t.Tokens[i].Space && i+1 < len(t.Tokens) && !t.Tokens[i+1].Space
		case "(":
			if divide {
				group++
			}
		case ")":
			if group > 0 {
				group--
				if group == 0 {
					divide = false
				}
			}
		case "×", "*", "·", `\times`, `\cdot`, "x", "X":
			if (s == "x" || s == "X") && !t.IsWord(i) {
				continue
			}
			if tight && t.Tokens[i].Space {
				tight, divide = false, false
			}
		case "+", "−", "-", "–":
			if s == "+" || s == "−" || t.Tokens[i].Space {
				return nil, Factor{}, false
			}
		}
	}
	billions(factors, &result)
	return factors, result, len(factors) > 0
}

// billions reads an ambiguous "B" in a product as the calculation needs
// it: "216B × 10,000 bytes" multiplies one size at most, so 216B counts
// billions; "3 × 12 × 200M × 30 = 216 B" multiplies no size, so its
// result counts billions too.
func billions(factors []Factor, result *Factor) {
	sizes := 0
	for _, f := range factors {
		if f.Dim == estimate.Bytes || f.Dim == estimate.ByteRate {
			sizes++
		}
	}
	toCount := func(a *Amount) {
		a.Written *= 1e9
		a.Value = a.Written
		a.Dim = estimate.Count
		a.Unit = ""
		a.Bare = false
		a.Scaled = true
		a.AmbigB, a.SpacedB = false, false
	}
	for i := range factors {
		if f := &factors[i]; sizes >= 2 && (f.AmbigB || f.SpacedB) && f.Dim == estimate.Bytes && !f.HasPer {
			toCount(&f.Amount)
			sizes--
		}
	}
	if sizes == 0 && (result.AmbigB || result.SpacedB) && result.Dim == estimate.Bytes && !result.HasPer {
		toCount(&result.Amount)
	}
}
