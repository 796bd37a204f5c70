package estimate

import (
	"math"
	"strconv"
	"strings"
)

// Dim is the physical dimension of a Quantity.
type Dim uint8

// The dimensions designlint knows. Rates are events per second and byte rates
// bytes per second, whatever period they were written in; Percent is stored
// as a fraction (99.9% is 0.999) and differs from Ratio only in how it prints.
const (
	Count Dim = iota + 1
	Bytes
	Duration
	Rate
	ByteRate
	Ratio
	Percent
)

var dimNames = [...]string{
	Count:    "count",
	Bytes:    "bytes",
	Duration: "duration",
	Rate:     "rate",
	ByteRate: "bytes per second",
	Ratio:    "ratio",
	Percent:  "percent",
}

var baseUnits = [...]string{
	Count:    "count",
	Bytes:    "B",
	Duration: "s",
	Rate:     "1/s",
	ByteRate: "B/s",
	Ratio:    "ratio",
	Percent:  "ratio",
}

// String names the dimension in words, for messages.
func (d Dim) String() string {
	if int(d) < len(dimNames) && dimNames[d] != "" {
		return dimNames[d]
	}
	return "unknown"
}

// BaseUnit is the unit a Quantity's Value is expressed in: count, B, s, 1/s,
// B/s or ratio. It is the "unit" of designlint's JSON output.
func (d Dim) BaseUnit() string {
	if int(d) < len(baseUnits) && baseUnits[d] != "" {
		return baseUnits[d]
	}
	return ""
}

// Period is the time unit a rate was written in. It only affects printing:
// the Value of a rate is always per second.
type Period uint8

// Periods, shortest first.
const (
	PerSecond Period = iota
	PerMinute
	PerHour
	PerDay
	PerWeek
	PerMonth
	PerYear
)

var periodNames = [...]string{"s", "min", "hour", "day", "week", "month", "year"}

func (p Period) String() string { return periodNames[p] }

// Calendar holds the conventions that turn periods into seconds. A day is
// always 86,400 s and a year 365 days; the month is configurable because
// write-ups disagree on it.
type Calendar struct {
	DaysPerMonth float64
}

// DefaultCalendar is the convention of designlint's spec: 30-day months.
var DefaultCalendar = Calendar{DaysPerMonth: 30}

// SecondsPerDay is the length of a day in seconds.
const SecondsPerDay = 86400

// Seconds is the length of one period.
func (c Calendar) Seconds(p Period) float64 {
	switch p {
	case PerSecond:
		return 1
	case PerMinute:
		return 60
	case PerHour:
		return 3600
	case PerDay:
		return SecondsPerDay
	case PerWeek:
		return 7 * SecondsPerDay
	case PerMonth:
		return c.daysPerMonth() * SecondsPerDay
	default:
		return 365 * SecondsPerDay
	}
}

func (c Calendar) daysPerMonth() float64 {
	if c.DaysPerMonth > 0 {
		return c.DaysPerMonth
	}
	return 30
}

// Quantity is a number with a dimension. Value is in the base unit of Dim.
type Quantity struct {
	Value float64
	Dim   Dim
	// Per is the period a rate was written in ("10M/day"); printing uses it.
	Per Period
	// Bare is set when the text was a plain number with no unit or scale
	// word, so that a slot expecting bytes or a duration can refuse it
	// rather than guess.
	Bare bool
}

// Valid reports whether q holds a finite value of a known dimension.
func (q Quantity) Valid() bool {
	return q.Dim != 0 && !math.IsNaN(q.Value) && !math.IsInf(q.Value, 0)
}

// String prints q to three significant figures with its unit.
func (q Quantity) String() string { return Format(q) }

// Format prints a quantity to three significant figures with a unit: 116/s,
// 18.3 TB, 24.1 MB/s, 5 years, 99.99%.
func Format(q Quantity) string {
	switch q.Dim {
	case Count:
		return FormatNumber(q.Value)
	case Bytes:
		return formatBytes(q.Value)
	case Duration:
		return formatDuration(q.Value)
	case Rate:
		per := DefaultCalendar.Seconds(q.Per)
		return FormatNumber(q.Value*per) + "/" + q.Per.String()
	case ByteRate:
		return formatBytes(q.Value) + "/s"
	case Ratio:
		return FormatNumber(q.Value)
	case Percent:
		return formatPercent(q.Value)
	}
	return strconv.FormatFloat(q.Value, 'g', 3, 64)
}

var countSuffixes = []struct {
	scale  float64
	suffix string
}{
	{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"},
}

// FormatNumber prints v to three significant figures with a k, M, B or T
// suffix: 116, 1.16k, 10M, 2.5B; beyond a thousand T, in powers of ten
// (2.5e18).
func FormatNumber(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return formatSpecial(v)
	}
	a := math.Abs(v)
	if round3(a) >= 1e15 {
		return sig3(v)
	}
	for _, s := range countSuffixes {
		if round3(a) >= s.scale {
			return sig3(v/s.scale) + s.suffix
		}
	}
	return sig3(v)
}

// FormatRatio prints how many times one figure is another: "10x", "2.5x",
// or "infinitely" when one of them is zero.
func FormatRatio(r float64) string {
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return "infinitely"
	}
	return FormatNumber(r) + "x"
}

// formatSpecial prints zero, and values no figure should hold (NaN and
// the infinities), in words rather than as Go spells them.
func formatSpecial(v float64) string {
	switch {
	case math.IsNaN(v):
		return "not a number"
	case math.IsInf(v, 1):
		return "infinity"
	case math.IsInf(v, -1):
		return "minus infinity"
	}
	return "0"
}

func formatBytes(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return formatSpecial(v)
	}
	units := []string{"B", "KB", "MB", "GB", "TB", "PB", "EB"}
	a := math.Abs(v)
	if round3(a) >= 1e21 {
		return sig3(v) + " B"
	}
	i := 0
	for i < len(units)-1 && round3(a) >= 1000 {
		a /= 1000
		v /= 1000
		i++
	}
	return sig3(v) + " " + units[i]
}

func formatDuration(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return formatSpecial(s)
	}
	steps := []struct {
		secs       float64
		one, other string
	}{
		{365 * SecondsPerDay, "year", "years"},
		{SecondsPerDay, "day", "days"},
		{3600, "hour", "hours"},
		{60, "min", "min"},
		{1, "s", "s"},
		{1e-3, "ms", "ms"},
		{1e-6, "µs", "µs"},
	}
	for _, st := range steps {
		if round3(math.Abs(s)) >= st.secs || st.secs == 1e-6 {
			n := sig3(s / st.secs)
			if n == "1" {
				return n + " " + st.one
			}
			return n + " " + st.other
		}
	}
	return sig3(s) + " s"
}

func formatPercent(f float64) string {
	p := f * 100
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return formatSpecial(p) + " %"
	}
	if a := math.Abs(p); a >= 1e6 || (a > 0 && a < 1e-4) {
		return sig3(p) + "%"
	}
	// Availability targets need more than three figures (99.99%), so keep up
	// to four decimals and trim.
	s := strconv.FormatFloat(math.Round(p*1e4)/1e4, 'f', -1, 64)
	return s + "%"
}

// sig3 prints v with three significant figures, trimming trailing zeros:
// in decimals from a millionth to a million, in powers of ten beyond
// (1.5e-7, 2.5e18), never hundreds of digits.
func sig3(v float64) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return formatSpecial(v)
	}
	a := math.Abs(v)
	if round3(a) >= 1e6 || a < 1e-6 {
		return scientific3(v)
	}
	digits := 2 - int(math.Floor(math.Log10(a)))
	if digits < 0 {
		digits = 0
	}
	p := math.Pow(10, float64(digits))
	s := strconv.FormatFloat(math.Round(v*p)/p, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// scientific3 prints v with three significant figures in powers of ten:
// 2.5e18, 1e-9.
func scientific3(v float64) string {
	s := strconv.FormatFloat(v, 'e', 2, 64)
	mant, exp, _ := strings.Cut(s, "e")
	if strings.Contains(mant, ".") {
		mant = strings.TrimSuffix(strings.TrimRight(mant, "0"), ".")
	}
	sign := ""
	if strings.HasPrefix(exp, "-") {
		sign = "-"
	}
	exp = strings.TrimLeft(exp, "+-0")
	return mant + "e" + sign + exp
}

// round3 rounds a to three significant figures so that 999.6 counts as 1k
// when choosing a suffix.
func round3(a float64) float64 {
	if a == 0 {
		return 0
	}
	e := math.Floor(math.Log10(a)) - 2
	p := math.Pow(10, e)
	return math.Round(a/p) * p
}
