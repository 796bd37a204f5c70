package estimate

import (
	"math"
	"strings"
	"testing"
)

func approxEqual(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Dim
		val  float64
		dim  Dim
	}{
		{"10M", 0, 10e6, Count},
		{"10 million", 0, 10e6, Count},
		{"1.5k", 0, 1500, Count},
		{"2,000,000", 0, 2e6, Count},
		{"1e6", 0, 1e6, Count},
		{"100", 0, 100, Count},
		{"0.05", 0, 0.05, Count},
		{"2 KB", 0, 2000, Bytes},
		{"2KiB", 0, 2048, Bytes},
		{"1.5 TB", 0, 1.5e12, Bytes},
		{"500 bytes", 0, 500, Bytes},
		{"500B", Bytes, 500, Bytes},
		{"10B", 0, 10e9, Count},
		{"200ms", 0, 0.2, Duration},
		{"5 years", 0, 5 * 365 * 86400, Duration},
		{"5y", 0, 5 * 365 * 86400, Duration},
		{"3 months", 0, 90 * 86400, Duration},
		{"5m", Duration, 300, Duration},
		{"99.99%", 0, 0.9999, Percent},
		{"3x", 0, 3, Ratio},
		{"10:1", 0, 10, Ratio},
		{"1K/s", 0, 1000, Rate},
		{"10M/day", 0, 10e6 / 86400, Rate},
		{"500 req/s", 0, 500, Rate},
		{"116 TPS", 0, 116, Rate},
		{"10 Gbps", 0, 10e9 / 8, ByteRate},
		{"24.1 MB/s", 0, 24.1e6, ByteRate},
		{"100m URLs/month", 0, 100e6 / (30 * 86400), Rate},
		{"10 million daily active users", 0, 10e6, Count},
		{"100 requests per user per day", 0, 100.0 / 86400, Rate},
		{"~116", 0, 116, Count},
		{"5-year", 0, 5 * 365 * 86400, Duration},
		{"1 Gb", 0, 1e9 / 8, Bytes},
		{"1.5 billion", 0, 1.5e9, Count},
		{"99.95% per month", 0, 0.9995, Percent},
		{"5 min per session", 0, 300, Duration},
	}
	for _, tt := range tests {
		q, err := Parser{Calendar: DefaultCalendar}.Parse(tt.in, tt.want)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if q.Dim != tt.dim || !approxEqual(q.Value, tt.val) {
			t.Errorf("Parse(%q) = %v %v, want %v %v", tt.in, q.Value, q.Dim, tt.val, tt.dim)
		}
	}
}

func TestParseRejects(t *testing.T) {
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
		{"10 gb", "ambiguous"},
		{"1,5", "comma"},
		{"10 KB/s/day", "two periods"},
		{"3 4", "unexpected"},
		{"10%%", "after a unit"},
		{"10:0", "zero denominator"},
		{"1" + strings.Repeat("0", 400), "too long"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) succeeded, want an error about %q", tt.in, tt.reason)
			continue
		}
		if !strings.Contains(err.Error(), tt.reason) {
			t.Errorf("Parse(%q) error %q, want it to mention %q", tt.in, err, tt.reason)
		}
	}
}

func TestScan(t *testing.T) {
	text := "We expect 10 million daily active users, each making 100 requests per day, on API v2 with p99 latency under 200 ms."
	ms := Parser{Calendar: DefaultCalendar}.Scan(text)
	var got []string
	for _, m := range ms {
		got = append(got, text[m.Start:m.End]+"="+Format(m.Quantity))
	}
	want := []string{"10 million=10M", "100 requests per day=100/day", "200 ms=200 ms"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Scan:\n got %q\nwant %q", got, want)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		q    Quantity
		want string
	}{
		{Quantity{Value: 115.74, Dim: Count}, "116"},
		{Quantity{Value: 1157.4, Dim: Count}, "1.16k"},
		{Quantity{Value: 999.6, Dim: Count}, "1k"},
		{Quantity{Value: 10e6, Dim: Count}, "10M"},
		{Quantity{Value: 18.25e12, Dim: Bytes}, "18.3 TB"},
		{Quantity{Value: 24.11e6, Dim: ByteRate}, "24.1 MB/s"},
		{Quantity{Value: 0.2, Dim: Duration}, "200 ms"},
		{Quantity{Value: 5 * 365 * 86400, Dim: Duration}, "5 years"},
		{Quantity{Value: 0.9999, Dim: Percent}, "99.99%"},
		{Quantity{Value: 115.74, Dim: Rate}, "116/s"},
		{Quantity{Value: 10e6 / 86400, Dim: Rate, Per: PerDay}, "10M/day"},
		{Quantity{Value: 0.05, Dim: Ratio}, "0.05"},
	}
	for _, tt := range tests {
		if got := Format(tt.q); got != tt.want {
			t.Errorf("Format(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestFormatRoundTrip checks that what designlint prints, it reads back to
// within the rounding of three significant figures.
func TestFormatRoundTrip(t *testing.T) {
	dims := []Dim{Count, Bytes, Duration, Rate, ByteRate, Percent}
	for _, d := range dims {
		for v := 1e-3; v < 1e15; v *= 3.7 {
			q := Quantity{Value: v, Dim: d}
			if d == Percent {
				q.Value = math.Mod(v, 1)
			}
			s := Format(q)
			back, err := Parser{Calendar: DefaultCalendar}.Parse(s, d)
			if err != nil {
				t.Errorf("Parse(Format(%v %v) = %q): %v", q.Value, d, s, err)
				continue
			}
			if back.Dim != d && !(d == Rate && back.Dim == Rate) {
				t.Errorf("%q came back as %v, want %v", s, back.Dim, d)
			}
			if rel := math.Abs(back.Value-q.Value) / q.Value; rel > 0.006 {
				t.Errorf("%q came back as %v, want %v (off by %.3f%%)", s, back.Value, q.Value, rel*100)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"10M", "2 KB", "99.99%", "1e6", "10:1", "10M/day", "5 years", "1K/s", "~3x", "2,000,000", "10 Gbps"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err == nil {
			if !q.Valid() {
				t.Fatalf("Parse(%q) = %+v: not a finite value of a known dimension", s, q)
			}
			if q.Value < 0 {
				t.Fatalf("Parse(%q) = %v: negative", s, q.Value)
			}
			_ = Format(q)
		}
		for _, m := range DefaultParser.Scan(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || !m.Quantity.Valid() {
				t.Fatalf("Scan(%q) gave a bad match %+v", s, m)
			}
		}
	})
}
