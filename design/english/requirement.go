package english

import (
	"strings"

	"github.com/designlint/designlint/estimate"
)

// Areas of a non-functional requirement.
const (
	AreaLatency       = "latency"
	AreaAvailability  = "availability"
	AreaDurability    = "durability"
	AreaConsistency   = "consistency"
	AreaScale         = "scale"
	AreaThroughput    = "throughput"
	AreaSecurity      = "security"
	AreaCost          = "cost"
	AreaObservability = "observability"
	AreaOther         = "other"
)

// Requirement is what a non-functional requirement says: the qualities it
// speaks to and whether a test could decide that it is met.
type Requirement struct {
	// Areas are the qualities it names, in the order it names them; a
	// requirement that names none has AreaOther alone.
	Areas []string
	// Target is the first figure that makes it measurable ("p99 <
	// 200 ms", "99.95%", "50k writes/s"), or nil.
	Target *Amount
	// TargetText is the target as written.
	TargetText string
	// Precise says why a requirement without a figure can still be
	// checked, or why it sets no goal to check: "zero target" ("no double
	// bookings", "no acknowledged write is ever lost"), "bound word"
	// ("sub-second"), "mechanism" (a named security or observability
	// means), "model" (a consistency model stated for named data),
	// "relaxation" ("analytics need not be real-time"), "workload" ("reads
	// are heavy"); "" for none.
	Precise string
}

// Measurable reports whether a test or a dashboard could decide it.
func (r Requirement) Measurable() bool { return r.Target != nil || r.Precise != "" }

// areaPhrase is a run of words that names an area. A word ending in "*"
// matches any word it starts.
type areaPhrase struct {
	words []string
	area  string
}

var areaPhrases = []areaPhrase{
	// phrases that would otherwise be read by one of their words
	{w("concurrent users"), AreaScale}, {w("concurrent connections"), AreaScale},
	{w("daily active users"), AreaScale}, {w("monthly active users"), AreaScale},
	// latency
	{w("latency"), AreaLatency}, {w("latencies"), AreaLatency}, {w("response time*"), AreaLatency},
	{w("time to first byte"), AreaLatency}, {w("ttfb"), AreaLatency}, {w("load time*"), AreaLatency},
	{w("loads in"), AreaLatency}, {w("page load*"), AreaLatency}, {w("fast"), AreaLatency}, {w("faster"), AreaLatency},
	{w("quick"), AreaLatency}, {w("quickly"), AreaLatency}, {w("snappy"), AreaLatency}, {w("responsive"), AreaLatency},
	{w("real - time"), AreaLatency}, {w("realtime"), AreaLatency}, {w("real time"), AreaLatency},
	{w("sub - second"), AreaLatency}, {w("subsecond"), AreaLatency}, {w("sub - millisecond"), AreaLatency},
	{w("instant"), AreaLatency}, {w("instantly"), AreaLatency}, {w("median"), AreaLatency}, {w("slow"), AreaLatency},
	{w("delivered within"), AreaLatency}, {w("performan*"), AreaLatency}, {w("performing"), AreaLatency}, {w("round trip*"), AreaLatency}, {w("rtt"), AreaLatency},
	// availability
	{w("availab*"), AreaAvailability}, {w("uptime"), AreaAvailability}, {w("downtime"), AreaAvailability},
	{w("nines"), AreaAvailability}, {w("failover"), AreaAvailability}, {w("fault toleran*"), AreaAvailability},
	{w("fault - toleran*"), AreaAvailability}, {w("sla"), AreaAvailability}, {w("survive*"), AreaAvailability},
	{w("outage*"), AreaAvailability}, {w("resilien*"), AreaAvailability}, {w("always on"), AreaAvailability},
	{w("always - on"), AreaAvailability}, {w("go down"), AreaAvailability}, {w("goes down"), AreaAvailability},
	{w("mttr"), AreaAvailability}, {w("time to recover*"), AreaAvailability}, {w("rto"), AreaAvailability},
	{w("redundan*"), AreaAvailability}, {w("ha"), AreaAvailability}, {w("reliab*"), AreaAvailability},
	// durability
	{w("durab*"), AreaDurability}, {w("data loss"), AreaDurability}, {w("lost"), AreaDurability},
	{w("lose"), AreaDurability}, {w("losing"), AreaDurability}, {w("rpo"), AreaDurability},
	{w("backup*"), AreaDurability}, {w("retention"), AreaDurability}, {w("retain*"), AreaDurability},
	{w("kept for"), AreaDurability}, {w("keep"), AreaDurability}, {w("persisted"), AreaDurability},
	{w("safely"), AreaDurability}, {w("archiv*"), AreaDurability}, {w("history"), AreaDurability},
	// consistency
	{w("consisten*"), AreaConsistency}, {w("linearizab*"), AreaConsistency}, {w("serializab*"), AreaConsistency},
	{w("stale*"), AreaConsistency}, {w("read - your - writes"), AreaConsistency}, {w("causal*"), AreaConsistency},
	{w("double - book*"), AreaConsistency}, {w("double book*"), AreaConsistency}, {w("oversell*"), AreaConsistency},
	{w("overbook*"), AreaConsistency}, {w("negative"), AreaConsistency}, {w("reflect writes"), AreaConsistency},
	{w("up - to - date"), AreaConsistency}, {w("recent"), AreaConsistency}, {w("partition*"), AreaConsistency},
	{w("conflict*"), AreaConsistency}, {w("exactly - once"), AreaConsistency}, {w("duplicate*"), AreaConsistency},
	// scale
	{w("scal*"), AreaScale}, {w("dau"), AreaScale}, {w("mau"), AreaScale}, {w("growth"), AreaScale},
	{w("grow"), AreaScale}, {w("traffic"), AreaScale}, {w("spike*"), AreaScale}, {w("elastic*"), AreaScale},
	// throughput
	{w("throughput"), AreaThroughput}, {w("qps"), AreaThroughput}, {w("rps"), AreaThroughput},
	{w("tps"), AreaThroughput}, {w("ingest*"), AreaThroughput}, {w("sustain*"), AreaThroughput},
	{w("concurrent*"), AreaThroughput}, {w("bandwidth"), AreaThroughput},
	// security
	{w("secur*"), AreaSecurity}, {w("encrypt*"), AreaSecurity}, {w("authenticat*"), AreaSecurity},
	{w("authoriz*"), AreaSecurity}, {w("authoris*"), AreaSecurity}, {w("unauthori*"), AreaSecurity},
	{w("privacy"), AreaSecurity}, {w("gdpr"), AreaSecurity}, {w("tls"), AreaSecurity}, {w("pii"), AreaSecurity},
	{w("compliance"), AreaSecurity}, {w("vulnerab*"), AreaSecurity}, {w("login"), AreaSecurity},
	{w("password*"), AreaSecurity}, {w("sessions expire"), AreaSecurity}, {w("inactivity"), AreaSecurity},
	{w("keys"), AreaSecurity}, {w("ddos"), AreaSecurity}, {w("rate - limit*"), AreaSecurity},
	{w("rate limit*"), AreaSecurity}, {w("abuse"), AreaSecurity}, {w("protect*"), AreaSecurity},
	{w("access control"), AreaSecurity}, {w("oauth"), AreaSecurity}, {w("mfa"), AreaSecurity},
	{w("audit log*"), AreaSecurity}, {w("piracy"), AreaSecurity}, {w("attack*"), AreaSecurity},
	// cost
	{w("error budget*"), AreaAvailability}, {w("error - budget*"), AreaAvailability},
	{w("cost*"), AreaCost}, {w("budget"), AreaCost}, {w("$"), AreaCost}, {w("€"), AreaCost}, {w("£"), AreaCost},
	{w("spend*"), AreaCost}, {w("cheap*"), AreaCost}, {w("expensive"), AreaCost}, {w("price*"), AreaCost},
	// observability
	{w("observab*"), AreaObservability}, {w("monitor*"), AreaObservability}, {w("metric*"), AreaObservability},
	{w("logging"), AreaObservability}, {w("trace*"), AreaObservability}, {w("tracing"), AreaObservability},
	{w("alert*"), AreaObservability}, {w("dashboard*"), AreaObservability}, {w("telemetry"), AreaObservability},
	// other qualities
	{w("deploy*"), AreaOther}, {w("locale*"), AreaOther}, {w("maintain*"), AreaOther},
	{w("developer experience"), AreaOther}, {w("accessib*"), AreaOther},
}

// qualityPhrases state a quality of the whole system rather than a thing
// it does.
var qualityPhrases = [][]string{
	w("high availability"), w("highly available"), w("low latency"), w("should be fast"), w("must be fast"),
	w("is fast"), w("be fast"), w("highly scalable"), w("should scale"), w("must scale"), w("fault tolerant"),
	w("fault - tolerant"), w("highly reliable"), w("high reliability"), w("high throughput"), w("high performance"),
}

// StatesQuality reports a statement about a quality of the system
// ("Service has high availability", "Posting a tweet should be fast"): a
// non-functional requirement, wherever it is listed.
func StatesQuality(text string) bool {
	t := Lex(text)
	defer t.settle()
	r := requirementReader{t: t}
	for i := range t.Tokens {
		for _, p := range qualityPhrases {
			if r.t.phraseAt(i, p) > 0 {
				return true
			}
		}
	}
	return false
}

// ReadRequirement reads a non-functional requirement: the areas it names
// (a latency percentile, "uptime", "RPO", "stale", "DAU", "writes/s",
// "encrypt", "$"), and the target that makes it measurable, or the words
// that make it precise without one.
func ReadRequirement(text string, cal estimate.Calendar) Requirement {
	if cal.DaysPerMonth == 0 {
		cal = estimate.DefaultCalendar
	}
	t := Lex(text)
	defer t.settle()
	r := requirementReader{t: t, amounts: t.Amounts(cal)}
	return r.read(text)
}

type requirementReader struct {
	t       *Text
	amounts []Amount
}

func (r *requirementReader) read(text string) Requirement {
	var out Requirement
	seen := map[string]bool{}
	add := func(a string) {
		if !seen[a] {
			seen[a] = true
			out.Areas = append(out.Areas, a)
		}
	}
	t := r.t
	ai := 0
	for i := 0; i < len(t.Tokens); i++ {
		t.steps++
		// A figure names its area where no word before it did: a
		// duration bound is latency, a rate throughput, a count of users
		// scale.
		for ai < len(r.amounts) && r.amounts[ai].First <= i {
			if a := r.figureArea(r.amounts[ai]); a != "" && len(out.Areas) == 0 {
				add(a)
			}
			ai++
		}
		if l := t.Low(i); len(l) >= 2 && l[0] == 'p' && allDigits(l, 1, len(l)) {
			add(AreaLatency)
			continue
		}
		for _, p := range areaPhrases {
			n := r.t.phraseAt(i, p.words)
			if n == 0 {
				continue
			}
			area := p.area
			if p.words[0] == "nines" || p.words[0] == "durab*" && i > 0 && t.Is(i-1, "of") {
				// "11 nines of durability"
				if t.Is(i+n, "of") {
					if d := r.areaAt(i + n + 1); d != "" {
						area = d
					}
				}
			}
			if !r.areaFits(i, n, area) {
				continue
			}
			add(area)
			i += n - 1
			break
		}
	}
	if len(out.Areas) == 0 {
		out.Areas = []string{AreaOther}
	}
	out.Target = r.target()
	if out.Target != nil {
		out.TargetText = t.Between(out.Target.First, out.Target.Last)
	} else {
		out.Precise = r.precise(text, out.Areas[0])
	}
	return out
}

// areaFits vetoes area words used in another sense.
func (r *requirementReader) areaFits(i, n int, area string) bool {
	t := r.t
	switch t.Low(i) {
	case "keep":
		// "keep 7 years of history", not "keep costs low"
		return r.durationWithin(i+1, i+5)
	case "history":
		return r.durationWithin(max(0, i-4), i)
	case "recent":
		return r.wordWithin(i, i+8, "partition", "partitions") || r.wordWithin(max(0, i-6), i, "stale")
	case "traffic":
		// "10x traffic spikes", "handle peak traffic"; "all traffic uses
		// TLS" speaks of something else
		return r.wordWithin(max(0, i-3), i+3, "spike", "spikes", "peak", "growth", "handle", "surge", "surges", "burst", "bursts") || r.ratioWithin(max(0, i-3), i)
	case "ha":
		return t.Str(i) == "HA"
	case "keys":
		return r.wordWithin(max(0, i-3), i, "encryption", "api", "signing", "rotate")
	}
	return true
}

// areaAt returns the area a phrase at token i names, or "".
func (r *requirementReader) areaAt(i int) string {
	for _, p := range areaPhrases {
		if r.t.phraseAt(i, p.words) > 0 {
			return p.area
		}
	}
	return ""
}

func (r *requirementReader) wordWithin(from, to int, words ...string) bool {
	t := r.t
	for k := max(from, 0); k < to && k < len(t.Tokens); k++ {
		for _, w := range words {
			if t.Is(k, w) {
				return true
			}
		}
	}
	return false
}

func (r *requirementReader) ratioWithin(from, to int) bool {
	for _, a := range r.amounts {
		if a.First >= from && a.First < to && a.Dim == estimate.Ratio {
			return true
		}
	}
	return false
}

func (r *requirementReader) durationWithin(from, to int) bool {
	for _, a := range r.amounts {
		if a.First >= from && a.First < to && a.Dim == estimate.Duration {
			return true
		}
	}
	return false
}

// figureArea is the area a figure names by itself: a bound on a duration
// is a latency, a rate of work a throughput, a count of users or a
// stored volume a scale.
func (r *requirementReader) figureArea(a Amount) string {
	t := r.t
	switch {
	case a.Dim == estimate.Duration && (a.Hedge == AtMost || t.Is(a.First-1, "in") || t.Is(a.First-1, "within")):
		return AreaLatency
	case a.Dim == estimate.ByteRate:
		return AreaThroughput
	case a.Dim == estimate.Rate:
		if t.Is(a.Num-1, "$") || t.Is(a.Num-1, "€") || t.Is(a.Num-1, "£") {
			return AreaCost
		}
		return AreaThroughput
	case a.Dim == estimate.Bytes && r.wordWithin(max(0, a.First-3), a.First, "store", "hold", "stores", "holds", "keep"):
		return AreaScale
	case a.Dim == estimate.Count:
		if r.wordWithin(a.Num, a.Last+4, "users", "customers", "dau", "mau", "accounts", "subscribers", "tenants", "devices", "drivers", "riders", "members", "players") {
			return AreaScale
		}
	}
	return ""
}

// vagueScales are plural scale words that give no figure: "millions of
// users".
var vagueScales = map[string]bool{
	"hundreds": true, "thousands": true, "millions": true, "billions": true, "trillions": true, "dozens": true,
	"lots": true, "tons": true,
}

// target returns the first figure that sets a target: not a vague
// quantity, not a lone "1" naming a thing, not a zero (a zero target is
// precise, not a figure).
func (r *requirementReader) target() *Amount {
	t := r.t
	for i := range r.amounts {
		a := r.amounts[i]
		if a.Bad != "" || a.Dim == 0 || vagueScales[t.Low(a.Num)] {
			continue
		}
		if a.Words && (a.Multiple || a.Value < 2) && !a.HasPer && a.Unit != "nines" {
			// "once sync settles", "one device": words, not figures
			continue
		}
		money := t.Is(a.Num-1, "$") || t.Is(a.Num-1, "€") || t.Is(a.Num-1, "£")
		if a.Dim == estimate.Count && !money && (a.Value == 0 || a.Value < 2 && a.Unit == "" && !a.Scaled) {
			continue
		}
		return &r.amounts[i]
	}
	return nil
}

// failureWords are what a zero target counts: "zero downtime", "no double
// bookings", "0 critical vulnerabilities", "no acknowledged write is ever
// lost", "a balance never goes negative".
var failureWords = map[string]bool{
	"downtime": true, "loss": true, "lost": true, "twice": true, "lose": true, "losses": true, "error": true, "errors": true,
	"double": true, "duplicate": true, "duplicates": true, "duplicated": true, "negative": true,
	"oversell": true, "oversold": true, "overbooking": true, "outage": true, "outages": true,
	"dropped": true, "drop": true, "missed": true, "vulnerabilities": true, "vulnerability": true,
	"incidents": true, "failures": true, "corruption": true, "corrupted": true, "breach": true, "breaches": true,
	"multiple": true, "guessed": true, "guessable": true, "enumerated": true, "enumeration": true,
	"unauthorized": true, "unauthorised": true, "disappears": true, "disappear": true, "spof": true,
}

// zeroWords open a zero target.
var zeroWords = map[string]bool{
	"zero": true, "no": true, "0": true, "never": true, "none": true, "nothing": true, "not": true,
	"shouldn't": true, "shouldn’t": true, "mustn't": true, "mustn’t": true, "cannot": true, "can't": true, "can’t": true,
}

// precise says why a requirement without a figure is still checkable, or
// "".
func (r *requirementReader) precise(text, area string) string {
	t := r.t
	for i := 0; i < len(t.Tokens); i++ {
		l := t.Low(i)
		// "analytics do not need to be real-time", "X need not be
		// instant": a relaxation sets no goal to miss
		// "reads are heavy", "write-heavy": the shape of the load,
		// not a goal
		if l == "heavy" && (t.Is(i-1, "read") || t.Is(i-1, "write") || t.Is(i-2, "read") || t.Is(i-2, "write")) {
			return "workload"
		}
		if (l == "need" || l == "needs") && (t.Is(i+1, "not") || r.wordWithin(max(0, i-2), i, "not", "don't", "don’t", "doesn't", "doesn’t")) ||
			l == "required" && t.Is(i-1, "not") && t.Is(i+1, "to") {
			return "relaxation"
		}
		if zeroWords[l] || l == "ever" && r.wordWithin(max(0, i-6), i, "no") {
			if l == "no" && (t.Is(i+1, "more") || t.Is(i+1, "longer")) {
				continue
			}
			for k := i + 1; k < len(t.Tokens) && k <= i+5; k++ {
				if t.Is(k, ",") || t.Is(k, ".") || t.Is(k, ";") {
					break
				}
				if failureWords[t.Low(k)] || strings.HasPrefix(t.Low(k), "double") || t.Is(k, "point") && t.Is(k+1, "of") && t.Is(k+2, "failure") {
					return "zero target"
				}
			}
		}
		switch l {
		case "sub":
			if t.Is(i+1, "-") && (t.Is(i+2, "second") || t.Is(i+2, "millisecond")) {
				return "bound word"
			}
		case "subsecond", "submillisecond":
			return "bound word"
		case "up", "within", "under", "than", "most":
			// "up to a minute late", "within an hour"
			k := i + 1
			if l == "up" {
				if !t.Is(k, "to") {
					break
				}
				k++
			}
			if (t.Is(k, "a") || t.Is(k, "an") || t.Is(k, "one")) && isTimeUnit(t.Low(k+1)) {
				return "bound word"
			}
		case "single":
			if t.Is(i+1, "-") && t.Is(i+2, "digit") {
				return "bound word"
			}
		}
	}
	switch area {
	case AreaConsistency:
		// A model stated for named data, or under a label, is a choice
		// a test can check: "Consistency: strong for payments".
		c := ReadConsistency(text)
		if c.Model != "" && (strings.ContainsAny(text[:c.Start], ":|—–") || strings.Contains(text[:c.Start], " - ") ||
			strings.Contains(strings.ToLower(text[c.End:]), " for ")) {
			return "model"
		}
	case AreaSecurity:
		if containsAnyWord(strings.ToLower(text), "encrypt", "tls", "oauth", "mfa", "2fa", "rbac", "at rest", "in transit", "hipaa", "pci", "soc 2", "soc2", "least privilege", "jwt", "audit log", "signed", "transparent log") {
			return "mechanism"
		}
	case AreaObservability:
		if containsAnyWord(strings.ToLower(text), "metric", "dashboard", "alert", "trace", "tracing") {
			return "mechanism"
		}
	}
	return ""
}

func isTimeUnit(l string) bool {
	switch l {
	case "second", "minute", "hour", "day", "week", "month", "millisecond":
		return true
	}
	return false
}

// containsAnyWord reports a word of l that starts with one of words.
func containsAnyWord(l string, words ...string) bool {
	for _, w := range words {
		for from := 0; ; {
			j := strings.Index(l[from:], w)
			if j < 0 {
				break
			}
			j += from
			if j == 0 || !isLetter(l[j-1]) {
				return true
			}
			from = j + 1
		}
	}
	return false
}
