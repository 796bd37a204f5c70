package rules

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/design"
)

// FailureScenarios wants the failure plan to answer the three questions
// every design review asks.
var FailureScenarios = &Rule{
	ID:       "failure-scenarios",
	Category: Reliability,
	Severity: Warning,
	Summary:  "the failure plan covers a spike, the loss of a node, zone or region, and a failing dependency",
	Doc: Doc{
		Why: `Three things go wrong in every system sooner or later: far more traffic
than usual arrives at once, a machine or a whole zone or region
disappears, and something the system relies on (a cache, a database, a
third-party API) stops answering. A failure plan that skips one of them
leaves the review to discover it, usually by asking "and what if the cache
goes down?".`,
		Trigger: `The design has a failure plan with at least one mitigation written
(when it has none, failure-plan reports it), and the plan lacks an entry,
with a mitigation, for one of: a traffic spike (spike, surge, burst, viral,
overload, "10x"); the loss of a node, instance, zone or region (also a
crash, a lost primary or shard, failover, high availability); the failure of a dependency (a cache,
database, queue, object store, search index, third party or provider, or a
component of those kinds named in the design). An entry is classified by
what goes wrong, not by its mitigation ("traffic spike: jobs wait in the
queue" covers a spike, not the queue failing); when that says nothing
recognisable, the mitigation is read too. An entry counts as mitigated when
it has a mitigation, or when it is a whole sentence rather than a bare
name. The dependency question is skipped when the design lists components
and none of them is a dependency. One finding names everything missing, at
the failure plan.`,
		Fix: `Add an entry for each missing case and say what the system does: rate
limiting, autoscaling or queueing for a spike; replicas across zones,
failover and a second region for lost nodes, zones and regions; timeouts,
circuit breakers, fallbacks and degraded modes for each dependency.`,
		Fail: `# Photo sharing

## Failure plan

- Traffic spike after a celebrity post: upload pods autoscale and the feed
  is served from the CDN
- Loss of a zone: every tier runs in three zones behind the load balancer
`,
		Pass: `# Photo sharing

## Failure plan

- Traffic spike after a celebrity post: upload pods autoscale and the feed
  is served from the CDN
- Loss of a zone: every tier runs in three zones behind the load balancer
- Feed cache down: the feed service reads the database behind a circuit
  breaker and serves shorter pages until the cache is warm
`,
	},
	Check: func(p *Pass) {
		d := p.Design
		gaps := failureGaps(d)
		if len(gaps) == 0 {
			return
		}
		var missing, fixes []string
		for _, g := range gaps {
			what := failureKindText[g.kind]
			if g.kind == dependencyFailure && len(dependencies(d)) > 0 {
				what += " such as " + dependencyExamples(dependencies(d))
			}
			if g.named > 0 {
				what += fmt.Sprintf(" (line %d names one but gives no mitigation)", g.named)
			}
			missing = append(missing, what)
			fixes = append(fixes, failureKindFix[g.kind])
		}
		sp := d.FailurePlan[0].Span
		if s, ok := firstSection(d, design.SectionFailure); ok {
			sp = s.Span
		}
		p.Report(sp, "section:failure",
			"the failure plan does not cover %s; add an entry saying what the system does then: %s",
			JoinAnd(missing), strings.Join(fixes, "; "))
	},
}

// FailureGaps names the cases a failure plan should answer that the
// design's plan leaves without a mitigation ("a traffic spike", "the loss
// of a node, zone or region", "the failure of a dependency"), as the
// failure-scenarios rule reads it. It is empty when the plan answers all
// three, and when the design has no plan with a mitigation at all, which
// is failure-plan's finding.
func FailureGaps(d *design.Design) []string {
	var out []string
	for _, g := range failureGaps(d) {
		out = append(out, failureKindText[g.kind])
	}
	return out
}

// failureGap is a case the plan does not answer; named is the line of an
// entry that names it without a mitigation, if one does.
type failureGap struct {
	kind  failureKind
	named int
}

func failureGaps(d *design.Design) []failureGap {
	mitigated := false
	for _, sc := range d.FailurePlan {
		mitigated = mitigated || hasMitigation(sc)
	}
	if !mitigated {
		return nil
	}
	deps := dependencies(d)
	needDependency := len(d.Components) == 0 || len(deps) > 0
	var covered, named [numFailureKinds]int
	for _, sc := range d.FailurePlan {
		for _, k := range failureKinds(sc, deps) {
			if hasMitigation(sc) {
				covered[k]++
			} else if named[k] == 0 {
				named[k] = sc.Span.Start.Line
			}
		}
	}
	var gaps []failureGap
	for k := failureKind(0); k < numFailureKinds; k++ {
		if covered[k] == 0 && (k != dependencyFailure || needDependency) {
			gaps = append(gaps, failureGap{kind: k, named: named[k]})
		}
	}
	return gaps
}

// failureKind is one of the three cases a failure plan must answer.
type failureKind int

const (
	trafficSpike failureKind = iota
	capacityLoss
	dependencyFailure
	numFailureKinds
)

var failureKindText = [numFailureKinds]string{
	trafficSpike:      "a traffic spike",
	capacityLoss:      "the loss of a node, zone or region",
	dependencyFailure: "the failure of a dependency",
}

var failureKindFix = [numFailureKinds]string{
	trafficSpike:      "rate limiting, autoscaling or queueing for a spike",
	capacityLoss:      "replicas across zones and failover to another region for lost capacity",
	dependencyFailure: "timeouts, circuit breakers and a fallback or degraded mode for each dependency",
}

// failureWords are the words and phrases that say which case an entry is
// about. Single words match whole words (plurals included); phrases match
// on word boundaries.
var failureWords = [numFailureKinds]wordSet{
	trafficSpike: newWordSet("spike", "surge", "burst", "flash crowd", "viral", "thundering herd", "overload", "overloaded",
		"flood", "ddos", "stampede", "rush", "hot key", "hotspot", "hot spot", "high load", "heavy load",
		"more traffic", "peak traffic", "peak load", "black friday", "sudden"),
	capacityLoss: newWordSet("node", "instance", "host", "server", "machine", "vm", "pod", "container", "replica",
		"zone", "az", "availability zone", "data center", "datacenter", "region", "rack", "hardware", "disk",
		"primary", "master", "leader", "shard", "crash", "crashes", "crashed", "power",
		"high availability", "failover", "fail over", "redundancy"),
	dependencyFailure: newWordSet("cache", "database", "db", "datastore", "store", "storage", "redis", "memcached",
		"postgres", "postgresql", "mysql", "cassandra", "dynamodb", "mongodb", "kafka", "queue", "broker",
		"rabbitmq", "sqs", "s3", "blob", "bucket", "elasticsearch", "search", "index", "cdn", "dns",
		"third party", "third-party", "provider", "vendor", "external", "upstream", "downstream",
		"dependency", "dependencies", "psp", "payment gateway", "email", "sms", "zookeeper", "etcd"),
}

// failureKinds lists the cases a failure-plan entry is about.
func failureKinds(sc design.Scenario, deps []*design.Component) []failureKind {
	kinds := kindsIn(sc.Scenario, deps)
	if len(kinds) == 0 && sc.Mitigation != "" {
		// "Fail-open | allow every request when Redis is down": the
		// first column named a mode, the second says what fails.
		kinds = kindsIn(sc.Mitigation, deps)
	}
	return kinds
}

func kindsIn(text string, deps []*design.Component) []failureKind {
	w := wordText(text)
	var kinds []failureKind
	for k := failureKind(0); k < numFailureKinds; k++ {
		if hasAnyWord(w, failureWords[k]) || k == dependencyFailure && namesAny(w, deps) || k == trafficSpike && hasSurge(w) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// hasMitigation reports whether an entry says what is done about it: a
// mitigation of its own, or a whole sentence rather than a bare name.
func hasMitigation(sc design.Scenario) bool {
	if sc.Pending {
		return false
	}
	return strings.TrimSpace(sc.Mitigation) != "" || len(strings.Fields(sc.Scenario)) >= 8
}

// dependencies lists the components a failure of which is a dependency
// failure: stores, queues, caches, CDNs and external systems.
func dependencies(d *design.Design) []*design.Component {
	var out []*design.Component
	for _, c := range d.Components {
		switch c.Kind {
		case design.KindDatabase, design.KindCache, design.KindQueue, design.KindObjectStore,
			design.KindSearch, design.KindCDN, design.KindExternal:
			out = append(out, c)
		}
	}
	return out
}

// dependencyExamples names up to four of the design's dependencies.
func dependencyExamples(deps []*design.Component) string {
	var names []string
	for i, c := range deps {
		if i == 4 {
			break
		}
		names = append(names, quote(c.Name))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// namesAny reports whether the words name one of the components, by name
// or technology.
func namesAny(w string, deps []*design.Component) bool {
	for _, c := range deps {
		if n := wordText(c.Name); n != "" && strings.Contains(w, n) {
			return true
		}
		if t := wordText(c.Technology); len(t) > 3 && strings.Contains(w, t) {
			return true
		}
	}
	return false
}

// wordText folds text into lower-case words separated by single spaces,
// with a space at each end so that " word " finds whole words.
func wordText(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r > 0x7f {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	if b.Len() == 1 {
		return ""
	}
	return b.String()
}

// wordSet holds single words (with their plurals) for lookup, and
// phrases padded for whole-word search in text from wordText.
type wordSet struct {
	words   map[string]bool
	phrases []string
}

func newWordSet(words ...string) wordSet {
	set := wordSet{words: map[string]bool{}}
	for _, x := range words {
		if strings.Contains(x, " ") {
			set.phrases = append(set.phrases, " "+x+" ")
			continue
		}
		set.words[x] = true
		set.words[x+"s"] = true
	}
	return set
}

// hasAnyWord reports whether w (from wordText) holds one of the set's
// words or phrases.
func hasAnyWord(w string, set wordSet) bool {
	for _, f := range strings.Fields(w) {
		if set.words[f] {
			return true
		}
	}
	for _, x := range set.phrases {
		if strings.Contains(w, x) {
			return true
		}
	}
	return false
}

var (
	loadWords   = newWordSet("traffic", "load", "requests", "writes", "reads", "users", "uploads")
	growthWords = newWordSet("double", "doubles", "triple", "triples", "quadruples", "grows", "jumps", "increase", "increases", "soars")
)

// hasSurge finds load several times the usual: "10x", "5 times the
// usual", "traffic triples".
func hasSurge(w string) bool {
	for _, f := range strings.Fields(w) {
		if n := strings.TrimSuffix(strings.TrimSuffix(f, "x"), "×"); n != f && n != "" && strings.Trim(n, "0123456789.") == "" {
			return true
		}
	}
	if strings.Contains(w, " times the ") || strings.Contains(w, " times normal ") || strings.Contains(w, " times usual ") {
		return true
	}
	return hasAnyWord(w, loadWords) && hasAnyWord(w, growthWords)
}
