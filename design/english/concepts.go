package english

import "strings"

// concept is a set of the ideas words stand for, as bits: "DAU" stands for
// users, daily and active; "uploads" for a write. Figures are named by the
// concepts around them, so one lexicon serves labels, table rows and
// sentences alike.
type concept uint64

// The concepts.
const (
	cUser concept = 1 << iota
	cDAU
	cMAU
	cDaily
	cMonthly
	cActive
	cTotal
	cConcurrent
	cEach
	cRequest
	cRead
	cWrite
	cSize
	cResponse
	cStorage
	cMemory
	cCache
	cHot
	cRetention
	cReplication
	cServer
	cCapacity
	cUtil
	cLatency
	cMean
	cMedian
	cPercentile
	cMax
	cMin
	cPeak
	cAverage
	cFactor
	cQueue
	cProducer
	cConsumer
	cSession
	cAvail
	cBandwidth
	cIn
	cOut
	cRatio
	cResult
	cHypo
	cOther
	cHistory
	cLimit
	cHardware
	cField
	cMoney
	cNotInput
	cTraffic
	cHorizon
	cTime
	cSecond
	cMinute
	cYearly
	cAssume
	cWe
	cData
	cApp
	cKey
	cCost
)

// lexicon maps a word (lower case; plural and verb endings are tried off)
// to its concepts.
var lexicon = map[string]concept{
	// people
	"user": cUser, "people": cUser, "person": cUser, "customer": cUser, "member": cUser, "subscriber": cUser,
	"visitor": cUser, "client": cUser, "rider": cUser, "player": cUser, "viewer": cUser, "buyer": cUser,
	"shopper": cUser, "student": cUser, "creator": cUser, "listener": cUser, "patient": cUser, "guest": cUser,
	"actives": cUser | cActive, "individual": cUser, "consumer": cConsumer, "dau": cUser | cDAU | cDaily | cActive,
	"daus": cUser | cDAU | cDaily | cActive, "mau": cUser | cMAU | cMonthly | cActive, "maus": cUser | cMAU | cMonthly | cActive,
	"active": cActive, "registered": cTotal, "total": cTotal | cResult, "overall": cTotal, "worldwide": cTotal,
	"signup": cTotal, "base": cTotal, "concurrent": cConcurrent, "simultaneous": cConcurrent, "online": cConcurrent,
	"concurrently": cConcurrent,
	// periods
	"daily": cDaily, "day": cDaily, "today": cDaily, "nightly": cDaily, "monthly": cMonthly, "month": cMonthly,
	"year": cYearly, "yearly": cYearly, "annual": cYearly, "annually": cYearly, "second": cSecond, "sec": cSecond,
	"minute": cMinute, "min": cMinute, "qps": cSecond | cRequest, "rps": cSecond | cRequest, "tps": cSecond | cRequest,
	// activity
	"each": cEach, "every": cEach, "per": cEach, "typical": cEach, "single": cEach,
	"request": cRequest, "call": cRequest, "hit": cRequest, "action": cRequest,
	"interaction": cRequest, "api": cRequest, "poll": cRequest, "query": cRequest,
	"req": cRequest, "reqs": cRequest, "invocation": cRequest, "traffic": cTraffic, "load": cTraffic,
	"read": cRead, "view": cRead, "watch": cRead, "play": cRead, "fetch": cRead, "get": cRead,
	"download": cRead | cOut, "browse": cRead, "visit": cRead, "search": cRead, "check": cRead, "stream": cRead,
	"consume": cRead, "redirect": cRead, "redirection": cRead, "lookup": cRead, "see": cRead, "open": cRead | cSession,
	"listen": cRead, "scroll": cRead, "pageview": cRead, "impression": cRead, "reader": cRead,
	"write": cWrite, "post": cWrite, "upload": cWrite | cIn, "send": cWrite, "sent": cWrite, "create": cWrite, "new": cWrite,
	"place": cWrite, "submit": cWrite, "publish": cWrite | cProducer, "add": cWrite, "share": cWrite, "tweet": cWrite,
	"book": cWrite, "booking": cWrite, "order": cWrite, "ingest": cWrite | cIn, "insert": cWrite, "update": cWrite,
	"edit": cWrite, "generate": cWrite, "shorten": cWrite, "paste": cWrite, "crawl": cWrite, "transaction": cWrite,
	"mutate": cWrite, "message": cWrite, "ride": cWrite, "trip": cWrite, "purchase": cWrite, "comment": cWrite,
	"like": cWrite, "review": cWrite, "payment": cWrite, "signup_": cWrite, "enqueue": cWrite | cProducer,
	"record": cWrite, "writer": cWrite,
	// sizes and storage
	"size": cSize, "sized": cSize, "big": cSize, "large": cSize, "payload": cSize, "object": cSize, "weigh": cSize,
	"footprint": cSize, "blob": cSize, "item": cSize, "entry": cSize, "document": cSize, "doc": cSize, "file": cSize,
	"response": cResponse | cRead, "return": cResponse | cRead, "serve": cResponse | cCapacity, "reply": cResponse,
	"page": cResponse, "body": cSize,
	"storage": cStorage, "store": cStorage, "disk": cStorage | cHardware, "space": cStorage, "need": cResult | cStorage,
	"require": cResult, "content": cStorage | cData, "volume": cStorage, "growth": cStorage, "ingress": cIn | cStorage,
	"egress": cOut, "data": cData, "memory": cMemory, "ram": cMemory | cHardware,
	"cache": cCache, "cached": cCache, "caching": cCache, "hot": cHot, "hottest": cHot, "popular": cHot, "80/20": cHot,
	"retention": cRetention, "retain": cRetention, "kept": cRetention, "keep": cRetention, "persist": cRetention,
	"history": cRetention, "window": cRetention, "horizon": cRetention | cHorizon, "archive": cRetention,
	"delete": cRetention, "purge": cRetention, "expire": cRetention | cTime, "lifetime": cRetention, "hold": cRetention,
	"replication": cReplication, "replicate": cReplication, "replica": cReplication, "copy": cReplication,
	"copies": cReplication, "rf": cReplication, "way": cReplication, "redundancy": cReplication,
	"chunkserver": cServer | cReplication,
	// servers
	"server": cServer, "node": cServer, "instance": cServer, "pod": cServer, "machine": cServer, "host": cServer,
	"box": cServer, "vm": cServer, "primary": cServer, "container": cServer, "worker": cServer | cConsumer,
	"handle": cCapacity, "sustain": cCapacity, "process": cCapacity | cConsumer, "throughput": cCapacity | cBandwidth,
	"capacity": cCapacity, "drain": cConsumer, "utilization": cUtil, "utilisation": cUtil, "util": cUtil,
	"cpu": cUtil, "headroom": cUtil,
	// latency
	"latency": cLatency, "latencie": cLatency, "spend": cLatency, "take": cLatency, "rtt": cLatency, "roundtrip": cLatency,
	"mean": cMean, "average": cMean | cAverage, "avg": cMean | cAverage, "median": cMedian, "p50": cMedian,
	"percentile": cPercentile, "tail": cPercentile, "th": cPercentile, "max": cMax, "maximum": cMax, "peak": cPeak,
	"burst": cPeak, "spike": cPeak, "busiest": cPeak, "rush": cPeak, "surge": cPeak, "peaking": cPeak,
	"minimum": cMin, "floor": cMin, "normal": cAverage, "baseline": cAverage,
	"factor": cFactor, "multiplier": cFactor, "ratio": cRatio | cFactor, "outnumber": cRatio, "split": cRatio,
	"proportion": cRatio, "fraction": cRatio,
	// queues
	"queue": cQueue, "topic": cQueue, "broker": cQueue, "kafka": cQueue, "partition": cNotInput, "producer": cProducer,
	"arrival": cProducer, "incoming": cIn | cProducer, "outgoing": cOut, "inbound": cIn, "outbound": cOut,
	"sessions": cSession, "session": cSession,
	// availability
	"availability": cAvail, "available": cAvail, "uptime": cAvail, "sla": cAvail, "nines": cAvail,
	"bandwidth": cBandwidth, "network": cBandwidth, "transfer": cBandwidth,
	// claims and hedges
	"give": cResult, "gives": cResult, "translate": cResult, "result": cResult, "come": cResult, "amount": cResult,
	"so": cResult, "therefore": cResult, "thus": cResult, "hence": cResult, "means": cResult, "equal": cResult,
	"might": cHypo, "could": cHypo, "may": cHypo, "maybe": cHypo, "possibly": cHypo, "target": cHypo,
	"goal": cHypo, "eventually": cHypo, "launch": cHypo, "aspire": cHypo, "aim": cHypo, "hope": cHypo,
	"assume": cAssume, "assuming": cAssume, "assumption": cAssume, "expect": cAssume, "estimate": cAssume,
	"suppose": cAssume, "let": cAssume, "given": cAssume, "plan": cAssume,
	"we": cWe, "our": cWe, "us": cWe,
	// other systems, history, limits
	"twitter": cOther, "facebook": cOther, "instagram": cOther, "whatsapp": cOther, "uber": cOther, "netflix": cOther,
	"amazon": cOther, "google": cOther, "youtube": cOther, "linkedin": cOther, "tiktok": cOther, "reddit": cOther,
	"comparison": cOther, "compared": cOther, "blog": cOther, "reportedly": cOther, "industry": cOther,
	"incident": cHistory, "old": cHistory, "legacy": cHistory, "previous": cHistory, "historically": cHistory,
	"found": cHistory, "monolith": cHistory,
	"limit": cLimit, "limited": cLimit, "quota": cLimit, "cap": cLimit, "capped": cLimit, "allow": cLimit,
	"free": cLimit, "allowance": cLimit, "legal": cLimit,
	"vcpu": cHardware, "core": cHardware, "nvme": cHardware, "ssd": cHardware, "hdd": cHardware, "gpu": cHardware,
	"id": cField, "ids": cField, "field": cField, "column": cField, "integer": cField, "int": cField, "bigint": cField,
	"timestamp": cField, "character": cField, "char": cField, "digit": cField, "uuid": cField, "hash": cField,
	"bit": cField, "snowflake": cField, "varchar": cField,
	"cost": cMoney | cCost, "budget": cMoney, "usd": cMoney, "dollar": cMoney, "price": cMoney, "$": cMoney, "€": cMoney,
	"spend_": cMoney, "bill": cMoney, "saving": cMoney,
	"shard": cNotInput, "zone": cNotInput, "az": cNotInput, "azs": cNotInput, "region": cNotInput, "pop": cNotInput,
	"port": cNotInput, "retry": cNotInput, "retries": cNotInput, "timeout": cNotInput | cTime, "ttl": cNotInput | cTime,
	"interval": cTime, "batch": cNotInput, "pool": cNotInput, "connection": cNotInput, "follower": cNotInput,
	"follow": cNotInput, "following": cNotInput, "fanout": cNotInput, "engineer": cNotInput, "team": cNotInput,
	"sprint": cNotInput, "step": cNotInput, "section": cNotInput, "version": cNotInput, "backup": cNotInput,
	"snapshot": cNotInput, "lag": cNotInput, "health": cNotInput, "certificate": cNotInput, "token": cNotInput,
	"code": cNotInput | cKey, "password": cNotInput, "bcrypt": cNotInput, "compression": cNotInput, "bloom": cNotInput,
	"pixel": cNotInput, "px": cNotInput, "tls": cNotInput, "http": cNotInput, "status": cNotInput,
	"migration": cNotInput, "deprecated": cNotInput, "endpoint": cNotInput, "rfc": cNotInput, "adr": cNotInput,
	"hashed": cNotInput, "rotate": cNotInput, "idle": cNotInput, "heartbeat": cNotInput, "job": cNotInput,
	"cron": cNotInput, "compaction": cNotInput, "positive": cNotInput, "key": cKey, "keyspace": cKey,
	"combination": cKey, "possible": cKey, "base62": cKey, "base64": cKey,
	"app": cApp, "application": cApp, "clock": cTime,
}

// phrases are two-word entries, keyed "first second" in lower case.
var phrases = map[string]concept{
	// "Bandwidth out: 115 MB/s", "data in"
	"bandwidth out": cOut, "bandwidth in": cIn, "data out": cOut, "data in": cIn, "traffic out": cOut, "traffic in": cIn,
	"daily active": cDAU | cDaily | cActive, "monthly active": cMAU | cMonthly | cActive,
	"response time": cLatency, "round trip": cLatency, "end to": cLatency, "for comparison": cOther,
	"page view": cRead, "page views": cRead, "time out": cNotInput | cTime, "times out": cNotInput | cTime,
	"read replica": cReplication, "hot set": cHot, "working set": cHot, "fan out": cNotInput,
	"that is": cResult, "which is": cResult, "this is": cResult, "i e": cResult, "in total": cResult | cTotal,
	"this gives": cResult, "that gives": cResult, "which gives": cResult, "works out": cResult,
	"we need": cResult, "we'll need": cResult, "we will": cResult, "will require": cResult, "need about": cResult,
	"a given": cEach, "on average": cMean, "at peak": cPeak, "at the": 0, "make up": cRatio,
	"for every": cRatio, "error budget": cNotInput, "free tier": cLimit, "rate limit": cLimit,
	"rate limiter": cLimit, "up front": 0, "mutate state": cWrite, "new data": cStorage, "legal minimum": cLimit,
	"user base": cUser | cTotal, "line item": 0,
	"service rate": cConsumer, "processing rate": cConsumer, "consumption rate": cConsumer, "arrival rate": cProducer,
}

// stems returns the forms of a lower-case word to look up: itself, and
// with plural or verb endings taken off.
func stems(w string, yield func(string) bool) {
	if yield(w) {
		return
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		if yield(w[:n-3] + "y") {
			return
		}
	case n > 4 && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		if yield(w[:n-2]) {
			return
		}
	}
	if n > 3 && w[n-1] == 's' && w[n-2] != 's' {
		if yield(w[:n-1]) {
			return
		}
	}
	if n > 4 && strings.HasSuffix(w, "ed") {
		if yield(w[:n-2]) || yield(w[:n-1]) {
			return
		}
		if n > 5 && w[n-3] == w[n-4] && yield(w[:n-3]) {
			return
		}
	}
	if n > 5 && strings.HasSuffix(w, "ing") {
		if yield(w[:n-3]) || yield(w[:n-3]+"e") {
			return
		}
	}
	if n > 4 && strings.HasSuffix(w, "er") {
		yield(w[:n-2])
	}
}

// wordConcepts looks a word up in the lexicon.
func wordConcepts(w string) concept {
	var c concept
	stems(w, func(s string) bool {
		if v, ok := lexicon[s]; ok {
			c = v
			return true
		}
		return false
	})
	return c
}

// conceptsOf gathers the concepts of the words of tokens [from, to).
func (t *Text) conceptsOf(from, to int) concept {
	var c concept
	prev := ""
	for i := max(from, 0); i < to && i < len(t.Tokens); i++ {
		t.steps++
		tok := t.Tokens[i]
		switch tok.Kind {
		case Word:
			l := t.Low(i)
			w := wordConcepts(l)
			if w.has(cEach) && t.IsWord(i+1) {
				// "per day" is a period, not "each"
				if _, ok := periodWords[t.Low(i+1)]; ok {
					w &^= cEach
				}
			}
			c |= w
			if prev != "" {
				c |= phrases[prev+" "+l]
			}
			if isPercentileWord(l) {
				c |= cPercentile
			}
			prev = l
		case Symbol:
			switch t.Src[tok.Start:tok.End] {
			case "$", "€", "£":
				// "$40k" is money; "$$" and "$x$" are LaTeX
				if i+1 < len(t.Tokens) && t.Tokens[i+1].Kind == Number && !t.Tokens[i+1].Space && !t.latexAfter(i+1) {
					c |= cMoney
				}
			case "-", "'", "’":
				// "end-to-end", "we'll": keep the phrase going
				continue
			case ".":
				if len(prev) == 1 {
					// "i.e.", "e.g."
					continue
				}
			}
			prev = ""
		default:
			prev = ""
		}
	}
	return c
}

// latexAfter reports a LaTeX command or a closing dollar sign within a few
// tokens after i: "$10 \times 2$" is mathematics, not money.
func (t *Text) latexAfter(i int) bool {
	for j := i; j < len(t.Tokens) && j < i+12; j++ {
		t.steps++
		if tok := t.Tokens[j]; tok.Kind == Symbol && (t.Src[tok.Start] == '\\' || t.Src[tok.Start:tok.End] == "$") {
			return true
		}
	}
	return false
}

// isPercentileWord reports "p99", "p95", "p999", "99th".
func isPercentileWord(l string) bool {
	if len(l) >= 3 && l[0] == 'p' && isDigit(l[1]) && isDigit(l[2]) {
		for i := 1; i < len(l); i++ {
			if !isDigit(l[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// conceptsOfString lexes a short text (a label, a header) and gathers its
// concepts.
func conceptsOfString(s string) concept {
	if s == "" {
		return 0
	}
	t := Lex(s)
	defer t.settle()
	return t.conceptsOf(0, len(t.Tokens))
}

func (c concept) has(x concept) bool { return c&x != 0 }
func (c concept) all(x concept) bool { return c&x == x }
