package estimate

import (
	"strings"
	"testing"
)

func TestCheckEquations(t *testing.T) {
	tests := []struct {
		text  string
		wrong bool
	}{
		// The playbook's worked example, right and wrong.
		{"100,000 users × 100 requests/day = 10,000,000 requests/day", false},
		{"Given 100,000 users, that gives us 100,000 users × 10 requests/user = 10,000,000 requests/day.", true},
		{`Given 100,000 users, that gives us $100,000 \text{ users} \times 10 \text{ requests/user} = 10,000,000 \text{ requests/day}$.`, true},
		{`$\text{TPS} = 10,000,000 \text{ requests} / 86,400 \text{ seconds} \approx 116 \text{ TPS}$`, false},
		{`$10 \text{ minutes} \times 10 \text{ requests/minute} = 100 \text{ requests/day}$`, false},
		// Napkin rounding stays inside the ratio.
		{"10M requests / 86,400 s ≈ 100 TPS", false},
		{"10M / 100k = 120 TPS", false},
		{"116 × 10 = 1,000 peak TPS", false},
		// Write-ups' forms.
		{"100m / (30 * 24 * 3600) = ~40 URLs/s", false},
		{"40 * 100 = 4k URLs/s", false},
		{"100m * 5 * 12 = 6b", false},
		{"6b * 500bytes = 3TB", false},
		{"40 * 500 bytes = 20k/s", false},
		{"4k * 3600 * 24 = ~0.4billion", false},
		{"0.2 * 0.4b * 500 bytes = ~40G", false},
		{"10M × 50B / 10 shards = 50 MB/shard", false},
		{"1M × 300B = 300 MB/s", false},
		{"\\frac{10,000,000}{86,400} \\approx 116", false},
		{"1,000 TPS × 200 ms = 200 requests in flight", false},
		{"2 KB × 1,000 writes/s = 2 MB/s", false},
		{`$100 \times 100 \space million = 10 \space billion/month$`, false},
		{`$\frac{100 \space million}{(30 \space days \times 24 \space hrs \times 3600 \space seconds)} = \sim 40 \space URLs/second$`, false},
		{`$20 \space percent \times 350 \space million \times 500 \space bytes = 35 \space GB/day$`, false},
		{`$62^7 = \sim 3.5 \space trillion$`, false},
		{"62^7 = 3.5 billion", true},
		// A unit left out on one side is not a slip of a million...
		{"Peak: 278 × 3 = 834 MB/s", false},
		// ...but a wrong product still is.
		{"40 × 100 = 40k", true},
		{"100 × 10 = 1M", true},
		// Slips.
		{"500 writes/s × 2 KB = 100 MB/s", true},
		{"10M requests/day ÷ 86,400 = 1,157 TPS", true},
		{"3 replicas × 1 TB = 1 TB", true},
		{"a = 2 × 3 = 12 = 12", true},
		// Not equations: restatements, no arithmetic, ranges.
		{"1 request per second = 2.5 million requests per month", false},
		{"40 requests per second = 100 million requests per month", false},
		{"10 budget categories per user = 100 million budget items", false},
		{"Housing = $1,000", false},
		{"The index is 80/20 balanced.", false},
		{"k is the number of digits = 7", false},
		{"p99 = 200 ms", false},
	}
	for _, tt := range tests {
		ms := CheckEquations(tt.text, 1.5)
		if (len(ms) > 0) != tt.wrong {
			t.Errorf("CheckEquations(%q) = %+v, want wrong = %v", tt.text, ms, tt.wrong)
		}
	}
}

func TestCheckEquationsReportsBothSides(t *testing.T) {
	text := "Then 100,000 users × 10 requests/user = 10,000,000 requests/day, which is a lot."
	ms := CheckEquations(text, 1.5)
	if len(ms) != 1 {
		t.Fatalf("got %+v", ms)
	}
	m := ms[0]
	if m.LeftValue != 1e6 || m.RightValue != 1e7 || m.Ratio != 10 {
		t.Errorf("mismatch = %+v", m)
	}
	if got := text[m.Start:m.End]; !strings.HasPrefix(got, "100,000 users") || !strings.HasSuffix(got, "requests/day") {
		t.Errorf("span = %q", got)
	}
}

func TestArithmeticDimensions(t *testing.T) {
	rate := Quantity{Value: 100, Dim: Rate}
	day := Quantity{Value: 86400, Dim: Duration}
	if q, err := Mul(rate, day); err != nil || q.Dim != Count || q.Value != 8.64e6 {
		t.Errorf("rate × duration = %v, %v; want a count", q, err)
	}
	size := Quantity{Value: 2000, Dim: Bytes}
	if q, err := Mul(rate, size); err != nil || q.Dim != ByteRate {
		t.Errorf("rate × bytes = %v, %v; want bytes per second", q, err)
	}
	if q, err := Div(Quantity{Value: 1e7, Dim: Count}, day); err != nil || q.Dim != Rate {
		t.Errorf("count ÷ duration = %v, %v; want a rate", q, err)
	}
	if q, err := Div(size, size); err != nil || q.Dim != Ratio || q.Value != 1 {
		t.Errorf("bytes ÷ bytes = %v, %v; want a ratio", q, err)
	}
	if _, err := Add(size, day); err == nil {
		t.Errorf("bytes + seconds should be an error")
	}
	if _, err := Mul(size, size); err == nil {
		t.Errorf("bytes × bytes should be an error")
	}
	if q, err := Mul(Quantity{Value: 3, Dim: Ratio}, size); err != nil || q.Dim != Bytes || q.Value != 6000 {
		t.Errorf("ratio × bytes = %v, %v", q, err)
	}
}

func FuzzCheckEquations(f *testing.F) {
	for _, s := range []string{"100,000 users × 10 requests/user = 10,000,000 requests/day", `$\frac{1}{2} \approx 0.5$`, "(((1 = 2", "1 / 0 = 5", "5m × 3B = 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range CheckEquations(s, 1.5) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("bad span %d..%d in %q", m.Start, m.End, s)
			}
		}
	})
}
