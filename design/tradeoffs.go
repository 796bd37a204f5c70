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
// A sentence is scanned once for the phrases of tradeoffPhrases; each
// phrase sets the word classes it belongs to, and a sentence states a
// trade-off when the classes it holds satisfy one of tradeoffPatterns.

// wordClass is a set of the classes of phrases a sentence holds.
type wordClass uint64

const (
	// cNamed names the trade-off itself: "the trade-off is".
	cNamed wordClass = 1 << iota
	// cPrice states what a choice costs: "at the cost of".
	cPrice
	// cDrawback names a drawback or a pro/con: "the downside", "cons:".
	cDrawback
	// cCostVerb adds or brings something: "adds", "introduces".
	cCostVerb
	// cCostNoun is what a choice may add: "complexity", "an extra hop".
	cCostNoun
	// cGrowVerb multiplies something: "doubles", "triples".
	cGrowVerb
	// cResource is what a choice may multiply: "memory", "storage".
	cResource
	// cConcession turns an argument: "however", "although".
	cConcession
	// cBut is the weaker turn "but", which needs a plain cost after it.
	cBut
	// cLimit is a limitation after a concession: "does not", "slower".
	cLimit
	// cPlainCost is a cost that needs no negation: "slower", "latency".
	cPlainCost
	// cInstead sets one option aside: "instead of", "rather than".
	cInstead
	// cChooser is someone choosing or a modal: "we", "could", "use".
	cChooser
	// cChose is a choice made: "we chose", "was chosen".
	cChose
	// cReason gives the choice a reason or a loser: "because", "over".
	cReason
	// cAlternative weighs another option: "alternatively", "another option".
	cAlternative
	// cCompare judges options against each other: "better to".
	cCompare
	// cPointer points elsewhere instead of arguing: "discuss", "refer to".
	cPointer
	// cSwitch moves to another option: "switching to".
	cSwitch
	// cModal weighs what might be: "could", "would", "might".
	cModal
	// cBySize conditions an option on a comparative size: "for smaller
	// lists", "at larger scale".
	cBySize
	// cRelief takes something away: "reduces", "avoids". A cost noun after
	// it is what a choice saves, not what it costs.
	cRelief
	// cIf opens a condition: "if", "when". A limitation inside it is a case
	// the design handles ("if the key does not exist"), not a cost.
	cIf
	// cAddsCost is set when a cost noun follows a cost verb in the same
	// clause, with nothing taken away between: "adds latency", "an extra
	// hop" (but not "adds a cache to reduce latency").
	cAddsCost
	// cGrows is set when a resource follows a growth verb in the same
	// clause: "doubles the memory" (but not "storage doubles every year").
	cGrows
	// cAccept accepts a cost: "which is acceptable", "we can live with".
	cAccept
	// cBetter is what another option would do better: "faster",
	// "simpler".
	cBetter
	// cMakes makes something so: "makes", "making".
	cMakes
	// cMakesWorse is set when a plain cost follows "makes" in the same
	// clause: "which makes deploys slower".
	cMakesWorse
	// cHarder is "harder", which "makes" turns as often on an attacker
	// ("makes the attack harder") as on the design.
	cHarder
	// cTradeWord is the word "trade-off", which names a trade-off only
	// when the sentence states one (namesTradeoff), not in passing
	// ("each has its own trade-offs").
	cTradeWord
	// cWhy starts a sentence that gives a choice's reason: "Why Kafka:
	// …", "Why not a queue? …".
	cWhy
	// cAnswered is set for a "why" that is answered: after a colon in the
	// same sentence, or by the sentence after a question.
	cAnswered
	// cVersus sets two options against each other: "push vs pull".
	cVersus
	// cNeedless is a negation of need or wish ("we don't need"), not a
	// limitation.
	cNeedless
	// cQuestion is set for a sentence that asks.
	cQuestion
)

// tradeoffPhrases maps each phrase (lower case, matched at the start of a
// word) to the classes it belongs to.
var tradeoffPhrases = map[string]wordClass{
	// The trade-off named.
	"trade-off": cTradeWord, "tradeoff": cTradeWord, "trade off": cTradeWord, "trades off": cNamed,
	"we trade ": cNamed, "this trades ": cNamed, "it trades ": cNamed, "which trades ": cNamed,
	// Its price.
	"at the cost of": cPrice, "at the expense of": cPrice, "in exchange for": cPrice,
	"comes at a cost": cPrice, "comes at the cost": cPrice, "comes at a price": cPrice,
	"the price we pay": cPrice, "the catch is": cPrice, "we give up": cPrice, "giving up": cPrice,
	"sacrific": cPrice, "we accept that": cPrice, "we accept the risk": cPrice,
	// Drawbacks, pros and cons.
	"downside": cDrawback, "drawback": cDrawback, "disadvantage": cDrawback, "shortcoming": cDrawback,
	"weakness": cDrawback, "cons:": cDrawback, "con:": cDrawback, "pros:": cDrawback,
	"advantages:": cDrawback, "pros and cons": cDrawback, "good, because": cDrawback,
	"bad, because": cDrawback,
	// What a choice adds, and what it multiplies.
	"add ": cCostVerb, "adds ": cCostVerb, "added ": cCostVerb, "adding ": cCostVerb,
	"introduce": cCostVerb, "incur": cCostVerb, "additional ": cCostVerb, "extra ": cCostVerb,
	"complexity": cCostNoun | cLimit | cPlainCost, "overhead": cCostNoun | cLimit | cPlainCost,
	"latency": cCostNoun, "higher latency": cLimit | cPlainCost, "more latency": cLimit | cPlainCost,
	"more complex": cLimit | cPlainCost, "higher cost": cLimit | cPlainCost, "dependency": cCostNoun, "network hop": cCostNoun,
	"extra hop": cCostNoun, "round trip": cCostNoun, "operational burden": cCostNoun | cPlainCost,
	"maintenance burden": cCostNoun | cPlainCost, "headache": cCostNoun | cPlainCost,
	"write amplification": cCostNoun | cResource | cPlainCost,
	"double":              cGrowVerb, "triple": cGrowVerb,
	"memory": cResource, "storage": cResource, "cost": cResource, "the bill": cResource,
	"disk space": cResource, "writes": cResource,
	// A turn in the argument, and the limitation it brings.
	"however": cConcession, "although": cConcession, "though": cConcession, "on the other hand": cConcession,
	"whereas": cConcession, "unfortunately": cConcession, "the problem with": cConcession,
	"the issue with": cConcession,
	"but ":           cBut,
	"does not":       cLimit, "doesn't": cLimit, "do not": cLimit, "don't": cLimit, "cannot": cLimit,
	"can't": cLimit, "fails to": cLimit, "lacks": cLimit, "lack of": cLimit, "loses": cLimit | cPlainCost,
	"we lose": cLimit | cPlainCost, "you lose": cLimit | cPlainCost, "lose up to": cLimit | cPlainCost,
	"lose at most": cLimit | cPlainCost,
	"not suitable": cLimit, "not ideal": cLimit, "limited": cLimit, "limitation": cLimit | cPlainCost,
	"slower": cLimit | cPlainCost, "more expensive": cLimit | cPlainCost, "expensive": cLimit | cPlainCost,
	"costly": cLimit | cPlainCost, "costlier": cLimit | cPlainCost, "harder": cLimit | cPlainCost | cHarder,
	"issues": cLimit | cPlainCost, "problems": cLimit | cPlainCost, "more memory": cLimit | cPlainCost,
	"more storage": cLimit | cPlainCost, "more space": cLimit | cPlainCost, "waste": cLimit | cPlainCost,
	"stale": cLimit | cPlainCost, "delay": cLimit | cPlainCost, "inconsisten": cLimit | cPlainCost,
	"bottleneck": cLimit | cPlainCost, "single point of failure": cLimit | cPlainCost,
	"inefficient": cLimit | cPlainCost, "less efficient": cLimit | cPlainCost, "risk": cLimit | cPlainCost,
	// An option set aside, and who sets it aside.
	"instead of": cInstead, "instead,": cInstead, "rather than": cInstead, "in favour of": cInstead,
	"in favor of": cInstead,
	"we could":    cChooser, "we can": cChooser, "we should": cChooser, "we would": cChooser,
	"we will": cChooser, "we'd": cChooser, "we'll": cChooser, "we use": cChooser, "we keep": cChooser,
	"could use": cChooser, "can use": cChooser, "should use": cChooser, "would use": cChooser,
	"prefer": cChooser, "better": cChooser,
	// A choice with its reason or its loser.
	"we chose": cChose, "we choose": cChose, "we picked": cChose, "we pick ": cChose, "we prefer": cChose,
	"we opted": cChose, "we went with": cChose, "we selected": cChose, "we settled on": cChose,
	"i chose": cChose, "i picked": cChose, "i went with": cChose, "i opted": cChose, "i settled on": cChose,
	"was chosen": cChose, "is chosen": cChose, "were chosen": cChose, "are chosen": cChose,
	"chosen over": cChose | cReason, "preferred over": cChose | cReason, "picked over": cChose | cReason,
	"over ": cReason, "because": cReason, "since ": cReason, "as it ": cReason, "as they ": cReason,
	"for its ": cReason, "for their ": cReason, "due to": cReason, "given ": cReason, "so that": cReason,
	"to avoid": cReason, "in the face of": cReason, "in the interest of": cReason, "for the sake of": cReason,
	// Another option weighed.
	"alternatively": cAlternative, "as an alternative": cAlternative, "an alternative to": cAlternative,
	"an alternative is": cAlternative, "an alternative would": cAlternative,
	"an alternative approach": cAlternative, "the alternative is": cAlternative,
	"the alternative would": cAlternative, "another option": cAlternative, "another approach": cAlternative,
	"the other option": cAlternative, "one option is": cAlternative, "a simpler option": cAlternative,
	"we considered": cAlternative, "we also considered": cAlternative, "was considered": cAlternative,
	"were considered": cAlternative, "we rejected": cAlternative, "was rejected": cAlternative,
	"ruled out": cAlternative, "decided against": cAlternative,
	"option 1": cAlternative, "option 2": cAlternative, "option 3": cAlternative, "option a:": cAlternative,
	"option b:": cAlternative, "approach 1": cAlternative, "approach 2": cAlternative,
	"vs ": cVersus, "vs. ": cVersus, "versus ": cVersus,
	// Options judged against each other.
	"better to": cCompare, "better than": cCompare, "better suited": cCompare, "better fit": cCompare,
	"more efficient to": cCompare, "more efficient than": cCompare, "cheaper than": cCompare,
	"cheaper to": cCompare, "simpler than": cCompare, "preferable": cCompare, "worse than": cCompare,
	"outweigh": cCompare, "not worth": cCompare, "worth the": cCompare,
	// Pointers to a discussion held elsewhere, or still to be held.
	"discuss": cPointer, "refer to": cPointer, "see the": cPointer, "talking points": cPointer,
	"read more": cPointer, "learn more": cPointer, "more on": cPointer, "covered in": cPointer,
	"will cover": cPointer, "what are": cPointer, "let's talk": cPointer, "evaluat": cPointer,
	"don't need": cNeedless, "do not need": cNeedless, "don't want": cNeedless, "do not want": cNeedless,
	"don't have to": cNeedless, "do not have to": cNeedless,
	// What a choice takes away, and conditions.
	"reduc": cRelief, "lower": cRelief, "cut ": cRelief, "cuts ": cRelief, "improv": cRelief,
	"speed": cRelief, "decreas": cRelief, "minimi": cRelief, "avoid": cRelief, "remov": cRelief,
	"eliminat": cRelief, "hide": cRelief, "hides": cRelief, "mask": cRelief, "absorb": cRelief,
	"shorten": cRelief, "fewer": cRelief, "less ": cRelief, "low ": cRelief, "sav": cRelief,
	"halv": cRelief,
	"if ":  cIf, "when ": cIf, "whenever ": cIf, "unless ": cIf, "whether ": cIf, "until ": cIf,
	// A cost accepted, an option that would do better, and what makes
	// something worse.
	"is acceptable": cAccept, "are acceptable": cAccept, "be acceptable": cAccept, "an acceptable": cAccept,
	"considered acceptable": cAccept, "is tolerable": cAccept, "are tolerable": cAccept, "we can live with": cAccept,
	"we can tolerate": cAccept, "is fine for": cAccept, "worth it": cAccept,
	"faster": cBetter, "cheaper": cBetter, "simpler": cBetter, "easier": cBetter, "quicker": cBetter,
	"more scalable": cBetter, "more reliable": cBetter,
	"makes ": cMakes,
	// Another option moved to, and options sized to the load.
	"switching to": cSwitch, "moving to": cSwitch, "migrating to": cSwitch,
	"could ": cModal, "would ": cModal, "might ": cModal,
	"for smaller": cBySize, "for larger": cBySize, "for bigger": cBySize, "for fewer": cBySize,
	"at smaller": cBySize, "at larger": cBySize,
}

// deniable are the classes a "no", "not", "without" or "little" just
// before the phrase takes back: "no downside", "without a trade-off",
// "little extra overhead", "no issues".
const deniable = cNamed | cDrawback | cAlternative | cCompare | cPrice | cCostVerb | cCostNoun | cLimit | cPlainCost | cMakes

// instructions are the verbs that, starting a sentence, tell the reader
// what to write rather than argue it: "Discuss the trade-offs", "Present
// the advantages and disadvantages".
var instructions = []string{"discuss ", "present ", "describe ", "explain ", "list ", "state ", "mention ",
	"outline ", "identify ", "evaluate ", "weigh ", "think about ", "talk about "}

// tradeoffPattern is one way a sentence states a trade-off: it holds all
// the classes of all, at least one of any (when set), and none of none.
type tradeoffPattern struct {
	name           string
	all, any, none wordClass
}

// tradeoffPatterns are the ways a sentence states a trade-off; their
// examples are in tradeoffs_test.go.
var tradeoffPatterns = []tradeoffPattern{
	// "The trade-off is a second copy of every message."
	{name: "named", all: cNamed, none: cPointer | cQuestion},
	// "…at the cost of a slower first page."
	{name: "price", all: cPrice, none: cQuestion},
	// "Cons: one more service to deploy."
	{name: "drawback", all: cDrawback, none: cPointer | cQuestion},
	// "The outbox adds latency to every write."
	{name: "adds a cost", all: cAddsCost, none: cQuestion},
	// "Keeping both indexes doubles the storage."
	{name: "multiplies a resource", all: cGrows, none: cQuestion},
	// "Using WebSockets keeps state per connection, which makes deploys
	// slower."
	{name: "makes it worse", all: cMakesWorse, none: cQuestion},
	// "A few seconds of stale counts are acceptable."
	{name: "accepted cost", all: cAccept | cPlainCost, none: cQuestion},
	// "Broadcasting the offer would match faster, but two drivers could
	// accept it."
	{name: "counterfactual", all: cModal | cBetter | cBut, none: cPointer | cQuestion},
	// "However, it does not help tenants of different sizes."
	{name: "concession", all: cConcession | cLimit},
	// "Polling is simple but adds up to ten seconds of delay."
	{name: "but a cost", all: cBut | cPlainCost},
	// "Instead of a file server, we could keep pastes in S3."
	{name: "instead", all: cInstead, any: cChooser | cReason},
	// "We chose Postgres over Cassandra because…"
	{name: "choice with a reason", all: cChose | cReason},
	// "Alternatively, the client could split the request."
	{name: "alternative", all: cAlternative, none: cPointer | cQuestion},
	// "It is better to push over a socket than to poll."
	{name: "comparison", all: cCompare, none: cPointer | cQuestion},
	// "Why Kafka: consumers replay a day of events after a bad deploy."
	{name: "rationale", all: cWhy | cAnswered, none: cPointer},
	// "Push vs pull: push is cheaper while followers are few."
	{name: "versus", all: cVersus, any: cBetter | cCompare | cReason | cChose | cChooser, none: cPointer | cQuestion},
	// "Moving to gRPC would halve the payloads."
	{name: "switch", all: cSwitch | cModal, none: cPointer | cQuestion},
	// "For smaller catalogues we could keep the index in memory."
	{name: "option by size", all: cBySize | cChooser, none: cPointer | cQuestion},
}

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
		for _, a := range []string{" a", " an", " any", " much", " real"} {
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
		"solution", "solutions", "technique", "techniques",
		"factor", "factors", "criterion", "criteria", "aspect", "aspects", "dimension", "dimensions",
		"consideration", "considerations", "comparison":
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
