package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/designlint/designlint/estimate"
)

// A declared zero, a huge figure and an overflow print in words a reader
// can use: no "+Inf", no hundreds of digits, no figure gone without a word.
func TestPrintEstimateExtremes(t *testing.T) {
	in := estimate.Inputs{
		Assumed: map[string]estimate.Quantity{
			"dau":                       {Value: 1e6, Dim: estimate.Count},
			"requests_per_user_per_day": {Value: 10.0 / 86400, Dim: estimate.Rate, Per: estimate.PerDay},
			"write_size":                {Value: 1e300, Dim: estimate.Bytes},
			"write_ratio":               {Value: 1, Dim: estimate.Ratio},
			"retention":                 {Value: 1e300, Dim: estimate.Duration},
		},
		Declared: map[string]estimate.Quantity{
			"requests_per_day": {Value: 0, Dim: estimate.Rate, Per: estimate.PerDay},
		},
	}
	var b bytes.Buffer
	if err := PrintEstimate(&b, &Estimate{Result: estimate.Derive(in), MaxRatio: 1.5}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"Inf", "NaN", "000000000"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q:\n%s", bad, out)
		}
	}
	for _, want := range []string{"infinitely apart", "storage_total: not derived: the result is too large to hold", "write_size = 1e300 B", "3.17e292 years"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
