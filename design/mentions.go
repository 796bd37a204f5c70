package design

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Components are named in sentences as often as under headings: "we use
// Redis for sessions", "RabbitMQ was picked for the job queue", "photos
// are stored in S3", "Thread Table uses MySQL", "we are storing the video
// id in a message queue". This file reads those mentions: a sentence is
// cut into words, the words that name a product or a kind of store are
// found, and small patterns decide what each names (the store a product
// is used as, the store a list of examples stands for) and whether the
// design uses it at all: a product the sentence sets aside ("instead of
// Cassandra", "we are not bound to a columnar store like Cassandra"), one
// it only weighs ("Redis or Memcached", "we should also consider a NoSQL
// database"), or a client library ("redis-py", "the Kafka client") is
// not a component of the design.

// mentionWord is a word or a punctuation mark of a sentence, with its byte
// span.
type mentionWord struct {
	text, low  string
	start, end int
	punct      bool
	upper      bool // starts with a capital letter
}

// eachMentionWord cuts a sentence into words and punctuation, yielding
// each until yield says stop. Hyphens, dots and underscores inside a word
// keep it whole ("redis-py", "node.js", "us-east-1"), so that a product
// glued to another word is not the product.
func eachMentionWord(s string, yield func(mentionWord) bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n
					continue
				}
				if (r2 == '-' || r2 == '.' || r2 == '_' || r2 == '\'' || r2 == '’') && j+n < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r3) || unicode.IsDigit(r3) {
						j += n
						continue
					}
				}
				break
			}
			if !yield(mentionWord{text: s[i:j], low: lower(s[i:j]), start: i, end: j, upper: unicode.IsUpper(r)}) {
				return
			}
			i = j
		case strings.HasPrefix(s[i:], "->") || strings.HasPrefix(s[i:], "=>"):
			if !yield(mentionWord{text: "→", low: "→", start: i, end: i + 2, punct: true}) {
				return
			}
			i += 2
		case strings.ContainsRune(",;:()[]/→!?.-—–=", r):
			if !yield(mentionWord{text: s[i : i+size], low: s[i : i+size], start: i, end: i + size, punct: true}) {
				return
			}
			i += size
		default:
			i += size
		}
	}
}

// scanMentionWords returns the words of s (see eachMentionWord).
func scanMentionWords(s string) []mentionWord {
	var out []mentionWord
	eachMentionWord(s, func(w mentionWord) bool {
		out = append(out, w)
		return true
	})
	return out
}

// mention is a component a sentence names.
type mention struct {
	name, tech string
	kind       ComponentKind
	// start and end are the byte span of the words that name it.
	start, end int
	// generic is set for a store named only by its kind ("the
	// database"), which stands for the design's one store of that kind.
	generic bool
	// tentative is set for a name in a sentence that only weighs it
	// ("we could use Redis"): it adds to a component named elsewhere
	// but makes none.
	tentative bool
}

// mentionsIn reads the components a sentence names. generics says whether
// stores named only by their kind count (in a section about the
// architecture, where "the queue" is the design's).
func mentionsIn(s string, generics bool) []mention {
	ws := scanMentionWords(s)
	var out []mention
	used := make([]bool, len(ws))
	add := func(m mention) {
		for i, o := range out {
			if o.start == m.start || o.generic && m.generic && o.kind == m.kind {
				if out[i].tech == "" {
					out[i].tech = m.tech
				}
				return
			}
		}
		out = append(out, m)
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w.punct || used[i] {
			continue
		}
		switch {
		case isProduct(w.low) && !libraryWords[wordAt(ws, i+1)] && (w.upper || !commonWords[w.low]):
			if m, ok := productMention(ws, i, used); ok {
				m.tentative = tentative(ws, i)
				add(m)
			}
		case isStoreHead(ws, i) && !isHeadModifier(ws, i):
			if m, ok := storeMention(ws, i, used, generics); ok {
				m.tentative = tentative(ws, i)
				add(m)
			}
		}
	}
	return out
}

// wordAt returns the lower-case word at i, or "" for punctuation and
// past either end.
func wordAt(ws []mentionWord, i int) string {
	if i < 0 || i >= len(ws) || ws[i].punct {
		return ""
	}
	return ws[i].low
}

// lowAt returns the lower-case word or mark at i, or "" past either end.
func lowAt(ws []mentionWord, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i].low
}

// isHeadModifier reports a store noun that modifies the next word rather
// than ending a name: "cache miss", "database schema", "queue length".
func isHeadModifier(ws []mentionWord, i int) bool {
	return storeTopics[wordAt(ws, i+1)]
}

// setAsideBefore reports whether a word of the clause before ws[i], at
// most n words back, sets the name aside, or the name stands in a choice
// not made ("if we decide to use an SQL database, Amazon RDS would do").
func setAsideBefore(ws []mentionWord, i, n int) bool {
scan:
	for k := i - 1; k >= 0 && n > 0; k-- {
		w := ws[k]
		if w.punct {
			switch w.low {
			case "(", ")", "/":
				continue
			case ",":
				// "not Redis, Memcached or Kafka" goes on through the
				// list; "Since it is not relational, a NoSQL store"
				// ends a clause at the comma.
				if listed(ws, k-1) {
					continue
				}
			}
			break scan
		}
		if setAside[w.low] {
			return true
		}
		n--
	}
	return hypothetical(ws, i)
}

// maxIfWords bounds the look back for an "if" that opens a choice.
const maxIfWords = 16

// hypothetical reports whether an "if" followed by a choice verb stands
// before ws[i] in its sentence: "if we do decide to use an SQL database
// then we can use something like …".
func hypothetical(ws []mentionWord, i int) bool {
	choice := false
	for k := i - 1; k >= 0 && k >= i-maxIfWords; k-- {
		switch ws[k].low {
		case ".", ";", "!", "?", ":":
			return false
		case "if":
			return choice
		}
		choice = choice || choiceVerbs[ws[k].low]
	}
	return false
}

// alternatives reports whether the name from i to j is one of a list of
// choices: "Redis or Memcached", "PostgreSQL, MySQL, or Oracle". The list
// is looked at for a few words either way.
func alternatives(ws []mentionWord, i, j int) bool {
	for k := j; k < len(ws) && k < j+maxListWords; k++ {
		switch lowAt(ws, k) {
		case "etc":
			return true
		case "or", "nor":
			// "Redis or Memcached", not "the Trie Cache or falls back
			// to …": another option follows.
			if n := wordAt(ws, k+1); listed(ws, k+1) || listAdjectives[n] || determiners[n] {
				return true
			}
			return false
		case ",", "and":
			continue
		}
		if !listed(ws, k) {
			break
		}
	}
	for k := i - 1; k >= 0 && k > i-maxListWords; k-- {
		switch lowAt(ws, k) {
		case "or", "nor":
			return true
		case ",":
			continue
		}
		if !listed(ws, k) && !listAdjectives[wordAt(ws, k)] {
			break
		}
	}
	return false
}

// maxClauseWords bounds the look back for a modal verb.
const maxClauseWords = 24

// tentative reports whether a modal verb stands before the words at i in
// their sentence, or right after them ("MySQL would also work").
func tentative(ws []mentionWord, i int) bool {
	for k := i + 1; k < len(ws) && k <= i+2; k++ {
		if modalWords[ws[k].low] {
			return true
		}
		if ws[k].punct {
			break
		}
	}
	for k := i - 1; k >= 0 && k >= i-maxClauseWords; k-- {
		switch ws[k].low {
		case ".", ";", "!", "?", ":":
			return false
		}
		if modalWords[ws[k].low] {
			return true
		}
	}
	return false
}

// maxListWords bounds the look at a list of choices.
const maxListWords = 12

// listed reports a word that may stand in a list of products or stores:
// a product, a vendor, an article or a store noun and its qualifiers.
func listed(ws []mentionWord, k int) bool {
	w := wordAt(ws, k)
	return w != "" && (isProduct(w) || vendorWords[w] || w == "a" || w == "an" || w == "the" || storeHeads[w] != "" ||
		ws[k].upper && !nameModifiers[w])
}

// productMention reads a product named at i: the store it is used as, when
// the sentence says ("MariaDB for the metadata store", "Thread Table uses
// MySQL", "a NoSQL store like DynamoDB"), else the product itself.
func productMention(ws []mentionWord, i int, used []bool) (mention, bool) {
	start := i
	if i > 0 && vendorWords[wordAt(ws, i-1)] {
		start = i - 1
	}
	used[i] = true
	if builtOn(ws, start) {
		// "built on top of Apache Lucene": a part of another product.
		return mention{}, false
	}
	m := mention{name: ws[i].text, tech: ws[i].text, kind: kindWords[ws[i].low], start: ws[start].start, end: ws[i].end}
	// Examples of a store named just before: "a NoSQL store like
	// DynamoDB", "(BLOB storage), like S3". The other examples listed
	// after it are the same store's.
	if h, at, ok := exampleOf(ws, start); ok {
		markList(ws, i+1, used)
		if setAsideBefore(ws, at, 6) {
			return mention{}, false
		}
		if alternatives(ws, at, at) {
			return genericOf(h), true
		}
		if role, ok := roleBefore(ws, at); ok {
			h = role
		}
		if !storeSide(ws, i) {
			h.tech = m.tech
		}
		return h, true
	}
	if setAsideBefore(ws, start, 6) {
		return mention{}, false
	}
	if alternatives(ws, start, i+1) {
		// "Redis or Memcached": a cache, the product not chosen yet.
		markList(ws, i+1, used)
		return genericOf(m), m.kind != ""
	}
	// "MariaDB for the metadata store", "Kafka as the event bus".
	if role, ok := roleAfter(ws, i+1); ok {
		role.tech = m.tech
		return role, true
	}
	// "Thread Table uses MySQL", "paste content is stored in S3".
	if role, ok := roleBefore(ws, start); ok {
		role.tech = m.tech
		return role, true
	}
	// "Session cache: Memcached", "Job queue - SQS", "a chunk cache
	// (Memcached)".
	if role, ok := labelRole(ws, start); ok {
		role.tech = m.tech
		return role, true
	}
	if role, ok := parenRole(ws, start); ok {
		role.tech = m.tech
		return role, true
	}
	// "a Redis seat-hold cache": the product names the store after it.
	if e, ok := storeAfter(ws, i+1); ok {
		used[e] = true
		if e > i+1 {
			s, _ := storeName(ws, e)
			if s.start > ws[i].start {
				s.tech = m.tech
				return s, true
			}
		}
		m.kind = storeHeads[ws[e].low]
		m.end = ws[e].end
	}
	return m, true
}

// storeAfter finds a store noun that ends the words right after a
// product: "Redis cache", "Redis seat-hold cache".
func storeAfter(ws []mentionWord, j int) (int, bool) {
	for e := j; e < len(ws) && e < j+3; e++ {
		if ws[e].punct || nameModifiers[ws[e].low] || isProduct(ws[e].low) {
			return 0, false
		}
		if isStoreHead(ws, e) {
			return e, !isHeadModifier(ws, e)
		}
	}
	return 0, false
}

// builtOn reports a product named as what another is made of: "built on
// top of Lucene", "based on RocksDB", "powered by Redis".
func builtOn(ws []mentionWord, i int) bool {
	switch a, b := wordAt(ws, i-1), wordAt(ws, i-2); {
	case a == "of" && b == "top", a == "on" && (b == "built" || b == "based"), a == "by" && b == "powered":
		return true
	}
	return false
}

// markList marks the rest of a list of products from k as read.
func markList(ws []mentionWord, k int, used []bool) {
	for ; k < len(ws) && (listed(ws, k) || lowAt(ws, k) == "," || lowAt(ws, k) == "or" || lowAt(ws, k) == "and"); k++ {
		used[k] = true
	}
}

// storeSide reports whether the product at i is one of several examples
// ("such as DynamoDB, Cassandra, or MongoDB"): none of them is the
// store's technology then.
func storeSide(ws []mentionWord, i int) bool {
	return alternatives(ws, i, i+1)
}

// genericOf is the store a mention stands for when its product is not
// chosen: named by its kind.
func genericOf(m mention) mention {
	return mention{name: kindName(m.kind), kind: m.kind, start: m.start, end: m.end, generic: true}
}

// kindName names a generic component of a kind.
func kindName(k ComponentKind) string {
	switch k {
	case KindDatabase:
		return "Database"
	case KindCache:
		return "Cache"
	case KindQueue:
		return "Queue"
	case KindObjectStore:
		return "Object store"
	case KindSearch:
		return "Search index"
	case KindLoadBalancer:
		return "Load balancer"
	case KindCDN:
		return "CDN"
	case KindGateway:
		return "Gateway"
	case KindWorker:
		return "Worker"
	case KindExternal:
		return "External service"
	}
	return "Service"
}

// exampleOf reads "<store> such as|like|e.g. <product>": the store the
// product is an example of, and the index of its first word.
func exampleOf(ws []mentionWord, i int) (mention, int, bool) {
	k := i - 1
	for k >= 0 && (lowAt(ws, k) == "," || lowAt(ws, k) == "(") {
		k--
	}
	switch {
	case exampleWords[wordAt(ws, k)]:
		k--
	case wordAt(ws, k) == "as" && wordAt(ws, k-1) == "such":
		k -= 2
	case wordAt(ws, k) == "example" && wordAt(ws, k-1) == "for":
		k -= 2
	default:
		return mention{}, 0, false
	}
	for k >= 0 && (lowAt(ws, k) == "," || lowAt(ws, k) == ")") {
		k--
	}
	// "the Search Cluster (ie Lucene)": a kind word and a container noun.
	if k > 0 && containerNouns[wordAt(ws, k)] && StatefulKind(kindWords[wordAt(ws, k-1)]) {
		name := joinWords(ws, k-1, k+1)
		return mention{name: name, kind: kindWords[wordAt(ws, k-1)], start: ws[k-1].start, end: ws[k].end}, k - 1, true
	}
	if k < 0 || !isStoreHead(ws, k) {
		return mention{}, 0, false
	}
	m, at := storeName(ws, k)
	return m, at, true
}

// roleAfter reads "(was picked) for|as (the|a|our) <store>" after a
// product.
func roleAfter(ws []mentionWord, j int) (mention, bool) {
	for k := j; k < j+2 && (beWords[wordAt(ws, k)] || pickWords[wordAt(ws, k)]); k++ {
		if pickWords[wordAt(ws, k)] {
			j = k + 1
		}
	}
	if w := wordAt(ws, j); w != "for" && w != "as" {
		return mention{}, false
	}
	k := j + 1
	for nameModifiers[wordAt(ws, k)] && k < j+3 {
		k++
	}
	// the store noun ends the name within three words
	for e := k; e < len(ws) && e < k+3 && !ws[e].punct; e++ {
		if isStoreHead(ws, e) && !isHeadModifier(ws, e) {
			m, _ := storeName(ws, e)
			return m, true
		}
	}
	return mention{}, false
}

// labelRole reads a store's name that labels the product after it:
// "Session cache: Memcached". The label opens its sentence or item.
func labelRole(ws []mentionWord, i int) (mention, bool) {
	switch lowAt(ws, i-1) {
	case ":", "-", "—", "–", "=":
	default:
		return mention{}, false
	}
	k := i - 2
	if !isStoreHead(ws, k) || isHeadModifier(ws, k) {
		return mention{}, false
	}
	// "Database: PostgreSQL" in a list of the stack labels by kind: the
	// store stays the design's one database.
	m, at := storeName(ws, k)
	return m, opensSentence(ws, at)
}

// parenRole reads a store's name with its product in parentheses after
// it: "the chunk cache (Memcached)".
func parenRole(ws []mentionWord, i int) (mention, bool) {
	if lowAt(ws, i-1) != "(" || lowAt(ws, i+1) != ")" {
		return mention{}, false
	}
	k := i - 2
	if !isStoreHead(ws, k) || isHeadModifier(ws, k) {
		return mention{}, false
	}
	m, _ := storeName(ws, k)
	return m, true
}

// roleBefore reads "<store> (is|are|could be) stored in|uses <product>"
// before the words at i.
func roleBefore(ws []mentionWord, i int) (mention, bool) {
	k := i - 1
	switch lowAt(ws, k) {
	case "in", "on", "into", "to", "with", "by":
		k--
	}
	switch wordAt(ws, k) {
	case "is", "are", "use", "uses", "using", "stored", "kept", "persisted", "saved", "hosted", "lives", "live", "backed",
		"written", "goes", "go", "sits", "held":
	default:
		return mention{}, false
	}
	k--
	for k >= 0 && !ws[k].punct && (ws[k].low == "be" || ws[k].low == "is" || ws[k].low == "are" ||
		ws[k].low == "can" || ws[k].low == "could" || ws[k].low == "will" || ws[k].low == "should" || ws[k].low == "would") {
		k--
	}
	if k < 0 || !isStoreHead(ws, k) || isHeadModifier(ws, k) {
		return mention{}, false
	}
	m, _ := storeName(ws, k)
	return m, !m.generic
}

// isStoreHead reports whether the word at k ends a store's name: a store
// noun ("queue", "DB"), a camel-case name ending in one ("VideoDB"), or
// "index" after a word saying it is a search index.
func isStoreHead(ws []mentionWord, k int) bool {
	if k < 0 || k >= len(ws) || ws[k].punct {
		return false
	}
	switch w := ws[k].low; {
	case w == "index":
		switch wordAt(ws, k-1) {
		case "search", "inverted", "reverse", "full-text", "text":
			return true
		}
		return false
	case w == "store" || w == "stores":
		return storeNoun(ws, k)
	case notServerSide[wordAt(ws, k-1)]:
		// "the browser cache", "a priority queue": not a box of the
		// design's servers.
		return false
	case storeHeads[w] != "":
		return true
	}
	return camelStore(ws[k].text) != ""
}

// storeNoun tells "store" the noun ("a metadata store", "the Session
// Store", "key-value store") from the verb ("we store", "to store", "don't
// store", "Store the file"): the noun follows a determiner, possibly
// through its qualifiers, or a word that qualifies stores, or stands in a
// capitalised name.
func storeNoun(ws []mentionWord, k int) bool {
	p := wordAt(ws, k-1)
	switch {
	case p == "" || shopWords[p]:
		return false
	case determiners[p] || storeQualifiers[p]:
		return true
	case nameModifiers[p] || dataVerbs[p] || setAside[p]:
		return false
	case ws[k].upper && ws[k-1].upper:
		return true
	}
	return determiners[wordAt(ws, k-2)] || storeQualifiers[wordAt(ws, k-2)]
}

// camelStore returns the kind of a name written as one camel-case word
// that ends in a store noun ("VideoDB", "FileStorage"), or "".
func camelStore(s string) ComponentKind {
	// the last part of a camel-case word starts at its last capital
	// after a small letter ("VideoDB": "DB"); splitCamel's parts, without
	// splitting the many words that have none
	last := -1
	prevLower := false
	for i, r := range s {
		if unicode.IsUpper(r) && prevLower {
			last = i
		}
		prevLower = unicode.IsLower(r)
	}
	if last <= 0 {
		return ""
	}
	return storeHeads[lower(s[last:])]
}

// storeName reads the name a store noun at k ends: the words before it
// that are not the sentence's ("Videos DB", "metadata store", "key-value
// NoSQL Database"); generic when no word qualifies the noun. It returns
// the index of the name's first word too.
func storeName(ws []mentionWord, k int) (mention, int) {
	start := k
	for start > 0 && k-start < 3 {
		w := ws[start-1]
		if w.punct || nameModifiers[w.low] || setAside[w.low] || dataVerbs[w.low] || isProduct(w.low) && storeHeads[w.low] == "" && !ws[k].upper {
			break
		}
		// "a managed Object Store": a capitalised name is its
		// capitalised words.
		if ws[k].upper && !w.upper {
			break
		}
		start--
	}
	name := joinWords(ws, start, k+1)
	kind := storeHeads[ws[k].low]
	if kind == "" {
		kind = camelStore(ws[k].text)
	}
	if ws[k].low == "index" {
		kind = KindSearch
	}
	if k2 := inferKind(name, ""); k2 != "" && ws[k].low != "table" {
		kind = k2
	}
	generic := start == k && camelStore(ws[k].text) == ""
	return mention{name: name, kind: kind, start: ws[start].start, end: ws[k].end, generic: generic}, start
}

// joinWords joins the words from i to j with single spaces.
func joinWords(ws []mentionWord, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(ws[k].text)
	}
	return b.String()
}

// storeMention reads a store named by its kind in a sentence that moves
// data in or out of it ("storing the id in message queue", "saves the
// location to the DB") or by a proper name ("the Videos DB").
func storeMention(ws []mentionWord, k int, used []bool, generics bool) (mention, bool) {
	if ws[k].low == "table" {
		// A table is part of a database; it is a component only where
		// the sentence puts it in a store of its own ("Thread Table uses
		// MySQL").
		return mention{}, false
	}
	m, start := storeName(ws, k)
	if setAsideBefore(ws, start, 6) || wordAt(ws, k+1) == "such" || wordAt(ws, k+1) == "like" {
		return mention{}, false
	}
	if m.generic && (ws[k].low == "storage" || ws[k].low == "store" || ws[k].low == "stores") {
		// "save storage", "storage grows": the resource, not a store;
		// "the store" alone may be a shop.
		return mention{}, false
	}
	used[k] = true
	if alternatives(ws, start, k+1) {
		return genericOf(m), m.kind != "" && generics
	}
	// A capitalised name is a proper name wherever it stands: "the
	// Videos DB", "VideoDB".
	if !m.generic && ws[start].upper && (ws[k].upper || start < k && allUpper(ws, start, k) && !opensSentence(ws, start)) {
		return m, true
	}
	if !generics {
		return mention{}, false
	}
	// Otherwise a data verb leads to it within a few words. A name in
	// lower case describes the store rather than naming it ("the event
	// queue", "the video queue"): it stands for the design's store of
	// that kind, as a bare "the queue" does.
	for b := start - 1; b >= 0 && b >= start-8; b-- {
		if ws[b].punct && ws[b].low != "," {
			break
		}
		if dataVerbs[ws[b].low] {
			m.generic = true
			return m, true
		}
	}
	return mention{}, false
}

// opensSentence reports a word that starts its sentence, where a capital
// says nothing of a proper name.
func opensSentence(ws []mentionWord, i int) bool {
	switch lowAt(ws, i-1) {
	case "", ".", "!", "?", ":", ";":
		return true
	}
	return false
}

// allUpper reports whether the words from i to j start with capitals.
func allUpper(ws []mentionWord, i, j int) bool {
	for k := i; k < j; k++ {
		if !ws[k].upper {
			return false
		}
	}
	return true
}

// maxAsideBytes bounds the text around a bold name that weighedBold
// reads.
const maxAsideBytes = 160

// weighedBold reports whether the bold name from byte from to byte to of
// s is set aside or one of a list of examples ("a store with fast writes
// such as a **NoSQL database** or **Memory Cache**").
func weighedBold(s string, from, to int) bool {
	lo, hi := max(0, from-maxAsideBytes), min(len(s), to+maxAsideBytes)
	ws := scanMentionWords(s[lo:hi])
	i, j := -1, -1
	for k, w := range ws {
		if i < 0 && w.start >= from-lo {
			i = k
		}
		if w.end <= to-lo {
			j = k + 1
		}
	}
	if i < 0 || j <= i {
		return false
	}
	if setAsideBefore(ws, i, 6) {
		return true
	}
	if !alternatives(ws, i, j) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if exampleWords[ws[k].low] || ws[k].low == "as" && wordAt(ws, k-1) == "such" {
			return true
		}
	}
	return false
}

// namesProduct is a quick test for text worth reading for components
// where nothing else is read: does a word of it name a product?
func namesProduct(s []byte) bool {
	return anyWord(s, func(w string) bool { return isProduct(w) })
}

// mayNameComponent is a quick test for mentionsIn: does a word of s name
// a product or a store, or end in a store noun ("VideoDB")?
func mayNameComponent(s string) bool {
	return anyWord([]byte(s), func(w string) bool {
		if storeHeads[w] != "" || isProduct(w) {
			return true
		}
		// the heads are "db", "store", "storage", "cache" and "queue":
		// their last letters tell which to try
		if n := len(w); n >= 2 {
			switch w[n-1] {
			case 'b', 'e':
				for _, l := range [...]int{2, 5, 7} {
					if l <= n && camelHeads[w[n-l:]] {
						return true
					}
				}
			}
		}
		return false
	})
}

// anyWord reports whether f holds for a word of s in lower case, without
// allocating for each word.
func anyWord(s []byte, f func(string) bool) bool {
	var buf [24]byte
	for i := 0; i < len(s); {
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && (isWordByte(s[j]) || s[j] == '-' && j+1 < len(s) && isWordByte(s[j+1])) {
			j++
		}
		if n := j - i; n >= 2 && n <= len(buf) {
			for k := 0; k < n; k++ {
				c := s[i+k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			if f(string(buf[:n])) {
				return true
			}
		}
		i = j
	}
	return false
}
