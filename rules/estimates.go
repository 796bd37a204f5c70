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

// UnreadableFigure reports a labelled estimate whose value designlint could
// not take as the figure its label names.
var UnreadableFigure = &Rule{
	ID:       "unreadable-figure",
	Kinds:    everyDesignKind,
	Category: Estimates,
	Severity: Info,
	Summary:  "every labelled estimate has a value of the kind its label names",
	Doc: Doc{
		Why: `A figure designlint cannot read is a figure it cannot check: "DAU: 10 GB"
is a size where a count of users belongs, "Write size: 2000" has no unit.
Such a line is left out of the estimate, and the author should know, rather
than believe the arithmetic was checked. It is never reported as a slip in
the author's arithmetic.`,
		Trigger: `A labelled line or table row of an estimates section names an estimate
input or figure (DAU, write size, retention…) but its value does not fit
it: a size for a count, a plain number for a size or a duration, a unit
that does not go with the name.`,
		Fix: `Write the value with the unit the name needs: "DAU: 10M", "Write size:
2 KB", "Retention: 5 years". designlint estimate lists every figure it
read and every number it did not use, with the reason.`,
		Fail: "# Photo feed\n\n## Estimates\n\n- DAU: 10 GB\n- Requests per user per day: 20\n",
		Pass: "# Photo feed\n\n## Estimates\n\n- DAU: 10M\n- Requests per user per day: 20\n",
	},
	Check: reportReaderIssues,
}
