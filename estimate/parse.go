package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseError says why a text is not a quantity.
type ParseError struct {
	Input  string
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%q is not a quantity: %s", e.Input, e.Reason)
}

// Parser reads quantities. Its calendar converts months into seconds.
type Parser struct {
	Calendar Calendar
}

// Parse reads s as a quantity with no expectation of its dimension; see
// Parser.Parse.
func Parse(s string) (Quantity, error) {
	return Parser{Calendar: DefaultCalendar}.Parse(s, 0)
}

// Parse reads the whole of s as one quantity: a number (10, 1.5, 2,000,000,
// 1e6), an optional scale (k, M, B, thousand, million, billion), an optional
// unit (KB, KiB, Gb, ms, years, %, x, TPS) and an optional period (/s, per
// day). Words naming what is counted ("10 million daily active users") are
// allowed after the number and ignored.
//
// want, when not zero, is the dimension the caller expects; it settles the
// two readings designlint otherwise refuses to guess: a lower-case m (million
// or minutes) and a bare B (billion or bytes). It does not convert: the
// result may still have another dimension, which the caller checks.
func (p Parser) Parse(s string, want Dim) (Quantity, error) {
	r := reader{s: s, cal: p.Calendar, want: want, whole: true}
	q, err := r.quantity()
	if err != nil {
		return Quantity{}, &ParseError{Input: s, Reason: err.Error()}
	}
	return q, nil
}

// Match is a quantity found inside a longer text by Scan.
type Match struct {
	Start, End int // byte offsets of the quantity's text
	Quantity   Quantity
}

// Scan finds every quantity written in text, in order. Numbers that are part
// of words or identifiers (v2, p99, ISO-8601) are skipped, and so is any
// number whose unit is ambiguous: prose is read on a best-effort basis, and a
// guess is worse than nothing.
func (p Parser) Scan(text string) []Match {
	var out []Match
	for i := 0; i < len(text); {
		c := text[i]
		if !isDigit(c) || (i > 0 && !numberMayStartAfter(text, i)) {
			i++
			continue
		}
		r := reader{s: text, i: i, cal: p.Calendar}
		start := i
		q, err := r.quantity()
		if err != nil || r.i <= start {
			// Skip the rest of this run of digits.
			for i < len(text) && (isDigit(text[i]) || text[i] == '.' || text[i] == ',') {
				i++
			}
			continue
		}
		out = append(out, Match{Start: start, End: r.i, Quantity: q})
		i = r.i
	}
	return out
}

// numberMayStartAfter reports whether a number may begin at text[i]: not in
// the middle of a word (p99, v2, x86), a version or a date.
func numberMayStartAfter(text string, i int) bool {
	prev := text[i-1]
	if isLetter(prev) || isDigit(prev) || prev == '_' || prev == '.' || prev == '-' || prev == '/' || prev == '#' {
		return false
	}
	return true
}

type reader struct {
	s     string
	i     int
	cal   Calendar
	want  Dim
	whole bool // the entire string must be the quantity
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func (r *reader) peek() byte {
	if r.i < len(r.s) {
		return r.s[r.i]
	}
	return 0
}

func (r *reader) skipSpaces() {
	for r.i < len(r.s) && (r.s[r.i] == ' ' || r.s[r.i] == '\t') {
		r.i++
	}
}

func (r *reader) hasPrefix(p string) bool { return strings.HasPrefix(r.s[r.i:], p) }

// unitState accumulates what the words after the number say.
type unitState struct {
	scale     float64 // multiplier from scale words
	scaleWord string
	dim       Dim // dimension named by a unit, 0 for a count
	unitMul   float64
	per       Period
	hasPer    bool
	ambigM    bool // a lower-case m whose meaning is still open
	ambigB    bool // an upper-case B whose meaning is still open
	nouns     int
	unitWord  string
}

func (r *reader) quantity() (Quantity, error) {
	if r.whole {
		r.s = strings.TrimSpace(r.s)
		if r.s == "" {
			return Quantity{}, fmt.Errorf("empty")
		}
		for _, p := range []string{"~", "≈", "±"} {
			if r.hasPrefix(p) {
				if p == "±" {
					return Quantity{}, fmt.Errorf("a tolerance is not a value")
				}
				r.i += len(p)
				r.skipSpaces()
			}
		}
		if r.hasPrefix("-") || r.hasPrefix("−") {
			return Quantity{}, fmt.Errorf("negative values are not allowed")
		}
		if r.hasPrefix("+") {
			return Quantity{}, fmt.Errorf("write the number without a sign")
		}
	}
	v, err := r.number()
	if err != nil {
		return Quantity{}, err
	}
	// "10:1" is a ratio.
	if r.peek() == ':' && r.i+1 < len(r.s) && isDigit(r.s[r.i+1]) {
		r.i++
		d, err := r.number()
		if err != nil {
			return Quantity{}, err
		}
		if d == 0 {
			return Quantity{}, fmt.Errorf("ratio with a zero denominator")
		}
		return r.finish(Quantity{Value: v / d, Dim: Ratio})
	}
	st := unitState{scale: 1, unitMul: 1}
	bare := true
	for {
		save := r.i
		r.skipSpaces()
		if r.i >= len(r.s) {
			break
		}
		c := r.s[r.i]
		switch {
		case c == '%':
			if st.dim != 0 || st.scaleWord != "" {
				return Quantity{}, fmt.Errorf("%% after a unit")
			}
			r.i++
			st.dim, st.unitMul, st.unitWord = Percent, 0.01, "%"
			bare = false
			continue
		case (c == '/' || r.wordIs("per")) && (st.dim == Percent || st.dim == Ratio || st.dim == Duration):
			// "99.9% per month", "3x per day", "5 min per session":
			// the period describes the figure, it does not make a rate.
			if r.whole {
				r.i = len(r.s)
			} else {
				r.i = save
			}
			return r.build(st, v, bare)
		case c == '/' || r.wordIs("per"):
			if c == '/' {
				r.i++
			} else {
				r.i += 3
			}
			r.skipSpaces()
			w := r.word()
			if w == "" {
				if r.whole {
					return Quantity{}, fmt.Errorf("nothing after %q", "/")
				}
				r.i = save
				return r.build(st, v, bare)
			}
			if per, ok := periodWord(w); ok {
				if st.hasPer {
					return Quantity{}, fmt.Errorf("two periods")
				}
				st.per, st.hasPer = per, true
				bare = false
				continue
			}
			// "requests/user", "per post": what the number is per is
			// not a period; keep reading ("requests/user/day").
			st.nouns++
			bare = false
			continue
		case strings.HasPrefix(r.s[r.i:], "×") && r.i == save:
			r.i += len("×")
			st.dim, st.unitWord = Ratio, "x"
			bare = false
			continue
		case isLetter(c) || strings.HasPrefix(r.s[r.i:], "µ") || strings.HasPrefix(r.s[r.i:], "μ"):
			w := r.word()
			adjacent := save == r.i-len(w) // no space between number and word
			ok, err := r.unitWord(&st, w, adjacent)
			if err != nil {
				return Quantity{}, err
			}
			if !ok {
				// An ordinary word: what is counted. In a whole
				// value the rest is description; in prose stop,
				// unless a period follows shortly ("100 requests
				// per user per day").
				if r.whole {
					st.nouns++
					bare = false
					continue
				}
				if r.periodAhead(&st) {
					bare = false
					continue
				}
				r.i = save
				return r.build(st, v, bare)
			}
			bare = false
			continue
		case c == '-' && r.i == save && r.i+1 < len(r.s) && isLetter(r.s[r.i+1]):
			// "5-year retention", "3-node cluster"
			r.i++
			continue
		}
		r.i = save
		break
	}
	q, err := r.build(st, v, bare)
	if err != nil {
		return Quantity{}, err
	}
	return r.finish(q)
}

// finish checks that a whole value has nothing left but words.
func (r *reader) finish(q Quantity) (Quantity, error) {
	if !r.whole {
		return q, nil
	}
	r.skipSpaces()
	rest := r.s[r.i:]
	for _, c := range rest {
		switch {
		case c < utf8.RuneSelf && (isLetter(byte(c)) || strings.ContainsRune(" -'().", c)):
		case c >= utf8.RuneSelf && unicode.IsLetter(c), unicode.IsSpace(c), unicode.IsSymbol(c) && !unicode.IsDigit(c):
		default:
			return Quantity{}, fmt.Errorf("unexpected %q", rest)
		}
	}
	return q, nil
}

// periodAhead looks past up to four plain words for a period ("requests per
// user per day"), consuming them when one is found.
func (r *reader) periodAhead(st *unitState) bool {
	j := r.i
	for n := 0; n < 5; n++ {
		k := j
		for k < len(r.s) && r.s[k] == ' ' {
			k++
		}
		var w string
		if k < len(r.s) && r.s[k] == '/' {
			w = "/"
		} else {
			e := k
			for e < len(r.s) && (isLetter(r.s[e]) || r.s[e] == '-') {
				e++
			}
			w = r.s[k:e]
			if w == "" {
				return false
			}
			j = e
		}
		if w == "/" || strings.EqualFold(w, "per") || strings.EqualFold(w, "a") && n > 0 || strings.EqualFold(w, "each") && n > 0 {
			if w == "/" {
				j = k + 1
			}
			for j < len(r.s) && r.s[j] == ' ' {
				j++
			}
			e := j
			for e < len(r.s) && isLetter(r.s[e]) {
				e++
			}
			if per, ok := periodWord(r.s[j:e]); ok {
				st.per, st.hasPer = per, true
				r.i = e
				return true
			}
			if w == "/" || strings.EqualFold(w, "per") {
				// "per user": keep looking for the period
				j = e
				n++
				continue
			}
			return false
		}
		if _, ok := periodWord(w); ok && n > 0 && (strings.EqualFold(w, "daily") || strings.EqualFold(w, "monthly")) {
			return false
		}
		if stopWord(w) {
			return false
		}
	}
	return false
}

func stopWord(w string) bool {
	switch strings.ToLower(w) {
	case "and", "or", "of", "with", "for", "in", "at", "to", "from", "on", "by", "is", "are", "was", "be", "the", "which", "that", "than", "if", "when", "we", "it":
		return true
	}
	return false
}

func (r *reader) wordIs(w string) bool {
	if !strings.HasPrefix(strings.ToLower(r.s[r.i:min(len(r.s), r.i+len(w))]), w) {
		return false
	}
	e := r.i + len(w)
	return e >= len(r.s) || !isLetter(r.s[e])
}

// word reads a run of letters (and µ).
func (r *reader) word() string {
	start := r.i
	for r.i < len(r.s) {
		if isLetter(r.s[r.i]) {
			r.i++
			continue
		}
		if strings.HasPrefix(r.s[r.i:], "µ") {
			r.i += len("µ")
			continue
		}
		if strings.HasPrefix(r.s[r.i:], "μ") {
			r.i += len("μ")
			continue
		}
		break
	}
	return r.s[start:r.i]
}

// number reads an unsigned decimal number: digits with optional thousands
// separators, a fraction and an exponent.
func (r *reader) number() (float64, error) {
	start := r.i
	digits := 0
	for r.i < len(r.s) && isDigit(r.s[r.i]) {
		r.i++
		digits++
	}
	leadingDot := false
	if digits == 0 {
		if r.peek() == '.' && r.i+1 < len(r.s) && isDigit(r.s[r.i+1]) {
			leadingDot = true
		} else {
			return 0, fmt.Errorf("no number")
		}
	}
	// Thousands separators: groups of exactly three digits.
	commas := false
	for r.peek() == ',' && digits > 0 {
		j := r.i + 1
		n := 0
		for j < len(r.s) && isDigit(r.s[j]) {
			j++
			n++
		}
		if n != 3 {
			if r.whole && n > 0 {
				return 0, fmt.Errorf("%q: a comma must separate groups of three digits", r.s[start:j])
			}
			break
		}
		if digits > 3 && !commas {
			if r.whole {
				return 0, fmt.Errorf("%q: inconsistent digit grouping", r.s[start:j])
			}
			break
		}
		commas = true
		r.i = j
	}
	if r.peek() == '.' && r.i+1 < len(r.s) && isDigit(r.s[r.i+1]) {
		r.i++
		for r.i < len(r.s) && isDigit(r.s[r.i]) {
			r.i++
		}
	}
	if c := r.peek(); (c == 'e' || c == 'E') && r.i+1 < len(r.s) {
		j := r.i + 1
		if r.s[j] == '+' || r.s[j] == '-' {
			j++
		}
		if j < len(r.s) && isDigit(r.s[j]) {
			k := j
			for k < len(r.s) && isDigit(r.s[k]) {
				k++
			}
			// "1e6" but not "2ex": an exponent ends at a non-letter.
			if k >= len(r.s) || !isLetter(r.s[k]) || r.isUnitStart(k) {
				r.i = k
			}
		}
	}
	text := r.s[start:r.i]
	if c := r.peek(); c == '_' || (c == 'x' || c == 'X') && r.i+1 < len(r.s) && isHexDigit(r.s[r.i+1]) && text == "0" {
		if r.whole {
			return 0, fmt.Errorf("only decimal numbers are accepted")
		}
	}
	if commas {
		text = strings.ReplaceAll(text, ",", "")
	}
	if leadingDot {
		text = "0" + text
	}
	if len(text) > 40 {
		return 0, fmt.Errorf("number too long")
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("number out of range")
	}
	if (v == 0 && strings.Trim(text, "0.eE+-") != "" && !allZeroMantissa(text)) || (v != 0 && v < 1e-300) {
		return 0, fmt.Errorf("number out of range")
	}
	return v, nil
}

// allZeroMantissa reports whether the digits before any exponent are all zero.
func allZeroMantissa(text string) bool {
	if i := strings.IndexAny(text, "eE"); i >= 0 {
		text = text[:i]
	}
	return strings.Trim(text, "0.") == ""
}

func isHexDigit(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isUnitStart reports whether a word starting at k is a unit (so "1e6KB"
// reads its exponent).
func (r *reader) isUnitStart(k int) bool {
	e := k
	for e < len(r.s) && isLetter(r.s[e]) {
		e++
	}
	w := r.s[k:e]
	_, ok := byteUnits[w]
	return ok
}

// Scale words and units. Symbols are case-sensitive (MB is bytes, Mb bits,
// mb refused); spelled-out words are not.
var scaleWords = map[string]float64{
	"k": 1e3, "K": 1e3, "thousand": 1e3, "thousands": 1e3,
	"M": 1e6, "million": 1e6, "millions": 1e6, "mn": 1e6, "mil": 1e6, "mm": 1e6,
	"bn": 1e9, "billion": 1e9, "billions": 1e9, "G": 1e9,
	"T": 1e12, "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
}

var byteUnits = map[string]float64{
	"B": 1, "byte": 1, "bytes": 1,
	"kB": 1e3, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15, "EB": 1e18,
	"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40, "PiB": 1 << 50, "EiB": 1 << 60,
	"kilobyte": 1e3, "kilobytes": 1e3, "megabyte": 1e6, "megabytes": 1e6,
	"gigabyte": 1e9, "gigabytes": 1e9, "terabyte": 1e12, "terabytes": 1e12,
	"petabyte": 1e15, "petabytes": 1e15,
}

var bitUnits = map[string]float64{
	"b": 1, "bit": 1, "bits": 1,
	"kb": 1e3, "Kb": 1e3, "kbit": 1e3, "Kbit": 1e3, "Mb": 1e6, "Mbit": 1e6,
	"Gb": 1e9, "Gbit": 1e9, "Tb": 1e12, "Tbit": 1e12, "Pb": 1e15,
	"kilobit": 1e3, "kilobits": 1e3, "megabit": 1e6, "megabits": 1e6,
	"gigabit": 1e9, "gigabits": 1e9, "terabit": 1e12, "terabits": 1e12,
}

var bitRateUnits = map[string]float64{
	"bps": 1, "kbps": 1e3, "Kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9, "Tbps": 1e12,
}

var byteRateUnits = map[string]float64{
	"Bps": 1, "KBps": 1e3, "kBps": 1e3, "MBps": 1e6, "GBps": 1e9, "TBps": 1e12,
}

var durationUnits = map[string]float64{
	"ns": 1e-9, "nanosecond": 1e-9, "nanoseconds": 1e-9,
	"us": 1e-6, "µs": 1e-6, "μs": 1e-6, "microsecond": 1e-6, "microseconds": 1e-6,
	"ms": 1e-3, "msec": 1e-3, "millisecond": 1e-3, "milliseconds": 1e-3,
	"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
	"min": 60, "mins": 60, "minute": 60, "minutes": 60,
	"h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
	"d": SecondsPerDay, "day": SecondsPerDay, "days": SecondsPerDay,
	"w": 7 * SecondsPerDay, "wk": 7 * SecondsPerDay, "wks": 7 * SecondsPerDay, "week": 7 * SecondsPerDay, "weeks": 7 * SecondsPerDay,
	"y": 365 * SecondsPerDay, "yr": 365 * SecondsPerDay, "yrs": 365 * SecondsPerDay, "year": 365 * SecondsPerDay, "years": 365 * SecondsPerDay,
}

// monthWords are durations whose length depends on the calendar.
var monthWords = map[string]bool{"mo": true, "mos": true, "month": true, "months": true}

// rateWords name a per-second rate on their own.
var rateWords = map[string]bool{
	"tps": true, "qps": true, "rps": true, "ops": true, "TPS": true, "QPS": true, "RPS": true,
	"Tps": true, "Qps": true, "Rps": true,
}

// periodWord reads the word after "/" or "per".
func periodWord(w string) (Period, bool) {
	switch w {
	case "M", "m":
		return PerMinute, true
	}
	switch strings.ToLower(w) {
	case "s", "sec", "second", "secs", "seconds":
		return PerSecond, true
	case "min", "mins", "minute", "minutes":
		return PerMinute, true
	case "h", "hr", "hour", "hours":
		return PerHour, true
	case "d", "day", "days", "daily":
		return PerDay, true
	case "w", "wk", "week", "weeks", "weekly":
		return PerWeek, true
	case "mo", "month", "months", "monthly":
		return PerMonth, true
	case "y", "yr", "year", "years", "yearly", "annum":
		return PerYear, true
	}
	return 0, false
}

// unitWord applies one word after the number. It returns false for a word
// that is not a unit (an ordinary noun).
func (r *reader) unitWord(st *unitState, w string, adjacent bool) (bool, error) {
	lw := strings.ToLower(w)
	if st.dim == 0 && st.scaleWord == "" && !st.ambigM && !st.ambigB {
		if w == "m" {
			st.ambigM, st.scaleWord = true, w
			return true, nil
		}
		if w == "B" {
			st.ambigB, st.scaleWord = true, w
			return true, nil
		}
		if f, ok := scaleWords[w]; ok {
			st.scale, st.scaleWord = f, w
			return true, nil
		}
		if f, ok := scaleWords[lw]; ok && len(w) > 2 {
			st.scale, st.scaleWord = f, w
			return true, nil
		}
	}
	if st.dim != 0 {
		return false, nil
	}
	if (w == "x" || w == "X") && adjacent {
		st.dim, st.unitWord = Ratio, "x"
		return true, nil
	}
	if f, ok := byteUnits[w]; ok {
		st.dim, st.unitMul, st.unitWord = Bytes, f, w
		return true, nil
	}
	if f, ok := byteUnits[lw]; ok && len(w) > 2 {
		st.dim, st.unitMul, st.unitWord = Bytes, f, w
		return true, nil
	}
	if f, ok := bitUnits[w]; ok {
		st.dim, st.unitMul, st.unitWord = Bytes, f/8, w
		return true, nil
	}
	if f, ok := bitUnits[lw]; ok && len(w) > 2 {
		st.dim, st.unitMul, st.unitWord = Bytes, f/8, w
		return true, nil
	}
	if f, ok := bitRateUnits[w]; ok {
		st.dim, st.unitMul, st.unitWord = ByteRate, f/8, w
		return true, nil
	}
	if f, ok := byteRateUnits[w]; ok {
		st.dim, st.unitMul, st.unitWord = ByteRate, f, w
		return true, nil
	}
	switch lw {
	case "mb", "gb", "tb", "pb":
		return false, fmt.Errorf("ambiguous unit %q: write %s for bytes or %s for bits", w, strings.ToUpper(w), strings.ToUpper(w[:1])+"b")
	}
	if f, ok := durationUnits[w]; ok {
		st.dim, st.unitMul, st.unitWord = Duration, f, w
		return true, nil
	}
	if f, ok := durationUnits[lw]; ok && len(w) > 2 {
		st.dim, st.unitMul, st.unitWord = Duration, f, w
		return true, nil
	}
	if monthWords[lw] {
		st.dim, st.unitMul, st.unitWord = Duration, r.cal.Seconds(PerMonth), w
		return true, nil
	}
	if w == "Y" || w == "D" || w == "H" || w == "W" {
		st.dim, st.unitMul, st.unitWord = Duration, durationUnits[lw], w
		return true, nil
	}
	if rateWords[w] {
		st.dim, st.unitMul, st.unitWord = Rate, 1, w
		return true, nil
	}
	return false, nil
}

// build turns the number and the unit state into a quantity.
func (r *reader) build(st unitState, v float64, bare bool) (Quantity, error) {
	if st.ambigB {
		// A bare B is billion unless bytes are expected or a byte
		// rate follows ("300B/s").
		if st.dim == 0 && (r.want == Bytes || r.want == ByteRate) {
			st.dim, st.unitMul, st.unitWord = Bytes, 1, "B"
		} else {
			st.scale = 1e9
		}
	}
	if st.ambigM {
		switch {
		case st.dim != 0 || st.hasPer || st.nouns > 0 || r.want == Count || r.want == Rate || r.want == Bytes || r.want == ByteRate:
			st.scale = 1e6
		case r.want == Duration:
			st.dim, st.unitMul, st.unitWord = Duration, 60, "min"
		default:
			return Quantity{}, fmt.Errorf("ambiguous %q: write M for million or min for minutes", "m")
		}
	}
	val := v * st.scale * st.unitMul
	if math.IsInf(val, 0) || math.IsNaN(val) {
		return Quantity{}, fmt.Errorf("value out of range")
	}
	q := Quantity{Value: val, Dim: st.dim, Bare: bare}
	if q.Dim == 0 {
		q.Dim = Count
	}
	if st.hasPer {
		secs := r.cal.Seconds(st.per)
		switch q.Dim {
		case Count:
			q.Dim = Rate
		case Bytes:
			q.Dim = ByteRate
		default:
			return Quantity{}, fmt.Errorf("a %s cannot be per %s", q.Dim, st.per)
		}
		q.Value /= secs
		q.Per = st.per
	}
	if q.Dim == Rate && !st.hasPer {
		q.Per = PerSecond
	}
	if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
		return Quantity{}, fmt.Errorf("value out of range")
	}
	return q, nil
}

// DefaultParser reads quantities with the default calendar.
var DefaultParser = Parser{Calendar: DefaultCalendar}
