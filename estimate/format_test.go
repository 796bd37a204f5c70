package estimate

import (
	"math"
	"strings"
	"testing"
)

// Figures at the edges print as a reader would write them: never hundreds
// of digits, never Go's "+Inf" or "NaN".
func TestFormatExtremes(t *testing.T) {
	cases := []struct {
		q    Quantity
		want string
	}{
		{Quantity{Value: 0, Dim: Count}, "0"},
		{Quantity{Value: 999e12, Dim: Count}, "999T"},
		{Quantity{Value: 2.5e18, Dim: Count}, "2.5e18"},
		{Quantity{Value: 1e300, Dim: Count}, "1e300"},
		{Quantity{Value: -1e300, Dim: Count}, "-1e300"},
		{Quantity{Value: 1.5e-7, Dim: Count}, "1.5e-7"},
		{Quantity{Value: 1.5e-5, Dim: Count}, "0.000015"},
		{Quantity{Value: 1e30, Dim: Bytes}, "1e30 B"},
		{Quantity{Value: 1.5e20, Dim: Bytes}, "150 EB"},
		{Quantity{Value: 1e20, Dim: Duration}, "3.17e12 years"},
		{Quantity{Value: 1e10, Dim: Percent}, "1e12%"},
		{Quantity{Value: 0.9999, Dim: Percent}, "99.99%"},
		{Quantity{Value: math.Inf(1), Dim: Count}, "infinity"},
		{Quantity{Value: math.NaN(), Dim: Bytes}, "not a number"},
		{Quantity{Value: 1e300, Dim: Rate, Per: PerDay}, "8.64e304/day"},
	}
	for _, c := range cases {
		if got := Format(c.q); got != c.want {
			t.Errorf("Format(%v %v) = %q, want %q", c.q.Value, c.q.Dim, got, c.want)
		}
	}
	for _, d := range []Dim{Count, Bytes, Duration, Rate, ByteRate, Ratio, Percent} {
		for e := -320; e <= 308; e++ {
			v := math.Pow(10, float64(e)) * 1.2345
			if s := Format(Quantity{Value: v, Dim: d, Per: PerSecond}); len(s) > 20 || strings.Contains(s, "+") || strings.Contains(s, "Inf") || strings.Contains(s, "NaN") {
				t.Errorf("Format(%g, %v) = %q", v, d, s)
			}
		}
	}
	for r, want := range map[float64]string{10: "10x", 2.5: "2.5x", math.Inf(1): "infinitely", 1e200: "1e200x"} {
		if got := FormatRatio(r); got != want {
			t.Errorf("FormatRatio(%g) = %q, want %q", r, got, want)
		}
	}
}

// A figure whose formula overflows is listed, not dropped without a word.
func TestOverflowIsReported(t *testing.T) {
	res := Derive(Inputs{Assumed: map[string]Quantity{
		"dau":                       {Value: 1e200, Dim: Count},
		"requests_per_user_per_day": {Value: 1e200, Dim: Rate, Per: PerDay},
	}})
	if _, ok := res.Figure("requests_per_day"); ok {
		t.Errorf("requests_per_day derived from an overflow")
	}
	if len(res.Overflowed) == 0 || res.Overflowed[0] != "requests_per_day" {
		t.Errorf("Overflowed = %v", res.Overflowed)
	}
}
