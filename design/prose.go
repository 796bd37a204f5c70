package design

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/designlint/designlint/design/english"
	"github.com/designlint/designlint/estimate"
)

// This file reads meaning out of prose: placeholders, NFR categories,
// consistency words and the reasons given for them, replica and region
// counts, cache and queue policies. Every function takes plain text (inline
// Markdown already flattened) and is cheap: the callers run them only on the
// sections that concern them.

// lower folds ASCII letters to lower case; non-ASCII text is left alone,
// which is all the keyword tests below need.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var placeholderWords = map[string]bool{
	"todo": true, "tbd": true, "tba": true, "tbc": true, "fixme": true, "xxx": true,
	"n/a": true, "na": true, "none yet": true, "to do": true, "to be decided": true,
	"to be determined": true, "to be written": true, "-": true, "—": true, "–": true,
	"...": true, "…": true, "?": true, "placeholder": true, "lorem ipsum": true, "wip": true,
}

var promptVerbs = []string{
	"describe", "explain", "list", "summarize", "summarise", "outline", "provide", "state",
	"write", "add", "include", "enter", "insert", "fill in", "replace", "give", "document",
	"identify", "specify", "define", "justify", "note",
}

// isPlaceholder reports whether a piece of text is a placeholder rather than
// content: TODO and friends, a bracketed slot (<describe…>, [name],
// {title of option 1}), or a template's prompt left in place ("Describe the
// problem here.").
func isPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	t = strings.TrimSpace(strings.TrimRight(t, ".:;,!"))
	if t == "" {
		return true
	}
	c := t[0]
	if (c == '<' || c == '[' || c == '{') && isSlot(t) {
		return true
	}
	// The first word decides most cases: only a few words start a
	// placeholder or a template's prompt.
	i := 0
	for i < len(t) && i < 24 && t[i] != ' ' && t[i] != ':' && t[i] != '(' {
		i++
	}
	var buf [24]byte
	first := buf[:0]
	for k := 0; k < i; k++ {
		b := t[k]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		first = append(first, b)
	}
	switch string(first) {
	case "todo", "tbd", "tba", "tbc", "fixme", "xxx", "n/a", "na", "-", "—", "–", "...", "…", "?", "placeholder", "wip", "lorem":
		if len(t) <= 24 || string(first) == "todo" || string(first) == "tbd" || string(first) == "fixme" || string(first) == "lorem" {
			return true
		}
	case "to", "none":
		if l := lower(t); placeholderWords[l] {
			return true
		}
	}
	if promptVerbSet[string(first)] && i < len(t) && t[i] == ' ' {
		l := lower(t)
		if strings.Contains(l, " your ") || strings.Contains(l, "you ") || strings.Contains(l, " here") ||
			strings.Contains(l, "e.g.") || strings.HasSuffix(strings.TrimSpace(text), ":") ||
			strings.HasSuffix(l, "…") || strings.HasSuffix(l, "...") {
			return true
		}
	}
	// "Latency: TBD", "Owner: <name>": a label with nothing filled in.
	if j := strings.IndexByte(t, ':'); j > 0 && j < 40 && len(t)-j < 48 && strings.Count(t[:j], " ") < 4 {
		if v := strings.TrimSpace(t[j+1:]); v != "" && (isWrapped(v) || isPlaceholder(v)) {
			return true
		}
	}
	// Fill-in-the-blanks prose: what is left outside the slots is a few
	// words of scaffolding ("Good, because {argument a}").
	if strings.IndexByte(t, '{') >= 0 || strings.IndexByte(t, '<') >= 0 || c == '[' {
		rest, slots := stripSlots(t)
		if slots > 0 && wordCount(rest) <= 4 {
			return true
		}
	}
	return false
}

var promptVerbSet = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range promptVerbs {
		if !strings.Contains(v, " ") {
			m[v] = true
		}
	}
	m["fill"] = true
	return m
}()

// isWrapped reports whether t is one bracketed word: <target>, {name}.
func isWrapped(t string) bool {
	if len(t) < 3 {
		return false
	}
	open, close := t[0], t[len(t)-1]
	return (open == '<' && close == '>' || open == '[' && close == ']' || open == '{' && close == '}') &&
		!strings.ContainsAny(t[1:len(t)-1], "<>[]{}")
}

// isSlot reports whether t is one bracketed slot: <describe…>, [name of the
// store], {title}. A slot without a space or an ellipsis ({id}) is not one:
// it is more likely a path parameter.
func isSlot(t string) bool {
	if len(t) < 2 {
		return false
	}
	open, close := t[0], t[len(t)-1]
	if !(open == '<' && close == '>' || open == '[' && close == ']' || open == '{' && close == '}') {
		return false
	}
	inner := t[1 : len(t)-1]
	if strings.ContainsAny(inner, string([]byte{open, close})) {
		return false
	}
	return strings.Contains(inner, " ") || strings.Contains(inner, "…") || strings.Contains(inner, "...") || hasPromptVerb(inner)
}

func hasPromptVerb(s string) bool {
	l := lower(strings.TrimSpace(s))
	for _, v := range promptVerbs {
		if strings.HasPrefix(l, v) {
			return true
		}
	}
	return false
}

// stripSlots removes bracketed slots from t and counts them. Slots may
// nest ("{because {force}}").
func stripSlots(t string) (string, int) {
	var b strings.Builder
	slots := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		var closing byte
		switch c {
		case '{':
			closing = '}'
		case '<':
			closing = '>'
		case '[':
			closing = ']'
		}
		if closing != 0 {
			if j := matching(t, i, c, closing); j > i {
				inner := t[i+1 : j]
				if strings.Contains(inner, " ") || strings.Contains(inner, "…") || strings.Contains(inner, "...") || hasPromptVerb(inner) {
					slots++
					i = j
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String(), slots
}

// maxSlot is the longest slot a template holds: a prompt of a few
// words. Brackets further apart are not a slot, and looking no further
// keeps stripSlots linear in its text.
const maxSlot = 160

// matching returns the index of the bracket closing the one at i, counting
// nesting, within maxSlot bytes, or -1.
func matching(t string, i int, open, closing byte) int {
	depth := 0
	for j := i; j < len(t) && j-i <= maxSlot; j++ {
		switch t[j] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				n++
			}
			in = true
		} else {
			in = false
		}
	}
	return n
}

// nfrAreas maps the areas the reader of requirements names onto the NFR
// categories.
var nfrAreas = map[string]NFRCategory{
	english.AreaLatency: Latency, english.AreaAvailability: Availability, english.AreaDurability: Durability,
	english.AreaConsistency: Consistency, english.AreaScale: Scalability, english.AreaThroughput: Throughput,
	english.AreaSecurity: Security, english.AreaCost: Cost, english.AreaObservability: Observability,
	english.AreaOther: OtherNFR,
}

// readNFR reads a non-functional requirement: the qualities it speaks to
// (the first it names is its category) and what makes it measurable.
func (o Options) readNFR(it Item) NFR {
	req := english.ReadRequirement(it.Text, o.calendar())
	n := NFR{Item: it, Specific: req.Precise != ""}
	for _, a := range req.Areas {
		n.Categories = append(n.Categories, nfrAreas[a])
	}
	n.Category = n.Categories[0]
	if req.Target != nil {
		n.Target = &Value{Quantity: req.Target.Quantity, Text: req.TargetText, Span: it.Span}
	}
	return n
}

// NFRCategories returns every quality a requirement speaks to, in the
// order it names them; a requirement that names none is OtherNFR.
func NFRCategories(text string) []NFRCategory {
	var out []NFRCategory
	for _, a := range english.ReadRequirement(text, estimate.DefaultCalendar).Areas {
		out = append(out, nfrAreas[a])
	}
	return out
}

// measurableTarget picks, from the quantities of a text, the one that
// makes it measurable: a percentage, a duration, a rate, a size, or a
// count large enough to be a scale.
func measurableTarget(text string, p Options) *Value {
	req := english.ReadRequirement(text, p.calendar())
	if req.Target == nil {
		return nil
	}
	return &Value{Quantity: req.Target.Quantity, Text: req.TargetText}
}

// sentences splits prose into sentences at ". ", "! ", "? ", "; " and line
// breaks.
func sentences(text string) []string {
	rs := sentenceRanges(text)
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, text[r[0]:r[1]])
	}
	return out
}

// sentenceRanges returns the byte ranges of the sentences of text, trimmed
// of surrounding spaces. A period ends a sentence only before a space or
// the end ("1.5" and "e.g. " do not).
func sentenceRanges(text string) [][2]int {
	var out [][2]int
	add := func(a, b int) {
		for a < b && (text[a] == ' ' || text[a] == '\n' || text[a] == '\t') {
			a++
		}
		for b > a && (text[b-1] == ' ' || text[b-1] == '\n' || text[b-1] == '\t') {
			b--
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := -1
		switch c {
		case '\n':
			end = i
		case '.', '!', '?', ';':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				if c == '.' && i >= 3 && (text[i-3:i] == "e.g" || text[i-3:i] == "i.e") {
					continue
				}
				end = i + 1
			}
		}
		if end >= 0 {
			add(start, end)
			start = end
		}
	}
	add(start, len(text))
	return out
}

// setConsistency records the consistency a text states for a component,
// and the reason it gives, keeping a reason already given.
func (c *Component) setConsistency(text string) {
	got := english.ReadConsistency(text)
	if got.Model == "" {
		return
	}
	c.Consistency = ConsistencyModel(got.Model)
	if got.Reason != "" && c.Justification == "" {
		c.Justification = got.Reason
	}
}

// containsWordStart is containsAny with the match starting a word, so that
// "acid" does not match "placid".
func containsWordStart(l string, words []string) bool {
	return firstIndex(l, words) >= 0
}

func firstIndex(l string, words []string) int {
	best := -1
	for _, w := range words {
		for from := 0; ; {
			j := strings.Index(l[from:], w)
			if j < 0 {
				break
			}
			j += from
			if j == 0 || !isWordByte(l[j-1]) {
				if best < 0 || j < best {
					best = j
				}
				break
			}
			from = j + 1
		}
	}
	return best
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "single": 1, "twelve": 12,
}

func parseNumberWord(s string) int {
	if n, ok := numberWords[s]; ok {
		return n
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || n > 100000 {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// words splits lower-cased prose into words of letters and digits; hyphens
// and punctuation separate ("3-node" is "3", "node").
func words(l string) []string {
	out := make([]string, 0, len(l)/5)
	start := -1
	for i := 0; i <= len(l); i++ {
		word := i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] >= '0' && l[i] <= '9' || l[i] >= 0x80)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, l[start:i])
			start = -1
		}
	}
	return out
}

var instanceNouns = map[string]bool{
	"replica": true, "replicas": true, "instance": true, "instances": true, "node": true, "nodes": true,
	"pod": true, "pods": true, "server": true, "servers": true, "copies": true, "machine": true, "machines": true,
	"vm": true, "vms": true, "host": true, "hosts": true, "broker": true, "brokers": true, "member": true,
	"members": true, "container": true, "containers": true, "task": true, "tasks": true, "process": true,
	"processes": true, "box": true,
}

var copyNouns = map[string]bool{
	"replica": true, "replicas": true, "follower": true, "followers": true, "secondary": true,
	"secondaries": true, "standby": true, "standbys": true, "slave": true, "slaves": true,
}

// replicaFacts reads how many instances of a component run and in how
// many regions, from its description; zero means the text does not say.
// Words that promise more than one copy without a count ("multi-AZ",
// "horizontally scaled") give no count.
func replicaFacts(text string) english.Instances {
	return english.ReadInstances(text)
}

// setRegions records the regions a text gives a component.
func (c *Component) setRegions(in english.Instances) {
	c.Regions, c.RegionFromZones = in.Regions, in.ZonesOnly
}

// spofAcknowledged finds a sentence accepting a single point of failure.
func spofAcknowledged(sents []string) (bool, string) {
	for _, s := range sents {
		l := lower(s)
		if !containsAny(l, "single point of failure", "spof") {
			continue
		}
		if containsAny(l, "accept", "acknowledg", "tolerab", "tolerate", "is fine", "is ok", "is okay", "deliberate", "by design", "risk we take") {
			return true, s
		}
	}
	return false, ""
}

// Affirms reports whether text says the design does one of the phrases
// (given in lower case): the phrase starts a word, and neither a word just
// before it in its clause negates it or sets it aside ("no sticky
// sessions", "instead of write-behind", "non-conditional updates", "half
// the price of strongly consistent reads") nor the word after it makes it
// hypothetical ("write-behind would lose orders").
func Affirms(text string, phrases ...string) bool {
	l := lower(text)
	for _, p := range phrases {
		for from := 0; from < len(l); {
			j := strings.Index(l[from:], p)
			if j < 0 {
				break
			}
			j += from
			from = j + 1
			if j > 0 && isAlnum(l[j-1]) || negatedBefore(l, j, 3) || hypotheticalAfter(l, j+len(p)) {
				continue
			}
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// negators are the words that, just before a phrase, deny it or name it
// only to set it aside.
var negators = map[string]bool{
	"no": true, "not": true, "non": true, "never": true, "nothing": true, "none": true, "without": true,
	"instead": true, "rather": true, "than": true, "unlike": true, "avoid": true, "avoids": true,
	"avoiding": true, "skip": true, "skips": true, "nor": true, "neither": true, "except": true,
	"forgo": true, "cannot": true, "price": true, "cost": true, "much": true,
}

// negatedBefore reports whether one of the n words before l[j:], in the
// same clause, is a negator.
func negatedBefore(l string, j, n int) bool {
	i := j
	for ; n > 0; n-- {
		// Skip the spaces and hyphens between words; a clause ends
		// at punctuation.
		for i > 0 && !isAlnum(l[i-1]) && l[i-1] != '\'' {
			switch l[i-1] {
			case '.', ',', ';', ':', '!', '?', '(', ')', '\n':
				return false
			}
			i--
		}
		end := i
		for i > 0 && (isAlnum(l[i-1]) || l[i-1] == '\'') {
			i--
		}
		if i == end {
			return false
		}
		w := l[i:end]
		if negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

// hypotheticalAfter reports whether the word starting after l[:k] makes
// what comes before it a hypothesis.
func hypotheticalAfter(l string, k int) bool {
	for k < len(l) && isAlnum(l[k]) {
		k++ // the rest of the word: "write-behind" matched in "write-behinds"
	}
	for k < len(l) && (l[k] == ' ' || l[k] == '\n') {
		k++
	}
	e := k
	for e < len(l) && isAlnum(l[e]) {
		e++
	}
	switch l[k:e] {
	case "would", "could", "might":
		return true
	}
	return false
}

// cachePolicies lists the freshness policies prose names.
func cachePolicies(l string) CachePolicy {
	var p CachePolicy
	add := func(s string) {
		if !p.Has(s) {
			p.Strategies = append(p.Strategies, s)
		}
	}
	if Affirms(l, "ttl", "time-to-live", "time to live", "expir") || keptFor(l) {
		add("ttl")
	}
	if Affirms(l, "write-through", "write through", "writethrough", "written through") {
		add("write-through")
	}
	if Affirms(l, "write-around", "write around") {
		add("write-around")
	}
	if Affirms(l, "write-behind", "write behind", "write-back", "write back", "writeback", "flusher",
		"persisted asynchronously", "asynchronously persisted", "written asynchronously",
		"asynchronously written", "lazily written", "lazily persisted") || flushesToStore(l) {
		add("write-behind")
	}
	if Affirms(l, "invalidat", "evict on write", "evicted on write", "delete the key", "deletes the key",
		"deleted from the cache", "removed from the cache", "purge", "bust") {
		add("invalidation")
	}
	return p
}

var timeUnits = map[string]bool{
	"s": true, "sec": true, "secs": true, "second": true, "seconds": true, "ms": true, "m": true,
	"min": true, "mins": true, "minute": true, "minutes": true, "h": true, "hr": true, "hrs": true,
	"hour": true, "hours": true, "d": true, "day": true, "days": true, "week": true, "weeks": true,
}

var keepVerbs = map[string]bool{
	"cache": true, "caches": true, "cached": true, "kept": true, "keep": true, "keeps": true, "held": true,
	"hold": true, "holds": true, "stored": true, "store": true, "stores": true, "live": true, "lives": true,
	"retained": true, "stay": true, "stays": true, "remain": true, "remains": true,
}

// keptFor finds a lifetime given without the word TTL: "cached for 30 s",
// "entries are kept for an hour".
func keptFor(l string) bool {
	w := words(l)
	for i, x := range w {
		if x != "for" || i+1 >= len(w) {
			continue
		}
		next, unit := w[i+1], ""
		if i+2 < len(w) {
			unit = w[i+2]
		}
		span := false
		switch {
		case parseNumberWord(next) > 0 || next == "a" || next == "an":
			span = timeUnits[unit]
		default:
			// "30s", "5min", "24h"
			k := 0
			for k < len(next) && next[k] >= '0' && next[k] <= '9' {
				k++
			}
			span = k > 0 && timeUnits[next[k:]]
		}
		if !span {
			continue
		}
		for k := max(0, i-8); k < i; k++ {
			if keepVerbs[w[k]] {
				return true
			}
		}
	}
	return false
}

var storeWords = map[string]bool{
	"database": true, "databases": true, "db": true, "disk": true, "postgresql": true, "postgres": true,
	"mysql": true, "ledger": true, "cassandra": true, "dynamodb": true, "storage": true, "table": true,
	"tables": true, "sql": true, "store": true,
}

// flushesToStore finds write-behind described rather than named: "a
// flusher copies them to PostgreSQL", "dirty entries are flushed to the
// database every second".
func flushesToStore(l string) bool {
	for from := 0; from < len(l); {
		j := strings.Index(l[from:], "flush")
		if j < 0 {
			return false
		}
		j += from
		from = j + 1
		if j > 0 && isAlnum(l[j-1]) || negatedBefore(l, j, 3) {
			continue
		}
		w := words(l[j:min(len(l), j+120)])
		for i := 1; i < len(w) && i < 9; i++ {
			if w[i] != "to" && w[i] != "into" {
				continue
			}
			for k := i + 1; k < len(w) && k <= i+3; k++ {
				if storeWords[w[k]] {
					return true
				}
			}
		}
	}
	return false
}

// queuePlans lists the growth plans prose names for a queue.
func queuePlans(l string) []string {
	var out []string
	for _, p := range []struct {
		plan  string
		words []string
	}{
		{"autoscaling", []string{"autoscal", "auto-scal", "scale consumers", "consumers scale", "scale the consumers", "scale out consumers", "add consumers", "more consumers", "scales with queue", "scale with queue", "queue depth", "queue length", "consumer lag", "partition lag", "on lag", "lag-based", "scale on", "scales on"}},
		{"priority", []string{"priority queue", "priority queues", "prioriti", "separate queue"}},
		{"dead-letter", []string{"dead letter", "dead-letter", "dlq", "poison"}},
		{"rate-limit", []string{"rate limit", "rate-limit", "throttl"}},
		{"backpressure", []string{"backpressure", "back-pressure", "back pressure", "shed load", "load shedding", "bounded queue", "bounded buffer", "max length", "reject when full", "drop messages", "drops messages", "drop the oldest", "drops the oldest"}},
	} {
		// Phrases start a word, so that "flag" is not "lag".
		if containsWordStart(l, p.words) {
			out = append(out, p.plan)
		}
	}
	return out
}

// sessionState finds a service keeping user state in its own memory or
// pinning users to an instance with sticky sessions, and the reason given
// for it.
func sessionState(sents []string) (string, string) {
	for i, s := range sents {
		l := lower(s)
		kind := ""
		switch {
		case Affirms(l, "sticky session", "sticky-session", "session affinity", "sticky routing", "sticky load balancing", "sticky cookie"):
			kind = "sticky"
		case keepsUserState(l):
			kind = "in-memory"
		default:
			continue
		}
		return kind, sessionReason(sents, i)
	}
	return "", ""
}

// keepsUserState reports whether a sentence keeps session or per-user
// state in the process: "keeps each user's cart in memory", "stateful",
// "in-memory sessions". State kept in a shared store, and local caches
// that can be refilled, do not count.
func keepsUserState(l string) bool {
	if containsAny(l, "stateless", "redis", "memcache", "external store", "session store", "shared store", "cache") {
		return false
	}
	if Affirms(l, "in-memory session", "in memory session", "sessions in memory", "session in memory",
		"session state in memory", "state in memory", "in-process session", "keeps session", "keep session",
		"stores session", "store session", "holds session", "local session", "stateful") {
		return true
	}
	if !containsAny(l, "session", "user", "cart", "login", "logged-in", "device", "player", "shopper", "customer") {
		return false
	}
	// "does not keep the user's session in memory": the verb that is
	// denied may stand well before the place.
	for _, p := range []string{"in memory", "in-memory", "in process memory", "in local memory", "in ram"} {
		if j := strings.Index(l, p); j >= 0 && (j == 0 || !isAlnum(l[j-1])) && !negatedBefore(l, j, 8) {
			return true
		}
	}
	return false
}

// sessionReasonMarkers introduce a reason for keeping state on one
// instance. They are stricter than reasonMarkers: a dash or "must" after
// "sticky sessions" usually describes the routing rather than argues for
// it.
var sessionReasonMarkers = []string{
	"because", "since ", "so that", "as a result", "we need", "needs to", "need to", "in order to",
	"to avoid", "to keep", "otherwise", "accept", "tolerat", "by necessity", "necessary", "inherent",
	"trade-off", "tradeoff", "worth", "only cost", "reconnect", "restored from", "replayed from",
	"rebuilt from", "is fine", "is ok", "is acceptable",
	"given ", "why:", "reason:", "rationale:", "justification:",
}

// routingWords say where sticky sessions send a user; a "so that" leading
// to them is the routing's purpose, not a reason for it.
var routingWords = []string{
	"same instance", "same server", "same node", "same pod", "same host", "same machine", "same replica",
	"same gateway", "same process", "same backend", "same box", "always land", "lands on", "land on",
	"routed to", "route to", "pinned to", "stick to", "sticks to",
}

// sessionReason returns the sentence that argues for keeping state on one
// instance: the one stating it, the next, or any other sentence about the
// state ("Stateful by necessity: …" before "… with sticky sessions").
func sessionReason(sents []string, i int) string {
	for k, s := range sents {
		if (k == i || k == i+1 || containsAny(lower(s), "stateful", "in memory", "in-memory", "sticky", "affinity", "session")) && arguesForState(s) {
			return s
		}
	}
	return ""
}

// arguesForState reports whether a sentence gives a reason that is not
// merely where the routing sends the user.
func arguesForState(s string) bool {
	l := lower(s)
	for _, m := range sessionReasonMarkers {
		j := strings.Index(l, m)
		if j < 0 {
			continue
		}
		rest := l[j:]
		if k := strings.IndexAny(rest[len(m):], ",;()"); k >= 0 {
			rest = rest[:len(m)+k]
		}
		if !containsAny(rest, routingWords...) {
			return true
		}
	}
	return false
}

// kindWords infers a component's kind from a word of its name or
// technology. Multi-word phrases are tried first.
var kindPhrases = []struct {
	phrase string
	kind   ComponentKind
}{
	{"load balancer", KindLoadBalancer}, {"reverse proxy", KindLoadBalancer},
	{"api gateway", KindGateway}, {"object store", KindObjectStore}, {"object storage", KindObjectStore},
	{"blob store", KindObjectStore}, {"blob storage", KindObjectStore}, {"file store", KindObjectStore},
	{"file server", KindObjectStore}, {"cloud storage", KindObjectStore}, {"message queue", KindQueue},
	{"message broker", KindQueue}, {"event bus", KindQueue}, {"pub sub", KindQueue}, {"pub/sub", KindQueue},
	{"search index", KindSearch}, {"search engine", KindSearch}, {"search cluster", KindSearch},
	{"key value store", KindDatabase}, {"key-value store", KindDatabase}, {"data store", KindDatabase},
	{"data warehouse", KindDatabase}, {"sql server", KindDatabase}, {"web server", KindService},
	{"app server", KindService}, {"application server", KindService}, {"mobile app", KindExternal},
	{"third party", KindExternal}, {"third-party", KindExternal}, {"web browser", KindExternal},
	{"payment provider", KindExternal}, {"in-memory cache", KindCache}, {"memory cache", KindCache},
}

var kindWords = map[string]ComponentKind{
	// Head nouns.
	"service": KindService, "services": KindService, "server": KindService, "servers": KindService,
	"api": KindService, "app": KindService, "backend": KindService, "microservice": KindService,
	"frontend": KindService, "application": KindService, "monolith": KindService, "handler": KindService,
	"db": KindDatabase, "database": KindDatabase, "databases": KindDatabase, "store": KindDatabase,
	"datastore": KindDatabase, "ledger": KindDatabase, "rdbms": KindDatabase,
	"cache": KindCache, "caches": KindCache,
	"queue": KindQueue, "queues": KindQueue, "broker": KindQueue, "topic": KindQueue, "stream": KindQueue, "bus": KindQueue,
	"lb": KindLoadBalancer, "balancer": KindLoadBalancer, "proxy": KindLoadBalancer,
	"cdn": KindCDN, "edge": KindCDN,
	"bucket": KindObjectStore, "blob": KindObjectStore,
	"search": KindSearch, "index": KindSearch,
	"gateway": KindGateway,
	"worker":  KindWorker, "workers": KindWorker, "cron": KindWorker, "job": KindWorker, "jobs": KindWorker,
	"consumer": KindWorker, "consumers": KindWorker, "scheduler": KindWorker, "crawler": KindWorker,
	"processor": KindWorker, "pipeline": KindWorker, "batch": KindWorker,
	"client": KindExternal, "clients": KindExternal, "user": KindExternal, "users": KindExternal,
	"browser": KindExternal, "external": KindExternal, "partner": KindExternal,
	// Technologies.
	"postgres": KindDatabase, "postgresql": KindDatabase, "mysql": KindDatabase, "mariadb": KindDatabase,
	"oracle": KindDatabase, "sqlite": KindDatabase, "cockroachdb": KindDatabase, "cockroach": KindDatabase,
	"spanner": KindDatabase, "aurora": KindDatabase, "rds": KindDatabase, "cassandra": KindDatabase,
	"dynamodb": KindDatabase, "dynamo": KindDatabase, "mongodb": KindDatabase, "mongo": KindDatabase,
	"hbase": KindDatabase, "bigtable": KindDatabase, "couchdb": KindDatabase, "couchbase": KindDatabase,
	"riak": KindDatabase, "neo4j": KindDatabase, "neptune": KindDatabase, "scylladb": KindDatabase,
	"scylla": KindDatabase, "tidb": KindDatabase, "tikv": KindDatabase, "cosmosdb": KindDatabase,
	"firestore": KindDatabase, "etcd": KindDatabase, "zookeeper": KindDatabase, "clickhouse": KindDatabase,
	"influxdb": KindDatabase, "timescaledb": KindDatabase, "bigquery": KindDatabase, "redshift": KindDatabase,
	"snowflake": KindDatabase, "foundationdb": KindDatabase, "sql": KindDatabase, "nosql": KindDatabase,
	"redis": KindCache, "memcached": KindCache, "memcache": KindCache, "hazelcast": KindCache,
	"varnish": KindCache, "elasticache": KindCache, "valkey": KindCache,
	"kafka": KindQueue, "sqs": KindQueue, "rabbitmq": KindQueue, "kinesis": KindQueue, "pulsar": KindQueue,
	"nats": KindQueue, "jetstream": KindQueue, "activemq": KindQueue, "pubsub": KindQueue,
	"eventbridge": KindQueue, "celery": KindQueue,
	"haproxy": KindLoadBalancer, "nginx": KindLoadBalancer, "envoy": KindLoadBalancer, "alb": KindLoadBalancer,
	"elb": KindLoadBalancer, "nlb": KindLoadBalancer, "traefik": KindLoadBalancer,
	"cloudfront": KindCDN, "akamai": KindCDN, "fastly": KindCDN, "cloudflare": KindCDN,
	"s3": KindObjectStore, "gcs": KindObjectStore, "minio": KindObjectStore, "hdfs": KindObjectStore,
	"elasticsearch": KindSearch, "opensearch": KindSearch, "solr": KindSearch, "lucene": KindSearch,
	"algolia": KindSearch, "meilisearch": KindSearch,
	"kong": KindGateway, "apigee": KindGateway,
	"spark": KindWorker, "flink": KindWorker, "mapreduce": KindWorker, "airflow": KindWorker, "lambda": KindWorker,
	"stripe": KindExternal, "twilio": KindExternal, "paypal": KindExternal, "sendgrid": KindExternal,
	// push and notification services run by others
	"sns": KindExternal, "fcm": KindExternal, "apns": KindExternal,
}

// inferKind guesses a component's kind from its name and technology: first
// from the head noun of the name (the last word that names a kind: "Search
// Service" is a service, "Orders DB" a database), then from phrases, then
// from the technology. It returns "" when nothing names a kind.
// NamesKind reports a word that names a kind of component or a product
// designlint knows ("service", "queue", "Postgres"), in any case.
func NamesKind(word string) bool {
	w := lower(word)
	return kindWords[w] != "" || kindWords[singular(w)] != ""
}

func inferKind(name, tech string) ComponentKind {
	k := inferKindOf(name, tech)
	// "Transcode jobs (SQS)": the product says it is a queue.
	if k == KindWorker && tech != "" && inferKindOf("", tech) == KindQueue {
		return KindQueue
	}
	// "Media store (S3)": a store of any kind; the product says which.
	if k == KindDatabase && tech != "" && inferKindOf("", tech) == KindObjectStore {
		if ws := splitWords(lower(name)); len(ws) > 0 && (ws[len(ws)-1] == "store" || ws[len(ws)-1] == "datastore") {
			return KindObjectStore
		}
	}
	return k
}

// serviceBrokers are brokers that are not message brokers: "Identity
// Broker", "Service Broker".
var serviceBrokers = map[string]bool{
	"identity": true, "auth": true, "authentication": true, "authorization": true, "token": true,
	"credential": true, "credentials": true, "service": true, "policy": true, "session": true, "license": true,
}

func inferKindOf(name, tech string) ComponentKind {
	ln := lower(name)
	if ws := splitWords(ln); len(ws) >= 2 && (ws[len(ws)-1] == "broker" || ws[len(ws)-1] == "brokers") && serviceBrokers[ws[len(ws)-2]] {
		return KindService
	}
	for _, p := range kindPhrases {
		if strings.HasSuffix(ln, p.phrase) {
			return p.kind
		}
	}
	words := splitWords(ln)
	for i := len(words) - 1; i >= 0; i-- {
		if k, ok := kindWords[words[i]]; ok {
			return k
		}
	}
	for _, p := range kindPhrases {
		if strings.Contains(ln, p.phrase) {
			return p.kind
		}
	}
	lt := lower(tech)
	for _, p := range kindPhrases {
		if strings.Contains(lt, p.phrase) {
			return p.kind
		}
	}
	for _, w := range splitWords(lt) {
		if k, ok := kindWords[w]; ok {
			return k
		}
	}
	return ""
}

// containerNouns end a component's name without naming its kind: "Redis
// cluster", "Kafka brokers", "API tier".
var containerNouns = map[string]bool{
	"cluster": true, "clusters": true, "tier": true, "layer": true, "fleet": true, "pool": true,
	"nodes": true, "node": true, "instances": true, "instance": true, "shards": true, "shard": true,
	"farm": true, "group": true, "primary": true, "master": true, "replicaset": true, "deployment": true,
}

// namesComponent reports whether a short name looks like a component's:
// its last word is a kind noun, a technology or a container noun ("Orders
// DB", "Redis", "Kafka cluster"), and it reads as a name, not a phrase
// ("Consistent reads from cache", "Database cleanup").
func namesComponent(name string) bool {
	words := splitWords(lower(name))
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		switch w {
		case "a", "an", "the", "of", "for", "with", "to", "in", "from", "on", "how", "why", "what", "when", "and", "or", "vs", "is", "are", "using", "via", "per":
			return false
		}
	}
	if strings.HasSuffix(words[0], "ing") && len(words) > 1 && kindWords[words[0]] == "" &&
		!(len(words) == 2 && serviceNouns[words[1]]) {
		return false // "Proxying a checksum database", but "Booking API"
	}
	last := words[len(words)-1]
	if _, ok := kindWords[last]; ok {
		return true
	}
	if containerNouns[last] {
		return true
	}
	for _, p := range kindPhrases {
		if strings.HasSuffix(lower(name), p.phrase) {
			return true
		}
	}
	return false
}

// serviceNouns name a box that does something: "Booking API", "Billing
// service", "Streaming server".
var serviceNouns = map[string]bool{
	"api": true, "service": true, "services": true, "server": true, "servers": true, "worker": true,
	"workers": true, "gateway": true, "app": true, "backend": true,
}

// kindFromText reads a kind named in a "Type" column or a kind field.
func kindFromText(s string) ComponentKind {
	l := strings.TrimSpace(lower(s))
	l = strings.ReplaceAll(l, " ", "_")
	for _, k := range ComponentKinds {
		if l == string(k) {
			return k
		}
	}
	return inferKind(s, "")
}

func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
}

// firstRunes returns at most n runes of s, for messages.
func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strings.TrimSpace(s[:i]) + "…"
}
