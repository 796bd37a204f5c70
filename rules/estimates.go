package rules

import (
	"github.com/designlint/designlint/design"
)

// scaleNames are the assumptions and figures that say how big the load is.
var scaleNames = []string{
	"dau", "mau", "users", "requests_per_day", "requests_per_user_per_day", "reads_per_day",
	"writes_per_day", "avg_tps", "peak_tps", "avg_read_tps", "avg_write_tps", "peak_read_tps",
	"peak_write_tps", "queue_arrival_rate",
}

// hasScale reports whether the document states its load with a number.
func hasScale(d *design.Design) bool {
	for _, n := range scaleNames {
		if _, ok := d.Assumptions[n]; ok {
			return true
		}
		if _, ok := d.Declared[n]; ok {
			return true
		}
	}
	return false
}

// EstimatesPresent wants the load worked out from numbers.
var EstimatesPresent = &Rule{
	ID:       "estimates-present",
	Category: Estimates,
	Severity: Error,
	Summary:  "the design estimates its load from a stated scale",
	Doc: Doc{
		Why: `Every sizing decision (how many servers, whether one database is
enough, how big the cache) follows from the load. Translating users into
requests per second takes a minute and turns "it should scale" into
figures a reviewer can check.`,
		Trigger: `No scale assumption with a number is found anywhere in the document:
no daily or monthly active users, user count, requests per day or per user,
or request rate (TPS, QPS, RPS). designlint reads labels ("DAU: 10M"), table
rows, fenced cue/yaml/json blocks and sentences ("10 million daily active
users", "each user makes 100 requests per day").`,
		Fix: `Add an estimates section: users, requests per user per day, the
requests per day and average TPS they give, a peak factor, and storage
from write size and retention.`,
		Fail: `# Chat

## Estimates

We expect a lot of traffic.
`,
		Pass: `# Chat

## Estimates

- DAU: 10M
- Requests per user per day: 40
- Peak factor: 3x
`,
	},
	Check: func(p *Pass) {
		if hasScale(p.Design) {
			return
		}
		reportMissing(p, "section:estimates", "scale assumption with a number",
			addAs(p.Design, "Estimates", "assumptions")+" with users (e.g. DAU: 10M) and requests per user per day, then work out requests per day and TPS",
			design.SectionEstimates)
	},
}
