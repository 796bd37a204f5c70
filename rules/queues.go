package rules

import (
	"math"
	"strings"

	"github.com/designlint/designlint/design"
	"github.com/designlint/designlint/estimate"
)

// QueueBackpressure wants every queue to have a plan for a backlog, and no
// queue whose stated rates make it grow for ever.
var QueueBackpressure = &Rule{
	ID:       "queue-backpressure",
	Category: Architecture,
	Severity: Warning,
	Summary:  "every queue has a plan for when it grows",
	Doc: Doc{
		Why: `A queue turns "too much work right now" into "work waiting", which is
the point of it, but only while consumers eventually catch up. When messages
arrive faster than the consumers finish them, the backlog grows without
limit: latency climbs, memory or disk fills and the broker falls over. A
design with a queue should say what keeps that in check, and its own rates
should not show the queue losing the race from the start.`,
		Trigger: `Each component of kind queue is checked. When the document states the
queue's arrival rate and the rate one consumer handles, and the consumers
together (service rate × consumer count; with no count stated, the service
rate is taken as the whole queue's, as the estimator does) handle less than
arrives, the queue provably grows: an error, with the growth per hour and
the number of consumers that would keep up. A stated plan does not excuse
this, since consumers that scale must scale to some count and that count is
what the design should state. When the arrival rate is stated as the peak
("1,200/s at peak"), falling behind is what a queue is for: it is a warning,
and only when no plan is stated. Otherwise the rule warns about a queue for
which no growth plan is stated: consumers that scale with queue depth or
lag, priority or separate queues, a dead-letter queue, a rate limit on
producers, or backpressure (bounded queue, load shedding). Plans are read
from the queue's description, from the workers connected to it and from
failure-plan entries that name it. Rates are read from a CUE queue block,
from labels in the queue's own section ("Arrival rate: 40/s"), from labels
that name the queue ("Transcode queue arrival rate"), and, when the design
has a single queue, from the document's queue assumptions (queue arrival
rate, queue service rate, consumers). Components named in ignore_components
are skipped.`,
		Fix: `Say how the queue copes with a backlog: consumers that autoscale on
queue depth, a dead-letter queue for messages that keep failing, a rate
limit or backpressure on producers, priority queues for urgent work. In
CUE, list them in queue: {plans: [...]}. When the stated rates show the
queue growing, add consumers until service rate × consumers exceeds the
arrival rate, make each consumer faster, or correct the figures.`,
		Fail: `# Email notifications

## High-level design

### Email queue (SQS)

The API puts one message per email on the queue; sender workers pull
from it and call the email provider. Eventually consistent, because a
few seconds of delay before an email goes out is fine.
`,
		Pass: `# Email notifications

## High-level design

### Email queue (SQS)

The API puts one message per email on the queue; sender workers pull
from it and call the email provider. Eventually consistent, because a
few seconds of delay before an email goes out is fine. Senders
autoscale on queue depth from 4 to 40, and a message that fails five
times moves to a dead-letter queue.
`,
	},
	Check: func(p *Pass) {
		for _, c := range p.Design.Components {
			if c.Kind != design.KindQueue || p.Options.Ignores(c.Name) {
				continue
			}
			if queueGrows(p, c) {
				continue
			}
			if len(c.Queue.Plans) == 0 {
				p.Report(c.Span, "component:"+c.Name,
					"queue %s has no plan for a backlog; say what happens when messages arrive faster than they are consumed (consumers that scale on queue depth, a dead-letter queue, priority queues, a rate limit on producers)%s",
					quote(c.Name), plansHint(p.Design))
			}
		}
	},
}

// queueGrows checks a queue's stated rates. Consumers that handle less
// than arrives make an error, or a warning when the arrival rate is the
// peak and no plan is stated. It reports whether the rates settled the
// matter, so that the queue gets no second finding.
func queueGrows(p *Pass, c *design.Component) bool {
	q := c.Queue
	if q.Arrival == nil || q.Service == nil || q.Service.Quantity.Value <= 0 {
		return false
	}
	arrival, each := q.Arrival.Quantity.Value, q.Service.Quantity.Value
	consumers := q.Consumers
	capacity := each * float64(max(consumers, 1))
	if arrival <= capacity {
		return false
	}
	perSecond := estimate.Quantity{Value: capacity, Dim: estimate.Rate, Per: estimate.PerSecond}
	served := "the consumers clear " + estimate.Format(q.Service.Quantity) + " (no consumer count is stated, so that is taken as the whole queue's rate)"
	if consumers > 0 {
		served = estimate.FormatNumber(float64(consumers)) + " consumers at " + estimate.Format(q.Service.Quantity) + " each clear " + estimate.Format(perSecond)
	}
	need := math.Ceil(arrival / each)
	growth := estimate.FormatNumber((arrival - capacity) * 3600)
	if q.Arrival.AtPeak || peakFigure(q.Arrival.Text) {
		// A queue that falls behind at peak and drains afterwards is
		// doing its job; it needs a plan, not more consumers.
		if len(q.Plans) > 0 {
			return true
		}
		p.Report(rateSpan(c), "component:"+c.Name,
			"queue %s falls behind at peak by about %s messages an hour: %s arrive but %s; say how long the peak lasts and how the backlog drains, or scale consumers on queue depth (at least %s to keep up)",
			quote(c.Name), growth, estimate.Format(q.Arrival.Quantity), served, estimate.FormatNumber(need))
		return true
	}
	p.ReportSeverity(Error, rateSpan(c), "component:"+c.Name,
		"queue %s grows by about %s messages an hour: %s arrive but %s; run at least %s consumers (or make each faster), and scale them on queue depth",
		quote(c.Name), growth, estimate.Format(q.Arrival.Quantity), served, estimate.FormatNumber(need))
	return true
}

// peakFigure reports whether a stated rate is the peak rather than the
// steady rate ("Queue arrival rate: 13,900/s at peak").
func peakFigure(text string) bool {
	l := strings.ToLower(text)
	return strings.Contains(l, "peak") || strings.Contains(l, "burst") || strings.Contains(l, "max")
}

// rateSpan covers the queue's stated rates, where the numbers that prove
// the growth are written; the component's own span when they have none.
func rateSpan(c *design.Component) design.Span {
	a, s := c.Queue.Arrival.Span, c.Queue.Service.Span
	if a.Start.Line == 0 || s.Start.Line == 0 {
		return c.Span
	}
	if s.Start.Line < a.Start.Line {
		a, s = s, a
	}
	if s.End.Line > a.End.Line || s.End.Line == a.End.Line && s.End.Col > a.End.Col {
		a.End = s.End
	}
	return a
}

// plansHint says where a structured document lists a queue's plans.
func plansHint(d *design.Design) string {
	if structured(d) {
		return "; list them in queue: {plans: [...]}"
	}
	return ""
}
