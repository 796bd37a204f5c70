package estimate

import "sort"

// factors lists, for each derived figure, the figures a calculation
// written out in a document multiplies to get it, one list per way of
// computing it. Constants of time and of units (86,400 s a day, 365 days
// a year) are left out: a calculation may write them or not.
var factors = map[string][][]string{
	"requests_per_day":       {{"dau", "requests_per_user_per_day"}, {"users", "requests_per_user_per_day"}, {"avg_tps"}},
	"writes_per_day":         {{"dau", "writes_per_user_per_day"}, {"avg_write_tps"}},
	"reads_per_day":          {{"dau", "reads_per_user_per_day"}, {"writes_per_day", "read_write_ratio"}, {"avg_read_tps"}},
	"avg_tps":                {{"requests_per_day"}},
	"avg_read_tps":           {{"reads_per_day"}, {"avg_write_tps", "read_write_ratio"}},
	"avg_write_tps":          {{"writes_per_day"}},
	"peak_tps":               {{"avg_tps", "peak_factor"}},
	"peak_read_tps":          {{"avg_read_tps", "peak_factor"}},
	"peak_write_tps":         {{"avg_write_tps", "peak_factor"}},
	"storage_per_day":        {{"writes_per_day", "write_size"}},
	"storage_per_year":       {{"storage_per_day"}},
	"storage_total":          {{"storage_per_day", "retention", "replication_factor"}, {"storage_per_day", "retention"}, {"storage_per_year", "retention"}},
	"ingress_bandwidth":      {{"avg_write_tps", "write_size"}, {"storage_per_day"}},
	"egress_bandwidth":       {{"avg_read_tps", "read_size"}},
	"peak_ingress_bandwidth": {{"peak_write_tps", "write_size"}},
	"peak_egress_bandwidth":  {{"peak_read_tps", "read_size"}},
	"cache_memory":           {{"reads_per_day", "read_size", "cache_hot_fraction"}, {"reads_per_day", "read_size"}},
}

// Factors returns the ways a written calculation computes a derived
// figure, each as the figures it multiplies (or divides by a constant of
// time): storage_per_day is writes_per_day × write_size. It returns nil for
// a name no calculation of that shape gives.
func Factors(name string) [][]string { return factors[name] }

// FactorResults lists, in a fixed order, the derived figures Factors
// knows a calculation for.
func FactorResults() []string { return factorResults }

var factorResults = func() []string {
	out := make([]string, 0, len(factors))
	for name := range factors {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}()
