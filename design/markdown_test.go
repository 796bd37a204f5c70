package design

import (
	"fmt"
	"strings"
	"testing"

	"github.com/designlint/designlint/estimate"
)

func readMD(t *testing.T, src string) *Design {
	t.Helper()
	d, err := Read("doc.md", []byte(src), Options{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return d
}

const feedDoc = `---
title: Photo feed
status: draft
designlint:
  api-contract: off
---

# Ignored title because front matter names one

## 1. Problem

Users scroll a feed of photos from the accounts they follow.

## 2. Requirements

**Functional:**

- Users post a photo with a caption
- Users follow other users
- Users scroll their feed

**Non-functional:**

- Feed loads in under 200 ms at p99
- The feed must be fast
- 99.95% monthly availability

## 3. Estimates

- **DAU:** 10M
- Requests per user per day: 50
- Peak factor: 3x
- Average photo size: 500 KB
- Requests per day: 500M

Each photo is kept for 5 years and replicated 3 times.

## High-level design

` + "```mermaid" + `
flowchart LR
    client[Client] --> lb[Load balancer]
    lb --> api[Feed service]
    api --> db[(Posts DB)]
    api --> cache[Feed cache]
` + "```" + `

## Components

### Posts DB (Cassandra)

Eventually consistent, because a feed a few seconds stale is acceptable.
Replicated across 3 AZs.

<!-- designlint-disable-next single-point-of-failure -- pilot only until 2027-01-31 -->
### Feed cache (Redis)

A single instance. Entries expire after 5 minutes (TTL).

## Failure plan

- Traffic spike: autoscale the feed service on CPU
- Cache down: serve from Cassandra behind a circuit breaker

## Trade-offs

- Eventual consistency on the feed for lower write latency
`

func TestReadMarkdownFeed(t *testing.T) {
	d := readMD(t, feedDoc)
	if d.Title != "Photo feed" || d.Status != "draft" {
		t.Errorf("title %q status %q, want front matter's", d.Title, d.Status)
	}
	if len(d.Overrides) != 1 || d.Overrides[0].Rule != "api-contract" || d.Overrides[0].Severity != "off" || d.Overrides[0].Span.Start.Line != 5 {
		t.Errorf("overrides = %+v", d.Overrides)
	}
	if got := texts(d.Functional); len(got) != 3 || got[0] != "Users post a photo with a caption" {
		t.Errorf("functional = %q", got)
	}
	if len(d.NonFunctional) != 3 {
		t.Fatalf("nonfunctional = %+v", d.NonFunctional)
	}
	if n := d.NonFunctional[0]; n.Category != Latency || n.Target == nil || n.Target.Quantity.Value != 0.2 {
		t.Errorf("first NFR = %+v", n)
	}
	if n := d.NonFunctional[1]; n.Measurable() {
		t.Errorf("%q should not be measurable", n.Text)
	}
	if n := d.NonFunctional[2]; n.Category != Availability || n.Target == nil || n.Target.Quantity.Dim != estimate.Percent {
		t.Errorf("third NFR = %+v", n)
	}
	for name, want := range map[string]float64{
		"dau": 10e6, "requests_per_user_per_day": 50, "peak_factor": 3, "write_size": 500e3,
		"retention": 5 * 365 * 86400, "replication_factor": 3,
	} {
		v, ok := d.Assumptions[name]
		if !ok || v.Quantity.Value != want {
			t.Errorf("assumption %s = %+v, want %v", name, v, want)
		}
	}
	if v := d.Assumptions["dau"]; v.Span.Start.Line != lineOf(feedDoc, "**DAU:**") {
		t.Errorf("dau at line %d, want %d", v.Span.Start.Line, lineOf(feedDoc, "**DAU:**"))
	}
	if v, ok := d.Declared["requests_per_day"]; !ok || v.Quantity.Value != 500e6 {
		t.Errorf("declared requests_per_day = %+v", v)
	}
	db := d.Component("Posts DB")
	if db == nil {
		t.Fatalf("no Posts DB in %v", names(d))
	}
	if db.Kind != KindDatabase || db.Technology != "Cassandra" || db.Consistency != Eventual || db.Justification == "" || db.Replicas != 3 {
		t.Errorf("Posts DB = %+v", *db)
	}
	if want := lineOf(feedDoc, "### Posts DB"); db.Span.Start.Line != want {
		t.Errorf("Posts DB at line %d, want its heading at %d", db.Span.Start.Line, want)
	}
	cache := d.Component("Feed cache")
	if cache == nil || cache.Kind != KindCache || cache.Replicas != 1 || !cache.Cache.Has("ttl") {
		t.Errorf("Feed cache = %+v", cache)
	}
	api := d.Component("Feed service")
	if api == nil || len(api.DependsOn) != 2 {
		t.Errorf("Feed service = %+v", api)
	}
	if len(d.Suppressions) != 1 || !d.Suppressions[0].Next || d.Suppressions[0].Until != "2027-01-31" || d.Suppressions[0].Target.Start.Line != lineOf(feedDoc, "### Feed cache") {
		t.Errorf("suppressions = %+v", d.Suppressions)
	}
	if len(d.FailurePlan) != 2 || d.FailurePlan[1].Scenario != "Cache down" || !strings.Contains(d.FailurePlan[1].Mitigation, "circuit breaker") {
		t.Errorf("failure plan = %+v", d.FailurePlan)
	}
	if len(d.TradeOffs) != 1 || len(d.Diagrams) != 1 {
		t.Errorf("trade-offs %d, diagrams %d", len(d.TradeOffs), len(d.Diagrams))
	}
}

// lineOf returns the 1-based line of the first line of src containing s.
func lineOf(src, s string) int {
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return -1
}

func texts(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Text)
	}
	return out
}

func names(d *Design) []string {
	var out []string
	for _, c := range d.Components {
		out = append(out, c.Name)
	}
	return out
}

func TestPlaceholderSectionsAreEmpty(t *testing.T) {
	d := readMD(t, `# Template

## Functional requirements

<!-- list what users can do -->

- TODO

## Non-functional requirements

<describe the qualities…>

## Summary

The design keeps reads fast.
`)
	want := map[SectionKind]bool{SectionFunctional: true, SectionNonFunctional: true, SectionSummary: false}
	for _, s := range d.Sections {
		if s.Empty != want[s.Kind] {
			t.Errorf("section %q: Empty = %v, want %v", s.Title, s.Empty, want[s.Kind])
		}
	}
	if len(d.Functional) != 0 || len(d.NonFunctional) != 0 || len(d.Summary) != 1 {
		t.Errorf("items: %d functional, %d non-functional, %d summary", len(d.Functional), len(d.NonFunctional), len(d.Summary))
	}
}

func TestBackgroundConsistencyIsNotAComponentChoice(t *testing.T) {
	d := readMD(t, `# Ledger

## Background

Relational databases are strongly consistent because they refuse writes
they cannot replicate.

## Components

### Ledger DB (PostgreSQL)

Holds every transfer.
`)
	c := d.Component("Ledger DB")
	if c == nil || c.Consistency != Unset {
		t.Errorf("Ledger DB = %+v, want no consistency", c)
	}
}

func TestComponentsTable(t *testing.T) {
	d := readMD(t, `# Shop

## Architecture

| Component | Type | Technology | Consistency | Why | Replicas |
|-----------|------|------------|-------------|-----|----------|
| Orders DB | database | PostgreSQL | strong | an order must never be lost | 3 |
| Cart | cache | Redis | eventual | | single instance |
`)
	o := d.Component("Orders DB")
	if o == nil || o.Kind != KindDatabase || o.Consistency != Strong || o.Justification == "" || o.Replicas != 3 || o.Span.Start.Line != 7 {
		t.Errorf("Orders DB = %+v", o)
	}
	c := d.Component("Cart")
	if c == nil || c.Kind != KindCache || c.Consistency != Eventual || c.Justification != "" || c.Replicas != 1 {
		t.Errorf("Cart = %+v", c)
	}
}

func TestSentenceAssumptions(t *testing.T) {
	d := readMD(t, `# Chat

## Estimates

We expect 10 million daily active users, each making 40 requests per day.
Peak traffic is 3x the average. Each message is about 1 KB and is kept for
2 years, replicated 3 times.

Handy conversion guide:

- 1 request per second = 2.5 million requests per month
`)
	for name, want := range map[string]float64{
		"dau": 10e6, "requests_per_user_per_day": 40, "peak_factor": 3, "write_size": 1000,
		"retention": 2 * 365 * 86400, "replication_factor": 3,
	} {
		if v, ok := d.Assumptions[name]; !ok || v.Quantity.Value != want {
			t.Errorf("%s = %+v, want %v", name, v, want)
		}
	}
	if _, ok := d.Declared["avg_tps"]; ok {
		t.Errorf("a conversion guide line was read as a figure: %+v", d.Declared["avg_tps"])
	}
}

// A calculation whose result the words do not name is named from its
// factors when one derived figure, of the kind its verb counts, fits them.
func TestUnnamedResultIsNamedFromFactors(t *testing.T) {
	d := readMD(t, `# Photos

## Estimates

- Users: 10M daily active users
- Each user uploads 2 photos a day, so uploads come to 10M × 2 = 20M a day.
- Photo size: 300 KB
`)
	if v, ok := d.Declared["writes_per_day"]; !ok || v.Quantity.Value != 20e6 || v.Span.Start.Line != 6 {
		t.Errorf("writes_per_day = %+v, %v; want 20M a day from line 6", v, ok)
	}
	if v, ok := d.Assumptions["writes_per_user_per_day"]; !ok || v.Quantity.Value != 2 {
		t.Errorf("writes_per_user_per_day = %+v, %v; want 2 (before the calculation's clause, not an operand)", v, ok)
	}
	for _, u := range d.Unread {
		if u.Span.Start.Line == 6 && strings.Contains(u.Text, "20M") {
			t.Errorf("the named result is still listed as unread: %+v", u)
		}
	}

	// Nothing is named where the words do not say what is counted and
	// the factors fit several figures, nor from a conversion.
	d = readMD(t, `# Links

## Estimates

- Writes per day: 1M
- Over five years that is 1M × 1,825 = 1.825B, so collisions are rare.
- 1 request per second = 2.6M requests a month
`)
	for _, name := range []string{"reads_per_day", "read_write_ratio", "avg_tps", "requests_per_day"} {
		if v, ok := d.Declared[name]; ok {
			t.Errorf("%s declared as %+v", name, v)
		}
		if v, ok := d.Assumptions[name]; ok {
			t.Errorf("%s assumed as %+v", name, v)
		}
	}
}

func TestUnreadableValueIsAnIssue(t *testing.T) {
	d := readMD(t, `# Chat

## Estimates

- DAU: 10 gb
`)
	if len(d.Issues) != 1 || d.Issues[0].Rule != "unreadable-figure" || d.Issues[0].Span.Start.Line != 5 {
		t.Errorf("issues = %+v", d.Issues)
	}
}

func TestInlineDirectives(t *testing.T) {
	d := readMD(t, `# Doc

<!-- designlint-disable summary,api-contract -- internal tool -->
<!-- designlint-disable-next tradeoffs -->
Some text.

<!-- not a directive -->
`)
	if len(d.Suppressions) != 2 {
		t.Fatalf("suppressions = %+v", d.Suppressions)
	}
	s := d.Suppressions[0]
	if s.Next || strings.Join(s.Rules, ",") != "summary,api-contract" || s.Reason != "internal tool" || s.Span.Start.Line != 3 {
		t.Errorf("first = %+v", s)
	}
	s = d.Suppressions[1]
	if !s.Next || s.Reason != "" || s.Target.Start.Line != 5 {
		t.Errorf("second = %+v", s)
	}
}

func TestDocumentWithoutHeadings(t *testing.T) {
	d := readMD(t, "Just a paragraph with 10 million daily active users.\n")
	if len(d.Sections) != 0 {
		t.Errorf("sections = %+v", d.Sections)
	}
	if _, ok := d.Assumptions["dau"]; !ok {
		t.Errorf("dau not read from a document without headings")
	}
}

// An API table with Method and Path columns gives operations.
func TestAPITable(t *testing.T) {
	src := "# Metrics\n\n## API\n\n| Method | Path | Purpose |\n|---|---|---|\n| POST | `/v1/ingest` | push a batch |\n| GET | `/v1/query?expr=` | range query |\n"
	d, err := Read("api.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.API {
		got = append(got, e.Method+" "+e.Path)
	}
	if strings.Join(got, ", ") != "POST /v1/ingest, GET /v1/query?expr=" {
		t.Errorf("API = %q", got)
	}
}

// An operand is named from a result the estimator reaches another way
// ("avg_write_tps × read_write_ratio"), and a bandwidth worked at the
// stated peak names its operands as the peak's.
func TestOperandsNamedFromProducts(t *testing.T) {
	d := readMD(t, `# Links

## Estimates

1. Writes: 50 million links are created per day.
2. Writes per second: 50 million / 86400 = 580
3. Reads: with a 20:1 read to write ratio, reads per second: 580 * 20 = 11,600
4. Peak reads per second: 35,000
5. Egress: 35,000 QPS × 2 KB = 70 MB/s
`)
	if v, ok := d.Declared["avg_read_tps"]; !ok || v.Quantity.Value != 11600 {
		t.Errorf("avg_read_tps = %+v, %v; want 11,600 from line 7", v, ok)
	}
	if v, ok := d.Assumptions["read_size"]; !ok || v.Quantity.Value != 2000 {
		t.Errorf("read_size = %+v, %v; want 2 KB, an operand of the peak bandwidth", v, ok)
	}
}

// A table row's name is the head of its label, before the column's
// header: "| Post reads | 300/s |" under "| Requirement | Measure |" counts reads.
func TestTableRowNameIsTheLabelHead(t *testing.T) {
	d := readMD(t, `# Photos

## Estimates

| Requirement | Measure |
| --- | --- |
| New posts | 30/s |
| Post reads | 300/s |
`)
	if v, ok := d.Declared["avg_read_tps"]; !ok || v.Quantity.Value != 300 {
		t.Errorf("avg_read_tps = %+v, %v; want 300/s", v, ok)
	}
	if v, ok := d.Declared["avg_write_tps"]; !ok || v.Quantity.Value != 30 {
		t.Errorf("avg_write_tps = %+v, %v; want 30/s", v, ok)
	}
}

// "… = 216 B" after a product of counts is billions, not bytes: no
// size is read from it, and it is listed as unread with the reason.
func TestBillionsAfterAProductOfCounts(t *testing.T) {
	d := readMD(t, `# Drive

## Estimates

- Storage
  - 2 years * 12 * 100M * 30 = 72 B
  - 72B * 5000 Bytes = 360 TB
`)
	v, ok := d.Declared["storage_total"]
	if !ok || v.Quantity.Value != 360e12 {
		t.Errorf("storage_total = %+v, %v; want 360 TB", v, ok)
	}
	found := false
	for _, u := range d.Unread {
		found = found || u.Text == "72 B" && strings.Contains(u.Why, "billions")
	}
	if !found {
		t.Errorf("72 B is not listed as a count in billions: %+v", d.Unread)
	}
}

// A short list item ("QPS") under another ("Read") is read with it: the
// figure under both is the reads' rate.
func TestShortParentItemTakesTheOneAbove(t *testing.T) {
	d := readMD(t, `# Links

## Estimates

- Write
  - QPS
    - 50M / 86400 = ~580 links/s
- Read
  - QPS
    - 580 * 20 = 11.6k links/s
`)
	if v, ok := d.Declared["avg_read_tps"]; !ok || v.Quantity.Value != 11600 {
		t.Errorf("avg_read_tps = %+v, %v; want 11.6k/s", v, ok)
	}
}

// "Use cases" under a section of another role says what that part is for,
// not what the system must do; on its own it is the functional
// requirements.
func TestUseCasesUnderAnotherSection(t *testing.T) {
	d := readMD(t, `# Messaging

## API

### Use cases

- Low latency calls between services.

## Use cases

- Send a message to a friend.
`)
	var functional []string
	for _, s := range d.Sections {
		if s.Kind == SectionFunctional {
			functional = append(functional, fmt.Sprint(s.Title, "@", s.Span.Start.Line))
		}
	}
	if fmt.Sprint(functional) != "[Use cases@9]" {
		t.Errorf("functional sections = %v, want only the top-level one at line 9", functional)
	}
}
