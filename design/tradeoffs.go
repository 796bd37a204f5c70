package design

import (
	"strings"
)

// This file reads the trade-offs a document argues outside a section of
// its own: sentences that weigh a choice ("we chose X over Y because…",
// "at the cost of…", "however, it doubles the memory"), pros-and-cons
// lists ("Cons: one more service to run") and tables that set options
// against each other. A sentence that only names the topic ("we should
// discuss the trade-offs", "what are the alternatives?") is a mention, not
// a trade-off.
//
// A sentence is scanned once for the phrases of tradeoffPhrases (in
// tradeoffwords.go, with the classes and the patterns); each
// phrase sets the word classes it belongs to, and a sentence states a
// trade-off when the classes it holds satisfy one of tradeoffPatterns.

// statesTradeoff reports whether a sentence (in lower case) states a
// trade-off, and by which pattern.
func statesTradeoff(l string) (string, bool) {
	return matchTradeoff(sentenceClasses(l))
}

// matchTradeoff reports the first pattern the classes of a sentence
// satisfy.
func matchTradeoff(c wordClass) (string, bool) {
	for _, p := range tradeoffPatterns {
		if c&p.all == p.all && c&p.none == 0 && (p.any == 0 || c&p.any != 0) {
			return p.name, true
		}
	}
	return "", false
}

// phrasesByByte indexes tradeoffPhrases by their first byte.
var phrasesByByte = func() *[256][]string {
	var idx [256][]string
	for p := range tradeoffPhrases {
		idx[p[0]] = append(idx[p[0]], p)
	}
	return &idx
}()

// sentenceClasses scans a lower-case sentence once and returns the
// classes of the phrases it holds. A few classes depend on order within a
// clause (a comma, semicolon or colon ends one): a cost verb, a growth
// verb or "makes" waits for what it adds, multiplies or worsens, and "if"
// or "when" opens a condition.
func sentenceClasses(l string) wordClass {
	var c wordClass
	if strings.HasSuffix(strings.TrimRight(l, " )*_\"'”"), "?") {
		c |= cQuestion
	}
	start := strings.TrimLeft(l, " *_-•–")
	for _, v := range instructions {
		if strings.HasPrefix(start, v) {
			c |= cPointer
		}
	}
	if strings.HasPrefix(start, "why ") && !whyAsksAbout(start[4:]) {
		c |= cWhy
		if j := strings.IndexByte(start, ':'); j > 0 && wordCount(start[j:]) >= 2 {
			c |= cAnswered
		}
	}
	var costVerb, growVerb, makes, cond bool
	word := false
	for i := 0; i < len(l); i++ {
		b := l[i]
		switch b {
		case ',', ';', ':':
			costVerb, growVerb, makes, cond = false, false, false, false
		}
		if !word {
			var k wordClass
			for _, p := range phrasesByByte[b] {
				if len(l)-i >= len(p) && l[i:i+len(p)] == p {
					pk := tradeoffPhrases[p]
					if pk&cTradeWord != 0 && namesTradeoff(l[:i], l[i+len(p):]) {
						pk |= cNamed
					}
					if pk&deniable != 0 && deniedWord(l[:i]) {
						pk &^= deniable
					}
					k |= pk
				}
			}
			if k != 0 {
				c |= clauseClasses(k, &costVerb, &growVerb, &makes, &cond)
			}
		}
		word = isWordByte(b) || b == '\''
	}
	return c
}

// clauseClasses returns the classes of the phrases k found at one place in
// a clause, given what came before them in it, and updates that.
func clauseClasses(k wordClass, costVerb, growVerb, makes, cond *bool) wordClass {
	if k&cRelief != 0 {
		*costVerb, *growVerb, *makes = false, false, false
	}
	if *cond {
		// "when adding a dependency", "if the key does not exist": the
		// case handled, not what the choice costs.
		k &^= cLimit | cPlainCost | cCostNoun | cResource
	}
	if k&cNeedless != 0 {
		k &^= cLimit | cPlainCost
	}
	if k&cCostNoun != 0 && (*costVerb || k&cCostVerb != 0) {
		k |= cAddsCost
	}
	if k&cResource != 0 && *growVerb {
		k |= cGrows
	}
	if k&cPlainCost != 0 && k&cHarder == 0 && *makes {
		k |= cMakesWorse
	}
	if k&cMakes != 0 {
		*makes = true
	}
	if k&cCostVerb != 0 {
		*costVerb = true
	}
	if k&cGrowVerb != 0 {
		*growVerb = true
	}
	if k&cIf != 0 {
		*cond = true
	}
	return k
}

// whyAsksAbout reports whether the words after a "why" ask about a state
// of things ("why is the feed slow?") rather than a choice ("why Redis?",
// "why not a queue?").
func whyAsksAbout(rest string) bool {
	for _, aux := range []string{"is ", "are ", "was ", "were ", "does ", "do ", "did ", "can ", "could ",
		"would ", "should ", "has ", "have ", "will ", "might ", "must ", "it ", "this "} {
		if strings.HasPrefix(rest, aux) {
			return true
		}
	}
	return false
}

// namesTradeoff reports whether the word "trade-off", between before and
// after, names one the sentence states: with a determiner in the few
// words before it ("the trade-off", "a space-time trade-off", "this
// trade-off") or with what it is after it ("trade-offs: …", "trade-off
// between", "trade-offs of", "trade-off is").
func namesTradeoff(before, after string) bool {
	after = strings.TrimPrefix(after, "s")
	for _, a := range []string{":", " is ", " are ", " was ", " were ", " between ", " of ", " here", " we ", " —", " -"} {
		if strings.HasPrefix(after, a) {
			return true
		}
	}
	end := len(before)
	for n := 0; n < 4; n++ {
		for end > 0 && (before[end-1] == ' ' || before[end-1] == '-') {
			end--
		}
		start := end
		for start > 0 && isWordByte(before[start-1]) {
			start--
		}
		if start == end {
			return false // punctuation: the clause starts here
		}
		switch before[start:end] {
		case "the", "a", "an", "this", "that", "these", "those", "one", "main", "key", "biggest", "our":
			return true
		}
		end = start
	}
	return false
}

// deniedWord reports whether the word just before the end of l takes
// back what follows: "no trade-off", "without a downside".
func deniedWord(l string) bool {
	l = strings.TrimRight(l, " ")
	for trimmed := true; trimmed; {
		trimmed = false
		for _, a := range []string{" a", " an", " the", " any", " much", " real"} {
			if strings.HasSuffix(l, a) {
				l, trimmed = l[:len(l)-len(a)], true
			}
		}
	}
	i := len(l)
	for i > 0 && isWordByte(l[i-1]) {
		i--
	}
	switch l[i:] {
	case "no", "not", "without", "never", "nor", "little", "minimal", "negligible":
		return true
	}
	return false
}

// mayStateTradeoff is a quick test, on raw source, for a block that may
// hold a sentence statesTradeoff accepts: the stem of one of the phrases
// every pattern needs, at the start of a word. It reads the bytes once.
func mayStateTradeoff(raw []byte) bool {
	for i := 0; i+4 <= len(raw); i++ {
		if i > 0 && isWordByte(raw[i-1]) || !stemStarts[raw[i]|0x20] {
			continue
		}
		var k [4]byte
		for j := range k {
			k[j] = raw[i+j] | 0x20
		}
		if quickStems[string(k[:])] {
			return true
		}
	}
	return false
}

// quickStems are the stems of the phrases at least one of which every
// pattern needs: its named trade-off, price, drawback, cost verb, growth
// verb, "makes", acceptance, concession, "but", option set aside, choice,
// alternative, comparison, switch or size. A phrase's stem is the first
// four bytes of its longest word ("at the cost of": "cost"), so that the
// test is not passed by every "the" and "we"; stemStarts are their first
// bytes.
var quickStems, stemStarts = func() (map[string]bool, *[256]bool) {
	m := map[string]bool{}
	var starts [256]bool
	for p, k := range tradeoffPhrases {
		if k&(cNamed|cTradeWord|cPrice|cDrawback|cCostVerb|cGrowVerb|cConcession|cBut|cInstead|cChose|cAlternative|cCompare|cSwitch|cBySize|cMakes|cAccept|cVersus) == 0 {
			continue
		}
		if st := phraseStem(p); st != "" {
			m[st] = true
			starts[st[0]] = true
		}
	}
	// A rationale needs no phrase, only a sentence that starts "why".
	m["why "], starts['w'] = true, true
	return m, &starts
}()

// phraseStem returns the four bytes of a phrase from the start of its
// longest word, or "" for a phrase too short to have a stem.
func phraseStem(p string) string {
	best, bestLen := -1, 0
	for i := 0; i < len(p); {
		if !isWordByte(p[i]) {
			i++
			continue
		}
		j := i
		for j < len(p) && isWordByte(p[j]) {
			j++
		}
		if j-i > bestLen {
			best, bestLen = i, j-i
		}
		i = j
	}
	if best < 0 || best+4 > len(p) {
		return ""
	}
	return p[best : best+4]
}

// tradeoffsInProse keeps, for a document without a trade-offs section,
// what it argues elsewhere: the sentences that state a trade-off, and the
// tables that weigh options.
func (r *mdReader) tradeoffsInProse() {
	if r.d.HasContent(SectionTradeoffs) {
		return
	}
	for i, f := range r.texts {
		t := f.String()
		if !mayStateTradeoff([]byte(t)) {
			continue
		}
		if isBareLabel(t) {
			// "**Cons:**" over a list: a trade-off when something is
			// written under it.
			if i+1 < len(r.texts) && r.follows(f, r.texts[i+1]) {
				if _, ok := statesTradeoff(f.Lower()); ok {
					r.d.TradeOffs = append(r.d.TradeOffs, Item{Text: strings.TrimSpace(t), Span: r.fullSpan(f)})
				}
			}
			continue
		}
		r.tradeoffSentences(f, t)
	}
	r.d.TradeOffs = append(r.d.TradeOffs, r.weighed...)
}

// isBareLabel reports a text that is only a label: "Pros:", "Trade-offs:".
func isBareLabel(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasSuffix(t, ":") && wordCount(t) <= 3
}

// follows reports whether text g starts within two lines of the end of f.
func (r *mdReader) follows(f, g *flat) bool {
	end, start := r.fullSpan(f).End.Line, r.fullSpan(g).Start.Line
	return start > end-1 && start <= end+2
}

// tradeoffSentences keeps the sentences of a text that state a trade-off.
// A question and the sentence that answers it are read as one when each
// holds part of what a pattern needs ("Add a second region? Twice the
// replication traffic." but not "Any trade-offs? None yet."); a sentence of fewer
// than three words is a label or a title, not an argument.
func (r *mdReader) tradeoffSentences(f *flat, t string) {
	l := f.Lower()
	rs := sentenceRanges(t)
	for i := 0; i < len(rs); i++ {
		rg := rs[i]
		s := t[rg[0]:rg[1]]
		if _, slots := stripSlots(s); slots > 0 {
			// "Bad, because {negative consequence}": a template's prompt.
			continue
		}
		c := sentenceClasses(l[rg[0]:rg[1]])
		if c&cQuestion != 0 && i+1 < len(rs) {
			next := sentenceClasses(l[rs[i+1][0]:rs[i+1][1]])
			_, asked := matchTradeoff(c &^ cQuestion)
			_, answered := matchTradeoff(next)
			if next&cQuestion == 0 && !asked && !answered {
				if _, ok := matchTradeoff(sentenceClasses(l[rg[0]:rs[i+1][1]]) | cAnswered); ok {
					rg[1] = rs[i+1][1]
					r.d.TradeOffs = append(r.d.TradeOffs, Item{Text: t[rg[0]:rg[1]], Span: r.textSpan(f, rg[0], rg[1])})
					i++
					continue
				}
			}
		}
		if wordCount(s) < 3 {
			continue
		}
		if _, ok := matchTradeoff(c); ok {
			r.d.TradeOffs = append(r.d.TradeOffs, Item{Text: s, Span: r.textSpan(f, rg[0], rg[1])})
		}
	}
}

// weighsOptions reports whether a table sets options against each other:
// pros and cons columns ("Option | Pros | Cons"), options down its first
// column weighed on two or more columns ("Approach | Latency | Cost"), or
// criteria down its first column with two or more options across
// ("Factor | SQL | NoSQL"). cols are the normalised header cells.
func weighsOptions(cols []string, rows [][]*flat) bool {
	if len(rows) == 0 || len(cols) < 2 {
		return false
	}
	filled := false
	for _, row := range rows {
		for _, c := range row {
			if s := strings.TrimSpace(c.String()); s != "" && !isPlaceholder(s) {
				filled = true
			}
		}
	}
	if !filled {
		return false
	}
	var pro, con, good, bad bool
	for _, c := range cols {
		switch c {
		case "pros", "pro", "advantages", "benefits", "strengths", "upsides":
			pro = true
		case "cons", "con", "disadvantages", "drawbacks", "weaknesses", "downsides", "trade offs", "tradeoffs", "trade off", "tradeoff":
			con = true
		case "good":
			good = true
		case "bad":
			bad = true
		}
		if strings.Contains(c, " vs ") || strings.Contains(c, " versus ") {
			return true
		}
	}
	if con || pro && bad || good && bad {
		return true
	}
	if len(cols) < 3 || len(rows) < 2 {
		return false
	}
	switch cols[0] {
	case "option", "options", "approach", "approaches", "alternative", "alternatives", "algorithm",
		"algorithms", "strategy", "strategies", "choice", "choices", "candidate", "candidates",
		"solution", "solutions", "technique", "techniques":
		return true
	case "factor", "factors", "criterion", "criteria", "aspect", "aspects", "dimension", "dimensions",
		"consideration", "considerations", "comparison":
		// Criteria down the side weigh options across, not a figure and
		// its notes ("Factor | Value | Source").
		for _, c := range cols[1:] {
			switch c {
			case "value", "values", "estimate", "estimates", "target", "result", "unit", "units",
				"notes", "note", "source", "sources", "description", "details", "comment", "comments":
				return false
			}
		}
		return true
	}
	return false
}

// weighedTable remembers a table that weighs options, as a trade-off.
func (r *mdReader) weighedTable(cols []string, header []*flat, rows [][]*flat, sp Span) {
	if !weighsOptions(cols, rows) {
		return
	}
	names := make([]string, 0, len(header))
	for _, h := range header {
		if s := strings.TrimSpace(h.String()); s != "" {
			names = append(names, s)
		}
	}
	r.weighed = append(r.weighed, Item{Text: strings.Join(names, " | "), Span: sp})
}
