package english

import (
	"math"
	"strings"
	"testing"

	"github.com/designlint/designlint/estimate"
)

func approxEqual(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func TestParseQuantityAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want estimate.Dim
		val  float64
		dim  estimate.Dim
	}{
		{"10M", 0, 10e6, estimate.Count},
		{"10 million", 0, 10e6, estimate.Count},
		{"1.5k", 0, 1500, estimate.Count},
		{"2,000,000", 0, 2e6, estimate.Count},
		{"1e6", 0, 1e6, estimate.Count},
		{"100", 0, 100, estimate.Count},
		{"0.05", 0, 0.05, estimate.Count},
		{"2 KB", 0, 2000, estimate.Bytes},
		{"2KiB", 0, 2048, estimate.Bytes},
		{"1.5 TB", 0, 1.5e12, estimate.Bytes},
		{"500 bytes", 0, 500, estimate.Bytes},
		{"500B", estimate.Bytes, 500, estimate.Bytes},
		{"10B", 0, 10e9, estimate.Count},
		{"10 gb", 0, 10e9, estimate.Bytes},
		{"2kb", 0, 2000, estimate.Bytes},
		{"64 kbit", 0, 8000, estimate.Bytes},
		{"200ms", 0, 0.2, estimate.Duration},
		{"5 years", 0, 5 * 365 * 86400, estimate.Duration},
		{"5y", 0, 5 * 365 * 86400, estimate.Duration},
		{"3 months", 0, 90 * 86400, estimate.Duration},
		{"5m", estimate.Duration, 300, estimate.Duration},
		{"99.99%", 0, 0.9999, estimate.Percent},
		{"3x", 0, 3, estimate.Ratio},
		{"roughly 3x", 0, 3, estimate.Ratio},
		{"10:1", 0, 10, estimate.Ratio},
		{"1K/s", 0, 1000, estimate.Rate},
		{"10M/day", 0, 10e6 / 86400, estimate.Rate},
		{"500 req/s", 0, 500, estimate.Rate},
		{"116 TPS", 0, 116, estimate.Rate},
		{"10 Gbps", 0, 10e9 / 8, estimate.ByteRate},
		{"24.1 MB/s", 0, 24.1e6, estimate.ByteRate},
		{"100m URLs/month", 0, 100e6 / (30 * 86400), estimate.Rate},
		{"10 million daily active users", 0, 10e6, estimate.Count},
		{"100 requests per user per day", 0, 100.0 / 86400, estimate.Rate},
		{"~116", 0, 116, estimate.Count},
		{"about 3 KB per message", 0, 3000, estimate.Bytes},
		{"5-year", 0, 5 * 365 * 86400, estimate.Duration},
		{"1 Gb", 0, 1e9 / 8, estimate.Bytes},
		{"1.5 billion", 0, 1.5e9, estimate.Count},
		{"half a billion", 0, 5e8, estimate.Count},
		{"99.95% per month", 0, 0.9995, estimate.Percent},
		{"5 min per session", 0, 300, estimate.Duration},
		{"four nines", 0, 0.9999, estimate.Percent},
	}
	for _, tt := range tests {
		q, err := ParseQuantity(tt.in, tt.want, estimate.DefaultCalendar)
		if err != nil {
			t.Errorf("ParseQuantity(%q): %v", tt.in, err)
			continue
		}
		if q.Dim != tt.dim || !approxEqual(q.Value, tt.val) {
			t.Errorf("ParseQuantity(%q) = %v %v, want %v %v", tt.in, q.Value, q.Dim, tt.val, tt.dim)
		}
	}
}

func TestParseQuantityRejects(t *testing.T) {
	tests := []struct {
		in, reason string
	}{
		{"", "empty"},
		{"fast", "no number"},
		{"NaN", "no number"},
		{"Inf", "no number"},
		{"-5", "negative"},
		{"−5", "negative"},
		{"0x1F", "decimal"},
		{"100_000", "decimal"},
		{"1e400", "out of range"},
		{"1e-400", "out of range"},
		{"１０", "no number"},
		{"5m", "ambiguous"},
		{"1,5", "comma"},
		{"10 KB/s/day", "two periods"},
		{"3 4", "unexpected"},
		{"10%%", "after a unit"},
		{"10:0", "zero denominator"},
		{"1" + strings.Repeat("0", 100), "too long"},
		{strings.Repeat("9 ", 200), "too long"},
	}
	for _, tt := range tests {
		_, err := ParseQuantity(tt.in, 0, estimate.DefaultCalendar)
		if err == nil {
			t.Errorf("ParseQuantity(%q) succeeded, want an error about %q", tt.in, tt.reason)
			continue
		}
		if !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("ParseQuantity(%q) error %q, want it to mention %q", tt.in, err, tt.reason)
		}
	}
}

// TestFormatRoundTrip checks that what designlint prints, it reads back to
// within the rounding of three significant figures.
func TestFormatRoundTrip(t *testing.T) {
	dims := []estimate.Dim{estimate.Count, estimate.Bytes, estimate.Duration, estimate.Rate, estimate.ByteRate, estimate.Percent}
	for _, d := range dims {
		for v := 1e-3; v < 1e15; v *= 3.7 {
			q := estimate.Quantity{Value: v, Dim: d}
			if d == estimate.Percent {
				q.Value = math.Mod(v, 1)
			}
			s := estimate.Format(q)
			back, err := ParseQuantity(s, d, estimate.DefaultCalendar)
			if err != nil {
				t.Errorf("ParseQuantity(Format(%v %v) = %q): %v", q.Value, d, s, err)
				continue
			}
			if back.Dim != d {
				t.Errorf("%q came back as %v, want %v", s, back.Dim, d)
			}
			if rel := math.Abs(back.Value-q.Value) / q.Value; rel > 0.006 {
				t.Errorf("%q came back as %v, want %v (off by %.3f%%)", s, back.Value, q.Value, rel*100)
			}
		}
	}
}

func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"10M", "2 KB", "99.99%", "1e6", "10:1", "10M/day", "5 years", "1K/s", "~3x", "2,000,000", "10 Gbps", "half a billion", "between 2 and 5 KB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s, 0, estimate.DefaultCalendar)
		if err == nil {
			if !q.Valid() {
				t.Fatalf("ParseQuantity(%q) = %+v: not a finite value of a known dimension", s, q)
			}
			if q.Value < 0 {
				t.Fatalf("ParseQuantity(%q) = %v: negative", s, q.Value)
			}
			_ = estimate.Format(q)
		}
	})
}
