package english

import (
	"strings"

	"github.com/designlint/designlint/estimate"
)

// unit describes a unit word.
type unit struct {
	dim estimate.Dim
	// prefix is the scale the unit's prefix carries (KB 1e3, MiB 2^20,
	// ms 1e-3, % 0.01): what counts when a calculation is checked with its
	// units ignored.
	prefix float64
	// factor converts to the base unit of dim: bytes, seconds, fractions.
	// Bits are bytes divided by 8.
	factor float64
	// per is the period of a rate unit (QPS, Mbps, req/s).
	per    estimate.Period
	hasPer bool
	bits   bool
	// factorWord marks "x", "times", "fold": a multiple.
	multiple bool
}

var (
	kib = 1024.0
	mib = kib * 1024
	gib = mib * 1024
	tib = gib * 1024
	pib = tib * 1024
)

// units maps unit words, matched case-sensitively first and then in lower
// case through unitsLower. The case matters only for bits and bytes: "Mb"
// and "Gb" are bits, "MB", "mb" and "GB" bytes (design documents write "2kb
// per post" and mean kilobytes).
var units = map[string]unit{
	"B":  {dim: estimate.Bytes, prefix: 1, factor: 1},
	"Kb": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3 / 8, bits: true}, "Mb": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6 / 8, bits: true},
	"Gb": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9 / 8, bits: true}, "Tb": {dim: estimate.Bytes, prefix: 1e12, factor: 1e12 / 8, bits: true},
	"Pb": {dim: estimate.Bytes, prefix: 1e15, factor: 1e15 / 8, bits: true},
}

var unitsLower = map[string]unit{
	"byte": {dim: estimate.Bytes, prefix: 1, factor: 1}, "bytes": {dim: estimate.Bytes, prefix: 1, factor: 1},
	"kb": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3}, "kbyte": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3}, "kbytes": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3},
	"kilobyte": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3}, "kilobytes": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3},
	"mb": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6}, "mbyte": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6}, "mbytes": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6},
	"megabyte": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6}, "megabytes": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6},
	"gb": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9}, "gigabyte": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9}, "gigabytes": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9},
	"tb": {dim: estimate.Bytes, prefix: 1e12, factor: 1e12}, "terabyte": {dim: estimate.Bytes, prefix: 1e12, factor: 1e12}, "terabytes": {dim: estimate.Bytes, prefix: 1e12, factor: 1e12},
	"pb": {dim: estimate.Bytes, prefix: 1e15, factor: 1e15}, "petabyte": {dim: estimate.Bytes, prefix: 1e15, factor: 1e15}, "petabytes": {dim: estimate.Bytes, prefix: 1e15, factor: 1e15},
	"eb": {dim: estimate.Bytes, prefix: 1e18, factor: 1e18}, "exabyte": {dim: estimate.Bytes, prefix: 1e18, factor: 1e18}, "exabytes": {dim: estimate.Bytes, prefix: 1e18, factor: 1e18},
	"kib": {dim: estimate.Bytes, prefix: kib, factor: kib}, "mib": {dim: estimate.Bytes, prefix: mib, factor: mib}, "gib": {dim: estimate.Bytes, prefix: gib, factor: gib},
	"tib": {dim: estimate.Bytes, prefix: tib, factor: tib}, "pib": {dim: estimate.Bytes, prefix: pib, factor: pib},
	"bit": {dim: estimate.Bytes, prefix: 1, factor: 1.0 / 8, bits: true}, "bits": {dim: estimate.Bytes, prefix: 1, factor: 1.0 / 8, bits: true},
	"kbit": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3 / 8, bits: true}, "kbits": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3 / 8, bits: true},
	"kilobit": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3 / 8, bits: true}, "kilobits": {dim: estimate.Bytes, prefix: 1e3, factor: 1e3 / 8, bits: true},
	"mbit": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6 / 8, bits: true}, "mbits": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6 / 8, bits: true},
	"megabit": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6 / 8, bits: true}, "megabits": {dim: estimate.Bytes, prefix: 1e6, factor: 1e6 / 8, bits: true},
	"gbit": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9 / 8, bits: true}, "gbits": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9 / 8, bits: true},
	"gigabit": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9 / 8, bits: true}, "gigabits": {dim: estimate.Bytes, prefix: 1e9, factor: 1e9 / 8, bits: true},
	"bps":  {dim: estimate.ByteRate, prefix: 1, factor: 1.0 / 8, bits: true, hasPer: true},
	"kbps": {dim: estimate.ByteRate, prefix: 1e3, factor: 1e3 / 8, bits: true, hasPer: true},
	"mbps": {dim: estimate.ByteRate, prefix: 1e6, factor: 1e6 / 8, bits: true, hasPer: true},
	"gbps": {dim: estimate.ByteRate, prefix: 1e9, factor: 1e9 / 8, bits: true, hasPer: true},
	"tbps": {dim: estimate.ByteRate, prefix: 1e12, factor: 1e12 / 8, bits: true, hasPer: true},

	"ns": {dim: estimate.Duration, prefix: 1e-9, factor: 1e-9}, "nanosecond": {dim: estimate.Duration, prefix: 1e-9, factor: 1e-9}, "nanoseconds": {dim: estimate.Duration, prefix: 1e-9, factor: 1e-9},
	"µs": {dim: estimate.Duration, prefix: 1e-6, factor: 1e-6}, "μs": {dim: estimate.Duration, prefix: 1e-6, factor: 1e-6}, "us": {dim: estimate.Duration, prefix: 1e-6, factor: 1e-6},
	"microsecond": {dim: estimate.Duration, prefix: 1e-6, factor: 1e-6}, "microseconds": {dim: estimate.Duration, prefix: 1e-6, factor: 1e-6},
	"ms": {dim: estimate.Duration, prefix: 1e-3, factor: 1e-3}, "msec": {dim: estimate.Duration, prefix: 1e-3, factor: 1e-3}, "msecs": {dim: estimate.Duration, prefix: 1e-3, factor: 1e-3},
	"millisecond": {dim: estimate.Duration, prefix: 1e-3, factor: 1e-3}, "milliseconds": {dim: estimate.Duration, prefix: 1e-3, factor: 1e-3},
	"s": {dim: estimate.Duration, prefix: 1, factor: 1}, "sec": {dim: estimate.Duration, prefix: 1, factor: 1}, "secs": {dim: estimate.Duration, prefix: 1, factor: 1},
	"second": {dim: estimate.Duration, prefix: 1, factor: 1}, "seconds": {dim: estimate.Duration, prefix: 1, factor: 1},
	"min": {dim: estimate.Duration, prefix: 1, factor: 60}, "mins": {dim: estimate.Duration, prefix: 1, factor: 60},
	"minute": {dim: estimate.Duration, prefix: 1, factor: 60}, "minutes": {dim: estimate.Duration, prefix: 1, factor: 60},
	"h": {dim: estimate.Duration, prefix: 1, factor: 3600}, "hr": {dim: estimate.Duration, prefix: 1, factor: 3600}, "hrs": {dim: estimate.Duration, prefix: 1, factor: 3600},
	"hour": {dim: estimate.Duration, prefix: 1, factor: 3600}, "hours": {dim: estimate.Duration, prefix: 1, factor: 3600},
	"d": {dim: estimate.Duration, prefix: 1, factor: 86400}, "day": {dim: estimate.Duration, prefix: 1, factor: 86400}, "days": {dim: estimate.Duration, prefix: 1, factor: 86400},
	"w": {dim: estimate.Duration, prefix: 1, factor: 7 * 86400}, "wk": {dim: estimate.Duration, prefix: 1, factor: 7 * 86400}, "wks": {dim: estimate.Duration, prefix: 1, factor: 7 * 86400},
	"week": {dim: estimate.Duration, prefix: 1, factor: 7 * 86400}, "weeks": {dim: estimate.Duration, prefix: 1, factor: 7 * 86400},
	"mo": {dim: estimate.Duration, prefix: 1, factor: 30 * 86400}, "mos": {dim: estimate.Duration, prefix: 1, factor: 30 * 86400},
	"month": {dim: estimate.Duration, prefix: 1, factor: 30 * 86400}, "months": {dim: estimate.Duration, prefix: 1, factor: 30 * 86400},
	"y": {dim: estimate.Duration, prefix: 1, factor: 365 * 86400}, "yr": {dim: estimate.Duration, prefix: 1, factor: 365 * 86400}, "yrs": {dim: estimate.Duration, prefix: 1, factor: 365 * 86400},
	"year": {dim: estimate.Duration, prefix: 1, factor: 365 * 86400}, "years": {dim: estimate.Duration, prefix: 1, factor: 365 * 86400},
	"decade": {dim: estimate.Duration, prefix: 1, factor: 3650 * 86400}, "decades": {dim: estimate.Duration, prefix: 1, factor: 3650 * 86400},

	"%": {dim: estimate.Percent, prefix: 0.01, factor: 0.01}, "percent": {dim: estimate.Percent, prefix: 0.01, factor: 0.01}, "pct": {dim: estimate.Percent, prefix: 0.01, factor: 0.01},
	"x": {dim: estimate.Ratio, prefix: 1, factor: 1, multiple: true}, "×": {dim: estimate.Ratio, prefix: 1, factor: 1, multiple: true},
	"times": {dim: estimate.Ratio, prefix: 1, factor: 1, multiple: true}, "fold": {dim: estimate.Ratio, prefix: 1, factor: 1, multiple: true},

	"qps": {dim: estimate.Rate, prefix: 1, factor: 1, hasPer: true}, "rps": {dim: estimate.Rate, prefix: 1, factor: 1, hasPer: true},
	"tps": {dim: estimate.Rate, prefix: 1, factor: 1, hasPer: true}, "wps": {dim: estimate.Rate, prefix: 1, factor: 1, hasPer: true},
	"rpm": {dim: estimate.Rate, prefix: 1, factor: 1.0 / 60, hasPer: true, per: estimate.PerMinute},
}

// unitOf looks a unit word up: first as written (bits and bytes differ in
// case), then in lower case.
func unitOf(w string) (unit, bool) {
	if u, ok := units[w]; ok {
		return u, true
	}
	u, ok := unitsLower[strings.ToLower(w)]
	return u, ok
}

// periodWords are the words that name a period after "per", "a", "each",
// "every" or a slash.
var periodWords = map[string]estimate.Period{
	"s": estimate.PerSecond, "sec": estimate.PerSecond, "secs": estimate.PerSecond, "second": estimate.PerSecond, "seconds": estimate.PerSecond,
	"min": estimate.PerMinute, "mins": estimate.PerMinute, "minute": estimate.PerMinute, "minutes": estimate.PerMinute, "m": estimate.PerMinute,
	"h": estimate.PerHour, "hr": estimate.PerHour, "hrs": estimate.PerHour, "hour": estimate.PerHour, "hours": estimate.PerHour,
	"d": estimate.PerDay, "day": estimate.PerDay, "days": estimate.PerDay,
	"w": estimate.PerWeek, "wk": estimate.PerWeek, "week": estimate.PerWeek, "weeks": estimate.PerWeek,
	"mo": estimate.PerMonth, "mon": estimate.PerMonth, "month": estimate.PerMonth, "months": estimate.PerMonth,
	"y": estimate.PerYear, "yr": estimate.PerYear, "year": estimate.PerYear, "years": estimate.PerYear, "annum": estimate.PerYear,
}

// periodAdverbs name a period on their own: "daily", "per diem".
var periodAdverbs = map[string]estimate.Period{
	"daily": estimate.PerDay, "nightly": estimate.PerDay, "hourly": estimate.PerHour, "weekly": estimate.PerWeek,
	"monthly": estimate.PerMonth, "yearly": estimate.PerYear, "annually": estimate.PerYear, "secondly": estimate.PerSecond,
}

// scaleWords multiply a number. Lower-case m and b are read as million and
// billion after a number (the time and byte readings are taken where the
// context asks for them).
var scaleWords = map[string]float64{
	"k": 1e3, "K": 1e3, "thousand": 1e3, "thousands": 0, "grand": 1e3,
	"M": 1e6, "MM": 1e6, "mm": 1e6, "m": 1e6, "mil": 1e6, "mill": 1e6, "mn": 1e6, "million": 1e6, "millions": 0, "mio": 1e6,
	"B": 1e9, "b": 1e9, "bn": 1e9, "bil": 1e9, "billion": 1e9, "billions": 0, "G": 1e9,
	"T": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 0,
	"lakh": 1e5, "crore": 1e7,
}

// scaleOf looks a scale word up. Words are matched as written for the
// one-letter scales and in lower case otherwise; a one-letter slip in a
// long scale word ("Millioin") still reads.
func scaleOf(w string) (float64, bool) {
	if s, ok := scaleWords[w]; ok {
		return s, s != 0
	}
	if len(w) <= 2 {
		return 0, false
	}
	l := strings.ToLower(w)
	if s, ok := scaleWords[l]; ok {
		return s, s != 0
	}
	if len(l) >= 6 && len(l) <= 9 {
		for _, c := range [...]struct {
			w string
			v float64
		}{{"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"thousand", 1e3}} {
			if oneEdit(l, c.w) {
				return c.v, true
			}
		}
	}
	return 0, false
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// replaced letter.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// numberWords are spelled-out numbers.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

// multipleWords are numbers that are multiples or counts of times.
var multipleWords = map[string]float64{
	"once": 1, "twice": 2, "thrice": 3, "double": 2, "triple": 3, "quadruple": 4, "doubled": 2, "tripled": 3,
}

// fractionWords follow "a" or a number: "a tenth", "a quarter", "half".
var fractionWords = map[string]float64{
	"half": 0.5, "third": 1.0 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1, "hundredth": 0.01, "thousandth": 0.001,
}
