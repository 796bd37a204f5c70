package design

import (
	"strings"
	"testing"
)

func TestClassifyHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    SectionKind
	}{
		{"Problem statement", SectionProblem},
		{"1. Overview", SectionProblem},
		{"Functional Requirements ✅", SectionFunctional},
		{"Use cases", SectionFunctional},
		{"Non-Functional Requirements", SectionNonFunctional},
		{"NFRs", SectionNonFunctional},
		{"SLOs", SectionNonFunctional},
		{"3. Estimates", SectionEstimates},
		{"Capacity Estimation and Constrains", SectionEstimates},
		{"Back-of-the-envelope", SectionEstimates},
		{"Calculate usage", SectionEstimates},
		{"API design", SectionAPI},
		{"System Interface", SectionAPI},
		{"High-level design", SectionArchitecture},
		{"Step 2: Create a high level design", SectionArchitecture},
		{"Components", SectionComponents},
		{"Data model", SectionComponents},
		{"Deep Dives", SectionComponents},
		{"Failure plan", SectionFailure},
		{"Risks and Mitigations", SectionFailure},
		{"2. High Availability & Fault Tolerance 🛡️", SectionFailure},
		{"Trade-offs", SectionTradeoffs},
		{"Alternatives considered", SectionTradeoffs},
		{"TL;DR", SectionSummary},
		{"Wrap-up", SectionSummary},
		{"Requirements", SectionRequirements},
		{"Step 1: Outline use cases and constraints", SectionRequirements},
		{"Non-Goals", SectionOutOfScope},
		{"Out of scope", SectionOutOfScope},
		// Not sections.
		{"Step 4: Scale the design", SectionArchitecture},
		{"Scale the team", ""},
		{"Storage engine internals", ""},
		{"Redis Token Bucket Implementation", ""},
		{"Changelog", ""},
		{"[4.0.0] – 2024-09-17", ""},
		{"We'll scope the problem to handle only the following use cases", SectionFunctional},
	}
	for _, tt := range tests {
		if got := classifyHeading(tt.heading); got != tt.want {
			t.Errorf("classifyHeading(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	yes := []string{
		"", "TODO", "todo: write this", "TBD.", "N/A", "…", "...", "<describe the problem>", "<describe…>",
		"[name of the store]", "{title of option 1}", "Good, because {argument a}",
		"Describe the problem here.", "List your functional requirements:",
		`Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets {force} | …}.`,
	}
	no := []string{
		"Users upload photos", "GET /v1/users/{id}", "Cache entries expire after 5 minutes",
		"List view loads in 200 ms", "[link](http://example.com) text with words", "<br>",
		"Describe-able widgets are cached for 10 minutes",
	}
	for _, s := range yes {
		if !isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if isPlaceholder(s) {
			t.Errorf("isPlaceholder(%q) = true, want false", s)
		}
	}
}

func TestInferKind(t *testing.T) {
	tests := []struct {
		name, tech string
		want       ComponentKind
	}{
		{"Orders DB", "PostgreSQL", KindDatabase},
		{"Search Service", "", KindService},
		{"Feed cache", "", KindCache},
		{"Redis", "", KindCache},
		{"Kafka cluster", "", KindQueue},
		{"Object Store", "", KindObjectStore},
		{"API Gateway", "", KindGateway},
		{"Load Balancer", "", KindLoadBalancer},
		{"Thumbnail worker", "", KindWorker},
		{"Client", "", KindExternal},
		{"Ledger", "", KindDatabase},
		{"Fanout", "", ""},
		{"Message broker", "", KindQueue},
		{"Identity Broker", "", KindService},
		{"Transcode jobs", "SQS", KindQueue},
		{"Transcode jobs", "", KindWorker},
	}
	for _, tt := range tests {
		if got := inferKind(tt.name, tt.tech); got != tt.want {
			t.Errorf("inferKind(%q, %q) = %q, want %q", tt.name, tt.tech, got, tt.want)
		}
	}
}

func TestNamesComponent(t *testing.T) {
	yes := []string{"Orders DB", "Redis", "Kafka cluster", "Feed service", "Checksum Database", "API tier"}
	no := []string{"Consistent reads from cache", "Database cleanup", "Proxying a Checksum Database", "How the cache works", "Caching"}
	for _, s := range yes {
		if !namesComponent(s) {
			t.Errorf("namesComponent(%q) = false, want true", s)
		}
	}
	for _, s := range no {
		if namesComponent(s) {
			t.Errorf("namesComponent(%q) = true, want false", s)
		}
	}
}

func TestNFRCategories(t *testing.T) {
	tests := []struct {
		text string
		want NFRCategory
	}{
		{"Feed loads in under 200 ms at p99", Latency},
		{"99.99% availability", Availability},
		{"10M daily active users", Scalability},
		{"Support only anonymous users", OtherNFR},
		{"Uploads are never lost once acknowledged", Durability},
		{"Reads may be stale for up to 5 s", Consistency},
		{"All traffic uses TLS", Security},
		{"Pastes are text only", OtherNFR},
	}
	for _, tt := range tests {
		if got := NFRCategories(tt.text)[0]; got != tt.want {
			t.Errorf("NFRCategories(%q)[0] = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseFlowchart(t *testing.T) {
	body := `flowchart LR
    subgraph Edge[Edge tier]
        lb[Load balancer]
    end
    client([Client]) -->|HTTPS| lb
    lb --> api1[API 1] & api2[API 2]
    api1 & api2 -- reads --> db[(Orders DB<br/>PostgreSQL)]
    api1 -.-> cache{{Redis cache}}
    classDef hot fill:#f00
    style db stroke:#333
`
	nodes, edges := parseFlowchart(body)
	labels := map[string]string{}
	for _, n := range nodes {
		labels[n.id] = n.first
	}
	for id, want := range map[string]string{"lb": "Load balancer", "client": "Client", "api1": "API 1", "db": "Orders DB", "cache": "Redis cache"} {
		if labels[id] != want {
			t.Errorf("node %s: label %q, want %q", id, labels[id], want)
		}
	}
	wantEdges := map[[2]string]bool{
		{"client", "lb"}: true, {"lb", "api1"}: true, {"lb", "api2"}: true,
		{"api1", "db"}: true, {"api2", "db"}: true, {"api1", "cache"}: true,
	}
	got := map[[2]string]bool{}
	for _, e := range edges {
		got[e] = true
	}
	for e := range wantEdges {
		if !got[e] {
			t.Errorf("missing edge %v; got %v", e, edges)
		}
	}
	if len(got) != len(wantEdges) {
		t.Errorf("edges = %v, want %d", edges, len(wantEdges))
	}
}

func TestAffirms(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"Sessions use sticky sessions on the load balancer.", "sticky session", true},
		{"No sticky sessions: any instance serves any user.", "sticky session", false},
		{"We chose write-through instead of write-behind.", "write-behind", false},
		{"Write-behind would lose orders on a crash.", "write-behind", false},
		{"The cache is write-behind, flushed every second.", "write-behind", true},
		{"Stock uses non-conditional updates.", "conditional update", false},
		{"Stock uses conditional updates.", "conditional update", true},
	}
	for _, tt := range tests {
		if got := Affirms(tt.text, tt.phrase); got != tt.want {
			t.Errorf("Affirms(%q, %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}

func TestCachePolicies(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"entries expire after a ttl of 5 minutes", []string{"ttl"}},
		{"cached for 30 s", []string{"ttl"}},
		{"writes go to the cache and the database together (write-through)", []string{"write-through"}},
		{"a little stale is fine and the design is robust", nil},
		{"updates invalidate the key", []string{"invalidation"}},
	}
	for _, tt := range tests {
		got := cachePolicies(tt.text).Strategies
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("cachePolicies(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestSessionState(t *testing.T) {
	tests := []struct {
		text         string
		kind, reason string
	}{
		{"It keeps each user's sync cursor in memory. Sticky sessions pin a user to one instance.", "in-memory", ""},
		{"No sticky sessions: state lives in Redis.", "", ""},
		{"It uses sticky sessions because the upload protocol keeps a chunk buffer per connection.", "sticky", "because"},
	}
	for _, tt := range tests {
		kind, reason := sessionState(sentences(tt.text))
		if kind != tt.kind || tt.reason == "" && reason != "" || tt.reason != "" && !strings.Contains(reason, tt.reason) {
			t.Errorf("sessionState(%q) = %q, %q; want %q and a reason with %q", tt.text, kind, reason, tt.kind, tt.reason)
		}
	}
}

func TestQueuePlans(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"consumers autoscale on queue depth", "autoscaling"},
		{"senders scale on partition lag", "autoscaling"},
		{"failed messages go to a dead-letter queue", "dead-letter"},
		{"emails may lag a little behind", ""},
		{"a feature flag turns it off", ""},
		{"producers are throttled when the queue is full", "rate-limit"},
	}
	for _, tt := range tests {
		if got := strings.Join(queuePlans(lower(tt.text)), ","); got != tt.want {
			t.Errorf("queuePlans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
