package rules

import (
	"fmt"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// onServingPath reports whether a component serves requests: offline
// workers and systems outside the design do not.
func onServingPath(c *design.Component) bool {
	return c.Kind != design.KindWorker && c.Kind != design.KindExternal
}

// acknowledgeHint says how to accept a risk in the document's format.
func acknowledgeHint(d *design.Design) string {
	if structured(d) {
		return "spof: {acknowledged: true, reason: \"…\"}"
	}
	return "a sentence in its description such as \"single point of failure, accepted because …\""
}

// SinglePointOfFailure wants no unacknowledged single instance on the
// request path.
var SinglePointOfFailure = &Rule{
	ID:       "single-point-of-failure",
	Kinds:    statedInDecisions,
	Category: Reliability,
	Severity: Error,
	Summary:  "no component on the request path runs as a single instance unacknowledged",
	Doc: Doc{
		Why: `A component with one instance takes the whole system down with it: a
deploy, a crashed host or a full disk becomes an outage. Vertical scaling
does not help; it is still one machine. Sometimes one instance is the right
call (an offline job that can be retried), and then the design should say
so.`,
		Trigger: `A component that serves requests (not a worker or an external system)
is stated to have one instance ("replicas: 1", "single instance", "one
node"), or runs in a single region while an availability target of 99.9%
or more is set, and is not acknowledged. Components named in the rule's
ignore_components option are skipped.`,
		Fix: `Run at least two instances behind a load balancer, replicate the store,
or deploy to a second region. If the risk is accepted, say so in the
component's description ("single point of failure, accepted because …")
or in CUE with spof: {acknowledged: true, reason: "…"}.`,
		Fail: `# Orders

## Components

### Orders DB (PostgreSQL)

A single instance holds all orders. Strongly consistent because an order
must never be lost or double-charged.
`,
		Pass: `# Orders

## Components

### Orders DB (PostgreSQL)

A primary with 2 read replicas across zones holds all orders. Strongly
consistent because an order must never be lost or double-charged.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		target := availabilityTarget(d)
		for _, c := range d.Components {
			if !onServingPath(c) || c.SPOF.Acknowledged || p.Options.Ignores(c.Name) {
				continue
			}
			if c.Replicas == 1 {
				p.Report(c.Span, "component:"+c.Name,
					"%s %s has one instance and is on the request path; run at least two (or replicate it) or acknowledge the risk with %s",
					kindNoun(c), quote(c.Name), acknowledgeHint(d))
				continue
			}
			if c.Regions == 1 && !c.RegionFromZones && target != nil && target.Quantity.Value >= 0.999 && p.Applies != Stated {
				p.Report(c.Span, "component:"+c.Name,
					"%s %s runs in a single region but the availability target is %s; add a second region with failover or acknowledge the risk with %s",
					kindNoun(c), quote(c.Name), estimate.Format(target.Quantity), acknowledgeHint(d))
			}
		}
	},
}

// FailurePlan wants a plan for when things go wrong.
var FailurePlan = &Rule{
	ID:       "failure-plan",
	Kinds:    templateInProposals,
	Category: Reliability,
	Severity: Error,
	Summary:  "the design has a failure plan",
	Doc: Doc{
		Why: `Traffic will spike, a zone will go dark, the cache will be flushed at the
worst moment. A design that does not say what happens then has only been
designed for the good days.`,
		Trigger: `The document has no failure plan: no section such as "Failure plan",
"Failure modes", "Reliability", "Fault tolerance", "Risks and mitigations"
or "Disaster recovery" with content, and no failure_plan in CUE. A plan
that names failures but leaves every mitigation to be written (a
template's "Traffic spike | TODO") counts as none.`,
		Fix: `Add a failure plan: for a traffic spike, the loss of a node, zone or
region, and the failure of each dependency, say what the system does
(rate limiting, autoscaling, failover, circuit breakers, degraded modes).`,
		Fail: `# Notifications

## High-level design

An API writes to a queue; workers send the messages.
`,
		Pass: `# Notifications

## Failure plan

- Traffic spike: the queue absorbs it and workers autoscale on queue depth
- Zone loss: workers run in three zones; the queue is replicated
- Email provider down: retry with backoff, then fail over to a second provider
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		add := addAs(d, "Failure plan", "failure_plan") + " covering a traffic spike, the loss of a node, zone or region, and a dependency failing"
		if len(d.FailurePlan) > 0 {
			// A plan that names failures but answers none of them (a
			// template's "Traffic spike | TODO") is not a plan yet.
			for _, sc := range d.FailurePlan {
				if !sc.Pending {
					return
				}
			}
			sp, where := d.FailurePlan[0].Span, "the failure plan"
			if s, ok := firstSection(d, design.SectionFailure); ok {
				sp, where = s.Span, fmt.Sprintf("section %q", s.Title)
			}
			p.Report(sp, "section:failure", "%s names failures but no mitigation for any of them yet, only placeholders; say what the system does for each (rate limiting, autoscaling, failover, degraded modes)", where)
			return
		}
		if hasSectionContent(d, design.SectionFailure) {
			return
		}
		reportMissing(p, "section:failure", "failure plan", add, design.SectionFailure)
	},
}
