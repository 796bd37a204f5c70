package design

// The vocabulary of the trade-off reader (tradeoffs.go): the classes of
// words a sentence that weighs a choice is made of, the phrases of each
// class, and the patterns of classes that state a trade-off.

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
	"the price we pay": cPrice, "the price for": cPrice, "the price of this": cPrice, "the price here": cPrice, "the catch is": cPrice, "we give up": cPrice, "giving up": cPrice,
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
	"stale": cLimit | cPlainCost, "staleness": cLimit | cPlainCost | cCostNoun, "delay": cLimit | cPlainCost,
	"inconsisten": cLimit | cPlainCost | cCostNoun, "bottleneck": cLimit | cPlainCost | cCostNoun,
	"single point of failure": cLimit | cPlainCost | cCostNoun, "contention": cCostNoun | cPlainCost,
	"coupling": cCostNoun, "moving parts": cCostNoun, "failure mode": cCostNoun, "load on": cCostNoun,
	"limited by":  cLimit | cPlainCost,
	"inefficient": cLimit | cPlainCost, "less efficient": cLimit | cPlainCost,
	"risk": cLimit | cPlainCost | cCostNoun,
	// An option set aside, and who sets it aside.
	"instead of": cInstead, "instead,": cInstead, "rather than": cInstead, "in favour of": cInstead,
	"in favor of": cInstead,
	"we could":    cChooser, "we can": cChooser, "we should": cChooser, "we would": cChooser,
	"we will": cChooser, "we'd": cChooser, "we'll": cChooser, "we use": cChooser, "we keep": cChooser,
	"could use": cChooser, "can use": cChooser, "should use": cChooser, "would use": cChooser,
	"prefer": cChooser, "better": cChooser,
	// A choice with its reason or its loser.
	"we chose": cChose, "choosing ": cChose, "opting for": cChose, "we choose": cChose, "we picked": cChose, "we pick ": cChose, "we prefer": cChose,
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
	"we can tolerate": cAccept, "is fine for": cAccept, "is fine here": cAccept, "is fine because": cAccept, "is fine since": cAccept,
	"are fine": cAccept, "is okay": cAccept, "is ok ": cAccept, "worth it": cAccept,
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
