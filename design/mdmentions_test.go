package design

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// componentsOf lists a design's components as "name/kind/tech@line",
// sorted.
func componentsOf(d *Design) []string {
	var out []string
	for _, c := range d.Components {
		out = append(out, fmt.Sprintf("%s/%s/%s@%d", c.Name, c.Kind, c.Technology, c.Span.Start.Line))
	}
	sort.Strings(out)
	return out
}

// TestComponentsFromProse reads whole documents: components named in
// sentences, list items and arrow chains, merged with those headings,
// diagrams and tables name.
func TestComponentsFromProse(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"sentences name products and the stores they serve", `# Orders

## Architecture

The order service writes each order to PostgreSQL. RabbitMQ was picked for
the job queue because the team already runs it. Receipts are stored in S3.
`, []string{"PostgreSQL/database/PostgreSQL@5", "S3/object_store/S3@6", "job queue/queue/RabbitMQ@6"}},

		{"a mention joins the heading that names the same component", `# Photos

## Components

### Media store (S3)

Originals and thumbnails, kept for ten years.

### Upload service

Resizes each photo and puts it in S3; the Media Store is read by the CDN.
`, []string{"CDN/cdn/@11", "Media store/object_store/S3@5", "Upload service/service/@9"}},

		{"spellings of one name make one component", "# Video\n\n## High-level design\n\n" +
			"```mermaid\nflowchart LR\n  api[Upload API] --> db[(Videos DB)]\n```\n\n" +
			"The transcoder saves every chunk location in VideoDB.\n\n" +
			"### Video database (Cassandra)\n\nOne row per chunk.\n",
			[]string{"Upload API/service/@7", "Videos DB/database/Cassandra@12"}},

		{"a diagram node named by its product joins the component built on it", "# Shortener\n\n## Architecture\n\n" +
			"```mermaid\nflowchart LR\n  api[Redirect API] --> cas[(Cassandra)]\n```\n\n" +
			"### URL DB (Cassandra)\n\nShort code to long URL.\n",
			[]string{"Redirect API/service/@7", "URL DB/database/Cassandra@10"}},

		{"a store named by its kind is the design's one store of that kind", `# Links

## Architecture

### Links DB (DynamoDB)

Short code to long URL.

### Redirect service

Looks the code up, reading from the database on a cache miss.
`, []string{"Links DB/database/DynamoDB@5", "Redirect service/service/@9"}},

		{"a store named only by its kind stands alone when nothing else is of its kind", `# Uploads

## High-level design

- The uploader puts each chunk id in the message queue.
- Workers read the chunk from object storage and write the result to the DB.
`, []string{"DB/database/@6", "message queue/queue/@5", "object storage/object_store/@6"}},

		{"arrow chains", `# Shortener

## Architecture

Client → LB → Shortener API (Go) → Links DB
`, []string{"Client/external/@5", "LB/load_balancer/@5", "Links DB/database/@5", "Shortener API/service/Go@5"}},

		{"an arrow chain that ends a clause", `# Shortener

## Architecture

Browser → Load balancer → Links API → Links DB, and the Links API also logs to the Audit queue.
`, []string{"Audit queue/queue/@5", "Browser/external/@5", "Links API/service/@5", "Links DB/database/@5", "Load balancer/load_balancer/@5"}},

		{"steps joined by arrows are no components", `# Shortener

## Architecture

Upload video -> transcode it -> publish the result
`, nil},

		{"products weighed, set aside, quoted or in code are not components", "# Sessions\n\n## Architecture\n\n" +
			"We chose PostgreSQL over MySQL. We could also use Memcached here.\n\n" +
			"Some say \"Cassandra is always faster\"; the `SessionStore` class wraps the driver.\n\n" +
			"There are two options for the cache:\n\n- Redis, with persistence\n- Hazelcast, embedded\n",
			[]string{"PostgreSQL/database/PostgreSQL@5"}},

		{"interview tips and references speak about the design", `# Photos

## High-level design

Photos are stored in S3.

## Interview tips

- Bring up Kafka if asked about analytics.

## References

- The Cassandra paper, for the data model.
`, []string{"S3/object_store/S3@5"}},

		{"a book's teaching chapters are no design's", `# System design

## Storage

### Object storage

Keeps blobs behind an HTTP API.

# Link shortener

## Estimates

- DAU: 10M

## High-level design

Links are stored in DynamoDB.

# Chat

## Estimates

- DAU: 50M

## High-level design

Messages are stored in Cassandra.
`, []string{"Cassandra/database/Cassandra@27", "DynamoDB/database/DynamoDB@17"}},

		{"a list of links is no design", `# Reading list

## Architecture

- [Redis](https://redis.io)
- [Kafka](https://kafka.apache.org)
`, nil},

		{"a decision record's context names systems it does not decide on", `# ADR 7: Keep sessions in the gateway

## Status

Accepted

## Context

Today sessions live in Redis, which we run as a single instance.

## Decision

We keep sessions in the gateway's memory.

## Consequences

Losing a gateway logs its users out.
`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := componentsOf(readMD(t, tt.doc))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("components\n got  %q\n want %q", got, tt.want)
			}
		})
	}
}

// TestMentionFacts: a sentence about a component gives its facts; a
// sentence that only passes through it gives none.
func TestMentionFacts(t *testing.T) {
	d := readMD(t, `# Feed

## Architecture

The API reads timelines from the Timeline Cache, which runs 2 replicas in one zone.

Cassandra is eventually consistent, because a post that shows up a second
late in a follower's feed harms nobody. Cassandra runs 6 nodes with a
replication factor of 3.

The Ledger DB runs a primary and a synchronous standby; reads are strongly
consistent because a balance read stale could be spent twice.
`)
	for _, c := range d.Components {
		switch c.Name {
		case "Timeline Cache":
			if c.Replicas != 0 {
				t.Errorf("Timeline Cache: %d replicas read from a sentence about the API", c.Replicas)
			}
		case "Ledger DB":
			if c.Consistency != Strong || c.Justification == "" || c.Replicas != 2 {
				t.Errorf("Ledger DB: consistency %q, reason %q, %d replicas; want strong with its reason, 2", c.Consistency, c.Justification, c.Replicas)
			}
		case "Cassandra":
			if c.Consistency != Eventual || c.Justification == "" || c.Replicas != 3 {
				t.Errorf("Cassandra: consistency %q, reason %q, %d replicas; want eventual with its reason, 3", c.Consistency, c.Justification, c.Replicas)
			}
		default:
			t.Errorf("unexpected component %q", c.Name)
		}
	}
}

// TestMergedProductKeepsItsEdges: an edge to a diagram node that joins
// the component built on its product leads to that component.
// TestChainEdgesJoinPlacedComponents: an arrow chain's "DB" that stands
// for the design's one database leads there.
func TestChainEdgesJoinPlacedComponents(t *testing.T) {
	d := readMD(t, "# Links\n\n## Architecture\n\nClient → LB → API → DB\n\n### URL DB (Cassandra)\n\nShort ids to long URLs.\n")
	api := d.Component("API")
	if api == nil || strings.Join(api.DependsOn, ",") != "URL DB" {
		t.Fatalf("API: %+v; want it to depend on URL DB", api)
	}
}

func TestMergedProductKeepsItsEdges(t *testing.T) {
	d := readMD(t, "# Shortener\n\n## Architecture\n\n```mermaid\nflowchart LR\n  api[Redirect API] --> cas[(Cassandra)]\n```\n\n### URL DB (Cassandra)\n\nShort code to long URL.\n")
	api := d.Component("Redirect API")
	if api == nil || strings.Join(api.DependsOn, ",") != "URL DB" {
		t.Fatalf("Redirect API depends on %v; want [URL DB]", api)
	}
}
