package estimate

import (
	"math"
	"strings"
	"testing"
)

func q(v float64, d Dim) Quantity { return Quantity{Value: v, Dim: d} }

func figure(t *testing.T, r *Result, name string) Figure {
	t.Helper()
	f, ok := r.Figure(name)
	if !ok {
		t.Fatalf("no %s in %+v", name, r.Figures)
	}
	return f
}

// TestPlaybookExample is the worked example the playbook is built on:
// 100,000 users × 100 requests a day = 10,000,000 a day ≈ 116 TPS.
func TestPlaybookExample(t *testing.T) {
	r := Derive(Inputs{Assumed: map[string]Quantity{
		"dau":                       q(100000, Count),
		"requests_per_user_per_day": q(100, Count),
	}})
	if f := figure(t, r, "requests_per_day"); f.Value.Value != 1e7 || f.Formula != "dau × requests_per_user_per_day" {
		t.Errorf("requests_per_day = %+v", f)
	}
	f := figure(t, r, "avg_tps")
	if math.Abs(f.Value.Value-115.74074) > 1e-4 || f.Value.Dim != Rate {
		t.Errorf("avg_tps = %v", f.Value)
	}
	if got := nameIndex["avg_tps"].FormatAs(f.Value); got != "116 TPS" {
		t.Errorf("avg_tps prints as %q", got)
	}
	if _, ok := r.Figure("peak_tps"); ok {
		t.Errorf("a peak was invented without a peak factor")
	}
}

func TestDeclaredFiguresFeedTheChain(t *testing.T) {
	r := Derive(Inputs{Declared: map[string]Quantity{"requests_per_day": q(1e7, Count)}, Assumed: map[string]Quantity{"peak_factor": q(10, Ratio)}})
	if f := figure(t, r, "avg_tps"); math.Abs(f.Value.Value-115.74) > 0.01 {
		t.Errorf("avg_tps from a declared requests_per_day = %v", f.Value)
	}
	if f := figure(t, r, "requests_per_day"); !f.FromDocument {
		t.Errorf("requests_per_day should be the document's own: %+v", f)
	}
	if f := figure(t, r, "peak_tps"); math.Abs(f.Value.Value-1157.4) > 0.1 {
		t.Errorf("peak_tps = %v", f.Value)
	}
	if len(r.Unchecked) != 1 || r.Unchecked[0].Name != "requests_per_day" {
		t.Errorf("unchecked = %+v", r.Unchecked)
	}
}

// TestOneSlipReportedOnce: a wrong requests_per_day is reported, and the
// figures that follow correctly from it are not.
func TestOneSlipReportedOnce(t *testing.T) {
	r := Derive(Inputs{
		Assumed: map[string]Quantity{"dau": q(1e5, Count), "requests_per_user_per_day": q(10, Count), "peak_factor": q(10, Ratio)},
		Declared: map[string]Quantity{
			"requests_per_day": q(1e7, Count),
			"avg_tps":          q(116, Rate),
			"peak_tps":         q(1160, Rate),
		},
	})
	bad := 0
	for _, c := range r.Checks {
		if c.Ratio > 1.5 {
			bad++
			if c.Name != "requests_per_day" || math.Abs(c.Ratio-10) > 1e-9 {
				t.Errorf("unexpected disagreement %+v", c)
			}
		}
	}
	if bad != 1 || len(r.Checks) != 3 {
		t.Errorf("checks = %+v", r.Checks)
	}
	// The table still shows the figures the assumptions give.
	if f := figure(t, r, "avg_tps"); math.Abs(f.Value.Value-11.574) > 0.001 || f.Declared == nil {
		t.Errorf("avg_tps in the table = %+v", f)
	}
}

func TestSlipsFire(t *testing.T) {
	base := map[string]Quantity{
		"dau": q(1e6, Count), "requests_per_user_per_day": q(20, Count), "write_ratio": q(0.1, Ratio),
		"write_size": q(2000, Bytes), "retention": q(365*86400, Duration), "replication_factor": q(3, Ratio),
	}
	tests := []struct {
		name     string
		declared Quantity
		ratio    float64
	}{
		{"storage_total", q(2e6*2000*365, Bytes), 3},            // replication factor forgotten
		{"ingress_bandwidth", q(2e6/86400*2000/8, ByteRate), 8}, // bits taken for bytes
		{"avg_tps", q(2e7, Rate), 86400},                        // per day used as per second
		{"requests_per_day", q(2e6, Count), 10},                 // a dropped zero
		{"storage_per_day", q(2e6*2000/30, Bytes), 30},          // per month used as per day
		{"avg_write_tps", q(2e6/86400*0.95, Rate), 0.95},        // napkin rounding: fine
		{"avg_tps", q(2e7/100000, Rate), 2e7 / 86400 / 200},     // 86,400 rounded to 100k: fine
	}
	for _, tt := range tests {
		r := Derive(Inputs{Assumed: base, Declared: map[string]Quantity{tt.name: tt.declared}})
		if len(r.Checks) != 1 {
			t.Errorf("%s: checks = %+v", tt.name, r.Checks)
			continue
		}
		c := r.Checks[0]
		want := math.Max(tt.ratio, 1/tt.ratio)
		if math.Abs(c.Ratio/want-1) > 0.01 {
			t.Errorf("%s: ratio %v, want %v", tt.name, c.Ratio, want)
		}
		if (c.Ratio > 1.5) != (want > 1.5) {
			t.Errorf("%s: fires %v, want %v", tt.name, c.Ratio > 1.5, want > 1.5)
		}
	}
}

func TestNoCircularDerivation(t *testing.T) {
	// Reads and writes stated, with a ratio: each is checked against the
	// other, never against itself.
	r := Derive(Inputs{
		Assumed:  map[string]Quantity{"read_write_ratio": q(10, Ratio)},
		Declared: map[string]Quantity{"reads_per_day": q(3.3e6, Count), "writes_per_day": q(1e5, Count)},
	})
	for _, c := range r.Checks {
		if strings.Contains(c.Formula, "requests_per_day") {
			t.Errorf("%s checked through requests_per_day, which rests on itself: %+v", c.Name, c)
		}
		if c.Ratio < 3 {
			t.Errorf("%s: reads and writes disagree 3.3x but the check says %v", c.Name, c.Ratio)
		}
	}
}

func TestDefaultsArePrinted(t *testing.T) {
	r := Derive(Inputs{Assumed: map[string]Quantity{
		"dau": q(1e6, Count), "requests_per_user_per_day": q(100, Count), "peak_factor": q(3, Ratio),
		"server_capacity_tps": q(500, Rate),
	}})
	f := figure(t, r, "servers")
	if len(f.Defaults) != 1 || !strings.Contains(f.Defaults[0], "target_utilization = 0.7") {
		t.Errorf("servers defaults = %v", f.Defaults)
	}
	// ⌈3,472 / (500 × 0.7)⌉ = 10
	if f.Value.Value != 10 {
		t.Errorf("servers = %v", f.Value)
	}
}

func TestQueueGrowthAndDowntime(t *testing.T) {
	r := Derive(Inputs{Assumed: map[string]Quantity{
		"queue_arrival_rate": q(100, Rate), "queue_service_rate": q(20, Rate), "consumers": q(2, Count),
		"availability": q(0.999, Percent),
	}})
	if f := figure(t, r, "queue_growth"); f.Value.Value != 60 || nameIndex["queue_growth"].FormatAs(f.Value) != "216k/hour" {
		t.Errorf("queue_growth = %v", f.Value)
	}
	if f := figure(t, r, "monthly_downtime"); math.Abs(f.Value.Value-2592) > 1e-6 {
		t.Errorf("monthly_downtime = %v", f.Value)
	}
}
