package design

import (
	"math"
	"sort"
	"strings"

	"github.com/designlint/designlint/estimate"
)

// A document often states a queue's figures away from the queue: in its
// estimates ("| Queue arrival rate | 1.16/s |"), under a label that names
// the queue ("Transcode queue arrival rate: 40/s"), or in the queue's own
// section ("- Consumers: 12"). And the plan for a backlog is often written
// where the consumers are described ("writers autoscale on partition
// lag"). This file gathers both onto the queue component once every
// component is known, so that rules see one QueuePlan per queue.

// queueFigure is a queue rate or consumer count read before the components
// were known.
type queueFigure struct {
	// subject is what the label names before the figure ("transcode
	// queue" in "Transcode queue arrival rate"); comp is the component
	// whose section the figure was written in. One of them is set.
	subject string
	comp    *Component
	name    string // queue_arrival_rate, queue_service_rate or consumers
	value   Value
}

// queueFigureName maps the end of a label to the queue figure it names:
// "transcode queue arrival rate" is the arrival rate of "transcode queue".
func queueFigureName(l string) (subject, name string) {
	if !strings.Contains(l, "rate") && !strings.Contains(l, "consumer") {
		return "", ""
	}
	for _, label := range queueLabels {
		switch {
		case l == label:
			return "", labelSynonyms[label]
		case strings.HasSuffix(l, " "+label):
			// "Number of thumbnail consumers" counts the consumers of
			// the thumbnail queue.
			subject = strings.TrimSpace(strings.TrimSuffix(l, label))
			subject = strings.TrimPrefix(subject, "number of ")
			return subject, labelSynonyms[label]
		}
	}
	return "", ""
}

// queueLabels are the labels of the label table that name a queue figure,
// longest first so that "number of consumers" wins over "consumers".
var queueLabels = func() []string {
	var out []string
	for label, n := range labelSynonyms {
		if isQueueFigure(n) {
			out = append(out, label)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}()

func isQueueFigure(name string) bool {
	return name == "queue_arrival_rate" || name == "queue_service_rate" || name == "consumers"
}

// queueLabel reads "label: value" as a queue figure, for a label that
// names a queue before the figure or one written in a component's
// section. It reports whether it kept one.
func (r *mdReader) queueLabel(label, value string, sp Span, comp *Component) bool {
	subject, name := queueFigureName(normalizeLabel(label))
	if name == "" || subject == "" && comp == nil {
		return false
	}
	n, _ := estimate.Lookup(name)
	q, err := r.opts.parser().Parse(trimValue(value), n.Dim)
	if err == nil {
		q, err = n.Coerce(q)
	}
	if err != nil {
		return false
	}
	r.queueFigures = append(r.queueFigures, queueFigure{
		subject: subject,
		comp:    comp,
		name:    name,
		value:   Value{Name: name, Quantity: q, Text: strings.TrimSpace(label + ": " + value), Span: sp},
	})
	return true
}

// componentQueueLabel keeps a queue figure written in a component's
// section ("- Arrival rate: 40/s" under "### Jobs queue").
func (r *mdReader) componentQueueLabel(c *Component, t string, sp Span) {
	if label, value, ok := splitLabel(t); ok {
		r.queueLabel(label, value, sp, c)
	}
}

// finishQueues gives each queue component the figures and plans the
// document states for it elsewhere. Figures already on the component win;
// then a figure written in the queue's own section; then one whose label
// names the queue; then, when the design has exactly one queue, the
// document's queue assumptions. Plans come from the prose of the workers
// connected to the queue and from failure-plan entries that name it.
func finishQueues(d *Design, figures []queueFigure) {
	var queues []*Component
	for _, c := range d.Components {
		if c.Kind == KindQueue {
			queues = append(queues, c)
		}
	}
	if len(queues) == 0 {
		return
	}
	for _, f := range figures {
		if f.comp != nil && f.comp.Kind == KindQueue {
			setQueueFigure(f.comp, f.name, f.value)
		}
	}
	for _, f := range figures {
		if f.comp == nil {
			if q := queueNamed(queues, f.subject); q != nil {
				setQueueFigure(q, f.name, f.value)
			}
		}
	}
	if len(queues) == 1 {
		for _, name := range []string{"queue_arrival_rate", "queue_service_rate", "consumers"} {
			if v, ok := d.Assumptions[name]; ok {
				setQueueFigure(queues[0], name, v)
			}
		}
	}
	for _, q := range queues {
		if len(q.Queue.Plans) == 0 {
			q.Queue.Plans = plansAround(d, q, len(queues) == 1)
		}
	}
}

// setQueueFigure sets one of a queue's figures unless it is already set.
func setQueueFigure(c *Component, name string, v Value) {
	switch name {
	case "queue_arrival_rate":
		if c.Queue.Arrival == nil {
			c.Queue.Arrival = &v
		}
	case "queue_service_rate":
		if c.Queue.Service == nil {
			c.Queue.Service = &v
		}
	case "consumers":
		if n := v.Quantity.Value; c.Queue.Consumers == 0 && n >= 1 && n < 1e6 {
			c.Queue.Consumers = int(math.Round(n))
		}
	}
}

// queueNamed finds the queue a label's subject names: by name or
// technology, with words such as "queue" and "topic" ignored ("transcode"
// names "Transcode queue", "kafka" a queue whose technology is Kafka).
func queueNamed(queues []*Component, subject string) *Component {
	key := queueKey(subject)
	if key == "" {
		return nil
	}
	for _, q := range queues {
		if queueKey(q.Name) == key || q.Technology != "" && queueKey(q.Technology) == key {
			return q
		}
	}
	return nil
}

func queueKey(s string) string {
	var kept []string
	for _, w := range strings.Fields(lower(strings.NewReplacer("_", " ", "-", " ").Replace(s))) {
		switch w {
		case "the", "queue", "queues", "topic", "topics", "stream", "broker", "message", "messages":
			continue
		}
		kept = append(kept, w)
	}
	return NameKey(strings.Join(kept, " "))
}

// plansAround finds a queue's growth plans written outside its own
// description: in the prose of its consumers and in failure-plan entries
// that name it, its technology, or, when it is the design's only queue, a
// queue or backlog at all. A consumer is what the queue feeds (an edge
// from the queue in a diagram) or a worker that depends on the queue; a
// service that depends on it is a producer, whose scaling does not drain
// the queue.
func plansAround(d *Design, q *Component, only bool) []string {
	var texts []string
	for _, c := range d.Components {
		if c == q || c.Description == "" {
			continue
		}
		if dependsOn(q, c.Name) || c.Kind == KindWorker && dependsOn(c, q.Name) {
			texts = append(texts, c.Description)
		}
	}
	for _, sc := range d.FailurePlan {
		t := lower(sc.Scenario + " " + sc.Mitigation)
		if strings.Contains(t, lower(q.Name)) || q.Technology != "" && strings.Contains(t, lower(q.Technology)) ||
			only && containsAny(t, "queue", "topic", "backlog", "consumer", "message", "dead-letter", "dead letter", "dlq", "poison") {
			texts = append(texts, t)
		}
	}
	var plans []string
	for _, t := range texts {
		for _, p := range queuePlans(lower(t)) {
			plans = appendUnique(plans, p)
		}
	}
	return plans
}

// dependsOn reports whether c lists the named component among its
// dependencies.
func dependsOn(c *Component, name string) bool {
	key := NameKey(name)
	for _, dep := range c.DependsOn {
		if NameKey(dep) == key {
			return true
		}
	}
	return false
}
