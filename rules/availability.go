package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// AvailabilityBudget checks that the availabilities the design declares
// for its components can add up to its availability target.
var AvailabilityBudget = &Rule{
	ID:       "availability-budget",
	Category: Reliability,
	Severity: Warning,
	Summary:  "the serving path's composite availability meets the availability target",
	Doc: Doc{
		Why: `A request that passes through a load balancer, a service and a database
succeeds only when all three are up, so their availabilities multiply: three
components at 99.9% each give about 99.7%, not 99.9%. Redundant copies work
the other way: two independent instances at 99.9% are both down only 0.0001%
of the time. A target of 99.99% over parts that are each sold at 99.9% is a
promise the architecture cannot keep.`,
		Trigger: `The design has an availability target (the strictest percentage among
its availability requirements) and states the availability of at least one
component on the serving path, and the composite falls below the target.
The serving path is every component that serves requests (not workers),
plus external systems a serving component depends on; only components with
a stated availability count. A stated availability is read as one
instance's: a component with n replicas is up unless all n are down,
1 - (1 - a)^n (an unknown replica count counts as one). The composite is the
product over the path. Components named in ignore_components are left out.
The finding is reported at the weakest link.`,
		Fix: `Add replicas (or a failover standby) to the weakest components, take the
component off the request path (serve from a cache or queue the work), or
set a target the parts can meet. If a figure is the whole component's SLA
rather than one instance's, state it on a component without a replica
count.`,
		Fail: `# Checkout

## Non-functional requirements

- Availability: 99.99% per month for checkout

## Components

### Checkout service

Stateless, 3 replicas, each available 99.9% of the time.

### Orders DB (Amazon RDS)

A managed PostgreSQL database with an availability SLA of 99.95%. Strongly
consistent because an order must never be lost.
`,
		Pass: `# Checkout

## Non-functional requirements

- Availability: 99.9% per month for checkout

## Components

### Checkout service

Stateless, 3 replicas, each available 99.9% of the time.

### Orders DB (PostgreSQL)

A primary with a synchronous standby in another zone, 2 instances with
availability of 99.95% each. Strongly consistent because an order must
never be lost.
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		target := availabilityTarget(d)
		if target == nil {
			return
		}
		links := servingLinks(d, p.Options)
		if len(links) == 0 {
			return
		}
		composite := 1.0
		weakest := links[0]
		for _, l := range links {
			composite *= l.combined
			if l.combined < weakest.combined {
				weakest = l
			}
		}
		goal := target.Quantity.Value
		if composite >= goal {
			return
		}
		parts := make([]string, 0, len(links))
		for i, l := range links {
			if i == 6 {
				parts = append(parts, fmt.Sprintf("and %d more", len(links)-6))
				break
			}
			parts = append(parts, l.String())
		}
		p.Report(weakest.c.Span, "component:"+weakest.c.Name,
			"the serving path is available %s at best (%s), below the %s target: about %s down a month against %s; the weakest link is %s, so add replicas or a standby there, take it off the request path, or lower the target",
			below(composite, goal), strings.Join(parts, " × "), percent(goal),
			downtime(composite), downtime(goal), quote(weakest.c.Name))
	},
}

// link is one component of the serving path with its declared
// availability.
type link struct {
	c        *design.Component
	each     float64 // as declared
	combined float64 // with its replicas in parallel
}

func (l link) String() string {
	s := quote(l.c.Name) + " " + percent(l.each)
	if l.c.Replicas > 1 {
		s += fmt.Sprintf(" with %d replicas = %s", l.c.Replicas, percent(l.combined))
	}
	return s
}

// servingLinks lists the components on the serving path that declare an
// availability: those that serve requests, and external systems a serving
// component calls. Workers, and externals only workers call, are off the
// path.
func servingLinks(d *design.Design, o RuleOptions) []link {
	called := map[string]bool{}
	for _, c := range d.Components {
		if onServingPath(c) {
			for _, dep := range c.DependsOn {
				called[design.NameKey(dep)] = true
			}
		}
	}
	var out []link
	for _, c := range d.Components {
		if c.Availability == nil || o.Ignores(c.Name) {
			continue
		}
		if !onServingPath(c) && !(c.Kind == design.KindExternal && called[design.NameKey(c.Name)]) {
			continue
		}
		a := c.Availability.Quantity.Value
		if c.Availability.Quantity.Dim != estimate.Percent || !(a > 0 && a <= 1) {
			continue
		}
		n := max(c.Replicas, 1)
		out = append(out, link{c: c, each: a, combined: 1 - math.Pow(1-a, float64(n))})
	}
	return out
}

// percent prints an availability with the digits that tell it apart from
// 100%: 99.95%, 99.9999%.
func percent(a float64) string {
	return percentDigits(a, 0)
}

// percentDigits is percent with at least the given number of decimals.
func percentDigits(a float64, least int) string {
	p := a * 100
	d := 2
	if gap := 100 - p; gap > 0 {
		d = max(d, int(math.Ceil(-math.Log10(gap)))+1)
	}
	d = min(max(d, least), 9)
	s := strconv.FormatFloat(p, 'f', d, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s + "%"
}

// below prints a composite availability that falls short of a target so
// that the two never read the same.
func below(composite, goal float64) string {
	s := percent(composite)
	for d := 3; s == percent(goal) && d <= 9; d++ {
		s = percentDigits(composite, d)
	}
	return s
}

// downtime prints the monthly downtime an availability allows.
func downtime(a float64) string {
	return estimate.Format(estimate.Quantity{Value: (1 - a) * 30 * estimate.SecondsPerDay, Dim: estimate.Duration})
}
