package design

import (
	"bytes"
	"strings"

	"github.com/designlint/designlint/estimate"
)

// This file maps what a document writes about its load onto the canonical
// names of the estimator: "DAU: 10M", "| Peak QPS | 12k |", "each user
// makes 100 requests per day", "12.7 GB of new paste content per month".
// One table of label synonyms serves labels and table rows; sentences are
// read by the words around each quantity.

// labelSynonyms maps a normalised label to a canonical name. Labels are
// normalised by normalizeLabel ("Requests/user/day" → "requests per user
// per day").
var labelSynonyms = map[string]string{
	"dau": "dau", "daily active users": "dau", "daily users": "dau", "daily active": "dau",
	"users per day": "dau", "active users per day": "dau", "daily active user": "dau",
	"mau": "mau", "monthly active users": "mau", "monthly users": "mau", "monthly active user": "mau",
	"users": "users", "total users": "users", "registered users": "users", "user base": "users",
	"active users": "users", "number of users": "users",
	"requests per user per day": "requests_per_user_per_day", "requests per user": "requests_per_user_per_day",
	"requests per user daily": "requests_per_user_per_day", "daily requests per user": "requests_per_user_per_day",
	"requests per dau": "requests_per_user_per_day", "requests per day per user": "requests_per_user_per_day",
	"reads per user per day": "reads_per_user_per_day", "reads per user": "reads_per_user_per_day",
	"writes per user per day": "writes_per_user_per_day", "writes per user": "writes_per_user_per_day",
	"sessions per user per day": "sessions_per_user_per_day", "sessions per user": "sessions_per_user_per_day",
	"sessions per day":    "sessions_per_user_per_day",
	"minutes per session": "minutes_per_session", "session length": "minutes_per_session",
	"session duration":    "minutes_per_session",
	"requests per minute": "requests_per_minute",
	"peak factor":         "peak_factor", "peak to average": "peak_factor", "peak to average ratio": "peak_factor",
	"peak multiplier": "peak_factor", "burst factor": "peak_factor", "peak ratio": "peak_factor",
	"peak average": "peak_factor", "peak over average": "peak_factor",
	"read write ratio": "read_write_ratio", "read to write ratio": "read_write_ratio",
	"read per write ratio": "read_write_ratio", "reads per write": "read_write_ratio", "read write": "read_write_ratio",
	"write ratio": "write_ratio", "write fraction": "write_ratio", "write share": "write_ratio",
	"write percentage": "write_ratio", "writes": "", // "writes" alone is a count, handled by families
	"write size": "write_size", "object size": "write_size", "payload size": "write_size",
	"record size": "write_size", "item size": "write_size", "message size": "write_size",
	"average object size": "write_size", "post size": "write_size", "entry size": "write_size",
	"size per write": "write_size", "average write size": "write_size", "write payload": "write_size",
	"read size": "read_size", "response size": "read_size", "average response size": "read_size",
	"response payload": "read_size", "page size": "read_size", "read payload": "read_size",
	"retention": "retention", "data retention": "retention", "retention period": "retention",
	"kept for": "retention", "retained for": "retention", "storage horizon": "retention",
	"replication factor": "replication_factor", "replication": "replication_factor", "rf": "replication_factor",
	"copies": "replication_factor", "replicas": "replication_factor",
	"server capacity": "server_capacity_tps", "capacity per server": "server_capacity_tps",
	"server capacity tps": "server_capacity_tps", "requests per server": "server_capacity_tps",
	"per server capacity": "server_capacity_tps", "throughput per server": "server_capacity_tps",
	"qps per server": "server_capacity_tps", "tps per server": "server_capacity_tps",
	"target utilization": "target_utilization", "utilization": "target_utilization",
	"target utilisation": "target_utilization", "utilisation": "target_utilization",
	"cache hot fraction": "cache_hot_fraction", "hot fraction": "cache_hot_fraction",
	"hot data": "cache_hot_fraction", "hot set": "cache_hot_fraction",
	"latency": "latency", "mean latency": "latency", "average latency": "latency",
	"avg latency": "latency", "response time": "latency",
	"arrival rate": "queue_arrival_rate", "queue arrival rate": "queue_arrival_rate",
	"producer rate": "queue_arrival_rate", "enqueue rate": "queue_arrival_rate",
	"service rate": "queue_service_rate", "queue service rate": "queue_service_rate",
	"consumer rate": "queue_service_rate", "processing rate": "queue_service_rate",
	"consumers": "consumers", "consumer count": "consumers", "number of consumers": "consumers",
	"availability": "availability", "uptime": "availability", "availability target": "availability",
	"servers": "servers", "number of servers": "servers", "servers needed": "servers",
	"server count": "servers", "machines": "servers", "hosts": "servers", "instances needed": "servers",
	"vms": "servers", "app servers": "servers", "web servers": "servers",
	"cache memory": "cache_memory", "cache size": "cache_memory", "memory for cache": "cache_memory",
	"memory": "cache_memory", "ram": "cache_memory", "cache": "cache_memory",
	"concurrency": "concurrency", "concurrent requests": "concurrency", "in flight requests": "concurrency",
	"queue growth": "queue_growth", "backlog growth": "queue_growth",
	"monthly downtime": "monthly_downtime", "downtime per month": "monthly_downtime",
	"allowed downtime": "monthly_downtime", "downtime budget": "monthly_downtime",
}

// family is a group of figures told apart by their unit: requests a day
// and requests a second are both "requests".
type family uint8

const (
	famNone family = iota
	famRequests
	famReads
	famWrites
	famStorage
	famIngress
	famEgress
)

// familyOf classifies a normalised label (or the words around a quantity)
// into a family.
func (r *mdReader) familyOf(l string) family {
	switch {
	case containsAny(l, "ingress", "incoming", "inbound", "upload bandwidth", "write bandwidth", "write throughput bytes"):
		return famIngress
	case containsAny(l, "egress", "outgoing", "outbound", "download bandwidth", "read bandwidth", "serving bandwidth"):
		return famEgress
	case containsAny(l, "storage", "disk", "data stored", "new data", "stored data", "content"):
		return famStorage
	case containsWords(l, "reads") || containsWords(l, "read") || containsAny(l, "read requests", "read qps", "read tps", "read rps", "lookups", "redirection", "redirects", "views", "read traffic"):
		return famReads
	case containsWords(l, "writes") || containsWords(l, "write") || containsAny(l, "write requests", "write qps", "write tps", "uploads", "new urls", "new posts", "inserts", "posts per") || r.mentionsEntity(l):
		return famWrites
	case containsWords(l, "search") || containsWords(l, "searches"):
		// Searches are one kind of request among others: they are not
		// the total, nor reads of what is written.
		return famNone
	case containsAny(l, "request", "traffic", "throughput", "api calls", "queries") || anyWord(l, "qps", "rps", "tps", "req", "reqs", "load", "calls", "hits"):
		return famRequests
	}
	return famNone
}

// anyWord reports whether l contains one of the words on word boundaries.
func anyWord(l string, words ...string) bool {
	for _, w := range words {
		if containsWords(l, w) {
			return true
		}
	}
	return false
}

// mentionsEntity reports whether words name the thing a write creates, as
// learned from "size per paste" ("new pastes", "tweets per day").
func (r *mdReader) mentionsEntity(l string) bool {
	for e := range r.entities {
		if containsWords(l, e) || containsWords(l, e+"s") {
			return true
		}
	}
	return false
}

// nameForFamily picks the canonical name of a family member from the
// quantity's unit and the words.
func nameForFamily(f family, q estimate.Quantity, l string) string {
	peak := containsAny(l, "peak", "max", "burst", "busiest")
	perUser := containsAny(l, "per user", "each user", "a user", "per dau", "per active user", "users make", "user makes", "every user", "users each", "each making", "users making", "users send", "user sends")
	perSecond := q.Dim == estimate.Rate && q.Per == estimate.PerSecond || containsAny(l, "per second", "/s") || anyWord(l, "qps", "tps", "rps")
	switch f {
	case famRequests, famReads, famWrites:
		prefix := map[family]string{famRequests: "", famReads: "read_", famWrites: "write_"}[f]
		dayName := map[family]string{famRequests: "requests", famReads: "reads", famWrites: "writes"}[f]
		switch {
		case perUser && !perSecond:
			return dayName + "_per_user_per_day"
		case perUser:
			return ""
		case perSecond && peak:
			return "peak_" + prefix + "tps"
		case perSecond:
			return "avg_" + prefix + "tps"
		case q.Dim == estimate.Rate || containsAny(l, "per day", "daily", "a day", "per month", "monthly"):
			if peak {
				return ""
			}
			return dayName + "_per_day"
		}
	case famStorage:
		switch {
		case q.Dim == estimate.ByteRate && q.Per == estimate.PerYear || containsAny(l, "per year", "yearly", "annual", "a year"):
			return "storage_per_year"
		case q.Dim == estimate.ByteRate || containsAny(l, "per day", "daily", "a day", "per month", "monthly"):
			return "storage_per_day"
		case q.Dim == estimate.Bytes:
			return "storage_total"
		}
	case famIngress:
		if peak {
			return "peak_ingress_bandwidth"
		}
		return "ingress_bandwidth"
	case famEgress:
		if peak {
			return "peak_egress_bandwidth"
		}
		return "egress_bandwidth"
	}
	return ""
}

// normalizeLabel folds a label for lookup: lower case, "/" read as "per",
// punctuation dropped.
func normalizeLabel(s string) string {
	s = strings.ReplaceAll(s, "/", " per ")
	s = strings.ReplaceAll(s, ":", " ")
	s = strings.ReplaceAll(s, "-", " ")
	h := normalizeHeading(s)
	for _, p := range []string{"estimated ", "expected ", "approx ", "approximately ", "assumed ", "est "} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}

// valueKinds are the sections values are read from.
func readsValues(k SectionKind) bool {
	switch k {
	case SectionEstimates, SectionNonFunctional, SectionProblem, SectionFunctional, SectionRequirements, "":
		return true
	}
	return false
}

type foundValue struct {
	v        Value
	strength int // 2 for a label or table row, 1 for a sentence
	// horizon is the period a total is given over ("in 3 years"), in
	// seconds, with the text saying so.
	horizon     float64
	horizonText string
}

type valueState struct {
	found []foundValue
	// ignoreList is set while reading a list labelled as a conversion
	// guide, whose lines are not assumptions.
	ignoreDepth int
}

// labelValue reads "label: value" into a canonical name. It reports whether
// the label named a figure.
func (r *mdReader) labelValue(label, value string, sp Span, strict bool) bool {
	l := normalizeLabel(label)
	if l == "" {
		return false
	}
	r.learnEntity(l)
	// "Ingress: 139 × 2 KB = 278 KB/s average; 417 × 2 KB = 834 KB/s at
	// peak": the first clause is the figure the label names.
	if i := strings.Index(value, "; "); i > 0 {
		value = value[:i]
	}
	// "46 — so peak is about 230 TPS": a dash between spaces starts a
	// comment on the figure.
	for _, dash := range []string{" — ", " – "} {
		if i := strings.Index(value, dash); i > 0 {
			value = value[:i]
		}
	}
	// "Requests per day: 100,000 × 100 = 10M": the result is the value.
	if i := lastEquals(value); i >= 0 {
		value = strings.TrimSpace(value[i:])
		value = strings.TrimLeft(value, "=≈~→ ")
	}
	value = trimValue(value)
	name, ok := labelSynonyms[l]
	if !ok || name == "" {
		if strings.HasPrefix(l, "size per ") || strings.HasPrefix(l, "average size") || strings.HasSuffix(l, " size") && !containsAny(l, "page size", "response", "batch", "cache", "pool", "shard", "cluster", "team") {
			name = "write_size"
		} else if containsAny(l, "stored size", "size of each", "size of a", "average stored") {
			name = "write_size"
		}
	}
	var q estimate.Quantity
	var err error
	if name != "" {
		n, _ := estimate.Lookup(name)
		q, err = r.opts.parser().Parse(value, n.Dim)
		if err == nil {
			q, err = n.Coerce(q)
		}
	} else {
		// "Transcode queue arrival rate: 40/s" names its queue.
		if r.queueLabel(label, value, sp, nil) {
			return true
		}
		f := r.familyOf(l)
		if f == famNone {
			return false
		}
		q, err = r.opts.parser().Parse(value, 0)
		if err == nil {
			name = nameForFamily(f, q, l)
			if name == "" {
				return false
			}
			n, _ := estimate.Lookup(name)
			q, err = n.Coerce(q)
		}
	}
	if err != nil {
		if strict && strings.ContainsAny(value, "0123456789") {
			r.d.Issues = append(r.d.Issues, Issue{
				Rule:    "estimate-arithmetic",
				Message: "cannot read " + figureName(name, label) + " from " + quoteText(label+": "+value) + ": " + reason(err) + "; write a number with its unit",
				Span:    sp,
				Element: "figure:" + figureKey(name, l),
			})
		}
		return name != ""
	}
	fv := foundValue{v: Value{Name: name, Quantity: q, Text: strings.TrimSpace(label + ": " + value), Span: sp}, strength: 2}
	if name == "storage_total" {
		fv.horizon, fv.horizonText = horizonIn(r.opts, l)
	}
	r.values.found = append(r.values.found, fv)
	return true
}

// figureKey identifies a figure that could not be read, for baselines: its
// canonical name, or its label when it has none.
func figureKey(name, label string) string {
	if name != "" {
		return name
	}
	return "label:" + label
}

// figureName names the figure a label was read as, or says "a figure"
// when the label was not recognised as one.
func figureName(name, label string) string {
	if name != "" {
		return name
	}
	return "a figure"
}

func reason(err error) string {
	if pe, ok := err.(*estimate.ParseError); ok {
		return pe.Reason
	}
	return err.Error()
}

// quoteText quotes document text for a message, shortened.
func quoteText(s string) string {
	return "\"" + firstRunes(strings.TrimSpace(s), 60) + "\""
}

// trimValue drops what follows a value in a cell or label: a note in
// parentheses, bold markers, "(assumed)".
func trimValue(v string) string {
	v = strings.TrimSpace(v)
	v = strings.Trim(v, "*_`")
	if i := strings.Index(v, " ("); i > 0 {
		v = v[:i]
	}
	if i := strings.IndexAny(v, ";,"); i > 0 && !isDigitByte(v[i-1]) {
		v = v[:i]
	}
	if i := strings.Index(v, ", "); i > 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lastEquals returns the offset just past the last equality sign in s, or
// -1 when it has none.
func lastEquals(s string) int {
	best := -1
	for _, op := range []string{"=", "≈", "→", "~"} {
		if i := strings.LastIndex(s, op); i >= 0 && i+len(op) > best {
			if op == "~" && i+1 < len(s) && (isDigitByte(s[i+1]) || s[i+1] == ' ') && i == 0 {
				continue
			}
			best = i + len(op)
		}
	}
	if best >= 0 && best < len(s) && !strings.ContainsAny(s[:best], "0123456789") {
		// "~10M": a leading tilde is "about", not an equation.
		return -1
	}
	return best
}

// learnEntities finds, before the walk, what the document's writes create,
// from "size per tweet" wherever it is: assumptions often come before the
// sizes ("500 million tweets per day" above "Size per tweet").
func (r *mdReader) learnEntities(src []byte) {
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("ize per "))
		if j < 0 {
			return
		}
		i += j + len("ize per ")
		end := i
		for end < len(src) && end-i < 40 && (isLetterByte(src[end]) || src[end] == ' ' || src[end] == '-') {
			end++
		}
		r.learnEntity("size per " + lower(strings.TrimSpace(string(src[i:end]))))
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// learnEntity remembers what a write creates from "size per paste",
// "average tweet size".
func (r *mdReader) learnEntity(l string) {
	for _, p := range []string{"size per ", "stored size per ", "average stored size per ", "bytes per "} {
		if i := strings.Index(l, p); i >= 0 {
			e := strings.TrimSpace(l[i+len(p):])
			e = strings.TrimPrefix(e, "a ")
			e = strings.TrimPrefix(e, "each ")
			if e != "" && wordCount(e) <= 2 {
				r.entities[singular(e)] = true
				if w := strings.Fields(e); len(w) == 2 {
					r.entities[singular(w[1])] = true
				}
			}
		}
	}
}

func singular(w string) string {
	if strings.HasSuffix(w, "ies") {
		return w[:len(w)-3] + "y"
	}
	for _, suf := range []string{"ches", "shes", "sses", "xes", "zes"} {
		if strings.HasSuffix(w, suf) && w != "caches" {
			return w[:len(w)-2]
		}
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// horizonIn reads the period a total is given over from its words: "in 3
// years", "for 5 years", "over 5y".
func horizonIn(opts Options, l string) (float64, string) {
	for _, m := range opts.parser().Scan(l) {
		if m.Quantity.Dim == estimate.Duration {
			words := strings.Fields(l[:m.Start])
			if len(words) == 0 {
				continue
			}
			switch w := words[len(words)-1]; w {
			case "in", "for", "over", "after", "within":
				return m.Quantity.Value, w + " " + l[m.Start:m.End]
			}
		}
	}
	return 0, ""
}

// text reads a paragraph or list item: equations, and values when the
// section is one values are read from.
func (r *mdReader) text(f *flat, kind SectionKind, parent string) {
	t := f.String()
	r.equationCandidate(f, t)
	if kind != SectionTradeoffs && kind != SectionOutOfScope {
		r.texts = append(r.texts, f)
	}
	if kind != SectionAPI && strings.IndexByte(t, '/') >= 0 {
		if eps := endpointsIn(t, Span{}); len(eps) > 0 {
			sp := r.fullSpan(f)
			for i := range eps {
				eps[i].Span = sp
			}
			r.d.API = append(r.d.API, eps...)
		}
	}
	// Values are read in the sections that state them, and in text above
	// the first heading; a chapter about something else ("## IP") is not
	// read for figures.
	if !readsValues(kind) || kind == "" && r.cur != r.top || r.values.ignoreDepth > 0 {
		return
	}
	strict := kind == SectionEstimates
	label, value, ok := splitLabel(t)
	if !ok {
		label, value, ok = splitLabelEquals(t)
	}
	if ok && strings.ContainsAny(value, "0123456789") {
		sp := r.fullSpan(f)
		if r.labelValue(label, value, sp, strict) {
			return
		}
		// "Total: ~10 KB" under "Size per tweet": the parent names it.
		if parent != "" {
			pl := strings.TrimSuffix(strings.TrimSpace(lastAncestor(parent)), ":")
			if r.labelValue(pl+" "+label, value, sp, false) {
				return
			}
			if isGenericLabel(label) && r.labelValue(pl, value, sp, false) {
				return
			}
		}
	}
	if len(t) < 60 && strings.HasSuffix(strings.TrimSpace(t), ":") {
		r.learnEntity(normalizeLabel(t))
	}
	r.sentenceValues(f, t, parent)
}

// tradeoffsInProse keeps, for a document without a trade-offs section,
// the sentences elsewhere that state one ("at the cost of", "the trade-off
// is").
func (r *mdReader) tradeoffsInProse() {
	if r.d.HasContent(SectionTradeoffs) {
		return
	}
	for _, f := range r.texts {
		if t := f.String(); hasTradeoffWords(t, f) {
			r.tradeoffSentences(f, t)
		}
	}
}

// tradeoffSentences keeps the sentences of a text that state a trade-off.
func (r *mdReader) tradeoffSentences(f *flat, t string) {
	for _, s := range sentences(t) {
		if containsAny(lower(s), "trade-off", "tradeoff", "trade off", "at the cost of", "at the expense of", "in exchange for") {
			r.d.TradeOffs = append(r.d.TradeOffs, Item{Text: s, Span: r.fullSpan(f)})
		}
	}
}

// hasTradeoffWords is a quick test for tradeoffSentences: the phrases all
// contain "trade" or "cost of", "expense of" or "exchange for".
func hasTradeoffWords(t string, f *flat) bool {
	if !strings.Contains(t, "rade") && !strings.Contains(t, "RADE") && !strings.Contains(t, "ost of") && !strings.Contains(t, "xpense of") && !strings.Contains(t, "xchange for") {
		return false
	}
	l := f.Lower()
	return strings.Contains(l, "trade") || strings.Contains(l, "cost of") || strings.Contains(l, "expense of") || strings.Contains(l, "exchange for")
}

// splitLabelEquals splits "total = ~1.27 KB": a label without numbers, an
// equals sign, a value.
func splitLabelEquals(t string) (label, value string, ok bool) {
	i := strings.IndexByte(t, '=')
	if i < 0 {
		i = strings.Index(t, "≈")
	}
	if i <= 0 || i > 60 {
		return "", "", false
	}
	label = strings.TrimSpace(t[:i])
	if strings.ContainsAny(label, "0123456789") || strings.Count(label, " ") > 6 {
		return "", "", false
	}
	value = strings.TrimLeft(t[i:], "=≈ ")
	return label, value, value != ""
}

func isGenericLabel(l string) bool {
	switch normalizeLabel(l) {
	case "total", "overall", "sum", "in total", "altogether", "result", "value":
		return true
	}
	return false
}

// sentenceValues reads quantities in prose by the words around them.
func (r *mdReader) sentenceValues(f *flat, t, parent string) {
	if !strings.ContainsAny(t, "0123456789") {
		return
	}
	ms := r.opts.parser().Scan(t)
	if len(ms) == 0 {
		return
	}
	// In a line with arithmetic, operands are not assumptions: only what
	// follows the last equality is a figure, and a plain restatement
	// ("1 request per second = 2.5 million requests per month") is
	// neither.
	eq := lastEquals(t)
	if hasOperator(t) || eq >= 0 {
		if eq < 0 || !hasOperator(t[:eq]) {
			return
		}
		var keep []estimate.Match
		for _, m := range ms {
			if m.Start >= eq {
				keep = append(keep, m)
			}
		}
		ms = keep
	}
	lt := f.Lower()
	if eq < 0 && !hasOperator(t) {
		r.rateClaims(f, t, lt, ms)
	}
	for _, m := range ms {
		before := lastWords(lt[:m.Start], 7)
		own := lt[m.Start:m.End]
		after := firstWords(lt[m.End:], 7)
		// "12.7 GB of new paste content per month": the period is
		// separated from the size by words the scanner stops at.
		if m.Quantity.Dim == estimate.Bytes && containsAny(before+" "+after, "storage", "content", "data", "stored", "new") {
			if per, ok := periodIn(after); ok {
				m.Quantity.Dim = estimate.ByteRate
				m.Quantity.Value /= r.opts.Calendar.Seconds(per)
				m.Quantity.Per = per
			}
		}
		name := r.nameFromWords(m.Quantity, before, own, after)
		if name == "" && parent != "" && len(t) < 80 {
			// "- Write › QPS › 100m / (…) = ~40 URLs/s": the labels
			// above a short item say what it counts.
			name = r.nameFromWords(m.Quantity, lower(parent)+" "+before, own, after)
		}
		if name == "" {
			continue
		}
		n, _ := estimate.Lookup(name)
		q := m.Quantity
		if name == "read_write_ratio" && containsAny(before+" "+after, "write to read", "write:read", "writes to reads", "write read ratio", "write-to-read") {
			q.Value = 1 / q.Value
		}
		q, err := n.Coerce(q)
		if err != nil {
			continue
		}
		fv := foundValue{v: Value{Name: name, Quantity: q, Text: strings.TrimSpace(t[m.Start:m.End]), Span: r.textSpan(f, m.Start, m.End)}, strength: 1}
		if name == "storage_total" {
			fv.horizon, fv.horizonText = horizonIn(r.opts, after)
		}
		r.values.found = append(r.values.found, fv)
	}
}

// periodIn finds a period in words following a quantity: "per month", "a
// day", "each year", "monthly".
func periodIn(after string) (estimate.Period, bool) {
	w := strings.Fields(after)
	for i, word := range w {
		switch word {
		case "per", "a", "each", "every", "/":
			if i+1 < len(w) {
				if p, ok := periodWordOf(w[i+1]); ok {
					return p, true
				}
			}
		case "daily", "monthly", "yearly", "annually", "weekly", "hourly":
			p, _ := periodWordOf(word)
			return p, true
		}
	}
	return 0, false
}

func periodWordOf(w string) (estimate.Period, bool) {
	switch strings.TrimRight(w, ".,;") {
	case "second", "sec", "s":
		return estimate.PerSecond, true
	case "minute", "min":
		return estimate.PerMinute, true
	case "hour", "hourly":
		return estimate.PerHour, true
	case "day", "daily":
		return estimate.PerDay, true
	case "week", "weekly":
		return estimate.PerWeek, true
	case "month", "monthly":
		return estimate.PerMonth, true
	case "year", "yearly", "annually", "annum":
		return estimate.PerYear, true
	}
	return 0, false
}

// rateClaims records the rates stated in a sentence with what they count:
// "4 paste writes per second", "60 thousand tweets delivered on fanout per
// second".
func (r *mdReader) rateClaims(f *flat, t, lt string, ms []estimate.Match) {
	for _, m := range ms {
		q := m.Quantity
		var words []string
		per := estimate.Period(0)
		end := m.End
		switch q.Dim {
		case estimate.Rate:
			// The words between the number and the period.
			words = strings.Fields(lt[m.Start:m.End])
			per = q.Per
		case estimate.Count:
			after := strings.Fields(firstWords(lt[m.End:], 9))
			found := false
			for i := 0; i+1 < len(after) && i < 8; i++ {
				if w := after[i]; w == "per" || w == "a" || w == "each" || w == "every" {
					if p, ok := periodWordOf(after[i+1]); ok {
						words, per, found = after[:i], p, true
						phrase := after[i] + " " + after[i+1]
						if k := strings.Index(lt[m.End:], phrase); k >= 0 {
							end = m.End + k + len(phrase)
						}
						break
					}
				}
			}
			if !found {
				continue
			}
			q = estimate.Quantity{Value: q.Value / r.opts.Calendar.Seconds(per), Dim: estimate.Rate, Per: per}
		default:
			continue
		}
		noun := rateNoun(words)
		if noun == "" || noun == "request" || noun == "req" || noun == "query" || noun == "call" {
			// Plain requests are the estimator's own figures; a
			// bare "requests" in prose may mean reads in one
			// sentence and writes in the next.
			continue
		}
		// "at peak" and "per user" make a different figure of the same
		// thing.
		ctx := lastWords(lt[:m.Start], 6) + " " + lt[m.Start:m.End] + " " + firstWords(lt[m.End:], 6)
		if containsAny(ctx, "peak", "max", "busiest", "burst") {
			noun = "peak " + noun
		}
		if containsAny(ctx, "per user", "each user", "a user", "users make", "user makes", "every user", "per dau") && !strings.Contains(noun, "per user") {
			noun += " per user"
		}
		r.d.Rates = append(r.d.Rates, RateClaim{Noun: noun, Quantity: q, Text: strings.TrimSpace(t[m.Start:min(len(t), end)]), Span: r.textSpan(f, m.Start, m.End), Scope: r.scope()})
	}
}

// scope names the part of the document a statement belongs to: the
// outermost heading above it other than the document's title. Figures in
// different parts (the chapters of a book of designs) are not compared.
func (r *mdReader) scope() int {
	var outer *frame
	for fr := r.cur; fr != nil && fr != r.top; fr = fr.parent {
		if fr.parent == r.top && fr.level == 1 && fr.title == r.d.Title && !fr.own {
			break
		}
		outer = fr
	}
	if outer == nil {
		return 0
	}
	return outer.span.Start.Line
}

// rateNoun folds the words naming what a rate counts: numbers, scales,
// periods and filler go; "requests" goes when something qualifies it; each
// word is made singular. "search requests" and "searches" are both
// "search"; "requests per user" is "request per user".
func rateNoun(words []string) string {
	var out []string
	skipPeriod := false
	for i, w := range words {
		w = strings.Trim(w, ".,;:()*_`\"'")
		if w == "" || skipPeriod {
			skipPeriod = false
			continue
		}
		if w[0] >= '0' && w[0] <= '9' || w == "~" {
			continue
		}
		switch w {
		case "thousand", "million", "billion", "trillion", "k", "m", "b", "bn", "mn", "the", "of", "on", "a", "an", "new", "total", "in", "about", "around", "roughly", "average", "avg":
			continue
		case "per", "/", "each", "every":
			if i+1 < len(words) {
				if _, ok := periodWordOf(words[i+1]); ok {
					skipPeriod = true
					continue
				}
			}
			out = append(out, "per")
			continue
		}
		if _, ok := periodWordOf(w); ok && (w == "daily" || w == "monthly" || w == "yearly") {
			continue
		}
		out = append(out, singular(w))
	}
	if len(out) > 1 {
		kept := out[:0]
		for i, w := range out {
			if (w == "request" || w == "req") && i > 0 && out[i-1] != "per" {
				continue
			}
			kept = append(kept, w)
		}
		out = kept
	}
	if len(out) == 0 || len(out) > 6 {
		return ""
	}
	return strings.Join(out, " ")
}

// hasOperator reports whether text has an arithmetic operator between two
// numbers.
func hasOperator(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '*', '/':
			if t[i] == '/' && i+1 < len(t) && (t[i+1] < '0' || t[i+1] > '9') && t[i+1] != ' ' && t[i+1] != '(' {
				continue // "requests/day"
			}
			if hasDigitBefore(t, i) && hasDigitAfter(t, i) {
				return true
			}
		case 'x':
			if i > 0 && t[i-1] == ' ' && i+1 < len(t) && t[i+1] == ' ' && hasDigitBefore(t, i) && hasDigitAfter(t, i) {
				return true
			}
		}
		if strings.HasPrefix(t[i:], "×") || strings.HasPrefix(t[i:], "÷") || strings.HasPrefix(t[i:], `\times`) || strings.HasPrefix(t[i:], `\cdot`) {
			if hasDigitBefore(t, i) && hasDigitAfter(t, i) {
				return true
			}
		}
	}
	return false
}

func hasDigitBefore(t string, i int) bool {
	return strings.ContainsAny(t[max(0, i-40):i], "0123456789")
}

func hasDigitAfter(t string, i int) bool {
	return strings.ContainsAny(t[i+1:min(len(t), i+40)], "0123456789")
}

// lastWords returns the last n words of s, up to a sentence break.
func lastWords(s string, n int) string {
	if i := strings.LastIndexAny(s, ".;!?\n"); i >= 0 && (i+1 >= len(s) || s[i+1] == ' ') {
		s = s[i+1:]
	}
	s = strings.TrimRight(s, " ")
	// Walk back over n words.
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		j := strings.LastIndexByte(s[:i], ' ')
		if j < 0 {
			i = 0
			break
		}
		i = j
		for i > 0 && s[i-1] == ' ' {
			i--
		}
	}
	return collapseSpaces(strings.TrimLeft(s[i:], " "))
}

// firstWords returns the first n words of s, up to a sentence break.
func firstWords(s string, n int) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ';' || c == '!' || c == '?' || c == '\n' || c == ',' || c == '.' && (i+1 == len(s) || s[i+1] == ' ') {
			s = s[:i]
			break
		}
	}
	s = strings.TrimLeft(s, " ")
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			i = len(s)
			break
		}
		i += j
		if k < n-1 {
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
	}
	return collapseSpaces(strings.TrimRight(s[:i], " "))
}

// collapseSpaces folds runs of spaces into one, allocating only when there
// are some.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// nameFromWords maps a quantity in a sentence to a canonical name by the
// words before it, its own words and the words after it.
func (r *mdReader) nameFromWords(q estimate.Quantity, before, own, after string) string {
	// The label table first: "10 million daily active users" is the label
	// after the number, "a peak factor of 3" the label before it.
	if name := labelAround(q, before, after); name != "" {
		return name
	}
	ctx := before + " | " + own + " " + after
	afterOwn := own + " " + after
	switch q.Dim {
	case estimate.Count:
		switch {
		case hasPrefixWords(after, "users a day", "users daily", "active users daily", "active users a day"):
			return "dau"
		case hasPrefixWords(after, "customers", "user accounts"):
			return "users"
		case containsAny(before, "replicated", "replication factor", "copies"), hasPrefixWords(after, "replicas", "copies", "times replicated", "way replication", "x replication"):
			if containsAny(before, "replicated") && !hasPrefixWords(after, "times", "ways", "replicas", "copies") {
				return ""
			}
			return "replication_factor"
		case containsAny(before, "peak", "spike", "burst") && hasPrefixWords(after, "times", "x"):
			return "peak_factor"
		}
	case estimate.Ratio:
		switch {
		case containsAny(ctx, "peak", "spike", "burst", "busiest"):
			return "peak_factor"
		case containsAny(ctx, "read to write", "read:write", "reads to writes", "read/write", "read-to-write", "read write ratio", "reads per write", "read-heavy", "read heavy", "write to read", "write:read", "writes to reads", "write-to-read"):
			return "read_write_ratio"
		case containsAny(ctx, "replicat", "copies"):
			return "replication_factor"
		}
	case estimate.Percent:
		switch {
		case containsAny(ctx, "of requests are writes", "are writes", "write ratio", "writes", "of traffic is writes"):
			return "write_ratio"
		case containsAny(ctx, "utili"):
			return "target_utilization"
		case containsAny(ctx, "hot", "cache"):
			return "cache_hot_fraction"
		}
	case estimate.Bytes:
		switch {
		case containsAny(ctx, "storage", "stored", "of new", "content in", "data in", "in total", "total data") && containsAny(after, " in ", "over", "for ", "years", "year"):
			return "storage_total"
		case containsAny(ctx, "response", "responses", "returned", "download", "read size", "per read", "per response", "page weight"):
			return "read_size"
		case containsAny(ctx, "cache", "memory", "ram"):
			return "cache_memory"
		case containsAny(before, "each", "per ", "average", "avg", "size", "about", "roughly", "approximately") || containsAny(after, "per ", "each", "average"):
			if containsAny(after, "per ") {
				if i := strings.Index(after, "per "); i >= 0 {
					r.learnEntity("size per " + strings.Join(strings.Fields(after[i+4:])[:min(2, len(strings.Fields(after[i+4:])))], " "))
				}
			}
			return "write_size"
		}
	case estimate.Rate:
		l := ctx
		f := r.familyOf(afterOwn)
		if f == famNone {
			f = r.familyOf(before)
		}
		if f == famStorage || f == famIngress || f == famEgress || f == famNone {
			return ""
		}
		return nameForFamily(f, q, l)
	case estimate.ByteRate:
		f := r.familyOf(ctx)
		switch f {
		case famIngress, famEgress, famStorage:
			return nameForFamily(f, q, ctx)
		}
		if containsAny(ctx, "of new", "new content", "content per", "data per") {
			return nameForFamily(famStorage, q, ctx)
		}
	case estimate.Duration:
		switch {
		case containsAny(before, "kept for", "retained for", "retain", "retention", "keep", "stored for", "store for", "for a period of", "deleted after", "expire after", "expires after", "purged after"):
			return "retention"
		case containsAny(before, "mean latency", "average latency", "avg latency", "mean response time", "average response time", "takes on average"):
			return "latency"
		}
	}
	return ""
}

// labelAround looks the words after a number, then the words before it,
// up in the label table, for names whose dimension the quantity has: "10
// million daily active users", "10M DAU", "a replication factor of 3",
// "peak factor: 4".
func labelAround(q estimate.Quantity, before, after string) string {
	fits := func(name string) bool {
		n, ok := estimate.Lookup(name)
		if !ok || n.Derived {
			return false
		}
		_, err := n.Coerce(q)
		return err == nil
	}
	aw := strings.Fields(after)
	for k := min(4, len(aw)); k > 0; k-- {
		if name := labelSynonyms[strings.Join(aw[:k], " ")]; name != "" && (q.Dim == estimate.Count || q.Dim == estimate.Ratio) && fits(name) {
			return name
		}
	}
	bw := strings.Fields(before)
	for len(bw) > 0 {
		switch bw[len(bw)-1] {
		case "of", "is", "=", ":", "was", "at", "about", "around", "roughly", "approximately", "~":
			bw = bw[:len(bw)-1]
			continue
		}
		break
	}
	for k := min(4, len(bw)); k > 0; k-- {
		label := strings.Join(bw[len(bw)-k:], " ")
		if name := labelSynonyms[label]; name != "" && fits(name) {
			return name
		}
	}
	return ""
}

// hasPrefixWords reports whether s starts with one of the phrases on a
// word boundary.
func hasPrefixWords(s string, phrases ...string) bool {
	for _, p := range phrases {
		if strings.HasPrefix(s, p) && (len(s) == len(p) || !isWordByte(s[len(p)])) {
			return true
		}
	}
	return false
}

// tableValues reads an estimates table: two columns of name and value, or
// a header with a value or result column (and maybe a calculation).
func (r *mdReader) tableValues(cols []string, header []*flat, rows [][]*flat, spans []Span, kind SectionKind) {
	if !readsValues(kind) {
		return
	}
	strict := kind == SectionEstimates
	valueCol, nameCol := -1, 0
	for i, c := range cols {
		switch {
		// The first column names the figures even when its header is
		// "Figure" or "Estimate".
		case i != nameCol && valueCol < 0 && (containsWords(c, "value") || containsWords(c, "result") || containsWords(c, "estimate") || containsWords(c, "estimation") || containsWords(c, "amount") || containsWords(c, "target") || c == "number" || containsWords(c, "figure") || containsWords(c, "total")):
			valueCol = i
		}
	}
	if len(cols) == 2 && valueCol < 0 {
		valueCol = 1
		// A two-column table without a header naming the columns: its
		// header row is a name and a value too.
		if len(header) == 2 {
			r.labelValue(header[0].String(), header[1].String(), spans[0], false)
		}
	}
	// "| Total memory | 10M × 50B | 500 MB |": a calculation column and a
	// result column make an equation.
	calcCol := -1
	for i, c := range cols {
		if containsWords(c, "calculation") || containsWords(c, "formula") || containsWords(c, "math") || containsWords(c, "computation") {
			calcCol = i
		}
	}
	if calcCol >= 0 && valueCol >= 0 && calcCol != valueCol {
		for i, row := range rows {
			if calcCol < len(row) && valueCol < len(row) {
				calc, res := strings.TrimSpace(row[calcCol].String()), strings.TrimSpace(row[valueCol].String())
				if strings.ContainsAny(calc, "0123456789") && strings.ContainsAny(res, "0123456789") && !strings.ContainsAny(calc, "=") {
					r.d.Equations = append(r.d.Equations, Equation{Text: calc + " = " + res, Span: spans[i]})
				}
			}
		}
	}
	if valueCol <= nameCol {
		return
	}
	for i, row := range rows {
		if valueCol >= len(row) {
			continue
		}
		label := strings.TrimSpace(row[nameCol].String())
		value := strings.TrimSpace(row[valueCol].String())
		if label == "" || value == "" || !strings.ContainsAny(value, "0123456789") {
			continue
		}
		r.labelValue(label, value, spans[i], strict)
	}
}

// resolveValues settles the values found: the first of each name wins,
// unless a later one was labelled and the first only read from a sentence.
func (r *mdReader) resolveValues() {
	best := map[string]int{}
	for i, fv := range r.values.found {
		j, ok := best[fv.v.Name]
		if !ok || fv.strength > r.values.found[j].strength {
			best[fv.v.Name] = i
		}
	}
	var horizon foundValue
	for i, fv := range r.values.found {
		if best[fv.v.Name] != i {
			continue
		}
		n, ok := estimate.Lookup(fv.v.Name)
		if !ok {
			continue
		}
		if n.Derived {
			r.d.Declared[fv.v.Name] = fv.v
		} else {
			r.d.Assumptions[fv.v.Name] = fv.v
		}
		if fv.v.Name == "storage_total" && fv.horizon > 0 {
			horizon = fv
		}
	}
	// "450 GB of new content in 3 years" states its own horizon; with no
	// retention stated, that horizon is the retention the total is over.
	if horizon.horizon > 0 {
		if _, ok := r.d.Assumptions["retention"]; !ok {
			r.d.Assumptions["retention"] = Value{
				Name:     "retention",
				Quantity: estimate.Quantity{Value: horizon.horizon, Dim: estimate.Duration},
				Text:     strings.TrimSpace(horizon.horizonText),
				Span:     horizon.v.Span,
			}
		}
	}
}

// equationCandidate keeps text that writes out a calculation, for the
// arithmetic check.
func (r *mdReader) equationCandidate(f *flat, t string) {
	// = and ~ are ASCII; ≈ and → both start with the byte 0xE2; LaTeX
	// operators start with a backslash.
	if strings.IndexByte(t, '=') < 0 && strings.IndexByte(t, '~') < 0 &&
		(strings.IndexByte(t, 0xE2) < 0 || !strings.Contains(t, "≈") && !strings.Contains(t, "→")) &&
		(strings.IndexByte(t, '\\') < 0 || !strings.Contains(t, `\approx`) && !strings.Contains(t, `\sim`)) {
		return
	}
	if !strings.ContainsAny(t, "0123456789") {
		return
	}
	// One equation per sentence, at the sentence's own line.
	for _, rg := range sentenceRanges(t) {
		st := t[rg[0]:rg[1]]
		if strings.ContainsAny(st, "=~≈→\\") && strings.ContainsAny(st, "0123456789") {
			r.d.Equations = append(r.d.Equations, Equation{Text: st, Span: r.textSpan(f, rg[0], rg[1])})
		}
	}
}
