package grade

import (
	"fmt"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/rules"
)

// failureParts are the parts of the scale-and-failure step for the three
// cases of rules.FailureCases, in its order, with what answers each.
var failureParts = []struct {
	part, fix string
}{
	{"spike", "rate limiting, autoscaling, queueing"},
	{"loss", "replicas across zones, failover, a second region"},
	{"dependency", "timeouts, circuit breakers, a fallback or a degraded mode"},
}

func (g *grader) scaleFailure() Step {
	b := newStep("scale_failure")
	if len(g.d.FailurePlan) == 0 {
		if s, ok := g.writtenSection(design.SectionFailure); ok {
			b.first = fmt.Sprintf("designlint read no failure scenario from section %q (line %d): write each as an item of its own, what fails and then what the system does (- Cache down: read the database behind a circuit breaker)",
				s.Title, s.Span.Start.Line)
		} else {
			b.first = "say what the system does on a traffic spike, when a node, zone or region is lost, and when a dependency fails"
		}
	}
	for i, fc := range rules.FailureCases(g.d) {
		p := failureParts[i]
		switch {
		case len(fc.Answered) > 0:
			var ev []Evidence
			for _, sc := range fc.Answered {
				ev = append(ev, Evidence{What: fc.Case, Span: sc.Span, Text: sc.Scenario})
			}
			b.full(p.part, fc.Case, ev...)
		case !fc.Needed:
			b.full(p.part, "", Evidence{What: "no dependency that can fail", Quote: "no store, cache, queue or outside system among the components"})
		case len(fc.Named) > 0:
			line := fc.Named[0].Span.Start.Line
			b.miss(p.part, fmt.Sprintf("line %d names %s but not what the system does then", line, fc.Case),
				fmt.Sprintf("say at line %d what the system does on %s: %s", line, fc.Case, p.fix))
		default:
			b.miss(p.part, "nothing on "+fc.Case, fmt.Sprintf("add what the system does on %s: %s", fc.Case, p.fix))
		}
	}
	spofs := g.fired[rules.SinglePointOfFailure.ID]
	switch {
	case len(spofs) > 0:
		for _, f := range spofs {
			b.miss("spof", fmt.Sprintf("line %d: %s", f.Span.Start.Line, f.Message),
				fmt.Sprintf("replicate what line %d names, or acknowledge it as a single point of failure with its reason", spofs[0].Span.Start.Line))
		}
	case len(g.d.Components) > 0:
		b.full("spof", "no unacknowledged single point of failure",
			Evidence{What: "no unacknowledged single point of failure", Quote: rules.Plural(len(g.d.Components), "component", "components") + " checked"})
	default:
		b.miss("spof", "no components to check for single points of failure", "")
	}
	return b.finish()
}
