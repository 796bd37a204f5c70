package english

import (
	"fmt"
	"strings"

	"github.com/designlint/designlint/estimate"
)

// clue is everything known around one amount: the concepts of its label,
// its near words on either side, its noun, its sentence, and what the
// sentence structure says.
type clue struct {
	a   *Amount
	ctx *Context
	t   *Text

	label, parent, heading concept
	labelHead              concept
	left, right, noun      concept
	head                   concept // the last word of the noun
	sent, before, subject  concept

	// group holds the concepts of the parenthesised aside the amount is
	// in, if any.
	group    concept
	prevNoun concept
	leftFrom int

	perUser    bool
	operand    bool
	result     bool
	labelled   bool
	first      bool
	elided     bool
	every      bool
	sentPer    estimate.Period
	hasSentPer bool
	prevName   string
	// times multiplies the figure: "10 messages to 4 people".
	times float64
}

// near is everything close to the amount: its label, its noun and the
// words beside it.
func (c *clue) near() concept { return c.label | c.left | c.right | c.noun }

// activity says whether a count is of reads, writes or requests: the verb
// before the figure first ("views 20 photos"), then the head of the noun
// ("paste reads"), then the rest.
func (c *clue) activity() concept {
	const acts = cRead | cWrite | cRequest | cSession
	t := c.t
	a := c.a
	// A label that names what is counted says it first: "Requests per
	// day: 500M page fetches"; its head noun before its other words
	// ("Paste reads": reads of what is written).
	if h := c.labelHead & (cRead | cWrite); c.labelled && h != 0 && h.has(cRead) != h.has(cWrite) {
		return h
	}
	if x := c.label & acts; x != 0 && c.labelled {
		switch {
		case x.has(cRead) && !x.has(cWrite):
			return cRead
		case x.has(cWrite) && !x.has(cRead):
			return cWrite
		case x.has(cRequest):
			return cRequest
		}
	}
	// The nearest verb before the figure, within the clause.
	for i := a.First - 1; i >= max(c.leftFrom, a.First-6); i-- {
		if t.Tokens[i].Kind == Number {
			break
		}
		if t.Tokens[i].Kind == Symbol && (t.Str(i) == "," || t.Str(i) == ";" || t.Str(i) == ":") {
			break
		}
		if !t.IsWord(i) {
			continue
		}
		w := wordConcepts(t.Low(i))
		if w.has(cUser) {
			break
		}
		if w&acts != 0 && !t.Is(i, "request") && !t.Is(i, "requests") && !t.Is(i, "new") {
			if w.has(cRequest) && (c.head | c.noun).has(cRead|cWrite) {
				break
			}
			return w & acts
		}
	}
	if h := c.head & acts; h&(cRead|cWrite) != 0 {
		if h.has(cRead) && h.has(cWrite) {
			return cRead
		}
		return h & (cRead | cWrite)
	}
	if x := c.noun & (cRead | cWrite); x != 0 {
		if x.has(cRead) {
			return cRead
		}
		return x
	}
	if c.head&acts != 0 {
		return c.head & acts
	}
	if x := c.noun & acts; x != 0 {
		if x.has(cRead) {
			return cRead
		}
		return x
	}
	if x := c.label & acts; x != 0 {
		switch {
		case x.has(cRead) && !x.has(cWrite):
			return cRead
		case x.has(cWrite) && !x.has(cRead):
			return cWrite
		}
		return cRequest
	}
	if x := c.right & acts; x != 0 {
		return x
	}
	if x := c.parent & acts; x != 0 {
		return x
	}
	return 0
}

// kindPrefix maps an activity to the name prefix.
func activityName(act concept) (perDay, tps string) {
	switch {
	case act.has(cRead) && !act.has(cWrite):
		return "reads", "avg_read_tps"
	case act.has(cWrite) && !act.has(cRead):
		return "writes", "avg_write_tps"
	}
	return "requests", "avg_tps"
}

// name picks the canonical name for the amount, or says why there is none.
// A label that names a figure outright ("DAU", "Write size") wins over
// what the value looks like, so that "DAU: 10 GB" is reported as a value
// that does not fit rather than read as something else.
func (c *clue) name() (string, string) {
	name, why := c.nameByValue()
	if ln := c.labelName(); ln != "" && ln != name && c.labelled && !c.elided {
		n, _ := estimate.Lookup(ln)
		m, ok := estimate.Lookup(name)
		if name == "" || ok && m.Dim != n.Dim && !(n.PerDay && m.PerDay) {
			return ln, ""
		}
	}
	return name, why
}

// bytesByContext reads a figure with a bare scale letter as bytes where
// its words speak of data, storage or memory: "Memory for cache: 40G",
// "Incoming data: 20k/s", "Storage for 5 years: 3T".
func (c *clue) bytesByContext() {
	a := c.a
	t := c.t
	if a.Unit != "" || !a.Scaled || a.Dim != estimate.Count && a.Dim != estimate.Rate || a.Num+1 >= len(t.Tokens) ||
		a.Noun[1] > a.Noun[0] {
		// "20k ops/s" counts operations
		return
	}
	if s := t.Str(a.Num + 1); len(s) != 1 || t.Tokens[a.Num+1].Space || !strings.ContainsAny(s, "kKmMgGtTpP") {
		return
	}
	own := c.label | c.left | c.noun
	// ("needed" speaks of storage only with a storage word)
	if !own.has(cData|cMemory|cBandwidth|cCache) && !(own.has(cStorage) && !own.has(cResult)) ||
		own.has(cUser|cRequest|cRead|cWrite|cSession|cMoney) {
		return
	}
	if a.Dim == estimate.Rate {
		a.Dim = estimate.ByteRate
	} else {
		a.Dim = estimate.Bytes
	}
	a.Unit = "B"
}

// labelName is the figure a label names by itself, whatever its value.
func (c *clue) labelName() string {
	l := c.label
	switch {
	case l.has(cDAU) && !l.has(cRequest|cRead|cWrite|cSession|cEach|cSize):
		return "dau"
	case l.has(cMAU) && !l.has(cRequest|cRead|cWrite|cSession|cEach|cSize):
		return "mau"
	case l.has(cSize) && !l.has(cStorage|cMemory|cCache|cTotal|cDaily|cMonthly|cYearly|cUser|cField):
		if l.has(cResponse|cRead) && !l.has(cWrite) {
			return "read_size"
		}
		return "write_size"
	case l.has(cRetention) && !l.has(cStorage|cCache|cNotInput):
		return "retention"
	case l.has(cReplication) && l.has(cFactor):
		return "replication_factor"
	case l.has(cPeak) && l.has(cFactor):
		return "peak_factor"
	case l.has(cAvail) && !l.has(cNotInput):
		return "availability"
	}
	return ""
}

// nameByValue names the amount by its dimension and the words around it.
func (c *clue) nameByValue() (string, string) {
	c.bytesByContext()
	a := c.a
	near := c.near()
	all := near | c.parent | c.subject
	switch {
	case c.label.has(cMoney) || c.left.has(cMoney) || all.has(cCost) && a.Dim != estimate.Ratio:
		return "", "money"
	case a.Dim == estimate.Count && a.Bare && a.Value >= 1900 && a.Value <= 2100 && a.Value == float64(int(a.Value)):
		return "", "a year"
	}
	switch a.Dim {
	case estimate.Percent, estimate.Ratio:
		return c.nameRatio()
	case estimate.Bytes:
		return c.nameBytes()
	case estimate.ByteRate:
		return c.nameByteRate()
	case estimate.Duration:
		return c.nameDuration()
	case estimate.Rate:
		return c.nameRate()
	case estimate.Count:
		if a.Bare && c.label.has(cRatio|cFactor|cUtil|cHot|cReplication) && !c.label.has(cUser|cServer) {
			// "Write ratio: 1.0", "Peak/avg: 5", "Replication factor: 3"
			if name, why := c.nameRatio(); name != "" {
				return name, why
			}
		}
		return c.nameCount()
	}
	return "", ""
}

func (c *clue) nameRatio() (string, string) {
	a := c.a
	near := c.near()
	local := c.label | c.left | c.right | c.noun
	if a.Unit == "nines" || local.has(cAvail) || c.label.has(cAvail) {
		if a.Dim == estimate.Percent && a.Value > 0.5 && a.Value < 1 {
			return "availability", ""
		}
	}
	if a.Pair {
		return c.namePair()
	}
	if (local | c.subject).has(cLimit) {
		return "", "a limit, not a load"
	}
	switch {
	case local.has(cPeak) && (a.Multiple || a.Dim == estimate.Percent && a.Value > 1 || c.label.has(cPeak) || local.has(cFactor|cAverage)):
		if near.has(cCost | cMoney) {
			return "", "a cost factor"
		}
		return "peak_factor", ""
	case local.has(cReplication) && (a.Multiple || !a.Bare || c.label.has(cReplication)) && a.Value >= 1 && a.Value <= 10:
		return "replication_factor", ""
	case a.Multiple:
		return "", "a multiple of nothing designlint estimates"
	}
	if a.Dim != estimate.Percent && !(a.Value < 1 && a.Value > 0) {
		return "", ""
	}
	switch {
	case local.has(cUtil):
		return "target_utilization", ""
	case local.has(cCache|cHot) && hasWordIn(c.t, c.a.Last, min(c.a.Last+4, len(c.t.Tokens)), "miss", "misses", "hit", "hits"):
		// "a 100% page cache miss rate", "90% cache hits": how the cache
		// fares, not the share of data it holds
		return "", "a cache's hit or miss rate"
	case local.has(cCache|cHot) && !c.noun.has(cUser) && !near.has(cNotInput):
		return "cache_hot_fraction", ""
	case local.has(cAvail) && a.Value > 0.5:
		return "availability", ""
	case c.noun.has(cUser) || c.right.has(cUser) && !c.right.has(cRequest|cTraffic):
		return "", "a share of users"
	}
	// "10% of requests are writes", "95% of traffic is reads", "at most
	// 2% of calls mutate state", "a tenth of the traffic".
	if (local | c.subject | c.prevNoun).has(cRequest|cTraffic) || c.label.has(cRatio) && c.label.has(cWrite|cRead) {
		if near.has(cNotInput | cKey) {
			return "", ""
		}
		w, r := (c.right | c.label).has(cWrite), (c.right | c.label).has(cRead)
		if c.subject.has(cWrite) && !c.subject.has(cRead) {
			w, r = true, false
		}
		if c.subject.has(cRead) && !c.subject.has(cWrite) && !w {
			w, r = false, true
		}
		switch {
		case w && !r:
			return "write_ratio", ""
		case r && !w:
			return "write_ratio:complement", ""
		case c.label.has(cWrite) && c.label.has(cRatio):
			return "write_ratio", ""
		}
	}
	return "", ""
}

// namePair names "100:1", "10 to 1", "70/30", "1 in 20".
func (c *clue) namePair() (string, string) {
	a := c.a
	t := c.t
	local := c.label | c.left | c.right | c.noun | c.subject
	// "- Read-write ratio" over "- 100:1": a bare ratio takes its terms
	// from the item it stands under
	fromParent := !local.has(cRead|cWrite) && a.First == 0 && a.Last == len(t.Tokens) && c.parent.has(cRead|cWrite) && c.parent.has(cRatio)
	if fromParent {
		local |= c.parent
	}
	if a.A == 1 && a.B > 1 && (t.Is(a.Num+1, "/") || t.Is(a.Num+1, "in")) && a.Last < len(t.Tokens) {
		// "1/250 upload a video", "1 in 5 users post": the share of
		// users who do it, each day
		k := a.Last
		switch {
		case t.Is(k, "users"):
			k++
		case t.Is(k, "of") && t.Is(k+1, "users"):
			k += 2
		}
		if w := wordConcepts(t.Low(min(k, len(t.Tokens)-1))); t.IsWord(k) && w.has(cRead) != w.has(cWrite) && !w.has(cRequest) {
			a.Dim = estimate.Count
			if w.has(cWrite) {
				return "writes_per_user_per_day", ""
			}
			return "reads_per_user_per_day", ""
		}
	}
	if !local.has(cRead|cWrite) || local.has(cNotInput|cUser) && !local.has(cRead) {
		if a.A < a.B && a.A == 1 && local.has(cWrite|cRequest) {
			return "write_ratio", ""
		}
		return "", "a ratio of things designlint does not estimate"
	}
	// Which term comes first: "read:write", "reads outnumber writes",
	// "write:read", "Reads and writes are split 70/30".
	// The words right after the ratio name its terms ("10:1 read:write
	// ratio"); failing them, the words of its clause, in order ("reads
	// outnumber writes 10 to 1").
	readFirst := true
	from := max(0, a.First-12)
	if c.labelled && c.label != 0 {
		from = 0
	}
	order := func(i int) (bool, bool) {
		if !t.IsWord(i) {
			return false, false
		}
		w := wordConcepts(t.Low(i))
		if w.has(cRead) && !w.has(cWrite) {
			return true, true
		}
		if w.has(cWrite) && !w.has(cRead) {
			return false, true
		}
		return false, false
	}
	found := false
	for i := a.Last; i < min(len(t.Tokens), a.Last+6) && !found; i++ {
		t.steps++
		if t.Is(i, ",") || t.Is(i, ";") || t.Is(i, ".") || t.Is(i, "and") {
			break
		}
		readFirst, found = order(i)
	}
	for i := from; i < a.First && !found; i++ {
		t.steps++
		readFirst, found = order(i)
	}
	if !found && fromParent {
		pt := Lex(c.ctx.Parent)
		for i := 0; i < len(pt.Tokens) && !found; i++ {
			if pt.IsWord(i) {
				w := wordConcepts(pt.Low(i))
				if w.has(cRead) != w.has(cWrite) {
					readFirst, found = w.has(cRead), true
				}
			}
		}
		t.steps += int64(len(pt.Tokens))
	}
	if !found {
		readFirst = true
	}
	if a.A+a.B == 100 && a.A != 1 && t.Str(a.Num+1) == "/" {
		// a split: the second share is the other activity
		if readFirst {
			return "write_ratio:split", ""
		}
		return "write_ratio:splitfirst", ""
	}
	if a.A == 1 && a.B > 1 && t.Is(a.Num+1, "in") {
		if readFirst && local.has(cRead) && !local.has(cWrite) {
			return "", ""
		}
		return "write_ratio", ""
	}
	if readFirst {
		return "read_write_ratio", ""
	}
	return "read_write_ratio:inverse", ""
}

// hasWordIn reports one of words among tokens from..to of t (to < 0: all).
func hasWordIn(t *Text, from, to int, words ...string) bool {
	if to < 0 || to > len(t.Tokens) {
		to = len(t.Tokens)
	}
	for i := max(from, 0); i < to; i++ {
		if !t.IsWord(i) {
			continue
		}
		w := t.Low(i)
		for _, x := range words {
			if w == x {
				return true
			}
		}
	}
	return false
}

// perServerLabel reports a label that divides by a node: "Memory per
// shard", "Storage / node".
func perServerLabel(label string) bool {
	t := Lex(label)
	for i := 0; i+1 < len(t.Tokens); i++ {
		if (t.Is(i, "per") || t.Is(i, "/")) && t.IsWord(i+1) && nodeWord(t.Low(i+1)) {
			return true
		}
	}
	return false
}

// nodeWord reports a word for one node of a cluster.
func nodeWord(w string) bool {
	switch w {
	case "shard", "shards", "partition", "partitions", "replica", "replicas":
		return true
	}
	return wordConcepts(w).has(cServer)
}

func (c *clue) nameBytes() (string, string) {
	a := c.a
	local := c.label | c.left | c.right | c.noun
	// What the figure is said to be of: its label, the words before it,
	// its noun ("4 TB of NVMe"), the subject of the sentence.
	own := c.label | c.left | c.noun | c.subject
	switch {
	case own.has(cHardware) && !own.has(cCache) || own.has(cField) && !c.label.has(cTotal) || c.label.has(cField):
		return "", "hardware or a field's size"
	case own.has(cLimit) || a.Hedge == AtMost && c.ctx.Where == InFunctional:
		return "", "a limit, not a typical size"
	case own.has(cNotInput|cKey) && !own.has(cStorage|cSize|cMemory):
		return "", ""
	case c.left.has(cEach) && c.left.has(cServer) && !own.has(cCache|cMemory):
		return "", "per-node capacity"
	case a.PerWhat >= 0 && nodeWord(c.t.Low(a.PerWhat)), c.labelled && perServerLabel(c.ctx.Label):
		// "Memory per shard: 50 MB", "50 MB/shard": one node's share
		return "", "one node's share"
	}
	if a.AmbigB && !local.has(cSize|cStorage|cMemory|cResponse) {
		// "50B" is 50 bytes only where a size is meant.
		return "", ""
	}
	if (local | c.heading).has(cMemory | cCache) {
		if !c.left.has(cEach) && a.PerWhat < 0 {
			return "cache_memory", ""
		}
	}
	// ("stored size per web page": what is kept, though a page is
	// also what a reader loads)
	read := local.has(cResponse) && !c.label.has(cStorage) || c.left.has(cRead) && !c.left.has(cWrite) ||
		c.labelled && c.label.has(cRead|cResponse) && !c.label.has(cWrite) && !c.label.has(cStorage) ||
		a.PerWhat >= 0 && wordConcepts(c.t.Low(a.PerWhat)).has(cRead)
	switch {
	case a.HasPer || a.Horizon > 0 || c.result || c.label.has(cYearly|cDaily|cMonthly|cStorage|cTotal) && !c.parent.has(cSize) && !c.label.has(cSize|cMean|cEach) ||
		c.labelHead.has(cStorage) && !c.labelHead.has(cSize|cMean|cEach) ||
		c.head.has(cStorage) && !c.head.has(cSize|cMean|cEach) && !c.left.has(cEach) ||
		c.left.has(cResult|cTotal|cStorage|cRetention) && !c.left.has(cEach):
		return c.storageName()
	case read:
		return "read_size", ""
	case c.left.has(cEach) || a.PerWhat >= 0 || local.has(cSize|cMean) || c.parent.has(cSize) || c.labelled:
		return "write_size", ""
	case local.has(cStorage | cData):
		return c.storageName()
	case c.ctx.Where == InEstimates:
		return "write_size", ""
	}
	return "", ""
}

// storageName names a volume of data by its period or horizon.
func (c *clue) storageName() (string, string) {
	a := c.a
	lab := c.label | c.left | c.right
	if a.Horizon > 0 || !a.HasPer && c.horizonInLabel() > 0 {
		return "storage_total", ""
	}
	switch {
	case a.HasPer && a.Per <= estimate.PerMonth || !a.HasPer && lab.has(cDaily|cMonthly) && a.Horizon == 0:
		return "storage_per_day", ""
	case a.HasPer && a.Per == estimate.PerYear || !a.HasPer && lab.has(cYearly) && a.Horizon == 0 && !lab.has(cTotal):
		return "storage_per_year", ""
	}
	return "storage_total", ""
}

func (c *clue) nameByteRate() (string, string) {
	near := c.near() | c.parent | c.heading
	switch {
	case near.has(cHardware|cLimit) && !near.has(cBandwidth):
		return "", "a limit or hardware"
	}
	name := "ingress_bandwidth"
	if !near.has(cIn) && near.has(cOut|cRead|cResponse) && !near.has(cWrite) {
		name = "egress_bandwidth"
	}
	// "Maximum incoming data: 48 MB/s": the most the load reaches
	if (c.label | c.left).has(cPeak) || c.label.has(cMax) && !c.label.has(cMean) {
		name = "peak_" + name
	}
	return name, ""
}

func (c *clue) nameDuration() (string, string) {
	a := c.a
	near := c.near()
	local := c.label | c.left | c.right | c.noun
	switch {
	case (near | c.subject).has(cNotInput|cTime) && !c.label.has(cRetention):
		return "", "an interval, a timeout or a lag"
	case c.left.has(cOther | cHistory):
		return "", ""
	}
	if (local | c.subject).has(cSession) && (c.right.has(cEach) || local.has(cSession|cMean)) && a.Value <= 24*3600 {
		return "minutes_per_session", ""
	}
	if local.has(cRetention) || c.label.has(cRetention) || (c.sent.has(cStorage|cRetention) && c.left.has(cStorage|cRetention) && a.Value >= 7*86400) {
		if near.has(cLimit|cMin) && !c.label.has(cRetention) || c.left.has(cLimit|cMin) {
			return "", "a legal or contractual floor"
		}
		if near.has(cCache) {
			return "", "a cache TTL"
		}
		return "retention", ""
	}
	if a.Value >= 365*86400 && (c.sent.has(cStorage) || c.heading.has(cStorage)) && !c.sent.has(cLatency) {
		// "How much storage we need for 10 years", "for 10 years we will
		// require 38 PB": the horizon of the storage estimate.
		return "retention:horizon", ""
	}
	if local.has(cLatency) || (local|c.subject).has(cRequest) && c.left.has(cLatency) {
		switch {
		case near.has(cPercentile|cMax|cMedian) || c.sent.has(cPercentile) && !local.has(cMean):
			return "", "a percentile or maximum, not the mean latency"
		case c.ctx.Where == InRequirements && !local.has(cMean):
			return "", "a latency target"
		case c.left.has(cNotInput):
			return "", ""
		}
		return "latency", ""
	}
	return "", ""
}

func (c *clue) nameRate() (string, string) {
	a := c.a
	near := c.near()
	local := c.label | c.left | c.right | c.noun
	switch {
	case near.has(cLimit) || c.sent.has(cLimit) && !c.labelled:
		return "", "a limit, not a load"
	case near.has(cNotInput) && !near.has(cRequest|cRead|cWrite|cQueue),
		(c.left | c.subject).has(cNotInput) && !c.noun.has(cRequest|cRead|cWrite):
		// "Health checks run every 10 s"
		return "", ""
	case c.left.has(cOther | cHistory):
		return "", ""
	}
	perSecond := a.Per <= estimate.PerHour && !a.Every
	if c.noun.has(cUser) && !c.perUser && !c.noun.has(cEach) {
		// "10M users a day" are daily users.
		switch {
		case a.Per == estimate.PerDay:
			return "dau", ""
		case a.Per == estimate.PerMonth:
			return "mau", ""
		}
		return "", ""
	}
	// Queues.
	if (local | c.subject).has(cQueue|cProducer|cConsumer) && !c.perUser {
		switch {
		case (c.left | c.label | c.noun).has(cConsumer) && !c.label.has(cProducer):
			return "queue_service_rate", ""
		case perSecond || (local | c.subject).has(cProducer|cQueue):
			return "queue_arrival_rate", ""
		}
	}
	// Sessions: "open the app 3 times a day", "4 requests per minute while
	// open".
	if c.perUser || c.label.has(cSession) {
		if (c.noun | c.label).has(cSession) || c.subject.has(cSession) && c.subject.has(cApp) && c.isTimes() {
			return "sessions_per_user_per_day", ""
		}
		if a.Per == estimate.PerMinute && (c.sent | c.label).has(cSession|cApp) {
			return "requests_per_minute", ""
		}
	}
	act := c.activity()
	if c.perUser && !(perSecond && (c.isCapacity() || (local | c.subject).has(cServer))) {
		if act == 0 && !c.isTimes() {
			return "", "a per-user figure of something designlint does not estimate"
		}
		if act == 0 {
			act = cRequest
		}
		day, _ := activityName(act)
		return day + "_per_user_per_day", ""
	}
	// One server's capacity: "each app server handles 1,000 RPS".
	if perSecond && c.isCapacity() {
		return "server_capacity_tps", ""
	}
	if perSecond {
		_, tps := activityName(act)
		// A rate the requirements ask the system to handle is its peak.
		if (local|c.heading).has(cPeak) && !c.left.has(cMean) || c.ctx.Where == InRequirements && !local.has(cMean) {
			switch tps {
			case "avg_read_tps":
				return "peak_read_tps", ""
			case "avg_write_tps":
				return "peak_write_tps", ""
			}
			return "peak_tps", ""
		}
		// "24000 QPS": the unit says requests
		if act == 0 && !(local | c.parent | c.heading).has(cRequest|cTraffic) && !wordConcepts(strings.ToLower(a.Unit)).has(cRequest) {
			return "", ""
		}
		return tps, ""
	}
	// A day's volume: "100 million new URLs per month".
	if act == 0 {
		return "", "a volume of something designlint does not estimate"
	}
	if (local | c.subject).has(cPeak) {
		return "", "a peak volume"
	}
	day, _ := activityName(act)
	return day + "_per_day", ""
}

// isTimes reports a figure counted in times ("3 times a day").
func (c *clue) isTimes() bool {
	t := c.t
	for i := c.a.Noun[0]; i < c.a.Noun[1]; i++ {
		if t.Is(i, "times") || t.Is(i, "time") {
			return true
		}
	}
	return c.a.Multiple || c.t.Is(c.a.Num, "once") || c.t.Is(c.a.Num, "twice")
}

// isCapacity reports one server's throughput: "each web server handles",
// "a single node can serve", "throughput per server", "2k QPS per
// instance".
func (c *clue) isCapacity() bool {
	t := c.t
	if c.a.PerWhat >= 0 && wordConcepts(t.Low(c.a.PerWhat)).has(cServer) {
		return true
	}
	if c.label.has(cServer) && c.label.has(cCapacity|cEach) {
		return true
	}
	if c.label.has(cCapacity) && !c.label.has(cBandwidth) {
		return true
	}
	sub := c.subject | c.left | c.prevNoun
	if sub.has(cCapacity) && (sub.has(cServer) || serverWordIn(t, c.a.First-8, c.a.First)) {
		return true
	}
	if c.left.has(cCapacity) && (t.perOneIn(max(0, c.a.First-8), c.a.First)) {
		return true
	}
	return false
}

// serverWordIn reports a word naming a machine ("pageserver", "c6g.xlarge")
// among tokens [from, to).
func serverWordIn(t *Text, from, to int) bool {
	for i := max(0, from); i < to && i < len(t.Tokens); i++ {
		t.steps++
		if t.IsWord(i) && (hasSuffix(t.Low(i), "server") || hasSuffix(t.Low(i), "servers") || hasSuffix(t.Low(i), "node")) {
			return true
		}
	}
	return false
}

// perOneIn reports "a", "one", "each" or "single" naming one thing among
// tokens [from, to): "A c6g.xlarge handles", "One primary sustains".
func (t *Text) perOneIn(from, to int) bool {
	for i := max(0, from); i < to && i < len(t.Tokens); i++ {
		t.steps++
		switch t.Low(i) {
		case "a", "an", "one", "each", "single", "every":
			return true
		}
	}
	return false
}

func (c *clue) nameCount() (string, string) {
	a := c.a
	near := c.near()
	local := c.label | c.left | c.right | c.noun
	switch {
	case near.has(cConcurrent):
		return "", "concurrent users are neither daily nor total users"
	case near.has(cLimit) && !c.label.has(cUser|cDAU|cMAU):
		return "", "a limit"
	}
	if c.elided && c.left.has(cResult) && c.subject.has(cDAU|cMAU) && !c.labelled {
		// "DAU is about 30% of our 100M MAU, i.e. 30M"
		if c.subject.has(cDAU) {
			return "dau", ""
		}
		return "mau", ""
	}
	if c.noun.has(cUser) && (c.left.has(cMax) || a.Hedge == AtMost && c.left.has(cLimit)) {
		return "", "a maximum, not a count of users"
	}
	if c.noun.has(cUser) && a.First > 0 && prepositionBefore(c.t, a.First) {
		// "sends 10 messages to 4 different people"
		return "", "users named as an object, not counted"
	}
	// Users.
	if c.noun.has(cUser) || (c.label.has(cUser|cDAU|cMAU) && !c.label.has(cRequest|cRead|cWrite|cSession|cSize)) && !c.perUser ||
		c.noun == 0 && c.right.has(cDAU|cMAU) || c.noun == 0 && c.left.has(cDAU|cMAU) && !c.left.has(cRequest|cRead|cWrite) {
		if a.Value == 1 && !a.Scaled {
			return "", "one user is the subject of a per-user figure"
		}
		return c.userName(local)
	}
	if c.noun == 0 && !c.labelled && c.subject.has(cDAU|cMAU) && c.left.has(cResult) {
		// "DAU is about 30% of our 100M MAU, i.e. 30M"
		if c.subject.has(cDAU) {
			return "dau", ""
		}
		return "mau", ""
	}
	if c.noun == 0 && c.labelled && c.label.has(cUser) && !c.label.has(cRequest|cRead|cWrite|cSession) {
		return c.userName(local)
	}
	// Consumers and replicas.
	if (c.noun | c.label).has(cConsumer) && !(c.noun | c.label).has(cRead|cWrite|cRequest) && a.Value < 10000 {
		return "consumers", ""
	}
	if (c.noun | c.label).has(cReplication) && a.Value >= 1 && a.Value <= 10 && (c.ctx.Where == InEstimates || c.label.has(cReplication)) && !c.label.has(cServer) {
		if c.label.has(cField) || near.has(cNotInput) && !c.label.has(cReplication) {
			return "", ""
		}
		return "replication_factor", ""
	}
	// "30 servers needed", "… = 10 shards": the fleet a calculation
	// comes to
	shards := a.PerWhat < 0 && a.Noun[1] > a.Noun[0] && nodeWord(c.t.Low(a.Noun[1]-1)) && !c.noun.has(cReplication) && !hasSuffix(c.t.Low(a.Noun[1]-1), "replicas")
	// ("50,000 per gateway node" is one node's share, not the fleet)
	if (c.noun.has(cServer) || shards) && ((near | c.sent).has(cResult) || c.result) && !c.noun.has(cReplication) && a.PerWhat < 0 {
		return "servers", ""
	}
	if c.label.has(cServer) && !c.label.has(cCapacity) && (c.label.has(cResult|cTotal) || c.result) {
		return "servers", ""
	}
	// "Peak/avg: 5", "Peak-to-average ratio ≈ 2.5"
	if c.label.has(cPeak) && (c.label.has(cAverage | cMean | cFactor | cRatio)) && a.Value >= 1 && a.Value <= 100 && !a.Scaled {
		return "peak_factor", ""
	}
	// "~100 reads for every write"
	if c.right.has(cRatio) && c.head.has(cRead) && c.right.has(cWrite) {
		return "read_write_ratio", ""
	}
	// Bare counts under a label that names a rate: "Requests per user per
	// day: 100", "Daily requests: 10 billion", "Minutes per session: 15".
	if c.labelled || c.elided || c.hasSentPer {
		return c.labelledCount()
	}
	return "", ""
}

// prepositionBefore reports a preposition just before token i (hedges
// aside).
func prepositionBefore(t *Text, i int) bool {
	switch t.Low(i - 1) {
	case "to", "among":
		return true
	}
	return false
}

// userName tells daily, monthly and total users apart. A name written just
// before the figure ("MAU 12M") comes first.
func (c *clue) userName(local concept) (string, string) {
	if c.noun&(cUser|cDAU|cMAU) == 0 && c.label&(cDAU|cMAU|cDaily|cMonthly) == 0 && c.a.First > 0 {
		switch w := wordConcepts(c.t.Low(c.a.First - 1)); {
		case w.has(cDAU):
			return "dau", ""
		case w.has(cMAU):
			return "mau", ""
		}
	}
	if c.elided {
		switch {
		case c.right.has(cDaily) && !c.right.has(cMonthly):
			return "dau", ""
		case c.right.has(cMonthly):
			return "mau", ""
		}
	}
	if hasWordIn(Lex(c.ctx.Label), 0, -1, "hourly", "hour", "concurrent", "concurrently", "simultaneous", "online") ||
		hasWordIn(c.t, c.leftFrom, c.a.First, "hourly", "concurrent", "concurrently", "simultaneous", "online") {
		// "Active users (hourly): 10M", "1M concurrent users": users
		// at once, not the user base
		return "", "users at one time, not the user base"
	}
	l := local | c.subject&cActive
	switch {
	case l.has(cDAU) || l.has(cDaily) && !l.has(cMonthly) || c.label.has(cDaily):
		return "dau", ""
	case l.has(cMAU) || l.has(cMonthly):
		return "mau", ""
	}
	return "users", ""
}

// labelledCount names a bare count by its label.
func (c *clue) labelledCount() (string, string) {
	lab := c.label
	if c.elided || c.hasSentPer {
		lab |= c.noun | c.left
	}
	switch {
	case lab.has(cSession) && lab.has(cMinute):
		return "minutes_per_session", ""
	case lab.has(cSession) && c.perUser || lab.has(cSession) && lab.has(cEach|cDaily):
		return "sessions_per_user_per_day", ""
	case lab.has(cMinute) && lab.has(cRequest):
		return "requests_per_minute", ""
	}
	act := c.activity()
	if c.elided || c.hasSentPer {
		act = c.activity()
		if act == 0 {
			act = c.noun & (cRead | cWrite | cRequest)
		}
	}
	if c.perUser {
		if act == 0 {
			return "", ""
		}
		day, _ := activityName(act)
		return day + "_per_user_per_day", ""
	}
	if (lab | c.left).has(cDaily|cMonthly|cYearly) && act != 0 && !lab.has(cPeak) {
		day, _ := activityName(act)
		return day + "_per_day", ""
	}
	if lab.has(cSecond) && act != 0 {
		_, tps := activityName(act)
		if lab.has(cPeak) {
			return "peak_tps", ""
		}
		return tps, ""
	}
	if lab.has(cConsumer) {
		return "consumers", ""
	}
	return "", ""
}

// figure coerces the amount to the name.
func (c *clue) figure(name string) (Figure, string) {
	a := c.a
	q := a.Quantity
	upper := capacityType[name]
	q.Value = a.RangeValue(upper)
	f := Figure{Rank: c.ctx.Rank}
	if c.labelled && f.Rank < RankLabel {
		f.Rank = RankLabel
	}
	switch name {
	case "write_ratio:complement":
		name, q.Value, q.Dim = "write_ratio", 1-q.Value, estimate.Ratio
	case "write_ratio:split":
		name, q.Value, q.Dim = "write_ratio", 1-q.Value, estimate.Ratio
	case "write_ratio:splitfirst":
		name, q.Dim = "write_ratio", estimate.Ratio
	case "read_write_ratio:inverse":
		name, q.Value = "read_write_ratio", a.B/a.A
	case "retention:horizon":
		name = "retention"
		f.Rank = RankHorizon
	}
	if c.times > 1 && strings.HasSuffix(name, "_per_user_per_day") {
		q.Value *= c.times
	}
	if c.hasSentPer && q.Dim == estimate.Count {
		q.Dim, q.Per = estimate.Rate, c.sentPer
		q.Value /= c.ctx.Calendar.Seconds(c.sentPer)
	}
	n, ok := estimate.Lookup(name)
	if !ok {
		return f, "unknown name " + name
	}
	// A count labelled per day ("Daily requests: 10 billion") is a day's
	// worth; per month or per year it is divided down.
	if n.PerDay && q.Dim == estimate.Count {
		lab := c.label | c.left
		switch {
		case lab.has(cMonthly):
			q.Value /= c.ctx.Calendar.DaysPerMonth
		case lab.has(cYearly):
			q.Value /= 365
		}
	}
	if n.Dim == estimate.Bytes && q.Dim == estimate.Count && (a.Scaled || a.AmbigB) && !a.Bare {
		// "40G", "3T", "50B": a size with the byte unit left out.
		q.Dim = estimate.Bytes
		if a.AmbigB {
			q.Value /= 1e9
		}
	}
	if n.Dim == estimate.ByteRate && q.Dim == estimate.Rate && a.Scaled {
		// "20k/s", "2m/s" for a bandwidth
		q.Dim = estimate.ByteRate
	}
	if n.Dim == estimate.Bytes && q.Dim == estimate.Bytes && a.HasPer && name != "cache_memory" {
		// A volume per period: per day for the per-day names.
		secs := c.ctx.Calendar.Seconds(a.Per)
		switch {
		case n.PerDay:
			q.Value *= estimate.SecondsPerDay / secs
		case name == "storage_per_year":
			q.Value *= 365 * estimate.SecondsPerDay / secs
		}
	}
	if (name == "dau" || name == "mau") && q.Dim == estimate.Rate {
		q.Value *= c.ctx.Calendar.Seconds(a.Per)
		q.Dim = estimate.Count
	}
	if n.Dim == estimate.Count && q.Dim == estimate.Rate && n.PerDay {
		q.Value *= estimate.SecondsPerDay
		q.Dim = estimate.Count
	}
	if n.Dim == estimate.Duration && q.Dim == estimate.Count && a.AmbigM {
		q.Value = q.Value / 1e6 * 60
		q.Dim = estimate.Duration
	}
	out, err := n.Coerce(q)
	if err != nil {
		return f, fmt.Sprint(err)
	}
	if n.Dim == estimate.Count && n.PerDay && q.Dim == estimate.Count && q.Per == 0 {
		out.Per = estimate.PerDay
	}
	f.Name = name
	f.Quantity = out
	f.Claim = n.Derived && !(n.PerDay && n.Dim == estimate.Count && !c.result && !c.sent.has(cResult) && !c.before.has(cResult))
	f.Premise = n.Derived && !f.Claim
	f.Horizon = a.Horizon
	if name == "storage_total" && f.Horizon == 0 {
		f.Horizon = c.horizonInLabel()
	}
	switch {
	case a.Paren:
		f.Rank -= 10
	case (c.left | c.sent).has(cHypo):
		f.Rank -= 10
	}
	if a.Hedge == AtMost || a.Hedge == AtLeast {
		f.Rank -= 3
	}
	if (c.label | c.left | c.right).has(cMax | cMedian | cPercentile | cMin) {
		f.Rank -= 8
	}
	if (c.label | c.left).has(cMean) {
		f.Rank += 2
	}
	if c.label.has(cTotal) {
		f.Rank += 5
	}
	if !c.labelled && (c.left | c.sent).has(cAssume) && !(c.left | c.sent).has(cHypo) {
		// "Suppose a node serves 100k/s" sets the figure, where another
		// sentence may only report one
		f.Rank += 3
	}
	return f, ""
}

// horizonInLabel reads the period a labelled storage total covers:
// "Storage (10 years)", "Storage for 5 years".
func (c *clue) horizonInLabel() float64 {
	t := c.t
	for i := max(0, c.a.First-8); i < c.a.First; i++ {
		if t.IsNumber(i) && t.IsWord(i+1) {
			if u, ok := unitOf(t.Str(i + 1)); ok && u.dim == estimate.Duration && u.factor >= 86400 {
				return t.Tokens[i].Val * u.factor
			}
		}
	}
	if c.ctx.Label != "" {
		lt := Lex(c.ctx.Label)
		for i := range lt.Tokens {
			if lt.IsNumber(i) && lt.IsWord(i+1) {
				if u, ok := unitOf(lt.Str(i + 1)); ok && u.dim == estimate.Duration && u.factor >= 86400 {
					return lt.Tokens[i].Val * u.factor
				}
			}
		}
	}
	return 0
}

// capacityType are the names whose ranges read as their upper bound; the
// rest take the midpoint.
var capacityType = map[string]bool{
	"dau": true, "mau": true, "users": true, "requests_per_user_per_day": true, "reads_per_user_per_day": true,
	"writes_per_user_per_day": true, "requests_per_day": true, "reads_per_day": true, "writes_per_day": true,
	"sessions_per_user_per_day": true, "minutes_per_session": true, "requests_per_minute": true, "peak_factor": true,
	"write_size": true, "read_size": true, "retention": true, "replication_factor": true, "cache_hot_fraction": true,
	"queue_arrival_rate": true,
}
