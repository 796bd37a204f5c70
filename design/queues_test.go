package design

import (
	"reflect"
	"testing"
)

// queueSummary is what a test checks of a queue: its rates per second,
// consumers and plans.
type queueSummary struct {
	Arrival, Service float64
	Consumers        int
	Plans            []string
}

func summarise(c *Component) queueSummary {
	s := queueSummary{Consumers: c.Queue.Consumers, Plans: c.Queue.Plans}
	if c.Queue.Arrival != nil {
		s.Arrival = c.Queue.Arrival.Quantity.Value
	}
	if c.Queue.Service != nil {
		s.Service = c.Queue.Service.Quantity.Value
	}
	return s
}

func TestQueueFigures(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]queueSummary
	}{
		{
			name: "the only queue takes the document's queue figures",
			src: `# Transcoding

## Estimates

| Figure | Value |
|---|---|
| Queue arrival rate | 1.2/s |
| Queue service rate | 30/min per worker |
| Consumers | 2 |

## Architecture

### Transcode queue (SQS)

One job per upload.
`,
			want: map[string]queueSummary{"Transcode queue": {Arrival: 1.2, Service: 0.5, Consumers: 2}},
		},
		{
			name: "a label names its queue",
			src: `# Photos

## Estimates

- Thumbnail queue arrival rate: 50/s
- Thumbnail queue service rate: 4/s
- Number of thumbnail consumers: 10

## Components

### Thumbnail queue (SQS)

Jobs for the resizers.

### Face queue (SQS)

Jobs for face detection.
`,
			want: map[string]queueSummary{
				"Thumbnail queue": {Arrival: 50, Service: 4, Consumers: 10},
				"Face queue":      {},
			},
		},
		{
			name: "two queues share no document figure",
			src: `# Photos

## Estimates

- Arrival rate: 50/s
- Consumers: 10

## Components

### Thumbnail queue (SQS)

Jobs for the resizers.

### Face queue (SQS)

Jobs for face detection.
`,
			want: map[string]queueSummary{"Thumbnail queue": {}, "Face queue": {}},
		},
		{
			name: "figures in the queue's own section win",
			src: `# Webhooks

## Estimates

- Queue arrival rate: 5/s

## Components

### Delivery queue (RabbitMQ)

- Arrival rate: 30/s
- Service rate: 2/s per consumer
- Consumers: 10
`,
			want: map[string]queueSummary{"Delivery queue": {Arrival: 30, Service: 2, Consumers: 10}},
		},
		{
			name: "plans come from the consumers and the failure plan",
			src: `# Metrics

## Architecture

` + "```mermaid" + `
flowchart LR
    api[Ingest API] --> topic[[Samples topic]]
    topic --> writers[Writer workers]
` + "```" + `

### Ingest API

Autoscales on CPU.

### Writer workers

Scale out on consumer lag.

## Failure plan

- Poison batches: moved to a dead-letter topic after three attempts
`,
			want: map[string]queueSummary{"Samples topic": {Plans: []string{"autoscaling", "dead-letter"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readMD(t, tt.src)
			got := map[string]queueSummary{}
			for _, c := range d.Components {
				if c.Kind == KindQueue {
					got[c.Name] = summarise(c)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestQueueFiguresCUE(t *testing.T) {
	src := `title: "Clicks"
assumptions: {
	queue_arrival_rate: "5000/s"
	queue_service_rate: "3000/s"
}
components: clicks: {kind: "queue", technology: "Kafka"}
`
	d, err := Read("doc.cue", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := summarise(d.Component("clicks"))
	if want := (queueSummary{Arrival: 5000, Service: 3000}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
