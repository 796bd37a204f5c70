package design

import (
	"strings"
	"testing"
)

// Each pattern of tradeoffPatterns, with sentences that state a trade-off
// by it, and sentences that only name the topic, ask, point elsewhere or
// deny a cost. Every pattern needs an example here.
func TestStatesTradeoff(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range []struct{ sentence, pattern string }{
		{"The trade-off is a second copy of every message.", "named"},
		{"Compaction, which trades disk reads for smaller files, runs nightly.", "named"},
		{"It is a classic space-time trade-off.", "named"},
		{"Trade-offs: a second write on every order, for an audit trail.", "named"},
		{"This implies a tradeoff between freshness and cost.", "named"},
		{"Writes are acknowledged early at the cost of a short window of loss.", "price"},
		{"We give up strict ordering across partitions.", "price"},
		{"The downside is one more service to deploy and page on.", "drawback"},
		{"Cons: every tenant shares the same queue.", "drawback"},
		{"The outbox adds latency to every write.", "adds a cost"},
		{"A sidecar introduces an extra hop on each request.", "adds a cost"},
		{"Keeping both indexes doubles the storage.", "multiplies a resource"},
		{"However, it does not help tenants of very different sizes.", "concession"},
		{"Although the ledger is simpler, replaying it is slower.", "concession"},
		{"Polling is simple but adds up to ten seconds of delay.", "but a cost"},
		{"Instead of a file server, we could keep uploads in S3.", "instead"},
		{"Rather than locking rows, the worker retries on conflict so that readers never wait.", "instead"},
		{"We chose Postgres over Cassandra because the data fits one node.", "choice with a reason"},
		{"In the face of how other clients behave, I picked a record type for reads.", "choice with a reason"},
		{"Alternatively, the client could split the upload into parts.", "alternative"},
		{"We considered a shared Redis for the counters.", "alternative"},
		{"It is better to push over a socket than to poll every few seconds.", "comparison"},
		{"Moving to protobuf would halve the payloads.", "switch"},
		{"For smaller catalogues we could keep the whole index in memory.", "option by size"},
		{"Fan-out on write gives fast reads; the price for that is heavy writes for celebrities.", "price"},
		{"Caching the profile introduces a risk of stale reads.", "adds a cost"},
		{"Caching the profile introduces some staleness.", "adds a cost"},
		{"A single writer adds contention on the hot rows.", "adds a cost"},
		{"Choosing availability over consistency means users may briefly see old data.", "choice with a reason"},
		{"Eventual consistency is fine here because a stale like count does no harm.", "accepted cost"},
		{"Redis is fast but limited by the memory of one node.", "but a cost"},
		{"**Why Kafka:** consumers can replay a day of events after a bad deploy.", "rationale"},
		{"Push vs pull: push is cheaper while most users have few followers.", "versus"},
		{"Option 2: keep the counters in each region and merge them nightly.", "alternative"},
		{"Sessions live on the gateway, which makes rolling deploys slower and more complex.", "makes it worse"},
		{"Signing every tile makes a forked log even harder to hide.", ""},
		{"The cache serves reads without making the service any more complex.", ""},
		{"Make sure the client anticipates any problems with retries.", ""},
		{"RTO is the maximum acceptable delay before service is restored.", ""},
		{"We add a replica in another zone to avoid downtime and the risk of data loss.", ""},
		{"We introduce a queue to remove the bottleneck on the database.", ""},
		{"The price is stored in cents.", ""},
		{"Every instance can add jobs to the queue without the risk of a collision.", ""},
		{"We add tombstones for the stale series in the WAL.", ""},
		{"Choosing a shard is a hash of the user id.", ""},
		{"Why is this hard?", ""},
		{"Why Kafka", ""},
		{"The service compares price vs quantity for each order.", ""},
		{"A few seconds of stale like counts are acceptable.", "accepted cost"},
		{"We lose up to a minute of clicks on a crash, which is tolerable for analytics.", "accepted cost"},
		{"Sending the offer to five drivers would match faster, but two could accept it.", "counterfactual"},

		{"We should discuss the trade-offs of SQL and NoSQL.", ""},
		{"What are the trade-offs of each approach?", ""},
		{"Is the downside of polling acceptable?", ""},
		{"Refer to the primer for talking points, tradeoffs and alternatives.", ""},
		{"There is no downside to caching the config.", ""},
		{"This works without a real trade-off for small teams.", ""},
		{"Each of these index types comes with its own trade-offs.", ""},
		{"Explain one algorithm in depth, with its trade-offs.", ""},
		{"The rules that fit (tradeoffs almost always) are judged as usual.", ""},
		{"Requests go through the gateway to the order service.", ""},
		{"The cache holds the last hour of prices.", ""},
		{"For higher availability the database has two replicas.", ""},
		{"If the primary is lost, the replica takes over within a minute.", ""},
		{"We add a cache in front of the catalogue to reduce latency.", ""},
		{"Adding a CDN, latency for distant users drops to tens of milliseconds.", ""},
		{"Storage doubles every year as the archive grows.", ""},
		{"The gateway is only called when adding a new dependency.", ""},
		{"Fast, with little additional overhead per request.", ""},
		{"However, there is little overhead in practice.", ""},
		{"The CDN makes page loads faster for distant users.", ""},
		{"A p99 of 300 ms is acceptable for search.", ""},
		{"It would be faster to read the code than the docs.", ""},
		{"Reads are fast, but there are no issues in practice.", ""},
		{"However, we don't need the history older than a week.", ""},
		{"Present the approaches, their advantages and disadvantages.", ""},
		{"Address bottlenecks while evaluating alternatives and trade-offs.", ""},
		{"However, if the key does not exist, the service answers 404.", ""},
		{"Reads go to the nearest region, but latency must stay under 200 ms.", ""},
		{"The cost is about $3,000 a month on reserved instances.", ""},
		{"Media is stored at a cost of $0.02 per GB-month.", ""},
		{"However, it doubles the memory each node needs.", "multiplies a resource"},
	} {
		got, ok := statesTradeoff(strings.ToLower(c.sentence))
		if got != c.pattern || ok != (c.pattern != "") {
			t.Errorf("%q: pattern %q (%v), want %q", c.sentence, got, ok, c.pattern)
		}
		seen[c.pattern] = true
	}
	for _, p := range tradeoffPatterns {
		if !seen[p.name] {
			t.Errorf("pattern %q has no example", p.name)
		}
	}
}

// A document without a trade-offs section is credited with the trade-offs
// it argues in its prose, lists and tables, and only with those.
func TestTradeoffsInProse(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      []string // the start of each trade-off read
	}{
		{"argued in a paragraph", `# Clicks

## Design

Clicks are counted in Redis first. We chose Redis over Postgres because the
counters change thousands of times a second. Counts reach the warehouse every
minute, at the cost of a minute of lag in the reports.
`, []string{"We chose Redis over Postgres", "Counts reach the warehouse"}},
		{"pros and cons under a label", `# Clicks

## Storage

**Cons:**

- one more store to back up
`, []string{"Cons:"}},
		{"a question answered", `# Uploads

## Notes

- Add a second region? Higher write latency and a new class of conflicts.
- Why Redis? Sorted sets keep the whole ranking in one structure.
- Why is the feed slow? Nobody has profiled it yet.
`, []string{"Add a second region?", "Why Redis?"}},
		{"a table weighing options", `# Queue

## Design

| Option | Latency | Cost |
|---|---|---|
| Kafka | low | high |
| SQS | medium | low |
`, []string{"Option | Latency | Cost"}},
		{"only the topic named", `# Clicks

## Design

We should discuss the trade-offs between SQL and NoSQL here.

What are the alternatives to a relational store?

- [Drawbacks](#drawbacks)
- [Alternatives](#alternatives)

Clicks are counted in Redis and copied to the warehouse.
`, nil},
		{"criteria with the options across", `# Store

## Design

| Factor | PostgreSQL | DynamoDB |
|---|---|---|
| Joins | yes | no |
| Write scaling | one primary | partitions |
`, []string{"Factor | PostgreSQL | DynamoDB"}},
		{"criteria with their figures", `# Store

## Design

| Factor | Value | Source |
|---|---|---|
| Peak factor | 3x | last year's sales |
| Read share | 90% | access logs |
`, nil},
		{"a table that weighs nothing", `# Queue

## Design

| Service | Port | Owner |
|---|---|---|
| api | 8080 | web |
| worker | 9090 | data |
`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("doc.md", []byte(c.doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range d.TradeOffs {
				got = append(got, it.Text)
			}
			if len(got) != len(c.want) {
				t.Fatalf("trade-offs %q, want %d starting %q", got, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("trade-off %d is %q, want it to start %q", i, got[i], w)
				}
			}
		})
	}
}
