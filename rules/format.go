package rules

import (
	"strings"
	"time"
)

// reportReaderIssues reports what the reader met for this rule: schema
// violations, unreadable figures.
func reportReaderIssues(p *Pass) {
	for _, is := range p.Design.Issues {
		if is.Rule == p.rule.ID {
			p.Report(is.Span, is.Element, "%s", is.Message)
		}
	}
}

// Schema reports structured documents that do not match #Design.
var Schema = &Rule{
	ID:       "schema",
	Kinds:    everyKind,
	Category: Format,
	Severity: Error,
	Summary:  "a CUE, JSON or YAML design matches the #Design schema",
	Doc: Doc{
		Why: `A misspelt field is silently ignored by anything that reads the
document, so a design can look complete and not be. Checking the shape
first means every later rule sees what the author meant.`,
		Trigger: `A .cue, .json or .yaml design document, or a fenced cue, yaml or json
block of design fields in a Markdown document, does not unify with the
embedded #Design schema (print it with designlint schema): an unknown
field, a kind or consistency outside the allowed choices, a negative
count, a quantity string designlint cannot read. Each problem is reported
at its position, one finding per field.`,
		Fix: `Correct the field the finding names; designlint schema shows every field
with its allowed values.`,
		Fail: "# Queue\n\n## Components\n\n```cue\ncomponents: jobs: {kind: \"message-queue\", replicas: 3}\n```\n",
		Pass: "# Queue\n\n## Components\n\n```cue\ncomponents: jobs: {kind: \"queue\", replicas: 3}\n```\n",
	},
	Check: reportReaderIssues,
}

// SuppressionReason keeps waivers honest.
var SuppressionReason = &Rule{
	ID:       "suppression-reason",
	Kinds:    everyKind,
	Category: Format,
	Severity: Warning,
	Summary:  "every designlint-disable comment gives a reason, is current and is used",
	Doc: Doc{
		Why: `A waiver is an accepted risk, and a risk accepted without a reason
cannot be reviewed. Waivers also rot: the finding is fixed, or the date
the risk was accepted until has passed, and the comment lingers.`,
		Trigger: `A designlint-disable or designlint-disable-next comment has no reason
after "--", names a rule that does not exist, has an "until" date that is
not a date or has passed (an expired waiver no longer applies), or waived
nothing in this run. A front-matter rule setting with an unknown rule id
or severity is reported too.`,
		Fix: `Write the reason after "--": <!-- designlint-disable-next
single-point-of-failure -- offline job, retried hourly until 2027-03-31 -->.
Remove waivers that match nothing.`,
		Fail: "# Reports\n\n## Components\n\n<!-- designlint-disable-next single-point-of-failure -->\n### Report builder service\n\nRuns as a single instance.\n",
		Pass: "# Reports\n\n## Components\n\n<!-- designlint-disable-next single-point-of-failure -- rebuilt nightly; an outage delays reports by a day -->\n### Report builder service\n\nRuns as a single instance.\n",
	},
	Check: checkDirectives,
}

func checkDirectives(p *Pass) {
	d := p.Design
	for i, s := range d.Suppressions {
		kind := "designlint-disable"
		if s.Next {
			kind = "designlint-disable-next"
		}
		// The element says which directive and what is wrong with it, so
		// that a baseline entry for one problem never covers another.
		el := "suppression:" + strings.Join(s.Rules, ",")
		bad := false
		if len(s.Rules) == 0 {
			p.Report(s.Span, el+":no-rule", "%s names no rule; write the rule id after it (designlint rules lists them)", kind)
			continue
		}
		for _, r := range s.Rules {
			if r == "all" || p.known[r] {
				continue
			}
			bad = true
			p.Report(s.Span, el+":unknown:"+r, "%s names unknown rule %s%s", kind, quote(r), didYouMean(r, p.known))
		}
		if s.Reason == "" {
			p.Report(s.Span, el+":no-reason", "%s %s gives no reason, so it waives nothing; add one after \"--\" (the risk you accept and why)", kind, strings.Join(s.Rules, ","))
			continue
		}
		if s.Until != "" {
			t, err := time.Parse("2006-01-02", s.Until)
			if err != nil {
				p.Report(s.Span, el+":bad-date", "waiver date %s is not a date; write until YYYY-MM-DD", quote(s.Until))
				continue
			}
			if p.now.After(t.Add(24 * time.Hour)) {
				p.Report(s.Span, el+":expired", "waiver of %s expired on %s and no longer applies; fix the findings or renew the waiver with a new date", strings.Join(s.Rules, ","), s.Until)
				continue
			}
		}
		if s.Next && s.Target.Start.Line == 0 {
			p.Report(s.Span, el+":at-end", "%s is at the end of the document and covers nothing; remove it", kind)
			continue
		}
		// A waiver of a rule that is off in this run cannot be judged.
		running := false
		for _, r := range s.Rules {
			running = running || r == "all" || p.active[r]
		}
		if !bad && running && i < len(p.used) && p.used[i] == 0 {
			p.Report(s.Span, el+":unused", "%s %s waives nothing in this run; remove it", kind, strings.Join(s.Rules, ","))
		}
	}
	for _, o := range d.Overrides {
		if !p.known[o.Rule] {
			p.Report(o.Span, "override:"+o.Rule, "rule setting for unknown rule %s%s", quote(o.Rule), didYouMean(o.Rule, p.known))
			continue
		}
		if _, err := ParseSeverity(o.Severity); err != nil {
			p.Report(o.Span, "override:"+o.Rule, "rule setting for %s: %v", o.Rule, err)
		}
	}
}

func didYouMean(name string, known map[string]bool) string {
	ids := make([]string, 0, len(known))
	for k := range known {
		ids = append(ids, k)
	}
	if s := Suggest(name, ids); s != "" {
		return "; did you mean " + quote(s) + "?"
	}
	return "; designlint rules lists the ids"
}

// Suggest returns the candidate closest to name, if one is close enough to
// be a likely typo.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		d := editDistance(name, c)
		if strings.HasPrefix(c, name) || strings.HasPrefix(name, c) {
			d = min(d, 2)
		}
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	if bestDist <= max(2, len(name)/4) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
