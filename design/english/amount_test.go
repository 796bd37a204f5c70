package english

import (
	"math"
	"testing"

	"github.com/designlint/designlint/estimate"
)

func TestAmounts(t *testing.T) {
	day := 86400.0
	tests := []struct {
		text string
		want []float64 // values in base units, one per amount
		dims []estimate.Dim
	}{
		{"~50M", []float64{50e6}, []estimate.Dim{estimate.Count}},
		{"roughly 20 million", []float64{20e6}, nil},
		{"1.2B", []float64{1.2e9}, nil},
		{"300 mil", []float64{300e6}, nil},
		{"around half a billion", []float64{5e8}, nil},
		{"2.5 mil total, ~400k daily actives", []float64{2.5e6, 400e3}, nil},
		{"3 thousand (it is an internal tool)", []float64{3000}, nil},
		{"A million people use it every day.", []float64{1e6}, nil},
		{"Expected DAU: 5-8 million", []float64{6.5e6}, nil},
		{"40MM", []float64{40e6}, nil},
		{"1.5bn", []float64{1.5e9}, nil},
		{"Around ten thousand daily active users", []float64{1e4}, nil},
		{"750,000", []float64{750000}, nil},
		{"~1e6 DAU", []float64{1e6}, nil},
		{"views about 20 photos a day and uploads one photo every 10 days", []float64{20 / day, 0.1 / day}, []estimate.Dim{estimate.Rate, estimate.Rate}},
		{"~50 requests/day", []float64{50 / day}, []estimate.Dim{estimate.Rate}},
		{"around a dozen messages each day", []float64{12 / day}, nil},
		{"about 4 requests an hour", []float64{4.0 / 3600}, nil},
		{"3 photos a week", []float64{3 / (7 * day)}, nil},
		{"10 to 20 requests a day", []float64{15 / day}, nil},
		{"polls for new notifications every 10 s", []float64{0.1}, []estimate.Dim{estimate.Rate}},
		{"writes twice a day", []float64{2 / day}, []estimate.Dim{estimate.Rate}},
		{"2 orders a month", []float64{2 / (30 * day)}, nil},
		{"between 50 and 100 API calls a day", []float64{75 / day}, nil},
		{"100 million new URLs per month", []float64{1e8 / (30 * day)}, nil},
		{"500 million tweets are posted per day", []float64{5e8 / day}, nil},
		{"We ingest 2G events per day.", []float64{2e9 / day}, nil},
		{"Roughly 1.2T requests a year.", []float64{1.2e12 / (365 * day)}, nil},
		{"Read:write ratio — 100:1", []float64{100}, []estimate.Dim{estimate.Ratio}},
		{"Writes are about 1 in 20 requests.", []float64{0.05}, nil},
		{"Reads outnumber writes 10 to 1.", []float64{10}, nil},
		{"split 70/30", []float64{0.7}, nil},
		{"roughly 3x", []float64{3}, []estimate.Dim{estimate.Ratio}},
		{"Peak is twice the average.", []float64{2}, []estimate.Dim{estimate.Ratio}},
		{"a peak of 3–5x average load", []float64{4}, nil},
		{"up to 4 times the daily average", []float64{4}, []estimate.Dim{estimate.Ratio}},
		{"150% of the average", []float64{1.5}, []estimate.Dim{estimate.Percent}},
		{"about 2 KB", []float64{2000}, []estimate.Dim{estimate.Bytes}},
		{"1KiB", []float64{1024}, nil},
		{"2kb of text", []float64{2000}, nil},
		{"64 kbit", []float64{8000}, nil},
		{"2–5 KB", []float64{3500}, nil},
		{"~1 mb after compression", []float64{1e6}, nil},
		{"10 kilobytes", []float64{1e4}, nil},
		{"kept for 5 years", []float64{5 * 365 * day}, []estimate.Dim{estimate.Duration}},
		{"90 days", []float64{90 * day}, nil},
		{"1 yr", []float64{365 * day}, nil},
		{"a 90-day window", []float64{90 * day}, nil},
		{"5y", []float64{5 * 365 * day}, nil},
		{"RF=3", []float64{3}, nil},
		{"~1,000 RPS", []float64{1000}, []estimate.Dim{estimate.Rate}},
		{"2k QPS per instance", []float64{2000}, nil},
		{"about 5,000 req/s", []float64{5000}, nil},
		{"10k writes/sec", []float64{10000}, nil},
		{"800–1,200 requests per second", []float64{1000}, nil},
		{"60% utilisation", []float64{0.6}, nil},
		{"~50 ms", []float64{0.05}, nil},
		{"120ms", []float64{0.12}, nil},
		{"between 10 and 20 ms", []float64{0.015}, nil},
		{"~5k events/s", []float64{5000}, nil},
		{"1.2M messages per minute", []float64{20000}, nil},
		{"100 jobs/min", []float64{100.0 / 60}, nil},
		{"8 minutes each time", []float64{480}, nil},
		{"four nines", []float64{0.9999}, []estimate.Dim{estimate.Percent}},
		{"99.95% monthly", []float64{0.9995}, nil},
		{"35 GB/day", []float64{35e9}, []estimate.Dim{estimate.Bytes}},
		{"120 MB/s", []float64{120e6}, []estimate.Dim{estimate.ByteRate}},
		{"300 Kbps", []float64{37500}, []estimate.Dim{estimate.ByteRate}},
		{"10 Gb/s", []float64{1.25e9}, []estimate.Dim{estimate.ByteRate}},
		{"12.7 GB of new paste content per month", []float64{12.7e9}, []estimate.Dim{estimate.Bytes}},
		{"5.4 PB of new tweet content in 3 years", []float64{5.4e15}, nil},
		{"10^6", []float64{1e6}, nil},
		{"0.4Millioin", []float64{4e5}, nil},
		{"10M~100M users", []float64{55e6}, nil},
		// No figures.
		{"Redis 7.2.1 and 10.0.0.1", nil, nil},
		{"2024-03-01T12:00:00Z", nil, nil},
		{"us-east-1 and p99", nil, nil},
		{"tens of thousands", nil, nil},
		{"a few million users", nil, nil},
		{"at 9:30 am", []float64{}, nil},
	}
	for _, tt := range tests {
		got := Lex(tt.text).Amounts(estimate.DefaultCalendar)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d amounts %v, want %v", tt.text, len(got), describe(got), tt.want)
			continue
		}
		for i, a := range got {
			if math.Abs(a.Value-tt.want[i]) > 1e-6*math.Abs(tt.want[i]) {
				t.Errorf("%q: amount %d = %g (%v), want %g", tt.text, i, a.Value, a.Dim, tt.want[i])
			}
			if tt.dims != nil && a.Dim != tt.dims[i] {
				t.Errorf("%q: amount %d is %v, want %v", tt.text, i, a.Dim, tt.dims[i])
			}
		}
	}
}

func describe(as []Amount) []string {
	var out []string
	for _, a := range as {
		out = append(out, estimate.Format(a.Quantity))
	}
	return out
}
