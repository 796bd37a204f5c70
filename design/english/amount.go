package english

import (
	"fmt"
	"math"

	"github.com/designlint/designlint/estimate"
)

// Hedge says how a figure was qualified.
type Hedge uint8

// Hedges. A hedge keeps the figure; AtMost and AtLeast also say it is a
// bound.
const (
	Exact Hedge = iota
	About
	AtMost
	AtLeast
)

// Amount is a figure as written in a text: a number with its scale, unit,
// range and period, and where it sits among the tokens.
type Amount struct {
	// Quantity holds the value in base units: bytes, seconds, fractions,
	// rates per second.
	estimate.Quantity
	// Lo and Hi are the bounds of a range ("2–5 KB"), in base units; both
	// equal Value otherwise.
	Lo, Hi float64
	Range  bool
	Hedge  Hedge
	// Multiple marks a figure written as a multiple: "3x", "4 times",
	// "twice".
	Multiple bool
	// Scaled marks a scale word or suffix (k, M, million).
	Scaled bool
	// Unit is the unit word as written, empty for none.
	Unit string
	Bits bool
	// AmbigB marks a bare "B" after the number: billion, or bytes where a
	// size is meant. AmbigM likewise marks a lower-case "m": million or
	// minutes. SpacedB marks "216 B": bytes, or billions.
	AmbigB, AmbigM, SpacedB bool
	// Words marks a number spelled out ("a dozen", "half a billion").
	Words bool
	// Pair marks a ratio written as two numbers: "100:1", "10 to 1",
	// "70/30", "1 in 20"; A and B are its terms.
	Pair bool
	A, B float64
	// Every marks a rate written as an interval: "every 10 s", "one every
	// 10 days".
	Every bool
	// HasPer marks a rate or a volume per period; Quantity.Per is the
	// period.
	HasPer bool
	// PerWhat is the word after "per" or "/" that is not a period
	// ("per user", "/server"), as token index, or -1.
	PerWhat int
	// Horizon is a duration the figure covers ("in 3 years", "for 10
	// years"), in seconds; 0 for none.
	Horizon float64
	// Noun is the token span of what is counted ("photo views"); equal
	// bounds for none.
	Noun [2]int
	// Paren marks a figure inside parentheses.
	Paren bool
	// Bad says why a figure cannot be read ("1,5 KB"); the amount is
	// kept so that its label can be reported.
	Bad string
	// Written is the figure as written with its scale and its unit's
	// prefix but no conversion (2 KB is 2000, 5 days is 5, 20% is 0.2,
	// 10M/day is 10,000,000): what a calculation written out in the text
	// multiplies.
	Written float64
	// First and Last delimit the amount's tokens, hedge included; Num is
	// the (first) number token.
	First, Last, Num int
}

// amountReader reads amounts from a text.
type amountReader struct {
	t   *Text
	cal estimate.Calendar
	// prevLast is where the figure before ends: a "≈" right after a
	// figure joins two sides of a calculation rather than hedging.
	prevLast int
}

// Amounts reads every figure in the text, in order. Numbers that are part
// of identifiers, versions, dates and vague magnitudes ("tens of
// thousands") give none.
func (t *Text) Amounts(cal estimate.Calendar) []Amount {
	r := amountReader{t: t, cal: cal, prevLast: -1}
	defer t.settle()
	var out []Amount
	paren := 0
	for i := 0; i < len(t.Tokens); {
		t.steps++
		tok := t.Tokens[i]
		if tok.Kind == Symbol {
			switch t.Src[tok.Start:tok.End] {
			case "(", "[":
				paren++
			case ")", "]":
				if paren > 0 {
					paren--
				}
			}
		}
		if !r.startsNumber(i) {
			i++
			continue
		}
		a, ok := r.read(i)
		if !ok {
			i = max(i+1, a.Last)
			continue
		}
		a.Paren = paren > 0
		out = append(out, a)
		i = a.Last
		r.prevLast = a.Last
	}
	return out
}

// startsNumber reports whether a figure may start at token i: a number that
// is not part of an identifier, or a spelled-out number.
func (r *amountReader) startsNumber(i int) bool {
	t := r.t
	if i < 0 || i >= len(t.Tokens) {
		return false
	}
	tok := t.Tokens[i]
	switch tok.Kind {
	case Number:
		return tok.Flags&(Glued|Version|Overflow) == 0
	case Word:
		l := t.Low(i)
		if i > 0 && t.IsWord(i-1) {
			switch t.Low(i - 1) {
			case "few", "several", "many", "couple", "some":
				// "a few hundred bytes": a vague magnitude
				return false
			}
		}
		if _, ok := numberWords[l]; ok {
			return l != "hundred" && l != "dozen"
		}
		if _, ok := multipleWords[l]; ok {
			return true
		}
		if l == "a" || l == "an" || l == "half" {
			// "a million", "a dozen", "a tenth", "half a billion"
			if t.IsWord(i + 1) {
				n := t.Low(i + 1)
				if s, ok := scaleOf(t.Str(i + 1)); ok && s >= 1000 && n != "m" && n != "b" && n != "k" {
					return true
				}
				if n == "dozen" || n == "hundred" || fractionWords[n] > 0 && l != "half" || l == "half" && n == "a" {
					return true
				}
			}
		}
		if isNinesWord(l) {
			return false
		}
	}
	return false
}

// read reads the figure whose number starts at token i.
func (r *amountReader) read(i int) (Amount, bool) {
	t := r.t
	a := Amount{First: i, Num: i, PerWhat: -1, Noun: [2]int{i, i}}
	a.Hedge, a.First = r.hedgeBefore(i)
	if t.Tokens[i].Flags&BadComma != 0 {
		_, _, end := r.unit(i + 1)
		a.Last = max(i+1, end)
		a.Bad = fmt.Sprintf("%q: a comma must separate groups of three digits", t.Str(i))
		a.Dim = estimate.Count
		return a, true
	}
	v, j, words, ok := r.number(i)
	if !ok {
		a.Last = j
		return a, false
	}
	a.Words = words
	a.Multiple = words && multipleWords[t.Low(i)] > 0
	// "between 10 and 20 ms"
	between := a.First > 0 && t.Is(a.First-1, "between")
	if between {
		a.First--
	}

	// Ratios written as two numbers.
	if pair, ok := r.pair(i, j, v); ok {
		pair.First = a.First
		pair.Hedge = a.Hedge
		return pair, true
	}

	scale, afterScale, sw := r.scale(j)
	j = afterScale
	lo, hi := v, v
	// A range: "5-8 million", "3–5x", "10 to 20 a day", "10M~100M".
	if k, ok := r.rangeSep(j, between); ok {
		if v2, j3, _, ok := r.number(k); ok {
			s2, j4, sw2 := r.scale(j3)
			switch {
			case sw2 != "" && sw == "":
				scale, sw = s2, sw2
			case sw2 != "" && s2 != scale:
				v *= scale / s2
				scale = s2
			}
			if v2 > v {
				lo, hi, j = v, v2, j4
				a.Range = true
			}
		}
	}
	if sw != "" {
		a.Scaled = true
		a.AmbigB = sw == "B"
		a.AmbigM = sw == "m"
	}
	lo, hi = lo*scale, hi*scale

	// The unit.
	u, uw, afterUnit := r.unit(j)
	if uw != "" {
		a.Unit = uw
		a.Bits = u.bits
		a.Multiple = a.Multiple || u.multiple
		a.AmbigB = a.AmbigB && u.dim == 0
		// "216 B" spaced: bytes, or billions with the scale spaced off.
		a.SpacedB = uw == "B" && !a.Scaled
		j = afterUnit
	}
	if a.Multiple && r.periodFollows(j) {
		// "twice a day", "5 times a day": a count per period.
		a.Multiple = false
		u = unit{}
		if uw == "times" || uw == "x" {
			a.Unit = ""
			uw = ""
			j--
		}
	}
	dim, factor := u.dim, u.factor
	if dim == 0 {
		dim, factor = estimate.Count, 1
		if a.Multiple || a.Words && hi < 1 && !a.Scaled {
			// "twice", "a tenth", "a quarter"
			dim = estimate.Ratio
		}
	}
	if uw == "" && !a.Scaled && !a.Range && isNinesAt(t, j) && lo >= 2 && lo <= 12 && lo == math.Trunc(lo) {
		// "four nines", "5 nines", "11 nines of durability"
		lo = 1 - math.Pow(10, -lo)
		hi = lo
		dim, factor = estimate.Percent, 1
		a.Unit = "nines"
		uw = "nines"
		j++
	}
	prefix := u.prefix
	if prefix == 0 || uw == "nines" {
		prefix = 1
	}
	a.Written = (lo + hi) / 2 * prefix
	lo, hi = lo*factor, hi*factor

	// What is counted, and the period.
	per, hasPer := u.per, u.hasPer
	if dim == estimate.Count || dim == estimate.Bytes || dim == estimate.Duration || dim == estimate.Rate {
		n, next := r.nounAndPeriod(j, dim)
		a.Noun = n.noun
		a.PerWhat = n.perWhat
		a.Horizon = n.horizon
		j = next
		if n.hasPer && !hasPer {
			per, hasPer = n.per, true
			if n.every > 0 {
				// "one photo every 10 days": one per ten days.
				lo /= n.every
				hi /= n.every
				a.Every = true
			}
		}
	}
	switch {
	case u.hasPer:
		// QPS, Mbps, MB/s, GB/day: the unit carried its period.
		dim = u.dim
	case hasPer && dim == estimate.Count:
		secs := r.cal.Seconds(per)
		lo, hi = lo/secs, hi/secs
		dim = estimate.Rate
	case hasPer && dim == estimate.Bytes && per <= estimate.PerHour:
		secs := r.cal.Seconds(per)
		lo, hi = lo/secs, hi/secs
		dim = estimate.ByteRate
	case dim == estimate.Duration && !hasPer && a.First > 0 && t.Is(a.First-1, "every") && lo > 0:
		// "polls every 10 s": once per interval.
		lo, hi = 1/hi, 1/lo
		dim = estimate.Rate
		per, hasPer = estimate.PerSecond, true
		a.Every = true
		a.First--
	}
	a.Last = j
	a.Lo, a.Hi = lo, hi
	a.HasPer = hasPer
	a.Per = per
	a.Dim = dim
	a.Value = (lo + hi) / 2
	a.Bare = !a.Scaled && uw == "" && !hasPer && !a.Words
	if math.IsInf(a.Value, 0) || math.IsNaN(a.Value) || a.Value < 0 {
		return a, false
	}
	return a, true
}

// periodFollows reports a period at token j: "a day", "per week", "daily".
func (r *amountReader) periodFollows(j int) bool {
	t := r.t
	if !t.IsWord(j) {
		return false
	}
	l := t.Low(j)
	if _, ok := periodAdverbs[l]; ok {
		return true
	}
	if l == "times" || l == "x" {
		return r.periodFollows(j + 1)
	}
	switch l {
	case "a", "an", "per", "each", "every":
		if t.IsWord(j + 1) {
			_, ok := periodWords[t.Low(j+1)]
			return ok
		}
	}
	return false
}

// RangeValue is the figure a range stands for: its upper bound for
// capacity-type figures, its midpoint for the rest.
func (a Amount) RangeValue(upper bool) float64 {
	if !a.Range {
		return a.Value
	}
	if upper {
		return a.Hi
	}
	return (a.Lo + a.Hi) / 2
}

// hedgeBefore finds a hedge written just before token i and returns it with
// the index where the amount starts.
func (r *amountReader) hedgeBefore(i int) (Hedge, int) {
	t := r.t
	if i == 0 {
		return Exact, i
	}
	p := t.Low(i - 1)
	switch p {
	case "~", "≈", "≃", `\sim`, "∼", `\approx`:
		if r.prevLast == i-1 || i >= 2 && (t.Is(i-2, ")") || t.Is(i-2, "}")) {
			// "A × B ≈ C": a relation, not a hedge
			return Exact, i
		}
		return About, i - 1
	case "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "circa", "ca", "some", "est", "approx.", "~=":
		return About, i - 1
	case "<", "≤", "<=", "under", "below", "max", "maximum", "within":
		return AtMost, i - 1
	case ">", "≥", ">=", "over", "above", "min", "minimum", "+":
		return AtLeast, i - 1
	case ".":
		if i >= 2 && t.Is(i-2, "approx") {
			return About, i - 2
		}
	case "to":
		if i >= 2 {
			switch t.Low(i - 2) {
			case "up":
				return AtMost, i - 2
			case "close":
				return About, i - 2
			}
		}
	case "most":
		if i >= 2 && t.Is(i-2, "at") {
			return AtMost, i - 2
		}
	case "least":
		if i >= 2 && t.Is(i-2, "at") {
			return AtLeast, i - 2
		}
	case "than":
		if i >= 2 {
			switch t.Low(i - 2) {
			case "more", "greater":
				return AtLeast, i - 2
			case "less", "fewer":
				return AtMost, i - 2
			}
		}
	case "of":
		if i >= 3 && t.Is(i-2, "order") && t.Is(i-3, "the") {
			if i >= 4 && t.Is(i-4, "on") {
				return About, i - 4
			}
			return About, i - 3
		}
	}
	return Exact, i
}

// number reads a number at token i: digits (with a power "10^6"), or
// number words ("ten thousand", "half a billion", "a dozen"). It returns
// the value, the next token and whether it was spelled out.
func (r *amountReader) number(i int) (float64, int, bool, bool) {
	t := r.t
	if i >= len(t.Tokens) {
		return 0, i, false, false
	}
	tok := t.Tokens[i]
	if tok.Kind == Number {
		if tok.Flags&(Glued|Version|Overflow) != 0 {
			return 0, i + 1, false, false
		}
		v := tok.Val
		j := i + 1
		// "10^6", "10^{6}"
		if t.Is(j, "^") && !t.Tokens[j].Space {
			k := j + 1
			brace := t.Is(k, "{")
			if brace {
				k++
			}
			if t.IsNumber(k) {
				v = math.Pow(v, t.Tokens[k].Val)
				j = k + 1
				if brace && t.Is(j, "}") {
					j++
				}
			}
		}
		return v, j, false, true
	}
	return r.numberWords(i)
}

// numberWords reads spelled-out numbers.
func (r *amountReader) numberWords(i int) (float64, int, bool, bool) {
	t := r.t
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(t.Tokens) && t.Tokens[j].Kind == Word {
		t.steps++
		w := t.Low(j)
		switch {
		case w == "a" || w == "an":
			if seen {
				// "half a billion": the a joins half and billion.
				if cur == 0.5 && t.IsWord(j+1) {
					j++
					continue
				}
				goto done
			}
			cur = 1
			seen = true
		case w == "half" && !seen:
			cur, seen = 0.5, true
		case fractionWords[w] > 0 && seen && cur == 1:
			cur = fractionWords[w]
			j++
			goto done
		case multipleWords[w] > 0 && !seen:
			return multipleWords[w], j + 1, true, true
		case w == "dozen":
			if !seen {
				cur = 1
			}
			cur *= 12
			seen = true
		case w == "hundred":
			if !seen {
				cur = 1
			}
			cur *= 100
			seen = true
		default:
			if n, ok := numberWords[w]; ok && w != "hundred" && w != "dozen" {
				if seen && cur >= 20 && n < 10 && cur == math.Trunc(cur/10)*10 {
					cur += n
				} else if seen {
					goto done
				} else {
					cur, seen = n, true
				}
				// "twenty-five"
				if t.Is(j+1, "-") && !t.Tokens[j+1].Space && t.IsWord(j+2) {
					if n2, ok := numberWords[t.Low(j+2)]; ok && n2 < 10 && n >= 20 {
						cur += n2
						j += 2
					}
				}
			} else if s, ok := scaleOf(t.Str(j)); ok && seen && s >= 1000 && w != "m" && w != "b" && w != "k" {
				total += cur * s
				cur = 0
			} else {
				goto done
			}
		}
		j++
	}
done:
	if !seen {
		return 0, i + 1, false, false
	}
	if cur == 1 && total == 0 && (t.Low(i) == "a" || t.Low(i) == "an") && j == i+1 {
		// a lone "a" is an article
		return 0, i + 1, false, false
	}
	return total + cur, j, true, true
}

// scale reads a scale word at token j ("M", "million", "k").
func (r *amountReader) scale(j int) (float64, int, string) {
	t := r.t
	if !t.IsWord(j) {
		return 1, j, ""
	}
	w := t.Str(j)
	s, ok := scaleOf(w)
	if !ok {
		return 1, j, ""
	}
	adjacent := !t.Tokens[j].Space
	switch w {
	case "m", "b", "k", "K", "M", "B", "G", "T", "MM", "mm", "bn", "mn", "tn":
		// Short scales: adjacent ("10M"), or spaced and followed by
		// something that is not a unit of their own ("10 M users").
		if !adjacent {
			if w == "m" || w == "b" || w == "B" || w == "G" || w == "T" {
				return 1, j, ""
			}
		}
		// "5m" followed by a time context reads as minutes, handled
		// by the caller through AmbigM.
	}
	j++
	// "1.5 million" may be followed by "+" ("10M+ users")
	if t.Is(j, "+") && !t.Tokens[j].Space {
		j++
	}
	return s, j, w
}

// rangeSep reports a range separator at token j and where the second
// number starts.
func (r *amountReader) rangeSep(j int, between bool) (int, bool) {
	t := r.t
	if j >= len(t.Tokens) {
		return j, false
	}
	w := t.Low(j)
	switch w {
	case "-", "–", "—", "to", "−":
		if w == "-" || w == "−" {
			// "5-8" but not "5 - 3" (a subtraction)
			if t.Tokens[j].Space != (j+1 < len(t.Tokens) && t.Tokens[j+1].Space) {
				return j, false
			}
			if t.Tokens[j].Space {
				return j, false
			}
		}
		if r.startsNumber(j+1) && (t.IsNumber(j+1) || w == "to") {
			return j + 1, true
		}
	case "~":
		if !t.Tokens[j].Space && j+1 < len(t.Tokens) && !t.Tokens[j+1].Space && t.IsNumber(j+1) {
			return j + 1, true
		}
	case "and", "&":
		if between && r.startsNumber(j+1) {
			return j + 1, true
		}
	}
	return j, false
}

// pair reads ratios written as two numbers: "100:1", "10 to 1", "70/30",
// "1 in 20".
func (r *amountReader) pair(i, j int, v float64) (Amount, bool) {
	t := r.t
	a := Amount{First: i, Num: i, PerWhat: -1, Noun: [2]int{i, i}}
	a.Hedge, a.First = r.hedgeBefore(i)
	if j+1 >= len(t.Tokens) || !t.IsNumber(j+1) || t.Tokens[j+1].Flags&(Glued|Version) != 0 {
		return a, false
	}
	sep := t.Low(j)
	b := t.Tokens[j+1].Val
	adjacent := !t.Tokens[j].Space && !t.Tokens[j+1].Space
	if j+2 < len(t.Tokens) && !t.Tokens[j+2].Space && t.IsWord(j+2) {
		if _, scaled := scaleWords[t.Low(j+2)]; scaled {
			// "10 : 1B": the second term has a scale; the colon is a
			// relation, not a ratio's
			return a, false
		}
	}
	switch sep {
	case ":":
		// "100:1", "10 : 1"; not a clock time "12:30" nor a table
		// cell boundary.
		if b <= 0 || t.Is(j+2, ":") {
			return a, false
		}
		if bt := t.Str(j + 1); len(bt) == 2 && adjacent && (bt[0] == '0' || t.IsWord(j+2) && clockWords[t.Low(j+2)] || i > 0 && t.Is(i-1, "at")) {
			// "9:30 am", "12:00 UTC", "at 18:45"
			return a, false
		}
	case "/":
		// "70/30", "80/20", "1/250": a split or a fraction, written
		// tight; not "24/7" nor "301/302".
		if !adjacent || b <= 0 || v+b != 100 && v != 1 || t.IsWord(j+2) && !t.Tokens[j+2].Space {
			return a, false
		}
		if _, isPer := periodWords[t.Low(j+1)]; isPer {
			return a, false
		}
	case "in":
		// "1 in 20"
		if v != 1 || b <= 1 {
			return a, false
		}
	case "to":
		// "10 to 1", "5 to 1"
		if b != 1 || v <= 1 {
			return a, false
		}
	default:
		return a, false
	}
	a.Pair = true
	a.A, a.B = v, b
	a.Last = j + 2
	a.Dim = estimate.Ratio
	switch sep {
	case "in", "/":
		if sep == "/" && v+b == 100 {
			// "70/30": a split; Value is the first share.
			a.Value = v / 100
		} else {
			a.Value = v / b
		}
	default:
		a.Value = v / b
	}
	a.Lo, a.Hi = a.Value, a.Value
	a.Written = a.Value
	return a, true
}

// unit reads a unit at token j: "KB", "ms", "%", "x", "QPS", "req/s",
// "Gb/s".
func (r *amountReader) unit(j int) (unit, string, int) {
	t := r.t
	if j >= len(t.Tokens) {
		return unit{}, "", j
	}
	tok := t.Tokens[j]
	w := t.Str(j)
	adjacent := !tok.Space
	if tok.Kind == Symbol {
		switch w {
		case "%":
			return unitsLower["%"], w, j + 1
		case "×", "*":
			// "3×" but not "3 × 4"; "3 × average"
			if adjacent && w == "×" && !r.startsNumber(j+1) && !t.Is(j+1, "(") || averageWord(t, j+1) {
				return unitsLower["x"], "x", j + 1
			}
		case "-":
			// "5-year retention", "64-bit", "three-way replication"
			if adjacent && t.IsWord(j+1) && !t.Tokens[j+1].Space {
				if u, ok := unitOf(t.Str(j + 1)); ok {
					return u, t.Str(j + 1), j + 2
				}
				if l := t.Low(j + 1); l == "way" || l == "fold" {
					return unitsLower["x"], l, j + 2
				}
			}
		}
		return unit{}, "", j
	}
	if tok.Kind != Word {
		return unit{}, "", j
	}
	l := t.Low(j)
	if l == "x" || l == "times" {
		// "3x", "3 x" before a noun, "4 times the average"; not "3 x 4".
		if r.startsNumber(j+1) || !adjacent && t.Is(j+1, "(") || l == "x" && !adjacent && !t.IsWord(j+1) {
			return unit{}, "", j
		}
		return unitsLower[l], l, j + 1
	}
	if l == "per" && t.Is(j+1, "cent") {
		return unitsLower["percent"], "percent", j + 2
	}
	u, ok := unitOf(w)
	if !ok {
		return unit{}, "", j
	}
	// Rate units written with a slash: "req/s", "ops/sec", "Gb/s",
	// "MB/s". A byte unit followed by "/s" becomes a byte rate.
	k := j + 1
	if t.Is(k, "/") && !t.Tokens[k].Space && t.IsWord(k+1) && !t.Tokens[k+1].Space {
		if p, ok := periodWords[t.Low(k+1)]; ok {
			switch u.dim {
			case estimate.Bytes:
				rate := u
				rate.dim = estimate.ByteRate
				rate.factor = u.factor / r.cal.Seconds(p)
				rate.per, rate.hasPer = p, true
				if p > estimate.PerHour {
					// "35 GB/day" is a day's volume.
					rate = u
					rate.per, rate.hasPer = p, true
				}
				return rate, w, k + 2
			}
		}
	}
	if l == "h" || l == "d" || l == "w" || l == "y" {
		// One-letter time units right after the number ("5s", "24h",
		// "5y") or standing alone ("every 10 s", "0.2 s.").
		if !adjacent && t.IsWord(j+1) && !t.Is(j+1, "per") {
			return unit{}, "", j
		}
	}
	if (l == "us" || l == "min" || l == "mo") && !adjacent && t.IsWord(j+1) {
		// "10 us users", "2 min read": only as units when nothing
		// wordy follows.
		if _, ok := periodWords[t.Low(j+1)]; !ok && l == "us" {
			return unit{}, "", j
		}
	}
	return u, w, j + 1
}

// nounPeriod is what follows a number: the noun counted and the period.
type nounPeriod struct {
	noun    [2]int
	per     estimate.Period
	hasPer  bool
	every   float64 // "every 10 days": the count of periods
	perWhat int
	horizon float64
}

// nounAndPeriod reads the noun after a figure ("photos", "new URLs", "of
// new paste content") and a period ("per day", "a month", "/s", "every
// 10 days", "daily"), stopping at punctuation, another figure or a word
// that starts a new clause.
func (r *amountReader) nounAndPeriod(j int, dim estimate.Dim) (nounPeriod, int) {
	t := r.t
	n := nounPeriod{noun: [2]int{j, j}, perWhat: -1}
	nounEnd := j
	words := 0
	plural := false
	k := j
	for k < len(t.Tokens) && words <= 5 {
		t.steps++
		tok := t.Tokens[k]
		l := t.Low(k)
		if tok.Line {
			// a line the author broke ends the figure's noun
			break
		}
		if tok.Kind == Symbol {
			if l == "/" && !tok.Space && t.IsWord(k+1) {
				// "/day", "/user/day", "/s"
				if p, ok := periodWords[t.Low(k+1)]; ok {
					n.per, n.hasPer = p, true
					return n.withNoun(j, nounEnd), k + 2
				}
				if n.perWhat < 0 {
					n.perWhat = k + 1
				}
				k += 2
				nounEnd = k
				continue
			}
			break
		}
		if tok.Kind == Number {
			break
		}
		switch l {
		case "per":
			if t.IsWord(k + 1) {
				if p, ok := periodWords[t.Low(k+1)]; ok {
					n.per, n.hasPer = p, true
					return n.withNoun(j, nounEnd), k + 2
				}
				if n.perWhat < 0 {
					n.perWhat = k + 1
				}
				k += 2
				nounEnd = k
				words++
				continue
			}
			return n.withNoun(j, nounEnd), k
		case "a", "an", "each", "every":
			if t.IsWord(k + 1) {
				if p, ok := periodWords[t.Low(k+1)]; ok && !(dim == estimate.Duration && l != "a" && l != "an") {
					n.per, n.hasPer = p, true
					return n.withNoun(j, nounEnd), k + 2
				}
			}
			if l == "every" && r.startsNumber(k+1) && dim != estimate.Duration {
				// "one photo every 10 days"
				v, m, _, ok := r.number(k + 1)
				if ok && t.IsWord(m) {
					if p, ok := periodWords[t.Low(m)]; ok && v > 0 {
						n.per, n.hasPer, n.every = p, true, v
						return n.withNoun(j, nounEnd), m + 1
					}
				}
			}
			return n.withNoun(j, nounEnd), k
		case "in", "over", "for":
			// "450 GB of new content in 3 years": a horizon.
			if dim == estimate.Bytes || dim == estimate.Count {
				if v, m, _, ok := r.number(k + 1); ok && t.IsWord(m) {
					if u, ok := unitOf(t.Str(m)); ok && u.dim == estimate.Duration && u.factor >= 86400 {
						n.horizon = v * u.factor
						return n.withNoun(j, nounEnd), m + 1
					}
				}
			}
			return n.withNoun(j, nounEnd), k
		}
		if p, ok := periodAdverbs[l]; ok {
			// "daily" ends a figure; "daily active users" is an
			// adjective.
			if t.IsWord(k+1) && !nounStop[t.Low(k+1)] {
				break
			}
			n.per, n.hasPer = p, true
			return n.withNoun(j, nounEnd), k + 1
		}
		if nounStop[l] {
			// "are posted per day": let a passive verb through.
			if (l == "are" || l == "is" || l == "get" || l == "gets" || l == "be" || l == "being") && t.IsWord(k+1) && hasSuffix(t.Low(k+1), "ed") {
				k += 2
				continue
			}
			break
		}
		if dim == estimate.Duration && words >= 0 {
			// A duration's noun is short: "5 years of history".
			if l != "of" && words >= 1 {
				break
			}
		}
		if plural && l != "of" && !hasSuffix(l, "ed") {
			// "16 consumers drains": after a plural noun a verb follows
			break
		}
		k++
		words++
		if l != "of" {
			nounEnd = k
			plural = plural || isPlural(l)
		}
	}
	return n.withNoun(j, nounEnd), nounEnd
}

// isPlural reports a plural noun: "photos", "people", "data".
func isPlural(l string) bool {
	switch l {
	case "people", "data", "media", "content", "traffic", "children", "men", "women":
		return true
	case "is", "was", "has", "does", "this", "its", "us", "as", "plus", "thus", "always":
		return false
	}
	return len(l) > 2 && l[len(l)-1] == 's' && l[len(l)-2] != 's'
}

func (n nounPeriod) withNoun(j, end int) nounPeriod {
	n.noun = [2]int{j, end}
	return n
}

// nounStop ends a noun phrase.
var nounStop = map[string]bool{
	"and": true, "or": true, "but": true, "which": true, "that": true, "if": true, "when": true, "with": true,
	"while": true, "so": true, "because": true, "since": true, "at": true, "to": true, "is": true, "are": true,
	"was": true, "were": true, "will": true, "would": true, "should": true, "can": true, "could": true,
	"be": true, "being": true, "get": true, "gets": true, "we": true, "it": true, "they": true, "i": true,
	"than": true, "then": true, "the": true, "on": true, "by": true, "from": true, "into": true, "as": true,
	"this": true, "these": true, "has": true, "have": true, "had": true, "do": true, "does": true, "using": true,
	"via": true, "where": true, "whereas": true, "plus": true, "vs": true, "versus": true, "e": true, "i.e": true,
	"after": true, "before": true, "during": true, "until": true, "under": true, "not": true, "each": true,
}

// averageWord reports "average", "mean" or "baseline" at token j: "3 ×
// average QPS" is a multiple.
func averageWord(t *Text, j int) bool {
	switch {
	case t.Is(j, "average"), t.Is(j, "avg"), t.Is(j, "mean"), t.Is(j, "baseline"), t.Is(j, "normal"):
		return true
	case t.Is(j, "the"):
		return averageWord(t, j+1)
	}
	return false
}

// clockWords follow a clock time.
var clockWords = map[string]bool{"am": true, "pm": true, "utc": true, "gmt": true, "z": true, "local": true}

func hasSuffix(s, suf string) bool { return len(s) > len(suf) && s[len(s)-len(suf):] == suf }

func isNinesWord(l string) bool { return l == "nines" || l == "9s" }

func isNinesAt(t *Text, j int) bool { return t.IsWord(j) && isNinesWord(t.Low(j)) }
