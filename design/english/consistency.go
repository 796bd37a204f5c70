package english

import (
	"strings"

	"github.com/designlint/designlint/estimate"
)

// Consistency models a component's description can state. Linearizable
// and serializable are kinds of strong consistency; causal,
// read-your-writes and bounded staleness are guarantees weaker than strong
// and stronger than plain eventual consistency.
const (
	Strong           = "strong"
	Eventual         = "eventual"
	Causal           = "causal"
	ReadYourWrites   = "read-your-writes"
	Linearizable     = "linearizable"
	Serializable     = "serializable"
	BoundedStaleness = "bounded-staleness"
)

// Consistency is what a description says about the consistency of a
// component's data: the model it states, where, and the reason it gives
// for it.
type Consistency struct {
	// Model is one of the models above, or "" when none is stated.
	Model string
	// Start and End are the byte span of the words that state it.
	Start, End int
	// Reason is the sentence or clause that says why the model fits the
	// data, or "" when the text gives none.
	Reason string
}

// modelPhrase is a run of words that states a model. Words are compared
// in lower case; a word ending in "*" matches any word it starts.
type modelPhrase struct {
	words []string
	model string
	// bare phrases are single words that state a model only at the start
	// of the statement or after a consistency label ("Strong, otherwise
	// two drivers…", "Consistency: eventual").
	bare bool
	// upper phrases must be written in capitals ("CP", "AP").
	upper bool
	// weak phrases name a mechanism that implies a model; they count only
	// when nothing names a model outright.
	weak bool
}

var modelPhrases = []modelPhrase{
	{words: w("strongly consistent"), model: Strong},
	{words: w("strongly - consistent"), model: Strong},
	{words: w("strong consistency"), model: Strong},
	{words: w("strong reads"), model: Strong},
	{words: w("strict consistency"), model: Strong},
	{words: w("strictly consistent"), model: Strong},
	{words: w("external consistency"), model: Strong},
	{words: w("externally consistent"), model: Strong},
	{words: w("sequential consistency"), model: Strong},
	{words: w("sequentially consistent"), model: Strong},
	{words: w("acid"), model: Strong},
	{words: w("consistentread = true"), model: Strong},
	{words: w("consistent reads"), model: Strong},
	{words: w("quorum reads and writes"), model: Strong},
	{words: w("quorum writes and reads"), model: Strong},
	{words: w("quorum reads"), model: Strong},
	{words: w("r + w > n"), model: Strong},
	{words: w("read - after - write"), model: Strong},
	{words: w("read after write"), model: Strong},
	{words: w("cp"), model: Strong, upper: true},
	{words: w("strong"), model: Strong, bare: true},
	{words: w("synchronous replication"), model: Strong, weak: true},
	{words: w("synchronously replicated"), model: Strong, weak: true},
	{words: w("linearizab*"), model: Linearizable},
	{words: w("linearisab*"), model: Linearizable},
	{words: w("serializab*"), model: Serializable},
	{words: w("serialisab*"), model: Serializable},
	{words: w("bounded staleness"), model: BoundedStaleness},
	{words: w("bounded - staleness"), model: BoundedStaleness},
	{words: w("read - your - own - writes"), model: ReadYourWrites},
	{words: w("read - your - writes"), model: ReadYourWrites},
	{words: w("read your own writes"), model: ReadYourWrites},
	{words: w("read your writes"), model: ReadYourWrites},
	{words: w("reads its own writes"), model: ReadYourWrites},
	{words: w("reads their own writes"), model: ReadYourWrites},
	{words: w("session consistency"), model: ReadYourWrites},
	{words: w("causal*"), model: Causal},
	{words: w("eventually consistent"), model: Eventual},
	{words: w("eventually - consistent"), model: Eventual},
	{words: w("eventual consistency"), model: Eventual},
	{words: w("eventual"), model: Eventual, bare: true},
	{words: w("weak consistency"), model: Eventual},
	{words: w("weakly consistent"), model: Eventual},
	{words: w("last write wins"), model: Eventual},
	{words: w("last - write - wins"), model: Eventual},
	{words: w("last - writer - wins"), model: Eventual},
	{words: w("lww"), model: Eventual},
	{words: w("ap"), model: Eventual, upper: true},
	{words: w("asynchronous replication"), model: Eventual, weak: true},
	{words: w("asynchronously replicated"), model: Eventual, weak: true},
	{words: w("async replication"), model: Eventual, weak: true},
}

func w(s string) []string { return strings.Fields(s) }

// ReadConsistency reads the consistency a component's description states:
// "strongly consistent", "ACID", "quorum reads and writes", "linearizable
// via Raft", "read-your-writes", "reads may be up to 30 s stale", "last
// write wins", and whether it says why: a connective (because, since, so
// that, otherwise, to avoid), a clause after a colon, dash or semicolon
// that speaks of the data, a Why label, or a next sentence that says what
// is at stake.
func ReadConsistency(text string) Consistency {
	t := Lex(text)
	defer t.settle()
	r := consistencyReader{t: t}
	return r.read()
}

type consistencyReader struct {
	t *Text
	// units are the sentences and lines of the text, as token ranges.
	units [][2]int
}

func (r *consistencyReader) read() Consistency {
	t := r.t
	r.units = r.split()
	m, from, to := r.model()
	if m == "" {
		return Consistency{}
	}
	out := Consistency{Model: m, Start: t.Tokens[from].Start, End: t.Tokens[to-1].End}
	out.Reason = r.reason(from, to)
	return out
}

// split cuts the text into units: sentences, and lines the author broke
// (continuation lines of one sentence stay together).
func (r *consistencyReader) split() [][2]int {
	t := r.t
	var out [][2]int
	start := 0
	for i, tok := range t.Tokens {
		t.steps++
		if tok.Line && i > start && r.newUnit(i) {
			out = append(out, [2]int{start, i})
			start = i
		}
		if tok.Kind != Symbol {
			continue
		}
		switch t.Src[tok.Start:tok.End] {
		case "!", "?":
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		case ".":
			if i+1 == len(t.Tokens) || t.Tokens[i+1].Space && !abbreviation(t, i) {
				out = append(out, [2]int{start, i + 1})
				start = i + 1
			}
		}
	}
	if start < len(t.Tokens) {
		out = append(out, [2]int{start, len(t.Tokens)})
	}
	return out
}

// newUnit reports whether a token that starts a line starts a new unit: a
// list item, a label, a blank line before it, or a line after one that
// ended its sentence. A sentence wrapped over lines stays one unit.
func (r *consistencyReader) newUnit(i int) bool {
	t := r.t
	if t.Is(i, "-") || t.Is(i, "*") || t.Is(i, "(") || t.Is(i, "|") {
		return true
	}
	if strings.Count(t.Src[t.Tokens[i-1].End:t.Tokens[i].Start], "\n") > 1 {
		return true
	}
	return t.Is(i+1, ":")
}

// unitOf returns the unit holding token i.
func (r *consistencyReader) unitOf(i int) int {
	for k, u := range r.units {
		if i >= u[0] && i < u[1] {
			return k
		}
	}
	return len(r.units) - 1
}

// model finds the first model the text states, and the tokens stating it.
// A mechanism (synchronous replication) counts only where nothing names a
// model; a bound on staleness only where no other model is named.
func (r *consistencyReader) model() (string, int, int) {
	t := r.t
	var weak [3]int
	weakModel := ""
	for i := 0; i < len(t.Tokens); i++ {
		t.steps++
		if !t.IsWord(i) {
			continue
		}
		for _, p := range modelPhrases {
			n := r.matches(i, p)
			if n == 0 {
				continue
			}
			if p.bare && (!r.statementStart(i) || t.IsWord(i+n) && !r.afterLabel(i)) {
				// "Strong, otherwise…", "Eventual (the CDN…)",
				// "Consistency: strong for balances"; "strong
				// authentication" is not consistency
				continue
			}
			if p.model == Eventual && p.bare && r.notModel(i) {
				continue
			}
			m := p.model
			if r.negated(i) {
				// "not strongly consistent", "no read-after-write
				// consistency"
				if m == Eventual {
					m = Strong
				} else {
					m = Eventual
				}
			}
			if p.weak {
				if weakModel == "" {
					weakModel, weak = m, [3]int{i, i + n}
				}
				break
			}
			return m, i, i + n
		}
	}
	if ok, from, to := r.staleBound(); ok {
		return BoundedStaleness, from, to
	}
	if weakModel != "" {
		return weakModel, weak[0], weak[1]
	}
	return "", 0, 0
}

// matches returns how many tokens phrase p spans at token i, or 0.
func (r *consistencyReader) matches(i int, p modelPhrase) int {
	t := r.t
	k := i + t.phraseAt(i, p.words)
	if k == i {
		return 0
	}
	if p.upper && t.Str(i) != strings.ToUpper(t.Str(i)) {
		return 0
	}
	if p.upper && !r.upperModel(k) {
		return 0
	}
	return k - i
}

// upperModel reports that "CP" or "AP" at the token before k names a side
// of the CAP choice: "CP system", "AP (Cassandra)", "AP under partition".
func (r *consistencyReader) upperModel(k int) bool {
	t := r.t
	if k >= len(t.Tokens) {
		return true
	}
	switch t.Low(k) {
	case "system", "systems", "store", "database", "db", "under", "(", ",", ".", ";", "mode", "design", "—", "-", "side":
		return true
	}
	return false
}

// statementStart reports whether token i starts the statement: the start
// of the text or of a unit (past list markers and emphasis), or the value
// after a consistency label or cell.
func (r *consistencyReader) statementStart(i int) bool {
	t := r.t
	j := i - 1
	for j >= 0 && (t.Is(j, "*") || t.Is(j, "_") || t.Is(j, "-") && t.Tokens[j].Line || t.Is(j, "|") || t.Is(j, "`")) {
		j--
	}
	if j < 0 {
		return true
	}
	if t.Tokens[j+1].Line {
		return true
	}
	switch t.Low(j) {
	case ".", "|":
		return true
	case ":", "=":
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			if strings.HasPrefix(t.Low(k), "consisten") || t.Is(k, "model") || t.Is(k, "guarantee") || t.Is(k, "guarantees") {
				return true
			}
		}
	}
	return false
}

// afterLabel reports a model word that is the value of a consistency
// label: "Consistency: strong for balances".
func (r *consistencyReader) afterLabel(i int) bool {
	t := r.t
	j := i - 1
	for j >= 0 && (t.Is(j, "*") || t.Is(j, "_")) {
		j--
	}
	if j < 0 || !t.Is(j, ":") && !t.Is(j, "=") && !t.Is(j, "|") {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if strings.HasPrefix(t.Low(k), "consisten") || t.Is(k, "model") || t.Is(k, "guarantee") || t.Is(k, "guarantees") {
			return true
		}
	}
	return false
}

// notModel reports "eventual" used of something other than data: "the
// eventual migration", "eventual delivery".
func (r *consistencyReader) notModel(i int) bool {
	t := r.t
	return t.IsWord(i+1) && !t.Is(i+1, "consistency") && !t.Is(i+1, "consistent")
}

// negated reports a negation just before token i.
func (r *consistencyReader) negated(i int) bool {
	t := r.t
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch t.Low(k) {
		case "not", "no", "isn't", "isn’t", "aren't", "aren’t", "without", "never", "non":
			return true
		case ".", ";", ",", ":":
			return false
		}
	}
	return false
}

// staleWords say that reads can trail the writes.
var staleWords = map[string]bool{
	"stale": true, "staleness": true, "lag": true, "lags": true, "lagging": true, "behind": true,
	"old": true, "outdated": true, "delay": true, "delayed": true,
}

// boundWords put an upper bound on a duration.
var boundWords = map[string]bool{
	"most": true, "max": true, "maximum": true, "up": true, "within": true, "≤": true, "<": true, "bounded": true,
}

// staleBound finds a bound on staleness: a duration with a bound word
// ("at most 5 s of lag", "up to 30 s stale", "max 10 s lag") in a
// sentence about stale reads.
func (r *consistencyReader) staleBound() (bool, int, int) {
	t := r.t
	for _, a := range t.Amounts(estimate.DefaultCalendar) {
		if a.Dim != estimate.Duration {
			continue
		}
		u := r.units[r.unitOf(a.First)]
		bound, stale := a.Hedge == AtMost, false
		for k := max(u[0], a.First-4); k < a.Num; k++ {
			if boundWords[t.Low(k)] {
				bound = true
			}
		}
		for k := max(u[0], a.First-6); k < min(u[1], a.Last+4); k++ {
			if staleWords[t.Low(k)] {
				stale = true
			}
		}
		if bound && stale {
			return true, a.First, a.Last
		}
	}
	return false, 0, 0
}

// reason finds the words that say why the model stated at [from, to)
// fits: in its own sentence, after a colon, dash or semicolon that follows
// it, in parentheses after it, or in the next unit.
func (r *consistencyReader) reason(from, to int) string {
	t := r.t
	k := r.unitOf(from)
	u := r.units[k]
	// A connective anywhere in the sentence, its clause about the data.
	if _, ok := r.connective(u[0], u[1]); ok {
		return t.Between(u[0], u[1])
	}
	// A clause after a colon, dash or semicolon past the model.
	for i := to; i < u[1]; i++ {
		switch t.Str(i) {
		case "(":
			end := closeParen(t, i, u[1])
			if r.parenReason(i+1, end) {
				return t.Between(i, min(end+1, u[1]))
			}
			i = end
		case ":", "—", "–", ";":
			if r.clauseReason(i+1, u[1]) {
				return t.Between(u[0], u[1])
			}
		case "-":
			if t.Tokens[i].Space && i+1 < len(t.Tokens) && t.Tokens[i+1].Space && r.clauseReason(i+1, u[1]) {
				return t.Between(u[0], u[1])
			}
		}
	}
	// The next unit: a Why label, or a sentence that says what is at
	// stake.
	if k+1 < len(r.units) {
		n := r.units[k+1]
		if r.whyLabel(n[0], n[1]) || r.stakes(n[0], n[1]) {
			return t.Between(n[0], n[1])
		}
	}
	return ""
}

// closeParen returns the index of the parenthesis closing the one at i,
// or end.
func closeParen(t *Text, i, end int) int {
	depth := 0
	for k := i; k < end; k++ {
		switch t.Str(k) {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return end
}

// qualities are what a model is chosen for: "for availability", "for
// lower latency".
var qualities = map[string]bool{
	"availability": true, "latency": true, "performance": true, "throughput": true, "simplicity": true,
	"scale": true, "scalability": true, "speed": true, "cost": true, "correctness": true, "safety": true,
	"durability": true, "uptime": true, "implementation": true,
}

// connective finds a word that gives a reason in [from, to): because,
// since, so that, otherwise, to avoid, we need, "required as", "for
// availability"; ok is set when the clause it opens speaks of the data,
// not only of reads and writes in general.
func (r *consistencyReader) connective(from, to int) (int, bool) {
	t := r.t
	found := -1
	for i := from; i < to; i++ {
		l := t.Low(i)
		n := 0 // tokens of the connective
		switch l {
		case "because", "otherwise", "hence", "therefore":
			n = 1
		case "since":
			if !t.IsNumber(i+1) && !t.Is(i+1, "v") {
				n = 1
			}
		case "so":
			switch t.Low(i + 1) {
			case "far", "much", "many", "long", "called", "on", "forth", "-":
			case "that":
				n = 2
			default:
				if t.IsWord(i+1) && (t.Is(i-1, ",") || t.Is(i-1, ")") || i > from+1) {
					n = 1
				}
			}
		case "to":
			switch t.Low(i + 1) {
			case "avoid", "prevent", "ensure", "guarantee", "stop", "keep", "protect", "preserve":
				n = 2
			}
		case "in":
			if t.Is(i+1, "order") && t.Is(i+2, "to") {
				n = 3
			}
		case "we", "they", "users", "it":
			if strings.HasPrefix(t.Low(i+1), "need") || t.Is(i+1, "must") || t.Is(i+1, "cannot") || t.Is(i+1, "can't") {
				n = 2
			}
		case "needed", "required", "necessary", "essential", "important", "critical", "needs":
			if t.Is(i+1, "as") || t.Is(i+1, "because") || t.Is(i+1, "so") || t.Is(i+1, "since") || t.Is(i+1, "to") || t.Is(i+1, "for") && !t.Is(i+2, "the") {
				n = 2
			}
		case "as":
			if t.Is(i-1, ",") && t.IsWord(i+1) && !t.Is(i+1, "well") && !t.Is(i+1, "such") && !t.Is(i+1, "of") && !t.Is(i+1, "in") {
				n = 1
			}
		case "for":
			if qualities[t.Low(i+1)] || (t.Is(i+1, "lower") || t.Is(i+1, "better") || t.Is(i+1, "higher") || t.Is(i+1, "easier") || t.Is(i+1, "faster") || t.Is(i+1, "low") || t.Is(i+1, "high")) && qualities[t.Low(i+2)] {
				n = 1
			}
		case "favours", "favors", "favour", "favor", "prioritises", "prioritizes", "prefers", "chooses":
			if qualities[t.Low(i+1)] || t.Is(i+1, "availability") {
				n = 1
			}
		case "at":
			if t.Is(i+1, "the") && t.Is(i+2, "cost") && t.Is(i+3, "of") {
				n = 4
			}
		case "given":
			n = 1
		case "acceptable", "tolerable", "harmless", "fine", "ok", "okay":
			if t.Is(i+1, "because") || t.Is(i+1, "since") || t.Is(i+1, "as") {
				n = 2
			}
		}
		if n == 0 {
			continue
		}
		found = i
		if r.aboutData(i+n, to) {
			return i, true
		}
	}
	return found, false
}

// definitional words describe what a model guarantees, in the abstract:
// a clause made only of them restates the model and gives no reason.
var definitional = map[string]bool{
	"a": true, "an": true, "the": true, "is": true, "are": true, "be": true, "it": true, "its": true, "their": true,
	"read": true, "reads": true, "write": true, "writes": true, "written": true, "see": true, "sees": true, "seen": true,
	"return": true, "returns": true, "latest": true, "last": true, "most": true, "recent": true, "acknowledged": true,
	"committed": true, "always": true, "every": true, "each": true, "all": true, "any": true, "client": true, "clients": true,
	"user": true, "users": true, "reader": true, "readers": true, "own": true, "value": true, "values": true, "data": true,
	"replica": true, "replicas": true, "node": true, "nodes": true, "that": true, "which": true, "of": true, "to": true,
	"on": true, "in": true, "from": true, "after": true, "before": true, "will": true, "can": true, "never": true,
	"consistent": true, "consistency": true, "version": true, "state": true, "same": true, "order": false,
	"up": true, "date": true, "current": true, "new": true, "newest": true, "and": true, "or": true,
}

// aboutData reports whether the clause in [from, to) speaks of the data
// or the people using it, not only of reads and writes in general ("a read
// always sees the last acknowledged write" defines strong consistency).
func (r *consistencyReader) aboutData(from, to int) bool {
	t := r.t
	words := 0
	for i := from; i < to; i++ {
		if !t.IsWord(i) {
			continue
		}
		words++
		if !definitional[t.Low(i)] {
			return true
		}
	}
	return false
}

// mechanismWords say how a model is provided, not why it fits.
var mechanismWords = map[string]bool{
	"async": true, "asynchronous": true, "asynchronously": true, "replication": true, "replicated": true,
	"sticky": true, "routing": true, "via": true, "ttl": true, "quorum": true, "raft": true, "paxos": true,
}

// planWords defer the question instead of answering it.
var planWords = map[string]bool{
	"revisit": true, "later": true, "might": true, "tbd": true, "decide": true, "todo": true,
}

// pointer reports "see ADR-12", "see the design doc", "see above": a
// reason given elsewhere.
func (r *consistencyReader) pointer(i int) bool {
	t := r.t
	if !t.Is(i, "see") {
		return false
	}
	j := i + 1
	if t.Is(j, "the") || t.Is(j, "our") {
		j++
	}
	switch t.Low(min(j, len(t.Tokens)-1)) {
	case "above", "below", "section", "adr", "rfc", "doc", "docs", "appendix", "§", "design", "runbook", "wiki", "decision":
		return true
	}
	s := t.Str(min(i+1, len(t.Tokens)-1))
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// clauseReason reports whether the clause after a colon, dash or
// semicolon gives a reason: it speaks of the data in a few words, and is
// neither a plan, a pointer, a mechanism nor a definition of the model.
func (r *consistencyReader) clauseReason(from, to int) bool {
	t := r.t
	words, mechanism := 0, 0
	for i := from; i < to; i++ {
		l := t.Low(i)
		if strings.HasSuffix(l, "'ll") || strings.HasSuffix(l, "’ll") || planWords[l] || r.pointer(i) {
			return false
		}
		if t.IsWord(i) {
			words++
			if mechanismWords[l] {
				mechanism++
			}
		}
	}
	if words < 3 || mechanism > 0 && words < 6 {
		return false
	}
	return r.aboutData(from, to)
}

// parenReason reports an aside that gives a reason: "(we need exactly-once
// balance updates)", "(it's a bank)". A technology, a mechanism or the
// source of staleness in parentheses is no reason.
func (r *consistencyReader) parenReason(from, to int) bool {
	t := r.t
	if t.Is(from, "it's") || t.Is(from, "it’s") || t.Is(from, "it") && t.Is(from+1, "is") || t.Is(from, "this") && t.Is(from+1, "is") {
		return true
	}
	_, ok := r.connective(from, to)
	return ok
}

// whyLabel reports a unit that opens with a label of reasons: "Why:",
// "Reason:", "Rationale —".
func (r *consistencyReader) whyLabel(from, to int) bool {
	t := r.t
	i := from
	for i < to && (t.Is(i, "-") || t.Is(i, "*") || t.Is(i, "_")) {
		i++
	}
	switch t.Low(i) {
	case "why", "reason", "reasons", "rationale", "justification", "because":
		return to-i > 3
	}
	return false
}

// stakeWords say what goes wrong, or why it does not matter: the words of
// a reason given in a sentence of its own.
var stakeWords = map[string]bool{
	"must": true, "never": true, "cannot": true, "can't": true, "lost": true, "lose": true, "losing": true,
	"duplicate": true, "duplicated": true, "twice": true, "double": true, "wrong": true, "harm": true,
	"harmless": true, "fine": true, "acceptable": true, "tolerable": true, "tolerate": true, "tolerates": true,
	"noticing": true, "notice": true, "nobody": true, "matter": true, "matters": true, "worse": true,
	"better": true, "risk": true, "refund": true, "oversell": true, "oversold": true, "because": true,
	"since": true, "otherwise": true, "money": true, "cheap": true, "approximate": true,
}

// stakes reports a sentence that says what is at stake, or that staleness
// does not matter, and defers nothing.
func (r *consistencyReader) stakes(from, to int) bool {
	t := r.t
	seen := false
	for i := from; i < to; i++ {
		l := t.Low(i)
		if strings.HasSuffix(l, "'ll") || strings.HasSuffix(l, "’ll") || planWords[l] || r.pointer(i) {
			return false
		}
		if stakeWords[l] || l == "can" && (t.Is(i+1, "lag") || t.Is(i+1, "be") && staleWords[t.Low(i+2)]) {
			seen = true
		}
	}
	return seen
}
