package design

import (
	"math"
	"sort"
	"strings"
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
	rank    int
}

func isQueueFigure(name string) bool {
	return name == "queue_arrival_rate" || name == "queue_service_rate" || name == "consumers"
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
	// A labelled figure beats one read from a sentence; then a figure in
	// the queue's own section beats one whose label names the queue.
	sort.SliceStable(figures, func(i, j int) bool {
		if figures[i].rank != figures[j].rank {
			return figures[i].rank > figures[j].rank
		}
		return figures[i].comp != nil && figures[j].comp == nil
	})
	for _, f := range figures {
		if f.comp != nil && f.comp.Kind == KindQueue {
			setQueueFigure(f.comp, f.name, f.value)
		} else if f.comp == nil {
			if q := queueNamed(queues, f.subject); q != nil {
				setQueueFigure(q, f.name, f.value)
			} else if len(queues) == 1 && queueKey(f.subject) == "" {
				setQueueFigure(queues[0], f.name, f.value)
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
