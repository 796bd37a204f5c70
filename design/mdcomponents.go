package design

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/designlint/designlint/estimate"
)

// Components in Markdown come from four places: sub-headings of an
// architecture or components section ("### Orders DB (PostgreSQL)"), rows
// of a components table, leading bold names of list items or bold mentions
// in prose ("the **Write API** saves to the **SQL Database**"), and the nodes
// of a Mermaid flowchart. They are merged by name, so a flowchart node and a
// heading about it make one component.

// componentStopWords mark headings about a topic rather than a component.
var componentStopWords = []string{
	"use case", "flow", "overview", "implementation", "algorithm", "option", "approach", "strategy",
	"diagram", "architecture", "design", "step", "how", "why", "what", "example", "summary",
	"interface", "model", "schema", "table of", "notes", "details", "consideration", "scaling", "scale",
	"sharding", "partitioning", "replication", "caching", "indexing", "monitoring", "security",
	"availability", "consistency", "latency", "performance", "hot key", "rate limiting", "plan",
	"placement", "comparison", "problem", "solution", "decision", "trade", "alternative", "sequence diagram",
	"lifecycle", "workflow", "pattern", "strategies", "configuration", "deployment", "testing",
	"recommended", "choosing", "choice", "vs", "versus", "options", "algorithms", "diagrams",
	"patterns", "flows", "considerations", "components", "trade offs", "alternatives",
}

// stopWordSet and stopPhrases split componentStopWords for lookup.
var stopWordSet, stopPhrases = func() (map[string]bool, []string) {
	set := map[string]bool{}
	var phrases []string
	for _, w := range componentStopWords {
		if strings.Contains(w, " ") {
			phrases = append(phrases, w)
		} else {
			set[w] = true
		}
	}
	return set, phrases
}()

// hasStopWord reports whether a heading or name is about a topic.
func hasStopWord(s string) bool { return hasStopWordNorm(normalizeHeading(s)) }

// hasStopWordNorm is hasStopWord for normalised text.
func hasStopWordNorm(h string) bool {
	for i := 0; i < len(h); {
		j := strings.IndexByte(h[i:], ' ')
		if j < 0 {
			j = len(h) - i
		}
		if stopWordSet[h[i:i+j]] {
			return true
		}
		i += j + 1
	}
	for _, p := range stopPhrases {
		if containsWords(h, p) {
			return true
		}
	}
	return false
}

// protocolNames are "REST API" and friends: an interface style, not a box.
var protocolNames = map[string]bool{
	"rest api": true, "restful api": true, "graphql api": true, "grpc api": true, "json api": true,
	"http api": true, "public api": true, "rest apis": true, "web api": true, "the api": true,
}

// componentFromHeading reads a heading that names a component: "Orders DB
// (PostgreSQL)", "Cache: Redis", "Feed service". It returns nil for a
// heading about a topic.
func componentFromHeading(title, norm string) *Component {
	name, tech := splitNameTech(title)
	// "Redis (Caching, Real-time Tracking)": a product's heading, whatever
	// its aside says.
	if hasStopWordNorm(norm) && !(isProduct(lower(name)) && !hasStopWord(name)) {
		return nil
	}
	if name == "" || protocolNames[lower(name)] || !namesComponent(name) && technologyIn(tech) == "" {
		return nil
	}
	// The name must name a kind, or the technology must be a product:
	// "Recommended: Database + Cache" is a heading about an option.
	kind := inferKind(name, "")
	if technologyIn(tech) != "" {
		// The name decides, unless it says "jobs" of what the product
		// says is a queue ("Transcode jobs (SQS)").
		kind = inferKind(name, tech)
	}
	if kind == "" {
		return nil
	}
	return &Component{Name: name, Technology: tech, Kind: kind, rank: rankHeading}
}

// Ranks of the places a component is found, most definite last.
const (
	rankMention = iota
	rankDiagram
	rankKindSection
	rankListItem
	rankTable
	rankHeading
)

// splitNameTech splits "Orders DB (PostgreSQL)" or "Cache: Redis" into a
// name and a technology.
func splitNameTech(s string) (name, tech string) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, "("); i > 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	for _, sep := range []string{": ", " — ", " – ", " - ", " on "} {
		if i := strings.Index(s, sep); i > 0 {
			rest := strings.TrimSpace(s[i+len(sep):])
			if wordCount(rest) <= 3 {
				return strings.TrimSpace(s[:i]), rest
			}
			return strings.TrimSpace(s[:i]), ""
		}
	}
	return s, ""
}

// addComponent adds c to the design, or merges it into the component of
// the same name, and returns the component kept. In a document that works
// out several designs, names are compared within one design only.
func (r *mdReader) addComponent(c *Component) *Component {
	return r.addComponentUnder(c, r.cur)
}

// addComponentUnder is addComponent for a component named under the
// heading of frame fr.
func (r *mdReader) addComponentUnder(c *Component, fr *frame) *Component {
	key := componentKey(c.Name)
	if key == "" {
		return nil
	}
	c.scope, c.under = r.scopeOf(fr), fr
	key = scopedKey(c.scope, key)
	if old, ok := r.comps[key]; ok {
		mergeComponent(old, c)
		return old
	}
	r.comps[key] = c
	r.d.Components = append(r.d.Components, c)
	return c
}

// scopedKey prefixes a name's key with the line of the heading of the
// design it belongs to, if any.
func scopedKey(scope int, key string) string {
	if scope == 0 {
		return key
	}
	return itoa(scope) + "|" + key
}

// scopeOf returns the line of the heading that frame fr stands under and
// that an estimates section stood under before: the design this part of
// the document works out, in a book of several.
func (r *mdReader) scopeOf(fr *frame) int {
	if len(r.estimateParents) == 0 {
		return 0
	}
	if r.rootLines == nil {
		r.rootLines = map[int]bool{}
	}
	for _, e := range r.estimateParents[r.rootsSeen:] {
		if e.line > 0 {
			r.rootLines[e.line] = true
		}
	}
	r.rootsSeen = len(r.estimateParents)
	for f := fr; f != nil && f != r.top; f = f.parent {
		if line := f.span.Start.Line; r.rootLines[line] {
			return line
		}
	}
	return 0
}

// removeComponent takes back a component that turned out not to be one.
func (r *mdReader) removeComponent(c *Component) {
	delete(r.comps, scopedKey(c.scope, componentKey(c.Name)))
	for i, x := range r.d.Components {
		if x == c {
			r.d.Components = append(r.d.Components[:i], r.d.Components[i+1:]...)
			break
		}
	}
}

// mergeComponent fills what old does not say from c.
func mergeComponent(old, c *Component) {
	if old.Technology == "" {
		old.Technology = c.Technology
	}
	if old.Kind == "" || old.Kind == KindService && c.Kind != "" && c.Kind != KindService {
		old.Kind = c.Kind
	}
	if old.Consistency == Unset {
		old.Consistency, old.Justification = c.Consistency, c.Justification
	}
	if old.Replicas == 0 {
		old.Replicas = c.Replicas
	}
	if old.Regions == 0 {
		old.Regions = c.Regions
	}
	for _, dep := range c.DependsOn {
		old.DependsOn = appendUnique(old.DependsOn, dep)
	}
	if !old.SPOF.Acknowledged {
		old.SPOF = c.SPOF
	}
	if old.Description == "" {
		old.Description = c.Description
	} else if c.Description != "" && !strings.Contains(old.Description, c.Description) {
		old.Description += " " + c.Description
	}
	if old.Span == (Span{}) || c.Span.Start.Line > 0 && c.rank > old.rank {
		old.Span, old.rank = c.Span, c.rank
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if NameKey(x) == NameKey(s) {
			return list
		}
	}
	return append(list, s)
}

// componentLabel applies a "Label: value" line of a component's prose.
func (r *mdReader) componentLabel(c *Component, t string) {
	label, value, ok := splitLabel(t)
	if !ok {
		return
	}
	switch normalizeHeading(label) {
	case "kind", "type", "role":
		if k := kindFromText(value); k != "" {
			c.Kind = k
		}
	case "technology", "tech", "stack", "engine", "store", "product", "implementation":
		c.Technology = value
	case "consistency", "consistency model", "consistency guarantee", "consistency guarantees", "guarantee", "guarantees":
		c.setConsistency(value)
	case "why", "justification", "reason", "rationale", "because":
		c.Justification = value
	case "replicas", "instances", "nodes", "replication", "copies", "deployment":
		if n := replicasFromValue(value); n > 0 {
			c.Replicas = n
		}
	case "regions", "region":
		if in := replicaFacts(value); in.Regions > 0 {
			c.setRegions(in)
		} else if n, err := strconv.Atoi(strings.TrimSpace(value)); err == nil && n > 0 {
			c.Regions = n
		}
	case "depends on", "dependencies", "calls", "talks to", "reads from", "writes to", "uses", "downstream":
		for _, dep := range splitList(value) {
			c.DependsOn = appendUnique(c.DependsOn, dep)
		}
	case "capacity", "capacity per instance", "throughput", "max throughput", "capacity per node":
		if q, err := r.opts.parseQuantity(value, 0); err == nil {
			c.Capacity = &Value{Quantity: q, Text: value}
		}
	case "availability", "sla", "slo":
		if v := measurableTarget(value, r.opts); v != nil {
			c.Availability = v
		}
	}
}

// replicasFromValue reads "3", "3 replicas", "single instance".
func replicasFromValue(v string) int {
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 && n < 100000 {
		return n
	}
	if n := replicaFacts(v).Replicas; n > 0 {
		return n
	}
	for _, w := range splitWords(lower(v)) {
		if n := parseNumberWord(w); n > 0 {
			return n
		}
	}
	return 0
}

// splitList splits "orders-db, cache and queue" into names.
func splitList(s string) []string {
	s = strings.ReplaceAll(s, " and ", ",")
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '/' }) {
		if p = strings.Trim(strings.TrimSpace(p), "`*_."); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitLabel splits "Label: value" where the label is short and names
// something rather than starting a sentence.
func splitLabel(t string) (label, value string, ok bool) {
	i := strings.Index(t, ":")
	if i <= 0 || i > 60 {
		return "", "", false
	}
	label = strings.TrimSpace(t[:i])
	value = strings.TrimSpace(t[i+1:])
	if label == "" || value == "" || strings.Count(label, " ") > 7 {
		return "", "", false
	}
	// "http://" is not a label.
	if strings.HasPrefix(value, "//") {
		return "", "", false
	}
	return label, value, true
}

// describeComponent reads a component's prose: consistency and its reason,
// replicas, regions, an accepted single point of failure, cache and queue
// policies, session state.
func (r *mdReader) describeComponent(c *Component, body []string) {
	if c == nil || len(body) == 0 {
		return
	}
	text := strings.Join(body, "\n")
	if c.Description == "" {
		c.Description = text
	} else if !strings.Contains(c.Description, text) {
		c.Description += "\n" + text
	}
	r.analyseProse(c, text)
}

// analyseProse fills what a component's description says, leaving alone
// what labels or structured fields already set.
func (r *mdReader) analyseProse(c *Component, text string) {
	// A component's essential facts are stated near its name; an essay
	// under a heading is read only so far.
	if len(text) > maxComponentProse {
		text = text[:maxComponentProse]
	}
	l := lower(text)
	// Sentences are split only when a quick look finds something to read
	// in them.
	var sents []string
	split := func() []string {
		if sents == nil {
			sents = sentences(text)
		}
		return sents
	}
	if c.Consistency == Unset && mentionsConsistency(l) {
		c.setConsistency(text)
	}
	in := replicaFacts(text)
	if c.Replicas == 0 {
		c.Replicas = in.Replicas
	}
	if c.Regions == 0 {
		c.setRegions(in)
	}
	if !c.SPOF.Acknowledged && (strings.Contains(l, "single point") || strings.Contains(l, "spof")) {
		c.SPOF.Acknowledged, c.SPOF.Reason = spofAcknowledged(split())
	}
	if len(c.Cache.Strategies) == 0 && (c.Kind == KindCache || c.Kind == KindCDN) {
		// A heading may carry the policy with the product: "Order
		// cache (Redis, write-behind)".
		c.Cache = cachePolicies(l + ". " + lower(c.Technology))
	}
	if len(c.Queue.Plans) == 0 && c.Kind == KindQueue {
		c.Queue.Plans = queuePlans(l)
	}
	if c.Session == "" && (c.Kind == KindService || c.Kind == KindGateway || c.Kind == "") &&
		containsAny(l, "session", "stateful", "memory", "sticky", "affinity", "in ram") {
		c.Session, c.SessionReason = sessionState(split())
	}
	if c.Capacity == nil && (strings.Contains(l, "per ") || strings.Contains(l, "capacity") || strings.Contains(l, "each ") || strings.Contains(l, "single") || strings.Contains(l, "one ")) {
		c.Capacity = capacityIn(text, r.opts)
	}
	if c.Availability == nil && strings.Contains(l, "%") && (strings.Contains(l, "availab") || strings.Contains(l, "uptime") || strings.Contains(l, "sla")) {
		c.Availability = availabilityIn(split(), r.opts)
	}
}

// mentionsConsistency is a quick test for consistencyIn: every word it
// looks for contains one of these.
func mentionsConsistency(l string) bool {
	return containsAny(l, "consisten", "lineariz", "linearis", "serializ", "serialis", "acid", "eventual", "stale", "cp", "ap", "synchronous", "after write", "after-write", "strong", "causal", "your writes", "your-writes", "own writes", "own-writes", "quorum", "write wins", "write-wins", "lww", "lag", "behind")
}

// maxComponentProse bounds the prose read for one component.
const maxComponentProse = 8 << 10

// availabilityIn reads a component's own availability: a percentage in a
// sentence about availability or uptime.
func availabilityIn(sents []string, opts Options) *Value {
	for _, s := range sents {
		if !strings.Contains(s, "%") || !containsAny(lower(s), "availab", "uptime", "sla") {
			continue
		}
		for _, m := range opts.amountsIn(s) {
			if m.Quantity.Dim == estimate.Percent {
				return &Value{Name: "availability", Quantity: m.Quantity, Text: s[m.Start:m.End]}
			}
		}
	}
	return nil
}

// capacityIn reads "handles 2,000 TPS per instance" from prose.
func capacityIn(text string, opts Options) *Value {
	l := lower(text)
	if !containsAny(l, "per instance", "per node", "per server", "per pod", "per replica", "each instance", "each node", "each server", "one instance", "one node", "one server", "a single instance", "capacity") {
		return nil
	}
	for _, m := range opts.amountsIn(text) {
		if m.Quantity.Dim == estimate.Rate {
			return &Value{Quantity: m.Quantity, Text: text[m.Start:m.End]}
		}
	}
	return nil
}

// componentItem reads a list item of an architecture section that names a
// component by a leading name: "**Orders DB** (PostgreSQL): …" or
// "Cache: Redis with a 5 min TTL".
func (r *mdReader) componentItem(fr *frame, t string, sp Span, item ast.Node) {
	lead := leadingBold(r, item)
	name, rest := lead, ""
	if lead != "" {
		rest = strings.TrimSpace(strings.TrimPrefix(t, lead))
	} else if l, v, ok := splitLabel(t); ok {
		name, rest = l, v
	}
	if name == "" || protocolNames[lower(name)] || !namesComponent(name) {
		return
	}
	tech := ""
	if strings.HasPrefix(rest, "(") {
		if j := strings.Index(rest, ")"); j > 0 {
			tech = rest[1:j]
			rest = strings.TrimSpace(rest[j+1:])
		}
	}
	rest = strings.TrimLeft(rest, ":—–- ")
	kind := inferKind(name, tech)
	if kind == "" {
		return
	}
	if tech == "" {
		tech = technologyIn(rest)
	}
	c := r.addComponent(&Component{Name: name, Kind: kind, Technology: tech, Span: sp, rank: rankListItem})
	if c != nil && rest != "" {
		var body []string
		body = append(body, rest)
		if nt := nestedText(r, item); nt != "" {
			body = append(body, nt)
		}
		r.describeComponent(c, body)
	}
}

// leadingBold returns the text of a bold span that starts a list item.
func leadingBold(r *mdReader, item ast.Node) string {
	p := item.FirstChild()
	if p == nil {
		return ""
	}
	return r.boldLead(p)
}

// technologyIn returns the first technology named in prose.
func technologyIn(s string) string {
	for _, w := range splitWords(s) {
		lw := lower(w)
		if k, ok := kindWords[lw]; ok && isTechnology(lw) && k != "" {
			return w
		}
	}
	return ""
}

// isTechnology tells product names from the generic nouns of kindWords.
func isTechnology(w string) bool {
	switch w {
	case "service", "services", "server", "servers", "api", "app", "backend", "microservice", "frontend",
		"application", "monolith", "handler", "db", "database", "databases", "store", "datastore", "ledger",
		"rdbms", "table", "cache", "caches", "caching", "queue", "queues", "broker", "topic", "stream", "bus",
		"lb", "balancer", "proxy", "cdn", "edge", "bucket", "blob", "search", "index", "gateway", "worker",
		"workers", "cron", "job", "jobs", "consumer", "consumers", "scheduler", "crawler", "processor",
		"pipeline", "batch", "client", "clients", "user", "users", "browser", "external", "partner", "sql", "nosql":
		return false
	}
	return true
}

// boldMention records a bold name in an architecture section's prose ("the
// **Write API** saves to the **SQL Database**") as a component.
func (r *mdReader) boldMention(name string, sp Span) {
	name = strings.TrimSpace(name)
	if name == "" || wordCount(name) > 4 || protocolNames[lower(name)] {
		return
	}
	// "SQL Read Replicas", "SQL Write Master-Slave": how another component
	// is replicated, not a component of its own.
	if words := splitWords(lower(name)); len(words) > 1 && isReplicaWord(words[len(words)-1]) {
		for _, c := range r.d.Components {
			if cw := splitWords(lower(c.Name)); len(cw) > 0 && cw[0] == words[0] {
				c.Replicas = max(c.Replicas, 2)
				return
			}
		}
		return
	}
	if !namesComponent(name) || hasStopWord(name) {
		return
	}
	kind := inferKind(name, "")
	if kind == "" {
		return
	}
	r.addComponent(&Component{Name: name, Kind: kind, Span: sp, rank: rankMention})
}

func isReplicaWord(w string) bool {
	switch w {
	case "replica", "replicas", "slave", "slaves", "standby", "standbys", "follower", "followers", "secondary", "secondaries", "federation":
		return true
	}
	return false
}

// componentTable reads a table whose header names components and their
// properties: Component | Type | Technology | Consistency | Why | Replicas.
func (r *mdReader) componentTable(cols []string, rows [][]*flat, spans []Span) bool {
	col := map[string]int{}
	for i, c := range cols {
		var key string
		switch {
		case c == "component" || c == "components" || c == "name" || c == "service" || c == "services" || c == "system" || c == "node" || c == "box" || c == "element" || c == "store" ||
			c == "layer" || c == "tier" || c == "building block" || c == "piece":
			key = "name"
		case c == "type" || c == "kind" || c == "role":
			key = "kind"
		case containsWords(c, "technology") || c == "tech" || c == "stack" || c == "engine" || c == "product" || c == "choice":
			key = "tech"
		case containsWords(c, "consistency"):
			key = "consistency"
		case c == "why" || containsWords(c, "justification") || containsWords(c, "reason") || containsWords(c, "rationale") || containsWords(c, "because"):
			key = "why"
		case containsWords(c, "replicas") || containsWords(c, "instances") || containsWords(c, "nodes") || containsWords(c, "replication") || c == "count":
			key = "replicas"
		case containsWords(c, "regions") || c == "region":
			key = "regions"
		case containsWords(c, "depends on") || containsWords(c, "dependencies") || containsWords(c, "calls") || containsWords(c, "talks to"):
			key = "deps"
		case containsWords(c, "capacity") || containsWords(c, "throughput"):
			key = "capacity"
		case containsWords(c, "availability") || c == "sla" || c == "slo":
			key = "availability"
		case containsWords(c, "purpose") || containsWords(c, "responsibility") || containsWords(c, "description") || containsWords(c, "notes") || c == "what":
			key = "desc"
		default:
			continue
		}
		if _, dup := col[key]; !dup {
			col[key] = i
		}
	}
	nameCol, ok := col["name"]
	if !ok || len(col) < 2 {
		return false
	}
	cell := func(row []*flat, key string) string {
		i, ok := col[key]
		if !ok || i >= len(row) {
			return ""
		}
		s := strings.TrimSpace(row[i].String())
		if isPlaceholder(s) {
			return ""
		}
		return s
	}
	for i, row := range rows {
		if nameCol >= len(row) {
			continue
		}
		name := cell(row, "name")
		if name == "" {
			continue
		}
		c := &Component{Name: name, Technology: cell(row, "tech"), Span: spans[i], rank: rankTable}
		if k := cell(row, "kind"); k != "" {
			c.Kind = kindFromText(k)
		}
		if c.Kind == "" {
			c.Kind = inferKind(name, c.Technology)
		}
		if c.Kind == "" {
			c.Kind = KindService
		}
		if v := cell(row, "consistency"); v != "" {
			c.setConsistency(v)
		}
		if why := cell(row, "why"); why != "" {
			c.Justification = why
		}
		if v := cell(row, "replicas"); v != "" {
			c.Replicas = replicasFromValue(v)
		}
		if v := cell(row, "regions"); v != "" {
			if in := replicaFacts(v); in.Regions > 0 {
				c.setRegions(in)
			} else if n, err := strconv.Atoi(v); err == nil && n > 0 {
				c.Regions = n
			}
		}
		for _, dep := range splitList(cell(row, "deps")) {
			c.DependsOn = appendUnique(c.DependsOn, dep)
		}
		if v := cell(row, "capacity"); v != "" {
			if q, err := r.opts.parseQuantity(v, 0); err == nil {
				c.Capacity = &Value{Quantity: q, Text: v, Span: spans[i]}
			}
		}
		if v := cell(row, "availability"); v != "" {
			c.Availability = measurableTarget(v, r.opts)
		}
		var all []string
		for _, f := range row {
			if s := strings.TrimSpace(f.String()); s != "" {
				all = append(all, s)
			}
		}
		kept := r.addComponent(c)
		if kept != nil {
			r.describeComponent(kept, []string{strings.Join(all, ". ")})
		}
	}
	return true
}

// finishComponents settles what depends on the whole document: statefulness
// from kinds, dependency names resolved to components.
func (r *mdReader) finishComponents() {
	for _, c := range r.d.Components {
		if StatefulKind(c.Kind) || c.Session != "" {
			c.Stateful = true
		}
		for i, dep := range c.DependsOn {
			if other := r.d.Component(dep); other != nil {
				c.DependsOn[i] = other.Name
			}
		}
	}
}
